#include "waconnection.h"
#include "waconnection_p.h"

#include "iqtracker.h"
#include "keepalivefeature.h"
#include "linkcodepairing.h"
#include "messagefeature.h"
#include "prekeyfeature.h"
#include "signalsession.h"

#include "core/ids.h"
#include "core/logging.h"
#include "wa/binary/node.h"

#include <QDateTime>
#include <QThread>

namespace wagate::wa {

using namespace waconnection_detail;

namespace {

WaTransportOptions transportOptions(const WaConnectionOptions &o)
{
    return WaTransportOptions{o.url, o.rootKey, o.clock, o.maxFrameSize, o.connectTimeoutMs};
}

} // namespace

WaConnection::WaConnection(AuthState state, WaConnectionOptions options, QObject *parent)
    : QObject(parent),
      m_auth(std::move(state)),
      m_opt(std::move(options)),
      m_transport(transportOptions(m_opt), this, this),
      m_iqs(new IqTracker(this)),
      m_signal(std::make_unique<SignalSession>(nullptr)),
      m_loginTimer(this),
      m_qrTimer(this)
{
    m_loginTimer.setSingleShot(true);
    m_qrTimer.setSingleShot(true);
    m_qrTimer.setTimerType(Qt::PreciseTimer); // expiry times are shown to people
    connect(&m_loginTimer, &QTimer::timeout, this, &WaConnection::onLoginTimeout);
    connect(&m_qrTimer, &QTimer::timeout, this, &WaConnection::onQrTimeout);
    m_iqPrefix = QString::fromLatin1(secureRandomBytes(3).toHex()) + QLatin1Char('.');

    m_keepAlive = new KeepAliveFeature(*this, {m_opt.keepAliveMinIntervalMs, m_opt.keepAliveMaxIntervalMs,
                                               m_opt.keepAliveTimeoutMs}, this);
    resetSignal(false);
}

WaConnection::~WaConnection()
{
    m_iqs->clear();
}

void WaConnection::resetSignal(bool later)
{
    // The features that use the Signal state are made with it: a new store (or a new device)
    // means new features. From inside an attempt's end the old ones may still be on the stack.
    m_features.clear();
    for (QObject *old : {static_cast<QObject *>(m_preKeys), static_cast<QObject *>(m_messages)}) {
        if (!old)
            continue;
        old->disconnect(this);
        if (later)
            old->deleteLater();
        else
            delete old;
    }
    m_signal->setIdentity(signalIdentityOf(m_auth));
    m_preKeys = new PreKeyFeature(*this, *m_signal,
                                  {m_opt.iqTimeoutMs, m_opt.minPreKeys, m_opt.initialPreKeyBatch, m_opt.preKeyBatch}, this);
    MessageFeature::Options mo;
    mo.iqTimeoutMs = m_opt.iqTimeoutMs;
    mo.ackTimeoutMs = m_opt.ackTimeoutMs;
    mo.markOnline = m_opt.markOnline;
    m_messages = new MessageFeature(*this, *m_signal, mo, this);
    connect(m_messages, &MessageFeature::messageSent, this, &WaConnection::messageSent);
    connect(m_messages, &MessageFeature::messageFailed, this, &WaConnection::messageFailed);
    connect(m_messages, &MessageFeature::messageReceived, this, &WaConnection::messageReceived);
    connect(m_messages, &MessageFeature::receiptReceived, this, &WaConnection::receiptReceived);
    connect(m_messages, &MessageFeature::offlineDelivered, this, &WaConnection::offlineDelivered);
    m_features = {m_keepAlive, m_preKeys, m_messages};
}

void WaConnection::setSignalStore(std::shared_ptr<SignalStore> store)
{
    Q_ASSERT(m_state == State::Idle);
    resetSignal(false); // the old features go before the session they refer to
    m_signal = std::make_unique<SignalSession>(std::move(store));
    resetSignal(false);
}

qint64 WaConnection::now() const
{
    return m_opt.clock ? m_opt.clock() : QDateTime::currentMSecsSinceEpoch();
}

qint64 WaConnection::serverNowSeconds() const
{
    return (now() + m_serverTimeOffsetMs) / 1000;
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
    migratePreKeys();
    if (generation != m_generation)
        return;
    qCInfo(lcWa) << "connecting to" << m_opt.url.host() << (m_auth.isPaired() ? "to log in" : "to register");
    openSocket();
}

void WaConnection::migratePreKeys()
{
    // Credentials written before the Signal store existed carry their one-time pre-keys; they move
    // to the store once, and leave memory for good.
    if (m_auth.preKeys.isEmpty())
        return;
    for (const PreKey &key : std::as_const(m_auth.preKeys))
        m_signal->batch().put(SignalRecordKind::PreKey, SignalProtocol::preKeyKey(key.id),
                              SignalProtocol::preKeyRecord(key.id, key.keyPair));
    if (auto r = m_signal->flush(); !r) {
        qCWarning(lcWa) << "the pre-keys of older credentials could not be moved to the store yet";
        m_signal->discardPending();
        return;
    }
    const qsizetype moved = m_auth.preKeys.size();
    for (PreKey &key : m_auth.preKeys)
        key.keyPair.priv.fill('\0');
    m_auth.preKeys.clear();
    qCInfo(lcWa) << "moved" << moved << "pre-keys from the credentials to the store";
    persist();
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

void WaConnection::sendText(const OutgoingText &text)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_messages->send(text);
}

Result<void> WaConnection::markRead(const QString &chat, const QString &sender, const QStringList &ids)
{
    return m_messages->markRead(chat, sender, ids);
}

Result<void> WaConnection::sendChatState(const QString &chat, ChatState state)
{
    return m_messages->sendChatState(chat, state);
}

void WaConnection::lookupContact(const QString &digits, std::function<void(Result<ContactLookup>)> done)
{
    m_messages->lookupContact(digits, std::move(done));
}

Result<void> WaConnection::setPresence(bool available)
{
    return m_messages->setPresence(available);
}

// ---------------------------------------------------------------------------------------------
// The attempt's lifetime

void WaConnection::openSocket()
{
    ++m_generation;
    m_state = State::Connecting;
    m_transport.open(m_auth.noiseKey, m_auth.routingInfo);
}

void WaConnection::teardown()
{
    ++m_generation;
    m_loginTimer.stop();
    m_qrTimer.stop();
    m_iqs->clear();
    m_transport.close();
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
    for (WaFeature *f : std::as_const(m_features))
        f->onDisconnected();
    if (credentialsRevoked(reason.outcome)) {
        // Nothing can log in with these any more; the next attempt registers a new device, whose
        // Signal state starts empty.
        const QString pushName = m_auth.pushName;
        m_auth = AuthState::createNew();
        m_auth.pushName = pushName;
        if (auto r = m_signal->store().clear(); !r)
            qCWarning(lcWa) << "the Signal state of the unlinked device could not be cleared";
        resetSignal(true);
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
    m_loginTimer.stop();
    m_qrTimer.stop();
    m_iqs->clear();
    for (WaFeature *f : std::as_const(m_features))
        f->onDisconnected();
    m_refs.clear();
    openSocket();
}

void WaConnection::onLoginTimeout()
{
    finish(DisconnectOutcome::Retryable, QStringLiteral("login_timeout"),
           QStringLiteral("WhatsApp did not answer the login in time."));
}

// ---------------------------------------------------------------------------------------------
// The transport

Expected<QByteArray, DisconnectReason> WaConnection::transportPayload()
{
    m_state = State::Handshaking;
    if (!m_auth.isPaired())
        return clientpayload::registration(m_auth, m_opt.profile);
    auto login = clientpayload::login(m_auth, m_opt.profile);
    if (!login)
        return DisconnectReason{DisconnectOutcome::LoggedOut, QStringLiteral("invalid_credentials"), login.error().message, 0};
    return *login;
}

void WaConnection::transportEstablished()
{
    m_state = State::Authenticating;
    m_loginTimer.start(m_opt.loginTimeoutMs);
    qCDebug(lcWaNoise) << "handshake done;" << (m_auth.isPaired() ? "login" : "registration") << "sent";
}

void WaConnection::transportFailed(const DisconnectReason &reason)
{
    // WhatsApp closes the connection itself once the last QR code has run out, racing our timer.
    if (pairingWindowClosing() && (reason.code == QLatin1String("socket_closed") || reason.code == QLatin1String("network_error"))) {
        expirePairing();
        return;
    }
    finish(reason);
}

void WaConnection::transportNode(const Node &node)
{
    handleNode(node);
}

void WaConnection::handleNode(const Node &node)
{
    const QString &tag = node.tag();
    const quint64 generation = m_generation;
    if (tag == kIq) {
        handleIq(node);
        if (generation != m_generation)
            return;
    } else if (tag == QLatin1String("success")) {
        handleSuccess(node);
        return;
    } else if (tag == QLatin1String("failure")) {
        finish(DisconnectReason::fromFailure(node, now()));
        return;
    } else if (tag == QLatin1String("stream:error")) {
        DisconnectReason reason = DisconnectReason::fromStreamError(node);
        if (reason.outcome == DisconnectOutcome::Restart)
            restart();
        else
            finish(reason);
        return;
    } else if (tag == QLatin1String("xmlstreamend")) {
        finish(DisconnectOutcome::Retryable, QStringLiteral("stream_end"), QStringLiteral("WhatsApp ended the stream."));
        return;
    } else if (tag == QLatin1String("notification")) {
        handleNotification(node);
        if (generation != m_generation)
            return;
    } else if (tag == QLatin1String("ib")) {
        handleIb(node);
        if (generation != m_generation)
            return;
    }
    // The stanza router: the rest goes to the features (messages, receipts, acks, pings, …).
    if (m_state != State::LoggingIn && m_state != State::LoggedIn && m_state != State::LoggingOut)
        return;
    for (WaFeature *f : std::as_const(m_features)) {
        if (f->handleNode(node) || generation != m_generation)
            return;
    }
}

void WaConnection::handleIq(const Node &iq)
{
    const QString type = iq.attr("type");
    if ((type == QLatin1String("result") || type == QLatin1String("error")) && m_iqs->resolve(iq))
        return;
    if (!fromServer(iq)) {
        qCDebug(lcWa) << "ignoring an iq that is not from the server";
        return;
    }
    if (type == QLatin1String("set") && iq.hasChild("pair-device")) {
        handlePairDevice(iq);
    } else if (type == QLatin1String("set") && iq.hasChild("pair-success")) {
        handlePairSuccess(iq);
    } else if (type == QLatin1String("get") && iq.attr("xmlns") == QLatin1String("urn:xmpp:ping")) {
        // Pings may come before the login completes; the keepalive feature answers them after.
        if (m_state != State::LoggingIn && m_state != State::LoggedIn && m_state != State::LoggingOut)
            sendNode(Node(kIq, {to(), {QStringLiteral("type"), "result"}, {QStringLiteral("id"), iq.attr("id")}}));
    }
}

void WaConnection::handleSuccess(const Node &success)
{
    if (m_state != State::Authenticating || !m_auth.isPaired()) {
        finish(DisconnectOutcome::ProtocolError, QStringLiteral("unexpected_success"),
               QStringLiteral("WhatsApp reported a login this device did not ask for."));
        return;
    }
    m_loginTimer.stop();
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
    const quint64 generation = m_generation;
    for (WaFeature *f : std::as_const(m_features)) {
        f->onLoggedIn();
        if (generation != m_generation)
            return;
    }
    if (changed) {
        persist();
        if (generation != m_generation)
            return;
    }
    if (m_logoutRequested) {
        sendLogout();
        return;
    }
    m_preKeys->check([this, generation] {
        if (generation == m_generation)
            activate();
    });
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

void WaConnection::activate()
{
    if (m_state != State::LoggingIn)
        return;
    const auto done = [this, generation = m_generation] {
        if (generation != m_generation || m_state != State::LoggingIn)
            return;
        m_state = State::LoggedIn;
        m_restarts = 0;
        emit loggedIn();
        if (generation != m_generation)
            return;
        for (WaFeature *f : std::as_const(m_features)) {
            f->onReady();
            if (generation != m_generation)
                return;
        }
    };
    sendIq(Node(kIq, {to(), {QStringLiteral("type"), "set"}, {QStringLiteral("xmlns"), "passive"}},
                {Node(QStringLiteral("active"))}),
           m_opt.iqTimeoutMs, [done](const Node &) { done(); }, done);
}

void WaConnection::sendLogout()
{
    const auto jid = m_auth.deviceJid();
    m_state = State::LoggingOut;
    m_keepAlive->stop();
    const auto done = [this](const QString &how) {
        finish(DisconnectOutcome::LoggedOut, QStringLiteral("user_initiated"), how);
    };
    if (!jid) {
        done(QStringLiteral("Logged out."));
        return;
    }
    Node remove(QStringLiteral("remove-companion-device"),
                {{QStringLiteral("jid"), *jid}, {QStringLiteral("reason"), "user_initiated"}});
    sendIq(Node(kIq, {to(), {QStringLiteral("type"), "set"}, {QStringLiteral("xmlns"), "md"}}, {remove}),
           m_opt.logoutTimeoutMs,
           [done](const Node &response) {
               done(response.attr("type") == QLatin1String("result")
                        ? QStringLiteral("This device was unlinked on request.")
                        : QStringLiteral("Logged out; WhatsApp answered the unlink with an error."));
           },
           [done] { done(QStringLiteral("Logged out; WhatsApp did not confirm the unlink in time.")); });
}

void WaConnection::persist()
{
    emit authStateChanged(m_auth.serialize());
}

// ---------------------------------------------------------------------------------------------
// Outgoing

bool WaConnection::sendNode(const Node &node)
{
    return m_transport.send(node);
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
    m_iqs->add(id, timeoutMs, std::move(onResponse), std::move(onTimeout));
    sendNode(iq);
}

} // namespace wagate::wa
