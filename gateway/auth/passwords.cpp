#include "passwords.h"

#include <sodium.h>

namespace wagate {

static_assert(crypto_pwhash_OPSLIMIT_INTERACTIVE == 2, "PasswordCost default mirrors libsodium's interactive level");
static_assert(crypto_pwhash_MEMLIMIT_INTERACTIVE == 64u * 1024 * 1024, "PasswordCost default mirrors libsodium's interactive level");

namespace {

void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    Q_UNUSED(ready);
}

//! UTF-8 bytes of a password, wiped when it goes out of scope.
struct Utf8Secret
{
    explicit Utf8Secret(const QString &s) : bytes(s.toUtf8()) {}
    ~Utf8Secret()
    {
        if (!bytes.isEmpty())
            sodium_memzero(bytes.data(), size_t(bytes.size()));
    }
    QByteArray bytes;
};

} // namespace

PasswordCost PasswordCost::minimum()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

namespace passwords {

Result<void> validate(const QString &password)
{
    if (password.size() < kMinLength)
        return Error::invalidArgument(QStringLiteral("password must be at least %1 characters").arg(kMinLength),
                                      QStringLiteral("password"));
    if (password.size() > kMaxLength)
        return Error::invalidArgument(QStringLiteral("password must be at most %1 characters").arg(kMaxLength),
                                      QStringLiteral("password"));
    return {};
}

Result<QString> hash(const QString &password, const PasswordCost &cost)
{
    ensureSodium();
    Utf8Secret secret(password);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, secret.bytes.constData(), (unsigned long long)secret.bytes.size(), cost.opsLimit,
                              cost.memLimit, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return Error::internal(QStringLiteral("password hashing failed (out of memory?)"));
    return QString::fromLatin1(out);
}

bool verify(const QString &hash, const QString &password)
{
    ensureSodium();
    const QByteArray h = hash.toLatin1();
    if (h.isEmpty() || h.size() >= crypto_pwhash_STRBYTES)
        return false;
    Utf8Secret secret(password);
    return crypto_pwhash_str_verify(h.constData(), secret.bytes.constData(), (unsigned long long)secret.bytes.size()) == 0;
}

bool needsRehash(const QString &hash, const PasswordCost &cost)
{
    ensureSodium();
    const QByteArray h = hash.toLatin1();
    return crypto_pwhash_str_needs_rehash(h.constData(), cost.opsLimit, cost.memLimit) != 0;
}

} // namespace passwords

} // namespace wagate
