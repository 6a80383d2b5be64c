#include "noisehandshake.h"

#include "transportcipher.h"

#include "wa/crypto/aes.h"
#include "wa/crypto/digest.h"
#include "wa/crypto/kdf.h"

namespace wagate::wa {

const char *handshakeErrorName(HandshakeError error)
{
    switch (error) {
    case HandshakeError::WrongState: return "wrong_state";
    case HandshakeError::Malformed: return "malformed";
    case HandshakeError::UnexpectedMessage: return "unexpected_message";
    case HandshakeError::BadEphemeral: return "bad_ephemeral";
    case HandshakeError::BadStatic: return "bad_static";
    case HandshakeError::MissingPayload: return "missing_payload";
    case HandshakeError::DecryptFailed: return "decrypt_failed";
    case HandshakeError::BadCertificate: return "bad_certificate";
    case HandshakeError::InvalidKey: return "invalid_key";
    }
    return "unknown";
}

QByteArray NoiseHandshake::protocolName()
{
    static const QByteArray name = QByteArrayLiteral("Noise_XX_25519_AESGCM_SHA256") + QByteArray(4, '\0');
    return name;
}

QByteArray NoiseHandshake::prologue()
{
    return QByteArrayLiteral("WA\x06\x03");
}

NoiseHandshake::NoiseHandshake() : m_h(protocolName()), m_ck(protocolName()), m_k(protocolName())
{
    Q_ASSERT(m_h.size() == 32);
}

void NoiseHandshake::mixHash(QByteArrayView data)
{
    QByteArray input = m_h;
    input.append(data);
    m_h = sha256(input);
}

void NoiseHandshake::mixKey(QByteArrayView inputKeyMaterial)
{
    const QByteArray out = hkdfSha256(m_ck, inputKeyMaterial, {}, 64);
    Q_ASSERT(out.size() == 64);
    m_ck = out.first(32);
    m_k = out.sliced(32);
    m_n = 0;
    m_hasKey = true;
}

QByteArray NoiseHandshake::encryptAndHash(QByteArrayView plaintext)
{
    if (!m_hasKey)
        return {};
    QByteArray ciphertext = aes::gcmEncrypt(m_k, TransportCipher::nonce(m_n), plaintext, m_h);
    if (ciphertext.isEmpty())
        return {};
    ++m_n;
    mixHash(ciphertext);
    return ciphertext;
}

std::optional<QByteArray> NoiseHandshake::decryptAndHash(QByteArrayView ciphertext)
{
    if (!m_hasKey)
        return std::nullopt;
    auto plaintext = aes::gcmDecrypt(m_k, TransportCipher::nonce(m_n), ciphertext, m_h);
    if (!plaintext)
        return std::nullopt;
    ++m_n;
    mixHash(ciphertext);
    return plaintext;
}

NoiseHandshake::SplitKeys NoiseHandshake::split() const
{
    const QByteArray out = hkdfSha256(m_ck, {}, {}, 64);
    Q_ASSERT(out.size() == 64);
    return {out.first(32), out.sliced(32)};
}

} // namespace wagate::wa
