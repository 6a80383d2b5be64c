#include "watransport.h"

#include "core/logging.h"
#include "wa/binary/node.h"
#include "wa/binary/nodeencoder.h"

#include <QThread>
#include <QWebSocket>

namespace wagate::wa {

WaTransport::WaTransport(WaTransportOptions options, Listener *listener, QObject *parent)
    : QObject(parent), m_opt(std::move(options)), m_listener(listener), m_connectTimer(this)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &WaTransport::onConnectTimeout);
}

WaTransport::~WaTransport()
{
    ++m_generation;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

QString WaTransport::errorString() const
{
    return m_socket ? m_socket->errorString() : QString();
}

void WaTransport::open(const KeyPair &noiseKey, const QByteArray &routingInfo)
{
    Q_ASSERT(QThread::currentThread() == thread());
    retireSocket();
    ++m_generation;
    m_state = State::Connecting;
    m_codec.emplace(FrameCodec::Side::Client);
    m_codec->setMaxFrameSize(m_opt.maxFrameSize);
    if (!routingInfo.isEmpty())
        m_codec->setRoutingInfo(routingInfo);
    const auto clock = m_opt.clock;
    CertificateVerifier verifier(m_opt.rootKey, clock ? CertificateVerifier::Clock([clock] { return clock() / 1000; })
                                                      : CertificateVerifier::Clock());
    m_noise.emplace(noiseKey, verifier);
    m_cipher = TransportCipher();

    m_socket = new QWebSocket(QStringLiteral("https://web.whatsapp.com"), QWebSocketProtocol::VersionLatest, this);
    // A frame is at most 16 MiB; WebSocket messages carry frames, so allow a little more.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_opt.maxFrameSize) + 4096);
    m_socket->setMaxAllowedIncomingFrameSize(quint64(m_opt.maxFrameSize) + 4096);
    connect(m_socket, &QWebSocket::connected, this, &WaTransport::onConnected);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &WaTransport::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &WaTransport::onGone);
    connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, &WaTransport::onGone);
    m_connectTimer.start(m_opt.connectTimeoutMs);
    m_socket->open(m_opt.url);
}

void WaTransport::close()
{
    ++m_generation;
    m_state = State::Closed;
    m_connectTimer.stop();
    retireSocket();
    m_codec.reset();
    m_noise.reset();
    m_cipher = TransportCipher();
}

void WaTransport::retireSocket()
{
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    // close() flushes what we wrote (an error iq, a logout) before the close frame. The socket goes
    // away when the peer confirms or after a grace period, whichever comes first.
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(2000, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater();
    else
        socket->close();
}

void WaTransport::fail(DisconnectOutcome outcome, const QString &code, const QString &message)
{
    fail(DisconnectReason{outcome, code, message, 0});
}

void WaTransport::fail(const DisconnectReason &reason)
{
    if (m_state == State::Closed)
        return;
    // Keep the socket for the listener's errorString(); it goes with close().
    ++m_generation;
    m_state = State::Closed;
    m_connectTimer.stop();
    m_listener->transportFailed(reason);
}

void WaTransport::onConnected()
{
    m_state = State::Handshaking;
    auto hello = m_noise->clientHello();
    if (!hello) {
        fail(DisconnectOutcome::HandshakeFailed, QString::fromLatin1(handshakeErrorName(hello.error())),
             QStringLiteral("The Noise handshake could not start."));
        return;
    }
    auto framed = m_codec->encode(*hello);
    if (!framed) {
        fail(DisconnectOutcome::FrameTooLarge, QString::fromLatin1(frameErrorName(framed.error())),
             QStringLiteral("The ClientHello could not be framed."));
        return;
    }
    m_socket->sendBinaryMessage(*framed);
}

void WaTransport::onMessage(const QByteArray &message)
{
    const quint64 generation = m_generation;
    auto frames = m_codec->decode(message);
    if (!frames) {
        fail(DisconnectOutcome::FrameTooLarge, QString::fromLatin1(frameErrorName(frames.error())),
             QStringLiteral("WhatsApp sent a frame larger than %1 bytes.").arg(m_codec->maxFrameSize()));
        return;
    }
    for (const QByteArray &frame : *frames) {
        handleFrame(frame);
        if (generation != m_generation) // ended, closed or reopened: the rest belongs to the old socket
            return;
    }
}

void WaTransport::onGone()
{
    // QWebSocket reports a failed connect and a dropped link with disconnected() and error() in
    // either order; whichever comes first ends the attempt, the second finds it closed.
    if (m_state == State::Closed)
        return;
    const QAbstractSocket::SocketError error = m_socket ? m_socket->error() : QAbstractSocket::UnknownSocketError;
    const bool peerHungUp = error == QAbstractSocket::UnknownSocketError || error == QAbstractSocket::RemoteHostClosedError;
    if (m_state == State::Connecting || !peerHungUp) {
        const QString what = m_socket ? m_socket->errorString() : QString();
        fail(DisconnectOutcome::Retryable, QStringLiteral("network_error"),
             QStringLiteral("Network error talking to WhatsApp: %1").arg(what));
        return;
    }
    const QString reason = m_socket ? m_socket->closeReason() : QString();
    fail(DisconnectOutcome::Retryable, QStringLiteral("socket_closed"),
         reason.isEmpty() ? QStringLiteral("The connection to WhatsApp was closed.")
                          : QStringLiteral("The connection to WhatsApp was closed: %1").arg(reason));
}

void WaTransport::onConnectTimeout()
{
    if (m_state == State::Connecting || m_state == State::Handshaking)
        fail(DisconnectOutcome::Retryable, QStringLiteral("connect_timeout"),
             QStringLiteral("WhatsApp did not complete the handshake in time."));
}

void WaTransport::handleFrame(const QByteArray &frame)
{
    if (m_state == State::Handshaking || m_state == State::Connecting) {
        handleServerHello(frame);
        return;
    }
    auto plain = m_cipher.decrypt(frame);
    if (!plain) {
        fail(DisconnectOutcome::ProtocolError, QStringLiteral("decrypt_failed"),
             QStringLiteral("A frame from WhatsApp did not decrypt."));
        return;
    }
    auto decoded = m_decoder.decode(*plain);
    if (!decoded) {
        qCWarning(lcWaNode) << "undecodable frame:" << decoded.error();
        fail(DisconnectOutcome::ProtocolError, QStringLiteral("bad_node"),
             QStringLiteral("A frame from WhatsApp could not be decoded (%1).")
                 .arg(NodeError::codeName(decoded.error().code)));
        return;
    }
    qCDebug(lcWaNode) << "in:" << decoded.node();
    m_listener->transportNode(decoded.node());
}

void WaTransport::handleServerHello(const QByteArray &frame)
{
    auto serverKey = m_noise->readServerHello(frame);
    if (!serverKey) {
        if (serverKey.error() == HandshakeError::BadCertificate && m_noise->certificateError()) {
            const CertError cert = *m_noise->certificateError(); // NoiseInitiator logged it
            fail(DisconnectOutcome::BadCertificate, QString::fromLatin1(certErrorName(cert)),
                 QStringLiteral("The server's certificate failed a check (%1); this is not WhatsApp.")
                     .arg(QString::fromLatin1(certErrorName(cert))));
        } else {
            qCWarning(lcWaNoise) << "ServerHello refused:" << handshakeErrorName(serverKey.error());
            fail(DisconnectOutcome::HandshakeFailed, QString::fromLatin1(handshakeErrorName(serverKey.error())),
                 QStringLiteral("The Noise handshake with WhatsApp failed (%1).")
                     .arg(QString::fromLatin1(handshakeErrorName(serverKey.error()))));
        }
        return;
    }
    const quint64 generation = m_generation;
    auto payload = m_listener->transportPayload();
    if (generation != m_generation)
        return;
    if (!payload) {
        fail(payload.error());
        return;
    }
    auto finishMessage = m_noise->clientFinish(*payload);
    auto cipher = finishMessage ? m_noise->split() : Expected<TransportCipher, HandshakeError>(finishMessage.error());
    if (!cipher) {
        fail(DisconnectOutcome::HandshakeFailed, QString::fromLatin1(handshakeErrorName(cipher.error())),
             QStringLiteral("The Noise handshake could not be finished."));
        return;
    }
    auto framed = m_codec->encode(*finishMessage);
    if (!framed) {
        fail(DisconnectOutcome::FrameTooLarge, QString::fromLatin1(frameErrorName(framed.error())),
             QStringLiteral("The ClientFinish could not be framed."));
        return;
    }
    m_socket->sendBinaryMessage(*framed);
    m_cipher = std::move(*cipher);
    m_noise.reset();
    m_state = State::Open;
    m_connectTimer.stop();
    qCDebug(lcWaNoise) << "handshake done";
    m_listener->transportEstablished();
}

bool WaTransport::send(const Node &node)
{
    if (m_state != State::Open || !m_socket || !m_codec || !m_cipher.isValid())
        return false;
    auto encoded = NodeEncoder::encode(node);
    if (!encoded) {
        qCWarning(lcWaNode) << "cannot encode a" << node.tag() << "node:" << encoded.error().message;
        return false;
    }
    auto ciphertext = m_cipher.encrypt(*encoded);
    if (!ciphertext) {
        fail(DisconnectOutcome::Retryable, QStringLiteral("nonce_exhausted"),
             QStringLiteral("The transport cipher ran out of nonces; reconnecting."));
        return false;
    }
    auto framed = m_codec->encode(*ciphertext);
    if (!framed) {
        qCWarning(lcWaNode) << "cannot frame a" << node.tag() << "node:" << frameErrorName(framed.error());
        return false;
    }
    qCDebug(lcWaNode) << "out:" << node;
    m_socket->sendBinaryMessage(*framed);
    return true;
}

} // namespace wagate::wa
