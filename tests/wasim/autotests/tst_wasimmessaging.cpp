// The simulator's phones as Signal parties, without any client on the wire: one phone writes to
// another (X3DH from the server's bundles, then the ratchet), receipts and reads come back, a
// forced decryption failure is healed by a retry receipt, a reinstalled phone is written to again,
// and the control API carries all of it.

#include "wasim/controlapi.h"
#include "wasim/wasimserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace wagate;
using namespace wagate::wasim;

namespace {

const QString kAlice = QStringLiteral("15550001111");
const QString kBob = QStringLiteral("15550002222");

} // namespace

class TestWasimMessaging : public QObject
{
    Q_OBJECT

    std::unique_ptr<WasimServer> m_sim;

    QList<PhoneMessage> received(const QString &phone) { return *m_sim->phoneMessages(phone); }
    PhoneSentMessage sent(const QString &phone, const QString &id)
    {
        const auto all = m_sim->phoneSentMessages(phone);
        for (const PhoneSentMessage &m : *all)
            if (m.id == id)
                return m;
        return {};
    }

private slots:
    void init()
    {
        m_sim = std::make_unique<WasimServer>();
        QVERIFY(m_sim->addPhone(kAlice, QStringLiteral("Alice")));
        QVERIFY(m_sim->addPhone(kBob, QStringLiteral("Bob")));
    }

    void phonesWriteToEachOther_data()
    {
        QTest::addColumn<QString>("to");
        QTest::newRow("digits") << kBob;
        QTest::newRow("pn jid") << kBob + QStringLiteral("@s.whatsapp.net");
    }
    void phonesWriteToEachOther()
    {
        QFETCH(QString, to);
        QSignalSpy got(m_sim.get(), &WasimServer::phoneReceived);
        const QStringList texts{QStringLiteral("Hello Bob"), QStringLiteral("Grüße 👋"), QStringLiteral("مرحبا"),
                                QString(4000, QLatin1Char('x'))};
        QStringList ids;
        for (const QString &text : texts) {
            const auto id = m_sim->phoneSendText(kAlice, to, text);
            QVERIFY2(id, id ? "" : qPrintable(id.error().message));
            ids.append(*id);
        }
        QCOMPARE(got.size(), texts.size());
        const auto inbox = received(kBob);
        QCOMPARE(inbox.size(), texts.size());
        for (int i = 0; i < texts.size(); ++i) {
            QCOMPARE(inbox[i].id, ids[i]);
            QCOMPARE(inbox[i].text, texts[i]);
            QCOMPARE(inbox[i].type, QStringLiteral("text"));
            QCOMPARE(inbox[i].from.toString(), kAlice + QStringLiteral("@s.whatsapp.net"));
            QCOMPARE(inbox[i].fromLid.server(), QStringLiteral("lid"));
            QVERIFY(!inbox[i].fromMe);
            // Bob's phone receipted each one.
            QCOMPARE(sent(kAlice, ids[i]).delivered, QSet<QString>{kBob + QStringLiteral("@s.whatsapp.net")});
        }
        // And the other way, on the session Bob now has.
        const auto reply = m_sim->phoneSendText(kBob, kAlice, QStringLiteral("Hi Alice"));
        QVERIFY(reply);
        QCOMPARE(received(kAlice).last().text, QStringLiteral("Hi Alice"));

        // Bob reads the first message: Alice sees it read.
        QVERIFY(m_sim->phoneReadMessage(kBob, ids.first()));
        QCOMPARE(sent(kAlice, ids.first()).read, QSet<QString>{kBob + QStringLiteral("@s.whatsapp.net")});
        QVERIFY(received(kBob).first().read);

        const Stats stats = m_sim->stats();
        QCOMPARE(stats.messagesRouted, qint64(texts.size() + 1));
        QCOMPARE(stats.duplicateDeliveries, 0);
        QVERIFY(stats.receipts >= qint64(texts.size() + 2));
    }

    void unknownUsersAreNotFound()
    {
        const auto id = m_sim->phoneSendText(kAlice, QStringLiteral("4915199999999"), QStringLiteral("x"));
        QVERIFY(!id);
        QCOMPARE(id.error().code, ErrorCode::NotFound);
        QCOMPARE(m_sim->phoneSendText(kAlice, QStringLiteral("not a number@"), QStringLiteral("x")).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(m_sim->phoneSendText(kAlice, kBob, QString()).error().code, ErrorCode::InvalidArgument);
    }

    //! Bob's phone "loses" the session for two messages: it answers with retry receipts, Alice
    //! re-encrypts, and both arrive once.
    void retryReceiptsHealAFailedDecryption()
    {
        QVERIFY(m_sim->phoneSendText(kAlice, kBob, QStringLiteral("warm-up")));
        QVERIFY(m_sim->failPhoneDecryptions(kBob, 1));
        const auto id = m_sim->phoneSendText(kAlice, kBob, QStringLiteral("after a failure"));
        QVERIFY(id);
        const auto inbox = received(kBob);
        QCOMPARE(inbox.size(), 2);
        QCOMPARE(inbox.last().text, QStringLiteral("after a failure"));
        QCOMPARE(sent(kAlice, *id).delivered.size(), 1);
        const Stats stats = m_sim->stats();
        QCOMPARE(stats.retryDeliveries, 1);
        QCOMPARE(stats.duplicateDeliveries, 0);
    }

    void aReinstalledPhoneIsWrittenToAgain()
    {
        QVERIFY(m_sim->phoneSendText(kAlice, kBob, QStringLiteral("before")));
        const QByteArray oldKey = m_sim->phone(kBob)->identityKey;
        QVERIFY(m_sim->reinstallPhone(kBob));
        QVERIFY(m_sim->phone(kBob)->identityKey != oldKey);
        QVERIFY(received(kBob).isEmpty()); // a new install starts empty
        // Alice still has the old session: Bob cannot read it, asks for a retry with its keys,
        // and Alice builds a new session from them.
        const auto id = m_sim->phoneSendText(kAlice, kBob, QStringLiteral("after"));
        QVERIFY(id);
        QCOMPARE(received(kBob).size(), 1);
        QCOMPARE(received(kBob).first().text, QStringLiteral("after"));
    }

    void controlApiCarriesMessages()
    {
        ControlApi api(m_sim.get());
        auto call = [&](const char *method, const QString &path, const QJsonObject &body = {}) {
            ControlReply out;
            bool answered = false;
            api.handle({method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson()},
                       [&](const ControlReply &r) {
                           out = r;
                           answered = true;
                       });
            if (!answered)
                qWarning() << "no answer";
            return out;
        };
        const ControlReply send = call("POST", QStringLiteral("/phones/%1/messages").arg(kAlice),
                                       {{QStringLiteral("to"), kBob}, {QStringLiteral("text"), QStringLiteral("via API")}});
        QCOMPARE(send.status, 201);
        const QString id = send.body.value(QStringLiteral("id")).toString();
        QCOMPARE(id.size(), 22);

        const ControlReply list = call("GET", QStringLiteral("/phones/%1/messages").arg(kBob));
        QCOMPARE(list.status, 200);
        const QJsonObject m = list.body.value(QStringLiteral("messages")).toArray().first().toObject();
        QCOMPARE(m.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(m.value(QStringLiteral("text")).toString(), QStringLiteral("via API"));
        QCOMPARE(m.value(QStringLiteral("chat")).toString(), kAlice + QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(m.value(QStringLiteral("read")).toBool(), false);

        QCOMPARE(call("POST", QStringLiteral("/phones/%1/messages/%2:read").arg(kBob, id)).status, 200);
        const ControlReply sentList = call("GET", QStringLiteral("/phones/%1/sent").arg(kAlice));
        const QJsonObject s = sentList.body.value(QStringLiteral("messages")).toArray().first().toObject();
        QCOMPARE(s.value(QStringLiteral("readBy")).toArray().first().toString(), kBob + QStringLiteral("@s.whatsapp.net"));

        QCOMPARE(call("POST", QStringLiteral("/phones/%1/messages/NOPE:read").arg(kBob)).status, 404);
        QCOMPARE(call("POST", QStringLiteral("/phones/%1/messages").arg(kAlice), {{QStringLiteral("to"), kBob}}).status, 400);
        QCOMPARE(call("POST", QStringLiteral("/phones/%1:fail-decrypt").arg(kBob), {{QStringLiteral("count"), 2}}).status, 200);
        QCOMPARE(call("POST", QStringLiteral("/phones/%1:reinstall").arg(kBob)).status, 200);
        const QJsonObject stats = call("GET", QStringLiteral("/stats")).body;
        for (const char *key : {"messagesRouted", "messagesDelivered", "offlineQueued", "acks", "receipts", "duplicateDeliveries"})
            QVERIFY2(stats.contains(QLatin1String(key)), key);
    }
};

QTEST_GUILESS_MAIN(TestWasimMessaging)
#include "tst_wasimmessaging.moc"
