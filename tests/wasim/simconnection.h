#pragma once

#include "advidentity.h"
#include "wasimtypes.h"

#include "wa/binary/node.h"
#include "wa/crypto/keypair.h"
#include "wa/noise/framecodec.h"
#include "wa/noise/noiseresponder.h"
#include "wa/noise/transportcipher.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QWebSocket;

namespace wagate::wasim {

class WasimServer;

//! A pairing in progress on one connection: <pair-success> was sent, the <pair-device-sign>
//! answer is awaited. The device index is reserved on the phone until it ends.
struct PairingState
{
    quint64 ticket = 0;
    QString phone;
    quint16 deviceIndex = 0;
    advidentity::Issued issued;
    QByteArray companionIdentity;
    QString platform;
    QString displayName;
    QString iqId; //!< id of the pair-success iq, which the answer carries
};

//! A pairing-code request (companion_hello) and, once the phone typed the code, its half of the
//! key agreement.
struct CodeRequest
{
    QString phone;
    QByteArray wrappedCompanionEphemeral; //!< 80 bytes from companion_hello
    QByteArray ref;                       //!< link_code_pairing_ref we answered with
    QString platformId;
    QString platformDisplay;
    // after enter-code:
    quint64 ticket = 0;
    std::optional<wa::KeyPair> primaryEphemeral;
    QByteArray companionEphemeral; //!< unwrapped with the typed code (garbage if the code was wrong)
};

//! What a registering companion told us, and the refs we gave it.
struct RegistrationState
{
    QByteArray identityKey;      //!< eIdent: the companion's identity key
    quint32 registrationId = 0;
    QByteArray signedPreKeyId;   //!< 3 bytes
    QByteArray signedPreKey;
    QByteArray signedPreKeySignature;
    QString displayName;         //!< from DeviceProps: "Chrome (Mac OS)"
    QString platformType;        //!< DeviceProps platformType as a number, e.g. "1"
    QList<QByteArray> refs;
    QList<qint64> refExpiry;     //!< unix ms at which each ref stops being scannable
    std::optional<CodeRequest> code;
    std::optional<PairingState> pairing;
};

//! One WebSocket connection on the server side: the byte stream (reassembly, the fault-injected
//! ways of sending), the Noise responder, the transport cipher and node coding. What the nodes
//! mean is the server's business; this class only carries them. Small once logged in: the
//! handshake and registration state are freed when no longer needed.
class SimConnection : public QObject
{
    Q_OBJECT
public:
    enum class State { Handshake, Registration, LoggedIn, Closing };

    SimConnection(quint64 id, QWebSocket *socket, WasimServer *server);
    ~SimConnection() override;

    quint64 id() const { return m_id; }
    State state() const { return m_state; }
    QString stateName() const;
    qint64 openedAt() const { return m_openedAt; }
    //! The client's Noise static key (its noise key), known after the handshake.
    const QByteArray &clientStaticKey() const { return m_clientStatic; }
    //! The logged-in device, or an invalid Jid.
    const wa::Jid &device() const { return m_device; }

    //! Past <iq xmlns="passive"><active/></iq>: the server delivers what it holds for this device.
    bool isActive() const { return m_active; }
    void setActive(bool active) { m_active = active; }

    RegistrationState *registration() { return m_registration.get(); }
    void startRegistration(std::unique_ptr<RegistrationState> state);
    void setLoggedIn(const wa::Jid &device);

    //! Encrypts and sends a node (compressed, split or coalesced as the faults say).
    void send(const wa::Node &node);
    //! Sends the stanza and ends the stream: the peer is given a moment to close first (clients
    //! close on stream errors and failures), then the WebSocket is closed.
    void finish(const wa::Node &last);
    //! Closes the WebSocket normally (after anything still queued).
    void close();
    //! Drops the TCP connection without a word, like a network failure.
    void drop();

private:
    // The server hears about the handshake's end, each node and the close through direct calls
    // (WasimServer::onHandshake/onNode/onClosed): cheaper than three signal connections per socket.
    void onBinaryMessage(const QByteArray &message);
    void onFrame(const QByteArray &frame);
    void handshakeFrame(const QByteArray &frame);
    void writeFrame(QByteArrayView payload);
    void writeBytes(const QByteArray &bytes);
    void flushOutbox();
    void closeSocket();
    void protocolError(const char *what);
    void onDisconnected();

    quint64 m_id;
    QPointer<QWebSocket> m_socket;
    WasimServer *m_server;
    State m_state = State::Handshake;
    qint64 m_openedAt = 0;
    wa::FrameCodec m_codec;
    std::unique_ptr<wa::NoiseResponder> m_responder;
    wa::TransportCipher m_cipher;
    QByteArray m_clientStatic;
    wa::Jid m_device;
    std::unique_ptr<RegistrationState> m_registration;
    QByteArray m_outbox;
    bool m_flushScheduled = false;
    bool m_closedEmitted = false;
    bool m_active = false;
};

} // namespace wagate::wasim
