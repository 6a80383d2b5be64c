#pragma once

#include "jws.h"

#include <QJsonObject>
#include <QList>

namespace wagate {

//! One public verification key from a JWKS (RFC 7517), bound to the one algorithm it may verify:
//! RSA → RS256, EC P-256 → ES256, OKP Ed25519 → EdDSA. Binding the algorithm to the key, not to the
//! token header, is what defeats algorithm-confusion attacks.
struct Jwk
{
    QString kid; //!< may be empty: such a key is a candidate only for tokens without a kid
    JwsAlgorithm algorithm = JwsAlgorithm::EdDSA;
    PKey key;
};

//! A JWK object → key. Private members are ignored; `alg` (if present) must agree with the key
//! type, `use` (if present) must be "sig"; RSA moduli must be 2048–8192 bits; EC points must lie on P-256.
Result<Jwk> parseJwk(const QJsonObject &jwk);

//! A JWKS document → its usable keys. Keys of other types or algorithms are skipped (a JWKS may
//! legitimately carry encryption keys); a document that is not a JWKS is an error.
Result<QList<Jwk>> parseJwks(QByteArrayView json);

//! The public JWK of key with this kid and its `alg` and `use`, for publishing (all three key types).
Result<QJsonObject> publicJwk(JwsAlgorithm alg, EVP_PKEY *key, const QString &kid);

//! Bounds on what a JWKS may hold, so a hostile or broken endpoint cannot exhaust memory or CPU.
namespace jwklimits {
constexpr int kMaxDocumentBytes = 1024 * 1024;
constexpr int kMaxKeys = 100;
constexpr int kMaxRsaBits = 8192;
constexpr int kMaxKidChars = 256;
} // namespace jwklimits

} // namespace wagate
