#pragma once

#include "core/messageinfo.h"
#include "core/messages.h"
#include "core/session.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <unordered_map>

namespace wagate {

class MessageService;
class SessionEvents;
class SessionManager;
class SessionRepository;

//! Tunables of the outbox.
struct OutboxConfig
{
    int maxJitterMs = 1500;      //!< the random extra on top of 60/ratePerMin s, at most a fifth of it
    int typingBaseMs = 600;      //!< presenceTyping: composing this long for an empty text …
    int typingPerCharMs = 40;    //!< … plus this per character …
    int typingMaxMs = 4000;      //!< … up to this
    int retryBaseMs = 2000;      //!< a send that may be tried again waits this, doubling …
    int retryMaxMs = 120000;     //!< … up to this
    int storeRetryMs = 1000;     //!< the store did not answer: look again after this
    qint64 reachOutPauseMs = 60LL * 60 * 1000; //!< 463 without an end: new chats pause this long
    qint64 overlimitPauseMs = 5LL * 60 * 1000; //!< rate-overlimit: everything pauses this long
};

//! One sender per working session: takes its due messages in order, waits for its pace
//! (ratePerMin with a small random extra, at most ratePerHour in any rolling hour), types first when
//! presenceTyping, records `sending` before the message goes to the connection and every outcome
//! (server ack, WhatsApp's refusal, receipts) as it comes. A message is sent with the WhatsApp id
//! fixed at acceptance, so a resend after a crash or a lost link is the same message to WhatsApp.
//! Lives on the engine thread; never blocks: a lane that must wait sets a timer.
class Outbox : public QObject
{
    Q_OBJECT
public:
    Outbox(MessageService &service, SessionRepository &sessions, SessionManager &manager, SessionEvents &events,
           QObject *parent = nullptr);
    ~Outbox() override;

    void setConfig(const OutboxConfig &config) { m_config = config; }
    //! A session may have something to send (a message was accepted, it became working).
    void kick(const QString &sessionId);

    //! Why and until when a session does not send (new chats or everything), if it does not.
    struct Pause
    {
        qint64 until = 0;
        QString reason;    //!< reach_out_timelock, rate_overlimit
        bool newChatsOnly = false;
    };
    std::optional<Pause> pause(const QString &sessionId) const;
    //! Sessions whose outbox is paused now.
    int pausedCount() const;
    //! When the next message of a session may leave (0: now, or nothing waits).
    qint64 nextSendAt(const QString &sessionId) const;

private:
    struct Lane
    {
        QString sessionId;
        QTimer timer;
        QString inFlight;      //!< id of the message handed to the connection, awaiting its outcome
        QString inFlightWaId;
        qint64 lastDispatch = 0;
        qint64 jitterMs = 0;   //!< this interval's random extra
        std::deque<qint64> hour; //!< dispatch times within the last hour
        bool hourLoaded = false;
        QString typingFor;     //!< message id the composing state was sent for
        QString typingChat;
        qint64 typingUntil = 0;
        qint64 nextAt = 0;
        int retryRound = 0;
        qint64 retryAt = 0;
        Pause pause;
        bool pauseLoaded = false; //!< the stored pause (from before a restart) was read
    };
    //! Stores the lane's pause (or its end) on the session row and announces it.
    void storePause(Lane &lane);
    Lane &lane(const QString &sessionId);
    void pump(Lane &lane);
    //! After `sending` is committed: the text goes (unless the link went or the move did not take).
    void dispatch(const QString &sessionId, const QString &messageId, const OutgoingText &text, qint64 interval,
                  const Result<std::optional<MessageInfo>> &moved);
    void wake(Lane &lane, qint64 at);
    void onSent(const QString &sessionId, const QString &waId, qint64 at);
    void onFailed(const QString &sessionId, const SendFailure &failure);
    void onReceipt(const QString &sessionId, const MessageReceipt &receipt);
    void onStatus(const StatusTransition &transition);
    //! Every message still waiting in a session's outbox fails with this code.
    void failAll(const QString &sessionId, QLatin1StringView code, const QString &why);
    int typingMs(const QString &text) const;

    MessageService &m_service;
    SessionRepository &m_sessions;
    SessionManager &m_manager;
    SessionEvents &m_events;
    OutboxConfig m_config;
    std::unordered_map<QString, std::unique_ptr<Lane>> m_lanes;
};

} // namespace wagate
