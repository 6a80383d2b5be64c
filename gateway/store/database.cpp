#include "database.h"

#include "core/logging.h"
#include "migrations.h"
#include "postgresguard.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <libpq-fe.h>

namespace wagate {

std::optional<PostgresUrl> parsePostgresUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"postgres" && url.scheme() != u"postgresql"))
        return std::nullopt;
    PostgresUrl out;
    out.user = url.userName(QUrl::FullyDecoded);
    out.password = url.password(QUrl::FullyDecoded);
    out.host = url.host(QUrl::FullyDecoded);
    if (out.host.isEmpty())
        out.host = QStringLiteral("127.0.0.1");
    out.port = url.port(5432);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    out.database = path.isEmpty() ? out.user : path;
    if (out.database.isEmpty() || path.contains(u'/'))
        return std::nullopt;
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        // Only libpq connect options that make sense from a URL; anything else is a typo to report.
        static const QStringList allowed{QStringLiteral("sslmode"), QStringLiteral("connect_timeout"),
                                         QStringLiteral("application_name"), QStringLiteral("sslrootcert")};
        if (!allowed.contains(key))
            return std::nullopt;
        options << key + u'=' + value;
    }
    out.options = options.join(u';');
    return out;
}

namespace {

//! A libpq conninfo value, quoted so spaces and quotes in it stay part of it.
QString conninfoValue(const QString &v)
{
    QString out = v;
    out.replace(u'\\', QStringLiteral("\\\\"));
    out.replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + out + u'\'';
}

//! What the probe needs to ask the server whether it accepts connections (never the password: a
//! ping does not authenticate).
QString probeConninfo(const PostgresUrl &pg)
{
    QStringList parts{QStringLiteral("host=") + conninfoValue(pg.host), QStringLiteral("port=%1").arg(pg.port),
                      QStringLiteral("dbname=") + conninfoValue(pg.database), QStringLiteral("user=") + conninfoValue(pg.user),
                      QStringLiteral("connect_timeout=2")};
    for (const QString &option : pg.options.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = option.indexOf(u'=');
        if (eq > 0 && !option.startsWith(QLatin1StringView("connect_timeout")))
            parts << option.left(eq) + u'=' + conninfoValue(option.mid(eq + 1));
    }
    return parts.join(u' ');
}

} // namespace

Database::~Database()
{
    if (m_groupOpen) {
        // Saved, though no one is left to tell.
        Result<void> outcome;
        endGroup(&outcome);
    }
    m_probe.reset();
    m_watchdog.reset();
    m_context.reset();
    m_notificationContext.reset();
    qDeleteAll(m_retired);
    qDeleteAll(m_statements);
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int Database::latestSchemaVersion()
{
    return migrations::all().constLast().version;
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseConfig &config)
{
    std::unique_ptr<Database> db(new Database);
    db->m_config = config;
    db->m_connectionName = config.connectionName;
    db->m_dialect = config.url.isEmpty() ? Dialect::Sqlite : Dialect::Postgres;
    if (auto r = db->connect(); !r)
        return r.error();
    if (auto r = db->migrate(); !r)
        return r.error();
    if (db->m_dialect == Dialect::Postgres) {
        Database *self = db.get();
        self->m_context = std::make_unique<QObject>();
        if (config.statementBudgetMs > 0)
            self->m_watchdog = std::make_unique<StatementWatchdog>(config.statementBudgetMs);
        QObject *context = self->m_context.get();
        self->m_probe = std::make_unique<ServerProbe>(probeConninfo(*parsePostgresUrl(config.url)), config.probeIntervalMs, [self, context] {
            // On the probe's thread. The context outlives the probe (the destructor joins it first),
            // and an answer still queued when the context goes is dropped with it.
            QMetaObject::invokeMethod(context, [self] { self->reconnect(); }, Qt::QueuedConnection);
        });
    }
    qCInfo(lcStore).noquote() << "store ready:" << db->describe() << "schema" << db->m_schemaVersion;
    return db;
}

QString Database::describe() const
{
    if (m_dialect == Dialect::Sqlite)
        return QStringLiteral("sqlite ") + m_config.sqlitePath;
    const auto pg = parsePostgresUrl(m_config.url);
    return pg ? QStringLiteral("postgres %1:%2/%3").arg(pg->host).arg(pg->port).arg(pg->database)
              : QStringLiteral("postgres");
}

Result<void> Database::connect()
{
    if (QSqlDatabase::contains(m_connectionName))
        return Error::internal(QStringLiteral("database connection %1 is already open").arg(m_connectionName));

    if (m_dialect == Dialect::Sqlite) {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
            return Error::unavailable(QStringLiteral("the Qt SQLite driver is not installed (libqt6sql6-sqlite)"));
        const QFileInfo fi(m_config.sqlitePath);
        if (!QDir().mkpath(fi.absolutePath()))
            return Error::unavailable(QStringLiteral("cannot create the data directory %1").arg(fi.absolutePath()));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_config.sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return Error::unavailable(QStringLiteral("cannot open %1: %2").arg(m_config.sqlitePath, db.lastError().text()));
        QSqlQuery q(db);
        // WAL lets readers run beside the writer; FULL makes every acknowledged commit durable even
        // across a power cut, not only across a process crash. 16 MiB of page cache per connection
        // (the default is 2 MiB) keeps the outbox's and the deliveries' indexes in memory.
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                                   "PRAGMA cache_size=-16384"}) {
            if (!q.exec(QString::fromLatin1(pragma)))
                return Error::unavailable(QStringLiteral("%1 failed: %2").arg(QString::fromLatin1(pragma), q.lastError().text()));
        }
        return {};
    }

    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Error::unavailable(QStringLiteral("the Qt PostgreSQL driver is not installed (libqt6sql6-psql)"));
    const auto pg = parsePostgresUrl(m_config.url);
    if (!pg)
        return Error::invalidArgument(QStringLiteral("not a PostgreSQL URL (postgres://user:pass@host:port/db)"), QStringLiteral("database"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    db.setHostName(pg->host);
    db.setPort(pg->port);
    db.setUserName(pg->user);
    db.setPassword(pg->password);
    db.setDatabaseName(pg->database);
    QString options = pg->options;
    if (!options.contains(QStringLiteral("connect_timeout")))
        options += (options.isEmpty() ? QString() : QStringLiteral(";")) + QStringLiteral("connect_timeout=5");
    // Server notices ("relation already exists, skipping") are not news for our logs.
    options += QStringLiteral(";options='-c client_min_messages=warning'");
    db.setConnectOptions(options);
    if (!db.open())
        return Error::unavailable(QStringLiteral("cannot connect to %1: %2").arg(describe(), db.lastError().databaseText().trimmed()));
    return {};
}

Error Database::storeDown() const
{
    Error e = Error::unavailable(QStringLiteral("the store is unavailable"));
    e.details.insert(QStringLiteral("retryAfterSeconds"), 1);
    return e;
}

void Database::lose()
{
    if (m_down || m_dialect != Dialect::Postgres)
        return;
    m_down = true;
    qCWarning(lcStore).noquote() << "store connection lost; answering unavailable until" << describe() << "accepts connections again";
    // A caller may still hold a reference to the statement that just failed: retire the statements
    // (closing the connection invalidates them) and delete them at the next prepare.
    m_retired += m_statements.values();
    m_statements.clear();
    m_notificationContext.reset();
    QSqlDatabase::database(m_connectionName, false).close();
    if (m_probe)
        m_probe->start();
}

void Database::reconnect()
{
    if (!m_down)
        return;
    // The probe saw the server accept a connection a moment ago, so this open does not wait long.
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.open()) {
        qCWarning(lcStore).noquote() << "store reachable but the connection failed:" << db.lastError().databaseText().trimmed();
        m_probe->start();
        return;
    }
    m_down = false;
    qCInfo(lcStore).noquote() << "store connection open again";
    subscribeAll();
    for (const Listener &l : m_listeners)
        if (l.onReconnect)
            l.onReconnect();
    const auto callbacks = m_availableCallbacks;
    for (const auto &callback : callbacks)
        callback();
}

template<typename Fn>
bool Database::guarded(Fn call)
{
    if (!m_watchdog)
        return call();
    int fd = -1;
    const QVariant handle = QSqlDatabase::database(m_connectionName, false).driver()->handle();
    // QPSQL hands out its PGconn (registered under the struct's own name, pg_conn).
    if (handle.isValid() && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0))
        fd = PQsocket(*static_cast<PGconn *const *>(handle.constData()));
    m_watchdog->arm(fd);
    const bool ok = call();
    if (m_watchdog->disarm())
        qCWarning(lcStore).noquote() << "a statement waited more than" << m_watchdog->budgetMs() << "ms for the store; connection cut";
    return ok;
}

void Database::subscribeAll()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlDriver *driver = db.driver();
    m_notificationContext = std::make_unique<QObject>();
    QObject::connect(driver, &QSqlDriver::notification, m_notificationContext.get(),
                     [this](const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload) {
                         if (source == QSqlDriver::SelfSource)
                             return; // our own writes already updated what we hold
                         for (const Listener &l : m_listeners)
                             if (l.channel == name && l.onNotify)
                                 l.onNotify(payload.toString());
                     });
    QStringList channels;
    for (const Listener &l : m_listeners)
        if (!channels.contains(l.channel))
            channels << l.channel;
    for (const QString &c : channels)
        if (!driver->subscribedToNotifications().contains(c) && !driver->subscribeToNotification(c))
            qCWarning(lcStore).noquote() << "cannot listen for changes on" << c << driver->lastError().text();
}

void Database::listen(const QString &channel, std::function<void(const QString &)> onNotify,
                      std::function<void()> onReconnect)
{
    if (m_dialect != Dialect::Postgres)
        return;
    m_listeners.append({channel, std::move(onNotify), std::move(onReconnect)});
    subscribeAll();
}

Result<void> Database::notify(const QString &channel, const QString &payload)
{
    if (m_dialect != Dialect::Postgres)
        return {};
    QSqlQuery &q = prepared(QStringLiteral("SELECT pg_notify(?, ?)"));
    q.addBindValue(channel);
    q.addBindValue(payload);
    auto r = exec(q);
    if (r)
        q.finish();
    return r;
}

Result<void> Database::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    const QString blob = m_dialect == Dialect::Sqlite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA");

    auto run = [&](const QString &sql) -> Result<void> {
        if (!q.exec(sql))
            return mapError(q.lastError(), QStringLiteral("migration"));
        return {};
    };

    // Several gateway nodes may start at once against one PostgreSQL database: serialise the
    // migration under an advisory lock held for the transaction.
    if (!db.transaction())
        return mapError(db.lastError(), QStringLiteral("begin migration"));
    auto fail = [&](const Error &e) -> Result<void> { db.rollback(); return e; };
    if (m_dialect == Dialect::Postgres) {
        if (auto r = run(QStringLiteral("SELECT pg_advisory_xact_lock(7406132)")); !r)
            return fail(r.error());
    }
    if (auto r = run(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)")); !r)
        return fail(r.error());
    if (auto r = run(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")); !r)
        return fail(r.error());
    int current = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    if (current > latestSchemaVersion()) {
        return fail(Error::failedPrecondition(
            QStringLiteral("the database schema is version %1, newer than this build knows (%2); upgrade Wagate")
                .arg(current).arg(latestSchemaVersion())));
    }
    for (const auto &m : migrations::all()) {
        if (m.version <= current)
            continue;
        for (QString sql : m.statements) {
            sql.replace(QStringLiteral("${BLOB}"), blob);
            if (auto r = run(sql); !r)
                return fail(r.error());
        }
        q.prepare(QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"));
        q.addBindValue(m.version);
        q.addBindValue(QString::fromLatin1(m.description));
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!q.exec())
            return fail(mapError(q.lastError(), QStringLiteral("migration")));
        qCInfo(lcStore).noquote() << "applied migration" << m.version << m.description;
        current = m.version;
    }
    if (!db.commit())
        return fail(mapError(db.lastError(), QStringLiteral("commit migration")));
    m_schemaVersion = current;
    return {};
}

QSqlQuery &Database::prepared(const QString &sql)
{
    qDeleteAll(m_retired);
    m_retired.clear();
    if (m_down) {
        // Nothing to prepare against; exec() answers unavailable without running it.
        auto *idle = new QSqlQuery(QSqlDatabase::database(m_connectionName, false));
        m_retired.append(idle);
        return *idle;
    }
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) {
        (*it)->finish();
        return **it;
    }
    auto *q = new QSqlQuery(QSqlDatabase::database(m_connectionName, false));
    q->setForwardOnly(true);
    q->prepare(sql);
    m_statements.insert(sql, q);
    return *q;
}

Error Database::mapError(const QSqlError &error, const QString &what) const
{
    const QString native = error.nativeErrorCode();
    bool unique = false, unavailable = false;
    if (m_dialect == Dialect::Postgres) {
        // SQLSTATE: 23505 unique violation; class 08 connection exceptions; 57P01 admin shutdown.
        // The server gives every error it raises a SQLSTATE: none at all means the connection itself
        // failed (libpq's "no connection to the server", "server closed the connection").
        unique = native == u"23505";
        unavailable = error.type() == QSqlError::ConnectionError || native.isEmpty() || native.startsWith(QStringLiteral("08"))
                      || native == u"57P01" || native == u"57P02" || native == u"57P03";
    } else {
        // Extended result codes; the low byte is the primary code. QSQLITE labels many statement
        // errors as connection errors, so only the code is trusted here.
        const int code = native.toInt();
        unique = code == 2067 /* CONSTRAINT_UNIQUE */ || code == 1555 /* CONSTRAINT_PRIMARYKEY */;
        const int primary = code & 0xff;
        unavailable = primary == 5 /* BUSY */ || primary == 6 /* LOCKED */ || primary == 10 /* IOERR */
                      || primary == 13 /* FULL */ || primary == 14 /* CANTOPEN */ || primary == 26 /* NOTADB */;
    }
    if (unique)
        return Error::alreadyExists(QStringLiteral("already exists"));
    if (unavailable) {
        qCWarning(lcStore).noquote() << what << "failed, store unavailable:" << error.text();
        return Error::unavailable(QStringLiteral("the store is unavailable"));
    }
    qCWarning(lcStore).noquote() << what << "failed:" << error.text() << native;
    return Error::internal(QStringLiteral("store error"));
}

Result<void> Database::exec(QSqlQuery &query)
{
    if (m_down)
        return storeDown();
    if (m_groupOpen && m_transactionDepth == 0 && !query.lastQuery().trimmed().startsWith(QLatin1String("SELECT"), Qt::CaseInsensitive)) {
        // A write of its own: the group goes first, so this one is not held back with it.
        if (auto r = flush(); !r && m_down)
            return storeDown();
    }
    if (guarded([&] { return query.exec(); }))
        return {};
    if (m_groupOpen && m_transactionDepth == 0)
        m_groupPoisoned = true;
    Error mapped = mapError(query.lastError(), QStringLiteral("query"));
    if (mapped.code == ErrorCode::Unavailable && m_dialect == Dialect::Postgres) {
        // A restarted or unreachable server: the caller's statement died with the connection. The
        // caller sees unavailable and may retry once onAvailable() said the store is back.
        lose();
        return storeDown();
    }
    return mapped;
}

Result<void> Database::transaction(const std::function<Result<void>()> &fn)
{
    if (m_down)
        return storeDown();
    if (m_transactionDepth > 0) {
        // Inside another transaction: part of it, committed or rolled back with it.
        ++m_transactionDepth;
        Result<void> r = fn();
        --m_transactionDepth;
        return r;
    }
    if (m_groupOpen) {
        // Committed on its own, right now: the group before it must not wait for the event loop.
        if (auto f = flush(); !f && m_down)
            return storeDown();
    }
    struct Depth
    {
        int &d;
        explicit Depth(int &depth) : d(depth) { ++d; }
        ~Depth() { --d; }
    };
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!guarded([&] { return db.transaction(); })) {
        Error e = mapError(db.lastError(), QStringLiteral("begin"));
        if (m_dialect == Dialect::Postgres && e.code == ErrorCode::Unavailable) {
            lose();
            return storeDown();
        }
        return e;
    }
    Depth depth(m_transactionDepth);
    Result<void> r = fn();
    if (!r) {
        if (!m_down)
            guarded([&] { return db.rollback(); });
        return r;
    }
    if (!guarded([&] { return db.commit(); })) {
        Error e = mapError(db.lastError(), QStringLiteral("commit"));
        if (m_dialect == Dialect::Postgres && e.code == ErrorCode::Unavailable) {
            lose();
            return storeDown();
        }
        guarded([&] { return db.rollback(); });
        return e;
    }
    return {};
}

bool Database::sqlStep(const QString &statement)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    return guarded([&] { return q.exec(statement); });
}

void Database::deferred(const std::function<Result<void>()> &fn, std::function<void(Result<void>)> committed)
{
    if (m_transactionDepth > 0 || m_down) {
        // Inside someone's transaction (it decides), or nothing to group into.
        Result<void> r = transaction(fn);
        committed(r);
        return;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!m_groupOpen) {
        if (!guarded([&] { return db.transaction(); })) {
            Error e = mapError(db.lastError(), QStringLiteral("begin"));
            if (m_dialect == Dialect::Postgres && e.code == ErrorCode::Unavailable)
                lose();
            committed(m_down ? Result<void>(storeDown()) : Result<void>(e));
            return;
        }
        m_groupOpen = true;
        m_groupPoisoned = false;
        if (!m_groupContext)
            m_groupContext = std::make_unique<QObject>();
        QTimer::singleShot(0, m_groupContext.get(), [this] {
            if (!m_groupOpen)
                return;
            Result<void> outcome;
            const auto callbacks = endGroup(&outcome);
            for (const auto &cb : callbacks)
                cb(outcome);
        });
    }
    // Each part in a savepoint: one that fails takes back only its own statements.
    if (!sqlStep(QStringLiteral("SAVEPOINT wagate_part"))) {
        m_groupPoisoned = true;
        committed(mapError(db.lastError(), QStringLiteral("savepoint")));
        return;
    }
    ++m_transactionDepth;
    Result<void> r = fn();
    --m_transactionDepth;
    if (!r) {
        if (!m_down && !(sqlStep(QStringLiteral("ROLLBACK TO SAVEPOINT wagate_part")) && sqlStep(QStringLiteral("RELEASE SAVEPOINT wagate_part"))))
            m_groupPoisoned = true;
        committed(r);
        return;
    }
    if (!m_down && !sqlStep(QStringLiteral("RELEASE SAVEPOINT wagate_part")))
        m_groupPoisoned = true;
    m_group.append(std::move(committed));
}

QList<std::function<void(Result<void>)>> Database::endGroup(Result<void> *outcome)
{
    m_groupOpen = false;
    QList<std::function<void(Result<void>)>> callbacks = std::exchange(m_group, {});
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (m_down) {
        *outcome = storeDown();
    } else if (m_groupPoisoned) {
        guarded([&] { return db.rollback(); });
        *outcome = Error::unavailable(QStringLiteral("a statement failed while writes were grouped; none of them was stored"));
    } else if (!guarded([&] { return db.commit(); })) {
        Error e = mapError(db.lastError(), QStringLiteral("commit"));
        if (m_dialect == Dialect::Postgres && e.code == ErrorCode::Unavailable) {
            lose();
            e = storeDown();
        } else {
            guarded([&] { return db.rollback(); });
        }
        *outcome = e;
    } else {
        *outcome = {};
    }
    m_groupPoisoned = false;
    return callbacks;
}

Result<void> Database::flush()
{
    if (!m_groupOpen)
        return {};
    Result<void> outcome;
    const auto callbacks = endGroup(&outcome);
    if (!callbacks.isEmpty()) {
        // Told from the event loop, never from inside the caller that made the group commit early.
        QMetaObject::invokeMethod(m_groupContext.get(), [callbacks, outcome] {
            for (const auto &cb : callbacks)
                cb(outcome);
        }, Qt::QueuedConnection);
    }
    return outcome;
}

bool Database::ping()
{
    if (m_down)
        return false;
    QSqlQuery &q = prepared(QStringLiteral("SELECT 1"));
    if (!exec(q))
        return false;
    const bool ok = q.next() && q.value(0).toInt() == 1;
    q.finish();
    return ok;
}

} // namespace wagate
