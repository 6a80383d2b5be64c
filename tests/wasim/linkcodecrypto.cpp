#include "linkcodecrypto.h"

#include "core/ids.h"
#include "wa/crypto/aes.h"
#include "wa/crypto/kdf.h"
#include "wa/crypto/linkcode.h"

namespace wagate::wasim::linkcodecrypto {

std::optional<QString> normalizeCode(QStringView typed)
{
    QString code = typed.trimmed().toString().toUpper();
    if (code.size() == 9 && code.at(4) == QLatin1Char('-'))
        code.remove(4, 1);
    if (code.size() != 8)
        return std::nullopt;
    // decode() checks the alphabet; 8 characters carry exactly 40 bits, so there is no padding.
    if (!wa::linkcode::decode(code))
        return std::nullopt;
    return code;
}

QByteArray codeKey(QStringView code, QByteArrayView salt)
{
    return wa::pbkdf2Sha256(code.toLatin1(), salt, kPbkdf2Iterations, 32);
}

QByteArray wrapKey(QStringView code, QByteArrayView publicKey, QByteArrayView salt, QByteArrayView iv)
{
    const QByteArray key = codeKey(code, salt);
    QByteArray out;
    out.reserve(kWrappedKeySize);
    out.append(salt);
    out.append(iv);
    out.append(wa::aes::ctr(key, iv, publicKey));
    return out;
}

QByteArray wrapKey(QStringView code, QByteArrayView publicKey)
{
    return wrapKey(code, publicKey, secureRandomBytes(int(kSaltSize)), secureRandomBytes(int(kCtrIvSize)));
}

std::optional<QByteArray> unwrapKey(QStringView code, QByteArrayView wrapped)
{
    if (wrapped.size() != kWrappedKeySize)
        return std::nullopt;
    const QByteArrayView salt = wrapped.first(kSaltSize);
    const QByteArrayView iv = wrapped.sliced(kSaltSize, kCtrIvSize);
    const QByteArray key = codeKey(code, salt);
    if (key.isEmpty())
        return std::nullopt;
    return wa::aes::ctr(key, iv, wrapped.sliced(kSaltSize + kCtrIvSize));
}

QByteArray bundleKey(QByteArrayView sharedEphemeral, QByteArrayView salt)
{
    return wa::hkdfSha256(salt, sharedEphemeral, kBundleInfo, 32);
}

QByteArray sealBundle(QByteArrayView sharedEphemeral, const KeyBundle &bundle, QByteArrayView salt, QByteArrayView nonce)
{
    const QByteArray key = bundleKey(sharedEphemeral, salt);
    const QByteArray plain = bundle.companionIdentity + bundle.primaryIdentity + bundle.advRandom;
    QByteArray out;
    out.reserve(kWrappedBundleSize);
    out.append(salt);
    out.append(nonce);
    out.append(wa::aes::gcmEncrypt(key, nonce, plain));
    return out;
}

QByteArray sealBundle(QByteArrayView sharedEphemeral, const KeyBundle &bundle)
{
    return sealBundle(sharedEphemeral, bundle, secureRandomBytes(int(kSaltSize)),
                      secureRandomBytes(int(kBundleNonceSize)));
}

std::optional<KeyBundle> openBundle(QByteArrayView sharedEphemeral, QByteArrayView wrapped)
{
    if (wrapped.size() != kWrappedBundleSize)
        return std::nullopt;
    const QByteArray key = bundleKey(sharedEphemeral, wrapped.first(kSaltSize));
    const auto plain = wa::aes::gcmDecrypt(key, wrapped.sliced(kSaltSize, kBundleNonceSize),
                                           wrapped.sliced(kSaltSize + kBundleNonceSize));
    if (!plain || plain->size() != kBundlePlainSize)
        return std::nullopt;
    return KeyBundle{plain->first(32), plain->sliced(32, 32), plain->sliced(64, 32)};
}

QByteArray deriveAdvSecret(QByteArrayView sharedEphemeral, QByteArrayView sharedIdentity, QByteArrayView advRandom)
{
    QByteArray ikm;
    ikm.reserve(sharedEphemeral.size() + sharedIdentity.size() + advRandom.size());
    ikm.append(sharedEphemeral);
    ikm.append(sharedIdentity);
    ikm.append(advRandom);
    return wa::hkdfSha256({}, ikm, kAdvSecretInfo, 32);
}

} // namespace wagate::wasim::linkcodecrypto
