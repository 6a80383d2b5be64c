// Server-Sent Events routes: the organization's stream and one session's stream.
#include "apiserver.h"
#include "core/ids.h"
#include "engine/engine.h"
#include "engine/sessionservice.h"
#include "eventstreams.h"
#include "routecontext.h"

namespace wagate {

namespace {

//! Last-Event-ID from the header (what EventSource sends on reconnect) or ?lastEventId=.
Result<QString> lastEventId(const HttpRequest &request)
{
    QString id = QString::fromLatin1(request.header("Last-Event-ID")).trimmed();
    if (id.isEmpty())
        id = request.query.queryItemValue(QStringLiteral("lastEventId"));
    if (!id.isEmpty() && !ids::isUlid(id))
        return Error::invalidArgument(QStringLiteral("Last-Event-ID must be the id of an earlier event"), QStringLiteral("Last-Event-ID"));
    return id;
}

bool roomFor(RouteContext &ctx, const EventStreams &streams)
{
    if (streams.openCount() < EventStreams::kMaxStreams)
        return true;
    Error e = Error::unavailable(QStringLiteral("too many open event streams on this node"));
    e.details.insert(QStringLiteral("retryAfterSeconds"), 5);
    ctx.fail(e);
    return false;
}

} // namespace

void registerEventRoutes(Router &router, Engine &engine, EventStreams &streams)
{
    Engine *e = &engine;
    EventStreams *s = &streams;

    const auto stream = [e, s](RouteContext &ctx, const QString &sessionId) {
        auto scope = e->sessions().eventScope(ctx.principal, sessionId);
        if (!scope)
            return ctx.fail(scope.error());
        auto last = lastEventId(ctx.request);
        if (!last)
            return ctx.fail(last.error());
        if (!roomFor(ctx, *s))
            return;
        if (auto opened = s->open(ctx.responder, *scope, *last); !opened)
            ctx.fail(opened.error());
    };
    router.add({"GET", QStringLiteral("/api/v1/events"), Route::Access::Authenticated,
                [stream](RouteContext &ctx) { stream(ctx, QString()); }});
    router.add({"GET", QStringLiteral("/api/v1/sessions/{session}/events"), Route::Access::Authenticated,
                [stream](RouteContext &ctx) { stream(ctx, ctx.params[0]); }});
}

} // namespace wagate
