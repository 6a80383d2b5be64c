#include "simconnection.h"

#include "wasimlogging.h"
#include "wasimserver.h"

#include "wa/binary/nodedecoder.h"
#include "wa/binary/nodeencoder.h"

#include <QDateTime>
#include <QTimer>
#include <QWebSocket>

namespace wagate::wasim {

namespace {
constexpr int kHandshakeTimeoutMs = 20000;  // what clients allow for the ServerHello, too
constexpr int kCloseGraceMs = 2000;         // a peer that ignores our close frame is cut off after this
// After a final stanza (stream error, failure) the peer normally closes itself. Closing first would
// make our kernel answer its last writes with a reset, and a reset can discard the very stanza it
// has not read yet (seen with Baileys: the 515 got lost while it was busy storing the pairing).
constexpr int kFinishGraceMs = 1000;
constexpr qsizetype kMaxFrameSize = 1 << 20; // a full pre-key upload is ~40 KiB
} // namespace

SimConnection::SimConnection(quint64 id, QWebSocket *socket, WasimServer *server)
    : QObject(server),
      m_id(id),
      m_socket(socket),
      m_server(server),
      m_openedAt(QDateTime::currentMSecsSinceEpoch()),
      m_codec(wa::FrameCodec::Side::Server)
{
    m_codec.setMaxFrameSize(kMaxFrameSize);
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(quint64(kMaxFrameSize) * 2);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &SimConnection::onBinaryMessage);
    connect(socket, &QWebSocket::textMessageReceived, this, [this] { protocolError("text message"); });
    connect(socket, &QWebSocket::disconnected, this, &SimConnection::onDisconnected);
    QTimer::singleShot(kHandshakeTimeoutMs, this, [this] {
        if (m_state == State::Handshake)
            protocolError("handshake timeout");
    });
}

SimConnection::~SimConnection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

QString SimConnection::stateName() const
{
    switch (m_state) {
    case State::Handshake: return QStringLiteral("handshake");
    case State::Registration:
        return m_registration && m_registration->pairing ? QStringLiteral("pairing") : QStringLiteral("registration");
    case State::LoggedIn: return QStringLiteral("logged-in");
    case State::Closing: return QStringLiteral("closing");
    }
    return {};
}

void SimConnection::startRegistration(std::unique_ptr<RegistrationState> state)
{
    m_registration = std::move(state);
    m_state = State::Registration;
}

void SimConnection::setLoggedIn(const wa::Jid &device)
{
    m_device = device;
    m_registration.reset();
    m_state = State::LoggedIn;
}

void SimConnection::onBinaryMessage(const QByteArray &message)
{
    if (m_state == State::Closing)
        return;
    auto frames = m_codec.decode(message);
    if (!frames) {
        protocolError(wa::frameErrorName(frames.error()));
        return;
    }
    for (const QByteArray &frame : *frames) {
        if (m_state == State::Closing) // a node handler ended the stream; the rest is moot
            return;
        onFrame(frame);
    }
}

void SimConnection::onFrame(const QByteArray &frame)
{
    if (m_state == State::Handshake) {
        handshakeFrame(frame);
        return;
    }
    const auto plain = m_cipher.decrypt(frame);
    if (!plain) {
        protocolError("frame decryption failed");
        return;
    }
    const wa::DecodeResult decoded = wa::NodeDecoder().decode(*plain);
    if (!decoded) {
        qCDebug(lcWasimConn) << "connection" << m_id << "sent an undecodable node:" << decoded.error();
        protocolError("undecodable node");
        return;
    }
    m_server->onNode(this, decoded.node());
}

void SimConnection::handshakeFrame(const QByteArray &frame)
{
    if (!m_responder) {
        m_responder = std::make_unique<wa::NoiseResponder>(m_server->noiseKey(), m_server->certificateChain());
        if (auto hello = m_responder->readClientHello(frame); !hello) {
            protocolError(wa::handshakeErrorName(hello.error()));
            return;
        }
        const auto serverHello = m_responder->serverHello();
        if (!serverHello) {
            protocolError(wa::handshakeErrorName(serverHello.error()));
            return;
        }
        writeFrame(*serverHello);
        return;
    }
    auto finish = m_responder->readClientFinish(frame);
    if (!finish) {
        protocolError(wa::handshakeErrorName(finish.error()));
        return;
    }
    auto cipher = m_responder->split();
    if (!cipher) {
        protocolError(wa::handshakeErrorName(cipher.error()));
        return;
    }
    m_cipher = std::move(*cipher);
    m_responder.reset();
    m_clientStatic = finish->staticKey;
    m_state = State::Registration; // provisional: the server decides from the payload
    m_server->onHandshake(this, finish->payload);
}

void SimConnection::send(const wa::Node &node)
{
    if (m_state == State::Closing || !m_cipher.isValid())
        return;
    const Faults &faults = m_server->faults();
    const auto payload = wa::NodeEncoder::encode(
        node, faults.compress ? wa::NodeEncoder::Compression::Zlib : wa::NodeEncoder::Compression::None);
    if (!payload) {
        qCWarning(lcWasimConn) << "cannot encode" << node << ":" << payload.error().message;
        return;
    }
    const auto encrypted = m_cipher.encrypt(*payload);
    if (!encrypted) {
        protocolError("nonces exhausted");
        return;
    }
    writeFrame(*encrypted);
}

void SimConnection::finish(const wa::Node &last)
{
    if (m_state == State::Closing)
        return;
    send(last);
    flushOutbox();
    m_state = State::Closing; // from now on incoming data is ignored
    QTimer::singleShot(kFinishGraceMs, this, &SimConnection::closeSocket);
}

void SimConnection::close()
{
    if (m_state == State::Closing)
        return;
    flushOutbox();
    m_state = State::Closing;
    closeSocket();
}

void SimConnection::closeSocket()
{
    if (!m_socket || m_closedEmitted)
        return;
    m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    QTimer::singleShot(kCloseGraceMs, this, [this] {
        if (m_socket)
            m_socket->abort();
        onDisconnected();
    });
}

void SimConnection::drop()
{
    m_state = State::Closing;
    m_outbox.clear();
    if (m_socket)
        m_socket->abort();
    onDisconnected();
}

void SimConnection::writeFrame(QByteArrayView payload)
{
    const auto bytes = m_codec.encode(payload);
    if (!bytes) {
        qCWarning(lcWasimConn) << "connection" << m_id << "cannot frame" << payload.size() << "bytes";
        return;
    }
    const Faults &faults = m_server->faults();
    if (faults.coalesceFrames) {
        m_outbox.append(*bytes);
        if (!m_flushScheduled) {
            m_flushScheduled = true;
            QTimer::singleShot(std::max(0, faults.coalesceWindowMs), this, &SimConnection::flushOutbox);
        }
        return;
    }
    writeBytes(*bytes);
}

void SimConnection::writeBytes(const QByteArray &bytes)
{
    if (!m_socket || bytes.isEmpty())
        return;
    const int split = m_server->faults().splitFrames;
    if (split <= 0) {
        m_socket->sendBinaryMessage(bytes);
        return;
    }
    for (qsizetype at = 0; at < bytes.size(); at += split)
        m_socket->sendBinaryMessage(bytes.mid(at, split));
}

void SimConnection::flushOutbox()
{
    m_flushScheduled = false;
    if (m_state == State::Closing)
        return;
    writeBytes(std::exchange(m_outbox, {}));
}

void SimConnection::protocolError(const char *what)
{
    if (m_state == State::Closing)
        return;
    qCInfo(lcWasimConn) << "connection" << m_id << "dropped:" << what;
    drop();
}

void SimConnection::onDisconnected()
{
    m_state = State::Closing;
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    m_server->onClosed(this);
    deleteLater();
}

} // namespace wagate::wasim
