#pragma once

#include "core/result.h"
#include "core/session.h"

#include <QCache>
#include <QList>

#include <functional>
#include <optional>

namespace wagate {

class Database;

//! What one step of the lifecycle changes in a session row: always written by the lifecycle, never by
//! a settings change, so the two never overwrite each other. Fields left unset stay as stored. With
//! a status, the step is also an entry of the transition log.
struct LifecycleChange
{
    std::optional<SessionStatus> status;
    QString reason; //!< the log entry's reason (with a status)
    std::optional<DesiredState> desired;
    std::optional<QString> phoneNumber; //!< empty = clear
    std::optional<QString> waJid;
    std::optional<QString> waLid;
    std::optional<qint64> lastConnectedAt;
    std::optional<std::optional<LastError>> lastError; //!< an inner nullopt clears it
    std::optional<QByteArray> credentials; //!< sealed; empty = wipe

    //! The row after this change at time at (status_changed_at moves only when the status does).
    SessionInfo appliedTo(SessionInfo row, qint64 at) const;
    //! False for a change of credentials alone, which is no visible change of the session.
    bool touchesRow() const;
};

//! What a stored lifecycle change left behind: the row as stored, and its log entry if it had one.
struct LifecycleWrite
{
    SessionInfo session;
    std::optional<StatusTransition> transition;
    SessionStatus previousStatus = SessionStatus::Unpaired;
    bool rowChanged = false; //!< false for credentials alone
};

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
//! every write goes through here and the cache keeps what a write stored — the row as read inside
//! the write's transaction, never a caller's copy: on SQLite this process is the only writer (the
//! data directory is locked); on PostgreSQL each write also notifies the other nodes in the same
//! transaction, and they drop the row (and everything, after a reconnect that may have missed
//! notifications). The least recently used rows leave the cache first.
class SessionRepository
{
public:
    //! maxCached: rows kept in the read cache at most.
    explicit SessionRepository(Database &db, int maxCached = kMaxCached);

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
    //! Writes the user-editable fields (label, autoRead, presenceTyping, rates) and updatedAt of the
    //! session with this id in this organization; returns the row as stored.
    Result<SessionInfo> updateSettings(const SessionInfo &session);
    //! Writes one lifecycle step in one transaction: the row's lifecycle fields, the desired state,
    //! the credentials and, with a status, the log entry (id transitionId). Returns what was stored.
    Result<LifecycleWrite> apply(const QString &id, const LifecycleChange &change, qint64 at,
                                 const QString &transitionId = {});
    //! The outbox's pause: until (ms; 0 = not paused) and why (reach_out_timelock, rate_overlimit).
    //! Returns the row as stored.
    Result<SessionInfo> setSendingPause(const QString &id, qint64 until, const QString &reason, qint64 at);
    //! Deletes the session and its transition log.
    Result<void> remove(const QString &organizationId, const QString &id);
    Result<int> count(const QString &organizationId);
    //! Number of sessions per status in an organization (statuses without sessions are absent).
    Result<QList<QPair<SessionStatus, int>>> countByStatus(const QString &organizationId);

    //! Status transitions of one session, oldest first, after afterId (exclusive).
    Result<QList<StatusTransition>> transitions(const QString &sessionId, const QString &afterId, int limit);
    //! The latest `limit` status transitions of one session, oldest first.
    Result<QList<StatusTransition>> latestTransitions(const QString &sessionId, int limit);
    //! True when more than n transitions follow afterId: of one session, or (sessionId empty) of an
    //! organization. One indexed query that stops after n + 1 entries.
    Result<bool> transitionsFollow(const QString &organizationId, const QString &sessionId, const QString &afterId, int n);
    //! Status transitions of an organization, oldest first, after afterId (exclusive).
    Result<QList<StatusTransition>> organizationTransitions(const QString &organizationId,
                                                            const QString &afterId, int limit);

    //! Encrypted WhatsApp credentials of a session (opaque bytes); empty when none.
    Result<QByteArray> credentials(const QString &id);
    Result<void> setCredentials(const QString &id, const QByteArray &sealed);

    //! Runs inside the transaction of every status transition written, after its log entry (webhook
    //! deliveries of session.status); its error rolls the transition back.
    void setTransitionHook(std::function<Result<void>(const StatusTransition &)> hook) { m_transitionHook = std::move(hook); }

    //! Rows kept in the read cache at most.
    static constexpr int kMaxCached = 200000;

    //! Channel on which PostgreSQL nodes announce session changes (payload: the session id).
    static constexpr const char *kChannel = "wagate_sessions";

private:
    //! Runs a write in one transaction with the notification of the row's change (PostgreSQL). The
    //! row leaves the cache first; the caller puts back what it stored.
    Result<void> write(const QString &id, const std::function<Result<void>()> &statements);
    Result<SessionInfo> select(const QString &id);
    //! write() of statements that must change the row, then the row as stored, remembered.
    Result<SessionInfo> writeAndRead(const QString &id, const std::function<Result<void>()> &statements);
    void remember(const SessionInfo &s);

    Database &m_db;
    QCache<QString, SessionInfo> m_cache;
    std::function<Result<void>(const StatusTransition &)> m_transitionHook;
};

} // namespace wagate
