// libsignal-protocol-c's crypto provider on OpenSSL 3 (MESSAGING.md §18).
#include "signalcontext_p.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

namespace wagate::wa::signal_detail {

namespace {

// Fetched algorithm objects are reference counted and safe to share between threads; fetching
// them once avoids OpenSSL 3's per-call provider lookups on the hot path (every message runs
// several HMACs and one AES).
EVP_MAC *hmacAlgorithm()
{
    static EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    return mac;
}

const EVP_MD *sha512Algorithm()
{
    static EVP_MD *md = EVP_MD_fetch(nullptr, "SHA512", nullptr);
    return md;
}

const EVP_CIPHER *aesAlgorithm(int cipher, size_t keyLen)
{
    static EVP_CIPHER *cbc128 = EVP_CIPHER_fetch(nullptr, "AES-128-CBC", nullptr);
    static EVP_CIPHER *cbc192 = EVP_CIPHER_fetch(nullptr, "AES-192-CBC", nullptr);
    static EVP_CIPHER *cbc256 = EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr);
    static EVP_CIPHER *ctr128 = EVP_CIPHER_fetch(nullptr, "AES-128-CTR", nullptr);
    static EVP_CIPHER *ctr192 = EVP_CIPHER_fetch(nullptr, "AES-192-CTR", nullptr);
    static EVP_CIPHER *ctr256 = EVP_CIPHER_fetch(nullptr, "AES-256-CTR", nullptr);
    const bool cbc = cipher == SG_CIPHER_AES_CBC_PKCS5;
    if (!cbc && cipher != SG_CIPHER_AES_CTR_NOPADDING)
        return nullptr;
    switch (keyLen) {
    case 16: return cbc ? cbc128 : ctr128;
    case 24: return cbc ? cbc192 : ctr192;
    case 32: return cbc ? cbc256 : ctr256;
    default: return nullptr;
    }
}

int randomBytes(uint8_t *data, size_t len, void *)
{
    return RAND_bytes(data, int(len)) == 1 ? SG_SUCCESS : SG_ERR_UNKNOWN;
}

int hmacInit(void **context, const uint8_t *key, size_t keyLen, void *)
{
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(hmacAlgorithm());
    if (!ctx)
        return SG_ERR_NOMEM;
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    static const uint8_t emptyKey = 0;
    if (EVP_MAC_init(ctx, keyLen ? key : &emptyKey, keyLen, params) != 1) {
        EVP_MAC_CTX_free(ctx);
        return SG_ERR_UNKNOWN;
    }
    *context = ctx;
    return SG_SUCCESS;
}

int hmacUpdate(void *context, const uint8_t *data, size_t len, void *)
{
    return EVP_MAC_update(static_cast<EVP_MAC_CTX *>(context), data, len) == 1 ? SG_SUCCESS : SG_ERR_UNKNOWN;
}

int hmacFinal(void *context, signal_buffer **output, void *)
{
    uint8_t md[EVP_MAX_MD_SIZE];
    size_t len = 0;
    if (EVP_MAC_final(static_cast<EVP_MAC_CTX *>(context), md, &len, sizeof md) != 1)
        return SG_ERR_UNKNOWN;
    signal_buffer *out = signal_buffer_create(md, len);
    if (!out)
        return SG_ERR_NOMEM;
    *output = out;
    return SG_SUCCESS;
}

void hmacCleanup(void *context, void *)
{
    EVP_MAC_CTX_free(static_cast<EVP_MAC_CTX *>(context));
}

int sha512Init(void **context, void *)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx)
        return SG_ERR_NOMEM;
    if (EVP_DigestInit_ex(ctx, sha512Algorithm(), nullptr) != 1) {
        EVP_MD_CTX_free(ctx);
        return SG_ERR_UNKNOWN;
    }
    *context = ctx;
    return SG_SUCCESS;
}

int sha512Update(void *context, const uint8_t *data, size_t len, void *)
{
    return EVP_DigestUpdate(static_cast<EVP_MD_CTX *>(context), data, len) == 1 ? SG_SUCCESS : SG_ERR_UNKNOWN;
}

int sha512Final(void *context, signal_buffer **output, void *)
{
    auto *ctx = static_cast<EVP_MD_CTX *>(context);
    uint8_t md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx, md, &len) != 1)
        return SG_ERR_UNKNOWN;
    // libsignal reuses the context for the next digest after final.
    if (EVP_DigestInit_ex(ctx, sha512Algorithm(), nullptr) != 1)
        return SG_ERR_UNKNOWN;
    signal_buffer *out = signal_buffer_create(md, len);
    if (!out)
        return SG_ERR_NOMEM;
    *output = out;
    return SG_SUCCESS;
}

void sha512Cleanup(void *context, void *)
{
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX *>(context));
}

int aes(bool encrypt, signal_buffer **output, int cipher, const uint8_t *key, size_t keyLen, const uint8_t *iv,
        size_t ivLen, const uint8_t *in, size_t inLen)
{
    const EVP_CIPHER *algorithm = aesAlgorithm(cipher, keyLen);
    if (!algorithm || ivLen != 16)
        return SG_ERR_INVAL;
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (!ctx)
        return SG_ERR_NOMEM;
    int result = SG_ERR_UNKNOWN;
    // Room for one extra block of padding on encryption.
    const size_t capacity = inLen + 16;
    signal_buffer *out = signal_buffer_alloc(capacity);
    int written = 0;
    int tail = 0;
    if (!out) {
        result = SG_ERR_NOMEM;
    } else if (EVP_CipherInit_ex2(ctx, algorithm, key, iv, encrypt ? 1 : 0, nullptr) == 1
               && EVP_CIPHER_CTX_set_padding(ctx, cipher == SG_CIPHER_AES_CBC_PKCS5 ? 1 : 0) == 1
               && EVP_CipherUpdate(ctx, signal_buffer_data(out), &written, in, int(inLen)) == 1
               && EVP_CipherFinal_ex(ctx, signal_buffer_data(out) + written, &tail) == 1) {
        // signal_buffer has no "shrink": copy the used part.
        signal_buffer *exact = signal_buffer_create(signal_buffer_data(out), size_t(written + tail));
        if (exact) {
            *output = exact;
            result = SG_SUCCESS;
        } else {
            result = SG_ERR_NOMEM;
        }
    }
    if (out)
        signal_buffer_bzero_free(out);
    EVP_CIPHER_CTX_free(ctx);
    return result;
}

int encryptFunc(signal_buffer **output, int cipher, const uint8_t *key, size_t keyLen, const uint8_t *iv, size_t ivLen,
                const uint8_t *plaintext, size_t plaintextLen, void *)
{
    return aes(true, output, cipher, key, keyLen, iv, ivLen, plaintext, plaintextLen);
}

int decryptFunc(signal_buffer **output, int cipher, const uint8_t *key, size_t keyLen, const uint8_t *iv, size_t ivLen,
                const uint8_t *ciphertext, size_t ciphertextLen, void *)
{
    return aes(false, output, cipher, key, keyLen, iv, ivLen, ciphertext, ciphertextLen);
}

} // namespace

Context::Context()
{
    if (signal_context_create(&m_ctx, nullptr) != 0) {
        m_ctx = nullptr;
        return;
    }
    signal_crypto_provider provider{};
    provider.random_func = randomBytes;
    provider.hmac_sha256_init_func = hmacInit;
    provider.hmac_sha256_update_func = hmacUpdate;
    provider.hmac_sha256_final_func = hmacFinal;
    provider.hmac_sha256_cleanup_func = hmacCleanup;
    provider.sha512_digest_init_func = sha512Init;
    provider.sha512_digest_update_func = sha512Update;
    provider.sha512_digest_final_func = sha512Final;
    provider.sha512_digest_cleanup_func = sha512Cleanup;
    provider.encrypt_func = encryptFunc;
    provider.decrypt_func = decryptFunc;
    if (signal_context_set_crypto_provider(m_ctx, &provider) != 0) {
        signal_context_destroy(m_ctx);
        m_ctx = nullptr;
    }
}

Context::~Context()
{
    if (m_ctx)
        signal_context_destroy(m_ctx);
}

} // namespace wagate::wa::signal_detail
