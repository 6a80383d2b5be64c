// The store suite. Every case runs on SQLite and on PostgreSQL: the same behaviour on both.
#include "core/ids.h"
#include "store/apikeyrepository.h"
#include "store/database.h"
#include "store/messagerepository.h"
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

//! The row as the database holds it: a second connection with its own, empty read cache.
Result<SessionInfo> coldRead(const test::TestDatabase &tdb, const QString &org, const QString &id)
{
    auto db = Database::open(tdb.config(QStringLiteral("cold") + ids::newUlid()));
    if (!db)
        return db.error();
    return SessionRepository(**db).get(org, id);
}

LifecycleChange toStatus(SessionStatus status, const QString &reason)
{
    LifecycleChange c;
    c.status = status;
    c.reason = reason;
    return c;
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
        auto readBare = coldRead(tdb, org.id, bare.id);
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
        auto readFull = coldRead(tdb, org.id, full.id);
        QVERIFY(readFull);
        QCOMPARE(*readFull, full);
        QCOMPARE(*repo.get(org.id, full.id), full); // and this connection reads the same
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

        // A linking step: status, number, JIDs, error and desired state in one write.
        LifecycleChange linked = toStatus(SessionStatus::Starting, QStringLiteral("linked to android"));
        linked.desired = DesiredState::Running;
        linked.phoneNumber = QStringLiteral("6281234567890");
        linked.waJid = QStringLiteral("6281234567890:7@s.whatsapp.net");
        linked.waLid = QStringLiteral("99887766:7@lid");
        linked.lastConnectedAt = s.createdAt + 5;
        linked.lastError = LastError{QStringLiteral("connection_lost"), QStringLiteral("socket closed"), s.createdAt + 3};
        const QString firstId = ids::newUlid();
        auto w = repo.apply(s.id, linked, s.createdAt + 10, firstId);
        QVERIFY2(w, w ? "" : qPrintable(w.error().message));
        QCOMPARE(w->previousStatus, SessionStatus::Unpaired);
        QVERIFY(w->transition);
        QCOMPARE(w->transition->id, firstId);
        QCOMPARE(w->transition->previousStatus, SessionStatus::Unpaired);

        // What the write returned is what the database holds, column by column, read cold.
        const SessionInfo cold = *coldRead(tdb, org.id, s.id);
        QCOMPARE(cold, w->session);
        QCOMPARE(cold.status, SessionStatus::Starting);
        QCOMPARE(cold.desiredState, DesiredState::Running);
        QCOMPARE(cold.waJid, QStringLiteral("6281234567890:7@s.whatsapp.net"));
        QCOMPARE(cold.waLid, QStringLiteral("99887766:7@lid"));
        QCOMPARE(cold.lastConnectedAt, s.createdAt + 5);
        QCOMPARE(cold.statusChangedAt, s.createdAt + 10);
        QCOMPARE(cold.updatedAt, s.createdAt + 10);
        QCOMPARE(cold.lastError, (LastError{QStringLiteral("connection_lost"), QStringLiteral("socket closed"), s.createdAt + 3}));
        QCOMPARE(cold.label, s.label); // a lifecycle step never touches the settings
        {
            QSqlQuery raw(QSqlDatabase::database(QStringLiteral("test")));
            QVERIFY(raw.exec(QStringLiteral("SELECT last_error_code, last_error_message, last_error_at, wa_jid FROM sessions WHERE id = '%1'").arg(s.id)));
            QVERIFY(raw.next());
            QCOMPARE(raw.value(0).toString(), QStringLiteral("connection_lost"));
            QCOMPARE(raw.value(1).toString(), QStringLiteral("socket closed"));
            QCOMPARE(raw.value(2).toLongLong(), s.createdAt + 3);
            QCOMPARE(raw.value(3).toString(), QStringLiteral("6281234567890:7@s.whatsapp.net"));
        }

        // Clearing: an inner nullopt clears the error; a status that does not change keeps its time.
        LifecycleChange same = toStatus(SessionStatus::Starting, QStringLiteral("again"));
        same.lastError = std::optional<LastError>();
        QVERIFY(repo.apply(s.id, same, s.createdAt + 20));
        const SessionInfo cleared = *coldRead(tdb, org.id, s.id);
        QVERIFY(!cleared.lastError);
        QCOMPARE(cleared.statusChangedAt, s.createdAt + 10);
        QCOMPARE(cleared.updatedAt, s.createdAt + 20);

        // A step whose log entry cannot be written (duplicate id) leaves the row unchanged.
        auto r = repo.apply(s.id, toStatus(SessionStatus::Working, QStringLiteral("logged in")), s.createdAt + 30, firstId);
        QVERIFY(!r);
        QCOMPARE(coldRead(tdb, org.id, s.id)->status, SessionStatus::Starting);
        QCOMPARE(repo.get(org.id, s.id)->status, SessionStatus::Starting);

        auto log = repo.transitions(s.id, QString(), 100);
        QVERIFY(log);
        QCOMPARE(log->size(), 2);
        QCOMPARE(log->first().reason, QStringLiteral("linked to android"));
        QCOMPARE(log->first().previousStatus, SessionStatus::Unpaired);
        auto orgLog = repo.organizationTransitions(org.id, QString(), 100);
        QVERIFY(orgLog);
        QCOMPARE(orgLog->size(), 2);
        QCOMPARE(repo.apply(QStringLiteral("nope"), same, 1).error().code, ErrorCode::NotFound);

        QVERIFY(repo.remove(org.id, s.id));
        QCOMPARE(repo.transitions(s.id, QString(), 100)->size(), 0);
    }

    void settingsAndLifecycleNeverOverwriteEachOther_data() { backends(); }
    void settingsAndLifecycleNeverOverwriteEachOther()
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
        QVERIFY(repo.get(org.id, s.id)); // cached

        SessionInfo edited = s;
        edited.label = QStringLiteral("renamed");
        edited.ratePerMin = 7;
        edited.ratePerHour = 70;
        edited.autoRead = true;
        edited.status = SessionStatus::Working; // not a settings field: ignored
        edited.updatedAt += 5;
        auto stored = repo.updateSettings(edited);
        QVERIFY(stored);
        QCOMPARE(stored->label, QStringLiteral("renamed"));
        QCOMPARE(stored->status, SessionStatus::Unpaired);
        QCOMPARE(*stored, *coldRead(tdb, org.id, s.id));

        auto w = repo.apply(s.id, toStatus(SessionStatus::Starting, QStringLiteral("start requested")), s.updatedAt + 9);
        QVERIFY(w);
        QCOMPARE(w->session.label, QStringLiteral("renamed"));
        QCOMPARE(w->session.ratePerMin, 7);
        QCOMPARE(w->session.ratePerHour, 70);
        QVERIFY(w->session.autoRead);
        QCOMPARE(*repo.get(org.id, s.id), w->session);
        QCOMPARE(*coldRead(tdb, org.id, s.id), w->session);
        QCOMPARE(repo.updateSettings(SessionInfo{}).error().code, ErrorCode::NotFound);
    }

    void desiredStateAndCredentials_data() { backends(); }
    void desiredStateAndCredentials()
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
        LifecycleChange desired;
        desired.desired = DesiredState::Running;
        auto w = repo.apply(s.id, desired, s.updatedAt + 1);
        QVERIFY(w);
        QVERIFY(!w->transition); // no status, no log entry
        QCOMPARE(repo.transitions(s.id, QString(), 10)->size(), 0);
        auto read = coldRead(tdb, org.id, s.id);
        QCOMPARE(read->desiredState, DesiredState::Running);
        QCOMPARE(*repo.listForGateway(QStringLiteral("gw-test")), QList<SessionInfo>{*read});
        QVERIFY(repo.listForGateway(QStringLiteral("gw-other"))->isEmpty());

        QVERIFY(repo.credentials(s.id)->isEmpty());
        const QByteArray blob = QByteArray("\x00\x01\xff sealed", 10);
        QVERIFY(repo.setCredentials(s.id, blob));
        QCOMPARE(*repo.credentials(s.id), blob);
        QCOMPARE(coldRead(tdb, org.id, s.id)->updatedAt, read->updatedAt); // new credentials are no visible change
        QVERIFY(repo.setCredentials(s.id, {}));
        QVERIFY(repo.credentials(s.id)->isEmpty());
        QCOMPARE(repo.setCredentials(QStringLiteral("nope"), blob).error().code, ErrorCode::NotFound);

        // Credentials and a status in one transaction (a logout): both or neither.
        QVERIFY(repo.setCredentials(s.id, blob));
        LifecycleChange logout = toStatus(SessionStatus::LoggedOut, QStringLiteral("logout requested"));
        logout.credentials = QByteArray();
        QVERIFY(repo.apply(s.id, logout, s.updatedAt + 2));
        QVERIFY(repo.credentials(s.id)->isEmpty());
        QCOMPARE(coldRead(tdb, org.id, s.id)->status, SessionStatus::LoggedOut);
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

    void messagesMoveOnlyFromWhereTheyAre_data() { backends(); }
    void messagesMoveOnlyFromWhereTheyAre()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto db = Database::open(tdb.config());
        QVERIFY(db);
        MessageRepository repo(**db);
        const QString session = ids::newUlid();
        const auto message = [&](const QString &key, qint64 created) {
            StoredMessage m;
            m.info.id = newMessageId();
            m.info.sessionId = session;
            m.info.organizationId = QStringLiteral("org_1");
            m.info.waMessageId = QStringLiteral("3EB0") + ids::newUlid().right(18);
            m.info.chat = QStringLiteral("6281234567890@s.whatsapp.net");
            m.info.idempotencyKey = key;
            m.info.createdAt = created;
            m.info.expiresAt = created + 1000;
            m.body = QByteArray("sealed");
            m.requestHash = QStringLiteral("h");
            return m;
        };
        const StoredMessage a = message(QStringLiteral("k1"), 1000), b = message(QString(), 2000), c = message(QString(), 3000);
        QVERIFY(repo.insert(a, ids::newUlid()));
        QVERIFY(repo.insert(b, ids::newUlid()));
        QVERIFY(repo.insert(c, ids::newUlid()));
        // One key, one message; messages without a key do not clash.
        const auto clash = repo.insert(message(QStringLiteral("k1"), 4000), ids::newUlid());
        QVERIFY(!clash);
        QCOMPARE(clash.error().code, ErrorCode::AlreadyExists);
        QCOMPARE((*repo.byIdempotencyKey(session, QStringLiteral("k1")))->info.id, a.info.id);
        // Due oldest first; a move is a compare-and-set on the stored status, logged once.
        QCOMPARE(repo.due(session, 10)->size(), 3);
        QCOMPARE(repo.due(session, 10)->first().info.id, a.info.id);
        MessageRepository::Change sending{MessageStatus::Sending, 5000, {}, {}, {}, {}, true};
        QCOMPARE(*repo.transition(a.info.id, MessageStatus::Queued, sending, ids::newUlid()), true);
        QCOMPARE(*repo.transition(a.info.id, MessageStatus::Queued, sending, ids::newUlid()), false);
        MessageRepository::Change canceled{MessageStatus::Canceled, 5000, {}, {}, {}, {}, false};
        QCOMPARE(*repo.transition(b.info.id, MessageStatus::Queued, canceled, ids::newUlid()), true);
        const auto due = *repo.due(session, 10);
        QCOMPARE(due.size(), 2); // a (sending: interrupted sends go again) and c
        QCOMPARE(due.first().info.attempts, 1);
        QCOMPARE(repo.history(a.info.id)->size(), 2);
        QCOMPARE(repo.dispatchedSince(session, 0)->size(), 1);
        // Retention deletes by age, log included.
        QCOMPARE(*repo.deleteOlderThan(2500), 2);
        QCOMPARE(repo.history(a.info.id)->size(), 0);
        QCOMPARE(repo.due(session, 10)->size(), 1);
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
        int available = 0;
        (*db)->onAvailable([&] { ++available; });
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
        // The next statement finds out: it fails as unavailable, never as a crash, and from then on
        // every call says so at once until the server is known to be back…
        auto first = repo.count(org.id);
        QVERIFY(!first);
        QCOMPARE(first.error().code, ErrorCode::Unavailable);
        QVERIFY(!(*db)->isAvailable());
        QCOMPARE(repo.count(org.id).error().code, ErrorCode::Unavailable);
        QVERIFY(!(*db)->ping());
        // … which a probe on another thread finds out; the connection is open again here.
        QTRY_VERIFY((*db)->isAvailable());
        QCOMPARE(available, 1);
        auto again = repo.count(org.id);
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));
        QCOMPARE(*again, 1);
        QVERIFY(repo.insert(makeSession(org.id, QStringLiteral("after"))));
        QVERIFY((*db)->ping());
    }

    void aStalledServerCostsAtMostTheStatementBudget()
    {
        WAGATE_OPEN_TEST_DATABASE(tdb, Backend::Postgres);
        DatabaseConfig config = tdb.config(QStringLiteral("stalled"));
        config.statementBudgetMs = 300;
        auto db = Database::open(config);
        QVERIFY(db);
        // A server that does not answer: a statement that would take a minute.
        QSqlQuery &q = (*db)->prepared(QStringLiteral("SELECT pg_sleep(60)"));
        auto r = (*db)->exec(q);
        QVERIFY2(!r, "the statement was cut off, not waited for");
        QCOMPARE(r.error().code, ErrorCode::Unavailable);
        QVERIFY(!(*db)->isAvailable());
        QTRY_VERIFY((*db)->isAvailable());
        QVERIFY((*db)->ping());
    }

    void nodesSeeEachOthersCommits_data() { backends(); }
    void nodesSeeEachOthersCommits()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto a = Database::open(tdb.config(QStringLiteral("a")));
        auto b = Database::open(tdb.config(QStringLiteral("b")));
        QVERIFY(a && b);
        const Organization org = makeOrg(QStringLiteral("Acme"));
        QVERIFY(OrganizationRepository(**a).insert(org));
        SessionRepository ra(**a), rb(**b);
        QStringList ids;
        for (int i = 0; i < 50; ++i) {
            SessionInfo s = makeSession(org.id, QStringLiteral("x%1").arg(i));
            QVERIFY((i % 2 ? ra : rb).insert(s));
            ids << s.id;
        }
        QCOMPARE(*ra.count(org.id), 50);
        QCOMPARE(*rb.count(org.id), 50);
        if (backend == Backend::Sqlite)
            return; // one process per SQLite file: no other writer to hear from

        // Node A holds a row in its read cache; node B changes it; A's next read shows B's change.
        const QString id = ids.first();
        QCOMPARE(ra.get(org.id, id)->label, QStringLiteral("x0"));
        SessionInfo edited = *rb.get(org.id, id);
        edited.label = QStringLiteral("renamed on B");
        QVERIFY(rb.updateSettings(edited));
        QTRY_COMPARE(ra.get(org.id, id)->label, QStringLiteral("renamed on B"));
        QVERIFY(rb.apply(id, toStatus(SessionStatus::Starting, QStringLiteral("start requested")), 5));
        QTRY_COMPARE(ra.get(org.id, id)->status, SessionStatus::Starting);
        QVERIFY(rb.remove(org.id, id));
        QTRY_VERIFY(!ra.get(org.id, id));
        QCOMPARE(ra.get(org.id, id).error().code, ErrorCode::NotFound);
    }

    void groupCommitStoresBeforeItTells_data() { backends(); }
    void groupCommitStoresBeforeItTells()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto a = Database::open(tdb.config(QStringLiteral("a")));
        auto b = Database::open(tdb.config(QStringLiteral("b")));
        QVERIFY(a && b);
        OrganizationRepository ra(**a), rb(**b);
        const auto seenByB = [&](const Organization &o) { return rb.get(o.id).ok(); };

        // Three writes of one turn: one commit, and each is told only after it.
        QList<Organization> orgs{makeOrg(QStringLiteral("one")), makeOrg(QStringLiteral("two")), makeOrg(QStringLiteral("three"))};
        QStringList told;
        for (const Organization &o : orgs) {
            (*a)->deferred([&] { return ra.insert(o); }, [&, o](Result<void> r) {
                QVERIFY(r.ok());
                QVERIFY2(seenByB(o), "told before another connection could read it");
                told << o.name;
            });
        }
        // A part that fails takes back only its own row, and hears so at once.
        const Organization taken = orgs.first();
        Organization broken = makeOrg(QStringLiteral("broken"));
        bool refused = false;
        (*a)->deferred([&]() -> Result<void> {
            if (auto r = ra.insert(broken); !r)
                return r;
            return ra.insert(taken); // a duplicate id
        }, [&](Result<void> r) { refused = r.error().code == ErrorCode::AlreadyExists; });
        QVERIFY(refused);
        QCOMPARE((*a)->deferredCount(), 3);
        QVERIFY(!seenByB(orgs.last())); // not committed while this turn runs
        QVERIFY(ra.get(orgs.last().id).ok()); // but read back on its own connection
        QTRY_COMPARE(told, (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}));
        QVERIFY(!seenByB(broken));

        // A transaction of its own commits the open group first, and the group is told from the
        // event loop afterwards, never from inside that transaction.
        const Organization grouped = makeOrg(QStringLiteral("grouped"));
        const Organization own = makeOrg(QStringLiteral("own"));
        bool groupedTold = false;
        (*a)->deferred([&] { return ra.insert(grouped); }, [&](Result<void> r) { groupedTold = r.ok(); });
        QVERIFY((*a)->transaction([&] { return ra.insert(own); }));
        QVERIFY(seenByB(grouped));
        QVERIFY(seenByB(own));
        QVERIFY(!groupedTold);
        QTRY_VERIFY(groupedTold);
        QCOMPARE((*a)->deferredCount(), 0);
    }

    void theReadCacheForgetsTheLeastRecentlyUsedRows()
    {
        WAGATE_OPEN_TEST_DATABASE(tdb, Backend::Sqlite);
        auto db = Database::open(tdb.config());
        QVERIFY(db);
        const Organization org = makeOrg(QStringLiteral("Acme"));
        QVERIFY(OrganizationRepository(**db).insert(org));
        SessionRepository repo(**db, 3);
        QStringList ids;
        for (int i = 0; i < 4; ++i) {
            SessionInfo s = makeSession(org.id, QStringLiteral("x%1").arg(i));
            QVERIFY(repo.insert(s));
            ids << s.id;
        }
        for (int i = 0; i < 3; ++i)
            QVERIFY(repo.get(org.id, ids[i]));
        QVERIFY(repo.get(org.id, ids[0])); // used again: the newest now
        QVERIFY(repo.get(org.id, ids[3])); // a fourth row pushes out the least recently used, ids[1]
        // Behind the repository's back: cached rows still read the old label, a forgotten one the new.
        QSqlQuery raw(QSqlDatabase::database(QStringLiteral("test")));
        QVERIFY(raw.exec(QStringLiteral("UPDATE sessions SET label = 'changed'")));
        QCOMPARE(repo.get(org.id, ids[0])->label, QStringLiteral("x0"));
        QCOMPARE(repo.get(org.id, ids[2])->label, QStringLiteral("x2"));
        QCOMPARE(repo.get(org.id, ids[3])->label, QStringLiteral("x3"));
        QCOMPARE(repo.get(org.id, ids[1])->label, QStringLiteral("changed"));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
