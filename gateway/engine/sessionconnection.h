#pragma once

#include "core/messages.h"
#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace wagate {

struct SessionInfo;

//! Why a connection ended, as the lifecycle needs to know it.
enum class DisconnectKind {
    Retryable,     //!< network trouble, server restart, missed keepalive: reconnect with back-off
    LoggedOut,     //!< the device was unlinked (from the phone, or refused as logged out): wipe credentials
    Replaced,      //!< another connection with the same credentials took over: do not fight it
    Fatal,         //!< banned, client outdated, bad certificate: give up until :start
    Suspended,     //!< temporarily banned: connect again when the ban ends (resumeAtMs)
};

//! What pairing learned about the linked number.
struct PairedAccount
{
    QString phoneNumber; //!< international digits, no "+"
    QString jid;         //!< PHONE:DEVICE@s.whatsapp.net
    QString lid;         //!< LID:DEVICE@lid
    QString platform;    //!< e.g. android, iphone, smba
    QString businessName;
};

//! One session's link to WhatsApp, as the lifecycle sees it. The WhatsApp engine implements this
//! interface; the lifecycle (SessionManager) never touches sockets or protocol state. Lives on the
//! engine thread. Every outcome is reported by a signal, exactly once per attempt.
class SessionConnection : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~SessionConnection() override = default;

    //! Logs in with the stored credentials.
    virtual void connectToWhatsApp() = 0;
    //! Registers as a new companion device and shows QR codes.
    virtual void beginQrPairing() = 0;
    //! Registers as a new companion device and asks for a pairing code for this number.
    virtual void beginCodePairing(const QString &phoneNumber) = 0;
    //! Closes the connection without unlinking; credentials stay valid.
    virtual void disconnectFromWhatsApp() = 0;
    //! Unlinks this device from the account (best effort), then closes.
    virtual void logout() = 0;

    // --- messages (the outbox drives these; a connection without messaging refuses them)

    //! Sends a text under the caller's id; messageSent() or messageFailed() follows, once.
    virtual void sendText(const OutgoingText &text)
    {
        emit messageFailed(SendFailure{text.id, QString(send_failure::NotConnected),
                                       QStringLiteral("this connection does not carry messages"), 0, true});
    }
    //! Read receipts for messages of a chat (and of one sender, in groups).
    virtual Result<void> markRead(const QString &chat, const QString &sender, const QStringList &ids)
    {
        Q_UNUSED(chat) Q_UNUSED(sender) Q_UNUSED(ids)
        return Error::unavailable(QStringLiteral("this connection does not carry messages"));
    }
    //! Typing or stopped typing in a chat.
    virtual Result<void> sendChatState(const QString &chat, ChatState state)
    {
        Q_UNUSED(chat) Q_UNUSED(state)
        return Error::unavailable(QStringLiteral("this connection does not carry messages"));
    }
    //! Online or not, as peers see it.
    virtual Result<void> setPresence(bool available)
    {
        Q_UNUSED(available)
        return Error::unavailable(QStringLiteral("this connection does not carry messages"));
    }

    //! Whether a number (international digits) has a WhatsApp account; done runs exactly once.
    virtual void lookupContact(const QString &digits, std::function<void(Result<ContactLookup>)> done)
    {
        Q_UNUSED(digits)
        done(Error::unavailable(QStringLiteral("this connection does not carry messages")));
    }

signals:
    //! A socket is being opened or a handshake is in progress.
    void connecting();
    //! A new QR string; valid until expiresAt (ms since the epoch).
    void qrCode(const QString &qr, qint64 expiresAt);
    //! A pairing code to type on the phone ("ABCD-EFGH").
    void pairingCode(const QString &code, qint64 expiresAt);
    //! The phone accepted this device; credentials follow in credentialsChanged().
    void paired(const wagate::PairedAccount &account);
    //! New credentials to persist (opaque, to be encrypted at rest).
    void credentialsChanged(const QByteArray &credentials);
    //! Logged in and ready.
    void loggedIn();
    //! The QR refs or the pairing code ran out before the phone linked.
    void pairingExpired();
    //! The connection ended; kind tells what to do next. resumeAtMs (ms since the epoch): when a
    //! Suspended session may connect again.
    void disconnected(wagate::DisconnectKind kind, const QString &code, const QString &message, qint64 resumeAtMs = 0);

    //! WhatsApp acknowledged a sent text (`at`: its time, ms since the epoch).
    void messageSent(const QString &id, qint64 at);
    void messageFailed(const wagate::SendFailure &failure);
    //! A message arrived; the connection saved what it must before saying so.
    void messageReceived(const wagate::IncomingMessage &message);
    void receiptReceived(const wagate::MessageReceipt &receipt);
};

//! Makes connections for sessions; the engine owns one.
class SessionConnectionFactory
{
public:
    virtual ~SessionConnectionFactory() = default;
    //! A connection for this session with its stored credentials (empty when unpaired).
    virtual std::unique_ptr<SessionConnection> create(const SessionInfo &session, const QByteArray &credentials) = 0;
    //! The session is gone for good: whatever the factory keeps for it (its Signal state) goes too.
    virtual void forget(const QString &sessionId) { Q_UNUSED(sessionId) }
};

} // namespace wagate

Q_DECLARE_METATYPE(wagate::PairedAccount)
Q_DECLARE_METATYPE(wagate::DisconnectKind)
