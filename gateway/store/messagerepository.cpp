#include "messagerepository.h"

#include "database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace wagate {

namespace {

using sql::nullableText;
using sql::nullableTime;

const QString kColumns = QStringLiteral(
    "id, session_id, organization_id, direction, wa_message_id, chat, chat_lid, phone_number, sender, sender_lid, "
    "type, wa_type, body, status, idempotency_key, request_hash, attempts, created_at, updated_at, sent_at, "
    "delivered_at, read_at, expires_at, error_code, error_message, error_at, error_wa_code");

qint64 timeOf(const QVariant &v)
{
    return v.isNull() ? 0 : v.toLongLong();
}

StoredMessage readMessage(const QSqlQuery &q)
{
    StoredMessage s;
    MessageInfo &m = s.info;
    m.id = q.value(0).toString();
    m.sessionId = q.value(1).toString();
    m.organizationId = q.value(2).toString();
    m.direction = messageDirectionFromName(q.value(3).toString()).value_or(MessageDirection::Out);
    m.waMessageId = q.value(4).toString();
    m.chat = q.value(5).toString();
    m.chatLid = q.value(6).toString();
    m.phoneNumber = q.value(7).toString();
    m.sender = q.value(8).toString();
    m.senderLid = q.value(9).toString();
    m.type = q.value(10).toString();
    m.waType = q.value(11).toString();
    s.body = q.value(12).toByteArray();
    m.status = messageStatusFromName(q.value(13).toString()).value_or(MessageStatus::Failed);
    m.idempotencyKey = q.value(14).toString();
    s.requestHash = q.value(15).toString();
    m.attempts = q.value(16).toInt();
    m.createdAt = q.value(17).toLongLong();
    m.updatedAt = q.value(18).toLongLong();
    m.sentAt = timeOf(q.value(19));
    m.deliveredAt = timeOf(q.value(20));
    m.readAt = timeOf(q.value(21));
    m.expiresAt = timeOf(q.value(22));
    if (!q.value(23).isNull())
        m.error = MessageError{q.value(23).toString(), q.value(24).toString(), timeOf(q.value(25)), q.value(26).toInt()};
    return s;
}

QString statusText(MessageStatus s)
{
    return messageStatusName(s);
}

} // namespace

Result<void> MessageRepository::insert(const StoredMessage &s, const QString &entryId)
{
    const MessageInfo &m = s.info;
    return m_db.transaction([&]() -> Result<void> {
        QSqlQuery &q = m_db.prepared(QStringLiteral("INSERT INTO messages (") + kColumns
                                     + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(m.id);
        q.addBindValue(m.sessionId);
        q.addBindValue(m.organizationId);
        q.addBindValue(messageDirectionName(m.direction));
        q.addBindValue(m.waMessageId);
        q.addBindValue(m.chat);
        q.addBindValue(nullableText(m.chatLid));
        q.addBindValue(nullableText(m.phoneNumber));
        q.addBindValue(nullableText(m.sender));
        q.addBindValue(nullableText(m.senderLid));
        q.addBindValue(m.type);
        q.addBindValue(nullableText(m.waType));
        q.addBindValue(s.body);
        q.addBindValue(statusText(m.status));
        q.addBindValue(nullableText(m.idempotencyKey));
        q.addBindValue(nullableText(s.requestHash));
        q.addBindValue(m.attempts);
        q.addBindValue(m.createdAt);
        q.addBindValue(m.updatedAt ? m.updatedAt : m.createdAt);
        q.addBindValue(nullableTime(m.sentAt));
        q.addBindValue(nullableTime(m.deliveredAt));
        q.addBindValue(nullableTime(m.readAt));
        q.addBindValue(nullableTime(m.expiresAt));
        q.addBindValue(m.error ? QVariant(m.error->code) : QVariant(QMetaType::fromType<QString>()));
        q.addBindValue(m.error ? QVariant(m.error->message) : QVariant(QMetaType::fromType<QString>()));
        q.addBindValue(m.error ? QVariant(m.error->at) : QVariant(QMetaType::fromType<qint64>()));
        q.addBindValue(m.error ? QVariant(m.error->waCode) : QVariant(QMetaType::fromType<int>()));
        if (auto r = m_db.exec(q); !r)
            return r;
        QSqlQuery &log = m_db.prepared(QStringLiteral(
            "INSERT INTO message_status_log (id, message_id, session_id, organization_id, status, previous_status, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)"));
        log.addBindValue(entryId);
        log.addBindValue(m.id);
        log.addBindValue(m.sessionId);
        log.addBindValue(m.organizationId);
        log.addBindValue(statusText(m.status));
        log.addBindValue(QVariant(QMetaType::fromType<QString>()));
        log.addBindValue(m.createdAt);
        return m_db.exec(log);
    });
}

Result<std::optional<StoredMessage>> MessageRepository::maybeOne(QSqlQuery &q)
{
    if (auto r = m_db.exec(q); !r)
        return r.error();
    std::optional<StoredMessage> out;
    if (q.next())
        out = readMessage(q);
    q.finish();
    return out;
}

Result<StoredMessage> MessageRepository::get(const QString &organizationId, const QString &sessionId, const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM messages WHERE id = ? AND session_id = ? AND organization_id = ?"));
    q.addBindValue(id);
    q.addBindValue(sessionId);
    q.addBindValue(organizationId);
    return sql::one<StoredMessage>(m_db, q, readMessage, Error::notFound(QStringLiteral("message not found")));
}

Result<std::optional<StoredMessage>> MessageRepository::byIdempotencyKey(const QString &sessionId, const QString &key)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM messages WHERE session_id = ? AND idempotency_key = ?"));
    q.addBindValue(sessionId);
    q.addBindValue(key);
    return maybeOne(q);
}

Result<std::optional<StoredMessage>> MessageRepository::outgoingByWaId(const QString &sessionId, const QString &waMessageId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM messages WHERE session_id = ? AND wa_message_id = ? AND direction = 'out'"));
    q.addBindValue(sessionId);
    q.addBindValue(waMessageId);
    return maybeOne(q);
}

Result<std::optional<StoredMessage>> MessageRepository::incomingByWaId(const QString &sessionId, const QString &chat,
                                                                       const QString &waMessageId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM messages WHERE session_id = ? AND direction = 'in' AND chat = ? "
                                                  "AND wa_message_id = ?"));
    q.addBindValue(sessionId);
    q.addBindValue(chat);
    q.addBindValue(waMessageId);
    return maybeOne(q);
}

Result<MessagePage> MessageRepository::list(const QString &organizationId, const QString &sessionId,
                                            const MessageFilter &filter, const QString &beforeId, int limit)
{
    QString where = QStringLiteral(" FROM messages WHERE session_id = ? AND organization_id = ?");
    if (!beforeId.isEmpty())
        where += QStringLiteral(" AND id < ?");
    if (filter.direction)
        where += QStringLiteral(" AND direction = ?");
    if (filter.status)
        where += QStringLiteral(" AND status = ?");
    if (!filter.chat.isEmpty())
        where += QStringLiteral(" AND (chat = ? OR chat_lid = ?)");
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns + where + QStringLiteral(" ORDER BY id DESC LIMIT ?"));
    q.addBindValue(sessionId);
    q.addBindValue(organizationId);
    if (!beforeId.isEmpty())
        q.addBindValue(beforeId);
    if (filter.direction)
        q.addBindValue(messageDirectionName(*filter.direction));
    if (filter.status)
        q.addBindValue(statusText(*filter.status));
    if (!filter.chat.isEmpty()) {
        q.addBindValue(filter.chat);
        q.addBindValue(filter.chat);
    }
    q.addBindValue(limit + 1);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    MessagePage page;
    while (q.next()) {
        if (page.messages.size() == limit) {
            page.lastId = page.messages.constLast().info.id;
            break;
        }
        page.messages.append(readMessage(q));
    }
    q.finish();
    return page;
}

Result<QList<StoredMessage>> MessageRepository::due(const QString &sessionId, int limit)
{
    // Two index range scans (session, status, id) merged by id.
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM messages WHERE session_id = ? AND status IN ('queued', 'sending') "
                                                  "ORDER BY id LIMIT ?"));
    q.addBindValue(sessionId);
    q.addBindValue(limit);
    return sql::all<StoredMessage>(m_db, q, readMessage);
}

Result<QList<StoredMessage>> MessageRepository::expiredQueued(qint64 now, int limit)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM messages WHERE status = 'queued' AND expires_at > 0 AND expires_at <= ? "
                                                  "ORDER BY expires_at LIMIT ?"));
    q.addBindValue(now);
    q.addBindValue(limit);
    return sql::all<StoredMessage>(m_db, q, readMessage);
}

Result<bool> MessageRepository::hasConversation(const QString &sessionId, const QString &chat)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT 1 FROM messages WHERE session_id = ? AND chat = ? "
        "AND (direction = 'in' OR status IN ('sent', 'delivered', 'read')) LIMIT 1"));
    q.addBindValue(sessionId);
    q.addBindValue(chat);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    const bool found = q.next();
    q.finish();
    return found;
}

Result<QList<qint64>> MessageRepository::dispatchedSince(const QString &sessionId, qint64 since)
{
    // A message's 'sending' entry is when it left the outbox (the last one, for a resend).
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT at FROM message_status_log WHERE session_id = ? AND status = 'sending' AND at >= ? ORDER BY at"));
    q.addBindValue(sessionId);
    q.addBindValue(since);
    return sql::all<qint64>(m_db, q, [](const QSqlQuery &r) { return r.value(0).toLongLong(); });
}

Result<bool> MessageRepository::transition(const QString &id, MessageStatus from, const Change &c, const QString &entryId)
{
    bool changed = false;
    auto r = m_db.transaction([&]() -> Result<void> {
        QString set = QStringLiteral("status = ?, updated_at = ?");
        if (c.sentAt)
            set += QStringLiteral(", sent_at = ?");
        if (c.deliveredAt)
            set += QStringLiteral(", delivered_at = ?");
        if (c.readAt)
            set += QStringLiteral(", read_at = ?");
        if (c.error)
            set += QStringLiteral(", error_code = ?, error_message = ?, error_at = ?, error_wa_code = ?");
        if (c.countAttempt)
            set += QStringLiteral(", attempts = attempts + 1");
        QSqlQuery &q = m_db.prepared(QStringLiteral("UPDATE messages SET ") + set + QStringLiteral(" WHERE id = ? AND status = ?"));
        q.addBindValue(statusText(c.status));
        q.addBindValue(c.at);
        if (c.sentAt)
            q.addBindValue(*c.sentAt);
        if (c.deliveredAt)
            q.addBindValue(*c.deliveredAt);
        if (c.readAt)
            q.addBindValue(*c.readAt);
        if (c.error) {
            const std::optional<MessageError> &e = *c.error;
            q.addBindValue(e ? QVariant(e->code) : QVariant(QMetaType::fromType<QString>()));
            q.addBindValue(e ? QVariant(e->message) : QVariant(QMetaType::fromType<QString>()));
            q.addBindValue(e ? QVariant(e->at) : QVariant(QMetaType::fromType<qint64>()));
            q.addBindValue(e ? QVariant(e->waCode) : QVariant(QMetaType::fromType<int>()));
        }
        q.addBindValue(id);
        q.addBindValue(statusText(from));
        if (auto r = m_db.exec(q); !r)
            return r;
        if (q.numRowsAffected() == 0)
            return {};
        changed = true;
        if (c.status == from)
            return {}; // a field changed (an attempt counted), not the status: nothing to log
        QSqlQuery &log = m_db.prepared(QStringLiteral(
            "INSERT INTO message_status_log (id, message_id, session_id, organization_id, status, previous_status, at) "
            "SELECT ?, id, session_id, organization_id, ?, ?, ? FROM messages WHERE id = ?"));
        log.addBindValue(entryId);
        log.addBindValue(statusText(c.status));
        log.addBindValue(statusText(from));
        log.addBindValue(c.at);
        log.addBindValue(id);
        return m_db.exec(log);
    });
    if (!r)
        return r.error();
    return changed;
}

namespace {

MessageStatusEntry readEntry(const QSqlQuery &r)
{
    MessageStatusEntry e;
    e.id = r.value(0).toString();
    e.messageId = r.value(1).toString();
    e.sessionId = r.value(2).toString();
    e.organizationId = r.value(3).toString();
    e.status = messageStatusFromName(r.value(4).toString()).value_or(MessageStatus::Failed);
    if (!r.value(5).isNull())
        e.previous = messageStatusFromName(r.value(5).toString());
    e.at = r.value(6).toLongLong();
    return e;
}

const QString kEntryColumns = QStringLiteral("SELECT id, message_id, session_id, organization_id, status, previous_status, at "
                                             "FROM message_status_log ");

} // namespace

Result<QList<MessageStatusEntry>> MessageRepository::log(const QString &organizationId, const QString &sessionId,
                                                         const QString &afterId, int limit)
{
    QSqlQuery &q = sessionId.isEmpty()
        ? m_db.prepared(kEntryColumns + QStringLiteral("WHERE organization_id = ? AND id > ? ORDER BY id LIMIT ?"))
        : m_db.prepared(kEntryColumns + QStringLiteral("WHERE session_id = ? AND organization_id = ? AND id > ? ORDER BY id LIMIT ?"));
    if (!sessionId.isEmpty())
        q.addBindValue(sessionId);
    q.addBindValue(organizationId);
    q.addBindValue(afterId.isNull() ? QString(QLatin1StringView("")) : afterId);
    q.addBindValue(limit);
    return sql::all<MessageStatusEntry>(m_db, q, readEntry);
}

Result<QList<MessageStatusEntry>> MessageRepository::history(const QString &messageId)
{
    QSqlQuery &q = m_db.prepared(kEntryColumns + QStringLiteral("WHERE message_id = ? ORDER BY id"));
    q.addBindValue(messageId);
    return sql::all<MessageStatusEntry>(m_db, q, readEntry);
}

Result<int> MessageRepository::deleteOlderThan(qint64 before, int batch)
{
    int deleted = 0;
    auto r = m_db.transaction([&]() -> Result<void> {
        QSqlQuery &ids = m_db.prepared(QStringLiteral("SELECT id FROM messages WHERE created_at < ? ORDER BY created_at LIMIT ?"));
        ids.addBindValue(before);
        ids.addBindValue(batch);
        auto found = sql::all<QString>(m_db, ids, [](const QSqlQuery &q) { return q.value(0).toString(); });
        if (!found)
            return found.error();
        for (const QString &id : *found) {
            QSqlQuery &log = m_db.prepared(QStringLiteral("DELETE FROM message_status_log WHERE message_id = ?"));
            log.addBindValue(id);
            if (auto e = m_db.exec(log); !e)
                return e;
            QSqlQuery &row = m_db.prepared(QStringLiteral("DELETE FROM messages WHERE id = ?"));
            row.addBindValue(id);
            if (auto e = m_db.exec(row); !e)
                return e;
        }
        deleted = int(found->size());
        return {};
    });
    if (!r)
        return r.error();
    return deleted;
}

Result<QList<QPair<MessageStatus, int>>> MessageRepository::countByStatus(const QString &sessionId, MessageDirection direction,
                                                                          qint64 since)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT status, COUNT(*) FROM messages WHERE session_id = ? AND direction = ? AND created_at >= ? GROUP BY status"));
    q.addBindValue(sessionId);
    q.addBindValue(messageDirectionName(direction));
    q.addBindValue(since);
    return sql::all<QPair<MessageStatus, int>>(m_db, q, [](const QSqlQuery &r) {
        return qMakePair(messageStatusFromName(r.value(0).toString()).value_or(MessageStatus::Failed), r.value(1).toInt());
    });
}

Result<qint64> MessageRepository::countWaiting(const QString &organizationId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT COUNT(*) FROM messages WHERE status IN ('queued', 'sending') AND organization_id = ?"));
    q.addBindValue(organizationId);
    return sql::one<qint64>(m_db, q, [](const QSqlQuery &r) { return r.value(0).toLongLong(); }, Error::internal(QStringLiteral("no count")));
}

Result<void> MessageRepository::clear(const QString &sessionId)
{
    return m_db.transaction([&]() -> Result<void> {
        QSqlQuery &log = m_db.prepared(QStringLiteral("DELETE FROM message_status_log WHERE session_id = ?"));
        log.addBindValue(sessionId);
        if (auto r = m_db.exec(log); !r)
            return r;
        QSqlQuery &rows = m_db.prepared(QStringLiteral("DELETE FROM messages WHERE session_id = ?"));
        rows.addBindValue(sessionId);
        return m_db.exec(rows);
    });
}

} // namespace wagate
