// WasimServer end to end on loopback: the test companion (a client written from PROTOCOL.md §2–7)
// registers, pairs by QR and by code, logs in, pings, and meets every injected fault.

#include "wasim/companion.h"
#include "wasim/wasimserver.h"

#include "wa/binary/nodeencoder.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace wagate;
using namespace wagate::wasim;
using wa::Jid;
using wa::Node;

namespace {

const QString kPhone = QStringLiteral("491701234567");

Node iq(const QString &id, const char *type, const char *xmlns, QList<Node> children = {})
{
    Node node(QStringLiteral("iq"), {{QStringLiteral("id"), id},
                                     {QStringLiteral("to"), Jid::serverJid()},
                                     {QStringLiteral("type"), type},
                                     {QStringLiteral("xmlns"), xmlns}});
    if (!children.isEmpty())
        node.setChildren(children);
    return node;
}

} // namespace

class TestWasimServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<WasimServer> m_sim;

    std::unique_ptr<Companion> newCompanion(CompanionKeys keys = CompanionKeys::generate())
    {
        return std::make_unique<Companion>(std::move(keys), m_sim->rootPublicKey());
    }

    //! Opens a registering companion and waits for its QR codes.
    bool waitForQr(Companion &c)
    {
        QSignalSpy qr(&c, &Companion::qrReady);
        c.open(m_sim->url());
        return qr.wait(5000) && !c.qrCodes().isEmpty();
    }

    //! A full QR pairing followed by the 515 restart; returns the account, logs in if asked.
    std::optional<CompanionAccount> pairByQr(Companion &c, const QString &phone = kPhone)
    {
        if (!waitForQr(c))
            return std::nullopt;
        QSignalSpy paired(&c, &Companion::paired);
        QSignalSpy restart(&c, &Companion::streamError);
        QSignalSpy gone(&c, &Companion::disconnected);
        const auto ticket = m_sim->scanQr(phone, c.qrCodes().first());
        if (!ticket)
            return std::nullopt;
        if (!restart.wait(5000) || restart.first().at(0).toInt() != 515)
            return std::nullopt;
        if (gone.isEmpty() && !gone.wait(5000))
            return std::nullopt;
        return c.account();
    }

    bool login(Companion &c)
    {
        QSignalSpy ok(&c, &Companion::loggedIn);
        c.open(m_sim->url());
        return ok.wait(5000);
    }

private slots:
    void init()
    {
        m_sim = std::make_unique<WasimServer>();
        QVERIFY(m_sim->listen());
        QVERIFY(m_sim->addPhone(kPhone, QStringLiteral("Alice")));
    }

    void cleanup() { m_sim.reset(); }

    void urlAndRoot()
    {
        QCOMPARE(m_sim->url().scheme(), QStringLiteral("ws"));
        QCOMPARE(m_sim->url().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(m_sim->url().path(), QStringLiteral("/ws/chat"));
        QVERIFY(m_sim->port() > 0);
        QCOMPARE(m_sim->rootPublicKey().size(), 32);
    }

    void qrPairingThenLogin()
    {
        auto c = newCompanion();
        c->setKeepPlaintexts(true);
        QSignalSpy succeeded(m_sim.get(), &WasimServer::pairingSucceeded);
        const auto account = pairByQr(*c);
        QVERIFY(account);
        QCOMPARE(c->qrCodes().size(), 6); // the default ref count
        QCOMPARE(account->jid, Jid(kPhone, wa::JidServer::User, 1));
        QCOMPARE(account->lid.server(), QString(wa::JidServer::Lid));
        QCOMPARE(account->lid.device(), quint16(1));
        QCOMPARE(account->lid.user(), m_sim->phone(kPhone)->lid);
        QCOMPARE(account->platform, QStringLiteral("android"));

        QCOMPARE(succeeded.size(), 1);
        const auto device = succeeded.first().at(1).value<DeviceInfo>();
        QCOMPARE(device.jid, account->jid);
        QCOMPARE(device.noiseKey, c->keys().noise.pub);
        QCOMPARE(device.identityKey, c->keys().identity.pub);
        QCOMPARE(device.displayName, QStringLiteral("Chrome (wasim)"));
        QCOMPARE(device.platform, QStringLiteral("1"));

        // Typed JIDs on the wire (§4.6): from="@s.whatsapp.net" is JID_PAIR FA 00 03, the device and
        // LID attributes are AD_JIDs (F7 domain device user).
        const QByteArray pairDevice = c->plaintexts().value(0);
        QVERIFY(pairDevice.contains(QByteArray::fromHex("06fa0003")));
        const QByteArray pairSuccess = c->plaintexts().value(1);
        QVERIFY(pairSuccess.contains(QByteArray::fromHex("f70001")));
        QVERIFY(pairSuccess.contains(QByteArray::fromHex("f70101")));

        QSignalSpy loggedIn(m_sim.get(), &WasimServer::loggedIn);
        QSignalSpy clientLoggedIn(c.get(), &Companion::loggedIn);
        QVERIFY(login(*c));
        QCOMPARE(clientLoggedIn.first().at(0).value<Jid>(), account->lid);
        QVERIFY(qAbs(clientLoggedIn.first().at(1).toLongLong() - QDateTime::currentSecsSinceEpoch()) < 5);
        QCOMPARE(loggedIn.size(), 1);
        const Stats s = m_sim->stats();
        QCOMPARE(s.handshakes, 2);
        QCOMPARE(s.pairings, 1);
        QCOMPARE(s.logins, 1);
        QCOMPARE(s.connections, 1);
        QCOMPARE(s.loggedIn, 1);
        QCOMPARE(s.duplicateLogins, 0);
        QVERIFY(m_sim->devices(kPhone)->first().online);
    }

    void businessPhoneAddsBiz()
    {
        QVERIFY(m_sim->addPhone(QStringLiteral("15550001111"), QStringLiteral("Shop"), true));
        auto c = newCompanion();
        const auto account = pairByQr(*c, QStringLiteral("15550001111"));
        QVERIFY(account);
        QCOMPARE(account->platform, QStringLiteral("smba"));
        QCOMPARE(account->businessName, QStringLiteral("Shop"));
    }

    void scanErrors()
    {
        auto c = newCompanion();
        QVERIFY(waitForQr(*c));
        const QString qr = c->qrCodes().first();
        QCOMPARE(m_sim->scanQr(QStringLiteral("15550009999"), qr).error().code, ErrorCode::NotFound);
        QCOMPARE(m_sim->scanQr(kPhone, QStringLiteral("nonsense")).error().code, ErrorCode::InvalidArgument);
        // A QR of another companion (right format, unknown ref).
        auto other = newCompanion();
        QVERIFY(waitForQr(*other));
        QString foreign = other->qrCodes().first();
        foreign.replace(foreign.indexOf(QLatin1String("#2@")) + 3, 4, QStringLiteral("XXXX"));
        QCOMPARE(m_sim->scanQr(kPhone, foreign).error().code, ErrorCode::NotFound);
        // Our ref with someone else's keys.
        const QString mixed = qr.section(QLatin1Char(','), 0, 0) + QLatin1Char(',')
                              + other->qrCodes().first().section(QLatin1Char(','), 1);
        QCOMPARE(m_sim->scanQr(kPhone, mixed).error().code, ErrorCode::InvalidArgument);
        // A pairing under way refuses a second scan.
        c->setAnswerPairing(false);
        QVERIFY(m_sim->scanQr(kPhone, qr));
        QCOMPARE(m_sim->scanQr(kPhone, c->qrCodes().at(1)).error().code, ErrorCode::FailedPrecondition);
    }

    void codePairingThenLogin()
    {
        auto c = newCompanion();
        QVERIFY(waitForQr(*c));
        QSignalSpy requested(m_sim.get(), &WasimServer::pairingCodeRequested);
        const QString code = c->requestPairingCode(kPhone);
        QVERIFY(requested.wait(5000));
        QCOMPARE(requested.first().at(1).toString(), kPhone);

        QSignalSpy succeeded(m_sim.get(), &WasimServer::pairingSucceeded);
        QSignalSpy paired(c.get(), &Companion::paired);
        QSignalSpy restart(c.get(), &Companion::streamError);
        const auto ticket = m_sim->enterCode(kPhone, code.left(4) + QLatin1Char('-') + code.mid(4).toLower());
        QVERIFY2(ticket, qPrintable(ticket ? QString() : ticket.error().message));
        QVERIFY(restart.wait(10000));
        QCOMPARE(restart.first().at(0).toInt(), 515);
        QCOMPARE(paired.size(), 1);
        QCOMPARE(succeeded.size(), 1);
        QCOMPARE(succeeded.first().at(0).toULongLong(), ticket->id);
        const auto device = succeeded.first().at(1).value<DeviceInfo>();
        QCOMPARE(device.displayName, QStringLiteral("Chrome (wasim)"));
        QCOMPARE(device.identityKey, c->keys().identity.pub);
        QVERIFY(login(*c));
        QCOMPARE(m_sim->stats().pairings, 1);
    }

    void wrongCodeFailsAtCompanionFinish()
    {
        auto c = newCompanion();
        QVERIFY(waitForQr(*c));
        QSignalSpy requested(m_sim.get(), &WasimServer::pairingCodeRequested);
        const QString code = c->requestPairingCode(kPhone, QStringLiteral("ABCDEFGH"));
        QVERIFY(requested.wait(5000));
        QSignalSpy failed(m_sim.get(), &WasimServer::pairingFailed);
        QVERIFY(m_sim->enterCode(kPhone, QStringLiteral("ABCDEFGJ")));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(2).toString(), QStringLiteral("wrong-code"));
        // The companion still waits: the right code now works.
        QSignalSpy paired(c.get(), &Companion::paired);
        QVERIFY(m_sim->enterCode(kPhone, code));
        QVERIFY(paired.wait(10000));
    }

    void enterCodeErrors()
    {
        QCOMPARE(m_sim->enterCode(kPhone, QStringLiteral("ABCDEFGH")).error().code, ErrorCode::NotFound);
        QCOMPARE(m_sim->enterCode(kPhone, QStringLiteral("ABC")).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(m_sim->enterCode(QStringLiteral("15550009999"), QStringLiteral("ABCDEFGH")).error().code,
                 ErrorCode::NotFound);
        // companion_hello for an unknown number is answered with an error iq (and nothing waits).
        auto c = newCompanion();
        QVERIFY(waitForQr(*c));
        QSignalSpy nodes(c.get(), &Companion::nodeReceived);
        c->requestPairingCode(QStringLiteral("15550009999"));
        QVERIFY(nodes.wait(5000));
        const Node answer = nodes.first().at(0).value<Node>();
        QCOMPARE(answer.attr(u"type"), QStringLiteral("error"));
        QCOMPARE(answer.child("error").attr(u"code"), QStringLiteral("404"));
    }

    void loginRefusals()
    {
        auto c = newCompanion();
        QVERIFY(pairByQr(*c));
        QSignalSpy refused(m_sim.get(), &WasimServer::loginRefused);

        // Another noise key claiming the same device: 401.
        auto impostor = newCompanion();
        impostor->setAccount(c->account());
        QSignalSpy impostorFailed(impostor.get(), &Companion::loginFailed);
        impostor->open(m_sim->url());
        QVERIFY(impostorFailed.wait(5000));
        QCOMPARE(impostorFailed.first().at(0).toInt(), 401);

        // A device index that was never linked: 401.
        auto unknown = newCompanion(c->keys());
        CompanionAccount account = *c->account();
        account.jid = account.jid.withDevice(42);
        unknown->setAccount(account);
        QSignalSpy unknownFailed(unknown.get(), &Companion::loginFailed);
        unknown->open(m_sim->url());
        QVERIFY(unknownFailed.wait(5000));
        QCOMPARE(unknownFailed.first().at(0).toInt(), 401);

        // Injected: the next login is refused with 403, the one after that succeeds.
        Faults faults = m_sim->faults();
        faults.loginFailure = 403;
        faults.loginFailureCount = 1;
        m_sim->setFaults(faults);
        QSignalSpy failed(c.get(), &Companion::loginFailed);
        c->open(m_sim->url());
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).toInt(), 403);
        QCOMPARE(m_sim->faults().loginFailureCount, 0);
        QVERIFY(login(*c));
        QCOMPARE(refused.size(), 3);
        QCOMPARE(m_sim->stats().refusedLogins, 3);
        QCOMPARE(m_sim->stats().logins, 1);
    }

    void clientOutdated()
    {
        Faults faults;
        faults.loginFailure = 405;
        m_sim->setFaults(faults);
        auto c = newCompanion();
        c->setAccount(CompanionAccount{Jid(kPhone, wa::JidServer::User, 3), {}, {}, {}, {}});
        QSignalSpy failed(c.get(), &Companion::loginFailed);
        c->open(m_sim->url());
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).toInt(), 405);
    }

    void duplicateLoginReplacesTheOldConnection()
    {
        auto first = newCompanion();
        QVERIFY(pairByQr(*first));
        QVERIFY(login(*first));
        auto second = newCompanion(first->keys());
        second->setAccount(first->account());
        QSignalSpy replaced(first.get(), &Companion::streamError);
        QVERIFY(login(*second));
        QVERIFY(replaced.wait(5000));
        QCOMPARE(replaced.first().at(0).toInt(), 0);
        QCOMPARE(replaced.first().at(1).toString(), QStringLiteral("replaced"));
        QCOMPARE(m_sim->stats().duplicateLogins, 1);
        QCOMPARE(m_sim->stats().logins, 2);
        QTRY_COMPARE(m_sim->stats().connections, 1);
        QCOMPARE(m_sim->stats().loggedIn, 1);
        // The survivor is the new connection.
        QSignalSpy pong(second.get(), &Companion::pong);
        second->sendPing();
        QVERIFY(pong.wait(5000));
    }

    void unlinkThrowsOutAndRefusesLaterLogins()
    {
        auto c = newCompanion();
        const auto account = pairByQr(*c);
        QVERIFY(account);
        QVERIFY(login(*c));
        QSignalSpy removed(c.get(), &Companion::streamError);
        QSignalSpy unlinked(m_sim.get(), &WasimServer::deviceUnlinked);
        const auto info = m_sim->unlinkDevice(kPhone, account->jid.device());
        QVERIFY(info);
        QVERIFY(removed.wait(5000));
        QCOMPARE(removed.first().at(0).toInt(), 401);
        QCOMPARE(removed.first().at(1).toString(), QStringLiteral("device_removed"));
        QCOMPARE(unlinked.size(), 1);
        QVERIFY(m_sim->devices(kPhone)->isEmpty());
        QCOMPARE(m_sim->unlinkDevice(kPhone, account->jid.device()).error().code, ErrorCode::NotFound);

        QSignalSpy failed(c.get(), &Companion::loginFailed);
        c->open(m_sim->url());
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).toInt(), 401);
    }

    void companionLogout()
    {
        auto c = newCompanion();
        const auto account = pairByQr(*c);
        QVERIFY(account);
        QVERIFY(login(*c));
        QSignalSpy nodes(c.get(), &Companion::nodeReceived);
        QSignalSpy removed(c.get(), &Companion::streamError);
        c->sendNode(iq(QStringLiteral("bye"), "set", "md",
                       {Node(QStringLiteral("remove-companion-device"),
                             {{QStringLiteral("jid"), account->jid}, {QStringLiteral("reason"), "user_initiated"}})}));
        QVERIFY(removed.wait(5000));
        QCOMPARE(nodes.first().at(0).value<Node>().attr(u"id"), QStringLiteral("bye"));
        QCOMPARE(removed.first().at(1).toString(), QStringLiteral("device_removed"));
        QVERIFY(m_sim->devices(kPhone)->isEmpty());
    }

    void postLoginIqs()
    {
        auto c = newCompanion();
        QVERIFY(pairByQr(*c));
        QVERIFY(login(*c));
        QSignalSpy nodes(c.get(), &Companion::nodeReceived);
        auto answer = [&](const Node &request) {
            nodes.clear();
            c->sendNode(request);
            return nodes.wait(5000) ? nodes.first().at(0).value<Node>() : Node();
        };
        Node r = answer(iq(QStringLiteral("1"), "get", "encrypt", {Node(QStringLiteral("count"))}));
        QCOMPARE(r.attr(u"type"), QStringLiteral("result"));
        QCOMPARE(r.attr(u"id"), QStringLiteral("1"));
        QCOMPARE(r.jidAttr("from"), Jid::serverJid());
        QCOMPARE(r.child("count").attr(u"value"), QStringLiteral("0"));

        QList<Node> keys;
        for (int i = 1; i <= 3; ++i)
            keys.append(Node(QStringLiteral("key"), {}, {Node(QStringLiteral("id"), {}, QByteArray("\0\0", 2) + char(i)),
                                                          Node(QStringLiteral("value"), {}, QByteArray(32, 'k'))}));
        r = answer(iq(QStringLiteral("2"), "set", "encrypt",
                      {Node(QStringLiteral("registration"), {}, QByteArray(4, '\1')),
                       Node(QStringLiteral("type"), {}, QByteArray(1, '\5')),
                       Node(QStringLiteral("identity"), {}, c->keys().identity.pub),
                       Node(QStringLiteral("list"), {}, keys),
                       Node(QStringLiteral("skey"), {},
                            {Node(QStringLiteral("id"), {}, QByteArray("\0\0\1", 3)),
                             Node(QStringLiteral("value"), {}, c->keys().signedPreKey.pub),
                             Node(QStringLiteral("signature"), {}, c->keys().signedPreKeySignature)})}));
        QCOMPARE(r.attr(u"type"), QStringLiteral("result"));
        // A signed pre-key whose signature does not verify is refused: peers could never use it.
        r = answer(iq(QStringLiteral("2b"), "set", "encrypt",
                      {Node(QStringLiteral("registration"), {}, QByteArray(4, '\1')),
                       Node(QStringLiteral("type"), {}, QByteArray(1, '\5')),
                       Node(QStringLiteral("identity"), {}, c->keys().identity.pub),
                       Node(QStringLiteral("list"), {}, keys),
                       Node(QStringLiteral("skey"), {},
                            {Node(QStringLiteral("id"), {}, QByteArray("\0\0\1", 3)),
                             Node(QStringLiteral("value"), {}, c->keys().signedPreKey.pub),
                             Node(QStringLiteral("signature"), {}, QByteArray(64, 's'))})}));
        QCOMPARE(r.attr(u"type"), QStringLiteral("error"));
        r = answer(iq(QStringLiteral("3"), "get", "encrypt", {Node(QStringLiteral("count"))}));
        QCOMPARE(r.child("count").attr(u"value"), QStringLiteral("3"));
        r = answer(iq(QStringLiteral("4"), "get", "encrypt", {Node(QStringLiteral("digest"))}));
        QVERIFY(r.hasChild("digest"));
        QCOMPARE(r.child("digest").child("identity").contentBytes(), c->keys().identity.pub);
        r = answer(iq(QStringLiteral("5"), "set", "passive", {Node(QStringLiteral("active"))}));
        QCOMPARE(r.attr(u"type"), QStringLiteral("result"));
        // Then the end of the (empty) offline queue.
        QTRY_COMPARE(nodes.size(), 2);
        const Node marker = nodes.at(1).at(0).value<Node>();
        QCOMPARE(marker.tag(), QStringLiteral("ib"));
        QCOMPARE(marker.child("offline").attr(u"count"), QStringLiteral("0"));
        r = answer(iq(QStringLiteral("6"), "get", "w:profile:picture", {Node(QStringLiteral("picture"))}));
        QCOMPARE(r.attr(u"type"), QStringLiteral("result"));
        QCOMPARE(r.attr(u"id"), QStringLiteral("6"));
        // ib and ack need no answer: the next answer is the ping's.
        nodes.clear();
        c->sendNode(Node(QStringLiteral("ib"), {}, {Node(QStringLiteral("unified_session"), {{QStringLiteral("id"), "1"}})}));
        c->sendNode(Node(QStringLiteral("ack"), {{QStringLiteral("id"), "x"}, {QStringLiteral("class"), "receipt"}}));
        const QString ping = c->sendPing();
        QVERIFY(nodes.wait(5000));
        QCOMPARE(nodes.first().at(0).value<Node>().attr(u"id"), ping);
        QCOMPARE(m_sim->stats().pings, 1);
    }

    void pingFaults()
    {
        auto c = newCompanion();
        QVERIFY(pairByQr(*c));
        QVERIFY(login(*c));
        QSignalSpy pong(c.get(), &Companion::pong);
        c->sendPing();
        QVERIFY(pong.wait(5000));
        QVERIFY(pong.first().at(1).toLongLong() < 300);

        Faults faults;
        faults.pingDelayMs = 400;
        m_sim->setFaults(faults);
        pong.clear();
        c->sendPing();
        QVERIFY(pong.wait(5000));
        QVERIFY(pong.first().at(1).toLongLong() >= 390);

        faults = {};
        faults.dropPings = true;
        m_sim->setFaults(faults);
        pong.clear();
        c->sendPing();
        QVERIFY(!pong.wait(700));
        QCOMPARE(m_sim->stats().pings, 3);
    }

    void certificateFaults_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("reason");
        QTest::newRow("bad signature") << int(CertificateFault::BadSignature) << "bad_intermediate_signature";
        QTest::newRow("bad leaf signature") << int(CertificateFault::BadLeafSignature) << "bad_leaf_signature";
        QTest::newRow("expired") << int(CertificateFault::Expired) << "expired";
        QTest::newRow("not yet valid") << int(CertificateFault::NotYetValid) << "not_yet_valid";
        QTest::newRow("wrong leaf key") << int(CertificateFault::WrongLeafKey) << "leaf_key_mismatch";
    }

    void certificateFaults()
    {
        QFETCH(int, fault);
        QFETCH(QString, reason);
        Faults faults;
        faults.certificate = CertificateFault(fault);
        m_sim->setFaults(faults);
        auto c = newCompanion();
        QSignalSpy failed(c.get(), &Companion::handshakeFailed);
        c->open(m_sim->url());
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).toString(), reason);
        QTRY_COMPARE(m_sim->stats().connections, 0);
        QCOMPARE(m_sim->stats().handshakes, 0);
        // Back to a valid chain: the same companion gets through.
        m_sim->resetFaults();
        QVERIFY(waitForQr(*c));
    }

    void pairingFaults_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("text");
        QTest::newRow("hmac mismatch") << int(PairingFault::HmacMismatch) << 401 << "hmac-mismatch";
        QTest::newRow("bad account signature") << int(PairingFault::BadAccountSignature) << 401 << "signature-mismatch";
    }

    void pairingFaults()
    {
        QFETCH(int, fault);
        QFETCH(int, code);
        QFETCH(QString, text);
        Faults faults;
        faults.pairing = PairingFault(fault);
        m_sim->setFaults(faults);
        auto c = newCompanion();
        QVERIFY(waitForQr(*c));
        QSignalSpy refused(c.get(), &Companion::pairingRefused);
        QSignalSpy failed(m_sim.get(), &WasimServer::pairingFailed);
        const auto ticket = m_sim->scanQr(kPhone, c->qrCodes().first());
        QVERIFY(ticket);
        QVERIFY(failed.wait(5000));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(0).toInt(), code);
        QCOMPARE(refused.first().at(1).toString(), text);
        QCOMPARE(failed.first().at(0).toULongLong(), ticket->id);
        QCOMPARE(failed.first().at(2).toString(), QStringLiteral("client-error %1 %2").arg(code).arg(text));
        QVERIFY(m_sim->devices(kPhone)->isEmpty());
        QCOMPARE(m_sim->stats().pairings, 0);
        // The refs are still good: once the fault is gone, another scan pairs. The index the failed
        // attempt had reserved is free again but, like any used index, comes last.
        m_sim->resetFaults();
        QSignalSpy succeeded(m_sim.get(), &WasimServer::pairingSucceeded);
        QVERIFY(m_sim->scanQr(kPhone, c->qrCodes().at(1)));
        QVERIFY(succeeded.wait(5000));
        QCOMPARE(succeeded.first().at(1).value<DeviceInfo>().device, quint16(2));
    }

    void refsRunOut()
    {
        Faults faults;
        faults.refs = 2;
        faults.firstRefMs = 300;
        faults.refMs = 150;
        m_sim->setFaults(faults);
        auto c = newCompanion();
        QSignalSpy exhausted(m_sim.get(), &WasimServer::refsExhausted);
        QSignalSpy gone(c.get(), &Companion::disconnected);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(waitForQr(*c));
        QCOMPARE(c->qrCodes().size(), 2);
        QVERIFY(exhausted.wait(5000));
        QVERIFY(timer.elapsed() >= 440);
        QVERIFY(gone.wait(5000));
        // An expired ref cannot be scanned any more.
        QCOMPARE(m_sim->scanQr(kPhone, c->qrCodes().first()).error().code, ErrorCode::NotFound);
    }

    void expiredRefIsRefused()
    {
        Faults faults;
        faults.refs = 2;
        faults.firstRefMs = 100;
        faults.refMs = 5000;
        m_sim->setFaults(faults);
        auto c = newCompanion();
        QVERIFY(waitForQr(*c));
        QTest::qWait(200);
        QCOMPARE(m_sim->scanQr(kPhone, c->qrCodes().first()).error().code, ErrorCode::FailedPrecondition);
        QSignalSpy succeeded(m_sim.get(), &WasimServer::pairingSucceeded);
        QVERIFY(m_sim->scanQr(kPhone, c->qrCodes().at(1)));
        QVERIFY(succeeded.wait(5000));
    }

    void serverFramingFaults_data()
    {
        QTest::addColumn<int>("split");
        QTest::addColumn<bool>("coalesce");
        QTest::addColumn<bool>("compress");
        QTest::newRow("split into single bytes") << 1 << false << false;
        QTest::newRow("split into 7 bytes") << 7 << false << false;
        QTest::newRow("coalesced") << 0 << true << false;
        QTest::newRow("compressed") << 0 << false << true;
        QTest::newRow("everything") << 5 << true << true;
    }

    void serverFramingFaults()
    {
        QFETCH(int, split);
        QFETCH(bool, coalesce);
        QFETCH(bool, compress);
        auto c = newCompanion();
        QVERIFY(pairByQr(*c));
        Faults faults;
        faults.splitFrames = split;
        faults.coalesceFrames = coalesce;
        faults.coalesceWindowMs = 50;
        faults.compress = compress;
        m_sim->setFaults(faults);
        QVERIFY(login(*c));
        QSignalSpy pong(c.get(), &Companion::pong);
        // Two pings in one WebSocket message: their answers are produced in one pass.
        c->setWriteShaping(0, true);
        c->sendPing();
        c->sendPing();
        QTRY_COMPARE(pong.size(), 2);
        const auto traffic = c->traffic();
        QCOMPARE(traffic.frames, 4); // ServerHello, success, two pongs
        if (split > 0)
            QVERIFY2(traffic.messages > traffic.frames, qPrintable(QString::number(traffic.messages)));
        else if (coalesce)
            QVERIFY2(traffic.messages < traffic.frames, qPrintable(QString::number(traffic.messages)));
        else
            QCOMPARE(traffic.messages, traffic.frames);
        QCOMPARE(traffic.compressedFrames, compress ? 3 : 0);
    }

    void clientFramingIsReassembled_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::addColumn<bool>("coalesce");
        QTest::newRow("one byte per message") << 1 << false;
        QTest::newRow("three bytes per message") << 3 << false;
        QTest::newRow("coalesced") << 0 << true;
    }

    void clientFramingIsReassembled()
    {
        QFETCH(int, chunk);
        QFETCH(bool, coalesce);
        auto c = newCompanion();
        c->setWriteShaping(chunk, coalesce);
        QVERIFY(pairByQr(*c));
        QVERIFY(login(*c));
        QSignalSpy pong(c.get(), &Companion::pong);
        c->sendPing();
        c->sendPing();
        QTRY_COMPARE(pong.size(), 2);
    }

    void streamErrorsOnDemand_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("conflict");
        QTest::newRow("515") << 515 << QString();
        QTest::newRow("503") << 503 << QString();
        QTest::newRow("replaced") << 0 << QStringLiteral("replaced");
        QTest::newRow("device_removed") << 401 << QStringLiteral("device_removed");
    }

    void streamErrorsOnDemand()
    {
        QFETCH(int, code);
        QFETCH(QString, conflict);
        auto c = newCompanion();
        const auto account = pairByQr(*c);
        QVERIFY(login(*c));
        auto bystander = newCompanion();
        QVERIFY(waitForQr(*bystander));
        QSignalSpy error(c.get(), &Companion::streamError);
        QSignalSpy bystanderError(bystander.get(), &Companion::streamError);
        QCOMPARE(m_sim->sendStreamError(StreamError{code, conflict}, account->jid), 1);
        QVERIFY(error.wait(5000));
        QCOMPARE(error.first().at(0).toInt(), code);
        QCOMPARE(error.first().at(1).toString(), conflict);
        QVERIFY(bystanderError.isEmpty());
        // Without a device: everyone past the handshake.
        QCOMPARE(m_sim->sendStreamError(StreamError::serviceUnavailable()), 1);
        QVERIFY(bystanderError.wait(5000));
        QCOMPARE(bystanderError.first().at(0).toInt(), 503);
    }

    void dropConnections()
    {
        auto c = newCompanion();
        const auto account = pairByQr(*c);
        QVERIFY(login(*c));
        QSignalSpy gone(c.get(), &Companion::disconnected);
        QSignalSpy error(c.get(), &Companion::streamError);
        QCOMPARE(m_sim->dropConnections(Jid(kPhone, wa::JidServer::User, 9)), 0);
        QCOMPARE(m_sim->dropConnections(account->jid), 1);
        QVERIFY(gone.wait(5000));
        QVERIFY(error.isEmpty());
        QCOMPARE(m_sim->stats().connections, 0);
        QCOMPARE(m_sim->stats().loggedIn, 0);
        QVERIFY(!m_sim->devices(kPhone)->first().online);
    }

    void registeredDevicesLogIn()
    {
        const CompanionKeys keys = CompanionKeys::generate();
        const auto device = m_sim->registerDevice(kPhone, keys.noise.pub);
        QVERIFY(device);
        QCOMPARE(device->device, quint16(1));
        QCOMPARE(m_sim->registerDevice(kPhone, QByteArray(31, 'x')).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(m_sim->registerDevice(QStringLiteral("15550009999"), keys.noise.pub).error().code,
                 ErrorCode::NotFound);
        auto c = newCompanion(keys);
        c->setAccount(CompanionAccount{device->jid, device->lid, {}, {}, {}});
        QVERIFY(login(*c));
        QCOMPARE(m_sim->connections().first().state, QStringLiteral("logged-in"));
        QCOMPARE(m_sim->connections().first().device, device->jid);
    }

    void deviceIndexesAreNotReused()
    {
        const auto first = m_sim->registerDevice(kPhone, QByteArray(32, 'a'));
        const auto second = m_sim->registerDevice(kPhone, QByteArray(32, 'b'));
        QCOMPARE(second->device, quint16(2));
        QVERIFY(m_sim->unlinkDevice(kPhone, first->device));
        QCOMPARE(m_sim->registerDevice(kPhone, QByteArray(32, 'c'))->device, quint16(3));
        for (int i = 4; i <= 255; ++i)
            QVERIFY(m_sim->registerDevice(kPhone, QByteArray(32, char(i))));
        // All 255 indexes have been handed out once; the freed index 1 is the only one left.
        QCOMPARE(m_sim->registerDevice(kPhone, QByteArray(32, 'd'))->device, quint16(1));
        QCOMPARE(m_sim->registerDevice(kPhone, QByteArray(32, 'e')).error().code, ErrorCode::FailedPrecondition);
    }

    void phoneValidation()
    {
        QCOMPARE(m_sim->addPhone(kPhone).error().code, ErrorCode::AlreadyExists);
        for (const char *bad : {"", "123456", "0123456789", "+491701234567", "49170123456789012", "4917o1234567"})
            QCOMPARE(m_sim->addPhone(QString::fromLatin1(bad)).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(m_sim->addPhone(QStringLiteral("1234567"), QString(65, QLatin1Char('x'))).error().code,
                 ErrorCode::InvalidArgument);
        QVERIFY(m_sim->addPhone(QStringLiteral("1234567"), QString(64, QLatin1Char('x'))));
        QCOMPARE(m_sim->phones().size(), 2);
        QVERIFY(m_sim->phone(kPhone)->lid != m_sim->phone(QStringLiteral("1234567"))->lid);
    }

    void hostilePeersAreDropped()
    {
        // Wrong path, text messages, garbage bytes, a wrong prologue: the connection goes, the server stays.
        QWebSocket wrongPath;
        QSignalSpy wrongGone(&wrongPath, &QWebSocket::disconnected);
        QUrl url = m_sim->url();
        url.setPath(QStringLiteral("/other"));
        wrongPath.open(url);
        QVERIFY(wrongGone.wait(5000));

        for (const QByteArray &junk : {QByteArray("hello"), QByteArray("WA\x06\x02\x00\x00\x01x", 8),
                                       QByteArray("WA\x06\x03\x00\x00\x05hello", 12),
                                       QByteArray("WA\x06\x03\xff\xff\xff", 7)}) {
            QWebSocket ws;
            QSignalSpy connected(&ws, &QWebSocket::connected);
            QSignalSpy gone(&ws, &QWebSocket::disconnected);
            ws.open(m_sim->url());
            QVERIFY(connected.wait(5000));
            ws.sendBinaryMessage(junk);
            QVERIFY2(gone.wait(5000), junk.toHex().constData());
        }
        QWebSocket text;
        QSignalSpy textConnected(&text, &QWebSocket::connected);
        QSignalSpy textGone(&text, &QWebSocket::disconnected);
        text.open(m_sim->url());
        QVERIFY(textConnected.wait(5000));
        text.sendTextMessage(QStringLiteral("hi"));
        QVERIFY(textGone.wait(5000));

        QTRY_COMPARE(m_sim->stats().connections, 0);
        auto c = newCompanion();
        QVERIFY(waitForQr(*c));
    }
};

QTEST_GUILESS_MAIN(TestWasimServer)
#include "tst_wasimserver.moc"
