// Routes of the API-key resource (admin capability). The secret is returned once, at creation.
#include "apiserver.h"
#include "auth/apikeys.h"
#include "engine/engine.h"
#include "jsonbody.h"
#include "routecontext.h"

#include <QJsonArray>

namespace wagate {

namespace {

QJsonObject keyToJson(const ApiKeyRecord &k)
{
    return QJsonObject{
        {QStringLiteral("id"), k.id},
        {QStringLiteral("organizationId"), k.organizationId},
        {QStringLiteral("name"), k.name},
        {QStringLiteral("capabilities"), QJsonArray::fromStringList(capabilityNames(k.capabilities))},
        {QStringLiteral("createdAt"), k.createdAt},
        {QStringLiteral("createdBy"), k.createdBy},
        {QStringLiteral("lastUsedAt"), k.lastUsedAt ? QJsonValue(k.lastUsedAt) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("revokedAt"), k.revokedAt ? QJsonValue(k.revokedAt) : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace

void registerApiKeyRoutes(Router &router, Engine &engine)
{
    Engine *e = &engine;
    router.add({"GET", QStringLiteral("/api/v1/api-keys"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    auto keys = e->apiKeys().list(ctx.principal);
                    if (!keys)
                        return ctx.fail(keys.error());
                    QJsonArray items;
                    for (const ApiKeyRecord &k : *keys)
                        items.append(keyToJson(k));
                    ctx.reply(200, QJsonObject{{QStringLiteral("apiKeys"), items}});
                }});

    router.add({"POST", QStringLiteral("/api/v1/api-keys"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    auto body = json::objectBody(ctx.request);
                    if (!body)
                        return ctx.fail(body.error());
                    auto name = json::requiredString(*body, QStringLiteral("name"));
                    if (!name)
                        return ctx.fail(name.error());
                    auto capsList = json::optionalStringList(*body, QStringLiteral("capabilities"));
                    if (!capsList)
                        return ctx.fail(capsList.error());
                    if (!capsList->has_value())
                        return ctx.fail(Error::invalidArgument(QStringLiteral("capabilities is required"), QStringLiteral("capabilities")));
                    const auto caps = parseCapabilities(**capsList);
                    if (!caps)
                        return ctx.fail(Error::invalidArgument(
                            QStringLiteral("capabilities must be a non-empty list of read, manage, send, admin"),
                            QStringLiteral("capabilities")));
                    auto created = e->apiKeys().create(ctx.principal, *name, *caps);
                    if (!created)
                        return ctx.fail(created.error());
                    QJsonObject out = keyToJson(created->record);
                    out.insert(QStringLiteral("secret"), created->token);
                    ctx.reply(201, out);
                }});

    router.add({"DELETE", QStringLiteral("/api/v1/api-keys/{key}"), Route::Access::Authenticated, [e](RouteContext &ctx) {
                    auto r = e->apiKeys().revoke(ctx.principal, ctx.params[0]);
                    if (!r)
                        return ctx.fail(r.error());
                    ctx.replyNoContent();
                }});
}

} // namespace wagate
