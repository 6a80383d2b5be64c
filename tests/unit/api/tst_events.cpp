// Server-Sent Events over real loopback sockets: live transitions, replay after Last-Event-ID, scope,
// codes only for managers, and clients that leave.
#include "api/apiserver.h"
#include "api/eventstreams.h"
#include "auth/apikeys.h"
#include "core/ids.h"
#include "engine/engine.h"
#include "engine/sessionevents.h"
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
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace wagate;
using test::SseClient;
using test::SseEvent;

namespace {

//! Appends n transitions of one session to the log directly (a long history without n commits).
QStringList appendHistory(const QString &connection, const SessionInfo &s, int n)
{
    QStringList ids;
    QSqlDatabase db = QSqlDatabase::database(connection);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO session_transitions (id, session_id, organization_id, previous_status, status, reason, at) "
                             "VALUES (?, ?, ?, 'working', 'reconnecting', 'history', 1)"));
    for (int i = 0; i < n; ++i) {
        ids << ids::newUlid();
        q.addBindValue(ids.last());
        q.addBindValue(s.id);
        q.addBindValue(s.organizationId);
        if (!q.exec())
            qFatal("cannot append history: %s", qPrintable(q.lastError().text()));
    }
    db.commit();
    std::sort(ids.begin(), ids.end());
    return ids;
}

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
        m_manageKey = m_engine->apiKeys().create(Principal::system(org), QStringLiteral("m"), m_manager.capabilities)->token.toLatin1();
        m_readKey = m_engine->apiKeys().create(Principal::system(org), QStringLiteral("r"), Capability::Read)->token.toLatin1();
        m_otherKey = m_engine->apiKeys().create(Principal::system(other), QStringLiteral("o"), m_other.capabilities)->token.toLatin1();
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
        // The other organization saw none of it: a transition of its own, sent after all of the
        // above, is the first and only thing it gets.
        auto theirs = m_engine->sessions().create(m_other, SessionCreate{QStringLiteral("theirs"), {}, {}, {}, {}, {}});
        QVERIFY(m_engine->manager().beginQrPairing(*theirs));
        QTRY_COMPARE(stranger.events().size(), 1);
        QCOMPARE(stranger.events().at(0).data[QStringLiteral("sessionId")].toString(), theirs->id);
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

        // The session stream leaves other sessions out: another session's transitions come and go,
        // then one of this session's (starting again), which is the only new event here.
        const SessionInfo other = linkedSession(QStringLiteral("Other"));
        m_factory.made.value(other.id)->pairAs(QStringLiteral("6283333333333"));
        QVERIFY(m_engine->sessions().start(m_manager, s.id));
        QTRY_COMPARE(resumed.events().size(), 4);
        QCOMPARE(resumed.events().at(3).data[QStringLiteral("status")].toString(), QStringLiteral("starting"));
        for (const SseEvent &e : resumed.events())
            QCOMPARE(e.data[QStringLiteral("sessionId")].toString(), s.id);
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
        QTRY_COMPARE(m_api->eventStreamCount(), 0);
        {
            QList<SseClient *> clients;
            for (int i = 0; i < 20; ++i)
                clients << new SseClient(m_port, "/api/v1/events", m_manageKey);
            QTRY_VERIFY(std::all_of(clients.begin(), clients.end(), [](SseClient *c) { return c->status() == 200; }));
            QCOMPARE(m_api->eventStreamCount(), 20);
            for (SseClient *c : clients) {
                c->close();
                delete c;
            }
        }
        QTRY_COMPARE(m_api->eventStreamCount(), 0); // their streams are gone, not kept writing to nobody
        // Events keep flowing to nobody without harm, and a new client still works.
        const SessionInfo s = linkedSession(QStringLiteral("After"));
        m_factory.made.value(s.id)->pairAs(QStringLiteral("6282222222222"));
        SseClient late(m_port, "/api/v1/events", m_manageKey);
        QTRY_COMPARE(late.status(), 200);
        QVERIFY(m_engine->sessions().stop(m_manager, s.id));
        QTRY_COMPARE(late.events().size(), 1);
    }

    void aLongHistoryIsReplayedCompleteAndInOrder()
    {
        const SessionInfo s = linkedSession(QStringLiteral("Busy"));
        const QStringList history = appendHistory(QStringLiteral("engine"), s, 1234); // more than two pages
        const QString from = m_engine->sessionRepository().transitions(s.id, QString(), 1)->first().id;
        SseClient resumed(m_port, "/api/v1/events", m_readKey, from.toLatin1());
        QTRY_COMPARE_WITH_TIMEOUT(resumed.events().size(), history.size(), 20000);
        for (int i = 0; i < history.size(); ++i)
            QCOMPARE(resumed.events().at(i).id, history.at(i));
        // Then live, nothing twice and nothing skipped.
        m_factory.made.value(s.id)->pairAs(QStringLiteral("6284444444444"));
        QTRY_COMPARE(resumed.events().size(), history.size() + 2); // starting (linked), working
        QCOMPARE(resumed.events().constLast().data[QStringLiteral("status")].toString(), QStringLiteral("working"));
    }

    void aReplayTooLongIsRefused()
    {
        const SessionInfo s = linkedSession(QStringLiteral("Old client"));
        const QStringList history = appendHistory(QStringLiteral("engine"), s, 150);
        m_api->eventStreams().setMaxReplay(100);
        SseClient tooOld(m_port, "/api/v1/sessions/" + s.id.toLatin1() + "/events", m_readKey, history.first().toLatin1());
        SseClient recentEnough(m_port, "/api/v1/sessions/" + s.id.toLatin1() + "/events", m_readKey, history.at(60).toLatin1());
        QTRY_COMPARE(tooOld.status(), 409);
        QTRY_COMPARE(recentEnough.status(), 200);
        QTRY_COMPARE(recentEnough.events().size(), 150 - 61);
        m_api->eventStreams().setMaxReplay(EventStreams::kMaxReplay);
    }

    void aClientThatDoesNotReadIsDropped()
    {
        // One client stops reading (a tiny receive buffer it never empties); big live events pile up
        // for it. Its stream is cut once a bounded backlog waits; a client that reads gets everything.
        m_api->eventStreams().setMaxBacklogBytes(256 * 1024);
        QTcpSocket stuck;
        stuck.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
        stuck.setReadBufferSize(4096);
        stuck.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(stuck.waitForConnected(5000));
        stuck.write("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port)
                    + "\r\nAuthorization: Bearer " + m_manageKey + "\r\n\r\n");
        SseClient reader(m_port, "/api/v1/events", m_manageKey);
        QTRY_COMPARE(reader.status(), 200);
        QTRY_COMPARE(m_api->eventStreamCount(), 2);

        const QString big(64 * 1024, u'q');
        int sent = 0;
        while (m_api->eventStreamCount() == 2 && sent < 400) {
            emit m_engine->events().qrCode(m_manager.organizationId, QStringLiteral("01J9ZX8K2QHV0M3T6R7P4N5W8C"), big, 4102444800000);
            ++sent;
            QTest::qWait(1); // let the sockets move what they can
        }
        QCOMPARE(m_api->eventStreamCount(), 1);
        QVERIFY2(sent < 400, "the stuck client was never dropped");
        QTRY_COMPARE_WITH_TIMEOUT(reader.events().size(), sent, 20000);
        m_api->eventStreams().setMaxBacklogBytes(EventStreams::kMaxBacklogBytes);
    }
};

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
