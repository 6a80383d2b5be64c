#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace wagate {

class SecretStore;

//! Encrypts WhatsApp credentials at rest: AES-256-GCM under the data key (256 random bits kept in the
//! secret store), a fresh random 96-bit nonce per seal, the session id as associated data so a blob
//! cannot be moved to another row. Layout: version (1) || nonce (12) || ciphertext || tag (16).
//! Immutable after construction, so one instance may be shared across threads.
class CredentialCipher
{
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kNonceBytes = 12;
    static constexpr int kTagBytes = 16;
    static constexpr char kVersion = 1;
    static constexpr int kOverhead = 1 + kNonceBytes + kTagBytes;

    //! key must be kKeyBytes long; anything else yields an invalid cipher whose calls all fail.
    explicit CredentialCipher(const QByteArray &key);
    ~CredentialCipher();
    CredentialCipher(const CredentialCipher &) = delete;
    CredentialCipher &operator=(const CredentialCipher &) = delete;

    bool isValid() const { return m_key.size() == kKeyBytes; }

    Result<QByteArray> seal(const QString &sessionId, const QByteArray &plaintext) const;
    //! The plaintext, or an error when the blob was altered, truncated, made for another session or
    //! under another key (GCM authenticates all of these; nothing is returned on failure).
    Result<QByteArray> open(const QString &sessionId, const QByteArray &sealed) const;

    using LoadDone = std::function<void(Result<std::shared_ptr<const CredentialCipher>>)>;
    //! The cipher over the store's data key, creating (and storing) a random key on first use.
    static void load(SecretStore &store, LoadDone done);

private:
    QByteArray m_key;
};

} // namespace wagate
