#include "sessionjson.h"

#include "core/jsonvalues.h"

#include "core/ids.h"
#include "jsonbody.h"

namespace wagate::json {

namespace {


} // namespace

QJsonObject sessionToJson(const SessionInfo &s)
{
    QJsonObject o{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("organizationId"), s.organizationId},
        {QStringLiteral("label"), s.label},
        {QStringLiteral("phoneNumber"), textOrNull(s.phoneNumber)},
        {QStringLiteral("waJid"), textOrNull(s.waJid)},
        {QStringLiteral("waLid"), textOrNull(s.waLid)},
        {QStringLiteral("status"), sessionStatusName(s.status)},
        {QStringLiteral("gatewayId"), s.gatewayId},
        {QStringLiteral("isAdminSession"), s.isAdminSession},
        {QStringLiteral("autoRead"), s.autoRead},
        {QStringLiteral("presenceTyping"), s.presenceTyping},
        {QStringLiteral("ratePerHour"), s.ratePerHour},
        {QStringLiteral("ratePerMin"), s.ratePerMin},
        {QStringLiteral("createdAt"), s.createdAt},
        {QStringLiteral("updatedAt"), s.updatedAt},
        {QStringLiteral("createdByUserId"), s.createdByUserId},
        {QStringLiteral("lastConnectedAt"), timeOrNull(s.lastConnectedAt)},
        {QStringLiteral("statusChangedAt"), s.statusChangedAt},
    };
    if (s.lastError) {
        o.insert(QStringLiteral("lastError"), QJsonObject{{QStringLiteral("code"), s.lastError->code},
                                                         {QStringLiteral("message"), s.lastError->message},
                                                         {QStringLiteral("at"), s.lastError->at}});
    } else {
        o.insert(QStringLiteral("lastError"), QJsonValue::Null);
    }
    const QJsonObject pause = sessionPauseResource(s);
    o.insert(QStringLiteral("sendingPausedUntil"), pause.value(QStringLiteral("sendingPausedUntil")));
    o.insert(QStringLiteral("sendingPausedReason"), pause.value(QStringLiteral("sendingPausedReason")));
    return o;
}

QJsonObject transitionToJson(const StatusTransition &t)
{
    return transitionResource(t);
}

QJsonObject messageToJson(const MessageInfo &m)
{
    return messageResource(m);
}

Result<SendRequest> sendRequestFromJson(const QJsonObject &o)
{
    SendRequest r;
    auto to = requiredString(o, QStringLiteral("to"));
    if (!to)
        return to.error();
    r.to = *to;
    auto text = requiredString(o, QStringLiteral("text"));
    if (!text)
        return text.error();
    r.text = *text;
    auto key = optionalString(o, QStringLiteral("idempotencyKey"));
    if (!key)
        return key.error();
    r.idempotencyKey = key->value_or(QString());
    return r;
}

Result<SessionCreate> sessionCreateFromJson(const QJsonObject &o)
{
    SessionCreate c;
    auto label = requiredString(o, QStringLiteral("label"));
    if (!label)
        return label.error();
    c.label = *label;
    auto autoRead = optionalBool(o, QStringLiteral("autoRead"));
    if (!autoRead)
        return autoRead.error();
    c.autoRead = *autoRead;
    auto typing = optionalBool(o, QStringLiteral("presenceTyping"));
    if (!typing)
        return typing.error();
    c.presenceTyping = *typing;
    auto perMin = optionalInt(o, QStringLiteral("ratePerMin"));
    if (!perMin)
        return perMin.error();
    c.ratePerMin = *perMin;
    auto perHour = optionalInt(o, QStringLiteral("ratePerHour"));
    if (!perHour)
        return perHour.error();
    c.ratePerHour = *perHour;
    auto admin = optionalBool(o, QStringLiteral("isAdminSession"));
    if (!admin)
        return admin.error();
    c.isAdminSession = *admin;
    return c;
}

Result<SessionPatch> sessionPatchFromJson(const QJsonObject &o)
{
    SessionPatch p;
    auto label = optionalString(o, QStringLiteral("label"));
    if (!label)
        return label.error();
    p.label = *label;
    auto autoRead = optionalBool(o, QStringLiteral("autoRead"));
    if (!autoRead)
        return autoRead.error();
    p.autoRead = *autoRead;
    auto typing = optionalBool(o, QStringLiteral("presenceTyping"));
    if (!typing)
        return typing.error();
    p.presenceTyping = *typing;
    auto perMin = optionalInt(o, QStringLiteral("ratePerMin"));
    if (!perMin)
        return perMin.error();
    p.ratePerMin = *perMin;
    auto perHour = optionalInt(o, QStringLiteral("ratePerHour"));
    if (!perHour)
        return perHour.error();
    p.ratePerHour = *perHour;
    for (const char *readOnly : {"id", "organizationId", "status", "gatewayId", "isAdminSession", "phoneNumber", "waJid", "waLid"}) {
        // Read-only fields in a PATCH are a mistake worth reporting rather than silently ignoring.
        const QString f = QString::fromLatin1(readOnly);
        if (o.contains(f))
            return Error::invalidArgument(QStringLiteral("%1 cannot be changed").arg(f), f);
    }
    return p;
}

QString encodePageToken(const QString &lastId, const QString &filter)
{
    const QByteArray raw = "v1\n" + filter.toUtf8() + '\n' + lastId.toUtf8();
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<QString> decodePageToken(const QString &token, const QString &filter)
{
    const Error bad = Error::invalidArgument(QStringLiteral("invalid pageToken"), QStringLiteral("pageToken"));
    if (token.size() > 512)
        return bad;
    const auto decoded = QByteArray::fromBase64Encoding(token.toLatin1(),
                                                        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return bad;
    const QList<QByteArray> parts = decoded.decoded.split('\n');
    if (parts.size() != 3 || parts[0] != "v1")
        return bad;
    if (QString::fromUtf8(parts[1]) != filter)
        return Error::invalidArgument(QStringLiteral("pageToken was made for another filter"), QStringLiteral("pageToken"));
    const QString lastId = QString::fromUtf8(parts[2]);
    if (!ids::isValidPathId(lastId))
        return bad;
    return lastId;
}

} // namespace wagate::json
