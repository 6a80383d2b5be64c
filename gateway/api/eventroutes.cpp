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

    router.add({"GET", QStringLiteral("/api/v1/events"), Route::Access::Authenticated, [s](RouteContext &ctx) {
                    if (!ctx.principal.can(Capability::Read)) {
                        Error err = Error::forbidden(QStringLiteral("this credential lacks the read capability"));
                        err.details.insert(QStringLiteral("capability"), QStringLiteral("read"));
                        return ctx.fail(err);
                    }
                    auto last = lastEventId(ctx.request);
                    if (!last)
                        return ctx.fail(last.error());
                    if (!roomFor(ctx, *s))
                        return;
                    s->open(ctx.responder, {ctx.principal.organizationId, QString(), ctx.principal.can(Capability::Manage)}, *last);
                }});

    router.add({"GET", QStringLiteral("/api/v1/sessions/{session}/events"), Route::Access::Authenticated, [e, s](RouteContext &ctx) {
                    auto session = e->sessions().get(ctx.principal, ctx.params[0]);
                    if (!session)
                        return ctx.fail(session.error());
                    auto last = lastEventId(ctx.request);
                    if (!last)
                        return ctx.fail(last.error());
                    if (!roomFor(ctx, *s))
                        return;
                    s->open(ctx.responder, {ctx.principal.organizationId, session->id, ctx.principal.can(Capability::Manage)}, *last);
                }});
}

} // namespace wagate
