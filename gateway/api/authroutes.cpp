// Routes of the local issuer: login, its public keys, and operator accounts (admin).
#include "apiserver.h"
#include "auth/authservice.h"
#include "auth/operatorservice.h"
#include "core/ids.h"
#include "engine/engine.h"
#include "jsonbody.h"
#include "routecontext.h"

#include <QJsonArray>

namespace wagate {

namespace {

QJsonObject operatorToJson(const OperatorInfo &o)
{
    return QJsonObject{
        {QStringLiteral("id"), o.id},
        {QStringLiteral("organizationId"), o.organizationId},
        {QStringLiteral("username"), o.username},
        {QStringLiteral("role"), o.role},
        {QStringLiteral("createdAt"), o.createdAt},
        {QStringLiteral("updatedAt"), o.updatedAt},
        {QStringLiteral("createdBy"), o.createdBy},
        {QStringLiteral("lastLoginAt"), o.lastLoginAt ? QJsonValue(o.lastLoginAt) : QJsonValue(QJsonValue::Null)},
    };
}

bool checkOperatorId(RouteContext &ctx)
{
    if (ids::isValidPathId(ctx.params[0]))
        return true;
    ctx.fail(Error::invalidArgument(QStringLiteral("malformed operator id"), QStringLiteral("operator")));
    return false;
}

} // namespace

void registerAuthRoutes(Router &router, Engine &engine)
{
    Engine *e = &engine;

    router.add({"POST", QStringLiteral("/api/v1/auth/login"), Route::Access::Public, [e](RouteContext &ctx) {
                    auto body = json::objectBody(ctx.request);
                    if (!body)
                        return ctx.fail(body.error());
                    auto org = json::requiredString(*body, QStringLiteral("organizationId"));
                    if (!org)
                        return ctx.fail(org.error());
                    auto user = json::requiredString(*body, QStringLiteral("username"));
                    if (!user)
                        return ctx.fail(user.error());
                    auto password = json::requiredString(*body, QStringLiteral("password"));
                    if (!password)
                        return ctx.fail(password.error());
                    const RouteReply out = ctx.out;
                    e->auth().login(*org, *user, *password, ctx.request.remoteAddress.toString(),
                                    [out](Result<LoginResult> r) {
                                        if (!r)
                                            return out.fail(r.error());
                                        out.reply(200, QJsonObject{{QStringLiteral("token"), r->token},
                                                                   {QStringLiteral("tokenType"), QStringLiteral("Bearer")},
                                                                   {QStringLiteral("expiresAt"), r->expiresAt}});
                                    });
                }});

    router.add({"GET", QStringLiteral("/.well-known/jwks.json"), Route::Access::Public, [e](RouteContext &ctx) {
                    HttpResponse r;
                    r.contentType = "application/jwk-set+json";
                    r.headers.append({QByteArray("Cache-Control"), "public, max-age=300"});
                    r.body = QJsonDocument(e->auth().jwks()).toJson(QJsonDocument::Compact);
                    ctx.send(r);
                }});

    router.add({"GET", QStringLiteral("/api/v1/operators"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    auto list = e->auth().operators().list(ctx.principal);
                    if (!list)
                        return ctx.fail(list.error());
                    QJsonArray items;
                    for (const OperatorInfo &o : *list)
                        items.append(operatorToJson(o));
                    ctx.reply(200, QJsonObject{{QStringLiteral("operators"), items}});
                }});

    router.add({"POST", QStringLiteral("/api/v1/operators"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    auto body = json::objectBody(ctx.request);
                    if (!body)
                        return ctx.fail(body.error());
                    NewOperator n;
                    for (auto [field, target] : {std::pair{"username", &n.username}, std::pair{"password", &n.password},
                                                 std::pair{"role", &n.role}}) {
                        auto v = json::requiredString(*body, QString::fromLatin1(field));
                        if (!v)
                            return ctx.fail(v.error());
                        *target = *v;
                    }
                    const RouteReply out = ctx.out;
                    e->auth().operators().add(ctx.principal, n, [out](Result<OperatorInfo> r) {
                        if (!r)
                            return out.fail(r.error());
                        out.reply(201, operatorToJson(*r));
                    });
                }});

    router.add({"GET", QStringLiteral("/api/v1/operators/{operator}"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    if (!checkOperatorId(ctx))
                        return;
                    auto o = e->auth().operators().get(ctx.principal, ctx.params[0]);
                    if (!o)
                        return ctx.fail(o.error());
                    ctx.reply(200, operatorToJson(*o));
                }});

    router.add({"PATCH", QStringLiteral("/api/v1/operators/{operator}"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    if (!checkOperatorId(ctx))
                        return;
                    auto body = json::objectBody(ctx.request);
                    if (!body)
                        return ctx.fail(body.error());
                    auto role = json::requiredString(*body, QStringLiteral("role"));
                    if (!role)
                        return ctx.fail(role.error());
                    auto o = e->auth().operators().setRole(ctx.principal, ctx.params[0], *role);
                    if (!o)
                        return ctx.fail(o.error());
                    ctx.reply(200, operatorToJson(*o));
                }});

    router.add({"DELETE", QStringLiteral("/api/v1/operators/{operator}"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    if (!checkOperatorId(ctx))
                        return;
                    auto r = e->auth().operators().remove(ctx.principal, ctx.params[0]);
                    if (!r)
                        return ctx.fail(r.error());
                    ctx.replyNoContent();
                }});
}

} // namespace wagate
