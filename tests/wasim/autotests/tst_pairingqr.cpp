// PairingQr: the QR text a companion shows, as the simulated phone reads it (PROTOCOL.md §5.4).

#include "wasim/pairingqr.h"

#include <QTest>

using namespace wagate;
using namespace wagate::wasim;

namespace {

QByteArray bytes(char first)
{
    QByteArray b(32, Qt::Uninitialized);
    for (int i = 0; i < 32; ++i)
        b[i] = char(first + i);
    return b;
}

QString b64(const QByteArray &b)
{
    return QString::fromLatin1(b.toBase64());
}

const QString kNoise = b64(bytes(0x10));
const QString kIdentity = b64(bytes(0x40));
const QString kAdv = b64(bytes(0x70));
const QString kPrefix = QStringLiteral("https://wa.me/settings/linked_devices#");

} // namespace

class TestPairingQr : public QObject
{
    Q_OBJECT
private slots:
    void parsesValidForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("ref");
        QTest::addColumn<QString>("platform");

        QTest::newRow("current form") << kPrefix + QStringLiteral("2@abc+/=,%1,%2,%3,1").arg(kNoise, kIdentity, kAdv)
                                      << QByteArray("2@abc+/=") << QStringLiteral("1");
        QTest::newRow("whatsmeow macOS platform") << kPrefix + QStringLiteral("R,%1,%2,%3,c").arg(kNoise, kIdentity, kAdv)
                                                  << QByteArray("R") << QStringLiteral("c");
        QTest::newRow("ref with commas") << kPrefix + QStringLiteral("a,b,c,%1,%2,%3,9").arg(kNoise, kIdentity, kAdv)
                                         << QByteArray("a,b,c") << QStringLiteral("9");
        QTest::newRow("surrounding whitespace")
            << QStringLiteral("  ") + kPrefix + QStringLiteral("2@x,%1,%2,%3,1\n").arg(kNoise, kIdentity, kAdv)
            << QByteArray("2@x") << QStringLiteral("1");
        QTest::newRow("old form without prefix and platform")
            << QStringLiteral("2@old,%1,%2,%3").arg(kNoise, kIdentity, kAdv) << QByteArray("2@old") << QString();
        QTest::newRow("no prefix but platform") << QStringLiteral("2@np,%1,%2,%3,2").arg(kNoise, kIdentity, kAdv)
                                                << QByteArray("2@np") << QStringLiteral("2");
    }

    void parsesValidForms()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, ref);
        QFETCH(QString, platform);
        const auto qr = PairingQr::parse(text);
        QVERIFY2(qr.ok(), qPrintable(qr.ok() ? QString() : qr.error().message));
        QCOMPARE(qr->ref, ref);
        QCOMPARE(qr->noiseKey, bytes(0x10));
        QCOMPARE(qr->identityKey, bytes(0x40));
        QCOMPARE(qr->advSecret, bytes(0x70));
        QCOMPARE(qr->platform, platform);
    }

    void refusesMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("messagePart");

        const QString ok = QStringLiteral("%1,%2,%3").arg(kNoise, kIdentity, kAdv);
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("empty");
        QTest::newRow("too long") << kPrefix + QString(5000, QLatin1Char('a')) << QStringLiteral("too long");
        QTest::newRow("non-ASCII") << kPrefix + QStringLiteral("ré,%1,1").arg(ok) << QStringLiteral("printable ASCII");
        QTest::newRow("inner space") << kPrefix + QStringLiteral("r f,%1,1").arg(ok) << QStringLiteral("printable ASCII");
        QTest::newRow("other URL") << QStringLiteral("https://example.com/#r,%1,1").arg(ok) << QStringLiteral("not a linked-devices URL");
        QTest::newRow("three fields") << kPrefix + QStringLiteral("r,%1,%2").arg(kNoise, kIdentity) << QStringLiteral("REF,NOISE");
        QTest::newRow("prefix without platform") << kPrefix + QStringLiteral("r,%1").arg(ok) << QStringLiteral("no platform");
        QTest::newRow("empty ref") << kPrefix + QStringLiteral(",%1,1").arg(ok) << QStringLiteral("ref is empty");
        QTest::newRow("noise not base64") << kPrefix + QStringLiteral("r,!!!,%1,%2,1").arg(kIdentity, kAdv) << QStringLiteral("noise key");
        QTest::newRow("noise 31 bytes")
            << kPrefix + QStringLiteral("r,%1,%2,%3,1").arg(b64(bytes(0).left(31)), kIdentity, kAdv) << QStringLiteral("noise key");
        QTest::newRow("identity 33 bytes")
            << kPrefix + QStringLiteral("r,%1,%2,%3,1").arg(kNoise, b64(bytes(0) + 'x'), kAdv) << QStringLiteral("identity key");
        QTest::newRow("adv unpadded")
            << kPrefix + QStringLiteral("r,%1,%2,%3,1").arg(kNoise, kIdentity, kAdv.chopped(1)) << QStringLiteral("ADV secret");
        QTest::newRow("platform too long") << kPrefix + QStringLiteral("r,%1,chrome").arg(ok) << QStringLiteral("no platform");
    }

    void refusesMalformed()
    {
        QFETCH(QString, text);
        QFETCH(QString, messagePart);
        const auto qr = PairingQr::parse(text);
        QVERIFY(!qr.ok());
        QCOMPARE(qr.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(qr.error().details.value(QStringLiteral("field")).toString(), QStringLiteral("qr"));
        QVERIFY2(qr.error().message.contains(messagePart), qPrintable(qr.error().message));
        // The message never repeats key material.
        QVERIFY(!qr.error().message.contains(kNoise));
    }

    void roundTrips()
    {
        PairingQr qr{QByteArray("2@Zm9v,bar"), bytes(1), bytes(2), bytes(3), QStringLiteral("7")};
        const QString text = qr.toString();
        QVERIFY(text.startsWith(PairingQr::urlPrefix()));
        const auto parsed = PairingQr::parse(text);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->ref, qr.ref);
        QCOMPARE(parsed->noiseKey, qr.noiseKey);
        QCOMPARE(parsed->identityKey, qr.identityKey);
        QCOMPARE(parsed->advSecret, qr.advSecret);
        QCOMPARE(parsed->platform, qr.platform);
    }
};

QTEST_GUILESS_MAIN(TestPairingQr)
#include "tst_pairingqr.moc"
