#pragma once

#include "core/result.h"
#include "jwt.h"
#include "loginthrottle.h"
#include "passwords.h"

#include <QStringList>

namespace wagate {

//! Every identity and secrets setting, filled from the command line (PRODUCT.md) by the app.
struct AuthConfig
{
    //! --jwks URL|FILE (repeatable): trusted JWKS of external login frontends.
    QStringList jwks;
    //! --jwt-issuer: the `iss` tokens from those frontends must carry (empty: not checked).
    QString jwtIssuer;
    //! --jwt-audience: the `aud` they must carry (empty: not checked).
    QString jwtAudience;
    //! --secrets keychain|file:PATH: where the signing keys and the data key live.
    QString secrets = QStringLiteral("keychain");

    //! The `iss` of tokens the local issuer mints (and requires of tokens signed by its keys).
    QString localIssuer = QStringLiteral("wagate");
    //! This node's id (set by the engine): its public keys are filed under it in the shared database.
    QString gatewayId = QStringLiteral("local");
    qint64 tokenLifetimeMs = 15 * 60 * 1000;
    int leewaySeconds = jwtlimits::kMaxLeewaySeconds;
    //! The signing key is rotated at start when older than this (0: only on request).
    qint64 signingKeyMaxAgeMs = qint64(90) * 24 * 60 * 60 * 1000;
    PasswordCost passwordCost;
    LoginThrottle::Policy userThrottle = LoginThrottle::defaultUserPolicy();
    LoginThrottle::Policy addressThrottle = LoginThrottle::defaultAddressPolicy();

    //! invalid_argument naming the offending option (field) when a value cannot work.
    Result<void> validate() const;
};

} // namespace wagate
