#include "pairingqr.h"

#include <QRegularExpression>
#include <QStringList>

namespace wagate::wasim {

namespace {

constexpr qsizetype kKeySize = 32;
constexpr qsizetype kMaxQrLength = 4096;

//! Strict standard base64 of exactly 32 bytes (44 characters with one '=').
std::optional<QByteArray> decodeKey(const QString &field)
{
    if (field.size() != 44)
        return std::nullopt;
    const auto result = QByteArray::fromBase64Encoding(field.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result || result.decoded.size() != kKeySize)
        return std::nullopt;
    return result.decoded;
}

bool isPlatformToken(const QString &field)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-z]{1,4}$"));
    return re.match(field).hasMatch();
}

} // namespace

QString PairingQr::urlPrefix()
{
    return QStringLiteral("https://wa.me/settings/linked_devices#");
}

Result<PairingQr> PairingQr::parse(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return Error::invalidArgument(QStringLiteral("the QR text is empty"), QStringLiteral("qr"));
    if (text.size() > kMaxQrLength)
        return Error::invalidArgument(QStringLiteral("the QR text is too long"), QStringLiteral("qr"));
    for (const QChar c : text) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7E)
            return Error::invalidArgument(QStringLiteral("the QR text holds characters outside printable ASCII"),
                                          QStringLiteral("qr"));
    }

    QString body = text;
    const bool hasPrefix = text.startsWith(urlPrefix());
    if (hasPrefix)
        body = text.mid(urlPrefix().size());
    else if (text.startsWith(QLatin1String("https://")) || text.startsWith(QLatin1String("http://")))
        return Error::invalidArgument(QStringLiteral("the QR is a URL but not a linked-devices URL"), QStringLiteral("qr"));

    const QStringList parts = body.split(QLatin1Char(','));
    if (parts.size() < 4)
        return Error::invalidArgument(QStringLiteral("the QR needs REF,NOISE,IDENTITY,ADV[,PLATFORM]"), QStringLiteral("qr"));

    // The current form ends with a short platform token, the old form with the ADV key.
    qsizetype keysEnd = parts.size();
    PairingQr qr;
    if (parts.size() >= 5 && isPlatformToken(parts.last()) && !decodeKey(parts.last())) {
        qr.platform = parts.last();
        keysEnd = parts.size() - 1;
    } else if (hasPrefix) {
        return Error::invalidArgument(QStringLiteral("the QR has no platform field"), QStringLiteral("qr"));
    }
    if (keysEnd < 4)
        return Error::invalidArgument(QStringLiteral("the QR needs REF,NOISE,IDENTITY,ADV[,PLATFORM]"), QStringLiteral("qr"));

    const auto noise = decodeKey(parts[keysEnd - 3]);
    const auto identity = decodeKey(parts[keysEnd - 2]);
    const auto adv = decodeKey(parts[keysEnd - 1]);
    if (!noise)
        return Error::invalidArgument(QStringLiteral("the QR's noise key is not base64 of 32 bytes"), QStringLiteral("qr"));
    if (!identity)
        return Error::invalidArgument(QStringLiteral("the QR's identity key is not base64 of 32 bytes"), QStringLiteral("qr"));
    if (!adv)
        return Error::invalidArgument(QStringLiteral("the QR's ADV secret is not base64 of 32 bytes"), QStringLiteral("qr"));

    const QString ref = parts.mid(0, keysEnd - 3).join(QLatin1Char(','));
    if (ref.isEmpty())
        return Error::invalidArgument(QStringLiteral("the QR's ref is empty"), QStringLiteral("qr"));
    qr.ref = ref.toLatin1();
    qr.noiseKey = *noise;
    qr.identityKey = *identity;
    qr.advSecret = *adv;
    return qr;
}

QString PairingQr::toString() const
{
    return urlPrefix()
           + QStringList{QString::fromLatin1(ref), QString::fromLatin1(noiseKey.toBase64()),
                         QString::fromLatin1(identityKey.toBase64()), QString::fromLatin1(advSecret.toBase64()), platform}
                 .join(QLatin1Char(','));
}

} // namespace wagate::wasim
