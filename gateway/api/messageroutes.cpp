// Routes of the message resource. Handlers only translate: JSON in, service call, JSON out.
#include "apiserver.h"
#include "engine/engine.h"
#include "engine/messageservice.h"
#include "core/jsonvalues.h"
#include "jsonbody.h"
#include "routecontext.h"
#include "sessionjson.h"

#include <QJsonArray>

namespace wagate {

namespace {

void replyMessage(RouteContext &ctx, const Result<MessageInfo> &r)
{
    if (!r)
        return ctx.fail(r.error());
    ctx.reply(200, json::messageToJson(*r));
}

Error unknownValue(const QString &field, const QString &value, const QStringList &allowed)
{
    Error e = Error::invalidArgument(QStringLiteral("unknown %1 %2").arg(field, value.left(40)), field);
    e.details.insert(QStringLiteral("allowed"), QJsonArray::fromStringList(allowed));
    return e;
}

void sendMessage(RouteContext &ctx, Engine &engine)
{
    auto body = json::objectBody(ctx.request);
    if (!body)
        return ctx.fail(body.error());
    auto request = json::sendRequestFromJson(*body);
    if (!request)
        return ctx.fail(request.error());
    const QString header = QString::fromUtf8(ctx.request.header("Idempotency-Key")).trimmed();
    if (!header.isEmpty()) {
        if (!request->idempotencyKey.isEmpty() && request->idempotencyKey != header)
            return ctx.fail(Error::invalidArgument(
                QStringLiteral("the Idempotency-Key header and the idempotencyKey field differ"), QStringLiteral("idempotencyKey")));
        request->idempotencyKey = header;
    }
    // Answered once stored: the message joins the writes of this turn, and the answer follows their commit.
    RouteReply out = ctx.out;
    engine.messages().sendLater(ctx.principal, ctx.params[0], *request, [out](Result<SendOutcome> sent) {
        if (!sent)
            return out.fail(sent.error());
        // 202: accepted and stored; it leaves at its pace. 200: the same request again, its message as it is now.
        out.reply(sent->created ? 202 : 200, json::messageToJson(sent->message));
    });
}

void listMessages(RouteContext &ctx, Engine &engine)
{
    const QUrlQuery &q = ctx.request.query;
    MessageFilter filter;
    QStringList filterParts;
    if (q.hasQueryItem(QStringLiteral("direction"))) {
        const QString d = q.queryItemValue(QStringLiteral("direction"), QUrl::FullyDecoded);
        filter.direction = messageDirectionFromName(d);
        if (!filter.direction)
            return ctx.fail(unknownValue(QStringLiteral("direction"), d, {QStringLiteral("in"), QStringLiteral("out")}));
        filterParts << d;
    }
    filterParts << QString();
    if (q.hasQueryItem(QStringLiteral("status"))) {
        const QString st = q.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
        filter.status = messageStatusFromName(st);
        if (!filter.status) {
            QStringList names;
            for (MessageStatus s : allMessageStatuses())
                names << messageStatusName(s);
            return ctx.fail(unknownValue(QStringLiteral("status"), st, names));
        }
        filterParts << st;
    }
    filterParts << QString();
    if (q.hasQueryItem(QStringLiteral("chat"))) {
        auto chat = parseRecipient(q.queryItemValue(QStringLiteral("chat"), QUrl::FullyDecoded), QStringLiteral("chat"));
        if (!chat)
            return ctx.fail(chat.error());
        filter.chat = chat->chat;
        filterParts << filter.chat;
    }
    const QString filterKey = filterParts.join(u'|');
    int pageSize = MessageService::kDefaultPageSize;
    if (q.hasQueryItem(QStringLiteral("pageSize"))) {
        bool ok = false;
        pageSize = q.queryItemValue(QStringLiteral("pageSize")).toInt(&ok);
        if (!ok)
            pageSize = 0; // the range is the service's to check
    }
    QString before;
    const QString token = q.queryItemValue(QStringLiteral("pageToken"), QUrl::FullyDecoded);
    if (!token.isEmpty()) {
        auto decoded = json::decodePageToken(token, filterKey);
        if (!decoded)
            return ctx.fail(decoded.error());
        before = *decoded;
    }
    QString lastId;
    auto page = engine.messages().list(ctx.principal, ctx.params[0], filter, before, pageSize, &lastId);
    if (!page)
        return ctx.fail(page.error());
    QJsonArray items;
    for (const MessageInfo &m : *page)
        items.append(json::messageToJson(m));
    ctx.reply(200, QJsonObject{{QStringLiteral("messages"), items},
                               {QStringLiteral("nextPageToken"), lastId.isEmpty() ? QString() : json::encodePageToken(lastId, filterKey)}});
}

void lookupContact(RouteContext &ctx, Engine &engine)
{
    RouteReply out = ctx.out;
    engine.contacts().lookup(ctx.principal, ctx.params[0], ctx.params[1], [out](Result<ContactAnswer> r) {
        if (!r)
            return out.fail(r.error());
        const ContactLookup &c = r->contact;
        out.reply(200, QJsonObject{{QStringLiteral("phoneNumber"), c.phoneNumber},
                                   {QStringLiteral("onWhatsApp"), c.onWhatsApp},
                                   {QStringLiteral("jid"), json::textOrNull(c.jid)},
                                   {QStringLiteral("lid"), json::textOrNull(c.lid)},
                                   {QStringLiteral("checkedAt"), double(r->checkedAt)}});
    });
}

} // namespace

void registerMessageRoutes(Router &router, Engine &engine)
{
    Engine *e = &engine;
    router.add({"POST", QStringLiteral("/api/v1/sessions/{session}/messages"), Route::Access::Authenticated,
                [e](RouteContext &ctx) { sendMessage(ctx, *e); }});
    router.add({"GET", QStringLiteral("/api/v1/sessions/{session}/messages"), Route::Access::Authenticated,
                [e](RouteContext &ctx) { listMessages(ctx, *e); }});
    router.add({"GET", QStringLiteral("/api/v1/sessions/{session}/messages/{message}"), Route::Access::Authenticated,
                [e](RouteContext &ctx) { replyMessage(ctx, e->messages().get(ctx.principal, ctx.params[0], ctx.params[1])); }});
    const auto verb = [&router, e](const char *name,
                                   Result<MessageInfo> (MessageService::*call)(const Principal &, const QString &, const QString &)) {
        router.add({"POST", QStringLiteral("/api/v1/sessions/{session}/messages/{message}:") + QLatin1StringView(name),
                    Route::Access::Authenticated, [e, call](RouteContext &ctx) {
                        if (auto body = json::objectBody(ctx.request, true); !body)
                            return ctx.fail(body.error());
                        replyMessage(ctx, (e->messages().*call)(ctx.principal, ctx.params[0], ctx.params[1]));
                    }});
    };
    verb("cancel", &MessageService::cancel);
    verb("markRead", &MessageService::markRead);
    router.add({"GET", QStringLiteral("/api/v1/sessions/{session}/contacts/{phoneNumber}"), Route::Access::Authenticated,
                [e](RouteContext &ctx) { lookupContact(ctx, *e); }});
}

} // namespace wagate
