#pragma once

#include <QJsonValue>
#include <QString>

namespace wagate::json {

//! The API's nulls: an empty text or a zero time is `null` on the wire.
inline QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
inline QJsonValue timeOrNull(qint64 t)
{
    return t == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(t);
}

} // namespace wagate::json
