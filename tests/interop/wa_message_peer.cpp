// wa_message_peer: the gateway's WhatsApp client (WaConnection, with its Signal store in memory)
// driven by JSON lines, so a script can make it talk to an independent client (messaging.mjs).
//
//   wa_message_peer --url WS --root-key HEX
//
// stdin, one command per line:
//   {"cmd":"send","id":ID,"to":TO,"text":T}   {"cmd":"markRead","chat":C,"ids":[ID,…]}
//   {"cmd":"chatState","chat":C,"state":"composing"|"paused"}   {"cmd":"quit"}
// stdout, one event per line:
//   {"event":"qr","qr":Q}  {"event":"loggedIn","jid":J,"lid":L}  {"event":"sent","id":ID,"at":MS}
//   {"event":"failed","id":ID,"code":C,"message":M}  {"event":"received", …IncomingMessage fields}
//   {"event":"receipt","ids":[…],"kind":K,"from":DEVICE,"chat":C}  {"event":"disconnected","code":C}
//   {"event":"error","message":M} for a command it could not take

#include "wa/client/authstate.h"
#include "wa/client/waconnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <cstdio>
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("url"), QStringLiteral("wasim's WebSocket URL"), QStringLiteral("url")});
    parser.addOption({QStringLiteral("root-key"), QStringLiteral("wasim's root key (hex)"), QStringLiteral("hex")});
    parser.process(app);

    WaConnectionOptions options;
    options.url = QUrl(parser.value(QStringLiteral("url")));
    options.rootKey = QByteArray::fromHex(parser.value(QStringLiteral("root-key")).toLatin1());
    options.initialPreKeyBatch = 100;
    WaConnection c(AuthState::createNew(), options);

    QObject::connect(&c, &WaConnection::qrCode, &app, [](const QString &qr, qint64) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("qr")}, {QStringLiteral("qr"), qr}});
    });
    QObject::connect(&c, &WaConnection::loggedIn, &app, [&c] {
        emitEvent({{QStringLiteral("event"), QStringLiteral("loggedIn")},
                   {QStringLiteral("jid"), c.authState().jid},
                   {QStringLiteral("lid"), c.authState().lid}});
    });
    QObject::connect(&c, &WaConnection::messageSent, &app, [](const QString &id, qint64 at) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("sent")}, {QStringLiteral("id"), id}, {QStringLiteral("at"), at}});
    });
    QObject::connect(&c, &WaConnection::messageFailed, &app, [](const SendFailure &f) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("failed")},
                   {QStringLiteral("id"), f.id},
                   {QStringLiteral("code"), f.code},
                   {QStringLiteral("message"), f.message}});
    });
    QObject::connect(&c, &WaConnection::messageReceived, &app, [](const IncomingMessage &m) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("received")},
                   {QStringLiteral("id"), m.id},
                   {QStringLiteral("chat"), m.chat},
                   {QStringLiteral("chatLid"), m.chatLid},
                   {QStringLiteral("sender"), m.sender},
                   {QStringLiteral("senderPn"), m.senderPn},
                   {QStringLiteral("senderLid"), m.senderLid},
                   {QStringLiteral("senderDevice"), m.senderDevice},
                   {QStringLiteral("pushName"), m.pushName},
                   {QStringLiteral("fromMe"), m.fromMe},
                   {QStringLiteral("offline"), m.offline},
                   {QStringLiteral("type"), m.type},
                   {QStringLiteral("waType"), m.waType},
                   {QStringLiteral("text"), m.text},
                   {QStringLiteral("at"), m.at}});
    });
    QObject::connect(&c, &WaConnection::receiptReceived, &app, [](const MessageReceipt &r) {
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
