#include "kdf.h"

#include "openssl_p.h"

#include <openssl/core_names.h>
#include <openssl/params.h>

#include <climits>

namespace wagate::wa {

using detail::bytes;
using detail::dropErrors;

QByteArray hkdfSha256(QByteArrayView salt, QByteArrayView ikm, QByteArrayView info, qsizetype length)
{
    if (length < 1 || length > 255 * 32)
        return {};
    detail::OsslPtr<EVP_KDF> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    detail::OsslPtr<EVP_KDF_CTX> ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    if (!ctx) {
        dropErrors();
        return {};
    }
    // OpenSSL wants non-const pointers in OSSL_PARAM; it only reads them. An empty view still needs
    // a non-null pointer or HKDF reports a missing key.
    char digestName[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digestName, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<unsigned char *>(bytes(ikm)), size_t(ikm.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<unsigned char *>(bytes(salt)), size_t(salt.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<unsigned char *>(bytes(info)), size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(length, Qt::Uninitialized);
    if (EVP_KDF_derive(ctx.get(), bytes(out), size_t(out.size()), params) != 1) {
        dropErrors();
        return {};
    }
    return out;
}

QByteArray pbkdf2Sha256(QByteArrayView password, QByteArrayView salt, int iterations, qsizetype length)
{
    if (iterations < 1 || length < 1 || length > INT_MAX || password.size() > INT_MAX || salt.size() > INT_MAX)
        return {};
    QByteArray out(length, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(reinterpret_cast<const char *>(bytes(password)), int(password.size()), bytes(salt),
                          int(salt.size()), iterations, EVP_sha256(), int(out.size()), bytes(out))
        != 1) {
        dropErrors();
        return {};
    }
    return out;
}

} // namespace wagate::wa
