// Routes about the gateway itself: health, the caller, the OpenAPI document, metrics.
#include "apiserver.h"
#include "engine/engine.h"
#include "routecontext.h"
#include "store/organizationrepository.h"
#include "store/sessionrepository.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace wagate {

void registerSystemRoutes(Router &router, Engine &engine, ApiServer &server)
{
    Engine *e = &engine;
    ApiServer *api = &server;

    router.add({"GET", QStringLiteral("/healthz"), Route::Access::Public, [e](RouteContext &ctx) {
                    const bool store = e->database().ping();
                    ctx.reply(store ? 200 : 503,
                              QJsonObject{{QStringLiteral("status"), store ? QStringLiteral("ok") : QStringLiteral("degraded")},
                                          {QStringLiteral("store"), store ? QStringLiteral("ok") : QStringLiteral("unreachable")},
                                          {QStringLiteral("gatewayId"), e->config().gatewayId},
                                          {QStringLiteral("version"), QCoreApplication::applicationVersion()}});
                }});

    router.add({"GET", QStringLiteral("/api/v1/openapi.json"), Route::Access::Public, [](RouteContext &ctx) {
                    HttpResponse r;
                    r.body = ApiServer::openApiDocument();
                    ctx.send(r);
                }});

    router.add({"GET", QStringLiteral("/api/v1/me"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    const Principal &p = ctx.principal;
                    QJsonObject out{{QStringLiteral("organizationId"), p.organizationId},
                                    {QStringLiteral("capabilities"), QJsonArray::fromStringList(capabilityNames(p.capabilities))}};
                    if (!p.displayName.isEmpty())
                        out.insert(QStringLiteral("displayName"), p.displayName);
                    if (auto org = e->organizations().get(p.organizationId))
                        out.insert(QStringLiteral("organizationName"), org->name);
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

    router.add({"GET", QStringLiteral("/metrics"), Route::Access::Authenticated, [e, api](RouteContext &ctx) {
                    if (!ctx.principal.can(Capability::Admin)) {
                        Error err = Error::forbidden(QStringLiteral("this credential lacks the admin capability"));
                        err.details.insert(QStringLiteral("capability"), QStringLiteral("admin"));
                        return ctx.fail(err);
                    }
                    auto counts = e->sessionRepository().countByStatus(ctx.principal.organizationId);
                    if (!counts)
                        return ctx.fail(counts.error());
                    QByteArray out;
                    out += "# HELP wagate_sessions Sessions of the caller's organization by status.\n"
                           "# TYPE wagate_sessions gauge\n";
                    for (SessionStatus s : allSessionStatuses()) {
                        int n = 0;
                        for (const auto &[status, count] : *counts)
                            if (status == s)
                                n = count;
                        out += "wagate_sessions{status=\"" + sessionStatusName(s).toLatin1() + "\"} " + QByteArray::number(n) + '\n';
                    }
                    out += "# HELP wagate_active_connections Sessions this node currently holds a connection for.\n"
                           "# TYPE wagate_active_connections gauge\n"
                           "wagate_active_connections " + QByteArray::number(e->manager().activeCount()) + '\n';
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
