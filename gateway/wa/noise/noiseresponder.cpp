#include "noiseresponder.h"

#include "core/logging.h"
#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"

#include <climits>

namespace wagate::wa {

namespace {
constexpr qsizetype kKeySize = 32;
constexpr qsizetype kEncryptedKeySize = 32 + 16;
} // namespace

NoiseResponder::NoiseResponder(KeyPair staticKey, QByteArray certificateChain, KeyPair ephemeral)
    : m_static(std::move(staticKey)), m_ephemeral(std::move(ephemeral)), m_certificateChain(std::move(certificateChain))
{
    m_noise.mixHash(NoiseHandshake::prologue());
}

HandshakeError NoiseResponder::fail(HandshakeError error)
{
    m_state = State::Failed;
    qCDebug(lcWaNoise) << "server handshake failed:" << handshakeErrorName(error);
    return error;
}

Expected<void, HandshakeError> NoiseResponder::readClientHello(QByteArrayView message)
{
    if (m_state != State::Start)
        return fail(HandshakeError::WrongState);
    if (!m_static.isValid() || !m_ephemeral.isValid())
        return fail(HandshakeError::InvalidKey);
    waproto::HandshakeMessage msg;
    if (message.size() > INT_MAX || !msg.ParseFromArray(message.data(), int(message.size())))
        return fail(HandshakeError::Malformed);
    if (!msg.has_client_hello())
        return fail(HandshakeError::UnexpectedMessage);
    const auto &hello = msg.client_hello();
    if (!hello.has_ephemeral() || qsizetype(hello.ephemeral().size()) != kKeySize)
        return fail(HandshakeError::BadEphemeral);
    m_clientEphemeral = fromStdBytes(hello.ephemeral());
    // WhatsApp's variant: no MixHash of the (empty) ClientHello payload.
    m_noise.mixHash(m_clientEphemeral);
    m_state = State::ReadHello;
    return {};
}

Expected<QByteArray, HandshakeError> NoiseResponder::serverHello()
{
    if (m_state != State::ReadHello)
        return fail(HandshakeError::WrongState);
    m_noise.mixHash(m_ephemeral.pub);
    const auto ee = m_ephemeral.dh(m_clientEphemeral);
    if (!ee)
        return fail(HandshakeError::BadEphemeral);
    m_noise.mixKey(*ee);
    const QByteArray encryptedStatic = m_noise.encryptAndHash(m_static.pub);
    const auto se = m_static.dh(m_clientEphemeral);
    if (encryptedStatic.isEmpty() || !se)
        return fail(HandshakeError::BadEphemeral);
    m_noise.mixKey(*se);
    const QByteArray encryptedChain = m_noise.encryptAndHash(m_certificateChain);
    if (encryptedChain.isEmpty())
        return fail(HandshakeError::InvalidKey);

    waproto::HandshakeMessage msg;
    auto *hello = msg.mutable_server_hello();
    hello->set_ephemeral(toStdBytes(m_ephemeral.pub));
    hello->set_static_key(toStdBytes(encryptedStatic));
    hello->set_payload(toStdBytes(encryptedChain));
    m_state = State::SentHello;
    return fromStdBytes(msg.SerializeAsString());
}

Expected<NoiseResponder::ClientFinish, HandshakeError> NoiseResponder::readClientFinish(QByteArrayView message)
{
    if (m_state != State::SentHello)
        return fail(HandshakeError::WrongState);
    waproto::HandshakeMessage msg;
    if (message.size() > INT_MAX || !msg.ParseFromArray(message.data(), int(message.size())))
        return fail(HandshakeError::Malformed);
    if (!msg.has_client_finish())
        return fail(HandshakeError::UnexpectedMessage);
    const auto &finish = msg.client_finish();
    if (!finish.has_static_key() || qsizetype(finish.static_key().size()) != kEncryptedKeySize)
        return fail(HandshakeError::BadStatic);
    if (!finish.has_payload())
        return fail(HandshakeError::MissingPayload);

    const auto clientStatic = m_noise.decryptAndHash(fromStdBytes(finish.static_key()));
    if (!clientStatic)
        return fail(HandshakeError::DecryptFailed);
    const auto es = m_ephemeral.dh(*clientStatic);
    if (!es)
        return fail(HandshakeError::BadStatic);
    m_noise.mixKey(*es);
    auto payload = m_noise.decryptAndHash(fromStdBytes(finish.payload()));
    if (!payload)
        return fail(HandshakeError::DecryptFailed);
    m_state = State::Finished;
    return ClientFinish{*clientStatic, std::move(*payload)};
}

Expected<TransportCipher, HandshakeError> NoiseResponder::split()
{
    if (m_state != State::Finished)
        return fail(HandshakeError::WrongState);
    m_state = State::Split;
    auto keys = m_noise.split();
    return TransportCipher(std::move(keys.responderToInitiator), std::move(keys.initiatorToResponder));
}

} // namespace wagate::wa
