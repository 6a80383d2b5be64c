// The console's facade over a real engine on its own thread: sign-in (API key, password, remembered
// profiles in the real keychain), requests as the operator, and live events limited to the operator's
// organization.
#include "app/enginefacadeimpl.h"
#include "app/enginehost.h"
#include "core/ids.h"
#include "rawhttp.h"
#include "testdatabase.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace wagate;

namespace {

//! Waits for a facade reply.
template<typename T>
std::optional<Result<T>> await(std::function<void(EngineFacade::Reply<T>)> call, int timeoutMs = 30000)
{
    std::optional<Result<T>> out;
    call([&](Result<T> r) { out = r; });
    QDeadlineTimer deadline(timeoutMs);
    while (!out && !deadline.hasExpired())
        QTest::qWait(5);
    return out;
}

QString cli(const test::TestDatabase &tdb, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(WAGATE_BINARY_DIR "/app/wagate"), QStringList{QStringLiteral("--data-dir"), tdb.dataDir()} + args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

class TestFacade : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_tdb;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<EngineFacadeImpl> m_facade;
    QString m_org, m_otherOrg, m_key, m_otherKey;
    quint16 m_port = 0;

    test::RawReply http(const QByteArray &method, const QByteArray &path, const QString &key, const QByteArray &body = {})
    {
        return test::rawExchange(m_port, test::buildRequest(method, path, m_port, body,
                                                            {{QByteArray("Authorization"), "Bearer " + key.toLatin1()},
                                                             {QByteArray("Content-Type"), QByteArray("application/json")}}));
    }

private slots:
    void initTestCase()
    {
        m_tdb = std::make_unique<test::TestDatabase>(test::TestDatabase::Backend::Sqlite);
        m_org = cli(*m_tdb, {QStringLiteral("orgs"), QStringLiteral("create"), QStringLiteral("Acme Support")});
        m_otherOrg = cli(*m_tdb, {QStringLiteral("orgs"), QStringLiteral("create"), QStringLiteral("Other")});
        m_key = cli(*m_tdb, {QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--org"), m_org, QStringLiteral("--name"),
                             QStringLiteral("console"), QStringLiteral("--caps"), QStringLiteral("read,manage,admin")});
        m_otherKey = cli(*m_tdb, {QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--org"), m_otherOrg,
                                  QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--caps"), QStringLiteral("read,manage")});
        QVERIFY(m_key.startsWith(QStringLiteral("wgk_")));
        cli(*m_tdb, {QStringLiteral("operators"), QStringLiteral("add"), QStringLiteral("--org"), m_org, QStringLiteral("--username"),
                     QStringLiteral("alice"), QStringLiteral("--role"), QStringLiteral("viewer")}, "alices long password\n");

        EngineConfig config = test::engineConfig(*m_tdb);
        ApiConfig api;
        api.port = 0;
        m_host = std::make_unique<EngineHost>(config, api);
        m_facade = std::make_unique<EngineFacadeImpl>(*m_host, m_tdb->dataDir());
        QSignalSpy ready(m_facade.get(), &EngineFacade::engineReady);
        m_host->start();
        QVERIFY(ready.wait(30000));
        m_port = quint16(QUrl(m_facade->apiBaseUrl()).port());
        QVERIFY(m_port > 0);
    }

    void cleanupTestCase()
    {
        m_facade.reset();
        m_host->stop();
        m_host.reset();
        m_tdb.reset();
    }

    void requestsBeforeSignInAreRefused()
    {
        auto r = await<QList<SessionInfo>>([&](auto done) { m_facade->listSessions(done); });
        QVERIFY(r && !*r);
        QCOMPARE(r->error().code, ErrorCode::Unauthorized);
    }

    void organizationsAreListedBeforeSignIn()
    {
        // The sign-in form offers them by name; nothing else is readable before signing in.
        auto r = await<QList<OrganizationChoice>>([&](auto done) { m_facade->listOrganizations(done); });
        QVERIFY(r && *r);
        QHash<QString, QString> byId;
        for (const OrganizationChoice &o : **r)
            byId.insert(o.id, o.name);
        QCOMPARE(byId.size(), 2);
        QCOMPARE(byId.value(m_org), QStringLiteral("Acme Support"));
        QCOMPARE(byId.value(m_otherOrg), QStringLiteral("Other"));
        QVERIFY(!m_facade->principal());
    }

    void wrongCredentialsSayWhy_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("secret");
        QTest::newRow("not an api key") << "key" << "hello";
        QTest::newRow("unknown api key") << "key" << QString(QStringLiteral("wgk_") + QString(54, u'x'));
        QTest::newRow("wrong password") << "password" << "not the password of alice";
        QTest::newRow("garbage token") << "token" << "a.b.c";
    }
    void wrongCredentialsSayWhy()
    {
        QFETCH(QString, kind);
        QFETCH(QString, secret);
        auto r = await<Principal>([&](auto done) {
            if (kind == u"key")
                m_facade->signInWithApiKey(secret, done);
            else if (kind == u"password")
                m_facade->signInWithPassword(m_org, QStringLiteral("alice"), secret, done);
            else
                m_facade->signInWithToken(secret, done);
        });
        QVERIFY(r && !*r);
        QCOMPARE(r->error().code, ErrorCode::Unauthorized);
        QVERIFY(!r->error().message.isEmpty());
        QVERIFY(!m_facade->principal());
    }

    void passwordSignInActsAsTheOperatorsRole()
    {
        auto r = await<Principal>([&](auto done) {
            m_facade->signInWithPassword(m_org, QStringLiteral("alice"), QStringLiteral("alices long password"), done);
        });
        QVERIFY(r && *r);
        QCOMPARE((*r)->role, QStringLiteral("viewer"));
        QCOMPARE(m_facade->organizationName(), QStringLiteral("Acme Support"));
        auto created = await<SessionInfo>([&](auto done) { m_facade->createSession(SessionCreate{QStringLiteral("x"), {}, {}, {}, {}, {}}, done); });
        QVERIFY(created && !*created);
        QCOMPARE(created->error().code, ErrorCode::Forbidden); // a viewer may look, not change
        m_facade->signOut();
        QVERIFY(!m_facade->principal());
    }

    void remembersAProfileInTheKeychainAndSignsInWithIt()
    {
        QVERIFY2(m_facade->keychainProblem().isEmpty(), qPrintable(m_facade->keychainProblem()));
        SignInProfile p;
        p.displayName = QStringLiteral("console key @ Acme");
        p.organizationId = m_org;
        p.kind = SignInProfile::Kind::ApiKey;
        QSignalSpy changed(m_facade.get(), &EngineFacade::profilesChanged);
        auto added = await<SignInProfile>([&](auto done) { m_facade->addProfile(p, m_key, done); });
        QVERIFY(added && *added);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(m_facade->profiles().size(), 1);
        QFile f(m_tdb->dataDir() + QStringLiteral("/profiles.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray metadata = f.readAll();
        QVERIFY(metadata.contains("console key @ Acme"));
        QVERIFY2(!metadata.contains("wgk_"), "the file holds metadata only; the key is in the keychain");

        auto signedIn = await<Principal>([&](auto done) { m_facade->signInWithProfile((*added)->id, done); });
        QVERIFY(signedIn && *signedIn);
        QCOMPARE((*signedIn)->organizationId, m_org);
        QVERIFY((*signedIn)->can(Capability::Manage));
    }

    void liveEventsOfTheOwnOrganizationOnly()
    {
        QVERIFY(m_facade->principal());
        QSignalSpy created(m_facade.get(), &EngineFacade::sessionCreated);
        QSignalSpy updated(m_facade.get(), &EngineFacade::sessionUpdated);
        QSignalSpy removed(m_facade.get(), &EngineFacade::sessionRemoved);

        auto mine = await<SessionInfo>([&](auto done) { m_facade->createSession(SessionCreate{QStringLiteral("Console line"), {}, {}, 30, {}, {}}, done); });
        QVERIFY(mine && *mine);
        QCOMPARE((*mine)->ratePerMin, 30);
        QTRY_COMPARE(created.size(), 1);

        // A script creates one through the HTTP API: the console hears of it without refreshing.
        const test::RawReply viaApi = http("POST", "/api/v1/sessions", m_key, R"({"label":"From a script"})");
        QCOMPARE(viaApi.status, 201);
        QTRY_COMPARE(created.size(), 2);
        QCOMPARE(created.last().first().value<SessionInfo>().label, QStringLiteral("From a script"));

        // Another organization's session is not the console's business: a change of our own, made
        // after it, arrives and the other organization's creation never did.
        QCOMPARE(http("POST", "/api/v1/sessions", m_otherKey, R"({"label":"Elsewhere"})").status, 201);
        QCOMPARE(http("PATCH", "/api/v1/sessions/" + (*mine)->id.toLatin1(), m_key, R"({"label":"Sentinel"})").status, 200);
        QTRY_VERIFY(!updated.isEmpty() && updated.last().first().value<SessionInfo>().label == QStringLiteral("Sentinel"));
        QCOMPARE(created.size(), 2);
        updated.clear();

        auto renamed = await<SessionInfo>([&](auto done) {
            SessionPatch patch;
            patch.label = QStringLiteral("Renamed");
            m_facade->updateSession((*mine)->id, patch, done);
        });
        QVERIFY(renamed && *renamed);
        QTRY_VERIFY(!updated.isEmpty());
        QCOMPARE(updated.last().first().value<SessionInfo>().label, QStringLiteral("Renamed"));

        auto start = await<SessionInfo>([&](auto done) { m_facade->startSession((*mine)->id, done); });
        QVERIFY(start && !*start);
        QCOMPARE(start->error().code, ErrorCode::FailedPrecondition);

        auto all = await<QList<SessionInfo>>([&](auto done) { m_facade->listSessions(done); });
        QVERIFY(all && *all);
        QCOMPARE((*all)->size(), 2);

        auto gone = await<bool>([&](auto done) { m_facade->deleteSession((*mine)->id, done); });
        QVERIFY(gone && *gone);
        QTRY_COMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().toString(), (*mine)->id);
    }

    void forgettingAProfileRemovesItsSecret()
    {
        const QList<SignInProfile> before = m_facade->profiles();
        QCOMPARE(before.size(), 1);
        auto removed = await<bool>([&](auto done) { m_facade->removeProfile(before.first().id, done); });
        QVERIFY(removed && *removed);
        QVERIFY(m_facade->profiles().isEmpty());
        auto again = await<Principal>([&](auto done) { m_facade->signInWithProfile(before.first().id, done); });
        QVERIFY(again && !*again);
        QCOMPARE(again->error().code, ErrorCode::NotFound);
    }

    void rightsFollowTheAccount()
    {
        // As over HTTP: a console signed in as an operator acts with the operator's role as it is
        // now, and a removed operator is signed out — at their next request, or by the idle check.
        m_facade->signOut();
        const test::RawReply bob = http("POST", "/api/v1/operators", m_key,
                                        R"({"username":"bob","password":"bobs long password","role":"viewer"})");
        QCOMPARE(bob.status, 201);
        const QByteArray bobId = bob.json()[QStringLiteral("id")].toString().toLatin1();
        auto in = await<Principal>([&](auto done) {
            m_facade->signInWithPassword(m_org, QStringLiteral("bob"), QStringLiteral("bobs long password"), done);
        });
        QVERIFY(in && *in);
        auto refused = await<SessionInfo>([&](auto done) { m_facade->createSession(SessionCreate{QStringLiteral("no"), {}, {}, {}, {}, {}}, done); });
        QCOMPARE(refused->error().code, ErrorCode::Forbidden);

        QSignalSpy changed(m_facade.get(), &EngineFacade::principalChanged);
        QCOMPARE(http("PATCH", "/api/v1/operators/" + bobId, m_key, R"({"role":"operator"})").status, 200);
        auto promoted = await<SessionInfo>([&](auto done) { m_facade->createSession(SessionCreate{QStringLiteral("yes"), {}, {}, {}, {}, {}}, done); });
        QVERIFY2(promoted && *promoted, "the new role counts at the next request");
        QCOMPARE(changed.size(), 1);
        QVERIFY(changed.first().first().value<Principal>().can(Capability::Manage));
        QVERIFY(m_facade->principal()->can(Capability::Manage));

        QCOMPARE(http("PATCH", "/api/v1/operators/" + bobId, m_key, R"({"role":"viewer"})").status, 200);
        auto demoted = await<bool>([&](auto done) { m_facade->deleteSession((*promoted)->id, done); });
        QCOMPARE(demoted->error().code, ErrorCode::Forbidden);
        QVERIFY(!m_facade->principal()->can(Capability::Manage));

        QSignalSpy revoked(m_facade.get(), &EngineFacade::signInRevoked);
        QSignalSpy out(m_facade.get(), &EngineFacade::signedOut);
        QCOMPARE(http("DELETE", "/api/v1/operators/" + bobId, m_key).status, 204);
        auto gone = await<QList<SessionInfo>>([&](auto done) { m_facade->listSessions(done); });
        QCOMPARE(gone->error().code, ErrorCode::Unauthorized);
        QCOMPARE(revoked.size(), 1);
        QCOMPARE(out.size(), 1);
        QVERIFY(!m_facade->principal());

        // Nobody clicks anything: the idle check finds a revoked API key too.
        const test::RawReply key = http("POST", "/api/v1/api-keys", m_key, R"({"name":"short-lived","capabilities":["read"]})");
        QCOMPARE(key.status, 201);
        auto keyIn = await<Principal>([&](auto done) { m_facade->signInWithApiKey(key.json()[QStringLiteral("secret")].toString(), done); });
        QVERIFY(keyIn && *keyIn);
        m_facade->setRecheckIntervalMs(100);
        QCOMPARE(http("DELETE", "/api/v1/api-keys/" + key.json()[QStringLiteral("id")].toString().toLatin1(), m_key).status, 204);
        QTRY_COMPARE(revoked.size(), 2);
        QVERIFY(!m_facade->principal());
        m_facade->setRecheckIntervalMs(10000);
    }
};

QTEST_GUILESS_MAIN(TestFacade)
#include "tst_facade.moc"
