// MessageFeature on its own, with a recording host instead of a connection and a Signal party of
// our own as the peer: the stanza shapes of MESSAGING.md section by section (usync §3, the pre-key
// fetch §2, the message and its fan-out §5, receipts §8, retries §9, chat state and presence §10),
// a group message with its sender key (§17), WhatsApp's acks, a store that refuses a commit
// (nothing is receipted before the state is saved), and a store whose commit is shared and answers
// later (what waits for the state runs after that commit, in order, or not at all).

#include "wa/binary/node.h"
#include "wa/client/authstate.h"
#include "wa/client/messagefeature.h"
#include "wa/client/signalsession.h"
#include "wa/crypto/xeddsa.h"
#include "wa/message/messagecodec.h"
#include "wa/message/stanzas.h"
#include "wa/signal/signalprotocol.h"

#include <QSignalSpy>
#include <QTest>

using namespace wagate;
using namespace wagate::wa;

namespace {

const QString kOwn = QStringLiteral("15550002222");   // our account; we are device 1
const QString kPeer = QStringLiteral("15550001111");  // the peer: devices 0 and 3

//! Records what the feature sends and holds its iqs for the test to answer.
class Host : public WaFeatureHost
{
public:
    AuthState state;
    QList<Node> sent;
    struct Iq
    {
        Node node;
        std::function<void(const Node &)> onResponse;
    };
    QList<Iq> iqs;
    bool ready = true;

    bool sendNode(const Node &node) override
    {
        sent.append(node);
        return ready;
    }
    void sendIq(Node iq, int, std::function<void(const Node &)> onResponse, std::function<void()>) override
    {
        iq.setAttr(QStringLiteral("id"), QString::number(iqs.size() + 1));
        sent.append(iq);
        iqs.append({iq, std::move(onResponse)});
    }
    qint64 nowMs() const override { return 1735689600000; }
    qint64 serverNowSeconds() const override { return 1735689600; }
    AuthState &auth() override { return state; }
    void persistAuth() override {}
    bool isReady() const override { return ready; }
    void failConnection(const DisconnectReason &) override {}

    QList<Node> sentWith(const char *tag) const
    {
        QList<Node> out;
        for (const Node &n : sent)
            if (n.tag() == QLatin1String(tag))
                out.append(n);
        return out;
    }
};

//! A device of the peer: its identity, keys and Signal state.
struct PeerDevice
{
    SignalIdentity identity;
    MemorySignalStore store;
    std::unique_ptr<SignalProtocol> signal;
    KeyPair oneTime = KeyPair::generate();

    explicit PeerDevice(quint32 registrationId)
    {
        identity.identityKey = KeyPair::generate();
        identity.registrationId = registrationId;
        identity.signedPreKeyId = 7;
        identity.signedPreKey = KeyPair::generate();
        identity.signedPreKeySignature = xeddsa::sign(identity.identityKey.priv, QByteArray(1, '\x05') + identity.signedPreKey.pub);
        (void)store.apply({{SignalRecordKind::PreKey, SignalProtocol::preKeyKey(11), SignalProtocol::preKeyRecord(11, oneTime)}});
        signal = std::make_unique<SignalProtocol>(identity, &store);
    }
    PreKeyBundle bundle(quint32 device) const
    {
        PreKeyBundle b;
        b.registrationId = identity.registrationId;
        b.deviceId = device;
        b.identityKey = identity.identityKey.pub;
        b.signedPreKeyId = identity.signedPreKeyId;
        b.signedPreKey = identity.signedPreKey.pub;
        b.signedPreKeySignature = identity.signedPreKeySignature;
        b.preKeyId = 11;
        b.preKey = oneTime.pub;
        return b;
    }
};

Node usyncAnswer(const Node &query, const QMap<QString, QList<int>> &devices)
{
    QList<Node> users;
    for (auto it = devices.cbegin(); it != devices.cend(); ++it) {
        QList<Node> list;
        for (int d : it.value()) {
            Node device(QStringLiteral("device"), {{QStringLiteral("id"), QString::number(d)}});
            if (d != 0)
                device.setAttr(QStringLiteral("key-index"), QStringLiteral("1"));
            list.append(device);
        }
        users.append(Node(QStringLiteral("user"), {{QStringLiteral("jid"), Jid::phone(it.key())}},
                          QList<Node>{Node(QStringLiteral("devices"), {},
                                           QList<Node>{Node(QStringLiteral("device-list"), {}, list)})}));
    }
    return Node(QStringLiteral("iq"), {{QStringLiteral("type"), "result"}, {QStringLiteral("id"), query.attr("id")}},
                QList<Node>{Node(QStringLiteral("usync"), {}, QList<Node>{Node(QStringLiteral("list"), {}, users)})});
}

//! A store whose commits are shared and answered later, as the gateway's database does at the end
//! of an event-loop turn: applyLater() holds the writes until answer().
class LaterStore : public MemorySignalStore
{
public:
    struct Held
    {
        QList<SignalChange> changes;
        std::function<void(Expected<void, SignalStoreError>)> done;
    };
    QList<Held> held;

    bool appliesLater() const override { return true; }
    void applyLater(const QList<SignalChange> &changes, std::function<void(Expected<void, SignalStoreError>)> done) override
    {
        held.append({changes, std::move(done)});
    }
    //! Answers every held commit in order: stored, or refused all together.
    void answer(bool stored)
    {
        for (Held &h : std::exchange(held, {})) {
            if (stored)
                h.done(apply(h.changes));
            else
                h.done(SignalStoreError::Unavailable);
        }
    }
};

} // namespace

class TestMessageFeature : public QObject
{
    Q_OBJECT

    Host m_host;
    std::shared_ptr<MemorySignalStore> m_store;
    std::unique_ptr<SignalSession> m_signal;
    std::unique_ptr<MessageFeature> m_feature;
    SignalAddress m_ourAddress;

    void settle()
    {
        for (int i = 0; i < 4; ++i)
            QCoreApplication::processEvents();
    }

    //! A message from a peer device to us, encrypted by that device.
    Node incoming(PeerDevice &peer, quint16 device, const QString &id, const QByteArray &plaintext, bool withBundle)
    {
        if (withBundle) {
            PreKeyBundle ours;
            ours.registrationId = m_host.state.registrationId;
            ours.deviceId = 1;
            ours.identityKey = m_host.state.identityKey.pub;
            ours.signedPreKeyId = m_host.state.signedPreKey.id;
            ours.signedPreKey = m_host.state.signedPreKey.keyPair.pub;
            ours.signedPreKeySignature = m_host.state.signedPreKey.signature;
            ours.preKeyId = 5;
            ours.preKey = m_ourPreKey.pub;
            if (!peer.signal->processBundle(m_ourAddress, ours))
                qFatal("bundle");
        }
        auto c = peer.signal->encrypt(m_ourAddress, message::pad(plaintext));
        return Node(QStringLiteral("message"),
                    {{QStringLiteral("from"), Jid::phone(kPeer, device)},
                     {QStringLiteral("id"), id},
                     {QStringLiteral("t"), QStringLiteral("1735689700")},
                     {QStringLiteral("type"), "text"},
                     {QStringLiteral("notify"), QStringLiteral("Bob")}},
                    QList<Node>{Node(QStringLiteral("enc"), {{QStringLiteral("v"), "2"}, {QStringLiteral("type"), c->typeName()}},
                                     c->bytes)});
    }
    KeyPair m_ourPreKey;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<IncomingMessage>();
        qRegisterMetaType<SendFailure>();
        qRegisterMetaType<MessageReceipt>();
    }

    void init()
    {
        m_host = Host();
        m_host.state = AuthState::createNew();
        m_host.state.jid = kOwn + QStringLiteral(":1@s.whatsapp.net");
        m_host.state.account = QByteArray("signed-device-identity");
        m_host.state.pushName = QStringLiteral("Gateway");
        m_store = std::make_shared<MemorySignalStore>();
        m_ourPreKey = KeyPair::generate();
        QVERIFY(m_store->apply({{SignalRecordKind::PreKey, SignalProtocol::preKeyKey(5),
                                 SignalProtocol::preKeyRecord(5, m_ourPreKey)}}));
        m_signal = std::make_unique<SignalSession>(m_store);
        m_signal->setIdentity(signalIdentityOf(m_host.state));
        MessageFeature::Options o;
        o.markOnline = false;
        m_feature = std::make_unique<MessageFeature>(m_host, *m_signal, o);
        m_ourAddress = SignalAddress::fromJid(Jid::phone(kOwn, 1));
    }
    void cleanup()
    {
        m_feature.reset();
        m_signal.reset();
    }

    //! §3, §2, §5: the device lists of both users, bundles for the devices without a session, one
    //! stanza with a pkmsg per device and the device identity; the peer reads its copy, our own
    //! phone its DeviceSentMessage.
    void sendingFansOutToEveryDevice()
    {
        PeerDevice phone(100), companion(101), ownPhone(102);
        QSignalSpy sent(m_feature.get(), &MessageFeature::messageSent);
        const QString id = QStringLiteral("3EB05C9CEFF5A8EFFC0B4A");
        m_feature->send({id, QStringLiteral("+") + kPeer, QStringLiteral("Hello")});
        settle();

        QCOMPARE(m_host.iqs.size(), 1);
        const Node usync = m_host.iqs[0].node;
        QCOMPARE(usync.attr("xmlns"), QStringLiteral("usync"));
        QCOMPARE(usync.attr("type"), QStringLiteral("get"));
        QCOMPARE(usync.jidAttr("to"), Jid::serverJid());
        const Node u = usync.child("usync");
        QCOMPARE(u.attr("mode"), QStringLiteral("query"));
        QCOMPARE(u.attr("context"), QStringLiteral("message"));
        QVERIFY(u.child("query").hasChild("devices"));
        QCOMPARE(u.child("query").child("devices").attr("version"), QStringLiteral("2"));
        QVERIFY(u.child("query").hasChild("lid"));
        QStringList asked;
        for (const Node &user : u.child("list").children(u"user"))
            asked << user.jidAttr("jid")->toString();
        asked.sort();
        QCOMPARE(asked, (QStringList{kPeer + QStringLiteral("@s.whatsapp.net"), kOwn + QStringLiteral("@s.whatsapp.net")}));
        m_host.iqs[0].onResponse(usyncAnswer(usync, {{kPeer, {0, 3}}, {kOwn, {0, 1}}}));
        settle();

        // Our own sending device (1) is not in the fan-out; the other three need bundles.
        QCOMPARE(m_host.iqs.size(), 2);
        const Node fetch = m_host.iqs[1].node;
        QCOMPARE(fetch.attr("xmlns"), QStringLiteral("encrypt"));
        QCOMPARE(fetch.attr("type"), QStringLiteral("get"));
        QStringList devices;
        for (const Node &user : fetch.child("key").children(u"user")) {
            devices << user.jidAttr("jid")->toString();
            QCOMPARE(user.attr("reason"), QStringLiteral("identity"));
        }
        devices.sort();
        QCOMPARE(devices, (QStringList{kPeer + QStringLiteral(":3@s.whatsapp.net"), kPeer + QStringLiteral("@s.whatsapp.net"),
                                       kOwn + QStringLiteral("@s.whatsapp.net")}));
        const auto bundleNode = [](const Jid &jid, const PreKeyBundle &b) {
            return Node(QStringLiteral("user"), {{QStringLiteral("jid"), jid}}, stanza::bundleChildren(b));
        };
        m_host.iqs[1].onResponse(Node(
            QStringLiteral("iq"), {{QStringLiteral("type"), "result"}},
            QList<Node>{Node(QStringLiteral("list"), {},
                             QList<Node>{bundleNode(Jid::phone(kPeer), phone.bundle(0)), bundleNode(Jid::phone(kPeer, 3), companion.bundle(3)),
                                         bundleNode(Jid::phone(kOwn), ownPhone.bundle(0))})}));
        settle();

        const QList<Node> messages = m_host.sentWith("message");
        QCOMPARE(messages.size(), 1);
        const Node m = messages.first();
        QCOMPARE(m.jidAttr("to"), Jid::phone(kPeer));
        QCOMPARE(m.attr("id"), id);
        QCOMPARE(m.attr("type"), QStringLiteral("text"));
        QVERIFY(!m.hasAttr("t")); // no t on a fresh send
        QCOMPARE(m.child("device-identity").contentBytes(), QByteArray("signed-device-identity"));
        QHash<QString, QByteArray> encs;
        for (const Node &to : m.child("participants").children(u"to")) {
            const Node enc = to.child("enc");
            QCOMPARE(enc.attr("v"), QStringLiteral("2"));
            QCOMPARE(enc.attr("type"), QStringLiteral("pkmsg"));
            encs.insert(to.jidAttr("jid")->toString(), enc.contentBytes());
        }
        QCOMPARE(encs.size(), 3);
        // Each device reads its own copy: the peer the text, our own phone the DSM.
        const auto read = [&](PeerDevice &d, const QString &jid) {
            auto plain = d.signal->decryptPreKeyMessage(m_ourAddress, encs.value(jid));
            return plain ? *message::decode(plain->plaintext) : message::Content{};
        };
        const auto peerCopy = read(phone, kPeer + QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(peerCopy.text, QStringLiteral("Hello"));
        QCOMPARE(peerCopy.type, QStringLiteral("extendedTextMessage"));
        QVERIFY(!peerCopy.deviceSentTo);
        QCOMPARE(read(companion, kPeer + QStringLiteral(":3@s.whatsapp.net")).text, QStringLiteral("Hello"));
        const auto ownCopy = read(ownPhone, kOwn + QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(ownCopy.text, QStringLiteral("Hello"));
        QCOMPARE(ownCopy.deviceSentTo, std::optional<Jid>(Jid::phone(kPeer)));

        // The server ack is "sent", with WhatsApp's time.
        QVERIFY(m_feature->handleNode(Node(QStringLiteral("ack"), {{QStringLiteral("class"), "message"}, {QStringLiteral("id"), id},
                                                                   {QStringLiteral("from"), Jid::phone(kPeer)},
                                                                   {QStringLiteral("t"), QStringLiteral("1735689601")}})));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().at(1).toLongLong(), 1735689601000);
        // A second message needs no device list and no bundle any more, and rides `pkmsg` until
        // the peer answers.
        m_feature->send({QStringLiteral("SECOND"), kPeer, QStringLiteral("again")});
        settle();
        QCOMPARE(m_host.iqs.size(), 2);
        QCOMPARE(m_host.sentWith("message").size(), 2);
    }

    void receivingAndItsReceipts()
    {
        PeerDevice peer(200);
        QSignalSpy received(m_feature.get(), &MessageFeature::messageReceived);
        QVERIFY(m_feature->handleNode(incoming(peer, 3, QStringLiteral("AC07DE0D18FA8254897A26C90B2FFD98"),
                                               message::encodeText(QStringLiteral("hi")), true)));
        QCOMPARE(received.size(), 0); // not in the read handler
        settle();
        QCOMPARE(received.size(), 1);
        const IncomingMessage m = received.first().at(0).value<IncomingMessage>();
        QCOMPARE(m.text, QStringLiteral("hi"));
        QCOMPARE(m.chat, kPeer + QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(m.senderDevice, kPeer + QStringLiteral(":3@s.whatsapp.net"));
        QCOMPARE(m.pushName, QStringLiteral("Bob"));
        QCOMPARE(m.at, 1735689700000);
        // §8: the delivery receipt goes to the sending device, device included.
        const QList<Node> receipts = m_host.sentWith("receipt");
        QCOMPARE(receipts.size(), 1);
        QCOMPARE(receipts.first().jidAttr("to"), Jid::phone(kPeer, 3));
        QCOMPARE(receipts.first().attr("id"), QStringLiteral("AC07DE0D18FA8254897A26C90B2FFD98"));
        QVERIFY(!receipts.first().hasAttr("type"));
        // The one-time pre-key it used is gone from the store, once.
        QVERIFY(!m_store->load(SignalRecordKind::PreKey, SignalProtocol::preKeyKey(5))->has_value());
    }

    void readReceiptChatStateAndPresence()
    {
        QVERIFY(m_feature->markRead(kPeer + QStringLiteral("@s.whatsapp.net"), {}, {QStringLiteral("A"), QStringLiteral("B"),
                                                                                    QStringLiteral("C")}));
        Node r = m_host.sent.last();
        QCOMPARE(r.tag(), QStringLiteral("receipt"));
        QCOMPARE(r.attr("id"), QStringLiteral("A"));
        QCOMPARE(r.jidAttr("to"), Jid::phone(kPeer));
        QCOMPARE(r.attr("type"), QStringLiteral("read"));
        QCOMPARE(r.attr("t"), QStringLiteral("1735689600"));
        QStringList items;
        for (const Node &item : r.child("list").children(u"item"))
            items << item.attr("id");
        QCOMPARE(items, (QStringList{QStringLiteral("B"), QStringLiteral("C")}));
        // More than 256 ids go in several receipts.
        QStringList many;
        for (int i = 0; i < 300; ++i)
            many << QStringLiteral("ID%1").arg(i);
        const qsizetype before = m_host.sent.size();
        QVERIFY(m_feature->markRead(kPeer, {}, many));
        QCOMPARE(m_host.sent.size(), before + 2);

        QVERIFY(m_feature->sendChatState(kPeer, ChatState::Composing));
        QCOMPARE(m_host.sent.last().tag(), QStringLiteral("chatstate"));
        QCOMPARE(m_host.sent.last().jidAttr("to"), Jid::phone(kPeer));
        QVERIFY(m_host.sent.last().hasChild("composing"));
        QVERIFY(m_feature->sendChatState(kPeer, ChatState::Paused));
        QVERIFY(m_host.sent.last().hasChild("paused"));
        QVERIFY(m_feature->setPresence(true));
        QCOMPARE(m_host.sent.last().tag(), QStringLiteral("presence"));
        QCOMPARE(m_host.sent.last().attr("type"), QStringLiteral("available"));
        QCOMPARE(m_host.sent.last().attr("name"), QStringLiteral("Gateway"));

        QCOMPARE(m_feature->markRead(QStringLiteral("1203@g.us"), {}, {QStringLiteral("A")}).error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("sender"));
        QCOMPARE(m_feature->markRead(kPeer, {}, {}).error().code, ErrorCode::InvalidArgument);
        m_host.ready = false;
        QCOMPARE(m_feature->markRead(kPeer, {}, {QStringLiteral("A")}).error().code, ErrorCode::Unavailable);
    }

    //! §9: a message we cannot read is answered with retry receipts — from the second on with a
    //! fresh one-time key of ours — and after the fifth it is reported as undecryptable, once.
    void retryReceiptsThenUndecryptable()
    {
        QSignalSpy received(m_feature.get(), &MessageFeature::messageReceived);
        const Node garbage(QStringLiteral("message"),
                           {{QStringLiteral("from"), Jid::phone(kPeer, 3)}, {QStringLiteral("id"), QStringLiteral("BAD1")},
                            {QStringLiteral("t"), QStringLiteral("1735689700")}, {QStringLiteral("type"), "text"}},
                           QList<Node>{Node(QStringLiteral("enc"), {{QStringLiteral("v"), "2"}, {QStringLiteral("type"), "msg"}},
                                            QByteArray::fromHex("330a2105") + QByteArray(60, 'x'))});
        for (int round = 1; round <= 6; ++round) {
            m_host.sent.clear();
            m_feature->handleNode(garbage);
            settle();
            if (round <= 5) {
                const QList<Node> receipts = m_host.sentWith("receipt");
                QCOMPARE(receipts.size(), 1);
                const Node r = receipts.first();
                QCOMPARE(r.attr("type"), QStringLiteral("retry"));
                QCOMPARE(r.jidAttr("to"), Jid::phone(kPeer, 3));
                QCOMPARE(r.child("retry").attr("count"), QString::number(round));
                QCOMPARE(r.child("retry").attr("id"), QStringLiteral("BAD1"));
                QCOMPARE(r.child("retry").attr("t"), QStringLiteral("1735689700"));
                QCOMPARE(r.child("retry").attr("v"), QStringLiteral("1"));
                QCOMPARE(r.child("registration").contentBytes().size(), 4);
                QCOMPARE(r.hasChild("keys"), round >= 2);
                if (round >= 2) {
                    const Node keys = r.child("keys");
                    QCOMPARE(keys.child("type").contentBytes(), QByteArray(1, '\x05'));
                    QCOMPARE(keys.child("identity").contentBytes(), m_host.state.identityKey.pub);
                    QCOMPARE(keys.child("key").child("value").contentBytes().size(), 32);
                    QCOMPARE(keys.child("skey").child("signature").contentBytes().size(), 64);
                    QCOMPARE(keys.child("device-identity").contentBytes(), QByteArray("signed-device-identity"));
                    // The key offered is ours, in the store.
                    const QByteArray id = keys.child("key").child("id").contentBytes();
                    const quint32 n = (quint32(quint8(id[0])) << 16) | (quint32(quint8(id[1])) << 8) | quint8(id[2]);
                    QVERIFY(m_store->load(SignalRecordKind::PreKey, SignalProtocol::preKeyKey(n))->has_value());
                }
                QCOMPARE(m_host.sentWith("ack").size(), 1);
                QCOMPARE(received.size(), 0);
            }
        }
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().at(0).value<IncomingMessage>().type, QStringLiteral("undecryptable"));
    }

    //! §17: a group message — the pairwise part carries the sender key, the skmsg the text.
    void groupMessage()
    {
        PeerDevice peer(300);
        const QString group = QStringLiteral("120363012345678901@g.us");
        const SignalAddress sender = SignalAddress::fromJid(Jid::phone(kPeer, 3));
        auto skdm = peer.signal->senderKeyDistribution(group, sender);
        QVERIFY(skdm);
        Node pairwise = incoming(peer, 3, QStringLiteral("G1"), message::encodeSenderKeyDistribution(group, *skdm), true);
        auto skmsg = peer.signal->groupEncrypt(group, sender, message::pad(message::encodeText(QStringLiteral("hello group"))));
        QVERIFY(skmsg);
        Node m = pairwise;
        m.setAttr(QStringLiteral("from"), *Jid::parse(group));
        m.setAttr(QStringLiteral("participant"), Jid::phone(kPeer, 3));
        m.addChild(Node(QStringLiteral("enc"), {{QStringLiteral("v"), "2"}, {QStringLiteral("type"), "skmsg"}}, skmsg->senderKeyMessage));
        QSignalSpy received(m_feature.get(), &MessageFeature::messageReceived);
        m_feature->handleNode(m);
        settle();
        QCOMPARE(received.size(), 1);
        const IncomingMessage in = received.first().at(0).value<IncomingMessage>();
        QVERIFY(in.isGroup);
        QCOMPARE(in.chat, group);
        QCOMPARE(in.text, QStringLiteral("hello group"));
        QCOMPARE(in.senderDevice, kPeer + QStringLiteral(":3@s.whatsapp.net"));
        const Node receipt = m_host.sentWith("receipt").last();
        QCOMPARE(receipt.jidAttr("to"), *Jid::parse(group));
        QCOMPARE(receipt.jidAttr("participant"), Jid::phone(kPeer, 3));
    }

    void whatsAppsRefusalsAreTyped()
    {
        PeerDevice phone(400);
        QSignalSpy failed(m_feature.get(), &MessageFeature::messageFailed);
        m_feature->send({QStringLiteral("REFUSED"), kPeer, QStringLiteral("x")});
        settle();
        m_host.iqs[0].onResponse(usyncAnswer(m_host.iqs[0].node, {{kPeer, {0}}, {kOwn, {1}}}));
        settle();
        m_host.iqs[1].onResponse(Node(QStringLiteral("iq"), {{QStringLiteral("type"), "result"}},
                                      QList<Node>{Node(QStringLiteral("list"), {},
                                                       QList<Node>{Node(QStringLiteral("user"), {{QStringLiteral("jid"), Jid::phone(kPeer)}},
                                                                        stanza::bundleChildren(phone.bundle(0)))})}));
        settle();
        QCOMPARE(m_host.sentWith("message").size(), 1);
        m_feature->handleNode(Node(QStringLiteral("ack"), {{QStringLiteral("class"), "message"}, {QStringLiteral("id"), QStringLiteral("REFUSED")},
                                                           {QStringLiteral("error"), QStringLiteral("463")}}));
        QCOMPARE(failed.size(), 1);
        const SendFailure f = failed.first().at(0).value<SendFailure>();
        QCOMPARE(f.code, QStringLiteral("reach_out_timelock"));
        QCOMPARE(f.waCode, 463);
        QVERIFY(f.retryable);
        // A user without devices is not on WhatsApp, and said so without sending anything.
        m_feature->send({QStringLiteral("NOBODY"), QStringLiteral("4915199999999"), QStringLiteral("x")});
        settle();
        m_host.iqs.last().onResponse(usyncAnswer(m_host.iqs.last().node, {{QStringLiteral("4915199999999"), {}}}));
        settle();
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.last().at(0).value<SendFailure>().code, QStringLiteral("not_on_whatsapp"));
        QCOMPARE(m_host.sentWith("message").size(), 1);
    }

    //! Nothing is receipted before the state it depends on is saved: while the store refuses the
    //! commit, WhatsApp hears nothing; once it takes it, the receipt goes and the message is told.
    void aSharedCommitRunsWhatWaitsAfterIt_data()
    {
        QTest::addColumn<bool>("stored");
        QTest::newRow("stored") << true;
        QTest::newRow("refused") << false;
    }
    void aSharedCommitRunsWhatWaitsAfterIt()
    {
        QFETCH(bool, stored);
        auto store = std::make_shared<LaterStore>();
        SignalSession session(store);
        QStringList ran;
        int lost = 0;
        session.setOnLost([&](SignalStoreError) { ++lost; });
        session.batch().put(SignalRecordKind::Session, "peer.0", "ratchet step");
        session.afterCommit([&] { ran << QStringLiteral("first"); });
        QVERIFY(session.flush());
        // No writes of its own, but queued behind the first commit: it keeps its place.
        session.afterCommit([&] { ran << QStringLiteral("second"); });
        QVERIFY(session.flush());
        QVERIFY(ran.isEmpty());
        QCOMPARE(store->held.size(), 2);
        QVERIFY(!session.hasPending());

        store->answer(stored);
        const QStringList inOrder{QStringLiteral("first"), QStringLiteral("second")};
        QCOMPARE(ran, stored ? inOrder : QStringList());
        QCOMPARE(lost, stored ? 0 : 2);
        QCOMPARE(store->count(SignalRecordKind::Session), stored ? 1 : 0);

        // Nothing in flight and nothing to write: an action runs at once.
        session.afterCommit([&] { ran << QStringLiteral("third"); });
        QVERIFY(session.flush());
        QCOMPARE(ran.size(), stored ? 3 : 1);
        QCOMPARE(ran.last(), QStringLiteral("third"));
    }

    void aReceiptWaitsForTheSharedCommit()
    {
        auto store = std::make_shared<LaterStore>();
        QVERIFY(store->apply({{SignalRecordKind::PreKey, SignalProtocol::preKeyKey(5), SignalProtocol::preKeyRecord(5, m_ourPreKey)}}));
        m_feature.reset();
        m_signal = std::make_unique<SignalSession>(store);
        m_signal->setIdentity(signalIdentityOf(m_host.state));
        MessageFeature::Options o;
        o.markOnline = false;
        m_feature = std::make_unique<MessageFeature>(m_host, *m_signal, o);

        PeerDevice peer(501);
        QSignalSpy received(m_feature.get(), &MessageFeature::messageReceived);
        m_feature->handleNode(incoming(peer, 0, QStringLiteral("LATER"), message::encodeText(QStringLiteral("after the commit")), true));
        settle();
        QVERIFY(!store->held.isEmpty());
        QCOMPARE(m_host.sentWith("receipt").size(), 0);
        QCOMPARE(received.size(), 0);
        store->answer(true);
        settle();
        QCOMPARE(m_host.sentWith("receipt").size(), 1);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().at(0).value<IncomingMessage>().text, QStringLiteral("after the commit"));
    }

    void aRefusedCommitHoldsTheReceipt()
    {
        PeerDevice peer(500);
        QSignalSpy received(m_feature.get(), &MessageFeature::messageReceived);
        const Node m = incoming(peer, 0, QStringLiteral("HOLD"), message::encodeText(QStringLiteral("keep me")), true);
        m_store->setFailing(true);
        m_feature->handleNode(m);
        settle();
        QCOMPARE(received.size(), 0);
        QCOMPARE(m_host.sentWith("receipt").size(), 0);
        m_store->setFailing(false);
        QTRY_COMPARE(received.size(), 1); // the commit is retried
        QCOMPARE(received.first().at(0).value<IncomingMessage>().text, QStringLiteral("keep me"));
        QCOMPARE(m_host.sentWith("receipt").size(), 1);
        QCOMPARE(m_store->count(SignalRecordKind::Received), 1);
    }
};

QTEST_GUILESS_MAIN(TestMessageFeature)
#include "tst_messagefeature.moc"
