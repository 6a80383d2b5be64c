// Fuzzes what an attacker controls before any signature has been checked: the compact JWT (split,
// base64url, header JSON), the claims checks, JWKS documents (key import through OpenSSL), and the
// signature verification of whatever parsed, against keys imported from the same input.
// The first byte picks the target; the rest is the input.

#include "auth/jwk.h"
#include "auth/jws.h"
#include "auth/jwt.h"


#include <cstddef>
#include <cstdint>

using namespace wagate;

namespace {

void fuzzToken(QByteArrayView input)
{
    auto parts = parseCompactJwt(input);
    if (!parts)
        return;
    // The claims checks must hold up on any payload (they only ever see verified ones).
    ClaimPolicy policy;
    policy.issuer = QStringLiteral("https://issuer.example");
    policy.audience = QStringLiteral("wagate");
    (void)checkJwtClaims(parts->payload, policy, 1'750'000'000'000);
    (void)checkJwtClaims(parts->payload, ClaimPolicy{}, 0);
}

void fuzzJwks(QByteArrayView input)
{
    auto keys = parseJwks(input);
    if (!keys)
        return;
    for (const Jwk &k : *keys) {
        // Every imported key must be usable (and re-exportable) for exactly its algorithm.
        if (!keyMatchesAlgorithm(k.algorithm, k.key.get()))
            __builtin_trap();
        (void)publicJwk(k.algorithm, k.key.get(), k.kid);
        (void)jws::verify(k.algorithm, k.key.get(), "x.y", QByteArray(64, 'a'));
    }
}

//! A JWKS and a token separated by a newline: the whole verification path minus the network.
void fuzzPair(QByteArrayView input)
{
    const qsizetype nl = input.indexOf('\n');
    if (nl < 0)
        return;
    auto keys = parseJwks(input.first(nl));
    auto parts = parseCompactJwt(input.sliced(nl + 1));
    if (!keys || !parts)
        return;
    for (const Jwk &k : *keys) {
        if (k.algorithm != parts->algorithm || (!parts->kid.isEmpty() && parts->kid != k.kid))
            continue;
        if (jws::verify(parts->algorithm, k.key.get(), parts->signingInput, parts->signature))
            (void)checkJwtClaims(parts->payload, ClaimPolicy{}, 1'750'000'000'000);
    }
}

void fuzzBase64(QByteArrayView input)
{
    // Decoding is strict and canonical: whatever decodes must re-encode to the same text.
    if (auto decoded = jws::base64UrlDecode(input)) {
        if (jws::base64UrlEncode(*decoded) != input)
            __builtin_trap();
    }
    const auto again = jws::base64UrlDecode(jws::base64UrlEncode(input));
    if (!again || *again != input)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 4) {
    case 0: fuzzToken(input); break;
    case 1: fuzzJwks(input); break;
    case 2: fuzzPair(input); break;
    case 3: fuzzBase64(input); break;
    }
    return 0;
}
