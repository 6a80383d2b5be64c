#include "xeddsa.h"

#include "openssl_p.h"

#include "core/ids.h"

#include <sodium.h>

#include <array>

namespace wagate::wa::xeddsa {

namespace {

using Bytes32 = std::array<unsigned char, 32>;
using Bytes64 = std::array<unsigned char, 64>;

void ensureSodium()
{
    static const int ok = sodium_init();
    Q_UNUSED(ok);
}

//! x mod L for a 32-byte little-endian scalar (libsodium reduces 64-byte inputs only).
Bytes32 reduce32(const unsigned char *x)
{
    std::array<unsigned char, 64> wide{};
    std::copy(x, x + 32, wide.begin());
    Bytes32 out;
    crypto_core_ed25519_scalar_reduce(out.data(), wide.data());
    sodium_memzero(wide.data(), wide.size());
    return out;
}

//! SHA-512 over the concatenation of `parts`, reduced mod L.
Bytes32 hashToScalar(std::initializer_list<QByteArrayView> parts)
{
    crypto_hash_sha512_state state;
    crypto_hash_sha512_init(&state);
    for (const QByteArrayView part : parts) {
        if (!part.isEmpty())
            crypto_hash_sha512_update(&state, reinterpret_cast<const unsigned char *>(part.data()),
                                      quint64(part.size()));
    }
    Bytes64 digest;
    crypto_hash_sha512_final(&state, digest.data());
    Bytes32 out;
    crypto_core_ed25519_scalar_reduce(out.data(), digest.data());
    sodium_memzero(digest.data(), digest.size());
    return out;
}

QByteArrayView view(const Bytes32 &b)
{
    return QByteArrayView(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

} // namespace

QByteArray sign(QByteArrayView privateKey, QByteArrayView message)
{
    const QByteArray random = secureRandomBytes(int(kRandomSize));
    return sign(privateKey, message, random);
}

QByteArray sign(QByteArrayView privateKey, QByteArrayView message, QByteArrayView random)
{
    if (privateKey.size() != 32 || random.size() != kRandomSize)
        return {};
    ensureSodium();
    Bytes32 k;
    std::copy_n(reinterpret_cast<const unsigned char *>(privateKey.data()), 32, k.begin());

    // A = k·B, with k used as is (it is already a clamped X25519 scalar, below 2^255).
    Bytes32 a;
    if (crypto_scalarmult_ed25519_base_noclamp(a.data(), k.data()) != 0) {
        sodium_memzero(k.data(), k.size());
        return {};
    }

    // r = SHA-512(0xFE || 0xFF×31 || k || M || Z) mod L — the domain-separated nonce of libsignal.
    static const QByteArray prefix = QByteArray(1, char(0xFE)) + QByteArray(31, char(0xFF));
    Bytes32 r = hashToScalar({prefix, view(k), message, random});
    Bytes32 bigR;
    if (crypto_scalarmult_ed25519_base_noclamp(bigR.data(), r.data()) != 0) {
        sodium_memzero(k.data(), k.size());
        sodium_memzero(r.data(), r.size());
        return {}; // r = 0: probability 2^-252
    }

    // h = SHA-512(R || A || M) mod L; s = r + h·k mod L.
    const Bytes32 h = hashToScalar({view(bigR), view(a), message});
    Bytes32 kReduced = reduce32(k.data());
    Bytes32 hk, s;
    crypto_core_ed25519_scalar_mul(hk.data(), h.data(), kReduced.data());
    crypto_core_ed25519_scalar_add(s.data(), r.data(), hk.data());

    QByteArray sig(kSignatureSize, Qt::Uninitialized);
    std::copy(bigR.begin(), bigR.end(), sig.begin());
    std::copy(s.begin(), s.end(), sig.begin() + 32);
    // s < L < 2^253, so the top bit of the last byte is free to carry A's sign bit.
    sig[63] = char(quint8(sig[63]) | (a[31] & 0x80));

    sodium_memzero(k.data(), k.size());
    sodium_memzero(r.data(), r.size());
    sodium_memzero(hk.data(), hk.size());
    sodium_memzero(kReduced.data(), kReduced.size());
    return sig;
}

std::optional<QByteArray> montgomeryToEdwards(QByteArrayView u, bool signBit)
{
    if (u.size() != 32)
        return std::nullopt;
    QByteArray uBytes = u.toByteArray();
    uBytes[31] = char(quint8(uBytes[31]) & 0x7F);

    using detail::OsslPtr;
    OsslPtr<BN_CTX> ctx(BN_CTX_new());
    OsslPtr<BIGNUM> p(BN_new()), bu(BN_lebin2bn(detail::bytes(uBytes), 32, nullptr)), one(BN_new()),
        num(BN_new()), den(BN_new()), y(BN_new());
    bool ok = ctx && p && bu && one && num && den && y;
    // p = 2^255 - 19
    ok = ok && BN_set_bit(p.get(), 255) == 1 && BN_sub_word(p.get(), 19) == 1 && BN_one(one.get()) == 1
         && BN_nnmod(bu.get(), bu.get(), p.get(), ctx.get()) == 1
         && BN_mod_sub(num.get(), bu.get(), one.get(), p.get(), ctx.get()) == 1
         && BN_mod_add(den.get(), bu.get(), one.get(), p.get(), ctx.get()) == 1;
    // u + 1 = 0 (u = p - 1) has no inverse: not a usable key.
    ok = ok && !BN_is_zero(den.get()) && BN_mod_inverse(den.get(), den.get(), p.get(), ctx.get()) != nullptr
         && BN_mod_mul(y.get(), num.get(), den.get(), p.get(), ctx.get()) == 1;
    QByteArray out(32, Qt::Uninitialized);
    ok = ok && BN_bn2lebinpad(y.get(), detail::bytes(out), 32) == 32;
    if (!ok) {
        detail::dropErrors();
        return std::nullopt;
    }
    if (signBit)
        out[31] = char(quint8(out[31]) | 0x80);
    return out;
}

bool verify(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature)
{
    if (publicKey.size() != 32 || signature.size() != kSignatureSize)
        return false;
    ensureSodium();
    const bool signBit = (quint8(signature[63]) & 0x80) != 0;
    const auto edwards = montgomeryToEdwards(publicKey, signBit);
    if (!edwards)
        return false;
    QByteArray sig = signature.toByteArray();
    sig[63] = char(quint8(sig[63]) & 0x7F);
    return crypto_sign_ed25519_verify_detached(reinterpret_cast<const unsigned char *>(sig.constData()),
                                               detail::bytes(message),
                                               quint64(message.size()),
                                               reinterpret_cast<const unsigned char *>(edwards->constData()))
           == 0;
}

} // namespace wagate::wa::xeddsa
