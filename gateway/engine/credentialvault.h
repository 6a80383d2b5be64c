#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace wagate {

//! Encrypts WhatsApp credentials at rest; the session id binds each blob to its row.
class CredentialVault
{
public:
    virtual ~CredentialVault() = default;
    virtual Result<QByteArray> seal(const QString &sessionId, const QByteArray &plaintext) = 0;
    virtual Result<QByteArray> open(const QString &sessionId, const QByteArray &sealed) = 0;
};

class CredentialCipher;

//! The vault over the identity service's credential cipher (AES-256-GCM under the data key held in
//! the secret store).
class CredentialCipherVault : public CredentialVault
{
public:
    explicit CredentialCipherVault(std::shared_ptr<const CredentialCipher> cipher) : m_cipher(std::move(cipher)) {}
    Result<QByteArray> seal(const QString &sessionId, const QByteArray &plaintext) override;
    Result<QByteArray> open(const QString &sessionId, const QByteArray &sealed) override;

private:
    std::shared_ptr<const CredentialCipher> m_cipher;
};

} // namespace wagate
