// Several gateway nodes on one database, as a user of the HTTP API meets them: a login token minted
// by one node is accepted by the others (each node keeps its own private key; the public keys are
// shared through the database), every node's JWKS names all of them, and an operator removed on one
// node loses access on the others. On SQLite (two connections to one file) and on PostgreSQL.
#include "api/apiserver.h"
#include "auth/apikeys.h"
#include "auth/authservice.h"
#include "core/ids.h"
#include "engine/engine.h"
#include "engine/sessionmanager.h"
#include "store/sessionrepository.h"
#include "rawhttp.h"
#include "store/organizationrepository.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace wagate;
using namespace wagate::test;

namespace {

struct Node
{
    std::unique_ptr<Engine> engine;
    std::unique_ptr<ApiServer> api;
    quint16 port = 0;

    RawReply call(const char *method, const QString &path, const QString &token, const QByteArray &body = {}) const
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!token.isEmpty())
            headers.append({QByteArray("Authorization"), "Bearer " + token.toLatin1()});
        if (!body.isEmpty())
            headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        return rawExchange(port, buildRequest(method, path.toLatin1(), port, body, headers));
    }

    QStringList publishedKids() const
    {
        QStringList kids;
        for (const QJsonValue &k : call("GET", QStringLiteral("/.well-known/jwks.json"), {}).json()[QStringLiteral("keys")].toArray())
            kids << k[QStringLiteral("kid")].toString();
        kids.sort();
        return kids;
    }
};

QString kidOf(const QString &token)
{
    const QByteArray header = QByteArray::fromBase64(token.section(u'.', 0, 0).toLatin1(), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(header).object()[QStringLiteral("kid")].toString();
}

} // namespace

Q_DECLARE_METATYPE(wagate::test::TestDatabase::Backend)

class TestMultiNode : public QObject
{
    Q_OBJECT

    static bool start(Node &node, const TestDatabase &db, const QString &gatewayId)
    {
        EngineConfig config = engineConfig(db, QStringLiteral("engine-") + gatewayId);
        config.gatewayId = gatewayId;
        // Each node its own secret store, so its own signing key.
        config.auth.secrets = QStringLiteral("file:") + db.dataDir() + QStringLiteral("/secrets-") + gatewayId;
        node.engine = std::make_unique<Engine>(config);
        if (!startEngine(*node.engine))
            return false;
        ApiConfig api;
        api.port = 0;
        node.api = std::make_unique<ApiServer>(*node.engine, api);
        if (!node.api->listen())
            return false;
        node.port = node.api->port();
        return true;
    }

    static QString login(const Node &node, const QString &org, const QString &user, const QString &password)
    {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("organizationId"), org}, {QStringLiteral("username"), user},
                                                          {QStringLiteral("password"), password}})
                                    .toJson(QJsonDocument::Compact);
        return node.call("POST", QStringLiteral("/api/v1/auth/login"), {}, body).json()[QStringLiteral("token")].toString();
    }

private slots:
    void tokensCountOnEveryNode_data()
    {
        QTest::addColumn<TestDatabase::Backend>("backend");
        QTest::newRow("sqlite") << TestDatabase::Backend::Sqlite;
        QTest::newRow("postgres") << TestDatabase::Backend::Postgres;
    }
    void tokensCountOnEveryNode()
    {
        QFETCH(TestDatabase::Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(db, backend);
        Node a, b;
        QVERIFY(start(a, db, QStringLiteral("gw-a")));
        QVERIFY(start(b, db, QStringLiteral("gw-b")));

        const QString org = ids::newOrganizationId();
        QVERIFY(a.engine->organizations().insert({org, QStringLiteral("Acme"), 1}));
        auto key = a.engine->apiKeys().create(Principal::system(org), QStringLiteral("admin"), Capability::Read | Capability::Admin);
        QVERIFY(key);
        const RawReply added = a.call("POST", QStringLiteral("/api/v1/operators"), key->token,
                                      R"({"username":"alice","password":"alices long password","role":"operator"})");
        QCOMPARE(added.status, 201);
        const QString aliceId = added.json()[QStringLiteral("id")].toString();

        // Each node signs with its own key.
        const QString fromA = login(a, org, QStringLiteral("alice"), QStringLiteral("alices long password"));
        const QString fromB = login(b, org, QStringLiteral("alice"), QStringLiteral("alices long password"));
        QVERIFY(!fromA.isEmpty() && !fromB.isEmpty());
        QVERIFY(kidOf(fromA) != kidOf(fromB));

        // Either token works on either node, as the same operator.
        for (const Node *node : {&a, &b}) {
            for (const QString &token : {fromA, fromB}) {
                const RawReply me = node->call("GET", QStringLiteral("/api/v1/me"), token);
                QCOMPARE(me.status, 200);
                QCOMPARE(me.json()[QStringLiteral("userId")].toString(), aliceId);
                QCOMPARE(me.json()[QStringLiteral("role")].toString(), QStringLiteral("operator"));
            }
        }
        // Both JWKS documents name both keys (and no private part).
        const QStringList both = [&] { QStringList k{kidOf(fromA), kidOf(fromB)}; k.sort(); return k; }();
        QTRY_COMPARE_WITH_TIMEOUT(a.publishedKids(), both, AuthService::kJwksPeerMaxAgeMs + 5000);
        QTRY_COMPARE_WITH_TIMEOUT(b.publishedKids(), both, AuthService::kJwksPeerMaxAgeMs + 5000);
        QVERIFY(!a.call("GET", QStringLiteral("/.well-known/jwks.json"), {}).body.contains("\"d\""));

        // A rotated key on one node is learnt by the other from the first token that names it.
        bool rotated = false;
        a.engine->auth().rotateSigningKey([&](Result<void> r) { rotated = r.ok(); });
        QTRY_VERIFY(rotated);
        const QString afterRotation = login(a, org, QStringLiteral("alice"), QStringLiteral("alices long password"));
        QVERIFY(kidOf(afterRotation) != kidOf(fromA));
        QTRY_COMPARE(b.call("GET", QStringLiteral("/api/v1/me"), afterRotation).status, 200);
        QCOMPARE(b.call("GET", QStringLiteral("/api/v1/me"), fromA).status, 200); // the retired key still counts

        // Removed on node B: node A stops accepting her tokens too (at once on B, within seconds on A).
        QCOMPARE(b.call("DELETE", QStringLiteral("/api/v1/operators/") + aliceId, key->token).status, 204);
        QCOMPARE(b.call("GET", QStringLiteral("/api/v1/me"), fromA).status, 401);
        QTRY_COMPARE_WITH_TIMEOUT(a.call("GET", QStringLiteral("/api/v1/me"), fromB).status, 401, 15000);

        b.api.reset();
        b.engine.reset();
        a.api.reset();
        a.engine.reset();
    }

    void aSessionIsDrivenOnlyByItsNodeAndReadTrueByAll()
    {
        WAGATE_OPEN_TEST_DATABASE(db, TestDatabase::Backend::Postgres);
        Node a, b;
        QVERIFY(start(a, db, QStringLiteral("gw-a")));
        QVERIFY(start(b, db, QStringLiteral("gw-b")));
        const QString org = ids::newOrganizationId();
        QVERIFY(a.engine->organizations().insert({org, QStringLiteral("Acme"), 1}));
        auto key = a.engine->apiKeys().create(Principal::system(org), QStringLiteral("ops"), Capability::Read | Capability::Manage);
        QVERIFY(key);
        const RawReply created = a.call("POST", QStringLiteral("/api/v1/sessions"), key->token, R"({"label":"On A"})");
        QCOMPARE(created.status, 201);
        const QString id = created.json()[QStringLiteral("id")].toString();
        QCOMPARE(created.json()[QStringLiteral("gatewayId")].toString(), QStringLiteral("gw-a"));
        // Linked by node A (as pairing leaves it), so :start would be allowed where it belongs.
        LifecycleChange linked;
        linked.status = SessionStatus::Stopped;
        linked.reason = QStringLiteral("linked");
        linked.waJid = QStringLiteral("6281234567890:7@s.whatsapp.net");
        QVERIFY(a.engine->sessionRepository().apply(id, linked, 1));

        // Node B reads it, but does not drive another node's session: it says which node does.
        QTRY_COMPARE(b.call("GET", QStringLiteral("/api/v1/sessions/") + id, key->token).json()[QStringLiteral("status")].toString(),
                     QStringLiteral("stopped"));
        for (const char *call : {":start", ":stop", ":logout"}) {
            const RawReply r = b.call("POST", QStringLiteral("/api/v1/sessions/") + id + QLatin1String(call), key->token);
            QCOMPARE(r.status, 409);
            const QJsonObject e = r.json()[QStringLiteral("error")].toObject();
            QCOMPARE(e[QStringLiteral("code")].toString(), QStringLiteral("failed_precondition"));
            QCOMPARE(e[QStringLiteral("details")][QStringLiteral("gatewayId")].toString(), QStringLiteral("gw-a"));
        }
        QCOMPARE(b.engine->manager().activeCount(), 0);

        // A change on one node shows on the other, whose read cache held the row (NOTIFY).
        QCOMPARE(b.call("GET", QStringLiteral("/api/v1/sessions/") + id, key->token).json()[QStringLiteral("label")].toString(),
                 QStringLiteral("On A"));
        QCOMPARE(a.call("PATCH", QStringLiteral("/api/v1/sessions/") + id, key->token, R"({"label":"Renamed on A"})").status, 200);
        QTRY_COMPARE(b.call("GET", QStringLiteral("/api/v1/sessions/") + id, key->token).json()[QStringLiteral("label")].toString(),
                     QStringLiteral("Renamed on A"));

        b.api.reset();
        b.engine.reset();
        a.api.reset();
        a.engine.reset();
    }

    void aStoreOutageIsAnsweredUnavailableAndThenOver()
    {
        // PostgreSQL goes away (connections cut, new ones refused): what needs the store is answered
        // unavailable with Retry-After, what a node holds in memory is still served, nothing hangs,
        // and once the store is back everything works again without a restart.
        WAGATE_OPEN_TEST_DATABASE(db, TestDatabase::Backend::Postgres);
        Node a;
        QVERIFY(start(a, db, QStringLiteral("gw-a")));
        const QString org = ids::newOrganizationId();
        QVERIFY(a.engine->organizations().insert({org, QStringLiteral("Acme"), 1}));
        auto key = a.engine->apiKeys().create(Principal::system(org), QStringLiteral("ops"), Capability::Read | Capability::Manage);
        QVERIFY(key);
        const RawReply created = a.call("POST", QStringLiteral("/api/v1/sessions"), key->token, R"({"label":"Known"})");
        QCOMPARE(created.status, 201);
        const QString known = created.json()[QStringLiteral("id")].toString();
        QCOMPARE(a.call("GET", QStringLiteral("/api/v1/sessions/") + known, key->token).status, 200); // now in memory

        QVERIFY(db.setReachable(false));
        const RawReply health = a.call("GET", QStringLiteral("/healthz"), {});
        QCOMPARE(health.status, 503);
        QCOMPARE(health.json()[QStringLiteral("store")].toString(), QStringLiteral("unreachable"));
        const RawReply create = a.call("POST", QStringLiteral("/api/v1/sessions"), key->token, R"({"label":"During"})");
        QCOMPARE(create.status, 503);
        QCOMPARE(create.json()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("unavailable"));
        QCOMPARE(create.headers.value("retry-after"), QByteArray("1"));
        const RawReply unknown = a.call("GET", QStringLiteral("/api/v1/sessions/01J9ZX8K2QHV0M3T6R7P4N5W8C"), key->token);
        QCOMPARE(unknown.status, 503);
        const RawReply list = a.call("GET", QStringLiteral("/api/v1/sessions"), key->token);
        QCOMPARE(list.status, 503);
        // A read of a row in memory needs no store (the key's check, a moment ago, is remembered 5 s).
        QCOMPARE(a.call("GET", QStringLiteral("/api/v1/sessions/") + known, key->token).status, 200);

        QVERIFY(db.setReachable(true));
        QTRY_COMPARE_WITH_TIMEOUT(a.call("GET", QStringLiteral("/healthz"), {}).status, 200, 15000);
        QCOMPARE(a.call("POST", QStringLiteral("/api/v1/sessions"), key->token, R"({"label":"After"})").status, 201);
        QCOMPARE(a.call("GET", QStringLiteral("/api/v1/sessions"), key->token).json()[QStringLiteral("sessions")].toArray().size(), 2);
        a.api.reset();
        a.engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestMultiNode)
#include "tst_multinode.moc"
