// WaConnection against a scripted fake WhatsApp on loopback (fakewaserver.h): registration and QR
// rotation, QR and pairing-code pairing into the 515 restart and login, post-login queries,
// keepalive, and ending on request. The ways a connection ends unasked are in
// tst_waconnection_failures.cpp.
#include "waconnectiontestsupport.h"

#include "wa/signal/signalprotocol.h"
#include "wa/signal/signalstore.h"

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
        // Re-armed at each expiry: never early. Lower bounds only, and safe ones: a QTimer never fires
        // before its interval (a loaded machine only makes it later), so these cannot fail by load.
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
        auto store = std::make_shared<MemorySignalStore>();
        c.setSignalStore(store);
        Spies s(&c);
        // The keys are in the Signal store before WhatsApp can hand any of them out.
        qsizetype keysStoredBeforeUpload = -1;
        connect(&server, &FakeWaServer::connectionAccepted, this, [&](FakeConnection *fc) {
            connect(fc, &FakeConnection::nodeReceived, this, [&](const Node &n) {
                if (n.attr("xmlns") == QLatin1String("encrypt") && n.attr("type") == QLatin1String("set"))
                    keysStoredBeforeUpload = store->count(SignalRecordKind::PreKey);
            });
        });
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        FakeConnection *fc = server.last();
        const Node *upload = findIq(fc->received, "encrypt", "list");
        if (!uploaded) {
            QVERIFY(!upload);
            QCOMPARE(s.auth.size(), 0);
            QCOMPARE(store->count(SignalRecordKind::PreKey), 0);
            return;
        }
        QVERIFY(upload);
        QCOMPARE(keysStoredBeforeUpload, uploaded);
        const AuthState &st = c.authState();
        QVERIFY(st.preKeys.isEmpty()); // one-time keys never live in the credentials
        QCOMPARE(upload->child("registration").contentBytes(), be(st.registrationId, 4));
        QCOMPARE(upload->child("type").contentBytes(), QByteArray(1, '\x05'));
        QCOMPARE(upload->child("identity").contentBytes(), st.identityKey.pub);
        const QList<Node> keys = upload->child("list").children();
        QCOMPARE(keys.size(), uploaded);
        for (int i = 0; i < keys.size(); ++i) {
            QCOMPARE(keys[i].child("id").contentBytes(), be(quint32(i + 1), 3));
            const auto record = store->load(SignalRecordKind::PreKey, SignalProtocol::preKeyKey(quint32(i + 1)));
            QVERIFY(record && *record);
            QCOMPARE(keys[i].child("value").contentBytes(), SignalProtocol::preKeyRecordPublic(**record));
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
            // Noticed on the configured timings: kWait (5 s) ends long before the default interval
            // (20 s) could even send a ping (a wall-clock bound here would only measure how busy the
            // machine is).
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
