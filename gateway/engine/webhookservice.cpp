#include "webhookservice.h"

#include "core/ids.h"
#include "core/logging.h"
#include "credentialvault.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <sodium.h>

namespace wagate {

namespace {

bool validWebhookId(const QString &id)
{
    return id.startsWith(QLatin1String("wh_")) && ids::isUlid(id.mid(3));
}

} // namespace

const QStringList &WebhookService::eventTypes()
{
    static const QStringList types{QStringLiteral("message.received"), QStringLiteral("message.status"),
                                   QStringLiteral("session.status"), QStringLiteral("session.sending_paused")};
    return types;
}

WebhookService::WebhookService(WebhookRepository &repo, Clock clock, QObject *parent)
    : QObject(parent), m_repo(repo), m_clock(std::move(clock))
{
}

QString WebhookService::newSecret()
{
    QByteArray key(32, Qt::Uninitialized);
    randombytes_buf(key.data(), size_t(key.size()));
    const QString s = QStringLiteral("whsec_") + QString::fromLatin1(key.toBase64());
    sodium_memzero(key.data(), size_t(key.size()));
    return s;
}

QByteArray WebhookService::signature(const QString &secret, const QString &eventId, qint64 unixSeconds, const QByteArray &body)
{
    QByteArray key = QByteArray::fromBase64(secret.mid(6).toLatin1());
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    mac.addData(eventId.toUtf8() + '.' + QByteArray::number(unixSeconds) + '.');
    mac.addData(body);
    sodium_memzero(key.data(), size_t(key.size()));
    return "v1," + mac.result().toBase64();
}

QString WebhookService::urlProblem(const QString &text, bool allowPrivate)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty())
        return QStringLiteral("url must be an http:// or https:// URL with a host");
    if (!url.userInfo().isEmpty())
        return QStringLiteral("url must not carry a user name or password; the signature authenticates the gateway");
    if (text.size() > 2048)
        return QStringLiteral("url is longer than 2048 characters");
    QHostAddress address;
    if (address.setAddress(url.host())) {
        if (address.isLinkLocal() || address.isInSubnet(QHostAddress(QStringLiteral("169.254.0.0")), 16))
            return QStringLiteral("url points to a link-local address (such as a cloud metadata service); that is never allowed");
        const auto in = [&](const char *net, int bits) { return address.isInSubnet(QHostAddress(QString::fromLatin1(net)), bits); };
        const bool privateUse = in("10.0.0.0", 8) || in("172.16.0.0", 12) || in("192.168.0.0", 16) || address.isUniqueLocalUnicast();
        if (!allowPrivate && (address.isLoopback() || privateUse))
            return QStringLiteral("url points to a loopback or private address, which this gateway does not allow");
    } else if (!allowPrivate && url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        return QStringLiteral("url points to a loopback address, which this gateway does not allow");
    }
    return {};
}

Result<void> WebhookService::apply(WebhookRow &row, const WebhookSpec &spec)
{
    if (spec.url) {
        if (const QString problem = urlProblem(*spec.url, m_allowPrivate); !problem.isEmpty())
            return Error::invalidArgument(problem, QStringLiteral("url"));
        row.url = *spec.url;
    }
    if (spec.events) {
        if (spec.events->isEmpty())
            return Error::invalidArgument(QStringLiteral("events must name at least one event type"), QStringLiteral("events"));
        for (const QString &e : *spec.events)
            if (!eventTypes().contains(e)) {
                Error err = Error::invalidArgument(QStringLiteral("unknown event type %1").arg(e.left(40)), QStringLiteral("events"));
                err.details.insert(QStringLiteral("allowed"), QJsonArray::fromStringList(eventTypes()));
                return err;
            }
        QStringList unique = *spec.events;
        unique.removeDuplicates();
        row.events = unique;
    }
    if (spec.sessions) {
        if (spec.sessions->size() > 1000)
            return Error::invalidArgument(QStringLiteral("sessions lists at most 1000 sessions"), QStringLiteral("sessions"));
        for (const QString &s : *spec.sessions)
            if (!ids::isValidPathId(s))
                return Error::invalidArgument(QStringLiteral("sessions must be session ids"), QStringLiteral("sessions"));
        row.sessions = *spec.sessions;
    }
    if (spec.description) {
        if (spec.description->size() > 500)
            return Error::invalidArgument(QStringLiteral("description is longer than 500 characters"), QStringLiteral("description"));
        row.description = *spec.description;
    }
    if (spec.enabled) {
        row.enabled = *spec.enabled;
        if (row.enabled)
            row.disabledReason.clear();
        else if (row.disabledReason.isEmpty())
            row.disabledReason = QStringLiteral("disabled by an administrator");
    }
    return {};
}

Result<WebhookView> WebhookService::create(const Principal &caller, const WebhookSpec &spec)
{
    if (auto r = caller.require(Capability::Admin); !r)
        return r.error();
    if (!spec.url)
        return Error::invalidArgument(QStringLiteral("url is required"), QStringLiteral("url"));
    if (!spec.events)
        return Error::invalidArgument(QStringLiteral("events is required"), QStringLiteral("events"));
    if (!m_vault)
        return Error::unavailable(QStringLiteral("the data key is not available yet"));
    auto existing = m_repo.list(caller.organizationId);
    if (!existing)
        return existing.error();
    if (existing->size() >= kMaxWebhooks)
        return Error::failedPrecondition(QStringLiteral("an organization has at most %1 webhooks").arg(kMaxWebhooks));
    WebhookRow row;
    row.id = QStringLiteral("wh_") + ids::newUlid();
    row.organizationId = caller.organizationId;
    row.createdAt = row.updatedAt = m_clock();
    if (auto r = apply(row, spec); !r)
        return r.error();
    const QString secret = newSecret();
    auto sealed = m_vault->seal(secretAd(row.id), secret.toLatin1());
    if (!sealed)
        return sealed.error();
    row.secret = *sealed;
    if (auto r = m_repo.insert(row); !r)
        return r.error();
    qCInfo(lcEngine).noquote() << "webhook" << row.id << "created for" << row.organizationId;
    return WebhookView{row, secret};
}

Result<WebhookRow> WebhookService::load(const Principal &caller, const QString &id)
{
    if (!validWebhookId(id))
        return Error::invalidArgument(QStringLiteral("malformed webhook id: wh_ followed by a ULID"), QStringLiteral("webhook"));
    if (auto r = caller.require(Capability::Admin); !r)
        return r.error();
    return m_repo.get(caller.organizationId, id);
}

Result<QList<WebhookRow>> WebhookService::list(const Principal &caller)
{
    if (auto r = caller.require(Capability::Admin); !r)
        return r.error();
    return m_repo.list(caller.organizationId);
}

Result<WebhookRow> WebhookService::get(const Principal &caller, const QString &id)
{
    return load(caller, id);
}

Result<WebhookRow> WebhookService::update(const Principal &caller, const QString &id, const WebhookSpec &spec)
{
    auto row = load(caller, id);
    if (!row)
        return row;
    if (auto r = apply(*row, spec); !r)
        return r.error();
    row->updatedAt = m_clock();
    if (auto r = m_repo.update(*row); !r)
        return r.error();
    if (row->enabled)
        wake();
    return row;
}

Result<void> WebhookService::remove(const Principal &caller, const QString &id)
{
    if (auto row = load(caller, id); !row)
        return row.error();
    return m_repo.remove(caller.organizationId, id);
}

Result<WebhookView> WebhookService::rotateSecret(const Principal &caller, const QString &id)
{
    auto row = load(caller, id);
    if (!row)
        return row.error();
    if (!m_vault)
        return Error::unavailable(QStringLiteral("the data key is not available yet"));
    const QString secret = newSecret();
    auto sealed = m_vault->seal(secretAd(row->id), secret.toLatin1());
    if (!sealed)
        return sealed.error();
    const qint64 now = m_clock();
    row->previousSecret = row->secret;
    row->previousExpiresAt = now + kRotationOverlapMs;
    row->secret = *sealed;
    row->updatedAt = now;
    if (auto r = m_repo.update(*row); !r)
        return r.error();
    return WebhookView{*row, secret};
}

Result<DeliveryRow> WebhookService::test(const Principal &caller, const QString &id)
{
    auto row = load(caller, id);
    if (!row)
        return row.error();
    if (!m_vault)
        return Error::unavailable(QStringLiteral("the data key is not available yet"));
    const qint64 now = m_clock();
    DeliveryRow d;
    d.id = QStringLiteral("whd_") + ids::newUlid();
    d.webhookId = row->id;
    d.organizationId = row->organizationId;
    d.eventId = ids::newUlid();
    d.eventType = QStringLiteral("webhook.test");
    const QJsonObject body{{QStringLiteral("type"), d.eventType},
                           {QStringLiteral("timestamp"), QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODateWithMs)},
                           {QStringLiteral("data"), QJsonObject{{QStringLiteral("webhookId"), row->id}}}};
    auto sealed = m_vault->seal(bodyAd(d.id), QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!sealed)
        return sealed.error();
    d.body = *sealed;
    d.nextAttemptAt = d.createdAt = d.updatedAt = now;
    if (auto r = m_repo.enqueue(d); !r)
        return r.error();
    wake();
    return d;
}

Result<QList<DeliveryRow>> WebhookService::deliveries(const Principal &caller, const QString &id, std::optional<DeliveryStatus> status, int limit)
{
    if (auto row = load(caller, id); !row)
        return row.error();
    if (limit < 1 || limit > 500)
        return Error::invalidArgument(QStringLiteral("pageSize must be between 1 and 500"), QStringLiteral("pageSize"));
    return m_repo.deliveries(caller.organizationId, id, status, limit);
}

Result<DeliveryRow> WebhookService::retry(const Principal &caller, const QString &id, const QString &deliveryId)
{
    if (auto row = load(caller, id); !row)
        return row.error();
    if (!deliveryId.startsWith(QLatin1String("whd_")) || !ids::isUlid(deliveryId.mid(4)))
        return Error::invalidArgument(QStringLiteral("malformed delivery id: whd_ followed by a ULID"), QStringLiteral("delivery"));
    auto d = m_repo.delivery(caller.organizationId, id, deliveryId);
    if (!d)
        return d;
    if (d->status == DeliveryStatus::Delivered) {
        Error e = Error::failedPrecondition(QStringLiteral("this delivery was delivered; nothing to retry"));
        e.details.insert(QStringLiteral("status"), deliveryStatusName(d->status));
        return e;
    }
    const qint64 now = m_clock();
    d->status = DeliveryStatus::Pending;
    d->attempts = 0;
    d->nextAttemptAt = now;
    d->updatedAt = now;
    d->createdAt = now; // a fresh 24 hours of attempts
    if (auto r = m_repo.record(*d); !r)
        return r.error();
    wake();
    return d;
}

Result<int> WebhookService::enqueue(const QString &organizationId, const QString &sessionId, const QString &type,
                                    const QString &eventId, const QJsonObject &data, qint64 at)
{
    auto hooks = m_repo.enabled(organizationId);
    if (!hooks)
        return hooks.error();
    int n = 0;
    QByteArray body;
    for (const WebhookRow &w : *hooks) {
        if (!w.wants(type, sessionId))
            continue;
        if (!m_vault)
            return Error::unavailable(QStringLiteral("the data key is not available yet"));
        if (body.isEmpty())
            body = QJsonDocument(QJsonObject{{QStringLiteral("type"), type},
                                             {QStringLiteral("timestamp"), QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODateWithMs)},
                                             {QStringLiteral("data"), data}})
                       .toJson(QJsonDocument::Compact);
        DeliveryRow d;
        d.id = QStringLiteral("whd_") + ids::newUlid();
        d.webhookId = w.id;
        d.organizationId = organizationId;
        d.eventId = eventId;
        d.eventType = type;
        auto sealed = m_vault->seal(bodyAd(d.id), body);
        if (!sealed)
            return sealed.error();
        d.body = *sealed;
        d.nextAttemptAt = d.createdAt = d.updatedAt = m_clock();
        if (auto r = m_repo.enqueue(d); !r)
            return r.error();
        ++n;
    }
    body.fill('\0');
    return n;
}

} // namespace wagate
