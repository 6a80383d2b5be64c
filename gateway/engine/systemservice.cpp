#include "systemservice.h"

#include "sessionmanager.h"
#include "store/database.h"
#include "store/organizationrepository.h"
#include "store/sessionrepository.h"

namespace wagate {

SystemService::SystemService(Database &db, SessionRepository &sessions, OrganizationRepository &organizations,
                             SessionManager &manager, QString gatewayId)
    : m_db(db), m_sessions(sessions), m_organizations(organizations), m_manager(manager), m_gatewayId(std::move(gatewayId))
{
}

SystemService::Health SystemService::health()
{
    return {m_db.isAvailable() && m_db.ping(), m_gatewayId};
}

Result<SystemService::Caller> SystemService::describe(const Principal &caller)
{
    Caller out{caller, {}};
    if (auto org = m_organizations.get(caller.organizationId))
        out.organizationName = org->name;
    return out;
}

Result<SystemService::SessionCounts> SystemService::sessionCounts(const Principal &caller)
{
    if (auto r = caller.require(Capability::Admin); !r)
        return r.error();
    auto counts = m_sessions.countByStatus(caller.organizationId);
    if (!counts)
        return counts.error();
    SessionCounts out;
    for (SessionStatus s : allSessionStatuses()) {
        int n = 0;
        for (const auto &[status, count] : *counts)
            if (status == s)
                n = count;
        out.byStatus.append({s, n});
    }
    out.activeConnections = m_manager.activeCount();
    out.unsavedSessions = m_manager.unsavedCount();
    return out;
}

} // namespace wagate
