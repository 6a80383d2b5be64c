#include "eventstreams.h"

#include "core/logging.h"
#include "engine/sessionevents.h"
#include "sessionjson.h"
#include "store/sessionrepository.h"

#include <QJsonDocument>
#include <QTcpSocket>

namespace wagate {

EventStreams::EventStreams(SessionEvents &events, SessionRepository &repo, QObject *parent)
    : QObject(parent), m_repo(repo)
{
    connect(&events, &SessionEvents::statusChanged, this, [this](const StatusTransition &t) {
        broadcast(t.organizationId, t.sessionId, statusFrame(t), false);
    });
    connect(&events, &SessionEvents::qrCode, this, [this](const QString &org, const QString &id, const QString &qr, qint64 exp) {
        const QJsonObject data{{QStringLiteral("sessionId"), id}, {QStringLiteral("qr"), qr}, {QStringLiteral("expiresAt"), exp}};
        broadcast(org, id, "event: session.qr\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n", true);
    });
    connect(&events, &SessionEvents::pairingCode, this, [this](const QString &org, const QString &id, const QString &code, qint64 exp) {
        const QJsonObject data{{QStringLiteral("sessionId"), id}, {QStringLiteral("code"), code}, {QStringLiteral("expiresAt"), exp}};
        broadcast(org, id, "event: session.pairing_code\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n", true);
    });
    m_keepAlive.setInterval(kKeepAliveMs);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] {
        for (Stream &s : m_streams)
            s.responder.write(": keepalive\n\n");
        prune();
    });
}

EventStreams::~EventStreams()
{
    for (Stream &s : m_streams)
        s.responder.close();
}

QByteArray EventStreams::statusFrame(const StatusTransition &t)
{
    return "id: " + t.id.toLatin1() + "\nevent: session.status\ndata: "
           + QJsonDocument(json::transitionToJson(t)).toJson(QJsonDocument::Compact) + "\n\n";
}

void EventStreams::open(HttpResponder responder, const Scope &scope, const QString &lastEventId)
{
    prune();
    if (!responder.beginStream(200, {{QByteArray("Content-Type"), QByteArray("text/event-stream; charset=utf-8")},
                                     {QByteArray("Cache-Control"), QByteArray("no-store")},
                                     {QByteArray("X-Accel-Buffering"), QByteArray("no")}}))
        return;
    // A retry hint for EventSource clients, then what they missed, then live events. All of this
    // runs on the engine thread, so no transition can slip between the replay and the subscription.
    responder.write("retry: 2000\n\n");
    if (!lastEventId.isEmpty()) {
        QString after = lastEventId;
        for (;;) {
            auto page = scope.sessionId.isEmpty() ? m_repo.organizationTransitions(scope.organizationId, after, 500)
                                                  : m_repo.transitions(scope.sessionId, after, 500);
            if (!page) {
                responder.write(": replay failed: " + page.error().message.toUtf8() + "\n\n");
                responder.close();
                return;
            }
            for (const StatusTransition &t : *page)
                responder.write(statusFrame(t));
            if (page->size() < 500)
                break;
            after = page->constLast().id;
        }
    }
    m_streams.append({responder, scope});
    if (!m_keepAlive.isActive())
        m_keepAlive.start();
    if (QTcpSocket *socket = responder.socket())
        connect(socket, &QTcpSocket::disconnected, this, &EventStreams::prune, Qt::QueuedConnection);
}

void EventStreams::broadcast(const QString &organizationId, const QString &sessionId, const QByteArray &frame, bool codesOnly)
{
    for (Stream &s : m_streams) {
        if (s.scope.organizationId != organizationId)
            continue;
        if (!s.scope.sessionId.isEmpty() && s.scope.sessionId != sessionId)
            continue;
        if (codesOnly && !s.scope.withCodes)
            continue;
        s.responder.write(frame);
    }
}

void EventStreams::prune()
{
    m_streams.removeIf([](const Stream &s) { return !s.responder.isAlive(); });
    if (m_streams.isEmpty())
        m_keepAlive.stop();
}

} // namespace wagate
