#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace wagate::wa {

//! SHA-256 (32 bytes): Noise's hash.
QByteArray sha256(QByteArrayView data);
//! MD5 (16 bytes): only for the registration `buildHash` of the version string, never for security.
QByteArray md5(QByteArrayView data);
//! HMAC-SHA256 (32 bytes), e.g. the ADV identity HMAC of pairing.
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);
//! Compares secrets (MACs, keys) in time independent of where they differ; different sizes are unequal.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace wagate::wa
