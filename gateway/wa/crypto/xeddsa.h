#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace wagate::wa {

//! "curve25519 sign" as libsignal and WhatsApp use it: Ed25519 signatures made with an X25519
//! private key. The Edwards public key's sign bit travels in the top bit of the signature's last
//! byte, because an X25519 public key (Montgomery u) does not carry it.
namespace xeddsa {

constexpr qsizetype kSignatureSize = 64;
constexpr qsizetype kRandomSize = 64;

//! Signs `message` with a 32-byte (clamped) X25519 private key, using 64 fresh random bytes.
//! Empty on a malformed key.
QByteArray sign(QByteArrayView privateKey, QByteArrayView message);
//! The same with caller-chosen randomness (exactly 64 bytes); deterministic, for tests only.
QByteArray sign(QByteArrayView privateKey, QByteArrayView message, QByteArrayView random);
//! True when `signature` (64 bytes) is valid for `message` under the X25519 public key (32 bytes),
//! honouring the stored sign bit. Any malformed input is simply false.
bool verify(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature);
//! The Ed25519 point encoding of Montgomery u (bit 255 ignored), y = (u - 1) / (u + 1) mod p, with
//! `signBit` as bit 255; nullopt for u = -1, which has no Edwards image.
std::optional<QByteArray> montgomeryToEdwards(QByteArrayView u, bool signBit);

} // namespace xeddsa

} // namespace wagate::wa
