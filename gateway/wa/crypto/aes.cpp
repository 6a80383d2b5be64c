#include "aes.h"

#include "openssl_p.h"

#include <climits>

namespace wagate::wa::aes {

using detail::bytes;
using detail::dropErrors;

namespace {

using CipherCtx = detail::OsslPtr<EVP_CIPHER_CTX>;

//! Feeds `in` through an initialised context; empty input is skipped (no OpenSSL call needed).
bool update(EVP_CIPHER_CTX *ctx, unsigned char *out, QByteArrayView in, int *written)
{
    *written = 0;
    if (in.isEmpty())
        return true;
    return EVP_CipherUpdate(ctx, out, written, bytes(in), int(in.size())) == 1;
}

} // namespace

QByteArray gcmEncrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView plaintext, QByteArrayView aad)
{
    if (key.size() != kKeySize || iv.size() != kGcmIvSize || plaintext.size() > INT_MAX - kGcmTagSize
        || aad.size() > INT_MAX)
        return {};
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray out(plaintext.size() + kGcmTagSize, Qt::Uninitialized);
    int n = 0, tail = 0, ignored = 0;
    const bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(iv)) == 1
                    && update(ctx.get(), nullptr, aad, &ignored)
                    && update(ctx.get(), bytes(out), plaintext, &n)
                    && EVP_EncryptFinal_ex(ctx.get(), bytes(out) + n, &tail) == 1
                    && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int(kGcmTagSize), bytes(out) + n + tail) == 1;
    if (!ok || n + tail != plaintext.size()) {
        dropErrors();
        return {};
    }
    return out;
}

std::optional<QByteArray> gcmDecrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView ciphertextAndTag,
                                     QByteArrayView aad)
{
    if (key.size() != kKeySize || iv.size() != kGcmIvSize || ciphertextAndTag.size() < kGcmTagSize
        || ciphertextAndTag.size() > INT_MAX || aad.size() > INT_MAX)
        return std::nullopt;
    const QByteArrayView ciphertext = ciphertextAndTag.first(ciphertextAndTag.size() - kGcmTagSize);
    // OpenSSL wants a writable tag buffer for EVP_CTRL_GCM_SET_TAG.
    QByteArray tag = ciphertextAndTag.last(kGcmTagSize).toByteArray();
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray out(ciphertext.size(), Qt::Uninitialized);
    int n = 0, tail = 0, ignored = 0;
    const bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(iv)) == 1
                    && update(ctx.get(), nullptr, aad, &ignored)
                    && update(ctx.get(), bytes(out), ciphertext, &n)
                    && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(kGcmTagSize), tag.data()) == 1
                    && EVP_DecryptFinal_ex(ctx.get(), bytes(out) + n, &tail) == 1;
    if (!ok || n + tail != ciphertext.size()) {
        dropErrors();
        return std::nullopt;
    }
    return out;
}

QByteArray ctr(QByteArrayView key, QByteArrayView iv, QByteArrayView data)
{
    if (key.size() != kKeySize || iv.size() != kCtrIvSize || data.size() > INT_MAX)
        return {};
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray out(data.size(), Qt::Uninitialized);
    int n = 0, tail = 0;
    const bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_ctr(), nullptr, bytes(key), bytes(iv)) == 1
                    && update(ctx.get(), bytes(out), data, &n)
                    && EVP_EncryptFinal_ex(ctx.get(), bytes(out) + n, &tail) == 1;
    if (!ok || n + tail != data.size()) {
        dropErrors();
        return {};
    }
    return out;
}

} // namespace wagate::wa::aes
