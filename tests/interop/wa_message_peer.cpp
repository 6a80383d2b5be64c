// wa_message_peer: the gateway's WhatsApp client (WaConnection, with its Signal store in memory)
// driven by JSON lines, so a script can make it talk to an independent client (messaging.mjs).
//
//   wa_message_peer --url WS --root-key HEX [--sqlite FILE]
//
// With --sqlite the Signal state lives in an SQLite database, sealed, as the gateway keeps it;
// otherwise in memory.
//
// stdin, one command per line:
//   {"cmd":"send","id":ID,"to":TO,"text":T}   {"cmd":"markRead","chat":C,"ids":[ID,…]}
//   {"cmd":"chatState","chat":C,"state":"composing"|"paused"}   {"cmd":"quit"}
// stdout, one event per line:
//   {"event":"qr","qr":Q}  {"event":"loggedIn","jid":J,"lid":L}  {"event":"sent","id":ID,"at":MS}
//   {"event":"failed","id":ID,"code":C,"message":M}  {"event":"received", …IncomingMessage fields}
//   {"event":"receipt","ids":[…],"kind":K,"from":DEVICE,"chat":C}  {"event":"disconnected","code":C}
//   {"event":"error","message":M} for a command it could not take
// Benchmark commands (tests/bench/messaging): while one runs, per-message events are not printed.
//   {"cmd":"sendMany","to":TO,"text":T,"count":N}  → {"event":"sentMany","count","failed","cpuMs","wallMs"}
//     (done when every text has a delivery receipt, or failed)
//   {"cmd":"sendEach","to":[TO,…],"text":T}        → {"event":"sentEach", …the same}
//   {"cmd":"expect","count":N}                     → {"event":"gotMany","count","cpuMs","wallMs"}
//   {"cmd":"rss"}                                  → {"event":"rss","kib":K}

#include "auth/credentialcipher.h"
#include "core/ids.h"
#include "engine/credentialvault.h"
#include "engine/sqlsignalstore.h"
#include "store/database.h"
#include "store/signalrepository.h"
#include "wa/client/authstate.h"
#include "wa/client/waconnection.h"
#include "wa/message/messagecodec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QFile>
#include <QSocketNotifier>

#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace wagate;
using namespace wagate::wa;

namespace {

void emitEvent(const QJsonObject &event)
{
    const QByteArray line = QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
    fwrite(line.constData(), 1, size_t(line.size()), stdout);
    fflush(stdout);
}

QString receiptKindName(MessageReceipt::Kind kind)
{
    switch (kind) {
    case MessageReceipt::Kind::Delivered: return QStringLiteral("delivered");
    case MessageReceipt::Kind::Read: return QStringLiteral("read");
    case MessageReceipt::Kind::Played: return QStringLiteral("played");
    case MessageReceipt::Kind::Inactive: return QStringLiteral("inactive");
    case MessageReceipt::Kind::Sender: return QStringLiteral("sender");
    case MessageReceipt::Kind::Other: return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

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

//! A benchmark operation in progress: how many outcomes it waits for, and when it started.
struct Bench
{
    QString event;    //!< what to report when done
    int expected = 0;
    int done = 0;
    int failed = 0;
    double cpuAtStart = 0;
    QElapsedTimer wall;
    QSet<QString> ids; //!< the sends it waits for (empty for "expect")

    bool active() const { return !event.isEmpty(); }
    void start(const QString &name, int count)
    {
        event = name;
        expected = count;
        done = failed = 0;
        ids.clear();
        cpuAtStart = cpuMs();
        wall.start();
    }
    void finishIfDone()
    {
        if (!active() || done < expected)
            return;
        emitEvent({{QStringLiteral("event"), event},
                   {QStringLiteral("count"), done},
                   {QStringLiteral("failed"), failed},
                   {QStringLiteral("cpuMs"), cpuMs() - cpuAtStart},
                   {QStringLiteral("wallMs"), double(wall.nsecsElapsed()) / 1e6}});
        event.clear();
    }
};

//! A vault over a random data key, as the gateway's.
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
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("url"), QStringLiteral("wasim's WebSocket URL"), QStringLiteral("url")});
    parser.addOption({QStringLiteral("root-key"), QStringLiteral("wasim's root key (hex)"), QStringLiteral("hex")});
    parser.addOption({QStringLiteral("sqlite"), QStringLiteral("keep the Signal state in this SQLite file"), QStringLiteral("file")});
    parser.process(app);

    WaConnectionOptions options;
    options.url = QUrl(parser.value(QStringLiteral("url")));
    options.rootKey = QByteArray::fromHex(parser.value(QStringLiteral("root-key")).toLatin1());
    options.initialPreKeyBatch = 100;
    WaConnection c(AuthState::createNew(), options);
    std::unique_ptr<Database> db;
    std::unique_ptr<SignalRepository> signalRepo;
    BenchVault vault;
    if (parser.isSet(QStringLiteral("sqlite"))) {
        DatabaseConfig config;
        config.sqlitePath = parser.value(QStringLiteral("sqlite"));
        auto opened = Database::open(config);
        if (!opened) {
            fprintf(stderr, "cannot open %s: %s\n", qPrintable(config.sqlitePath), qPrintable(opened.error().message));
            return 1;
        }
        db = std::move(*opened);
        signalRepo = std::make_unique<SignalRepository>(*db);
        c.setSignalStore(std::make_shared<SqlSignalStore>(*signalRepo, vault, QStringLiteral("bench")));
    }
    Bench bench;

    QObject::connect(&c, &WaConnection::qrCode, &app, [](const QString &qr, qint64) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("qr")}, {QStringLiteral("qr"), qr}});
    });
    QObject::connect(&c, &WaConnection::loggedIn, &app, [&c] {
        emitEvent({{QStringLiteral("event"), QStringLiteral("loggedIn")},
                   {QStringLiteral("jid"), c.authState().jid},
                   {QStringLiteral("lid"), c.authState().lid}});
    });
    QObject::connect(&c, &WaConnection::messageSent, &app, [&bench](const QString &id, qint64 at) {
        if (bench.active() && bench.ids.contains(id))
            return; // a benchmark send counts once its delivery receipt is in
        emitEvent({{QStringLiteral("event"), QStringLiteral("sent")}, {QStringLiteral("id"), id}, {QStringLiteral("at"), at}});
    });
    QObject::connect(&c, &WaConnection::messageFailed, &app, [&bench](const SendFailure &f) {
        if (bench.active() && bench.ids.remove(f.id)) {
            ++bench.done;
            ++bench.failed;
            bench.finishIfDone();
            return;
        }
        emitEvent({{QStringLiteral("event"), QStringLiteral("failed")},
                   {QStringLiteral("id"), f.id},
                   {QStringLiteral("code"), f.code},
                   {QStringLiteral("message"), f.message}});
    });
    QObject::connect(&c, &WaConnection::messageReceived, &app, [&bench](const IncomingMessage &m) {
        if (bench.active() && bench.event == QLatin1String("gotMany")) {
            ++bench.done;
            bench.finishIfDone();
            return;
        }
        QJsonObject event = QJsonDocument::fromJson(incomingMessageToJson(m)).object();
        event.insert(QStringLiteral("event"), QStringLiteral("received"));
        emitEvent(event);
    });
    QObject::connect(&c, &WaConnection::receiptReceived, &app, [&bench](const MessageReceipt &r) {
        if (bench.active()) {
            if (r.kind == MessageReceipt::Kind::Delivered || r.kind == MessageReceipt::Kind::Inactive) {
                for (const QString &id : r.ids) {
                    if (bench.ids.remove(id))
                        ++bench.done;
                }
                bench.finishIfDone();
            }
            return;
        }
        emitEvent({{QStringLiteral("event"), QStringLiteral("receipt")},
                   {QStringLiteral("ids"), QJsonArray::fromStringList(r.ids)},
                   {QStringLiteral("kind"), receiptKindName(r.kind)},
                   {QStringLiteral("from"), r.fromDevice},
                   {QStringLiteral("chat"), r.chat}});
    });
    QObject::connect(&c, &WaConnection::disconnected, &app, [](DisconnectOutcome, const QString &code, const QString &) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("disconnected")}, {QStringLiteral("code"), code}});
    });

    QByteArray pending;
    QSocketNotifier stdinNotifier(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinNotifier, &QSocketNotifier::activated, &app, [&] {
        char buffer[65536];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            app.quit();
            return;
        }
        pending.append(buffer, qsizetype(n));
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            const QJsonObject cmd = QJsonDocument::fromJson(line).object();
            const QString name = cmd.value(QStringLiteral("cmd")).toString();
            if (name == QLatin1String("send")) {
                c.sendText({cmd.value(QStringLiteral("id")).toString(), cmd.value(QStringLiteral("to")).toString(),
                            cmd.value(QStringLiteral("text")).toString()});
            } else if (name == QLatin1String("markRead")) {
                QStringList ids;
                for (const QJsonValue &v : cmd.value(QStringLiteral("ids")).toArray())
                    ids.append(v.toString());
                if (auto r = c.markRead(cmd.value(QStringLiteral("chat")).toString(), {}, ids); !r)
                    emitEvent({{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), r.error().message}});
            } else if (name == QLatin1String("chatState")) {
                const ChatState state = cmd.value(QStringLiteral("state")).toString() == QLatin1String("paused")
                                            ? ChatState::Paused
                                            : ChatState::Composing;
                if (auto r = c.sendChatState(cmd.value(QStringLiteral("chat")).toString(), state); !r)
                    emitEvent({{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), r.error().message}});
            } else if (name == QLatin1String("sendMany") || name == QLatin1String("sendEach")) {
                QStringList targets;
                if (name == QLatin1String("sendMany")) {
                    for (int i = 0; i < cmd.value(QStringLiteral("count")).toInt(); ++i)
                        targets.append(cmd.value(QStringLiteral("to")).toString());
                } else {
                    for (const QJsonValue &v : cmd.value(QStringLiteral("to")).toArray())
                        targets.append(v.toString());
                }
                bench.start(name == QLatin1String("sendMany") ? QStringLiteral("sentMany") : QStringLiteral("sentEach"),
                            int(targets.size()));
                const QString text = cmd.value(QStringLiteral("text")).toString();
                const QString own = Jid::parse(c.authState().jid)->user();
                QList<OutgoingText> sends;
                for (int i = 0; i < targets.size(); ++i) {
                    const QString id = message::newId(own, QDateTime::currentSecsSinceEpoch());
                    bench.ids.insert(id);
                    sends.append({id, targets.at(i), text + QStringLiteral(" #%1").arg(i)});
                }
                for (const OutgoingText &t : sends)
                    c.sendText(t);
            } else if (name == QLatin1String("expect")) {
                bench.start(QStringLiteral("gotMany"), cmd.value(QStringLiteral("count")).toInt());
            } else if (name == QLatin1String("rss")) {
                emitEvent({{QStringLiteral("event"), QStringLiteral("rss")}, {QStringLiteral("kib"), rssKib()}});
            } else if (name == QLatin1String("quit")) {
                c.disconnectFromWhatsApp();
                app.quit();
            } else {
                emitEvent({{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), QStringLiteral("unknown command")}});
            }
        }
    });

    c.connectToWhatsApp();
    return app.exec();
}
