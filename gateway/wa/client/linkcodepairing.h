#pragma once

#include "core/result.h"
#include "wa/crypto/keypair.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace wagate::wa {

//! The companion's cryptography of pairing by code ("link with phone number", PROTOCOL.md §6).
//! Pure functions; the PBKDF2 behind wrapKey()/unwrapKey() costs tens of milliseconds, so the
//! connection runs those two off its thread.
class LinkCodePairing
{
public:
    static constexpr int kPbkdf2Iterations = 131072; // 2 << 16
    static constexpr qsizetype kWrappedKeySize = 80; // salt(32) || iv(16) || ciphertext(32)
    static constexpr qsizetype kWrappedBundleSize = 156; // salt(32) || nonce(12) || 96 + tag(16)

    //! `salt || iv || AES-256-CTR(PBKDF2(code, salt), iv, publicKey)`. Salt (32) and IV (16) are
    //! random unless given (tests). Empty on a malformed key.
    static QByteArray wrapKey(const QString &code, QByteArrayView publicKey, QByteArrayView salt = {},
                              QByteArrayView iv = {});
    //! The 32-byte public key inside an 80-byte wrapKey() result; nullopt on a wrong size. (CTR has
    //! no integrity: a wrong code yields a wrong key, which the later HMAC check catches.)
    static std::optional<QByteArray> unwrapKey(const QString &code, QByteArrayView wrapped);

    //! What companion_finish sends, and the adv secret that replaces the QR one.
    struct Finish
    {
        QByteArray wrappedBundle; //!< 156 bytes for <link_code_pairing_wrapped_key_bundle>
        QByteArray advSecret;     //!< 32 bytes; the phone HMACs pair-success with it
    };

    //! Derives the key bundle and the new adv secret from our ephemeral and identity keys and the
    //! phone's ephemeral and identity keys. Randomness (bundle salt 32, nonce 12, adv random 32) is
    //! fresh unless given (tests). nullopt for a low-order or malformed peer key.
    static std::optional<Finish> finish(const KeyPair &companionEphemeral, QByteArrayView primaryEphemeralPublic,
                                        const KeyPair &companionIdentity, QByteArrayView primaryIdentityPublic,
                                        QByteArrayView bundleSalt = {}, QByteArrayView bundleNonce = {},
                                        QByteArrayView advRandom = {});

    //! "ABCDEFGH" as shown to people: "ABCD-EFGH".
    static QString displayCode(const QString &code);
    //! The number as the protocol wants it: international digits, no "+" (one leading "+" is
    //! accepted and dropped), no leading 0, more than 6 digits and at most 15 (E.164).
    static Result<QString> normalizePhoneNumber(const QString &phoneNumber);
};

} // namespace wagate::wa
