#include "noiseinitiator.h"

#include "core/logging.h"
#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"

#include <climits>

namespace wagate::wa {

namespace {
constexpr qsizetype kKeySize = 32;
constexpr qsizetype kEncryptedKeySize = 32 + 16;
} // namespace

NoiseInitiator::NoiseInitiator(KeyPair noiseKey, CertificateVerifier verifier, KeyPair ephemeral)
    : m_static(std::move(noiseKey)), m_ephemeral(std::move(ephemeral)), m_verifier(std::move(verifier))
{
    m_noise.mixHash(NoiseHandshake::prologue());
}

HandshakeError NoiseInitiator::fail(HandshakeError error)
{
    m_state = State::Failed;
    qCDebug(lcWaNoise) << "client handshake failed:" << handshakeErrorName(error);
    return error;
}

Expected<QByteArray, HandshakeError> NoiseInitiator::clientHello()
{
    if (m_state != State::Start)
        return fail(HandshakeError::WrongState);
    if (!m_static.isValid() || !m_ephemeral.isValid())
        return fail(HandshakeError::InvalidKey);
    m_noise.mixHash(m_ephemeral.pub);

    waproto::HandshakeMessage msg;
    msg.mutable_client_hello()->set_ephemeral(toStdBytes(m_ephemeral.pub));
    m_state = State::SentHello;
    return fromStdBytes(msg.SerializeAsString());
}

Expected<QByteArray, HandshakeError> NoiseInitiator::readServerHello(QByteArrayView message)
{
    if (m_state != State::SentHello)
        return fail(HandshakeError::WrongState);
    waproto::HandshakeMessage msg;
    if (message.size() > INT_MAX || !msg.ParseFromArray(message.data(), int(message.size())))
        return fail(HandshakeError::Malformed);
    if (!msg.has_server_hello())
        return fail(HandshakeError::UnexpectedMessage);
    const auto &hello = msg.server_hello();
    if (!hello.has_ephemeral() || qsizetype(hello.ephemeral().size()) != kKeySize)
        return fail(HandshakeError::BadEphemeral);
    if (!hello.has_static_key() || qsizetype(hello.static_key().size()) != kEncryptedKeySize)
        return fail(HandshakeError::BadStatic);
    if (!hello.has_payload())
        return fail(HandshakeError::MissingPayload);

    m_serverEphemeral = fromStdBytes(hello.ephemeral());
    m_noise.mixHash(m_serverEphemeral);
    const auto ee = m_ephemeral.dh(m_serverEphemeral);
    if (!ee)
        return fail(HandshakeError::BadEphemeral);
    m_noise.mixKey(*ee);

    const auto serverStatic = m_noise.decryptAndHash(fromStdBytes(hello.static_key()));
    if (!serverStatic)
        return fail(HandshakeError::DecryptFailed);
    const auto es = m_ephemeral.dh(*serverStatic);
    if (!es)
        return fail(HandshakeError::BadStatic);
    m_noise.mixKey(*es);

    const auto certificate = m_noise.decryptAndHash(fromStdBytes(hello.payload()));
    if (!certificate)
        return fail(HandshakeError::DecryptFailed);
    if (const auto checked = m_verifier.verify(*certificate, *serverStatic); !checked) {
        m_certError = checked.error();
        qCWarning(lcWaNoise) << "server certificate refused:" << certErrorName(checked.error());
        return fail(HandshakeError::BadCertificate);
    }
    m_serverStatic = *serverStatic;
    m_state = State::ReadServerHello;
    return m_serverStatic;
}

Expected<QByteArray, HandshakeError> NoiseInitiator::clientFinish(QByteArrayView clientPayload)
{
    if (m_state != State::ReadServerHello)
        return fail(HandshakeError::WrongState);
    // The counter continues from the certificate decryption: this uses n = 1.
    const QByteArray encryptedStatic = m_noise.encryptAndHash(m_static.pub);
    const auto se = m_static.dh(m_serverEphemeral);
    if (encryptedStatic.isEmpty() || !se)
        return fail(HandshakeError::InvalidKey);
    m_noise.mixKey(*se);
    const QByteArray encryptedPayload = m_noise.encryptAndHash(clientPayload);
    if (encryptedPayload.isEmpty())
        return fail(HandshakeError::InvalidKey);

    waproto::HandshakeMessage msg;
    auto *finish = msg.mutable_client_finish();
    finish->set_static_key(toStdBytes(encryptedStatic));
    finish->set_payload(toStdBytes(encryptedPayload));
    m_state = State::Finished;
    return fromStdBytes(msg.SerializeAsString());
}

Expected<TransportCipher, HandshakeError> NoiseInitiator::split()
{
    if (m_state != State::Finished)
        return fail(HandshakeError::WrongState);
    m_state = State::Split;
    auto keys = m_noise.split();
    return TransportCipher(std::move(keys.initiatorToResponder), std::move(keys.responderToInitiator));
}

} // namespace wagate::wa
