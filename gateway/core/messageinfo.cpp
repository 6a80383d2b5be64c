#include "messageinfo.h"

#include "jsonvalues.h"
#include "session.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wagate {

namespace {

struct StatusName
{
    MessageStatus status;
    const char *name;
    int rank;
};

// Outgoing statuses rank along their path; canceled and failed end it wherever it was.
constexpr StatusName kStatuses[] = {
    {MessageStatus::Queued, "queued", 0},       {MessageStatus::Sending, "sending", 1},
    {MessageStatus::Sent, "sent", 2},           {MessageStatus::Delivered, "delivered", 3},
    {MessageStatus::Read, "read", 4},           {MessageStatus::Failed, "failed", 5},
    {MessageStatus::Canceled, "canceled", 5},   {MessageStatus::Received, "received", 0},
};

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

} // namespace

QString messageStatusName(MessageStatus status)
{
    for (const StatusName &s : kStatuses)
        if (s.status == status)
            return QString::fromLatin1(s.name);
    return {};
}

std::optional<MessageStatus> messageStatusFromName(QStringView name)
{
    for (const StatusName &s : kStatuses)
        if (name == QLatin1StringView(s.name))
            return s.status;
    return std::nullopt;
}

const QList<MessageStatus> &allMessageStatuses()
{
    static const QList<MessageStatus> all = [] {
        QList<MessageStatus> out;
        for (const StatusName &s : kStatuses)
            out.append(s.status);
        return out;
    }();
    return all;
}

int messageStatusRank(MessageStatus status)
{
    for (const StatusName &s : kStatuses)
        if (s.status == status)
            return s.rank;
    return 0;
}

bool isFinalMessageStatus(MessageStatus status)
{
    return status == MessageStatus::Read || status == MessageStatus::Failed || status == MessageStatus::Canceled;
}

QString messageDirectionName(MessageDirection direction)
{
    return direction == MessageDirection::In ? QStringLiteral("in") : QStringLiteral("out");
}

std::optional<MessageDirection> messageDirectionFromName(QStringView name)
{
    if (name == u"in")
        return MessageDirection::In;
    if (name == u"out")
        return MessageDirection::Out;
    return std::nullopt;
}

Result<Recipient> parseRecipient(const QString &to, const QString &field)
{
    const QString t = to.trimmed();
    const auto bad = [&](const QString &why) { return Error::invalidArgument(why, field); };
    if (t.isEmpty())
        return bad(QStringLiteral("%1 is required: a phone number in international digits or a user JID").arg(field));
    const qsizetype at = t.indexOf(u'@');
    if (at < 0) {
        QStringView digits(t);
        if (digits.startsWith(u'+'))
            digits = digits.mid(1);
        if (!allDigits(digits))
            return bad(QStringLiteral("%1 must be a phone number in international digits (e.g. 6281234567890) or a user JID").arg(field));
        if (const QString problem = phoneNumberProblem(digits); !problem.isEmpty())
            return bad(QStringLiteral("%1: %2").arg(field, problem));
        return Recipient{digits.toString() + QStringLiteral("@s.whatsapp.net"), digits.toString()};
    }
    const QStringView user = QStringView(t).left(at);
    const QStringView server = QStringView(t).mid(at + 1);
    if (server == u"g.us")
        return bad(QStringLiteral("%1: groups are not supported yet; send to a phone number or a user JID").arg(field));
    if (server != u"s.whatsapp.net" && server != u"lid")
        return bad(QStringLiteral("%1 must be a phone number, …@s.whatsapp.net or …@lid").arg(field));
    if (user.contains(u':'))
        return bad(QStringLiteral("%1 must name a user, not one of their devices (no \":device\")").arg(field));
    if (!allDigits(user) || user.size() > 20)
        return bad(QStringLiteral("%1: the part before @ must be digits").arg(field));
    if (server == u"lid")
        return Recipient{t, QString()};
    if (const QString problem = phoneNumberProblem(user); !problem.isEmpty())
        return bad(QStringLiteral("%1: %2").arg(field, problem));
    return Recipient{t, user.toString()};
}

Result<QString> normalizeMessageText(const QString &text, const QString &field)
{
    const QString nfc = text.normalized(QString::NormalizationForm_C);
    if (nfc.isEmpty())
        return Error::invalidArgument(QStringLiteral("%1 must not be empty").arg(field), field);
    if (nfc.contains(QChar(0)))
        return Error::invalidArgument(QStringLiteral("%1 must not contain NUL characters").arg(field), field);
    qsizetype characters = 0;
    for (QChar c : nfc)
        characters += c.isLowSurrogate() ? 0 : 1;
    if (characters > limits::kMaxMessageLength) {
        Error e = Error::invalidArgument(QStringLiteral("%1 is %2 characters long; at most %3 are allowed")
                                             .arg(field).arg(characters).arg(limits::kMaxMessageLength),
                                         field);
        e.details.insert(QStringLiteral("maxLength"), limits::kMaxMessageLength);
        return e;
    }
    return nfc;
}

Result<void> validateIdempotencyKey(const QString &key)
{
    const QString field = QStringLiteral("idempotencyKey");
    if (key.isEmpty() || key.size() > limits::kMaxIdempotencyKeyLength)
        return Error::invalidArgument(QStringLiteral("idempotencyKey must be 1–%1 characters").arg(limits::kMaxIdempotencyKeyLength), field);
    for (QChar c : key)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return Error::invalidArgument(QStringLiteral("idempotencyKey must be printable ASCII"), field);
    return {};
}

QJsonObject messageResource(const MessageInfo &m)
{
    const auto text = json::textOrNull;
    const auto time = json::timeOrNull;
    QJsonObject o{{QStringLiteral("id"), m.id},
                  {QStringLiteral("sessionId"), m.sessionId},
                  {QStringLiteral("organizationId"), m.organizationId},
                  {QStringLiteral("direction"), messageDirectionName(m.direction)},
                  {QStringLiteral("waMessageId"), m.waMessageId},
                  {QStringLiteral("chat"), m.chat},
                  {QStringLiteral("chatLid"), text(m.chatLid)},
                  {QStringLiteral("phoneNumber"), text(m.phoneNumber)},
                  {QStringLiteral("type"), m.type},
                  {QStringLiteral("text"), m.type == QLatin1String("text") ? QJsonValue(m.text) : QJsonValue(QJsonValue::Null)},
                  {QStringLiteral("status"), messageStatusName(m.status)},
                  {QStringLiteral("createdAt"), m.createdAt},
                  {QStringLiteral("sentAt"), time(m.sentAt)},
                  {QStringLiteral("deliveredAt"), time(m.deliveredAt)},
                  {QStringLiteral("readAt"), time(m.readAt)},
                  {QStringLiteral("error"), QJsonValue(QJsonValue::Null)}};
    if (m.direction == MessageDirection::Out) {
        o.insert(QStringLiteral("idempotencyKey"), text(m.idempotencyKey));
        o.insert(QStringLiteral("expiresAt"), time(m.expiresAt));
    } else {
        o.insert(QStringLiteral("sender"), text(m.sender));
        o.insert(QStringLiteral("senderLid"), text(m.senderLid));
        o.insert(QStringLiteral("pushName"), text(m.pushName));
    }
    if (!m.waType.isEmpty())
        o.insert(QStringLiteral("waType"), m.waType);
    if (m.error) {
        QJsonObject e{{QStringLiteral("code"), m.error->code},
                      {QStringLiteral("message"), m.error->message},
                      {QStringLiteral("at"), m.error->at}};
        if (m.error->waCode)
            e.insert(QStringLiteral("details"), QJsonObject{{QStringLiteral("waCode"), m.error->waCode}});
        o.insert(QStringLiteral("error"), e);
    }
    return o;
}

QByteArray incomingMessageToJson(const IncomingMessage &m)
{
    const QJsonObject o{{QStringLiteral("id"), m.id},
                        {QStringLiteral("chat"), m.chat},
                        {QStringLiteral("chatLid"), m.chatLid},
                        {QStringLiteral("sender"), m.sender},
                        {QStringLiteral("senderPn"), m.senderPn},
                        {QStringLiteral("senderLid"), m.senderLid},
                        {QStringLiteral("senderDevice"), m.senderDevice},
                        {QStringLiteral("pushName"), m.pushName},
                        {QStringLiteral("fromMe"), m.fromMe},
                        {QStringLiteral("offline"), m.offline},
                        {QStringLiteral("isGroup"), m.isGroup},
                        {QStringLiteral("type"), m.type},
                        {QStringLiteral("waType"), m.waType},
                        {QStringLiteral("text"), m.text},
                        {QStringLiteral("at"), m.at}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<IncomingMessage> incomingMessageFromJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    IncomingMessage m;
    m.id = o.value(QStringLiteral("id")).toString();
    if (m.id.isEmpty())
        return std::nullopt;
    m.chat = o.value(QStringLiteral("chat")).toString();
    m.chatLid = o.value(QStringLiteral("chatLid")).toString();
    m.sender = o.value(QStringLiteral("sender")).toString();
    m.senderPn = o.value(QStringLiteral("senderPn")).toString();
    m.senderLid = o.value(QStringLiteral("senderLid")).toString();
    m.senderDevice = o.value(QStringLiteral("senderDevice")).toString();
    m.pushName = o.value(QStringLiteral("pushName")).toString();
    m.fromMe = o.value(QStringLiteral("fromMe")).toBool();
    m.offline = o.value(QStringLiteral("offline")).toBool();
    m.isGroup = o.value(QStringLiteral("isGroup")).toBool();
    m.type = o.value(QStringLiteral("type")).toString();
    m.waType = o.value(QStringLiteral("waType")).toString();
    m.text = o.value(QStringLiteral("text")).toString();
    m.at = qint64(o.value(QStringLiteral("at")).toDouble());
    return m;
}

} // namespace wagate
