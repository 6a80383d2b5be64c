#pragma once

#include "store/database.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace wagate::test {

//! A fresh, empty database for one test: an SQLite file in a temporary directory, or a new
//! PostgreSQL database on the server named by WAGATE_TEST_PG_URL (scripts/test starts one), dropped
//! again afterwards. Without that variable PostgreSQL cases are skipped — unless WAGATE_REQUIRE_PG=1,
//! as in CI, where a skip would hide a broken setup and fails instead.
class TestDatabase
{
public:
    enum class Backend { Sqlite, Postgres };

    explicit TestDatabase(Backend backend);
    ~TestDatabase();

    //! False when the backend is unavailable; skipReason() says why.
    bool available() const { return m_available; }
    QString skipReason() const { return m_skipReason; }
    //! A configuration for opening the database (give each open connection its own name).
    DatabaseConfig config(const QString &connectionName = QStringLiteral("test")) const;
    //! The --database value for a wagate process ("" for SQLite: use dataDir()).
    QString url() const { return m_url; }
    QString dataDir() const { return m_dir.path(); }
    //! PostgreSQL: false cuts every connection to this database and refuses new ones (a server that
    //! is away, for its clients); true lets them in again.
    bool setReachable(bool reachable);

    static bool postgresRequired() { return qEnvironmentVariable("WAGATE_REQUIRE_PG") == u"1"; }

private:
    Backend m_backend;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_dbName;
    bool m_available = false;
    QString m_skipReason;
};

} // namespace wagate::test

//! Opens a TestDatabase for the current data row's backend, skipping (or failing when required).
#define WAGATE_OPEN_TEST_DATABASE(var, backend)                                                             \
    wagate::test::TestDatabase var(backend);                                                               \
    if (!var.available()) {                                                                                \
        if (wagate::test::TestDatabase::postgresRequired())                                                \
            QFAIL(qPrintable(var.skipReason()));                                                           \
        QSKIP(qPrintable(var.skipReason()));                                                               \
    }

namespace wagate {
class Engine;
struct EngineConfig;
}

namespace wagate::test {

//! An engine configuration for tests: this database, secrets in a 0600 file in the test's
//! temporary directory (the keychain has its own tests), fast reconnects.
EngineConfig engineConfig(const TestDatabase &db, const QString &connectionName = QStringLiteral("engine"));
//! Starts the engine and waits (running the event loop) until it is ready or failed.
Result<void> startEngine(Engine &engine, int timeoutMs = 30000);

} // namespace wagate::test
