#include "webhookrepository.h"

#include "database.h"

#include <QSqlQuery>
#include <QVariant>

namespace wagate {

namespace {

using sql::nullableText;
using sql::nullableTime;

const QString kWebhookColumns = QStringLiteral(
    "id, organization_id, url, events, sessions, description, secret, previous_secret, previous_expires_at, enabled, "
    "disabled_reason, created_at, updated_at");
const QString kDeliveryColumns = QStringLiteral(
    "id, webhook_id, organization_id, event_id, event_type, body, status, attempts, next_attempt_at, last_status_code, "
    "last_error, created_at, updated_at, delivered_at");

//! Never NULL: an empty text is stored as '' (PostgreSQL tells the two apart).
QString text(const QString &s)
{
    return s.isNull() ? QString(QLatin1StringView("")) : s;
}

QStringList splitList(const QString &s)
{
    return s.split(u',', Qt::SkipEmptyParts);
}

WebhookRow readWebhook(const QSqlQuery &q)
{
    WebhookRow w;
    w.id = q.value(0).toString();
    w.organizationId = q.value(1).toString();
    w.url = q.value(2).toString();
    w.events = splitList(q.value(3).toString());
    w.sessions = splitList(q.value(4).toString());
    w.description = q.value(5).toString();
    w.secret = q.value(6).toByteArray();
    w.previousSecret = q.value(7).toByteArray();
    w.previousExpiresAt = q.value(8).isNull() ? 0 : q.value(8).toLongLong();
    w.enabled = q.value(9).toInt() != 0;
    w.disabledReason = q.value(10).toString();
    w.createdAt = q.value(11).toLongLong();
    w.updatedAt = q.value(12).toLongLong();
    return w;
}

DeliveryRow readDelivery(const QSqlQuery &q)
{
    DeliveryRow d;
    d.id = q.value(0).toString();
    d.webhookId = q.value(1).toString();
    d.organizationId = q.value(2).toString();
    d.eventId = q.value(3).toString();
    d.eventType = q.value(4).toString();
    d.body = q.value(5).toByteArray();
    d.status = deliveryStatusFromName(q.value(6).toString()).value_or(DeliveryStatus::Failed);
    d.attempts = q.value(7).toInt();
    d.nextAttemptAt = q.value(8).toLongLong();
    d.lastStatusCode = q.value(9).toInt();
    d.lastError = q.value(10).toString();
    d.createdAt = q.value(11).toLongLong();
    d.updatedAt = q.value(12).toLongLong();
    d.deliveredAt = q.value(13).isNull() ? 0 : q.value(13).toLongLong();
    return d;
}

const Error kNoWebhook = Error::notFound(QStringLiteral("webhook not found"));

} // namespace

QString deliveryStatusName(DeliveryStatus s)
{
    switch (s) {
    case DeliveryStatus::Pending: return QStringLiteral("pending");
    case DeliveryStatus::Delivered: return QStringLiteral("delivered");
    case DeliveryStatus::Failed: return QStringLiteral("failed");
    }
    return {};
}

std::optional<DeliveryStatus> deliveryStatusFromName(QStringView name)
{
    for (DeliveryStatus s : {DeliveryStatus::Pending, DeliveryStatus::Delivered, DeliveryStatus::Failed})
        if (name == deliveryStatusName(s))
            return s;
    return std::nullopt;
}

Result<void> WebhookRepository::insert(const WebhookRow &w)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("INSERT INTO webhooks (") + kWebhookColumns
                                 + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(w.id);
    q.addBindValue(w.organizationId);
    q.addBindValue(w.url);
    q.addBindValue(text(w.events.join(u',')));
    q.addBindValue(text(w.sessions.join(u',')));
    q.addBindValue(text(w.description));
    q.addBindValue(w.secret);
    q.addBindValue(w.previousSecret.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(w.previousSecret));
    q.addBindValue(nullableTime(w.previousExpiresAt));
    q.addBindValue(int(w.enabled));
    q.addBindValue(nullableText(w.disabledReason));
    q.addBindValue(w.createdAt);
    q.addBindValue(w.updatedAt);
    return m_db.exec(q);
}

Result<WebhookRow> WebhookRepository::get(const QString &organizationId, const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kWebhookColumns + QStringLiteral(" FROM webhooks WHERE id = ? AND organization_id = ?"));
    q.addBindValue(id);
    q.addBindValue(organizationId);
    return sql::one<WebhookRow>(m_db, q, readWebhook, kNoWebhook);
}

Result<WebhookRow> WebhookRepository::byId(const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kWebhookColumns + QStringLiteral(" FROM webhooks WHERE id = ?"));
    q.addBindValue(id);
    return sql::one<WebhookRow>(m_db, q, readWebhook, kNoWebhook);
}

Result<QList<WebhookRow>> WebhookRepository::list(const QString &organizationId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kWebhookColumns + QStringLiteral(" FROM webhooks WHERE organization_id = ? ORDER BY id"));
    q.addBindValue(organizationId);
    return sql::all<WebhookRow>(m_db, q, readWebhook);
}

Result<QList<WebhookRow>> WebhookRepository::enabled(const QString &organizationId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kWebhookColumns
                                 + QStringLiteral(" FROM webhooks WHERE organization_id = ? AND enabled = 1 ORDER BY id"));
    q.addBindValue(organizationId);
    return sql::all<WebhookRow>(m_db, q, readWebhook);
}

Result<void> WebhookRepository::update(const WebhookRow &w)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE webhooks SET url = ?, events = ?, sessions = ?, description = ?, secret = ?, previous_secret = ?, "
        "previous_expires_at = ?, enabled = ?, disabled_reason = ?, updated_at = ? WHERE id = ? AND organization_id = ?"));
    q.addBindValue(w.url);
    q.addBindValue(text(w.events.join(u',')));
    q.addBindValue(text(w.sessions.join(u',')));
    q.addBindValue(text(w.description));
    q.addBindValue(w.secret);
    q.addBindValue(w.previousSecret.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(w.previousSecret));
    q.addBindValue(nullableTime(w.previousExpiresAt));
    q.addBindValue(int(w.enabled));
    q.addBindValue(nullableText(w.disabledReason));
    q.addBindValue(w.updatedAt);
    q.addBindValue(w.id);
    q.addBindValue(w.organizationId);
    return sql::changesOne(m_db, q, kNoWebhook);
}

Result<void> WebhookRepository::remove(const QString &organizationId, const QString &id)
{
    return m_db.transaction([&]() -> Result<void> {
        QSqlQuery &q = m_db.prepared(QStringLiteral("DELETE FROM webhooks WHERE id = ? AND organization_id = ?"));
        q.addBindValue(id);
        q.addBindValue(organizationId);
        if (auto r = sql::changesOne(m_db, q, kNoWebhook); !r)
            return r;
        QSqlQuery &d = m_db.prepared(QStringLiteral("DELETE FROM webhook_deliveries WHERE webhook_id = ?"));
        d.addBindValue(id);
        return m_db.exec(d);
    });
}

Result<void> WebhookRepository::enqueue(const DeliveryRow &d)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("INSERT INTO webhook_deliveries (") + kDeliveryColumns
                                 + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(d.id);
    q.addBindValue(d.webhookId);
    q.addBindValue(d.organizationId);
    q.addBindValue(d.eventId);
    q.addBindValue(d.eventType);
    q.addBindValue(d.body);
    q.addBindValue(deliveryStatusName(d.status));
    q.addBindValue(d.attempts);
    q.addBindValue(d.nextAttemptAt);
    q.addBindValue(d.lastStatusCode);
    q.addBindValue(nullableText(d.lastError));
    q.addBindValue(d.createdAt);
    q.addBindValue(d.updatedAt ? d.updatedAt : d.createdAt);
    q.addBindValue(nullableTime(d.deliveredAt));
    return m_db.exec(q);
}

Result<QStringList> WebhookRepository::webhooksDue(qint64 now)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT id FROM webhooks w WHERE enabled = 1 AND EXISTS (SELECT 1 FROM webhook_deliveries d "
        "WHERE d.webhook_id = w.id AND d.status = 'pending' AND d.next_attempt_at <= ?)"));
    q.addBindValue(now);
    return sql::all<QString>(m_db, q, [](const QSqlQuery &r) { return r.value(0).toString(); });
}

Result<QList<DeliveryRow>> WebhookRepository::due(const QString &webhookId, qint64 now, int limit)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kDeliveryColumns
                                 + QStringLiteral(" FROM webhook_deliveries WHERE webhook_id = ? AND status = 'pending' "
                                                  "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"));
    q.addBindValue(webhookId);
    q.addBindValue(now);
    q.addBindValue(limit);
    return sql::all<DeliveryRow>(m_db, q, readDelivery);
}

Result<int> WebhookRepository::deleteFinishedBefore(qint64 before)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < ?"));
    q.addBindValue(before);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    const int n = q.numRowsAffected();
    q.finish();
    return n;
}

Result<qint64> WebhookRepository::nextDue()
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT MIN(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending' "
                                                      "AND webhook_id IN (SELECT id FROM webhooks WHERE enabled = 1)"));
    return sql::one<qint64>(m_db, q, [](const QSqlQuery &r) { return r.value(0).isNull() ? 0 : r.value(0).toLongLong(); },
                            Error::internal(QStringLiteral("no answer")));
}

Result<DeliveryRow> WebhookRepository::delivery(const QString &organizationId, const QString &webhookId, const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kDeliveryColumns
                                 + QStringLiteral(" FROM webhook_deliveries WHERE id = ? AND webhook_id = ? AND organization_id = ?"));
    q.addBindValue(id);
    q.addBindValue(webhookId);
    q.addBindValue(organizationId);
    return sql::one<DeliveryRow>(m_db, q, readDelivery, Error::notFound(QStringLiteral("delivery not found")));
}

Result<QList<DeliveryRow>> WebhookRepository::deliveries(const QString &organizationId, const QString &webhookId,
                                                         std::optional<DeliveryStatus> status, int limit)
{
    QSqlQuery &q = status
        ? m_db.prepared(QStringLiteral("SELECT ") + kDeliveryColumns
                        + QStringLiteral(" FROM webhook_deliveries WHERE webhook_id = ? AND organization_id = ? AND status = ? "
                                         "ORDER BY id DESC LIMIT ?"))
        : m_db.prepared(QStringLiteral("SELECT ") + kDeliveryColumns
                        + QStringLiteral(" FROM webhook_deliveries WHERE webhook_id = ? AND organization_id = ? ORDER BY id DESC LIMIT ?"));
    q.addBindValue(webhookId);
    q.addBindValue(organizationId);
    if (status)
        q.addBindValue(deliveryStatusName(*status));
    q.addBindValue(limit);
    return sql::all<DeliveryRow>(m_db, q, readDelivery);
}

Result<void> WebhookRepository::record(const DeliveryRow &d)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?, "
        "updated_at = ?, delivered_at = ? WHERE id = ?"));
    q.addBindValue(deliveryStatusName(d.status));
    q.addBindValue(d.attempts);
    q.addBindValue(d.nextAttemptAt);
    q.addBindValue(d.lastStatusCode);
    q.addBindValue(nullableText(d.lastError));
    q.addBindValue(d.updatedAt);
    q.addBindValue(nullableTime(d.deliveredAt));
    q.addBindValue(d.id);
    return sql::changesOne(m_db, q, Error::notFound(QStringLiteral("delivery not found")));
}

Result<void> WebhookRepository::disable(const QString &webhookId, const QString &reason, qint64 at)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("UPDATE webhooks SET enabled = 0, disabled_reason = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(reason);
    q.addBindValue(at);
    q.addBindValue(webhookId);
    return m_db.exec(q);
}

} // namespace wagate
