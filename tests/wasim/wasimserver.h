#pragma once

#include "wasimtypes.h"

#include "core/result.h"
#include "wa/binary/node.h"
#include "wa/crypto/keypair.h"
#include "wa/signal/signalprotocol.h"

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
struct LinkedDevice;

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

    // --- messages (wasimmessaging.cpp; MESSAGING.md §2–§11)

    //! The phone's primary device sends a text to every device of a user (digits, or a PN or LID
    //! JID) and to the phone's own companions (as a DeviceSentMessage). Returns the message id.
    //! not_found for a user that is not on the simulated WhatsApp.
    Result<QString> phoneSendText(const QString &phone, const QString &to, const QString &text);
    //! What the phone received, oldest first.
    Result<QList<PhoneMessage>> phoneMessages(const QString &phone) const;
    //! What the phone sent, oldest first, with the receipts per device.
    Result<QList<PhoneSentMessage>> phoneSentMessages(const QString &phone) const;
    //! The phone reads a received message: a read receipt to every device of its sender.
    Result<PhoneMessage> phoneReadMessage(const QString &phone, const QString &id);
    //! The last chat state ("composing", "paused") the phone saw from a user (number), or "".
    QString phoneChatState(const QString &phone, const QString &fromNumber) const;
    //! The next `count` messages the phone's primary device receives fail to decrypt (it answers
    //! with retry receipts, as a device that lost its session would).
    Result<void> failPhoneDecryptions(const QString &phone, int count);
    //! The phone reinstalls WhatsApp: a new identity and new Signal state; its companions are
    //! unlinked (their ADV identities no longer match) and every device that knows the user is told
    //! with an identity notification.
    Result<PhoneInfo> reinstallPhone(const QString &phone);

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
    //! A phone's primary device received (and decrypted) a message.
    void phoneReceived(const QString &phone, const QString &id);
    //! A phone got a receipt for a message it sent ("" delivered, "read", …).
    void phoneReceipt(const QString &phone, const QString &id, const QString &type, const QString &fromDevice);
    //! A message stanza was routed (after its ack was decided).
    void messageRouted(const QString &id, const wagate::wa::Jid &sender);

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

    // Messages (wasimmessaging.cpp).
    struct DeviceRef
    {
        Phone *phone = nullptr;
        quint16 device = 0;
        bool lid = false;     //!< the JID it was named by was a LID
        wa::Jid pn() const;
        wa::Jid lidJid() const;
        bool isPrimary() const { return device == 0; }
    };
    struct Pending
    {
        QString id;
        wa::Node stanza;
    };
    std::optional<DeviceRef> resolveDevice(const wa::Jid &jid) const;
    Phone *resolveUser(const wa::Jid &user, bool *lid = nullptr) const;
    QList<quint16> deviceIndexes(const Phone &phone) const;
    void handleUsync(SimConnection *connection, const wa::Node &iq);
    void handlePreKeyFetch(SimConnection *connection, const wa::Node &iq);
    void handlePreKeyUpload(SimConnection *connection, const wa::Node &iq, LinkedDevice *device);
    std::optional<wa::PreKeyBundle> bundleFor(const DeviceRef &device);
    void handleMessage(SimConnection *connection, const wa::Node &message);
    void handleReceipt(SimConnection *connection, const wa::Node &receipt);
    void handleClientAck(SimConnection *connection, const wa::Node &ack);
    void handlePresence(SimConnection *connection, const wa::Node &presence);
    void handleChatState(SimConnection *connection, const wa::Node &chatState);
    void activate(SimConnection *connection);
    //! Delivers a stanza to a device: now when online, else queued; kept until that device
    //! receipts or acks it, and redelivered at its next login.
    void deliver(const DeviceRef &target, const wa::Node &stanza, bool retry);
    void sendPending(SimConnection *connection, const Pending &pending, bool offline);
    void settle(const wa::Jid &device, const QStringList &ids);
    void routeReceiptFrom(const DeviceRef &from, const wa::Node &receipt);
    void phoneReceive(Phone &phone, const wa::Node &stanza);
    void phoneHandleReceipt(Phone &phone, const wa::Node &receipt);
    void phoneSendReceipt(Phone &phone, const wa::Node &receipt);
    void phoneAnswerRetry(Phone &phone, const QString &id, const DeviceRef &requester, const wa::Node &receipt);
    Result<void> phoneEnsureSession(Phone &phone, const DeviceRef &target, bool rebuild);
    void notifyWatchers(const Phone &phone, const wa::Node &notification);
    void watch(const QString &number, const wa::Jid &watcher);
    //! <notification type="devices"><add|remove><device jid lid/></…></notification> to watchers.
    void notifyDevicesChanged(const Phone &phone, quint16 device, bool added);

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
    QHash<wa::Jid, QList<Pending>> m_pending; //!< per device (PN form): delivered or queued, not yet receipted
    QHash<QString, QSet<wa::Jid>> m_delivered; //!< message id → devices it reached (duplicate counting)
    QHash<QString, QSet<wa::Jid>> m_watchers;  //!< phone number → devices that asked for its device list
    QHash<QString, wa::Jid> m_senders;          //!< message id → the device that sent it (PN form)
    quint64 m_nextConnectionId = 0;
    quint64 m_nextTicket = 0;
    quint64 m_nextIq = 0;
};

} // namespace wagate::wasim
