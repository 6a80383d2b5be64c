#include "controlapi.h"

#include "phone.h"
#include "wasimjson.h"
#include "wasimlogging.h"
#include "wasimserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimer>
#include <QUrl>

namespace wagate::wasim {

namespace {

constexpr int kDefaultWaitMs = 15000;
constexpr int kMaxWaitMs = 300000;
constexpr qsizetype kMaxOutcomes = 1000;

int statusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return 400;
    case ErrorCode::Unauthorized: return 401;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::AlreadyExists: return 409;
    case ErrorCode::FailedPrecondition: return 409;
    case ErrorCode::PayloadTooLarge: return 413;
    case ErrorCode::UnsupportedMediaType: return 415;
    case ErrorCode::RateLimited: return 429;
    case ErrorCode::Internal: return 500;
    case ErrorCode::Unavailable: return 503;
    }
    return 500;
}

//! The body as a JSON object; an empty body is {} when `emptyOk`.
Result<QJsonObject> jsonBody(const QByteArray &body, bool emptyOk)
{
    if (body.trimmed().isEmpty()) {
        if (emptyOk)
            return QJsonObject{};
        return Error::invalidArgument(QStringLiteral("a JSON object body is required"));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalidArgument(QStringLiteral("the body is not valid JSON: %1 at offset %2")
                                          .arg(parseError.errorString())
                                          .arg(parseError.offset));
    if (!doc.isObject())
        return Error::invalidArgument(QStringLiteral("the body must be a JSON object"));
    return doc.object();
}

//! Refuses fields outside `allowed` (a typo must not silently do nothing).
std::optional<Error> onlyFields(const QJsonObject &object, std::initializer_list<const char *> allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (const char *name : allowed)
            known = known || it.key() == QLatin1String(name);
        if (!known)
            return Error::invalidArgument(QStringLiteral("%1: unknown field").arg(it.key()), it.key());
    }
    return std::nullopt;
}

std::optional<Error> typeError(const QJsonObject &object, const char *field, QJsonValue::Type type, bool required)
{
    const QString name = QString::fromLatin1(field);
    if (!object.contains(name)) {
        if (required)
            return Error::invalidArgument(QStringLiteral("%1 is required").arg(name), name);
        return std::nullopt;
    }
    if (object.value(name).type() != type) {
        const char *expected = type == QJsonValue::String ? "a string" : type == QJsonValue::Bool ? "a boolean"
                                                                                                  : "a number";
        return Error::invalidArgument(QStringLiteral("%1 must be %2").arg(name, QLatin1String(expected)), name);
    }
    return std::nullopt;
}

Result<QByteArray> keyField(const QJsonObject &object, const char *field, bool required)
{
    if (auto e = typeError(object, field, QJsonValue::String, required))
        return *e;
    const QString name = QString::fromLatin1(field);
    if (!object.contains(name))
        return QByteArray();
    const auto decoded = QByteArray::fromBase64Encoding(object.value(name).toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 32)
        return Error::invalidArgument(QStringLiteral("%1 must be base64 of 32 bytes").arg(name), name);
    return decoded.decoded;
}

//! A device given as its index ("12") or its JID ("491701234567:12@s.whatsapp.net").
std::optional<quint16> deviceIndex(const QString &phone, const QString &segment)
{
    bool ok = false;
    const uint index = segment.toUInt(&ok);
    if (ok && index >= 1 && index <= 255)
        return quint16(index);
    const auto jid = wa::Jid::parse(segment);
    if (jid && jid->server() == wa::JidServer::User && jid->user() == phone && jid->device() >= 1)
        return jid->device();
    return std::nullopt;
}

//! A device JID filter from a body's "device" field; invalid Jid = all.
Result<wa::Jid> deviceFilter(const QJsonObject &body)
{
    if (auto e = typeError(body, "device", QJsonValue::String, false))
        return *e;
    if (!body.contains(QStringLiteral("device")))
        return wa::Jid();
    const auto jid = wa::Jid::parse(body.value(QStringLiteral("device")).toString());
    if (!jid || jid->server() != wa::JidServer::User || jid->device() == 0)
        return Error::invalidArgument(QStringLiteral("device must be a device JID like 491701234567:12@s.whatsapp.net"),
                                      QStringLiteral("device"));
    return *jid;
}

Result<StreamError> streamErrorFrom(const QJsonValue &value)
{
    const QString text = value.isDouble() ? QString::number(value.toInt()) : value.toString();
    if (text == QLatin1String("replaced"))
        return StreamError::replaced();
    if (text == QLatin1String("device_removed"))
        return StreamError::deviceRemoved();
    bool ok = false;
    const int code = text.toInt(&ok);
    if (ok && code >= 100 && code <= 999)
        return StreamError{code, {}};
    return Error::invalidArgument(QStringLiteral("code must be \"replaced\", \"device_removed\" or a number from 100 to "
                                                 "999 such as 515 or 503"),
                                  QStringLiteral("code"));
}

} // namespace

ControlReply ControlReply::fromError(const Error &error)
{
    return ControlReply::error(statusFor(error.code), errorCodeName(error.code), error.message, error.details);
}

ControlReply ControlReply::error(int status, const QString &code, const QString &message, QJsonObject details)
{
    return {status, {{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                          {QStringLiteral("message"), message},
                                                          {QStringLiteral("details"), details}}}}};
}

ControlApi::ControlApi(WasimServer *server, QObject *parent) : QObject(parent), m_server(server)
{
    connect(server, &WasimServer::pairingSucceeded, this, &ControlApi::onPairingSucceeded);
    connect(server, &WasimServer::pairingFailed, this, &ControlApi::onPairingFailed);
}

void ControlApi::handle(const ControlRequest &request, Respond respond)
{
    if (!m_server) {
        respond(ControlReply::error(503, QStringLiteral("unavailable"), QStringLiteral("the simulator is shutting down")));
        return;
    }
    QString path = request.path;
    if (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    QStringList segments;
    for (const QString &raw : path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        segments.append(QUrl::fromPercentEncoding(raw.toUtf8()));
    // A custom verb ("/phones/N:scan", "/connections:drop") sits on the last segment of a
    // collection or resource name; device JIDs (which contain ':') are never followed by a verb.
    QString verb;
    const bool messageVerb = segments.size() == 4 && segments[0] == QLatin1String("phones")
                             && segments[2] == QLatin1String("messages");
    if ((segments.size() == 1 || (segments.size() == 2 && segments[0] == QLatin1String("phones")) || messageVerb)
        && segments.last().contains(QLatin1Char(':'))) {
        const qsizetype colon = segments.last().lastIndexOf(QLatin1Char(':'));
        verb = segments.last().mid(colon + 1);
        segments.last().truncate(colon);
    }
    route(request, segments, verb, respond);
    if (respond) // a route that neither answered nor kept the responder
        respond(ControlReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such route")));
}

void ControlApi::route(const ControlRequest &request, const QStringList &seg, const QString &verb, Respond &respond)
{
    const QByteArray &method = request.method;
    auto reply = [&respond](const ControlReply &r) { std::exchange(respond, nullptr)(r); };
    auto fail = [&](const Error &e) { reply(ControlReply::fromError(e)); };
    auto methodNotAllowed = [&](const char *allowed) {
        reply(ControlReply::error(405, QStringLiteral("method_not_allowed"),
                                  QStringLiteral("use %1 here").arg(QLatin1String(allowed))));
    };
    auto body = [&](bool emptyOk) { return jsonBody(request.body, emptyOk); };
    const qsizetype n = seg.size();
    const QString head = n ? seg[0] : QString();

    // GET /info
    if (n == 1 && head == QLatin1String("info") && verb.isEmpty()) {
        if (method != "GET")
            return methodNotAllowed("GET");
        return reply({200, {{QStringLiteral("url"), m_server->url().toString()},
                            {QStringLiteral("rootKey"), QString::fromLatin1(m_server->rootPublicKey().toHex())}}});
    }

    // /stats, /stats:reset
    if (n == 1 && head == QLatin1String("stats")) {
        if (verb.isEmpty()) {
            if (method != "GET")
                return methodNotAllowed("GET");
            return reply({200, json::toJson(m_server->stats())});
        }
        if (verb == QLatin1String("reset")) {
            if (method != "POST")
                return methodNotAllowed("POST");
            m_server->resetStats();
            return reply({200, json::toJson(m_server->stats())});
        }
        return;
    }

    // /faults
    if (n == 1 && head == QLatin1String("faults") && verb.isEmpty()) {
        if (method == "GET")
            return reply({200, json::toJson(m_server->faults())});
        if (method == "DELETE") {
            m_server->resetFaults();
            return reply({200, json::toJson(m_server->faults())});
        }
        if (method == "PUT" || method == "PATCH") {
            const auto object = body(false);
            if (!object)
                return fail(object.error());
            const auto faults = json::applyFaults(*object, method == "PUT" ? m_server->defaultFaults() : m_server->faults());
            if (!faults)
                return fail(faults.error());
            m_server->setFaults(*faults);
            return reply({200, json::toJson(m_server->faults())});
        }
        return methodNotAllowed("GET, PUT, PATCH or DELETE");
    }

    // /connections, /connections:drop, /connections:stream-error
    if (n == 1 && head == QLatin1String("connections")) {
        if (verb.isEmpty()) {
            if (method != "GET")
                return methodNotAllowed("GET");
            QJsonArray list;
            for (const ConnectionInfo &c : m_server->connections())
                list.append(json::toJson(c));
            return reply({200, {{QStringLiteral("connections"), list}}});
        }
        if (verb != QLatin1String("drop") && verb != QLatin1String("stream-error"))
            return;
        if (method != "POST")
            return methodNotAllowed("POST");
        const bool isDrop = verb == QLatin1String("drop");
        const auto object = body(isDrop);
        if (!object)
            return fail(object.error());
        if (auto e = onlyFields(*object, isDrop ? std::initializer_list<const char *>{"device"}
                                                : std::initializer_list<const char *>{"device", "code"}))
            return fail(*e);
        const auto device = deviceFilter(*object);
        if (!device)
            return fail(device.error());
        if (isDrop)
            return reply({200, {{QStringLiteral("dropped"), m_server->dropConnections(*device)}}});
        if (!object->contains(QStringLiteral("code")))
            return fail(Error::invalidArgument(QStringLiteral("code is required"), QStringLiteral("code")));
        const auto error = streamErrorFrom(object->value(QStringLiteral("code")));
        if (!error)
            return fail(error.error());
        return reply({200, {{QStringLiteral("ended"), m_server->sendStreamError(*error, *device)}}});
    }

    // /pairings/{ticket}
    if (n == 2 && head == QLatin1String("pairings") && verb.isEmpty()) {
        if (method != "GET")
            return methodNotAllowed("GET");
        bool ok = false;
        const quint64 ticket = seg[1].toULongLong(&ok);
        if (!ok || !m_outcomes.contains(ticket))
            return fail(Error::notFound(QStringLiteral("no such pairing")));
        return reply({200, outcomeJson(ticket, m_outcomes.value(ticket))});
    }

    if (head != QLatin1String("phones"))
        return;

    // /phones
    if (n == 1 && verb.isEmpty()) {
        if (method == "GET") {
            QJsonArray list;
            for (const PhoneInfo &p : m_server->phones())
                list.append(json::toJson(p));
            return reply({200, {{QStringLiteral("phones"), list}}});
        }
        if (method != "POST")
            return methodNotAllowed("GET or POST");
        const auto object = body(false);
        if (!object)
            return fail(object.error());
        if (auto e = onlyFields(*object, {"phoneNumber", "pushName", "business"}))
            return fail(*e);
        if (auto e = typeError(*object, "phoneNumber", QJsonValue::String, true))
            return fail(*e);
        if (auto e = typeError(*object, "pushName", QJsonValue::String, false))
            return fail(*e);
        if (auto e = typeError(*object, "business", QJsonValue::Bool, false))
            return fail(*e);
        const auto phone = m_server->addPhone(object->value(QStringLiteral("phoneNumber")).toString(),
                                              object->value(QStringLiteral("pushName")).toString(),
                                              object->value(QStringLiteral("business")).toBool());
        if (!phone)
            return fail(phone.error());
        return reply({201, json::toJson(*phone)});
    }
    if (n < 2)
        return;
    const QString phone = seg[1];
    if (!m_server->phone(phone))
        return fail(Error::notFound(QStringLiteral("no phone with this number")));

    // /phones/{phone}, /phones/{phone}:scan, /phones/{phone}:enter-code
    if (n == 2) {
        if (verb.isEmpty()) {
            if (method != "GET")
                return methodNotAllowed("GET");
            return reply({200, json::toJson(*m_server->phone(phone))});
        }
        if (verb == QLatin1String("reinstall")) {
            if (method != "POST")
                return methodNotAllowed("POST");
            const auto info = m_server->reinstallPhone(phone);
            if (!info)
                return fail(info.error());
            return reply({200, json::toJson(*info)});
        }
        if (verb == QLatin1String("fail-decrypt")) {
            if (method != "POST")
                return methodNotAllowed("POST");
            const auto object = body(true);
            if (!object)
                return fail(object.error());
            if (auto e = onlyFields(*object, {"count"}))
                return fail(*e);
            if (auto e = typeError(*object, "count", QJsonValue::Double, false))
                return fail(*e);
            const int count = object->value(QStringLiteral("count")).toInt(1);
            if (auto r = m_server->failPhoneDecryptions(phone, count); !r)
                return fail(r.error());
            return reply({200, {{QStringLiteral("failDecryptions"), count}}});
        }
        if (verb != QLatin1String("scan") && verb != QLatin1String("enter-code"))
            return;
        if (method != "POST")
            return methodNotAllowed("POST");
        const auto object = body(false);
        if (!object)
            return fail(object.error());
        return startPairing(phone, verb, *object, std::exchange(respond, nullptr));
    }

    // /phones/{phone}/messages, /phones/{phone}/messages/{id}:read, /phones/{phone}/sent
    if (seg[2] == QLatin1String("messages")) {
        if (n == 3 && verb.isEmpty()) {
            if (method == "GET") {
                const auto messages = m_server->phoneMessages(phone);
                if (!messages)
                    return fail(messages.error());
                QJsonArray list;
                for (const PhoneMessage &m : *messages)
                    list.append(json::toJson(m));
                return reply({200, {{QStringLiteral("messages"), list}}});
            }
            if (method != "POST")
                return methodNotAllowed("GET or POST");
            const auto object = body(false);
            if (!object)
                return fail(object.error());
            if (auto e = onlyFields(*object, {"to", "text", "repeat"}))
                return fail(*e);
            if (auto e = typeError(*object, "to", QJsonValue::String, true))
                return fail(*e);
            if (auto e = typeError(*object, "text", QJsonValue::String, true))
                return fail(*e);
            if (auto e = typeError(*object, "repeat", QJsonValue::Double, false))
                return fail(*e);
            // "repeat": N sends N texts (the text with " #i" appended), for benchmarks.
            const double repeat = object->value(QStringLiteral("repeat")).toDouble(0);
            if (repeat < 0 || repeat > 100000 || repeat != double(qint64(repeat)))
                return fail(Error::invalidArgument(QStringLiteral("repeat must be an integer from 1 to 100000"),
                                                   QStringLiteral("repeat")));
            const QString to = object->value(QStringLiteral("to")).toString();
            const QString text = object->value(QStringLiteral("text")).toString();
            if (repeat == 0) {
                const auto id = m_server->phoneSendText(phone, to, text);
                if (!id)
                    return fail(id.error());
                return reply({201, {{QStringLiteral("id"), *id}}});
            }
            QJsonArray ids;
            for (qint64 i = 0; i < qint64(repeat); ++i) {
                const auto id = m_server->phoneSendText(phone, to, text + QStringLiteral(" #%1").arg(i));
                if (!id)
                    return fail(id.error());
                ids.append(*id);
            }
            return reply({201, {{QStringLiteral("id"), ids.first()}, {QStringLiteral("ids"), ids}}});
        }
        if (n == 4 && verb == QLatin1String("read")) {
            if (method != "POST")
                return methodNotAllowed("POST");
            const auto m = m_server->phoneReadMessage(phone, seg[3]);
            if (!m)
                return fail(m.error());
            return reply({200, json::toJson(*m)});
        }
        return;
    }
    if (seg[2] == QLatin1String("sent") && n == 3 && verb.isEmpty()) {
        if (method != "GET")
            return methodNotAllowed("GET");
        const auto sent = m_server->phoneSentMessages(phone);
        if (!sent)
            return fail(sent.error());
        QJsonArray list;
        for (const PhoneSentMessage &m : *sent)
            list.append(json::toJson(m));
        return reply({200, {{QStringLiteral("messages"), list}}});
    }

    // /phones/{phone}/devices[/{device}]
    if (seg[2] != QLatin1String("devices") || !verb.isEmpty())
        return;
    if (n == 3) {
        if (method == "GET") {
            const auto devices = m_server->devices(phone);
            if (!devices)
                return fail(devices.error());
            QJsonArray list;
            for (const DeviceInfo &d : *devices)
                list.append(json::toJson(d));
            return reply({200, {{QStringLiteral("devices"), list}}});
        }
        if (method != "POST")
            return methodNotAllowed("GET or POST");
        const auto object = body(false);
        if (!object)
            return fail(object.error());
        if (auto e = onlyFields(*object, {"noiseKey", "identityKey"}))
            return fail(*e);
        const auto noiseKey = keyField(*object, "noiseKey", true);
        if (!noiseKey)
            return fail(noiseKey.error());
        const auto identityKey = keyField(*object, "identityKey", false);
        if (!identityKey)
            return fail(identityKey.error());
        const auto device = m_server->registerDevice(phone, *noiseKey, *identityKey);
        if (!device)
            return fail(device.error());
        return reply({201, json::toJson(*device)});
    }
    if (n == 4) {
        if (method != "DELETE")
            return methodNotAllowed("DELETE");
        const auto index = deviceIndex(phone, seg[3]);
        if (!index)
            return fail(Error::invalidArgument(QStringLiteral("the device must be an index 1-255 or this phone's device "
                                                              "JID"),
                                               QStringLiteral("device")));
        const auto removed = m_server->unlinkDevice(phone, *index);
        if (!removed)
            return fail(removed.error());
        return reply({200, json::toJson(*removed)});
    }
}

void ControlApi::startPairing(const QString &phone, const QString &verb, const QJsonObject &body, Respond respond)
{
    const bool scan = verb == QLatin1String("scan");
    const char *field = scan ? "qr" : "code";
    auto fail = [&](const Error &e) { respond(ControlReply::fromError(e)); };
    if (auto e = onlyFields(body, {field, "wait", "timeoutMs"}))
        return fail(*e);
    if (auto e = typeError(body, field, QJsonValue::String, true))
        return fail(*e);
    if (auto e = typeError(body, "wait", QJsonValue::Bool, false))
        return fail(*e);
    if (auto e = typeError(body, "timeoutMs", QJsonValue::Double, false))
        return fail(*e);
    const bool wait = body.value(QStringLiteral("wait")).toBool(true);
    const double timeout = body.value(QStringLiteral("timeoutMs")).toDouble(kDefaultWaitMs);
    if (timeout < 1 || timeout > kMaxWaitMs || timeout != double(qint64(timeout)))
        return fail(Error::invalidArgument(QStringLiteral("timeoutMs must be an integer from 1 to %1").arg(kMaxWaitMs),
                                           QStringLiteral("timeoutMs")));

    const QString value = body.value(QString::fromLatin1(field)).toString();
    const auto ticket = scan ? m_server->scanQr(phone, value) : m_server->enterCode(phone, value);
    if (!ticket)
        return fail(ticket.error());
    remember(ticket->id, {QStringLiteral("pending"), phone, {}, {}});
    if (!wait) {
        respond({202, outcomeJson(ticket->id, m_outcomes.value(ticket->id))});
        return;
    }
    const quint64 id = ticket->id;
    m_waiters.insert(id, {std::move(respond), phone});
    QTimer::singleShot(int(timeout), this, [this, id] {
        auto it = m_waiters.find(id);
        if (it == m_waiters.end())
            return;
        Respond r = std::move(it->respond);
        m_waiters.erase(it);
        r(ControlReply::error(504, QStringLiteral("timeout"),
                              QStringLiteral("the companion did not finish the pairing in time; see GET /pairings/%1")
                                  .arg(id),
                              {{QStringLiteral("ticket"), QString::number(id)}}));
    });
}

void ControlApi::remember(quint64 ticket, Outcome outcome)
{
    if (!m_outcomes.contains(ticket))
        m_outcomeOrder.append(ticket);
    m_outcomes.insert(ticket, std::move(outcome));
    while (m_outcomeOrder.size() > kMaxOutcomes)
        m_outcomes.remove(m_outcomeOrder.takeFirst());
}

QJsonObject ControlApi::outcomeJson(quint64 ticket, const Outcome &outcome) const
{
    QJsonObject o{{QStringLiteral("ticket"), QString::number(ticket)},
                  {QStringLiteral("phoneNumber"), outcome.phone},
                  {QStringLiteral("status"), outcome.status}};
    if (!outcome.device.isEmpty())
        o.insert(QStringLiteral("device"), outcome.device);
    if (!outcome.reason.isEmpty())
        o.insert(QStringLiteral("reason"), outcome.reason);
    return o;
}

void ControlApi::onPairingSucceeded(quint64 ticket, const DeviceInfo &device)
{
    Outcome outcome{QStringLiteral("paired"), device.phone, json::toJson(device), {}};
    remember(ticket, outcome);
    if (auto it = m_waiters.find(ticket); it != m_waiters.end()) {
        Respond r = std::move(it->respond);
        m_waiters.erase(it);
        r({200, outcomeJson(ticket, outcome)});
    }
}

void ControlApi::onPairingFailed(quint64 ticket, const QString &phone, const QString &reason)
{
    Outcome outcome{QStringLiteral("failed"), phone, {}, reason};
    remember(ticket, outcome);
    if (auto it = m_waiters.find(ticket); it != m_waiters.end()) {
        Respond r = std::move(it->respond);
        m_waiters.erase(it);
        r(ControlReply::error(409, QStringLiteral("pairing_failed"), QStringLiteral("the pairing failed: %1").arg(reason),
                              outcomeJson(ticket, outcome)));
    }
}

} // namespace wagate::wasim
