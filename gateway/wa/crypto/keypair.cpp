#include "keypair.h"

#include "openssl_p.h"

#include "core/ids.h"

namespace wagate::wa {

using detail::bytes;
using detail::dropErrors;

namespace {

using Pkey = detail::OsslPtr<EVP_PKEY>;
using PkeyCtx = detail::OsslPtr<EVP_PKEY_CTX>;

//! The public key of a (clamped) scalar, via OpenSSL's X25519.
QByteArray publicKeyOf(QByteArrayView priv)
{
    Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, bytes(priv), size_t(priv.size())));
    QByteArray pub(KeyPair::kKeySize, Qt::Uninitialized);
    size_t len = size_t(pub.size());
    if (!key || EVP_PKEY_get_raw_public_key(key.get(), bytes(pub), &len) != 1 || len != size_t(KeyPair::kKeySize)) {
        dropErrors();
        return {};
    }
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
    if (priv.size() != KeyPair::kKeySize || peerPublic.size() != KeyPair::kKeySize)
        return std::nullopt;
    Pkey own(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, bytes(priv), size_t(priv.size())));
    Pkey peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, bytes(peerPublic), size_t(peerPublic.size())));
    PkeyCtx ctx(own ? EVP_PKEY_CTX_new(own.get(), nullptr) : nullptr);
    QByteArray secret(KeyPair::kKeySize, Qt::Uninitialized);
    size_t len = size_t(secret.size());
    // OpenSSL refuses an all-zero shared secret (low-order peer point) itself; checked again below.
    if (!peer || !ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1
        || EVP_PKEY_derive(ctx.get(), bytes(secret), &len) != 1 || len != size_t(KeyPair::kKeySize)) {
        dropErrors();
        return std::nullopt;
    }
    if (secret.count('\0') == secret.size())
        return std::nullopt;
    return secret;
}

} // namespace wagate::wa
