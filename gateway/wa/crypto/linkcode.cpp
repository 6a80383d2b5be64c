#include "linkcode.h"

#include "core/ids.h"

#include <cstring>

namespace wagate::wa::linkcode {

QString encode(QByteArrayView bytes)
{
    QString out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : bytes) {
        buffer = (buffer << 8) | quint8(c);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.append(QLatin1Char(kAlphabet[(buffer >> bits) & 31]));
        }
        buffer &= (1u << bits) - 1;
    }
    if (bits > 0)
        out.append(QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 31]));
    return out;
}

std::optional<QByteArray> decode(QStringView code)
{
    QByteArray out;
    out.reserve(code.size() * 5 / 8);
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar ch : code) {
        const char *hit = ch.unicode() < 128 && ch.unicode() != 0 ? strchr(kAlphabet, char(ch.unicode())) : nullptr;
        if (!hit)
            return std::nullopt;
        buffer = (buffer << 5) | quint32(hit - kAlphabet);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xFF));
            buffer &= (1u << bits) - 1;
        }
    }
    // Leftover bits are padding: fewer than one character's worth and all zero in a canonical encoding.
    if (bits >= 5 || buffer != 0)
        return std::nullopt;
    return out;
}

QString generate()
{
    return encode(secureRandomBytes(int(kCodeBytes)));
}

} // namespace wagate::wa::linkcode
