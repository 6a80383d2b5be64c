#include "testdatabase.h"

#include "core/ids.h"
#include "engine/engine.h"

#include <QDeadlineTimer>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace wagate::test {

namespace {

QSqlDatabase adminConnection(const PostgresUrl &pg, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(pg.host);
    db.setPort(pg.port);
    db.setUserName(pg.user);
    db.setPassword(pg.password);
    db.setDatabaseName(pg.database);
    return db;
}

} // namespace

TestDatabase::TestDatabase(Backend backend) : m_backend(backend)
{
    if (backend == Backend::Sqlite) {
        m_available = m_dir.isValid();
        m_skipReason = QStringLiteral("no temporary directory");
        return;
    }
    const QString admin = qEnvironmentVariable("WAGATE_TEST_PG_URL");
    const auto pg = parsePostgresUrl(admin);
    if (!pg) {
        m_skipReason = QStringLiteral("PostgreSQL tests need WAGATE_TEST_PG_URL (scripts/test sets it)");
        return;
    }
    m_dbName = QStringLiteral("wagate_t_") + ids::newUlid().toLower();
    const QString conn = QStringLiteral("admin-") + m_dbName;
    {
        QSqlDatabase db = adminConnection(*pg, conn);
        if (!db.open()) {
            m_skipReason = QStringLiteral("cannot reach PostgreSQL: ") + db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("CREATE DATABASE ") + m_dbName))
                m_skipReason = QStringLiteral("cannot create a test database: ") + q.lastError().text();
            else
                m_available = true;
        }
    }
    QSqlDatabase::removeDatabase(conn);
    PostgresUrl mine = *pg;
    m_url = QStringLiteral("postgres://%1%2@%3:%4/%5")
                .arg(mine.user, mine.password.isEmpty() ? QString() : u':' + mine.password, mine.host)
                .arg(mine.port)
                .arg(m_dbName);
}

TestDatabase::~TestDatabase()
{
    if (m_backend != Backend::Postgres || !m_available)
        return;
    const auto pg = parsePostgresUrl(qEnvironmentVariable("WAGATE_TEST_PG_URL"));
    const QString conn = QStringLiteral("drop-") + m_dbName;
    {
        QSqlDatabase db = adminConnection(*pg, conn);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_dbName));
        }
    }
    QSqlDatabase::removeDatabase(conn);
}

bool TestDatabase::setReachable(bool reachable)
{
    if (m_backend != Backend::Postgres || !m_available)
        return false;
    const auto pg = parsePostgresUrl(qEnvironmentVariable("WAGATE_TEST_PG_URL"));
    const QString conn = QStringLiteral("outage-") + m_dbName;
    bool ok = false;
    {
        QSqlDatabase db = adminConnection(*pg, conn);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS %2").arg(m_dbName, reachable ? QStringLiteral("true") : QStringLiteral("false")));
            if (ok && !reachable)
                ok = q.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'").arg(m_dbName));
            if (!ok)
                qWarning("cannot change the test database's reachability: %s", qPrintable(q.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(conn);
    return ok;
}

DatabaseConfig TestDatabase::config(const QString &connectionName) const
{
    DatabaseConfig c;
    c.connectionName = connectionName;
    if (m_backend == Backend::Sqlite)
        c.sqlitePath = m_dir.filePath(QStringLiteral("wagate.db"));
    else
        c.url = m_url;
    return c;
}

} // namespace wagate::test

namespace wagate::test {

EngineConfig engineConfig(const TestDatabase &db, const QString &connectionName)
{
    EngineConfig c;
    c.database = db.config(connectionName);
    c.gatewayId = QStringLiteral("gw-test");
    c.auth.secrets = QStringLiteral("file:") + db.dataDir() + QStringLiteral("/secrets");
    c.auth.passwordCost = PasswordCost::minimum();
    return c;
}

Result<void> startEngine(Engine &engine, int timeoutMs)
{
    std::optional<Result<void>> outcome;
    engine.start([&](Result<void> r) { outcome = r; });
    QDeadlineTimer deadline(timeoutMs);
    while (!outcome && !deadline.hasExpired())
        QTest::qWait(5);
    if (!outcome)
        return Error::unavailable(QStringLiteral("the engine did not start in time"));
    return *outcome;
}

} // namespace wagate::test
