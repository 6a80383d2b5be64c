#include "linkcodepairing.h"

#include "core/ids.h"
#include "wa/crypto/aes.h"
#include "wa/crypto/kdf.h"

namespace wagate::wa {

namespace {

constexpr qsizetype kSaltSize = 32;
constexpr qsizetype kAdvRandomSize = 32;

QByteArray orRandom(QByteArrayView given, qsizetype size)
{
    return given.size() == size ? given.toByteArray() : secureRandomBytes(int(size));
}

QByteArray codeKey(const QString &code, QByteArrayView salt)
{
    return pbkdf2Sha256(code.toLatin1(), salt, LinkCodePairing::kPbkdf2Iterations, aes::kKeySize);
}

} // namespace

QByteArray LinkCodePairing::wrapKey(const QString &code, QByteArrayView publicKey, QByteArrayView salt, QByteArrayView iv)
{
    if (publicKey.size() != KeyPair::kKeySize)
        return {};
    const QByteArray s = orRandom(salt, kSaltSize);
    const QByteArray i = orRandom(iv, aes::kCtrIvSize);
    return s + i + aes::ctr(codeKey(code, s), i, publicKey);
}

std::optional<QByteArray> LinkCodePairing::unwrapKey(const QString &code, QByteArrayView wrapped)
{
    if (wrapped.size() != kWrappedKeySize)
        return std::nullopt;
    const QByteArrayView salt = wrapped.first(kSaltSize);
    const QByteArrayView iv = wrapped.sliced(kSaltSize, aes::kCtrIvSize);
    const QByteArrayView ciphertext = wrapped.sliced(kSaltSize + aes::kCtrIvSize);
    QByteArray key = aes::ctr(codeKey(code, salt), iv, ciphertext);
    if (key.size() != KeyPair::kKeySize)
        return std::nullopt;
    return key;
}

std::optional<LinkCodePairing::Finish> LinkCodePairing::finish(const KeyPair &companionEphemeral,
                                                               QByteArrayView primaryEphemeralPublic,
                                                               const KeyPair &companionIdentity,
                                                               QByteArrayView primaryIdentityPublic,
                                                               QByteArrayView bundleSalt, QByteArrayView bundleNonce,
                                                               QByteArrayView advRandom)
{
    if (primaryIdentityPublic.size() != KeyPair::kKeySize)
        return std::nullopt;
    const auto ephemeralShared = companionEphemeral.dh(primaryEphemeralPublic);
    const auto identityShared = companionIdentity.dh(primaryIdentityPublic);
    if (!ephemeralShared || !identityShared)
        return std::nullopt;

    const QByteArray salt = orRandom(bundleSalt, kSaltSize);
    const QByteArray nonce = orRandom(bundleNonce, aes::kGcmIvSize);
    const QByteArray random = orRandom(advRandom, kAdvRandomSize);

    const QByteArray bundleKey =
        hkdfSha256(salt, *ephemeralShared, "link_code_pairing_key_bundle_encryption_key", aes::kKeySize);
    const QByteArray plaintext = companionIdentity.pub + primaryIdentityPublic.toByteArray() + random;
    const QByteArray sealed = aes::gcmEncrypt(bundleKey, nonce, plaintext);
    if (sealed.isEmpty())
        return std::nullopt;

    Finish out;
    out.wrappedBundle = salt + nonce + sealed;
    out.advSecret = hkdfSha256({}, *ephemeralShared + *identityShared + random, "adv_secret", 32);
    return out;
}

QString LinkCodePairing::displayCode(const QString &code)
{
    return code.size() == 8 ? code.left(4) + QLatin1Char('-') + code.mid(4) : code;
}

Result<QString> LinkCodePairing::normalizePhoneNumber(const QString &phoneNumber)
{
    QString digits = phoneNumber.trimmed();
    if (digits.startsWith(QLatin1Char('+')))
        digits.remove(0, 1);
    const auto reject = [](const QString &why) { return Error::invalidArgument(why, QStringLiteral("phoneNumber")); };
    if (digits.isEmpty())
        return reject(QStringLiteral("the phone number is empty; give it in international format, e.g. 491701234567"));
    for (const QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return reject(QStringLiteral("the phone number must contain digits only (international format, "
                                         "e.g. 491701234567), without spaces or punctuation"));
    }
    if (digits.startsWith(QLatin1Char('0')))
        return reject(QStringLiteral("the phone number must be in international format: country code first, "
                                     "no leading 0 (e.g. 491701234567)"));
    if (digits.size() <= 6)
        return reject(QStringLiteral("the phone number is too short: more than 6 digits including the country code"));
    if (digits.size() > 15)
        return reject(QStringLiteral("the phone number is too long: at most 15 digits including the country code"));
    return digits;
}

} // namespace wagate::wa
