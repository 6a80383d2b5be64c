// The pairing-code arithmetic of PROTOCOL.md §6: known answers computed with Baileys 7's own
// functions (derivePairingCodeKey, aesEncryptCTR, hkdf, aesEncryptGCM), and a full exchange where
// the companion's side is written out step by step from §6 with the raw primitives while the phone's
// side is wasim's.

#include "wasim/linkcodecrypto.h"

#include "wa/crypto/aes.h"
#include "wa/crypto/kdf.h"
#include "wa/crypto/keypair.h"

#include <QTest>

using namespace wagate;
using namespace wagate::wasim;

namespace {

QByteArray seq(int start, int n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = char((start + i) & 0xFF);
    return b;
}

QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

} // namespace

class TestLinkCodeCrypto : public QObject
{
    Q_OBJECT
private slots:
    void normalizesCodes_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected"); // empty = refused

        QTest::newRow("canonical") << "ABCDEFGH" << "ABCDEFGH";
        QTest::newRow("lower case") << "abcdefgh" << "ABCDEFGH";
        QTest::newRow("with dash") << "ABCD-EFGH" << "ABCDEFGH";
        QTest::newRow("spaces around") << " zzzz-1111 " << "ZZZZ1111";
        QTest::newRow("digits") << "12345678" << "12345678";
        QTest::newRow("dash elsewhere") << "ABC-DEFGH" << "";
        QTest::newRow("two dashes") << "AB-CD-EFGH" << "";
        QTest::newRow("seven") << "ABCDEFG" << "";
        QTest::newRow("nine") << "ABCDEFGHJ" << "";
        QTest::newRow("zero") << "ABCDEFG0" << "";
        QTest::newRow("letter I") << "ABCDEFGI" << "";
        QTest::newRow("letter O") << "OBCDEFGH" << "";
        QTest::newRow("letter U") << "ABCDUFGH" << "";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("non-ASCII") << "ABCDEFGÄ" << "";
    }

    void normalizesCodes()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const auto code = linkcodecrypto::normalizeCode(typed);
        if (expected.isEmpty())
            QVERIFY(!code);
        else
            QCOMPARE(code.value_or(QString()), expected);
    }

    // PROTOCOL.md's PBKDF2 vector: code ABCDEFGH, salt 00..1F.
    void codeKeyMatchesTheProtocolVector()
    {
        QCOMPARE(linkcodecrypto::codeKey(u"ABCDEFGH", seq(0, 32)),
                 hex("920ceedbc74a9319a309daf1493c79d001e31d9a6b3ed51cf7374849878d84e4"));
    }

    // Baileys: salt || iv || aesEncryptCTR(pub, derivePairingCodeKey(code, salt), iv).
    void wrapMatchesBaileys()
    {
        const QByteArray wrapped = linkcodecrypto::wrapKey(u"ABCDEFGH", seq(0x40, 32), seq(0x00, 32), seq(0x20, 16));
        QCOMPARE(wrapped.size(), linkcodecrypto::kWrappedKeySize);
        QCOMPARE(wrapped.toHex(), QByteArray("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
                                             "202122232425262728292a2b2c2d2e2f"
                                             "3a722f3aa87165420765c67949e010ee0e0186dcebd961ba9de802e46322ae10"));
        QCOMPARE(linkcodecrypto::unwrapKey(u"ABCDEFGH", wrapped).value_or(QByteArray()), seq(0x40, 32));
    }

    void unwrapWithAnotherCodeGivesAnotherKey()
    {
        const QByteArray wrapped = linkcodecrypto::wrapKey(u"ABCDEFGH", seq(0x40, 32));
        QCOMPARE(wrapped.size(), 80);
        const auto other = linkcodecrypto::unwrapKey(u"ABCDEFGJ", wrapped);
        QVERIFY(other);
        QCOMPARE(other->size(), 32);
        QVERIFY(*other != seq(0x40, 32));
        QVERIFY(!linkcodecrypto::unwrapKey(u"ABCDEFGH", wrapped.chopped(1)));
        QVERIFY(!linkcodecrypto::unwrapKey(u"ABCDEFGH", wrapped + 'x'));
    }

    // Baileys: hkdf(sharedEphemeral, 32, {salt, info}) and salt || nonce || aesEncryptGCM(plain, key, nonce, "").
    void bundleMatchesBaileys()
    {
        QCOMPARE(linkcodecrypto::bundleKey(seq(0x60, 32), seq(0x80, 32)),
                 hex("59993d4ec9f63ef93ac9dc25909b8fdc41e1fd11949fb7df4d3840e69a1894e8"));
        const linkcodecrypto::KeyBundle bundle{seq(0xb0, 32), seq(0xd0, 32), seq(0xf0, 32)};
        const QByteArray sealed = linkcodecrypto::sealBundle(seq(0x60, 32), bundle, seq(0x80, 32), seq(0xa0, 12));
        QCOMPARE(sealed.size(), linkcodecrypto::kWrappedBundleSize);
        QCOMPARE(sealed.toHex(),
                 QByteArray("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaab"
                            "7b025eb28f82c0643358f3a26d80848ee90e4c8f7a6d940ef2552dbb352e4b8c4fee53b2ea8523b7a4d220a1549d"
                            "7d5affa9a22cae245f2a461737c02e1f74aa19b6c687aadd584e637c10db721cf3a2d6cab15b2cffa4d7aae291e3"
                            "be795fd7f037c04162db9c7d86443a508b82876c"));
        const auto opened = linkcodecrypto::openBundle(seq(0x60, 32), sealed);
        QVERIFY(opened);
        QCOMPARE(opened->companionIdentity, bundle.companionIdentity);
        QCOMPARE(opened->primaryIdentity, bundle.primaryIdentity);
        QCOMPARE(opened->advRandom, bundle.advRandom);
    }

    void bundleRefusesWrongKeyAndTampering()
    {
        const linkcodecrypto::KeyBundle bundle{seq(1, 32), seq(2, 32), seq(3, 32)};
        QByteArray sealed = linkcodecrypto::sealBundle(seq(0x60, 32), bundle);
        QVERIFY(linkcodecrypto::openBundle(seq(0x60, 32), sealed));
        QVERIFY(!linkcodecrypto::openBundle(seq(0x61, 32), sealed));
        QVERIFY(!linkcodecrypto::openBundle(seq(0x60, 32), sealed.chopped(1)));
        sealed[100] = char(sealed[100] ^ 1);
        QVERIFY(!linkcodecrypto::openBundle(seq(0x60, 32), sealed));
    }

    // Baileys: hkdf(sE || sI || random, 32, {info: 'adv_secret'}) (no salt).
    void advSecretMatchesBaileys()
    {
        QCOMPARE(linkcodecrypto::deriveAdvSecret(seq(0x60, 32), seq(0x10, 32), seq(0xf0, 32)),
                 hex("9aa89aac73a5fddd03606348a6b6c49b6aab20ce64908b0c6adaecbbad9600f8"));
    }

    // The whole exchange: companion steps written out from §6, phone steps are wasim's functions.
    void fullExchangeAgreesOnTheAdvSecret()
    {
        const QString code = QStringLiteral("7K3M-QX9P");
        const QString typed = *linkcodecrypto::normalizeCode(code);
        const auto companionEphemeral = wa::KeyPair::generate();
        const auto companionIdentity = wa::KeyPair::generate();
        const auto phoneEphemeral = wa::KeyPair::generate();
        const auto phoneIdentity = wa::KeyPair::generate();

        // §6.2 companion: salt || iv || CTR(PBKDF2(code, salt), iv, E_c.pub)
        const QByteArray cSalt = seq(9, 32), cIv = seq(77, 16);
        const QByteArray cKey = wa::pbkdf2Sha256("7K3MQX9P", cSalt, 131072, 32);
        const QByteArray wrappedCompanion = cSalt + cIv + wa::aes::ctr(cKey, cIv, companionEphemeral.pub);

        // §6.5 phone (wasim): unwrap E_c with the typed code, wrap its own E_p.
        const auto unwrapped = linkcodecrypto::unwrapKey(typed, wrappedCompanion);
        QCOMPARE(unwrapped.value_or(QByteArray()), companionEphemeral.pub);
        const QByteArray wrappedPrimary = linkcodecrypto::wrapKey(typed, phoneEphemeral.pub);

        // §6.6 companion: E_p, S_e, bundle, S_i, adv secret.
        const QByteArray pKey = wa::pbkdf2Sha256("7K3MQX9P", wrappedPrimary.first(32), 131072, 32);
        const QByteArray ePub = wa::aes::ctr(pKey, wrappedPrimary.sliced(32, 16), wrappedPrimary.sliced(48));
        QCOMPARE(ePub, phoneEphemeral.pub);
        const QByteArray sE = *companionEphemeral.dh(ePub);
        const QByteArray bSalt = seq(200, 32), nonce = seq(150, 12), advRandom = seq(33, 32);
        const QByteArray kB = wa::hkdfSha256(bSalt, sE, "link_code_pairing_key_bundle_encryption_key", 32);
        const QByteArray wrappedBundle = bSalt + nonce
                                         + wa::aes::gcmEncrypt(kB, nonce, companionIdentity.pub + phoneIdentity.pub + advRandom);
        QCOMPARE(wrappedBundle.size(), 156);
        const QByteArray sI = *companionIdentity.dh(phoneIdentity.pub);
        const QByteArray companionAdv = wa::hkdfSha256({}, sE + sI + advRandom, "adv_secret", 32);

        // §6.7 phone (wasim): open the bundle, check identities, derive the same secret.
        const QByteArray phoneSE = *phoneEphemeral.dh(*unwrapped);
        QCOMPARE(phoneSE, sE);
        const auto bundle = linkcodecrypto::openBundle(phoneSE, wrappedBundle);
        QVERIFY(bundle);
        QCOMPARE(bundle->companionIdentity, companionIdentity.pub);
        QCOMPARE(bundle->primaryIdentity, phoneIdentity.pub);
        const QByteArray phoneSI = *phoneIdentity.dh(companionIdentity.pub);
        QCOMPARE(linkcodecrypto::deriveAdvSecret(phoneSE, phoneSI, bundle->advRandom), companionAdv);

        // A mistyped code on the phone: the companion ephemeral comes out wrong and the bundle stays shut.
        const auto wrongEphemeral = linkcodecrypto::unwrapKey(u"7K3MQX9Q", wrappedCompanion);
        QVERIFY(wrongEphemeral && *wrongEphemeral != companionEphemeral.pub);
        const auto wrongSE = phoneEphemeral.dh(*wrongEphemeral);
        QVERIFY(!wrongSE || !linkcodecrypto::openBundle(*wrongSE, wrappedBundle));
    }
};

QTEST_GUILESS_MAIN(TestLinkCodeCrypto)
#include "tst_linkcodecrypto.moc"
