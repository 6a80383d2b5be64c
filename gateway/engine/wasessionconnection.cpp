#include "wasessionconnection.h"

#include "core/logging.h"
#include "core/session.h"
#include "wa/binary/jid.h"
#include "wa/signal/signalstore.h"

#include <QTimer>

namespace wagate {

using wa::DisconnectOutcome;

DisconnectKind WaSessionConnection::kindOf(DisconnectOutcome outcome)
{
    switch (outcome) {
    case DisconnectOutcome::Retryable:
    case DisconnectOutcome::Restart:
    case DisconnectOutcome::HandshakeFailed:
    case DisconnectOutcome::ProtocolError:
    case DisconnectOutcome::FrameTooLarge:
    case DisconnectOutcome::Closed:
        return DisconnectKind::Retryable;
    case DisconnectOutcome::LoggedOut:
    case DisconnectOutcome::Banned:
        return DisconnectKind::LoggedOut;
    case DisconnectOutcome::Replaced:
        return DisconnectKind::Replaced;
    case DisconnectOutcome::TemporarilyBanned:
        return DisconnectKind::Suspended;
    case DisconnectOutcome::Outdated:
    case DisconnectOutcome::Rejected:
    case DisconnectOutcome::BadCertificate:
    case DisconnectOutcome::PairingFailed:
    case DisconnectOutcome::PairingExpired:
        return DisconnectKind::Fatal;
    }
    return DisconnectKind::Retryable;
}

QString WaSessionConnection::errorCode(DisconnectOutcome outcome)
{
    switch (outcome) {
    case DisconnectOutcome::Retryable:
    case DisconnectOutcome::Restart:
    case DisconnectOutcome::Closed: return QStringLiteral("connection_lost");
    case DisconnectOutcome::HandshakeFailed: return QStringLiteral("handshake_failed");
    case DisconnectOutcome::ProtocolError:
    case DisconnectOutcome::FrameTooLarge: return QStringLiteral("protocol_error");
    case DisconnectOutcome::LoggedOut: return QStringLiteral("logged_out");
    case DisconnectOutcome::Banned: return QStringLiteral("banned");
    case DisconnectOutcome::Replaced: return QStringLiteral("replaced");
    case DisconnectOutcome::TemporarilyBanned: return QStringLiteral("temporarily_banned");
    case DisconnectOutcome::Outdated: return QStringLiteral("client_outdated");
    case DisconnectOutcome::Rejected: return QStringLiteral("login_rejected");
    case DisconnectOutcome::BadCertificate: return QStringLiteral("bad_certificate");
    case DisconnectOutcome::PairingFailed: return QStringLiteral("pairing_failed");
    case DisconnectOutcome::PairingExpired: return QStringLiteral("qr_expired");
    }
    return QStringLiteral("connection_lost");
}

WaSessionConnection::WaSessionConnection(const QByteArray &credentials, const wa::WaConnectionOptions &options,
                                         std::shared_ptr<wa::SignalStore> store, QObject *parent)
    : SessionConnection(parent)
{
    wa::AuthState state = wa::AuthState::createNew();
    if (!credentials.isEmpty()) {
        auto parsed = wa::AuthState::parse(credentials);
        if (parsed)
            state = *parsed;
        else
            m_unreadable = parsed.error().message;
    }
    m_connection = std::make_unique<wa::WaConnection>(std::move(state), options);
    if (store)
        m_connection->setSignalStore(std::move(store));
    wire();
}

WaSessionConnection::~WaSessionConnection() = default;

void WaSessionConnection::wire()
{
    wa::WaConnection *c = m_connection.get();
    connect(c, &wa::WaConnection::connecting, this, &SessionConnection::connecting);
    connect(c, &wa::WaConnection::qrCode, this, &SessionConnection::qrCode);
    connect(c, &wa::WaConnection::pairingCode, this, &SessionConnection::pairingCode);
    connect(c, &wa::WaConnection::authStateChanged, this, &SessionConnection::credentialsChanged);
    connect(c, &wa::WaConnection::loggedIn, this, &SessionConnection::loggedIn);
    connect(c, &wa::WaConnection::pairingExpired, this, &SessionConnection::pairingExpired);
    connect(c, &wa::WaConnection::paired, this,
            [this](const QString &jid, const QString &lid, const QString &platform, const QString &businessName) {
                const auto parsed = wa::Jid::parse(jid);
                emit paired(PairedAccount{parsed ? parsed->user() : QString(), jid, lid, platform, businessName});
            });
    connect(c, &wa::WaConnection::messageSent, this, &SessionConnection::messageSent);
    connect(c, &wa::WaConnection::messageFailed, this, &SessionConnection::messageFailed);
    connect(c, &wa::WaConnection::messageReceived, this, &SessionConnection::messageReceived);
    connect(c, &wa::WaConnection::receiptReceived, this, &SessionConnection::receiptReceived);
    connect(c, &wa::WaConnection::disconnected, this, [this](DisconnectOutcome outcome, const QString &code, const QString &message) {
        if (outcome == DisconnectOutcome::Closed)
            return; // we closed it; nothing to tell
        QString detail = message;
        if (!code.isEmpty() && !message.contains(code))
            detail += QStringLiteral(" (%1)").arg(code);
        // A temporary ban says when it ends; the lifecycle waits until then.
        const qint64 resumeAt = outcome == DisconnectOutcome::TemporarilyBanned ? m_connection->lastDisconnect().banExpiresAtMs : 0;
        emit disconnected(kindOf(outcome), errorCode(outcome), detail, resumeAt);
    });
}

void WaSessionConnection::connectToWhatsApp()
{
    if (!m_unreadable.isEmpty()) {
        // Said on the next turn of the event loop, like any other outcome of an attempt.
        QTimer::singleShot(0, this, [this] {
            emit disconnected(DisconnectKind::Fatal, QStringLiteral("credentials_unreadable"),
                              QStringLiteral("The stored credentials cannot be read (%1). Link the number again.").arg(m_unreadable));
        });
        return;
    }
    m_connection->connectToWhatsApp();
}

void WaSessionConnection::beginQrPairing()
{
    m_connection->connectToWhatsApp();
}

void WaSessionConnection::beginCodePairing(const QString &phoneNumber)
{
    if (auto r = m_connection->requestPairingCode(phoneNumber); !r) {
        const QString message = r.error().message;
        QTimer::singleShot(0, this, [this, message] {
            emit disconnected(DisconnectKind::Fatal, QStringLiteral("pairing_failed"), message);
        });
    }
}

void WaSessionConnection::disconnectFromWhatsApp()
{
    m_connection->disconnectFromWhatsApp();
}

void WaSessionConnection::logout()
{
    m_connection->logout();
}

void WaSessionConnection::sendText(const OutgoingText &text)
{
    m_connection->sendText(text);
}

Result<void> WaSessionConnection::markRead(const QString &chat, const QString &sender, const QStringList &ids)
{
    return m_connection->markRead(chat, sender, ids);
}

Result<void> WaSessionConnection::sendChatState(const QString &chat, ChatState state)
{
    return m_connection->sendChatState(chat, state);
}

void WaSessionConnection::lookupContact(const QString &digits, std::function<void(Result<ContactLookup>)> done)
{
    m_connection->lookupContact(digits, std::move(done));
}

Result<void> WaSessionConnection::setPresence(bool available)
{
    return m_connection->setPresence(available);
}

std::unique_ptr<SessionConnection> WaConnectionFactory::create(const SessionInfo &session, const QByteArray &credentials)
{
    return std::make_unique<WaSessionConnection>(credentials, m_options, m_storeFor ? m_storeFor(session.id) : nullptr);
}

void WaConnectionFactory::forget(const QString &sessionId)
{
    if (!m_storeFor)
        return;
    if (auto store = m_storeFor(sessionId); store && !store->clear())
        qCWarning(lcEngine).noquote() << "the Signal state of deleted session" << sessionId << "could not be removed yet";
}

} // namespace wagate
