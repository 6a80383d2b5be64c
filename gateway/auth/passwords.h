#pragma once

#include "core/result.h"

#include <QString>

namespace wagate {

//! Argon2id cost (libsodium crypto_pwhash). The default is libsodium's "interactive" level (2 passes,
//! 64 MiB); tests pass minimum() so they stay fast. Changing it makes crypto_pwhash_str_needs_rehash
//! true for older hashes, which are then upgraded at the next successful login.
struct PasswordCost
{
    unsigned long long opsLimit = 2;
    size_t memLimit = size_t(64) * 1024 * 1024;

    static PasswordCost minimum();
};

//! Password hashing with Argon2id. hash() and verify() take tens of milliseconds and 64 MiB by design:
//! call them on a worker thread, never on the engine thread.
namespace passwords {

constexpr int kMinLength = 10;
constexpr int kMaxLength = 1024;

//! invalid_argument (field "password") unless kMinLength ≤ length ≤ kMaxLength characters.
Result<void> validate(const QString &password);
//! A self-describing $argon2id$ string.
Result<QString> hash(const QString &password, const PasswordCost &cost);
bool verify(const QString &hash, const QString &password);
//! True when hash was made with other parameters than cost (or is not an Argon2id string).
bool needsRehash(const QString &hash, const PasswordCost &cost);

} // namespace passwords

} // namespace wagate
