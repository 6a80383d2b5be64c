// The console's view of messages as a person reads it, against a fake engine: the Messages tab's
// model (newest first, live changes in place without listing again, exact signals checked by
// QAbstractItemModelTester), the status shapes and words, failures and pauses in plain words, and
// the outbox block's counts kept live from events.
#include "fakefacade.h"
#include "ui/messagelistmodel.h"
#include "ui/messagestatuslook.h"
#include "ui/outboxtracker.h"
#include "ui/timetext.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

using namespace wagate;
using wagate::test::FakeFacade;

namespace {

const QString kSession = QStringLiteral("s1");

MessageInfo message(const QString &id, MessageDirection direction, MessageStatus status, const QString &phone,
                    const QString &text, qint64 at)
{
    MessageInfo m;
    m.id = id;
    m.sessionId = kSession;
    m.organizationId = QStringLiteral("org_1");
    m.direction = direction;
    m.status = status;
    m.phoneNumber = phone;
    m.chat = phone + QStringLiteral("@s.whatsapp.net");
    m.text = text;
    m.createdAt = at;
    m.updatedAt = at;
    return m;
}

//! Ids sort as ULIDs do: later is greater.
QList<MessageInfo> threeMessages(qint64 now)
{
    return {message(QStringLiteral("msg_03"), MessageDirection::In, MessageStatus::Received, QStringLiteral("6281100001111"),
                    QStringLiteral("Is my order on its way?"), now - 60000),
            message(QStringLiteral("msg_02"), MessageDirection::Out, MessageStatus::Delivered, QStringLiteral("6281100001111"),
                    QStringLiteral("Your order has shipped."), now - 120000),
            message(QStringLiteral("msg_01"), MessageDirection::Out, MessageStatus::Queued, QStringLiteral("6281299990000"),
                    QStringLiteral("Hello"), now - 180000)};
}

QStringList column(const QAbstractItemModel &m, int col)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, col).data().toString();
    return out;
}

} // namespace

class TestMessageModels : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        FakeFacade facade;
        MessageListModel model;
        QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
        explicit Fixture(qint64 now = QDateTime::currentMSecsSinceEpoch())
        {
            facade.messages.insert(kSession, threeMessages(now));
            model.setFacade(&facade);
        }
    };

private slots:
    void listsNewestFirstWithDirectionAndChat()
    {
        Fixture f;
        f.model.setSessionId(kSession);
        QVERIFY(f.model.isLoaded());
        QCOMPARE(column(f.model, MessageListModel::TextColumn),
                 (QStringList{QStringLiteral("Is my order on its way?"), QStringLiteral("Your order has shipped."), QStringLiteral("Hello")}));
        QCOMPARE(column(f.model, MessageListModel::ChatColumn),
                 (QStringList{QStringLiteral("From +62 811-0000-1111"), QStringLiteral("To +62 811-0000-1111"),
                              QStringLiteral("To +62 812-9999-0000")}));
        QCOMPARE(column(f.model, MessageListModel::StatusColumn),
                 (QStringList{QStringLiteral("Received"), QStringLiteral("Delivered"), QStringLiteral("Queued")}));
        QCOMPARE(column(f.model, MessageListModel::TimeColumn),
                 (QStringList{QStringLiteral("1 min ago"), QStringLiteral("2 min ago"), QStringLiteral("3 min ago")}));
    }

    void aStatusChangeUpdatesItsRowInPlace()
    {
        Fixture f;
        f.model.setSessionId(kSession);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        const int listed = int(f.facade.calls.count(QStringLiteral("messages:s1")));

        MessageInfo m = *f.model.message(QStringLiteral("msg_01"));
        m.status = MessageStatus::Sending;
        m.updatedAt += 1000;
        emit f.facade.messageStatusChanged(m, QStringLiteral("queued"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 2);
        QCOMPARE(f.model.index(2, MessageListModel::StatusColumn).data().toString(), QStringLiteral("Sending"));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(int(f.facade.calls.count(QStringLiteral("messages:s1"))), listed); // not listed again

        // A late event about an earlier state never moves a message back.
        MessageInfo stale = m;
        stale.status = MessageStatus::Queued;
        stale.updatedAt -= 500;
        emit f.facade.messageStatusChanged(stale, QString());
        QCOMPARE(f.model.index(2, MessageListModel::StatusColumn).data().toString(), QStringLiteral("Sending"));
    }

    void aNewMessageArrivesAtTheTop()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Fixture f(now);
        f.model.setSessionId(kSession);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        emit f.facade.messageReceived(message(QStringLiteral("msg_04"), MessageDirection::In, MessageStatus::Received,
                                              QStringLiteral("5511987654321"), QStringLiteral("Obrigado!"), now));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(f.model.index(0, MessageListModel::TextColumn).data().toString(), QStringLiteral("Obrigado!"));
        QCOMPARE(f.model.index(0, MessageListModel::ChatColumn).data().toString(), QStringLiteral("From +55 11 98765-4321"));
        QCOMPARE(f.model.index(0, MessageListModel::TimeColumn).data().toString(), QStringLiteral("just now"));

        // Another session's message is not this list's.
        MessageInfo other = message(QStringLiteral("msg_05"), MessageDirection::Out, MessageStatus::Queued,
                                    QStringLiteral("6281100001111"), QStringLiteral("x"), now);
        other.sessionId = QStringLiteral("s2");
        emit f.facade.messageStatusChanged(other, QString());
        QCOMPARE(f.model.rowCount(), 4);
    }

    void changesBeforeTheListAnswersAreKept()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Fixture f(now);
        f.facade.answerMessagesAtOnce = false;
        f.model.setSessionId(kSession);
        QVERIFY(!f.model.isLoaded());
        MessageInfo read = threeMessages(now).at(1);
        read.status = MessageStatus::Read;
        read.updatedAt = now;
        emit f.facade.messageStatusChanged(read, QStringLiteral("delivered"));
        QCOMPARE(f.facade.pendingMessages.size(), 1);
        f.facade.pendingMessages.takeFirst()(threeMessages(now)); // the page as it was before the change
        QVERIFY(f.model.isLoaded());
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(f.model.index(1, MessageListModel::StatusColumn).data().toString(), QStringLiteral("Read"));
    }

    void everyStatusHasItsWordAndShape_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("words");
        QTest::newRow("queued") << int(MessageStatus::Queued) << QStringLiteral("Queued");
        QTest::newRow("sending") << int(MessageStatus::Sending) << QStringLiteral("Sending");
        QTest::newRow("sent") << int(MessageStatus::Sent) << QStringLiteral("Sent");
        QTest::newRow("delivered") << int(MessageStatus::Delivered) << QStringLiteral("Delivered");
        QTest::newRow("read") << int(MessageStatus::Read) << QStringLiteral("Read");
        QTest::newRow("failed") << int(MessageStatus::Failed) << QStringLiteral("Failed");
        QTest::newRow("canceled") << int(MessageStatus::Canceled) << QStringLiteral("Canceled");
        QTest::newRow("received") << int(MessageStatus::Received) << QStringLiteral("Received");
    }

    void everyStatusHasItsWordAndShape()
    {
        QFETCH(int, status);
        QFETCH(QString, words);
        const MessageStatus s = MessageStatus(status);
        QCOMPARE(MessageStatusLook::words(s), words);
        QVERIFY(!MessageStatusLook::explanation(s).isEmpty());
        // The shape alone tells it from every other status: compared without colour.
        const auto shape = [](MessageStatus st) {
            return MessageStatusLook::icon(st).pixmap(32, 32).toImage().convertToFormat(QImage::Format_Alpha8);
        };
        const QImage mine = shape(s);
        QVERIFY(!mine.isNull());
        for (MessageStatus other : allMessageStatuses())
            if (other != s)
                QVERIFY2(shape(other) != mine, qPrintable(MessageStatusLook::words(other)));
    }

    void failuresSayWhyInPlainWords_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("waCode");
        QTest::addColumn<QString>("text");
        QTest::newRow("not on WhatsApp") << QStringLiteral("not_on_whatsapp") << 0 << QStringLiteral("This number is not on WhatsApp.");
        QTest::newRow("rejected") << QStringLiteral("rejected") << 479 << QStringLiteral("WhatsApp refused the message (code 479).");
        QTest::newRow("logged out") << QStringLiteral("session_logged_out") << 0
                                    << QStringLiteral("The number was logged out before the message left. Link it again and send the message again.");
        QTest::newRow("expired") << QStringLiteral("expired") << 0
                                 << QStringLiteral("It waited too long in the outbox and was not sent (a message is kept for a day unless told otherwise).");
        QTest::newRow("unknown") << QStringLiteral("send_failed") << 0 << QStringLiteral("The message could not be sent.");
    }

    void failuresSayWhyInPlainWords()
    {
        QFETCH(QString, code);
        QFETCH(int, waCode);
        QFETCH(QString, text);
        Fixture f;
        MessageInfo failed = threeMessages(QDateTime::currentMSecsSinceEpoch()).at(2);
        failed.status = MessageStatus::Failed;
        failed.error = MessageError{code, QStringLiteral("engine words"), failed.createdAt, waCode};
        failed.updatedAt += 1;
        f.model.setSessionId(kSession);
        emit f.facade.messageStatusChanged(failed, QStringLiteral("sending"));
        const QModelIndex status = f.model.index(2, MessageListModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("Failed"));
        QCOMPARE(status.data(Qt::ToolTipRole).toString(), text);
        QCOMPARE(status.data(MessageListModel::ErrorCodeRole).toString(), code);
    }

    void theOutboxSaysWhatWaitsAndWhy_data()
    {
        QTest::addColumn<int>("waiting");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("queue");
        QTest::addColumn<QString>("pause");
        QTest::newRow("idle") << 0 << QString() << QStringLiteral("Nothing waiting · 20 a minute, 600 an hour") << QString();
        QTest::newRow("one") << 1 << QString() << QStringLiteral("1 waiting · 20 a minute, 600 an hour") << QString();
        QTest::newRow("new chats locked") << 3 << QStringLiteral("reach_out_timelock") << QStringLiteral("3 waiting · 20 a minute, 600 an hour")
                                          << QStringLiteral("Sending to new chats paused until 14:05 — WhatsApp limited new chats (463)");
        QTest::newRow("overlimit") << 3 << QStringLiteral("rate_overlimit") << QStringLiteral("3 waiting · 20 a minute, 600 an hour")
                                   << QStringLiteral("Sending paused until 14:05 — WhatsApp asked to slow down (too many messages)");
    }

    void theOutboxSaysWhatWaitsAndWhy()
    {
        QFETCH(int, waiting);
        QFETCH(QString, reason);
        QFETCH(QString, queue);
        QFETCH(QString, pause);
        const QDate today = QDate::currentDate();
        const qint64 now = QDateTime(today, QTime(13, 0)).toMSecsSinceEpoch();
        OutboxSummary s;
        s.waiting = waiting;
        s.ratePerMin = 20;
        s.ratePerHour = 600;
        if (!reason.isEmpty()) {
            s.pausedUntil = QDateTime(today, QTime(14, 5)).toMSecsSinceEpoch();
            s.pausedReason = reason;
        }
        QCOMPARE(OutboxTracker::queueText(s), queue);
        QCOMPARE(OutboxTracker::pauseText(s, now), pause);
        QCOMPARE(OutboxTracker::pauseText(s, QDateTime(today, QTime(14, 6)).toMSecsSinceEpoch()), QString()); // over by itself
    }

    void todaysCountsFollowTheEvents()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        FakeFacade facade;
        OutboxSummary summary;
        summary.sessionId = kSession;
        summary.waiting = 1;
        summary.outgoing = {{MessageStatus::Queued, 1}, {MessageStatus::Delivered, 2}, {MessageStatus::Read, 1}};
        summary.incoming = {{MessageStatus::Received, 1}};
        facade.summaries.insert(kSession, summary);
        OutboxTracker tracker;
        tracker.setFacade(&facade);
        SessionInfo s;
        s.id = kSession;
        s.ratePerMin = 20;
        s.ratePerHour = 600;
        tracker.setSession(s);
        QVERIFY(tracker.isLoaded());
        QCOMPARE(tracker.summary().since, OutboxTracker::startOfDay(now));
        QCOMPARE(OutboxTracker::todayText(tracker.summary()), QStringLiteral("3 sent · 3 delivered · 1 read · 0 failed · 1 received"));

        MessageInfo m = message(QStringLiteral("msg_09"), MessageDirection::Out, MessageStatus::Queued, QStringLiteral("6281100001111"),
                                QStringLiteral("x"), now);
        emit facade.messageStatusChanged(m, QString()); // a new one
        QCOMPARE(tracker.summary().waiting, 2);
        m.status = MessageStatus::Sending;
        emit facade.messageStatusChanged(m, QStringLiteral("queued"));
        QCOMPARE(tracker.summary().waiting, 2);
        m.status = MessageStatus::Failed;
        emit facade.messageStatusChanged(m, QStringLiteral("sending"));
        QCOMPARE(tracker.summary().waiting, 1);
        emit facade.messageReceived(message(QStringLiteral("msg_10"), MessageDirection::In, MessageStatus::Received,
                                            QStringLiteral("6281100001111"), QStringLiteral("y"), now));
        QCOMPARE(OutboxTracker::todayText(tracker.summary()), QStringLiteral("3 sent · 3 delivered · 1 read · 1 failed · 2 received"));
        QCOMPARE(OutboxTracker::queueText(tracker.summary()), QStringLiteral("1 waiting · 20 a minute, 600 an hour"));
        QCOMPARE(int(facade.calls.count(QStringLiteral("outbox:s1"))), 1); // kept live without asking again
    }
};

QTEST_MAIN(TestMessageModels)
#include "tst_messagemodels.moc"
