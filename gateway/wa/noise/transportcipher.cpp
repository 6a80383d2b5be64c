#include "transportcipher.h"

#include "wa/crypto/aes.h"

#include <QtEndian>

namespace wagate::wa {

namespace {
constexpr quint64 kCounterLimit = quint64(1) << 32;
}

TransportCipher::TransportCipher(QByteArray writeKey, QByteArray readKey, quint32 writeCounter, quint32 readCounter)
    : m_writeKey(std::move(writeKey)), m_readKey(std::move(readKey)), m_writeCounter(writeCounter),
      m_readCounter(readCounter)
{
}

QByteArray TransportCipher::nonce(quint32 counter)
{
    QByteArray iv(aes::kGcmIvSize, '\0');
    qToBigEndian(counter, iv.data() + 8);
    return iv;
}

bool TransportCipher::isValid() const
{
    return m_writeKey.size() == aes::kKeySize && m_readKey.size() == aes::kKeySize;
}

std::optional<QByteArray> TransportCipher::encrypt(QByteArrayView plaintext)
{
    if (!isValid() || m_writeCounter >= kCounterLimit)
        return std::nullopt;
    QByteArray out = aes::gcmEncrypt(m_writeKey, nonce(quint32(m_writeCounter)), plaintext);
    if (out.isEmpty())
        return std::nullopt;
    ++m_writeCounter;
    return out;
}

std::optional<QByteArray> TransportCipher::decrypt(QByteArrayView ciphertext)
{
    if (!isValid() || m_readCounter >= kCounterLimit)
        return std::nullopt;
    auto out = aes::gcmDecrypt(m_readKey, nonce(quint32(m_readCounter)), ciphertext);
    if (out)
        ++m_readCounter;
    return out;
}

} // namespace wagate::wa
