#include "sessionrepository.h"

#include "database.h"

#include <QSqlQuery>
#include <QVariant>

namespace wagate {

namespace {

const QString kColumns = QStringLiteral(
    "id, organization_id, label, phone_number, wa_jid, wa_lid, status, desired_state, gateway_id, "
    "is_admin_session, auto_read, presence_typing, rate_per_hour, rate_per_min, created_at, updated_at, "
    "created_by_user_id, last_connected_at, status_changed_at, last_error_code, last_error_message, last_error_at");

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant nullableTime(qint64 t)
{
    return t == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(t);
}

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

QList<StatusTransition> readTransitions(QSqlQuery &q, bool newestFirst = false)
{
    QList<StatusTransition> out;
    while (q.next()) {
        if (newestFirst)
            out.prepend(readTransition(q));
        else
            out.append(readTransition(q));
    }
    q.finish();
    return out;
}


constexpr int kMaxCached = 200000;

const QString kTransitionSelect = QStringLiteral(
    "SELECT id, session_id, organization_id, previous_status, status, reason, at FROM session_transitions ");

} // namespace

SessionRepository::SessionRepository(Database &db) : m_db(db)
{
    m_db.listen(QString::fromLatin1(kChannel), [this](const QString &id) { m_cache.remove(id); },
                [this] { m_cache.clear(); });
}

void SessionRepository::remember(const SessionInfo &s)
{
    if (m_cache.size() >= kMaxCached)
        m_cache.clear();
    m_cache.insert(s.id, s);
}

Result<void> SessionRepository::write(const QString &id, const std::function<Result<void>()> &statements)
{
    m_cache.remove(id);
    if (m_db.dialect() != Database::Dialect::Postgres)
        return statements();
    return m_db.transaction([&]() -> Result<void> {
        if (auto r = statements(); !r)
            return r;
        return m_db.notify(QString::fromLatin1(kChannel), id);
    });
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
    auto r = write(s.id, [&] { return m_db.exec(q); });
    if (r)
        remember(s);
    return r;
}

Result<SessionInfo> SessionRepository::get(const QString &organizationId, const QString &id)
{
    if (auto it = m_cache.constFind(id); it != m_cache.cend()) {
        if (it->organizationId != organizationId)
            return Error::notFound(QStringLiteral("session not found"));
        return *it;
    }
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM sessions WHERE id = ? AND organization_id = ?"));
    q.addBindValue(id);
    q.addBindValue(organizationId);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("session not found"));
    SessionInfo s = readSession(q);
    q.finish();
    remember(s);
    return s;
}

Result<SessionInfo> SessionRepository::getAny(const QString &id)
{
    if (auto it = m_cache.constFind(id); it != m_cache.cend())
        return *it;
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM sessions WHERE id = ?"));
    q.addBindValue(id);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("session not found"));
    SessionInfo s = readSession(q);
    q.finish();
    remember(s);
    return s;
}

Result<SessionPage> SessionRepository::list(const QString &organizationId, std::optional<SessionStatus> status,
                                            const QString &afterId, int limit)
{
    // One row more than asked tells whether another page follows.
    QSqlQuery &q = status
        ? m_db.prepared(QStringLiteral("SELECT ") + kColumns
                        + QStringLiteral(" FROM sessions WHERE organization_id = ? AND status = ? AND id > ? ORDER BY id LIMIT ?"))
        : m_db.prepared(QStringLiteral("SELECT ") + kColumns
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
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM sessions WHERE gateway_id = ? ORDER BY id"));
    q.addBindValue(gatewayId);
    return sql::all<SessionInfo>(m_db, q, readSession);
}

Result<void> SessionRepository::updateSettings(const SessionInfo &s)
{
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
    return write(s.id, [&]() -> Result<void> {
        return sql::changesOne(m_db, q, Error::notFound(QStringLiteral("session not found")));
    });
}

Result<void> SessionRepository::updateDesiredState(const QString &id, DesiredState desired, qint64 at)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("UPDATE sessions SET desired_state = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(desiredName(desired));
    q.addBindValue(at);
    q.addBindValue(id);
    return write(id, [&]() -> Result<void> {
        return sql::changesOne(m_db, q, Error::notFound(QStringLiteral("session not found")));
    });
}

Result<void> SessionRepository::recordTransition(const SessionInfo &s, const StatusTransition &t)
{
    m_cache.remove(s.id);
    auto r = m_db.transaction([&]() -> Result<void> {
        QSqlQuery &u = m_db.prepared(QStringLiteral(
            "UPDATE sessions SET status = ?, status_changed_at = ?, updated_at = ?, phone_number = ?, wa_jid = ?, "
            "wa_lid = ?, last_connected_at = ?, last_error_code = ?, last_error_message = ?, last_error_at = ? "
            "WHERE id = ?"));
        u.addBindValue(sessionStatusName(s.status));
        u.addBindValue(s.statusChangedAt);
        u.addBindValue(s.updatedAt);
        u.addBindValue(nullableText(s.phoneNumber));
        u.addBindValue(nullableText(s.waJid));
        u.addBindValue(nullableText(s.waLid));
        u.addBindValue(nullableTime(s.lastConnectedAt));
        u.addBindValue(s.lastError ? QVariant(s.lastError->code) : QVariant(QMetaType::fromType<QString>()));
        u.addBindValue(s.lastError ? QVariant(s.lastError->message) : QVariant(QMetaType::fromType<QString>()));
        u.addBindValue(s.lastError ? QVariant(s.lastError->at) : QVariant(QMetaType::fromType<qint64>()));
        u.addBindValue(s.id);
        if (auto r = m_db.exec(u); !r)
            return r;
        if (u.numRowsAffected() == 0)
            return Error::notFound(QStringLiteral("session not found"));
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
        return m_db.notify(QString::fromLatin1(kChannel), s.id);
    });
    if (r)
        remember(s);
    return r;
}

Result<void> SessionRepository::remove(const QString &organizationId, const QString &id)
{
    m_cache.remove(id);
    return m_db.transaction([&]() -> Result<void> {
        QSqlQuery &d = m_db.prepared(QStringLiteral("DELETE FROM sessions WHERE id = ? AND organization_id = ?"));
        d.addBindValue(id);
        d.addBindValue(organizationId);
        if (auto r = m_db.exec(d); !r)
            return r;
        if (d.numRowsAffected() == 0)
            return Error::notFound(QStringLiteral("session not found"));
        QSqlQuery &t = m_db.prepared(QStringLiteral("DELETE FROM session_transitions WHERE session_id = ?"));
        t.addBindValue(id);
        if (auto r = m_db.exec(t); !r)
            return r;
        return m_db.notify(QString::fromLatin1(kChannel), id);
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
    if (auto r = m_db.exec(q); !r)
        return r.error();
    return readTransitions(q);
}

Result<QList<StatusTransition>> SessionRepository::latestTransitions(const QString &sessionId, int limit)
{
    QSqlQuery &q = m_db.prepared(kTransitionSelect + QStringLiteral(
        "WHERE session_id = ? ORDER BY id DESC LIMIT ?"));
    q.addBindValue(sessionId);
    q.addBindValue(limit);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    return readTransitions(q, true);
}

Result<QList<StatusTransition>> SessionRepository::organizationTransitions(const QString &organizationId,
                                                                         const QString &afterId, int limit)
{
    QSqlQuery &q = m_db.prepared(kTransitionSelect + QStringLiteral(
        "WHERE organization_id = ? AND id > ? ORDER BY id LIMIT ?"));
    q.addBindValue(organizationId);
    q.addBindValue(afterId.isNull() ? QString(QLatin1StringView("")) : afterId); // NULL would compare false
    q.addBindValue(limit);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    return readTransitions(q);
}

Result<QByteArray> SessionRepository::credentials(const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT wa_credentials FROM sessions WHERE id = ?"));
    q.addBindValue(id);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("session not found"));
    const QByteArray out = q.value(0).toByteArray();
    q.finish();
    return out;
}

Result<void> SessionRepository::setCredentials(const QString &id, const QByteArray &sealed)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("UPDATE sessions SET wa_credentials = ? WHERE id = ?"));
    q.addBindValue(sealed.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(sealed));
    q.addBindValue(id);
    return sql::changesOne(m_db, q, Error::notFound(QStringLiteral("session not found")));
}

} // namespace wagate
