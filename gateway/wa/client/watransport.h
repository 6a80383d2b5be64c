#pragma once

#include "wa/binary/nodedecoder.h"
#include "wa/client/disconnectreason.h"
#include "wa/crypto/keypair.h"
#include "wa/noise/certificateverifier.h"
#include "wa/noise/framecodec.h"
#include "wa/noise/noiseinitiator.h"
#include "wa/noise/transportcipher.h"

#include "core/expected.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace wagate::wa {

class Node;

//! Where and how the transport reaches WhatsApp.
struct WaTransportOptions
{
    QUrl url;
    QByteArray rootKey;                 //!< the trusted root of the certificate chain
    std::function<qint64()> clock;      //!< wall clock in ms (certificate validity); null = system
    qsizetype maxFrameSize = FrameCodec::kMaxFrameSize;
    int connectTimeoutMs = 20000;       //!< socket open + ServerHello
};

//! One WebSocket to WhatsApp carrying encrypted binary nodes (PROTOCOL.md §1–§4): the socket,
//! the 3-byte frames, the Noise XX handshake with the certificate checks, the transport cipher and
//! the node codec. It knows nothing of what the nodes mean. Each open() ends in exactly one
//! Listener::transportFailed() unless close() ends it first; nothing is reported after close().
class WaTransport : public QObject
{
    Q_OBJECT
public:
    //! What the owner hears. Called synchronously; the owner may close() or open() again from
    //! inside any of them.
    class Listener
    {
    public:
        virtual ~Listener() = default;
        //! The ServerHello checked out: the ClientPayload to finish the handshake with (the
        //! login, or a registration), or the reason not to go on.
        virtual Expected<QByteArray, DisconnectReason> transportPayload() = 0;
        //! ClientFinish is sent; nodes follow.
        virtual void transportEstablished() = 0;
        virtual void transportNode(const Node &node) = 0;
        //! The link is gone (network, handshake, a bad frame): the reason says which.
        virtual void transportFailed(const DisconnectReason &reason) = 0;
    };

    enum class State { Closed, Connecting, Handshaking, Open };

    WaTransport(WaTransportOptions options, Listener *listener, QObject *parent = nullptr);
    ~WaTransport() override;

    //! Opens a socket and runs the handshake with this static key; a socket still open is let go.
    void open(const KeyPair &noiseKey, const QByteArray &routingInfo);
    //! Encrypts and sends; false when not open or the node cannot be encoded.
    bool send(const Node &node);
    //! Closes without a report (what was sent is flushed first).
    void close();

    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }
    //! The socket's error text, for messages.
    QString errorString() const;

private:
    void retireSocket();
    void onConnected();
    void onMessage(const QByteArray &message);
    void onGone();
    void onConnectTimeout();
    void handleFrame(const QByteArray &frame);
    void handleServerHello(const QByteArray &frame);
    void fail(DisconnectOutcome outcome, const QString &code, const QString &message);
    void fail(const DisconnectReason &reason);

    WaTransportOptions m_opt;
    Listener *m_listener;
    State m_state = State::Closed;
    QWebSocket *m_socket = nullptr;
    std::optional<FrameCodec> m_codec;
    std::optional<NoiseInitiator> m_noise;
    TransportCipher m_cipher;
    NodeDecoder m_decoder;
    QTimer m_connectTimer;
    //! Bumped on every open() and close(), so late callbacks of an old socket do nothing.
    quint64 m_generation = 0;
};

} // namespace wagate::wa
