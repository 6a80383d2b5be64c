// The Noise handshake (PROTOCOL.md §2): Appendix B vectors, a full initiator↔responder handshake in
// memory over FrameCodec, the derivation re-done step by step from §2.3 with primitives only,
// transport frames both ways, and clean rejection of bad, short and out-of-order messages.

#include "wa/noise/certchain.h"
#include "wa/noise/framecodec.h"
#include "wa/noise/noisehandshake.h"
#include "wa/noise/noiseinitiator.h"
#include "wa/noise/noiseresponder.h"
#include "wa/noise/transportcipher.h"

#include "wa/crypto/aes.h"
#include "wa/crypto/digest.h"
#include "wa/crypto/kdf.h"
#include "wa/proto/protobytes.h"

#include "core/ids.h"

#include "proto/wa.pb.h"

#include <QRandomGenerator>
#include <QTest>

using namespace wagate;
using namespace wagate::wa;

Q_DECLARE_METATYPE(wagate::wa::HandshakeError)

namespace {

constexpr qint64 kNow = 1'700'000'000;

QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

//! Both sides of one connection with fixed keys, so a test can recompute everything.
struct Peers
{
    KeyPair root = KeyPair::generate();
    KeyPair intermediate = KeyPair::generate();
    KeyPair clientStatic = KeyPair::generate();
    KeyPair clientEphemeral = KeyPair::generate();
    KeyPair serverStatic = KeyPair::generate();
    KeyPair serverEphemeral = KeyPair::generate();
    QByteArray chain = CertChain::create(root, intermediate, serverStatic.pub, kNow - 60, kNow + 60).serialize();

    CertificateVerifier verifier() const { return CertificateVerifier(root.pub, [] { return kNow; }); }
    NoiseInitiator initiator() const { return NoiseInitiator(clientStatic, verifier(), clientEphemeral); }
    NoiseResponder responder() const { return NoiseResponder(serverStatic, chain, serverEphemeral); }
};

QByteArray clientPayloadBytes()
{
    waproto::ClientPayload p;
    p.set_passive(false);
    p.set_pull(false);
    p.set_connect_type(waproto::ClientPayload::WIFI_UNKNOWN);
    p.set_connect_reason(waproto::ClientPayload::USER_ACTIVATED);
    auto *ua = p.mutable_user_agent();
    ua->set_platform(waproto::ClientPayload::UserAgent::WEB);
    ua->mutable_app_version()->set_primary(2);
    ua->mutable_app_version()->set_secondary(3000);
    ua->mutable_app_version()->set_tertiary(1045649367);
    return fromStdBytes(p.SerializeAsString());
}

struct Transcript
{
    QByteArray clientHello, serverHello, clientFinish;
};

//! Runs the three handshake messages between the two state machines; fails the test on an error.
bool handshake(NoiseInitiator &client, NoiseResponder &server, const QByteArray &payload, Transcript *t = nullptr)
{
    auto hello = client.clientHello();
    if (!hello || !server.readClientHello(*hello))
        return false;
    auto serverHello = server.serverHello();
    if (!serverHello || !client.readServerHello(*serverHello))
        return false;
    auto finish = client.clientFinish(payload);
    if (!finish)
        return false;
    auto seen = server.readClientFinish(*finish);
    if (!seen || seen->payload != payload)
        return false;
    if (t)
        *t = {*hello, *serverHello, *finish};
    return true;
}

QByteArray serialize(const waproto::HandshakeMessage &m)
{
    return fromStdBytes(m.SerializeAsString());
}

waproto::HandshakeMessage parse(const QByteArray &b)
{
    waproto::HandshakeMessage m;
    m.ParseFromArray(b.constData(), int(b.size()));
    return m;
}

QByteArray flipBit(QByteArray b, int index)
{
    b[index] = char(b[index] ^ 0x01);
    return b;
}

} // namespace

class TestNoise : public QObject
{
    Q_OBJECT
private slots:
    void appendixBVectors()
    {
        NoiseHandshake state;
        QCOMPARE(NoiseHandshake::protocolName(), hex("4e6f6973655f58585f32353531395f41455347434d5f53484132353600000000"));
        QCOMPARE(state.hash(), NoiseHandshake::protocolName());
        QCOMPARE(state.chainingKey(), NoiseHandshake::protocolName());
        QVERIFY(!state.hasKey());

        const auto keys = state.split();
        QCOMPARE(keys.initiatorToResponder, hex("bc241a245e2cb10863e8886c8a483cf2d880ef1e6908e425c21a89ca35316f2a"));
        QCOMPARE(keys.responderToInitiator, hex("45d3e584d7c4243d74463907c1c8b5d88129d65e40dbfcfbca52501d62089be8"));

        QCOMPARE(NoiseHandshake::prologue(), hex("57410603"));
        QCOMPARE(FrameCodec::connectionHeader(), NoiseHandshake::prologue());
        state.mixHash(NoiseHandshake::prologue());
        QCOMPARE(state.hash(), hex("ffff0c9267310966f1311170c04b38c79504285bf5edf763e5c946492a50a755"));
    }
    void noEncryptionBeforeTheFirstKeyMix()
    {
        NoiseHandshake state;
        QVERIFY(state.encryptAndHash("x").isEmpty());
        QVERIFY(!state.decryptAndHash(QByteArray(20, 'x')));
        QCOMPARE(state.hash(), NoiseHandshake::protocolName()); // untouched
    }
    void symmetricStateRoundTrip()
    {
        NoiseHandshake a, b;
        a.mixKey("shared");
        b.mixKey("shared");
        const QByteArray c0 = a.encryptAndHash("one");
        const QByteArray c1 = a.encryptAndHash("two");
        QCOMPARE(a.counter(), 2u);
        QCOMPARE(b.decryptAndHash(c0), std::optional<QByteArray>("one"));
        const QByteArray before = b.hash();
        QVERIFY(!b.decryptAndHash(flipBit(c1, 0)));
        QCOMPARE(b.hash(), before); // a failed decryption changes nothing
        QCOMPARE(b.counter(), 1u);
        QCOMPARE(b.decryptAndHash(c1), std::optional<QByteArray>("two"));
        QCOMPARE(a.hash(), b.hash());
    }

    void clientHelloWireFormat()
    {
        // §10: the first frame starts 57 41 06 03 00 00 24 — a 36-byte HandshakeMessage whose field 2
        // (clientHello) holds field 1 (ephemeral, 32 bytes) and nothing else.
        Peers p;
        NoiseInitiator client = p.initiator();
        FrameCodec codec(FrameCodec::Side::Client);
        const QByteArray wire = *codec.encode(*client.clientHello());
        QCOMPARE(wire, hex("57410603" "000024" "1222" "0a20") + p.clientEphemeral.pub);
    }
    void clientHelloMixesNoEmptyPayload()
    {
        Peers p;
        NoiseInitiator client = p.initiator();
        NoiseResponder server = p.responder();
        const QByteArray hello = *client.clientHello();
        QVERIFY(server.readClientHello(hello));
        // h = SHA256(h_prologue || e.pub), and not a further SHA256(h || "") as generic Noise does
        const QByteArray expected = sha256(hex("ffff0c9267310966f1311170c04b38c79504285bf5edf763e5c946492a50a755")
                                           + p.clientEphemeral.pub);
        QCOMPARE(client.handshakeHash(), expected);
        QCOMPARE(server.handshakeHash(), expected);
    }

    void fullHandshakeAndTransport()
    {
        Peers p;
        NoiseInitiator client = p.initiator();
        NoiseResponder server = p.responder();
        FrameCodec clientCodec(FrameCodec::Side::Client), serverCodec(FrameCodec::Side::Server);
        auto *rng = QRandomGenerator::global();
        // Wire bytes arrive in random chunks; each side reads whole frames.
        auto deliver = [&](FrameCodec &to, const QByteArray &wire) {
            QList<QByteArray> frames;
            for (qsizetype pos = 0; pos < wire.size();) {
                const qsizetype n = std::min<qsizetype>(rng->bounded(1, 64), wire.size() - pos);
                auto got = to.decode(QByteArrayView(wire).sliced(pos, n));
                if (!got)
                    return QList<QByteArray>{};
                frames += *got;
                pos += n;
            }
            return frames;
        };

        const QByteArray payload = clientPayloadBytes();
        auto frames = deliver(serverCodec, *clientCodec.encode(*client.clientHello()));
        QCOMPARE(frames.size(), 1);
        QVERIFY(server.readClientHello(frames[0]));
        frames = deliver(clientCodec, *serverCodec.encode(*server.serverHello()));
        QCOMPARE(frames.size(), 1);
        const auto serverKey = client.readServerHello(frames[0]);
        QVERIFY(serverKey);
        QCOMPARE(*serverKey, p.serverStatic.pub);
        QCOMPARE(client.serverStaticKey(), p.serverStatic.pub);
        frames = deliver(serverCodec, *clientCodec.encode(*client.clientFinish(payload)));
        QCOMPARE(frames.size(), 1);
        const auto finish = server.readClientFinish(frames[0]);
        QVERIFY(finish);
        QCOMPARE(finish->staticKey, p.clientStatic.pub); // the server learns the device's noise key
        QCOMPARE(finish->payload, payload);
        QCOMPARE(client.handshakeHash(), server.handshakeHash());

        // the ClientPayload survives with proto2 presence: passive=false is on the wire
        waproto::ClientPayload seen;
        QVERIFY(seen.ParseFromArray(finish->payload.constData(), int(finish->payload.size())));
        QVERIFY(seen.has_passive());
        QVERIFY(!seen.passive());
        QCOMPARE(seen.user_agent().app_version().tertiary(), 1045649367u);

        auto clientCipher = client.split();
        auto serverCipher = server.split();
        QVERIFY(clientCipher && serverCipher);
        QCOMPARE(client.state(), NoiseInitiator::State::Split);
        QCOMPARE(server.state(), NoiseResponder::State::Split);

        // frames both ways, unevenly interleaved, several per WebSocket message
        QList<QByteArray> toServer, toClient;
        QByteArray wireUp, wireDown;
        for (int i = 0; i < 25; ++i) {
            const QByteArray up = "node from client " + QByteArray::number(i);
            toServer.append(up);
            wireUp += *clientCodec.encode(*clientCipher->encrypt(up));
            if (i % 3 == 0) {
                const QByteArray down = secureRandomBytes(i * 10);
                toClient.append(down);
                wireDown += *serverCodec.encode(*serverCipher->encrypt(down));
            }
        }
        QList<QByteArray> gotUp, gotDown;
        for (const QByteArray &f : deliver(serverCodec, wireUp))
            gotUp.append(serverCipher->decrypt(f).value_or("<decrypt failed>"));
        for (const QByteArray &f : deliver(clientCodec, wireDown))
            gotDown.append(clientCipher->decrypt(f).value_or("<decrypt failed>"));
        QCOMPARE(gotUp, toServer);
        QCOMPARE(gotDown, toClient);
        QCOMPARE(clientCipher->writeCounter(), 25u);
        QCOMPARE(clientCipher->readCounter(), 9u);
        QCOMPARE(serverCipher->writeCounter(), 9u);
        QCOMPARE(serverCipher->readCounter(), 25u);
    }

    void derivationMatchesTheSpecification()
    {
        // §2.2–2.3 recomputed with primitives only, from the same fixed keys.
        Peers p;
        NoiseInitiator client = p.initiator();
        NoiseResponder server = p.responder();
        const QByteArray payload = "client payload";
        Transcript t;
        QVERIFY(handshake(client, server, payload, &t));

        QByteArray h = NoiseHandshake::protocolName(), ck = h, k;
        quint32 n = 0;
        auto mixHash = [&](const QByteArray &x) { h = sha256(h + x); };
        auto mixKey = [&](const QByteArray &ikm) {
            const QByteArray out = hkdfSha256(ck, ikm, {}, 64);
            ck = out.first(32);
            k = out.sliced(32);
            n = 0;
        };
        auto encrypt = [&](const QByteArray &plain) {
            QByteArray iv(12, '\0');
            iv[11] = char(n); // n <= 1 during the handshake
            const QByteArray c = aes::gcmEncrypt(k, iv, plain, h);
            ++n;
            mixHash(c);
            return c;
        };
        mixHash(hex("57410603"));
        mixHash(p.clientEphemeral.pub);
        QCOMPARE(parse(t.clientHello).client_hello().ephemeral(), toStdBytes(p.clientEphemeral.pub));
        mixHash(p.serverEphemeral.pub);
        mixKey(*p.clientEphemeral.dh(p.serverEphemeral.pub));
        const QByteArray encStatic = encrypt(p.serverStatic.pub);       // n = 0
        mixKey(*p.clientEphemeral.dh(p.serverStatic.pub));
        const QByteArray encChain = encrypt(p.chain);                   // n = 0 after the mix
        const waproto::HandshakeMessage serverHello = parse(t.serverHello);
        const auto &sh = serverHello.server_hello();
        QCOMPARE(fromStdBytes(sh.ephemeral()), p.serverEphemeral.pub);
        QCOMPARE(fromStdBytes(sh.static_key()), encStatic);
        QCOMPARE(fromStdBytes(sh.payload()), encChain);
        const QByteArray encClientStatic = encrypt(p.clientStatic.pub); // n = 1: the counter continues
        mixKey(*p.clientStatic.dh(p.serverEphemeral.pub));
        const QByteArray encPayload = encrypt(payload);                 // n = 0
        const waproto::HandshakeMessage clientFinish = parse(t.clientFinish);
        const auto &cf = clientFinish.client_finish();
        QCOMPARE(fromStdBytes(cf.static_key()), encClientStatic);
        QCOMPARE(fromStdBytes(cf.payload()), encPayload);
        QCOMPARE(client.handshakeHash(), h);

        const QByteArray split = hkdfSha256(ck, {}, {}, 64);
        auto clientCipher = client.split();
        auto serverCipher = server.split();
        const QByteArray iv0(12, '\0');
        QCOMPARE(*clientCipher->encrypt("up"), aes::gcmEncrypt(split.first(32), iv0, "up"));
        QCOMPARE(*serverCipher->encrypt("down"), aes::gcmEncrypt(split.sliced(32), iv0, "down"));
    }

    void transportNonces()
    {
        QCOMPARE(TransportCipher::nonce(0), QByteArray(12, '\0'));
        QCOMPARE(TransportCipher::nonce(0x01020304), hex("000000000000000001020304"));
        QCOMPARE(TransportCipher::nonce(0xFFFFFFFF), hex("0000000000000000ffffffff"));
        const QByteArray key = secureRandomBytes(32);
        TransportCipher a(key, key);
        for (quint32 i = 0; i < 3; ++i)
            QCOMPARE(*a.encrypt("x"), aes::gcmEncrypt(key, TransportCipher::nonce(i), "x"));
    }
    void transportRejectsTamperingReplayAndReordering()
    {
        const QByteArray k1 = secureRandomBytes(32), k2 = secureRandomBytes(32);
        TransportCipher client(k1, k2), server(k2, k1);
        const QByteArray f0 = *client.encrypt("zero"), f1 = *client.encrypt("one"), f2 = *client.encrypt("two");
        QVERIFY(!server.decrypt(f1));                      // out of order
        QVERIFY(!server.decrypt(flipBit(f0, 2)));          // tampered
        QVERIFY(!server.decrypt(f0.first(10)));            // shorter than a tag
        QCOMPARE(server.readCounter(), 0u);                // failures do not advance
        QCOMPARE(server.decrypt(f0), std::optional<QByteArray>("zero"));
        QVERIFY(!server.decrypt(f0));                      // replay
        QCOMPARE(server.decrypt(f1), std::optional<QByteArray>("one"));
        QCOMPARE(server.decrypt(f2), std::optional<QByteArray>("two"));
        QVERIFY(!client.decrypt(f0));                      // not our direction's key
        QVERIFY(!TransportCipher().isValid());
        QVERIFY(!TransportCipher().encrypt("x"));
    }
    void transportCountersRunOutInsteadOfWrapping()
    {
        const QByteArray k = secureRandomBytes(32);
        TransportCipher sender(k, k, 0xFFFFFFFF, 0), receiver(k, k, 0, 0xFFFFFFFF);
        const auto last = sender.encrypt("last");
        QVERIFY(last);
        QCOMPARE(receiver.decrypt(*last), std::optional<QByteArray>("last"));
        QVERIFY(!sender.encrypt("wrapped")); // nonce 0 again would be catastrophic
        QVERIFY(!receiver.decrypt(*last));
        QCOMPARE(sender.writeCounter(), quint64(1) << 32);
    }

    void badServerHello_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<HandshakeError>("error");
        QTest::newRow("empty bytes") << 0 << HandshakeError::UnexpectedMessage;
        QTest::newRow("not protobuf") << 1 << HandshakeError::Malformed;
        QTest::newRow("truncated") << 2 << HandshakeError::Malformed;
        QTest::newRow("a clientHello instead") << 3 << HandshakeError::UnexpectedMessage;
        QTest::newRow("no ephemeral") << 4 << HandshakeError::BadEphemeral;
        QTest::newRow("31-byte ephemeral") << 5 << HandshakeError::BadEphemeral;
        QTest::newRow("low-order ephemeral") << 6 << HandshakeError::BadEphemeral;
        QTest::newRow("no static") << 7 << HandshakeError::BadStatic;
        QTest::newRow("47-byte static") << 8 << HandshakeError::BadStatic;
        QTest::newRow("no payload") << 9 << HandshakeError::MissingPayload;
        QTest::newRow("static bit flipped") << 10 << HandshakeError::DecryptFailed;
        QTest::newRow("payload bit flipped") << 11 << HandshakeError::DecryptFailed;
        QTest::newRow("ephemeral bit flipped") << 12 << HandshakeError::DecryptFailed;
        QTest::newRow("empty payload") << 13 << HandshakeError::DecryptFailed;
        QTest::newRow("payload is not a CertChain") << 14 << HandshakeError::BadCertificate;
    }
    void badServerHello()
    {
        QFETCH(int, mutation);
        QFETCH(HandshakeError, error);
        Peers p;
        if (mutation == 14)
            p.chain = hex("0aff");
        NoiseInitiator client = p.initiator();
        NoiseResponder server = p.responder();
        QVERIFY(server.readClientHello(*client.clientHello()));
        const QByteArray good = *server.serverHello();
        waproto::HandshakeMessage m = parse(good);
        auto *sh = m.mutable_server_hello();
        QByteArray bytes;
        switch (mutation) {
        case 0: bytes = QByteArray(); break;
        case 1: bytes = hex("ffffffff"); break;
        case 2: bytes = good.first(good.size() - 5); break;
        case 3: bytes = serialize([] { waproto::HandshakeMessage x; x.mutable_client_hello()->set_ephemeral(std::string(32, 'e')); return x; }()); break;
        case 4: sh->clear_ephemeral(); break;
        case 5: sh->set_ephemeral(std::string(31, 'e')); break;
        case 6: sh->set_ephemeral(std::string(32, '\0')); break;
        case 7: sh->clear_static_key(); break;
        case 8: sh->mutable_static_key()->pop_back(); break;
        case 9: sh->clear_payload(); break;
        case 10: (*sh->mutable_static_key())[7] ^= 1; break;
        case 11: (*sh->mutable_payload())[3] ^= 1; break;
        case 12: (*sh->mutable_ephemeral())[0] ^= 2; break; // a different point: keys no longer agree
        case 13: sh->set_payload(std::string()); break;
        default: break;
        }
        if (mutation >= 4)
            bytes = serialize(m);
        const auto result = client.readServerHello(bytes);
        QVERIFY(!result);
        QCOMPARE(result.error(), error);
        QCOMPARE(client.state(), NoiseInitiator::State::Failed);
        // a failure is final
        QCOMPARE(client.readServerHello(good).error(), HandshakeError::WrongState);
        QCOMPARE(client.clientFinish("x").error(), HandshakeError::WrongState);
        QCOMPARE(client.split().error(), HandshakeError::WrongState);
    }

    void certificateFailuresStopTheHandshake_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<CertError>("certError");
        QTest::newRow("chain from another root") << 0 << CertError::BadIntermediateSignature;
        QTest::newRow("leaf for another key") << 1 << CertError::LeafKeyMismatch;
        QTest::newRow("expired") << 2 << CertError::Expired;
        QTest::newRow("empty chain") << 3 << CertError::IncompleteChain;
    }
    void certificateFailuresStopTheHandshake()
    {
        QFETCH(int, fault);
        QFETCH(CertError, certError);
        Peers p;
        switch (fault) {
        case 0: p.chain = CertChain::create(KeyPair::generate(), p.intermediate, p.serverStatic.pub, kNow - 60, kNow + 60).serialize(); break;
        case 1: p.chain = CertChain::create(p.root, p.intermediate, KeyPair::generate().pub, kNow - 60, kNow + 60).serialize(); break;
        case 2: p.chain = CertChain::create(p.root, p.intermediate, p.serverStatic.pub, kNow - 60, kNow - 1).serialize(); break;
        case 3: p.chain = QByteArray(); break;
        }
        NoiseInitiator client = p.initiator();
        NoiseResponder server = p.responder();
        QVERIFY(server.readClientHello(*client.clientHello()));
        const auto result = client.readServerHello(*server.serverHello());
        QVERIFY(!result);
        QCOMPARE(result.error(), HandshakeError::BadCertificate);
        QCOMPARE(client.certificateError(), std::optional<CertError>(certError));
        QCOMPARE(client.clientFinish("x").error(), HandshakeError::WrongState);
    }

    void badClientHello_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<HandshakeError>("error");
        waproto::HandshakeMessage shortKey, serverHello, noEphemeral;
        shortKey.mutable_client_hello()->set_ephemeral(std::string(16, 'e'));
        serverHello.mutable_server_hello()->set_ephemeral(std::string(32, 'e'));
        noEphemeral.mutable_client_hello()->set_payload("p");
        QTest::newRow("empty") << QByteArray() << HandshakeError::UnexpectedMessage;
        QTest::newRow("garbage") << hex("1280") << HandshakeError::Malformed;
        QTest::newRow("the connection header") << hex("57410603") << HandshakeError::Malformed;
        QTest::newRow("16-byte ephemeral") << serialize(shortKey) << HandshakeError::BadEphemeral;
        QTest::newRow("no ephemeral") << serialize(noEphemeral) << HandshakeError::BadEphemeral;
        QTest::newRow("a serverHello") << serialize(serverHello) << HandshakeError::UnexpectedMessage;
    }
    void badClientHello()
    {
        QFETCH(QByteArray, message);
        QFETCH(HandshakeError, error);
        Peers p;
        NoiseResponder server = p.responder();
        const auto result = server.readClientHello(message);
        QVERIFY(!result);
        QCOMPARE(result.error(), error);
        QCOMPARE(server.serverHello().error(), HandshakeError::WrongState);
    }
    void lowOrderClientEphemeral()
    {
        Peers p;
        NoiseResponder server = p.responder();
        waproto::HandshakeMessage m;
        m.mutable_client_hello()->set_ephemeral(std::string(32, '\0'));
        QVERIFY(server.readClientHello(serialize(m)));
        QCOMPARE(server.serverHello().error(), HandshakeError::BadEphemeral);
    }

    void badClientFinish_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<HandshakeError>("error");
        QTest::newRow("empty bytes") << 0 << HandshakeError::UnexpectedMessage;
        QTest::newRow("not protobuf") << 1 << HandshakeError::Malformed;
        QTest::newRow("no static") << 2 << HandshakeError::BadStatic;
        QTest::newRow("49-byte static") << 3 << HandshakeError::BadStatic;
        QTest::newRow("no payload") << 4 << HandshakeError::MissingPayload;
        QTest::newRow("static bit flipped") << 5 << HandshakeError::DecryptFailed;
        QTest::newRow("payload bit flipped") << 6 << HandshakeError::DecryptFailed;
        QTest::newRow("payload truncated") << 7 << HandshakeError::DecryptFailed;
        QTest::newRow("the clientHello again") << 8 << HandshakeError::UnexpectedMessage;
    }
    void badClientFinish()
    {
        QFETCH(int, mutation);
        QFETCH(HandshakeError, error);
        Peers p;
        NoiseInitiator client = p.initiator();
        NoiseResponder server = p.responder();
        const QByteArray hello = *client.clientHello();
        QVERIFY(server.readClientHello(hello));
        QVERIFY(client.readServerHello(*server.serverHello()));
        waproto::HandshakeMessage m = parse(*client.clientFinish("payload"));
        auto *cf = m.mutable_client_finish();
        QByteArray bytes;
        switch (mutation) {
        case 0: break;
        case 1: bytes = hex("0a"); break;
        case 2: cf->clear_static_key(); break;
        case 3: cf->mutable_static_key()->push_back('x'); break;
        case 4: cf->clear_payload(); break;
        case 5: (*cf->mutable_static_key())[0] ^= 1; break;
        case 6: (*cf->mutable_payload())[0] ^= 1; break;
        case 7: cf->mutable_payload()->pop_back(); break;
        case 8: bytes = hello; break;
        }
        if (mutation >= 2 && mutation <= 7)
            bytes = serialize(m);
        const auto result = server.readClientFinish(bytes);
        QVERIFY(!result);
        QCOMPARE(result.error(), error);
        QCOMPARE(server.split().error(), HandshakeError::WrongState);
    }

    void stepsOutOfOrder()
    {
        Peers p;
        {
            NoiseInitiator client = p.initiator();
            QCOMPARE(client.clientFinish("x").error(), HandshakeError::WrongState);
        }
        {
            NoiseInitiator client = p.initiator();
            QVERIFY(client.clientHello());
            QCOMPARE(client.clientHello().error(), HandshakeError::WrongState); // twice
        }
        {
            NoiseInitiator client = p.initiator();
            QCOMPARE(client.split().error(), HandshakeError::WrongState);
        }
        {
            NoiseResponder server = p.responder();
            QCOMPARE(server.serverHello().error(), HandshakeError::WrongState);
        }
        {
            NoiseInitiator client = p.initiator();
            NoiseResponder server = p.responder();
            QVERIFY(handshake(client, server, "x"));
            QVERIFY(client.split());
            QCOMPARE(client.split().error(), HandshakeError::WrongState); // one cipher per handshake
            QVERIFY(server.split());
            QCOMPARE(server.split().error(), HandshakeError::WrongState);
        }
        {
            NoiseInitiator client(KeyPair{}, p.verifier(), p.clientEphemeral);
            QCOMPARE(client.clientHello().error(), HandshakeError::InvalidKey);
        }
    }
    void freshEphemeralPerConnection()
    {
        const KeyPair noiseKey = KeyPair::generate();
        NoiseInitiator a(noiseKey), b(noiseKey);
        QVERIFY(*a.clientHello() != *b.clientHello());
    }
};

QTEST_GUILESS_MAIN(TestNoise)
#include "tst_noise.moc"
