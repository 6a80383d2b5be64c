#include "digest.h"

#include "openssl_p.h"

#include <openssl/crypto.h>

namespace wagate::wa {

using detail::bytes;
using detail::dropErrors;

namespace {

QByteArray digest(const EVP_MD *md, QByteArrayView data)
{
    QByteArray out(EVP_MD_get_size(md), Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(bytes(data), size_t(data.size()), bytes(out), &len, md, nullptr) != 1
        || int(len) != out.size()) {
        dropErrors();
        return {};
    }
    return out;
}

} // namespace

QByteArray sha256(QByteArrayView data)
{
    return digest(EVP_sha256(), data);
}

QByteArray md5(QByteArrayView data)
{
    return digest(EVP_md5(), data);
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    QByteArray out(32, Qt::Uninitialized);
    size_t len = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, bytes(key), size_t(key.size()), bytes(data),
                   size_t(data.size()), bytes(out), size_t(out.size()), &len)
        || len != size_t(out.size())) {
        dropErrors();
        return {};
    }
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    return a.isEmpty() || CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

} // namespace wagate::wa
