#include "sessionmanager.h"

#include "core/logging.h"
#include "credentialvault.h"
#include "sessionevents.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>

namespace wagate {

namespace {

qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

//! Waiting changes of one session beyond this are merged, so a long outage costs bounded memory.
constexpr int kMaxUnsavedPerSession = 32;

//! Both changes as one: b's fields over a's (the log keeps b's status and reason).
LifecycleChange merged(LifecycleChange a, const LifecycleChange &b)
{
    if (b.status) {
        a.status = b.status;
        a.reason = b.reason;
    }
    if (b.desired)
        a.desired = b.desired;
    if (b.phoneNumber)
        a.phoneNumber = b.phoneNumber;
    if (b.waJid)
        a.waJid = b.waJid;
    if (b.waLid)
        a.waLid = b.waLid;
    if (b.lastConnectedAt)
        a.lastConnectedAt = b.lastConnectedAt;
    if (b.lastError)
        a.lastError = b.lastError;
    if (b.credentials)
        a.credentials = b.credentials;
    return a;
}

LifecycleChange statusChange(SessionStatus status, const QString &reason)
{
    LifecycleChange c;
    c.status = status;
    c.reason = reason;
    return c;
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
    m_unsavedTimer.setSingleShot(true);
    connect(&m_unsavedTimer, &QTimer::timeout, this, &SessionManager::retryUnsaved);
}

SessionManager::~SessionManager()
{
    shutdown();
}

int SessionManager::reconnectDelayMs(const LifecycleConfig &config, int attempt)
{
    return std::min(config.reconnectMaxMs, config.reconnectBaseMs * std::max(0, attempt - 1));
}

SessionManager::Runtime *SessionManager::runtime(const QString &id)
{
    auto it = m_runtimes.find(id);
    return it == m_runtimes.end() ? nullptr : it->second.get();
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
        if (isActiveStatus(s.status)) {
            const SessionStatus truth = s.hasNumberAttached() ? SessionStatus::Stopped : SessionStatus::Unpaired;
            auto w = write(s.id, statusChange(truth, QStringLiteral("gateway restarted")));
            if (!w)
                return w.error();
            announce(*w);
            s = w->session;
        }
        if (s.desiredState == DesiredState::Running && s.hasNumberAttached()) {
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

Result<std::pair<SessionManager::Runtime *, bool>> SessionManager::ensureConnection(const SessionInfo &session, bool pairing)
{
    if (!m_factory)
        return Error::unavailable(QStringLiteral("the WhatsApp engine is not available"));
    if (Runtime *existing = runtime(session.id); existing && existing->connection) {
        existing->pairing = pairing;
        existing->codePairing = false;
        return std::make_pair(existing, false);
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
    auto owned = std::make_unique<Runtime>();
    Runtime *rt = owned.get();
    rt->id = session.id;
    rt->organizationId = session.organizationId;
    rt->status = session.status;
    rt->hasJid = session.hasNumber();
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
    m_runtimes.emplace(id, std::move(owned));
    return std::make_pair(rt, true);
}

void SessionManager::wire(Runtime *rt)
{
    SessionConnection *c = rt->connection.get();
    const QString id = rt->id;
    connect(c, &SessionConnection::connecting, this, [this, id] { onConnecting(id); });
    connect(c, &SessionConnection::qrCode, this, [this, id](const QString &qr, qint64 exp) { onQr(id, qr, exp); });
    connect(c, &SessionConnection::pairingCode, this, [this, id](const QString &code, qint64 exp) { onPairingCode(id, code, exp); });
    connect(c, &SessionConnection::paired, this, [this, id](const PairedAccount &a) { onPaired(id, a); });
    connect(c, &SessionConnection::credentialsChanged, this, [this, id](const QByteArray &cr) { onCredentials(id, cr); });
    connect(c, &SessionConnection::loggedIn, this, [this, id] { onLoggedIn(id); });
    connect(c, &SessionConnection::pairingExpired, this, [this, id] { onPairingExpired(id); });
    connect(c, &SessionConnection::disconnected, this,
            [this, id](DisconnectKind k, const QString &code, const QString &msg, qint64 resumeAt) {
                onDisconnected(id, k, code, msg, resumeAt);
            });
    const QString org = rt->organizationId;
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
    if (!rt || !rt->connection || rt->status != SessionStatus::Working)
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

void SessionManager::lookupContact(const QString &sessionId, const QString &digits,
                                   std::function<void(Result<ContactLookup>)> done)
{
    auto c = workingConnection(sessionId);
    if (!c)
        return done(c.error());
    (*c)->lookupContact(digits, std::move(done));
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
    auto it = m_runtimes.find(id);
    if (it == m_runtimes.end())
        return;
    std::unique_ptr<Runtime> rt = std::move(it->second);
    m_runtimes.erase(it);
    dropConnection(rt.get());
}

void SessionManager::follow(const QString &id, const LifecycleChange &change)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    if (change.status)
        rt->status = *change.status;
    if (change.waJid)
        rt->hasJid = !change.waJid->isEmpty();
}

void SessionManager::announce(const LifecycleWrite &w)
{
    if (!w.rowChanged)
        return; // credentials alone: nothing anyone sees
    const SessionInfo &s = w.session;
    if (w.transition)
        qCInfo(lcEngine).noquote() << "session" << s.id << sessionStatusName(w.previousStatus) << "->"
                                   << sessionStatusName(s.status) << w.transition->reason;
    emit m_events.sessionUpdated(s);
    if (w.transition && (w.transition->status != w.previousStatus || !w.transition->reason.isEmpty()))
        emit m_events.statusChanged(*w.transition);
}

Result<void> SessionManager::flush(const QString &id)
{
    auto it = m_unsaved.find(id);
    while (it != m_unsaved.end() && !it->isEmpty()) {
        const Unsaved next = it->constFirst();
        auto w = m_repo.apply(id, next.change, next.at);
        if (w) {
            it = m_unsaved.find(id);
            if (it != m_unsaved.end() && !it->isEmpty())
                it->removeFirst();
            if (it != m_unsaved.end() && it->isEmpty()) {
                m_unsaved.erase(it);
                if (m_waited.remove(id))
                    qCInfo(lcEngine).noquote() << "the store took the waiting changes of" << id;
            }
            announce(*w);
            it = m_unsaved.find(id);
            continue;
        }
        const Error e = w.error();
        m_waited.insert(id);
        if (e.code == ErrorCode::NotFound) {
            // The row is gone (the session was deleted): nothing left to record it in.
            m_unsaved.remove(id);
            m_waited.remove(id);
            removeRuntime(id);
            return e;
        }
        if (e.code != ErrorCode::Unavailable && runtime(id)) {
            // The store refuses this change (not a passing outage): no connection may go on without
            // its state recorded. Close it, and record the session as failed once the store takes it.
            // (A change whose connection has already ended simply waits: it is the truth to record.)
            qCCritical(lcEngine).noquote() << "the store refused a change of session" << id << "(" << e.message
                                           << "); closing its connection";
            removeRuntime(id);
            LifecycleChange failed;
            for (const Unsaved &u : std::as_const(*it))
                failed = merged(failed, u.change);
            failed.status = SessionStatus::Failed;
            failed.reason = QStringLiteral("store refused a write");
            failed.lastError = LastError{QStringLiteral("store_write_failed"),
                                         QStringLiteral("The gateway's store refused to record this session's state (%1), "
                                                        "so its connection was closed. Start it again once the store works.")
                                             .arg(e.message),
                                         it->constFirst().at};
            *it = QList<Unsaved>{Unsaved{failed, it->constFirst().at}};
        } else if (e.code != ErrorCode::Unavailable) {
            qCCritical(lcEngine).noquote() << "the store refused a change of session" << id << "(" << e.message << "); it is tried again";
        }
        scheduleUnsavedRetry();
        return e;
    }
    return {};
}

void SessionManager::scheduleUnsavedRetry()
{
    if (m_unsavedTimer.isActive())
        return;
    const int delay = std::min(m_config.unsavedRetryMaxMs, m_config.unsavedRetryMs << std::min(m_unsavedRound, 16));
    ++m_unsavedRound;
    m_unsavedTimer.start(delay);
}

void SessionManager::retryUnsaved()
{
    m_unsavedTimer.stop();
    const auto ids = m_unsaved.keys();
    for (const QString &id : ids) {
        if (auto r = flush(id); !r && r.error().code == ErrorCode::Unavailable)
            break; // the store is still away: the others would only find out the same
    }
    if (m_unsaved.isEmpty())
        m_unsavedRound = 0;
    else
        scheduleUnsavedRetry();
}

void SessionManager::record(const QString &id, LifecycleChange change)
{
    follow(id, change);
    QList<Unsaved> &queue = m_unsaved[id];
    if (queue.size() >= kMaxUnsavedPerSession)
        queue[queue.size() - 1].change = merged(queue.constLast().change, change);
    else
        queue.append(Unsaved{std::move(change), now()});
    if (auto r = flush(id); !r && r.error().code == ErrorCode::Unavailable && m_unsaved.value(id).size() == 1)
        qCWarning(lcEngine).noquote() << "the store cannot take the change of session" << id << "now; it waits and is tried again";
}

Result<SessionInfo> SessionManager::current(const QString &id)
{
    if (auto r = flush(id); !r)
        return r.error();
    return m_repo.getAny(id);
}

Result<LifecycleWrite> SessionManager::write(const QString &id, const LifecycleChange &change)
{
    // Changes still waiting for the store go first, so the log stays in order.
    if (auto r = flush(id); !r)
        return r.error();
    auto w = m_repo.apply(id, change, now());
    if (!w) {
        qCWarning(lcEngine).noquote() << "could not record a change of" << id << w.error().message;
        return w.error();
    }
    follow(id, change);
    return w;
}

Result<SessionInfo> SessionManager::start(const SessionInfo &session)
{
    auto s = current(session.id);
    if (!s)
        return s.error();
    if (Runtime *rt = runtime(s->id); rt && rt->connection && !rt->pairing)
        return *s; // already started: a harmless no-op
    if (!s->hasNumberAttached())
        return Error::failedPrecondition(QStringLiteral("session has no number attached; pair it by QR code or pairing code first"));
    auto rt = ensureConnection(*s, false);
    if (!rt)
        return rt.error();
    LifecycleChange change = statusChange(SessionStatus::Starting, QStringLiteral("start requested"));
    change.desired = DesiredState::Running; // the intent and its first step: one transaction
    change.lastError = std::optional<LastError>();
    auto w = write(s->id, change);
    if (!w) {
        if (rt->second)
            removeRuntime(s->id);
        return w.error();
    }
    rt->first->attempts = 0;
    announce(*w);
    if (Runtime *r = runtime(s->id); r && r->connection)
        r->connection->connectToWhatsApp();
    return w->session;
}

Result<SessionInfo> SessionManager::stop(const SessionInfo &session)
{
    auto s = current(session.id);
    if (!s)
        return s.error();
    const SessionStatus rest = s->hasNumberAttached() ? SessionStatus::Stopped
                               : s->status == SessionStatus::LoggedOut ? SessionStatus::LoggedOut
                                                                        : SessionStatus::Unpaired;
    LifecycleChange change;
    if (s->desiredState != DesiredState::Stopped)
        change.desired = DesiredState::Stopped;
    if (s->status != rest)
        change = merged(change, statusChange(rest, QStringLiteral("stop requested")));
    if (!change.touchesRow()) {
        removeRuntime(s->id);
        return *s;
    }
    auto w = write(s->id, change);
    if (!w)
        return w.error(); // not stored, so not done: the connection stays as it was
    removeRuntime(s->id);
    announce(*w);
    return w->session;
}

Result<SessionInfo> SessionManager::logout(const SessionInfo &session)
{
    auto s = current(session.id);
    if (!s)
        return s.error();
    if (!s->hasNumberAttached()) {
        if (s->status == SessionStatus::LoggedOut)
            return *s; // already logged out: nothing to do
        return Error::failedPrecondition(QStringLiteral("session has no number attached; there is nothing to log out"));
    }
    LifecycleChange change = statusChange(SessionStatus::LoggedOut, QStringLiteral("logout requested"));
    change.desired = DesiredState::Stopped;
    change.credentials = QByteArray(); // wiped in the same transaction: nothing can log in with them again
    change.waJid = QString();
    change.waLid = QString();
    auto w = write(s->id, change);
    if (!w)
        return w.error();
    if (Runtime *rt = runtime(s->id); rt && rt->connection) {
        // Tell WhatsApp to unlink while we still hold the connection.
        unlinkAndRelease(rt->connection.release());
    }
    removeRuntime(s->id);
    if (m_factory)
        m_factory->forget(s->id); // the device's Signal state is void with its credentials
    announce(*w);
    return w->session;
}

Result<SessionInfo> SessionManager::beginQrPairing(const SessionInfo &session)
{
    auto s = current(session.id);
    if (!s)
        return s.error();
    if (s->hasNumberAttached())
        return Error::failedPrecondition(QStringLiteral("session already has a number attached; log it out to link another"));
    if (Runtime *rt = runtime(s->id); rt && rt->connection && rt->pairing) {
        // A code the operator may be typing right now is not thrown away by a QR request.
        if (rt->codePairing) {
            Error e = Error::failedPrecondition(QStringLiteral("a pairing code is in progress for this session; enter it on the phone, "
                                                               "or stop the session and ask again for a QR code"));
            e.details.insert(QStringLiteral("reason"), QStringLiteral("pairing_code_in_progress"));
            return e;
        }
        return *s; // pairing in progress: the current QR stays valid
    }
    auto rt = ensureConnection(*s, true);
    if (!rt)
        return rt.error();
    LifecycleChange change = statusChange(SessionStatus::Starting, QStringLiteral("QR pairing requested"));
    change.lastError = std::optional<LastError>();
    auto w = write(s->id, change);
    if (!w) {
        if (rt->second)
            removeRuntime(s->id);
        return w.error();
    }
    rt->first->codePairing = false;
    announce(*w);
    if (Runtime *r = runtime(s->id); r && r->connection)
        r->connection->beginQrPairing();
    return w->session;
}

Result<SessionInfo> SessionManager::beginCodePairing(const SessionInfo &session, const QString &phoneNumber)
{
    auto s = current(session.id);
    if (!s)
        return s.error();
    if (s->hasNumberAttached())
        return Error::failedPrecondition(QStringLiteral("session already has a number attached; log it out to link another"));
    removeRuntime(s->id); // a new code replaces any pairing in progress
    auto rt = ensureConnection(*s, true);
    if (!rt)
        return rt.error();
    LifecycleChange change = statusChange(SessionStatus::Starting, QStringLiteral("pairing code requested"));
    change.lastError = std::optional<LastError>();
    auto w = write(s->id, change);
    if (!w) {
        removeRuntime(s->id);
        return w.error();
    }
    rt->first->codePairing = true;
    announce(*w);
    if (Runtime *r = runtime(s->id); r && r->connection)
        r->connection->beginCodePairing(phoneNumber);
    return w->session;
}

void SessionManager::forget(const QString &sessionId)
{
    if (Runtime *rt = runtime(sessionId); rt && rt->connection)
        unlinkAndRelease(rt->connection.release());
    removeRuntime(sessionId);
    m_unsaved.remove(sessionId);
    m_waited.remove(sessionId);
    if (m_factory)
        m_factory->forget(sessionId);
}

void SessionManager::shutdown()
{
    if (!m_unsaved.isEmpty()) {
        retryUnsaved();
        m_unsavedTimer.stop();
        if (!m_unsaved.isEmpty())
            qCCritical(lcEngine).noquote() << "stopping with changes of" << m_unsaved.size()
                                           << "sessions the store did not take; the next start corrects their statuses";
    }
    while (!m_runtimes.empty())
        removeRuntime(m_runtimes.begin()->first);
}

std::optional<std::pair<QString, qint64>> SessionManager::currentQr(const QString &sessionId) const
{
    auto it = m_runtimes.find(sessionId);
    if (it == m_runtimes.end() || it->second->qr.isEmpty() || it->second->qrExpiresAt <= now())
        return std::nullopt;
    return std::make_pair(it->second->qr, it->second->qrExpiresAt);
}

SessionManager::Pairing SessionManager::pairing(const QString &sessionId) const
{
    auto it = m_runtimes.find(sessionId);
    if (it == m_runtimes.end() || !it->second->connection || !it->second->pairing)
        return Pairing::None;
    return it->second->codePairing ? Pairing::Code : Pairing::Qr;
}

void SessionManager::onConnecting(const QString &id)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    // While reconnecting the status stays "reconnecting" until the login succeeds or fails.
    if (rt->status == SessionStatus::Stopped || rt->status == SessionStatus::Failed)
        record(id, statusChange(SessionStatus::Starting, QStringLiteral("connecting")));
}

void SessionManager::onQr(const QString &id, const QString &qr, qint64 expiresAt)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    rt->qr = qr;
    rt->qrExpiresAt = expiresAt;
    const QString org = rt->organizationId;
    if (rt->status != SessionStatus::ScanQrCode)
        record(id, statusChange(SessionStatus::ScanQrCode, QStringLiteral("QR code ready")));
    if (runtime(id))
        emit m_events.qrCode(org, id, qr, expiresAt);
}

void SessionManager::onPairingCode(const QString &id, const QString &code, qint64 expiresAt)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    const QString org = rt->organizationId;
    if (rt->status != SessionStatus::PairingCode)
        record(id, statusChange(SessionStatus::PairingCode, QStringLiteral("pairing code ready")));
    if (runtime(id))
        emit m_events.pairingCode(org, id, code, expiresAt);
}

void SessionManager::onPaired(const QString &id, const PairedAccount &account)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    rt->pairing = false;
    rt->codePairing = false;
    rt->qr.clear();
    // The phone linked us: from here the session is started and should stay so across restarts.
    LifecycleChange change = statusChange(SessionStatus::Starting, QStringLiteral("linked to ") + account.platform);
    change.desired = DesiredState::Running;
    change.phoneNumber = account.phoneNumber;
    change.waJid = account.jid;
    change.waLid = account.lid;
    change.lastError = std::optional<LastError>();
    record(id, change);
}

void SessionManager::onCredentials(const QString &id, const QByteArray &credentials)
{
    if (!runtime(id))
        return;
    if (!m_vault)
        return tearDown(id, QStringLiteral("credentials not kept"), QStringLiteral("credentials_unsealed"),
                        QStringLiteral("The secret store is not available, so the new credentials of this session cannot be kept."));
    auto sealed = m_vault->seal(id, credentials);
    if (!sealed)
        return tearDown(id, QStringLiteral("credentials not kept"), QStringLiteral("credentials_unsealed"),
                        QStringLiteral("The new credentials of this session could not be encrypted (%1).").arg(sealed.error().message));
    LifecycleChange change;
    change.credentials = *sealed;
    record(id, change);
}

void SessionManager::onLoggedIn(const QString &id)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    rt->attempts = 0;
    const QString reason = rt->status == SessionStatus::Reconnecting ? QStringLiteral("reconnected") : QStringLiteral("logged in");
    LifecycleChange change = statusChange(SessionStatus::Working, reason);
    change.lastConnectedAt = now();
    change.lastError = std::optional<LastError>();
    record(id, change);
}

void SessionManager::onPairingExpired(const QString &id)
{
    if (!runtime(id))
        return;
    removeRuntime(id);
    LifecycleChange change = statusChange(SessionStatus::Unpaired, QStringLiteral("pairing expired"));
    change.lastError = LastError{QStringLiteral("qr_expired"), QStringLiteral("The codes ran out before the phone linked this device."), now()};
    record(id, change);
}

void SessionManager::onDisconnected(const QString &id, DisconnectKind kind, const QString &code, const QString &message,
                                    qint64 resumeAtMs)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    const qint64 at = now();

    if (!rt->numberAttached()) {
        // Pairing failed before a number was linked: back to unpaired, saying why. WhatsApp closes
        // the connection itself once the last QR code has run out, so a connection that ends while a
        // code is on screen is, for the person holding the phone, codes that ran out.
        const bool codesRanOut = kind == DisconnectKind::Retryable
                                 && (rt->status == SessionStatus::ScanQrCode || rt->status == SessionStatus::PairingCode);
        removeRuntime(id);
        LifecycleChange change = statusChange(SessionStatus::Unpaired, QStringLiteral("pairing interrupted"));
        change.lastError = codesRanOut ? LastError{QStringLiteral("qr_expired"),
                                                   QStringLiteral("The codes ran out before a phone linked this device."), at}
                                       : LastError{code, message, at};
        record(id, change);
        return;
    }

    switch (kind) {
    case DisconnectKind::Retryable:
        scheduleReconnect(id, code, message);
        return;
    case DisconnectKind::Suspended:
        if (resumeAtMs > at) {
            // A ban that ends is waited out: no attempt before then, and no attempt counted.
            rt->attempts = 0;
            LifecycleChange change = statusChange(SessionStatus::Reconnecting, QStringLiteral("temporarily banned"));
            change.lastError = LastError{code, message, at};
            record(id, change);
            if (Runtime *r = runtime(id)) {
                // A timer cannot wait longer than ~24 days: a longer ban is asked about again in a week.
                // A little jitter (a tenth of the wait, at most 5 s) so bans that end together do not
                // reconnect in the same millisecond.
                const qint64 ban = resumeAtMs - at;
                const qint64 jitter = QRandomGenerator::global()->bounded(qint64(1), std::clamp<qint64>(ban / 10, 2, 5000));
                const qint64 wait = std::min<qint64>(ban + jitter, 7LL * 24 * 3600 * 1000);
                r->retryTimer.start(int(wait));
            }
            return;
        }
        [[fallthrough]]; // no known end: as fatal as any other refusal
    case DisconnectKind::Replaced:
    case DisconnectKind::Fatal: {
        removeRuntime(id);
        LifecycleChange change = statusChange(SessionStatus::Failed, QStringLiteral("connection refused"));
        change.desired = DesiredState::Stopped;
        change.lastError = LastError{code, message, at};
        record(id, change);
        return;
    }
    case DisconnectKind::LoggedOut: {
        removeRuntime(id);
        LifecycleChange change = statusChange(SessionStatus::LoggedOut, QStringLiteral("unlinked"));
        change.desired = DesiredState::Stopped;
        change.credentials = QByteArray();
        change.waJid = QString();
        change.waLid = QString();
        change.lastError = LastError{code, message, at};
        record(id, change);
        if (m_factory)
            m_factory->forget(id); // the device's Signal state is void with its credentials
        return;
    }
    }
}

void SessionManager::scheduleReconnect(const QString &id, const QString &code, const QString &message)
{
    Runtime *rt = runtime(id);
    if (!rt)
        return;
    ++rt->attempts;
    const qint64 at = now();
    if (rt->attempts > m_config.maxReconnectAttempts) {
        removeRuntime(id);
        LifecycleChange change = statusChange(SessionStatus::Failed, QStringLiteral("gave up reconnecting"));
        change.lastError = LastError{code, message, at};
        record(id, change);
        return;
    }
    // Linear back-off with jitter so a gateway restart does not reconnect thousands of sessions in
    // the same millisecond.
    const int base = reconnectDelayMs(m_config, rt->attempts);
    const int delay = base + int(QRandomGenerator::global()->bounded(std::max(1, base / 4 + 1)));
    if (rt->status != SessionStatus::Reconnecting) {
        LifecycleChange change = statusChange(SessionStatus::Reconnecting, QStringLiteral("connection lost"));
        change.lastError = LastError{code, message, at};
        record(id, change);
    }
    if (Runtime *r = runtime(id))
        r->retryTimer.start(delay);
}

void SessionManager::tearDown(const QString &id, const QString &reason, const QString &code, const QString &message)
{
    qCCritical(lcEngine).noquote() << "closing the connection of" << id << ":" << message;
    removeRuntime(id);
    LifecycleChange change = statusChange(SessionStatus::Failed, reason);
    change.lastError = LastError{code, message, now()};
    record(id, change);
}

} // namespace wagate
