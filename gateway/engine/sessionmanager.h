#pragma once

#include "core/result.h"
#include "core/session.h"
#include "sessionconnection.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace wagate {

class CredentialVault;
class SessionEvents;
class SessionRepository;

//! Tunables of the lifecycle.
struct LifecycleConfig
{
    int reconnectBaseMs = 2000;     //!< back-off grows linearly: base × attempt …
    int reconnectMaxMs = 60000;     //!< … up to this
    int maxReconnectAttempts = 10;  //!< then the session is failed; :start tries again
};

//! The lifecycle of every session this node serves: owns their connections, turns connection
//! events into status transitions, and writes each transition to the store before announcing it.
//! Lives on the engine thread; never blocks.
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
    //! Begins QR pairing for a session without a number.
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

    bool isActive(const QString &sessionId) const { return m_runtimes.contains(sessionId); }
    int activeCount() const { return int(m_runtimes.size()); }
    //! The last QR code shown for a session, if it is waiting for a scan.
    std::optional<std::pair<QString, qint64>> currentQr(const QString &sessionId) const;

    //! True when the session has a linked number it can log in with.
    static bool hasNumberAttached(const SessionInfo &s);

private:
    struct Runtime
    {
        SessionInfo info;
        std::unique_ptr<SessionConnection> connection;
        QTimer retryTimer;
        int attempts = 0;
        bool pairing = false;
        bool codePairing = false; //!< the pairing in progress waits for a code typed on the phone
        QString qr;
        qint64 qrExpiresAt = 0;
    };

    Runtime *runtime(const QString &id) { auto it = m_runtimes.find(id); return it == m_runtimes.end() ? nullptr : it->get(); }
    Result<SessionConnection *> workingConnection(const QString &id);
    Result<Runtime *> ensureConnection(const SessionInfo &session, bool pairing);
    void wire(Runtime *rt);
    void dropConnection(Runtime *rt);
    void unlinkAndRelease(SessionConnection *connection);
    void removeRuntime(const QString &id);
    //! Writes status (and whatever mutate changed) with a transition entry, then announces it.
    Result<void> transition(SessionInfo &info, SessionStatus to, const QString &reason,
                            const std::function<void(SessionInfo &)> &mutate = {});
    Result<void> setDesired(SessionInfo &info, DesiredState desired);

    void onConnecting(const QString &id);
    void onQr(const QString &id, const QString &qr, qint64 expiresAt);
    void onPairingCode(const QString &id, const QString &code, qint64 expiresAt);
    void onPaired(const QString &id, const PairedAccount &account);
    void onCredentials(const QString &id, const QByteArray &credentials);
    void onLoggedIn(const QString &id);
    void onPairingExpired(const QString &id);
    void onDisconnected(const QString &id, DisconnectKind kind, const QString &code, const QString &message);
    void scheduleReconnect(Runtime *rt, const QString &code, const QString &message);

    SessionRepository &m_repo;
    SessionEvents &m_events;
    SessionConnectionFactory *m_factory = nullptr;
    CredentialVault *m_vault = nullptr;
    LifecycleConfig m_config;
    QHash<QString, std::shared_ptr<Runtime>> m_runtimes;
};

} // namespace wagate
