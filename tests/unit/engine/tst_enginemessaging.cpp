// Messages through the engine with every real part but the phone: the engine on SQLite and on
// PostgreSQL, its WhatsApp connections against wasim in-process, the Signal state in the store
// sealed with the data key. A session paired by QR sends and receives; the Signal tables hold the
// state (sealed, never the text in the clear); an engine started again over the same database — a
// cold store — continues the sessions; a deleted session leaves no Signal state behind.

#include "auth/authservice.h"
#include "auth/credentialcipher.h"
#include "core/ids.h"
#include "engine/credentialvault.h"
#include "engine/engine.h"
#include "engine/sessionevents.h"
#include "engine/sessionmanager.h"
#include "engine/sessionservice.h"
#include "engine/sqlsignalstore.h"
#include "store/organizationrepository.h"
#include "store/signalrepository.h"
#include "testdatabase.h"
#include "wa/message/messagecodec.h"

#include "wasim/wasimserver.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThreadPool>

using namespace wagate;
using namespace wagate::wasim;

namespace {

constexpr int kWait = 15000;
const QString kGateway = QStringLiteral("15550001111");
const QString kBob = QStringLiteral("15550002222");

} // namespace

class TestEngineMessaging : public QObject
{
    Q_OBJECT

    std::unique_ptr<WasimServer> m_sim;
    std::unique_ptr<test::TestDatabase> m_tdb;
    std::unique_ptr<Engine> m_engine;
    Principal m_operator;

    bool boot()
    {
        m_engine.reset();
        EngineConfig config = test::engineConfig(*m_tdb, QStringLiteral("m") + ids::newUlid());
        config.whatsapp.url = m_sim->url();
        config.whatsapp.rootKey = m_sim->rootPublicKey();
        config.whatsapp.connectTimeoutMs = 5000;
        config.whatsapp.loginTimeoutMs = 5000;
        config.whatsapp.iqTimeoutMs = 5000;
        config.whatsapp.initialPreKeyBatch = 30;
        config.whatsapp.preKeyBatch = 10;
        m_engine = std::make_unique<Engine>(config);
        return test::startEngine(*m_engine).ok();
    }

    SessionInfo row(const QString &id) { return *m_engine->sessionRepository().get(m_operator.organizationId, id); }

    //! A session paired by QR through wasim and working.
    QString linkedSession()
    {
        QSignalSpy qr(&m_engine->events(), &SessionEvents::qrCode);
        auto s = m_engine->sessions().create(m_operator, SessionCreate{QStringLiteral("Support"), {}, {}, {}, {}, {}});
        if (!s || !m_engine->manager().beginQrPairing(*s) || !qr.wait(kWait))
            return {};
        if (!m_sim->scanQr(kGateway, qr.first().at(2).toString()))
            return {};
        QDeadlineTimer deadline(kWait);
        while (row(s->id).status != SessionStatus::Working && !deadline.hasExpired())
            QTest::qWait(10);
        return row(s->id).status == SessionStatus::Working ? s->id : QString();
    }

    qint64 count(const QString &sessionId, SignalRepository::Table table)
    {
        return *m_engine->signalRepository().count(sessionId, table);
    }

    QList<PhoneMessage> inbox(const QString &phone) const { return *m_sim->phoneMessages(phone); }

    //! The engine's credential vault (over its data key), to write Signal rows as the engine would.
    static std::unique_ptr<CredentialVault> vaultOf(Engine &engine)
    {
        return std::make_unique<CredentialCipherVault>(engine.auth().credentialCipher());
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<IncomingMessage>();
        qRegisterMetaType<SendFailure>();
        qRegisterMetaType<MessageReceipt>();
    }
    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

    void sendReceiveRestart_data()
    {
        QTest::addColumn<int>("backend");
        QTest::newRow("sqlite") << int(test::TestDatabase::Backend::Sqlite);
        QTest::newRow("postgres") << int(test::TestDatabase::Backend::Postgres);
    }
    void sendReceiveRestart()
    {
        QFETCH(int, backend);
        m_tdb = std::make_unique<test::TestDatabase>(test::TestDatabase::Backend(backend));
        if (!m_tdb->available()) {
            if (test::TestDatabase::postgresRequired())
                QFAIL(qPrintable(m_tdb->skipReason()));
            QSKIP(qPrintable(m_tdb->skipReason()));
        }
        m_sim = std::make_unique<WasimServer>();
        QVERIFY(m_sim->listen());
        QVERIFY(m_sim->addPhone(kGateway, QStringLiteral("Gateway")));
        QVERIFY(m_sim->addPhone(kBob, QStringLiteral("Bob")));
        QVERIFY(boot());
        const QString org = ids::newOrganizationId();
        QVERIFY(m_engine->organizations().insert({org, QStringLiteral("Acme"), 1}));
        m_operator.organizationId = org;
        m_operator.userId = QStringLiteral("user_1");
        m_operator.capabilities = Capability::Read | Capability::Manage | Capability::Send;

        const QString id = linkedSession();
        QVERIFY(!id.isEmpty());
        // The one-time pre-keys are in the store, not in the credentials.
        QTRY_COMPARE(count(id, SignalRepository::Table::PreKeys), 30);

        QSignalSpy sent(&m_engine->events(), &SessionEvents::messageSent);
        QSignalSpy received(&m_engine->events(), &SessionEvents::messageReceived);
        QSignalSpy receipts(&m_engine->events(), &SessionEvents::receiptReceived);
        const QString secret = QStringLiteral("the customer's order number is 4711");
        const QString out = wa::message::newId(kGateway, QDateTime::currentSecsSinceEpoch());
        QVERIFY(m_engine->manager().sendText(id, {out, kBob, secret}));
        QVERIFY(sent.wait(kWait));
        QCOMPARE(sent.first().at(1).toString(), id);
        QCOMPARE(sent.first().at(2).toString(), out);
        QTRY_COMPARE(inbox(kBob).size(), 1);
        QCOMPARE(inbox(kBob).first().text, secret);
        QTRY_VERIFY(receipts.size() >= 1);

        const auto in = m_sim->phoneSendText(kBob, kGateway, QStringLiteral("reply: ") + secret);
        QVERIFY(in);
        QVERIFY(received.wait(kWait));
        const IncomingMessage m = received.first().at(2).value<IncomingMessage>();
        QCOMPARE(m.id, *in);
        QCOMPARE(m.text, QStringLiteral("reply: ") + secret);
        QCOMPARE(received.first().at(0).toString(), org);

        // The state is in the tables, sealed: no value holds the text, a session record or a key
        // in the clear, and each opens only under its own row.
        QVERIFY(count(id, SignalRepository::Table::Sessions) >= 2); // Bob's phone, our own phone
        QCOMPARE(count(id, SignalRepository::Table::Received), 1);
        QVERIFY(count(id, SignalRepository::Table::LidMappings) >= 2);
        for (const char *table : {"signal_sessions", "signal_prekeys", "signal_identities", "wa_received", "wa_lid_mappings"}) {
            QSqlQuery q(QSqlDatabase::database(m_engine->config().database.connectionName));
            QVERIFY(q.exec(QStringLiteral("SELECT value FROM %1 WHERE session_id = '%2'").arg(QLatin1String(table), id)));
            while (q.next()) {
                const QByteArray v = q.value(0).toByteArray();
                QVERIFY2(!v.contains(secret.toUtf8()), table);
                QVERIFY2(!v.contains(kBob.toUtf8()), table); // not even the phone number of a mapping
                QCOMPARE(v.at(0), char(1)); // the vault's format version
            }
        }

        // Restart: a new engine over the same database continues both ways on the stored sessions.
        const qint64 sessionsBefore = count(id, SignalRepository::Table::Sessions);
        QVERIFY(boot());
        QDeadlineTimer deadline(kWait);
        while (row(id).status != SessionStatus::Working && !deadline.hasExpired())
            QTest::qWait(10);
        QCOMPARE(row(id).status, SessionStatus::Working);
        QSignalSpy sent2(&m_engine->events(), &SessionEvents::messageSent);
        QSignalSpy received2(&m_engine->events(), &SessionEvents::messageReceived);
        QVERIFY(m_engine->manager().sendText(id, {wa::message::newId(kGateway, 1), kBob, QStringLiteral("after the restart")}));
        QVERIFY(sent2.wait(kWait));
        QTRY_COMPARE(inbox(kBob).size(), 2);
        QCOMPARE(inbox(kBob).last().text, QStringLiteral("after the restart"));
        QVERIFY(m_sim->phoneSendText(kBob, kGateway, QStringLiteral("still here")));
        QVERIFY(received2.wait(kWait));
        QCOMPARE(received2.first().at(2).value<IncomingMessage>().text, QStringLiteral("still here"));
        QCOMPARE(count(id, SignalRepository::Table::Sessions), sessionsBefore);
        QCOMPARE(m_sim->stats().retryDeliveries, 0);

        // Logging out voids the device: its Signal state goes with its credentials.
        QVERIFY(m_engine->sessions().logout(m_operator, id));
        QCOMPARE(count(id, SignalRepository::Table::Sessions), 0);
        QCOMPARE(count(id, SignalRepository::Table::PreKeys), 0);
        QCOMPARE(count(id, SignalRepository::Table::Received), 0);
        QCOMPARE(count(id, SignalRepository::Table::LidMappings), 0);

        // And deleting a session that still has some (written directly here) takes it along.
        const auto vault = vaultOf(*m_engine);
        SqlSignalStore leftover(m_engine->signalRepository(), *vault, id);
        QVERIFY(leftover.apply({{wa::SignalRecordKind::Session, "1.0", QByteArray("x")}}));
        QVERIFY(m_engine->sessions().remove(m_operator, id));
        QCOMPARE(count(id, SignalRepository::Table::Sessions), 0);

        m_engine.reset();
        m_sim.reset();
        m_tdb.reset();
    }

    void onlyAWorkingSessionSends()
    {
        m_tdb = std::make_unique<test::TestDatabase>(test::TestDatabase::Backend::Sqlite);
        m_sim = std::make_unique<WasimServer>();
        QVERIFY(m_sim->listen());
        QVERIFY(boot());
        const QString org = ids::newOrganizationId();
        QVERIFY(m_engine->organizations().insert({org, QStringLiteral("Acme"), 1}));
        m_operator.organizationId = org;
        m_operator.capabilities = Capability::Read | Capability::Manage;
        auto s = m_engine->sessions().create(m_operator, SessionCreate{QStringLiteral("x"), {}, {}, {}, {}, {}});
        QVERIFY(s);
        const auto r = m_engine->manager().sendText(s->id, {QStringLiteral("3EB0AAAAAAAAAAAAAAAAAA"), kBob, QStringLiteral("x")});
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::FailedPrecondition);
        QCOMPARE(m_engine->manager().markRead(s->id, kBob, {}, {QStringLiteral("X")}).error().code, ErrorCode::FailedPrecondition);
        m_engine.reset();
        m_sim.reset();
        m_tdb.reset();
    }

    //! The store's sealed values open only under their own row (session, kind and key).
    void sealedValuesAreBoundToTheirRow()
    {
        m_tdb = std::make_unique<test::TestDatabase>(test::TestDatabase::Backend::Sqlite);
        auto db = Database::open(m_tdb->config(QStringLiteral("seal")));
        QVERIFY(db);
        SignalRepository repo(**db);
        struct Vault : CredentialVault
        {
            CredentialCipher cipher{QByteArray(32, '\x11')};
            Result<QByteArray> seal(const QString &ad, const QByteArray &p) override { return cipher.seal(ad, p); }
            Result<QByteArray> open(const QString &ad, const QByteArray &s) override { return cipher.open(ad, s); }
        } vault;
        SqlSignalStore a(repo, vault, QStringLiteral("sess-a"));
        SqlSignalStore b(repo, vault, QStringLiteral("sess-b"));
        QVERIFY(a.apply({{wa::SignalRecordKind::Session, "15550002222.0", QByteArray("record")},
                         {wa::SignalRecordKind::PreKey, "7", QByteArray("private")}}));
        // A cold store reads it back.
        SqlSignalStore cold(repo, vault, QStringLiteral("sess-a"));
        QCOMPARE(**cold.load(wa::SignalRecordKind::Session, "15550002222.0"), QByteArray("record"));
        QVERIFY(!*b.load(wa::SignalRecordKind::Session, "15550002222.0")); // another session sees nothing
        // A value copied to another key (or session) does not open there.
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("seal")));
        QVERIFY(q.exec(QStringLiteral("UPDATE signal_sessions SET address = '15550009999.0' WHERE session_id = 'sess-a'")));
        const auto moved = cold.load(wa::SignalRecordKind::Session, "15550009999.0");
        QVERIFY(!moved);
        QCOMPARE(moved.error(), wa::SignalStoreError::Corrupt);
        QCOMPARE(*cold.keys(wa::SignalRecordKind::Session, "1555000"), QList<QByteArray>{"15550009999.0"});
        // LID names contain '_', which a LIKE would treat as a wildcard; prefixes are exact.
        QVERIFY(a.apply({{wa::SignalRecordKind::Session, "123_1.3", QByteArray("x")},
                         {wa::SignalRecordKind::Session, "12341.3", QByteArray("y")}}));
        QCOMPARE(*a.keys(wa::SignalRecordKind::Session, "123_1."), QList<QByteArray>{"123_1.3"});
        QVERIFY(a.clear());
        QVERIFY(cold.keys(wa::SignalRecordKind::Session, {})->isEmpty());
        QVERIFY(!*cold.load(wa::SignalRecordKind::PreKey, "7"));
    }
};

QTEST_GUILESS_MAIN(TestEngineMessaging)
#include "tst_enginemessaging.moc"
