// WaConnection against wasim (tests/wasim), the project's WhatsApp simulator, in-process on
// loopback: a wasim phone scans our QR or types our pairing code, the 515 restart logs in, the
// keepalive runs, and one row per fault wasim can inject ends with the outcome it must.

#include "wa/client/authstate.h"
#include "wa/client/waconnection.h"

#include "wasim/wasimserver.h"

#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace wagate;
using namespace wagate::wa;
using namespace wagate::wasim;

namespace {

constexpr int kWait = 8000;
const QString kPhone = QStringLiteral("491701234567");

WaConnectionOptions optionsFor(const WasimServer &sim)
{
    WaConnectionOptions o;
    o.url = sim.url();
    o.rootKey = sim.rootPublicKey();
    o.connectTimeoutMs = 4000;
    o.loginTimeoutMs = 4000;
    o.iqTimeoutMs = 4000;
    o.keepAliveMinIntervalMs = 5000;
    o.keepAliveMaxIntervalMs = 5000;
    o.keepAliveTimeoutMs = 3000;
    o.firstQrTimeoutMs = 60000;
    o.qrTimeoutMs = 20000;
    return o;
}

struct Spies
{
    explicit Spies(WaConnection *c)
        : qr(c, &WaConnection::qrCode), code(c, &WaConnection::pairingCode), paired(c, &WaConnection::paired),
          auth(c, &WaConnection::authStateChanged), loggedIn(c, &WaConnection::loggedIn),
          expired(c, &WaConnection::pairingExpired), disconnected(c, &WaConnection::disconnected)
    {
    }
    QSignalSpy qr, code, paired, auth, loggedIn, expired, disconnected;
    DisconnectOutcome outcome() const { return disconnected.last().at(0).value<DisconnectOutcome>(); }
    QString code_() const { return disconnected.last().at(1).toString(); }
};

//! A device linked directly in wasim (no pairing flow), as credentials WaConnection logs in with.
AuthState registeredState(WasimServer &sim)
{
    AuthState s = AuthState::createNew();
    const auto device = sim.registerDevice(kPhone, s.noiseKey.pub, s.identityKey.pub);
    if (!device)
        qFatal("registerDevice failed: %s", qPrintable(device.error().message));
    s.jid = device->jid.toString();
    s.lid = device->lid.toString();
    return s;
}

} // namespace

class TestWaConnectionWasim : public QObject
{
    Q_OBJECT

private slots:
    //! The pairing-code derivations run on the global thread pool; let its threads end (and
    //! OpenSSL free their thread state) before the leak check at exit.
    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

    void initTestCase()
    {
        qRegisterMetaType<DisconnectOutcome>();
    }

    void qrPairing()
    {
        WasimServer sim;
        QVERIFY(sim.listen());
        QVERIFY(sim.addPhone(kPhone, QStringLiteral("Alice")).ok());
        QSignalSpy simPaired(&sim, &WasimServer::pairingSucceeded);
        QSignalSpy simLoggedIn(&sim, &WasimServer::loggedIn);
        WaConnection c(AuthState::createNew(), optionsFor(sim));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.qr.wait(kWait));
        const auto ticket = sim.scanQr(kPhone, s.qr.first().at(0).toString());
        QVERIFY2(ticket.ok(), ticket.ok() ? "" : qPrintable(ticket.error().message));
        QVERIFY(s.loggedIn.wait(kWait));

        QCOMPARE(simPaired.size(), 1);
        const DeviceInfo device = simPaired.first().at(1).value<DeviceInfo>();
        QCOMPARE(s.paired.size(), 1);
        QCOMPARE(s.paired.first().at(0).toString(), device.jid.toString());
        QCOMPARE(s.paired.first().at(1).toString(), device.lid.toString());
        QCOMPARE(device.noiseKey, c.authState().noiseKey.pub);
        QCOMPARE(device.identityKey, c.authState().identityKey.pub);
        QCOMPARE(c.authState().jid, device.jid.toString());
        QCOMPARE(c.authState().primaryIdentityKey(), sim.phone(kPhone)->identityKey);
        QCOMPARE(simLoggedIn.size(), 1);
        QCOMPARE(s.disconnected.size(), 0);
        const Stats stats = sim.stats();
        QCOMPARE(stats.pairings, 1);
        QCOMPARE(stats.logins, 1);
        QCOMPARE(stats.handshakes, 2); // registration, then the login after 515
    }

    void codePairing()
    {
        WasimServer sim;
        QVERIFY(sim.listen());
        QVERIFY(sim.addPhone(kPhone, QStringLiteral("Bob"), true).ok());
        WaConnection c(AuthState::createNew(), optionsFor(sim));
        Spies s(&c);
        QSignalSpy requested(&sim, &WasimServer::pairingCodeRequested);
        QVERIFY(c.requestPairingCode(QStringLiteral("+") + kPhone).ok());
        QVERIFY(s.code.wait(kWait));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(1).toString(), kPhone);
        const auto ticket = sim.enterCode(kPhone, s.code.first().at(0).toString());
        QVERIFY2(ticket.ok(), ticket.ok() ? "" : qPrintable(ticket.error().message));
        QVERIFY(s.loggedIn.wait(kWait));
        QCOMPARE(s.paired.size(), 1);
        QCOMPARE(s.qr.size(), 0);
        QVERIFY(c.authState().isPaired());
        QCOMPARE(c.authState().primaryIdentityKey(), sim.phone(kPhone)->identityKey);
        QCOMPARE(sim.stats().pairings, 1);
    }

    void wrongPairingCode()
    {
        WasimServer sim;
        QVERIFY(sim.listen());
        QVERIFY(sim.addPhone(kPhone).ok());
        QSignalSpy simFailed(&sim, &WasimServer::pairingFailed);
        WaConnection c(AuthState::createNew(), optionsFor(sim));
        Spies s(&c);
        QVERIFY(c.requestPairingCode(kPhone).ok());
        QVERIFY(s.code.wait(kWait));
        const QString wrong = s.code.first().at(0).toString() == QLatin1String("ZZZZ-ZZZZ") ? QStringLiteral("YYYY-YYYY")
                                                                                          : QStringLiteral("ZZZZ-ZZZZ");
        QVERIFY(sim.enterCode(kPhone, wrong).ok());
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::PairingFailed);
        QCOMPARE(s.paired.size(), 0);
        QTRY_COMPARE(simFailed.size(), 1);
    }

    void loginWithStoredCredentials()
    {
        // Pair once, persist what authStateChanged carried, log in again with a new object.
        WasimServer sim;
        QVERIFY(sim.listen());
        QVERIFY(sim.addPhone(kPhone).ok());
        QByteArray stored;
        {
            WaConnection c(AuthState::createNew(), optionsFor(sim));
            Spies s(&c);
            connect(&c, &WaConnection::authStateChanged, this, [&](const QByteArray &b) { stored = b; });
            c.connectToWhatsApp();
            QVERIFY(s.qr.wait(kWait));
            QVERIFY(sim.scanQr(kPhone, s.qr.first().at(0).toString()).ok());
            QVERIFY(s.loggedIn.wait(kWait));
            c.disconnectFromWhatsApp();
        }
        auto state = AuthState::parse(stored);
        QVERIFY(state.ok());
        WaConnection again(*state, optionsFor(sim));
        Spies s(&again);
        again.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        QCOMPARE(sim.stats().logins, 2);
        QCOMPARE(sim.stats().duplicateLogins, 0);
    }

    void keepAliveAnswered()
    {
        WasimServer sim;
        QVERIFY(sim.listen());
        QVERIFY(sim.addPhone(kPhone).ok());
        WaConnectionOptions o = optionsFor(sim);
        o.keepAliveMinIntervalMs = 30;
        o.keepAliveMaxIntervalMs = 60;
        o.keepAliveTimeoutMs = 500;
        WaConnection c(registeredState(sim), o);
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        QTRY_VERIFY_WITH_TIMEOUT(sim.stats().pings >= 4, kWait);
        QCOMPARE(s.disconnected.size(), 0);
        QCOMPARE(c.state(), WaConnection::State::LoggedIn);
    }

    void logoutUnlinks()
    {
        WasimServer sim;
        QVERIFY(sim.listen());
        QVERIFY(sim.addPhone(kPhone).ok());
        QSignalSpy unlinked(&sim, &WasimServer::deviceUnlinked);
        WaConnection c(registeredState(sim), optionsFor(sim));
        Spies s(&c);
        c.connectToWhatsApp();
        QVERIFY(s.loggedIn.wait(kWait));
        c.logout();
        QVERIFY(s.disconnected.wait(kWait));
        QCOMPARE(s.outcome(), DisconnectOutcome::LoggedOut);
        QTRY_COMPARE(unlinked.size(), 1);
        QVERIFY(sim.devices(kPhone)->isEmpty());
    }

    // One row per failure wasim can inject. `kind` picks the setup; rows that end in a login
    // (split, coalesced, compressed, 515) expect loggedIn and no disconnect.
    void failures_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("pairing");
        QTest::addColumn<int>("outcome"); // -1: must stay logged in
        QTest::addColumn<QString>("code");
        const auto row = [](const char *name, int kind, bool pairing, int outcome, const char *code) {
            QTest::newRow(name) << kind << pairing << outcome << QString::fromLatin1(code);
        };
        const int stay = -1;
        row("bad cert signature", 0, false, int(DisconnectOutcome::BadCertificate), "bad_intermediate_signature");
        row("bad leaf signature", 1, false, int(DisconnectOutcome::BadCertificate), "bad_leaf_signature");
        row("expired cert", 2, false, int(DisconnectOutcome::BadCertificate), "expired");
        row("cert not yet valid", 3, false, int(DisconnectOutcome::BadCertificate), "not_yet_valid");
        row("wrong leaf key", 4, false, int(DisconnectOutcome::BadCertificate), "leaf_key_mismatch");
        row("hmac mismatch", 5, true, int(DisconnectOutcome::PairingFailed), "hmac-mismatch");
        row("bad account signature", 6, true, int(DisconnectOutcome::PairingFailed), "signature-mismatch");
        row("refs exhausted", 7, true, int(DisconnectOutcome::PairingExpired), "qr_refs_exhausted");
        row("515 restart", 8, false, stay, "");
        row("replaced", 9, false, int(DisconnectOutcome::Replaced), "replaced");
        row("device_removed", 10, false, int(DisconnectOutcome::LoggedOut), "device_removed");
        row("failure 401", 11, false, int(DisconnectOutcome::LoggedOut), "401");
        row("failure 403", 12, false, int(DisconnectOutcome::LoggedOut), "403");
        row("failure 405", 13, false, int(DisconnectOutcome::Outdated), "405");
        row("missed pings", 14, false, int(DisconnectOutcome::Retryable), "keepalive_timeout");
        row("pings answered too late", 15, false, int(DisconnectOutcome::Retryable), "keepalive_timeout");
        row("split frames", 16, false, stay, "");
        row("coalesced frames", 17, false, stay, "");
        row("compressed frames", 18, false, stay, "");
        row("503 server restart", 19, false, int(DisconnectOutcome::Retryable), "503");
        row("connection dropped", 20, false, int(DisconnectOutcome::Retryable), "socket_closed");
        row("split frames while pairing", 21, true, stay, "");
        row("failure 402 temporary ban", 22, false, int(DisconnectOutcome::TemporarilyBanned), "402");
        row("failure 406 banned", 23, false, int(DisconnectOutcome::Banned), "406");
    }
    void failures()
    {
        QFETCH(int, kind);
        QFETCH(bool, pairing);
        QFETCH(int, outcome);
        QFETCH(QString, code);

        Faults faults;
        switch (kind) {
        case 0: faults.certificate = CertificateFault::BadSignature; break;
        case 1: faults.certificate = CertificateFault::BadLeafSignature; break;
        case 2: faults.certificate = CertificateFault::Expired; break;
        case 3: faults.certificate = CertificateFault::NotYetValid; break;
        case 4: faults.certificate = CertificateFault::WrongLeafKey; break;
        case 5: faults.pairing = PairingFault::HmacMismatch; break;
        case 6: faults.pairing = PairingFault::BadAccountSignature; break;
        case 7:
            faults.refs = 2;
            faults.firstRefMs = 300;
            faults.refMs = 150;
            break;
        case 11: faults.loginFailure = 401; break;
        case 12: faults.loginFailure = 403; break;
        case 13: faults.loginFailure = 405; break;
        case 14: faults.dropPings = true; break;
        case 15: faults.pingDelayMs = 1500; break;
        case 16:
        case 21: faults.splitFrames = 1; break;
        case 17: faults.coalesceFrames = true; break;
        case 18: faults.compress = true; break;
        case 22: faults.loginFailure = 402; break;
        case 23: faults.loginFailure = 406; break;
        default: break;
        }
        WasimServer sim(faults);
        QVERIFY(sim.listen());
        QVERIFY(sim.addPhone(kPhone).ok());
        WaConnectionOptions o = optionsFor(sim);
        o.keepAliveMinIntervalMs = 50;
        o.keepAliveMaxIntervalMs = 80;
        o.keepAliveTimeoutMs = 600;
        if (kind == 7) {
            // Our ref clock as the server's; either end may notice first.
            o.firstQrTimeoutMs = faults.firstRefMs;
            o.qrTimeoutMs = faults.refMs;
        }
        WaConnection c(pairing ? AuthState::createNew() : registeredState(sim), o);
        Spies s(&c);
        c.connectToWhatsApp();

        if (pairing) {
            QVERIFY(s.qr.wait(kWait));
            if (kind == 5 || kind == 6) {
                QSignalSpy simFailed(&sim, &WasimServer::pairingFailed);
                QVERIFY(sim.scanQr(kPhone, s.qr.first().at(0).toString()).ok());
                QVERIFY(s.disconnected.wait(kWait));
                QTRY_COMPARE(simFailed.size(), 1); // wasim got our error iq
                QVERIFY2(simFailed.first().at(2).toString().contains(code), qPrintable(simFailed.first().at(2).toString()));
            } else if (kind == 21) {
                QVERIFY(sim.scanQr(kPhone, s.qr.first().at(0).toString()).ok());
                QVERIFY(s.loggedIn.wait(kWait));
            } else {
                QVERIFY(s.disconnected.wait(kWait));
                QCOMPARE(s.expired.size(), 1);
            }
        } else if (kind <= 4 || (kind >= 11 && kind <= 15) || kind >= 22) {
            if (kind == 14 || kind == 15) // pings fail only after a login
                QVERIFY(s.loggedIn.wait(kWait));
            QVERIFY(s.disconnected.wait(kWait));
        } else {
            QVERIFY(s.loggedIn.wait(kWait));
            const Jid device = *Jid::parse(c.authState().jid);
            switch (kind) {
            case 8: QCOMPARE(sim.sendStreamError(StreamError::restartRequired(), device), 1); break;
            case 9: QCOMPARE(sim.sendStreamError(StreamError::replaced(), device), 1); break;
            case 10: QVERIFY(sim.unlinkDevice(kPhone, device.device()).ok()); break;
            case 19: QCOMPARE(sim.sendStreamError(StreamError::serviceUnavailable(), device), 1); break;
            case 20: QCOMPARE(sim.dropConnections(device), 1); break;
            default: break;
            }
            if (kind == 8)
                QTRY_COMPARE_WITH_TIMEOUT(s.loggedIn.size(), 2, kWait);
            else if (outcome >= 0)
                QVERIFY(s.disconnected.wait(kWait));
        }

        if (outcome < 0) {
            QCOMPARE(s.disconnected.size(), 0);
            QCOMPARE(c.state(), WaConnection::State::LoggedIn);
            return;
        }
        QVERIFY(!s.disconnected.wait(150)); // no second report for the same attempt
        QCOMPARE(s.disconnected.size(), 1);
        QCOMPARE(int(s.outcome()), outcome);
        QCOMPARE(s.code_(), code);
        QCOMPARE(c.state(), WaConnection::State::Idle);
    }
};

QTEST_GUILESS_MAIN(TestWaConnectionWasim)
#include "tst_waconnection_wasim.moc"
