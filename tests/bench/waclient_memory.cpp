// Resident memory per idle, logged-in WhatsApp connection of the gateway's client, against a wasim
// process of its own (so that only the client's memory is counted).
//
// Each connection is a device registered through wasim's control API, logs in once (uploading its
// 812 initial one-time pre-keys, as a new device does), then idles with keepalive. Two stores, in
// one run:
//   memory  every connection keeps its Signal state in its own MemorySignalStore: the pre-keys stay
//           resident, as they did when they were part of the credentials
//   sqlite  the Signal state in one SQLite database, sealed, as the gateway keeps it
// The figure is (RSS after every connection is idle − RSS before the first) / connections.
//
// Usage: bench_waclient_memory --wasim-url WS --root-key HEX --control URL [--connections N]
//                              [--store memory|sqlite] [--idle-seconds S]

#include "auth/credentialcipher.h"
#include "core/ids.h"
#include "engine/credentialvault.h"
#include "engine/sqlsignalstore.h"
#include "store/database.h"
#include "store/signalrepository.h"
#include "wa/client/authstate.h"
#include "wa/client/waconnection.h"
#include "wa/signal/signalstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>

#include <cstdio>
#include <malloc.h>
#include <memory>

using namespace wagate;
using namespace wagate::wa;

namespace {

qint64 rssKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

void require(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "benchmark step failed: %s\n", what);
        std::exit(1);
    }
}

//! A control API call, waited for (a benchmark's own loop; production code never nests one).
QJsonObject call(QNetworkAccessManager &net, const QString &control, const QByteArray &method, const QString &path,
                 const QJsonObject &body)
{
    QNetworkRequest request(QUrl(control + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = net.sendCustomRequest(request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject out = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return out;
}

class BenchVault : public CredentialVault
{
public:
    CredentialCipher cipher{secureRandomBytes(32)};
    Result<QByteArray> seal(const QString &ad, const QByteArray &p) override { return cipher.seal(ad, p); }
    Result<QByteArray> open(const QString &ad, const QByteArray &s) override { return cipher.open(ad, s); }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("wagate.*=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("wasim-url"), QStringLiteral("wasim's WebSocket URL"), QStringLiteral("url")});
    parser.addOption({QStringLiteral("root-key"), QStringLiteral("wasim's root key (hex)"), QStringLiteral("hex")});
    parser.addOption({QStringLiteral("control"), QStringLiteral("wasim's control URL"), QStringLiteral("url")});
    parser.addOption({QStringLiteral("connections"), QStringLiteral("connections"), QStringLiteral("N"), QStringLiteral("500")});
    parser.addOption({QStringLiteral("store"), QStringLiteral("memory or sqlite"), QStringLiteral("store"), QStringLiteral("sqlite")});
    parser.addOption({QStringLiteral("idle-seconds"), QStringLiteral("idle time before measuring"), QStringLiteral("S"),
                      QStringLiteral("10")});
    parser.process(app);
    const int n = qMax(1, parser.value(QStringLiteral("connections")).toInt());
    const bool sqlite = parser.value(QStringLiteral("store")) == QLatin1String("sqlite");
    const QString control = parser.value(QStringLiteral("control"));
    WaConnectionOptions options;
    options.url = QUrl(parser.value(QStringLiteral("wasim-url")));
    options.rootKey = QByteArray::fromHex(parser.value(QStringLiteral("root-key")).toLatin1());
    options.connectTimeoutMs = options.loginTimeoutMs = options.iqTimeoutMs = 120000;
    options.markOnline = false;

    // Everything a connection does not own is set up before the first measurement.
    QNetworkAccessManager net;
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<SignalRepository> repo;
    BenchVault vault;
    if (sqlite) {
        DatabaseConfig config;
        config.sqlitePath = dir.filePath(QStringLiteral("signal.db"));
        auto opened = Database::open(config);
        require(opened.ok(), "open the SQLite database");
        db = std::move(*opened);
        repo = std::make_unique<SignalRepository>(*db);
    }
    QList<AuthState> states;
    for (int i = 0; i < n; ++i) {
        const QString phone = QStringLiteral("49170%1").arg(2000000 + i / 4);
        if (i % 4 == 0)
            call(net, control, "POST", QStringLiteral("/phones"), {{QStringLiteral("phoneNumber"), phone}});
        AuthState s = AuthState::createNew();
        const QJsonObject device = call(net, control, "POST", QStringLiteral("/phones/%1/devices").arg(phone),
                                        {{QStringLiteral("noiseKey"), QString::fromLatin1(s.noiseKey.pub.toBase64())},
                                         {QStringLiteral("identityKey"), QString::fromLatin1(s.identityKey.pub.toBase64())}});
        s.jid = device.value(QStringLiteral("jid")).toString();
        require(!s.jid.isEmpty(), "register a device");
        states.append(s);
    }
    QTimer::singleShot(500, &app, &QCoreApplication::quit);
    app.exec();
    const qint64 before = rssKib();

    std::vector<std::unique_ptr<WaConnection>> connections;
    connections.reserve(size_t(n));
    int loggedIn = 0, failed = 0;
    for (int i = 0; i < n; ++i) {
        auto c = std::make_unique<WaConnection>(states.at(i), options);
        if (sqlite)
            c->setSignalStore(std::make_shared<SqlSignalStore>(*repo, vault, QStringLiteral("s%1").arg(i)));
        QObject::connect(c.get(), &WaConnection::loggedIn, &app, [&] { ++loggedIn; });
        QObject::connect(c.get(), &WaConnection::disconnected, &app, [&] { ++failed; });
        c->connectToWhatsApp();
        connections.push_back(std::move(c));
    }
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (loggedIn + failed >= n)
            app.quit();
    });
    poll.start(100);
    app.exec();
    require(failed == 0, "every connection logs in");
    // Idle: keepalives run, the pre-key generation threads are done.
    QThreadPool::globalInstance()->waitForDone();
    QTimer::singleShot(parser.value(QStringLiteral("idle-seconds")).toInt() * 1000, &app, &QCoreApplication::quit);
    app.exec();
    const qint64 after = rssKib();
    // What the allocator keeps but nothing uses (the pre-key generation's freed buffers) is handed
    // back; what stays is what the connections hold.
    malloc_trim(0);
    const qint64 trimmed = rssKib();
    std::printf("RESULT store=%s connections=%d rss_before_kib=%lld rss_after_kib=%lld kib_per_connection=%.1f "
                "after_trim_kib_per_connection=%.1f\n",
                sqlite ? "sqlite" : "memory", n, before, after, double(after - before) / n, double(trimmed - before) / n);
    return 0;
}
