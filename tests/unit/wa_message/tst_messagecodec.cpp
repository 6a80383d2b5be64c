// The pure message pieces against the vectors of MESSAGING.md: padding (§4), message ids (§4), the
// participant hash (§5), the plaintexts of the worked example (§13) and how every kind of
// plaintext decodes.

#include "wa/message/messagecodec.h"

#include <QTest>

using namespace wagate;
using namespace wagate::wa;

namespace {

QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

//! A protobuf field of wire type 2 (length-delimited), for hand-made plaintexts.
QByteArray field(int number, const QByteArray &payload)
{
    QByteArray out;
    quint32 tag = quint32(number) << 3 | 2;
    while (tag >= 0x80) {
        out.append(char((tag & 0x7F) | 0x80));
        tag >>= 7;
    }
    out.append(char(tag));
    quint32 len = quint32(payload.size());
    while (len >= 0x80) {
        out.append(char((len & 0x7F) | 0x80));
        len >>= 7;
    }
    out.append(char(len));
    return out + payload;
}

} // namespace

class TestMessageCodec : public QObject
{
    Q_OBJECT

private slots:
    void padding_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<int>("n");
        QTest::addColumn<QByteArray>("padded");
        QTest::newRow("example §13, N=4") << hex("0A0548656C6C6F") << 4 << hex("0A0548656C6C6F04040404");
        QTest::newRow("N=1") << QByteArray("x") << 1 << QByteArray("x\x01");
        QTest::newRow("N=16 on empty") << QByteArray() << 16 << QByteArray(16, '\x10');
    }
    void padding()
    {
        QFETCH(QByteArray, plain);
        QFETCH(int, n);
        QFETCH(QByteArray, padded);
        QCOMPARE(message::pad(plain, quint8(n)), padded);
        QCOMPARE(message::unpad(padded), std::optional<QByteArray>(plain));
    }

    void randomPaddingStaysInRange()
    {
        QSet<int> seen;
        for (int i = 0; i < 2000; ++i) {
            const QByteArray p = message::pad("abc");
            const int n = p.size() - 3;
            QVERIFY2(n >= 1 && n <= 16, qPrintable(QString::number(n)));
            seen.insert(n);
            QCOMPARE(message::unpad(p), std::optional<QByteArray>("abc"));
        }
        QCOMPARE(seen.size(), 16); // every value occurs
    }

    void badPaddingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("padded");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("zero") << QByteArray("abc\x00", 4);
        QTest::newRow("longer than the input") << QByteArray("\x05\x05", 2);
        QTest::newRow("inconsistent bytes") << QByteArray("abc\x01\x03\x03", 6);
    }
    void badPaddingIsRefused()
    {
        QFETCH(QByteArray, padded);
        QVERIFY(!message::unpad(padded));
        QCOMPARE(message::decode(padded).error(), message::DecodeError::Padding);
    }

    void messageIds()
    {
        // MESSAGING.md §4: t=1735689600, user 15550001111, 16 zero bytes.
        QCOMPARE(message::newId(QStringLiteral("15550001111"), 1735689600, QByteArray(16, '\0')),
                 QStringLiteral("3EB05C9CEFF5A8EFFC0B4A"));
        const QString a = message::newId(QStringLiteral("15550001111"), 1735689600);
        const QString b = message::newId(QStringLiteral("15550001111"), 1735689600);
        QCOMPARE(a.size(), 22);
        QVERIFY(a.startsWith(QLatin1String("3EB0")));
        QVERIFY(a != b);
        QVERIFY(message::isValidId(a));
    }

    void idsAreOpaqueButBounded_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("web") << "3EB05C9CEFF5A8EFFC0B4A" << true;
        QTest::newRow("phone") << "AC07DE0D18FA8254897A26C90B2FFD98" << true;
        QTest::newRow("caller's own") << "order-1234_a.b" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("space") << "a b" << false;
        QTest::newRow("quote") << "a\"b" << false;
        QTest::newRow("too long") << QString(65, QLatin1Char('A')) << false;
        QTest::newRow("non-ascii") << QStringLiteral("ü") << false;
    }
    void idsAreOpaqueButBounded()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(message::isValidId(id), valid);
    }

    void participantHash()
    {
        // MESSAGING.md §5's vector.
        const QList<Jid> devices{Jid::phone(QStringLiteral("15550002222"), 3), Jid::phone(QStringLiteral("15550001111"), 5),
                                 Jid::phone(QStringLiteral("15550002222"), 0), Jid::phone(QStringLiteral("15550001111"), 0)};
        QCOMPARE(message::participantHash(devices), QStringLiteral("2:YD6nT7PD"));
        QList<Jid> reversed(devices.crbegin(), devices.crend());
        QCOMPARE(message::participantHash(reversed), QStringLiteral("2:YD6nT7PD")); // order does not matter
    }

    void workedExamplePlaintexts()
    {
        // §13: the extended-text form of "Hello", and the DSM for our own phone (40 bytes).
        QCOMPARE(message::encodeText(QStringLiteral("Hello")), hex("32070A0548656C6C6F"));
        const QByteArray dsm = message::encodeDeviceSent(Jid::phone(QStringLiteral("15550002222")), hex("0A0548656C6C6F"));
        QCOMPARE(dsm, hex("FA01250A1A") + QByteArray("15550002222@s.whatsapp.net") + hex("12070A0548656C6C6F"));
        QCOMPARE(dsm.size(), 40);
    }

    void decoding_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("dsmTo");
        using K = message::Content::Kind;
        const QByteArray conversation = field(1, "Hello");
        const QByteArray extended = field(6, field(1, QStringLiteral("Grüße 👋").toUtf8()));
        QTest::newRow("conversation") << conversation << int(K::Text) << "conversation" << "Hello" << "";
        QTest::newRow("extended text") << extended << int(K::Text) << "extendedTextMessage" << QStringLiteral("Grüße 👋") << "";
        QTest::newRow("ephemeral") << field(40, field(1, conversation)) << int(K::Text) << "conversation" << "Hello" << "";
        QTest::newRow("edited") << field(58, field(1, extended)) << int(K::Text) << "extendedTextMessage"
                                << QStringLiteral("Grüße 👋") << "";
        QTest::newRow("device sent")
            << message::encodeDeviceSent(Jid::phone(QStringLiteral("15550002222")), conversation) << int(K::Text)
            << "conversation" << "Hello" << "15550002222@s.whatsapp.net";
        QTest::newRow("image") << field(3, field(1, "https://mmg")) << int(K::Unsupported) << "imageMessage" << "" << "";
        QTest::newRow("reaction") << field(46, field(2, "x")) << int(K::Unsupported) << "reactionMessage" << "" << "";
        QTest::newRow("unknown number") << field(200, "x") << int(K::Unsupported) << "field200" << "" << "";
        QTest::newRow("protocol") << field(12, hex("1000")) << int(K::Protocol) << "protocolMessage" << "" << "";
        QTest::newRow("history notice") << field(102, "x") << int(K::Protocol) << "field102" << "" << "";
        QTest::newRow("context info only") << field(35, field(3, QByteArray(32, 'k'))) << int(K::Empty) << "" << "" << "";
        QTest::newRow("nothing") << QByteArray() << int(K::Empty) << "" << "" << "";
    }
    void decoding()
    {
        QFETCH(QByteArray, plain);
        QFETCH(int, kind);
        QFETCH(QString, type);
        QFETCH(QString, text);
        QFETCH(QString, dsmTo);
        auto c = message::decode(message::pad(plain, 7));
        QVERIFY(c);
        QCOMPARE(int(c->kind), kind);
        QCOMPARE(c->type, type);
        QCOMPARE(c->text, text);
        QCOMPARE(c->deviceSentTo ? c->deviceSentTo->toString() : QString(), dsmTo);
    }

    void senderKeysAreCollected()
    {
        const QByteArray skdm = message::encodeSenderKeyDistribution(QStringLiteral("1203@g.us"), "SKDM");
        auto c = message::decodeUnpadded(skdm + field(1, "hi all"));
        QVERIFY(c);
        QCOMPARE(c->kind, message::Content::Kind::Text);
        QCOMPARE(c->senderKeys.size(), 1);
        QCOMPARE(c->senderKeys.first().groupId, QStringLiteral("1203@g.us"));
        QCOMPARE(c->senderKeys.first().message, QByteArray("SKDM"));
    }

    void malformedAndNested()
    {
        QCOMPARE(message::decodeUnpadded(hex("0aff")).error(), message::DecodeError::Protobuf);
        QByteArray deep = field(1, "x");
        for (int i = 0; i < 8; ++i)
            deep = field(40, field(1, deep));
        QCOMPARE(message::decodeUnpadded(deep).error(), message::DecodeError::TooDeep);
    }
};

QTEST_GUILESS_MAIN(TestMessageCodec)
#include "tst_messagecodec.moc"
