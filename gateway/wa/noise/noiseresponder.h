#pragma once

#include "core/expected.h"
#include "noisehandshake.h"
#include "transportcipher.h"

#include "wa/crypto/keypair.h"

namespace wagate::wa {

//! The server side of WhatsApp's Noise XX handshake (the simulator plays WhatsApp with it), as a
//! pure state machine over serialized HandshakeMessage bytes:
//!
//!     NoiseResponder hs(serverStatic, chain.serialize());
//!     hs.readClientHello(firstFrame);                 // FrameCodec already stripped the header
//!     send(*hs.serverHello());
//!     auto client = hs.readClientFinish(frame);       // client->staticKey, client->payload
//!     TransportCipher cipher = *hs.split();
//!
//! Any failure is final: later steps answer WrongState.
class NoiseResponder
{
public:
    enum class State { Start, ReadHello, SentHello, Finished, Split, Failed };

    //! What the ClientFinish revealed.
    struct ClientFinish
    {
        QByteArray staticKey; //!< the client's noise key, 32 bytes: identifies the device
        QByteArray payload;   //!< the serialized ClientPayload
    };

    //! `certificateChain` is sent as is (a serialized CertChain, e.g. CertChain::create(...).serialize(),
    //! or a deliberately broken one for fault injection). `ephemeral` is only passed in by tests.
    NoiseResponder(KeyPair staticKey, QByteArray certificateChain, KeyPair ephemeral = KeyPair::generate());

    //! Step 1: the client's HandshakeMessage{clientHello}. Its static and payload fields are ignored.
    Expected<void, HandshakeError> readClientHello(QByteArrayView message);
    //! Step 2: HandshakeMessage{serverHello{ephemeral, encrypted static, encrypted certificate chain}}.
    Expected<QByteArray, HandshakeError> serverHello();
    //! Step 3: the client's HandshakeMessage{clientFinish}; returns its noise key and payload.
    Expected<ClientFinish, HandshakeError> readClientFinish(QByteArrayView message);
    //! After step 3, once: the transport cipher (we write with the second key, read with the first).
    Expected<TransportCipher, HandshakeError> split();

    State state() const { return m_state; }
    //! The handshake hash so far; both sides agree on it after a successful handshake.
    QByteArray handshakeHash() const { return m_noise.hash(); }

private:
    HandshakeError fail(HandshakeError error);

    NoiseHandshake m_noise;
    KeyPair m_static;
    KeyPair m_ephemeral;
    QByteArray m_certificateChain;
    QByteArray m_clientEphemeral;
    State m_state = State::Start;
};

} // namespace wagate::wa
