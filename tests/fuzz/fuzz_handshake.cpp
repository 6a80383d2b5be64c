// The Noise handshake parsers and the certificate checks under arbitrary input. Keys, signatures
// and the clock are fixed, so a valid transcript recorded in the seed corpus stays valid here and
// the fuzzer starts from messages that get all the way through.
//
// Input: [target][message...] with target % 5:
//   0  the client reads a ServerHello, then finishes and exchanges a transport frame
//   1  the server reads a ClientHello, then answers
//   2  the server reads a ClientFinish (after a valid ClientHello/ServerHello)
//   3  CertChain / CertificateDetails parsing and CertificateVerifier::verify directly
//   4  a server sends the input as its certificate chain through a real handshake

#include "wa/crypto/keypair.h"
#include "wa/crypto/xeddsa.h"
#include "wa/noise/certchain.h"
#include "wa/noise/certificateverifier.h"
#include "wa/noise/noiseinitiator.h"
#include "wa/noise/noiseresponder.h"

#include <QLoggingCategory>

#include <cstdint>
#include <cstdlib>

using namespace wagate::wa;

namespace {

constexpr qint64 kNow = 1'700'000'000;

void check(bool condition)
{
    if (!condition)
        abort();
}

KeyPair fixedKey(char fill)
{
    return *KeyPair::fromPrivateKey(QByteArray(32, fill));
}

//! Everything deterministic: the same bytes in every run and in the seed generator.
struct Fixture
{
    KeyPair root = fixedKey('r');
    KeyPair intermediate = fixedKey('i');
    KeyPair serverStatic = fixedKey('s');
    KeyPair serverEphemeral = fixedKey('t');
    KeyPair clientStatic = fixedKey('c');
    KeyPair clientEphemeral = fixedKey('d');
    QByteArray chain;
    QByteArray payload = QByteArrayLiteral("client payload");
    QByteArray clientHello, serverHello, clientFinish;

    Fixture()
    {
        const QByteArray z(64, 'z');
        const CertificateDetails inter{1, 0, intermediate.pub, kNow - 3600, kNow + 3600};
        const CertificateDetails leaf{2, 1, serverStatic.pub, kNow - 3600, kNow + 3600};
        CertChain c;
        c.intermediate.details = inter.serialize();
        c.intermediate.signature = xeddsa::sign(root.priv, c.intermediate.details, z);
        c.leaf.details = leaf.serialize();
        c.leaf.signature = xeddsa::sign(intermediate.priv, c.leaf.details, z);
        chain = c.serialize();

        NoiseInitiator client = initiator();
        NoiseResponder server = responder(chain);
        clientHello = *client.clientHello();
        check(server.readClientHello(clientHello).ok());
        serverHello = *server.serverHello();
        check(client.readServerHello(serverHello).ok());
        clientFinish = *client.clientFinish(payload);
        check(server.readClientFinish(clientFinish).ok());
    }

    CertificateVerifier verifier() const { return CertificateVerifier(root.pub, [] { return kNow; }); }
    NoiseInitiator initiator() const { return NoiseInitiator(clientStatic, verifier(), clientEphemeral); }
    NoiseResponder responder(const QByteArray &certificateChain) const
    {
        return NoiseResponder(serverStatic, certificateChain, serverEphemeral);
    }
};

const Fixture &fixture()
{
    static const Fixture f;
    return f;
}

void exchangeFrames(NoiseInitiator &client, NoiseResponder &server)
{
    auto up = client.split();
    auto down = server.split();
    check(up.ok() && down.ok());
    const auto frame = up->encrypt("ping");
    check(frame.has_value() && down->decrypt(*frame) == std::optional<QByteArray>("ping"));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // Failures are the normal case here; do not spend the run printing them.
    QLoggingCategory::setFilterRules(QStringLiteral("wagate.*=false"));
    fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const Fixture &f = fixture();
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 5) {
    case 0: {
        NoiseInitiator client = f.initiator();
        check(client.clientHello().ok());
        const auto serverKey = client.readServerHello(input);
        if (!serverKey) {
            check(client.state() == NoiseInitiator::State::Failed);
            check(client.clientFinish(f.payload).error() == HandshakeError::WrongState);
            break;
        }
        check(*serverKey == f.serverStatic.pub); // the certificate pins it
        check(client.clientFinish(f.payload).ok());
        check(client.split().ok());
        break;
    }
    case 1: {
        NoiseResponder server = f.responder(f.chain);
        if (!server.readClientHello(input)) {
            check(server.serverHello().error() == HandshakeError::WrongState);
            break;
        }
        const auto hello = server.serverHello();
        if (input == f.clientHello)
            check(hello.ok() && *hello == f.serverHello);
        break;
    }
    case 2: {
        NoiseInitiator client = f.initiator();
        NoiseResponder server = f.responder(f.chain);
        check(server.readClientHello(f.clientHello).ok());
        check(server.serverHello().ok());
        const auto finish = server.readClientFinish(input);
        if (!finish) {
            check(server.split().error() == HandshakeError::WrongState);
            break;
        }
        check(finish->staticKey.size() == 32);
        if (finish->staticKey == f.clientStatic.pub) {
            // the real client's transcript: the transport keys must agree
            check(client.clientHello().ok() && client.readServerHello(f.serverHello).ok());
            check(client.clientFinish(finish->payload).ok());
            if (client.handshakeHash() == server.handshakeHash())
                exchangeFrames(client, server);
        }
        break;
    }
    case 3: {
        const auto result = f.verifier().verify(input, f.serverStatic.pub);
        const auto chain = CertChain::parse(input);
        if (!chain) {
            check(!result && result.error() == CertError::Malformed);
            break;
        }
        // a parsed chain re-serializes to something that parses to the same parts
        const auto again = CertChain::parse(chain->serialize());
        check(again && again->leaf.details == chain->leaf.details && again->leaf.signature == chain->leaf.signature
              && again->intermediate.details == chain->intermediate.details
              && again->intermediate.signature == chain->intermediate.signature);
        for (const QByteArray &details : {chain->leaf.details, chain->intermediate.details}) {
            if (const auto d = CertificateDetails::parse(details))
                check(CertificateDetails::parse(d->serialize()) == d);
        }
        if (result)
            check(CertificateDetails::parse(chain->leaf.details)->key == f.serverStatic.pub);
        break;
    }
    case 4: {
        NoiseInitiator client = f.initiator();
        NoiseResponder server = f.responder(input);
        check(server.readClientHello(*client.clientHello()).ok());
        const auto hello = server.serverHello();
        check(hello.ok());
        const auto serverKey = client.readServerHello(*hello);
        // the transport is sound, so only the certificate can refuse
        check(serverKey.ok() || (serverKey.error() == HandshakeError::BadCertificate && client.certificateError()));
        check(serverKey.ok() == f.verifier().verify(input, f.serverStatic.pub).ok());
        if (serverKey) {
            check(server.readClientFinish(*client.clientFinish(f.payload)).ok());
            exchangeFrames(client, server);
        }
        break;
    }
    }
    return 0;
}
