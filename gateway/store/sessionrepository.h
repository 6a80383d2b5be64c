#pragma once

#include "core/result.h"
#include "core/session.h"

#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace wagate {

class Database;

//! One page of a keyset-paginated listing.
struct SessionPage
{
    QList<SessionInfo> sessions;
    QString lastId; //!< id of the last row when more rows follow, else empty
};

//! Sessions and their status-transition log. Every method is one statement or one transaction: a
//! change is durable when the call returns ok.
//!
//! Single rows are kept in a read cache, so the hot GET path costs no query. It stays true because
//! every write goes through here: on SQLite this process is the only writer (the data directory is
//! locked); on PostgreSQL each write also notifies the other nodes in the same transaction, and
//! they drop the row (and everything, after a reconnect that may have missed notifications).
class SessionRepository
{
public:
    explicit SessionRepository(Database &db);

    Result<void> insert(const SessionInfo &session);
    //! The session with this id in this organization; not_found otherwise (also for another org's).
    Result<SessionInfo> get(const QString &organizationId, const QString &id);
    //! The session with this id, whatever its organization (engine-internal).
    Result<SessionInfo> getAny(const QString &id);
    //! Sessions of an organization ordered by id, after afterId (exclusive), at most limit rows.
    Result<SessionPage> list(const QString &organizationId, std::optional<SessionStatus> status,
                             const QString &afterId, int limit);
    //! Sessions owned by a gateway node (restore after a restart).
    Result<QList<SessionInfo>> listForGateway(const QString &gatewayId);
    //! Writes the user-editable fields and updatedAt.
    Result<void> updateSettings(const SessionInfo &session);
    //! Writes the desired state (start/stop intent) and updatedAt.
    Result<void> updateDesiredState(const QString &id, DesiredState desired, qint64 at);
    //! Writes a status change and its log entry atomically, together with the connection fields of
    //! session (number, JIDs, lastConnectedAt, lastError).
    Result<void> recordTransition(const SessionInfo &session, const StatusTransition &transition);
    //! Deletes the session and its transition log.
    Result<void> remove(const QString &organizationId, const QString &id);
    Result<int> count(const QString &organizationId);
    //! Number of sessions per status in an organization (statuses without sessions are absent).
    Result<QList<QPair<SessionStatus, int>>> countByStatus(const QString &organizationId);

    //! Status transitions of one session, oldest first, after afterId (exclusive).
    Result<QList<StatusTransition>> transitions(const QString &sessionId, const QString &afterId, int limit);
    //! The latest `limit` status transitions of one session, oldest first.
    Result<QList<StatusTransition>> latestTransitions(const QString &sessionId, int limit);
    //! Status transitions of an organization, oldest first, after afterId (exclusive).
    Result<QList<StatusTransition>> organizationTransitions(const QString &organizationId,
                                                            const QString &afterId, int limit);

    //! Encrypted WhatsApp credentials of a session (opaque bytes); empty when none.
    Result<QByteArray> credentials(const QString &id);
    Result<void> setCredentials(const QString &id, const QByteArray &sealed);

    //! Channel on which PostgreSQL nodes announce session changes (payload: the session id).
    static constexpr const char *kChannel = "wagate_sessions";

private:
    //! Runs a write; on PostgreSQL in one transaction with the notification of the row's change.
    Result<void> write(const QString &id, const std::function<Result<void>()> &statements);
    void remember(const SessionInfo &s);

    Database &m_db;
    QHash<QString, SessionInfo> m_cache;
};

} // namespace wagate
