#pragma once

#include "core/result.h"
#include "httptypes.h"

#include <QJsonObject>

#include <optional>

namespace wagate::json {

//! The request body as a JSON object: 415 when it is not application/json, 400 when it does not
//! parse or is not an object. An empty body is an empty object when allowEmpty.
Result<QJsonObject> objectBody(const HttpRequest &request, bool allowEmpty = false);

//! Typed readers that name the offending field in the error's details. Absent or null → nullopt.
Result<std::optional<bool>> optionalBool(const QJsonObject &o, const QString &field);
Result<std::optional<int>> optionalInt(const QJsonObject &o, const QString &field);
Result<std::optional<QString>> optionalString(const QJsonObject &o, const QString &field);
Result<QString> requiredString(const QJsonObject &o, const QString &field);
Result<std::optional<QStringList>> optionalStringList(const QJsonObject &o, const QString &field);

} // namespace wagate::json
