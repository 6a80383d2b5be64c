#pragma once

#include "core/result.h"
#include "core/session.h"
#include "sessionconnection.h"
#include "store/sessionrepository.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>
#include <unordered_map>

namespace wagate {

class CredentialVault;
class SessionEvents;

//! Tunables of the lifecycle.
struct LifecycleConfig
{
    int reconnectBaseMs = 2000;     //!< back-off grows linearly: base × attempt …
    int reconnectMaxMs = 60000;     //!< … up to this
    int maxReconnectAttempts = 10;  //!< then the session is failed; :start tries again
    int unsavedRetryMs = 1000;      //!< a change the store did not take is tried again after this, doubling …
    int unsavedRetryMaxMs = 30000;  //!< … up to this (and at once when the store is reachable again)
};

//! The lifecycle of every session this node serves: owns their connections, turns connection
//! events into status transitions, and writes each transition to the store before announcing it.
//! Lives on the engine thread; never blocks.
//!
//! One source of truth: the store's row. The manager keeps no copy of it, only the lifecycle's own
//! state per connection (the status it decided, whether a number is linked); a transition writes only
//! the lifecycle's columns and announces the row as stored, so settings changed meanwhile (a PATCH of
//! the label or the rates) are never overwritten or announced stale.
//!
//! One failure policy for every change a connection event causes (record()): a change the store
//! cannot take now (unavailable) waits, in order, and is tried again until it is stored — the
//! connection stays up meanwhile; a change the store refuses tears the connection down and the session
//! is recorded as failed (lastError store_write_failed) as soon as the store takes it. A request
//! (:start, :stop, …) is different: it is answered, so it either is stored or fails with the error.
class SessionManager : public QObject
{
    Q_OBJECT
public:
    SessionManager(SessionRepository &repo, SessionEvents &events, QObject *parent = nullptr);
    ~SessionManager() override;

    void setConnectionFactory(SessionConnectionFactory *factory) { m_factory = factory; }
    void setCredentialVault(CredentialVault *vault) { m_vault = vault; }
    void setConfig(const LifecycleConfig &config) { m_config = config; }

    //! Starts every session of this gateway whose desired state is running (after a restart).
    Result<int> restore(const QString &gatewayId);

    //! :start — connects a session that has a number; a no-op while already started.
    Result<SessionInfo> start(const SessionInfo &session);
    //! :stop — closes the connection, keeps credentials; idempotent.
    Result<SessionInfo> stop(const SessionInfo &session);
    //! :logout — unlinks (best effort), wipes credentials; status logged_out.
    Result<SessionInfo> logout(const SessionInfo &session);
    //! Begins QR pairing for a session without a number; a pairing under way goes on (its current
    //! code stays valid).
    Result<SessionInfo> beginQrPairing(const SessionInfo &session);
    //! Begins pairing-code pairing for a session without a number.
    Result<SessionInfo> beginCodePairing(const SessionInfo &session, const QString &phoneNumber);
    //! Drops the runtime of a session that is being deleted (closing and unlinking it).
    void forget(const QString &sessionId);
    //! Closes every connection without touching desired states (engine shutdown).
    void shutdown();

    // --- messages: only a working session's connection carries them

    //! Hands a text to the session's connection; the outcome arrives as SessionEvents::messageSent
    //! or messageFailed with the same id. failed_precondition unless the session is working.
    Result<void> sendText(const QString &sessionId, const OutgoingText &text);
    Result<void> markRead(const QString &sessionId, const QString &chat, const QString &sender, const QStringList &ids);
    Result<void> sendChatState(const QString &sessionId, const QString &chat, ChatState state);
    Result<void> setPresence(const QString &sessionId, bool available);
    //! Asks the session's connection whether a number is on WhatsApp; done runs exactly once (at
    //! once with failed_precondition unless the session is working).
    void lookupContact(const QString &sessionId, const QString &digits, std::function<void(Result<ContactLookup>)> done);

    bool isActive(const QString &sessionId) const { return m_runtimes.count(sessionId) > 0; }
    int activeCount() const { return int(m_runtimes.size()); }
    //! The last QR code shown for a session, if it is waiting for a scan.
    std::optional<std::pair<QString, qint64>> currentQr(const QString &sessionId) const;
    //! Which pairing runs for a session, if any (a QR pairing's first code may not have come yet).
    enum class Pairing { None, Qr, Code };
    Pairing pairing(const QString &sessionId) const;

    //! Sessions with changes the store has not taken yet.
    int unsavedCount() const { return int(m_unsaved.size()); }
    //! Tries those changes again now; the engine calls this when the store is reachable again.
    void retryUnsaved();

    //! The wait before reconnect attempt `attempt` (1-based), before jitter: at once, then linear.
    static int reconnectDelayMs(const LifecycleConfig &config, int attempt);

private:
    //! What the lifecycle itself knows of a session it serves: its connection and the state the
    //! lifecycle last decided (stored, or waiting for the store). Never the row's other fields.
    struct Runtime
    {
        QString id;
        QString organizationId;
        SessionStatus status = SessionStatus::Unpaired;
        bool hasJid = false;
        std::unique_ptr<SessionConnection> connection;
        QTimer retryTimer;
        int attempts = 0;
        bool pairing = false;
        bool codePairing = false; //!< the pairing in progress waits for a code typed on the phone
        QString qr;
        qint64 qrExpiresAt = 0;

        bool numberAttached() const { return hasNumberAttached(status, hasJid); }
    };
    struct Unsaved
    {
        LifecycleChange change;
        qint64 at = 0;
    };

    Runtime *runtime(const QString &id);
    //! The runtime for a session, made if there is none (with credentials when not pairing).
    Result<std::pair<Runtime *, bool>> ensureConnection(const SessionInfo &session, bool pairing);
    Result<SessionConnection *> workingConnection(const QString &id);
    void wire(Runtime *rt);
    void dropConnection(Runtime *rt);
    void unlinkAndRelease(SessionConnection *connection);
    void removeRuntime(const QString &id);

    //! The row as stored, once every change waiting for the store is in it (requests start here).
    Result<SessionInfo> current(const QString &id);
    //! A request's change: stored now or not at all. Not announced yet: the caller does that once
    //! the change's other effects are done.
    Result<LifecycleWrite> write(const QString &id, const LifecycleChange &change);
    //! A connection event's change, under the one failure policy (see the class comment).
    void record(const QString &id, LifecycleChange change);
    //! Stores the session's waiting changes in order; the error when one could not be stored.
    Result<void> flush(const QString &id);
    void scheduleUnsavedRetry();
    //! The runtime's state follows a change the lifecycle made.
    void follow(const QString &id, const LifecycleChange &change);
    void announce(const LifecycleWrite &write);

    void onConnecting(const QString &id);
    void onQr(const QString &id, const QString &qr, qint64 expiresAt);
    void onPairingCode(const QString &id, const QString &code, qint64 expiresAt);
    void onPaired(const QString &id, const PairedAccount &account);
    void onCredentials(const QString &id, const QByteArray &credentials);
    void onLoggedIn(const QString &id);
    void onPairingExpired(const QString &id);
    void onDisconnected(const QString &id, DisconnectKind kind, const QString &code, const QString &message, qint64 resumeAtMs);
    void scheduleReconnect(const QString &id, const QString &code, const QString &message);
    //! The connection must not go on: closed now, the session recorded as failed with this reason.
    void tearDown(const QString &id, const QString &reason, const QString &code, const QString &message);

    SessionRepository &m_repo;
    SessionEvents &m_events;
    SessionConnectionFactory *m_factory = nullptr;
    CredentialVault *m_vault = nullptr;
    LifecycleConfig m_config;
    std::unordered_map<QString, std::unique_ptr<Runtime>> m_runtimes;
    QHash<QString, QList<Unsaved>> m_unsaved;
    QSet<QString> m_waited; //!< sessions whose changes the store did not take at the first attempt
    QTimer m_unsavedTimer;
    int m_unsavedRound = 0;
};

} // namespace wagate
