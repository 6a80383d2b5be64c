// Routes of webhooks and their deliveries (admin). Handlers only translate: JSON in, service call, JSON out.
#include "apiserver.h"
#include "engine/engine.h"
#include "engine/webhookservice.h"
#include "jsonbody.h"
#include "routecontext.h"
#include "core/jsonvalues.h"

#include <QJsonArray>

namespace wagate {

namespace {

using json::textOrNull;
using json::timeOrNull;

QJsonObject webhookJson(const WebhookRow &w)
{
    return QJsonObject{{QStringLiteral("id"), w.id},
                       {QStringLiteral("organizationId"), w.organizationId},
                       {QStringLiteral("url"), w.url},
                       {QStringLiteral("events"), QJsonArray::fromStringList(w.events)},
                       {QStringLiteral("sessions"), QJsonArray::fromStringList(w.sessions)},
                       {QStringLiteral("description"), w.description},
                       {QStringLiteral("enabled"), w.enabled},
                       {QStringLiteral("disabledReason"), textOrNull(w.disabledReason)},
                       {QStringLiteral("previousSecretExpiresAt"), timeOrNull(w.previousSecret.isEmpty() ? 0 : w.previousExpiresAt)},
                       {QStringLiteral("createdAt"), w.createdAt},
                       {QStringLiteral("updatedAt"), w.updatedAt}};
}

QJsonObject withSecret(const WebhookView &v)
{
    QJsonObject o = webhookJson(v.row);
    o.insert(QStringLiteral("secret"), v.secret);
    return o;
}

QJsonObject deliveryJson(const DeliveryRow &d)
{
    return QJsonObject{{QStringLiteral("id"), d.id},
                       {QStringLiteral("webhookId"), d.webhookId},
                       {QStringLiteral("eventId"), d.eventId},
                       {QStringLiteral("eventType"), d.eventType},
                       {QStringLiteral("status"), deliveryStatusName(d.status)},
                       {QStringLiteral("attempts"), d.attempts},
                       {QStringLiteral("nextAttemptAt"), d.status == DeliveryStatus::Pending ? QJsonValue(d.nextAttemptAt) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("lastStatusCode"), d.lastStatusCode ? QJsonValue(d.lastStatusCode) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("lastError"), textOrNull(d.lastError)},
                       {QStringLiteral("createdAt"), d.createdAt},
                       {QStringLiteral("deliveredAt"), timeOrNull(d.deliveredAt)}};
}

Result<WebhookSpec> specFromJson(const QJsonObject &o)
{
    WebhookSpec spec;
    auto url = json::optionalString(o, QStringLiteral("url"));
    if (!url)
        return url.error();
    spec.url = *url;
    auto events = json::optionalStringList(o, QStringLiteral("events"));
    if (!events)
        return events.error();
    spec.events = *events;
    auto sessions = json::optionalStringList(o, QStringLiteral("sessions"));
    if (!sessions)
        return sessions.error();
    spec.sessions = *sessions;
    auto description = json::optionalString(o, QStringLiteral("description"));
    if (!description)
        return description.error();
    spec.description = *description;
    auto enabled = json::optionalBool(o, QStringLiteral("enabled"));
    if (!enabled)
        return enabled.error();
    spec.enabled = *enabled;
    return spec;
}

} // namespace

void registerWebhookRoutes(Router &router, Engine &engine)
{
    Engine *e = &engine;
    router.add({"POST", QStringLiteral("/api/v1/webhooks"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    auto body = json::objectBody(ctx.request);
                    if (!body)
                        return ctx.fail(body.error());
                    auto spec = specFromJson(*body);
                    if (!spec)
                        return ctx.fail(spec.error());
                    auto created = e->webhooks().create(ctx.principal, *spec);
                    if (!created)
                        return ctx.fail(created.error());
                    ctx.reply(201, withSecret(*created));
                }});
    router.add({"GET", QStringLiteral("/api/v1/webhooks"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    auto list = e->webhooks().list(ctx.principal);
                    if (!list)
                        return ctx.fail(list.error());
                    QJsonArray items;
                    for (const WebhookRow &w : *list)
                        items.append(webhookJson(w));
                    ctx.reply(200, QJsonObject{{QStringLiteral("webhooks"), items}});
                }});
    router.add({"GET", QStringLiteral("/api/v1/webhooks/{webhook}"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    auto w = e->webhooks().get(ctx.principal, ctx.params[0]);
                    if (!w)
                        return ctx.fail(w.error());
                    ctx.reply(200, webhookJson(*w));
                }});
    router.add({"PATCH", QStringLiteral("/api/v1/webhooks/{webhook}"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    auto body = json::objectBody(ctx.request);
                    if (!body)
                        return ctx.fail(body.error());
                    auto spec = specFromJson(*body);
                    if (!spec)
                        return ctx.fail(spec.error());
                    auto w = e->webhooks().update(ctx.principal, ctx.params[0], *spec);
                    if (!w)
                        return ctx.fail(w.error());
                    ctx.reply(200, webhookJson(*w));
                }});
    router.add({"DELETE", QStringLiteral("/api/v1/webhooks/{webhook}"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    if (auto r = e->webhooks().remove(ctx.principal, ctx.params[0]); !r)
                        return ctx.fail(r.error());
                    ctx.replyNoContent();
                }});
    router.add({"POST", QStringLiteral("/api/v1/webhooks/{webhook}:rotateSecret"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    if (auto body = json::objectBody(ctx.request, true); !body)
                        return ctx.fail(body.error());
                    auto v = e->webhooks().rotateSecret(ctx.principal, ctx.params[0]);
                    if (!v)
                        return ctx.fail(v.error());
                    ctx.reply(200, withSecret(*v));
                }});
    router.add({"POST", QStringLiteral("/api/v1/webhooks/{webhook}:test"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    if (auto body = json::objectBody(ctx.request, true); !body)
                        return ctx.fail(body.error());
                    auto d = e->webhooks().test(ctx.principal, ctx.params[0]);
                    if (!d)
                        return ctx.fail(d.error());
                    ctx.reply(202, deliveryJson(*d));
                }});
    router.add({"GET", QStringLiteral("/api/v1/webhooks/{webhook}/deliveries"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    const QUrlQuery &q = ctx.request.query;
                    std::optional<DeliveryStatus> status;
                    if (q.hasQueryItem(QStringLiteral("status"))) {
                        const QString s = q.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
                        status = deliveryStatusFromName(s);
                        if (!status) {
                            Error err = Error::invalidArgument(QStringLiteral("unknown status %1").arg(s.left(40)), QStringLiteral("status"));
                            err.details.insert(QStringLiteral("allowed"), QJsonArray{QStringLiteral("pending"), QStringLiteral("delivered"), QStringLiteral("failed")});
                            return ctx.fail(err);
                        }
                    }
                    int pageSize = 50;
                    if (q.hasQueryItem(QStringLiteral("pageSize"))) {
                        bool ok = false;
                        pageSize = q.queryItemValue(QStringLiteral("pageSize")).toInt(&ok);
                        if (!ok)
                            pageSize = 0;
                    }
                    auto list = e->webhooks().deliveries(ctx.principal, ctx.params[0], status, pageSize);
                    if (!list)
                        return ctx.fail(list.error());
                    QJsonArray items;
                    for (const DeliveryRow &d : *list)
                        items.append(deliveryJson(d));
                    ctx.reply(200, QJsonObject{{QStringLiteral("deliveries"), items}});
                }});
    router.add({"POST", QStringLiteral("/api/v1/webhooks/{webhook}/deliveries/{delivery}:retry"), Route::Access::Authenticated,
                [e](RouteContext &ctx) {
                    if (auto body = json::objectBody(ctx.request, true); !body)
                        return ctx.fail(body.error());
                    auto d = e->webhooks().retry(ctx.principal, ctx.params[0], ctx.params[1]);
                    if (!d)
                        return ctx.fail(d.error());
                    ctx.reply(200, deliveryJson(*d));
                }});
}

} // namespace wagate
