#include "jws.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

#include <array>

namespace wagate {

namespace {

constexpr int kEs256CoordinateBytes = 32;

struct MdCtxDeleter { void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); } };
struct SigDeleter { void operator()(ECDSA_SIG *s) const { ECDSA_SIG_free(s); } };
struct BnDeleter { void operator()(BIGNUM *b) const { BN_free(b); } };
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
using EcdsaSig = std::unique_ptr<ECDSA_SIG, SigDeleter>;
using Bn = std::unique_ptr<BIGNUM, BnDeleter>;

int base64UrlValue(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

//! Raw r||s (RFC 7518 §3.4) to the DER SEQUENCE OpenSSL verifies.
std::optional<QByteArray> rawToDer(QByteArrayView raw)
{
    if (raw.size() != 2 * kEs256CoordinateBytes)
        return std::nullopt;
    const auto *bytes = reinterpret_cast<const unsigned char *>(raw.data());
    Bn r(BN_bin2bn(bytes, kEs256CoordinateBytes, nullptr));
    Bn s(BN_bin2bn(bytes + kEs256CoordinateBytes, kEs256CoordinateBytes, nullptr));
    EcdsaSig sig(ECDSA_SIG_new());
    if (!r || !s || !sig || !ECDSA_SIG_set0(sig.get(), r.get(), s.get()))
        return std::nullopt;
    r.release(); // owned by sig now
    s.release();
    const int len = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (len <= 0)
        return std::nullopt;
    QByteArray der(len, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_ECDSA_SIG(sig.get(), &out) != len)
        return std::nullopt;
    return der;
}

std::optional<QByteArray> derToRaw(const QByteArray &der)
{
    const auto *in = reinterpret_cast<const unsigned char *>(der.constData());
    EcdsaSig sig(d2i_ECDSA_SIG(nullptr, &in, der.size()));
    if (!sig)
        return std::nullopt;
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    QByteArray raw(2 * kEs256CoordinateBytes, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(r, out, kEs256CoordinateBytes) != kEs256CoordinateBytes
        || BN_bn2binpad(s, out + kEs256CoordinateBytes, kEs256CoordinateBytes) != kEs256CoordinateBytes)
        return std::nullopt;
    return raw;
}

const EVP_MD *digestFor(JwsAlgorithm alg)
{
    return alg == JwsAlgorithm::EdDSA ? nullptr : EVP_sha256(); // Ed25519 hashes internally
}

} // namespace

QString jwsAlgorithmName(JwsAlgorithm alg)
{
    switch (alg) {
    case JwsAlgorithm::RS256: return QStringLiteral("RS256");
    case JwsAlgorithm::ES256: return QStringLiteral("ES256");
    case JwsAlgorithm::EdDSA: return QStringLiteral("EdDSA");
    }
    return {};
}

std::optional<JwsAlgorithm> jwsAlgorithmFromName(QStringView name)
{
    // Exact, case-sensitive match (RFC 7515 §4.1.1): "rs256" or "eddsa" are not these algorithms.
    for (JwsAlgorithm alg : {JwsAlgorithm::RS256, JwsAlgorithm::ES256, JwsAlgorithm::EdDSA})
        if (name == jwsAlgorithmName(alg))
            return alg;
    return std::nullopt;
}

PKey adoptPKey(EVP_PKEY *key)
{
    return PKey(key, [](EVP_PKEY *k) { EVP_PKEY_free(k); });
}

bool keyMatchesAlgorithm(JwsAlgorithm alg, EVP_PKEY *key)
{
    if (!key)
        return false;
    switch (alg) {
    case JwsAlgorithm::RS256:
        return EVP_PKEY_is_a(key, "RSA") && EVP_PKEY_get_bits(key) >= 2048;
    case JwsAlgorithm::ES256: {
        if (!EVP_PKEY_is_a(key, "EC"))
            return false;
        std::array<char, 64> group{};
        size_t len = 0;
        if (!EVP_PKEY_get_group_name(key, group.data(), group.size(), &len))
            return false;
        const QByteArrayView name(group.data(), qsizetype(len));
        return name == "prime256v1" || name == "P-256";
    }
    case JwsAlgorithm::EdDSA:
        return EVP_PKEY_is_a(key, "ED25519");
    }
    return false;
}

namespace jws {

QByteArray base64UrlEncode(QByteArrayView bytes)
{
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(QByteArrayView text)
{
    if (text.size() % 4 == 1)
        return std::nullopt;
    QByteArray out;
    out.reserve(text.size() * 3 / 4 + 1);
    quint32 acc = 0;
    int bits = 0;
    for (char c : text) {
        const int v = base64UrlValue(c);
        if (v < 0)
            return std::nullopt;
        acc = (acc << 6) | quint32(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((acc >> bits) & 0xff));
        }
    }
    // Leftover bits must be zero, so every byte string has exactly one encoding (no malleability).
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

bool verify(JwsAlgorithm alg, EVP_PKEY *key, QByteArrayView input, QByteArrayView signature)
{
    if (!keyMatchesAlgorithm(alg, key))
        return false;
    QByteArray sig;
    switch (alg) {
    case JwsAlgorithm::RS256:
        if (signature.size() != EVP_PKEY_get_size(key))
            return false;
        sig = signature.toByteArray();
        break;
    case JwsAlgorithm::ES256: {
        auto der = rawToDer(signature);
        if (!der)
            return false;
        sig = *der;
        break;
    }
    case JwsAlgorithm::EdDSA:
        if (signature.size() != 64)
            return false;
        sig = signature.toByteArray();
        break;
    }
    MdCtx ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, digestFor(alg), nullptr, key) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(sig.constData()), size_t(sig.size()),
                            reinterpret_cast<const unsigned char *>(input.data()), size_t(input.size()))
           == 1;
}

Result<QByteArray> sign(JwsAlgorithm alg, EVP_PKEY *key, QByteArrayView input)
{
    if (!keyMatchesAlgorithm(alg, key))
        return Error::internal(QStringLiteral("signing key does not match the algorithm"));
    MdCtx ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, digestFor(alg), nullptr, key) != 1)
        return Error::internal(QStringLiteral("cannot initialise signing"));
    const auto *in = reinterpret_cast<const unsigned char *>(input.data());
    size_t len = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &len, in, size_t(input.size())) != 1)
        return Error::internal(QStringLiteral("signing failed"));
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, in, size_t(input.size())) != 1)
        return Error::internal(QStringLiteral("signing failed"));
    sig.resize(qsizetype(len));
    if (alg == JwsAlgorithm::ES256) {
        auto raw = derToRaw(sig);
        if (!raw)
            return Error::internal(QStringLiteral("signing failed"));
        return *raw;
    }
    return sig;
}

} // namespace jws

} // namespace wagate
