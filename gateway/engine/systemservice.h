#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "core/session.h"

#include <QList>
#include <QPair>

namespace wagate {

class Database;
class OrganizationRepository;
class SessionManager;
class SessionRepository;

//! What the gateway says about itself — health, the caller, counters for /metrics — behind the same
//! authorization as everything else, so the routes only translate. Lives on the engine thread.
class SystemService
{
public:
    SystemService(Database &db, SessionRepository &sessions, OrganizationRepository &organizations,
                  SessionManager &manager, QString gatewayId);

    struct Health
    {
        bool storeReachable = false;
        QString gatewayId;
    };
    //! Needs no credential. During a store outage this answers at once, without asking the store.
    Health health();

    struct Caller
    {
        Principal principal;
        QString organizationName; //!< empty when the organization cannot be read
    };
    //! GET /me: any authenticated caller.
    Result<Caller> describe(const Principal &caller);

    struct SessionCounts
    {
        QList<QPair<SessionStatus, int>> byStatus; //!< every status, in declaration order
        int activeConnections = 0;                 //!< this node's, whatever their organization
        int unsavedSessions = 0;                   //!< with changes waiting for the store
    };
    //! The caller's organization's sessions by status and this node's connections (admin).
    Result<SessionCounts> sessionCounts(const Principal &caller);

private:
    Database &m_db;
    SessionRepository &m_sessions;
    OrganizationRepository &m_organizations;
    SessionManager &m_manager;
    QString m_gatewayId;
};

} // namespace wagate
