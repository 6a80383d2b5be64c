#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace wagate::wa {

//! Why a handshake step failed. Every received-data problem is one of these, never a crash.
enum class HandshakeError {
    WrongState,        //!< a step called out of order, twice, or after an earlier failure
    Malformed,         //!< the bytes are not a HandshakeMessage
    UnexpectedMessage, //!< a HandshakeMessage without the part this step expects
    BadEphemeral,      //!< the peer's ephemeral key is missing, not 32 bytes, or of low order
    BadStatic,         //!< the peer's static key ciphertext is missing, of the wrong size, or of low order
    MissingPayload,    //!< the payload ciphertext is missing
    DecryptFailed,     //!< an AES-GCM tag did not verify (wrong keys, tampering, or a different prologue)
    BadCertificate,    //!< the server's certificate chain failed a check; NoiseInitiator::certificateError() says which
    InvalidKey,        //!< our own key pair is not a valid X25519 pair
};

//! A short stable name for logs and error details, e.g. "decrypt_failed".
const char *handshakeErrorName(HandshakeError error);

//! The Noise symmetric state of WhatsApp's Noise_XX_25519_AESGCM_SHA256: handshake hash `h`,
//! chaining key `ck`, cipher key `k` and its counter. NoiseInitiator and NoiseResponder drive it;
//! it is public so the published vectors can be checked against it directly.
class NoiseHandshake
{
public:
    //! "Noise_XX_25519_AESGCM_SHA256" padded with four zero bytes to exactly 32 bytes, so it is used
    //! as the initial `h` directly rather than hashed.
    static QByteArray protocolName();
    //! The connection header "WA" 06 03 that WhatsApp mixes in as the prologue.
    static QByteArray prologue();

    //! The initial state: h = ck = protocolName(), no cipher key. Callers mix in the prologue next.
    NoiseHandshake();

    //! h = SHA-256(h || data).
    void mixHash(QByteArrayView data);
    //! (ck, k) = HKDF(salt = ck, ikm, info = "", 64) split 32/32; the counter restarts at 0.
    void mixKey(QByteArrayView inputKeyMaterial);
    //! AES-GCM(k, IV(n++), plaintext, aad = h), then mixHash(ciphertext). Empty before the first mixKey.
    QByteArray encryptAndHash(QByteArrayView plaintext);
    //! The inverse: checks the tag with aad = h, mixes the *ciphertext* into h. nullopt (and the
    //! state is unchanged) when the tag does not verify or there is no key yet.
    std::optional<QByteArray> decryptAndHash(QByteArrayView ciphertext);

    //! The two transport keys: HKDF(salt = ck, ikm = "", info = "", 64) split 32/32.
    struct SplitKeys
    {
        QByteArray initiatorToResponder; //!< the client's write key, the server's read key
        QByteArray responderToInitiator; //!< the server's write key, the client's read key
    };
    SplitKeys split() const;

    QByteArray hash() const { return m_h; }
    QByteArray chainingKey() const { return m_ck; }
    bool hasKey() const { return m_hasKey; }
    quint32 counter() const { return m_n; }

private:
    QByteArray m_h;
    QByteArray m_ck;
    QByteArray m_k;
    quint32 m_n = 0;
    bool m_hasKey = false;
};

} // namespace wagate::wa
