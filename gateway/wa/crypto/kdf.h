#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace wagate::wa {

//! RFC 5869 HKDF-SHA256. Noise's MixKey/Split use an empty `info` and 64 bytes; an empty `salt`
//! means a zero salt. Empty result when `length` is not in 1..8160.
QByteArray hkdfSha256(QByteArrayView salt, QByteArrayView ikm, QByteArrayView info, qsizetype length);
//! PBKDF2-HMAC-SHA256 (the pairing-code key: 131072 iterations, 32 bytes). Empty on bad arguments.
QByteArray pbkdf2Sha256(QByteArrayView password, QByteArrayView salt, int iterations, qsizetype length);

} // namespace wagate::wa
