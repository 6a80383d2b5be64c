#include "keypair.h"

#include "core/ids.h"

#include <sodium.h>

namespace wagate::wa {

namespace {

// X25519 is libsodium's: about twice as fast as going through OpenSSL's EVP_PKEY objects, which
// allocate a key object per call (measured in docs/PERFORMANCE.md).
bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

const unsigned char *uchars(QByteArrayView v) { return reinterpret_cast<const unsigned char *>(v.data()); }
unsigned char *uchars(QByteArray &v) { return reinterpret_cast<unsigned char *>(v.data()); }

//! The public key of a (clamped) scalar.
QByteArray publicKeyOf(QByteArrayView priv)
{
    QByteArray pub(KeyPair::kKeySize, Qt::Uninitialized);
    if (!sodiumReady() || crypto_scalarmult_curve25519_base(uchars(pub), uchars(priv)) != 0)
        return {};
    return pub;
}

} // namespace

QByteArray KeyPair::clamp(QByteArrayView priv)
{
    if (priv.size() != kKeySize)
        return {};
    QByteArray k = priv.toByteArray();
    k[0] = char(quint8(k[0]) & 248);
    k[31] = char((quint8(k[31]) & 127) | 64);
    return k;
}

KeyPair KeyPair::generate()
{
    // A random scalar is all X25519 needs; clamping it ourselves keeps priv in the form XEdDSA expects.
    auto pair = fromPrivateKey(secureRandomBytes(int(kKeySize)));
    Q_ASSERT(pair);
    return *pair;
}

std::optional<KeyPair> KeyPair::fromPrivateKey(QByteArrayView priv)
{
    if (priv.size() != kKeySize)
        return std::nullopt;
    KeyPair pair;
    pair.priv = clamp(priv);
    pair.pub = publicKeyOf(pair.priv);
    if (pair.pub.size() != kKeySize)
        return std::nullopt;
    return pair;
}

std::optional<KeyPair> KeyPair::fromRaw(QByteArrayView pub, QByteArrayView priv)
{
    if (pub.size() != kKeySize)
        return std::nullopt;
    auto pair = fromPrivateKey(priv);
    if (!pair || pair->pub != pub)
        return std::nullopt;
    return pair;
}

bool KeyPair::isValid() const
{
    return pub.size() == kKeySize && priv.size() == kKeySize;
}

std::optional<QByteArray> KeyPair::dh(QByteArrayView peerPublic) const
{
    return x25519(priv, peerPublic);
}

std::optional<QByteArray> x25519(QByteArrayView priv, QByteArrayView peerPublic)
{
    static_assert(crypto_scalarmult_curve25519_BYTES == KeyPair::kKeySize);
    if (priv.size() != KeyPair::kKeySize || peerPublic.size() != KeyPair::kKeySize || !sodiumReady())
        return std::nullopt;
    QByteArray secret(KeyPair::kKeySize, Qt::Uninitialized);
    // The scalar is clamped as RFC 7748 says; a low-order peer point (an all-zero secret) is refused.
    if (crypto_scalarmult_curve25519(uchars(secret), uchars(priv), uchars(peerPublic)) != 0) {
        sodium_memzero(secret.data(), size_t(secret.size()));
        return std::nullopt;
    }
    return secret;
}

} // namespace wagate::wa
