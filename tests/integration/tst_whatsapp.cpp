// The gateway against the WhatsApp simulator, both as real processes over loopback, driven as a user
// and a phone would: link by QR and by pairing code, survive restarts, reconnect, be unlinked.
#include "rawhttp.h"
#include "sseclient.h"
#include "testdatabase.h"
#include "webhookreceiver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace wagate;

namespace {

QString binary(const char *relative) { return QStringLiteral(WAGATE_BINARY_DIR "/") + QLatin1StringView(relative); }

//! Reads lines from a process's stdout until `count` lines arrived.
QStringList readLines(QProcess &p, int count, int timeoutMs = 30000)
{
    QByteArray out;
    QDeadlineTimer deadline(timeoutMs);
    while (out.count('\n') < count && !deadline.hasExpired()) {
        if (!p.waitForReadyRead(100) && p.state() == QProcess::NotRunning)
            break;
        out += p.readAllStandardOutput();
    }
    return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestWhatsApp : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_tdb;
    QProcess m_wasim, m_gateway;
    QString m_waUrl, m_rootKey, m_key, m_org;
    quint16 m_control = 0, m_port = 0;

    QStringList storeArgs() const
    {
        return {QStringLiteral("--data-dir"), m_tdb->dataDir(), QStringLiteral("--secrets"),
                QStringLiteral("file:") + m_tdb->dataDir() + QStringLiteral("/secrets")};
    }

    QString cli(const QStringList &args)
    {
        QProcess p;
        p.start(binary("app/wagate"), storeArgs() + args);
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

    bool startGateway(const QStringList &extra = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("wagate.*.info=true"));
        m_gateway.setProcessEnvironment(env);
        m_gateway.setProcessChannelMode(QProcess::SeparateChannels);
        m_gateway.start(binary("app/wagate"), QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                                         QStringLiteral("--wa-url"), m_waUrl, QStringLiteral("--wa-root-key"), m_rootKey}
                                                  + storeArgs() + extra);
        const QStringList lines = readLines(m_gateway, 1);
        const auto m = QRegularExpression(QStringLiteral("^listening http://127\\.0\\.0\\.1:(\\d+)$")).match(lines.value(0));
        if (!m.hasMatch()) {
            qWarning() << "gateway did not start:" << lines << m_gateway.readAllStandardError();
            return false;
        }
        m_port = quint16(m.captured(1).toUInt());
        return true;
    }

    void stopGateway(bool kill9)
    {
        ::kill(pid_t(m_gateway.processId()), kill9 ? SIGKILL : SIGTERM);
        m_gateway.waitForFinished(30000);
    }

    test::RawReply api(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers{{QByteArray("Authorization"), "Bearer " + m_key.toLatin1()}};
        if (!body.isEmpty())
            headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        return test::rawExchange(m_port, test::buildRequest(method, path.toLatin1(), m_port, body, headers));
    }

    test::RawReply control(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!body.isEmpty())
            headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        return test::rawExchange(m_control, test::buildRequest(method, path.toLatin1(), m_control, body, headers, true));
    }

    QJsonObject session(const QString &id) { return api("GET", QStringLiteral("/api/v1/sessions/") + id).json(); }
    QString status(const QString &id) { return session(id)[QStringLiteral("status")].toString(); }

    QString newSession(const char *label)
    {
        const test::RawReply r = api("POST", QStringLiteral("/api/v1/sessions"), QByteArray("{\"label\":\"") + label + "\"}");
        return r.json()[QStringLiteral("id")].toString();
    }

    //! Links a new session by QR with a phone of the simulator; returns the session id.
    QString linkByQr(const QString &phone)
    {
        const QString id = newSession("QR line");
        const test::RawReply qr = api("POST", QStringLiteral("/api/v1/sessions/%1/qr").arg(id));
        if (qr.status != 200)
            qFatal("no QR: %d %s", qr.status, qr.body.constData());
        const QByteArray scan = QJsonDocument(QJsonObject{{QStringLiteral("qr"), qr.json()[QStringLiteral("qr")]}}).toJson(QJsonDocument::Compact);
        const test::RawReply scanned = control("POST", QStringLiteral("/phones/%1:scan").arg(phone), scan);
        if (scanned.status != 200)
            qFatal("scan failed: %d %s", scanned.status, scanned.body.constData());
        return id;
    }

private slots:
    void initTestCase()
    {
        m_tdb = std::make_unique<test::TestDatabase>(test::TestDatabase::Backend::Sqlite);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("wasim.*.info=false"));
        m_wasim.setProcessEnvironment(env);
        m_wasim.start(binary("tests/wasim/wasim"), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                                   QStringLiteral("--control"), QStringLiteral("127.0.0.1:0")});
        const QStringList lines = readLines(m_wasim, 3);
        QCOMPARE(lines.size(), 3);
        m_waUrl = lines[0];
        m_control = quint16(QUrl(lines[1].section(u' ', 1)).port());
        m_rootKey = lines[2].section(u' ', 1);
        QVERIFY(m_waUrl.startsWith(QStringLiteral("ws://127.0.0.1:")));
        QCOMPARE(m_rootKey.size(), 64);

        m_org = cli({QStringLiteral("orgs"), QStringLiteral("create"), QStringLiteral("Acme")});
        m_key = cli({QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--org"), m_org, QStringLiteral("--name"),
                     QStringLiteral("e2e"), QStringLiteral("--caps"), QStringLiteral("read,manage,send,admin")});
        QVERIFY(m_key.startsWith(QStringLiteral("wgk_")));
        QVERIFY(startGateway());
        for (const char *phone : {"6281234567890", "6281111111111", "6281555555555", "6282222222222", "6283333333333", "6284444444444",
                                  "6285555555555", "6286666666666", "6287777777777", "6288888888888", "6289999999999"})
            QCOMPARE(control("POST", QStringLiteral("/phones"), QByteArray("{\"phoneNumber\":\"") + phone + "\",\"pushName\":\"Phone\"}").status, 201);
    }

    void cleanupTestCase()
    {
        stopGateway(false);
        m_wasim.terminate();
        m_wasim.waitForFinished(30000);
    }

    void linkByQrCodeThenSurviveRestarts()
    {
        const QString id = linkByQr(QStringLiteral("6281234567890"));
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("working"), 30000);
        const QJsonObject s = session(id);
        QCOMPARE(s[QStringLiteral("phoneNumber")].toString(), QStringLiteral("6281234567890"));
        QVERIFY(s[QStringLiteral("waJid")].toString().startsWith(QStringLiteral("6281234567890:")));
        QVERIFY(!s[QStringLiteral("waLid")].toString().isEmpty());
        QVERIFY(s[QStringLiteral("lastConnectedAt")].toDouble() > 0);
        // A number is attached now: no more QR codes for this session.
        QCOMPARE(api("GET", QStringLiteral("/api/v1/sessions/%1/qr").arg(id)).status, 409);
        QCOMPARE(api("POST", QStringLiteral("/api/v1/sessions/%1/qr").arg(id)).status, 409);

        // A clean restart: the session logs in again with its stored credentials.
        const int loginsBefore = control("GET", QStringLiteral("/stats")).json()[QStringLiteral("logins")].toInt();
        stopGateway(false);
        QTRY_COMPARE_WITH_TIMEOUT(control("GET", QStringLiteral("/stats")).json()[QStringLiteral("loggedIn")].toInt(), 0, 15000);
        QVERIFY(startGateway());
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("working"), 30000);
        QVERIFY(control("GET", QStringLiteral("/stats")).json()[QStringLiteral("logins")].toInt() > loginsBefore);

        // kill -9: nothing is lost, it comes back working.
        stopGateway(true);
        QVERIFY(startGateway());
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("working"), 30000);
        QCOMPARE(session(id)[QStringLiteral("waJid")], s[QStringLiteral("waJid")]);
    }

    void readingTheQrCodeStartsNothing()
    {
        // A GET (or HEAD) of the QR code is a read: a link preview or a prefetch must not begin pairing.
        const QString id = newSession("Just looking");
        const int before = control("GET", QStringLiteral("/stats")).json()[QStringLiteral("connections")].toInt();
        for (const QByteArray &method : {QByteArray("GET"), QByteArray("HEAD")}) {
            const test::RawReply r = api(method, QStringLiteral("/api/v1/sessions/%1/qr").arg(id));
            QCOMPARE(r.status, 409);
            QCOMPARE(r.body.isEmpty(), method == "HEAD");
            if (method == "GET")
                QCOMPARE(r.json()[QStringLiteral("error")][QStringLiteral("details")][QStringLiteral("reason")].toString(), QStringLiteral("no_qr_pairing"));
        }
        QCOMPARE(status(id), QStringLiteral("unpaired"));
        QCOMPARE(control("GET", QStringLiteral("/stats")).json()[QStringLiteral("connections")].toInt(), before);

        // Once a pairing runs, GET shows its current code, the same one POST gave.
        const test::RawReply begun = api("POST", QStringLiteral("/api/v1/sessions/%1/qr").arg(id));
        QCOMPARE(begun.status, 200);
        const test::RawReply read = api("GET", QStringLiteral("/api/v1/sessions/%1/qr").arg(id));
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json()[QStringLiteral("qr")], begun.json()[QStringLiteral("qr")]);
        const test::RawReply again = api("POST", QStringLiteral("/api/v1/sessions/%1/qr").arg(id)); // joins, restarts nothing
        QCOMPARE(again.json()[QStringLiteral("qr")], begun.json()[QStringLiteral("qr")]);
        QCOMPARE(api("POST", QStringLiteral("/api/v1/sessions/%1:stop").arg(id)).status, 200);
    }

    void qrCodeAsPng()
    {
        const QString id = newSession("PNG");
        QList<QPair<QByteArray, QByteArray>> headers{{QByteArray("Authorization"), "Bearer " + m_key.toLatin1()},
                                                    {QByteArray("Accept"), QByteArray("image/png")}};
        const test::RawReply r = test::rawExchange(m_port, test::buildRequest("POST", "/api/v1/sessions/" + id.toLatin1() + "/qr", m_port, {}, headers));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), QByteArray("image/png"));
        QVERIFY(r.body.startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY(r.headers.value("x-qr-expires-at").toLongLong() > 0);
        QCOMPARE(status(id), QStringLiteral("scan_qr_code"));
        QCOMPARE(api("POST", QStringLiteral("/api/v1/sessions/%1:stop").arg(id)).status, 200);
        QCOMPARE(status(id), QStringLiteral("unpaired"));
    }

    void linkByPairingCode()
    {
        const QString id = newSession("Code line");
        QCOMPARE(api("POST", QStringLiteral("/api/v1/sessions/%1/pairing-code").arg(id), R"({"phoneNumber":"+62 811"})").status, 400);
        const test::RawReply code = api("POST", QStringLiteral("/api/v1/sessions/%1/pairing-code").arg(id), R"({"phoneNumber":"6281111111111"})");
        QCOMPARE(code.status, 200);
        const QString typed = code.json()[QStringLiteral("code")].toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}$")).match(typed).hasMatch(), qPrintable(typed));
        QCOMPARE(status(id), QStringLiteral("pairing_code"));
        const test::RawReply entered = control("POST", QStringLiteral("/phones/6281111111111:enter-code"),
                                               QJsonDocument(QJsonObject{{QStringLiteral("code"), typed}}).toJson(QJsonDocument::Compact));
        QCOMPARE(entered.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("working"), 30000);
        QCOMPARE(session(id)[QStringLiteral("phoneNumber")].toString(), QStringLiteral("6281111111111"));
    }

    void aQrRequestDoesNotThrowAwayAPairingCode()
    {
        const QString id = newSession("Changed mind");
        const test::RawReply code = api("POST", QStringLiteral("/api/v1/sessions/%1/pairing-code").arg(id), R"({"phoneNumber":"6281555555555"})");
        QCOMPARE(code.status, 200);
        // Someone may be typing that code on the phone right now: a QR request says why it cannot
        // be served, at once, and leaves the code valid.
        const test::RawReply qr = api("GET", QStringLiteral("/api/v1/sessions/%1/qr").arg(id));
        QCOMPARE(qr.status, 409);
        const QJsonObject err = qr.json()[QStringLiteral("error")].toObject();
        QCOMPARE(err[QStringLiteral("code")].toString(), QStringLiteral("failed_precondition"));
        QVERIFY2(err[QStringLiteral("message")].toString().contains(QStringLiteral("pairing code")), qPrintable(err[QStringLiteral("message")].toString()));
        QCOMPARE(err[QStringLiteral("details")][QStringLiteral("reason")].toString(), QStringLiteral("pairing_code_in_progress"));
        QCOMPARE(status(id), QStringLiteral("pairing_code"));
        QCOMPARE(api("POST", QStringLiteral("/api/v1/sessions/%1/qr").arg(id)).status, 409);
        QCOMPARE(status(id), QStringLiteral("pairing_code"));
        // Stopping ends the code attempt; then a QR code is there to scan.
        QCOMPARE(api("POST", QStringLiteral("/api/v1/sessions/%1:stop").arg(id)).status, 200);
        const test::RawReply second = api("POST", QStringLiteral("/api/v1/sessions/%1/qr").arg(id));
        QCOMPARE(second.status, 200);
        QVERIFY(!second.json()[QStringLiteral("qr")].toString().isEmpty());
        QCOMPARE(status(id), QStringLiteral("scan_qr_code"));
        QCOMPARE(api("POST", QStringLiteral("/api/v1/sessions/%1:stop").arg(id)).status, 200);
    }

    void aDroppedConnectionReconnects()
    {
        const QString id = linkByQr(QStringLiteral("6282222222222"));
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("working"), 30000);
        const QString jid = session(id)[QStringLiteral("waJid")].toString();
        test::SseClient events(m_port, "/api/v1/sessions/" + id.toLatin1() + "/events", m_key.toLatin1());
        QTRY_COMPARE(events.status(), 200);
        QCOMPARE(control("POST", QStringLiteral("/connections:drop"), QJsonDocument(QJsonObject{{QStringLiteral("device"), jid}}).toJson()).status, 200);
        // The cut is noticed, the status says so (never "working" while the link is down), and it
        // comes back by itself.
        QTRY_VERIFY_WITH_TIMEOUT(events.events().size() >= 2, 30000);
        QCOMPARE(events.events().at(0).data[QStringLiteral("status")].toString(), QStringLiteral("reconnecting"));
        QCOMPARE(events.events().at(0).data[QStringLiteral("previousStatus")].toString(), QStringLiteral("working"));
        QCOMPARE(events.events().at(1).data[QStringLiteral("status")].toString(), QStringLiteral("working"));
        QCOMPARE(status(id), QStringLiteral("working"));
        QVERIFY(session(id)[QStringLiteral("lastError")].isNull());
    }

    //! WhatsApp refuses outdated clients with 405: the session says so and how to fix it, and the
    //! version given with --wa-version is the one WhatsApp sees.
    void anOutdatedClientIsToldHowToFixIt()
    {
        const QString id = linkByQr(QStringLiteral("6285555555555"));
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("working"), 30000);
        QCOMPARE(control("PATCH", QStringLiteral("/faults"), R"({"minClientVersion":"2.3000.2000000000"})").status, 200);
        QCOMPARE(api("POST", QStringLiteral("/api/v1/sessions/%1:stop").arg(id)).status, 200);
        QCOMPARE(api("POST", QStringLiteral("/api/v1/sessions/%1:start").arg(id)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("failed"), 30000);
        const QJsonObject error = session(id)[QStringLiteral("lastError")].toObject();
        QCOMPARE(error[QStringLiteral("code")].toString(), QStringLiteral("client_outdated"));
        QVERIFY2(error[QStringLiteral("message")].toString().contains(QStringLiteral("--wa-version")),
                 qPrintable(error[QStringLiteral("message")].toString()));

        stopGateway(false);
        QVERIFY(startGateway({QStringLiteral("--wa-version"), QStringLiteral("2.3000.2000000001")}));
        QCOMPARE(api("POST", QStringLiteral("/api/v1/sessions/%1:start").arg(id)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("working"), 30000);
        QCOMPARE(control("DELETE", QStringLiteral("/faults")).status, 200);
        stopGateway(false);
        QVERIFY(startGateway());
    }

    void unlinkedFromThePhoneMeansLoggedOut()
    {
        const QString id = linkByQr(QStringLiteral("6283333333333"));
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("working"), 30000);
        const QString jid = session(id)[QStringLiteral("waJid")].toString();
        QCOMPARE(control("DELETE", QStringLiteral("/phones/6283333333333/devices/") + QUrl::toPercentEncoding(jid)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("logged_out"), 30000);
        const QJsonObject s = session(id);
        QVERIFY(s[QStringLiteral("waJid")].isNull());
        QVERIFY(!s[QStringLiteral("lastError")].isNull());
        QCOMPARE(api("POST", QStringLiteral("/api/v1/sessions/%1:start").arg(id)).status, 409);
    }

    void logoutUnlinksTheDevice()
    {
        const QString id = linkByQr(QStringLiteral("6284444444444"));
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("working"), 30000);
        QCOMPARE(control("GET", QStringLiteral("/phones/6284444444444/devices")).json()[QStringLiteral("devices")].toArray().size(), 1);
        const test::RawReply out = api("POST", QStringLiteral("/api/v1/sessions/%1:logout").arg(id));
        QCOMPARE(out.status, 200);
        QCOMPARE(out.json()[QStringLiteral("status")].toString(), QStringLiteral("logged_out"));
        QTRY_COMPARE_WITH_TIMEOUT(control("GET", QStringLiteral("/phones/6284444444444/devices")).json()[QStringLiteral("devices")].toArray().size(), 0, 15000);
    }

    void qrCodesThatRunOutSaySo()
    {
        QCOMPARE(control("PATCH", QStringLiteral("/faults"), R"({"refs":1,"firstRefMs":1500,"refMs":500})").status, 200);
        const QString id = newSession("Nobody scans");
        QCOMPARE(api("POST", QStringLiteral("/api/v1/sessions/%1/qr").arg(id)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("unpaired"), 30000);
        const QJsonObject s = session(id);
        QCOMPARE(s[QStringLiteral("lastError")][QStringLiteral("code")].toString(), QStringLiteral("qr_expired"));
        QCOMPARE(control("DELETE", QStringLiteral("/faults")).status, 200);
    }

    //! Nothing accepted is lost and nothing reaches the phone twice, whatever moment the gateway dies:
    //! 300 messages accepted, the process killed while they leave, started again.
    void aBurstOf300SurvivesKill9()
    {
        const QString phone = QStringLiteral("6286666666666"), to = QStringLiteral("6287777777777");
        const QString id = linkByQr(phone);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("working"), 30000);
        QCOMPARE(api("PATCH", QStringLiteral("/api/v1/sessions/") + id, R"({"ratePerMin":1000,"ratePerHour":60000,"presenceTyping":false})").status, 200);
        const qint64 duplicatesBefore = control("GET", QStringLiteral("/stats")).json()[QStringLiteral("duplicateDeliveries")].toInteger();
        QHash<QString, QString> textOfWaId;
        QStringList accepted;
        for (int i = 0; i < 300; ++i) {
            const QString text = QStringLiteral("burst message %1").arg(i);
            const test::RawReply r = api("POST", QStringLiteral("/api/v1/sessions/%1/messages").arg(id),
                                         QJsonDocument(QJsonObject{{QStringLiteral("to"), to}, {QStringLiteral("text"), text}}).toJson());
            QCOMPARE(r.status, 202);
            accepted << r.json()[QStringLiteral("id")].toString();
            textOfWaId.insert(r.json()[QStringLiteral("waMessageId")].toString(), text);
        }
        const auto received = [&] {
            return control("GET", QStringLiteral("/phones/%1/messages").arg(to)).json()[QStringLiteral("messages")].toArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(received().size() >= 40, 60000);
        stopGateway(true);
        const int beforeRestart = int(received().size());
        QVERIFY2(beforeRestart < 300, "the gateway died while the burst was leaving");
        QVERIFY(startGateway());
        QTRY_COMPARE_WITH_TIMEOUT(int(received().size()), 300, 120000);
        // Each arrived once, as accepted, and in the order accepted.
        QStringList order;
        for (const QJsonValue v : received()) {
            const QString waId = v[QStringLiteral("id")].toString();
            QVERIFY2(textOfWaId.contains(waId), qPrintable(waId));
            QCOMPARE(v[QStringLiteral("text")].toString(), textOfWaId.value(waId));
            order << v[QStringLiteral("text")].toString();
        }
        QCOMPARE(QSet<QString>(order.cbegin(), order.cend()).size(), 300);
        for (int i = 0; i < 300; ++i)
            QCOMPARE(order[i], QStringLiteral("burst message %1").arg(i));
        // At most the one message in flight at the kill went to WhatsApp again — with its own id.
        const qint64 duplicates = control("GET", QStringLiteral("/stats")).json()[QStringLiteral("duplicateDeliveries")].toInteger() - duplicatesBefore;
        QVERIFY2(duplicates <= 1, qPrintable(QString::number(duplicates)));
        // And every status ends true: delivered (the phone receipts what it gets).
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (const QString &m : accepted)
                if (api("GET", QStringLiteral("/api/v1/sessions/%1/messages/%2").arg(id, m)).json()[QStringLiteral("status")].toString()
                    != QLatin1String("delivered"))
                    return false;
            return true;
        }(), 60000);
        qInfo() << beforeRestart << "of 300 had arrived at the kill;" << duplicates << "sent again after the restart";
    }

    //! A receiver that is down, the gateway killed with -9 while deliveries wait, the receiver up,
    //! the gateway started again: every event arrives at least once, signed, verified by the
    //! Standard Webhooks library.
    void webhookEventsSurviveKill9()
    {
        test::WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.status = 503;
        const QString phone = QStringLiteral("6288888888888"), to = QStringLiteral("6289999999999");
        const QString id = linkByQr(phone);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("working"), 30000);
        QCOMPARE(api("PATCH", QStringLiteral("/api/v1/sessions/") + id, R"({"ratePerMin":1000,"presenceTyping":false})").status, 200);
        const test::RawReply hook = api("POST", QStringLiteral("/api/v1/webhooks"),
                                        QJsonDocument(QJsonObject{{QStringLiteral("url"), receiver.url()},
                                                                  {QStringLiteral("events"), QJsonArray{QStringLiteral("message.status")}},
                                                                  {QStringLiteral("sessions"), QJsonArray{id}}}).toJson());
        QCOMPARE(hook.status, 201);
        const QString secret = hook.json()[QStringLiteral("secret")].toString();
        QStringList accepted;
        for (int i = 0; i < 20; ++i)
            accepted << api("POST", QStringLiteral("/api/v1/sessions/%1/messages").arg(id),
                            QJsonDocument(QJsonObject{{QStringLiteral("to"), to}, {QStringLiteral("text"), QStringLiteral("order %1").arg(i)}}).toJson())
                            .json()[QStringLiteral("id")].toString();
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(accepted.cbegin(), accepted.cend(), [&](const QString &m) {
            return api("GET", QStringLiteral("/api/v1/sessions/%1/messages/%2").arg(id, m)).json()[QStringLiteral("status")].toString() == u"delivered";
        }), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(receiver.requests.size() >= 5, 30000); // refused so far
        stopGateway(true);
        receiver.requests.clear();
        receiver.status = 200;
        QVERIFY(startGateway());
        // Every message's delivered event arrives.
        const auto deliveredSeen = [&] {
            QSet<QString> seen;
            for (const QJsonObject &b : receiver.bodies(QStringLiteral("message.status")))
                if (b[QStringLiteral("data")][QStringLiteral("status")].toString() == u"delivered")
                    seen.insert(b[QStringLiteral("data")][QStringLiteral("id")].toString());
            return seen;
        };
        QTRY_COMPARE_WITH_TIMEOUT(deliveredSeen(), QSet<QString>(accepted.cbegin(), accepted.cend()), 60000);
        QList<QPair<QString, test::WebhookReceiver::Request>> entries;
        for (const test::WebhookReceiver::Request &r : receiver.requests)
            entries.append({secret, r});
        QVERIFY(test::verifiedByStandardWebhooks(entries));
        qInfo() << receiver.requests.size() << "deliveries after the kill, all verified";
    }
};

QTEST_GUILESS_MAIN(TestWhatsApp)
#include "tst_whatsapp.moc"
