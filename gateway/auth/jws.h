#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

#include <openssl/types.h>

namespace wagate {

//! The only signature algorithms accepted anywhere (API.md): no `none`, no HMAC, no RSA-PSS.
enum class JwsAlgorithm { RS256, ES256, EdDSA };

QString jwsAlgorithmName(JwsAlgorithm alg);
//! std::nullopt for every name not in the list, including "none" and "HS256".
std::optional<JwsAlgorithm> jwsAlgorithmFromName(QStringView name);

//! An owned OpenSSL key, shared so parsed key sets can be copied cheaply.
using PKey = std::shared_ptr<EVP_PKEY>;
PKey adoptPKey(EVP_PKEY *key);

//! Whether key is of the type alg needs (RSA ≥ 2048 bits for RS256, P-256 for ES256, Ed25519 for EdDSA).
bool keyMatchesAlgorithm(JwsAlgorithm alg, EVP_PKEY *key);

namespace jws {

//! base64url without padding (RFC 7515 §2).
QByteArray base64UrlEncode(QByteArrayView bytes);
//! Strict base64url: only [A-Za-z0-9_-], no padding, no stray bits; std::nullopt otherwise.
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

//! True when signature is a valid JWS signature of input by key. ES256 signatures are the raw 64-byte
//! r||s of RFC 7518 §3.4; a DER signature is rejected.
bool verify(JwsAlgorithm alg, EVP_PKEY *key, QByteArrayView input, QByteArrayView signature);
//! A JWS signature of input (ES256 converted to raw r||s).
Result<QByteArray> sign(JwsAlgorithm alg, EVP_PKEY *key, QByteArrayView input);

} // namespace jws

} // namespace wagate
