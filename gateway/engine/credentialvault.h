#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace wagate {

//! Encrypts WhatsApp credentials at rest; the session id binds each blob to its row.
class CredentialVault
{
public:
    virtual ~CredentialVault() = default;
    virtual Result<QByteArray> seal(const QString &sessionId, const QByteArray &plaintext) = 0;
    virtual Result<QByteArray> open(const QString &sessionId, const QByteArray &sealed) = 0;
};

} // namespace wagate
