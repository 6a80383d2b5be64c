#pragma once

#include "core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

namespace wagate {

class ServerProbe;
class StatementWatchdog;

//! Where the store lives: an SQLite file (the default) or a PostgreSQL server.
struct DatabaseConfig
{
    //! Empty for SQLite; else postgres://user:pass@host:port/db (postgresql:// too).
    QString url;
    //! The SQLite file; used when url is empty.
    QString sqlitePath;
    //! Qt connection name; one per thread (connections are thread-affine).
    QString connectionName = QStringLiteral("wagate");
    //! PostgreSQL: the longest one statement may keep the calling thread waiting for the server;
    //! past it the connection is cut and the store counts as unavailable (0 = no bound).
    int statementBudgetMs = 2000;
    //! PostgreSQL: how often an unreachable server is asked again whether it accepts connections.
    int probeIntervalMs = 500;
};

//! One Qt Sql connection with its dialect, versioned migrations and a cache of prepared statements.
//! Lives on, and is used from, exactly one thread.
//!
//! On PostgreSQL a lost server costs that thread as little as possible: a statement waits at most
//! statementBudgetMs, and once the connection is lost every call answers unavailable at once, without
//! touching the network, until a probe on another thread sees the server accept connections again;
//! then the connection is re-opened here and onAvailable() callbacks run.
class Database
{
public:
    enum class Dialect { Sqlite, Postgres };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    //! Opens (and for SQLite creates) the database and brings its schema up to date.
    static Result<std::unique_ptr<Database>> open(const DatabaseConfig &config);

    Dialect dialect() const { return m_dialect; }
    QString describe() const; //!< "sqlite /path" or "postgres host:port/db" (never the password)
    int schemaVersion() const { return m_schemaVersion; }
    static int latestSchemaVersion();

    //! A prepared statement for sql, reused across calls; bind, exec(), then read.
    QSqlQuery &prepared(const QString &sql);
    //! Runs a prepared statement; on failure maps the driver error (unique violation → already_exists,
    //! lost connection → unavailable after one reconnect attempt).
    Result<void> exec(QSqlQuery &query);
    //! Runs fn inside a transaction; commits if it returns ok, rolls back otherwise. Called inside
    //! another transaction, fn joins it.
    Result<void> transaction(const std::function<Result<void>()> &fn);
    //! Group commit: runs fn now, inside one transaction shared by every deferred write of this
    //! turn of the event loop, which commits when control returns to the event loop — or before any
    //! other write outside it. committed then runs, from the event loop, with the group's outcome:
    //! the caller reports the write only there. A failing fn rolls back its own part (a savepoint)
    //! and hears so at once; a failed commit fails every part of the group. Inside a transaction,
    //! fn simply joins it.
    void deferred(const std::function<Result<void>()> &fn, std::function<void(Result<void>)> committed);
    //! Commits the open group now; its committed callbacks run on the next turn of the event loop.
    Result<void> flush();
    //! Deferred writes waiting for their group's commit.
    qsizetype deferredCount() const { return m_group.size(); }
    //! True when the server answers a trivial query (for /healthz); false at once during an outage.
    bool ping();
    //! False from a lost PostgreSQL connection until it is open again (always true on SQLite).
    bool isAvailable() const { return !m_down; }
    //! Called on this thread each time the store is reachable again after an outage.
    void onAvailable(std::function<void()> callback) { m_availableCallbacks.append(std::move(callback)); }

    //! PostgreSQL: calls onNotify with the payload whenever another connection (another gateway node)
    //! notifies this channel; onReconnect after a lost connection came back, when notifications may
    //! have been missed. SQLite has a single writer (the data directory is locked), so nothing to hear.
    void listen(const QString &channel, std::function<void(const QString &payload)> onNotify,
                std::function<void()> onReconnect);
    //! PostgreSQL: tells the other nodes about a change; delivered when the surrounding transaction
    //! commits. A no-op on SQLite.
    Result<void> notify(const QString &channel, const QString &payload);

private:
    Database() = default;
    Result<void> connect();
    Result<void> migrate();
    Error mapError(const QSqlError &error, const QString &what) const;
    //! The connection is gone: stop using it and let the probe find out when to open it again.
    void lose();
    void reconnect();
    //! Runs one driver call that talks to the server, within the statement budget.
    template<typename Fn>
    bool guarded(Fn call);
    Error storeDown() const;
    //! Ends the open group: commits (or rolls back when poisoned) and hands back its callbacks.
    QList<std::function<void(Result<void>)>> endGroup(Result<void> *outcome);
    bool sqlStep(const QString &statement);

    DatabaseConfig m_config;
    QString m_connectionName;
    Dialect m_dialect = Dialect::Sqlite;
    int m_schemaVersion = 0;
    QHash<QString, QSqlQuery *> m_statements;
    QList<QSqlQuery *> m_retired; //!< statements of a connection that was re-opened
    struct Listener
    {
        QString channel;
        std::function<void(const QString &)> onNotify;
        std::function<void()> onReconnect;
    };
    QList<Listener> m_listeners;
    std::unique_ptr<QObject> m_notificationContext;
    void subscribeAll();
    bool m_down = false;
    int m_transactionDepth = 0;
    bool m_groupOpen = false;
    bool m_groupPoisoned = false; //!< a statement failed outside the group's parts (PostgreSQL aborts the transaction)
    QList<std::function<void(Result<void>)>> m_group;
    std::unique_ptr<QObject> m_groupContext; //!< on this thread: the end-of-turn commit, the callbacks
    QList<std::function<void()>> m_availableCallbacks;
    std::unique_ptr<QObject> m_context; //!< lives on this thread; the probe posts to it
    std::unique_ptr<StatementWatchdog> m_watchdog;
    std::unique_ptr<ServerProbe> m_probe;
};

//! The repositories' common steps: run a prepared statement and read one row, every row, or check
//! that it changed a row.
namespace sql {

//! NULL for an empty text or a zero time, so optional columns read back as absent.
inline QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}
inline QVariant nullableTime(qint64 t)
{
    return t == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(t);
}

template<typename T, typename Read>
Result<T> one(Database &db, QSqlQuery &q, Read read, const Error &notFound)
{
    if (auto r = db.exec(q); !r)
        return r.error();
    if (!q.next())
        return notFound;
    T out = read(q);
    q.finish();
    return out;
}

template<typename T, typename Read>
Result<QList<T>> all(Database &db, QSqlQuery &q, Read read)
{
    if (auto r = db.exec(q); !r)
        return r.error();
    QList<T> out;
    while (q.next())
        out.append(read(q));
    q.finish();
    return out;
}

//! Runs a write that must change a row; notFound when it changed none.
inline Result<void> changesOne(Database &db, QSqlQuery &q, const Error &notFound)
{
    if (auto r = db.exec(q); !r)
        return r;
    if (q.numRowsAffected() == 0)
        return notFound;
    return {};
}

} // namespace sql

//! Parses a postgres:// URL into its parts; std::nullopt when it is not one.
struct PostgresUrl
{
    QString user, password, host, database;
    int port = 5432;
    QString options; //!< connect options other than the above, e.g. sslmode
};
std::optional<PostgresUrl> parsePostgresUrl(const QString &url);

} // namespace wagate
