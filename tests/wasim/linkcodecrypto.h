#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace wagate::wasim {

//! The arithmetic of "link with phone number" pairing (PROTOCOL.md §6), for both ends: the phone in
//! the simulator and the companion of tests and benchmarks. Pure functions over bytes; randomness
//! is a parameter wherever a test must reproduce a value.
namespace linkcodecrypto {

constexpr int kPbkdf2Iterations = 131072; //!< 2 << 16
constexpr qsizetype kSaltSize = 32;
constexpr qsizetype kCtrIvSize = 16;
constexpr qsizetype kWrappedKeySize = kSaltSize + kCtrIvSize + 32;        //!< 80
constexpr qsizetype kBundleNonceSize = 12;
constexpr qsizetype kBundlePlainSize = 96;                                //!< companion || primary || adv random
constexpr qsizetype kWrappedBundleSize = kSaltSize + kBundleNonceSize + kBundlePlainSize + 16; //!< 156

inline constexpr char kBundleInfo[] = "link_code_pairing_key_bundle_encryption_key";
inline constexpr char kAdvSecretInfo[] = "adv_secret";

//! The canonical 8-character code of what a user typed: case-insensitive, one optional dash in
//! the middle ("ABCD-EFGH"), alphabet without 0 I O U. nullopt for anything else.
std::optional<QString> normalizeCode(QStringView typed);

//! PBKDF2-HMAC-SHA256(code, salt, 131072) → 32 bytes: the key that wraps an ephemeral public key.
QByteArray codeKey(QStringView code, QByteArrayView salt);

//! salt || iv || AES-256-CTR(codeKey(code, salt), iv, publicKey): 80 bytes.
QByteArray wrapKey(QStringView code, QByteArrayView publicKey, QByteArrayView salt, QByteArrayView iv);
//! The same with fresh random salt and iv.
QByteArray wrapKey(QStringView code, QByteArrayView publicKey);
//! The public key inside `wrapped`; nullopt unless it is 80 bytes. A wrong code cannot be noticed
//! here (CTR has no tag): it yields a different key, and the key bundle then fails to open.
std::optional<QByteArray> unwrapKey(QStringView code, QByteArrayView wrapped);

//! What the companion seals for the phone in companion_finish.
struct KeyBundle
{
    QByteArray companionIdentity; //!< 32 bytes
    QByteArray primaryIdentity;   //!< 32 bytes
    QByteArray advRandom;         //!< 32 bytes
};

//! HKDF-SHA256(ikm = sharedEphemeral, salt, info = kBundleInfo, 32).
QByteArray bundleKey(QByteArrayView sharedEphemeral, QByteArrayView salt);
//! salt || nonce || AES-256-GCM(bundleKey, nonce, companion || primary || advRandom): 156 bytes.
QByteArray sealBundle(QByteArrayView sharedEphemeral, const KeyBundle &bundle, QByteArrayView salt,
                      QByteArrayView nonce);
//! The same with fresh random salt and nonce.
QByteArray sealBundle(QByteArrayView sharedEphemeral, const KeyBundle &bundle);
//! Opens a sealed bundle; nullopt when the size is wrong or the tag does not verify (a wrong code).
std::optional<KeyBundle> openBundle(QByteArrayView sharedEphemeral, QByteArrayView wrapped);

//! The ADV secret both ends derive: HKDF-SHA256(ikm = sharedEphemeral || sharedIdentity ||
//! advRandom, no salt, info = "adv_secret", 32).
QByteArray deriveAdvSecret(QByteArrayView sharedEphemeral, QByteArrayView sharedIdentity, QByteArrayView advRandom);

} // namespace linkcodecrypto

} // namespace wagate::wasim
