#pragma once

#include "auth/clock.h"
#include "core/messageinfo.h"
#include "core/principal.h"
#include "core/result.h"
#include "store/messagerepository.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QTimer>

namespace wagate {

class CredentialVault;
class Outbox;
class SessionEvents;
class SessionManager;
class SessionRepository;
class WebhookService;
struct SessionInfo;

//! A send as the service answers it: the message, and whether this call queued it (false: the same
//! idempotency key and body were sent before, and this is that message).
struct SendOutcome
{
    MessageInfo message;
    bool created = true;
};

//! What /metrics says of messages on this node since it started.
struct MessageMetrics
{
    //! Status changes announced, by direction ("in", "out") and status reached.
    QMap<QPair<QString, QString>, quint64> changes;
    //! Accepted → server ack, seconds: cumulative counts per upper bound (kSendBuckets), sum, count.
    QList<quint64> sendBuckets;
    double sendSecondsSum = 0;
    quint64 sendCount = 0;
};
inline constexpr double kSendBuckets[] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600};

//! What the HTTP API and the console do with messages, and the only writer of message rows: every
//! change is stored (text sealed with the data key) before it is announced on SessionEvents. Checks
//! the caller's capability (read to look, send to send, cancel and mark read) and scopes to the
//! caller's organization. Lives on the engine thread.
class MessageService : public QObject
{
    Q_OBJECT
public:
    MessageService(MessageRepository &messages, SessionRepository &sessions, SessionManager &manager,
                   SessionEvents &events, Clock clock = systemClock(), QObject *parent = nullptr);
    ~MessageService() override;

    //! The vault that seals message bodies; set before the first message (the engine sets it once
    //! the data key is open).
    void setVault(CredentialVault *vault) { m_vault = vault; }
    //! Webhook deliveries are written with each event, in its transaction.
    void setWebhooks(WebhookService *webhooks) { m_webhooks = webhooks; }
    WebhookService *webhooks() const { return m_webhooks; }
    Outbox &outbox() { return *m_outbox; }
    //! Messages older than this (ms) are deleted, a batch per turn of the event loop, once a
    //! minute after start and then every hour (0 = keep them).
    void setRetention(qint64 ms);
    //! Deletes what is past the retention now; the number deleted.
    Result<int> pruneNow();
    //! Fails queued messages whose time to live ended (`expired`), whether or not their session is
    //! working — one that never comes back must not keep them waiting for ever. Runs every minute;
    //! the number failed in this batch.
    Result<int> expireNow();
    static constexpr int kExpireBatch = 200;

    //! Accepts a message: stored (in its own commit) before it returns.
    Result<SendOutcome> send(const Principal &caller, const QString &sessionId, const SendRequest &request);
    //! The same with group commit: the message is written with the other writes of this turn of the
    //! event loop and done runs after their commit (exactly once, possibly before sendLater returns
    //! when the request is refused).
    void sendLater(const Principal &caller, const QString &sessionId, const SendRequest &request,
                   std::function<void(Result<SendOutcome>)> done);
    Result<MessageInfo> get(const Principal &caller, const QString &sessionId, const QString &messageId);
    Result<QList<MessageInfo>> list(const Principal &caller, const QString &sessionId, const MessageFilter &filter,
                                    const QString &beforeId, int pageSize, QString *lastId);
    //! Only while queued → canceled; failed_precondition otherwise.
    Result<MessageInfo> cancel(const Principal &caller, const QString &sessionId, const QString &messageId);
    //! Sends a read receipt for an incoming message (idempotent once read).
    Result<MessageInfo> markRead(const Principal &caller, const QString &sessionId, const QString &messageId);

    //! Stores a message that arrived, inside the transaction that stores the Signal step that
    //! decrypted it (so it is in the database before WhatsApp gets the receipt). A redelivery is ok.
    Result<void> storeIncoming(const QString &sessionId, const IncomingMessage &message);

    // --- for the outbox: the one way a stored message changes

    //! Moves a message from its stored status to change.status; the message as stored afterwards,
    //! or nullopt when it had moved on meanwhile. Announced once stored.
    Result<std::optional<MessageInfo>> move(const StoredMessage &message, const MessageRepository::Change &change);
    using MoveDone = std::function<void(Result<std::optional<MessageInfo>>)>;
    //! move() with group commit: the change is written now into the group of this turn of the event
    //! loop (so reads see it at once); the announcement and done (optional) follow its commit.
    void moveLater(const StoredMessage &message, const MessageRepository::Change &change, MoveDone done = {});
    //! Opens a stored message's body into its info.
    Result<MessageInfo> open(const StoredMessage &stored) const;

    MessageRepository &repository() { return m_messages; }
    const MessageMetrics &metrics() const { return m_metrics; }
    qint64 now() const { return m_clock(); }

    static constexpr int kDefaultPageSize = 50;
    static constexpr int kMaxPageSize = 500;
    static constexpr int kPruneBatch = 1000;

    //! The associated data a body is sealed with: it binds the body to its message.
    static QString associatedData(const QString &messageId) { return QStringLiteral("message|") + messageId; }

private:
    //! A send checked and built, not yet stored; or the message an idempotent retry repeats.
    struct PreparedSend
    {
        std::optional<SendOutcome> replay;
        StoredMessage stored;
        QString entryId;
        QString hash;
    };
    Result<PreparedSend> prepareSend(const Principal &caller, const QString &sessionId, const SendRequest &request);
    Result<SendOutcome> replay(const StoredMessage &existing, const QString &hash) const;
    Result<void> insertPart(const PreparedSend &p);
    Result<SendOutcome> afterInsert(const PreparedSend &p, const Result<void> &stored, const QString &idempotencyKey);
    Result<void> transitionPart(const StoredMessage &stored, const MessageRepository::Change &change, const QString &entryId,
                                std::optional<MessageInfo> &after);
    Result<SessionInfo> session(const Principal &caller, Capability needed, const QString &sessionId);
    //! A message of a session the caller may act on with `needed`.
    Result<StoredMessage> load(const Principal &caller, Capability needed, const QString &sessionId, const QString &messageId);
    Result<QByteArray> seal(const QString &messageId, const QString &text, const QString &pushName) const;
    void onReceived(const QString &organizationId, const QString &sessionId, const IncomingMessage &message);
    void onSessionRemoved(const QString &organizationId, const QString &sessionId);
    //! Inside the event's transaction: its webhook deliveries.
    Result<void> enqueueWebhooks(const MessageInfo &message, const QString &eventId, const QString &previousStatus);
    //! Announces a stored change (and counts it for /metrics).
    void announce(const MessageInfo &message, const QString &eventId, const QString &previousStatus);

    MessageRepository &m_messages;
    SessionRepository &m_sessions;
    SessionManager &m_manager;
    SessionEvents &m_events;
    Clock m_clock;
    CredentialVault *m_vault = nullptr;
    WebhookService *m_webhooks = nullptr;
    bool m_webhooksWaiting = false; //!< deliveries were written: wake the dispatcher after the commit
    qint64 m_retentionMs = 0;
    MessageMetrics m_metrics;
    QTimer m_prune;
    QTimer m_expire;
    std::unique_ptr<Outbox> m_outbox;
    //! Incoming messages stored in a Signal transaction, announced when the connection reports them
    //! (after the commit): key session|chat|id, value the log entry id.
    QHash<QString, QString> m_unannounced;

public:
    //! Messages of a session one way, per status, created since `since` (ms): for a caller who may
    //! read the session (the console's outbox summary).
    Result<QList<QPair<MessageStatus, int>>> countByStatus(const Principal &caller, const QString &sessionId,
                                                           MessageDirection direction, qint64 since);
};

//! A digest of what a send asked for, to tell a retry of it from another request with the same key.
QString sendRequestHash(const QString &chat, const QString &text);

} // namespace wagate
