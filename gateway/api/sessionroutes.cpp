// Routes of the session resource. Handlers only translate: JSON in, service call, JSON out.
#include "apiserver.h"
#include "engine/engine.h"
#include "engine/sessionservice.h"
#include "jsonbody.h"
#include "routecontext.h"
#include "sessionjson.h"

#include <QJsonArray>

namespace wagate {

namespace {

void replySession(RouteContext &ctx, const Result<SessionInfo> &r, int status = 200)
{
    if (!r)
        return ctx.fail(r.error());
    ctx.reply(status, json::sessionToJson(*r));
}

void listSessions(RouteContext &ctx, Engine &engine)
{
    const QUrlQuery &q = ctx.request.query;
    std::optional<SessionStatus> status;
    const QString statusText = q.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    if (q.hasQueryItem(QStringLiteral("status"))) {
        status = sessionStatusFromName(statusText);
        if (!status) {
            Error e = Error::invalidArgument(QStringLiteral("unknown status %1").arg(statusText.left(40)), QStringLiteral("status"));
            QStringList names;
            for (SessionStatus s : allSessionStatuses())
                names << sessionStatusName(s);
            e.details.insert(QStringLiteral("allowed"), QJsonArray::fromStringList(names));
            return ctx.fail(e);
        }
    }
    int pageSize = SessionService::kDefaultPageSize;
    if (q.hasQueryItem(QStringLiteral("pageSize"))) {
        bool ok = false;
        pageSize = q.queryItemValue(QStringLiteral("pageSize")).toInt(&ok);
        if (!ok) // the range is the service's to check
            pageSize = 0;
    }
    QString after;
    const QString token = q.queryItemValue(QStringLiteral("pageToken"), QUrl::FullyDecoded);
    if (!token.isEmpty()) {
        auto decoded = json::decodePageToken(token, statusText);
        if (!decoded)
            return ctx.fail(decoded.error());
        after = *decoded;
    }
    auto page = engine.sessions().list(ctx.principal, status, after, pageSize);
    if (!page)
        return ctx.fail(page.error());
    QJsonArray items;
    for (const SessionInfo &s : page->sessions)
        items.append(json::sessionToJson(s));
    ctx.reply(200, QJsonObject{{QStringLiteral("sessions"), items},
                               {QStringLiteral("nextPageToken"),
                                page->lastId.isEmpty() ? QString() : json::encodePageToken(page->lastId, statusText)}});
}

} // namespace

void registerSessionRoutes(Router &router, Engine &engine)
{
    Engine *e = &engine;
    router.add({"GET", QStringLiteral("/api/v1/sessions"), Route::Access::Authenticated,
                [e](RouteContext &ctx) { listSessions(ctx, *e); }});

    router.add({"POST", QStringLiteral("/api/v1/sessions"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    auto body = json::objectBody(ctx.request);
                    if (!body)
                        return ctx.fail(body.error());
                    auto create = json::sessionCreateFromJson(*body);
                    if (!create)
                        return ctx.fail(create.error());
                    replySession(ctx, e->sessions().create(ctx.principal, *create), 201);
                }});

    router.add({"GET", QStringLiteral("/api/v1/sessions/{session}"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    replySession(ctx, e->sessions().get(ctx.principal, ctx.params[0]));
                }});

    router.add({"PATCH", QStringLiteral("/api/v1/sessions/{session}"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    auto body = json::objectBody(ctx.request);
                    if (!body)
                        return ctx.fail(body.error());
                    auto patch = json::sessionPatchFromJson(*body);
                    if (!patch)
                        return ctx.fail(patch.error());
                    replySession(ctx, e->sessions().update(ctx.principal, ctx.params[0], *patch));
                }});

    router.add({"DELETE", QStringLiteral("/api/v1/sessions/{session}"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    auto r = e->sessions().remove(ctx.principal, ctx.params[0]);
                    if (!r)
                        return ctx.fail(r.error());
                    ctx.replyNoContent();
                }});

    // Custom methods take no body; one that is sent anyway must still be JSON.
    const auto verb = [&router, e](const char *name, Result<SessionInfo> (SessionService::*call)(const Principal &, const QString &)) {
        router.add({"POST", QStringLiteral("/api/v1/sessions/{session}:") + QLatin1StringView(name), Route::Access::Authenticated,
                    [e, call](RouteContext &ctx) {
                        if (auto body = json::objectBody(ctx.request, true); !body)
                            return ctx.fail(body.error());
                        replySession(ctx, (e->sessions().*call)(ctx.principal, ctx.params[0]));
                    }});
    };
    verb("start", &SessionService::start);
    verb("stop", &SessionService::stop);
    verb("logout", &SessionService::logout);
}

} // namespace wagate
