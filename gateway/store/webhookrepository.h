#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wagate {

class Database;

//! A webhook as stored: its secrets sealed (the service opens them).
struct WebhookRow
{
    QString id; //!< wh_<ULID>
    QString organizationId;
    QString url;
    QStringList events;   //!< event types it wants
    QStringList sessions; //!< session ids it is limited to (empty = every session)
    QString description;
    QByteArray secret;         //!< sealed "whsec_…"
    QByteArray previousSecret; //!< sealed, while a rotation overlaps (else empty)
    qint64 previousExpiresAt = 0;
    bool enabled = true;
    QString disabledReason;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    bool wants(const QString &type, const QString &sessionId) const
    {
        return enabled && events.contains(type) && (sessions.isEmpty() || sessionId.isEmpty() || sessions.contains(sessionId));
    }
};

enum class DeliveryStatus { Pending, Delivered, Failed };
QString deliveryStatusName(DeliveryStatus status);
std::optional<DeliveryStatus> deliveryStatusFromName(QStringView name);

//! One event for one webhook. Its body (the JSON sent, with customer data) is sealed.
struct DeliveryRow
{
    QString id; //!< whd_<ULID>
    QString webhookId;
    QString organizationId;
    QString eventId;   //!< the webhook-id header: the same on every attempt
    QString eventType;
    QByteArray body;   //!< sealed
    DeliveryStatus status = DeliveryStatus::Pending;
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    int lastStatusCode = 0;
    QString lastError;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 deliveredAt = 0;
};

//! Webhooks and their deliveries (migration 5). A delivery is written in the transaction of the event
//! it carries, so a crash loses none. Lives on its connection's thread (the engine's for webhooks and
//! enqueueing, the dispatcher's own connection for attempts).
class WebhookRepository
{
public:
    explicit WebhookRepository(Database &db) : m_db(db) {}

    Result<void> insert(const WebhookRow &webhook);
    Result<WebhookRow> get(const QString &organizationId, const QString &id);
    Result<QList<WebhookRow>> list(const QString &organizationId);
    //! Writes url, events, sessions, description, enabled and secrets of the webhook.
    Result<void> update(const WebhookRow &webhook);
    //! Deletes the webhook and its deliveries.
    Result<void> remove(const QString &organizationId, const QString &id);
    //! The organization's enabled webhooks.
    Result<QList<WebhookRow>> enabled(const QString &organizationId);
    Result<WebhookRow> byId(const QString &id);

    Result<void> enqueue(const DeliveryRow &delivery);
    //! Enabled webhooks with deliveries due at `now`: one indexed probe per webhook, whatever the backlog.
    Result<QStringList> webhooksDue(qint64 now);
    //! One webhook's pending deliveries due at `now`, oldest due first.
    Result<QList<DeliveryRow>> due(const QString &webhookId, qint64 now, int limit);
    Result<DeliveryRow> delivery(const QString &organizationId, const QString &webhookId, const QString &id);
    //! A webhook's deliveries, newest first, optionally of one status.
    Result<QList<DeliveryRow>> deliveries(const QString &organizationId, const QString &webhookId,
                                          std::optional<DeliveryStatus> status, int limit);
    //! Records an attempt's outcome: status, attempts, next attempt, the answer's code and error.
    Result<void> record(const DeliveryRow &delivery);
    //! Turns the webhook off (a 410 from its receiver).
    Result<void> disable(const QString &webhookId, const QString &reason, qint64 at);
    //! Deletes finished (delivered or failed) deliveries created before `before`; the number deleted.
    Result<int> deleteFinishedBefore(qint64 before);
    //! The earliest next attempt of a pending delivery (0 when none).
    Result<qint64> nextDue();

private:
    Database &m_db;
};

} // namespace wagate
