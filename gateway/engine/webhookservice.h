#pragma once

#include "auth/clock.h"
#include "core/principal.h"
#include "core/result.h"
#include "store/webhookrepository.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace wagate {

class CredentialVault;

//! What a caller asks for when creating or changing a webhook.
struct WebhookSpec
{
    std::optional<QString> url;
    std::optional<QStringList> events;
    std::optional<QStringList> sessions;
    std::optional<QString> description;
    std::optional<bool> enabled;
};

//! A webhook as the API shows it: never its secret, except once (secret set) at creation and rotation.
struct WebhookView
{
    WebhookRow row;
    QString secret; //!< only right after creation or :rotateSecret
};

//! Webhooks of an organization (admin) and the deliveries of events to them. enqueue() runs inside
//! the transaction that stores the event, so an event and its deliveries are stored together or not
//! at all. Lives on the engine thread; the attempts are the dispatcher's, on its own thread.
class WebhookService : public QObject
{
    Q_OBJECT
public:
    WebhookService(WebhookRepository &repo, Clock clock = systemClock(), QObject *parent = nullptr);

    void setVault(CredentialVault *vault) { m_vault = vault; }
    //! Loopback and private targets allowed (the default); link-local ones never are.
    void setAllowPrivateTargets(bool allow) { m_allowPrivate = allow; }

    Result<WebhookView> create(const Principal &caller, const WebhookSpec &spec);
    Result<QList<WebhookRow>> list(const Principal &caller);
    Result<WebhookRow> get(const Principal &caller, const QString &id);
    Result<WebhookRow> update(const Principal &caller, const QString &id, const WebhookSpec &spec);
    Result<void> remove(const Principal &caller, const QString &id);
    //! A new secret; the old one stays valid for kRotationOverlapMs.
    Result<WebhookView> rotateSecret(const Principal &caller, const QString &id);
    //! Queues a webhook.test event for this webhook alone.
    Result<DeliveryRow> test(const Principal &caller, const QString &id);
    Result<QList<DeliveryRow>> deliveries(const Principal &caller, const QString &id, std::optional<DeliveryStatus> status, int limit);
    //! A failed (or pending) delivery is attempted again now, from a fresh back-off.
    Result<DeliveryRow> retry(const Principal &caller, const QString &id, const QString &deliveryId);

    //! Writes a delivery of this event to every enabled webhook of the organization that wants it.
    //! Call inside the event's transaction; afterwards, call wake().
    Result<int> enqueue(const QString &organizationId, const QString &sessionId, const QString &type, const QString &eventId,
                        const QJsonObject &data, qint64 at);
    //! Deletes finished deliveries older than `before` (retention; their bodies hold customer data).
    Result<int> prune(qint64 before) { return m_repo.deleteFinishedBefore(before); }
    //! Tells the dispatcher that deliveries wait (after the enqueueing transaction committed).
    void wake() { emit deliveriesWaiting(); }

    //! The body and headers of an attempt (Standard Webhooks): pure, for the dispatcher and tests.
    static QByteArray signature(const QString &secret, const QString &eventId, qint64 unixSeconds, const QByteArray &body);
    //! "whsec_" + base64 of 32 random bytes.
    static QString newSecret();
    //! Why a URL cannot be a webhook's target, or empty: http(s), a host, no link-local address.
    static QString urlProblem(const QString &url, bool allowPrivate);
    static const QStringList &eventTypes();

    static QString secretAd(const QString &webhookId) { return QStringLiteral("webhook|") + webhookId; }
    static QString bodyAd(const QString &deliveryId) { return QStringLiteral("delivery|") + deliveryId; }

    static constexpr qint64 kRotationOverlapMs = 24LL * 3600 * 1000;
    static constexpr int kMaxWebhooks = 50;

signals:
    void deliveriesWaiting();

private:
    Result<WebhookRow> load(const Principal &caller, const QString &id);
    Result<void> apply(WebhookRow &row, const WebhookSpec &spec);

    WebhookRepository &m_repo;
    Clock m_clock;
    CredentialVault *m_vault = nullptr;
    bool m_allowPrivate = true;
};

} // namespace wagate
