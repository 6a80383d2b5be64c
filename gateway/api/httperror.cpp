#include "httperror.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wagate {

int httpStatus(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return 400;
    case ErrorCode::Unauthorized: return 401;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::FailedPrecondition: return 409;
    case ErrorCode::AlreadyExists: return 409;
    case ErrorCode::PayloadTooLarge: return 413;
    case ErrorCode::UnsupportedMediaType: return 415;
    case ErrorCode::RateLimited: return 429;
    case ErrorCode::Internal: return 500;
    case ErrorCode::Unavailable: return 503;
    }
    return 500;
}

HttpResponse errorResponse(const Error &error)
{
    HttpResponse r;
    r.status = httpStatus(error.code);
    QJsonObject details = error.details;
    if (error.code == ErrorCode::Unauthorized)
        r.headers.append({QByteArray("WWW-Authenticate"), "Bearer realm=\"wagate\""});
    if (error.code == ErrorCode::RateLimited || error.code == ErrorCode::Unavailable) {
        const int retry = details.value(QStringLiteral("retryAfterSeconds")).toInt(0);
        if (retry > 0)
            r.headers.append({QByteArray("Retry-After"), QByteArray::number(retry)});
    }
    r.body = errorResponse(r.status, errorCodeName(error.code), error.message, details).body;
    return r;
}

HttpResponse errorResponse(int status, const QString &code, const QString &message, const QJsonObject &details)
{
    HttpResponse r;
    r.status = status;
    const QJsonObject envelope{{QStringLiteral("error"),
                                QJsonObject{{QStringLiteral("code"), code},
                                            {QStringLiteral("message"), message},
                                            {QStringLiteral("details"), details}}}};
    r.body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    return r;
}

} // namespace wagate
