// Routes about the gateway itself: health, the caller, the OpenAPI document, metrics.
#include "apiserver.h"
#include "engine/engine.h"
#include "engine/messageservice.h"
#include "engine/outbox.h"
#include "store/messagerepository.h"
#include "routecontext.h"
#include "engine/systemservice.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace wagate {

void registerSystemRoutes(Router &router, Engine &engine, ApiServer &server)
{
    SystemService *system = &engine.system();
    ApiServer *api = &server;

    router.add({"GET", QStringLiteral("/healthz"), Route::Access::Public, [system](RouteContext &ctx) {
                    const SystemService::Health h = system->health();
                    ctx.reply(h.storeReachable ? 200 : 503,
                              QJsonObject{{QStringLiteral("status"), h.storeReachable ? QStringLiteral("ok") : QStringLiteral("degraded")},
                                          {QStringLiteral("store"), h.storeReachable ? QStringLiteral("ok") : QStringLiteral("unreachable")},
                                          {QStringLiteral("gatewayId"), h.gatewayId},
                                          {QStringLiteral("version"), QCoreApplication::applicationVersion()}});
                }});

    router.add({"GET", QStringLiteral("/api/v1/openapi.json"), Route::Access::Public, [](RouteContext &ctx) {
                    HttpResponse r;
                    r.body = ApiServer::openApiDocument();
                    ctx.send(r);
                }});

    router.add({"GET", QStringLiteral("/api/v1/me"), Route::Access::Authenticated, [system](RouteContext &ctx) {
                    auto me = system->describe(ctx.principal);
                    if (!me)
                        return ctx.fail(me.error());
                    const Principal &p = me->principal;
                    QJsonObject out{{QStringLiteral("organizationId"), p.organizationId},
                                    {QStringLiteral("capabilities"), QJsonArray::fromStringList(capabilityNames(p.capabilities))}};
                    if (!p.displayName.isEmpty())
                        out.insert(QStringLiteral("displayName"), p.displayName);
                    if (!me->organizationName.isEmpty())
                        out.insert(QStringLiteral("organizationName"), me->organizationName);
                    if (p.kind == Principal::Kind::ApiKey) {
                        out.insert(QStringLiteral("kind"), QStringLiteral("apiKey"));
                        out.insert(QStringLiteral("apiKeyId"), p.apiKeyId);
                    } else {
                        out.insert(QStringLiteral("kind"), QStringLiteral("user"));
                        out.insert(QStringLiteral("userId"), p.userId);
                        out.insert(QStringLiteral("role"), p.role);
                    }
                    ctx.reply(200, out);
                }});

    router.add({"GET", QStringLiteral("/metrics"), Route::Access::Authenticated, [system, api, &engine](RouteContext &ctx) {
                    auto counts = system->sessionCounts(ctx.principal);
                    if (!counts)
                        return ctx.fail(counts.error());
                    QByteArray out;
                    out += "# HELP wagate_sessions Sessions of the caller's organization by status.\n"
                           "# TYPE wagate_sessions gauge\n";
                    for (const auto &[status, n] : counts->byStatus)
                        out += "wagate_sessions{status=\"" + sessionStatusName(status).toLatin1() + "\"} " + QByteArray::number(n) + '\n';
                    out += "# HELP wagate_active_connections Sessions this node currently holds a connection for.\n"
                           "# TYPE wagate_active_connections gauge\n"
                           "wagate_active_connections " + QByteArray::number(counts->activeConnections) + '\n';
                    out += "# HELP wagate_unsaved_sessions Sessions of this node with changes the store has not taken yet.\n"
                           "# TYPE wagate_unsaved_sessions gauge\n"
                           "wagate_unsaved_sessions " + QByteArray::number(counts->unsavedSessions) + '\n';
                    out += "# HELP wagate_event_streams Server-Sent Events streams this node serves.\n"
                           "# TYPE wagate_event_streams gauge\n"
                           "wagate_event_streams " + QByteArray::number(api->eventStreamCount()) + '\n';
                    out += "# HELP wagate_http_requests_total HTTP requests received by this node.\n"
                           "# TYPE wagate_http_requests_total counter\n"
                           "wagate_http_requests_total " + QByteArray::number(api->counters().requests) + '\n';
                    out += "# HELP wagate_http_responses_total HTTP responses sent by this node, by status code.\n"
                           "# TYPE wagate_http_responses_total counter\n";
                    QList<int> codes = api->counters().responsesByStatus.keys();
                    std::sort(codes.begin(), codes.end());
                    for (int code : codes)
                        out += "wagate_http_responses_total{code=\"" + QByteArray::number(code) + "\"} "
                               + QByteArray::number(api->counters().responsesByStatus.value(code)) + '\n';
                    const MessageService &messages = engine.messages();
                    auto waiting = engine.messageRepository().countWaiting(ctx.principal.organizationId);
                    if (!waiting)
                        return ctx.fail(waiting.error());
                    out += "# HELP wagate_outbox_queued Outgoing messages of the caller's organization waiting to leave.\n"
                           "# TYPE wagate_outbox_queued gauge\n"
                           "wagate_outbox_queued " + QByteArray::number(*waiting) + '\n';
                    out += "# HELP wagate_messages_total Message status changes on this node, by direction and status reached.\n"
                           "# TYPE wagate_messages_total counter\n";
                    const MessageMetrics &m = messages.metrics();
                    for (auto it = m.changes.cbegin(); it != m.changes.cend(); ++it)
                        out += "wagate_messages_total{direction=\"" + it.key().first.toLatin1() + "\",status=\"" + it.key().second.toLatin1()
                               + "\"} " + QByteArray::number(it.value()) + '\n';
                    out += "# HELP wagate_send_seconds Accepted to WhatsApp's server ack, on this node.\n"
                           "# TYPE wagate_send_seconds histogram\n";
                    for (size_t i = 0; i < std::size(kSendBuckets); ++i)
                        out += "wagate_send_seconds_bucket{le=\"" + QByteArray::number(kSendBuckets[i]) + "\"} "
                               + QByteArray::number(m.sendBuckets.isEmpty() ? 0 : m.sendBuckets[qsizetype(i)]) + '\n';
                    out += "wagate_send_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(m.sendCount) + '\n';
                    out += "wagate_send_seconds_sum " + QByteArray::number(m.sendSecondsSum, 'f', 3) + '\n';
                    out += "wagate_send_seconds_count " + QByteArray::number(m.sendCount) + '\n';
                    out += "# HELP wagate_sending_paused_sessions Sessions of this node whose outbox waits for a limit of WhatsApp's.\n"
                           "# TYPE wagate_sending_paused_sessions gauge\n"
                           "wagate_sending_paused_sessions " + QByteArray::number(engine.messages().outbox().pausedCount()) + '\n';
                    if (const WebhookDispatcher *d = engine.webhookDispatcher()) {
                        const auto &c = d->counters();
                        out += "# HELP wagate_webhook_deliveries_total Webhook delivery attempts on this node, by outcome.\n"
                               "# TYPE wagate_webhook_deliveries_total counter\n"
                               "wagate_webhook_deliveries_total{outcome=\"delivered\"} " + QByteArray::number(c.delivered.load()) + "\n"
                               "wagate_webhook_deliveries_total{outcome=\"retried\"} " + QByteArray::number(c.retried.load()) + "\n"
                               "wagate_webhook_deliveries_total{outcome=\"failed\"} " + QByteArray::number(c.failed.load()) + '\n';
                        out += "# HELP wagate_webhook_lag_seconds Event to delivery, of the latest delivery on this node.\n"
                               "# TYPE wagate_webhook_lag_seconds gauge\n"
                               "wagate_webhook_lag_seconds " + QByteArray::number(double(c.lastLagMs.load()) / 1000.0, 'f', 3) + '\n';
                    }
                    out += "# HELP wagate_uptime_seconds Seconds since this node's HTTP API started.\n"
                           "# TYPE wagate_uptime_seconds gauge\n"
                           "wagate_uptime_seconds " + QByteArray::number(api->uptimeMs() / 1000) + '\n';
                    HttpResponse r;
                    r.contentType = "text/plain; version=0.0.4";
                    r.body = out;
                    ctx.send(r);
                }});
}

} // namespace wagate
