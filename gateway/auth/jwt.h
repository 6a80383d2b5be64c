#pragma once

#include "core/principal.h"
#include "jws.h"

#include <QByteArray>

namespace wagate {

namespace jwtlimits {
//! Checked before any parsing: nothing larger is decoded, let alone verified.
constexpr int kMaxTokenBytes = 8 * 1024;
//! Clock skew tolerated on exp, nbf and iat; API.md allows at most 60 s.
constexpr int kMaxLeewaySeconds = 60;
constexpr int kMaxKidChars = 256;
constexpr int kMaxSubjectChars = 255;
} // namespace jwtlimits

//! A compact JWS split and decoded, its header checked; the payload is not trusted (nor parsed) until
//! the signature over signingInput has been verified.
struct JwtParts
{
    JwsAlgorithm algorithm = JwsAlgorithm::EdDSA;
    QString kid; //!< empty when the header has none
    QByteArray signingInput; //!< "header.payload" exactly as received
    QByteArray payload;      //!< decoded, unparsed
    QByteArray signature;    //!< decoded
};

//! Splits and decodes a token. Errors are unauthorized with a short, non-leaking message
//! ("token too large", "malformed token", "unsupported algorithm", "unsupported critical header").
Result<JwtParts> parseCompactJwt(QByteArrayView token);

//! What the claims must satisfy for a given key source.
struct ClaimPolicy
{
    QString issuer;   //!< empty: iss is not checked
    QString audience; //!< empty: aud is not checked
    int leewaySeconds = jwtlimits::kMaxLeewaySeconds;
};

//! Checks the claims of an already verified payload and maps them to a principal: required exp, sub,
//! org, role (one of allRoles()); nbf and iat honoured; iss and aud when the policy names them.
Result<Principal> checkJwtClaims(QByteArrayView payload, const ClaimPolicy &policy, qint64 nowMs);

} // namespace wagate
