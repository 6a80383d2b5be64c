// Messages through the HTTP API with every real part but the phones: the engine on SQLite (and on
// PostgreSQL for the whole path), its connections against wasim in-process, loopback HTTP and SSE.
// A script sends, learns delivered and read from the message, the event stream and the status log;
// an idempotency key makes a retry the same message; the pace of a session holds as WhatsApp sees it;
// WhatsApp's own limit pauses new chats and the outbox resumes by itself; what a script may get
// wrong is answered with the field it got wrong.

#include "api/apiserver.h"
#include "auth/apikeys.h"
#include "core/ids.h"
#include "engine/engine.h"
#include "engine/messageservice.h"
#include "engine/outbox.h"
#include "engine/sessionevents.h"
#include "engine/sessionmanager.h"
#include "engine/sessionservice.h"
#include "rawhttp.h"
#include "sseclient.h"
#include "store/messagerepository.h"
#include "store/organizationrepository.h"
#include "testdatabase.h"

#include "wasim/wasimserver.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThreadPool>

using namespace wagate;
using namespace wagate::test;
using namespace wagate::wasim;

namespace {

constexpr int kWait = 15000;
const QString kGateway = QStringLiteral("15550001111");
const QString kBob = QStringLiteral("15550002222");
const QString kCarol = QStringLiteral("15550003333");
const QString kDave = QStringLiteral("15550004444");
const QString kNobody = QStringLiteral("15550009999"); // no WhatsApp account

} // namespace

class TestMessageApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<WasimServer> m_sim;
    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ApiServer> m_api;
    quint16 m_port = 0;
    QString m_org;
    QHash<QString, QString> m_tokens;
    QString m_session; //!< linked and working

    bool boot(TestDatabase::Backend backend)
    {
        m_api.reset();
        m_engine.reset();
        m_tdb = std::make_unique<TestDatabase>(backend);
        if (!m_tdb->available())
            return false;
        m_sim = std::make_unique<WasimServer>();
        if (!m_sim->listen())
            return false;
        for (const QString &p : {kGateway, kBob, kCarol, kDave})
            if (!m_sim->addPhone(p, p.right(4)))
                return false;
        EngineConfig config = engineConfig(*m_tdb, QStringLiteral("m") + ids::newUlid());
        config.whatsapp.url = m_sim->url();
        config.whatsapp.rootKey = m_sim->rootPublicKey();
        config.whatsapp.iqTimeoutMs = 5000;
        config.whatsapp.initialPreKeyBatch = 30;
        config.whatsapp.preKeyBatch = 10;
        config.contacts.perMinute = 3; // a small budget, to reach it
        config.contacts.burst = 3;
        m_engine = std::make_unique<Engine>(config);
        if (!startEngine(*m_engine))
            return false;
        ApiConfig api;
        api.port = 0;
        m_api = std::make_unique<ApiServer>(*m_engine, api);
        if (!m_api->listen())
            return false;
        m_port = m_api->port();
        m_org = ids::newOrganizationId();
        if (!m_engine->organizations().insert({m_org, QStringLiteral("Acme"), 1}))
            return false;
        const auto make = [&](const QString &name, Capabilities caps) {
            auto k = m_engine->apiKeys().create(Principal::system(m_org), name, caps);
            if (k)
                m_tokens.insert(name, k->token);
            return k.ok();
        };
        if (!make(QStringLiteral("sender"), Capability::Read | Capability::Manage | Capability::Send)
            || !make(QStringLiteral("reader"), Capability::Read) || !make(QStringLiteral("admin"), Capability::Read | Capability::Admin))
            return false;
        m_session = linkedSession();
        return !m_session.isEmpty();
    }

    QString linkedSession()
    {
        auto created = call("POST", QStringLiteral("/api/v1/sessions"), R"({"label":"Support","ratePerMin":1000})");
        const QString id = created.json().value(QStringLiteral("id")).toString();
        const RawReply qr = call("POST", QStringLiteral("/api/v1/sessions/%1/qr").arg(id));
        if (created.status != 201 || qr.status != 200)
            return {};
        if (!m_sim->scanQr(kGateway, qr.json().value(QStringLiteral("qr")).toString()))
            return {};
        QDeadlineTimer deadline(kWait);
        while (status(id) != QLatin1String("working") && !deadline.hasExpired())
            QTest::qWait(10);
        return status(id) == QLatin1String("working") ? id : QString();
    }

    QString status(const QString &session)
    {
        return call("GET", QStringLiteral("/api/v1/sessions/") + session).json().value(QStringLiteral("status")).toString();
    }

    RawReply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const QString &token = QStringLiteral("sender"), const QList<QPair<QByteArray, QByteArray>> &extra = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers = extra;
        headers.append({QByteArray("Authorization"), "Bearer " + m_tokens.value(token).toLatin1()});
        if (!body.isEmpty())
            headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        return rawExchange(m_port, buildRequest(method, path.toLatin1(), m_port, body, headers));
    }

    RawReply send(const QString &to, const QString &text, const QString &key = {})
    {
        QJsonObject o{{QStringLiteral("to"), to}, {QStringLiteral("text"), text}};
        if (!key.isEmpty())
            o.insert(QStringLiteral("idempotencyKey"), key);
        return call("POST", QStringLiteral("/api/v1/sessions/%1/messages").arg(m_session), QJsonDocument(o).toJson());
    }

    QJsonObject message(const QString &id)
    {
        return call("GET", QStringLiteral("/api/v1/sessions/%1/messages/%2").arg(m_session, id)).json();
    }

    QString messageStatus(const QString &id) { return message(id).value(QStringLiteral("status")).toString(); }

    void patch(const QByteArray &body)
    {
        QCOMPARE(call("PATCH", QStringLiteral("/api/v1/sessions/") + m_session, body).status, 200);
    }

    QList<PhoneMessage> inbox(const QString &phone) const { return *m_sim->phoneMessages(phone); }
    //! Whether the phone has a read receipt for a message it sent.
    bool readByGateway(const QString &phone, const QString &id) const
    {
        const QList<PhoneSentMessage> sent = *m_sim->phoneSentMessages(phone);
        return std::any_of(sent.cbegin(), sent.cend(), [&](const PhoneSentMessage &m) { return m.id == id && !m.read.isEmpty(); });
    }

    static void verifyEnvelope(const RawReply &r, int status, const QString &code)
    {
        QCOMPARE(r.status, status);
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), code);
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<MessageInfo>();
        QVERIFY(boot(TestDatabase::Backend::Sqlite));
    }
    void cleanupTestCase()
    {
        m_api.reset();
        m_engine.reset();
        QThreadPool::globalInstance()->waitForDone();
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QByteArray text4097 = "{\"to\":\"15550002222\",\"text\":\"" + QByteArray(4097, 'a') + "\"}";
        const QByteArray text4096 = "{\"to\":\"15550002222\",\"text\":\"" + QByteArray(4096, 'a') + "\",\"idempotencyKey\":\"long-one\"}";
        QTest::newRow("no to") << QByteArray(R"({"text":"hi"})") << QByteArray() << 400 << "invalid_argument" << "to";
        QTest::newRow("to not a string") << QByteArray(R"({"to":6281,"text":"hi"})") << QByteArray() << 400 << "invalid_argument" << "to";
        QTest::newRow("to letters") << QByteArray(R"({"to":"bob","text":"hi"})") << QByteArray() << 400 << "invalid_argument" << "to";
        QTest::newRow("to too short") << QByteArray(R"({"to":"12345","text":"hi"})") << QByteArray() << 400 << "invalid_argument" << "to";
        QTest::newRow("to a group") << QByteArray(R"({"to":"1203630@g.us","text":"hi"})") << QByteArray() << 400 << "invalid_argument" << "to";
        QTest::newRow("to a device") << QByteArray(R"({"to":"15550002222:3@s.whatsapp.net","text":"hi"})") << QByteArray() << 400 << "invalid_argument" << "to";
        QTest::newRow("to another server") << QByteArray(R"({"to":"15550002222@example.com","text":"hi"})") << QByteArray() << 400 << "invalid_argument" << "to";
        QTest::newRow("no text") << QByteArray(R"({"to":"15550002222"})") << QByteArray() << 400 << "invalid_argument" << "text";
        QTest::newRow("empty text") << QByteArray(R"({"to":"15550002222","text":""})") << QByteArray() << 400 << "invalid_argument" << "text";
        QTest::newRow("text with NUL") << QByteArray(R"({"to":"15550002222","text":"a\u0000b"})") << QByteArray() << 400 << "invalid_argument" << "text";
        QTest::newRow("text too long") << text4097 << QByteArray() << 400 << "invalid_argument" << "text";
        QTest::newRow("text not a string") << QByteArray(R"({"to":"15550002222","text":["hi"]})") << QByteArray() << 400 << "invalid_argument" << "text";
        QTest::newRow("key too long") << QByteArray("{\"to\":\"15550002222\",\"text\":\"hi\",\"idempotencyKey\":\"" + QByteArray(129, 'k') + "\"}")
                                      << QByteArray() << 400 << "invalid_argument" << "idempotencyKey";
        QTest::newRow("key not ASCII") << QByteArray(R"({"to":"15550002222","text":"hi","idempotencyKey":"schlüssel"})") << QByteArray()
                                       << 400 << "invalid_argument" << "idempotencyKey";
        QTest::newRow("key and header differ") << QByteArray(R"({"to":"15550002222","text":"hi","idempotencyKey":"a"})") << QByteArray("b")
                                               << 400 << "invalid_argument" << "idempotencyKey";
        QTest::newRow("not an object") << QByteArray(R"(["to"])") << QByteArray() << 400 << "invalid_argument" << "";
        // The longest text there may be is accepted.
        QTest::newRow("4096 characters") << text4096 << QByteArray() << 202 << "" << "";
    }
    void badInputNamesTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, header);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QList<QPair<QByteArray, QByteArray>> extra;
        if (!header.isEmpty())
            extra.append({QByteArray("Idempotency-Key"), header});
        const RawReply r = call("POST", QStringLiteral("/api/v1/sessions/%1/messages").arg(m_session), body, QStringLiteral("sender"), extra);
        QCOMPARE(r.status, status);
        if (code.isEmpty())
            return;
        const QJsonObject e = r.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(e.value(QStringLiteral("code")).toString(), code);
        if (!field.isEmpty())
            QCOMPARE(e.value(QStringLiteral("details")).toObject().value(QStringLiteral("field")).toString(), field);
    }

    void whoMaySendAndWhere()
    {
        verifyEnvelope(call("POST", QStringLiteral("/api/v1/sessions/%1/messages").arg(m_session),
                            R"({"to":"15550002222","text":"hi"})", QStringLiteral("reader")),
                       403, QStringLiteral("forbidden"));
        verifyEnvelope(call("POST", QStringLiteral("/api/v1/sessions/01J9ZX8K2QHV0M3T6R7P4N5W8C/messages"), R"({"to":"15550002222","text":"hi"})"),
                       404, QStringLiteral("not_found"));
        verifyEnvelope(call("GET", QStringLiteral("/api/v1/sessions/%1/messages/not-a-message").arg(m_session)), 400, QStringLiteral("invalid_argument"));
        verifyEnvelope(call("GET", QStringLiteral("/api/v1/sessions/%1/messages/msg_01J9ZX8K2QHV0M3T6R7P4N5W8C").arg(m_session)),
                       404, QStringLiteral("not_found"));
        verifyEnvelope(call("GET", QStringLiteral("/api/v1/sessions/%1/messages?status=lost").arg(m_session)), 400, QStringLiteral("invalid_argument"));
        // A session without a number cannot take messages: it would never send them.
        const QString unpaired = call("POST", QStringLiteral("/api/v1/sessions"), R"({"label":"New"})").json().value(QStringLiteral("id")).toString();
        const RawReply r = call("POST", QStringLiteral("/api/v1/sessions/%1/messages").arg(unpaired), R"({"to":"15550002222","text":"hi"})");
        verifyEnvelope(r, 409, QStringLiteral("failed_precondition"));
        QVERIFY(call("DELETE", QStringLiteral("/api/v1/sessions/") + unpaired).status == 204);
    }

    void idempotencyKeyMakesARetryTheSameMessage()
    {
        const RawReply first = send(kBob, QStringLiteral("order 1234 shipped"), QStringLiteral("order-1234"));
        QCOMPARE(first.status, 202);
        const QString id = first.json().value(QStringLiteral("id")).toString();
        QCOMPARE(first.json().value(QStringLiteral("status")).toString(), QStringLiteral("queued"));
        const RawReply again = send(kBob, QStringLiteral("order 1234 shipped"), QStringLiteral("order-1234"));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QStringLiteral("id")).toString(), id);
        const RawReply other = send(kBob, QStringLiteral("order 1234 canceled"), QStringLiteral("order-1234"));
        verifyEnvelope(other, 409, QStringLiteral("already_exists"));
        QCOMPARE(other.json()[QStringLiteral("error")][QStringLiteral("details")][QStringLiteral("field")].toString(), QStringLiteral("idempotencyKey"));
        // The header means the same as the field.
        const RawReply header = call("POST", QStringLiteral("/api/v1/sessions/%1/messages").arg(m_session),
                                     R"({"to":"15550002222","text":"order 1234 shipped"})", QStringLiteral("sender"),
                                     {{QByteArray("Idempotency-Key"), QByteArray("order-1234")}});
        QCOMPARE(header.status, 200);
        QCOMPARE(header.json().value(QStringLiteral("id")).toString(), id);
        // And it went once.
        const QString waId = first.json().value(QStringLiteral("waMessageId")).toString();
        QTRY_VERIFY_WITH_TIMEOUT(messageStatus(id) != QLatin1String("queued") && messageStatus(id) != QLatin1String("sending"), kWait);
        int copies = 0;
        for (const PhoneMessage &m : inbox(kBob))
            copies += m.id == waId;
        QCOMPARE(copies, 1);
    }

    RawReply lookup(const QString &session, const QString &phone, const QString &token = QStringLiteral("sender"))
    {
        return call("GET", QStringLiteral("/api/v1/sessions/%1/contacts/%2").arg(session, phone), {}, token);
    }

    void contactLookupRefusesBadInput_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("letters") << QStringLiteral("call-me") << 400 << QStringLiteral("invalid_argument");
        QTest::newRow("too short") << QStringLiteral("123") << 400 << QStringLiteral("invalid_argument");
        QTest::newRow("a JID") << QStringLiteral("15550002222@s.whatsapp.net") << 400 << QStringLiteral("invalid_argument");
        QTest::newRow("a LID") << QStringLiteral("205227043110953@lid") << 400 << QStringLiteral("invalid_argument");
    }

    void contactLookupRefusesBadInput()
    {
        QFETCH(QString, phone);
        QFETCH(int, status);
        QFETCH(QString, code);
        const qint64 before = m_sim->stats().contactQueries;
        const RawReply r = lookup(m_session, QString::fromLatin1(QUrl::toPercentEncoding(phone)));
        verifyEnvelope(r, status, code);
        QCOMPARE(r.json()[QStringLiteral("error")][QStringLiteral("details")][QStringLiteral("field")].toString(), QStringLiteral("phoneNumber"));
        QCOMPARE(m_sim->stats().contactQueries, before);
    }

    void contactLookupNeedsAWorkingSessionOfTheCaller()
    {
        verifyEnvelope(lookup(QStringLiteral("01J9ZX8K2QHV0M3T6R7P4N5W8C"), kBob), 404, QStringLiteral("not_found"));
        const QString unpaired = call("POST", QStringLiteral("/api/v1/sessions"), R"({"label":"Lookup"})").json().value(QStringLiteral("id")).toString();
        const RawReply r = lookup(unpaired, kBob);
        verifyEnvelope(r, 409, QStringLiteral("failed_precondition"));
        QCOMPARE(r.json()[QStringLiteral("error")][QStringLiteral("details")][QStringLiteral("status")].toString(), QStringLiteral("unpaired"));
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/sessions/") + unpaired).status, 204);
    }

    void contactLookupAsksWhatsAppOnceWithinTheBudget()
    {
        const qint64 before = m_sim->stats().contactQueries;
        const RawReply bob = lookup(m_session, QStringLiteral("+") + kBob, QStringLiteral("reader"));
        QCOMPARE(bob.status, 200);
        QCOMPARE(bob.json().value(QStringLiteral("phoneNumber")).toString(), kBob);
        QCOMPARE(bob.json().value(QStringLiteral("onWhatsApp")).toBool(), true);
        QCOMPARE(bob.json().value(QStringLiteral("jid")).toString(), kBob + QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(bob.json().value(QStringLiteral("lid")).toString(), m_sim->phone(kBob)->lid + QStringLiteral("@lid"));
        const RawReply nobody = lookup(m_session, kNobody);
        QCOMPARE(nobody.status, 200);
        QCOMPARE(nobody.json().value(QStringLiteral("onWhatsApp")).toBool(true), false);
        QVERIFY(nobody.json().value(QStringLiteral("jid")).isNull());
        QVERIFY(nobody.json().value(QStringLiteral("lid")).isNull());
        QCOMPARE(m_sim->stats().contactQueries, before + 2);

        // Asked again: the answers come from the cache; WhatsApp hears nothing.
        QCOMPARE(lookup(m_session, kBob).json().value(QStringLiteral("checkedAt")), bob.json().value(QStringLiteral("checkedAt")));
        QCOMPARE(lookup(m_session, kNobody).status, 200);
        QCOMPARE(m_sim->stats().contactQueries, before + 2);

        // The budget is three a minute: the third new number is asked, the fourth is refused.
        QCOMPARE(lookup(m_session, kCarol).json().value(QStringLiteral("onWhatsApp")).toBool(), true);
        const RawReply limited = lookup(m_session, kDave);
        verifyEnvelope(limited, 429, QStringLiteral("rate_limited"));
        QVERIFY(limited.headers.value("retry-after").toInt() >= 1);
        QCOMPARE(m_sim->stats().contactQueries, before + 3);
        // What is known is still answered.
        QCOMPARE(lookup(m_session, kCarol).status, 200);
    }

    void unknownNumberFailsOnTheMessage()
    {
        const RawReply r = send(kNobody, QStringLiteral("hello?"));
        QCOMPARE(r.status, 202);
        const QString id = r.json().value(QStringLiteral("id")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(messageStatus(id), QStringLiteral("failed"), kWait);
        QCOMPARE(message(id)[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("not_on_whatsapp"));
    }

    void paceHoldsAsWhatsAppSeesIt()
    {
        patch(R"({"ratePerMin":60})");
        const int before = int(inbox(kDave).size());
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids << send(kDave, QStringLiteral("paced %1").arg(i)).json().value(QStringLiteral("id")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(int(inbox(kDave).size()), before + 4, kWait);
        const QList<PhoneMessage> got = inbox(kDave).mid(before);
        for (int i = 1; i < got.size(); ++i) {
            QCOMPARE(got[i].text, QStringLiteral("paced %1").arg(i));
            // 60 a minute: a second apart at least (the phone's clock, so a little slack for its side).
            QVERIFY2(got[i].at - got[i - 1].at >= 950, qPrintable(QString::number(got[i].at - got[i - 1].at)));
        }
        patch(R"({"ratePerMin":1000})");
    }

    void hourlyCapHoldsAndCancelWorksWhileQueued()
    {
        // Two may leave in this hour; what was sent in the earlier tests counts too, so allow
        // exactly one more than what left in the last hour.
        QSqlQuery q(QSqlDatabase::database(m_engine->config().database.connectionName));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM message_status_log WHERE session_id = '%1' AND status = 'sending'").arg(m_session)));
        QVERIFY(q.next());
        const int left = q.value(0).toInt();
        patch(QStringLiteral(R"({"ratePerHour":%1})").arg(left + 1).toLatin1());
        const QString a = send(kCarol, QStringLiteral("within the cap")).json().value(QStringLiteral("id")).toString();
        const QString b = send(kCarol, QStringLiteral("beyond the cap")).json().value(QStringLiteral("id")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(messageStatus(a), QStringLiteral("delivered"), kWait);
        QTest::qWait(500);
        QCOMPARE(messageStatus(b), QStringLiteral("queued"));
        QVERIFY(m_engine->messages().outbox().nextSendAt(m_session) > QDateTime::currentMSecsSinceEpoch() + 30 * 60 * 1000);
        // Queued: it can be canceled; a sent one cannot.
        const RawReply canceled = call("POST", QStringLiteral("/api/v1/sessions/%1/messages/%2:cancel").arg(m_session, b));
        QCOMPARE(canceled.status, 200);
        QCOMPARE(canceled.json().value(QStringLiteral("status")).toString(), QStringLiteral("canceled"));
        verifyEnvelope(call("POST", QStringLiteral("/api/v1/sessions/%1/messages/%2:cancel").arg(m_session, a)), 409,
                       QStringLiteral("failed_precondition"));
        patch(R"({"ratePerHour":600})");
        QTest::qWait(300);
        QCOMPARE(messageStatus(b), QStringLiteral("canceled"));
        for (const PhoneMessage &m : inbox(kCarol))
            QVERIFY(m.text != QLatin1String("beyond the cap"));
    }

    void reachOutTimelockPausesNewChatsOnly()
    {
        OutboxConfig config;
        config.reachOutPauseMs = 3000;
        m_engine->messages().outbox().setConfig(config);
        SseClient events(m_port, "/api/v1/sessions/" + m_session.toLatin1() + "/events", m_tokens.value(QStringLiteral("reader")).toLatin1());
        QTRY_COMPARE(events.status(), 200);
        const QString fresh = QStringLiteral("15550005555");
        QVERIFY(m_sim->addPhone(fresh, QStringLiteral("Eve")));
        Faults f = m_sim->faults();
        f.messageAckError = 463;
        f.messageAckErrorCount = 1;
        m_sim->setFaults(f);
        const QString toNew = send(fresh, QStringLiteral("hello, new customer")).json().value(QStringLiteral("id")).toString();
        QTRY_VERIFY_WITH_TIMEOUT(m_engine->messages().outbox().pause(m_session).has_value(), kWait);
        QCOMPARE(m_engine->messages().outbox().pause(m_session)->reason, QStringLiteral("reach_out_timelock"));
        // The session resource says so, with when it ends.
        const QJsonObject paused = call("GET", QStringLiteral("/api/v1/sessions/") + m_session).json();
        QCOMPARE(paused[QStringLiteral("sendingPausedReason")].toString(), QStringLiteral("reach_out_timelock"));
        QVERIFY(paused[QStringLiteral("sendingPausedUntil")].toInteger() > QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(messageStatus(toNew), QStringLiteral("queued"));
        // Bob is a known chat: his message goes while new chats wait.
        const QString toKnown = send(kBob, QStringLiteral("your order is on its way")).json().value(QStringLiteral("id")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(messageStatus(toKnown), QStringLiteral("delivered"), kWait);
        // And when the pause ends the new chat's message leaves by itself, the same message, after
        // the known chat's that came later.
        QTRY_COMPARE_WITH_TIMEOUT(messageStatus(toNew), QStringLiteral("delivered"), kWait);
        QCOMPARE(inbox(fresh).size(), 1);
        const PhoneMessage known = inbox(kBob).constLast();
        QCOMPARE(known.text, QStringLiteral("your order is on its way"));
        QVERIFY(inbox(fresh).first().at > known.at);
        QVERIFY(!m_engine->messages().outbox().pause(m_session).has_value());
        QTRY_VERIFY(call("GET", QStringLiteral("/api/v1/sessions/") + m_session).json()[QStringLiteral("sendingPausedUntil")].isNull());
        QCOMPARE(inbox(fresh).first().text, QStringLiteral("hello, new customer"));
        // The stream said both: paused with its end, then resumed.
        QStringList pauses;
        for (const SseEvent &e : events.events())
            if (e.event == QLatin1String("session.sending_paused"))
                pauses << (e.data[QStringLiteral("sendingPausedUntil")].isNull() ? QStringLiteral("resumed")
                                                                                 : e.data[QStringLiteral("sendingPausedReason")].toString());
        QCOMPARE(pauses, (QStringList{QStringLiteral("reach_out_timelock"), QStringLiteral("resumed")}));
        m_sim->resetFaults();
    }

    void incomingIsStoredAndAutoRead()
    {
        const auto in = m_sim->phoneSendText(kBob, kGateway, QStringLiteral("where is my parcel?"));
        QVERIFY(in);
        QJsonObject found;
        QTRY_VERIFY_WITH_TIMEOUT(!(found = [&] {
            for (const QJsonValue v : call("GET", QStringLiteral("/api/v1/sessions/%1/messages?direction=in").arg(m_session))
                                          .json().value(QStringLiteral("messages")).toArray())
                if (v[QStringLiteral("waMessageId")].toString() == *in)
                    return v.toObject();
            return QJsonObject();
        }()).isEmpty(), kWait);
        QCOMPARE(found[QStringLiteral("text")].toString(), QStringLiteral("where is my parcel?"));
        QCOMPARE(found[QStringLiteral("status")].toString(), QStringLiteral("received"));
        QCOMPARE(found[QStringLiteral("chat")].toString(), kBob + QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(found[QStringLiteral("sender")].toString(), kBob + QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(found[QStringLiteral("pushName")].toString(), kBob.right(4));
        // Marked read on request; an outgoing message cannot be.
        const QString id = found[QStringLiteral("id")].toString();
        const RawReply read = call("POST", QStringLiteral("/api/v1/sessions/%1/messages/%2:markRead").arg(m_session, id));
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json().value(QStringLiteral("status")).toString(), QStringLiteral("read"));
        QTRY_VERIFY_WITH_TIMEOUT(readByGateway(kBob, *in), kWait);

        // autoRead: read as it arrives.
        patch(R"({"autoRead":true})");
        const auto second = m_sim->phoneSendText(kBob, kGateway, QStringLiteral("thanks!"));
        QVERIFY(second);
        QTRY_VERIFY_WITH_TIMEOUT(readByGateway(kBob, *second), kWait);
        const QJsonArray list = call("GET", QStringLiteral("/api/v1/sessions/%1/messages?direction=in&status=read").arg(m_session))
                                    .json().value(QStringLiteral("messages")).toArray();
        QVERIFY(list.size() >= 2);
        QCOMPARE(list.first()[QStringLiteral("waMessageId")].toString(), *second); // newest first
        patch(R"({"autoRead":false})");
        // The text is sealed at rest.
        QSqlQuery q(QSqlDatabase::database(m_engine->config().database.connectionName));
        QVERIFY(q.exec(QStringLiteral("SELECT body FROM messages")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            QVERIFY(!q.value(0).toByteArray().contains("parcel"));
            QVERIFY(!q.value(0).toByteArray().contains("order"));
        }
        QVERIFY(rows > 5);
    }

    void listingPagesNewestFirst()
    {
        QStringList seen;
        QString token;
        int pages = 0;
        do {
            const RawReply r = call("GET", QStringLiteral("/api/v1/sessions/%1/messages?pageSize=2%2").arg(m_session, token.isEmpty() ? QString() : QStringLiteral("&pageToken=") + token));
            QCOMPARE(r.status, 200);
            for (const QJsonValue v : r.json().value(QStringLiteral("messages")).toArray())
                seen << v[QStringLiteral("id")].toString();
            token = r.json().value(QStringLiteral("nextPageToken")).toString();
            ++pages;
        } while (!token.isEmpty() && pages < 100);
        QVERIFY(seen.size() > 5);
        QStringList sorted = seen;
        std::sort(sorted.begin(), sorted.end(), std::greater<QString>());
        QCOMPARE(seen, sorted);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), seen.size());
        // A token is for the filter it was made with.
        const QString t = call("GET", QStringLiteral("/api/v1/sessions/%1/messages?pageSize=1").arg(m_session)).json().value(QStringLiteral("nextPageToken")).toString();
        verifyEnvelope(call("GET", QStringLiteral("/api/v1/sessions/%1/messages?pageSize=1&direction=in&pageToken=%2").arg(m_session, t)), 400,
                       QStringLiteral("invalid_argument"));
    }

    void queuedMessagesExpireWhileTheSessionIsAway()
    {
        QCOMPARE(call("POST", QStringLiteral("/api/v1/sessions/%1:stop").arg(m_session)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(status(m_session), QStringLiteral("stopped"), kWait);
        SendRequest request{kBob, QStringLiteral("your code is 1234"), {}, 300};
        auto sent = m_engine->messages().send(Principal::system(m_org), m_session, request);
        QVERIFY(sent);
        const QString id = sent->message.id;
        QCOMPARE(*m_engine->messages().expireNow(), 0); // its day is not over yet
        QTest::qWait(350);
        QCOMPARE(*m_engine->messages().expireNow(), 1);
        QCOMPARE(messageStatus(id), QStringLiteral("failed"));
        QCOMPARE(message(id)[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("expired"));
        // Back at work, the session does not send it late.
        QCOMPARE(call("POST", QStringLiteral("/api/v1/sessions/%1:start").arg(m_session)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(status(m_session), QStringLiteral("working"), kWait);
        const RawReply after = send(kBob, QStringLiteral("after the restart"));
        QTRY_COMPARE_WITH_TIMEOUT(messageStatus(after.json().value(QStringLiteral("id")).toString()) != QLatin1String("queued"), true, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(inbox(kBob).cbegin(), inbox(kBob).cend(),
                                             [](const PhoneMessage &m) { return m.text == QLatin1String("after the restart"); }), kWait);
        for (const PhoneMessage &m : inbox(kBob))
            QVERIFY(m.text != QLatin1String("your code is 1234"));
    }

    void retentionDeletesOldMessages()
    {
        const RawReply before = call("GET", QStringLiteral("/api/v1/sessions/%1/messages?pageSize=1").arg(m_session));
        const QString newest = before.json()[QStringLiteral("messages")].toArray().first()[QStringLiteral("id")].toString();
        MessageService &service = m_engine->messages();
        service.setRetention(24LL * 3600 * 1000);
        QCOMPARE(*service.pruneNow(), 0); // all from today
        QTest::qWait(5);
        service.setRetention(1); // everything is older than a millisecond now
        int deleted = 0;
        for (int round = 0; round < 10; ++round)
            deleted += *service.pruneNow();
        QVERIFY(deleted > 5);
        verifyEnvelope(call("GET", QStringLiteral("/api/v1/sessions/%1/messages/%2").arg(m_session, newest)), 404, QStringLiteral("not_found"));
        QSqlQuery q(QSqlDatabase::database(m_engine->config().database.connectionName));
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM messages) + (SELECT COUNT(*) FROM message_status_log)")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        service.setRetention(30LL * 24 * 3600 * 1000);
    }

    //! The whole path on each store: accepted, sent, delivered, read — on the resource, in the
    //! status log and on the event stream, in order.
    void sentDeliveredReadEverywhere_data()
    {
        QTest::addColumn<int>("backend");
        QTest::newRow("sqlite") << int(TestDatabase::Backend::Sqlite);
        QTest::newRow("postgres") << int(TestDatabase::Backend::Postgres);
    }
    void sentDeliveredReadEverywhere()
    {
        QFETCH(int, backend);
        if (!boot(TestDatabase::Backend(backend))) {
            if (m_tdb && !m_tdb->available()) {
                if (TestDatabase::postgresRequired())
                    QFAIL(qPrintable(m_tdb->skipReason()));
                QSKIP(qPrintable(m_tdb->skipReason()));
            }
            QFAIL("the fixture did not start");
        }
        SseClient events(m_port, "/api/v1/sessions/" + m_session.toLatin1() + "/events", m_tokens.value(QStringLiteral("reader")).toLatin1());
        QTRY_COMPARE(events.status(), 200);
        const RawReply r = send(QStringLiteral("+") + kBob, QStringLiteral("Hello Bob 👋"));
        QCOMPARE(r.status, 202);
        const QJsonObject accepted = r.json();
        const QString id = accepted.value(QStringLiteral("id")).toString();
        QVERIFY(id.startsWith(QLatin1String("msg_")));
        QCOMPARE(accepted.value(QStringLiteral("chat")).toString(), kBob + QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(accepted.value(QStringLiteral("phoneNumber")).toString(), kBob);
        QCOMPARE(accepted.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
        const QString waId = accepted.value(QStringLiteral("waMessageId")).toString();
        QVERIFY(waId.startsWith(QLatin1String("3EB0")));

        QTRY_COMPARE_WITH_TIMEOUT(inbox(kBob).size(), 1, kWait);
        QCOMPARE(inbox(kBob).first().id, waId);
        QCOMPARE(inbox(kBob).first().text, QStringLiteral("Hello Bob 👋"));
        QTRY_COMPARE_WITH_TIMEOUT(messageStatus(id), QStringLiteral("delivered"), kWait);
        QVERIFY(m_sim->phoneReadMessage(kBob, waId));
        QTRY_COMPARE_WITH_TIMEOUT(messageStatus(id), QStringLiteral("read"), kWait);
        const QJsonObject done = message(id);
        QVERIFY(done[QStringLiteral("sentAt")].toInteger() >= accepted[QStringLiteral("createdAt")].toInteger());
        QVERIFY(done[QStringLiteral("deliveredAt")].toInteger() >= done[QStringLiteral("sentAt")].toInteger() - 1000);
        QVERIFY(done[QStringLiteral("readAt")].toInteger() > 0);
        QVERIFY(done[QStringLiteral("error")].isNull());

        const QStringList path{QStringLiteral("queued"), QStringLiteral("sending"), QStringLiteral("sent"),
                               QStringLiteral("delivered"), QStringLiteral("read")};
        QStringList logged;
        const QList<MessageStatusEntry> history = *m_engine->messageRepository().history(id);
        for (const MessageStatusEntry &e : history)
            logged << messageStatusName(e.status);
        QCOMPARE(logged, path);
        QStringList streamed, eventIds;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            streamed.clear();
            eventIds.clear();
            for (const SseEvent &e : events.events())
                if (e.event == QLatin1String("message.status") && e.data[QStringLiteral("id")].toString() == id) {
                    streamed << e.data[QStringLiteral("status")].toString();
                    eventIds << e.id;
                }
            return streamed.size() == path.size();
        }(), kWait);
        QCOMPARE(streamed, path);
        QStringList sortedIds = eventIds;
        sortedIds.sort();
        QCOMPARE(eventIds, sortedIds); // event ids grow with time, like the log's

        // A client that reconnects after the first event gets the rest from the log, in order, once.
        SseClient resumed(m_port, "/api/v1/sessions/" + m_session.toLatin1() + "/events", m_tokens.value(QStringLiteral("reader")).toLatin1(),
                          eventIds.first().toLatin1());
        QStringList replayed;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            replayed.clear();
            for (const SseEvent &e : resumed.events())
                if (e.event == QLatin1String("message.status") && e.data[QStringLiteral("id")].toString() == id)
                    replayed << e.data[QStringLiteral("status")].toString();
            return replayed.size() == path.size() - 1;
        }(), kWait);
        QCOMPARE(replayed, path.mid(1));
        QTest::qWait(100);
        QCOMPARE(std::count_if(resumed.events().cbegin(), resumed.events().cend(),
                               [&](const SseEvent &e) { return e.data[QStringLiteral("id")].toString() == id; }),
                 qsizetype(path.size() - 1));

        // The node counts it.
        const QByteArray metrics = call("GET", QStringLiteral("/metrics"), {}, QStringLiteral("admin")).body;
        QVERIFY2(metrics.contains("wagate_messages_total{direction=\"out\",status=\"read\"} 1\n"), metrics.constData());
        QVERIFY(metrics.contains("wagate_send_seconds_count 1\n"));
        QVERIFY(metrics.contains("wagate_outbox_queued 0\n"));
        QVERIFY(metrics.contains("wagate_sending_paused_sessions 0\n"));

        // An incoming message reaches the stream as message.received, with its text.
        const auto in = m_sim->phoneSendText(kBob, kGateway, QStringLiteral("got it, thanks"));
        QVERIFY(in);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(events.events().cbegin(), events.events().cend(), [&](const SseEvent &e) {
            return e.event == QLatin1String("message.received") && e.data[QStringLiteral("waMessageId")].toString() == *in
                   && e.data[QStringLiteral("text")].toString() == QLatin1String("got it, thanks");
        }), kWait);

        // Logged out, what still waits fails with session_logged_out (it can never leave that device).
        patch(R"({"ratePerMin":1})"); // the last one left moments ago: the next waits a minute
        const QString waiting = send(kBob, QStringLiteral("waits a minute")).json().value(QStringLiteral("id")).toString();
        QTest::qWait(200);
        QCOMPARE(messageStatus(waiting), QStringLiteral("queued"));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/sessions/%1:logout").arg(m_session)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(messageStatus(waiting), QStringLiteral("failed"), kWait);
        QCOMPARE(message(waiting)[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("session_logged_out"));

        // Deleting the session deletes its messages.
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/sessions/") + m_session).status, 204);
        QSqlQuery q(QSqlDatabase::database(m_engine->config().database.connectionName));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = '%1'").arg(m_session)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMessageApi)
#include "tst_messageapi.moc"
