#include "authenticator.h"

#include "apikeys.h"
#include "core/logging.h"
#include "jwt.h"
#include "jwtverifier.h"


namespace wagate {

Authenticator::Authenticator(ApiKeyService &apiKeys, JwtVerifier &jwt) : m_apiKeys(apiKeys), m_jwt(jwt) {}

Result<QString> Authenticator::bearerToken(const QString &header)
{
    const QString value = header.trimmed();
    if (value.isEmpty())
        return Error::unauthorized(QStringLiteral("missing bearer token"));
    if (value.compare(QLatin1StringView("Bearer"), Qt::CaseInsensitive) == 0)
        return Error::unauthorized(QStringLiteral("missing bearer token"));
    const qsizetype space = value.indexOf(u' ');
    if (space <= 0 || value.left(space).compare(QLatin1StringView("Bearer"), Qt::CaseInsensitive) != 0)
        return Error::unauthorized(QStringLiteral("authorization must use the Bearer scheme"));
    const QString token = value.mid(space + 1).trimmed();
    if (token.isEmpty())
        return Error::unauthorized(QStringLiteral("missing bearer token"));
    if (token.size() > jwtlimits::kMaxTokenBytes)
        return Error::unauthorized(QStringLiteral("token too large"));
    for (QChar c : token) {
        // RFC 6750 b64token characters; anything else (spaces, controls, non-ASCII) is malformed.
        const ushort u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-'
                        || u == '.' || u == '_' || u == '~' || u == '+' || u == '/' || u == '=';
        if (!ok)
            return Error::unauthorized(QStringLiteral("malformed bearer token"));
    }
    return token;
}

void Authenticator::authenticate(const QString &header, Callback done)
{
    auto token = bearerToken(header);
    if (!token) {
        qCDebug(lcAuth).noquote() << "request rejected:" << token.error().message;
        return done(token.error());
    }
    if (ApiKeyService::looksLikeApiKey(*token))
        return done(m_apiKeys.verify(*token));
    m_jwt.verify(*token, std::move(done));
}

} // namespace wagate
