// Server-Sent Events over real loopback sockets: live transitions, replay after Last-Event-ID, scope,
// codes only for managers, and clients that leave.
#include "api/apiserver.h"
#include "auth/apikeys.h"
#include "core/ids.h"
#include "engine/engine.h"
#include "engine/sessionmanager.h"
#include "engine/sessionservice.h"
#include "rawhttp.h"
#include "scriptedconnection.h"
#include "sseclient.h"
#include "store/organizationrepository.h"
#include "store/sessionrepository.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

using namespace wagate;
using test::SseClient;
using test::SseEvent;

namespace {

} // namespace

class TestEvents : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_tdb;
    test::ScriptedFactory m_factory;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ApiServer> m_api;
    quint16 m_port = 0;
    Principal m_manager, m_other;
    QByteArray m_manageKey, m_readKey, m_otherKey;

    SessionInfo linkedSession(const QString &label)
    {
        auto s = m_engine->sessions().create(m_manager, SessionCreate{label, {}, {}, {}, {}, {}});
        if (!s)
            qFatal("cannot create: %s", qPrintable(s.error().message));
        if (auto r = m_engine->manager().beginQrPairing(*s); !r)
            qFatal("cannot pair: %s", qPrintable(r.error().message));
        return *s;
    }

private slots:
    void initTestCase()
    {
        m_tdb = std::make_unique<test::TestDatabase>(test::TestDatabase::Backend::Sqlite);
        m_engine = std::make_unique<Engine>(test::engineConfig(*m_tdb));
        m_engine->setConnectionFactory(&m_factory);
        QVERIFY(test::startEngine(*m_engine));
        ApiConfig config;
        config.port = 0;
        m_api = std::make_unique<ApiServer>(*m_engine, config);
        QVERIFY(m_api->listen());
        m_port = m_api->port();
        const QString org = ids::newOrganizationId(), other = ids::newOrganizationId();
        QVERIFY(m_engine->organizations().insert({org, QStringLiteral("Acme"), 1}));
        QVERIFY(m_engine->organizations().insert({other, QStringLiteral("Other"), 1}));
        m_manager.organizationId = org;
        m_manager.capabilities = Capability::Read | Capability::Manage;
        m_other.organizationId = other;
        m_other.capabilities = Capability::Read | Capability::Manage;
        m_manageKey = m_engine->apiKeys().create(org, QStringLiteral("m"), m_manager.capabilities, QStringLiteral("t"))->token.toLatin1();
        m_readKey = m_engine->apiKeys().create(org, QStringLiteral("r"), Capability::Read, QStringLiteral("t"))->token.toLatin1();
        m_otherKey = m_engine->apiKeys().create(other, QStringLiteral("o"), m_other.capabilities, QStringLiteral("t"))->token.toLatin1();
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_engine.reset();
        m_tdb.reset();
    }

    void liveTransitionsOfTheOrganization()
    {
        SseClient manager(m_port, "/api/v1/events", m_manageKey);
        SseClient reader(m_port, "/api/v1/events", m_readKey);
        SseClient stranger(m_port, "/api/v1/events", m_otherKey);
        QTRY_COMPARE(manager.status(), 200);
        QTRY_COMPARE(reader.status(), 200);
        QTRY_COMPARE(stranger.status(), 200);
        QVERIFY(manager.head().contains("text/event-stream"));

        const SessionInfo s = linkedSession(QStringLiteral("Support"));
        test::ScriptedConnection *c = m_factory.made.value(s.id);
        emit c->qrCode(QStringLiteral("2@ref,noise,id,adv,1"), 4102444800000);
        c->pairAs(QStringLiteral("6281234567890"));

        // unpaired → starting → scan_qr_code → starting → working
        QTRY_COMPARE(reader.events().size(), 4);
        QStringList statuses;
        for (const SseEvent &e : reader.events()) {
            QCOMPARE(e.event, QStringLiteral("session.status"));
            QVERIFY(ids::isUlid(e.id));
            QCOMPARE(e.data[QStringLiteral("id")].toString(), e.id);
            QCOMPARE(e.data[QStringLiteral("sessionId")].toString(), s.id);
            QCOMPARE(e.data[QStringLiteral("organizationId")].toString(), m_manager.organizationId);
            QVERIFY(e.data.contains(QStringLiteral("previousStatus")) && e.data.contains(QStringLiteral("reason"))
                    && e.data.contains(QStringLiteral("at")));
            statuses << e.data[QStringLiteral("status")].toString();
        }
        QCOMPARE(statuses, (QStringList{"starting", "scan_qr_code", "starting", "working"}));
        // The manager also saw the QR code; the read-only caller did not; the other org saw nothing.
        QTRY_COMPARE(manager.events().size(), 5);
        QCOMPARE(manager.events().at(2).event, QStringLiteral("session.qr"));
        QCOMPARE(manager.events().at(2).data[QStringLiteral("qr")].toString(), QStringLiteral("2@ref,noise,id,adv,1"));
        QVERIFY(manager.events().at(2).id.isEmpty());
        QTest::qWait(100);
        QCOMPARE(stranger.events().size(), 0);
    }

    void resumesAfterLastEventId()
    {
        const SessionInfo s = linkedSession(QStringLiteral("Resume"));
        m_factory.made.value(s.id)->pairAs(QStringLiteral("6281111111111"));
        auto log = m_engine->sessionRepository().transitions(s.id, QString(), 100);
        QCOMPARE(log->size(), 3); // starting, starting (linked), working

        // A client that saw only the first event gets the rest replayed, then live events.
        SseClient resumed(m_port, "/api/v1/sessions/" + s.id.toLatin1() + "/events", m_readKey, log->first().id.toLatin1());
        QTRY_COMPARE(resumed.events().size(), 2);
        QCOMPARE(resumed.events().at(0).id, log->at(1).id);
        QCOMPARE(resumed.events().at(1).id, log->at(2).id);
        QVERIFY(m_engine->sessions().stop(m_manager, s.id));
        QTRY_COMPARE(resumed.events().size(), 3);
        QCOMPARE(resumed.events().at(2).data[QStringLiteral("status")].toString(), QStringLiteral("stopped"));

        // The session stream leaves other sessions out.
        const SessionInfo other = linkedSession(QStringLiteral("Other"));
        Q_UNUSED(other);
        QTest::qWait(100);
        QCOMPARE(resumed.events().size(), 3);
    }

    void badRequests_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("lastEventId");
        QTest::addColumn<int>("status");
        QTest::newRow("no credential") << QByteArray("/api/v1/events") << QByteArray("nope") << QByteArray() << 401;
        QTest::newRow("bad last event id") << QByteArray("/api/v1/events") << QByteArray("M") << QByteArray("../../etc") << 400;
        QTest::newRow("another org's session") << QByteArray("/api/v1/sessions/{B}/events") << QByteArray("M") << QByteArray() << 404;
        QTest::newRow("malformed session id") << QByteArray("/api/v1/sessions/a%2Fb/events") << QByteArray("M") << QByteArray() << 400;
    }
    void badRequests()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, lastEventId);
        QFETCH(int, status);
        auto b = m_engine->sessions().create(m_other, SessionCreate{QStringLiteral("b"), {}, {}, {}, {}, {}});
        path.replace("{B}", b->id.toLatin1());
        if (token == "M")
            token = m_manageKey;
        SseClient client(m_port, path, token, lastEventId);
        QTRY_COMPARE(client.status(), status);
    }

    void clientsThatLeaveAreDropped()
    {
        {
            QList<SseClient *> clients;
            for (int i = 0; i < 20; ++i)
                clients << new SseClient(m_port, "/api/v1/events", m_manageKey);
            QTRY_VERIFY(std::all_of(clients.begin(), clients.end(), [](SseClient *c) { return c->status() == 200; }));
            for (SseClient *c : clients) {
                c->close();
                delete c;
            }
        }
        // Events keep flowing to nobody without harm, and a new client still works.
        const SessionInfo s = linkedSession(QStringLiteral("After"));
        m_factory.made.value(s.id)->pairAs(QStringLiteral("6282222222222"));
        SseClient late(m_port, "/api/v1/events", m_manageKey);
        QTRY_COMPARE(late.status(), 200);
        QVERIFY(m_engine->sessions().stop(m_manager, s.id));
        QTRY_COMPARE(late.events().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
