#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace wagate {

class Database;

//! The Signal state of every session, one table per kind (migration 4): key-value rows under
//! (session_id, key). Values are opaque here; the engine seals them before they arrive.
class SignalRepository
{
public:
    //! The tables, in the order of wa::SignalRecordKind (1-based there).
    enum class Table { Sessions = 1, PreKeys, SignedPreKeys, Identities, SenderKeys, LidMappings, Received };

    struct Write
    {
        Table table = Table::Sessions;
        QByteArray key;
        std::optional<QByteArray> value; //!< nullopt deletes
    };

    explicit SignalRepository(Database &db) : m_db(db) {}

    Result<std::optional<QByteArray>> load(const QString &sessionId, Table table, const QByteArray &key);
    //! Keys starting with `prefix` (every key when it is empty), sorted.
    Result<QList<QByteArray>> keys(const QString &sessionId, Table table, const QByteArray &prefix);
    //! Every write in one transaction, in order.
    Result<void> apply(const QString &sessionId, const QList<Write> &writes, qint64 at);
    //! Deletes everything of a session (unlinked or deleted).
    Result<void> clear(const QString &sessionId);
    Result<qint64> count(const QString &sessionId, Table table);

    Database &database() { return m_db; }

    static bool isTable(int value) { return value >= int(Table::Sessions) && value <= int(Table::Received); }

private:
    Database &m_db;
};

} // namespace wagate
