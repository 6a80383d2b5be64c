#include "engine.h"

#include "auth/apikeys.h"
#include "core/logging.h"
#include "sessionevents.h"
#include "sessionservice.h"
#include "store/organizationrepository.h"
#include "store/sessionrepository.h"

#include <QHostInfo>
#include <QRegularExpression>
#include <QThread>

namespace wagate {

Engine::Engine(EngineConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    if (m_config.gatewayId.isEmpty())
        m_config.gatewayId = defaultGatewayId();
}

Engine::~Engine()
{
    shutdown();
    // Members that hold prepared statements go before the connection they belong to.
    m_service.reset();
    m_manager.reset();
    m_apiKeys.reset();
    m_orgs.reset();
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

Result<void> Engine::init()
{
    assertThread();
    auto db = Database::open(m_config.database);
    if (!db)
        return db.error();
    m_db = std::move(*db);
    m_sessions = std::make_unique<SessionRepository>(*m_db);
    m_orgs = std::make_unique<OrganizationRepository>(*m_db);
    m_events = std::make_unique<SessionEvents>();
    m_manager = std::make_unique<SessionManager>(*m_sessions, *m_events);
    m_manager->setConfig(m_config.lifecycle);
    m_service = std::make_unique<SessionService>(*m_sessions, *m_manager, *m_events, m_config.gatewayId);
    m_apiKeys = std::make_unique<ApiKeyService>(*m_db);
    m_manager->setConnectionFactory(m_factory);
    m_manager->setCredentialVault(m_vault);
    if (auto r = m_manager->restore(m_config.gatewayId); !r)
        return r.error();
    qCInfo(lcEngine) << "engine ready as gateway" << m_config.gatewayId;
    return {};
}

void Engine::shutdown()
{
    if (m_manager)
        m_manager->shutdown();
}

} // namespace wagate
