#include "jsonbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace wagate::json {

namespace {

Error wrongType(const QString &field, const char *expected)
{
    Error e = Error::invalidArgument(QStringLiteral("%1 must be %2").arg(field, QLatin1StringView(expected)), field);
    return e;
}

} // namespace

Result<QJsonObject> objectBody(const HttpRequest &request, bool allowEmpty)
{
    if (request.body.trimmed().isEmpty()) {
        if (allowEmpty)
            return QJsonObject();
        return Error::invalidArgument(QStringLiteral("a JSON object body is required"));
    }
    const QByteArray type = request.header("Content-Type").trimmed().toLower();
    const QByteArray mime = type.left(type.indexOf(';') < 0 ? type.size() : type.indexOf(';')).trimmed();
    if (mime != "application/json") {
        return Error::unsupportedMediaType(QStringLiteral("the body must be application/json"), QString::fromLatin1(mime));
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
    if (err.error != QJsonParseError::NoError) {
        Error e = Error::invalidArgument(QStringLiteral("malformed JSON: %1").arg(err.errorString()));
        e.details.insert(QStringLiteral("offset"), err.offset);
        return e;
    }
    if (!doc.isObject())
        return Error::invalidArgument(QStringLiteral("the body must be a JSON object"));
    return doc.object();
}

Result<std::optional<bool>> optionalBool(const QJsonObject &o, const QString &field)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return std::optional<bool>();
    if (!v.isBool())
        return wrongType(field, "a boolean");
    return std::optional<bool>(v.toBool());
}

Result<std::optional<int>> optionalInt(const QJsonObject &o, const QString &field)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return std::optional<int>();
    if (!v.isDouble())
        return wrongType(field, "an integer");
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d)
        return wrongType(field, "an integer");
    if (d < -2147483648.0 || d > 2147483647.0)
        return Error::invalidArgument(QStringLiteral("%1 is out of range").arg(field), field);
    return std::optional<int>(int(d));
}

Result<std::optional<QString>> optionalString(const QJsonObject &o, const QString &field)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return std::optional<QString>();
    if (!v.isString())
        return wrongType(field, "a string");
    return std::optional<QString>(v.toString());
}

Result<QString> requiredString(const QJsonObject &o, const QString &field)
{
    auto v = optionalString(o, field);
    if (!v)
        return v.error();
    if (!v->has_value())
        return Error::invalidArgument(QStringLiteral("%1 is required").arg(field), field);
    return **v;
}

Result<std::optional<QStringList>> optionalStringList(const QJsonObject &o, const QString &field)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return std::optional<QStringList>();
    if (!v.isArray())
        return wrongType(field, "an array of strings");
    QStringList out;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return wrongType(field, "an array of strings");
        out << item.toString();
    }
    return std::optional<QStringList>(out);
}

} // namespace wagate::json
