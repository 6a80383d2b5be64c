#pragma once

// Private helpers of the crypto folder: owning pointers for OpenSSL objects and byte views.

#include <QByteArray>
#include <QByteArrayView>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <memory>

namespace wagate::wa::detail {

struct OpenSslFree
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
    void operator()(EVP_CIPHER_CTX *p) const { EVP_CIPHER_CTX_free(p); }
    void operator()(EVP_KDF *p) const { EVP_KDF_free(p); }
    void operator()(EVP_KDF_CTX *p) const { EVP_KDF_CTX_free(p); }
    void operator()(BN_CTX *p) const { BN_CTX_free(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
};
template<typename T>
using OsslPtr = std::unique_ptr<T, OpenSslFree>;

//! Never a null pointer, even for an empty view: several OpenSSL calls reject (nullptr, 0).
inline const unsigned char *bytes(QByteArrayView v)
{
    static const unsigned char empty = 0;
    return v.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(v.data());
}

inline unsigned char *bytes(QByteArray &b)
{
    return reinterpret_cast<unsigned char *>(b.data());
}

//! A failed call leaves entries on the thread's OpenSSL error queue; drop them so they cannot be
//! mistaken for a later failure elsewhere.
inline void dropErrors()
{
    ERR_clear_error();
}

} // namespace wagate::wa::detail
