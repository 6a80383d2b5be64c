#include "jwk.h"

#include "core/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace wagate {

namespace {

struct BnDeleter { void operator()(BIGNUM *b) const { BN_free(b); } };
struct BldDeleter { void operator()(OSSL_PARAM_BLD *b) const { OSSL_PARAM_BLD_free(b); } };
struct ParamDeleter { void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); } };
struct PkeyCtxDeleter { void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); } };
using Bn = std::unique_ptr<BIGNUM, BnDeleter>;
using ParamBld = std::unique_ptr<OSSL_PARAM_BLD, BldDeleter>;
using Params = std::unique_ptr<OSSL_PARAM, ParamDeleter>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;

Error badKey(const QString &why)
{
    return Error::invalidArgument(QStringLiteral("unusable JWK: ") + why);
}

//! A required base64url member, decoded.
Result<QByteArray> member(const QJsonObject &jwk, QLatin1StringView name)
{
    const QJsonValue v = jwk.value(name);
    if (!v.isString())
        return badKey(QStringLiteral("missing %1").arg(name));
    auto bytes = jws::base64UrlDecode(v.toString().toLatin1());
    if (!bytes || bytes->isEmpty() || v.toString().size() > 4096)
        return badKey(QStringLiteral("bad %1").arg(name));
    return *bytes;
}

Result<PKey> fromData(const char *type, OSSL_PARAM_BLD *bld)
{
    Params params(OSSL_PARAM_BLD_to_param(bld));
    PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1 || !raw)
        return badKey(QStringLiteral("key rejected"));
    PKey key = adoptPKey(raw);
    PkeyCtx check(EVP_PKEY_CTX_new_from_pkey(nullptr, raw, nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return badKey(QStringLiteral("key rejected"));
    return key;
}

Result<PKey> rsaKey(const QJsonObject &jwk)
{
    auto n = member(jwk, QLatin1StringView("n"));
    if (!n)
        return n.error();
    auto e = member(jwk, QLatin1StringView("e"));
    if (!e)
        return e.error();
    // Leading zero bytes are not allowed in n (RFC 7518 §6.3.1.1) but some issuers emit one; accept
    // it while counting bits on the value, not the encoding.
    Bn bn(BN_bin2bn(reinterpret_cast<const unsigned char *>(n->constData()), int(n->size()), nullptr));
    Bn be(BN_bin2bn(reinterpret_cast<const unsigned char *>(e->constData()), int(e->size()), nullptr));
    if (!bn || !be)
        return badKey(QStringLiteral("key rejected"));
    const int bits = BN_num_bits(bn.get());
    if (bits < 2048 || bits > jwklimits::kMaxRsaBits)
        return badKey(QStringLiteral("RSA modulus must be 2048 to 8192 bits"));
    // A small odd public exponent; huge exponents only make verification slow.
    if (!BN_is_odd(be.get()) || BN_num_bits(be.get()) < 2 || BN_num_bits(be.get()) > 32)
        return badKey(QStringLiteral("bad RSA exponent"));
    ParamBld bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn.get())
        || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, be.get()))
        return badKey(QStringLiteral("key rejected"));
    return fromData("RSA", bld.get());
}

Result<PKey> ecKey(const QJsonObject &jwk)
{
    if (jwk.value(QLatin1StringView("crv")).toString() != u"P-256")
        return badKey(QStringLiteral("unsupported curve"));
    auto x = member(jwk, QLatin1StringView("x"));
    if (!x)
        return x.error();
    auto y = member(jwk, QLatin1StringView("y"));
    if (!y)
        return y.error();
    if (x->size() != 32 || y->size() != 32)
        return badKey(QStringLiteral("bad P-256 coordinates"));
    const QByteArray point = QByteArray(1, '\x04') + *x + *y; // SEC1 uncompressed
    ParamBld bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "P-256", 0)
        || !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), size_t(point.size())))
        return badKey(QStringLiteral("key rejected"));
    return fromData("EC", bld.get());
}

Result<PKey> okpKey(const QJsonObject &jwk)
{
    if (jwk.value(QLatin1StringView("crv")).toString() != u"Ed25519")
        return badKey(QStringLiteral("unsupported curve"));
    auto x = member(jwk, QLatin1StringView("x"));
    if (!x)
        return x.error();
    if (x->size() != 32)
        return badKey(QStringLiteral("bad Ed25519 key"));
    EVP_PKEY *raw = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                                reinterpret_cast<const unsigned char *>(x->constData()), 32);
    if (!raw)
        return badKey(QStringLiteral("key rejected"));
    return adoptPKey(raw);
}

QString bnToB64(const BIGNUM *bn, int width = 0)
{
    QByteArray bytes(width > 0 ? width : BN_num_bytes(bn), Qt::Uninitialized);
    if (BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(bytes.data()), int(bytes.size())) < 0)
        return {};
    return QString::fromLatin1(jws::base64UrlEncode(bytes));
}

Result<QString> bnParam(EVP_PKEY *key, const char *name, int width = 0)
{
    BIGNUM *raw = nullptr;
    if (!EVP_PKEY_get_bn_param(key, name, &raw))
        return Error::internal(QStringLiteral("cannot export the public key"));
    Bn bn(raw);
    return bnToB64(bn.get(), width);
}

} // namespace

Result<Jwk> parseJwk(const QJsonObject &jwk)
{
    const QString kty = jwk.value(QLatin1StringView("kty")).toString();
    const QJsonValue kid = jwk.value(QLatin1StringView("kid"));
    if (!kid.isUndefined() && (!kid.isString() || kid.toString().size() > jwklimits::kMaxKidChars))
        return badKey(QStringLiteral("bad kid"));
    const QJsonValue use = jwk.value(QLatin1StringView("use"));
    if (!use.isUndefined() && use.toString() != u"sig")
        return badKey(QStringLiteral("not a signature key"));

    Jwk out;
    out.kid = kid.toString();
    Result<PKey> key = badKey(QStringLiteral("unsupported key type"));
    if (kty == u"RSA") {
        out.algorithm = JwsAlgorithm::RS256;
        key = rsaKey(jwk);
    } else if (kty == u"EC") {
        out.algorithm = JwsAlgorithm::ES256;
        key = ecKey(jwk);
    } else if (kty == u"OKP") {
        out.algorithm = JwsAlgorithm::EdDSA;
        key = okpKey(jwk);
    }
    if (!key)
        return key.error();
    const QJsonValue alg = jwk.value(QLatin1StringView("alg"));
    if (!alg.isUndefined() && alg.toString() != jwsAlgorithmName(out.algorithm))
        return badKey(QStringLiteral("alg does not match the key type"));
    out.key = *key;
    return out;
}

Result<QList<Jwk>> parseJwks(QByteArrayView json)
{
    if (json.size() > jwklimits::kMaxDocumentBytes)
        return Error::invalidArgument(QStringLiteral("JWKS too large"));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error::invalidArgument(QStringLiteral("JWKS is not a JSON object"));
    const QJsonValue keys = doc.object().value(QLatin1StringView("keys"));
    if (!keys.isArray())
        return Error::invalidArgument(QStringLiteral("JWKS has no keys array"));
    QList<Jwk> out;
    int index = 0;
    for (const QJsonValue &v : keys.toArray()) {
        if (out.size() >= jwklimits::kMaxKeys)
            break;
        auto key = parseJwk(v.toObject());
        if (key)
            out.append(*key);
        else
            qCDebug(lcAuth).noquote() << "skipping JWK" << index << ":" << key.error().message;
        ++index;
    }
    return out;
}

Result<QJsonObject> publicJwk(JwsAlgorithm alg, EVP_PKEY *key, const QString &kid)
{
    if (!keyMatchesAlgorithm(alg, key))
        return Error::internal(QStringLiteral("key does not match the algorithm"));
    QJsonObject out;
    switch (alg) {
    case JwsAlgorithm::RS256: {
        auto n = bnParam(key, OSSL_PKEY_PARAM_RSA_N);
        auto e = bnParam(key, OSSL_PKEY_PARAM_RSA_E);
        if (!n || !e)
            return Error::internal(QStringLiteral("cannot export the public key"));
        out.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
        out.insert(QStringLiteral("n"), *n);
        out.insert(QStringLiteral("e"), *e);
        break;
    }
    case JwsAlgorithm::ES256: {
        auto x = bnParam(key, OSSL_PKEY_PARAM_EC_PUB_X, 32);
        auto y = bnParam(key, OSSL_PKEY_PARAM_EC_PUB_Y, 32);
        if (!x || !y)
            return Error::internal(QStringLiteral("cannot export the public key"));
        out.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        out.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
        out.insert(QStringLiteral("x"), *x);
        out.insert(QStringLiteral("y"), *y);
        break;
    }
    case JwsAlgorithm::EdDSA: {
        QByteArray raw(32, Qt::Uninitialized);
        size_t len = size_t(raw.size());
        if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(raw.data()), &len) != 1 || len != 32)
            return Error::internal(QStringLiteral("cannot export the public key"));
        out.insert(QStringLiteral("kty"), QStringLiteral("OKP"));
        out.insert(QStringLiteral("crv"), QStringLiteral("Ed25519"));
        out.insert(QStringLiteral("x"), QString::fromLatin1(jws::base64UrlEncode(raw)));
        break;
    }
    }
    out.insert(QStringLiteral("kid"), kid);
    out.insert(QStringLiteral("alg"), jwsAlgorithmName(alg));
    out.insert(QStringLiteral("use"), QStringLiteral("sig"));
    return out;
}

} // namespace wagate
