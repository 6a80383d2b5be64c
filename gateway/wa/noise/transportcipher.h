#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace wagate::wa {

//! The encryption of a connection after the Noise handshake: one AES-256-GCM key and counter per
//! direction, IV = 8 zero bytes + 32-bit big-endian counter, empty AAD, one ciphertext per frame.
//! Move-only: a copy would reuse nonces.
class TransportCipher
{
public:
    //! An unusable cipher (isValid() is false); obtain real ones from a handshake's split().
    TransportCipher() = default;
    //! Keys of 32 bytes each; counters start at 0 unless resuming.
    TransportCipher(QByteArray writeKey, QByteArray readKey, quint32 writeCounter = 0, quint32 readCounter = 0);

    TransportCipher(TransportCipher &&) = default;
    TransportCipher &operator=(TransportCipher &&) = default;
    TransportCipher(const TransportCipher &) = delete;
    TransportCipher &operator=(const TransportCipher &) = delete;

    //! The 12-byte IV of a counter value; shared with the handshake's cipher state.
    static QByteArray nonce(quint32 counter);

    bool isValid() const;
    //! Encrypts one outgoing frame and advances the write counter; nullopt when the cipher is invalid
    //! or all 2^32 nonces are used up (the connection must be re-established).
    std::optional<QByteArray> encrypt(QByteArrayView plaintext);
    //! Decrypts one incoming frame and advances the read counter; nullopt on a bad tag (the counter
    //! does not move; the peer is out of step or hostile and the connection should be closed).
    std::optional<QByteArray> decrypt(QByteArrayView ciphertext);

    //! Frames encrypted so far (the next write counter).
    quint64 writeCounter() const { return m_writeCounter; }
    //! Frames decrypted so far (the next read counter).
    quint64 readCounter() const { return m_readCounter; }

private:
    QByteArray m_writeKey;
    QByteArray m_readKey;
    quint64 m_writeCounter = 0;
    quint64 m_readCounter = 0;
};

} // namespace wagate::wa
