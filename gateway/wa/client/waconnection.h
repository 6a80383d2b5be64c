#pragma once

#include "wa/client/authstate.h"
#include "wa/client/clientpayload.h"
#include "wa/client/disconnectreason.h"
#include "wa/client/wafeature.h"
#include "wa/client/watransport.h"
#include "wa/crypto/keypair.h"
#include "wa/noise/certificateverifier.h"
#include "wa/noise/framecodec.h"

#include "core/messages.h"
#include "core/result.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace wagate::wa {

class IqTracker;
class KeepAliveFeature;
class MessageFeature;
class Node;
class PreKeyFeature;
class SignalSession;
class SignalStore;

//! Where and how WaConnection talks to WhatsApp. The defaults are production values; tests and the
//! simulator point the URL and root key elsewhere and shrink the timings.
struct WaConnectionOptions
{
    //! The WebSocket endpoint; the path must stay /ws/chat.
    QUrl url = QUrl(QStringLiteral("wss://web.whatsapp.com/ws/chat"));
    //! The trusted root of the server certificate chain (32-byte X25519 public key).
    QByteArray rootKey = CertificateVerifier::whatsAppRootKey();
    //! Wall clock in ms since the epoch (certificate validity, QR/code expiry times); null = system.
    std::function<qint64()> clock;
    //! How the device presents itself (app version, OS name, platform).
    ClientProfile profile;

    int connectTimeoutMs = 20000;       //!< socket open + ServerHello
    int loginTimeoutMs = 20000;         //!< ClientFinish (or pair-success) until WhatsApp's next step
    int iqTimeoutMs = 30000;            //!< answers to our post-login and pairing queries
    int keepAliveMinIntervalMs = 20000; //!< keepalive pings go out at a random interval in [min, max]
    int keepAliveMaxIntervalMs = 30000;
    int keepAliveTimeoutMs = 10000;     //!< an unanswered ping after this long means the link is dead
    int firstQrTimeoutMs = 60000;       //!< the first QR code is shown this long …
    int qrTimeoutMs = 20000;            //!< … every following one this long
    int logoutTimeoutMs = 5000;         //!< how long logout() waits for WhatsApp to confirm the unlink
    int maxRestarts = 3;                //!< consecutive 515 restarts without a login before giving up
    qsizetype maxFrameSize = FrameCodec::kMaxFrameSize; //!< larger incoming frames end the connection
    int minPreKeys = 5;                 //!< upload pre-keys when the server holds fewer than this
    int initialPreKeyBatch = 812;       //!< keys uploaded when the server holds none
    int preKeyBatch = 50;               //!< keys uploaded when it runs low
    int ackTimeoutMs = 75000;           //!< a sent message not acknowledged by then has failed (retryable)
    bool markOnline = true;             //!< presence "available" once ready (peers then see delivered ticks)
};

//! One session's connection to WhatsApp as a linked device (PROTOCOL.md §1–§8, MESSAGING.md): the
//! attempt's state machine — QR and pairing-code registration, the 515 restart into the login,
//! post-login queries and every way it can end — over a WaTransport (socket, frames, Noise,
//! nodes) and an IqTracker (one deadline queue for every iq), with the rest of the protocol in
//! features that the stanzas are routed to: keepalive, pre-keys, and messages (send, receive,
//! receipts, presence).
//!
//! Lives on its thread and never blocks it: sockets and timers are its children, the PBKDF2 of the
//! pairing code and pre-key generation run on the global thread pool, and the Signal store is read
//! and written outside the socket's read handler. Each attempt (connectToWhatsApp(),
//! requestPairingCode() from idle, logout() from idle) ends in exactly one disconnected(); a 515
//! restart is part of the same attempt and is handled here.
class WaConnection : public QObject, private WaTransport::Listener, private WaFeatureHost
{
    Q_OBJECT
public:
    //! Where the current attempt stands.
    enum class State {
        Idle,           //!< no attempt in progress
        Connecting,     //!< opening the WebSocket
        Handshaking,    //!< ClientHello sent, waiting for the ServerHello
        Authenticating, //!< ClientFinish sent, waiting for success, failure or pair-device
        Pairing,        //!< pair-device received: QR codes / pairing code shown
        Paired,         //!< pair-success accepted, waiting for WhatsApp's 515 restart
        LoggingIn,      //!< <success> received: post-login queries in flight
        LoggedIn,       //!< ready; keepalive running
        LoggingOut,     //!< remove-companion-device sent
    };
    Q_ENUM(State)

    //! A connection for these credentials: a paired state logs in, an unpaired one registers.
    explicit WaConnection(AuthState state = AuthState::createNew(), WaConnectionOptions options = {},
                          QObject *parent = nullptr);
    ~WaConnection() override;

    //! Starts an attempt: logs in when the state is paired, otherwise registers and emits QR codes.
    //! Ignored while an attempt is in progress. Emits connecting() right away.
    void connectToWhatsApp();
    //! Asks for a pairing code for this number instead of QR codes (PROTOCOL.md §6). Starts an
    //! attempt when idle; otherwise the request goes out as soon as WhatsApp sent pair-device. The
    //! code arrives in pairingCode(). Errors: a malformed number (digits only, international, more
    //! than 6 digits), an already paired device, or a second request in the same attempt.
    Result<void> requestPairingCode(const QString &phoneNumber);
    //! Closes without unlinking; the credentials stay valid. Emits disconnected(Closed) before it
    //! returns unless already idle.
    void disconnectFromWhatsApp();
    //! Unlinks this device (remove-companion-device, reason user_initiated) once logged in — logging
    //! in first if needed — then closes with disconnected(LoggedOut). An unpaired device just closes.
    void logout();

    //! Where Signal state lives (sessions, pre-keys, identities); set before the first attempt.
    //! Without one, an in-memory store is used (tests, the simulator).
    void setSignalStore(std::shared_ptr<SignalStore> store);

    // --- messages (MessageFeature)

    //! Queues a text; exactly one messageSent() or messageFailed() follows for its id.
    void sendText(const OutgoingText &text);
    //! Read receipts for messages of a chat (and, in groups, of one sender).
    Result<void> markRead(const QString &chat, const QString &sender, const QStringList &ids);
    //! Typing or stopped typing in a chat.
    Result<void> sendChatState(const QString &chat, ChatState state);
    //! Shown online (available) or not.
    Result<void> setPresence(bool available);
    //! Whether a number has a WhatsApp account (MessageFeature::lookupContact).
    void lookupContact(const QString &digits, std::function<void(Result<ContactLookup>)> done);

    //! The current credentials (what authStateChanged() last carried, or the constructor's).
    const AuthState &authState() const { return m_auth; }
    State state() const { return m_state; }
    //! How the last attempt ended (outcome, code, message, ban expiry).
    const DisconnectReason &lastDisconnect() const { return m_last; }
    //! Server time minus local time from the last <success t=…>, in ms.
    qint64 serverTimeOffsetMs() const { return m_serverTimeOffsetMs; }
    //! The options this connection was made with.
    const WaConnectionOptions &options() const { return m_opt; }

signals:
    //! A socket is being opened for a new attempt.
    void connecting();
    //! A QR string to render, valid until expiresAtMs (ms since the epoch); replaced by the next one
    //! at that time. Contains secrets: never log it.
    void qrCode(const QString &qr, qint64 expiresAtMs);
    //! The pairing code to type on the phone ("ABCD-EFGH"), valid until expiresAtMs.
    void pairingCode(const QString &code, qint64 expiresAtMs);
    //! The phone linked this device. jid = PHONE:DEVICE@s.whatsapp.net, lid = LID:DEVICE@lid (may be
    //! empty), platform of the phone (android, iphone, smba…), business name (empty for personal).
    //! authStateChanged() with the new credentials follows immediately; the login follows by itself.
    void paired(const QString &jid, const QString &lid, const QString &platform, const QString &businessName);
    //! The credentials changed and must be persisted (encrypted) before anything relies on them; the
    //! connection only proceeds after this signal's slots return. Bytes of AuthState::serialize().
    void authStateChanged(const QByteArray &serializedState);
    //! Logged in, post-login queries done (or timed out): the link is usable.
    void loggedIn();
    //! Every QR ref expired (or the pairing code's window closed) before a phone linked this device.
    //! disconnected(PairingExpired) follows.
    void pairingExpired();
    //! The attempt ended. Exactly once per attempt. For LoggedOut and Banned the credentials are
    //! revoked: wipe them (this object starts over with a fresh device).
    void disconnected(wagate::wa::DisconnectOutcome outcome, const QString &code, const QString &message);

    //! WhatsApp acknowledged a sent message; `at` is its time (ms since the epoch).
    void messageSent(const QString &id, qint64 at);
    void messageFailed(const wagate::SendFailure &failure);
    //! A message arrived; its state is saved before this is said.
    void messageReceived(const wagate::IncomingMessage &message);
    void receiptReceived(const wagate::MessageReceipt &receipt);
    //! What WhatsApp held while we were away has been delivered.
    void offlineDelivered(int count);

private:
    qint64 now() const;
    void openSocket();
    void teardown();
    void finish(DisconnectReason reason);
    void finish(DisconnectOutcome outcome, const QString &code, const QString &message);
    void restart();
    void onLoginTimeout();
    void migratePreKeys();
    void resetSignal(bool later);

    // WaTransport::Listener
    Expected<QByteArray, DisconnectReason> transportPayload() override;
    void transportEstablished() override;
    void transportNode(const Node &node) override;
    void transportFailed(const DisconnectReason &reason) override;

    // WaFeatureHost
    bool sendNode(const Node &node) override;
    void sendIq(Node iq, int timeoutMs, std::function<void(const Node &)> onResponse,
                std::function<void()> onTimeout) override;
    qint64 nowMs() const override { return now(); }
    qint64 serverNowSeconds() const override;
    AuthState &auth() override { return m_auth; }
    void persistAuth() override { persist(); }
    bool isReady() const override { return m_state == State::LoggedIn; }
    void failConnection(const DisconnectReason &reason) override { finish(reason); }

    void handleNode(const Node &node);
    void handleIq(const Node &iq);
    void handlePairDevice(const Node &iq);
    void handlePairSuccess(const Node &iq);
    void handleSuccess(const Node &success);
    void handleNotification(const Node &notification);
    void handleLinkCodeNotification(const Node &notification);
    void handleIb(const Node &ib);

    QString nextIqId();

    void showRef(int durationMs);
    void onQrTimeout();
    void expirePairing();
    bool pairingWindowClosing() const;
    void startCodeRequest();
    void sendCompanionHello(const QByteArray &wrappedEphemeral);
    void completeCodePairing(const QByteArray &primaryEphemeral, const QByteArray &primaryIdentity,
                             const QByteArray &ref);

    void activate();
    void sendLogout();
    void persist();

    AuthState m_auth;
    WaConnectionOptions m_opt;
    State m_state = State::Idle;
    DisconnectReason m_last;

    WaTransport m_transport;
    IqTracker *m_iqs = nullptr;
    std::unique_ptr<SignalSession> m_signal;
    KeepAliveFeature *m_keepAlive = nullptr;
    PreKeyFeature *m_preKeys = nullptr;
    MessageFeature *m_messages = nullptr;
    QList<WaFeature *> m_features;
    //! Bumped whenever a socket or attempt ends, so late callbacks of the old one do nothing.
    quint64 m_generation = 0;
    int m_restarts = 0;

    QTimer m_loginTimer;   //!< ClientFinish (or pair-success) until WhatsApp's next step
    QTimer m_qrTimer;
    QString m_iqPrefix;
    quint32 m_iqCounter = 0;

    QList<QByteArray> m_refs;
    qsizetype m_refIndex = 0;
    qint64 m_pairingDeadlineMs = 0;

    bool m_codeRequested = false;
    bool m_codeStarted = false;
    QString m_codePhone;
    QString m_code;
    KeyPair m_codeEphemeral;
    QByteArray m_codeRef;

    bool m_logoutRequested = false;
    qint64 m_serverTimeOffsetMs = 0;
};

} // namespace wagate::wa
