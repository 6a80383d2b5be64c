#include "engine.h"

#include "auth/apikeys.h"
#include "auth/authservice.h"
#include "auth/credentialcipher.h"
#include "auth/secretstore.h"
#include "core/logging.h"
#include "credentialvault.h"
#include "messageservice.h"
#include "outbox.h"
#include "store/webhookrepository.h"
#include "webhookservice.h"
#include "store/messagerepository.h"
#include "sessionevents.h"
#include "sessionservice.h"
#include "systemservice.h"
#include "store/organizationrepository.h"
#include "sqlsignalstore.h"
#include "store/sessionrepository.h"
#include "store/signalrepository.h"
#include "wasessionconnection.h"

#include <QHostInfo>
#include <QPointer>
#include <QRegularExpression>
#include <QThread>

namespace wagate {

Result<QByteArray> CredentialCipherVault::seal(const QString &sessionId, const QByteArray &plaintext)
{
    return m_cipher->seal(sessionId, plaintext);
}

Result<QByteArray> CredentialCipherVault::open(const QString &sessionId, const QByteArray &sealed)
{
    return m_cipher->open(sessionId, sealed);
}

Engine::Engine(EngineConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    if (m_config.gatewayId.isEmpty())
        m_config.gatewayId = defaultGatewayId();
    m_config.auth.gatewayId = m_config.gatewayId;
}

Engine::~Engine()
{
    shutdown();
    // Members that hold prepared statements go before the connection they belong to.
    m_system.reset();
    m_dispatcher.reset();
    m_contacts.reset();
    if (m_sessions)
        m_sessions->setTransitionHook({});
    m_messages.reset();
    m_webhooks.reset();
    m_webhookRepo.reset();
    m_messageRepo.reset();
    m_service.reset();
    m_manager.reset();
    m_ownFactory.reset();
    m_auth.reset();
    m_secrets.reset();
    m_orgs.reset();
    m_signals.reset();
    m_sessions.reset();
    m_db.reset();
}

void Engine::assertThread() const
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "Engine", "used from a thread other than its own");
}

QString Engine::defaultGatewayId()
{
    QString host = QHostInfo::localHostName().toLower();
    host.replace(QRegularExpression(QStringLiteral("[^a-z0-9-]")), QStringLiteral("-"));
    if (host.isEmpty())
        host = QStringLiteral("local");
    return QStringLiteral("gw-") + host.left(60);
}

ApiKeyService &Engine::apiKeys()
{
    return m_auth->apiKeys();
}

void Engine::start(std::function<void(Result<void>)> done)
{
    assertThread();
    if (auto r = m_config.auth.validate(); !r)
        return done(r.error());
    auto db = Database::open(m_config.database);
    if (!db)
        return done(db.error());
    m_db = std::move(*db);
    m_sessions = std::make_unique<SessionRepository>(*m_db);
    m_signals = std::make_unique<SignalRepository>(*m_db);
    m_orgs = std::make_unique<OrganizationRepository>(*m_db);
    m_events = std::make_unique<SessionEvents>();
    m_manager = std::make_unique<SessionManager>(*m_sessions, *m_events);
    m_manager->setConfig(m_config.lifecycle);
    m_db->onAvailable([manager = m_manager.get()] { manager->retryUnsaved(); });
    m_service = std::make_unique<SessionService>(*m_sessions, *m_manager, *m_events, m_config.gatewayId);
    m_messageRepo = std::make_unique<MessageRepository>(*m_db);
    m_messages = std::make_unique<MessageService>(*m_messageRepo, *m_sessions, *m_manager, *m_events);
    m_contacts = std::make_unique<ContactService>(*m_sessions, *m_manager, *m_events, m_config.contacts);
    m_webhookRepo = std::make_unique<WebhookRepository>(*m_db);
    m_webhooks = std::make_unique<WebhookService>(*m_webhookRepo);
    m_webhooks->setAllowPrivateTargets(m_config.webhookPrivateTargets);
    m_messages->setWebhooks(m_webhooks.get());
    // A status transition and its webhook deliveries are one commit; the dispatcher looks after it.
    m_sessions->setTransitionHook([webhooks = m_webhooks.get()](const StatusTransition &t) -> Result<void> {
        auto n = webhooks->enqueue(t.organizationId, t.sessionId, QStringLiteral("session.status"), t.id, transitionResource(t), t.at);
        if (!n)
            return n.error();
        return {};
    });
    connect(m_events.get(), &SessionEvents::statusChanged, m_webhooks.get(), [webhooks = m_webhooks.get()] { webhooks->wake(); });
    m_system = std::make_unique<SystemService>(*m_db, *m_sessions, *m_orgs, *m_manager, m_config.gatewayId);

    QPointer<Engine> self(this);
    SecretStore::open(m_config.auth.secrets, m_config.keychain, [self, done](Result<std::unique_ptr<SecretStore>> store) {
        if (!self)
            return;
        if (!store)
            return done(store.error());
        self->m_secrets = std::move(*store);
        qCInfo(lcEngine).noquote() << "secrets in" << self->m_secrets->describe();
        self->m_auth = std::make_unique<AuthService>(*self->m_db, *self->m_secrets, self->m_config.auth);
        self->m_auth->start([self, done](Result<void> r) {
            if (!self)
                return;
            if (!r)
                return done(r.error());
            auto cipher = self->m_auth->credentialCipher();
            if (!cipher)
                return done(Error::unavailable(QStringLiteral("the data key for WhatsApp credentials is not available")));
            if (!self->m_vault) {
                self->m_ownVault = std::make_unique<CredentialCipherVault>(cipher);
                self->m_vault = self->m_ownVault.get();
            }
            if (!self->m_factory) {
                // Each session's Signal state lives in the database, sealed like its credentials.
                Engine *engine = self.data();
                self->m_ownFactory = std::make_unique<WaConnectionFactory>(
                    self->m_config.whatsapp, [engine](const QString &sessionId) {
                        return std::make_shared<SqlSignalStore>(
                            *engine->m_signals, *engine->m_vault, sessionId,
                            [engine, sessionId](const IncomingMessage &m) { return engine->m_messages->storeIncoming(sessionId, m); });
                    });
                self->m_factory = self->m_ownFactory.get();
            }
            self->m_messages->setVault(self->m_vault);
            self->m_webhooks->setVault(self->m_vault);
            self->m_dispatcher = std::make_unique<WebhookDispatcher>(self->m_config.database, *self->m_vault, self->m_config.webhooks);
            QObject::connect(self->m_webhooks.get(), &WebhookService::deliveriesWaiting, self->m_dispatcher.get(),
                             [d = self->m_dispatcher.get()] { d->wake(); });
            self->m_dispatcher->start();
            self->m_messages->setRetention(qint64(self->m_config.messageRetentionDays) * 24 * 3600 * 1000);
            self->m_manager->setConnectionFactory(self->m_factory);
            self->m_manager->setCredentialVault(self->m_vault);
            if (auto restored = self->m_manager->restore(self->m_config.gatewayId); !restored)
                return done(restored.error());
            self->m_started = true;
            qCInfo(lcEngine).noquote() << "engine ready as gateway" << self->m_config.gatewayId;
            done({});
        });
    });
}

void Engine::shutdown()
{
    if (m_manager)
        m_manager->shutdown();
    if (m_dispatcher)
        m_dispatcher->stop();
}

} // namespace wagate
