#pragma once

#include "core/error.h"
#include "httptypes.h"

namespace wagate {

//! The one place where an Error becomes an HTTP status and the envelope of API.md:
//! {"error": {"code": "not_found", "message": "session not found", "details": {}}}.
int httpStatus(ErrorCode code);
HttpResponse errorResponse(const Error &error);
//! For the few protocol-level answers outside ErrorCode (405 method_not_allowed).
HttpResponse errorResponse(int status, const QString &code, const QString &message, const QJsonObject &details = {});

} // namespace wagate
