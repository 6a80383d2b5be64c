// Incoming messaging stanzas under arbitrary input: MessageFeature (gateway/wa/client) with a
// recording host and an in-memory Signal store, exactly as a connection would run it, minus the
// socket. A peer with a fixed identity holds a real session with us, so the harness can also wrap
// fuzzed plaintext in valid ciphertext and reach the padding, protobuf and delivery code behind
// the decryption.
//
// Input: [mode][bytes...] with mode % 4:
//   0  the bytes are a whole bare node (message, receipt, ack, notification, …)
//   1  the bytes are the <enc type="msg"> content of a message from the peer
//   2  the bytes are the <enc type="pkmsg"> content of a message from the peer
//   3  the bytes are the plaintext (padding included) the peer encrypts properly
// Whatever happens: no crash, every delivered message names its id and sender, and each input
// gets at most a bounded number of answers.
//
// WAGATE_WRITE_SEEDS=DIR writes the seed corpus and exits.

#include "wa/binary/node.h"
#include "wa/binary/nodedecoder.h"
#include "wa/binary/nodeencoder.h"
#include "wa/client/authstate.h"
#include "wa/client/messagefeature.h"
#include "wa/client/signalsession.h"
#include "wa/message/messagecodec.h"
#include "wa/crypto/xeddsa.h"
#include "wa/signal/signalprotocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace wagate;
using namespace wagate::wa;

namespace {

//! Aborts (a finding) naming the check that failed.
#define check(condition)                                                                                   \
    do {                                                                                                   \
        if (!(condition)) {                                                                                \
            std::fprintf(stderr, "check failed at %s:%d: %s\n", __FILE__, __LINE__, #condition);           \
            std::abort();                                                                                  \
        }                                                                                                  \
    } while (false)

KeyPair fixedKey(char fill)
{
    return *KeyPair::fromPrivateKey(QByteArray(32, fill));
}

class Host : public WaFeatureHost
{
public:
    AuthState state;
    int sent = 0;
    int iqs = 0;
    bool failed = false;

    bool sendNode(const Node &) override
    {
        ++sent;
        return true;
    }
    void sendIq(Node, int, std::function<void(const Node &)>, std::function<void()>) override { ++iqs; }
    qint64 nowMs() const override { return 1735689600000; }
    qint64 serverNowSeconds() const override { return 1735689600; }
    AuthState &auth() override { return state; }
    void persistAuth() override {}
    bool isReady() const override { return true; }
    void failConnection(const DisconnectReason &) override { failed = true; }
};

//! Our device's credentials and the peer's identity, fixed so that every run is the same.
struct World
{
    AuthState ours;
    SignalIdentity peerIdentity;

    World()
    {
        ours = AuthState::createNew();
        ours.identityKey = fixedKey('i');
        ours.signedPreKey.keyPair = fixedKey('s');
        ours.signedPreKey.signature = xeddsa::sign(ours.identityKey.priv, QByteArray(1, '\x05') + ours.signedPreKey.keyPair.pub,
                                                   QByteArray(64, 'r'));
        ours.jid = QStringLiteral("15550002222:1@s.whatsapp.net");
        ours.lid = QStringLiteral("987654321:1@lid");
        peerIdentity.identityKey = fixedKey('p');
        peerIdentity.registrationId = 77;
        peerIdentity.signedPreKeyId = 1;
        peerIdentity.signedPreKey = fixedKey('q');
    }
};

const Jid kPeer(QStringLiteral("15550001111"), QStringLiteral("s.whatsapp.net"), 3);

Node messageFrom(const QString &id, const QString &type, const QByteArray &bytes)
{
    return Node(QStringLiteral("message"),
                {{QStringLiteral("from"), kPeer},
                 {QStringLiteral("id"), id},
                 {QStringLiteral("t"), QStringLiteral("1735689600")},
                 {QStringLiteral("type"), "text"},
                 {QStringLiteral("sender_lid"), Jid(QStringLiteral("123456"), QStringLiteral("lid"))}},
                QList<Node>{Node(QStringLiteral("enc"), {{QStringLiteral("v"), "2"}, {QStringLiteral("type"), type}}, bytes)});
}

void writeSeeds(const QString &dir)
{
    QDir().mkpath(dir);
    const auto write = [&](const char *name, char mode, const QByteArray &bytes) {
        QFile file(dir + QLatin1Char('/') + QLatin1String(name));
        check(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(1, mode) + bytes);
    };
    const QByteArray text = message::encodeText(QStringLiteral("Hello from the fuzzer"));
    write("plain_text", 3, message::pad(text, 5));
    write("plain_dsm", 3, message::pad(message::encodeDeviceSent(Jid::phone(QStringLiteral("15550009999")), text), 2));
    write("plain_image", 3, message::pad(QByteArray::fromHex("1a0a0a0868747470733a2f2f"), 3));
    write("msg_garbage", 1, QByteArray::fromHex("330a2105") + QByteArray(60, 'x'));
    write("pkmsg_garbage", 2, QByteArray::fromHex("3308011221") + QByteArray(80, 'y'));
    write("receipt", 0,
          *NodeEncoder::encodeNode(Node(QStringLiteral("receipt"), {{QStringLiteral("from"), kPeer},
                                                                    {QStringLiteral("id"), "FUZZ"},
                                                                    {QStringLiteral("type"), "read"},
                                                                    {QStringLiteral("t"), "1735689600"}})));
    write("ack", 0,
          *NodeEncoder::encodeNode(Node(QStringLiteral("ack"), {{QStringLiteral("class"), "message"},
                                                                {QStringLiteral("id"), "FUZZ"},
                                                                {QStringLiteral("t"), "1735689600"},
                                                                {QStringLiteral("error"), "463"}})));
    write("identity_change", 0,
          *NodeEncoder::encodeNode(Node(QStringLiteral("notification"),
                                        {{QStringLiteral("from"), Jid::phone(QStringLiteral("15550001111"))},
                                         {QStringLiteral("type"), "encrypt"}, {QStringLiteral("id"), "1"}},
                                        QList<Node>{Node(QStringLiteral("identity"))})));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    if (const char *dir = std::getenv("WAGATE_WRITE_SEEDS")) {
        writeSeeds(QString::fromLocal8Bit(dir));
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 65536)
        return 0;
    static World world;
    const int mode = data[0] % 4;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    Host host;
    host.state = world.ours;
    auto store = std::make_shared<MemorySignalStore>();
    SignalSession signal(store);
    signal.setIdentity(signalIdentityOf(host.state));
    // Our one-time pre-key 1, which the peer's bundle names.
    (void)store->apply({{SignalRecordKind::PreKey, SignalProtocol::preKeyKey(1),
                         SignalProtocol::preKeyRecord(1, fixedKey('k'))}});
    MessageFeature feature(host, signal, {});
    QList<IncomingMessage> delivered;
    QObject::connect(&feature, &MessageFeature::messageReceived, [&](const IncomingMessage &m) { delivered.append(m); });

    // A fresh peer session per input (the fixed keys make it the same every time).
    MemorySignalStore peerStore;
    SignalProtocol peer(world.peerIdentity, &peerStore);
    PreKeyBundle bundle;
    bundle.registrationId = host.state.registrationId;
    bundle.deviceId = 1;
    bundle.identityKey = host.state.identityKey.pub;
    bundle.signedPreKeyId = host.state.signedPreKey.id;
    bundle.signedPreKey = host.state.signedPreKey.keyPair.pub;
    bundle.signedPreKeySignature = host.state.signedPreKey.signature;
    bundle.preKeyId = 1;
    bundle.preKey = fixedKey('k').pub;
    const SignalAddress ourAddress = SignalAddress::fromJid(Jid::parse(host.state.jid)->toNonAd().withDevice(1));
    check(peer.processBundle(ourAddress, bundle).ok());

    switch (mode) {
    case 0: {
        static const NodeDecoder decoder;
        auto decoded = decoder.decodeNode(bytes);
        if (decoded)
            feature.handleNode(decoded.node());
        break;
    }
    case 1:
        feature.handleNode(messageFrom(QStringLiteral("FUZZ1"), QStringLiteral("msg"), bytes));
        break;
    case 2:
        feature.handleNode(messageFrom(QStringLiteral("FUZZ2"), QStringLiteral("pkmsg"), bytes));
        break;
    case 3: {
        auto c = peer.encrypt(ourAddress, bytes);
        check(c.ok());
        feature.handleNode(messageFrom(QStringLiteral("FUZZ3"), c->typeName(), c->bytes));
        // The same stanza again: a redelivery is receipted, never delivered twice.
        feature.handleNode(messageFrom(QStringLiteral("FUZZ3"), c->typeName(), c->bytes));
        break;
    }
    }
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();

    check(delivered.size() <= 1);
    for (const IncomingMessage &m : delivered) {
        check(!m.id.isEmpty());
        check(!m.sender.isEmpty() && !m.chat.isEmpty());
        if (mode == 3 && m.type == QLatin1String("text")) {
            // What arrived as text is what the plaintext said (decode() is the reference).
            auto content = message::decode(bytes);
            check(content.ok() && content->text == m.text);
        }
    }
    check(host.sent <= 8);
    return 0;
}
