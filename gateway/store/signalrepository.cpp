#include "signalrepository.h"

#include "database.h"

#include <QSqlQuery>
#include <QVariant>

namespace wagate {

namespace {

struct TableInfo
{
    const char *name;
    const char *key;
};

TableInfo info(SignalRepository::Table t)
{
    switch (t) {
    case SignalRepository::Table::Sessions: return {"signal_sessions", "address"};
    case SignalRepository::Table::PreKeys: return {"signal_prekeys", "key_id"};
    case SignalRepository::Table::SignedPreKeys: return {"signal_signed_prekeys", "key_id"};
    case SignalRepository::Table::Identities: return {"signal_identities", "address"};
    case SignalRepository::Table::SenderKeys: return {"signal_sender_keys", "sender_key"};
    case SignalRepository::Table::LidMappings: return {"wa_lid_mappings", "mapping"};
    case SignalRepository::Table::Received: return {"wa_received", "message_key"};
    }
    return {"signal_sessions", "address"};
}

QString statement(SignalRepository::Table t, const char *pattern)
{
    const TableInfo i = info(t);
    QString s = QString::fromLatin1(pattern);
    s.replace(QLatin1String("%1"), QLatin1String(i.name));
    s.replace(QLatin1String("%2"), QLatin1String(i.key));
    return s;
}

//! The smallest string greater than every string starting with `prefix` (for a range scan: LIKE
//! would treat the '_' of LID names as a wildcard).
QByteArray upperBound(QByteArray prefix)
{
    while (!prefix.isEmpty()) {
        const quint8 last = quint8(prefix.back());
        if (last < 0x7F) {
            prefix.back() = char(last + 1);
            return prefix;
        }
        prefix.chop(1);
    }
    return {};
}

} // namespace

Result<std::optional<QByteArray>> SignalRepository::load(const QString &sessionId, Table table, const QByteArray &key)
{
    QSqlQuery &q = m_db.prepared(statement(table, "SELECT value FROM %1 WHERE session_id = ? AND %2 = ?"));
    q.addBindValue(sessionId);
    q.addBindValue(QString::fromUtf8(key));
    if (auto r = m_db.exec(q); !r)
        return r.error();
    std::optional<QByteArray> out;
    if (q.next())
        out = q.value(0).toByteArray();
    q.finish();
    return out;
}

Result<QList<QByteArray>> SignalRepository::keys(const QString &sessionId, Table table, const QByteArray &prefix)
{
    const QByteArray upper = upperBound(prefix);
    QSqlQuery &q = prefix.isEmpty()
                       ? m_db.prepared(statement(table, "SELECT %2 FROM %1 WHERE session_id = ? ORDER BY %2"))
                   : upper.isEmpty() ? m_db.prepared(statement(table, "SELECT %2 FROM %1 WHERE session_id = ? AND %2 >= ? ORDER BY %2"))
                                     : m_db.prepared(statement(table, "SELECT %2 FROM %1 WHERE session_id = ? AND %2 >= ? AND %2 < ? "
                                                                "ORDER BY %2"));
    q.addBindValue(sessionId);
    if (!prefix.isEmpty()) {
        q.addBindValue(QString::fromUtf8(prefix));
        if (!upper.isEmpty())
            q.addBindValue(QString::fromUtf8(upper));
    }
    return sql::all<QByteArray>(m_db, q, [](const QSqlQuery &row) { return row.value(0).toString().toUtf8(); });
}

Result<void> SignalRepository::apply(const QString &sessionId, const QList<Write> &writes, qint64 at)
{
    if (writes.isEmpty())
        return {};
    return m_db.transaction([&]() -> Result<void> {
        for (const Write &w : writes) {
            if (w.value) {
                QSqlQuery &q = m_db.prepared(statement(w.table, "INSERT INTO %1 (session_id, %2, value, updated_at) VALUES (?, ?, ?, ?) "
                                                          "ON CONFLICT (session_id, %2) DO UPDATE SET value = excluded.value, "
                                                          "updated_at = excluded.updated_at"));
                q.addBindValue(sessionId);
                q.addBindValue(QString::fromUtf8(w.key));
                q.addBindValue(*w.value);
                q.addBindValue(at);
                if (auto r = m_db.exec(q); !r)
                    return r;
            } else {
                QSqlQuery &q = m_db.prepared(statement(w.table, "DELETE FROM %1 WHERE session_id = ? AND %2 = ?"));
                q.addBindValue(sessionId);
                q.addBindValue(QString::fromUtf8(w.key));
                if (auto r = m_db.exec(q); !r)
                    return r;
            }
        }
        return {};
    });
}

Result<void> SignalRepository::clear(const QString &sessionId)
{
    return m_db.transaction([&]() -> Result<void> {
        for (int t = int(Table::Sessions); t <= int(Table::Received); ++t) {
            QSqlQuery &q = m_db.prepared(statement(Table(t), "DELETE FROM %1 WHERE session_id = ?"));
            q.addBindValue(sessionId);
            if (auto r = m_db.exec(q); !r)
                return r;
        }
        return {};
    });
}

Result<qint64> SignalRepository::count(const QString &sessionId, Table table)
{
    QSqlQuery &q = m_db.prepared(statement(table, "SELECT COUNT(*) FROM %1 WHERE session_id = ?"));
    q.addBindValue(sessionId);
    return sql::one<qint64>(m_db, q, [](const QSqlQuery &row) { return row.value(0).toLongLong(); },
                            Error::internal(QStringLiteral("COUNT returned no row")));
}

} // namespace wagate
