#include "waconnection.h"
#include "waconnection_p.h"

#include "linkcodepairing.h"
#include "pairsuccess.h"

#include "core/ids.h"
#include "core/logging.h"
#include "wa/binary/node.h"
#include "wa/binary/nodeencoder.h"
#include "wa/crypto/linkcode.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QPromise>
#include <QRandomGenerator>
#include <QThread>
#include <QThreadPool>
#include <QWebSocket>

#include <memory>

namespace wagate::wa {

using namespace waconnection_detail;


WaConnection::WaConnection(AuthState state, WaConnectionOptions options, QObject *parent)
    : QObject(parent), m_auth(std::move(state)), m_opt(std::move(options)), m_connectTimer(this), m_qrTimer(this),
      m_keepAliveTimer(this)
{
    m_connectTimer.setSingleShot(true);
    m_qrTimer.setSingleShot(true);
    m_qrTimer.setTimerType(Qt::PreciseTimer); // expiry times are shown to people
    m_keepAliveTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &WaConnection::onConnectTimeout);
    connect(&m_qrTimer, &QTimer::timeout, this, &WaConnection::onQrTimeout);
    connect(&m_keepAliveTimer, &QTimer::timeout, this, &WaConnection::sendKeepAlive);
    m_iqPrefix = QString::fromLatin1(secureRandomBytes(3).toHex()) + QLatin1Char('.');
}

WaConnection::~WaConnection()
{
    clearPendingIqs();
}

qint64 WaConnection::now() const
{
    return m_opt.clock ? m_opt.clock() : QDateTime::currentMSecsSinceEpoch();
}

// ---------------------------------------------------------------------------------------------
// Public entry points

void WaConnection::connectToWhatsApp()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_state != State::Idle) {
        qCDebug(lcWa) << "connect ignored: an attempt is already in progress";
        return;
    }
    m_state = State::Connecting;
    m_restarts = 0;
    m_serverTimeOffsetMs = 0;
    const quint64 generation = ++m_generation;
    // Announced before anything can fail, so that connecting() always precedes disconnected().
    emit connecting();
    if (generation != m_generation || m_state != State::Connecting)
        return; // a slot ended the attempt already
    if (!m_auth.isValid()) {
        // Broken credentials never log in; say so once, after the caller had a chance to listen.
        QMetaObject::invokeMethod(this, [this, generation] {
            if (generation == m_generation)
                finish(DisconnectOutcome::LoggedOut, QStringLiteral("invalid_credentials"),
                       QStringLiteral("The stored WhatsApp credentials are incomplete; pair the device again."));
        }, Qt::QueuedConnection);
        return;
    }
    qCInfo(lcWa) << "connecting to" << m_opt.url.host() << (m_auth.isPaired() ? "to log in" : "to register");
    openSocket();
}

Result<void> WaConnection::requestPairingCode(const QString &phoneNumber)
{
    Q_ASSERT(QThread::currentThread() == thread());
    auto normalized = LinkCodePairing::normalizePhoneNumber(phoneNumber);
    if (!normalized)
        return normalized.error();
    if (m_auth.isPaired())
        return Error::failedPrecondition(QStringLiteral("this device is already linked to a phone"));
    if (m_codeRequested)
        return Error::failedPrecondition(
            QStringLiteral("a pairing code was already requested on this connection; disconnect to start over"));
    if (m_state != State::Idle && m_state != State::Connecting && m_state != State::Handshaking
        && m_state != State::Authenticating && m_state != State::Pairing)
        return Error::failedPrecondition(QStringLiteral("the connection is not registering a new device"));

    m_codeRequested = true;
    m_codePhone = *normalized;
    if (m_state == State::Idle)
        connectToWhatsApp();
    else if (m_state == State::Pairing)
        startCodeRequest();
    // Otherwise the request goes out when pair-device arrives.
    return {};
}

void WaConnection::disconnectFromWhatsApp()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_state == State::Idle)
        return;
    finish(DisconnectOutcome::Closed, QStringLiteral("closed"), QStringLiteral("The connection was closed on request."));
}

void WaConnection::logout()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_logoutRequested = true;
    switch (m_state) {
    case State::Idle:
        if (m_auth.isPaired()) {
            connectToWhatsApp(); // unlinking needs a logged-in connection
            return;
        }
        m_logoutRequested = false;
        // Nothing is linked; still end this "attempt" visibly, after the caller could connect to us.
        QMetaObject::invokeMethod(this, [this, generation = m_generation] {
            if (m_state == State::Idle && generation == m_generation) {
                m_last = {DisconnectOutcome::LoggedOut, QStringLiteral("not_paired"),
                          QStringLiteral("This device was not linked; nothing to unlink."), 0};
                emit disconnected(m_last.outcome, m_last.code, m_last.message);
            }
        }, Qt::QueuedConnection);
        return;
    case State::LoggingIn:
    case State::LoggedIn:
        sendLogout();
        return;
    case State::LoggingOut:
        return;
    case State::Paired:
        return; // linked a moment ago: the restart logs in, then unlinks
    case State::Connecting:
    case State::Handshaking:
    case State::Authenticating:
    case State::Pairing:
        if (m_auth.isPaired())
            return; // the login under way unlinks as soon as it succeeds
        finish(DisconnectOutcome::LoggedOut, QStringLiteral("user_initiated"),
               QStringLiteral("Pairing was abandoned; this device was not linked."));
        return;
    }
}

// ---------------------------------------------------------------------------------------------
// Socket lifetime

void WaConnection::openSocket()
{
    ++m_generation;
    m_state = State::Connecting;
    m_codec.emplace(FrameCodec::Side::Client);
    m_codec->setMaxFrameSize(m_opt.maxFrameSize);
    if (!m_auth.routingInfo.isEmpty())
        m_codec->setRoutingInfo(m_auth.routingInfo);
    const auto clock = m_opt.clock;
    CertificateVerifier verifier(m_opt.rootKey, clock ? CertificateVerifier::Clock([clock] { return clock() / 1000; })
                                                      : CertificateVerifier::Clock());
    m_noise.emplace(m_auth.noiseKey, verifier);
    m_cipher = TransportCipher();

    m_socket = new QWebSocket(QStringLiteral("https://web.whatsapp.com"), QWebSocketProtocol::VersionLatest, this);
    // A frame is at most 16 MiB; WebSocket messages carry frames, so allow a little more.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_opt.maxFrameSize) + 4096);
    m_socket->setMaxAllowedIncomingFrameSize(quint64(m_opt.maxFrameSize) + 4096);
    connect(m_socket, &QWebSocket::connected, this, &WaConnection::onSocketConnected);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &WaConnection::onSocketMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &WaConnection::onSocketClosed);
    connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            &WaConnection::onSocketError);
    m_connectTimer.start(m_opt.connectTimeoutMs);
    m_socket->open(m_opt.url);
}

void WaConnection::retireSocket()
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

void WaConnection::teardown()
{
    ++m_generation;
    m_connectTimer.stop();
    m_qrTimer.stop();
    m_keepAliveTimer.stop();
    clearPendingIqs();
    retireSocket();
    m_codec.reset();
    m_noise.reset();
    m_cipher = TransportCipher();
}

void WaConnection::finish(DisconnectOutcome outcome, const QString &code, const QString &message)
{
    finish(DisconnectReason{outcome, code, message, 0});
}

void WaConnection::finish(DisconnectReason reason)
{
    if (m_state == State::Idle)
        return;
    teardown();
    m_state = State::Idle;
    m_refs.clear();
    m_refIndex = 0;
    m_codeRequested = m_codeStarted = false;
    m_code.clear();
    m_codeRef.clear();
    m_codePhone.clear();
    m_codeEphemeral = KeyPair();
    m_logoutRequested = false;
    m_last = reason;
    qCInfo(lcWa) << "connection ended:" << disconnectOutcomeName(reason.outcome) << reason.code;
    if (credentialsRevoked(reason.outcome)) {
        // Nothing can log in with these any more; the next attempt registers a new device.
        const QString pushName = m_auth.pushName;
        m_auth = AuthState::createNew();
        m_auth.pushName = pushName;
    }
    if (reason.outcome == DisconnectOutcome::PairingExpired)
        emit pairingExpired();
    emit disconnected(reason.outcome, reason.code, reason.message);
}

void WaConnection::restart()
{
    if (++m_restarts > m_opt.maxRestarts) {
        finish(DisconnectOutcome::Retryable, QStringLiteral("restart_loop"),
               QStringLiteral("WhatsApp asked for a restart %1 times in a row without a login.").arg(m_restarts - 1));
        return;
    }
    qCInfo(lcWa) << "restart requested by WhatsApp; reconnecting" << (m_auth.isPaired() ? "to log in" : "to register");
    m_connectTimer.stop();
    m_qrTimer.stop();
    m_keepAliveTimer.stop();
    clearPendingIqs();
    retireSocket();
    m_refs.clear();
    openSocket();
}

void WaConnection::onSocketConnected()
{
    m_state = State::Handshaking;
    auto hello = m_noise->clientHello();
    if (!hello) {
        finish(DisconnectOutcome::HandshakeFailed, QString::fromLatin1(handshakeErrorName(hello.error())),
               QStringLiteral("The Noise handshake could not start."));
        return;
    }
    auto framed = m_codec->encode(*hello);
    if (!framed) {
        finish(DisconnectOutcome::FrameTooLarge, QString::fromLatin1(frameErrorName(framed.error())),
               QStringLiteral("The ClientHello could not be framed."));
        return;
    }
    m_socket->sendBinaryMessage(*framed);
}

void WaConnection::onSocketMessage(const QByteArray &message)
{
    const quint64 generation = m_generation;
    auto frames = m_codec->decode(message);
    if (!frames) {
        finish(DisconnectOutcome::FrameTooLarge, QString::fromLatin1(frameErrorName(frames.error())),
               QStringLiteral("WhatsApp sent a frame larger than %1 bytes.").arg(m_codec->maxFrameSize()));
        return;
    }
    for (const QByteArray &frame : *frames) {
        handleFrame(frame);
        if (generation != m_generation) // ended or restarted: the rest belongs to the old socket
            return;
    }
}

void WaConnection::onSocketClosed()
{
    onSocketGone();
}

void WaConnection::onSocketError()
{
    onSocketGone();
}

void WaConnection::onSocketGone()
{
    // QWebSocket reports a failed connect and a dropped link with disconnected() and error() in
    // either order; whichever comes first ends the attempt, the second finds it idle.
    if (pairingWindowClosing()) {
        expirePairing();
        return;
    }
    const QAbstractSocket::SocketError error = m_socket ? m_socket->error() : QAbstractSocket::UnknownSocketError;
    const bool peerHungUp = error == QAbstractSocket::UnknownSocketError || error == QAbstractSocket::RemoteHostClosedError;
    if (m_state == State::Connecting || !peerHungUp) {
        const QString what = m_socket ? m_socket->errorString() : QString();
        finish(DisconnectOutcome::Retryable, QStringLiteral("network_error"),
               QStringLiteral("Network error talking to WhatsApp: %1").arg(what));
        return;
    }
    const QString reason = m_socket ? m_socket->closeReason() : QString();
    finish(DisconnectOutcome::Retryable, QStringLiteral("socket_closed"),
           reason.isEmpty() ? QStringLiteral("The connection to WhatsApp was closed.")
                            : QStringLiteral("The connection to WhatsApp was closed: %1").arg(reason));
}

void WaConnection::onConnectTimeout()
{
    switch (m_state) {
    case State::Connecting:
    case State::Handshaking:
        finish(DisconnectOutcome::Retryable, QStringLiteral("connect_timeout"),
               QStringLiteral("WhatsApp did not complete the handshake in time."));
        return;
    default:
        finish(DisconnectOutcome::Retryable, QStringLiteral("login_timeout"),
               QStringLiteral("WhatsApp did not answer the login in time."));
        return;
    }
}

// ---------------------------------------------------------------------------------------------
// Incoming

void WaConnection::handleFrame(const QByteArray &frame)
{
    if (m_state == State::Handshaking || m_state == State::Connecting) {
        handleServerHello(frame);
        return;
    }
    auto plain = m_cipher.decrypt(frame);
    if (!plain) {
        finish(DisconnectOutcome::ProtocolError, QStringLiteral("decrypt_failed"),
               QStringLiteral("A frame from WhatsApp did not decrypt."));
        return;
    }
    auto decoded = m_decoder.decode(*plain);
    if (!decoded) {
        qCWarning(lcWaNode) << "undecodable frame:" << decoded.error();
        finish(DisconnectOutcome::ProtocolError, QStringLiteral("bad_node"),
               QStringLiteral("A frame from WhatsApp could not be decoded (%1).")
                   .arg(NodeError::codeName(decoded.error().code)));
        return;
    }
    qCDebug(lcWaNode) << "in:" << decoded.node();
    handleNode(decoded.node());
}

void WaConnection::handleServerHello(const QByteArray &frame)
{
    auto serverKey = m_noise->readServerHello(frame);
    if (!serverKey) {
        if (serverKey.error() == HandshakeError::BadCertificate && m_noise->certificateError()) {
            const CertError cert = *m_noise->certificateError(); // NoiseInitiator logged it
            finish(DisconnectOutcome::BadCertificate, QString::fromLatin1(certErrorName(cert)),
                   QStringLiteral("The server's certificate failed a check (%1); this is not WhatsApp.")
                       .arg(QString::fromLatin1(certErrorName(cert))));
        } else {
            qCWarning(lcWaNoise) << "ServerHello refused:" << handshakeErrorName(serverKey.error());
            finish(DisconnectOutcome::HandshakeFailed, QString::fromLatin1(handshakeErrorName(serverKey.error())),
                   QStringLiteral("The Noise handshake with WhatsApp failed (%1).")
                       .arg(QString::fromLatin1(handshakeErrorName(serverKey.error()))));
        }
        return;
    }

    QByteArray payload;
    if (m_auth.isPaired()) {
        auto login = clientpayload::login(m_auth, m_opt.profile);
        if (!login) {
            finish(DisconnectOutcome::LoggedOut, QStringLiteral("invalid_credentials"), login.error().message);
            return;
        }
        payload = *login;
    } else {
        payload = clientpayload::registration(m_auth, m_opt.profile);
    }
    auto finishMessage = m_noise->clientFinish(payload);
    auto cipher = finishMessage ? m_noise->split() : Expected<TransportCipher, HandshakeError>(finishMessage.error());
    if (!cipher) {
        finish(DisconnectOutcome::HandshakeFailed, QString::fromLatin1(handshakeErrorName(cipher.error())),
               QStringLiteral("The Noise handshake could not be finished."));
        return;
    }
    auto framed = m_codec->encode(*finishMessage);
    if (!framed) {
        finish(DisconnectOutcome::FrameTooLarge, QString::fromLatin1(frameErrorName(framed.error())),
               QStringLiteral("The ClientFinish could not be framed."));
        return;
    }
    m_socket->sendBinaryMessage(*framed);
    m_cipher = std::move(*cipher);
    m_noise.reset();
    m_state = State::Authenticating;
    m_connectTimer.start(m_opt.loginTimeoutMs);
    qCDebug(lcWaNoise) << "handshake done;" << (m_auth.isPaired() ? "login" : "registration") << "sent";
}

void WaConnection::handleNode(const Node &node)
{
    const QString &tag = node.tag();
    if (tag == kIq) {
        handleIq(node);
    } else if (tag == QLatin1String("success")) {
        handleSuccess(node);
    } else if (tag == QLatin1String("failure")) {
        finish(DisconnectReason::fromFailure(node, now()));
    } else if (tag == QLatin1String("stream:error")) {
        DisconnectReason reason = DisconnectReason::fromStreamError(node);
        if (reason.outcome == DisconnectOutcome::Restart)
            restart();
        else
            finish(reason);
    } else if (tag == QLatin1String("xmlstreamend")) {
        finish(DisconnectOutcome::Retryable, QStringLiteral("stream_end"), QStringLiteral("WhatsApp ended the stream."));
    } else if (tag == QLatin1String("notification")) {
        handleNotification(node);
    } else if (tag == QLatin1String("ib")) {
        handleIb(node);
    }
    // Everything else (acks, receipts, presence, messages) is for layers not built yet.
}

void WaConnection::handleIq(const Node &iq)
{
    const QString type = iq.attr("type");
    const QString id = iq.attr("id");
    if ((type == QLatin1String("result") || type == QLatin1String("error")) && m_pending.contains(id)) {
        PendingIq pending = m_pending.take(id);
        delete pending.timer;
        if (pending.onResponse)
            pending.onResponse(iq);
        return;
    }
    if (!fromServer(iq)) {
        qCDebug(lcWa) << "ignoring an iq that is not from the server";
        return;
    }
    if (type == QLatin1String("set") && iq.hasChild("pair-device")) {
        handlePairDevice(iq);
    } else if (type == QLatin1String("set") && iq.hasChild("pair-success")) {
        handlePairSuccess(iq);
    } else if (type == QLatin1String("get") && iq.attr("xmlns") == QLatin1String("urn:xmpp:ping")) {
        sendNode(Node(kIq, {to(), {QStringLiteral("type"), "result"}, {QStringLiteral("id"), id}}));
    }
}

void WaConnection::handleSuccess(const Node &success)
{
    if (m_state != State::Authenticating || !m_auth.isPaired()) {
        finish(DisconnectOutcome::ProtocolError, QStringLiteral("unexpected_success"),
               QStringLiteral("WhatsApp reported a login this device did not ask for."));
        return;
    }
    m_connectTimer.stop();
    m_state = State::LoggingIn;
    if (const auto t = success.intAttr("t"); t && *t > 0)
        m_serverTimeOffsetMs = *t * 1000 - now();
    bool changed = false;
    std::optional<Jid> lid = success.jidAttr("lid");
    if (!lid && success.hasAttr("lid"))
        lid = Jid::parse(success.attr("lid"));
    if (lid && lid->server() == JidServer::Lid && lid->toString() != m_auth.lid) {
        m_auth.lid = lid->toString();
        changed = true;
    }
    qCInfo(lcWa) << "logged in";
    scheduleKeepAlive();
    const quint64 generation = m_generation;
    if (changed) {
        persist();
        if (generation != m_generation)
            return;
    }
    if (m_logoutRequested) {
        sendLogout();
        return;
    }
    queryPreKeyCount();
}

void WaConnection::handleNotification(const Node &notification)
{
    // Every notification is acknowledged, or WhatsApp sends it again.
    Node ack(QStringLiteral("ack"), {{QStringLiteral("class"), "notification"}, {QStringLiteral("id"), notification.attr("id")}});
    if (const auto from = notification.jidAttr("from"))
        ack.setAttr(QStringLiteral("to"), *from);
    else
        ack.setAttr(QStringLiteral("to"), notification.attr("from"));
    ack.setAttr(QStringLiteral("type"), notification.attr("type"));
    if (const auto participant = notification.jidAttr("participant"))
        ack.setAttr(QStringLiteral("participant"), *participant);
    sendNode(ack);
    if (notification.attr("type") == QLatin1String("link_code_companion_reg") && fromServer(notification))
        handleLinkCodeNotification(notification);
}

void WaConnection::handleIb(const Node &ib)
{
    if (ib.hasChild("downgrade_webclient")) {
        finish(DisconnectOutcome::PairingFailed, QStringLiteral("multidevice_not_supported"),
               QStringLiteral("The phone that scanned the code does not support linked devices."));
        return;
    }
    const QByteArray routing = ib.child("edge_routing").child("routing_info").contentBytes();
    if (!routing.isEmpty() && routing != m_auth.routingInfo) {
        m_auth.routingInfo = routing;
        persist();
    }
}

// ---------------------------------------------------------------------------------------------
// Outgoing

bool WaConnection::sendNode(const Node &node)
{
    if (!m_socket || !m_codec || !m_cipher.isValid())
        return false;
    auto encoded = NodeEncoder::encode(node);
    if (!encoded) {
        qCWarning(lcWaNode) << "cannot encode" << node << encoded.error().message;
        return false;
    }
    auto ciphertext = m_cipher.encrypt(*encoded);
    if (!ciphertext) {
        finish(DisconnectOutcome::Retryable, QStringLiteral("nonce_exhausted"),
               QStringLiteral("The transport cipher ran out of nonces; reconnecting."));
        return false;
    }
    auto framed = m_codec->encode(*ciphertext);
    if (!framed) {
        qCWarning(lcWaNode) << "cannot frame" << node << frameErrorName(framed.error());
        return false;
    }
    qCDebug(lcWaNode) << "out:" << node;
    m_socket->sendBinaryMessage(*framed);
    return true;
}

QString WaConnection::nextIqId()
{
    return m_iqPrefix + QString::number(++m_iqCounter);
}

void WaConnection::sendIq(Node iq, int timeoutMs, std::function<void(const Node &)> onResponse,
                          std::function<void()> onTimeout)
{
    const QString id = nextIqId();
    iq.setAttr(QStringLiteral("id"), id);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id] {
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            return;
        PendingIq pending = std::move(it.value());
        m_pending.erase(it);
        pending.timer->deleteLater();
        if (pending.onTimeout)
            pending.onTimeout();
    });
    m_pending.insert(id, PendingIq{std::move(onResponse), std::move(onTimeout), timer});
    timer->start(timeoutMs);
    sendNode(iq);
}

void WaConnection::clearPendingIqs()
{
    for (auto &pending : m_pending)
        delete pending.timer;
    m_pending.clear();
}

} // namespace wagate::wa
