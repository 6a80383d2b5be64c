#pragma once

#include "wasimtypes.h"

#include "core/result.h"
#include "wa/binary/node.h"
#include "wa/crypto/keypair.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <map>
#include <memory>
#include <optional>

class QTcpServer;
class QWebSocketServer;
class QWebSocket;

namespace wagate::wasim {

class Phone;
class SimConnection;
struct RegistrationState;

//! A pairing started by a phone (a QR scan or a typed pairing code). Its outcome arrives later as
//! pairingSucceeded() or pairingFailed() with the same id.
struct PairingTicket
{
    quint64 id = 0;
    quint64 connection = 0; //!< the companion's connection
    QString phone;
};

//! wasim: WhatsApp's server and its phones, simulated over the real wire protocol (WebSocket →
//! Noise XX with its own certificate root → encrypted frames → binary nodes) so that clients can be
//! paired, logged in, kept alive and thrown out on loopback. Everything runs on the thread that
//! owns the object, event-driven; a logged-in connection costs a few kilobytes.
//!
//! In-process use (Qt tests), e.g.:
//!
//!     WasimServer sim;
//!     sim.listen();                                   // 127.0.0.1, a free port
//!     client.setEndpoint(sim.url(), sim.rootPublicKey());
//!     sim.addPhone("491701234567", "Alice");
//!     // the client shows a QR → sim.scanQr("491701234567", qrText);
//!     QSignalSpy paired(&sim, &WasimServer::pairingSucceeded);
//!
//! The same operations are offered over HTTP by ControlApi (the `wasim` executable).
class WasimServer : public QObject
{
    Q_OBJECT
public:
    //! `defaults` are the initial fault settings and ref timings; resetFaults() returns to them.
    explicit WasimServer(const Faults &defaults = {}, QObject *parent = nullptr);
    ~WasimServer() override;

    // --- endpoint

    //! Starts accepting WebSocket connections; port 0 picks a free port. False with errorString().
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QString errorString() const;
    //! Stops listening and closes every connection (no stream error).
    void close();
    quint16 port() const;
    //! ws://ADDRESS:PORT/ws/chat
    QUrl url() const;
    //! The root of our certificate chain (32 bytes): what clients must trust instead of WhatsApp's.
    QByteArray rootPublicKey() const;

    // --- phones and devices

    //! A new phone (account). The number is 7–15 digits without '+'; a push name of at most 64
    //! characters. already_exists if the number is taken.
    Result<PhoneInfo> addPhone(const QString &number, const QString &pushName = {}, bool business = false);
    std::optional<PhoneInfo> phone(const QString &number) const;
    QList<PhoneInfo> phones() const;

    //! The phone scans a companion's QR text: finds the connection that was given the ref, checks
    //! the QR's keys against that connection and sends it <pair-success>. The device is linked
    //! when the companion's <pair-device-sign> checks out (pairingSucceeded), after which the
    //! server sends <stream:error code="515"/> and closes. not_found for an unknown phone or ref,
    //! invalid_argument for a malformed QR or one that does not match the connection,
    //! failed_precondition for an expired ref or a pairing already under way.
    Result<PairingTicket> scanQr(const QString &phone, const QString &qr);
    //! The phone's user types the pairing code a companion showed (after the companion's
    //! companion_hello for this number): the phone answers with primary_hello, then checks the
    //! companion_finish and continues as scanQr does. A wrong code is only noticed at
    //! companion_finish (pairingFailed, reason "wrong-code"). not_found when no companion waits
    //! for a code for this phone.
    Result<PairingTicket> enterCode(const QString &phone, const QString &code);
    //! Links a device directly, as if it had been paired, for load tests and login tests that do
    //! not need a pairing flow: logins must then use `noiseKey` (32 bytes) as their static key.
    Result<DeviceInfo> registerDevice(const QString &phone, const QByteArray &noiseKey,
                                      const QByteArray &identityKey = {});
    Result<QList<DeviceInfo>> devices(const QString &phone) const;
    //! Unlinks a device from its phone: a live connection gets
    //! <stream:error code="401"><conflict type="device_removed"/></stream:error> and is closed;
    //! later logins are refused with <failure reason="401"/>.
    Result<DeviceInfo> unlinkDevice(const QString &phone, quint16 device);

    // --- connections

    QList<ConnectionInfo> connections() const;
    //! Drops connections without a word (a network failure): all, or those of one logged-in device.
    //! Returns how many.
    int dropConnections(const wa::Jid &device = {});
    //! Ends connections with a stream error: all (including unauthenticated ones past the
    //! handshake), or those of one logged-in device. Returns how many.
    int sendStreamError(const StreamError &error, const wa::Jid &device = {});

    // --- faults, counters

    const Faults &faults() const { return m_faults; }
    void setFaults(const Faults &faults);
    const Faults &defaultFaults() const { return m_defaultFaults; }
    void resetFaults() { setFaults(m_defaultFaults); }
    Stats stats() const;
    //! Zeroes the totals (current values stay what they are).
    void resetStats();

signals:
    void connectionOpened(quint64 connection);
    void connectionClosed(quint64 connection);
    //! The Noise handshake completed; `registration` tells which payload the client sent.
    void handshakeCompleted(quint64 connection, bool registration);
    //! <pair-device> with these refs was sent to a registering companion.
    void refsIssued(quint64 connection, const QList<QByteArray> &refs);
    //! The last ref expired without a pairing; the server closed the connection.
    void refsExhausted(quint64 connection);
    //! A companion asked for code pairing with this phone number (companion_hello).
    void pairingCodeRequested(quint64 connection, const QString &phone);
    void pairingSucceeded(quint64 ticket, const wagate::wasim::DeviceInfo &device);
    //! Reasons: "client-error CODE TEXT" (the companion refused pair-success), "bad-device-sign:
    //! NAME", "wrong-code", "identity-mismatch", "connection-closed", "timeout".
    void pairingFailed(quint64 ticket, const QString &phone, const QString &reason);
    void loggedIn(quint64 connection, const wagate::wa::Jid &device);
    //! A login was answered with <failure reason="…"/>.
    void loginRefused(quint64 connection, int reason);
    void deviceUnlinked(const wagate::wasim::DeviceInfo &device);

private:
    friend class SimConnection;

    // Called by SimConnection.
    const wa::KeyPair &noiseKey() const { return m_noiseKey; }
    const QByteArray &certificateChain() const { return m_certChain; }
    void onHandshake(SimConnection *connection, const QByteArray &payload);
    void onNode(SimConnection *connection, const wa::Node &node);
    void onClosed(SimConnection *connection);

    void acceptWebSocket(QWebSocket *socket);
    void rebuildCertificateChain();

    // Flows (wasimflows.cpp).
    void startRegistration(SimConnection *connection, const QByteArray &payload);
    void login(SimConnection *connection, quint64 username, quint32 device);
    void refuseLogin(SimConnection *connection, int reason);
    void expireRefs(quint64 connectionId);
    void handleIq(SimConnection *connection, const wa::Node &iq);
    void handleRegistrationIq(SimConnection *connection, const wa::Node &iq);
    void handleCompanionHello(SimConnection *connection, const wa::Node &iq, const wa::Node &reg);
    void handleCompanionFinish(SimConnection *connection, const wa::Node &iq, const wa::Node &reg);
    void handlePairDeviceSign(SimConnection *connection, const wa::Node &iq);
    Result<PairingTicket> beginPairing(SimConnection *connection, Phone &phone, const QByteArray &companionIdentity,
                                       const QByteArray &advSecret, const QString &platform,
                                       const QString &displayName, quint64 ticket);
    void failPairing(SimConnection *connection, const QString &reason);
    void answerPing(SimConnection *connection, const wa::Node &iq);
    void armTicketTimeout(SimConnection *connection, quint64 ticket);

    Phone *findPhone(const QString &number) const;
    DeviceInfo deviceInfo(const Phone &phone, quint16 index) const;
    SimConnection *connectionById(quint64 id) const;
    QString nextIqId();
    QByteArray newRef();
    QString newLid();

    QTcpServer *m_tcp = nullptr;
    QWebSocketServer *m_webSockets = nullptr;
    QString m_error;

    wa::KeyPair m_root;
    wa::KeyPair m_intermediate;
    wa::KeyPair m_noiseKey;
    QByteArray m_certChain; //!< what ServerHello carries, rebuilt when the certificate fault changes

    Faults m_defaultFaults;
    Faults m_faults;
    Stats m_stats;

    std::map<QString, std::unique_ptr<Phone>> m_phones;
    QHash<QString, QString> m_lids; //!< LID user → phone number (LIDs are unique)
    QHash<quint64, SimConnection *> m_connections;
    QHash<QByteArray, SimConnection *> m_refs;
    QHash<wa::Jid, SimConnection *> m_online; //!< logged-in device → its connection
    quint64 m_nextConnectionId = 0;
    quint64 m_nextTicket = 0;
    quint64 m_nextIq = 0;
};

} // namespace wagate::wasim
