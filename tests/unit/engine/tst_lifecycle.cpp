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
#include "store/organizationrepository.h"
#include "store/sessionrepository.h"
#include "scriptedconnection.h"
#include "testdatabase.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace wagate;
using test::ScriptedConnection;
using test::ScriptedFactory;

namespace {

class CipherVault : public CredentialVault
{
public:
    CredentialCipher cipher{QByteArray(32, '\x42')};
    Result<QByteArray> seal(const QString &id, const QByteArray &p) override { return cipher.seal(id, p); }
    Result<QByteArray> open(const QString &id, const QByteArray &s) override { return cipher.open(id, s); }
};

} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_tdb;
    std::unique_ptr<Engine> m_engine;
    ScriptedFactory m_factory;
    CipherVault m_vault;
    Principal m_operator;

    void boot()
    {
        m_engine.reset();
        EngineConfig config = test::engineConfig(*m_tdb, QStringLiteral("t") + ids::newUlid());
        config.lifecycle.reconnectBaseMs = 10;
        config.lifecycle.reconnectMaxMs = 30;
        config.lifecycle.maxReconnectAttempts = 3;
        m_engine = std::make_unique<Engine>(config);
        m_engine->setConnectionFactory(&m_factory);
        m_engine->setCredentialVault(&m_vault);
        QVERIFY(test::startEngine(*m_engine));
    }

    SessionInfo row(const QString &id) { return *m_engine->sessionRepository().get(m_operator.organizationId, id); }

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
        if (old)
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

        // Now it keeps failing: after the configured attempts the session is failed, and says why.
        for (int i = 0; i < 4; ++i) {
            if (!m_factory.made.value(id))
                break;
            const int before = c->calls.count(QStringLiteral("connect"));
            emit c->disconnected(DisconnectKind::Retryable, QStringLiteral("unreachable"), QStringLiteral("no route"));
            if (row(id).status == SessionStatus::Failed)
                break;
            QTRY_COMPARE(c->calls.count(QStringLiteral("connect")), before + 1);
        }
        const SessionInfo s = row(id);
        QCOMPARE(s.status, SessionStatus::Failed);
        QCOMPARE(s.lastError->code, QStringLiteral("unreachable"));
        QVERIFY(!m_engine->sessionRepository().credentials(id)->isEmpty()); // :start can retry
        QVERIFY(!m_engine->manager().isActive(id));
        QVERIFY(m_engine->sessions().start(m_operator, id));
        QCOMPARE(row(id).status, SessionStatus::Starting);
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

    void everyTransitionIsStoredBeforeItIsAnnounced()
    {
        QStringList seenInStore;
        connect(&m_engine->events(), &SessionEvents::statusChanged, this, [&](const StatusTransition &t) {
            const SessionInfo s = row(t.sessionId);
            seenInStore << sessionStatusName(s.status) + u'=' + sessionStatusName(t.status);
        });
        linkedWorkingSession();
        QVERIFY(!seenInStore.isEmpty());
        for (const QString &pair : seenInStore) {
            const QStringList parts = pair.split(u'=');
            QCOMPARE(parts[0], parts[1]);
        }
    }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
