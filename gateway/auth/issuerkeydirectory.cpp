#include "issuerkeydirectory.h"

#include "core/logging.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace wagate {

Result<void> IssuerKeyDirectory::publish(const QList<Entry> &own, qint64 now)
{
    return m_db.transaction([&]() -> Result<void> {
        QSqlQuery &del = m_db.prepared(QStringLiteral("DELETE FROM issuer_keys WHERE gateway_id = ?"));
        del.addBindValue(m_gatewayId);
        if (auto r = m_db.exec(del); !r)
            return r;
        for (const Entry &e : own) {
            QSqlQuery &q = m_db.prepared(QStringLiteral(
                "INSERT INTO issuer_keys (kid, gateway_id, jwk, expires_at, updated_at) VALUES (?, ?, ?, ?, ?)"));
            q.addBindValue(e.kid);
            q.addBindValue(m_gatewayId);
            q.addBindValue(QString::fromUtf8(QJsonDocument(e.jwk).toJson(QJsonDocument::Compact)));
            q.addBindValue(e.expiresAt);
            q.addBindValue(now);
            if (auto r = m_db.exec(q); !r) {
                if (r.error().code == ErrorCode::AlreadyExists) // another node holds this kid: not ours to take
                    return Error::alreadyExists(QStringLiteral("another gateway node published key %1").arg(e.kid));
                return r;
            }
        }
        return {};
    });
}

Result<QList<IssuerKeyDirectory::Entry>> IssuerKeyDirectory::peers(qint64 now)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT kid, jwk, expires_at FROM issuer_keys WHERE gateway_id <> ? AND (expires_at = 0 OR expires_at > ?) ORDER BY kid"));
    q.addBindValue(m_gatewayId);
    q.addBindValue(now);
    auto rows = sql::all<Entry>(m_db, q, [](const QSqlQuery &row) {
        Entry e;
        e.kid = row.value(0).toString();
        e.jwk = QJsonDocument::fromJson(row.value(1).toString().toUtf8()).object();
        e.expiresAt = row.value(2).toLongLong();
        return e;
    });
    return rows;
}

} // namespace wagate
