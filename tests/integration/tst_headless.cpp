// The headless gateway as a user runs it: a real process, real loopback HTTP, kill -9.
#include "rawhttp.h"
#include "testdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace wagate;
using Backend = test::TestDatabase::Backend;
Q_DECLARE_METATYPE(Backend)

namespace {

QString wagateBinary() { return QStringLiteral(WAGATE_BINARY_DIR "/app/wagate"); }

QStringList storeArgs(const test::TestDatabase &tdb)
{
    QStringList a{QStringLiteral("--data-dir"), tdb.dataDir(), QStringLiteral("--secrets"),
                  QStringLiteral("file:") + tdb.dataDir() + QStringLiteral("/secrets")};
    if (!tdb.url().isEmpty())
        a << QStringLiteral("--database") << tdb.url();
    return a;
}

//! Runs a wagate subcommand; returns its stdout, trimmed.
QString runCli(const QStringList &args)
{
    QProcess p;
    p.start(wagateBinary(), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        qWarning() << "wagate" << args << "failed:" << p.readAllStandardError();
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

//! Starts `wagate --headless --listen 127.0.0.1:0`; returns the port it printed, or 0.
quint16 startHeadless(QProcess &p, const QStringList &args)
{
    p.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("wagate.*.info=true"));
    p.setProcessEnvironment(env);
    p.start(wagateBinary(), QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + args);
    QByteArray out;
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (!p.waitForReadyRead(200)) {
            if (p.state() == QProcess::NotRunning)
                break;
            continue;
        }
        out += p.readAllStandardOutput();
        const auto m = QRegularExpression(QStringLiteral("^listening http://127\\.0\\.0\\.1:(\\d+)\n")).match(QString::fromLatin1(out));
        if (m.hasMatch())
            return quint16(m.captured(1).toUInt());
    }
    qWarning() << "no listening line; stdout:" << out << "stderr:" << p.readAllStandardError();
    return 0;
}

} // namespace

class TestHeadless : public QObject
{
    Q_OBJECT

    void backends()
    {
        QTest::addColumn<Backend>("backend");
        QTest::newRow("sqlite") << Backend::Sqlite;
        QTest::newRow("postgres") << Backend::Postgres;
    }

private slots:
    void printsItsPortAndStopsCleanlyOnSigterm()
    {
        test::TestDatabase tdb(Backend::Sqlite);
        QProcess p;
        const quint16 port = startHeadless(p, storeArgs(tdb));
        QVERIFY(port > 0);
        const test::RawReply health = test::rawExchange(port, test::buildRequest("GET", "/healthz", port));
        QCOMPARE(health.status, 200);
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(30000));
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        if (p.exitCode() != 0) { // say why: the tail of its log
            for (const QByteArray &line : err.split('\n').mid(std::max<qsizetype>(0, err.count('\n') - 60)))
                qWarning("gateway: %s", line.constData());
        }
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(err.contains("stopped"), err.constData()); // logs go to stderr
        QCOMPARE(p.readAllStandardOutput(), QByteArray()); // stdout holds only the listening line
    }

    void theEngineOnlyBuildRunsHeadlessByItself()
    {
        // wagate-headless: no console in it, so it runs headless with or without --headless.
        test::TestDatabase tdb(Backend::Sqlite);
        QProcess p;
        p.start(QStringLiteral(WAGATE_BINARY_DIR "/app/wagate-headless"),
                QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + storeArgs(tdb));
        QVERIFY(p.waitForReadyRead(30000));
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 30000);
        const QByteArray line = p.readLine();
        const auto m = QRegularExpression(QStringLiteral("^listening http://127\\.0\\.0\\.1:(\\d+)\n")).match(QString::fromLatin1(line));
        QVERIFY2(m.hasMatch(), line.constData());
        const quint16 port = quint16(m.captured(1).toUInt());
        QCOMPARE(test::rawExchange(port, test::buildRequest("GET", "/healthz", port)).status, 200);
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        // And its shell commands are the same.
        QProcess cli;
        cli.start(QStringLiteral(WAGATE_BINARY_DIR "/app/wagate-headless"),
                  QStringList{QStringLiteral("orgs"), QStringLiteral("create"), QStringLiteral("Server")} + storeArgs(tdb));
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY(cli.readAllStandardOutput().startsWith("org_"));
    }

    void helpNamesTheProgramAndItsOptions_data()
    {
        QTest::addColumn<QString>("binary");
        QTest::newRow("wagate") << QStringLiteral("wagate");
        QTest::newRow("wagate-headless") << QStringLiteral("wagate-headless");
    }
    void helpNamesTheProgramAndItsOptions()
    {
        QFETCH(QString, binary);
        QProcess p;
        p.start(QStringLiteral(WAGATE_BINARY_DIR "/app/") + binary, QStringList{QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.startsWith(QStringLiteral("Usage: %1 [options]").arg(binary)), qPrintable(out.left(80)));
        for (const char *option : {"--headless", "--listen", "--database", "--secrets", "--wa-version"})
            QVERIFY2(out.contains(QLatin1String(option)), option);
    }

    void secondInstanceOnTheSameDataDirIsRefused()
    {
        test::TestDatabase tdb(Backend::Sqlite);
        QProcess first;
        QVERIFY(startHeadless(first, storeArgs(tdb)) > 0);
        QProcess second;
        second.start(wagateBinary(), QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}
                                         + storeArgs(tdb));
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 1);
        QCOMPARE(second.readAllStandardOutput(), QByteArray()); // never claimed to listen
        QVERIFY(second.readAllStandardError().contains("already using"));
        first.kill();
        first.waitForFinished();
    }

    void badCommandLinesSayWhatIsWrong_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("listen without port") << QStringList{"--headless", "--listen", "127.0.0.1"} << "--listen must be HOST:PORT";
        QTest::newRow("bad database url") << QStringList{"--headless", "--database", "mysql://x"} << "--database must be postgres://";
        QTest::newRow("short root key") << QStringList{"--headless", "--wa-root-key", "00"} << "--wa-root-key must be 64 hex digits";
        QTest::newRow("two-part version") << QStringList{"--headless", "--wa-version", "2.3000"} << "--wa-version must be three numbers";
        QTest::newRow("version with letters") << QStringList{"--headless", "--wa-version", "2.x.1"} << "--wa-version must be three numbers";
        QTest::newRow("no retention") << QStringList{"--headless", "--message-retention-days", "0"} << "--message-retention-days must be";
        QTest::newRow("retention in words") << QStringList{"--headless", "--message-retention-days", "month"} << "--message-retention-days must be";
        QTest::newRow("http endpoint") << QStringList{"--headless", "--wa-url", "http://x/ws/chat"} << "--wa-url must be a ws:// or wss://";
        QTest::newRow("bad secrets") << QStringList{"--headless", "--secrets", "vault"} << "--secrets";
        QTest::newRow("operator without role") << QStringList{"operators", "add", "--org", "org_x", "--username", "u"} << "usage: wagate operators add";
        QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "Unknown option";
        QTest::newRow("unknown command") << QStringList{"orgs", "delete", "x"} << "unknown command";
        QTest::newRow("keys without caps") << QStringList{"keys", "create", "--org", "org_x", "--name", "n"} << "usage: wagate keys create";
        QTest::newRow("unknown capability") << QStringList{"keys", "create", "--org", "org_x", "--name", "n", "--caps", "root"} << "--caps is a comma-separated";
    }
    void badCommandLinesSayWhatIsWrong()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        test::TestDatabase tdb(Backend::Sqlite);
        QProcess p;
        p.start(wagateBinary(), args + QStringList{QStringLiteral("--data-dir"), tdb.dataDir()});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }

    void withoutAKeychainStartupNamesTheFileAlternative()
    {
        test::TestDatabase tdb(Backend::Sqlite);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("DISPLAY"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        p.setProcessEnvironment(env);
        p.start(wagateBinary(), {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                 QStringLiteral("--data-dir"), tdb.dataDir()});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        QCOMPARE(p.readAllStandardOutput(), QByteArray());
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("--secrets file:"), err.constData());
        QVERIFY(!QFile::exists(tdb.dataDir() + QStringLiteral("/secrets"))); // no silent plain-text fallback
    }

    void operatorAddedFromTheShellCanSignIn()
    {
        test::TestDatabase tdb(Backend::Sqlite);
        const QString org = runCli(storeArgs(tdb) + QStringList{QStringLiteral("orgs"), QStringLiteral("create"), QStringLiteral("Acme")});
        QProcess add;
        add.start(wagateBinary(), storeArgs(tdb) + QStringList{QStringLiteral("operators"), QStringLiteral("add"), QStringLiteral("--org"), org,
                                                              QStringLiteral("--username"), QStringLiteral("alice"), QStringLiteral("--role"),
                                                              QStringLiteral("admin")});
        add.write("a long enough password\n");
        add.closeWriteChannel();
        QVERIFY(add.waitForFinished(30000));
        QCOMPARE(add.exitCode(), 0);
        QVERIFY(QString::fromLatin1(add.readAllStandardOutput()).startsWith(QStringLiteral("user_")));
        QProcess gateway;
        const quint16 port = startHeadless(gateway, storeArgs(tdb));
        QVERIFY(port > 0);
        const QByteArray body = "{\"organizationId\":\"" + org.toLatin1() + "\",\"username\":\"alice\",\"password\":\"a long enough password\"}";
        const test::RawReply r = test::rawExchange(port, test::buildRequest("POST", "/api/v1/auth/login", port, body,
                                                                           {{QByteArray("Content-Type"), QByteArray("application/json")}}));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json()[QStringLiteral("token")].toString().isEmpty());
        gateway.terminate();
        QVERIFY(gateway.waitForFinished(30000));
    }

    void everyAcknowledgedCreateSurvivesKill9_data() { backends(); }
    void everyAcknowledgedCreateSurvivesKill9()
    {
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        const QString org = runCli(storeArgs(tdb) + QStringList{QStringLiteral("orgs"), QStringLiteral("create"), QStringLiteral("Acme")});
        QVERIFY(org.startsWith(QStringLiteral("org_")));
        const QString key = runCli(storeArgs(tdb) + QStringList{QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--org"), org,
                                                               QStringLiteral("--name"), QStringLiteral("crash"), QStringLiteral("--caps"),
                                                               QStringLiteral("read,manage")});
        QVERIFY(key.startsWith(QStringLiteral("wgk_")));

        QProcess gateway;
        const quint16 port = startHeadless(gateway, storeArgs(tdb));
        QVERIFY(port > 0);

        // Eight clients create sessions back to back; the process is killed mid-stream.
        QNetworkAccessManager nam;
        QSet<QString> acknowledged;
        int inFlight = 0;
        bool killed = false;
        std::function<void()> createOne = [&] {
            if (killed)
                return;
            QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/sessions").arg(port)));
            req.setRawHeader("Authorization", "Bearer " + key.toLatin1());
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            QNetworkReply *r = nam.post(req, QByteArray(R"({"label":"crash test"})"));
            ++inFlight;
            QObject::connect(r, &QNetworkReply::finished, this, [&, r] {
                --inFlight;
                if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                    acknowledged.insert(QJsonDocument::fromJson(r->readAll()).object()[QStringLiteral("id")].toString());
                r->deleteLater();
                createOne();
            });
        };
        for (int i = 0; i < 8; ++i)
            createOne();
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged.size() >= 150, 60000);
        ::kill(pid_t(gateway.processId()), SIGKILL);
        killed = true;
        QVERIFY(gateway.waitForFinished(30000));
        QCOMPARE(gateway.exitStatus(), QProcess::CrashExit);
        QTRY_COMPARE_WITH_TIMEOUT(inFlight, 0, 30000);

        // Restart on the same store: every create that was answered 201 is there.
        QProcess again;
        const quint16 port2 = startHeadless(again, storeArgs(tdb));
        QVERIFY(port2 > 0);
        QSet<QString> listed;
        QString token;
        do {
            QByteArray path = "/api/v1/sessions?pageSize=500";
            if (!token.isEmpty())
                path += "&pageToken=" + QUrl::toPercentEncoding(token);
            const test::RawReply r = test::rawExchange(port2, test::buildRequest("GET", path, port2, {},
                                                                                 {{QByteArray("Authorization"), "Bearer " + key.toLatin1()}}));
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json()[QStringLiteral("sessions")].toArray())
                listed.insert(v[QStringLiteral("id")].toString());
            token = r.json()[QStringLiteral("nextPageToken")].toString();
        } while (!token.isEmpty());
        const QSet<QString> missing = acknowledged - listed;
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 acknowledged creates lost").arg(missing.size())));
        qInfo() << acknowledged.size() << "acknowledged creates," << listed.size() << "sessions after the restart";
        again.terminate();
        QVERIFY(again.waitForFinished(30000));
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
