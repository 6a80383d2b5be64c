#include "jwt.h"

#include "core/ids.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace wagate {

namespace {

Error rejected(const char *message)
{
    return Error::unauthorized(QString::fromLatin1(message));
}

std::optional<QJsonObject> jsonObject(const QByteArray &bytes)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

//! A NumericDate (RFC 7519 §2): a finite number of seconds; fractions allowed.
std::optional<double> numericDate(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < 0 || d > 253402300799.0) // year 9999
        return std::nullopt;
    return d;
}

} // namespace

Result<JwtParts> parseCompactJwt(QByteArrayView token)
{
    if (token.size() > jwtlimits::kMaxTokenBytes)
        return rejected("token too large");
    const qsizetype dot1 = token.indexOf('.');
    const qsizetype dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
    if (dot1 <= 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0)
        return rejected("malformed token");

    const auto headerBytes = jws::base64UrlDecode(token.first(dot1));
    if (!headerBytes)
        return rejected("malformed token");
    const auto header = jsonObject(*headerBytes);
    if (!header)
        return rejected("malformed token");
    const QJsonValue alg = header->value(QLatin1StringView("alg"));
    if (!alg.isString())
        return rejected("malformed token");
    const auto algorithm = jwsAlgorithmFromName(alg.toString());
    if (!algorithm)
        return rejected("unsupported algorithm");
    // We implement no JWS extension, so any critical one must be refused (RFC 7515 §4.1.11).
    if (header->contains(QLatin1StringView("crit")))
        return rejected("unsupported critical header");
    const QJsonValue kid = header->value(QLatin1StringView("kid"));
    if (!kid.isUndefined() && (!kid.isString() || kid.toString().size() > jwtlimits::kMaxKidChars))
        return rejected("malformed token");

    const auto payload = jws::base64UrlDecode(token.sliced(dot1 + 1, dot2 - dot1 - 1));
    const auto signature = jws::base64UrlDecode(token.sliced(dot2 + 1));
    if (!payload || payload->isEmpty() || !signature || signature->isEmpty())
        return rejected("malformed token");

    JwtParts out;
    out.algorithm = *algorithm;
    out.kid = kid.toString();
    out.signingInput = token.first(dot2).toByteArray();
    out.payload = *payload;
    out.signature = *signature;
    return out;
}

Result<Principal> checkJwtClaims(QByteArrayView payload, const ClaimPolicy &policy, qint64 nowMs)
{
    const auto claims = jsonObject(payload.toByteArray());
    if (!claims)
        return rejected("malformed token");
    const double now = double(nowMs) / 1000.0;
    const double leeway = std::clamp(policy.leewaySeconds, 0, jwtlimits::kMaxLeewaySeconds);

    const QJsonValue exp = claims->value(QLatin1StringView("exp"));
    const QJsonValue sub = claims->value(QLatin1StringView("sub"));
    const QJsonValue org = claims->value(QLatin1StringView("org"));
    const QJsonValue role = claims->value(QLatin1StringView("role"));
    if (exp.isUndefined())
        return rejected("missing claim: exp");
    if (sub.isUndefined())
        return rejected("missing claim: sub");
    if (org.isUndefined())
        return rejected("missing claim: org");
    if (role.isUndefined())
        return rejected("missing claim: role");

    const auto expAt = numericDate(exp);
    if (!expAt)
        return rejected("invalid claim: exp");
    if (!sub.isString() || sub.toString().isEmpty() || sub.toString().size() > jwtlimits::kMaxSubjectChars)
        return rejected("invalid claim: sub");
    if (!org.isString() || !ids::isValidPathId(org.toString()))
        return rejected("invalid claim: org");
    if (!role.isString())
        return rejected("invalid claim: role");

    if (now >= *expAt + leeway)
        return rejected("token expired");
    const QJsonValue nbf = claims->value(QLatin1StringView("nbf"));
    if (!nbf.isUndefined()) {
        const auto at = numericDate(nbf);
        if (!at)
            return rejected("invalid claim: nbf");
        if (*at > now + leeway)
            return rejected("token not yet valid");
    }
    const QJsonValue iat = claims->value(QLatin1StringView("iat"));
    if (!iat.isUndefined()) {
        const auto at = numericDate(iat);
        if (!at)
            return rejected("invalid claim: iat");
        if (*at > now + leeway)
            return rejected("token issued in the future");
    }

    if (!policy.issuer.isEmpty()) {
        const QJsonValue iss = claims->value(QLatin1StringView("iss"));
        if (!iss.isString() || iss.toString() != policy.issuer)
            return rejected("wrong issuer");
    }
    if (!policy.audience.isEmpty()) {
        const QJsonValue aud = claims->value(QLatin1StringView("aud"));
        bool found = aud.isString() && aud.toString() == policy.audience;
        if (aud.isArray()) {
            for (const QJsonValue &a : aud.toArray())
                found = found || (a.isString() && a.toString() == policy.audience);
        }
        if (!found)
            return rejected("wrong audience");
    }

    const auto caps = capabilitiesForRole(role.toString());
    if (!caps)
        return rejected("unknown role");

    Principal p;
    p.kind = Principal::Kind::User;
    p.organizationId = org.toString();
    p.userId = sub.toString();
    p.role = role.toString();
    // For people, not for decisions: the OIDC name claims when the issuer sends them.
    for (const char *claim : {"preferred_username", "name", "email"}) {
        const QJsonValue v = claims->value(QLatin1StringView(claim));
        if (v.isString() && !v.toString().isEmpty()) {
            p.displayName = v.toString().left(100);
            break;
        }
    }
    if (p.displayName.isEmpty())
        p.displayName = p.userId;
    p.capabilities = *caps;
    return p;
}

} // namespace wagate
