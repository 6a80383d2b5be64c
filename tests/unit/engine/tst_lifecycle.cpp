// The session lifecycle: connection outcomes become status transitions, written before they are
// announced. The WhatsApp side is a scripted SessionConnection (its real implementation is tested
// against the simulator); the store, the credential cipher and the services are the real ones.
#include "auth/credentialcipher.h"
#include "core/ids.h"
#include "engine/credentialvault.h"
#include "engine/engine.h"
#include "engine/sessionevents.h"
#include "engine/sessionmanager.h"
#include "engine/sessionservice.h"
#include "store/database.h"
#include "store/organizationrepository.h"
#include "store/sessionrepository.h"
#include "scriptedconnection.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QPointer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace wagate;
using test::ScriptedConnection;
using test::ScriptedFactory;

namespace {

class CipherVault : public CredentialVault
{
public:
    CredentialCipher cipher{QByteArray(32, '\x42')};
    bool refuseToSeal = false;
    Result<QByteArray> seal(const QString &id, const QByteArray &p) override
    {
        if (refuseToSeal)
            return Error::unavailable(QStringLiteral("the data key is gone"));
        return cipher.seal(id, p);
    }
    Result<QByteArray> open(const QString &id, const QByteArray &s) override { return cipher.open(id, s); }
};

//! The lifecycle events the table of store refusals drives, one per place a change is recorded.
enum class Step {
    QrShown, Linked, Credentials, LoggedIn, ConnectionLost, Banned,
    Unlinked, Refused, CodesRanOut, PairingInterrupted, GaveUp,
};

} // namespace

Q_DECLARE_METATYPE(Step)

class TestLifecycle : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_tdb;
    std::unique_ptr<Engine> m_engine;
    ScriptedFactory m_factory;
    CipherVault m_vault;
    Principal m_operator;

    QString m_connection; //!< the engine's store connection

    void boot()
    {
        m_engine.reset();
        m_connection = QStringLiteral("t") + ids::newUlid();
        EngineConfig config = test::engineConfig(*m_tdb, m_connection);
        config.lifecycle.reconnectBaseMs = 10;
        config.lifecycle.reconnectMaxMs = 30;
        config.lifecycle.maxReconnectAttempts = 3;
        config.lifecycle.unsavedRetryMs = 20;
        config.lifecycle.unsavedRetryMaxMs = 50;
        m_engine = std::make_unique<Engine>(config);
        m_engine->setConnectionFactory(&m_factory);
        m_engine->setCredentialVault(&m_vault);
        QVERIFY(test::startEngine(*m_engine));
    }

    SessionInfo row(const QString &id) { return *m_engine->sessionRepository().get(m_operator.organizationId, id); }

    //! The row as the database holds it, read through a second connection with its own (empty) cache.
    Result<SessionInfo> coldRead(const QString &id)
    {
        auto db = Database::open(m_tdb->config(QStringLiteral("cold") + ids::newUlid()));
        if (!db)
            return db.error();
        return SessionRepository(**db).get(m_operator.organizationId, id);
    }
    SessionInfo coldRow(const QString &id)
    {
        auto s = coldRead(id);
        if (!s)
            qFatal("cold read failed: %s", qPrintable(s.error().message));
        return *s;
    }

    //! The engine's SQLite connection refuses (true) or takes (false) every write from now on.
    void refuseWrites(bool refuse)
    {
        QSqlQuery q(QSqlDatabase::database(m_connection));
        QVERIFY(q.exec(refuse ? QStringLiteral("PRAGMA query_only = ON") : QStringLiteral("PRAGMA query_only = OFF")));
    }

    //! A session whose phone is linked but which has not logged in yet (after the 515 restart).
    QString linkedStartingSession()
    {
        auto s = m_engine->sessions().create(m_operator, SessionCreate{QStringLiteral("Linked"), {}, {}, {}, {}, {}});
        if (!s || !m_engine->manager().beginQrPairing(*s))
            qFatal("cannot begin pairing");
        ScriptedConnection *c = m_factory.made.value(s->id);
        emit c->paired(PairedAccount{QStringLiteral("6281234567890"), QStringLiteral("6281234567890:7@s.whatsapp.net"),
                                     QStringLiteral("99887766:7@lid"), QStringLiteral("android"), QString()});
        emit c->credentialsChanged(QByteArray("noise-key|identity-key|adv-secret"));
        return s->id;
    }

    QList<SessionStatus> history(const QString &id)
    {
        QList<SessionStatus> out;
        const auto log = m_engine->sessionRepository().transitions(id, QString(), 1000);
        for (const StatusTransition &t : *log)
            out << t.status;
        return out;
    }

    //! A session linked by QR and logged in, as the phone would leave it.
    QString linkedWorkingSession()
    {
        auto s = m_engine->sessions().create(m_operator, SessionCreate{QStringLiteral("Support line"), {}, {}, {}, {}, {}});
        if (!s)
            qFatal("create failed");
        if (!m_engine->manager().beginQrPairing(*s))
            qFatal("pairing failed");
        m_factory.made.value(s->id)->pairAs(QStringLiteral("6281234567890"));
        return s->id;
    }

private slots:
    void init()
    {
        m_tdb = std::make_unique<test::TestDatabase>(test::TestDatabase::Backend::Sqlite);
        m_factory.made.clear();
        boot();
        const QString org = ids::newOrganizationId();
        QVERIFY(m_engine->organizations().insert({org, QStringLiteral("Acme"), 1}));
        m_operator.organizationId = org;
        m_operator.userId = QStringLiteral("user_1");
        m_operator.capabilities = Capability::Read | Capability::Manage;
    }
    void cleanup()
    {
        m_engine.reset();
        m_tdb.reset();
    }

    void startWithoutANumberIsAPreconditionFailure()
    {
        auto s = m_engine->sessions().create(m_operator, SessionCreate{QStringLiteral("x"), {}, {}, {}, {}, {}});
        QVERIFY(s);
        auto r = m_engine->sessions().start(m_operator, s->id);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::FailedPrecondition);
        QCOMPARE(row(s->id).status, SessionStatus::Unpaired);
        QVERIFY(m_factory.made.isEmpty()); // nothing tried to connect
        QCOMPARE(m_engine->manager().activeCount(), 0);
    }

    void startWithoutStoredCredentialsSaysSoAndLeavesNothingRunning()
    {
        const QString id = linkedWorkingSession();
        QVERIFY(m_engine->sessions().stop(m_operator, id));
        QVERIFY(m_engine->sessionRepository().setCredentials(id, {})); // e.g. a restore without the secrets
        auto r = m_engine->sessions().start(m_operator, id);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::FailedPrecondition);
        QVERIFY(r.error().message.contains(QStringLiteral("link the number again")));
        QVERIFY(!m_engine->manager().isActive(id));
        QCOMPARE(row(id).status, SessionStatus::Stopped);
    }

    void qrPairingReachesWorkingOnlyAfterLogin()
    {
        QSignalSpy transitions(&m_engine->events(), &SessionEvents::statusChanged);
        QSignalSpy qrs(&m_engine->events(), &SessionEvents::qrCode);
        auto s = m_engine->sessions().create(m_operator, SessionCreate{QStringLiteral("x"), {}, {}, {}, {}, {}});
        QVERIFY(m_engine->manager().beginQrPairing(*s));
        ScriptedConnection *c = m_factory.made.value(s->id);
        QVERIFY(c);
        QCOMPARE(row(s->id).status, SessionStatus::Starting);
        emit c->qrCode(QStringLiteral("2@ref,noise,identity,adv,1"), 4102444800000);
        QCOMPARE(row(s->id).status, SessionStatus::ScanQrCode);
        QCOMPARE(qrs.size(), 1);
        QCOMPARE(m_engine->manager().currentQr(s->id)->first, QStringLiteral("2@ref,noise,identity,adv,1"));
        // A second QR (ref rotation) is an event, not another transition.
        emit c->qrCode(QStringLiteral("2@ref2,noise,identity,adv,1"), 4102444800000);
        QCOMPARE(qrs.size(), 2);

        emit c->paired(PairedAccount{QStringLiteral("6281234567890"), QStringLiteral("6281234567890:7@s.whatsapp.net"),
                                     QStringLiteral("99887766:7@lid"), QStringLiteral("android"), QString()});
        SessionInfo afterPair = row(s->id);
        QCOMPARE(afterPair.status, SessionStatus::Starting); // linked, but not logged in: not working
        QCOMPARE(afterPair.phoneNumber, QStringLiteral("6281234567890"));
        QCOMPARE(afterPair.waJid, QStringLiteral("6281234567890:7@s.whatsapp.net"));
        QCOMPARE(afterPair.desiredState, DesiredState::Running);

        emit c->credentialsChanged(QByteArray("secret credentials"));
        const QByteArray stored = *m_engine->sessionRepository().credentials(s->id);
        QVERIFY(!stored.isEmpty());
        QVERIFY2(!stored.contains("secret credentials"), "credentials are encrypted at rest");
        QCOMPARE(*m_vault.open(s->id, stored), QByteArray("secret credentials"));

        emit c->loggedIn();
        const SessionInfo working = row(s->id);
        QCOMPARE(working.status, SessionStatus::Working);
        QVERIFY(working.lastConnectedAt > 0);
        QCOMPARE(history(s->id), (QList<SessionStatus>{SessionStatus::Starting, SessionStatus::ScanQrCode,
                                                       SessionStatus::Starting, SessionStatus::Working}));
        QCOMPARE(transitions.size(), 4);
    }

    void startIsIdempotentAndStopKeepsCredentials()
    {
        const QString id = linkedWorkingSession();
        QCOMPARE(row(id).status, SessionStatus::Working);
        auto again = m_engine->sessions().start(m_operator, id);
        QVERIFY(again);
        QCOMPARE(again->status, SessionStatus::Working); // no-op
        QCOMPARE(m_factory.made.value(id)->calls.count(QStringLiteral("connect")), 0);

        QPointer<ScriptedConnection> old = m_factory.made.value(id);
        auto stopped = m_engine->sessions().stop(m_operator, id);
        QVERIFY(stopped);
        QCOMPARE(stopped->status, SessionStatus::Stopped);
        QCOMPARE(row(id).desiredState, DesiredState::Stopped);
        QVERIFY(old && old->calls.contains(QStringLiteral("disconnect")));
        QVERIFY(!m_engine->sessionRepository().credentials(id)->isEmpty());
        QVERIFY(m_engine->sessions().stop(m_operator, id)); // idempotent
        QCOMPARE(row(id).status, SessionStatus::Stopped);

        // Signals of a connection we let go change nothing.
        QVERIFY2(old, "a released connection is deleted later, not at once");
        emit old->loggedIn();
        QCOMPARE(row(id).status, SessionStatus::Stopped);

        // Start again: the connection gets the stored credentials back.
        auto started = m_engine->sessions().start(m_operator, id);
        QVERIFY(started);
        QCOMPARE(started->status, SessionStatus::Starting);
        QVERIFY(m_factory.credentialsGiven.value(id).startsWith("noise-key|"));
        QCOMPARE(m_factory.made.value(id)->calls, QStringList{QStringLiteral("connect")});
    }

    void disconnectOutcomes_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("credentialsKept");
        QTest::addColumn<int>("desired");
        QTest::newRow("network trouble") << int(DisconnectKind::Retryable) << int(SessionStatus::Reconnecting) << true << int(DesiredState::Running);
        QTest::newRow("unlinked from the phone") << int(DisconnectKind::LoggedOut) << int(SessionStatus::LoggedOut) << false << int(DesiredState::Stopped);
        QTest::newRow("replaced elsewhere") << int(DisconnectKind::Replaced) << int(SessionStatus::Failed) << true << int(DesiredState::Stopped);
        QTest::newRow("banned or outdated") << int(DisconnectKind::Fatal) << int(SessionStatus::Failed) << true << int(DesiredState::Stopped);
    }
    void disconnectOutcomes()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(bool, credentialsKept);
        QFETCH(int, desired);
        const QString id = linkedWorkingSession();
        emit m_factory.made.value(id)->disconnected(DisconnectKind(kind), QStringLiteral("code-x"), QStringLiteral("message x"));
        const SessionInfo s = row(id);
        QCOMPARE(int(s.status), status);
        QCOMPARE(int(s.desiredState), desired);
        QCOMPARE(!m_engine->sessionRepository().credentials(id)->isEmpty(), credentialsKept);
        QVERIFY(s.lastError.has_value());
        QCOMPARE(s.lastError->code, QStringLiteral("code-x"));
        if (DisconnectKind(kind) == DisconnectKind::LoggedOut) {
            QVERIFY(s.waJid.isEmpty());
            QCOMPARE(m_engine->sessions().start(m_operator, id).error().code, ErrorCode::FailedPrecondition);
        }
    }

    void reconnectDelaysGrowLinearlyUpToTheCap_data()
    {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<int>("delayMs");
        QTest::newRow("first: at once") << 1 << 0;
        QTest::newRow("second") << 2 << 2000;
        QTest::newRow("third") << 3 << 4000;
        QTest::newRow("tenth") << 10 << 18000;
        QTest::newRow("capped") << 40 << 60000;
    }
    void reconnectDelaysGrowLinearlyUpToTheCap()
    {
        QFETCH(int, attempt);
        QFETCH(int, delayMs);
        QCOMPARE(SessionManager::reconnectDelayMs(LifecycleConfig{}, attempt), delayMs);
    }

    void reconnectsWithBackOffThenGivesUp()
    {
        const QString id = linkedWorkingSession();
        ScriptedConnection *c = m_factory.made.value(id);
        emit c->disconnected(DisconnectKind::Retryable, QStringLiteral("connection_lost"), QStringLiteral("socket closed"));
        QCOMPARE(row(id).status, SessionStatus::Reconnecting);
        QTRY_COMPARE(c->calls.count(QStringLiteral("connect")), 1);
        QCOMPARE(row(id).status, SessionStatus::Reconnecting); // connecting again is not working
        emit c->loggedIn();
        QCOMPARE(row(id).status, SessionStatus::Working);
        QCOMPARE(m_engine->sessionRepository().transitions(id, QString(), 100)->last().reason, QStringLiteral("reconnected"));

        // Now it keeps failing: each loss is one more attempt, until the configured three are spent.
        int losses = 0;
        while (row(id).status != SessionStatus::Failed && losses < 10) {
            const int before = c->calls.count(QStringLiteral("connect"));
            emit c->disconnected(DisconnectKind::Retryable, QStringLiteral("unreachable"), QStringLiteral("no route"));
            ++losses;
            if (row(id).status != SessionStatus::Failed)
                QTRY_COMPARE(c->calls.count(QStringLiteral("connect")), before + 1);
        }
        QCOMPARE(losses, 4); // three attempts after a loss each, and the fourth loss gives up
        QCOMPARE(c->calls.count(QStringLiteral("connect")), 1 + 3);
        const SessionInfo s = row(id);
        QCOMPARE(s.status, SessionStatus::Failed);
        QCOMPARE(s.lastError->code, QStringLiteral("unreachable"));
        QCOMPARE(m_engine->sessionRepository().transitions(id, QString(), 100)->last().reason, QStringLiteral("gave up reconnecting"));
        QVERIFY(!m_engine->sessionRepository().credentials(id)->isEmpty()); // :start can retry
        QVERIFY(!m_engine->manager().isActive(id));
        QVERIFY(m_engine->sessions().start(m_operator, id));
        QCOMPARE(row(id).status, SessionStatus::Starting);
    }

    void aTemporaryBanIsWaitedOut()
    {
        const QString id = linkedWorkingSession();
        ScriptedConnection *c = m_factory.made.value(id);
        const qint64 until = QDateTime::currentMSecsSinceEpoch() + 300;
        emit c->disconnected(DisconnectKind::Suspended, QStringLiteral("temporarily_banned"),
                             QStringLiteral("The account is temporarily banned until later."), until);
        SessionInfo s = coldRow(id);
        QCOMPARE(s.status, SessionStatus::Reconnecting);
        QCOMPARE(s.desiredState, DesiredState::Running); // not stopped for good
        QCOMPARE(s.lastError->code, QStringLiteral("temporarily_banned"));
        QVERIFY(m_engine->manager().isActive(id));
        QCOMPARE(c->calls.count(QStringLiteral("connect")), 0); // no attempt before the ban ends
        QTRY_COMPARE(c->calls.count(QStringLiteral("connect")), 1);
        QVERIFY(QDateTime::currentMSecsSinceEpoch() >= until);
        emit c->loggedIn();
        QCOMPARE(coldRow(id).status, SessionStatus::Working);

        // A ban without a known end is final until :start, like any other refusal.
        emit c->disconnected(DisconnectKind::Suspended, QStringLiteral("temporarily_banned"), QStringLiteral("Banned."), 0);
        QCOMPARE(coldRow(id).status, SessionStatus::Failed);
        QVERIFY(!m_engine->manager().isActive(id));
    }

    void pairingEndsWithoutANumber_data()
    {
        QTest::addColumn<bool>("expired");
        QTest::addColumn<bool>("codeShown");
        QTest::addColumn<QString>("lastError");
        QTest::newRow("codes ran out") << true << true << "qr_expired";
        QTest::newRow("WhatsApp closed while a code was shown") << false << true << "qr_expired";
        QTest::newRow("connection lost before any code") << false << false << "connection_lost";
    }
    void pairingEndsWithoutANumber()
    {
        QFETCH(bool, expired);
        QFETCH(bool, codeShown);
        QFETCH(QString, lastError);
        auto s = m_engine->sessions().create(m_operator, SessionCreate{QStringLiteral("x"), {}, {}, {}, {}, {}});
        QVERIFY(m_engine->manager().beginQrPairing(*s));
        ScriptedConnection *c = m_factory.made.value(s->id);
        if (codeShown)
            emit c->qrCode(QStringLiteral("qr"), 4102444800000);
        if (expired)
            emit c->pairingExpired();
        else
            emit c->disconnected(DisconnectKind::Retryable, QStringLiteral("connection_lost"), QStringLiteral("lost"));
        const SessionInfo r = row(s->id);
        QCOMPARE(r.status, SessionStatus::Unpaired);
        QCOMPARE(r.lastError->code, lastError);
        QVERIFY(!m_engine->manager().isActive(s->id));
        QVERIFY(!m_engine->manager().currentQr(s->id));
    }

    void logoutUnlinksAndWipes()
    {
        const QString id = linkedWorkingSession();
        QPointer<ScriptedConnection> c = m_factory.made.value(id);
        auto r = m_engine->sessions().logout(m_operator, id);
        QVERIFY(r);
        QCOMPARE(r->status, SessionStatus::LoggedOut);
        QVERIFY(c && c->calls.contains(QStringLiteral("logout")));
        QVERIFY(m_engine->sessionRepository().credentials(id)->isEmpty());
        QVERIFY(row(id).waJid.isEmpty());
        QCOMPARE(row(id).phoneNumber, QStringLiteral("6281234567890")); // kept, to say which number it was
        QVERIFY(m_engine->sessions().logout(m_operator, id)); // idempotent
        QCOMPARE(m_engine->manager().beginQrPairing(row(id)).ok(), true); // and it can be paired again
    }

    void restartResumesWhatWasStartedAndCorrectsStaleStatuses()
    {
        const QString running = linkedWorkingSession();
        const QString stopped = linkedWorkingSession();
        QVERIFY(m_engine->sessions().stop(m_operator, stopped));
        auto pairing = m_engine->sessions().create(m_operator, SessionCreate{QStringLiteral("p"), {}, {}, {}, {}, {}});
        QVERIFY(m_engine->manager().beginQrPairing(*pairing));
        emit m_factory.made.value(pairing->id)->qrCode(QStringLiteral("qr"), 4102444800000);
        QCOMPARE(row(running).status, SessionStatus::Working);
        QCOMPARE(row(pairing->id).status, SessionStatus::ScanQrCode);

        // As after a kill -9: the rows still say working / scan_qr_code; nothing runs any more.
        m_factory.made.clear();
        boot();
        const SessionInfo r = row(running);
        QCOMPARE(r.status, SessionStatus::Starting); // started again, not pretending to be working
        QVERIFY(m_factory.made.contains(running));
        QCOMPARE(m_factory.made.value(running)->calls, QStringList{QStringLiteral("connect")});
        QVERIFY(m_factory.credentialsGiven.value(running).startsWith("noise-key|"));
        QCOMPARE(row(stopped).status, SessionStatus::Stopped);
        QVERIFY(!m_factory.made.contains(stopped));
        QCOMPARE(row(pairing->id).status, SessionStatus::Unpaired);
        emit m_factory.made.value(running)->loggedIn();
        QCOMPARE(row(running).status, SessionStatus::Working);
    }

    void shutdownDuringAnUnlinkReleasesTheConnection()
    {
        // The unlink needs a moment on the wire; an engine that stops meanwhile takes the connection
        // with it instead of leaving it (or its 10 s timer) behind.
        const QString id = linkedWorkingSession();
        QPointer<ScriptedConnection> c = m_factory.made.value(id);
        QVERIFY(m_engine->sessions().logout(m_operator, id));
        QVERIFY(c && c->calls.contains(QStringLiteral("logout")));
        m_engine.reset();
        QVERIFY(c.isNull());
    }

    void deleteStopsAndUnlinks()
    {
        const QString id = linkedWorkingSession();
        QPointer<ScriptedConnection> c = m_factory.made.value(id);
        QSignalSpy removed(&m_engine->events(), &SessionEvents::sessionRemoved);
        QVERIFY(m_engine->sessions().remove(m_operator, id));
        QVERIFY(c && c->calls.contains(QStringLiteral("logout")));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(m_engine->sessions().get(m_operator, id).error().code, ErrorCode::NotFound);
        QVERIFY(!m_engine->manager().isActive(id));
    }

    void settingsChangedWhileWorkingSurviveAReconnect()
    {
        // The reproduction of a stale row: PATCH a working session, let the connection drop and come
        // back, and the session must still show what the PATCH set — to GET, to listeners, in the store.
        const QString id = linkedWorkingSession();
        SessionPatch patch;
        patch.label = QStringLiteral("Night shift");
        patch.ratePerMin = 7;
        patch.ratePerHour = 70;
        QVERIFY(m_engine->sessions().update(m_operator, id, patch));

        QSignalSpy updated(&m_engine->events(), &SessionEvents::sessionUpdated);
        ScriptedConnection *c = m_factory.made.value(id);
        QVERIFY(c);
        emit c->disconnected(DisconnectKind::Retryable, QStringLiteral("connection_lost"), QStringLiteral("socket closed"));
        QTRY_COMPARE(c->calls.count(QStringLiteral("connect")), 1);
        emit c->loggedIn();

        const SessionInfo got = *m_engine->sessions().get(m_operator, id);
        QCOMPARE(got.status, SessionStatus::Working);
        QCOMPARE(got.label, QStringLiteral("Night shift"));
        QCOMPARE(got.ratePerMin, 7);
        QCOMPARE(got.ratePerHour, 70);
        QCOMPARE(updated.size(), 2); // reconnecting, working
        for (const QList<QVariant> &args : updated) {
            const SessionInfo announced = args.at(0).value<SessionInfo>();
            QCOMPARE(announced.label, QStringLiteral("Night shift"));
            QCOMPARE(announced.ratePerMin, 7);
        }
        const SessionInfo cold = coldRow(id);
        QCOMPARE(cold, got);
    }

    void everyTransitionIsStoredBeforeItIsAnnounced()
    {
        // Read through another connection, not this repository's cache: what the database holds.
        auto cold = Database::open(m_tdb->config(QStringLiteral("cold-announce")));
        QVERIFY(cold);
        QStringList seenInStore;
        connect(&m_engine->events(), &SessionEvents::statusChanged, this, [&](const StatusTransition &t) {
            const SessionInfo s = *SessionRepository(**cold).get(t.organizationId, t.sessionId);
            seenInStore << sessionStatusName(s.status) + u'=' + sessionStatusName(t.status);
        });
        linkedWorkingSession();
        QVERIFY(!seenInStore.isEmpty());
        for (const QString &pair : seenInStore) {
            const QStringList parts = pair.split(u'=');
            QCOMPARE(parts[0], parts[1]);
        }
    }

    void aChangeTheStoreRefusesNeverLeavesAConnectionUnrecorded_data()
    {
        QTest::addColumn<Step>("step");
        QTest::addColumn<bool>("connectionClosed"); //!< by the refusal (not by the event itself)
        QTest::addColumn<int>("recorded");          //!< what the store holds once it takes writes again
        QTest::addColumn<QString>("lastError");
        QTest::newRow("QR code shown") << Step::QrShown << true << int(SessionStatus::Failed) << "store_write_failed";
        QTest::newRow("phone linked") << Step::Linked << true << int(SessionStatus::Failed) << "store_write_failed";
        QTest::newRow("new credentials") << Step::Credentials << true << int(SessionStatus::Failed) << "store_write_failed";
        QTest::newRow("logged in") << Step::LoggedIn << true << int(SessionStatus::Failed) << "store_write_failed";
        QTest::newRow("connection lost") << Step::ConnectionLost << true << int(SessionStatus::Failed) << "store_write_failed";
        QTest::newRow("temporarily banned") << Step::Banned << true << int(SessionStatus::Failed) << "store_write_failed";
        QTest::newRow("unlinked from the phone") << Step::Unlinked << false << int(SessionStatus::LoggedOut) << "device_removed";
        QTest::newRow("login refused") << Step::Refused << false << int(SessionStatus::Failed) << "client_outdated";
        QTest::newRow("codes ran out") << Step::CodesRanOut << false << int(SessionStatus::Unpaired) << "qr_expired";
        QTest::newRow("pairing interrupted") << Step::PairingInterrupted << false << int(SessionStatus::Unpaired) << "connection_lost";
        QTest::newRow("gave up reconnecting") << Step::GaveUp << false << int(SessionStatus::Failed) << "unreachable";
    }
    void aChangeTheStoreRefusesNeverLeavesAConnectionUnrecorded()
    {
        QFETCH(Step, step);
        QFETCH(bool, connectionClosed);
        QFETCH(int, recorded);
        QFETCH(QString, lastError);

        QString id;
        switch (step) {
        case Step::QrShown:
        case Step::CodesRanOut:
        case Step::PairingInterrupted: {
            auto s = m_engine->sessions().create(m_operator, SessionCreate{QStringLiteral("Pairing"), {}, {}, {}, {}, {}});
            QVERIFY(m_engine->manager().beginQrPairing(*s));
            id = s->id;
            break;
        }
        case Step::Linked: {
            auto s = m_engine->sessions().create(m_operator, SessionCreate{QStringLiteral("Pairing"), {}, {}, {}, {}, {}});
            QVERIFY(m_engine->manager().beginQrPairing(*s));
            id = s->id;
            emit m_factory.made.value(id)->qrCode(QStringLiteral("qr"), 4102444800000);
            break;
        }
        case Step::LoggedIn:
            id = linkedStartingSession();
            break;
        default:
            id = linkedWorkingSession();
            break;
        }
        QPointer<ScriptedConnection> c = m_factory.made.value(id);
        QVERIFY(c);
        if (step == Step::GaveUp) {
            for (int i = 0; i < 3; ++i) {
                const int before = c->calls.count(QStringLiteral("connect"));
                emit c->disconnected(DisconnectKind::Retryable, QStringLiteral("unreachable"), QStringLiteral("no route"));
                QTRY_COMPARE(c->calls.count(QStringLiteral("connect")), before + 1);
            }
        }
        const SessionInfo before = coldRow(id);
        QSignalSpy announced(&m_engine->events(), &SessionEvents::statusChanged);

        refuseWrites(true);
        switch (step) {
        case Step::QrShown: emit c->qrCode(QStringLiteral("qr"), 4102444800000); break;
        case Step::Linked:
            emit c->paired(PairedAccount{QStringLiteral("6281234567890"), QStringLiteral("6281234567890:7@s.whatsapp.net"),
                                         QStringLiteral("99887766:7@lid"), QStringLiteral("android"), QString()});
            break;
        case Step::Credentials: emit c->credentialsChanged(QByteArray("rotated pre-keys")); break;
        case Step::LoggedIn: emit c->loggedIn(); break;
        case Step::ConnectionLost:
            emit c->disconnected(DisconnectKind::Retryable, QStringLiteral("connection_lost"), QStringLiteral("socket closed"));
            break;
        case Step::Banned:
            emit c->disconnected(DisconnectKind::Suspended, QStringLiteral("temporarily_banned"), QStringLiteral("Banned for a while."),
                                 QDateTime::currentMSecsSinceEpoch() + 3600000);
            break;
        case Step::Unlinked:
            emit c->disconnected(DisconnectKind::LoggedOut, QStringLiteral("device_removed"), QStringLiteral("Removed on the phone."));
            break;
        case Step::Refused:
            emit c->disconnected(DisconnectKind::Fatal, QStringLiteral("client_outdated"), QStringLiteral("Too old."));
            break;
        case Step::CodesRanOut: emit c->pairingExpired(); break;
        case Step::PairingInterrupted:
            emit c->disconnected(DisconnectKind::Retryable, QStringLiteral("connection_lost"), QStringLiteral("lost"));
            break;
        case Step::GaveUp:
            emit c->disconnected(DisconnectKind::Retryable, QStringLiteral("unreachable"), QStringLiteral("no route"));
            break;
        }

        // Nothing was announced that is not stored, and no connection goes on unrecorded.
        QCOMPARE(announced.size(), 0);
        QCOMPARE(m_engine->manager().unsavedCount(), 1);
        QVERIFY(!m_engine->manager().isActive(id));
        if (connectionClosed)
            QVERIFY2(c && c->calls.contains(QStringLiteral("disconnect")), "the refused change closed the connection");
        QCOMPARE(coldRow(id), before);

        // The store takes writes again: the change is recorded without anyone asking, and announced.
        refuseWrites(false);
        QTRY_COMPARE(m_engine->manager().unsavedCount(), 0);
        const SessionInfo after = coldRow(id);
        QCOMPARE(int(after.status), recorded);
        QVERIFY(after.lastError);
        QCOMPARE(after.lastError->code, lastError);
        QCOMPARE(row(id), after);
        QVERIFY(announced.size() >= 1);
        if (step == Step::Unlinked)
            QVERIFY(m_engine->sessionRepository().credentials(id)->isEmpty());
    }

    void aRequestTheStoreRefusesChangesNothing_data()
    {
        QTest::addColumn<QString>("request");
        QTest::newRow("start") << "start";
        QTest::newRow("stop") << "stop";
        QTest::newRow("logout") << "logout";
        QTest::newRow("QR pairing") << "qr";
        QTest::newRow("pairing code") << "code";
    }
    void aRequestTheStoreRefusesChangesNothing()
    {
        QFETCH(QString, request);
        QString id;
        if (request == u"start") {
            id = linkedWorkingSession();
            QVERIFY(m_engine->sessions().stop(m_operator, id));
        } else if (request == u"qr" || request == u"code") {
            id = m_engine->sessions().create(m_operator, SessionCreate{QStringLiteral("x"), {}, {}, {}, {}, {}})->id;
        } else {
            id = linkedWorkingSession();
        }
        const SessionInfo before = coldRow(id);
        const bool wasActive = m_engine->manager().isActive(id);
        QSignalSpy announced(&m_engine->events(), &SessionEvents::sessionUpdated);

        refuseWrites(true);
        Result<SessionInfo> r = Error::internal(QStringLiteral("not run"));
        if (request == u"start")
            r = m_engine->sessions().start(m_operator, id);
        else if (request == u"stop")
            r = m_engine->sessions().stop(m_operator, id);
        else if (request == u"logout")
            r = m_engine->sessions().logout(m_operator, id);
        else if (request == u"qr")
            r = m_engine->sessions().beginQrPairing(m_operator, id);
        else
            r = m_engine->sessions().beginCodePairing(m_operator, id, QStringLiteral("6281234567890"));
        QVERIFY(!r); // answered with the store's error: not done, so not acknowledged
        QCOMPARE(r.error().code, ErrorCode::Internal);
        QCOMPARE(m_engine->manager().isActive(id), wasActive);
        QCOMPARE(announced.size(), 0);
        QCOMPARE(m_engine->manager().unsavedCount(), 0);
        refuseWrites(false);
        QCOMPARE(coldRow(id), before);
        if (request == u"logout")
            QVERIFY(!m_engine->sessionRepository().credentials(id)->isEmpty());
    }

    void credentialsThatCannotBeSealedCloseTheConnection()
    {
        const QString id = linkedWorkingSession();
        QPointer<ScriptedConnection> c = m_factory.made.value(id);
        m_vault.refuseToSeal = true;
        emit c->credentialsChanged(QByteArray("rotated"));
        m_vault.refuseToSeal = false;
        QVERIFY(!m_engine->manager().isActive(id));
        QVERIFY(c && c->calls.contains(QStringLiteral("disconnect")));
        const SessionInfo s = coldRow(id);
        QCOMPARE(s.status, SessionStatus::Failed);
        QCOMPARE(s.lastError->code, QStringLiteral("credentials_unsealed"));
    }

    void aStoreOutageKeepsConnectionsUpAndCatchesUp()
    {
        // PostgreSQL goes away (every connection to the database cut, new ones refused) while a
        // session works; its connection stays up, its changes wait and are stored, in order, after.
        m_engine.reset();
        m_tdb = std::make_unique<test::TestDatabase>(test::TestDatabase::Backend::Postgres);
        if (!m_tdb->available()) {
            if (test::TestDatabase::postgresRequired())
                QFAIL(qPrintable(m_tdb->skipReason()));
            QSKIP(qPrintable(m_tdb->skipReason()));
        }
        boot();
        QVERIFY(m_engine->organizations().insert({m_operator.organizationId, QStringLiteral("Acme"), 1}));
        const QString id = linkedWorkingSession();
        ScriptedConnection *c = m_factory.made.value(id);
        QSignalSpy announced(&m_engine->events(), &SessionEvents::statusChanged);

        QVERIFY(m_tdb->setReachable(false));
        emit c->disconnected(DisconnectKind::Retryable, QStringLiteral("connection_lost"), QStringLiteral("socket closed"));
        QVERIFY(m_engine->manager().isActive(id)); // the connection is not given up for the store
        QTRY_COMPARE(c->calls.count(QStringLiteral("connect")), 1);
        emit c->loggedIn();
        QCOMPARE(m_engine->manager().unsavedCount(), 1);
        QCOMPARE(announced.size(), 0);
        // A request meanwhile is answered at once, and changes nothing.
        auto stop = m_engine->sessions().stop(m_operator, id);
        QVERIFY(!stop);
        QCOMPARE(stop.error().code, ErrorCode::Unavailable);
        QVERIFY(m_engine->manager().isActive(id));

        QVERIFY(m_tdb->setReachable(true));
        QTRY_COMPARE(m_engine->manager().unsavedCount(), 0);
        QCOMPARE(announced.size(), 2);
        QCOMPARE(announced.at(0).at(0).value<StatusTransition>().status, SessionStatus::Reconnecting);
        QCOMPARE(announced.at(1).at(0).value<StatusTransition>().status, SessionStatus::Working);
        QCOMPARE(coldRow(id).status, SessionStatus::Working);
        QList<SessionStatus> log = history(id);
        QCOMPARE(log.mid(log.size() - 2), (QList<SessionStatus>{SessionStatus::Reconnecting, SessionStatus::Working}));
    }

    void restoreStartsWhatItCanAndReportsTheRest()
    {
        // Many sessions to restore; one lost its credentials (a restore without the secrets).
        QStringList ids;
        for (int i = 0; i < 20; ++i)
            ids << linkedWorkingSession();
        QVERIFY(m_engine->sessionRepository().setCredentials(ids[7], {}));
        m_factory.made.clear();
        boot();
        QCOMPARE(m_engine->manager().activeCount(), 19);
        for (int i = 0; i < ids.size(); ++i) {
            const SessionInfo s = coldRow(ids[i]);
            if (i == 7) {
                QCOMPARE(s.status, SessionStatus::Stopped); // said as it is: not pretending to start
                QVERIFY(!m_engine->manager().isActive(ids[i]));
            } else {
                QCOMPARE(s.status, SessionStatus::Starting);
                QCOMPARE(m_factory.made.value(ids[i])->calls, QStringList{QStringLiteral("connect")});
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
