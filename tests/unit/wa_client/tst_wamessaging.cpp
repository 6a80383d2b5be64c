// Messages over the real protocol, WaConnection against wasim in-process on loopback: texts both
// ways with a wasim phone and with another companion (pkmsg first, then msg), our own phone's
// DeviceSentMessage copy, receipts both ways, the offline queue, redeliveries, retry receipts in
// both directions, a reinstalled peer, LID addressing, WhatsApp's refusals, and a restart from the
// store alone.

#include "wa/client/authstate.h"
#include "wa/client/waconnection.h"
#include "wa/message/messagecodec.h"
#include "wa/signal/signalstore.h"

#include "wasim/wasimserver.h"

#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace wagate;
using namespace wagate::wa;
using namespace wagate::wasim;

namespace {

constexpr int kWait = 10000;
const QString kAlice = QStringLiteral("15550001111"); // the account our connection is linked to
const QString kBob = QStringLiteral("15550002222");   // a peer

WaConnectionOptions optionsFor(const WasimServer &sim)
{
    WaConnectionOptions o;
    o.url = sim.url();
    o.rootKey = sim.rootPublicKey();
    o.connectTimeoutMs = 4000;
    o.loginTimeoutMs = 4000;
    o.iqTimeoutMs = 4000;
    o.keepAliveMinIntervalMs = 20000;
    o.keepAliveMaxIntervalMs = 20000;
    o.initialPreKeyBatch = 30; // enough for the tests, quick to generate
    o.preKeyBatch = 10;
    return o;
}

//! A linked device: its connection, its store and what it heard.
struct Device
{
    std::shared_ptr<MemorySignalStore> store = std::make_shared<MemorySignalStore>();
    AuthState auth;
    std::unique_ptr<WaConnection> c;
    std::unique_ptr<QSignalSpy> loggedIn, sent, failed, received, receipts, offline, disconnected;

    void make(const WaConnectionOptions &options)
    {
        c = std::make_unique<WaConnection>(auth, options);
        c->setSignalStore(store);
        QObject::connect(c.get(), &WaConnection::authStateChanged, c.get(),
                         [this](const QByteArray &bytes) { auth = *AuthState::parse(bytes); });
        loggedIn = std::make_unique<QSignalSpy>(c.get(), &WaConnection::loggedIn);
        sent = std::make_unique<QSignalSpy>(c.get(), &WaConnection::messageSent);
        failed = std::make_unique<QSignalSpy>(c.get(), &WaConnection::messageFailed);
        received = std::make_unique<QSignalSpy>(c.get(), &WaConnection::messageReceived);
        receipts = std::make_unique<QSignalSpy>(c.get(), &WaConnection::receiptReceived);
        offline = std::make_unique<QSignalSpy>(c.get(), &WaConnection::offlineDelivered);
        disconnected = std::make_unique<QSignalSpy>(c.get(), &WaConnection::disconnected);
    }
    IncomingMessage message(qsizetype i) const { return received->at(i).at(0).value<IncomingMessage>(); }
    SendFailure failure(qsizetype i) const { return failed->at(i).at(0).value<SendFailure>(); }
    MessageReceipt receipt(qsizetype i) const { return receipts->at(i).at(0).value<MessageReceipt>(); }
    QString jid() const { return auth.jid; }
};

} // namespace

class TestWaMessaging : public QObject
{
    Q_OBJECT

    std::unique_ptr<WasimServer> m_sim;

    //! A device of `phone` linked through the real QR flow and logged in.
    bool link(Device &d, const QString &phone)
    {
        d.auth = AuthState::createNew();
        d.make(optionsFor(*m_sim));
        QSignalSpy qr(d.c.get(), &WaConnection::qrCode);
        d.c->connectToWhatsApp();
        if (!qr.wait(kWait))
            return false;
        if (!m_sim->scanQr(phone, qr.first().at(0).toString()))
            return false;
        return d.loggedIn->wait(kWait) || d.loggedIn->size() == 1;
    }

    //! The device logs in again from its saved credentials and store alone (a restart).
    bool restart(Device &d)
    {
        d.c.reset();
        d.make(optionsFor(*m_sim));
        d.c->connectToWhatsApp();
        return d.loggedIn->wait(kWait);
    }

    QList<PhoneMessage> inbox(const QString &phone) const { return *m_sim->phoneMessages(phone); }
    PhoneSentMessage sentBy(const QString &phone, const QString &id) const
    {
        const auto all = m_sim->phoneSentMessages(phone);
        for (const PhoneSentMessage &m : *all)
            if (m.id == id)
                return m;
        return {};
    }
    QString newId() const { return message::newId(kAlice, QDateTime::currentSecsSinceEpoch()); }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<DisconnectOutcome>();
        qRegisterMetaType<IncomingMessage>();
        qRegisterMetaType<SendFailure>();
        qRegisterMetaType<MessageReceipt>();
    }
    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

    void init()
    {
        m_sim = std::make_unique<WasimServer>();
        QVERIFY(m_sim->listen());
        QVERIFY(m_sim->addPhone(kAlice, QStringLiteral("Gateway")));
        QVERIFY(m_sim->addPhone(kBob, QStringLiteral("Bob")));
    }
    void cleanup() { m_sim.reset(); }

    void textToAPhoneAndItsReceipts()
    {
        Device gw;
        QVERIFY(link(gw, kAlice));
        const QString id = newId();
        gw.c->sendText({id, kBob, QStringLiteral("Hello Bob")});
        QVERIFY(gw.sent->wait(kWait));
        QCOMPARE(gw.sent->first().at(0).toString(), id);
        QVERIFY(gw.sent->first().at(1).toLongLong() > 0);
        QCOMPARE(gw.failed->size(), 0);

        // Bob's phone has it once; our own phone has the DeviceSentMessage copy.
        QTRY_COMPARE(inbox(kBob).size(), 1);
        QCOMPARE(inbox(kBob).first().text, QStringLiteral("Hello Bob"));
        QCOMPARE(inbox(kBob).first().from.toString(), gw.jid());
        QTRY_COMPARE(inbox(kAlice).size(), 1);
        QVERIFY(inbox(kAlice).first().fromMe);
        QCOMPARE(inbox(kAlice).first().chat.toString(), kBob + QStringLiteral("@s.whatsapp.net"));

        // Delivered by Bob's phone, then read.
        QTRY_VERIFY(gw.receipts->size() >= 1);
        bool delivered = false;
        for (int i = 0; i < gw.receipts->size(); ++i) {
            const MessageReceipt r = gw.receipt(i);
            if (r.kind == MessageReceipt::Kind::Delivered && r.fromDevice == kBob + QStringLiteral("@s.whatsapp.net")) {
                QCOMPARE(r.ids, QStringList{id});
                QCOMPARE(r.chat, kBob + QStringLiteral("@s.whatsapp.net"));
                delivered = true;
            }
        }
        QVERIFY(delivered);
        QVERIFY(m_sim->phoneReadMessage(kBob, id));
        QTRY_VERIFY(std::any_of(gw.receipts->cbegin(), gw.receipts->cend(), [&](const QList<QVariant> &args) {
            const auto r = args.at(0).value<MessageReceipt>();
            return r.kind == MessageReceipt::Kind::Read && r.ids == QStringList{id};
        }));
        QCOMPARE(m_sim->stats().duplicateDeliveries, 0);
    }

    void textFromAPhoneIsDeliveredReceiptedAndRead()
    {
        Device gw;
        QVERIFY(link(gw, kAlice));
        const auto id = m_sim->phoneSendText(kBob, kAlice, QStringLiteral("Hi gateway"));
        QVERIFY(id);
        QVERIFY(gw.received->wait(kWait));
        const IncomingMessage m = gw.message(0);
        QCOMPARE(m.id, *id);
        QCOMPARE(m.text, QStringLiteral("Hi gateway"));
        QCOMPARE(m.type, QStringLiteral("text"));
        QCOMPARE(m.waType, QStringLiteral("extendedTextMessage"));
        QCOMPARE(m.chat, kBob + QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(m.senderPn, kBob + QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(m.senderLid, m_sim->phone(kBob)->lid + QStringLiteral("@lid"));
        QCOMPARE(m.chatLid, m.senderLid);
        QCOMPARE(m.pushName, QStringLiteral("Bob"));
        QVERIFY(!m.fromMe);
        QVERIFY(m.at > 0);
        // Receipted by our device once it was saved.
        QTRY_VERIFY(sentBy(kBob, *id).delivered.contains(gw.jid()));
        // Marked read: Bob's phone sees our device read it.
        QVERIFY(gw.c->markRead(m.chat, {}, {m.id}));
        QTRY_VERIFY(sentBy(kBob, *id).read.contains(gw.jid()));
    }

    //! 200 texts each way with the wasim phone as the peer: the first message builds the session
    //! (pkmsg), the rest ride the ratchet (msg); every text arrives exactly once, byte for byte.
    void manyTextsBothWays()
    {
        Device gw;
        QVERIFY(link(gw, kAlice));
        const QStringList samples{QStringLiteral("plain"), QStringLiteral("emoji 😀👍🏽🇮🇩"), QStringLiteral("עברית ومرحبا"),
                                  QString(4000, QChar(u'ß')), QStringLiteral("line\nbreaks\tand\u00A0spaces")};
        QStringList ids;
        for (int i = 0; i < 200; ++i) {
            ids.append(newId());
            gw.c->sendText({ids.last(), kBob, samples.at(i % samples.size()) + QString::number(i)});
        }
        QTRY_COMPARE_WITH_TIMEOUT(gw.sent->size(), 200, 30000);
        QCOMPARE(gw.failed->size(), 0);
        QTRY_COMPARE(inbox(kBob).size(), 200);
        for (int i = 0; i < 200; ++i) {
            QCOMPARE(inbox(kBob).at(i).id, ids.at(i));
            QCOMPARE(inbox(kBob).at(i).text, samples.at(i % samples.size()) + QString::number(i));
        }
        for (int i = 0; i < 200; ++i)
            QVERIFY(m_sim->phoneSendText(kBob, kAlice, samples.at(i % samples.size()) + QString::number(-i)));
        QTRY_COMPARE_WITH_TIMEOUT(gw.received->size(), 200, 30000);
        for (int i = 0; i < 200; ++i)
            QCOMPARE(gw.message(i).text, samples.at(i % samples.size()) + QString::number(-i));
        const Stats stats = m_sim->stats();
        QCOMPARE(stats.duplicateDeliveries, 0);
        QCOMPARE(stats.retryDeliveries, 0);
    }

    //! The peer is another companion (of Bob): fan-out reaches Bob's phone and his companion; his
    //! companion's reply reaches us, and Bob's own phone gets its DeviceSentMessage.
    void companionToCompanion()
    {
        Device gw;
        Device bob2;
        QVERIFY(link(gw, kAlice));
        QVERIFY(link(bob2, kBob));
        const QString id = newId();
        gw.c->sendText({id, kBob, QStringLiteral("to every device of Bob")});
        QVERIFY(gw.sent->wait(kWait));
        QVERIFY(bob2.received->wait(kWait));
        QCOMPARE(bob2.message(0).text, QStringLiteral("to every device of Bob"));
        QCOMPARE(bob2.message(0).chat, kAlice + QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(bob2.message(0).senderDevice, gw.jid());
        QTRY_COMPARE(inbox(kBob).size(), 1);

        const QString reply = message::newId(kBob, QDateTime::currentSecsSinceEpoch());
        bob2.c->sendText({reply, kAlice + QStringLiteral("@s.whatsapp.net"), QStringLiteral("reply from a companion")});
        QVERIFY(bob2.sent->wait(kWait));
        QVERIFY(gw.received->wait(kWait));
        QCOMPARE(gw.message(0).text, QStringLiteral("reply from a companion"));
        QCOMPARE(gw.message(0).senderDevice, bob2.jid());
        // Bob's phone saw its companion's message as its own.
        QTRY_VERIFY(std::any_of(inbox(kBob).cbegin(), inbox(kBob).cend(), [&](const PhoneMessage &m) {
            return m.id == reply && m.fromMe && m.chat.toString() == kAlice + QStringLiteral("@s.whatsapp.net");
        }));
        // Receipts from the companion reach us too.
        QTRY_VERIFY(std::any_of(gw.receipts->cbegin(), gw.receipts->cend(), [&](const QList<QVariant> &args) {
            return args.at(0).value<MessageReceipt>().fromDevice == bob2.jid();
        }));
    }

    void offlineQueueAfterLogin()
    {
        Device gw;
        QVERIFY(link(gw, kAlice));
        gw.c->disconnectFromWhatsApp();
        QTRY_VERIFY(!m_sim->devices(kAlice)->first().online); // the server saw us go
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids.append(*m_sim->phoneSendText(kBob, kAlice, QStringLiteral("while away %1").arg(i)));
        QVERIFY(m_sim->stats().offlineQueued >= 3);
        gw.offline->clear();
        gw.c->connectToWhatsApp();
        QVERIFY(gw.offline->wait(kWait));
        QTRY_COMPARE(gw.received->size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(gw.message(i).id, ids.at(i));
            QVERIFY(gw.message(i).offline);
        }
        QCOMPARE(gw.offline->last().at(0).toInt(), 3);
        // Once receipted, the next login brings nothing again.
        QTRY_VERIFY(sentBy(kBob, ids.last()).delivered.contains(gw.jid()));
        gw.c->disconnectFromWhatsApp();
        gw.offline->clear();
        gw.c->connectToWhatsApp();
        QVERIFY(gw.offline->wait(kWait));
        QCOMPARE(gw.offline->last().at(0).toInt(), 0);
        QCOMPARE(gw.received->size(), 3);
    }

    void redeliveriesAreNeverDeliveredTwice()
    {
        Device gw;
        QVERIFY(link(gw, kAlice));
        Faults f = m_sim->faults();
        f.duplicateDeliveries = true;
        m_sim->setFaults(f);
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids.append(*m_sim->phoneSendText(kBob, kAlice, QStringLiteral("twice %1").arg(i)));
        QTRY_COMPARE(gw.received->size(), 5);
        // A restart (the server redelivers what was not receipted — here everything was, but the
        // store also remembers) brings none of them back.
        QVERIFY(restart(gw));
        QVERIFY(m_sim->phoneSendText(kBob, kAlice, QStringLiteral("sentinel")));
        QVERIFY(gw.received->wait(kWait));
        QCOMPARE(gw.received->size(), 1);
        QCOMPARE(gw.message(0).text, QStringLiteral("sentinel"));
    }

    //! Bob's phone cannot decrypt (a lost session): its retry receipt makes us re-encrypt.
    void peerRetryReceiptIsAnswered()
    {
        Device gw;
        QVERIFY(link(gw, kAlice));
        gw.c->sendText({newId(), kBob, QStringLiteral("first")});
        QTRY_COMPARE(inbox(kBob).size(), 1);
        QVERIFY(m_sim->failPhoneDecryptions(kBob, 1));
        const QString id = newId();
        gw.c->sendText({id, kBob, QStringLiteral("after a failure")});
        QTRY_COMPARE(inbox(kBob).size(), 2);
        QCOMPARE(inbox(kBob).last().id, id);
        QCOMPARE(inbox(kBob).last().text, QStringLiteral("after a failure"));
        QCOMPARE(m_sim->stats().retryDeliveries, 1);
        QCOMPARE(m_sim->stats().duplicateDeliveries, 0);
    }

    //! We lose our sessions (a store restored from an old backup, say): we ask with a retry
    //! receipt, from the second one with fresh keys, and the message arrives.
    void weAskForARetryWhenWeCannotDecrypt()
    {
        Device gw;
        QVERIFY(link(gw, kAlice));
        QVERIFY(m_sim->phoneSendText(kBob, kAlice, QStringLiteral("builds the session")));
        QVERIFY(gw.received->wait(kWait));
        // Bob's phone answered nothing yet, so its next message would still be a pkmsg; make it
        // a msg by letting it hear from us first.
        gw.c->sendText({newId(), kBob, QStringLiteral("ack")});
        QTRY_COMPARE(inbox(kBob).size(), 1);
        // Forget every session of ours.
        const auto keys = gw.store->keys(SignalRecordKind::Session, {});
        QList<SignalChange> wipe;
        for (const QByteArray &k : *keys)
            wipe.append({SignalRecordKind::Session, k, std::nullopt});
        QVERIFY(gw.store->apply(wipe));
        QVERIFY(restart(gw));
        const auto id = m_sim->phoneSendText(kBob, kAlice, QStringLiteral("needs a retry"));
        QVERIFY(id);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(gw.received->cbegin(), gw.received->cend(),
                                             [&](const QList<QVariant> &a) { return a.at(0).value<IncomingMessage>().id == *id; }),
                                 kWait);
        const auto it = std::find_if(gw.received->cbegin(), gw.received->cend(),
                                     [&](const QList<QVariant> &a) { return a.at(0).value<IncomingMessage>().id == *id; });
        QCOMPARE(it->at(0).value<IncomingMessage>().text, QStringLiteral("needs a retry"));
        QVERIFY(m_sim->stats().retryDeliveries >= 1);
    }

    void aReinstalledPeerIsWrittenToWithoutAskingAnyone()
    {
        Device gw;
        QVERIFY(link(gw, kAlice));
        gw.c->sendText({newId(), kBob, QStringLiteral("before")});
        QTRY_COMPARE(inbox(kBob).size(), 1);
        QVERIFY(m_sim->reinstallPhone(kBob));
        const QString id = newId();
        gw.c->sendText({id, kBob, QStringLiteral("after the reinstall")});
        QTRY_VERIFY(std::any_of(inbox(kBob).cbegin(), inbox(kBob).cend(),
                                [&](const PhoneMessage &m) { return m.id == id && m.text == QStringLiteral("after the reinstall"); }));
        // And the new install writes to us with its new identity.
        const auto back = m_sim->phoneSendText(kBob, kAlice, QStringLiteral("new phone, who dis"));
        QVERIFY(back);
        QTRY_VERIFY(std::any_of(gw.received->cbegin(), gw.received->cend(), [&](const QList<QVariant> &a) {
            return a.at(0).value<IncomingMessage>().id == *back;
        }));
    }

    void lidAddressing()
    {
        Faults f;
        f.lidAddressing = true;
        m_sim->setFaults(f);
        Device gw;
        QVERIFY(link(gw, kAlice));
        const QString bobLid = m_sim->phone(kBob)->lid + QStringLiteral("@lid");
        const auto id = m_sim->phoneSendText(kBob, kAlice, QStringLiteral("from a LID"));
        QVERIFY(id);
        QVERIFY(gw.received->wait(kWait));
        const IncomingMessage m = gw.message(0);
        QCOMPARE(m.sender, bobLid);
        QCOMPARE(m.senderLid, bobLid);
        QCOMPARE(m.senderPn, kBob + QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(m.chat, bobLid);
        // Replies to the LID and to the number use the one session we have with Bob's phone.
        gw.c->sendText({newId(), bobLid, QStringLiteral("to the LID")});
        gw.c->sendText({newId(), kBob, QStringLiteral("to the number")});
        QTRY_COMPARE(gw.sent->size(), 2);
        QTRY_COMPARE(inbox(kBob).size(), 2);
        QCOMPARE(gw.failed->size(), 0);
        QCOMPARE(m_sim->stats().retryDeliveries, 0);
        // Sessions are named by the LID only (one device, one session).
        const auto sessions = gw.store->keys(SignalRecordKind::Session, kBob.toUtf8() + '.');
        QVERIFY(sessions->isEmpty());
    }

    void whatsAppRefusals_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("463 reach-out timelock") << 463 << QStringLiteral("reach_out_timelock") << true;
        QTest::newRow("429 rate") << 429 << QStringLiteral("rate_overlimit") << true;
        QTest::newRow("479 invalid stanza") << 479 << QStringLiteral("rejected") << false;
    }
    void whatsAppRefusals()
    {
        QFETCH(int, error);
        QFETCH(QString, code);
        QFETCH(bool, retryable);
        Device gw;
        QVERIFY(link(gw, kAlice));
        Faults f = m_sim->faults();
        f.messageAckError = error;
        f.messageAckErrorCount = 1;
        m_sim->setFaults(f);
        const QString id = newId();
        gw.c->sendText({id, kBob, QStringLiteral("refused")});
        QVERIFY(gw.failed->wait(kWait));
        const SendFailure failure = gw.failure(0);
        QCOMPARE(failure.id, id);
        QCOMPARE(failure.code, code);
        QCOMPARE(failure.waCode, error);
        QCOMPARE(failure.retryable, retryable);
        // The next one goes through.
        gw.c->sendText({newId(), kBob, QStringLiteral("accepted")});
        QVERIFY(gw.sent->wait(kWait));
    }

    void badInputAndUnknownUsers_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("not on WhatsApp") << "3EB0AAAAAAAAAAAAAAAAAA" << "4915199999999" << "x" << "not_on_whatsapp";
        QTest::newRow("not a number") << "3EB0AAAAAAAAAAAAAAAAAB" << "12ab" << "x" << "invalid_recipient";
        QTest::newRow("group jid") << "3EB0AAAAAAAAAAAAAAAAAC" << "1203@g.us" << "x" << "invalid_recipient";
        QTest::newRow("empty text") << "3EB0AAAAAAAAAAAAAAAAAD" << kBob << "" << "invalid_message";
        QTest::newRow("bad id") << "a b" << kBob << "x" << "invalid_message";
    }
    void badInputAndUnknownUsers()
    {
        QFETCH(QString, id);
        QFETCH(QString, to);
        QFETCH(QString, text);
        QFETCH(QString, code);
        Device gw;
        QVERIFY(link(gw, kAlice));
        gw.c->sendText({id, to, text});
        QTRY_COMPARE(gw.failed->size(), 1);
        QCOMPARE(gw.failure(0).id, id);
        QCOMPARE(gw.failure(0).code, code);
        QCOMPARE(gw.sent->size(), 0);
    }

    void unacknowledgedSendsTimeOut()
    {
        Device gw;
        WaConnectionOptions o = optionsFor(*m_sim);
        o.ackTimeoutMs = 300;
        gw.auth = AuthState::createNew();
        gw.make(o);
        QSignalSpy qr(gw.c.get(), &WaConnection::qrCode);
        gw.c->connectToWhatsApp();
        QVERIFY(qr.wait(kWait));
        QVERIFY(m_sim->scanQr(kAlice, qr.first().at(0).toString()));
        QVERIFY(gw.loggedIn->wait(kWait));
        Faults f = m_sim->faults();
        f.withholdAcks = true;
        m_sim->setFaults(f);
        const QString id = newId();
        gw.c->sendText({id, kBob, QStringLiteral("no ack")});
        QVERIFY(gw.failed->wait(kWait));
        QCOMPARE(gw.failure(0).code, QStringLiteral("ack_timeout"));
        QVERIFY(gw.failure(0).retryable);
        QCOMPARE(gw.sent->size(), 0);
    }

    //! Sends in flight when the link drops fail as retryable; nothing is reported twice.
    void aDroppedLinkFailsWhatIsInFlight()
    {
        Device gw;
        QVERIFY(link(gw, kAlice));
        Faults f = m_sim->faults();
        f.withholdAcks = true;
        m_sim->setFaults(f);
        const QString id = newId();
        gw.c->sendText({id, kBob, QStringLiteral("in flight")});
        QTRY_COMPARE(inbox(kBob).size(), 1);
        gw.c->disconnectFromWhatsApp();
        QTRY_COMPARE(gw.failed->size(), 1);
        QCOMPARE(gw.failure(0).code, QStringLiteral("not_connected"));
        QVERIFY(gw.failure(0).retryable);
        // Sending while down fails at once.
        gw.c->sendText({newId(), kBob, QStringLiteral("down")});
        QCOMPARE(gw.failed->size(), 2);
    }

    void restartFromTheStoreContinuesTheSessions()
    {
        Device gw;
        QVERIFY(link(gw, kAlice));
        gw.c->sendText({newId(), kBob, QStringLiteral("one")});
        QVERIFY(m_sim->phoneSendText(kBob, kAlice, QStringLiteral("two")));
        QTRY_COMPARE(gw.received->size(), 1);
        QTRY_COMPARE(inbox(kBob).size(), 1);
        const qint64 sessionsBefore = gw.store->count(SignalRecordKind::Session);
        QVERIFY(restart(gw));
        gw.c->sendText({newId(), kBob, QStringLiteral("three")});
        QVERIFY(m_sim->phoneSendText(kBob, kAlice, QStringLiteral("four")));
        QTRY_COMPARE(gw.received->size(), 1);
        QCOMPARE(gw.message(0).text, QStringLiteral("four"));
        QTRY_COMPARE(inbox(kBob).size(), 2);
        QCOMPARE(inbox(kBob).last().text, QStringLiteral("three"));
        QCOMPARE(gw.store->count(SignalRecordKind::Session), sessionsBefore); // no new session was needed
        QCOMPARE(m_sim->stats().retryDeliveries, 0);
    }

    void chatStateAndPresence()
    {
        Device gw;
        QVERIFY(link(gw, kAlice));
        QVERIFY(gw.c->sendChatState(kBob, ChatState::Composing));
        // The chat state is not acknowledged; a sentinel message after it proves it was routed.
        gw.c->sendText({newId(), kBob, QStringLiteral("sentinel")});
        QTRY_COMPARE(inbox(kBob).size(), 1);
        QCOMPARE(m_sim->phoneChatState(kBob, kAlice), QStringLiteral("composing"));
        QVERIFY(gw.c->sendChatState(kBob, ChatState::Paused));
        gw.c->sendText({newId(), kBob, QStringLiteral("sentinel 2")});
        QTRY_COMPARE(inbox(kBob).size(), 2);
        QCOMPARE(m_sim->phoneChatState(kBob, kAlice), QStringLiteral("paused"));
        QVERIFY(gw.c->setPresence(false));
        QVERIFY(!gw.c->sendChatState(QStringLiteral("nonsense"), ChatState::Paused));
        gw.c->disconnectFromWhatsApp();
        QVERIFY(!gw.c->setPresence(true));
        QVERIFY(!gw.c->markRead(kBob, {}, {QStringLiteral("X")}));
    }
};

QTEST_GUILESS_MAIN(TestWaMessaging)
#include "tst_wamessaging.moc"
