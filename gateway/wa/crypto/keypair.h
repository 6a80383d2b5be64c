#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace wagate::wa {

//! An X25519 (Montgomery) key pair in raw 32-byte form, as WhatsApp stores and sends keys (no 0x05
//! type prefix). The private key is always clamped, so the same bytes are the scalar XEdDSA signs with.
struct KeyPair
{
    QByteArray pub;
    QByteArray priv;

    static constexpr qsizetype kKeySize = 32;

    //! A fresh random key pair (libsodium randomness, clamped).
    static KeyPair generate();
    //! The key pair of a raw private key, clamped first; nullopt unless it is 32 bytes.
    static std::optional<KeyPair> fromPrivateKey(QByteArrayView priv);
    //! A persisted pair; nullopt unless both halves are 32 bytes and `pub` belongs to `priv`.
    static std::optional<KeyPair> fromRaw(QByteArrayView pub, QByteArrayView priv);
    //! `priv` with X25519 clamping applied (k[0] &= 248, k[31] &= 127, k[31] |= 64); empty unless 32 bytes.
    static QByteArray clamp(QByteArrayView priv);

    //! Both halves present with the right sizes.
    bool isValid() const;
    //! X25519(priv, peerPublic), 32 bytes; nullopt for a malformed or low-order peer key.
    std::optional<QByteArray> dh(QByteArrayView peerPublic) const;

    friend bool operator==(const KeyPair &, const KeyPair &) = default;
};

//! X25519 of a raw 32-byte scalar (clamped internally, as RFC 7748 says) and a raw 32-byte public
//! key; nullopt on bad sizes or an all-zero result (a low-order peer key).
std::optional<QByteArray> x25519(QByteArrayView priv, QByteArrayView peerPublic);

} // namespace wagate::wa
