#pragma once

#include "core/messageinfo.h"
#include "core/principal.h"
#include "core/result.h"
#include "core/session.h"
#include "engine/sessionservice.h"
#include "httpserver.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace wagate {

class MessageService;
class SessionEvents;
class SessionRepository;

//! Server-Sent Events of session changes: `GET /api/v1/events` (every session of the caller's
//! organization) and `GET /api/v1/sessions/{session}/events` (one session). Status transitions carry
//! their log id, so a client that reconnects with Last-Event-ID gets what it missed from the log
//! before the live events; QR codes and pairing codes go live only, and only to callers who may manage
//! sessions. Comments every few seconds keep proxies open and find clients that left.
//!
//! Nothing here lets one client cost the engine thread much: a replay is read a page per turn of the
//! event loop (and refused outright beyond maxReplay events), and a stream whose client does not read
//! is dropped once maxBacklogBytes wait for it.
class EventStreams : public QObject
{
    Q_OBJECT
public:
    //! messages: where message events are replayed from (none: session transitions only).
    EventStreams(SessionEvents &events, SessionRepository &repo, MessageService *messages = nullptr, QObject *parent = nullptr);
    ~EventStreams() override;

    using Scope = EventScope;

    //! Opens a stream on responder; replays the log after lastEventId (empty = nothing to replay).
    //! failed_precondition (details.reason "replay_too_long") when more than maxReplay events followed
    //! lastEventId: the client should reconnect without it and read the current state instead.
    Result<void> open(HttpResponder responder, const Scope &scope, const QString &lastEventId);
    //! Streams whose client is still connected.
    int openCount() const;

    void setMaxReplay(int events) { m_maxReplay = events; }
    void setMaxBacklogBytes(qint64 bytes) { m_maxBacklog = bytes; }

    static constexpr int kMaxStreams = 2000;
    static constexpr int kKeepAliveMs = 15000;
    static constexpr int kMaxReplay = 10000;
    static constexpr int kReplayPage = 500;
    static constexpr qint64 kMaxBacklogBytes = 1 << 20;
    static constexpr qint64 kReplayStallMs = 30000;

private:
    struct Stream
    {
        HttpResponder responder;
        Scope scope;
        bool replaying = false; //!< still reading the log: live transitions come through the replay
        QString replayedUpTo;   //!< id of the last transition replayed
        qint64 stalledSince = 0; //!< when the replay began waiting for the client to read
    };
    //! Who gets a frame: every stream of its scope, except replaying ones for what the replay reads
    //! from the log (Logged), or only streams that may see codes (Codes).
    enum class Audience { Logged, Everyone, Codes };
    void broadcast(const QString &organizationId, const QString &sessionId, const QByteArray &frame, Audience audience);
    //! Writes to one stream; false (and the stream is dropped) when its client does not keep up.
    bool send(Stream &stream, const QByteArray &frame);
    void replayStep();
    void prune();
    static QByteArray statusFrame(const StatusTransition &t);
    static QByteArray messageFrame(const MessageInfo &m, const QString &eventId, const QString &previous);
    //! The next page of one stream's replay, session transitions and message events merged in id
    //! order; caughtUp when nothing follows.
    Result<QList<QPair<QString, QByteArray>>> replayPage(const Stream &stream, bool *caughtUp);

    SessionRepository &m_repo;
    MessageService *m_messages = nullptr;
    QList<Stream> m_streams;
    QTimer m_keepAlive;
    QTimer m_replay;
    int m_maxReplay = kMaxReplay;
    qint64 m_maxBacklog = kMaxBacklogBytes;
};

} // namespace wagate
