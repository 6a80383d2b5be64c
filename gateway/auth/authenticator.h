#pragma once

#include "core/principal.h"
#include "core/result.h"

#include <functional>
#include <optional>

namespace wagate {

class ApiKeyService;
class JwtVerifier;

//! `Authorization: Bearer <token>` → Principal (API.md, "Authentication"): `wgk_…` tokens are API
//! keys, anything else a login JWT (external JWKS sources or the local issuer). Always answers through
//! the callback, as JwtVerifier does: at once when it can, later when keys must be fetched.
class Authenticator
{
public:
    using Callback = std::function<void(Result<Principal>)>;

    Authenticator(ApiKeyService &apiKeys, JwtVerifier &jwt);

    //! The principal for an Authorization header value, through done (possibly before this returns).
    void authenticate(const QString &authorizationHeader, Callback done);

    //! The token of a "Bearer <token>" value (scheme case-insensitive); unauthorized when the header is
    //! missing, of another scheme, or malformed.
    static Result<QString> bearerToken(const QString &authorizationHeader);

private:
    ApiKeyService &m_apiKeys;
    JwtVerifier &m_jwt;
};

} // namespace wagate
