#pragma once

#include "sessionconnection.h"
#include "wa/client/waconnection.h"

#include <memory>

namespace wagate {

//! A session's SessionConnection over the WhatsApp multi-device protocol: adapts wa::WaConnection
//! (credentials in, events out) to what the lifecycle expects.
class WaSessionConnection : public SessionConnection
{
    Q_OBJECT
public:
    //! credentials: bytes of a previous credentialsChanged(), or empty for a new device. Unreadable
    //! credentials make every attempt end at once with a fatal "credentials_unreadable".
    WaSessionConnection(const QByteArray &credentials, const wa::WaConnectionOptions &options, QObject *parent = nullptr);
    ~WaSessionConnection() override;

    void connectToWhatsApp() override;
    void beginQrPairing() override;
    void beginCodePairing(const QString &phoneNumber) override;
    void disconnectFromWhatsApp() override;
    void logout() override;

    //! How a connection outcome steers the lifecycle.
    static DisconnectKind kindOf(wa::DisconnectOutcome outcome);
    //! The lastError.code a session shows for an outcome (API.md; the console explains each).
    static QString errorCode(wa::DisconnectOutcome outcome);

private:
    void wire();

    std::unique_ptr<wa::WaConnection> m_connection;
    QString m_unreadable; //!< why the stored credentials could not be used
};

//! Makes WaSessionConnections against one endpoint (WhatsApp's, or the simulator's in tests).
class WaConnectionFactory : public SessionConnectionFactory
{
public:
    explicit WaConnectionFactory(wa::WaConnectionOptions options) : m_options(std::move(options)) {}
    std::unique_ptr<SessionConnection> create(const SessionInfo &session, const QByteArray &credentials) override;

private:
    wa::WaConnectionOptions m_options;
};

} // namespace wagate
