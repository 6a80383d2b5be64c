#include "sessionrepository.h"

#include "database.h"

#include "core/ids.h"

#include <QDateTime>

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace wagate {

namespace {

const QString kColumns = QStringLiteral(
    "id, organization_id, label, phone_number, wa_jid, wa_lid, status, desired_state, gateway_id, "
    "is_admin_session, auto_read, presence_typing, rate_per_hour, rate_per_min, created_at, updated_at, "
    "created_by_user_id, last_connected_at, status_changed_at, last_error_code, last_error_message, last_error_at");
//! What a read selects: the columns above and the outbox's (written only by setSendingPause).
const QString kReadColumns = kColumns + QStringLiteral(", sending_paused_until, sending_paused_reason");

using sql::nullableText;
using sql::nullableTime;

QString desiredName(DesiredState d)
{
    return d == DesiredState::Running ? QStringLiteral("running") : QStringLiteral("stopped");
}

SessionInfo readSession(const QSqlQuery &q)
{
    SessionInfo s;
    s.id = q.value(0).toString();
    s.organizationId = q.value(1).toString();
    s.label = q.value(2).toString();
    s.phoneNumber = q.value(3).toString();
    s.waJid = q.value(4).toString();
    s.waLid = q.value(5).toString();
    s.status = sessionStatusFromName(q.value(6).toString()).value_or(SessionStatus::Failed);
    s.desiredState = q.value(7).toString() == u"running" ? DesiredState::Running : DesiredState::Stopped;
    s.gatewayId = q.value(8).toString();
    s.isAdminSession = q.value(9).toInt() != 0;
    s.autoRead = q.value(10).toInt() != 0;
    s.presenceTyping = q.value(11).toInt() != 0;
    s.ratePerHour = q.value(12).toInt();
    s.ratePerMin = q.value(13).toInt();
    s.createdAt = q.value(14).toLongLong();
    s.updatedAt = q.value(15).toLongLong();
    s.createdByUserId = q.value(16).toString();
    s.lastConnectedAt = q.value(17).isNull() ? 0 : q.value(17).toLongLong();
    s.statusChangedAt = q.value(18).toLongLong();
    if (!q.value(19).isNull())
        s.lastError = LastError{q.value(19).toString(), q.value(20).toString(), q.value(21).toLongLong()};
    s.sendingPausedUntil = q.value(22).isNull() ? 0 : q.value(22).toLongLong();
    s.sendingPausedReason = q.value(23).toString();
    return s;
}

StatusTransition readTransition(const QSqlQuery &q)
{
    StatusTransition t;
    t.id = q.value(0).toString();
    t.sessionId = q.value(1).toString();
    t.organizationId = q.value(2).toString();
    t.previousStatus = sessionStatusFromName(q.value(3).toString()).value_or(SessionStatus::Failed);
    t.status = sessionStatusFromName(q.value(4).toString()).value_or(SessionStatus::Failed);
    t.reason = q.value(5).toString();
    t.at = q.value(6).toLongLong();
    return t;
}

const QString kTransitionSelect = QStringLiteral(
    "SELECT id, session_id, organization_id, previous_status, status, reason, at FROM session_transitions ");

QVariant nullableError(const std::optional<LastError> &e, int part)
{
    if (!e)
        return part == 2 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(QMetaType::fromType<QString>());
    return part == 0 ? QVariant(e->code) : part == 1 ? QVariant(e->message) : QVariant(e->at);
}

} // namespace

SessionInfo LifecycleChange::appliedTo(SessionInfo row, qint64 at) const
{
    if (status) {
        if (*status != row.status)
            row.statusChangedAt = at;
        row.status = *status;
    }
    if (desired)
        row.desiredState = *desired;
    if (phoneNumber)
        row.phoneNumber = *phoneNumber;
    if (waJid)
        row.waJid = *waJid;
    if (waLid)
        row.waLid = *waLid;
    if (lastConnectedAt)
        row.lastConnectedAt = *lastConnectedAt;
    if (lastError)
        row.lastError = *lastError;
    if (touchesRow())
        row.updatedAt = at;
    return row;
}

bool LifecycleChange::touchesRow() const
{
    // Credentials are not part of the row anyone reads: rotating them is no update of the session.
    return status || desired || phoneNumber || waJid || waLid || lastConnectedAt || lastError;
}

SessionRepository::SessionRepository(Database &db, int maxCached) : m_db(db), m_cache(maxCached)
{
    m_db.listen(QString::fromLatin1(kChannel), [this](const QString &id) { m_cache.remove(id); },
                [this] { m_cache.clear(); });
}

void SessionRepository::remember(const SessionInfo &s)
{
    m_cache.insert(s.id, new SessionInfo(s));
}

Result<void> SessionRepository::write(const QString &id, const std::function<Result<void>()> &statements)
{
    m_cache.remove(id);
    return m_db.transaction([&]() -> Result<void> {
        if (auto r = statements(); !r)
            return r;
        return m_db.notify(QString::fromLatin1(kChannel), id);
    });
}

Result<SessionInfo> SessionRepository::select(const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kReadColumns + QStringLiteral(" FROM sessions WHERE id = ?"));
    q.addBindValue(id);
    return sql::one<SessionInfo>(m_db, q, readSession, Error::notFound(QStringLiteral("session not found")));
}

Result<void> SessionRepository::insert(const SessionInfo &s)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("INSERT INTO sessions (") + kColumns
                                 + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(s.id);
    q.addBindValue(s.organizationId);
    q.addBindValue(s.label);
    q.addBindValue(nullableText(s.phoneNumber));
    q.addBindValue(nullableText(s.waJid));
    q.addBindValue(nullableText(s.waLid));
    q.addBindValue(sessionStatusName(s.status));
    q.addBindValue(desiredName(s.desiredState));
    q.addBindValue(s.gatewayId);
    q.addBindValue(int(s.isAdminSession));
    q.addBindValue(int(s.autoRead));
    q.addBindValue(int(s.presenceTyping));
    q.addBindValue(s.ratePerHour);
    q.addBindValue(s.ratePerMin);
    q.addBindValue(s.createdAt);
    q.addBindValue(s.updatedAt);
    q.addBindValue(s.createdByUserId);
    q.addBindValue(nullableTime(s.lastConnectedAt));
    q.addBindValue(s.statusChangedAt);
    q.addBindValue(s.lastError ? QVariant(s.lastError->code) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(s.lastError ? QVariant(s.lastError->message) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(s.lastError ? QVariant(s.lastError->at) : QVariant(QMetaType::fromType<qint64>()));
    // Not cached here: the first read goes to the store, so rows in the cache are always rows as read.
    return write(s.id, [&] { return m_db.exec(q); });
}

Result<SessionInfo> SessionRepository::get(const QString &organizationId, const QString &id)
{
    auto s = getAny(id);
    if (s && s->organizationId != organizationId)
        return Error::notFound(QStringLiteral("session not found"));
    return s;
}

Result<SessionInfo> SessionRepository::getAny(const QString &id)
{
    if (const SessionInfo *cached = m_cache.object(id))
        return *cached;
    auto s = select(id);
    if (s)
        remember(*s);
    return s;
}

Result<SessionPage> SessionRepository::list(const QString &organizationId, std::optional<SessionStatus> status,
                                            const QString &afterId, int limit)
{
    // One row more than asked tells whether another page follows.
    QSqlQuery &q = status
        ? m_db.prepared(QStringLiteral("SELECT ") + kReadColumns
                        + QStringLiteral(" FROM sessions WHERE organization_id = ? AND status = ? AND id > ? ORDER BY id LIMIT ?"))
        : m_db.prepared(QStringLiteral("SELECT ") + kReadColumns
                        + QStringLiteral(" FROM sessions WHERE organization_id = ? AND id > ? ORDER BY id LIMIT ?"));
    q.addBindValue(organizationId);
    if (status)
        q.addBindValue(sessionStatusName(*status));
    q.addBindValue(afterId.isNull() ? QString(QLatin1StringView("")) : afterId); // NULL would compare false
    q.addBindValue(limit + 1);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    SessionPage page;
    while (q.next()) {
        if (page.sessions.size() == limit) {
            page.lastId = page.sessions.constLast().id;
            break;
        }
        page.sessions.append(readSession(q));
    }
    q.finish();
    return page;
}

Result<QList<SessionInfo>> SessionRepository::listForGateway(const QString &gatewayId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kReadColumns
                                 + QStringLiteral(" FROM sessions WHERE gateway_id = ? ORDER BY id"));
    q.addBindValue(gatewayId);
    return sql::all<SessionInfo>(m_db, q, readSession);
}

Result<SessionInfo> SessionRepository::writeAndRead(const QString &id, const std::function<Result<void>()> &statements)
{
    SessionInfo stored;
    auto r = write(id, [&]() -> Result<void> {
        if (auto r = statements(); !r)
            return r;
        // Read back inside the transaction: the columns the write left alone are whatever they are now.
        auto row = select(id);
        if (!row)
            return row.error();
        stored = *row;
        return {};
    });
    if (!r)
        return r.error();
    remember(stored);
    return stored;
}

Result<SessionInfo> SessionRepository::updateSettings(const SessionInfo &s)
{
    return writeAndRead(s.id, [&]() -> Result<void> {
        QSqlQuery &q = m_db.prepared(QStringLiteral(
            "UPDATE sessions SET label = ?, auto_read = ?, presence_typing = ?, rate_per_hour = ?, rate_per_min = ?, "
            "updated_at = ? WHERE id = ? AND organization_id = ?"));
        q.addBindValue(s.label);
        q.addBindValue(int(s.autoRead));
        q.addBindValue(int(s.presenceTyping));
        q.addBindValue(s.ratePerHour);
        q.addBindValue(s.ratePerMin);
        q.addBindValue(s.updatedAt);
        q.addBindValue(s.id);
        q.addBindValue(s.organizationId);
        return sql::changesOne(m_db, q, Error::notFound(QStringLiteral("session not found")));
    });
}

Result<SessionInfo> SessionRepository::setSendingPause(const QString &id, qint64 until, const QString &reason, qint64 at)
{
    return writeAndRead(id, [&]() -> Result<void> {
        QSqlQuery &q = m_db.prepared(QStringLiteral(
            "UPDATE sessions SET sending_paused_until = ?, sending_paused_reason = ?, updated_at = ? WHERE id = ?"));
        q.addBindValue(nullableTime(until));
        q.addBindValue(until ? nullableText(reason) : nullableText(QString()));
        q.addBindValue(at);
        q.addBindValue(id);
        return sql::changesOne(m_db, q, Error::notFound(QStringLiteral("session not found")));
    });
}

Result<LifecycleWrite> SessionRepository::apply(const QString &id, const LifecycleChange &change, qint64 at,
                                                const QString &transitionId)
{
    LifecycleWrite out;
    auto r = write(id, [&]() -> Result<void> {
        // The row as stored, inside the transaction: this node is the only writer of its sessions'
        // lifecycle columns, and settings columns are carried over untouched.
        auto before = select(id);
        if (!before)
            return before.error();
        out.previousStatus = before->status;
        out.session = change.appliedTo(*before, at);
        out.rowChanged = change.touchesRow();
        const SessionInfo &s = out.session;
        if (change.touchesRow()) {
            QSqlQuery &u = m_db.prepared(QStringLiteral(
                "UPDATE sessions SET status = ?, desired_state = ?, status_changed_at = ?, updated_at = ?, phone_number = ?, "
                "wa_jid = ?, wa_lid = ?, last_connected_at = ?, last_error_code = ?, last_error_message = ?, last_error_at = ? "
                "WHERE id = ?"));
            u.addBindValue(sessionStatusName(s.status));
            u.addBindValue(desiredName(s.desiredState));
            u.addBindValue(s.statusChangedAt);
            u.addBindValue(s.updatedAt);
            u.addBindValue(nullableText(s.phoneNumber));
            u.addBindValue(nullableText(s.waJid));
            u.addBindValue(nullableText(s.waLid));
            u.addBindValue(nullableTime(s.lastConnectedAt));
            u.addBindValue(nullableError(s.lastError, 0));
            u.addBindValue(nullableError(s.lastError, 1));
            u.addBindValue(nullableError(s.lastError, 2));
            u.addBindValue(id);
            if (auto r = sql::changesOne(m_db, u, Error::notFound(QStringLiteral("session not found"))); !r)
                return r;
        }
        if (change.credentials) {
            QSqlQuery &c = m_db.prepared(QStringLiteral("UPDATE sessions SET wa_credentials = ? WHERE id = ?"));
            c.addBindValue(change.credentials->isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                                         : QVariant(*change.credentials));
            c.addBindValue(id);
            if (auto r = sql::changesOne(m_db, c, Error::notFound(QStringLiteral("session not found"))); !r)
                return r;
        }
        if (change.status) {
            StatusTransition t;
            t.id = transitionId.isEmpty() ? ids::newUlid() : transitionId;
            t.sessionId = id;
            t.organizationId = s.organizationId;
            t.previousStatus = out.previousStatus;
            t.status = s.status;
            t.reason = change.reason;
            t.at = at;
            QSqlQuery &i = m_db.prepared(QStringLiteral(
                "INSERT INTO session_transitions (id, session_id, organization_id, previous_status, status, reason, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)"));
            i.addBindValue(t.id);
            i.addBindValue(t.sessionId);
            i.addBindValue(t.organizationId);
            i.addBindValue(sessionStatusName(t.previousStatus));
            i.addBindValue(sessionStatusName(t.status));
            i.addBindValue(t.reason);
            i.addBindValue(t.at);
            if (auto r = m_db.exec(i); !r)
                return r;
            if (m_transitionHook)
                if (auto r = m_transitionHook(t); !r)
                    return r;
            out.transition = t;
        }
        return {};
    });
    if (!r)
        return r.error();
    remember(out.session);
    return out;
}

Result<void> SessionRepository::remove(const QString &organizationId, const QString &id)
{
    return write(id, [&]() -> Result<void> {
        QSqlQuery &d = m_db.prepared(QStringLiteral("DELETE FROM sessions WHERE id = ? AND organization_id = ?"));
        d.addBindValue(id);
        d.addBindValue(organizationId);
        if (auto r = sql::changesOne(m_db, d, Error::notFound(QStringLiteral("session not found"))); !r)
            return r;
        QSqlQuery &t = m_db.prepared(QStringLiteral("DELETE FROM session_transitions WHERE session_id = ?"));
        t.addBindValue(id);
        return m_db.exec(t);
    });
}

Result<int> SessionRepository::count(const QString &organizationId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE organization_id = ?"));
    q.addBindValue(organizationId);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    const int n = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return n;
}

Result<QList<QPair<SessionStatus, int>>> SessionRepository::countByStatus(const QString &organizationId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT status, COUNT(*) FROM sessions WHERE organization_id = ? GROUP BY status"));
    q.addBindValue(organizationId);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    QList<QPair<SessionStatus, int>> out;
    while (q.next()) {
        if (const auto st = sessionStatusFromName(q.value(0).toString()))
            out.append({*st, q.value(1).toInt()});
    }
    q.finish();
    return out;
}

Result<QList<StatusTransition>> SessionRepository::transitions(const QString &sessionId, const QString &afterId, int limit)
{
    QSqlQuery &q = m_db.prepared(kTransitionSelect + QStringLiteral(
        "WHERE session_id = ? AND id > ? ORDER BY id LIMIT ?"));
    q.addBindValue(sessionId);
    q.addBindValue(afterId.isNull() ? QString(QLatin1StringView("")) : afterId); // NULL would compare false
    q.addBindValue(limit);
    return sql::all<StatusTransition>(m_db, q, readTransition);
}

Result<QList<StatusTransition>> SessionRepository::latestTransitions(const QString &sessionId, int limit)
{
    QSqlQuery &q = m_db.prepared(kTransitionSelect + QStringLiteral(
        "WHERE session_id = ? ORDER BY id DESC LIMIT ?"));
    q.addBindValue(sessionId);
    q.addBindValue(limit);
    auto newestFirst = sql::all<StatusTransition>(m_db, q, readTransition);
    if (newestFirst)
        std::reverse(newestFirst->begin(), newestFirst->end());
    return newestFirst;
}

Result<bool> SessionRepository::transitionsFollow(const QString &organizationId, const QString &sessionId,
                                                 const QString &afterId, int n)
{
    QSqlQuery &q = sessionId.isEmpty()
        ? m_db.prepared(QStringLiteral("SELECT id FROM session_transitions WHERE organization_id = ? AND id > ? ORDER BY id LIMIT 1 OFFSET ?"))
        : m_db.prepared(QStringLiteral("SELECT id FROM session_transitions WHERE session_id = ? AND id > ? ORDER BY id LIMIT 1 OFFSET ?"));
    q.addBindValue(sessionId.isEmpty() ? organizationId : sessionId);
    q.addBindValue(afterId);
    q.addBindValue(n);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    const bool more = q.next();
    q.finish();
    return more;
}

Result<QList<StatusTransition>> SessionRepository::organizationTransitions(const QString &organizationId,
                                                                         const QString &afterId, int limit)
{
    QSqlQuery &q = m_db.prepared(kTransitionSelect + QStringLiteral(
        "WHERE organization_id = ? AND id > ? ORDER BY id LIMIT ?"));
    q.addBindValue(organizationId);
    q.addBindValue(afterId.isNull() ? QString(QLatin1StringView("")) : afterId); // NULL would compare false
    q.addBindValue(limit);
    return sql::all<StatusTransition>(m_db, q, readTransition);
}

Result<QByteArray> SessionRepository::credentials(const QString &id)
{
    // Outside the cached columns on purpose: secrets stay out of the read cache.
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT wa_credentials FROM sessions WHERE id = ?"));
    q.addBindValue(id);
    return sql::one<QByteArray>(m_db, q, [](const QSqlQuery &r) { return r.value(0).toByteArray(); },
                                Error::notFound(QStringLiteral("session not found")));
}

Result<void> SessionRepository::setCredentials(const QString &id, const QByteArray &sealed)
{
    LifecycleChange change;
    change.credentials = sealed;
    auto r = apply(id, change, QDateTime::currentMSecsSinceEpoch());
    if (!r)
        return r.error();
    return {};
}

} // namespace wagate
