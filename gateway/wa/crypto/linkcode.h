#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace wagate::wa {

//! The pairing ("link with phone number") code: base32, most significant bit first, no padding,
//! over an alphabet without 0, I, O and U so it is easy to type on a phone.
namespace linkcode {

inline constexpr char kAlphabet[] = "123456789ABCDEFGHJKLMNPQRSTVWXYZ";
constexpr qsizetype kCodeBytes = 5; // 40 bits = 8 characters

//! Encodes bytes; the last character is zero-padded when the bit count is not a multiple of 5.
QString encode(QByteArrayView bytes);
//! The bytes of a code; nullopt for characters outside the alphabet (case-sensitive, no dash) or
//! padding bits that are not zero.
std::optional<QByteArray> decode(QStringView code);
//! A fresh random 8-character code.
QString generate();

} // namespace linkcode

} // namespace wagate::wa
