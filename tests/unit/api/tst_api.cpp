// The HTTP API over real loopback sockets against a real SQLite store: one row per behaviour a
// script would notice.
#include "api/apiserver.h"
#include "api/routecontext.h"
#include "auth/apikeys.h"
#include "core/ids.h"
#include "engine/engine.h"
#include "engine/sessionmanager.h"
#include "engine/sessionservice.h"
#include "rawhttp.h"
#include "store/organizationrepository.h"
#include "store/sessionrepository.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace wagate;
using namespace wagate::test;

namespace {

qint64 residentKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

} // namespace

class TestApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ApiServer> m_api;
    quint16 m_port = 0;
    QString m_orgA, m_orgB;
    QHash<QString, QString> m_tokens; // role name -> token
    QString m_sessA, m_sessB, m_pairedA;
    int m_deferredAsked = 0, m_deferredAnswered = 0;

    RawReply call(const QByteArray &method, const QString &path, const QString &tokenName = QStringLiteral("adminA"),
                  const QByteArray &body = {}, const QByteArray &contentType = "application/json")
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!tokenName.isEmpty())
            headers.append({QByteArray("Authorization"), "Bearer " + m_tokens.value(tokenName, tokenName).toLatin1()});
        if (!body.isEmpty() && !contentType.isEmpty())
            headers.append({QByteArray("Content-Type"), contentType});
        return rawExchange(m_port, buildRequest(method, path.toLatin1(), m_port, body, headers));
    }

    QString expand(QString path) const
    {
        return path.replace(QStringLiteral("{A}"), m_sessA).replace(QStringLiteral("{B}"), m_sessB)
            .replace(QStringLiteral("{P}"), m_pairedA);
    }

    static void verifyEnvelope(const RawReply &r, const QString &code)
    {
        const QJsonObject e = r.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(e.value(QStringLiteral("code")).toString(), code);
        QVERIFY2(!e.value(QStringLiteral("message")).toString().isEmpty(), "an error says what went wrong");
        QVERIFY(e.value(QStringLiteral("details")).isObject());
        QCOMPARE(r.json().keys(), QStringList{QStringLiteral("error")});
        QCOMPARE(e.keys(), (QStringList{QStringLiteral("code"), QStringLiteral("details"), QStringLiteral("message")}));
    }

private slots:
    void initTestCase()
    {
        m_tdb = std::make_unique<TestDatabase>(TestDatabase::Backend::Sqlite);
        m_engine = std::make_unique<Engine>(test::engineConfig(*m_tdb));
        QVERIFY(test::startEngine(*m_engine));
        ApiConfig api;
        api.port = 0;
        m_api = std::make_unique<ApiServer>(*m_engine, api);
        // Test-only routes: one that answers later, to exercise the guarded responder (counting the
        // requests it has seen and the late answers it has sent), and one that counts its calls.
        m_api->router().add({"GET", QStringLiteral("/test/deferred"), Route::Access::Public, [this](RouteContext &ctx) {
                                 ++m_deferredAsked;
                                 const RouteReply later = ctx.out;
                                 QTimer::singleShot(2000, [this, later] {
                                     later.reply(200, QJsonObject{{QStringLiteral("late"), true}});
                                     ++m_deferredAnswered;
                                 });
                             }});
        QVERIFY(m_api->listen());
        m_port = m_api->port();

        m_orgA = ids::newOrganizationId();
        m_orgB = ids::newOrganizationId();
        QVERIFY(m_engine->organizations().insert({m_orgA, QStringLiteral("Acme"), 1}));
        QVERIFY(m_engine->organizations().insert({m_orgB, QStringLiteral("Other"), 1}));
        const Capabilities all = Capability::Read | Capability::Manage | Capability::Send | Capability::Admin;
        auto make = [&](const QString &name, const QString &org, Capabilities caps) {
            auto k = m_engine->apiKeys().create(Principal::system(org), name, caps);
            if (!k)
                qFatal("cannot create a test key");
            m_tokens.insert(name, k->token);
            return k->record.id;
        };
        make(QStringLiteral("adminA"), m_orgA, all);
        make(QStringLiteral("manageA"), m_orgA, Capability::Read | Capability::Manage);
        make(QStringLiteral("readA"), m_orgA, Capability::Read);
        const QString revoked = make(QStringLiteral("revokedA"), m_orgA, all);
        QVERIFY(m_engine->apiKeys().revoke(Principal::system(m_orgA), revoked));
        make(QStringLiteral("adminB"), m_orgB, all);
        m_tokens.insert(QStringLiteral("unknown"), QStringLiteral("wgk_") + QString(54, u'A'));
        m_tokens.insert(QStringLiteral("malformed"), QStringLiteral("wgk_short"));

        auto a = call("POST", QStringLiteral("/api/v1/sessions"), QStringLiteral("adminA"), R"({"label":"Support line"})");
        QCOMPARE(a.status, 201);
        m_sessA = a.json().value(QStringLiteral("id")).toString();
        auto b = call("POST", QStringLiteral("/api/v1/sessions"), QStringLiteral("adminB"), R"({"label":"B line"})");
        QCOMPARE(b.status, 201);
        m_sessB = b.json().value(QStringLiteral("id")).toString();
        // A session with a linked number (pairing comes with the WhatsApp engine; here the row is
        // written as pairing would leave it).
        SessionInfo p = *m_engine->sessionRepository().get(m_orgA, m_sessA);
        p.id = ids::newUlid();
        p.label = QStringLiteral("Paired");
        p.status = SessionStatus::Stopped;
        p.phoneNumber = QStringLiteral("6281234567890");
        p.waJid = QStringLiteral("6281234567890:3@s.whatsapp.net");
        QVERIFY(m_engine->sessionRepository().insert(p));
        m_pairedA = p.id;
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_engine.reset();
        m_tdb.reset();
    }

    void routes_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code"); // error code, or empty for success

        const QByteArray json = "application/json";
        const QString A = QStringLiteral("adminA");
        auto row = [&](const char *name, const char *method, const char *path, const QString &token, const char *body,
                       int status, const char *code, QByteArray type = "application/json") {
            QTest::newRow(name) << QByteArray(method) << QString::fromLatin1(path) << token << QByteArray(body) << type
                                << status << QString::fromLatin1(code);
        };
        // success paths
        row("list", "GET", "/api/v1/sessions", A, "", 200, "");
        row("list filtered", "GET", "/api/v1/sessions?status=unpaired&pageSize=10", A, "", 200, "");
        row("create", "POST", "/api/v1/sessions", A, R"({"label":"New","ratePerMin":5,"ratePerHour":100,"autoRead":true})", 201, "");
        row("create ignores unknown fields", "POST", "/api/v1/sessions", A, R"({"label":"New","colour":"blue"})", 201, "");
        row("get", "GET", "/api/v1/sessions/{A}", A, "", 200, "");
        row("get read-only key", "GET", "/api/v1/sessions/{A}", QStringLiteral("readA"), "", 200, "");
        row("patch", "PATCH", "/api/v1/sessions/{A}", A, R"({"presenceTyping":false})", 200, "");
        row("stop is idempotent", "POST", "/api/v1/sessions/{A}:stop", A, "", 200, "");
        row("colon percent-encoded", "POST", "/api/v1/sessions/{A}%3Astop", A, "", 200, "");
        row("me", "GET", "/api/v1/me", QStringLiteral("readA"), "", 200, "");
        row("healthz needs no credential", "GET", "/healthz", QString(), "", 200, "");
        row("openapi needs no credential", "GET", "/api/v1/openapi.json", QString(), "", 200, "");
        row("metrics", "GET", "/metrics", A, "", 200, "");
        row("api keys list", "GET", "/api/v1/api-keys", A, "", 200, "");
        row("operators list", "GET", "/api/v1/operators", A, "", 200, "");
        row("jwks needs no credential", "GET", "/.well-known/jwks.json", QString(), "", 200, "");
        row("login malformed JSON", "POST", "/api/v1/auth/login", QString(), "{", 400, "invalid_argument");
        row("login missing password", "POST", "/api/v1/auth/login", QString(), R"({"organizationId":"org_x","username":"a"})", 400, "invalid_argument");
        row("login unknown user", "POST", "/api/v1/auth/login", QString(), R"({"organizationId":"org_x","username":"nobody","password":"whatever pass"})", 401, "unauthorized");
        row("operators by manage key", "GET", "/api/v1/operators", QStringLiteral("manageA"), "", 403, "forbidden");
        row("operator with bad id", "GET", "/api/v1/operators/a%2Fb", A, "", 400, "invalid_argument");
        row("no such operator", "DELETE", "/api/v1/operators/user_nope", A, "", 404, "not_found");
        row("garbage bearer token", "GET", "/api/v1/me", QStringLiteral("not.a.jwt"), "", 401, "unauthorized");
        // 400
        row("id with ../", "GET", "/api/v1/sessions/..%2Fx", A, "", 400, "invalid_argument");
        row("id of 65 chars", "GET", "/api/v1/sessions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", A, "", 400, "invalid_argument");
        row("id with NUL", "GET", "/api/v1/sessions/ab%00cd", A, "", 400, "invalid_argument");
        row("id with NUL on :start", "POST", "/api/v1/sessions/ab%00cd:start", A, "", 400, "invalid_argument");
        row("id with space", "DELETE", "/api/v1/sessions/a%20b", A, "", 400, "invalid_argument");
        row("malformed JSON", "POST", "/api/v1/sessions", A, R"({"label":)", 400, "invalid_argument");
        row("JSON array body", "POST", "/api/v1/sessions", A, R"(["label"])", 400, "invalid_argument");
        row("missing label", "POST", "/api/v1/sessions", A, R"({"autoRead":true})", 400, "invalid_argument");
        row("empty label", "POST", "/api/v1/sessions", A, R"({"label":"   "})", 400, "invalid_argument");
        row("label too long", "POST", "/api/v1/sessions", A, "{\"label\":\"" + QByteArray(101, 'x') + "\"}", 400, "invalid_argument");
        row("label wrong type", "POST", "/api/v1/sessions", A, R"({"label":42})", 400, "invalid_argument");
        row("autoRead wrong type", "POST", "/api/v1/sessions", A, R"({"label":"x","autoRead":"yes"})", 400, "invalid_argument");
        row("rate not integer", "POST", "/api/v1/sessions", A, R"({"label":"x","ratePerMin":1.5})", 400, "invalid_argument");
        row("rate zero", "POST", "/api/v1/sessions", A, R"({"label":"x","ratePerMin":0})", 400, "invalid_argument");
        row("rate negative", "PATCH", "/api/v1/sessions/{A}", A, R"({"ratePerHour":-1})", 400, "invalid_argument");
        row("rate huge", "PATCH", "/api/v1/sessions/{A}", A, R"({"ratePerHour":1e30})", 400, "invalid_argument");
        row("rate above maximum", "PATCH", "/api/v1/sessions/{A}", A, R"({"ratePerMin":1001})", 400, "invalid_argument");
        row("patch read-only field", "PATCH", "/api/v1/sessions/{A}", A, R"({"status":"working"})", 400, "invalid_argument");
        row("unknown status filter", "GET", "/api/v1/sessions?status=online", A, "", 400, "invalid_argument");
        row("pageSize too big", "GET", "/api/v1/sessions?pageSize=501", A, "", 400, "invalid_argument");
        row("pageSize not a number", "GET", "/api/v1/sessions?pageSize=ten", A, "", 400, "invalid_argument");
        row("garbage page token", "GET", "/api/v1/sessions?pageToken=%%%", A, "", 400, "invalid_argument");
        row("api key without capabilities", "POST", "/api/v1/api-keys", A, R"({"name":"x"})", 400, "invalid_argument");
        row("api key unknown capability", "POST", "/api/v1/api-keys", A, R"({"name":"x","capabilities":["root"]})", 400, "invalid_argument");
        // 401
        row("no credential", "GET", "/api/v1/sessions", QString(), "", 401, "unauthorized");
        row("malformed key", "GET", "/api/v1/sessions", QStringLiteral("malformed"), "", 401, "unauthorized");
        row("unknown key", "GET", "/api/v1/sessions", QStringLiteral("unknown"), "", 401, "unauthorized");
        row("revoked key", "GET", "/api/v1/sessions", QStringLiteral("revokedA"), "", 401, "unauthorized");
        row("not a bearer", "GET", "/api/v1/me", QStringLiteral("x y"), "", 401, "unauthorized");
        // 403
        row("read-only key on :start", "POST", "/api/v1/sessions/{A}:start", QStringLiteral("readA"), "", 403, "forbidden");
        row("read-only key creates", "POST", "/api/v1/sessions", QStringLiteral("readA"), R"({"label":"x"})", 403, "forbidden");
        row("read-only key deletes", "DELETE", "/api/v1/sessions/{A}", QStringLiteral("readA"), "", 403, "forbidden");
        row("manage key lists api keys", "GET", "/api/v1/api-keys", QStringLiteral("manageA"), "", 403, "forbidden");
        row("manage key creates admin session", "POST", "/api/v1/sessions", QStringLiteral("manageA"), R"({"label":"x","isAdminSession":true})", 403, "forbidden");
        row("manage key reads metrics", "GET", "/metrics", QStringLiteral("manageA"), "", 403, "forbidden");
        // 404
        row("another org's session", "GET", "/api/v1/sessions/{B}", A, "", 404, "not_found");
        row("another org's session :start", "POST", "/api/v1/sessions/{B}:start", A, "", 404, "not_found");
        row("another org's session, read-only key", "POST", "/api/v1/sessions/{B}:start", QStringLiteral("readA"), "", 404, "not_found");
        row("another org's session delete", "DELETE", "/api/v1/sessions/{B}", A, "", 404, "not_found");
        row("no such session", "GET", "/api/v1/sessions/01J9ZX8K2QHV0M3T6R7P4N5W8C", A, "", 404, "not_found");
        row("no such route", "GET", "/api/v2/sessions", A, "", 404, "not_found");
        row("no such api key", "DELETE", "/api/v1/api-keys/key_nope", A, "", 404, "not_found");
        // 405
        row("wrong method", "PUT", "/api/v1/sessions/{A}", A, "", 405, "method_not_allowed");
        row("GET on a custom method", "GET", "/api/v1/sessions/{A}:start", A, "", 405, "method_not_allowed");
        // 409
        row(":start with no number", "POST", "/api/v1/sessions/{A}:start", A, "", 409, "failed_precondition");
        row(":logout with no number", "POST", "/api/v1/sessions/{A}:logout", A, "", 409, "failed_precondition");
        // 415
        row("form body", "POST", "/api/v1/sessions", A, "label=x", 415, "unsupported_media_type", "application/x-www-form-urlencoded");
        row("text body on :start", "POST", "/api/v1/sessions/{A}:start", A, "go", 415, "unsupported_media_type", "text/plain");
        row(":start linked without stored credentials", "POST", "/api/v1/sessions/{P}:start", A, "", 409, "failed_precondition");
    }

    void routes()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, token);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, code);

        const RawReply r = call(method, expand(path), token, body, contentType);
        QCOMPARE(r.status, status);
        QVERIFY(!r.headers.value("x-request-id").isEmpty());
        if (!code.isEmpty()) {
            verifyEnvelope(r, code);
            if (status == 401)
                QVERIFY(r.headers.value("www-authenticate").startsWith("Bearer"));
            if (status == 405)
                QVERIFY(!r.headers.value("allow").isEmpty());
            if (code == u"invalid_argument" && path.contains(QStringLiteral("label")))
                QVERIFY(r.json()[QStringLiteral("error")][QStringLiteral("details")].toObject().contains(QStringLiteral("field")));
        } else if (r.headers.value("content-type").startsWith("application/json")) {
            QVERIFY2(!r.json().isEmpty(), r.body.constData());
        }
    }

    void wrongFieldIsNamedInDetails_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("label") << QByteArray(R"({"label":7})") << QStringLiteral("label");
        QTest::newRow("autoRead") << QByteArray(R"({"label":"x","autoRead":1})") << QStringLiteral("autoRead");
        QTest::newRow("presenceTyping") << QByteArray(R"({"label":"x","presenceTyping":null,"ratePerMin":"5"})") << QStringLiteral("ratePerMin");
        QTest::newRow("ratePerHour") << QByteArray(R"({"label":"x","ratePerHour":60001})") << QStringLiteral("ratePerHour");
    }
    void wrongFieldIsNamedInDetails()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const RawReply r = call("POST", QStringLiteral("/api/v1/sessions"), QStringLiteral("adminA"), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json()[QStringLiteral("error")][QStringLiteral("details")][QStringLiteral("field")].toString(), field);
    }

    void sessionResourceHasEveryField()
    {
        const RawReply r = call("GET", QStringLiteral("/api/v1/sessions/") + m_sessA);
        QCOMPARE(r.status, 200);
        QStringList keys = r.json().keys();
        QStringList expected{"id", "organizationId", "label", "phoneNumber", "waJid", "waLid", "status", "gatewayId",
                             "isAdminSession", "autoRead", "presenceTyping", "ratePerHour", "ratePerMin", "createdAt",
                             "updatedAt", "createdByUserId", "lastConnectedAt", "statusChangedAt", "lastError",
                             "sendingPausedUntil", "sendingPausedReason"};
        keys.sort();
        expected.sort();
        QCOMPARE(keys, expected);
        QCOMPARE(r.json()[QStringLiteral("status")].toString(), QStringLiteral("unpaired"));
        QVERIFY(r.json()[QStringLiteral("phoneNumber")].isNull());
        QVERIFY(r.json()[QStringLiteral("sendingPausedUntil")].isNull());
        QCOMPARE(r.json()[QStringLiteral("gatewayId")].toString(), QStringLiteral("gw-test"));
    }

    void patchThenDeleteThenGone()
    {
        auto created = call("POST", QStringLiteral("/api/v1/sessions"), QStringLiteral("manageA"), R"({"label":"Temp"})");
        QCOMPARE(created.status, 201);
        const QString id = created.json()[QStringLiteral("id")].toString();
        QCOMPARE(created.json()[QStringLiteral("ratePerMin")].toInt(), 20); // defaults
        QCOMPARE(created.json()[QStringLiteral("ratePerHour")].toInt(), 600);
        auto patched = call("PATCH", QStringLiteral("/api/v1/sessions/") + id, QStringLiteral("manageA"),
                            R"({"label":"  Billing  ","ratePerMin":30})");
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json()[QStringLiteral("label")].toString(), QStringLiteral("Billing"));
        QCOMPARE(patched.json()[QStringLiteral("ratePerMin")].toInt(), 30);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/sessions/") + id).json()[QStringLiteral("label")].toString(), QStringLiteral("Billing"));
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/sessions/") + id, QStringLiteral("manageA")).status, 204);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/sessions/") + id).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/sessions/") + id, QStringLiteral("manageA")).status, 404);
    }

    void meDescribesTheCaller()
    {
        const QJsonObject me = call("GET", QStringLiteral("/api/v1/me"), QStringLiteral("manageA")).json();
        QCOMPARE(me[QStringLiteral("organizationId")].toString(), m_orgA);
        QCOMPARE(me[QStringLiteral("kind")].toString(), QStringLiteral("apiKey"));
        QCOMPARE(me[QStringLiteral("organizationName")].toString(), QStringLiteral("Acme"));
        QCOMPARE(me[QStringLiteral("capabilities")].toArray().toVariantList(), (QVariantList{"read", "manage"}));
    }

    void apiKeySecretIsShownOnceAndRevocationBites()
    {
        auto created = call("POST", QStringLiteral("/api/v1/api-keys"), QStringLiteral("adminA"),
                            R"({"name":"deploy bot","capabilities":["read"]})");
        QCOMPARE(created.status, 201);
        const QString secret = created.json()[QStringLiteral("secret")].toString();
        const QString id = created.json()[QStringLiteral("id")].toString();
        QVERIFY(secret.startsWith(QStringLiteral("wgk_")));
        QVERIFY(secret.size() >= 4 + 43); // ≥ 256 bits of secret
        QVERIFY(created.json()[QStringLiteral("lastUsedAt")].isNull());
        QCOMPARE(call("GET", QStringLiteral("/api/v1/me"), secret).status, 200);
        const RawReply list = call("GET", QStringLiteral("/api/v1/api-keys"));
        bool used = false;
        for (const QJsonValue &k : list.json()[QStringLiteral("apiKeys")].toArray())
            if (k[QStringLiteral("id")].toString() == id)
                used = k[QStringLiteral("lastUsedAt")].toDouble() > 0;
        QVERIFY2(used, "a key that was used says when");
        QVERIFY(!list.body.contains(secret.toLatin1()));
        QVERIFY(!list.body.contains("secret"));
        QVERIFY(list.body.contains(id.toLatin1()));
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/api-keys/") + id, QStringLiteral("adminB")).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/api-keys/") + id).status, 204);
        const RawReply after = call("GET", QStringLiteral("/api/v1/me"), secret);
        QCOMPARE(after.status, 401);
        verifyEnvelope(after, QStringLiteral("unauthorized"));
    }

    void hostHeader_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<int>("status");
        QTest::newRow("127.0.0.1 with port") << QByteArray("127.0.0.1:%1") << 200;
        QTest::newRow("localhost with port") << QByteArray("localhost:%1") << 200;
        QTest::newRow("localhost without port") << QByteArray("localhost") << 200;
        QTest::newRow("ipv6 loopback") << QByteArray("[::1]:%1") << 200;
        QTest::newRow("rebinding name") << QByteArray("evil.example:%1") << 403;
        QTest::newRow("other port") << QByteArray("127.0.0.1:1") << 403;
        QTest::newRow("lan address") << QByteArray("192.168.1.10:%1") << 403;
        QTest::newRow("empty") << QByteArray("") << 403;
    }
    void hostHeader()
    {
        QFETCH(QByteArray, host);
        QFETCH(int, status);
        host.replace("%1", QByteArray::number(m_port));
        const QByteArray req = "GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
        const RawReply r = rawExchange(m_port, req);
        QCOMPARE(r.status, status);
        if (status == 403)
            verifyEnvelope(r, QStringLiteral("forbidden"));
    }

    void bodyOverOneMebibyteIsRefusedBeforeItIsBuffered()
    {
        const QByteArray twoMiB(2 << 20, 'x');
        const qint64 before = residentKiB();
        for (int i = 0; i < 20; ++i) {
            // Declared length: refused as soon as the headers are in, before any body byte is sent.
            const QByteArray head = "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port)
                                    + "\r\nAuthorization: Bearer " + m_tokens[QStringLiteral("adminA")].toLatin1()
                                    + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(2 << 20)
                                    + "\r\n\r\n";
            const RawReply r = rawExchange(m_port, head, twoMiB);
            QCOMPARE(r.status, 413);
            verifyEnvelope(r, QStringLiteral("payload_too_large"));
            QVERIFY2(r.bytesSent < (1 << 20), "the server answered before taking the body");
        }
        // Chunked: no declared length, refused once the streamed body passes the limit.
        QByteArray chunked;
        for (int i = 0; i < 40; ++i)
            chunked += QByteArray::number(0xC000, 16) + "\r\n" + QByteArray(0xC000, 'y') + "\r\n";
        chunked += "0\r\n\r\n";
        const QByteArray head = "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port)
                                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        const RawReply r = rawExchange(m_port, head, chunked);
        QCOMPARE(r.status, 413);
        QVERIFY(r.bytesSent < chunked.size());
        // 21 refused 2 MiB bodies would be 42 MiB if buffered; the process grew by far less. (Under
        // AddressSanitizer freed memory sits in quarantine, so resident size says nothing there.)
#if !defined(__SANITIZE_ADDRESS__)
        const qint64 grownKiB = residentKiB() - before;
        QVERIFY2(grownKiB < 8 * 1024, qPrintable(QStringLiteral("grew by %1 KiB").arg(grownKiB)));
#else
        Q_UNUSED(before);
#endif
        // The server still serves.
        QCOMPARE(call("GET", QStringLiteral("/healthz"), QString()).status, 200);
    }

    void bodyJustUnderTheLimitIsAccepted()
    {
        QByteArray body = "{\"label\":\"Near limit\",\"padding\":\"";
        body += QByteArray((1 << 20) - body.size() - 2, 'p');
        body += "\"}";
        QCOMPARE(body.size(), 1 << 20);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/sessions"), QStringLiteral("adminA"), body).status, 201);
    }

    void paginationThrough1200Sessions()
    {
        const QString org = ids::newOrganizationId();
        QVERIFY(m_engine->organizations().insert({org, QStringLiteral("Big"), 1}));
        auto key = m_engine->apiKeys().create(Principal::system(org), QStringLiteral("big"), Capability::Read | Capability::Manage);
        QVERIFY(key);
        QSet<QString> created;
        QVERIFY(m_engine->database().transaction([&]() -> Result<void> {
            for (int i = 0; i < 1200; ++i) {
                SessionInfo s;
                s.id = ids::newUlid();
                s.organizationId = org;
                s.label = QStringLiteral("s%1").arg(i);
                s.gatewayId = QStringLiteral("gw-test");
                s.createdAt = s.updatedAt = s.statusChangedAt = 1;
                s.createdByUserId = QStringLiteral("t");
                if (i % 4 == 0)
                    s.status = SessionStatus::Failed;
                if (auto r = m_engine->sessionRepository().insert(s); !r)
                    return r;
                created.insert(s.id);
            }
            return {};
        }));
        for (const int pageSize : {500, 37}) {
            QSet<QString> seen;
            QString token;
            int pages = 0;
            do {
                QString path = QStringLiteral("/api/v1/sessions?pageSize=%1").arg(pageSize);
                if (!token.isEmpty())
                    path += QStringLiteral("&pageToken=") + QString::fromLatin1(QUrl::toPercentEncoding(token));
                const RawReply r = call("GET", path, key->token);
                QCOMPARE(r.status, 200);
                const QJsonArray sessions = r.json()[QStringLiteral("sessions")].toArray();
                QVERIFY(sessions.size() <= pageSize);
                for (const QJsonValue &v : sessions) {
                    const QString id = v[QStringLiteral("id")].toString();
                    QVERIFY2(!seen.contains(id), "duplicate");
                    seen.insert(id);
                }
                token = r.json()[QStringLiteral("nextPageToken")].toString();
                ++pages;
                // A session created between pages shows up on a later page, never twice.
                if (pages == 2 && pageSize == 500) {
                    const RawReply c = call("POST", QStringLiteral("/api/v1/sessions"), key->token, R"({"label":"late"})");
                    QCOMPARE(c.status, 201);
                    created.insert(c.json()[QStringLiteral("id")].toString());
                }
            } while (!token.isEmpty());
            QCOMPARE(seen, created);
        }
        // The status filter pages too, and a token cannot be replayed with another filter.
        const RawReply failedPage = call("GET", QStringLiteral("/api/v1/sessions?status=failed&pageSize=100"), key->token);
        QCOMPARE(failedPage.json()[QStringLiteral("sessions")].toArray().size(), 100);
        const QString t = failedPage.json()[QStringLiteral("nextPageToken")].toString();
        QVERIFY(!t.isEmpty());
        QCOMPARE(call("GET", QStringLiteral("/api/v1/sessions?status=failed&pageToken=") + t, key->token).status, 200);
        const RawReply replay = call("GET", QStringLiteral("/api/v1/sessions?status=working&pageToken=") + t, key->token);
        QCOMPARE(replay.status, 400);
        verifyEnvelope(replay, QStringLiteral("invalid_argument"));
    }

    void concurrentCreates()
    {
        QNetworkAccessManager nam;
        const int n = 60;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < n; ++i) {
            QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/sessions").arg(m_port)));
            req.setRawHeader("Authorization", "Bearer " + m_tokens[QStringLiteral("manageA")].toLatin1());
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            replies << nam.post(req, QByteArray("{\"label\":\"concurrent ") + QByteArray::number(i) + "\"}");
        }
        QSet<QString> ids;
        for (QNetworkReply *r : replies) {
            if (!r->isFinished())
                QVERIFY(QSignalSpy(r, &QNetworkReply::finished).wait(15000));
            QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
            const QString id = QJsonDocument::fromJson(r->readAll()).object()[QStringLiteral("id")].toString();
            QVERIFY(ids::isUlid(id));
            ids.insert(id);
            r->deleteLater();
        }
        QCOMPARE(ids.size(), n);
        for (const QString &id : ids)
            QCOMPARE(m_engine->sessionRepository().get(m_orgA, id)->label.left(10), QStringLiteral("concurrent"));
    }

    void deferredAnswerSurvivesClientsThatLeave()
    {
        // 30 clients ask for a late answer and leave before it comes: the server must not touch
        // their freed sockets (QtHttpServer 6.4 crashes there without the guard). Every one of the
        // 30 requests reaches the server and every late answer is sent — into a closed connection.
        m_deferredAsked = m_deferredAnswered = 0;
        QList<QTcpSocket *> sockets;
        for (int i = 0; i < 30; ++i) {
            auto *s = new QTcpSocket(this);
            s->connectToHost(QHostAddress::LocalHost, m_port);
            s->write(buildRequest("GET", "/test/deferred", m_port));
            sockets << s;
        }
        QTRY_COMPARE(m_deferredAsked, 30);
        QCOMPARE(m_deferredAnswered, 0); // all of them leave before their answer
        for (QTcpSocket *s : sockets) {
            s->abort();
            s->deleteLater();
        }
        QTRY_COMPARE(m_deferredAnswered, 30);
        const RawReply r = rawExchange(m_port, buildRequest("GET", "/test/deferred", m_port));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[QStringLiteral("late")].toBool(), true);
    }

    void headAnswersAsGetWouldWithoutABody_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("a session") << "/api/v1/sessions/{A}" << 200;
        QTest::newRow("a list") << "/api/v1/sessions?pageSize=2" << 200;
        QTest::newRow("health") << "/healthz" << 200;
        QTest::newRow("an error") << "/api/v1/sessions/{B}" << 404;
        QTest::newRow("a QR code, when no pairing runs") << "/api/v1/sessions/{A}/qr" << 409;
    }
    void headAnswersAsGetWouldWithoutABody()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        const QByteArray target = expand(path).toLatin1();
        const RawReply get = call("GET", expand(path));
        QCOMPARE(get.status, status);
        // HEAD, then GET, pipelined on one connection: if HEAD wrote a body, the second answer would
        // not start where the first one's headers end.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray auth = "Authorization: Bearer " + m_tokens.value(QStringLiteral("adminA")).toLatin1() + "\r\n";
        const QByteArray host = "Host: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
        socket.write("HEAD " + target + " HTTP/1.1\r\n" + host + auth + "\r\n");
        socket.write("GET " + target + " HTTP/1.1\r\n" + host + auth + "Connection: close\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll(), socket.state() != QAbstractSocket::ConnectedState), 15000);
        received += socket.readAll();
        const qsizetype headEnd = received.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        const QByteArray headHeaders = received.left(headEnd);
        QVERIFY2(headHeaders.startsWith("HTTP/1.1 " + QByteArray::number(status)), headHeaders.constData());
        QVERIFY(headHeaders.toLower().contains("content-length: " + QByteArray::number(get.body.size())));
        QVERIFY2(received.mid(headEnd + 4).startsWith("HTTP/1.1 " + QByteArray::number(status)), "HEAD sent no body");
        QVERIFY(received.endsWith(get.body.right(20)) || get.body.isEmpty());
    }

    void headStartsNothing()
    {
        // HEAD of the QR code (a read) and of an event stream: no pairing, no stream left open.
        const int active = m_engine->manager().activeCount();
        const RawReply qr = call("HEAD", expand(QStringLiteral("/api/v1/sessions/{A}/qr")));
        QCOMPARE(qr.status, 409);
        QVERIFY(qr.body.isEmpty());
        QCOMPARE(m_engine->manager().activeCount(), active);
        QCOMPARE(m_engine->sessionRepository().get(m_orgA, m_sessA)->status, SessionStatus::Unpaired);
        const RawReply events = call("HEAD", QStringLiteral("/api/v1/events"));
        QCOMPARE(events.status, 200);
        QVERIFY(events.headers.value("content-type").startsWith("text/event-stream"));
        QVERIFY(events.body.isEmpty());
        QTRY_COMPARE(m_api->eventStreamCount(), 0);
    }

    void framingTwoParsersCouldReadDifferentlyIsRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("length and chunked") << QByteArray("POST /api/v1/sessions HTTP/1.1\r\nContent-Length: 4\r\n"
                                                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        QTest::newRow("a transfer coding other than chunked") << QByteArray("POST /api/v1/sessions HTTP/1.1\r\n"
                                                                            "Transfer-Encoding: gzip\r\n\r\n");
    }
    void framingTwoParsersCouldReadDifferentlyIsRefused()
    {
        QFETCH(QByteArray, request);
        request.insert(request.indexOf("\r\n") + 2, "Host: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n");
        const RawReply r = rawExchange(m_port, request);
        QCOMPARE(r.status, 400);
        verifyEnvelope(r, QStringLiteral("invalid_argument"));
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
    }

    void operatorsSignInWithPasswordsAndActByTheirRole()
    {
        const RawReply created = call("POST", QStringLiteral("/api/v1/operators"), QStringLiteral("adminA"),
                                      R"({"username":"Alice","password":"correct horse battery","role":"operator"})");
        QCOMPARE(created.status, 201);
        const QString aliceId = created.json()[QStringLiteral("id")].toString();
        QVERIFY(aliceId.startsWith(QStringLiteral("user_")));
        QVERIFY(!created.body.contains("correct horse"));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/operators"), QStringLiteral("adminA"),
                      R"({"username":"alice","password":"another long one","role":"viewer"})").status, 409);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/operators"), QStringLiteral("adminA"),
                      R"({"username":"bob","password":"short","role":"viewer"})").status, 400);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/operators"), QStringLiteral("manageA"),
                      R"({"username":"eve","password":"long enough pass","role":"owner"})").status, 403);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/operators/") + aliceId, QStringLiteral("adminB")).status, 404);

        const QByteArray login = "{\"organizationId\":\"" + m_orgA.toLatin1()
                                 + "\",\"username\":\"alice\",\"password\":\"correct horse battery\"}";
        const RawReply ok = call("POST", QStringLiteral("/api/v1/auth/login"), QString(), login);
        QCOMPARE(ok.status, 200);
        const QString token = ok.json()[QStringLiteral("token")].toString();
        QCOMPARE(token.count(u'.'), 2);
        QVERIFY(ok.json()[QStringLiteral("expiresAt")].toDouble() > QDateTime::currentMSecsSinceEpoch() + 14 * 60 * 1000);

        const QJsonObject me = call("GET", QStringLiteral("/api/v1/me"), token).json();
        QCOMPARE(me[QStringLiteral("kind")].toString(), QStringLiteral("user"));
        QCOMPARE(me[QStringLiteral("userId")].toString(), aliceId);
        QCOMPARE(me[QStringLiteral("role")].toString(), QStringLiteral("operator"));
        QCOMPARE(me[QStringLiteral("capabilities")].toArray().toVariantList(), (QVariantList{"read", "manage", "send"}));
        // The same authorization as API keys: an operator manages sessions but not keys.
        QCOMPARE(call("POST", QStringLiteral("/api/v1/sessions"), token, R"({"label":"by alice"})").status, 201);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/api-keys"), token).status, 403);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/sessions/") + m_sessB, token).status, 404);

        // A tampered token is refused.
        QString tampered = token;
        tampered[tampered.size() - 2] = tampered[tampered.size() - 2] == u'A' ? u'B' : u'A';
        QCOMPARE(call("GET", QStringLiteral("/api/v1/me"), tampered).status, 401);

        // The published keys verify it: the JWKS names the token's kid.
        const RawReply jwks = call("GET", QStringLiteral("/.well-known/jwks.json"), QString());
        QCOMPARE(jwks.status, 200);
        QVERIFY(jwks.headers.value("cache-control").contains("max-age"));
        const QByteArray header = QByteArray::fromBase64(token.section(u'.', 0, 0).toLatin1(), QByteArray::Base64UrlEncoding);
        const QString kid = QJsonDocument::fromJson(header).object()[QStringLiteral("kid")].toString();
        bool found = false;
        for (const QJsonValue &k : jwks.json()[QStringLiteral("keys")].toArray())
            found |= k[QStringLiteral("kid")].toString() == kid && k[QStringLiteral("crv")].toString() == u"Ed25519";
        QVERIFY(found);

        // An administrator's change counts for the token alice already holds, not at its expiry.
        QCOMPARE(call("PATCH", QStringLiteral("/api/v1/operators/") + aliceId, QStringLiteral("adminA"), R"({"role":"viewer"})")
                     .json()[QStringLiteral("role")].toString(), QStringLiteral("viewer"));
        const QJsonObject demoted = call("GET", QStringLiteral("/api/v1/me"), token).json();
        QCOMPARE(demoted[QStringLiteral("role")].toString(), QStringLiteral("viewer"));
        QCOMPARE(demoted[QStringLiteral("capabilities")].toArray().toVariantList(), (QVariantList{"read"}));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/sessions"), token, R"({"label":"by a viewer"})").status, 403);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/sessions"), token).status, 200);
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/operators/") + aliceId, QStringLiteral("adminA")).status, 204);
        const RawReply removed = call("GET", QStringLiteral("/api/v1/me"), token);
        QCOMPARE(removed.status, 401);
        verifyEnvelope(removed, QStringLiteral("unauthorized"));
        QCOMPARE(removed.json()[QStringLiteral("error")][QStringLiteral("message")].toString(),
                 QStringLiteral("this operator account no longer exists"));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/auth/login"), QString(), login).status, 401);
    }

    void failedLoginsAreThrottled()
    {
        QCOMPARE(call("POST", QStringLiteral("/api/v1/operators"), QStringLiteral("adminA"),
                      R"({"username":"carol","password":"carols real password!","role":"viewer"})").status, 201);
        const QByteArray wrong = "{\"organizationId\":\"" + m_orgA.toLatin1()
                                 + "\",\"username\":\"carol\",\"password\":\"guess guess guess\"}";
        int status = 0;
        RawReply last;
        for (int i = 0; i < 12 && status != 429; ++i) {
            last = call("POST", QStringLiteral("/api/v1/auth/login"), QString(), wrong);
            status = last.status;
            if (status != 429) {
                QCOMPARE(status, 401);
                verifyEnvelope(last, QStringLiteral("unauthorized"));
            }
        }
        QCOMPARE(status, 429);
        verifyEnvelope(last, QStringLiteral("rate_limited"));
        QVERIFY(last.headers.value("retry-after").toInt() >= 1);
        // While throttled even the right password waits.
        const QByteArray right = "{\"organizationId\":\"" + m_orgA.toLatin1()
                                 + "\",\"username\":\"carol\",\"password\":\"carols real password!\"}";
        QCOMPARE(call("POST", QStringLiteral("/api/v1/auth/login"), QString(), right).status, 429);
    }

    void openApiDocumentsEveryRoute()
    {
        const QJsonObject doc = QJsonDocument::fromJson(ApiServer::openApiDocument()).object();
        QVERIFY2(doc[QStringLiteral("openapi")].toString().startsWith(QStringLiteral("3.")), "an OpenAPI 3 document");
        const QJsonObject paths = doc[QStringLiteral("paths")].toObject();
        int checked = 0;
        for (const Route &route : m_api->router().routes()) {
            if (route.pattern.startsWith(QStringLiteral("/test/")))
                continue;
            const QJsonObject item = paths.value(route.pattern).toObject();
            QVERIFY2(!item.isEmpty(), qPrintable(QStringLiteral("%1 is missing from openapi.json").arg(route.pattern)));
            const QJsonObject op = item.value(QString::fromLatin1(route.method).toLower()).toObject();
            QVERIFY2(!op.isEmpty(), qPrintable(QStringLiteral("%1 %2 is missing from openapi.json")
                                                   .arg(QString::fromLatin1(route.method), route.pattern)));
            QVERIFY2(op.contains(QStringLiteral("responses")), qPrintable(route.pattern));
            const bool documentedPublic = op.contains(QStringLiteral("security")) && op[QStringLiteral("security")].toArray().isEmpty();
            QCOMPARE(documentedPublic, route.access == Route::Access::Public);
            ++checked;
        }
        QVERIFY(checked >= 14);
        // And nothing documented that does not exist; every operation named, once, for generated clients.
        QSet<QString> operationIds;
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            for (const QString &method : it.value().toObject().keys()) {
                if (method == u"parameters")
                    continue;
                const QString operationId = it.value().toObject().value(method).toObject().value(QStringLiteral("operationId")).toString();
                QVERIFY2(!operationId.isEmpty(), qPrintable(QStringLiteral("no operationId: %1 %2").arg(method, it.key())));
                QVERIFY2(!operationIds.contains(operationId), qPrintable(QStringLiteral("operationId used twice: ") + operationId));
                operationIds.insert(operationId);
                bool found = false;
                for (const Route &route : m_api->router().routes())
                    found |= route.pattern == it.key() && QString::fromLatin1(route.method).toLower() == method;
                QVERIFY2(found, qPrintable(QStringLiteral("documented but not served: %1 %2").arg(method, it.key())));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
