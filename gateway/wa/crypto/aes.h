#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace wagate::wa {

//! AES-256 as the protocol uses it (Noise frames and the pairing-code key bundle use GCM, the
//! pairing-code ephemeral wrap uses CTR). Keys are 32 bytes.
namespace aes {

constexpr qsizetype kKeySize = 32;
constexpr qsizetype kGcmIvSize = 12;
constexpr qsizetype kGcmTagSize = 16;
constexpr qsizetype kCtrIvSize = 16;

//! AES-256-GCM: ciphertext with the 16-byte tag appended. Empty on a wrong key or IV size (a
//! programming error, never a property of received data).
QByteArray gcmEncrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView plaintext, QByteArrayView aad = {});
//! The inverse of gcmEncrypt; nullopt when the tag does not verify or the input is malformed.
std::optional<QByteArray> gcmDecrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView ciphertextAndTag,
                                     QByteArrayView aad = {});
//! AES-256-CTR from a 16-byte initial counter block; encrypting and decrypting are the same
//! operation. Empty on a wrong key or IV size.
QByteArray ctr(QByteArrayView key, QByteArrayView iv, QByteArrayView data);

} // namespace aes

} // namespace wagate::wa
