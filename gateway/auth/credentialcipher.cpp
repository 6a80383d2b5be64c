#include "credentialcipher.h"

#include "core/ids.h"
#include "core/logging.h"
#include "secretstore.h"

#include <openssl/evp.h>

#include <sodium.h>

namespace wagate {

namespace {

struct CipherCtxDeleter { void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); } };
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const auto *u8(const QByteArray &b) { return reinterpret_cast<const unsigned char *>(b.constData()); }

//! The associated data: the version byte too, so it cannot be changed without detection.
QByteArray associatedData(const QString &sessionId)
{
    return QByteArray(1, CredentialCipher::kVersion) + sessionId.toUtf8();
}

Error sealFailed() { return Error::internal(QStringLiteral("cannot encrypt credentials")); }
Error openFailed() { return Error::internal(QStringLiteral("stored credentials cannot be decrypted (corrupt, altered or under another key)")); }

} // namespace

CredentialCipher::CredentialCipher(const QByteArray &key)
{
    if (key.size() == kKeyBytes)
        m_key = key;
}

CredentialCipher::~CredentialCipher()
{
    if (!m_key.isEmpty())
        sodium_memzero(m_key.data(), size_t(m_key.size()));
}

Result<QByteArray> CredentialCipher::seal(const QString &sessionId, const QByteArray &plaintext) const
{
    if (!isValid())
        return sealFailed();
    const QByteArray nonce = secureRandomBytes(kNonceBytes);
    const QByteArray aad = associatedData(sessionId);
    QByteArray out(1 + kNonceBytes + plaintext.size() + kTagBytes, Qt::Uninitialized);
    out[0] = kVersion;
    std::memcpy(out.data() + 1, nonce.constData(), kNonceBytes);
    auto *ct = reinterpret_cast<unsigned char *>(out.data() + 1 + kNonceBytes);

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, u8(m_key), u8(nonce)) != 1
        || EVP_EncryptUpdate(ctx.get(), nullptr, &len, u8(aad), int(aad.size())) != 1)
        return sealFailed();
    int written = 0;
    if (!plaintext.isEmpty()) {
        if (EVP_EncryptUpdate(ctx.get(), ct, &len, u8(plaintext), int(plaintext.size())) != 1)
            return sealFailed();
        written = len;
    }
    if (EVP_EncryptFinal_ex(ctx.get(), ct + written, &len) != 1)
        return sealFailed();
    written += len;
    if (written != plaintext.size()
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, ct + written) != 1)
        return sealFailed();
    return out;
}

Result<QByteArray> CredentialCipher::open(const QString &sessionId, const QByteArray &sealed) const
{
    if (!isValid() || sealed.size() < kOverhead || sealed.at(0) != kVersion)
        return openFailed();
    const QByteArray aad = associatedData(sessionId);
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData() + 1);
    const qsizetype ctLen = sealed.size() - kOverhead;
    const auto *ct = nonce + kNonceBytes;
    QByteArray tag = sealed.right(kTagBytes);
    QByteArray out(ctLen, Qt::Uninitialized);

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, u8(m_key), nonce) != 1
        || EVP_DecryptUpdate(ctx.get(), nullptr, &len, u8(aad), int(aad.size())) != 1)
        return openFailed();
    int written = 0;
    if (ctLen > 0) {
        if (EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len, ct, int(ctLen)) != 1)
            return openFailed();
        written = len;
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1
        || EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()) + written, &len) != 1) {
        sodium_memzero(out.data(), size_t(out.size())); // never hand out unauthenticated plaintext
        return openFailed();
    }
    return out;
}

void CredentialCipher::load(SecretStore &store, LoadDone done)
{
    store.read(QString(SecretStore::kDataKeyName), [&store, done](Result<QByteArray> r) {
        if (r) {
            if (r->size() != kKeyBytes) {
                done(Error::internal(QStringLiteral("the stored data key is corrupt (%1)").arg(store.describe())));
                return;
            }
            done(std::make_shared<const CredentialCipher>(*r));
            return;
        }
        if (r.error().code != ErrorCode::NotFound) {
            done(r.error());
            return;
        }
        const QByteArray key = secureRandomBytes(kKeyBytes);
        store.write(QString(SecretStore::kDataKeyName), key, [key, done](Result<void> w) {
            if (!w) {
                done(w.error());
                return;
            }
            qCInfo(lcAuth).noquote() << "created a new data key";
            done(std::make_shared<const CredentialCipher>(key));
        });
    });
}

} // namespace wagate
