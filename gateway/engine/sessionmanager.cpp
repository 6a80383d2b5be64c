#include "sessionmanager.h"

#include "core/ids.h"
#include "core/logging.h"
#include "credentialvault.h"
#include "sessionevents.h"
#include "store/sessionrepository.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QThread>

namespace wagate {

namespace {

qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

bool isConnectedStatus(SessionStatus s)
{
    return s == SessionStatus::Starting || s == SessionStatus::Working || s == SessionStatus::Reconnecting;
}

} // namespace

SessionManager::SessionManager(SessionRepository &repo, SessionEvents &events, QObject *parent)
    : QObject(parent), m_repo(repo), m_events(events)
{
    qRegisterMetaType<PairedAccount>();
    qRegisterMetaType<DisconnectKind>();
    qRegisterMetaType<SendFailure>();
    qRegisterMetaType<IncomingMessage>();
    qRegisterMetaType<MessageReceipt>();
}

SessionManager::~SessionManager()
{
    shutdown();
}

bool SessionManager::hasNumberAttached(const SessionInfo &s)
{
    // A number is attached once pairing stored a JID; logout and unlinking wipe it again.
    return s.hasNumber() && s.status != SessionStatus::LoggedOut && s.status != SessionStatus::Unpaired;
}

Result<int> SessionManager::restore(const QString &gatewayId)
{
    auto sessions = m_repo.listForGateway(gatewayId);
    if (!sessions)
        return sessions.error();
    int started = 0;
    for (SessionInfo s : *sessions) {
        // A crash can leave a session in a connected or pairing status with nothing behind it:
        // say what is true now before anything else.
        if (isConnectedStatus(s.status) || s.status == SessionStatus::ScanQrCode || s.status == SessionStatus::PairingCode) {
            const SessionStatus truth = hasNumberAttached(s) ? SessionStatus::Stopped : SessionStatus::Unpaired;
            if (auto r = transition(s, truth, QStringLiteral("gateway restarted")); !r)
                return r.error();
        }
        if (s.desiredState == DesiredState::Running && hasNumberAttached(s)) {
            if (auto r = start(s); !r) {
                qCWarning(lcEngine).noquote() << "could not restart session" << s.id << r.error().message;
                continue;
            }
            ++started;
        }
    }
    qCInfo(lcEngine).noquote() << "restored" << sessions->size() << "sessions," << started << "started";
    return started;
}

Result<SessionManager::Runtime *> SessionManager::ensureConnection(const SessionInfo &session, bool pairing)
{
    if (!m_factory)
        return Error::unavailable(QStringLiteral("the WhatsApp engine is not available"));
    if (Runtime *existing = runtime(session.id); existing && existing->connection) {
        existing->info = session;
        existing->pairing = pairing;
        existing->codePairing = false;
        return existing;
    }
    // Everything that can fail comes before a runtime exists, so a refused start leaves nothing behind.
    QByteArray credentials;
    if (!pairing) {
        auto sealed = m_repo.credentials(session.id);
        if (!sealed)
            return sealed.error();
        if (sealed->isEmpty())
            return Error::failedPrecondition(QStringLiteral("the credentials of this session are missing; link the number again"));
        if (!m_vault)
            return Error::unavailable(QStringLiteral("the secret store is not available"));
        auto opened = m_vault->open(session.id, *sealed);
        if (!opened) {
            qCWarning(lcEngine).noquote() << "credentials of" << session.id << "cannot be opened:" << opened.error().message;
            return Error::failedPrecondition(QStringLiteral("the stored credentials of this session cannot be read; link the number again"));
        }
        credentials = *opened;
    }
    auto owned = std::make_shared<Runtime>();
    Runtime *rt = owned.get();
    rt->info = session;
    rt->pairing = pairing;
    rt->retryTimer.setSingleShot(true);
    const QString id = session.id;
    connect(&rt->retryTimer, &QTimer::timeout, this, [this, id] {
        Runtime *r = runtime(id);
        if (r && r->connection)
            r->connection->connectToWhatsApp();
    });
    rt->connection = m_factory->create(session, credentials);
    wire(rt);
    m_runtimes.insert(id, owned);
    return rt;
}

void SessionManager::wire(Runtime *rt)
{
    SessionConnection *c = rt->connection.get();
    const QString id = rt->info.id;
    connect(c, &SessionConnection::connecting, this, [this, id] { onConnecting(id); });
    connect(c, &SessionConnection::qrCode, this, [this, id](const QString &qr, qint64 exp) { onQr(id, qr, exp); });
    connect(c, &SessionConnection::pairingCode, this, [this, id](const QString &code, qint64 exp) { onPairingCode(id, code, exp); });
    connect(c, &SessionConnection::paired, this, [this, id](const PairedAccount &a) { onPaired(id, a); });
    connect(c, &SessionConnection::credentialsChanged, this, [this, id](const QByteArray &cr) { onCredentials(id, cr); });
    connect(c, &SessionConnection::loggedIn, this, [this, id] { onLoggedIn(id); });
    connect(c, &SessionConnection::pairingExpired, this, [this, id] { onPairingExpired(id); });
    connect(c, &SessionConnection::disconnected, this,
            [this, id](DisconnectKind k, const QString &code, const QString &msg) { onDisconnected(id, k, code, msg); });
    const QString org = rt->info.organizationId;
    connect(c, &SessionConnection::messageSent, this,
            [this, org, id](const QString &messageId, qint64 at) { emit m_events.messageSent(org, id, messageId, at); });
    connect(c, &SessionConnection::messageFailed, this,
            [this, org, id](const SendFailure &f) { emit m_events.messageFailed(org, id, f); });
    connect(c, &SessionConnection::messageReceived, this,
            [this, org, id](const IncomingMessage &m) { emit m_events.messageReceived(org, id, m); });
    connect(c, &SessionConnection::receiptReceived, this,
            [this, org, id](const MessageReceipt &r) { emit m_events.receiptReceived(org, id, r); });
}

Result<SessionConnection *> SessionManager::workingConnection(const QString &id)
{
    Runtime *rt = runtime(id);
    if (!rt || !rt->connection || rt->info.status != SessionStatus::Working)
        return Error::failedPrecondition(QStringLiteral("the session is not working; only a working session sends"));
    return rt->connection.get();
}

Result<void> SessionManager::sendText(const QString &sessionId, const OutgoingText &text)
{
    auto c = workingConnection(sessionId);
    if (!c)
        return c.error();
    (*c)->sendText(text);
    return {};
}

Result<void> SessionManager::markRead(const QString &sessionId, const QString &chat, const QString &sender,
                                      const QStringList &ids)
{
    auto c = workingConnection(sessionId);
    if (!c)
        return c.error();
    return (*c)->markRead(chat, sender, ids);
}

Result<void> SessionManager::sendChatState(const QString &sessionId, const QString &chat, ChatState state)
{
    auto c = workingConnection(sessionId);
    if (!c)
        return c.error();
    return (*c)->sendChatState(chat, state);
}

Result<void> SessionManager::setPresence(const QString &sessionId, bool available)
{
    auto c = workingConnection(sessionId);
    if (!c)
        return c.error();
    return (*c)->setPresence(available);
}

void SessionManager::dropConnection(Runtime *rt)
{
    rt->retryTimer.stop();
    if (rt->connection) {
        SessionConnection *c = rt->connection.release();
        // No signal of a connection we let go may change the session any more.
        c->disconnect(this);
        c->disconnectFromWhatsApp();
        c->deleteLater();
    }
    rt->qr.clear();
    rt->qrExpiresAt = 0;
}

void SessionManager::unlinkAndRelease(SessionConnection *c)
{
    // The unlink needs a moment on the wire; the connection stays ours (a child, deleted with the
    // manager at the latest) until it reports the end or gives up.
    c->disconnect(this);
    c->setParent(this);
    connect(c, &SessionConnection::disconnected, c, &QObject::deleteLater);
    QTimer::singleShot(10000, c, &QObject::deleteLater);
    c->logout();
}

void SessionManager::removeRuntime(const QString &id)
{
    if (Runtime *rt = runtime(id)) {
        dropConnection(rt);
        m_runtimes.remove(id);
    }
}

Result<void> SessionManager::transition(SessionInfo &info, SessionStatus to, const QString &reason,
                                        const std::function<void(SessionInfo &)> &mutate)
{
    SessionInfo next = info;
    if (mutate)
        mutate(next);
    const qint64 at = now();
    next.status = to;
    next.updatedAt = at;
    if (to != info.status)
        next.statusChangedAt = at;
    StatusTransition t;
    t.id = ids::newUlid();
    t.sessionId = info.id;
    t.organizationId = info.organizationId;
    t.previousStatus = info.status;
    t.status = to;
    t.reason = reason;
    t.at = at;
    if (auto r = m_repo.recordTransition(next, t); !r) {
        qCWarning(lcEngine).noquote() << "could not record transition of" << info.id << "to" << sessionStatusName(to) << r.error().message;
        return r;
    }
    const bool changed = to != info.status;
    info = next;
    if (Runtime *rt = runtime(info.id))
        rt->info = info;
    qCInfo(lcEngine).noquote() << "session" << info.id << sessionStatusName(t.previousStatus) << "->" << sessionStatusName(to) << reason;
    emit m_events.sessionUpdated(info);
    if (changed || !reason.isEmpty())
        emit m_events.statusChanged(t);
    return {};
}

Result<void> SessionManager::setDesired(SessionInfo &info, DesiredState desired)
{
    if (info.desiredState == desired)
        return {};
    const qint64 at = now();
    if (auto r = m_repo.updateDesiredState(info.id, desired, at); !r)
        return r;
    info.desiredState = desired;
    info.updatedAt = at;
    if (Runtime *rt = runtime(info.id))
        rt->info.desiredState = desired;
    return {};
}

Result<SessionInfo> SessionManager::start(const SessionInfo &session)
{
    SessionInfo info = session;
    if (Runtime *rt = runtime(info.id); rt && rt->connection && !rt->pairing)
        return rt->info; // already started: a harmless no-op
    if (!hasNumberAttached(info))
        return Error::failedPrecondition(QStringLiteral("session has no number attached; pair it by QR code or pairing code first"));
    if (auto r = setDesired(info, DesiredState::Running); !r)
        return r.error();
    auto rt = ensureConnection(info, false);
    if (!rt)
        return rt.error();
    (*rt)->attempts = 0;
    if (auto r = transition(info, SessionStatus::Starting, QStringLiteral("start requested"),
                            [](SessionInfo &s) { s.lastError.reset(); }); !r) {
        removeRuntime(info.id);
        return r.error();
    }
    (*rt)->connection->connectToWhatsApp();
    return runtime(info.id) ? runtime(info.id)->info : info;
}

Result<SessionInfo> SessionManager::stop(const SessionInfo &session)
{
    SessionInfo info = session;
    if (auto r = setDesired(info, DesiredState::Stopped); !r)
        return r.error();
    removeRuntime(info.id);
    const SessionStatus rest = hasNumberAttached(info) ? SessionStatus::Stopped
                               : info.status == SessionStatus::LoggedOut ? SessionStatus::LoggedOut
                                                                         : SessionStatus::Unpaired;
    if (info.status != rest) {
        if (auto r = transition(info, rest, QStringLiteral("stop requested")); !r)
            return r.error();
    }
    return info;
}

Result<SessionInfo> SessionManager::logout(const SessionInfo &session)
{
    SessionInfo info = session;
    if (!hasNumberAttached(info)) {
        if (info.status == SessionStatus::LoggedOut)
            return info; // already logged out: nothing to do
        return Error::failedPrecondition(QStringLiteral("session has no number attached; there is nothing to log out"));
    }
    if (auto r = setDesired(info, DesiredState::Stopped); !r)
        return r.error();
    if (Runtime *rt = runtime(info.id); rt && rt->connection) {
        // Tell WhatsApp to unlink while we still hold the connection; the credentials are wiped
        // below whatever the answer, so nothing can log in with them again from here.
        unlinkAndRelease(rt->connection.release());
    }
    removeRuntime(info.id);
    if (auto r = m_repo.setCredentials(info.id, {}); !r)
        return r.error();
    if (m_factory)
        m_factory->forget(info.id); // the device's Signal state is void with its credentials
    if (auto r = transition(info, SessionStatus::LoggedOut, QStringLiteral("logout requested"), [](SessionInfo &s) {
            s.waJid.clear();
            s.waLid.clear();
        }); !r)
        return r.error();
    return info;
}

Result<SessionInfo> SessionManager::beginQrPairing(const SessionInfo &session)
{
    SessionInfo info = session;
    if (hasNumberAttached(info))
        return Error::failedPrecondition(QStringLiteral("session already has a number attached; log it out to link another"));
    if (Runtime *rt = runtime(info.id); rt && rt->connection && rt->pairing) {
        // A code the operator may be typing right now is not thrown away by a QR request.
        if (rt->codePairing) {
            Error e = Error::failedPrecondition(QStringLiteral("a pairing code is in progress for this session; enter it on the phone, "
                                                               "or stop the session and ask again for a QR code"));
            e.details.insert(QStringLiteral("reason"), QStringLiteral("pairing_code_in_progress"));
            return e;
        }
        return rt->info; // pairing in progress: the current QR stays valid
    }
    auto rt = ensureConnection(info, true);
    if (!rt)
        return rt.error();
    if (auto r = transition(info, SessionStatus::Starting, QStringLiteral("QR pairing requested"),
                            [](SessionInfo &s) { s.lastError.reset(); }); !r) {
        removeRuntime(info.id);
        return r.error();
    }
    (*rt)->codePairing = false;
    (*rt)->connection->beginQrPairing();
    return runtime(info.id) ? runtime(info.id)->info : info;
}

Result<SessionInfo> SessionManager::beginCodePairing(const SessionInfo &session, const QString &phoneNumber)
{
    SessionInfo info = session;
    if (hasNumberAttached(info))
        return Error::failedPrecondition(QStringLiteral("session already has a number attached; log it out to link another"));
    removeRuntime(info.id); // a new code replaces any pairing in progress
    auto rt = ensureConnection(info, true);
    if (!rt)
        return rt.error();
    if (auto r = transition(info, SessionStatus::Starting, QStringLiteral("pairing code requested"),
                            [](SessionInfo &s) { s.lastError.reset(); }); !r) {
        removeRuntime(info.id);
        return r.error();
    }
    (*rt)->codePairing = true;
    (*rt)->connection->beginCodePairing(phoneNumber);
    return runtime(info.id) ? runtime(info.id)->info : info;
}

void SessionManager::forget(const QString &sessionId)
{
    if (Runtime *rt = runtime(sessionId); rt && rt->connection) {
        unlinkAndRelease(rt->connection.release());
    }
    removeRuntime(sessionId);
    if (m_factory)
        m_factory->forget(sessionId);
}

void SessionManager::shutdown()
{
    const auto ids = m_runtimes.keys();
    for (const QString &id : ids)
        removeRuntime(id);
}

std::optional<std::pair<QString, qint64>> SessionManager::currentQr(const QString &sessionId) const
{
    auto it = m_runtimes.constFind(sessionId);
    if (it == m_runtimes.cend() || (*it)->qr.isEmpty() || (*it)->qrExpiresAt <= now())
        return std::nullopt;
    return std::make_pair((*it)->qr, (*it)->qrExpiresAt);
}

void SessionManager::onConnecting(const QString &id)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    // While reconnecting the status stays "reconnecting" until the login succeeds or fails.
    if (rt->info.status == SessionStatus::Stopped || rt->info.status == SessionStatus::Failed)
        (void)transition(rt->info, SessionStatus::Starting, QStringLiteral("connecting"));
}

void SessionManager::onQr(const QString &id, const QString &qr, qint64 expiresAt)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    rt->qr = qr;
    rt->qrExpiresAt = expiresAt;
    if (rt->info.status != SessionStatus::ScanQrCode)
        (void)transition(rt->info, SessionStatus::ScanQrCode, QStringLiteral("QR code ready"));
    emit m_events.qrCode(rt->info.organizationId, id, qr, expiresAt);
}

void SessionManager::onPairingCode(const QString &id, const QString &code, qint64 expiresAt)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    if (rt->info.status != SessionStatus::PairingCode)
        (void)transition(rt->info, SessionStatus::PairingCode, QStringLiteral("pairing code ready"));
    emit m_events.pairingCode(rt->info.organizationId, id, code, expiresAt);
}

void SessionManager::onPaired(const QString &id, const PairedAccount &account)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    rt->pairing = false;
    rt->codePairing = false;
    rt->qr.clear();
    SessionInfo &info = rt->info;
    // The phone linked us: from here the session is started and should stay so across restarts.
    if (auto r = setDesired(info, DesiredState::Running); !r)
        qCWarning(lcEngine).noquote() << "could not record desired state of" << id << r.error().message;
    (void)transition(info, SessionStatus::Starting, QStringLiteral("linked to ") + account.platform, [&](SessionInfo &s) {
        s.phoneNumber = account.phoneNumber;
        s.waJid = account.jid;
        s.waLid = account.lid;
        s.lastError.reset();
    });
}

void SessionManager::onCredentials(const QString &id, const QByteArray &credentials)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    if (!m_vault) {
        qCCritical(lcEngine).noquote() << "no secret store: credentials of" << id << "cannot be kept";
        return;
    }
    auto sealed = m_vault->seal(id, credentials);
    if (!sealed) {
        qCCritical(lcEngine).noquote() << "could not encrypt credentials of" << id << sealed.error().message;
        return;
    }
    if (auto r = m_repo.setCredentials(id, *sealed); !r)
        qCCritical(lcEngine).noquote() << "could not store credentials of" << id << r.error().message;
}

void SessionManager::onLoggedIn(const QString &id)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    rt->attempts = 0;
    const QString reason = rt->info.status == SessionStatus::Reconnecting ? QStringLiteral("reconnected")
                                                                          : QStringLiteral("logged in");
    (void)transition(rt->info, SessionStatus::Working, reason, [](SessionInfo &s) {
        s.lastConnectedAt = QDateTime::currentMSecsSinceEpoch();
        s.lastError.reset();
    });
}

void SessionManager::onPairingExpired(const QString &id)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    SessionInfo info = rt->info;
    removeRuntime(id);
    (void)transition(info, SessionStatus::Unpaired, QStringLiteral("pairing expired"), [](SessionInfo &s) {
        s.lastError = LastError{QStringLiteral("qr_expired"),
                                QStringLiteral("The codes ran out before the phone linked this device."),
                                QDateTime::currentMSecsSinceEpoch()};
    });
}

void SessionManager::onDisconnected(const QString &id, DisconnectKind kind, const QString &code, const QString &message)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    const qint64 at = now();
    SessionInfo info = rt->info;

    if (!hasNumberAttached(info)) {
        // Pairing failed before a number was linked: back to unpaired, saying why. WhatsApp closes
        // the connection itself once the last QR code has run out, so a connection that ends while a
        // code is on screen is, for the person holding the phone, codes that ran out.
        removeRuntime(id);
        const bool codesRanOut = kind == DisconnectKind::Retryable
                                 && (info.status == SessionStatus::ScanQrCode || info.status == SessionStatus::PairingCode);
        (void)transition(info, SessionStatus::Unpaired, QStringLiteral("pairing interrupted"), [&](SessionInfo &s) {
            s.lastError = codesRanOut ? LastError{QStringLiteral("qr_expired"),
                                                  QStringLiteral("The codes ran out before a phone linked this device."), at}
                                      : LastError{code, message, at};
        });
        return;
    }

    switch (kind) {
    case DisconnectKind::Retryable:
        scheduleReconnect(rt, code, message);
        return;
    case DisconnectKind::LoggedOut:
        removeRuntime(id);
        (void)setDesired(info, DesiredState::Stopped);
        if (auto r = m_repo.setCredentials(id, {}); !r)
            qCCritical(lcEngine).noquote() << "could not wipe credentials of" << id << r.error().message;
        if (m_factory)
            m_factory->forget(id);
        (void)transition(info, SessionStatus::LoggedOut, QStringLiteral("unlinked"), [&](SessionInfo &s) {
            s.waJid.clear();
            s.waLid.clear();
            s.lastError = LastError{code, message, at};
        });
        return;
    case DisconnectKind::Replaced:
    case DisconnectKind::Fatal:
        removeRuntime(id);
        (void)setDesired(info, DesiredState::Stopped);
        (void)transition(info, SessionStatus::Failed, QStringLiteral("connection refused"), [&](SessionInfo &s) {
            s.lastError = LastError{code, message, at};
        });
        return;
    }
}

void SessionManager::scheduleReconnect(Runtime *rt, const QString &code, const QString &message)
{
    ++rt->attempts;
    const qint64 at = now();
    if (rt->attempts > m_config.maxReconnectAttempts) {
        SessionInfo info = rt->info;
        removeRuntime(info.id);
        (void)transition(info, SessionStatus::Failed, QStringLiteral("gave up reconnecting"), [&](SessionInfo &s) {
            s.lastError = LastError{code, message, at};
        });
        return;
    }
    // Linear back-off with jitter so a gateway restart does not reconnect thousands of sessions in
    // the same millisecond.
    const int base = std::min(m_config.reconnectMaxMs, m_config.reconnectBaseMs * (rt->attempts - 1));
    const int delay = base + int(QRandomGenerator::global()->bounded(std::max(1, base / 4 + 1)));
    if (rt->info.status != SessionStatus::Reconnecting) {
        (void)transition(rt->info, SessionStatus::Reconnecting, QStringLiteral("connection lost"), [&](SessionInfo &s) {
            s.lastError = LastError{code, message, at};
        });
    }
    rt->retryTimer.start(delay);
}

} // namespace wagate
