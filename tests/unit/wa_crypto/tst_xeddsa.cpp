// XEdDSA ("curve25519 sign") per PROTOCOL.md Appendix A: a published libsignal vector whose
// signature carries sign bit 1, random round trips covering both sign-bit values, rejection of
// tampering, and cross-checks of the Montgomery→Edwards conversion against libsodium.

#include "wa/crypto/keypair.h"
#include "wa/crypto/xeddsa.h"

#include "core/ids.h"

#include <QTest>

#include <sodium.h>

using namespace wagate;
using namespace wagate::wa;

namespace {

QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

const unsigned char *u8(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

//! The Ed25519 public key k·B of a clamped X25519 private key, computed by libsodium alone.
QByteArray edwardsOf(const QByteArray &priv)
{
    QByteArray a(32, Qt::Uninitialized);
    if (crypto_scalarmult_ed25519_base_noclamp(reinterpret_cast<unsigned char *>(a.data()), u8(priv)) != 0)
        return {};
    return a;
}

bool signBitOf(const KeyPair &key)
{
    return (quint8(edwardsOf(key.priv)[31]) & 0x80) != 0;
}

//! A key pair whose Edwards public key has the wanted sign bit (half of all keys do).
KeyPair keyWithSignBit(bool bit)
{
    for (;;) {
        KeyPair k = KeyPair::generate();
        if (signBitOf(k) == bit)
            return k;
    }
}

QByteArray sha512ModL(const QList<QByteArray> &parts)
{
    crypto_hash_sha512_state st;
    crypto_hash_sha512_init(&st);
    for (const QByteArray &p : parts)
        crypto_hash_sha512_update(&st, u8(p), quint64(p.size()));
    unsigned char digest[64];
    crypto_hash_sha512_final(&st, digest);
    QByteArray out(32, Qt::Uninitialized);
    crypto_core_ed25519_scalar_reduce(reinterpret_cast<unsigned char *>(out.data()), digest);
    return out;
}

//! Strict XEdDSA (Signal's specification): the key is negated when needed so that A's sign bit
//! is 0, and nothing is stored in the signature. Written here from libsodium primitives only.
QByteArray strictXeddsaSign(const QByteArray &priv, const QByteArray &msg)
{
    QByteArray wide(64, 0);
    std::copy(priv.begin(), priv.end(), wide.begin());
    QByteArray a(32, Qt::Uninitialized);
    crypto_core_ed25519_scalar_reduce(reinterpret_cast<unsigned char *>(a.data()), u8(wide));
    QByteArray bigA = edwardsOf(priv);
    if (quint8(bigA[31]) & 0x80) {
        QByteArray neg(32, Qt::Uninitialized);
        crypto_core_ed25519_scalar_negate(reinterpret_cast<unsigned char *>(neg.data()), u8(a));
        a = neg;
        bigA[31] = char(quint8(bigA[31]) & 0x7F); // -A has the opposite x sign
    }
    const QByteArray prefix = QByteArray(1, char(0xFE)) + QByteArray(31, char(0xFF));
    const QByteArray r = sha512ModL({prefix, a, msg, secureRandomBytes(64)});
    QByteArray bigR(32, Qt::Uninitialized);
    crypto_scalarmult_ed25519_base_noclamp(reinterpret_cast<unsigned char *>(bigR.data()), u8(r));
    const QByteArray h = sha512ModL({bigR, bigA, msg});
    QByteArray ha(32, Qt::Uninitialized), s(32, Qt::Uninitialized);
    crypto_core_ed25519_scalar_mul(reinterpret_cast<unsigned char *>(ha.data()), u8(h), u8(a));
    crypto_core_ed25519_scalar_add(reinterpret_cast<unsigned char *>(s.data()), u8(r), u8(ha));
    return bigR + s;
}

} // namespace

class TestXeddsa : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void libsignalVector()
    {
        // libsignal-protocol-c tests/test_curve25519.c, test_curve25519_signature: Alice's identity
        // key signs her serialized ephemeral public key (0x05 || key).
        const QByteArray priv = hex("c097248412e58bf05df487968205132794178e367637f5818f81e0e6ce73e865");
        const QByteArray pub = hex("ab7e717d4a163b7d9a1d8071dfe9dcf8cdcd1cea3339b6356be84d887e322c64");
        const QByteArray msg = hex("05edce9d9c415ca78cb7252e72c2c4a554d3eb29485a0e1d503118d1a82d99fb4a");
        QByteArray sig = hex("5de88ca9a89b4a115da79109c67c9c7464a3e4180274f1cb8c63c2984e286dfb"
                             "ede82deb9dcd9fae0bfbb821569b3d9001bd8130cd11d486cef047bd60b86e88");
        QCOMPARE(KeyPair::fromPrivateKey(priv)->pub, pub);
        QVERIFY(quint8(sig[63]) & 0x80); // this vector needs the stored sign bit
        QVERIFY(xeddsa::verify(pub, msg, sig));

        QByteArray otherMsg = msg;
        otherMsg[5] = char(otherMsg[5] ^ 1);
        QVERIFY(!xeddsa::verify(pub, otherMsg, sig));
        QByteArray cleared = sig;
        cleared[63] = char(quint8(cleared[63]) & 0x7F);
        QVERIFY(!xeddsa::verify(pub, msg, cleared));
        // and our own signatures with this key verify too
        QVERIFY(xeddsa::verify(pub, msg, xeddsa::sign(priv, msg)));
    }

    void roundTripsOverManyKeys()
    {
        int ones = 0, zeros = 0;
        for (int i = 0; i < 256; ++i) {
            const KeyPair key = KeyPair::generate();
            const QByteArray msg = secureRandomBytes(i % 97);
            const QByteArray sig = xeddsa::sign(key.priv, msg);
            QCOMPARE(sig.size(), xeddsa::kSignatureSize);
            QVERIFY2(xeddsa::verify(key.pub, msg, sig), qPrintable(QString::number(i)));
            const bool bit = quint8(sig[63]) & 0x80;
            QCOMPARE(bit, signBitOf(key)); // the stored bit is A's sign, computed independently
            (bit ? ones : zeros)++;
        }
        // P(all 256 keys alike) = 2^-255
        QVERIFY(ones > 0);
        QVERIFY(zeros > 0);
    }

    void rejectsTampering_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<bool>("signBit");
        for (bool bit : {false, true}) {
            const char *b = bit ? " (sign bit 1)" : " (sign bit 0)";
            QTest::addRow("message%s", b) << 0 << bit;
            QTest::addRow("R%s", b) << 1 << bit;
            QTest::addRow("s%s", b) << 2 << bit;
            QTest::addRow("other key%s", b) << 3 << bit;
            QTest::addRow("sign bit flipped%s", b) << 4 << bit;
            QTest::addRow("63-byte signature%s", b) << 5 << bit;
            QTest::addRow("31-byte key%s", b) << 6 << bit;
            QTest::addRow("s + L (non-canonical)%s", b) << 7 << bit;
            QTest::addRow("all-zero signature%s", b) << 8 << bit;
            QTest::addRow("key u = -1%s", b) << 9 << bit;
        }
    }
    void rejectsTampering()
    {
        QFETCH(int, what);
        QFETCH(bool, signBit);
        const KeyPair key = keyWithSignBit(signBit);
        QByteArray msg = "pre-key 0x05 || pub", pub = key.pub;
        QByteArray sig = xeddsa::sign(key.priv, msg);
        QVERIFY(xeddsa::verify(pub, msg, sig));
        switch (what) {
        case 0: msg[0] = char(msg[0] ^ 1); break;
        case 1: sig[5] = char(sig[5] ^ 0x10); break;
        case 2: sig[40] = char(sig[40] ^ 0x01); break;
        case 3: pub = KeyPair::generate().pub; break;
        case 4: sig[63] = char(quint8(sig[63]) ^ 0x80); break;
        case 5: sig.chop(1); break;
        case 6: pub.chop(1); break;
        case 7: {
            // s' = s + L is the same scalar mod L; a strict verifier must refuse it
            static const unsigned char L[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                                0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                                0, 0, 0, 0x10};
            unsigned carry = 0;
            for (int i = 0; i < 32; ++i) {
                const unsigned sum = quint8(sig[32 + i]) + (i == 31 ? (L[i] & 0x7F) : L[i]) + carry;
                sig[32 + i] = char(i == 31 ? ((sum & 0x7F) | (quint8(sig[63]) & 0x80)) : sum & 0xFF);
                carry = sum >> 8;
            }
            break;
        }
        case 8: sig = QByteArray(64, 0); break;
        case 9: pub = hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"); break;
        }
        QVERIFY(!xeddsa::verify(pub, msg, sig));
    }

    void signBitClearedStillVerifiesWhenKeyBitIsZero_data()
    {
        QTest::addColumn<bool>("keyBit");
        QTest::newRow("key sign bit 0") << false;
        QTest::newRow("key sign bit 1") << true;
    }
    void signBitClearedStillVerifiesWhenKeyBitIsZero()
    {
        QFETCH(bool, keyBit);
        for (int i = 0; i < 8; ++i) {
            const KeyPair key = keyWithSignBit(keyBit);
            const QByteArray msg = secureRandomBytes(33);
            QByteArray sig = xeddsa::sign(key.priv, msg);
            QCOMPARE(bool(quint8(sig[63]) & 0x80), keyBit);
            sig[63] = char(quint8(sig[63]) & 0x7F);
            QCOMPARE(xeddsa::verify(key.pub, msg, sig), !keyBit);
        }
    }

    void strictXeddsaSignaturesVerify()
    {
        // Signing with -k to force sign bit 0 (XEdDSA proper) must verify too (Appendix A).
        for (bool bit : {false, true}) {
            for (int i = 0; i < 8; ++i) {
                const KeyPair key = keyWithSignBit(bit);
                const QByteArray msg = secureRandomBytes(40);
                const QByteArray sig = strictXeddsaSign(key.priv, msg);
                QVERIFY(!(quint8(sig[63]) & 0x80));
                QVERIFY(xeddsa::verify(key.pub, msg, sig));
            }
        }
    }

    void montgomeryToEdwardsMatchesLibsodium()
    {
        for (int i = 0; i < 64; ++i) {
            const KeyPair key = KeyPair::generate();
            const QByteArray a = edwardsOf(key.priv);
            const auto converted = xeddsa::montgomeryToEdwards(key.pub, quint8(a[31]) & 0x80);
            QVERIFY(converted);
            QCOMPARE(*converted, a);
            // and back: libsodium's Edwards→Montgomery gives the X25519 public key
            QByteArray u(32, Qt::Uninitialized);
            QCOMPARE(crypto_sign_ed25519_pk_to_curve25519(reinterpret_cast<unsigned char *>(u.data()), u8(a)), 0);
            QCOMPARE(u, key.pub);
        }
        // u = -1 has no Edwards image; bit 255 of u is ignored
        QVERIFY(!xeddsa::montgomeryToEdwards(hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), false));
        const KeyPair key = KeyPair::generate();
        QByteArray high = key.pub;
        high[31] = char(quint8(high[31]) | 0x80);
        QCOMPARE(xeddsa::montgomeryToEdwards(high, false), xeddsa::montgomeryToEdwards(key.pub, false));
    }

    void signaturesAreOrdinaryEd25519()
    {
        // With the bit cleared, the signature verifies as plain Ed25519 under k·B from libsodium.
        const KeyPair key = KeyPair::generate();
        const QByteArray msg = "details";
        QByteArray sig = xeddsa::sign(key.priv, msg);
        sig[63] = char(quint8(sig[63]) & 0x7F);
        QCOMPARE(crypto_sign_ed25519_verify_detached(u8(sig), u8(msg), quint64(msg.size()), u8(edwardsOf(key.priv))), 0);
    }

    void deterministicWithGivenRandomness()
    {
        const KeyPair key = KeyPair::generate();
        const QByteArray z1(64, 'a'), z2(64, 'b');
        QCOMPARE(xeddsa::sign(key.priv, "m", z1), xeddsa::sign(key.priv, "m", z1));
        QVERIFY(xeddsa::sign(key.priv, "m", z1) != xeddsa::sign(key.priv, "m", z2));
        QVERIFY(xeddsa::verify(key.pub, "m", xeddsa::sign(key.priv, "m", z2)));
        QVERIFY(xeddsa::sign(key.priv, "m", QByteArray(63, 'a')).isEmpty());
        QVERIFY(xeddsa::sign(key.priv.first(31), "m").isEmpty());
    }

    void emptyMessage()
    {
        const KeyPair key = KeyPair::generate();
        QVERIFY(xeddsa::verify(key.pub, {}, xeddsa::sign(key.priv, {})));
        QVERIFY(!xeddsa::verify(key.pub, "x", xeddsa::sign(key.priv, {})));
    }
};

QTEST_GUILESS_MAIN(TestXeddsa)
#include "tst_xeddsa.moc"
