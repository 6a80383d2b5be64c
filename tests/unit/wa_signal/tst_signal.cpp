// Signal on libsignal-protocol-c with our crypto provider and stores (MESSAGING.md Part III): X3DH
// from bundles signed by our own XEdDSA, both message types, the ratchet out of order, duplicates,
// consumed one-time pre-keys, identity changes, batched writes through a cold store, and sender
// keys.

#include "wa/crypto/keypair.h"
#include "wa/crypto/xeddsa.h"
#include "wa/signal/signalprotocol.h"
#include "wa/signal/signalstore.h"

#include <QTest>

#include <memory>

using namespace wagate;
using namespace wagate::wa;

namespace {

//! One Signal party: its identity, its store with a few one-time pre-keys, and a cipher over it.
struct Party
{
    SignalIdentity identity;
    MemorySignalStore store;
    std::unique_ptr<SignalProtocol> signal;
    QList<quint32> preKeyIds;
    QHash<quint32, KeyPair> preKeys;

    explicit Party(quint32 registrationId, int oneTimeKeys = 3)
    {
        identity.identityKey = KeyPair::generate();
        identity.registrationId = registrationId;
        identity.signedPreKeyId = 1;
        identity.signedPreKey = KeyPair::generate();
        identity.signedPreKeySignature = xeddsa::sign(identity.identityKey.priv, QByteArray(1, '\x05') + identity.signedPreKey.pub);
        QList<SignalChange> changes;
        for (int i = 0; i < oneTimeKeys; ++i) {
            const quint32 id = quint32(100 + i);
            const KeyPair pair = KeyPair::generate();
            preKeys.insert(id, pair);
            preKeyIds.append(id);
            changes.append({SignalRecordKind::PreKey, SignalProtocol::preKeyKey(id), SignalProtocol::preKeyRecord(id, pair)});
        }
        if (!store.apply(changes))
            qFatal("memory store refused");
        signal = std::make_unique<SignalProtocol>(identity, &store);
    }

    //! What an `encrypt` iq would return for this party's device (with the first unused
    //! one-time key, or none).
    PreKeyBundle bundle(quint32 device, bool withOneTimeKey = true)
    {
        PreKeyBundle b;
        b.registrationId = identity.registrationId;
        b.deviceId = device;
        b.identityKey = identity.identityKey.pub;
        b.signedPreKeyId = identity.signedPreKeyId;
        b.signedPreKey = identity.signedPreKey.pub;
        b.signedPreKeySignature = identity.signedPreKeySignature;
        if (withOneTimeKey && !preKeyIds.isEmpty()) {
            const quint32 id = preKeyIds.takeFirst();
            b.preKeyId = id;
            b.preKey = preKeys.value(id).pub;
        }
        return b;
    }
};

const SignalAddress kAlice{QStringLiteral("15550001111"), 0};
const SignalAddress kBob{QStringLiteral("15550002222"), 3};

SignalPlaintext decrypt(Party &to, const SignalAddress &from, const SignalCiphertext &c)
{
    auto r = c.type == SignalCiphertext::Type::PkMsg ? to.signal->decryptPreKeyMessage(from, c.bytes)
                                                     : to.signal->decryptMessage(from, c.bytes);
    if (!r)
        qWarning() << "decrypt failed:" << signalErrorName(r.error());
    return r ? *r : SignalPlaintext{};
}

} // namespace

class TestSignal : public QObject
{
    Q_OBJECT

private slots:
    void addresses_data()
    {
        QTest::addColumn<QString>("jid");
        QTest::addColumn<QString>("name");
        QTest::addColumn<quint32>("device");
        QTest::newRow("pn primary") << "15550002222@s.whatsapp.net" << "15550002222" << 0u;
        QTest::newRow("pn companion") << "15550002222:3@s.whatsapp.net" << "15550002222" << 3u;
        QTest::newRow("lid companion") << "123456789012345:3@lid" << "123456789012345_1" << 3u;
        QTest::newRow("hosted") << "15550002222:99@hosted" << "15550002222_128" << 99u;
        QTest::newRow("hosted lid") << "1234:99@hosted.lid" << "1234_129" << 99u;
    }
    void addresses()
    {
        QFETCH(QString, jid);
        QFETCH(QString, name);
        QFETCH(quint32, device);
        const auto parsed = Jid::parse(jid);
        QVERIFY(parsed);
        const SignalAddress a = SignalAddress::fromJid(*parsed);
        QCOMPARE(a.name, name);
        QCOMPARE(a.device, device);
        QCOMPARE(SignalAddress::fromKey(a.key()), std::optional<SignalAddress>(a));
        QCOMPARE(a.isLid(), name.endsWith(QLatin1String("_1")) || name.endsWith(QLatin1String("_129")));
    }

    void preKeyRecordsKeepTheirKeys()
    {
        const KeyPair pair = KeyPair::generate();
        const QByteArray record = SignalProtocol::preKeyRecord(4242, pair);
        QVERIFY(!record.isEmpty());
        QCOMPARE(SignalProtocol::preKeyRecordPublic(record), pair.pub);
        QVERIFY(SignalProtocol::preKeyRecordPublic(QByteArray("\x08\x01", 2)).isEmpty());
    }

    //! Pitfall 2 of MESSAGING.md: a signed pre-key signed by our XEdDSA must be accepted by
    //! libsignal's verification, or nobody can ever start a session with us.
    void ourSignedPreKeysVerify()
    {
        Party alice(1);
        Party bob(2);
        auto ok = alice.signal->processBundle(kBob, bob.bundle(3));
        QVERIFY2(ok, ok ? "" : signalErrorName(ok.error()));
        QCOMPARE(*ok, false); // a first contact is not an identity change
        QVERIFY(*alice.signal->hasSession(kBob));

        PreKeyBundle tampered = bob.bundle(3);
        tampered.signedPreKeySignature[5] = char(tampered.signedPreKeySignature[5] ^ 0x01);
        Party carol(3);
        auto refused = carol.signal->processBundle(kBob, tampered);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), SignalError::InvalidSignature);
        QVERIFY(!*carol.signal->hasSession(kBob));

        PreKeyBundle shortKey = bob.bundle(3);
        shortKey.identityKey.chop(1);
        QCOMPARE(carol.signal->processBundle(kBob, shortKey).error(), SignalError::InvalidKey);
    }

    void conversation_data()
    {
        QTest::addColumn<bool>("oneTimeKey");
        QTest::newRow("with a one-time pre-key") << true;
        QTest::newRow("signed pre-key only") << false;
    }
    void conversation()
    {
        QFETCH(bool, oneTimeKey);
        Party alice(1);
        Party bob(2);
        QVERIFY(alice.signal->processBundle(kBob, bob.bundle(3, oneTimeKey)));
        const qsizetype bobKeys = bob.store.count(SignalRecordKind::PreKey);

        // Until Bob answers, every message Alice sends is a pkmsg that can start the session.
        for (int i = 0; i < 3; ++i) {
            auto c = alice.signal->encrypt(kBob, QByteArray("hello ") + QByteArray::number(i));
            QVERIFY(c);
            QCOMPARE(c->type, SignalCiphertext::Type::PkMsg);
            const auto info = SignalProtocol::inspectPreKeyMessage(c->bytes);
            QVERIFY(info);
            QCOMPARE(info->preKeyId.has_value(), oneTimeKey);
            QCOMPARE(info->registrationId, 1u);
            QCOMPARE(info->identityKey, alice.identity.identityKey.pub);
            QCOMPARE(decrypt(bob, kAlice, *c).plaintext, QByteArray("hello ") + QByteArray::number(i));
        }
        // The one-time key is used up, once.
        QCOMPARE(bob.store.count(SignalRecordKind::PreKey), oneTimeKey ? bobKeys - 1 : bobKeys);
        QCOMPARE(*bob.signal->remoteRegistrationId(kAlice), 1u);

        auto reply = bob.signal->encrypt(kAlice, "hi alice");
        QVERIFY(reply);
        QCOMPARE(reply->type, SignalCiphertext::Type::Msg);
        QCOMPARE(decrypt(alice, kBob, *reply).plaintext, QByteArray("hi alice"));

        // Once answered, Alice sends msg; 50 turns each way keep the ratchet in step.
        for (int i = 0; i < 50; ++i) {
            auto a = alice.signal->encrypt(kBob, QByteArray::number(i));
            QVERIFY(a);
            QCOMPARE(a->type, SignalCiphertext::Type::Msg);
            QCOMPARE(decrypt(bob, kAlice, *a).plaintext, QByteArray::number(i));
            auto b = bob.signal->encrypt(kAlice, QByteArray::number(-i));
            QVERIFY(b);
            QCOMPARE(decrypt(alice, kBob, *b).plaintext, QByteArray::number(-i));
        }
    }

    void outOfOrderAndDuplicates()
    {
        Party alice(1);
        Party bob(2);
        QVERIFY(alice.signal->processBundle(kBob, bob.bundle(3)));
        auto first = alice.signal->encrypt(kBob, "first");
        QCOMPARE(decrypt(bob, kAlice, *first).plaintext, QByteArray("first"));
        auto ack = bob.signal->encrypt(kAlice, "ack");
        QCOMPARE(decrypt(alice, kBob, *ack).plaintext, QByteArray("ack"));

        QList<SignalCiphertext> sent;
        for (int i = 0; i < 10; ++i)
            sent.append(*alice.signal->encrypt(kBob, QByteArray::number(i)));
        // Delivered backwards: skipped message keys are kept for later.
        for (int i = 9; i >= 0; --i)
            QCOMPARE(decrypt(bob, kAlice, sent.at(i)).plaintext, QByteArray::number(i));
        // A redelivery is a duplicate (receipted, never delivered twice), not a broken session.
        auto again = bob.signal->decryptMessage(kAlice, sent.at(4).bytes);
        QVERIFY(!again);
        QCOMPARE(again.error(), SignalError::DuplicateMessage);
        // The first pkmsg again: its one-time key is gone and its counter used.
        auto replay = bob.signal->decryptPreKeyMessage(kAlice, first->bytes);
        QVERIFY(!replay);
        QVERIFY(replay.error() == SignalError::DuplicateMessage || replay.error() == SignalError::InvalidKeyId);
        // The session still works afterwards.
        auto next = alice.signal->encrypt(kBob, "still fine");
        QCOMPARE(decrypt(bob, kAlice, *next).plaintext, QByteArray("still fine"));
    }

    void malformedCiphertextIsTyped_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("preKey");
        QTest::newRow("empty msg") << QByteArray() << false;
        QTest::newRow("empty pkmsg") << QByteArray() << true;
        QTest::newRow("legacy version") << QByteArray::fromHex("2208011201") << false;
        QTest::newRow("garbage msg") << QByteArray("\x33\xff\xff\xff\xff\xff\xff\xff\xff\xff", 10) << false;
        QTest::newRow("garbage pkmsg") << (QByteArray::fromHex("3308011203") + "abc") << true;
    }
    void malformedCiphertextIsTyped()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, preKey);
        Party bob(2);
        auto r = preKey ? bob.signal->decryptPreKeyMessage(kAlice, bytes) : bob.signal->decryptMessage(kAlice, bytes);
        QVERIFY(!r);
        QVERIFY2(r.error() != SignalError::StoreUnavailable, signalErrorName(r.error()));
    }

    void msgWithoutSessionIsNoSession()
    {
        Party alice(1);
        Party bob(2);
        Party mallory(9);
        QVERIFY(alice.signal->processBundle(kBob, bob.bundle(3)));
        auto c = alice.signal->encrypt(kBob, "x");
        QCOMPARE(decrypt(bob, kAlice, *c).plaintext, QByteArray("x"));
        auto m = bob.signal->encrypt(kAlice, "y");
        // Mallory never had a session with Bob.
        auto r = mallory.signal->decryptMessage(kBob, m->bytes);
        QVERIFY(!r);
        QCOMPARE(r.error(), SignalError::NoSession);
    }

    //! A reinstalled phone comes back with a new identity: both the bundle path and the pkmsg
    //! path accept it, say so, and the conversation goes on (pitfall 3).
    void identityChangesAreAcceptedAndReported()
    {
        Party alice(1);
        auto bob = std::make_unique<Party>(2);
        QVERIFY(alice.signal->processBundle(kBob, bob->bundle(3)));
        auto c = alice.signal->encrypt(kBob, "before");
        QCOMPARE(decrypt(*bob, kAlice, *c).plaintext, QByteArray("before"));

        bob = std::make_unique<Party>(22); // reinstalled: new keys, new registration id
        auto changed = alice.signal->processBundle(kBob, bob->bundle(3));
        QVERIFY(changed);
        QCOMPARE(*changed, true);
        auto after = alice.signal->encrypt(kBob, "after");
        QCOMPARE(decrypt(*bob, kAlice, *after).plaintext, QByteArray("after"));

        // And the other way: the reinstalled Bob writes first with a pkmsg.
        auto bob2 = std::make_unique<Party>(23);
        QVERIFY(bob2->signal->processBundle(kAlice, alice.bundle(0)));
        auto hello = bob2->signal->encrypt(kAlice, "new phone");
        auto got = alice.signal->decryptPreKeyMessage(kBob, hello->bytes);
        QVERIFY(got);
        QCOMPARE(got->plaintext, QByteArray("new phone"));
        QCOMPARE(got->identityChanged, true);
    }

    //! A batch collects every write of a burst; the backing store sees one commit, and a fresh
    //! party over that store (a cold cache) continues the sessions.
    void batchesCommitOnceAndSurviveAColdStart()
    {
        Party alice(1);
        Party bob(2);
        QVERIFY(alice.signal->processBundle(kBob, bob.bundle(3)));
        QList<SignalCiphertext> burst;
        for (int i = 0; i < 20; ++i)
            burst.append(*alice.signal->encrypt(kBob, QByteArray::number(i)));

        const int commitsBefore = bob.store.commits();
        const qsizetype keysBefore = bob.store.count(SignalRecordKind::PreKey);
        SignalBatch batch(bob.store);
        bob.signal->setStore(&batch);
        for (int i = 0; i < burst.size(); ++i)
            QCOMPARE(decrypt(bob, kAlice, burst.at(i)).plaintext, QByteArray::number(i));
        // Nothing reached the store yet.
        QCOMPARE(bob.store.commits(), commitsBefore);
        QCOMPARE(bob.store.count(SignalRecordKind::Session), 0);
        QCOMPARE(bob.store.count(SignalRecordKind::PreKey), keysBefore);
        QVERIFY(!batch.isEmpty());
        QVERIFY(batch.commit());
        QCOMPARE(bob.store.commits(), commitsBefore + 1);
        QCOMPARE(bob.store.count(SignalRecordKind::Session), 1);
        QCOMPARE(bob.store.count(SignalRecordKind::PreKey), keysBefore - 1);
        QCOMPARE(bob.store.count(SignalRecordKind::Identity), 1);

        // A new party over the same store: what it knows comes from the store alone.
        SignalProtocol cold(bob.identity, &bob.store);
        auto reply = cold.encrypt(kAlice, "from a cold start");
        QVERIFY(reply);
        QCOMPARE(decrypt(alice, kBob, *reply).plaintext, QByteArray("from a cold start"));
    }

    void storeFailuresAreReportedAndChangeNothing()
    {
        Party alice(1);
        Party bob(2);
        QVERIFY(alice.signal->processBundle(kBob, bob.bundle(3)));
        auto c = alice.signal->encrypt(kBob, "x");
        bob.store.setFailing(true);
        auto r = bob.signal->decryptPreKeyMessage(kAlice, c->bytes);
        QVERIFY(!r);
        QCOMPARE(r.error(), SignalError::StoreUnavailable);

        // A batch over a failing store keeps its changes for a later commit.
        bob.store.setFailing(false);
        SignalBatch batch(bob.store);
        bob.signal->setStore(&batch);
        QCOMPARE(decrypt(bob, kAlice, *c).plaintext, QByteArray("x"));
        bob.store.setFailing(true);
        QVERIFY(!batch.commit());
        QVERIFY(!batch.isEmpty());
        bob.store.setFailing(false);
        QVERIFY(batch.commit());
        QCOMPARE(bob.store.count(SignalRecordKind::Session), 1);
    }

    void senderKeys()
    {
        Party alice(1);
        Party bob(2);
        const QString group = QStringLiteral("120363012345678901@g.us");
        auto skdm = alice.signal->senderKeyDistribution(group, kAlice);
        QVERIFY(skdm);
        QVERIFY(bob.signal->processSenderKeyDistribution(group, kAlice, *skdm));
        for (int i = 0; i < 5; ++i) {
            auto c = alice.signal->groupEncrypt(group, kAlice, QByteArray("group ") + QByteArray::number(i));
            QVERIFY(c);
            QVERIFY(!c->distributionMessage.isEmpty());
            auto plain = bob.signal->groupDecrypt(group, kAlice, c->senderKeyMessage);
            QVERIFY(plain);
            QCOMPARE(*plain, QByteArray("group ") + QByteArray::number(i));
        }
        // Without the distribution message there is no key to decrypt with.
        Party carol(3);
        auto c = alice.signal->groupEncrypt(group, kAlice, "x");
        auto none = carol.signal->groupDecrypt(group, kAlice, c->senderKeyMessage);
        QVERIFY(!none);
        QCOMPARE(none.error(), SignalError::NoSession);
    }
};

QTEST_GUILESS_MAIN(TestSignal)
#include "tst_signal.moc"
