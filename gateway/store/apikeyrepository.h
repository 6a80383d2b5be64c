#pragma once

#include "core/principal.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>

namespace wagate {

class Database;

//! A stored API key: never the secret itself, only its lookup part and a hash.
struct ApiKeyRecord
{
    QString id;
    QString organizationId;
    QString name;
    QString lookup;        //!< the non-secret lookup part of the token (indexed)
    QByteArray secretHash; //!< SHA-256 of the whole token
    Capabilities capabilities;
    qint64 createdAt = 0;
    QString createdBy;
    qint64 lastUsedAt = 0;
    qint64 revokedAt = 0;

    bool revoked() const { return revokedAt != 0; }
};

class ApiKeyRepository
{
public:
    explicit ApiKeyRepository(Database &db) : m_db(db) {}

    Result<void> insert(const ApiKeyRecord &key);
    Result<ApiKeyRecord> byLookup(const QString &lookup);
    Result<ApiKeyRecord> get(const QString &organizationId, const QString &id);
    Result<QList<ApiKeyRecord>> list(const QString &organizationId);
    Result<void> revoke(const QString &organizationId, const QString &id, qint64 at);
    Result<void> touch(const QString &id, qint64 at);

private:
    Database &m_db;
};

} // namespace wagate
