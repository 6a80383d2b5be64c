#include "error.h"

#include <algorithm>

namespace wagate {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid_argument");
    case ErrorCode::Unauthorized: return QStringLiteral("unauthorized");
    case ErrorCode::Forbidden: return QStringLiteral("forbidden");
    case ErrorCode::NotFound: return QStringLiteral("not_found");
    case ErrorCode::FailedPrecondition: return QStringLiteral("failed_precondition");
    case ErrorCode::AlreadyExists: return QStringLiteral("already_exists");
    case ErrorCode::PayloadTooLarge: return QStringLiteral("payload_too_large");
    case ErrorCode::UnsupportedMediaType: return QStringLiteral("unsupported_media_type");
    case ErrorCode::RateLimited: return QStringLiteral("rate_limited");
    case ErrorCode::Internal: return QStringLiteral("internal");
    case ErrorCode::Unavailable: return QStringLiteral("unavailable");
    }
    return QStringLiteral("internal");
}

Error Error::invalidArgument(const QString &message, const QString &field)
{
    Error e{ErrorCode::InvalidArgument, message, {}};
    if (!field.isEmpty())
        e.details.insert(QStringLiteral("field"), field);
    return e;
}

Error Error::notFound(const QString &message) { return {ErrorCode::NotFound, message, {}}; }
Error Error::failedPrecondition(const QString &message) { return {ErrorCode::FailedPrecondition, message, {}}; }
Error Error::forbidden(const QString &message) { return {ErrorCode::Forbidden, message, {}}; }
Error Error::unauthorized(const QString &message) { return {ErrorCode::Unauthorized, message, {}}; }
Error Error::alreadyExists(const QString &message) { return {ErrorCode::AlreadyExists, message, {}}; }
Error Error::internal(const QString &message) { return {ErrorCode::Internal, message, {}}; }
Error Error::unavailable(const QString &message) { return {ErrorCode::Unavailable, message, {}}; }
Error Error::payloadTooLarge(const QString &message) { return {ErrorCode::PayloadTooLarge, message, {}}; }

Error Error::missingCapability(const QString &capability)
{
    Error e{ErrorCode::Forbidden, QStringLiteral("this credential lacks the %1 capability").arg(capability), {}};
    e.details.insert(QStringLiteral("capability"), capability);
    return e;
}

Error Error::rateLimited(const QString &message, qint64 retryAfterSeconds)
{
    Error e{ErrorCode::RateLimited, message, {}};
    e.details.insert(QStringLiteral("retryAfterSeconds"), double(std::max<qint64>(1, retryAfterSeconds)));
    return e;
}

Error Error::unsupportedMediaType(const QString &message, const QString &contentType)
{
    Error e{ErrorCode::UnsupportedMediaType, message, {}};
    e.details.insert(QStringLiteral("contentType"), contentType);
    return e;
}

} // namespace wagate
