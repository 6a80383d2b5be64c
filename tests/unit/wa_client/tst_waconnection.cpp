// WaConnection against a scripted fake WhatsApp on loopback (fakewaserver.h): registration and QR
// rotation, QR and pairing-code pairing into the 515 restart and login, post-login queries,
// keepalive, and one row per way a connection can end — stream errors, failures, certificate
// faults, handshake and transport faults, framing edge cases.

#include "fakewaserver.h"

#include "wa/client/authstate.h"
#include "wa/client/linkcodepairing.h"
#include "wa/client/waconnection.h"
#include "wa/crypto/digest.h"
#include "wa/crypto/xeddsa.h"
#include "wa/noise/certchain.h"
#include "wa/proto/protobytes.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThreadPool>

using namespace wagate;
using namespace wagate::wa;
using namespace wagate::wa::test;

Q_DECLARE_METATYPE(wagate::wa::test::FakePhone::Fault)
Q_DECLARE_METATYPE(wagate::wa::Node)

namespace {

constexpr int kWait = 5000;
const QString kJid = QStringLiteral("491701234567:7@s.whatsapp.net");

//! Short timings so that every row runs in well under a second.
WaConnectionOptions optionsFor(const FakeWaServer &server)
{
    WaConnectionOptions o;
    o.url = server.url();
    o.rootKey = server.rootKey();
    o.connectTimeoutMs = 3000;
    o.loginTimeoutMs = 3000;
    o.iqTimeoutMs = 3000;
    o.keepAliveMinIntervalMs = 5000; // out of the way unless a row wants it
    o.keepAliveMaxIntervalMs = 5000;
    o.keepAliveTimeoutMs = 3000;
    o.firstQrTimeoutMs = 5000;
    o.qrTimeoutMs = 5000;
    return o;
}

//! A state that looks linked to the fake server's phone.
AuthState pairedState()
{
    AuthState s = AuthState::createNew();
    s.jid = kJid;
    s.lid = QStringLiteral("123456789012345:7@lid");
    s.platform = QStringLiteral("android");
    return s;
}

struct Spies
{
    explicit Spies(WaConnection *c)
        : connecting(c, &WaConnection::connecting), qr(c, &WaConnection::qrCode), code(c, &WaConnection::pairingCode),
          paired(c, &WaConnection::paired), auth(c, &WaConnection::authStateChanged), loggedIn(c, &WaConnection::loggedIn),
          expired(c, &WaConnection::pairingExpired), disconnected(c, &WaConnection::disconnected)
    {
    }
    QSignalSpy connecting, qr, code, paired, auth, loggedIn, expired, disconnected;

    DisconnectOutcome outcome() const { return disconnected.last().at(0).value<DisconnectOutcome>(); }
    QString code_() const { return disconnected.last().at(1).toString(); }
};

const Node *findIq(const QList<Node> &nodes, const char *xmlns, const char *child = nullptr)
{
    for (const Node &n : nodes) {
        if (n.tag() == QLatin1String("iq") && n.attr("xmlns") == QLatin1String(xmlns) && (!child || n.hasChild(child)))
            return &n;
    }
    return nullptr;
}

QByteArray be(quint32 v, int bytes)
{
    QByteArray out(bytes, '\0');
    for (int i = bytes - 1; i >= 0; --i, v >>= 8)
        out[i] = char(v & 0xFF);
    return out;
}

} // namespace

class TestWaConnection : public QObject
{
    Q_OBJECT

private slots:
    //! The pairing-code derivations run on the global thread pool; let its threads end (and
    //! OpenSSL free their thread state) before the leak check at exit.
    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

    void initTestCase()
    {
        qRegisterMetaType<DisconnectOutcome>();
        qRegisterMetaType<Node>();
    }

    // --- registration and QR

    void registrationPayloadAndUpgrade()
    {
        FakeWaServer server;
        QVERIFY(server.listen());
        WaConnection c(AuthState::createNew(), optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QCOMPARE(s.connecting.size(), 1);
        QVERIFY(s.qr.wait(kWait));

        FakeConnection *fc = server.last();
        QCOMPARE(fc->origin, QStringLiteral("https://web.whatsapp.com"));
        QCOMPARE(fc->path, QStringLiteral("/ws/chat"));
        QCOMPARE(fc->clientStatic, c.authState().noiseKey.pub);
        const auto &p = fc->payload;
        QVERIFY(p.has_passive() && !p.passive());
        QVERIFY(p.has_pull() && !p.pull());
        QVERIFY(!p.has_username());
        QCOMPARE(p.user_agent().platform(), waproto::ClientPayload::UserAgent::WEB);
        QCOMPARE(p.connect_type(), waproto::ClientPayload::WIFI_UNKNOWN);
        QCOMPARE(p.connect_reason(), waproto::ClientPayload::USER_ACTIVATED);
        const auto &reg = p.device_pairing_data();
        const AuthState &st = c.authState();
        QCOMPARE(fromStdBytes(reg.e_regid()), be(st.registrationId, 4));
        QCOMPARE(fromStdBytes(reg.e_keytype()), QByteArray(1, '\x05'));
        QCOMPARE(fromStdBytes(reg.e_ident()), st.identityKey.pub);
        QCOMPARE(fromStdBytes(reg.e_skey_id()), QByteArray::fromHex("000001"));
        QCOMPARE(fromStdBytes(reg.e_skey_val()), st.signedPreKey.keyPair.pub);
        QVERIFY(xeddsa::verify(st.identityKey.pub, QByteArray(1, '\x05') + st.signedPreKey.keyPair.pub,
                               fromStdBytes(reg.e_skey_sig())));
        QCOMPARE(fromStdBytes(reg.build_hash()), md5("2.3000.1045649367"));
        waproto::DeviceProps props;
        QVERIFY(props.ParseFromString(reg.device_props()));
        QCOMPARE(QString::fromStdString(props.os()), QStringLiteral("Wagate"));

        // pair-device was acknowledged at once with an empty result carrying its id.
        QTRY_VERIFY(!fc->received.isEmpty());
        const Node &ack = fc->received.first();
        QCOMPARE(ack.tag(), QStringLiteral("iq"));
        QCOMPARE(ack.attr("type"), QStringLiteral("result"));
        QCOMPARE(ack.attr("id"), QStringLiteral("pd-1"));
        QVERIFY(!ack.hasContent());
        QVERIFY(ack.jidAttr("to") && ack.jidAttr("to")->isServer());
        QCOMPARE(c.state(), WaConnection::State::Pairing);
        c.disconnectFromWhatsApp();
        QCOMPARE(s.disconnected.size(), 1);
        QCOMPARE(s.outcome(), DisconnectOutcome::Closed);
    }

    void qrRotationAndExhaustion()
    {
        FakeWaServer server;
        server.refs = 3;
        QVERIFY(server.listen());
        WaConnectionOptions o = optionsFor(server);
        o.firstQrTimeoutMs = 300;
        o.qrTimeoutMs = 100;
        const qint64 fixedNow = QDateTime::currentMSecsSinceEpoch();
        o.clock = [fixedNow] { return fixedNow; };
        WaConnection c(AuthState::createNew(), o);
        Spies s(&c);
        QElapsedTimer clock;
        QList<qint64> shownAt;
        connect(&c, &WaConnection::qrCode, this, [&] { shownAt.append(clock.elapsed()); });
        clock.start();
        c.connectToWhatsApp();
        QVERIFY(s.expired.wait(kWait));
        QCOMPARE(s.qr.size(), 3);
        QCOMPARE(s.disconnected.size(), 1);
        QCOMPARE(s.outcome(), DisconnectOutcome::PairingExpired);
        QCOMPARE(s.code_(), QStringLiteral("qr_refs_exhausted"));
        const qint64 endedAt = clock.elapsed();

        // One code per ref, in order, with our keys, expiring first after 60 s-equivalent, then 20 s.
        const QList<QByteArray> refs = server.connections.first()->refs;
        const AuthState &st = c.authState();
        for (int i = 0; i < 3; ++i) {
            const auto qr = FakePhone::parseQr(s.qr.at(i).at(0).toString());
            QVERIFY(qr);
            QCOMPARE(qr->ref, refs.at(i));
            QCOMPARE(qr->noise, st.noiseKey.pub);
            QCOMPARE(qr->identity, st.identityKey.pub);
            QCOMPARE(qr->adv, st.advSecret);
            QCOMPARE(qr->platform, QStringLiteral("1"));
            QCOMPARE(s.qr.at(i).at(1).toLongLong(), fixedNow + (i == 0 ? 300 : 100));
        }
        // Re-armed at each expiry: never early.
        QVERIFY2(shownAt[1] - shownAt[0] >= 295, qPrintable(QString::number(shownAt[1] - shownAt[0])));
        QVERIFY2(shownAt[2] - shownAt[1] >= 95, qPrintable(QString::number(shownAt[2] - shownAt[1])));
        QVERIFY(endedAt - shownAt[2] >= 95);
        // The socket is gone.
        QTRY_VERIFY(!server.connections.first() || !server.connections.first()->isOpen());
    }

    void refsExhaustedServerCloses()
    {
        // WhatsApp closes the socket when the last ref runs out, racing our timer: still "expired".
        FakeWaServer server;
        server.refs = 1;
        QVERIFY(server.listen());
        WaConnectionOptions o = optionsFor(server);
        o.firstQrTimeoutMs = 400;
        WaConnection c(AuthState::createNew(), o);
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.qr.wait(kWait));
        // The server's own ref clock runs out slightly before ours.
        QTimer::singleShot(300, server.last(), &FakeConnection::close);
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.expired.size(), 1);
        QCOMPARE(s.outcome(), DisconnectOutcome::PairingExpired);
    }

    void serverClosesWhilePairing()
    {
        FakeWaServer server;
        QVERIFY(server.listen());
        WaConnection c(AuthState::createNew(), optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.qr.wait(kWait));
        server.last()->close();
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.expired.size(), 0);
        QCOMPARE(s.outcome(), DisconnectOutcome::Retryable);
        QCOMPARE(s.code_(), QStringLiteral("socket_closed"));
    }

    // --- pairing into login

    void qrPairingThenLogin_data()
    {
        QTest::addColumn<QString>("businessName");
        QTest::addColumn<FakePhone::Fault>("variant");
        QTest::newRow("personal") << QString() << FakePhone::Fault::None;
        QTest::newRow("business") << QStringLiteral("Acme GmbH") << FakePhone::Fault::None;
        QTest::newRow("hosted account prefixes") << QString() << FakePhone::Fault::HostedAccount;
    }
    void qrPairingThenLogin()
    {
        QFETCH(QString, businessName);
        QFETCH(FakePhone::Fault, variant);
        FakeWaServer server;
        server.phone.businessName = businessName;
        server.phone.platform = businessName.isEmpty() ? QStringLiteral("android") : QStringLiteral("smba");
        server.phone.fault = variant;
        QVERIFY(server.listen());
        WaConnection c(AuthState::createNew(), optionsFor(server));
        const QByteArray noiseKey = c.authState().noiseKey.pub;
        Spies s(&c);
        QStringList order;
        connect(&c, &WaConnection::paired, this, [&] { order << QStringLiteral("paired"); });
        connect(&c, &WaConnection::authStateChanged, this, [&] { order << QStringLiteral("auth"); });
        connect(&server, &FakeWaServer::pairDeviceSignReceived, this, [&] { order << QStringLiteral("sign"); });
        c.connectToWhatsApp();
        QVERIFY(s.qr.wait(kWait));
        QVERIFY(server.scan(s.qr.first().at(0).toString()));
        QVERIFY(s.loggedIn.wait(kWait));

        QCOMPARE(s.paired.size(), 1);
        QCOMPARE(s.paired.first().at(0).toString(), kJid);
        QCOMPARE(s.paired.first().at(1).toString(), QStringLiteral("123456789012345:7@lid"));
        QCOMPARE(s.paired.first().at(2).toString(), server.phone.platform);
        QCOMPARE(s.paired.first().at(3).toString(), businessName);
        QCOMPARE(server.pairDeviceSigns, 1);
        QVERIFY(server.lastPairDeviceSignValid);
        // Persisted before the phone was answered.
        QCOMPARE(order.mid(0, 3), (QStringList{QStringLiteral("paired"), QStringLiteral("auth"), QStringLiteral("sign")}));
        QCOMPARE(s.disconnected.size(), 0); // the 515 restart is internal

        // The stored credentials: what was emitted parses back to the live state.
        auto stored = AuthState::parse(s.auth.first().at(0).toByteArray());
        QVERIFY(stored.ok());
        QCOMPARE(stored->jid, kJid);
        QCOMPARE(stored->businessName, businessName);
        QCOMPARE(stored->primaryIdentityKey(), server.phone.identity.pub);
        waproto::ADVSignedDeviceIdentity account;
        QVERIFY(account.ParseFromString(toStdBytes(stored->account)));
        QVERIFY(account.has_device_signature() && account.has_account_signature_key());

        // 515 → a second connection with the login payload and the same noise key.
        QCOMPARE(server.connections.size(), 2);
        FakeConnection *login = server.connections.at(1);
        QCOMPARE(login->clientStatic, noiseKey);
        QVERIFY(!login->payload.has_device_pairing_data());
        QCOMPARE(login->payload.username(), 491701234567ull);
        QCOMPARE(login->payload.device(), 7u);
        QVERIFY(login->payload.passive() && login->payload.pull());
        // Post-login queries went out before loggedIn.
        QVERIFY(findIq(login->received, "encrypt", "count"));
        QVERIFY(findIq(login->received, "passive", "active"));
        QCOMPARE(c.state(), WaConnection::State::LoggedIn);
    }

    void pairSuccessRefused_data()
    {
        QTest::addColumn<FakePhone::Fault>("fault");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QString>("errorText");
        QTest::newRow("hmac mismatch") << FakePhone::Fault::HmacMismatch << "401" << "hmac-mismatch";
        QTest::newRow("bad account signature") << FakePhone::Fault::BadAccountSignature << "401" << "signature-mismatch";
        QTest::newRow("malformed identity") << FakePhone::Fault::MalformedIdentity << "500" << "internal-error";
    }
    void pairSuccessRefused()
    {
        QFETCH(FakePhone::Fault, fault);
        QFETCH(QString, errorCode);
        QFETCH(QString, errorText);
        FakeWaServer server;
        server.phone.fault = fault;
        QVERIFY(server.listen());
        WaConnection c(AuthState::createNew(), optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.qr.wait(kWait));
        FakeConnection *fc = server.last();
        QVERIFY(server.scan(s.qr.first().at(0).toString()));
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::PairingFailed);
        QCOMPARE(s.code_(), errorText);
        QCOMPARE(s.paired.size(), 0);
        QVERIFY(!c.authState().isPaired());
        // The error iq reached the server before the close.
        QTRY_VERIFY(fc->received.size() >= 2);
        const Node &err = fc->received.last();
        QCOMPARE(err.attr("type"), QStringLiteral("error"));
        QCOMPARE(err.attr("id"), QStringLiteral("ps-1"));
        QCOMPARE(err.child("error").attr("code"), errorCode);
        QCOMPARE(err.child("error").attr("text"), errorText);
    }

    void codePairingThenLogin()
    {
        FakeWaServer server;
        QVERIFY(server.listen());
        WaConnection c(AuthState::createNew(), optionsFor(server));
        const QByteArray qrAdvSecret = c.authState().advSecret;
        Spies s(&c);
        QVERIFY(c.requestPairingCode(QStringLiteral("+491701234567")).ok());
        QVERIFY(s.code.wait(kWait));
        QCOMPARE(s.qr.size(), 0); // the code replaces the QR codes
        const QString code = s.code.first().at(0).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}$")).match(code).hasMatch(),
                 qPrintable(code));
        QVERIFY(s.code.first().at(1).toLongLong() > QDateTime::currentMSecsSinceEpoch());
        QVERIFY(!c.requestPairingCode(QStringLiteral("491701234567")).ok()); // one per attempt

        FakeConnection *fc = server.last();
        const Node *hello = findIq(fc->received, "md", "link_code_companion_reg");
        QVERIFY(hello);
        const Node reg = hello->child("link_code_companion_reg");
        QCOMPARE(reg.attr("stage"), QStringLiteral("companion_hello"));
        QCOMPARE(reg.jidAttr("jid")->toString(), QStringLiteral("491701234567@s.whatsapp.net"));
        QCOMPARE(reg.child("link_code_pairing_wrapped_companion_ephemeral_pub").contentBytes().size(), 80);
        QCOMPARE(reg.child("companion_server_auth_key_pub").contentBytes(), c.authState().noiseKey.pub);
        QCOMPARE(reg.child("companion_platform_id").contentBytes(), QByteArray("1"));
        QCOMPARE(reg.child("companion_platform_display").contentBytes(), QByteArray("Chrome (Linux)"));
        QVERIFY(reg.hasChild("link_code_pairing_nonce"));

        QVERIFY(server.enterCode(code));
        QVERIFY(s.loggedIn.wait(kWait));
        QCOMPARE(s.paired.size(), 1);
        QCOMPARE(s.paired.first().at(0).toString(), kJid);
        QVERIFY(server.lastPairDeviceSignValid);
        // The notification was acked; a derived adv secret replaced the QR one and was persisted
        // before pair-success was checked against it.
        const Node &ack = *std::find_if(fc->received.cbegin(), fc->received.cend(),
                                        [](const Node &n) { return n.tag() == QLatin1String("ack"); });
        QCOMPARE(ack.attr("id"), QStringLiteral("lc-1"));
        QCOMPARE(ack.attr("class"), QStringLiteral("notification"));
        QCOMPARE(ack.attr("type"), QStringLiteral("link_code_companion_reg"));
        QVERIFY(s.auth.size() >= 2);
        const auto afterFinish = AuthState::parse(s.auth.first().at(0).toByteArray());
        QVERIFY(afterFinish.ok());
        QVERIFY(afterFinish->advSecret != qrAdvSecret);
        QVERIFY(!afterFinish->isPaired());
        QCOMPARE(c.authState().advSecret, afterFinish->advSecret);
    }

    void wrongCodeFailsPairing()
    {
        FakeWaServer server;
        QVERIFY(server.listen());
        WaConnection c(AuthState::createNew(), optionsFor(server));
        Spies s(&c);
        QVERIFY(c.requestPairingCode(QStringLiteral("491701234567")).ok());
        QVERIFY(s.code.wait(kWait));
        QVERIFY(server.enterCode(QStringLiteral("ZZZZ-ZZZZ") == s.code.first().at(0).toString() ? "YYYYYYYY" : "ZZZZZZZZ"));
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::PairingFailed);
        QCOMPARE(s.code_(), QStringLiteral("pairing_code_rejected"));
        QCOMPARE(s.paired.size(), 0);
    }

    void phoneNumberValidation_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("international") << "491701234567" << true;
        QTest::newRow("leading plus") << "+491701234567" << true;
        QTest::newRow("seven digits") << "1234567" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("six digits") << "123456" << false;
        QTest::newRow("spaces") << "49 170 1234567" << false;
        QTest::newRow("dashes") << "49-170-1234567" << false;
        QTest::newRow("letters") << "49170abc4567" << false;
        QTest::newRow("national leading zero") << "01701234567" << false;
        QTest::newRow("sixteen digits") << "4917012345678901" << false;
        QTest::newRow("double plus") << "++491701234567" << false;
    }
    void phoneNumberValidation()
    {
        QFETCH(QString, number);
        QFETCH(bool, valid);
        const auto normalized = LinkCodePairing::normalizePhoneNumber(number);
        QCOMPARE(normalized.ok(), valid);
        if (valid) {
            QCOMPARE(*normalized, QString(number).remove(QLatin1Char('+')));
            return;
        }
        QCOMPARE(normalized.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!normalized.error().message.isEmpty());
        // The connection refuses it up front, without opening anything.
        WaConnection c;
        const auto r = c.requestPairingCode(number);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, normalized.error().message);
        QCOMPARE(c.state(), WaConnection::State::Idle);
    }

    void codeRequestRefusedWhenPaired()
    {
        WaConnection c(pairedState());
        const auto r = c.requestPairingCode(QStringLiteral("491701234567"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::FailedPrecondition);
    }

    // --- login and after

    void postLoginPreKeys_data()
    {
        QTest::addColumn<int>("serverCount");
        QTest::addColumn<int>("uploaded");
        QTest::newRow("none on the server: initial batch") << 0 << 812;
        QTest::newRow("running low: refill") << 3 << 50;
        QTest::newRow("enough") << 5 << 0;
    }
    void postLoginPreKeys()
    {
        QFETCH(int, serverCount);
        QFETCH(int, uploaded);
        FakeWaServer server;
        server.preKeyCount = serverCount;
        QVERIFY(server.listen());
        WaConnection c(pairedState(), optionsFor(server));
        Spies s(&c);
        int keysPersistedBeforeUpload = -1;
        connect(&server, &FakeWaServer::connectionAccepted, this, [&](FakeConnection *fc) {
            connect(fc, &FakeConnection::nodeReceived, this, [&](const Node &n) {
                if (n.attr("xmlns") == QLatin1String("encrypt") && n.attr("type") == QLatin1String("set"))
                    keysPersistedBeforeUpload = s.auth.isEmpty() ? 0 : int(AuthState::parse(s.auth.last().at(0).toByteArray())->preKeys.size());
            });
        });
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        FakeConnection *fc = server.last();
        const Node *upload = findIq(fc->received, "encrypt", "list");
        if (!uploaded) {
            QVERIFY(!upload);
            QCOMPARE(s.auth.size(), 0);
            return;
        }
        QVERIFY(upload);
        QCOMPARE(keysPersistedBeforeUpload, uploaded);
        const AuthState &st = c.authState();
        QCOMPARE(upload->child("registration").contentBytes(), be(st.registrationId, 4));
        QCOMPARE(upload->child("type").contentBytes(), QByteArray(1, '\x05'));
        QCOMPARE(upload->child("identity").contentBytes(), st.identityKey.pub);
        const QList<Node> keys = upload->child("list").children();
        QCOMPARE(keys.size(), uploaded);
        for (int i = 0; i < keys.size(); ++i) {
            QCOMPARE(keys[i].child("id").contentBytes(), be(quint32(i + 1), 3));
            QCOMPARE(keys[i].child("value").contentBytes(), st.preKeys.at(i).keyPair.pub);
        }
        const Node skey = upload->child("skey");
        QCOMPARE(skey.child("id").contentBytes(), be(1, 3));
        QCOMPARE(skey.child("value").contentBytes(), st.signedPreKey.keyPair.pub);
        QCOMPARE(skey.child("signature").contentBytes(), st.signedPreKey.signature);
        // After the server confirmed: nothing left to upload.
        QCOMPARE(st.nextPreKeyId, quint32(uploaded + 1));
        QCOMPARE(st.firstUnuploadedPreKeyId, quint32(uploaded + 1));
        QCOMPARE(AuthState::parse(s.auth.last().at(0).toByteArray())->firstUnuploadedPreKeyId, quint32(uploaded + 1));
    }

    void successUpdatesLid()
    {
        FakeWaServer server;
        server.lid = QStringLiteral("999888777666555:7@lid");
        QVERIFY(server.listen());
        WaConnection c(pairedState(), optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        QCOMPARE(c.authState().lid, server.lid);
        QVERIFY(!s.auth.isEmpty());
        QCOMPARE(AuthState::parse(s.auth.first().at(0).toByteArray())->lid, server.lid);
    }

    void restartWhileLoggedIn()
    {
        FakeWaServer server;
        QVERIFY(server.listen());
        WaConnection c(pairedState(), optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        server.last()->send(Node(QStringLiteral("stream:error"), {{QStringLiteral("code"), "515"}}));
        QTRY_COMPARE_WITH_TIMEOUT(s.loggedIn.size(), 2, kWait);
        QCOMPARE(server.connections.size(), 2);
        QCOMPARE(server.connections.at(1)->clientStatic, c.authState().noiseKey.pub);
        QCOMPARE(s.disconnected.size(), 0);
    }

    void restartLoopGivesUp()
    {
        FakeWaServer server;
        QVERIFY(server.listen());
        server.onHandshake = [](FakeConnection *fc) {
            fc->send(Node(QStringLiteral("stream:error"), {{QStringLiteral("code"), "515"}}));
            return true;
        };
        WaConnection c(pairedState(), optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::Retryable);
        QCOMPARE(s.code_(), QStringLiteral("restart_loop"));
        QCOMPARE(server.connections.size(), c.options().maxRestarts + 1);
    }

    void keepAlive_data()
    {
        QTest::addColumn<bool>("answer");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<bool>("alive");
        QTest::newRow("answered") << true << 0 << true;
        QTest::newRow("answered late but in time") << true << 60 << true;
        QTest::newRow("answered after the deadline") << true << 1500 << false;
        QTest::newRow("never answered") << false << 0 << false;
    }
    void keepAlive()
    {
        QFETCH(bool, answer);
        QFETCH(int, delayMs);
        QFETCH(bool, alive);
        FakeWaServer server;
        server.answerPings = answer;
        server.pingDelayMs = delayMs;
        QVERIFY(server.listen());
        WaConnectionOptions o = optionsFor(server);
        o.keepAliveMinIntervalMs = 30;
        o.keepAliveMaxIntervalMs = 60;
        o.keepAliveTimeoutMs = 400;
        WaConnection c(pairedState(), o);
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        QElapsedTimer since;
        since.start();
        if (alive) {
            QTRY_VERIFY_WITH_TIMEOUT(server.pingsAnswered >= 4, kWait);
            QCOMPARE(s.disconnected.size(), 0);
            const Node *ping = findIq(server.last()->received, "w:p", "ping");
            QVERIFY(ping);
            QCOMPARE(ping->attr("type"), QStringLiteral("get"));
            QVERIFY(ping->jidAttr("to") && ping->jidAttr("to")->isServer());
        } else {
            QVERIFY(s.disconnected.wait(kWait));
            QCOMPARE(s.outcome(), DisconnectOutcome::Retryable);
            QCOMPARE(s.code_(), QStringLiteral("keepalive_timeout"));
            // Noticed within interval + deadline, not minutes later.
            QVERIFY2(since.elapsed() < 1500, qPrintable(QString::number(since.elapsed())));
        }
    }

    void answersServerPing()
    {
        FakeWaServer server;
        QVERIFY(server.listen());
        WaConnection c(pairedState(), optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        FakeConnection *fc = server.last();
        fc->send(Node(QStringLiteral("iq"), {{QStringLiteral("from"), Jid::serverJid()}, {QStringLiteral("type"), "get"},
                                             {QStringLiteral("id"), "srv-ping"}, {QStringLiteral("xmlns"), "urn:xmpp:ping"}}));
        QTRY_VERIFY(std::any_of(fc->received.cbegin(), fc->received.cend(), [](const Node &n) {
            return n.attr("id") == QLatin1String("srv-ping") && n.attr("type") == QLatin1String("result");
        }));
    }

    // --- every way it ends

    void streamErrors_data()
    {
        QTest::addColumn<Node>("stanza");
        QTest::addColumn<DisconnectOutcome>("outcome");
        QTest::addColumn<QString>("code");
        const auto err = [](const char *code, QList<Node> children = {}) {
            Node n(QStringLiteral("stream:error"));
            if (code)
                n.setAttr(QStringLiteral("code"), QString::fromLatin1(code));
            if (!children.isEmpty())
                n.setChildren(children);
            return n;
        };
        const auto conflict = [](const char *type) {
            return Node(QStringLiteral("conflict"), {{QStringLiteral("type"), type}});
        };
        QTest::newRow("503 server restart") << err("503") << DisconnectOutcome::Retryable << "503";
        QTest::newRow("500 internal") << err("500") << DisconnectOutcome::Retryable << "500";
        QTest::newRow("401 device_removed") << err("401", {conflict("device_removed")}) << DisconnectOutcome::LoggedOut
                                            << "device_removed";
        QTest::newRow("401 without conflict") << err("401") << DisconnectOutcome::LoggedOut << "401";
        QTest::newRow("conflict replaced") << err(nullptr, {conflict("replaced")}) << DisconnectOutcome::Replaced
                                           << "replaced";
        QTest::newRow("unknown code") << err("999") << DisconnectOutcome::Retryable << "999";
        QTest::newRow("unknown child") << err(nullptr, {Node(QStringLiteral("xml-not-well-formed"))})
                                       << DisconnectOutcome::Retryable << "xml-not-well-formed";
        QTest::newRow("bare") << err(nullptr) << DisconnectOutcome::Retryable << "stream_error";
        QTest::newRow("xmlstreamend") << Node(QStringLiteral("xmlstreamend")) << DisconnectOutcome::Retryable
                                      << "stream_end";
    }
    void streamErrors()
    {
        QFETCH(Node, stanza);
        QFETCH(DisconnectOutcome, outcome);
        QFETCH(QString, code);
        FakeWaServer server;
        QVERIFY(server.listen());
        WaConnection c(pairedState(), optionsFor(server));
        const QByteArray noiseKey = c.authState().noiseKey.pub;
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        server.last()->send(stanza);
        QTimer::singleShot(20, server.last(), &FakeConnection::close); // the server hangs up after it
        QVERIFY(s.disconnected.wait(kWait));
        QVERIFY(!s.disconnected.wait(100)); // the server's close adds no second report
        QCOMPARE(s.disconnected.size(), 1);
        QCOMPARE(s.outcome(), outcome);
        QCOMPARE(s.code_(), code);
        QVERIFY(!s.disconnected.last().at(2).toString().isEmpty());
        QCOMPARE(c.state(), WaConnection::State::Idle);
        // Revoked credentials are not kept around.
        QCOMPARE(c.authState().isPaired(), !credentialsRevoked(outcome));
        QCOMPARE(c.authState().noiseKey.pub == noiseKey, !credentialsRevoked(outcome));
    }

    void failures_data()
    {
        QTest::addColumn<int>("reason");
        QTest::addColumn<DisconnectOutcome>("outcome");
        QTest::newRow("401 logged out") << 401 << DisconnectOutcome::LoggedOut;
        QTest::newRow("403 main device gone") << 403 << DisconnectOutcome::LoggedOut;
        QTest::newRow("406 banned") << 406 << DisconnectOutcome::Banned;
        QTest::newRow("402 temporary ban") << 402 << DisconnectOutcome::TemporarilyBanned;
        QTest::newRow("405 outdated") << 405 << DisconnectOutcome::Outdated;
        QTest::newRow("409 bad user agent") << 409 << DisconnectOutcome::Outdated;
        QTest::newRow("500 internal") << 500 << DisconnectOutcome::Retryable;
        QTest::newRow("503 unavailable") << 503 << DisconnectOutcome::Retryable;
        QTest::newRow("418 unknown") << 418 << DisconnectOutcome::Rejected;
    }
    void failures()
    {
        QFETCH(int, reason);
        QFETCH(DisconnectOutcome, outcome);
        FakeWaServer server;
        server.loginFailure = reason;
        if (reason == 402)
            server.failureAttrs = {{QStringLiteral("code"), "101"}, {QStringLiteral("expire"), "3600"}};
        QVERIFY(server.listen());
        const qint64 fixedNow = QDateTime::currentMSecsSinceEpoch();
        WaConnectionOptions o = optionsFor(server);
        o.clock = [fixedNow] { return fixedNow; };
        WaConnection c(pairedState(), o);
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.disconnected.wait(kWait));
        QVERIFY(!s.disconnected.wait(100)); // the server's close adds no second report
        QCOMPARE(s.disconnected.size(), 1);
        QCOMPARE(s.loggedIn.size(), 0);
        QCOMPARE(s.outcome(), outcome);
        QCOMPARE(s.code_(), QString::number(reason));
        if (reason == 402) {
            QCOMPARE(c.lastDisconnect().banExpiresAtMs, fixedNow + 3600 * 1000);
            QVERIFY(s.disconnected.last().at(2).toString().contains(QStringLiteral("101")));
        }
    }

    void badCertificate_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("code");
        QTest::newRow("intermediate signed by another root") << 0 << "bad_intermediate_signature";
        QTest::newRow("leaf signature corrupted") << 1 << "bad_leaf_signature";
        QTest::newRow("expired") << 2 << "expired";
        QTest::newRow("not yet valid") << 3 << "not_yet_valid";
        QTest::newRow("wrong leaf key") << 4 << "leaf_key_mismatch";
        QTest::newRow("no leaf") << 5 << "incomplete_chain";
        QTest::newRow("not a chain") << 6 << "malformed";
        QTest::newRow("intermediate not from root") << 7 << "intermediate_not_from_root";
        QTest::newRow("leaf from another issuer") << 8 << "leaf_issuer_mismatch";
        QTest::newRow("client clock after validity") << 9 << "expired";
    }
    void badCertificate()
    {
        QFETCH(int, fault);
        QFETCH(QString, code);
        FakeWaServer server;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const quint64 from = quint64(now - 3600), until = quint64(now + 3600);
        switch (fault) {
        case 0:
            server.chain = CertChain::create(KeyPair::generate(), server.intermediate, server.staticKey.pub, from, until).serialize();
            break;
        case 1: {
            CertChain chain = *CertChain::parse(server.chain);
            chain.leaf.signature[5] = char(chain.leaf.signature[5] ^ 0x20);
            server.chain = chain.serialize();
            break;
        }
        case 2: server.chain = server.makeChain(now - 7200, now - 3600, server.staticKey.pub); break;
        case 3: server.chain = server.makeChain(now + 3600, now + 7200, server.staticKey.pub); break;
        case 4: server.chain = server.makeChain(now - 3600, now + 3600, KeyPair::generate().pub); break;
        case 5: {
            CertChain chain = *CertChain::parse(server.chain);
            chain.leaf = {};
            server.chain = chain.serialize();
            break;
        }
        case 6: server.chain = QByteArray("\xff\xff\xff\xff not protobuf"); break;
        case 7:
        case 8: {
            CertChain chain;
            chain.intermediate = NoiseCertificate::issue({1, fault == 7 ? 5u : 0u, server.intermediate.pub, from, until},
                                                         server.root.priv);
            chain.leaf = NoiseCertificate::issue({2, fault == 8 ? 9u : 1u, server.staticKey.pub, from, until},
                                                 server.intermediate.priv);
            server.chain = chain.serialize();
            break;
        }
        default: break;
        }
        QVERIFY(server.listen());
        WaConnectionOptions o = optionsFor(server);
        if (fault == 9)
            o.clock = [] { return (QDateTime::currentSecsSinceEpoch() + 7200) * 1000; };
        WaConnection c(pairedState(), o);
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::BadCertificate);
        QCOMPARE(s.code_(), code);
        QTRY_VERIFY(!server.last()->isOpen());
        QVERIFY(!server.last()->handshakeDone()); // no ClientFinish for a server we do not trust
        QVERIFY(c.authState().isPaired());        // and nothing was wiped
    }

    void handshakeFailures_data()
    {
        QTest::addColumn<QByteArray>("serverHello");
        QTest::addColumn<QString>("code");
        waproto::HandshakeMessage noServerHello;
        noServerHello.mutable_client_hello()->set_ephemeral(std::string(32, 'x'));
        waproto::HandshakeMessage badEphemeral;
        badEphemeral.mutable_server_hello()->set_ephemeral(std::string(5, 'x'));
        waproto::HandshakeMessage garbageStatic;
        garbageStatic.mutable_server_hello()->set_ephemeral(toStdBytes(KeyPair::generate().pub));
        garbageStatic.mutable_server_hello()->set_static_key(std::string(48, 'x'));
        garbageStatic.mutable_server_hello()->set_payload(std::string(100, 'y'));
        QTest::newRow("not protobuf") << QByteArray("\xff\xff\xff\xff\xff") << "malformed";
        QTest::newRow("no server hello") << fromStdBytes(noServerHello.SerializeAsString()) << "unexpected_message";
        QTest::newRow("short ephemeral") << fromStdBytes(badEphemeral.SerializeAsString()) << "bad_ephemeral";
        QTest::newRow("undecryptable static") << fromStdBytes(garbageStatic.SerializeAsString()) << "decrypt_failed";
    }
    void handshakeFailures()
    {
        QFETCH(QByteArray, serverHello);
        QFETCH(QString, code);
        FakeWaServer server;
        server.serverHelloOverride = serverHello;
        QVERIFY(server.listen());
        WaConnection c(pairedState(), optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::HandshakeFailed);
        QCOMPARE(s.code_(), code);
    }

    void transportFailures_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<DisconnectOutcome>("outcome");
        QTest::addColumn<QString>("code");
        QTest::newRow("frame does not decrypt") << 0 << DisconnectOutcome::ProtocolError << "decrypt_failed";
        QTest::newRow("node does not decode") << 1 << DisconnectOutcome::ProtocolError << "bad_node";
        QTest::newRow("corrupt zlib") << 2 << DisconnectOutcome::ProtocolError << "bad_node";
        QTest::newRow("frame above the limit") << 3 << DisconnectOutcome::FrameTooLarge << "frame_too_large";
        QTest::newRow("length prefix above the limit") << 4 << DisconnectOutcome::FrameTooLarge << "frame_too_large";
        QTest::newRow("socket dropped") << 5 << DisconnectOutcome::Retryable << "socket_closed";
    }
    void transportFailures()
    {
        QFETCH(int, kind);
        QFETCH(DisconnectOutcome, outcome);
        QFETCH(QString, code);
        FakeWaServer server;
        QVERIFY(server.listen());
        WaConnectionOptions o = optionsFor(server);
        o.maxFrameSize = 4096;
        WaConnection c(pairedState(), o);
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        FakeConnection *fc = server.last();
        switch (kind) {
        case 0: fc->sendRaw(QByteArray::fromHex("000020") + QByteArray(32, 'z')); break;
        case 1: fc->sendEncrypted(QByteArray::fromHex("00f8")); break;
        case 2: fc->sendEncrypted(QByteArray::fromHex("02789c0000ffff")); break;
        case 3: fc->send(Node(QStringLiteral("message"), {}, QByteArray(5000, 'm'))); break;
        case 4: fc->sendRaw(QByteArray::fromHex("ffffff")); break;
        case 5: fc->abort(); break;
        }
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), outcome);
        QCOMPARE(s.code_(), code);
        QCOMPARE(s.disconnected.size(), 1);
    }

    void connectionRefused()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        WaConnectionOptions o;
        o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws/chat").arg(port));
        WaConnection c(pairedState(), o);
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::Retryable);
        QCOMPARE(s.code_(), QStringLiteral("network_error"));
    }

    void timeouts_data()
    {
        QTest::addColumn<bool>("handshake");
        QTest::addColumn<QString>("code");
        QTest::newRow("no upgrade answer") << false << "connect_timeout";
        QTest::newRow("silence after the handshake") << true << "login_timeout";
    }
    void timeouts()
    {
        QFETCH(bool, handshake);
        QFETCH(QString, code);
        FakeWaServer server;
        QTcpServer mute;
        QVERIFY(server.listen());
        QVERIFY(mute.listen(QHostAddress::LocalHost));
        server.onHandshake = [](FakeConnection *) { return true; }; // say nothing
        WaConnectionOptions o = optionsFor(server);
        if (!handshake)
            o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws/chat").arg(mute.serverPort()));
        o.connectTimeoutMs = 300;
        o.loginTimeoutMs = 300;
        WaConnection c(pairedState(), o);
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::Retryable);
        QCOMPARE(s.code_(), code);
    }

    // --- framing edge cases

    void splitFrames_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::addColumn<bool>("paired");
        QTest::newRow("1-byte messages, login") << 1 << true;
        QTest::newRow("2-byte messages, login") << 2 << true;
        QTest::newRow("7-byte messages, login") << 7 << true;
        QTest::newRow("1-byte messages, registration") << 1 << false;
    }
    void splitFrames()
    {
        QFETCH(int, chunk);
        QFETCH(bool, paired);
        FakeWaServer server;
        server.splitOutgoing = chunk;
        QVERIFY(server.listen());
        WaConnection c(paired ? pairedState() : AuthState::createNew(), optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(paired ? s.loggedIn.wait(kWait) : s.qr.wait(kWait));
        QCOMPARE(s.disconnected.size(), 0);
    }

    void coalescedFrames()
    {
        FakeWaServer server;
        server.coalesceLogin = true; // success + ib(edge_routing) + notification in one message
        QVERIFY(server.listen());
        WaConnection c(pairedState(), optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        FakeConnection *fc = server.last();
        QTRY_VERIFY(std::any_of(fc->received.cbegin(), fc->received.cend(), [](const Node &n) {
            return n.tag() == QLatin1String("ack") && n.attr("id") == QLatin1String("n-77");
        }));
        QCOMPARE(c.authState().routingInfo, QByteArray("\x08\x02\x08\x05", 4));
        QVERIFY(std::any_of(s.auth.cbegin(), s.auth.cend(), [](const QList<QVariant> &args) {
            return AuthState::parse(args.at(0).toByteArray())->routingInfo == QByteArray("\x08\x02\x08\x05", 4);
        }));
        // The next connection sends the routing bytes in front of its header.
        c.disconnectFromWhatsApp();
        c.connectToWhatsApp();
        QTRY_COMPARE_WITH_TIMEOUT(s.loggedIn.size(), 2, kWait);
        QCOMPARE(server.last()->routingInfo(), QByteArray("\x08\x02\x08\x05", 4));
    }

    void compressedFrames_data()
    {
        QTest::addColumn<bool>("paired");
        QTest::newRow("login") << true;
        QTest::newRow("registration") << false;
    }
    void compressedFrames()
    {
        QFETCH(bool, paired);
        FakeWaServer server;
        server.compress = true;
        QVERIFY(server.listen());
        WaConnection c(paired ? pairedState() : AuthState::createNew(), optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(paired ? s.loggedIn.wait(kWait) : s.qr.wait(kWait));
        QCOMPARE(s.disconnected.size(), 0);
    }

    // --- ending on request

    void logoutWhenLoggedIn()
    {
        FakeWaServer server;
        QVERIFY(server.listen());
        WaConnection c(pairedState(), optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        c.logout();
        QCOMPARE(s.disconnected.size(), 0); // waits for the confirmation
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::LoggedOut);
        QCOMPARE(s.code_(), QStringLiteral("user_initiated"));
        const Node *remove = findIq(server.last()->received, "md", "remove-companion-device");
        QVERIFY(remove);
        QCOMPARE(remove->attr("type"), QStringLiteral("set"));
        const Node r = remove->child("remove-companion-device");
        QVERIFY(r.jidAttr("jid"));
        QCOMPARE(r.jidAttr("jid")->toString(), kJid);
        QCOMPARE(r.attr("reason"), QStringLiteral("user_initiated"));
        QVERIFY(!c.authState().isPaired());
    }

    void logoutFromIdleLogsInFirst()
    {
        FakeWaServer server;
        QVERIFY(server.listen());
        WaConnection c(pairedState(), optionsFor(server));
        Spies s(&c);
        c.logout();
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::LoggedOut);
        QVERIFY(findIq(server.last()->received, "md", "remove-companion-device"));
        QVERIFY(!findIq(server.last()->received, "encrypt")); // no post-login work for a goodbye
        QCOMPARE(s.loggedIn.size(), 0);
    }

    void logoutUnpaired()
    {
        WaConnection c;
        Spies s(&c);
        c.logout();
        QCOMPARE(s.disconnected.size(), 0); // reported after the caller could connect to it
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::LoggedOut);
        QCOMPARE(s.code_(), QStringLiteral("not_paired"));
    }

    void disconnectKeepsCredentials()
    {
        FakeWaServer server;
        QVERIFY(server.listen());
        const AuthState state = pairedState();
        WaConnection c(state, optionsFor(server));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        c.disconnectFromWhatsApp();
        QCOMPARE(s.disconnected.size(), 1); // synchronous
        QCOMPARE(s.outcome(), DisconnectOutcome::Closed);
        QTRY_VERIFY(!server.last()->isOpen());
        QCOMPARE(c.authState().noiseKey, state.noiseKey);
        QVERIFY(c.authState().isPaired());
        c.disconnectFromWhatsApp(); // idle: nothing more
        QCOMPARE(s.disconnected.size(), 1);
    }

    void invalidCredentials()
    {
        AuthState broken = pairedState();
        broken.jid = QStringLiteral("not a jid");
        WaConnection c(broken);
        Spies s(&c);
        c.connectToWhatsApp();
        QCOMPARE(s.connecting.size(), 1);
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::LoggedOut);
        QCOMPARE(s.code_(), QStringLiteral("invalid_credentials"));
    }
};

QTEST_GUILESS_MAIN(TestWaConnection)
#include "tst_waconnection.moc"
