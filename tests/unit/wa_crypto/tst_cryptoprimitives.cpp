// Primitives against published vectors (RFC 5869, RFC 7748, RFC 4231, RFC 7914, NIST SP 800-38A,
// the GCM specification's test cases, PROTOCOL.md Appendix B) and against Qt's own implementations.

#include "wa/crypto/aes.h"
#include "wa/crypto/digest.h"
#include "wa/crypto/kdf.h"
#include "wa/crypto/keypair.h"
#include "wa/crypto/linkcode.h"

#include "core/ids.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace wagate;
using namespace wagate::wa;

namespace {
QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}
QByteArray range(int from, int to) // bytes from..to-1
{
    QByteArray b;
    for (int i = from; i < to; ++i)
        b.append(char(i));
    return b;
}
} // namespace

class TestCryptoPrimitives : public QObject
{
    Q_OBJECT
private slots:
    void digests_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("sha256");
        QTest::addColumn<QByteArray>("md5");
        QTest::newRow("empty") << QByteArray() << hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                               << hex("d41d8cd98f00b204e9800998ecf8427e");
        QTest::newRow("abc") << QByteArray("abc") << hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                             << hex("900150983cd24fb0d6963f7d28e17f72");
    }
    void digests()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, sha256);
        QFETCH(QByteArray, md5);
        QCOMPARE(wa::sha256(input), sha256);
        QCOMPARE(wa::md5(input), md5);
    }
    void digestsAgreeWithQt()
    {
        for (int len : {1, 55, 56, 64, 1000}) {
            const QByteArray data = secureRandomBytes(len);
            QCOMPARE(wa::sha256(data), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
            QCOMPARE(wa::md5(data), QCryptographicHash::hash(data, QCryptographicHash::Md5));
            const QByteArray key = secureRandomBytes(len % 70 + 1);
            QCOMPARE(hmacSha256(key, data), QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256));
        }
    }
    void buildHashOfVersionString()
    {
        // registration buildHash = MD5 of the ASCII version string (PROTOCOL.md §3)
        const QByteArray v = "2.3000.1045649367";
        QCOMPARE(md5(v), QCryptographicHash::hash(v, QCryptographicHash::Md5));
        QCOMPARE(md5(v).size(), 16);
    }

    void hmac_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mac");
        // RFC 4231 test cases 1, 2 and 6 (key longer than a block)
        QTest::newRow("rfc4231 #1") << QByteArray(20, 0x0b) << QByteArray("Hi There")
                                    << hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("rfc4231 #2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                    << hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("rfc4231 #6") << QByteArray(131, char(0xaa))
                                    << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
                                    << hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }
    void hmac()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mac);
        QCOMPARE(hmacSha256(key, data), mac);
    }

    void hkdf_data()
    {
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<QByteArray>("ikm");
        QTest::addColumn<QByteArray>("info");
        QTest::addColumn<int>("length");
        QTest::addColumn<QByteArray>("okm");
        QTest::newRow("rfc5869 #1") << range(0, 13) << QByteArray(22, 0x0b) << range(0xf0, 0xfa) << 42
                                    << hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
        QTest::newRow("rfc5869 #2") << range(0x60, 0xb0) << range(0, 0x50) << range(0xb0, 0x100) << 82
                                    << hex("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                                           "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                                           "cc30c58179ec3e87c14c01d5c1f3434f1d87");
        QTest::newRow("rfc5869 #3 empty salt+info") << QByteArray() << QByteArray(22, 0x0b) << QByteArray() << 42
                                    << hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
        // Appendix B: the Noise split of the initial state (salt = initial h, empty ikm and info)
        QTest::newRow("appendix B split") << hex("4e6f6973655f58585f32353531395f41455347434d5f53484132353600000000")
                                          << QByteArray() << QByteArray() << 64
                                          << hex("bc241a245e2cb10863e8886c8a483cf2d880ef1e6908e425c21a89ca35316f2a"
                                                 "45d3e584d7c4243d74463907c1c8b5d88129d65e40dbfcfbca52501d62089be8");
    }
    void hkdf()
    {
        QFETCH(QByteArray, salt);
        QFETCH(QByteArray, ikm);
        QFETCH(QByteArray, info);
        QFETCH(int, length);
        QFETCH(QByteArray, okm);
        QCOMPARE(hkdfSha256(salt, ikm, info, length), okm);
    }
    void hkdfRefusesImpossibleLengths()
    {
        QVERIFY(hkdfSha256({}, "x", {}, 0).isEmpty());
        QVERIFY(hkdfSha256({}, "x", {}, 255 * 32 + 1).isEmpty());
        QCOMPARE(hkdfSha256({}, "x", {}, 255 * 32).size(), 255 * 32);
    }

    void pbkdf2_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<int>("length");
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("appendix B link code") << QByteArray("ABCDEFGH") << range(0, 32) << 131072 << 32
                                              << hex("920ceedbc74a9319a309daf1493c79d001e31d9a6b3ed51cf7374849878d84e4");
        QTest::newRow("rfc7914 §11") << QByteArray("passwd") << QByteArray("salt") << 1 << 64
                                     << hex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                                            "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    }
    void pbkdf2()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(int, iterations);
        QFETCH(int, length);
        QFETCH(QByteArray, key);
        QCOMPARE(pbkdf2Sha256(password, salt, iterations, length), key);
    }

    void aesGcm_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("iv");
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("aad");
        QTest::addColumn<QByteArray>("sealed"); // ciphertext || tag
        // The GCM specification (McGrew & Viega), test cases 13-16 (AES-256)
        const QByteArray k = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        const QByteArray iv = hex("cafebabefacedbaddecaf888");
        const QByteArray p = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                                 "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
        const QByteArray c = hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                 "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad");
        QTest::newRow("#13 empty") << QByteArray(32, 0) << QByteArray(12, 0) << QByteArray() << QByteArray()
                                   << hex("530f8afbc74536b9a963b4f1c4cb738b");
        QTest::newRow("#14 zero block") << QByteArray(32, 0) << QByteArray(12, 0) << QByteArray(16, 0) << QByteArray()
                                        << hex("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919");
        QTest::newRow("#15") << k << iv << p << QByteArray() << c + hex("b094dac5d93471bdec1a502270e3cc6c");
        QTest::newRow("#16 with aad") << k << iv << p.first(60) << hex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
                                      << c.first(60) + hex("76fc6ece0f4e1768cddf8853bb2d551b");
    }
    void aesGcm()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, iv);
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        QFETCH(QByteArray, sealed);
        QCOMPARE(aes::gcmEncrypt(key, iv, plaintext, aad), sealed);
        const auto opened = aes::gcmDecrypt(key, iv, sealed, aad);
        QVERIFY(opened);
        QCOMPARE(*opened, plaintext);
    }
    void aesGcmRejectsTampering_data()
    {
        QTest::addColumn<int>("what");
        QTest::newRow("ciphertext bit") << 0;
        QTest::newRow("tag bit") << 1;
        QTest::newRow("aad") << 2;
        QTest::newRow("iv") << 3;
        QTest::newRow("key") << 4;
        QTest::newRow("truncated") << 5;
        QTest::newRow("shorter than a tag") << 6;
        QTest::newRow("wrong iv size") << 7;
    }
    void aesGcmRejectsTampering()
    {
        QFETCH(int, what);
        QByteArray key = secureRandomBytes(32), iv = secureRandomBytes(12), aad = "header";
        QByteArray sealed = aes::gcmEncrypt(key, iv, "attack at dawn", aad);
        QVERIFY(aes::gcmDecrypt(key, iv, sealed, aad));
        switch (what) {
        case 0: sealed[3] = char(sealed[3] ^ 0x01); break;
        case 1: sealed[sealed.size() - 1] = char(sealed[sealed.size() - 1] ^ 0x80); break;
        case 2: aad = "headeR"; break;
        case 3: iv[11] = char(iv[11] ^ 1); break;
        case 4: key[0] = char(key[0] ^ 1); break;
        case 5: sealed.chop(1); break;
        case 6: sealed = sealed.first(15); break;
        case 7: iv = iv.first(11); break;
        }
        QVERIFY(!aes::gcmDecrypt(key, iv, sealed, aad));
    }

    void aesCtr()
    {
        // NIST SP 800-38A F.5.5 CTR-AES256.Encrypt
        const QByteArray key = hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
        const QByteArray ctr = hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        const QByteArray p = hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                                 "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
        const QByteArray c = hex("601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5"
                                 "2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6");
        QCOMPARE(aes::ctr(key, ctr, p), c);
        QCOMPARE(aes::ctr(key, ctr, c), p);
        // a partial block, as in the 32-byte pairing-code wrap
        QCOMPARE(aes::ctr(key, ctr, p.first(20)), c.first(20));
        QVERIFY(aes::ctr(key, ctr.first(12), p).isEmpty());
    }

    void x25519Vectors_data()
    {
        QTest::addColumn<QByteArray>("scalar");
        QTest::addColumn<QByteArray>("u");
        QTest::addColumn<QByteArray>("out");
        // RFC 7748 §5.2 (unclamped scalars: X25519 clamps them)
        QTest::newRow("rfc7748 5.2 #1") << hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4")
                                        << hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")
                                        << hex("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
        QTest::newRow("rfc7748 5.2 #2") << hex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d")
                                        << hex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")
                                        << hex("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
    }
    void x25519Vectors()
    {
        QFETCH(QByteArray, scalar);
        QFETCH(QByteArray, u);
        QFETCH(QByteArray, out);
        const auto shared = x25519(scalar, u);
        QVERIFY(shared);
        QCOMPARE(*shared, out);
    }
    void x25519DiffieHellman()
    {
        // RFC 7748 §6.1
        const auto alice = KeyPair::fromPrivateKey(hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        const auto bob = KeyPair::fromPrivateKey(hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        QVERIFY(alice && bob);
        QCOMPARE(alice->pub, hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
        QCOMPARE(bob->pub, hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
        const QByteArray k = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        QCOMPARE(alice->dh(bob->pub).value_or(QByteArray()), k);
        QCOMPARE(bob->dh(alice->pub).value_or(QByteArray()), k);
    }
    void keyPairs()
    {
        for (int i = 0; i < 20; ++i) {
            const KeyPair a = KeyPair::generate(), b = KeyPair::generate();
            QVERIFY(a.isValid());
            QCOMPARE(a.priv, KeyPair::clamp(a.priv)); // stored clamped
            QVERIFY(a.pub != b.pub);
            QCOMPARE(a.dh(b.pub), b.dh(a.pub));
            QCOMPARE(KeyPair::fromRaw(a.pub, a.priv), std::optional<KeyPair>(a));
            QVERIFY(!KeyPair::fromRaw(b.pub, a.priv)); // pub not of priv
        }
        const QByteArray raw(32, char(0xff));
        QCOMPARE(KeyPair::clamp(raw), hex("f8ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"));
        QVERIFY(!KeyPair::fromPrivateKey(QByteArray(31, 1)));
        QVERIFY(!KeyPair::fromRaw(QByteArray(33, 1), QByteArray(32, 1)));
    }
    void lowOrderPeerKeysAreRefused_data()
    {
        QTest::addColumn<QByteArray>("peer");
        QTest::newRow("u = 0") << QByteArray(32, 0);
        QTest::newRow("u = 1") << hex("0100000000000000000000000000000000000000000000000000000000000000");
        QTest::newRow("order 8") << hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
        QTest::newRow("31 bytes") << QByteArray(31, 9);
    }
    void lowOrderPeerKeysAreRefused()
    {
        QFETCH(QByteArray, peer);
        QVERIFY(!KeyPair::generate().dh(peer));
    }

    void constantTime()
    {
        QVERIFY(constantTimeEquals("abc", "abc"));
        QVERIFY(constantTimeEquals("", ""));
        QVERIFY(!constantTimeEquals("abc", "abd"));
        QVERIFY(!constantTimeEquals("abc", "abcd"));
        QVERIFY(!constantTimeEquals("", "a"));
    }

    void linkCode_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("code");
        QTest::newRow("appendix B zeros") << hex("0000000000") << QStringLiteral("11111111");
        QTest::newRow("appendix B ones") << hex("ffffffffff") << QStringLiteral("ZZZZZZZZ");
        // computed with Python's RFC 4648 base32, re-lettered to the link-code alphabet
        QTest::newRow("0123456789") << hex("0123456789") << QStringLiteral("15JMBSWA");
        QTest::newRow("6 bytes, padded") << hex("deadbeefcafe") << QStringLiteral("VTPVXVYBZR");
        QTest::newRow("1 byte") << hex("a5") << QStringLiteral("MM");
        QTest::newRow("empty") << QByteArray() << QString();
    }
    void linkCode()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, code);
        QCOMPARE(linkcode::encode(bytes), code);
        QCOMPARE(linkcode::decode(code), std::optional<QByteArray>(bytes));
    }
    void linkCodeRefusesForeignCharacters_data()
    {
        QTest::addColumn<QString>("code");
        for (const char *c : {"1111111O", "0AAAAAAA", "I1111111", "U1111111", "abcdefgh", "1111-1111", "ZZZZ ZZZ"})
            QTest::newRow(c) << QString::fromLatin1(c);
        QTest::newRow("non-zero padding") << QStringLiteral("MN"); // 'N' leaves low bits set
        QTest::newRow("dangling character") << QStringLiteral("111111111");
    }
    void linkCodeRefusesForeignCharacters()
    {
        QFETCH(QString, code);
        QVERIFY(!linkcode::decode(code));
    }
    void linkCodeGenerate()
    {
        for (int i = 0; i < 50; ++i) {
            const QString code = linkcode::generate();
            QCOMPARE(code.size(), 8);
            const auto back = linkcode::decode(code);
            QVERIFY(back);
            QCOMPARE(back->size(), 5);
            QCOMPARE(linkcode::encode(*back), code);
        }
    }
};

QTEST_GUILESS_MAIN(TestCryptoPrimitives)
#include "tst_cryptoprimitives.moc"
