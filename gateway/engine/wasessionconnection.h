#pragma once

#include "sessionconnection.h"
#include "wa/client/waconnection.h"

#include <functional>
#include <memory>

namespace wagate {

//! A session's SessionConnection over the WhatsApp multi-device protocol: adapts wa::WaConnection
//! (credentials in, events out) to what the lifecycle expects.
class WaSessionConnection : public SessionConnection
{
    Q_OBJECT
public:
    //! credentials: bytes of a previous credentialsChanged(), or empty for a new device. Unreadable
    //! credentials make every attempt end at once with a fatal "credentials_unreadable". `store`
    //! keeps the session's Signal state (an in-memory one when null).
    WaSessionConnection(const QByteArray &credentials, const wa::WaConnectionOptions &options,
                        std::shared_ptr<wa::SignalStore> store = {}, QObject *parent = nullptr);
    ~WaSessionConnection() override;

    void connectToWhatsApp() override;
    void beginQrPairing() override;
    void beginCodePairing(const QString &phoneNumber) override;
    void disconnectFromWhatsApp() override;
    void logout() override;
    void sendText(const OutgoingText &text) override;
    Result<void> markRead(const QString &chat, const QString &sender, const QStringList &ids) override;
    Result<void> sendChatState(const QString &chat, ChatState state) override;
    Result<void> setPresence(bool available) override;
    void lookupContact(const QString &digits, std::function<void(Result<ContactLookup>)> done) override;

    //! How a connection outcome steers the lifecycle.
    static DisconnectKind kindOf(wa::DisconnectOutcome outcome);
    //! The lastError.code a session shows for an outcome (API.md; the console explains each).
    static QString errorCode(wa::DisconnectOutcome outcome);

private:
    void wire();

    std::unique_ptr<wa::WaConnection> m_connection;
    QString m_unreadable; //!< why the stored credentials could not be used
};

//! Makes WaSessionConnections against one endpoint (WhatsApp's, or the simulator's in tests), each
//! with the Signal store `storeFor` gives for its session.
class WaConnectionFactory : public SessionConnectionFactory
{
public:
    using StoreFor = std::function<std::shared_ptr<wa::SignalStore>(const QString &sessionId)>;

    explicit WaConnectionFactory(wa::WaConnectionOptions options, StoreFor storeFor = {})
        : m_options(std::move(options)), m_storeFor(std::move(storeFor))
    {
    }
    std::unique_ptr<SessionConnection> create(const SessionInfo &session, const QByteArray &credentials) override;
    void forget(const QString &sessionId) override;

private:
    wa::WaConnectionOptions m_options;
    StoreFor m_storeFor;
};

} // namespace wagate
