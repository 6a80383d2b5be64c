#pragma once

#include "core/principal.h"
#include "core/session.h"
#include "httpserver.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace wagate {

class SessionEvents;
class SessionRepository;

//! Server-Sent Events of session changes: `GET /api/v1/events` (every session of the caller's
//! organization) and `GET /api/v1/sessions/{session}/events` (one session). Status transitions carry
//! their log id, so a client that reconnects with Last-Event-ID gets what it missed from the log
//! before the live events; QR codes and pairing codes go live only, and only to callers who may manage
//! sessions. Comments every few seconds keep proxies open and find clients that left.
class EventStreams : public QObject
{
    Q_OBJECT
public:
    EventStreams(SessionEvents &events, SessionRepository &repo, QObject *parent = nullptr);
    ~EventStreams() override;

    struct Scope
    {
        QString organizationId;
        QString sessionId; //!< empty = the whole organization
        bool withCodes = false;
    };

    //! Opens a stream on responder; replays the log after lastEventId (empty = nothing to replay).
    void open(HttpResponder responder, const Scope &scope, const QString &lastEventId);
    int openCount() const { return int(m_streams.size()); }

    static constexpr int kMaxStreams = 2000;
    static constexpr int kKeepAliveMs = 15000;

private:
    struct Stream
    {
        HttpResponder responder;
        Scope scope;
    };
    void broadcast(const QString &organizationId, const QString &sessionId, const QByteArray &frame, bool codesOnly);
    void prune();
    static QByteArray statusFrame(const StatusTransition &t);

    SessionRepository &m_repo;
    QList<Stream> m_streams;
    QTimer m_keepAlive;
};

} // namespace wagate
