// The control API over real loopback HTTP: an input validation table (every bad input is a 4xx with
// the error envelope, never a crash), the resources' behaviour, deferred pairing answers, /stats
// counters, and the adapter's body limit.

#include "wasim/companion.h"
#include "wasim/controlapi.h"
#include "wasim/controlhttpserver.h"
#include "wasim/wasimserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace wagate;
using namespace wagate::wasim;

namespace {

const QString kPhone = QStringLiteral("491701234567");

struct Reply
{
    int status = 0;
    QJsonObject json;
    QString errorCode() const { return json.value(u"error").toObject().value(u"code").toString(); }
    QString errorField() const
    {
        return json.value(u"error").toObject().value(u"details").toObject().value(u"field").toString();
    }
};

} // namespace

class TestControlApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<WasimServer> m_sim;
    std::unique_ptr<ControlApi> m_api;
    std::unique_ptr<ControlHttpServer> m_http;
    QNetworkAccessManager m_nam;

    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_http->port()).arg(path)));
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(20000))
            return {};
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return r;
    }

    Reply call(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        return call(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    //! A raw request head (and nothing more), for the limits QNetworkAccessManager would not break.
    QByteArray raw(const QByteArray &head)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_http->port());
        if (!socket.waitForConnected(5000))
            return {};
        socket.write(head);
        QByteArray answer;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 5000 && socket.state() == QAbstractSocket::ConnectedState) {
            QCoreApplication::processEvents();
            if (socket.waitForReadyRead(100))
                answer += socket.readAll();
            if (answer.contains("\r\n\r\n{") && answer.endsWith('}'))
                break;
        }
        return answer + socket.readAll();
    }

    std::unique_ptr<Companion> registeringCompanion()
    {
        auto c = std::make_unique<Companion>(CompanionKeys::generate(), m_sim->rootPublicKey());
        QSignalSpy qr(c.get(), &Companion::qrReady);
        c->open(m_sim->url());
        if (!qr.wait(5000))
            return nullptr;
        return c;
    }

private slots:
    void init()
    {
        m_sim = std::make_unique<WasimServer>();
        QVERIFY(m_sim->listen());
        m_api = std::make_unique<ControlApi>(m_sim.get());
        m_http = std::make_unique<ControlHttpServer>(m_api.get());
        QVERIFY(m_http->listen());
        QCOMPARE(call("POST", QStringLiteral("/phones"),
                      QJsonObject{{"phoneNumber", kPhone}, {"pushName", "Alice"}}).status,
                 201);
    }

    void cleanup()
    {
        m_http.reset();
        m_api.reset();
        m_sim.reset();
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");

        const QString p = QStringLiteral("/phones/") + kPhone;
        const QByteArray qrUnknownRef = "{\"qr\":\"https://wa.me/settings/linked_devices#2@zz,"
                                        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=,"
                                        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=,1\"}";
        auto row = [](const char *name, const char *method, const QString &path, const QByteArray &body, int status,
                      const char *code, const char *field = "") {
            QTest::newRow(name) << QByteArray(method) << path << body << status << QString::fromLatin1(code)
                                << QString::fromLatin1(field);
        };
        row("unknown route", "GET", "/nope", {}, 404, "not_found");
        row("unknown verb on phone", "POST", p + ":frobnicate", "{}", 404, "not_found");
        row("unknown connections verb", "POST", "/connections:explode", "{}", 404, "not_found");
        row("stats wrong method", "PUT", "/stats", "{}", 405, "method_not_allowed");
        row("faults wrong method", "POST", "/faults", "{}", 405, "method_not_allowed");
        row("scan with GET", "GET", p + ":scan", {}, 405, "method_not_allowed");
        row("phones no body", "POST", "/phones", {}, 400, "invalid_argument");
        row("phones not JSON", "POST", "/phones", "{nope", 400, "invalid_argument");
        row("phones array", "POST", "/phones", "[]", 400, "invalid_argument");
        row("phones missing number", "POST", "/phones", "{}", 400, "invalid_argument", "phoneNumber");
        row("phones number not a string", "POST", "/phones", "{\"phoneNumber\":4917012}", 400, "invalid_argument", "phoneNumber");
        row("phones number too short", "POST", "/phones", "{\"phoneNumber\":\"12\"}", 400, "invalid_argument", "phoneNumber");
        row("phones plus sign", "POST", "/phones", "{\"phoneNumber\":\"+4915550001\"}", 400, "invalid_argument", "phoneNumber");
        row("phones pushName type", "POST", "/phones", "{\"phoneNumber\":\"4915550001\",\"pushName\":5}", 400, "invalid_argument", "pushName");
        row("phones business type", "POST", "/phones", "{\"phoneNumber\":\"4915550001\",\"business\":\"yes\"}", 400, "invalid_argument", "business");
        row("phones unknown field", "POST", "/phones", "{\"phoneNumber\":\"4915550001\",\"name\":\"x\"}", 400, "invalid_argument", "name");
        row("phones duplicate", "POST", "/phones", "{\"phoneNumber\":\"491701234567\"}", 409, "already_exists");
        row("unknown phone", "GET", "/phones/4915550009", {}, 404, "not_found");
        row("unknown phone scan", "POST", "/phones/4915550009:scan", "{\"qr\":\"x\"}", 404, "not_found");
        row("scan without qr", "POST", p + ":scan", "{}", 400, "invalid_argument", "qr");
        row("scan qr not a string", "POST", p + ":scan", "{\"qr\":1}", 400, "invalid_argument", "qr");
        row("scan malformed qr", "POST", p + ":scan", "{\"qr\":\"hello\"}", 400, "invalid_argument", "qr");
        row("scan unknown ref", "POST", p + ":scan", qrUnknownRef, 404, "not_found");
        row("scan bad timeout", "POST", p + ":scan", "{\"qr\":\"x\",\"timeoutMs\":0}", 400, "invalid_argument", "timeoutMs");
        row("scan bad wait", "POST", p + ":scan", "{\"qr\":\"x\",\"wait\":1}", 400, "invalid_argument", "wait");
        row("scan unknown field", "POST", p + ":scan", "{\"qr\":\"x\",\"code\":\"y\"}", 400, "invalid_argument", "code");
        row("code malformed", "POST", p + ":enter-code", "{\"code\":\"ABC\"}", 400, "invalid_argument", "code");
        row("code with 0", "POST", p + ":enter-code", "{\"code\":\"ABCDEFG0\"}", 400, "invalid_argument", "code");
        row("code nobody waiting", "POST", p + ":enter-code", "{\"code\":\"ABCD-EFGH\"}", 404, "not_found");
        row("device short noise key", "POST", p + "/devices", "{\"noiseKey\":\"AAAA\"}", 400, "invalid_argument", "noiseKey");
        row("device missing noise key", "POST", p + "/devices", "{}", 400, "invalid_argument", "noiseKey");
        row("device bad identity key", "POST", p + "/devices",
            "{\"noiseKey\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"identityKey\":\"!\"}", 400,
            "invalid_argument", "identityKey");
        row("unlink index 0", "DELETE", p + "/devices/0", {}, 400, "invalid_argument", "device");
        row("unlink index 256", "DELETE", p + "/devices/256", {}, 400, "invalid_argument", "device");
        row("unlink words", "DELETE", p + "/devices/abc", {}, 400, "invalid_argument", "device");
        row("unlink other phone's JID", "DELETE", p + "/devices/4915550009:1@s.whatsapp.net", {}, 400, "invalid_argument", "device");
        row("unlink unknown device", "DELETE", p + "/devices/7", {}, 404, "not_found");
        row("devices item wrong method", "GET", p + "/devices/7", {}, 405, "method_not_allowed");
        row("drop bad device", "POST", "/connections:drop", "{\"device\":\"x\"}", 400, "invalid_argument", "device");
        row("drop phone JID", "POST", "/connections:drop", "{\"device\":\"491701234567@s.whatsapp.net\"}", 400, "invalid_argument", "device");
        row("drop unknown field", "POST", "/connections:drop", "{\"all\":true}", 400, "invalid_argument", "all");
        row("stream error without code", "POST", "/connections:stream-error", "{}", 400, "invalid_argument", "code");
        row("stream error bad code", "POST", "/connections:stream-error", "{\"code\":\"nope\"}", 400, "invalid_argument", "code");
        row("stream error code 99", "POST", "/connections:stream-error", "{\"code\":99}", 400, "invalid_argument", "code");
        row("faults unknown certificate", "PATCH", "/faults", "{\"certificate\":\"weird\"}", 400, "invalid_argument", "certificate");
        row("faults refs 0", "PATCH", "/faults", "{\"refs\":0}", 400, "invalid_argument", "refs");
        row("faults refs fraction", "PATCH", "/faults", "{\"refs\":1.5}", 400, "invalid_argument", "refs");
        row("faults login failure 200", "PATCH", "/faults", "{\"loginFailure\":200}", 400, "invalid_argument", "loginFailure");
        row("faults dropPings string", "PATCH", "/faults", "{\"dropPings\":\"yes\"}", 400, "invalid_argument", "dropPings");
        row("faults pairing unknown", "PATCH", "/faults", "{\"pairing\":\"maybe\"}", 400, "invalid_argument", "pairing");
        row("faults unknown field", "PATCH", "/faults", "{\"chaos\":true}", 400, "invalid_argument", "chaos");
        row("faults empty body", "PUT", "/faults", {}, 400, "invalid_argument");
        row("pairing unknown", "GET", "/pairings/12345", {}, 404, "not_found");
        row("pairing not a number", "GET", "/pairings/abc", {}, 404, "not_found");
    }

    void validation()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const Faults before = m_sim->faults();
        const Reply r = call(method, path, body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.json.value(u"error").toObject().value(u"message").toString().isEmpty());
        QVERIFY(r.json.value(u"error").toObject().value(u"details").isObject());
        if (!field.isEmpty())
            QCOMPARE(r.errorField(), field);
        QVERIFY(m_sim->faults() == before); // a refused change changes nothing
        QCOMPARE(call("GET", QStringLiteral("/stats")).status, 200); // and the server is still there
    }

    void info()
    {
        const Reply r = call("GET", QStringLiteral("/info"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"url").toString(), m_sim->url().toString());
        QCOMPARE(r.json.value(u"rootKey").toString(), QString::fromLatin1(m_sim->rootPublicKey().toHex()));
    }

    void phonesAndDevices()
    {
        Reply r = call("POST", QStringLiteral("/phones"),
                       QJsonObject{{"phoneNumber", "15550001111"}, {"pushName", "Shop"}, {"business", true}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(u"business").toBool(), true);
        QCOMPARE(r.json.value(u"lid").toString().size(), 15);
        QCOMPARE(QByteArray::fromBase64(r.json.value(u"identityKey").toString().toLatin1()).size(), 32);
        r = call("GET", QStringLiteral("/phones"));
        QCOMPARE(r.json.value(u"phones").toArray().size(), 2);
        r = call("GET", QStringLiteral("/phones/15550001111"));
        QCOMPARE(r.json.value(u"pushName").toString(), QStringLiteral("Shop"));

        const QString noise = QString::fromLatin1(QByteArray(32, 'n').toBase64());
        r = call("POST", QStringLiteral("/phones/15550001111/devices"), QJsonObject{{"noiseKey", noise}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(u"jid").toString(), QStringLiteral("15550001111:1@s.whatsapp.net"));
        QVERIFY(r.json.value(u"lid").toString().endsWith(QLatin1String(":1@lid")));
        QCOMPARE(r.json.value(u"noiseKey").toString(), noise);
        QCOMPARE(r.json.value(u"online").toBool(), false);
        r = call("GET", QStringLiteral("/phones/15550001111/devices"));
        QCOMPARE(r.json.value(u"devices").toArray().size(), 1);
        // By JID, percent-encoded as a client library would send it.
        r = call("DELETE", QStringLiteral("/phones/15550001111/devices/15550001111%3A1%40s.whatsapp.net"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"device").toInt(), 1);
        QVERIFY(call("GET", QStringLiteral("/phones/15550001111/devices")).json.value(u"devices").toArray().isEmpty());
    }

    void faultsResource()
    {
        Reply r = call("GET", QStringLiteral("/faults"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"refs").toInt(), 6);
        QCOMPARE(r.json.value(u"certificate").toString(), QStringLiteral("none"));

        r = call("PATCH", QStringLiteral("/faults"), QJsonObject{{"pingDelayMs", 250}, {"certificate", "expired"}});
        QCOMPARE(r.status, 200);
        r = call("PATCH", QStringLiteral("/faults"), QJsonObject{{"dropPings", true}, {"pairing", "hmac-mismatch"}});
        QCOMPARE(r.json.value(u"pingDelayMs").toInt(), 250); // PATCH merges
        QCOMPARE(m_sim->faults().pingDelayMs, 250);
        QVERIFY(m_sim->faults().dropPings);
        QCOMPARE(m_sim->faults().certificate, CertificateFault::Expired);
        QCOMPARE(m_sim->faults().pairing, PairingFault::HmacMismatch);

        r = call("PUT", QStringLiteral("/faults"), QJsonObject{{"refs", 2}, {"firstRefMs", 1000}, {"refMs", 500},
                                                               {"loginFailure", 403}, {"loginFailureCount", 2},
                                                               {"splitFrames", 3}, {"coalesceFrames", true},
                                                               {"coalesceWindowMs", 5}, {"compress", true}});
        QCOMPARE(r.status, 200);
        const Faults f = m_sim->faults();
        QCOMPARE(f.pingDelayMs, 0); // PUT starts from the defaults
        QVERIFY(!f.dropPings);
        QCOMPARE(f.refs, 2);
        QCOMPARE(f.firstRefMs, 1000);
        QCOMPARE(f.refMs, 500);
        QCOMPARE(f.loginFailure, 403);
        QCOMPARE(f.loginFailureCount, 2);
        QCOMPARE(f.splitFrames, 3);
        QVERIFY(f.coalesceFrames && f.compress);
        QCOMPARE(f.coalesceWindowMs, 5);

        r = call("DELETE", QStringLiteral("/faults"));
        QCOMPARE(r.status, 200);
        QVERIFY(m_sim->faults() == Faults());
    }

    void pairingWaitsForTheOutcomeAndStatsCount()
    {
        auto c = registeringCompanion();
        QVERIFY(c);
        QCOMPARE(call("GET", QStringLiteral("/stats")).json.value(u"handshakes").toInt(), 1);
        const QJsonObject conns = call("GET", QStringLiteral("/connections")).json;
        QCOMPARE(conns.value(u"connections").toArray().size(), 1);
        QCOMPARE(conns.value(u"connections").toArray().first().toObject().value(u"state").toString(),
                 QStringLiteral("registration"));

        Reply r = call("POST", QStringLiteral("/phones/%1:scan").arg(kPhone), QJsonObject{{"qr", c->qrCodes().first()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"status").toString(), QStringLiteral("paired"));
        const QJsonObject device = r.json.value(u"device").toObject();
        QCOMPARE(device.value(u"jid").toString(), c->account()->jid.toString());
        QCOMPARE(device.value(u"identityKey").toString(), QString::fromLatin1(c->keys().identity.pub.toBase64()));
        QCOMPARE(call("GET", QStringLiteral("/pairings/") + r.json.value(u"ticket").toString()).json.value(u"status"),
                 QJsonValue(QStringLiteral("paired")));

        QSignalSpy loggedIn(c.get(), &Companion::loggedIn);
        QTRY_COMPARE(c->state(), Companion::State::Closed);
        c->open(m_sim->url());
        QVERIFY(loggedIn.wait(5000));
        auto twin = std::make_unique<Companion>(c->keys(), m_sim->rootPublicKey());
        twin->setAccount(c->account());
        QSignalSpy twinIn(twin.get(), &Companion::loggedIn);
        twin->open(m_sim->url());
        QVERIFY(twinIn.wait(5000));

        QJsonObject stats = call("GET", QStringLiteral("/stats")).json;
        QCOMPARE(stats.value(u"handshakes").toInt(), 3);
        QCOMPARE(stats.value(u"pairings").toInt(), 1);
        QCOMPARE(stats.value(u"logins").toInt(), 2);
        QCOMPARE(stats.value(u"duplicateLogins").toInt(), 1);
        QTRY_COMPARE(call("GET", QStringLiteral("/stats")).json.value(u"connections").toInt(), 1);

        r = call("POST", QStringLiteral("/connections:stream-error"),
                 QJsonObject{{"code", 515}, {"device", c->account()->jid.toString()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"ended").toInt(), 1);
        QTRY_COMPARE(call("GET", QStringLiteral("/stats")).json.value(u"connections").toInt(), 0);

        r = call("POST", QStringLiteral("/stats:reset"));
        QCOMPARE(r.status, 200);
        stats = call("GET", QStringLiteral("/stats")).json;
        for (const char *key : {"connections", "handshakes", "logins", "pairings", "duplicateLogins"})
            QCOMPARE(stats.value(QLatin1String(key)).toInt(), 0);
    }

    void pairingWithoutWaiting()
    {
        auto c = registeringCompanion();
        QVERIFY(c);
        Reply r = call("POST", QStringLiteral("/phones/%1:scan").arg(kPhone),
                       QJsonObject{{"qr", c->qrCodes().first()}, {"wait", false}});
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json.value(u"status").toString(), QStringLiteral("pending"));
        const QString ticket = r.json.value(u"ticket").toString();
        QTRY_COMPARE(call("GET", QStringLiteral("/pairings/") + ticket).json.value(u"status").toString(),
                     QStringLiteral("paired"));
    }

    void pairingFailureAndTimeout()
    {
        QCOMPARE(call("PATCH", QStringLiteral("/faults"), QJsonObject{{"pairing", "bad-account-signature"}}).status, 200);
        auto c = registeringCompanion();
        QVERIFY(c);
        Reply r = call("POST", QStringLiteral("/phones/%1:scan").arg(kPhone), QJsonObject{{"qr", c->qrCodes().first()}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("pairing_failed"));
        QCOMPARE(r.json.value(u"error").toObject().value(u"details").toObject().value(u"reason").toString(),
                 QStringLiteral("client-error 401 signature-mismatch"));

        // A companion that never answers: the request gives up after timeoutMs, the ticket stays pending.
        QCOMPARE(call("DELETE", QStringLiteral("/faults")).status, 200);
        c->setAnswerPairing(false);
        r = call("POST", QStringLiteral("/phones/%1:scan").arg(kPhone),
                 QJsonObject{{"qr", c->qrCodes().at(1)}, {"timeoutMs", 300}});
        QCOMPARE(r.status, 504);
        QCOMPARE(r.errorCode(), QStringLiteral("timeout"));
        const QString ticket = r.json.value(u"error").toObject().value(u"details").toObject().value(u"ticket").toString();
        QCOMPARE(call("GET", QStringLiteral("/pairings/") + ticket).json.value(u"status").toString(),
                 QStringLiteral("pending"));
        // Dropping the connection settles it.
        r = call("POST", QStringLiteral("/connections:drop"));
        QCOMPARE(r.json.value(u"dropped").toInt(), 1);
        const QJsonObject outcome = call("GET", QStringLiteral("/pairings/") + ticket).json;
        QCOMPARE(outcome.value(u"status").toString(), QStringLiteral("failed"));
        QCOMPARE(outcome.value(u"reason").toString(), QStringLiteral("connection-closed"));
    }

    void enterCodeOverHttp()
    {
        auto c = registeringCompanion();
        QVERIFY(c);
        QSignalSpy requested(m_sim.get(), &WasimServer::pairingCodeRequested);
        const QString code = c->requestPairingCode(kPhone);
        QVERIFY(requested.wait(5000));
        const Reply r = call("POST", QStringLiteral("/phones/%1:enter-code").arg(kPhone), QJsonObject{{"code", code}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"device").toObject().value(u"jid").toString(), c->account()->jid.toString());
    }

    void bodyLimits()
    {
        const QByteArray big = raw("POST /phones HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                   "Content-Length: 10000000\r\n\r\n");
        QVERIFY2(big.startsWith("HTTP/1.1 413"), big.constData());
        QVERIFY(big.contains("\"payload_too_large\""));
        // A chunked body is counted as it arrives: over the limit it is refused like a declared one.
        const QByteArray chunked = raw("POST /phones HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                       "50000\r\n" + QByteArray(0x50000, 'x') + "\r\n0\r\n\r\n");
        QVERIFY2(chunked.startsWith("HTTP/1.1 413"), chunked.left(100).constData());
        const QByteArray headers = raw("GET /stats HTTP/1.1\r\nX-Big: " + QByteArray(40000, 'a') + "\r\n\r\n");
        QVERIFY2(headers.startsWith("HTTP/1.1 431"), headers.left(100).constData());
        // Bodies under the limit on a kept-alive connection are fine, one after another.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(call("PATCH", QStringLiteral("/faults"), QJsonObject{{"refs", 3 + i}}).status, 200);
        QCOMPARE(m_sim->faults().refs, 5);
    }
};

QTEST_GUILESS_MAIN(TestControlApi)
#include "tst_controlapi.moc"
