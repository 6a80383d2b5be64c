#pragma once

#include "certificateverifier.h"
#include "core/expected.h"
#include "noisehandshake.h"
#include "transportcipher.h"

#include "wa/crypto/keypair.h"

namespace wagate::wa {

//! The client side of WhatsApp's Noise XX handshake, as a pure state machine over serialized
//! HandshakeMessage bytes (frame them with FrameCodec, which adds the connection header):
//!
//!     NoiseInitiator hs(noiseKey);
//!     send(hs.clientHello());
//!     auto serverKey = hs.readServerHello(frame);   // also verifies the certificate chain
//!     send(hs.clientFinish(serializedClientPayload));
//!     TransportCipher cipher = *hs.split();
//!
//! Any failure is final: later steps answer WrongState.
class NoiseInitiator
{
public:
    enum class State { Start, SentHello, ReadServerHello, Finished, Split, Failed };

    //! `noiseKey` is the client's long-term noise key (it identifies the device to the server);
    //! `ephemeral` is fresh per connection and only passed in by tests.
    explicit NoiseInitiator(KeyPair noiseKey, CertificateVerifier verifier = CertificateVerifier(),
                            KeyPair ephemeral = KeyPair::generate());

    //! Step 1: HandshakeMessage{clientHello{ephemeral}}. No payload and, unlike generic Noise, no
    //! MixHash of an empty payload.
    Expected<QByteArray, HandshakeError> clientHello();
    //! Step 2: processes the ServerHello, checks its certificate chain and returns the server's
    //! static public key.
    Expected<QByteArray, HandshakeError> readServerHello(QByteArrayView message);
    //! Step 3: HandshakeMessage{clientFinish} with our encrypted noise key and the encrypted
    //! serialized ClientPayload.
    Expected<QByteArray, HandshakeError> clientFinish(QByteArrayView clientPayload);
    //! After step 3, once: the transport cipher (we write with the first key, read with the second).
    Expected<TransportCipher, HandshakeError> split();

    State state() const { return m_state; }
    //! Which check refused the certificate after readServerHello() returned BadCertificate.
    std::optional<CertError> certificateError() const { return m_certError; }
    //! The handshake hash so far; both sides agree on it after a successful handshake.
    QByteArray handshakeHash() const { return m_noise.hash(); }
    //! The server's static key once the ServerHello was read.
    QByteArray serverStaticKey() const { return m_serverStatic; }

private:
    HandshakeError fail(HandshakeError error);

    NoiseHandshake m_noise;
    KeyPair m_static;
    KeyPair m_ephemeral;
    CertificateVerifier m_verifier;
    QByteArray m_serverEphemeral;
    QByteArray m_serverStatic;
    std::optional<CertError> m_certError;
    State m_state = State::Start;
};

} // namespace wagate::wa
