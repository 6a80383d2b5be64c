#include "enginefacadeimpl.h"

#include "auth/apikeys.h"
#include "auth/authservice.h"
#include "auth/keychainqueue.h"
#include "auth/operatorprofiles.h"
#include "core/logging.h"
#include "engine/engine.h"
#include "engine/messageservice.h"
#include "engine/outbox.h"
#include "engine/sessionevents.h"
#include "engine/sessionservice.h"
#include "engine/webhookservice.h"
#include "enginehost.h"
#include "store/organizationrepository.h"
#include "store/sessionrepository.h"

namespace wagate {

namespace {

Error engineNotRunning()
{
    return Error::unavailable(QStringLiteral("the engine is not running"));
}

Error notSignedIn()
{
    return Error::unauthorized(QStringLiteral("sign in first"));
}

WebhookDeliveryInfo toDeliveryInfo(const DeliveryRow &d)
{
    WebhookDeliveryInfo out;
    out.id = d.id;
    out.webhookId = d.webhookId;
    out.eventId = d.eventId;
    out.eventType = d.eventType;
    switch (d.status) {
    case DeliveryStatus::Pending: out.status = WebhookDeliveryInfo::Status::Pending; break;
    case DeliveryStatus::Delivered: out.status = WebhookDeliveryInfo::Status::Delivered; break;
    case DeliveryStatus::Failed: out.status = WebhookDeliveryInfo::Status::Failed; break;
    }
    out.attempts = d.attempts;
    out.nextAttemptAt = d.status == DeliveryStatus::Pending ? d.nextAttemptAt : 0;
    out.lastStatusCode = d.lastStatusCode;
    out.lastError = d.lastError;
    out.createdAt = d.createdAt;
    out.deliveredAt = d.deliveredAt;
    return out;
}

//! The row without its sealed secrets: those never leave the engine thread.
WebhookInfo toWebhookInfo(const WebhookRow &w, const QString &secret = {})
{
    WebhookInfo out;
    out.id = w.id;
    out.url = w.url;
    out.events = w.events;
    out.sessions = w.sessions;
    out.description = w.description;
    out.enabled = w.enabled;
    out.disabledReason = w.disabledReason;
    out.previousSecretExpiresAt = w.previousSecret.isEmpty() ? 0 : w.previousExpiresAt;
    out.createdAt = w.createdAt;
    out.updatedAt = w.updatedAt;
    out.secret = secret;
    return out;
}

WebhookSpec toSpec(const WebhookChange &c)
{
    WebhookSpec spec;
    spec.url = c.url;
    spec.events = c.events;
    spec.description = c.description;
    spec.enabled = c.enabled;
    return spec;
}

} // namespace

SignInProfile::Kind toSignInKind(OperatorProfile::Kind k)
{
    switch (k) {
    case OperatorProfile::Kind::LocalAccount: return SignInProfile::Kind::LocalAccount;
    case OperatorProfile::Kind::ApiKey: return SignInProfile::Kind::ApiKey;
    case OperatorProfile::Kind::Jwt: return SignInProfile::Kind::Token;
    }
    return SignInProfile::Kind::Token;
}

OperatorProfile::Kind toProfileKind(SignInProfile::Kind k)
{
    switch (k) {
    case SignInProfile::Kind::LocalAccount: return OperatorProfile::Kind::LocalAccount;
    case SignInProfile::Kind::ApiKey: return OperatorProfile::Kind::ApiKey;
    case SignInProfile::Kind::Token: return OperatorProfile::Kind::Jwt;
    }
    return OperatorProfile::Kind::Jwt;
}

SignInProfile toSignInProfile(const OperatorProfile &p)
{
    SignInProfile out;
    out.id = p.id;
    out.displayName = p.displayName;
    out.organizationId = p.organizationId;
    out.username = p.username;
    out.kind = toSignInKind(p.kind);
    return out;
}

EngineFacadeImpl::EngineFacadeImpl(EngineHost &host, const QString &dataDir, QObject *parent)
    : EngineFacade(parent), m_host(host), m_worker(host.worker()),
      m_profiles(std::make_unique<OperatorProfiles>(dataDir, host.keychain()))
{
    if (auto r = m_profiles->load(); !r)
        qCWarning(lcApp).noquote() << "sign-in profiles could not be read:" << r.error().message;
    connect(m_profiles.get(), &OperatorProfiles::profilesChanged, this, &EngineFacade::profilesChanged);
    // Ask the keychain once, so the sign-in dialog can say plainly when there is none.
    m_host.keychain().read(QStringLiteral("wagate"), QStringLiteral("availability-probe"), this, [this](Result<QByteArray> r) {
        m_keychainProblem = (!r && r.error().code == ErrorCode::Unavailable) ? r.error().message : QString();
        m_keychainChecked = true;
        emit profilesChanged();
    });
    qRegisterMetaType<Principal>();
    qRegisterMetaType<SessionInfo>();
    qRegisterMetaType<StatusTransition>();
    qRegisterMetaType<MessageInfo>();
    qRegisterMetaType<OutboxSummary>();
    qRegisterMetaType<WebhookInfo>();
    qRegisterMetaType<WebhookDeliveryInfo>();
    connect(&host, &EngineHost::started, this, [this](const QString &url) {
        m_baseUrl = url;
        subscribe();
        emit engineReady(url);
    });
    connect(&host, &EngineHost::failed, this, &EngineFacade::engineFailed);
    // A removed or demoted operator loses the rights in an open console as over HTTP, also while
    // the console only watches.
    m_recheck.setInterval(10000);
    connect(&m_recheck, &QTimer::timeout, this, &EngineFacadeImpl::recheck);
}

template<typename T>
void EngineFacadeImpl::onEngine(std::function<Result<T>(Engine &)> work, Reply<T> done)
{
    onEngineAsync<T>([work](Engine &e, Reply<T> reply) { reply(work(e)); }, std::move(done));
}

template<typename T>
void EngineFacadeImpl::onEngineAsync(std::function<void(Engine &, Reply<T>)> work, Reply<T> done)
{
    QPointer<EngineFacadeImpl> self(this);
    EngineWorker *worker = m_worker;
    // The answer hops back to this thread; if the facade is gone by then, nobody is told.
    Reply<T> back = [self, done](Result<T> r) {
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, done, r] { if (self && done) done(r); }, Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(worker, [worker, work, back] {
        Engine *engine = worker->engine();
        if (!engine)
            return back(engineNotRunning());
        work(*engine, back);
    }, Qt::QueuedConnection);
}

void EngineFacadeImpl::subscribe()
{
    QPointer<EngineFacadeImpl> self(this);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, self] {
        Engine *engine = worker->engine();
        if (!engine || !self)
            return;
        // Connections made here, delivered queued into the facade's thread, filtered there.
        SessionEvents *ev = &engine->events();
        EngineFacadeImpl *f = self.data();
        connect(ev, &SessionEvents::sessionCreated, f, [f](const SessionInfo &s) { if (f->mine(s.organizationId)) emit f->sessionCreated(s); }, Qt::QueuedConnection);
        connect(ev, &SessionEvents::sessionUpdated, f, [f](const SessionInfo &s) { if (f->mine(s.organizationId)) emit f->sessionUpdated(s); }, Qt::QueuedConnection);
        connect(ev, &SessionEvents::sessionRemoved, f, [f](const QString &org, const QString &id) { if (f->mine(org)) emit f->sessionRemoved(id); }, Qt::QueuedConnection);
        connect(ev, &SessionEvents::statusChanged, f, [f](const StatusTransition &t) { if (f->mine(t.organizationId)) emit f->statusChanged(t); }, Qt::QueuedConnection);
        connect(ev, &SessionEvents::qrCode, f, [f](const QString &org, const QString &id, const QString &qr, qint64 exp) {
            if (f->mine(org) && f->m_principal->can(Capability::Manage))
                emit f->qrCode(id, qr, exp);
        }, Qt::QueuedConnection);
        connect(ev, &SessionEvents::pairingCode, f, [f](const QString &org, const QString &id, const QString &code, qint64 exp) {
            if (f->mine(org) && f->m_principal->can(Capability::Manage))
                emit f->pairingCode(id, code, exp);
        }, Qt::QueuedConnection);
        connect(ev, &SessionEvents::messageChanged, f, [f](const MessageInfo &m, const QString &, const QString &previous) {
            if (!f->mine(m.organizationId))
                return;
            if (m.direction == MessageDirection::In && previous.isEmpty())
                emit f->messageReceived(m);
            else
                emit f->messageStatusChanged(m, previous);
        }, Qt::QueuedConnection);
        connect(ev, &SessionEvents::sendingPaused, f, [f](const SessionInfo &s) { if (f->mine(s.organizationId)) emit f->sendingPaused(s); }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

bool EngineFacadeImpl::mine(const QString &organizationId) const
{
    return m_principal && m_principal->organizationId == organizationId && m_principal->can(Capability::Read);
}

void EngineFacadeImpl::completeSignIn(const Result<Principal> &r, const Credential &credential, const Reply<Principal> &done)
{
    if (!r) {
        done(r);
        return;
    }
    const Principal p = *r;
    onEngine<QString>([p](Engine &e) -> Result<QString> {
        auto org = e.organizations().get(p.organizationId);
        return org ? org->name : p.organizationId;
    }, [this, p, credential, done](Result<QString> name) {
        ++m_signIn;
        m_principal = p;
        m_credential = credential;
        m_organizationName = name ? *name : p.organizationId;
        m_recheck.start();
        emit signedIn(p);
        done(p);
    });
}

void EngineFacadeImpl::currentPrincipal(Engine &e, const Principal &signedIn, const Credential &credential,
                                        std::function<void(Result<Principal>)> done)
{
    switch (credential.kind) {
    case Credential::Kind::ApiKey:
    case Credential::Kind::Token:
        // The same check every HTTP request gets: a revoked key, an expired token, a removed operator.
        e.auth().authenticate(QStringLiteral("Bearer ") + credential.secret, std::move(done));
        return;
    case Credential::Kind::Account:
        // Signed in with a password: the account as it is now decides, as it does for local tokens.
        done(e.auth().operators().current(signedIn));
        return;
    }
}

void EngineFacadeImpl::takeOver(quint64 generation, const Result<Principal> &who)
{
    if (generation != m_signIn || !m_principal)
        return; // about a sign-in that has ended meanwhile
    if (!who) {
        if (who.error().code != ErrorCode::Unauthorized)
            return; // the store or the keys cannot say now: keep what holds until they can
        qCInfo(lcApp).noquote() << "the console's sign-in no longer holds:" << who.error().message;
        const QString reason = who.error().message;
        signOut();
        emit signInRevoked(reason);
        return;
    }
    if (who->capabilities == m_principal->capabilities && who->role == m_principal->role)
        return;
    qCInfo(lcApp).noquote() << "the console's rights changed to" << capabilityNames(who->capabilities);
    m_principal = *who;
    emit principalChanged(*who);
}

void EngineFacadeImpl::recheck()
{
    if (!m_principal)
        return;
    const Principal p = *m_principal;
    const Credential credential = m_credential;
    const quint64 generation = m_signIn;
    onEngineAsync<Principal>([p, credential](Engine &e, Reply<Principal> reply) { currentPrincipal(e, p, credential, reply); },
                             [this, generation](Result<Principal> who) {
                                 // engineNotRunning is not the operator's fault: nothing to take over
                                 if (!who && who.error().code == ErrorCode::Unavailable)
                                     return;
                                 takeOver(generation, who);
                             });
}

template<typename T>
void EngineFacadeImpl::asOperator(std::function<Result<T>(Engine &, const Principal &)> work, Reply<T> done)
{
    if (!m_principal)
        return done(notSignedIn());
    const Principal p = *m_principal;
    const Credential credential = m_credential;
    const quint64 generation = m_signIn;
    onEngineAsync<AsOperator<T>>([p, credential, work](Engine &e, Reply<AsOperator<T>> reply) {
        currentPrincipal(e, p, credential, [&e, work, reply](Result<Principal> who) {
            AsOperator<T> out{who, std::nullopt};
            if (who)
                out.result = work(e, *who);
            reply(out);
        });
    }, [this, generation, done](Result<AsOperator<T>> r) {
        if (!r)
            return done(r.error());
        takeOver(generation, r->who);
        if (!r->who)
            return done(r->who.error());
        done(*r->result);
    });
}

void EngineFacadeImpl::signInWithApiKey(const QString &key, Reply<Principal> done)
{
    const QString trimmed = key.trimmed();
    onEngine<Principal>([trimmed](Engine &e) -> Result<Principal> {
        if (!ApiKeyService::looksLikeApiKey(trimmed))
            return Error::unauthorized(QStringLiteral("that is not an API key (they start with wgk_)"));
        return e.apiKeys().verify(trimmed);
    },
                        [this, trimmed, done](Result<Principal> r) { completeSignIn(r, {Credential::Kind::ApiKey, trimmed}, done); });
}

void EngineFacadeImpl::signInWithPassword(const QString &organizationId, const QString &username, const QString &password,
                                          Reply<Principal> done)
{
    // The local issuer checks the password and mints a token; the token then goes through the same
    // authentication as any HTTP request, so the console holds exactly what a script would. From
    // then on the account itself is checked (the token would expire under an open console).
    onEngineAsync<Principal>([organizationId, username, password](Engine &e, Reply<Principal> reply) {
        e.auth().login(organizationId, username, password, QStringLiteral("console"), [&e, reply](Result<LoginResult> r) {
            if (!r)
                return reply(r.error());
            e.auth().authenticate(QStringLiteral("Bearer ") + r->token, reply);
        });
    }, [this, done](Result<Principal> r) { completeSignIn(r, {Credential::Kind::Account, QString()}, done); });
}

void EngineFacadeImpl::signInWithToken(const QString &token, Reply<Principal> done)
{
    const QString trimmed = token.trimmed();
    onEngineAsync<Principal>([trimmed](Engine &e, Reply<Principal> reply) {
        e.auth().authenticate(QStringLiteral("Bearer ") + trimmed, reply);
    }, [this, trimmed, done](Result<Principal> r) { completeSignIn(r, {Credential::Kind::Token, trimmed}, done); });
}

EngineFacadeImpl::~EngineFacadeImpl() = default;

QList<SignInProfile> EngineFacadeImpl::profiles() const
{
    QList<SignInProfile> out;
    for (const OperatorProfile &p : m_profiles->profiles())
        out << toSignInProfile(p);
    return out;
}

void EngineFacadeImpl::addProfile(const SignInProfile &profile, const QString &secret, Reply<SignInProfile> done)
{
    const OperatorProfile::Kind kind = toProfileKind(profile.kind);
    if (secret.isEmpty())
        return done(Error::invalidArgument(QStringLiteral("the secret is empty")));
    // The secret goes to the keychain first: a profile is remembered only if its secret is safe.
    auto added = m_profiles->add(profile.displayName, profile.organizationId, kind, profile.username);
    if (!added)
        return done(added.error());
    const OperatorProfile stored = *added;
    QPointer<EngineFacadeImpl> self(this);
    m_profiles->storeCredential(stored.id, secret, [self, stored, done](Result<void> r) {
        if (!self)
            return;
        if (!r) {
            // Nothing half-remembered: without its secret the profile goes again.
            self->m_profiles->remove(stored.id, [](Result<void>) {});
            return done(r.error());
        }
        done(toSignInProfile(stored));
    });
}

void EngineFacadeImpl::removeProfile(const QString &id, Reply<bool> done)
{
    if (!m_profiles->find(id))
        return done(Error::notFound(QStringLiteral("no such profile")));
    m_profiles->remove(id, [done](Result<void> r) {
        if (!r)
            return done(r.error());
        done(true);
    });
}

void EngineFacadeImpl::signInWithProfile(const QString &id, Reply<Principal> done)
{
    const OperatorProfile *found = m_profiles->find(id);
    if (!found)
        return done(Error::notFound(QStringLiteral("no such profile")));
    const OperatorProfile profile = *found;
    QPointer<EngineFacadeImpl> self(this);
    m_profiles->readCredential(id, [self, profile, done](Result<QString> secret) {
        if (!self)
            return;
        if (!secret)
            return done(secret.error());
        switch (profile.kind) {
        case OperatorProfile::Kind::ApiKey:
            return self->signInWithApiKey(*secret, done);
        case OperatorProfile::Kind::Jwt:
            return self->signInWithToken(*secret, done);
        case OperatorProfile::Kind::LocalAccount:
            return self->signInWithPassword(profile.organizationId, profile.username, *secret, done);
        }
    });
}

void EngineFacadeImpl::listOrganizations(Reply<QList<OrganizationChoice>> done)
{
    onEngine<QList<OrganizationChoice>>([](Engine &e) -> Result<QList<OrganizationChoice>> {
        auto orgs = e.organizations().list();
        if (!orgs)
            return orgs.error();
        QList<OrganizationChoice> out;
        out.reserve(orgs->size());
        for (const Organization &o : *orgs)
            out.append({o.id, o.name});
        return out;
    }, std::move(done));
}

void EngineFacadeImpl::signOut()
{
    if (!m_principal)
        return;
    ++m_signIn;
    m_principal.reset();
    m_credential = {};
    m_recheck.stop();
    m_organizationName.clear();
    emit signedOut();
}

void EngineFacadeImpl::listSessions(Reply<QList<SessionInfo>> done)
{
    asOperator<QList<SessionInfo>>([](Engine &e, const Principal &p) -> Result<QList<SessionInfo>> {
        QList<SessionInfo> all;
        QString after;
        do {
            auto page = e.sessions().list(p, std::nullopt, after, SessionService::kMaxPageSize);
            if (!page)
                return page.error();
            all += page->sessions;
            after = page->lastId;
        } while (!after.isEmpty());
        return all;
    }, std::move(done));
}

void EngineFacadeImpl::createSession(const SessionCreate &request, Reply<SessionInfo> done)
{
    asOperator<SessionInfo>([request](Engine &e, const Principal &p) { return e.sessions().create(p, request); }, std::move(done));
}

void EngineFacadeImpl::updateSession(const QString &id, const SessionPatch &patch, Reply<SessionInfo> done)
{
    asOperator<SessionInfo>([id, patch](Engine &e, const Principal &p) { return e.sessions().update(p, id, patch); }, std::move(done));
}

void EngineFacadeImpl::deleteSession(const QString &id, Reply<bool> done)
{
    asOperator<bool>([id](Engine &e, const Principal &p) -> Result<bool> {
        if (auto r = e.sessions().remove(p, id); !r)
            return r.error();
        return true;
    }, std::move(done));
}

void EngineFacadeImpl::startSession(const QString &id, Reply<SessionInfo> done)
{
    asOperator<SessionInfo>([id](Engine &e, const Principal &p) { return e.sessions().start(p, id); }, std::move(done));
}

void EngineFacadeImpl::stopSession(const QString &id, Reply<SessionInfo> done)
{
    asOperator<SessionInfo>([id](Engine &e, const Principal &p) { return e.sessions().stop(p, id); }, std::move(done));
}

void EngineFacadeImpl::logoutSession(const QString &id, Reply<SessionInfo> done)
{
    asOperator<SessionInfo>([id](Engine &e, const Principal &p) { return e.sessions().logout(p, id); }, std::move(done));
}

void EngineFacadeImpl::beginQrPairing(const QString &id, Reply<SessionInfo> done)
{
    // A pairing already in progress keeps its code: hand the current one over again, so a reopened
    // dialog shows it at once instead of waiting for the next rotation.
    using Begun = std::pair<SessionInfo, std::optional<std::pair<QString, qint64>>>;
    asOperator<Begun>([id](Engine &e, const Principal &p) -> Result<Begun> {
        auto r = e.sessions().beginQrPairing(p, id);
        if (!r)
            return r.error();
        std::optional<std::pair<QString, qint64>> shown;
        if (auto code = e.sessions().currentQr(p, id); code && *code)
            shown = std::make_pair((*code)->qr, (*code)->expiresAt);
        return Begun{*r, shown};
    }, [this, id, done](Result<Begun> r) {
        if (!r)
            return done(r.error());
        done(r->first);
        if (r->second)
            emit qrCode(id, r->second->first, r->second->second);
    });
}

void EngineFacadeImpl::beginCodePairing(const QString &id, const QString &phoneNumber, Reply<SessionInfo> done)
{
    asOperator<SessionInfo>([id, phoneNumber](Engine &e, const Principal &p) { return e.sessions().beginCodePairing(p, id, phoneNumber); },
                            std::move(done));
}

void EngineFacadeImpl::sessionHistory(const QString &id, int limit, Reply<QList<StatusTransition>> done)
{
    asOperator<QList<StatusTransition>>([id, limit](Engine &e, const Principal &p) { return e.sessions().history(p, id, limit); },
                                        std::move(done));
}

void EngineFacadeImpl::sendMessage(const QString &sessionId, const SendRequest &request, Reply<MessageInfo> done)
{
    asOperator<MessageInfo>([sessionId, request](Engine &e, const Principal &p) -> Result<MessageInfo> {
        auto sent = e.messages().send(p, sessionId, request);
        if (!sent)
            return sent.error();
        return sent->message;
    }, std::move(done));
}

void EngineFacadeImpl::listMessages(const QString &sessionId, int limit, Reply<QList<MessageInfo>> done)
{
    asOperator<QList<MessageInfo>>([sessionId, limit](Engine &e, const Principal &p) {
        return e.messages().list(p, sessionId, MessageFilter{}, QString(), std::clamp(limit, 1, MessageService::kMaxPageSize), nullptr);
    }, std::move(done));
}

void EngineFacadeImpl::cancelMessage(const QString &sessionId, const QString &messageId, Reply<MessageInfo> done)
{
    asOperator<MessageInfo>([sessionId, messageId](Engine &e, const Principal &p) { return e.messages().cancel(p, sessionId, messageId); },
                            std::move(done));
}

void EngineFacadeImpl::outboxSummary(const QString &sessionId, qint64 since, Reply<OutboxSummary> done)
{
    asOperator<OutboxSummary>([sessionId, since](Engine &e, const Principal &p) -> Result<OutboxSummary> {
        auto s = e.sessions().get(p, sessionId);
        if (!s)
            return s.error();
        OutboxSummary out;
        out.sessionId = s->id;
        out.ratePerMin = s->ratePerMin;
        out.ratePerHour = s->ratePerHour;
        out.since = since;
        // The outbox's own pause is the one in force; the row has it too, also from before a restart.
        if (const auto pause = e.messages().outbox().pause(sessionId)) {
            out.pausedUntil = pause->until;
            out.pausedReason = pause->reason;
        } else if (s->sendingPausedUntil > e.messages().now()) {
            out.pausedUntil = s->sendingPausedUntil;
            out.pausedReason = s->sendingPausedReason;
        }
        out.nextSendAt = e.messages().outbox().nextSendAt(sessionId);
        auto all = e.messages().countByStatus(p, sessionId, MessageDirection::Out, 0);
        if (!all)
            return all.error();
        for (const auto &[status, n] : *all)
            if (status == MessageStatus::Queued || status == MessageStatus::Sending)
                out.waiting += n;
        for (MessageDirection d : {MessageDirection::Out, MessageDirection::In}) {
            auto counts = e.messages().countByStatus(p, sessionId, d, since);
            if (!counts)
                return counts.error();
            for (const auto &[status, n] : *counts)
                (d == MessageDirection::Out ? out.outgoing : out.incoming)[status] += n;
        }
        return out;
    }, std::move(done));
}

void EngineFacadeImpl::listWebhooks(Reply<QList<WebhookInfo>> done)
{
    asOperator<QList<WebhookInfo>>([](Engine &e, const Principal &p) -> Result<QList<WebhookInfo>> {
        auto rows = e.webhooks().list(p);
        if (!rows)
            return rows.error();
        QList<WebhookInfo> out;
        out.reserve(rows->size());
        for (const WebhookRow &w : *rows) {
            WebhookInfo info = toWebhookInfo(w);
            if (auto last = e.webhooks().deliveries(p, w.id, std::nullopt, 1); last && !last->isEmpty())
                info.lastDelivery = toDeliveryInfo(last->first());
            out.append(info);
        }
        return out;
    }, std::move(done));
}

void EngineFacadeImpl::createWebhook(const WebhookChange &change, Reply<WebhookInfo> done)
{
    asOperator<WebhookInfo>([change](Engine &e, const Principal &p) -> Result<WebhookInfo> {
        auto created = e.webhooks().create(p, toSpec(change));
        if (!created)
            return created.error();
        return toWebhookInfo(created->row, created->secret);
    }, std::move(done));
}

void EngineFacadeImpl::updateWebhook(const QString &id, const WebhookChange &change, Reply<WebhookInfo> done)
{
    asOperator<WebhookInfo>([id, change](Engine &e, const Principal &p) -> Result<WebhookInfo> {
        auto row = e.webhooks().update(p, id, toSpec(change));
        if (!row)
            return row.error();
        return toWebhookInfo(*row);
    }, std::move(done));
}

void EngineFacadeImpl::deleteWebhook(const QString &id, Reply<bool> done)
{
    asOperator<bool>([id](Engine &e, const Principal &p) -> Result<bool> {
        if (auto r = e.webhooks().remove(p, id); !r)
            return r.error();
        return true;
    }, std::move(done));
}

void EngineFacadeImpl::rotateWebhookSecret(const QString &id, Reply<WebhookInfo> done)
{
    asOperator<WebhookInfo>([id](Engine &e, const Principal &p) -> Result<WebhookInfo> {
        auto rotated = e.webhooks().rotateSecret(p, id);
        if (!rotated)
            return rotated.error();
        return toWebhookInfo(rotated->row, rotated->secret);
    }, std::move(done));
}

void EngineFacadeImpl::testWebhook(const QString &id, Reply<WebhookDeliveryInfo> done)
{
    asOperator<WebhookDeliveryInfo>([id](Engine &e, const Principal &p) -> Result<WebhookDeliveryInfo> {
        auto d = e.webhooks().test(p, id);
        if (!d)
            return d.error();
        return toDeliveryInfo(*d);
    }, std::move(done));
}

void EngineFacadeImpl::webhookDeliveries(const QString &id, int limit, Reply<QList<WebhookDeliveryInfo>> done)
{
    asOperator<QList<WebhookDeliveryInfo>>([id, limit](Engine &e, const Principal &p) -> Result<QList<WebhookDeliveryInfo>> {
        auto rows = e.webhooks().deliveries(p, id, std::nullopt, std::clamp(limit, 1, 500));
        if (!rows)
            return rows.error();
        QList<WebhookDeliveryInfo> out;
        out.reserve(rows->size());
        for (const DeliveryRow &d : *rows)
            out.append(toDeliveryInfo(d));
        return out;
    }, std::move(done));
}

} // namespace wagate
