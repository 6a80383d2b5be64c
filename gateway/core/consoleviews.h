#pragma once

#include "messageinfo.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace wagate {

//! A session's outbox as the console shows it: what waits, the pace in force, WhatsApp's pause if
//! one holds, and the messages of the day by status. A value snapshot, like SessionInfo.
struct OutboxSummary
{
    QString sessionId;
    int waiting = 0;          //!< outgoing messages queued or sending
    int ratePerMin = 0;
    int ratePerHour = 0;
    qint64 pausedUntil = 0;   //!< 0: not paused
    QString pausedReason;     //!< reach_out_timelock (new chats only) or rate_overlimit
    qint64 nextSendAt = 0;    //!< when the next one may leave (0: now, or nothing waits)
    qint64 since = 0;         //!< the start of the counted period (ms), e.g. local midnight
    //! Messages created since `since`, by status: outgoing, and incoming under Received / Read.
    QMap<MessageStatus, int> outgoing;
    QMap<MessageStatus, int> incoming;

    bool isPaused(qint64 now) const { return pausedUntil > now; }
    bool newChatsOnly() const { return pausedReason == QLatin1String("reach_out_timelock"); }
};

//! One attempt record of an event for a webhook, as the console lists it (never its body).
struct WebhookDeliveryInfo
{
    enum class Status { Pending, Delivered, Failed };
    QString id;
    QString webhookId;
    QString eventId;
    QString eventType;
    Status status = Status::Pending;
    int attempts = 0;
    qint64 nextAttemptAt = 0; //!< pending only
    int lastStatusCode = 0;   //!< the receiver's last HTTP answer (0: none)
    QString lastError;
    qint64 createdAt = 0;
    qint64 deliveredAt = 0;
};

//! A webhook of the organization as the console shows it: never its secret, except once (secret set)
//! right after it was created or its secret rotated.
struct WebhookInfo
{
    QString id;
    QString url;
    QStringList events;
    QStringList sessions; //!< empty: every session
    QString description;
    bool enabled = true;
    QString disabledReason;
    qint64 previousSecretExpiresAt = 0; //!< while a rotation overlaps
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    std::optional<WebhookDeliveryInfo> lastDelivery;
    QString secret; //!< only right after creation or rotation
};

//! What the console asks for when adding or changing a webhook; absent fields stay as they are.
struct WebhookChange
{
    std::optional<QString> url;
    std::optional<QStringList> events;
    std::optional<QString> description;
    std::optional<bool> enabled;
};

} // namespace wagate

Q_DECLARE_METATYPE(wagate::OutboxSummary)
Q_DECLARE_METATYPE(wagate::WebhookInfo)
Q_DECLARE_METATYPE(wagate::WebhookDeliveryInfo)
