#include "eventstreams.h"

#include "core/logging.h"
#include "engine/messageservice.h"
#include "engine/sessionevents.h"
#include "store/messagerepository.h"
#include "sessionjson.h"
#include "store/sessionrepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTcpSocket>

namespace wagate {

EventStreams::EventStreams(SessionEvents &events, SessionRepository &repo, MessageService *messages, QObject *parent)
    : QObject(parent), m_repo(repo), m_messages(messages)
{
    connect(&events, &SessionEvents::statusChanged, this, [this](const StatusTransition &t) {
        broadcast(t.organizationId, t.sessionId, statusFrame(t), Audience::Logged);
    });
    connect(&events, &SessionEvents::qrCode, this, [this](const QString &org, const QString &id, const QString &qr, qint64 exp) {
        const QJsonObject data{{QStringLiteral("sessionId"), id}, {QStringLiteral("qr"), qr}, {QStringLiteral("expiresAt"), exp}};
        broadcast(org, id, "event: session.qr\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n", Audience::Codes);
    });
    connect(&events, &SessionEvents::pairingCode, this, [this](const QString &org, const QString &id, const QString &code, qint64 exp) {
        const QJsonObject data{{QStringLiteral("sessionId"), id}, {QStringLiteral("code"), code}, {QStringLiteral("expiresAt"), exp}};
        broadcast(org, id, "event: session.pairing_code\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n", Audience::Codes);
    });
    connect(&events, &SessionEvents::messageChanged, this, [this](const MessageInfo &m, const QString &eventId, const QString &previous) {
        // Logged: a stream that is replaying gets it from the status log, in order.
        broadcast(m.organizationId, m.sessionId, messageFrame(m, eventId, previous), m_messages ? Audience::Logged : Audience::Everyone);
    });
    connect(&events, &SessionEvents::sendingPaused, this, [this](const SessionInfo &s) {
        broadcast(s.organizationId, s.id,
                  "event: session.sending_paused\ndata: " + QJsonDocument(sessionPauseResource(s)).toJson(QJsonDocument::Compact) + "\n\n",
                  Audience::Everyone);
    });
    m_keepAlive.setInterval(kKeepAliveMs);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] {
        for (Stream &s : m_streams)
            send(s, ": keepalive\n\n");
        prune();
    });
    m_replay.setSingleShot(true);
    connect(&m_replay, &QTimer::timeout, this, &EventStreams::replayStep);
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

QByteArray EventStreams::messageFrame(const MessageInfo &m, const QString &eventId, const QString &previous)
{
    const bool received = m.direction == MessageDirection::In && previous.isEmpty() && m.status == MessageStatus::Received;
    QJsonObject data = json::messageToJson(m);
    if (!received)
        data.insert(QStringLiteral("previousStatus"), previous.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(previous));
    return "id: " + eventId.toLatin1() + (received ? "\nevent: message.received" : "\nevent: message.status") + "\ndata: "
           + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

Result<QList<QPair<QString, QByteArray>>> EventStreams::replayPage(const Stream &s, bool *caughtUp)
{
    auto transitions = s.scope.sessionId.isEmpty() ? m_repo.organizationTransitions(s.scope.organizationId, s.replayedUpTo, kReplayPage)
                                                   : m_repo.transitions(s.scope.sessionId, s.replayedUpTo, kReplayPage);
    if (!transitions)
        return transitions.error();
    QList<MessageStatusEntry> entries;
    if (m_messages) {
        auto log = m_messages->repository().log(s.scope.organizationId, s.scope.sessionId, s.replayedUpTo, kReplayPage);
        if (!log)
            return log.error();
        entries = *log;
    }
    // Merged by id up to the end of whichever full page ends first: nothing after it is known yet.
    QString cutoff;
    if (transitions->size() == kReplayPage)
        cutoff = transitions->constLast().id;
    if (entries.size() == kReplayPage && (cutoff.isEmpty() || entries.constLast().id < cutoff))
        cutoff = entries.constLast().id;
    *caughtUp = cutoff.isEmpty();
    QList<QPair<QString, QByteArray>> out;
    qsizetype t = 0, e = 0;
    while (t < transitions->size() || e < entries.size()) {
        const bool takeTransition = e == entries.size() || (t < transitions->size() && transitions->at(t).id < entries.at(e).id);
        const QString id = takeTransition ? transitions->at(t).id : entries.at(e).id;
        if (!cutoff.isEmpty() && id > cutoff)
            break;
        if (takeTransition) {
            out.append({id, statusFrame(transitions->at(t++))});
            continue;
        }
        const MessageStatusEntry &entry = entries.at(e++);
        auto stored = m_messages->repository().get(entry.organizationId, entry.sessionId, entry.messageId);
        if (!stored) {
            if (stored.error().code == ErrorCode::NotFound) {
                out.append({id, QByteArray()}); // deleted since (retention, or its session): passed over
                continue;
            }
            return stored.error();
        }
        auto opened = m_messages->open(*stored);
        if (!opened)
            return opened.error();
        // The message as it is now, at the status this entry recorded.
        MessageInfo m = *opened;
        m.status = entry.status;
        out.append({id, messageFrame(m, entry.id, entry.previous ? messageStatusName(*entry.previous) : QString())});
    }
    return out;
}

int EventStreams::openCount() const
{
    return int(std::count_if(m_streams.cbegin(), m_streams.cend(), [](const Stream &s) { return s.responder.isAlive(); }));
}

Result<void> EventStreams::open(HttpResponder responder, const Scope &scope, const QString &lastEventId)
{
    prune();
    if (!lastEventId.isEmpty()) {
        auto beyond = m_repo.transitionsFollow(scope.organizationId, scope.sessionId, lastEventId, m_maxReplay);
        if (!beyond)
            return beyond.error();
        if (*beyond) {
            Error e = Error::failedPrecondition(
                QStringLiteral("more than %1 events followed Last-Event-ID; reconnect without it and read the current "
                               "state with GET /api/v1/sessions").arg(m_maxReplay));
            e.details.insert(QStringLiteral("reason"), QStringLiteral("replay_too_long"));
            return e;
        }
    }
    if (!responder.beginStream(200, {{QByteArray("Content-Type"), QByteArray("text/event-stream; charset=utf-8")},
                                     {QByteArray("Cache-Control"), QByteArray("no-store")},
                                     {QByteArray("X-Accel-Buffering"), QByteArray("no")}}))
        return {}; // gone already, or a HEAD: headers only
    // A retry hint for EventSource clients, then what they missed (a page per turn of the event loop,
    // with the live transitions meanwhile taken from the log too, so none is sent twice or skipped),
    // then live events.
    responder.write("retry: 2000\n\n");
    m_streams.append({responder, scope, !lastEventId.isEmpty(), lastEventId});
    if (m_streams.constLast().replaying)
        m_replay.start(0);
    if (!m_keepAlive.isActive())
        m_keepAlive.start();
    if (QTcpSocket *socket = responder.socket())
        connect(socket, &QTcpSocket::disconnected, this, &EventStreams::prune, Qt::QueuedConnection);
    return {};
}

bool EventStreams::send(Stream &s, const QByteArray &frame)
{
    if (!s.responder.write(frame))
        return false;
    if (s.responder.pendingBytes() <= m_maxBacklog)
        return true;
    qCInfo(lcApi).noquote() << "dropped an event stream whose client does not read (" << s.responder.pendingBytes() << "bytes waiting)";
    s.responder.abort();
    return false;
}

void EventStreams::replayStep()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool progress = false, waiting = false;
    for (Stream &s : m_streams) {
        if (!s.replaying || !s.responder.isAlive())
            continue;
        if (s.responder.pendingBytes() > m_maxBacklog / 2) {
            // The client has not read the last pages yet: wait for it rather than queue more, and
            // give up on one that does not read at all.
            if (!s.stalledSince)
                s.stalledSince = now;
            if (now - s.stalledSince > kReplayStallMs) {
                qCInfo(lcApi).noquote() << "dropped an event stream whose client stopped reading its replay";
                s.responder.abort();
            } else {
                waiting = true;
            }
            continue;
        }
        s.stalledSince = 0;
        bool caughtUp = false;
        auto page = replayPage(s, &caughtUp);
        if (!page) {
            send(s, ": replay failed: " + page.error().message.toUtf8() + "\n\n");
            s.responder.close();
            continue;
        }
        bool alive = true;
        for (const auto &[id, frame] : *page) {
            if (!frame.isEmpty() && !(alive = send(s, frame)))
                break;
            s.replayedUpTo = id;
        }
        if (alive && caughtUp)
            s.replaying = false; // caught up: live from here, nothing between (this is one thread)
        progress |= alive && s.replaying;
    }
    // Pages go out one per turn of the event loop while clients take them; a client that is behind
    // is looked at again a little later, not in a busy loop.
    if (progress)
        m_replay.start(0);
    else if (waiting)
        m_replay.start(50);
    else
        m_replay.stop();
    prune();
}

void EventStreams::broadcast(const QString &organizationId, const QString &sessionId, const QByteArray &frame, Audience audience)
{
    bool dropped = false;
    for (Stream &s : m_streams) {
        if (s.scope.organizationId != organizationId)
            continue;
        if (!s.scope.sessionId.isEmpty() && s.scope.sessionId != sessionId)
            continue;
        if (audience == Audience::Codes && !s.scope.withCodes)
            continue;
        if (audience == Audience::Logged && s.replaying)
            continue; // the replay reads it from the log, in order
        dropped |= !send(s, frame);
    }
    if (dropped)
        prune();
}

void EventStreams::prune()
{
    m_streams.removeIf([](const Stream &s) { return !s.responder.isAlive(); });
    if (m_streams.isEmpty())
        m_keepAlive.stop();
}

} // namespace wagate
