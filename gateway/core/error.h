#pragma once

#include <QJsonObject>
#include <QString>

namespace wagate {

//! The one error vocabulary of the gateway. Every layer returns these; the HTTP layer maps them to
//! status codes and the error envelope in exactly one place (api/httperror.cpp).
enum class ErrorCode {
    InvalidArgument,
    Unauthorized,
    Forbidden,
    NotFound,
    FailedPrecondition,
    AlreadyExists,
    PayloadTooLarge,
    UnsupportedMediaType,
    RateLimited,
    Internal,
    Unavailable,
};

//! The wire name of a code, e.g. "failed_precondition".
QString errorCodeName(ErrorCode code);

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QJsonObject details;

    static Error invalidArgument(const QString &message, const QString &field = {});
    static Error notFound(const QString &message);
    static Error failedPrecondition(const QString &message);
    static Error forbidden(const QString &message);
    static Error unauthorized(const QString &message);
    static Error alreadyExists(const QString &message);
    static Error internal(const QString &message);
    static Error unavailable(const QString &message);
    //! forbidden, naming the capability the caller lacks in the message and in details.capability.
    static Error missingCapability(const QString &capability);
    //! rate_limited; details.retryAfterSeconds (at least 1) becomes the Retry-After header.
    static Error rateLimited(const QString &message, qint64 retryAfterSeconds);
    static Error unsupportedMediaType(const QString &message, const QString &contentType);
    static Error payloadTooLarge(const QString &message);
};

} // namespace wagate
