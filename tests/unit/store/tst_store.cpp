// The store suite. Every case runs on SQLite and on PostgreSQL: the same behaviour on both.
#include "core/ids.h"
#include "store/apikeyrepository.h"
#include "store/database.h"
#include "store/organizationrepository.h"
#include "store/sessionrepository.h"
#include "testdatabase.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace wagate;
using Backend = test::TestDatabase::Backend;

Q_DECLARE_METATYPE(Backend)

namespace {

SessionInfo makeSession(const QString &org, const QString &label, qint64 t = 1719662400000)
{
    SessionInfo s;
    s.id = ids::newUlid();
    s.organizationId = org;
    s.label = label;
    s.gatewayId = QStringLiteral("gw-test");
    s.createdAt = s.updatedAt = s.statusChangedAt = t;
    s.createdByUserId = QStringLiteral("user_1");
    return s;
}

Organization makeOrg(const QString &name)
{
    return {ids::newOrganizationId(), name, 1719662400000};
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

    void backends()
    {
        QTest::addColumn<Backend>("backend");
        QTest::newRow("sqlite") << Backend::Sqlite;
        QTest::newRow("postgres") << Backend::Postgres;
    }

private slots:
    void migrationsRunOnceAndReopen_data() { backends(); }
    void migrationsRunOnceAndReopen()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        {
            auto db = Database::open(tdb.config());
            QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
            QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
            QVERIFY((*db)->ping());
            QVERIFY(OrganizationRepository(**db).insert(makeOrg(QStringLiteral("Acme"))));
        }
        auto again = Database::open(tdb.config(QStringLiteral("again")));
        QVERIFY(again);
        QCOMPARE((*again)->schemaVersion(), Database::latestSchemaVersion());
        auto orgs = OrganizationRepository(**again).list();
        QVERIFY(orgs);
        QCOMPARE(orgs->size(), 1); // data survives a reopen; migrations did not run twice
    }

    void newerSchemaIsRefused_data() { backends(); }
    void newerSchemaIsRefused()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        {
            auto db = Database::open(tdb.config());
            QVERIFY(db);
            QSqlQuery q(QSqlDatabase::database(QStringLiteral("test")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) VALUES (9999, 'future', 0)")));
        }
        auto db = Database::open(tdb.config(QStringLiteral("newer")));
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::FailedPrecondition);
        QVERIFY(db.error().message.contains(QStringLiteral("newer")));
    }

    void sessionRoundTripKeepsEveryField_data() { backends(); }
    void sessionRoundTripKeepsEveryField()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto db = Database::open(tdb.config());
        QVERIFY(db);
        const Organization org = makeOrg(QStringLiteral("Acme"));
        QVERIFY(OrganizationRepository(**db).insert(org));
        SessionRepository repo(**db);

        SessionInfo bare = makeSession(org.id, QStringLiteral("Bare"));
        QVERIFY(repo.insert(bare));
        auto readBare = repo.get(org.id, bare.id);
        QVERIFY(readBare);
        QCOMPARE(*readBare, bare);

        SessionInfo full = makeSession(org.id, QStringLiteral("Support line \u00e9\u4e2d"));
        full.phoneNumber = QStringLiteral("6281234567890");
        full.waJid = QStringLiteral("6281234567890:12@s.whatsapp.net");
        full.waLid = QStringLiteral("205227043110953:12@lid");
        full.status = SessionStatus::Working;
        full.desiredState = DesiredState::Running;
        full.isAdminSession = true;
        full.autoRead = true;
        full.presenceTyping = false;
        full.ratePerHour = 1234;
        full.ratePerMin = 56;
        full.lastConnectedAt = 1719662400123;
        full.lastError = LastError{QStringLiteral("qr_expired"), QStringLiteral("codes ran out"), 1719662400456};
        QVERIFY(repo.insert(full));
        auto readFull = repo.get(org.id, full.id);
        QVERIFY(readFull);
        QCOMPARE(*readFull, full);
    }

    void anotherOrganizationsSessionIsNotFound_data() { backends(); }
    void anotherOrganizationsSessionIsNotFound()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto db = Database::open(tdb.config());
        QVERIFY(db);
        const Organization a = makeOrg(QStringLiteral("A")), b = makeOrg(QStringLiteral("B"));
        QVERIFY(OrganizationRepository(**db).insert(a));
        QVERIFY(OrganizationRepository(**db).insert(b));
        SessionRepository repo(**db);
        const SessionInfo s = makeSession(a.id, QStringLiteral("A's"));
        QVERIFY(repo.insert(s));
        QVERIFY(repo.get(a.id, s.id));
        auto other = repo.get(b.id, s.id);
        QVERIFY(!other);
        QCOMPARE(other.error().code, ErrorCode::NotFound);
        QCOMPARE(repo.remove(b.id, s.id).error().code, ErrorCode::NotFound);
        QVERIFY(repo.get(a.id, s.id)); // still there
    }

    void duplicateIdIsAlreadyExists_data() { backends(); }
    void duplicateIdIsAlreadyExists()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto db = Database::open(tdb.config());
        QVERIFY(db);
        const Organization org = makeOrg(QStringLiteral("Acme"));
        QVERIFY(OrganizationRepository(**db).insert(org));
        auto again = OrganizationRepository(**db).insert(org);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    }

    void paginationHasNoDuplicateAndNoGap_data() { backends(); }
    void paginationHasNoDuplicateAndNoGap()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto db = Database::open(tdb.config());
        QVERIFY(db);
        const Organization org = makeOrg(QStringLiteral("Acme")), other = makeOrg(QStringLiteral("Other"));
        QVERIFY(OrganizationRepository(**db).insert(org));
        QVERIFY(OrganizationRepository(**db).insert(other));
        SessionRepository repo(**db);
        QSet<QString> all, working;
        QVERIFY((*db)->transaction([&]() -> Result<void> {
            for (int i = 0; i < 1200; ++i) {
                SessionInfo s = makeSession(i % 7 == 0 ? other.id : org.id, QStringLiteral("s%1").arg(i));
                if (i % 3 == 0)
                    s.status = SessionStatus::Working;
                if (auto r = repo.insert(s); !r)
                    return r;
                if (s.organizationId == org.id) {
                    all.insert(s.id);
                    if (s.status == SessionStatus::Working)
                        working.insert(s.id);
                }
            }
            return {};
        }));

        for (const auto &[filter, expected] : {std::pair{std::optional<SessionStatus>(), all},
                                               std::pair{std::optional<SessionStatus>(SessionStatus::Working), working}}) {
            QSet<QString> seen;
            QString after;
            QString previous;
            int pages = 0;
            do {
                auto page = repo.list(org.id, filter, after, 97);
                QVERIFY(page);
                ++pages;
                for (const SessionInfo &s : page->sessions) {
                    QVERIFY2(!seen.contains(s.id), "duplicate across pages");
                    QVERIFY2(s.id > previous, "not in id order");
                    QCOMPARE(s.organizationId, org.id);
                    if (filter)
                        QCOMPARE(s.status, *filter);
                    previous = s.id;
                    seen.insert(s.id);
                }
                after = page->lastId;
                QVERIFY(after.isEmpty() || page->sessions.size() == 97);
            } while (!after.isEmpty());
            QCOMPARE(seen, expected); // no gap
            QCOMPARE(pages, int(expected.size() + 96) / 97);
        }
    }

    void transitionIsAtomicWithTheRow_data() { backends(); }
    void transitionIsAtomicWithTheRow()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto db = Database::open(tdb.config());
        QVERIFY(db);
        const Organization org = makeOrg(QStringLiteral("Acme"));
        QVERIFY(OrganizationRepository(**db).insert(org));
        SessionRepository repo(**db);
        SessionInfo s = makeSession(org.id, QStringLiteral("x"));
        QVERIFY(repo.insert(s));

        SessionInfo next = s;
        next.status = SessionStatus::Starting;
        next.statusChangedAt = next.updatedAt = s.createdAt + 10;
        StatusTransition t{ids::newUlid(), s.id, org.id, SessionStatus::Unpaired, SessionStatus::Starting,
                           QStringLiteral("start requested"), s.createdAt + 10};
        QVERIFY(repo.recordTransition(next, t));
        QCOMPARE(repo.get(org.id, s.id)->status, SessionStatus::Starting);

        // A transition whose log entry cannot be written (duplicate id) leaves the row unchanged.
        SessionInfo third = next;
        third.status = SessionStatus::Working;
        auto r = repo.recordTransition(third, t);
        QVERIFY(!r);
        QCOMPARE(repo.get(org.id, s.id)->status, SessionStatus::Starting);

        auto log = repo.transitions(s.id, QString(), 100);
        QVERIFY(log);
        QCOMPARE(log->size(), 1);
        QCOMPARE(log->first().reason, QStringLiteral("start requested"));
        QCOMPARE(log->first().previousStatus, SessionStatus::Unpaired);
        auto orgLog = repo.organizationTransitions(org.id, QString(), 100);
        QVERIFY(orgLog);
        QCOMPARE(orgLog->size(), 1);

        QVERIFY(repo.remove(org.id, s.id));
        QCOMPARE(repo.transitions(s.id, QString(), 100)->size(), 0);
    }

    void settingsDesiredStateAndCredentials_data() { backends(); }
    void settingsDesiredStateAndCredentials()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto db = Database::open(tdb.config());
        QVERIFY(db);
        const Organization org = makeOrg(QStringLiteral("Acme"));
        QVERIFY(OrganizationRepository(**db).insert(org));
        SessionRepository repo(**db);
        SessionInfo s = makeSession(org.id, QStringLiteral("x"));
        QVERIFY(repo.insert(s));
        s.label = QStringLiteral("renamed");
        s.ratePerMin = 7;
        s.updatedAt += 5;
        QVERIFY(repo.updateSettings(s));
        QVERIFY(repo.updateDesiredState(s.id, DesiredState::Running, s.updatedAt + 1));
        auto read = repo.get(org.id, s.id);
        QCOMPARE(read->label, QStringLiteral("renamed"));
        QCOMPARE(read->ratePerMin, 7);
        QCOMPARE(read->desiredState, DesiredState::Running);
        QCOMPARE(*repo.listForGateway(QStringLiteral("gw-test")), QList<SessionInfo>{*read});
        QVERIFY(repo.listForGateway(QStringLiteral("gw-other"))->isEmpty());

        QVERIFY(repo.credentials(s.id)->isEmpty());
        const QByteArray blob = QByteArray("\x00\x01\xff sealed", 10);
        QVERIFY(repo.setCredentials(s.id, blob));
        QCOMPARE(*repo.credentials(s.id), blob);
        QVERIFY(repo.setCredentials(s.id, {}));
        QVERIFY(repo.credentials(s.id)->isEmpty());
        QCOMPARE(repo.setCredentials(QStringLiteral("nope"), blob).error().code, ErrorCode::NotFound);
    }

    void countByStatus_data() { backends(); }
    void countByStatus()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto db = Database::open(tdb.config());
        QVERIFY(db);
        const Organization org = makeOrg(QStringLiteral("Acme"));
        QVERIFY(OrganizationRepository(**db).insert(org));
        SessionRepository repo(**db);
        for (int i = 0; i < 5; ++i) {
            SessionInfo s = makeSession(org.id, QStringLiteral("x"));
            s.status = i < 3 ? SessionStatus::Working : SessionStatus::Failed;
            QVERIFY(repo.insert(s));
        }
        auto counts = repo.countByStatus(org.id);
        QVERIFY(counts);
        QMap<SessionStatus, int> m;
        for (const auto &[k, v] : *counts)
            m.insert(k, v);
        QCOMPARE(m.value(SessionStatus::Working), 3);
        QCOMPARE(m.value(SessionStatus::Failed), 2);
        QCOMPARE(m.size(), 2);
    }

    void apiKeys_data() { backends(); }
    void apiKeys()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto db = Database::open(tdb.config());
        QVERIFY(db);
        const Organization org = makeOrg(QStringLiteral("Acme"));
        QVERIFY(OrganizationRepository(**db).insert(org));
        ApiKeyRepository repo(**db);
        ApiKeyRecord k;
        k.id = ids::newApiKeyId();
        k.organizationId = org.id;
        k.name = QStringLiteral("ops");
        k.lookup = QStringLiteral("abcdefghijk");
        k.secretHash = QByteArray(32, '\x7f');
        k.capabilities = Capability::Read | Capability::Admin;
        k.createdAt = 1;
        k.createdBy = QStringLiteral("cli");
        QVERIFY(repo.insert(k));
        auto read = repo.byLookup(k.lookup);
        QVERIFY(read);
        QCOMPARE(read->secretHash, k.secretHash);
        QCOMPARE(read->capabilities, k.capabilities);
        QVERIFY(!read->revoked());

        ApiKeyRecord clash = k;
        clash.id = ids::newApiKeyId();
        QCOMPARE(repo.insert(clash).error().code, ErrorCode::AlreadyExists); // lookup is unique

        QVERIFY(repo.revoke(org.id, k.id, 99));
        QVERIFY(repo.revoke(org.id, k.id, 123)); // idempotent, keeps the first time
        QCOMPARE(repo.byLookup(k.lookup)->revokedAt, 99);
        QCOMPARE(repo.revoke(QStringLiteral("org_other"), k.id, 5).error().code, ErrorCode::NotFound);
        QCOMPARE(repo.list(org.id)->size(), 1);
    }

    void aLostPostgresConnectionIsReopened()
    {
        WAGATE_OPEN_TEST_DATABASE(tdb, Backend::Postgres);
        auto db = Database::open(tdb.config(QStringLiteral("lost")));
        QVERIFY(db);
        const Organization org = makeOrg(QStringLiteral("Acme"));
        QVERIFY(OrganizationRepository(**db).insert(org));
        SessionRepository repo(**db);
        const SessionInfo s = makeSession(org.id, QStringLiteral("before"));
        QVERIFY(repo.insert(s));

        // The server ends our connection (a restart, a failover, an administrator).
        {
            auto admin = Database::open(tdb.config(QStringLiteral("admin")));
            QVERIFY(admin);
            QSqlQuery kill(QSqlDatabase::database(QStringLiteral("admin")));
            QVERIFY(kill.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                             "WHERE datname = current_database() AND pid <> pg_backend_pid()")));
        }
        // The next statement may find out the hard way: it fails as unavailable, never as a crash…
        auto first = repo.count(org.id);
        if (!first)
            QCOMPARE(first.error().code, ErrorCode::Unavailable);
        // … and the connection is open again for the one after.
        auto again = repo.count(org.id);
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));
        QCOMPARE(*again, 1);
        QVERIFY(repo.insert(makeSession(org.id, QStringLiteral("after"))));
        QVERIFY((*db)->ping());
    }

    void twoConnectionsSeeEachOthersCommits_data() { backends(); }
    void twoConnectionsSeeEachOthersCommits()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto a = Database::open(tdb.config(QStringLiteral("a")));
        auto b = Database::open(tdb.config(QStringLiteral("b")));
        QVERIFY(a && b);
        const Organization org = makeOrg(QStringLiteral("Acme"));
        QVERIFY(OrganizationRepository(**a).insert(org));
        SessionRepository ra(**a), rb(**b);
        for (int i = 0; i < 50; ++i) {
            SessionInfo s = makeSession(org.id, QStringLiteral("x%1").arg(i));
            QVERIFY((i % 2 ? ra : rb).insert(s));
        }
        QCOMPARE(*ra.count(org.id), 50);
        QCOMPARE(*rb.count(org.id), 50);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
