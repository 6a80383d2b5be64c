#include "ids.h"

#include <QDateTime>
#include <QMutex>

#include <sodium.h>

#include <array>

namespace wagate {

namespace {

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

int crockfordValue(QChar c)
{
    const char ch = c.toUpper().toLatin1();
    for (int i = 0; i < 32; ++i)
        if (kCrockford[i] == ch)
            return i;
    return -1;
}

void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    Q_ASSERT(ready);
    Q_UNUSED(ready);
}

struct UlidState
{
    QMutex mutex;
    qint64 lastTime = -1;
    std::array<quint8, 10> lastRandom{};
};

UlidState &state()
{
    static UlidState s;
    return s;
}

QString encode(qint64 time, const std::array<quint8, 10> &random)
{
    // 128 bits: 48 bits of time then 80 bits of randomness, written as 26 base32 digits (130 bits,
    // the first digit carries only 3).
    std::array<quint8, 16> bytes{};
    for (int i = 0; i < 6; ++i)
        bytes[i] = quint8((quint64(time) >> (8 * (5 - i))) & 0xff);
    for (int i = 0; i < 10; ++i)
        bytes[6 + i] = random[i];

    QString out(26, QLatin1Char('0'));
    // Walk the 130-bit big-endian number 5 bits at a time from the least significant end.
    for (int digit = 25, bit = 0; digit >= 0; --digit, bit += 5) {
        int value = 0;
        for (int b = 0; b < 5; ++b) {
            const int absBit = bit + b; // bit index from the least significant end of the 128 bits
            if (absBit >= 128)
                break;
            const int byteIndex = 15 - absBit / 8;
            if (bytes[byteIndex] & (1 << (absBit % 8)))
                value |= 1 << b;
        }
        out[digit] = QLatin1Char(kCrockford[value]);
    }
    return out;
}

} // namespace

namespace ids {

QString newUlidAt(qint64 msecsSinceEpoch)
{
    UlidState &s = state();
    QMutexLocker lock(&s.mutex);
    if (msecsSinceEpoch <= s.lastTime) {
        // Same (or an earlier, if the clock stepped back) millisecond: keep the previous time and
        // increment the random part so ids stay strictly increasing.
        msecsSinceEpoch = s.lastTime;
        for (int i = 9; i >= 0; --i) {
            if (++s.lastRandom[i] != 0)
                break;
        }
    } else {
        s.lastTime = msecsSinceEpoch;
        ensureSodium();
        randombytes_buf(s.lastRandom.data(), s.lastRandom.size());
        s.lastRandom[0] &= 0x7f; // leave headroom so increments within one millisecond never overflow
    }
    return encode(msecsSinceEpoch, s.lastRandom);
}

QString newUlid()
{
    return newUlidAt(QDateTime::currentMSecsSinceEpoch());
}

bool isUlid(const QString &text)
{
    if (text.size() != 26)
        return false;
    if (crockfordValue(text[0]) > 7) // the first digit holds only 3 bits
        return false;
    for (QChar c : text)
        if (crockfordValue(c) < 0)
            return false;
    return true;
}

qint64 ulidTime(const QString &ulid)
{
    if (!isUlid(ulid))
        return -1;
    quint64 value = 0;
    for (int i = 0; i < 10; ++i)
        value = (value << 5) | quint64(crockfordValue(ulid[i]));
    return qint64(value); // the first 10 digits are 50 bits: 48 time bits with two leading zeros
}

bool isValidPathId(QStringView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (QChar c : id) {
        const ushort u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
                        || u == '_' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace ids

QByteArray secureRandomBytes(int count)
{
    ensureSodium();
    QByteArray out(count, Qt::Uninitialized);
    randombytes_buf(out.data(), size_t(count));
    return out;
}

} // namespace wagate
