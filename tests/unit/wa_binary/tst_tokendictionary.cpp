#include "wa/binary/tokendictionary.h"

#include <QSet>
#include <QTest>

using namespace wagate::wa;

//! The tables are generated from the pinned Baileys package; these checks pin a few well-known slots
//! (PROTOCOL.md §4.3) so a wrong table or a broken look-up shows up here first.
class TestTokenDictionary : public QObject
{
    Q_OBJECT
private slots:
    void knownSingleByteTokens_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("token");
        QTest::newRow("xmlstreamend") << 2 << QStringLiteral("xmlstreamend");
        QTest::newRow("s.whatsapp.net") << 3 << QStringLiteral("s.whatsapp.net");
        QTest::newRow("type") << 4 << QStringLiteral("type");
        QTest::newRow("id") << 8 << QStringLiteral("id");
        QTest::newRow("to") << 17 << QStringLiteral("to");
        QTest::newRow("xmlns") << 22 << QStringLiteral("xmlns");
        QTest::newRow("iq") << 25 << QStringLiteral("iq");
        QTest::newRow("g.us") << 28 << QStringLiteral("g.us");
        QTest::newRow("0") << 45 << QStringLiteral("0");
        QTest::newRow("success") << 76 << QStringLiteral("success");
        QTest::newRow("w:p") << 87 << QStringLiteral("w:p");
        QTest::newRow("lid") << 118 << QStringLiteral("lid");
        QTest::newRow("stream:error") << 157 << QStringLiteral("stream:error");
        QTest::newRow("device-identity") << 230 << QStringLiteral("device-identity");
    }
    void knownSingleByteTokens()
    {
        QFETCH(int, index);
        QFETCH(QString, token);
        QCOMPARE(TokenDictionary::singleByte(index), token);
        const auto found = TokenDictionary::indexOf(token);
        QVERIFY(found);
        QVERIFY(found->isSingleByte());
        QCOMPARE(found->index, index);
    }

    void knownDoubleByteTokens_data()
    {
        QTest::addColumn<int>("dictionary");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("token");
        QTest::newRow("active") << 0 << 1 << QStringLiteral("active");
        QTest::newRow("conflict") << 0 << 14 << QStringLiteral("conflict");
        QTest::newRow("replaced") << 0 << 17 << QStringLiteral("replaced");
        QTest::newRow("ref") << 1 << 80 << QStringLiteral("ref");
        QTest::newRow("pair-device") << 1 << 238 << QStringLiteral("pair-device");
        QTest::newRow("failure") << 2 << 60 << QStringLiteral("failure");
    }
    void knownDoubleByteTokens()
    {
        QFETCH(int, dictionary);
        QFETCH(int, index);
        QFETCH(QString, token);
        QCOMPARE(TokenDictionary::doubleByte(dictionary, index), token);
        const auto found = TokenDictionary::indexOf(token);
        QVERIFY(found);
        QCOMPARE(*found, (TokenIndex{dictionary, index}));
    }

    void nonTokens()
    {
        for (const char *s : {"md", "pair-success", "pair-device-sign", "link_code_companion_reg", ""})
            QVERIFY2(!TokenDictionary::indexOf(QString::fromLatin1(s)), s);
    }

    void outOfRangeIsNull()
    {
        QVERIFY(TokenDictionary::singleByte(0).isNull());
        QVERIFY(TokenDictionary::singleByte(236).isNull());
        QVERIFY(TokenDictionary::singleByte(-1).isNull());
        QVERIFY(TokenDictionary::doubleByte(4, 0).isNull());
        QVERIFY(TokenDictionary::doubleByte(0, 256).isNull());
        QVERIFY(TokenDictionary::doubleByte(-1, 0).isNull());
    }

    void everySlotIsUniqueAndFindsItself()
    {
        QSet<QString> seen;
        for (int i = 1; i < TokenDictionary::SingleByteCount; ++i) {
            const QString t = TokenDictionary::singleByte(i);
            QVERIFY(!t.isEmpty());
            QVERIFY2(!seen.contains(t), qPrintable(t));
            seen.insert(t);
            QCOMPARE(*TokenDictionary::indexOf(t), (TokenIndex{-1, i}));
        }
        for (int d = 0; d < TokenDictionary::DoubleByteDictionaries; ++d) {
            for (int i = 0; i < TokenDictionary::DoubleByteDictionarySize; ++i) {
                const QString t = TokenDictionary::doubleByte(d, i);
                QVERIFY(!t.isEmpty());
                QVERIFY2(!seen.contains(t), qPrintable(t));
                seen.insert(t);
                QCOMPARE(*TokenDictionary::indexOf(t), (TokenIndex{d, i}));
            }
        }
        QCOMPARE(seen.size(), 235 + 4 * 256);
    }
};

QTEST_GUILESS_MAIN(TestTokenDictionary)
#include "tst_tokendictionary.moc"
