#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace wagate {

class Database;

//! The local issuers' public keys in the database the gateway nodes share: each node writes its own
//! and reads the others', so a login token minted by one node is accepted by every node of the same
//! database, and each node's JWKS names them all. Only public keys are written; every private key
//! stays in its own node's secret store.
class IssuerKeyDirectory
{
public:
    struct Entry
    {
        QString kid;
        QJsonObject jwk;      //!< the public JWK, as published
        qint64 expiresAt = 0; //!< 0: a signing key; otherwise when a retired key stops counting (ms)
    };

    IssuerKeyDirectory(Database &db, const QString &gatewayId) : m_db(db), m_gatewayId(gatewayId) {}

    //! Replaces this node's entries with `own`, in one transaction.
    Result<void> publish(const QList<Entry> &own, qint64 now);
    //! The other nodes' entries that still count at `now`.
    Result<QList<Entry>> peers(qint64 now);

private:
    Database &m_db;
    QString m_gatewayId;
};

} // namespace wagate
