// Webhooks as a receiver meets them: the gateway on SQLite (and PostgreSQL for the delivery path), its
// sessions against wasim in-process, a receiver on loopback that is up, down, or gone. Every event is
// delivered at least once with a signature the independent Standard Webhooks library verifies, the
// same webhook-id on every attempt; a restart with deliveries pending loses none; a rotated secret
// verifies with both secrets while they overlap; 410 disables; link-local targets are refused.

#include "api/apiserver.h"
#include "auth/apikeys.h"
#include "core/ids.h"
#include "engine/engine.h"
#include "engine/messageservice.h"
#include "engine/sessionevents.h"
#include "engine/webhookservice.h"
#include "rawhttp.h"
#include "store/organizationrepository.h"
#include "testdatabase.h"
#include "webhookreceiver.h"

#include "wasim/wasimserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QThreadPool>

using namespace wagate;
using namespace wagate::test;
using namespace wagate::wasim;

namespace {

constexpr int kWait = 20000;
const QString kGateway = QStringLiteral("15550001111");
const QString kBob = QStringLiteral("15550002222");

} // namespace

class TestWebhooks : public QObject
{
    Q_OBJECT

    std::unique_ptr<WasimServer> m_sim;
    std::unique_ptr<TestDatabase> m_tdb;
    EngineConfig m_config;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ApiServer> m_api;
    quint16 m_port = 0;
    QString m_org, m_admin, m_reader, m_session;

    bool start()
    {
        m_api.reset();
        m_engine.reset();
        m_config.database.connectionName = QStringLiteral("w") + ids::newUlid();
        m_engine = std::make_unique<Engine>(m_config);
        if (!startEngine(*m_engine))
            return false;
        ApiConfig api;
        api.port = 0;
        m_api = std::make_unique<ApiServer>(*m_engine, api);
        if (!m_api->listen())
            return false;
        m_port = m_api->port();
        return true;
    }

    bool boot(TestDatabase::Backend backend)
    {
        m_api.reset();
        m_engine.reset();
        m_tdb = std::make_unique<TestDatabase>(backend);
        if (!m_tdb->available())
            return false;
        m_sim = std::make_unique<WasimServer>();
        if (!m_sim->listen() || !m_sim->addPhone(kGateway, QStringLiteral("Gateway")) || !m_sim->addPhone(kBob, QStringLiteral("Bob")))
            return false;
        m_config = engineConfig(*m_tdb, QStringLiteral("w") + ids::newUlid());
        m_config.whatsapp.url = m_sim->url();
        m_config.whatsapp.rootKey = m_sim->rootPublicKey();
        m_config.whatsapp.initialPreKeyBatch = 30;
        m_config.webhooks.retryBaseMs = 150;
        m_config.webhooks.retryMaxMs = 600;
        m_config.webhooks.pollMs = 200;
        if (!start())
            return false;
        m_org = ids::newOrganizationId();
        if (!m_engine->organizations().insert({m_org, QStringLiteral("Acme"), 1}))
            return false;
        auto admin = m_engine->apiKeys().create(Principal::system(m_org), QStringLiteral("admin"),
                                                Capability::Read | Capability::Manage | Capability::Send | Capability::Admin);
        auto reader = m_engine->apiKeys().create(Principal::system(m_org), QStringLiteral("reader"), Capability::Read);
        if (!admin || !reader)
            return false;
        m_admin = admin->token;
        m_reader = reader->token;
        auto created = call("POST", QStringLiteral("/api/v1/sessions"), R"({"label":"Support","ratePerMin":1000,"presenceTyping":false})");
        m_session = created.json().value(QStringLiteral("id")).toString();
        const RawReply qr = call("POST", QStringLiteral("/api/v1/sessions/%1/qr").arg(m_session));
        if (qr.status != 200 || !m_sim->scanQr(kGateway, qr.json().value(QStringLiteral("qr")).toString()))
            return false;
        QDeadlineTimer deadline(kWait);
        while (status() != QLatin1String("working") && !deadline.hasExpired())
            QTest::qWait(10);
        return status() == QLatin1String("working");
    }

    QString status() { return call("GET", QStringLiteral("/api/v1/sessions/") + m_session).json().value(QStringLiteral("status")).toString(); }

    RawReply call(const QByteArray &method, const QString &path, const QByteArray &body = {}, const QString &token = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers{{QByteArray("Authorization"), "Bearer " + (token.isEmpty() ? m_admin : token).toLatin1()}};
        if (!body.isEmpty())
            headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        return rawExchange(m_port, buildRequest(method, path.toLatin1(), m_port, body, headers));
    }

    QJsonObject createWebhook(const QString &url, const QStringList &events)
    {
        const QJsonObject body{{QStringLiteral("url"), url}, {QStringLiteral("events"), QJsonArray::fromStringList(events)}};
        const RawReply r = call("POST", QStringLiteral("/api/v1/webhooks"), QJsonDocument(body).toJson());
        if (r.status != 201)
            qWarning() << "webhook not created:" << r.status << r.body;
        return r.json();
    }

private slots:
    void initTestCase() { QVERIFY(boot(TestDatabase::Backend::Sqlite)); }
    void cleanupTestCase()
    {
        m_api.reset();
        m_engine.reset();
        QThreadPool::globalInstance()->waitForDone();
    }

    void badWebhooksAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("metadata service") << QByteArray("{\"url\":\"http://169.254.169.254/latest\",\"events\":[\"message.received\"]}") << "url";
        QTest::newRow("IPv6 link-local") << QByteArray("{\"url\":\"http://[fe80::1]:8080/h\",\"events\":[\"message.received\"]}") << "url";
        QTest::newRow("not http") << QByteArray("{\"url\":\"ftp://example.com/h\",\"events\":[\"message.received\"]}") << "url";
        QTest::newRow("no host") << QByteArray("{\"url\":\"http:///h\",\"events\":[\"message.received\"]}") << "url";
        QTest::newRow("credentials in url") << QByteArray("{\"url\":\"http://u:p@example.com/h\",\"events\":[\"message.received\"]}") << "url";
        QTest::newRow("no url") << QByteArray(R"({"events":["message.received"]})") << "url";
        QTest::newRow("unknown event") << QByteArray("{\"url\":\"http://example.com/h\",\"events\":[\"message.deleted\"]}") << "events";
        QTest::newRow("no events") << QByteArray("{\"url\":\"http://example.com/h\",\"events\":[]}") << "events";
        QTest::newRow("events not a list") << QByteArray("{\"url\":\"http://example.com/h\",\"events\":\"message.status\"}") << "events";
    }
    void badWebhooksAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const RawReply r = call("POST", QStringLiteral("/api/v1/webhooks"), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json()[QStringLiteral("error")][QStringLiteral("details")][QStringLiteral("field")].toString(), field);
    }

    void onlyAdminsManageWebhooks()
    {
        const RawReply r = call("POST", QStringLiteral("/api/v1/webhooks"), "{\"url\":\"http://example.com/h\",\"events\":[\"message.status\"]}", m_reader);
        QCOMPARE(r.status, 403);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/webhooks"), {}, m_reader).status, 403);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/webhooks/wh_01J9ZX8K2QHV0M3T6R7P4N5W8C")).status, 404);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/webhooks/nope")).status, 400);
    }

    //! A receiver that is down, a gateway restarted meanwhile, the receiver up: every event arrives,
    //! signed, with the same id on every attempt — on each store.
    void everyEventArrivesSigned_data()
    {
        QTest::addColumn<int>("backend");
        QTest::newRow("sqlite") << int(TestDatabase::Backend::Sqlite);
        QTest::newRow("postgres") << int(TestDatabase::Backend::Postgres);
    }
    void everyEventArrivesSigned()
    {
        QFETCH(int, backend);
        if (!boot(TestDatabase::Backend(backend))) {
            if (m_tdb && !m_tdb->available()) {
                if (TestDatabase::postgresRequired())
                    QFAIL(qPrintable(m_tdb->skipReason()));
                QSKIP(qPrintable(m_tdb->skipReason()));
            }
            QFAIL("the fixture did not start");
        }
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.status = 503; // down
        const QJsonObject hook = createWebhook(receiver.url(), {QStringLiteral("message.status"), QStringLiteral("message.received"),
                                                               QStringLiteral("session.status")});
        const QString secret = hook[QStringLiteral("secret")].toString();
        QVERIFY(secret.startsWith(QLatin1String("whsec_")));
        QCOMPARE(QByteArray::fromBase64(secret.mid(6).toLatin1()).size(), 32);
        const QString hookId = hook[QStringLiteral("id")].toString();
        QVERIFY(!call("GET", QStringLiteral("/api/v1/webhooks/") + hookId).json().contains(QStringLiteral("secret"))); // shown once

        const RawReply sent = call("POST", QStringLiteral("/api/v1/sessions/%1/messages").arg(m_session), R"({"to":"15550002222","text":"Your parcel left"})");
        QCOMPARE(sent.status, 202);
        const QString messageId = sent.json()[QStringLiteral("id")].toString();
        QVERIFY(m_sim->phoneSendText(kBob, kGateway, QStringLiteral("thanks, when will it arrive?")));
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", QStringLiteral("/api/v1/sessions/%1/messages/%2").arg(m_session, messageId))
                                      .json()[QStringLiteral("status")].toString(), QStringLiteral("delivered"), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(receiver.requests.size() >= 3, kWait); // tried, refused
        QVERIFY(receiver.bodies().size() >= 3);

        // The gateway goes down with deliveries pending; the receiver comes up; the gateway starts again.
        m_api.reset();
        m_engine.reset();
        receiver.requests.clear();
        receiver.status = 204;
        QVERIFY(start());
        const QStringList outPath{QStringLiteral("queued"), QStringLiteral("sending"), QStringLiteral("sent"), QStringLiteral("delivered")};
        const auto statuses = [&] {
            QStringList out;
            for (const QJsonObject &b : receiver.bodies(QStringLiteral("message.status")))
                if (b[QStringLiteral("data")][QStringLiteral("id")].toString() == messageId && !out.contains(b[QStringLiteral("data")][QStringLiteral("status")].toString()))
                    out << b[QStringLiteral("data")][QStringLiteral("status")].toString();
            return out;
        };
        QTRY_VERIFY_WITH_TIMEOUT(statuses().size() == outPath.size() && !receiver.bodies(QStringLiteral("message.received")).isEmpty(), kWait);
        QStringList got = statuses();
        std::sort(got.begin(), got.end(), [&](const QString &a, const QString &b) { return outPath.indexOf(a) < outPath.indexOf(b); });
        QCOMPARE(got, outPath);
        const QJsonObject in = receiver.bodies(QStringLiteral("message.received")).first();
        QCOMPARE(in[QStringLiteral("data")][QStringLiteral("text")].toString(), QStringLiteral("thanks, when will it arrive?"));
        QVERIFY(!receiver.bodies(QStringLiteral("session.status")).isEmpty());
        // Each request carries the Standard Webhooks headers; the library verifies every one.
        QList<QPair<QString, WebhookReceiver::Request>> entries;
        for (const WebhookReceiver::Request &r : receiver.requests) {
            QVERIFY(ids::isUlid(QString::fromLatin1(r.headers.value("webhook-id"))));
            QVERIFY(qAbs(r.headers.value("webhook-timestamp").toLongLong() - QDateTime::currentSecsSinceEpoch()) < 60);
            QVERIFY(r.headers.value("webhook-signature").startsWith("v1,"));
            QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
            entries.append({secret, r});
        }
        QVERIFY(verifiedByStandardWebhooks(entries));
        // The deliveries say so; the refused attempts are counted.
        QTRY_VERIFY_WITH_TIMEOUT(call("GET", QStringLiteral("/api/v1/webhooks/%1/deliveries?status=pending").arg(hookId))
                                     .json()[QStringLiteral("deliveries")].toArray().isEmpty(), kWait);
        const QJsonArray delivered = call("GET", QStringLiteral("/api/v1/webhooks/%1/deliveries?status=delivered&pageSize=500").arg(hookId))
                                         .json()[QStringLiteral("deliveries")].toArray();
        QVERIFY(delivered.size() >= 6);
        QVERIFY(std::any_of(delivered.begin(), delivered.end(), [](const QJsonValue &d) { return d[QStringLiteral("attempts")].toInt() > 1; }));
        // The event id is the webhook-id, the same on every attempt: ids of the refused attempts
        // before the restart are among those delivered after it.
        QSet<QString> deliveredIds;
        for (const QJsonValue d : delivered)
            deliveredIds.insert(d[QStringLiteral("eventId")].toString());
        for (const WebhookReceiver::Request &r : receiver.requests)
            QVERIFY(deliveredIds.contains(QString::fromLatin1(r.headers.value("webhook-id"))));
        // Finished deliveries go with the retention period, like the messages they carry.
        m_engine->messages().setRetention(1);
        QTest::qWait(5);
        QVERIFY(m_engine->messages().pruneNow());
        QVERIFY(call("GET", QStringLiteral("/api/v1/webhooks/%1/deliveries?pageSize=500").arg(hookId)).json()[QStringLiteral("deliveries")].toArray().isEmpty());
        m_engine->messages().setRetention(30LL * 24 * 3600 * 1000);
    }

    void aHangingReceiverDelaysOnlyItself()
    {
        WebhookReceiver hanging, healthy;
        QVERIFY(hanging.listen() && healthy.listen());
        hanging.silent = true;
        const QString slow = createWebhook(hanging.url(), {QStringLiteral("message.status")})[QStringLiteral("id")].toString();
        const QString fast = createWebhook(healthy.url(), {QStringLiteral("message.status")})[QStringLiteral("id")].toString();
        QStringList ids;
        for (int i = 0; i < 10; ++i)
            ids << call("POST", QStringLiteral("/api/v1/sessions/%1/messages").arg(m_session),
                        QStringLiteral("{\"to\":\"15550002222\",\"text\":\"update %1\"}").arg(i).toUtf8())
                       .json()[QStringLiteral("id")].toString();
        // The healthy receiver gets every event while the other holds its four attempts open.
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            QSet<QString> delivered;
            for (const QJsonObject &b : healthy.bodies(QStringLiteral("message.status")))
                if (b[QStringLiteral("data")][QStringLiteral("status")].toString() == u"delivered")
                    delivered.insert(b[QStringLiteral("data")][QStringLiteral("id")].toString());
            return delivered == QSet<QString>(ids.cbegin(), ids.cend());
        }(), kWait);
        QCOMPARE(hanging.requests.size(), 4); // at most four at a time per webhook
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/webhooks/") + slow).status, 204);
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/webhooks/") + fast).status, 204);
    }

    void rotationTestAndGone()
    {
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        const QJsonObject hook = createWebhook(receiver.url(), {QStringLiteral("message.status")});
        const QString id = hook[QStringLiteral("id")].toString(), oldSecret = hook[QStringLiteral("secret")].toString();
        const RawReply rotated = call("POST", QStringLiteral("/api/v1/webhooks/%1:rotateSecret").arg(id));
        QCOMPARE(rotated.status, 200);
        const QString newSecret = rotated.json()[QStringLiteral("secret")].toString();
        QVERIFY(newSecret.startsWith(QLatin1String("whsec_")) && newSecret != oldSecret);
        QVERIFY(rotated.json()[QStringLiteral("previousSecretExpiresAt")].toInteger() > QDateTime::currentMSecsSinceEpoch() + 23 * 3600 * 1000LL);
        // A test event: two signatures while the rotation overlaps; each secret verifies it.
        const RawReply test = call("POST", QStringLiteral("/api/v1/webhooks/%1:test").arg(id));
        QCOMPARE(test.status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 1, kWait);
        const WebhookReceiver::Request r = receiver.requests.first();
        QCOMPARE(QJsonDocument::fromJson(r.body)[QStringLiteral("type")].toString(), QStringLiteral("webhook.test"));
        QCOMPARE(r.headers.value("webhook-signature").count("v1,"), 2);
        QVERIFY(verifiedByStandardWebhooks({{oldSecret, r}, {newSecret, r}}));
        // A receiver that says 410 Gone turns the webhook off.
        receiver.status = 410;
        QCOMPARE(call("POST", QStringLiteral("/api/v1/webhooks/%1:test").arg(id)).status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", QStringLiteral("/api/v1/webhooks/") + id).json()[QStringLiteral("enabled")].toBool(), false, kWait);
        QVERIFY(call("GET", QStringLiteral("/api/v1/webhooks/") + id).json()[QStringLiteral("disabledReason")].toString().contains(QStringLiteral("410")));
        const QJsonArray failed = call("GET", QStringLiteral("/api/v1/webhooks/%1/deliveries?status=failed").arg(id)).json()[QStringLiteral("deliveries")].toArray();
        QCOMPARE(failed.size(), 1);
        // Enabled again and replayed, it is delivered.
        receiver.status = 200;
        QCOMPARE(call("PATCH", QStringLiteral("/api/v1/webhooks/") + id, R"({"enabled":true})").status, 200);
        const RawReply retried = call("POST", QStringLiteral("/api/v1/webhooks/%1/deliveries/%2:retry").arg(id, failed.first()[QStringLiteral("id")].toString()));
        QCOMPARE(retried.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", QStringLiteral("/api/v1/webhooks/%1/deliveries?status=delivered").arg(id))
                                      .json()[QStringLiteral("deliveries")].toArray().size(), 2, kWait);
        const QByteArray metrics = call("GET", QStringLiteral("/metrics")).body;
        QVERIFY2(metrics.contains("wagate_webhook_deliveries_total{outcome=\"failed\"} 1\n"), metrics.constData());
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/webhooks/") + id).status, 204);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/webhooks/") + id).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
