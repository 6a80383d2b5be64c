#pragma once

#include "auth/authconfig.h"
#include "core/result.h"
#include "contactservice.h"
#include "sessionmanager.h"
#include "store/database.h"
#include "webhookdispatcher.h"
#include "wa/client/waconnection.h"

#include <QObject>

#include <memory>

namespace wagate {

class ApiKeyService;
class AuthService;
class KeychainQueue;
class MessageRepository;
class MessageService;
class OrganizationRepository;
class SecretStore;
class SessionEvents;
class SessionRepository;
class SessionService;
class SignalRepository;
class SystemService;
class WebhookRepository;
class WebhookService;

struct EngineConfig
{
    DatabaseConfig database;
    QString gatewayId;
    LifecycleConfig lifecycle;
    AuthConfig auth;
    //! The process's one door to the OS keychain; needed when auth.secrets is "keychain".
    KeychainQueue *keychain = nullptr;
    //! Messages older than this are deleted (their text with them).
    int messageRetentionDays = 30;
    //! Webhook deliveries: timings, concurrency per receiver.
    WebhookConfig webhooks;
    //! Contact lookups: the per-session budget and how long answers are kept.
    ContactLookupConfig contacts;
    //! Webhooks may target loopback and private addresses (link-local ones never).
    bool webhookPrivateTargets = true;
    //! Where sessions connect: WhatsApp itself by default (URL, trusted root key, timings).
    wa::WaConnectionOptions whatsapp;
};

//! The engine's services on its worker thread: the store connection, the repositories, the session
//! lifecycle and the services the HTTP API and the console call. Create, start() and use it on one
//! thread; it asserts so.
class Engine : public QObject
{
    Q_OBJECT
public:
    explicit Engine(EngineConfig config, QObject *parent = nullptr);
    ~Engine() override;

    //! The WhatsApp engine and the credential vault; set before start() (both optional; the vault defaults to the identity service's cipher).
    void setConnectionFactory(SessionConnectionFactory *factory) { m_factory = factory; }
    void setCredentialVault(CredentialVault *vault) { m_vault = vault; }

    //! Opens the store (running migrations), the secret store and the identity services, then
    //! restores the sessions of this gateway. done runs on this thread, possibly before start returns.
    void start(std::function<void(Result<void>)> done);
    //! Closes every connection; desired states stay as they are so a restart resumes them.
    void shutdown();

    const EngineConfig &config() const { return m_config; }
    Database &database() { return *m_db; }
    SessionRepository &sessionRepository() { return *m_sessions; }
    SignalRepository &signalRepository() { return *m_signals; }
    OrganizationRepository &organizations() { return *m_orgs; }
    SessionEvents &events() { return *m_events; }
    SessionManager &manager() { return *m_manager; }
    SessionService &sessions() { return *m_service; }
    MessageRepository &messageRepository() { return *m_messageRepo; }
    MessageService &messages() { return *m_messages; }
    WebhookService &webhooks() { return *m_webhooks; }
    ContactService &contacts() { return *m_contacts; }
    //! Null until the engine started.
    WebhookDispatcher *webhookDispatcher() { return m_dispatcher.get(); }
    SystemService &system() { return *m_system; }
    ApiKeyService &apiKeys();
    AuthService &auth() { return *m_auth; }

    //! The gateway id used when none is configured: derived from the host name.
    static QString defaultGatewayId();

private:
    void assertThread() const;

    EngineConfig m_config;
    SessionConnectionFactory *m_factory = nullptr;
    CredentialVault *m_vault = nullptr;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SessionRepository> m_sessions;
    std::unique_ptr<SignalRepository> m_signals;
    std::unique_ptr<OrganizationRepository> m_orgs;
    std::unique_ptr<SessionEvents> m_events;
    std::unique_ptr<SessionManager> m_manager;
    std::unique_ptr<SessionService> m_service;
    std::unique_ptr<MessageRepository> m_messageRepo;
    std::unique_ptr<MessageService> m_messages;
    std::unique_ptr<WebhookRepository> m_webhookRepo;
    std::unique_ptr<WebhookService> m_webhooks;
    std::unique_ptr<WebhookDispatcher> m_dispatcher;
    std::unique_ptr<ContactService> m_contacts;
    std::unique_ptr<SystemService> m_system;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<CredentialVault> m_ownVault;
    std::unique_ptr<SessionConnectionFactory> m_ownFactory;
    bool m_started = false;
};

} // namespace wagate
