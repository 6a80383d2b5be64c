// WaConnection against a scripted fake WhatsApp on loopback (fakewaserver.h): one row per way a
// connection can end — stream errors, failures, certificate faults, handshake and transport faults,
// framing edge cases.
#include "waconnectiontestsupport.h"

class TestWaConnectionFailures : public QObject
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
};

QTEST_GUILESS_MAIN(TestWaConnectionFailures)
#include "tst_waconnection_failures.moc"
