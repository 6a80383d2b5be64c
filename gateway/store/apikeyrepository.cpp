#include "apikeyrepository.h"

#include "database.h"

#include <QSqlQuery>
#include <QVariant>

namespace wagate {

namespace {

const QString kColumns = QStringLiteral(
    "id, organization_id, name, lookup, secret_hash, capabilities, created_at, created_by, last_used_at, revoked_at");

ApiKeyRecord readKey(const QSqlQuery &q)
{
    ApiKeyRecord k;
    k.id = q.value(0).toString();
    k.organizationId = q.value(1).toString();
    k.name = q.value(2).toString();
    k.lookup = q.value(3).toString();
    k.secretHash = q.value(4).toByteArray();
    k.capabilities = parseCapabilities(q.value(5).toString().split(u',')).value_or(Capabilities());
    k.createdAt = q.value(6).toLongLong();
    k.createdBy = q.value(7).toString();
    k.lastUsedAt = q.value(8).isNull() ? 0 : q.value(8).toLongLong();
    k.revokedAt = q.value(9).isNull() ? 0 : q.value(9).toLongLong();
    return k;
}

} // namespace

Result<void> ApiKeyRepository::insert(const ApiKeyRecord &k)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("INSERT INTO api_keys (") + kColumns
                                 + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(k.id);
    q.addBindValue(k.organizationId);
    q.addBindValue(k.name);
    q.addBindValue(k.lookup);
    q.addBindValue(k.secretHash);
    q.addBindValue(capabilityNames(k.capabilities).join(u','));
    q.addBindValue(k.createdAt);
    q.addBindValue(k.createdBy);
    q.addBindValue(k.lastUsedAt ? QVariant(k.lastUsedAt) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(k.revokedAt ? QVariant(k.revokedAt) : QVariant(QMetaType::fromType<qint64>()));
    return m_db.exec(q);
}

Result<ApiKeyRecord> ApiKeyRepository::byLookup(const QString &lookup)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM api_keys WHERE lookup = ?"));
    q.addBindValue(lookup);
    return sql::one<ApiKeyRecord>(m_db, q, readKey, Error::notFound(QStringLiteral("API key not found")));
}

Result<ApiKeyRecord> ApiKeyRepository::get(const QString &organizationId, const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM api_keys WHERE id = ? AND organization_id = ?"));
    q.addBindValue(id);
    q.addBindValue(organizationId);
    return sql::one<ApiKeyRecord>(m_db, q, readKey, Error::notFound(QStringLiteral("API key not found")));
}

Result<QList<ApiKeyRecord>> ApiKeyRepository::list(const QString &organizationId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM api_keys WHERE organization_id = ? ORDER BY id"));
    q.addBindValue(organizationId);
    return sql::all<ApiKeyRecord>(m_db, q, readKey);
}

Result<void> ApiKeyRepository::revoke(const QString &organizationId, const QString &id, qint64 at)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND organization_id = ?"));
    q.addBindValue(at);
    q.addBindValue(id);
    q.addBindValue(organizationId);
    return sql::changesOne(m_db, q, Error::notFound(QStringLiteral("API key not found")));
}

Result<void> ApiKeyRepository::touch(const QString &id, qint64 at)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("UPDATE api_keys SET last_used_at = ? WHERE id = ?"));
    q.addBindValue(at);
    q.addBindValue(id);
    return m_db.exec(q);
}

} // namespace wagate
