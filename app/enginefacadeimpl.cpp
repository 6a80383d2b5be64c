#include "enginefacadeimpl.h"

#include "auth/apikeys.h"
#include "engine/engine.h"
#include "engine/sessionevents.h"
#include "engine/sessionmanager.h"
#include "engine/sessionservice.h"
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

} // namespace

EngineFacadeImpl::EngineFacadeImpl(EngineHost &host, QObject *parent)
    : EngineFacade(parent), m_host(host), m_worker(host.worker())
{
    qRegisterMetaType<Principal>();
    qRegisterMetaType<SessionInfo>();
    qRegisterMetaType<StatusTransition>();
    connect(&host, &EngineHost::started, this, [this](const QString &url) {
        m_baseUrl = url;
        subscribe();
        emit engineReady(url);
    });
    connect(&host, &EngineHost::failed, this, &EngineFacade::engineFailed);
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
    }, Qt::QueuedConnection);
}

bool EngineFacadeImpl::mine(const QString &organizationId) const
{
    return m_principal && m_principal->organizationId == organizationId && m_principal->can(Capability::Read);
}

void EngineFacadeImpl::completeSignIn(const Result<Principal> &r, const Reply<Principal> &done)
{
    if (!r) {
        done(r);
        return;
    }
    const Principal p = *r;
    onEngine<QString>([p](Engine &e) -> Result<QString> {
        auto org = e.organizations().get(p.organizationId);
        return org ? org->name : p.organizationId;
    }, [this, p, done](Result<QString> name) {
        m_principal = p;
        m_organizationName = name ? *name : p.organizationId;
        emit signedIn(p);
        done(p);
    });
}

void EngineFacadeImpl::signInWithApiKey(const QString &key, Reply<Principal> done)
{
    onEngine<Principal>([key](Engine &e) { return e.apiKeys().verify(key.trimmed()); },
                        [this, done](Result<Principal> r) { completeSignIn(r, done); });
}

void EngineFacadeImpl::signInWithPassword(const QString &, const QString &, const QString &, Reply<Principal> done)
{
    done(Error::unavailable(QStringLiteral("operator accounts are not available yet in this version")));
}

void EngineFacadeImpl::signInWithToken(const QString &, Reply<Principal> done)
{
    done(Error::unavailable(QStringLiteral("login tokens are not available yet in this version")));
}

void EngineFacadeImpl::addProfile(const SignInProfile &, const QString &, Reply<SignInProfile> done)
{
    done(Error::unavailable(m_keychainProblem));
}

void EngineFacadeImpl::removeProfile(const QString &, Reply<bool> done)
{
    done(Error::unavailable(m_keychainProblem));
}

void EngineFacadeImpl::signInWithProfile(const QString &, Reply<Principal> done)
{
    done(Error::unavailable(m_keychainProblem));
}

void EngineFacadeImpl::signOut()
{
    if (!m_principal)
        return;
    m_principal.reset();
    m_organizationName.clear();
    emit signedOut();
}

#define WAGATE_AS_PRINCIPAL(T, done)                                                                       \
    if (!m_principal) {                                                                                    \
        done(notSignedIn());                                                                               \
        return;                                                                                            \
    }                                                                                                      \
    const Principal p = *m_principal

void EngineFacadeImpl::listSessions(Reply<QList<SessionInfo>> done)
{
    WAGATE_AS_PRINCIPAL(QList<SessionInfo>, done);
    onEngine<QList<SessionInfo>>([p](Engine &e) -> Result<QList<SessionInfo>> {
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
    WAGATE_AS_PRINCIPAL(SessionInfo, done);
    onEngine<SessionInfo>([p, request](Engine &e) { return e.sessions().create(p, request); }, std::move(done));
}

void EngineFacadeImpl::updateSession(const QString &id, const SessionPatch &patch, Reply<SessionInfo> done)
{
    WAGATE_AS_PRINCIPAL(SessionInfo, done);
    onEngine<SessionInfo>([p, id, patch](Engine &e) { return e.sessions().update(p, id, patch); }, std::move(done));
}

void EngineFacadeImpl::deleteSession(const QString &id, Reply<bool> done)
{
    WAGATE_AS_PRINCIPAL(bool, done);
    onEngine<bool>([p, id](Engine &e) -> Result<bool> {
        if (auto r = e.sessions().remove(p, id); !r)
            return r.error();
        return true;
    }, std::move(done));
}

void EngineFacadeImpl::startSession(const QString &id, Reply<SessionInfo> done)
{
    WAGATE_AS_PRINCIPAL(SessionInfo, done);
    onEngine<SessionInfo>([p, id](Engine &e) { return e.sessions().start(p, id); }, std::move(done));
}

void EngineFacadeImpl::stopSession(const QString &id, Reply<SessionInfo> done)
{
    WAGATE_AS_PRINCIPAL(SessionInfo, done);
    onEngine<SessionInfo>([p, id](Engine &e) { return e.sessions().stop(p, id); }, std::move(done));
}

void EngineFacadeImpl::logoutSession(const QString &id, Reply<SessionInfo> done)
{
    WAGATE_AS_PRINCIPAL(SessionInfo, done);
    onEngine<SessionInfo>([p, id](Engine &e) { return e.sessions().logout(p, id); }, std::move(done));
}

void EngineFacadeImpl::beginQrPairing(const QString &id, Reply<SessionInfo> done)
{
    WAGATE_AS_PRINCIPAL(SessionInfo, done);
    onEngine<SessionInfo>([p, id](Engine &e) { return e.sessions().beginQrPairing(p, id); }, std::move(done));
}

void EngineFacadeImpl::beginCodePairing(const QString &id, const QString &phoneNumber, Reply<SessionInfo> done)
{
    WAGATE_AS_PRINCIPAL(SessionInfo, done);
    onEngine<SessionInfo>([p, id, phoneNumber](Engine &e) { return e.sessions().beginCodePairing(p, id, phoneNumber); },
                          std::move(done));
}

void EngineFacadeImpl::sessionHistory(const QString &id, int limit, Reply<QList<StatusTransition>> done)
{
    WAGATE_AS_PRINCIPAL(QList<StatusTransition>, done);
    onEngine<QList<StatusTransition>>([p, id, limit](Engine &e) { return e.sessions().history(p, id, limit); }, std::move(done));
}

#undef WAGATE_AS_PRINCIPAL

} // namespace wagate
