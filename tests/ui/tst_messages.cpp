// The console's messages against a real engine on its own thread: a message sent from the dialog goes
// through the real MessageService and outbox to a scripted WhatsApp connection, and the dialog, the
// Messages tab and the outbox block follow it live (queued → sending → sent → delivered → read, or
// failed with the reason in words); a queued message is canceled from the tab; WhatsApp's limit
// pauses the outbox in plain words; an operator without `send` or `admin` sees why not.
#include "enginefixture.h"
#include "engine/engine.h"
#include "engine/messageservice.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/messagelistmodel.h"
#include "ui/messagesview.h"
#include "ui/phonenumberinput.h"
#include "ui/sendmessagedialog.h"
#include "ui/sessiondetailspane.h"
#include "ui/sessionlistmodel.h"
#include "ui/webhookeditdialog.h"
#include "ui/webhooksdialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace wagate;
using namespace wagate::test;

namespace {

template<typename T>
std::optional<Result<T>> await(const std::function<void(EngineFacade::Reply<T>)> &call)
{
    auto out = std::make_shared<std::optional<Result<T>>>();
    call([out](Result<T> r) { *out = r; });
    if (!QTest::qWaitFor([&] { return out->has_value(); }, 15000))
        return std::nullopt;
    return *out;
}

} // namespace

class TestMessages : public QObject
{
    Q_OBJECT

    std::unique_ptr<EngineFixture> m_engine;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_org, m_senderKey, m_noSendKey;

    EngineFacade &facade() { return m_engine->facade(); }

    void openWindow()
    {
        m_tester.reset();
        m_window = std::make_unique<MainWindow>(facade());
        m_window->setOperatorName(QStringLiteral("alice"));
        m_tester = std::make_unique<QAbstractItemModelTester>(m_window->messageModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY(m_window->model()->isLoaded());
    }

    //! A session in this status, shown and selected, its Messages tab loaded.
    QString selected(SessionStatus status, const QString &label, const QString &phone)
    {
        const QString id = m_engine->sessionIn(status, label, phone);
        if (id.isEmpty() || !QTest::qWaitFor([&] { const SessionInfo *s = m_window->model()->session(id); return s && s->status == status; }, 10000))
            return {};
        m_window->selectSession(id);
        if (!QTest::qWaitFor([&] { return m_window->messageModel()->sessionId() == id && m_window->messageModel()->isLoaded(); }, 10000))
            return {};
        return id;
    }

    //! What the Messages tab shows in a column of the message's row.
    QString shown(const QString &messageId, int column)
    {
        MessageListModel *m = m_window->messageModel();
        const int row = m->rowOf(messageId);
        return row < 0 ? QString() : m->index(row, column).data().toString();
    }

    //! The WhatsApp id of the n-th text the scripted connection was handed ("" until then).
    QString handedOver(const QString &sessionId, int n)
    {
        QString id;
        const bool handed = QTest::qWaitFor([&] {
            m_engine->script(sessionId, [&](ScriptedConnection &c) { if (c.sent.size() > n) id = c.sent.at(n).id; });
            return !id.isEmpty();
        }, 10000);
        return handed ? id : QString();
    }

    bool receipt(const QString &sessionId, const QString &waId, const QString &chat, MessageReceipt::Kind kind)
    {
        return m_engine->script(sessionId, [&](ScriptedConnection &c) {
            emit c.receiptReceived(MessageReceipt{{waId}, chat, chat, kind, QString(), QDateTime::currentMSecsSinceEpoch()});
        });
    }

    QString send(const QString &sessionId, const QString &to, const QString &text)
    {
        SendRequest request;
        request.to = to;
        request.text = text;
        const auto r = await<MessageInfo>([&](auto done) { facade().sendMessage(sessionId, request, done); });
        return r && *r ? (*r)->id : QString();
    }

    //! WhatsApp delivers a message to the session, as the real connection reports it (stored first).
    bool incoming(const QString &sessionId, const QString &from, const QString &name, const QString &text)
    {
        IncomingMessage in;
        in.id = QStringLiteral("3A") + QString::number(QDateTime::currentMSecsSinceEpoch());
        in.chat = from + QStringLiteral("@s.whatsapp.net");
        in.sender = in.chat;
        in.senderPn = in.chat;
        in.pushName = name;
        in.type = QStringLiteral("text");
        in.waType = QStringLiteral("conversation");
        in.text = text;
        in.at = QDateTime::currentMSecsSinceEpoch();
        bool stored = false;
        m_engine->onEngine([&](Engine &e) { stored = bool(e.messages().storeIncoming(sessionId, in)); });
        return stored && m_engine->script(sessionId, [&](ScriptedConnection &c) { emit c.messageReceived(in); });
    }

private slots:
    void initTestCase()
    {
        m_engine = std::make_unique<EngineFixture>();
        QVERIFY(m_engine->start());
        QVERIFY(m_engine->useScriptedConnections());
    }

    void init()
    {
        m_org = m_engine->createOrganization(QStringLiteral("Acme Support"));
        QVERIFY(!m_org.isEmpty());
        m_senderKey = m_engine->createApiKey(m_org, QStringLiteral("console"),
                                             Capability::Read | Capability::Manage | Capability::Send | Capability::Admin);
        m_noSendKey = m_engine->createApiKey(m_org, QStringLiteral("supervisor"), Capability::Read | Capability::Manage);
        QVERIFY(m_engine->signIn(m_senderKey));
        openWindow();
    }

    void cleanup()
    {
        m_tester.reset();
        m_window.reset();
        facade().signOut();
    }

    void cleanupTestCase()
    {
        m_engine.reset();
    }

    void aMessageFromTheDialogMovesThroughItsStatuses()
    {
        const QString session = selected(SessionStatus::Working, QStringLiteral("Sales"), QStringLiteral("6281100001111"));
        QVERIFY(!session.isEmpty());
        QVERIFY(m_window->sendMessageAction()->isEnabled());
        SendMessageDialog *dialog = m_window->openSendDialog(session);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Send a message from “Sales”"));
        QVERIFY(!dialog->sendButton()->isEnabled());

        // The number as on the pairing-code tab: dialled in its country, shown as it will be used.
        QComboBox *country = dialog->phoneInput()->countryBox();
        country->setCurrentIndex(country->findData(QStringLiteral("ID")));
        QTest::keyClicks(dialog->phoneInput()->lineEdit(), QStringLiteral("0812-9999-0000"));
        QCOMPARE(dialog->phoneInput()->digits(), QStringLiteral("6281299990000"));
        QVERIFY(!dialog->sendButton()->isEnabled()); // no text yet
        QCOMPARE(dialog->sendButton()->toolTip(), QStringLiteral("Type the message first."));
        QTest::keyClicks(dialog->textEdit(), QStringLiteral("Your order has shipped."));
        QCOMPARE(dialog->countText(), QStringLiteral("23 / 4,096 characters"));
        QVERIFY(dialog->sendButton()->isEnabled());
        dialog->sendButton()->click();

        // Accepted and handed to WhatsApp at once (nothing else waits in this outbox).
        QTRY_VERIFY(dialog->message().has_value());
        const QString id = dialog->message()->id;
        const QString waId = handedOver(session, 0);
        QVERIFY(!waId.isEmpty());
        QTRY_COMPARE(dialog->statusText(), QStringLiteral("Sending"));
        QTRY_COMPARE(shown(id, MessageListModel::StatusColumn), QStringLiteral("Sending"));
        QCOMPARE(shown(id, MessageListModel::ChatColumn), QStringLiteral("To +62 812-9999-0000"));
        QCOMPARE(shown(id, MessageListModel::TextColumn), QStringLiteral("Your order has shipped."));
        QCOMPARE(m_window->messageModel()->rowOf(id), 0);

        QVERIFY(m_engine->script(session, [&](ScriptedConnection &c) { emit c.messageSent(waId, QDateTime::currentMSecsSinceEpoch()); }));
        QTRY_COMPARE(dialog->statusText(), QStringLiteral("Sent"));
        const QString chat = QStringLiteral("6281299990000@s.whatsapp.net");
        QVERIFY(receipt(session, waId, chat, MessageReceipt::Kind::Delivered));
        QTRY_COMPARE(dialog->statusText(), QStringLiteral("Delivered"));
        QCOMPARE(dialog->detailText(), QStringLiteral("On the recipient's phone, not yet read."));
        QTRY_COMPARE(shown(id, MessageListModel::StatusColumn), QStringLiteral("Delivered"));
        QVERIFY(receipt(session, waId, chat, MessageReceipt::Kind::Read));
        QTRY_COMPARE(dialog->statusText(), QStringLiteral("Read"));
        QTRY_COMPARE(shown(id, MessageListModel::StatusColumn), QStringLiteral("Read"));
        QCOMPARE(m_window->messageModel()->rowCount(), 1); // one row, changed in place

        // The details count it among today's, live.
        QTRY_COMPARE(m_window->details()->todayText(), QStringLiteral("Today: 1 sent · 1 delivered · 1 read · 0 failed · 0 received"));
        QCOMPARE(m_window->details()->outboxText(), QStringLiteral("Nothing waiting · 20 a minute, 600 an hour"));

        // "Send another" starts over, keeping the number.
        QCOMPARE(dialog->sendButton()->text(), QStringLiteral("Send another"));
        dialog->sendButton()->click();
        QVERIFY(dialog->statusText().isEmpty());
        QVERIFY(dialog->textEdit()->toPlainText().isEmpty());
        QCOMPARE(dialog->phoneInput()->digits(), QStringLiteral("6281299990000"));
        dialog->reject();
    }

    void aRefusedMessageSaysWhyInWords()
    {
        const QString session = selected(SessionStatus::Working, QStringLiteral("Sales"), QStringLiteral("6281100001111"));
        QVERIFY(!session.isEmpty());
        SendMessageDialog *dialog = m_window->openSendDialog(session);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->phoneInput()->lineEdit(), QStringLiteral("+62 812-0000-9999"));
        QTest::keyClicks(dialog->textEdit(), QStringLiteral("Hello"));
        dialog->sendButton()->click();
        const QString waId = handedOver(session, 0);
        QVERIFY(!waId.isEmpty());
        QVERIFY(m_engine->script(session, [&](ScriptedConnection &c) {
            emit c.messageFailed(SendFailure{waId, QString(send_failure::NotOnWhatsApp), QStringLiteral("no account"), 0, false});
        }));
        QTRY_COMPARE(dialog->statusText(), QStringLiteral("Failed"));
        QCOMPARE(dialog->detailText(), QStringLiteral("This number is not on WhatsApp."));
        const QString id = dialog->message()->id;
        QTRY_COMPARE(shown(id, MessageListModel::StatusColumn), QStringLiteral("Failed"));
        const int row = m_window->messageModel()->rowOf(id);
        QCOMPARE(m_window->messageModel()->index(row, MessageListModel::StatusColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("This number is not on WhatsApp."));
        QTRY_COMPARE(m_window->details()->todayText(), QStringLiteral("Today: 0 sent · 0 delivered · 0 read · 1 failed · 0 received"));
        dialog->reject();
    }

    void aQueuedMessageIsCanceledFromTheMessagesTab()
    {
        // A stopped session keeps its messages queued: nothing leaves until it works again.
        const QString session = selected(SessionStatus::Stopped, QStringLiteral("Weekend desk"), QStringLiteral("6281455554444"));
        QVERIFY(!session.isEmpty());
        m_window->showMessagesTab();
        QCOMPARE(m_window->messagesView()->emptyText(),
                 QStringLiteral("No messages yet. Messages this number sends and receives appear here as they happen."));
        const QString id = send(session, QStringLiteral("6281100001111"), QStringLiteral("See you on Monday"));
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE(shown(id, MessageListModel::StatusColumn), QStringLiteral("Queued"));
        QVERIFY(m_window->messagesView()->emptyText().isEmpty());
        QTRY_COMPARE(m_window->details()->outboxText(), QStringLiteral("1 waiting · 20 a minute, 600 an hour"));

        QVERIFY(!m_window->cancelMessageAction()->isEnabled());
        QCOMPARE(m_window->cancelMessageAction()->toolTip(), QStringLiteral("Select a queued message in the list first."));
        QTableView *table = m_window->messagesView()->table();
        table->setCurrentIndex(m_window->messageModel()->index(m_window->messageModel()->rowOf(id), 0));
        QVERIFY(m_window->cancelMessageAction()->isEnabled());
        m_window->cancelMessageAction()->trigger();
        QTRY_COMPARE(shown(id, MessageListModel::StatusColumn), QStringLiteral("Canceled"));
        QTRY_COMPARE(m_window->details()->outboxText(), QStringLiteral("Nothing waiting · 20 a minute, 600 an hour"));
        // Gone from the queue: nothing more to cancel.
        QTRY_VERIFY(!m_window->cancelMessageAction()->isEnabled());
        QCOMPARE(m_window->cancelMessageAction()->toolTip(), QStringLiteral("Only a message still waiting in the outbox can be canceled."));
        const auto stored = await<QList<MessageInfo>>([&](auto done) { facade().listMessages(session, 10, done); });
        QVERIFY(stored && *stored && (*stored)->size() == 1);
        QCOMPARE((*stored)->first().status, MessageStatus::Canceled);
    }

    void whatsAppsLimitPausesTheOutboxInPlainWords()
    {
        const QString session = selected(SessionStatus::Working, QStringLiteral("Sales"), QStringLiteral("6281100001111"));
        QVERIFY(!session.isEmpty());
        QVERIFY(m_window->details()->pauseText().isEmpty());
        const QString id = send(session, QStringLiteral("6281299990000"), QStringLiteral("Hello"));
        const QString waId = handedOver(session, 0);
        QVERIFY(!waId.isEmpty());
        QVERIFY(m_engine->script(session, [&](ScriptedConnection &c) {
            emit c.messageFailed(SendFailure{waId, QString(send_failure::ReachOutTimelock), QStringLiteral("463"), 463, false});
        }));
        QTRY_VERIFY(m_window->details()->pauseText().startsWith(QStringLiteral("Sending to new chats paused until ")));
        QVERIFY2(m_window->details()->pauseText().endsWith(QStringLiteral(" — WhatsApp limited new chats (463)")),
                 qPrintable(m_window->details()->pauseText()));
        // The message is not lost: it waits in the queue for the pause to end.
        QTRY_COMPARE(shown(id, MessageListModel::StatusColumn), QStringLiteral("Queued"));
        QTRY_COMPARE(m_window->details()->outboxText(), QStringLiteral("1 waiting · 20 a minute, 600 an hour"));
    }

    void withoutSendOrAdminTheConsoleSaysWhichPermission()
    {
        const QString session = selected(SessionStatus::Working, QStringLiteral("Sales"), QStringLiteral("6281100001111"));
        QVERIFY(!session.isEmpty());
        QVERIFY(!send(session, QStringLiteral("6281299990000"), QStringLiteral("Hello")).isEmpty());
        m_tester.reset();
        m_window.reset();
        facade().signOut();
        QVERIFY(m_engine->signIn(m_noSendKey));
        openWindow();
        m_window->selectSession(session);
        QTRY_VERIFY(m_window->messageModel()->isLoaded() && m_window->messageModel()->rowCount() == 1); // reading is allowed
        for (QAction *a : {m_window->sendMessageAction(), m_window->cancelMessageAction()}) {
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
            QCOMPARE(a->toolTip(), QStringLiteral("Needs the “send” permission, which your sign-in does not have."));
        }
        QVERIFY(!m_window->openSendDialog(session));
        QVERIFY(!m_window->webhooksAction()->isEnabled());
        QCOMPARE(m_window->webhooksAction()->toolTip(), QStringLiteral("Needs the “admin” permission, which your sign-in does not have."));
        QVERIFY(!m_window->openWebhooksDialog());
        // And the engine would refuse it all the same.
        SendRequest request{QStringLiteral("6281299990000"), QStringLiteral("Hi"), QString(), 0};
        const auto refused = await<MessageInfo>([&](auto done) { facade().sendMessage(session, request, done); });
        QVERIFY(refused && !*refused);
        QCOMPARE(refused->error().code, ErrorCode::Forbidden);
    }

    void anAdminAddsTestsAndDeletesAWebhook()
    {
        WebhooksDialog *dialog = m_window->openWebhooksDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTRY_VERIFY(dialog->isLoaded());
        QCOMPARE(dialog->list()->topLevelItemCount(), 0);
        QVERIFY(!dialog->testButton()->isEnabled());

        WebhookEditDialog *edit = dialog->openAddDialog();
        QVERIFY(edit);
        QVERIFY(!edit->saveButton()->isEnabled());
        QTest::keyClicks(edit->urlEdit(), QStringLiteral("http://169.254.169.254/latest"));
        QVERIFY(edit->saveButton()->isEnabled());
        edit->saveButton()->click();
        QTRY_VERIFY(edit->problemText().contains(QStringLiteral("link-local"))); // the engine's own check, in the dialog
        edit->urlEdit()->clear();
        QTest::keyClicks(edit->urlEdit(), QStringLiteral("http://127.0.0.1:9/wagate"));
        edit->eventBox(QStringLiteral("session.status"))->setChecked(true);
        edit->saveButton()->click();

        // The secret, once, with a button that copies it.
        QDialog *secret = nullptr;
        QTRY_VERIFY((secret = dialog->findChild<QDialog *>(QStringLiteral("webhookSecret"))));
        auto *field = secret->findChild<QLineEdit *>();
        QVERIFY(field && field->text().startsWith(QStringLiteral("whsec_")));
        secret->findChild<QPushButton *>(QStringLiteral("copySecret"))->click();
        QCOMPARE(QApplication::clipboard()->text(), field->text());
        secret->accept();

        QTRY_COMPARE(dialog->list()->topLevelItemCount(), 1);
        QTreeWidgetItem *row = dialog->list()->topLevelItem(0);
        QCOMPARE(row->text(0), QStringLiteral("http://127.0.0.1:9/wagate"));
        QCOMPARE(row->text(1), QStringLiteral("Messages received, Status changes of sent messages, Session status changes"));
        QCOMPARE(row->text(2), QStringLiteral("Yes"));
        QCOMPARE(row->text(3), QStringLiteral("None yet"));

        QTRY_VERIFY(dialog->testButton()->isEnabled());
        dialog->testButton()->click();
        QTRY_COMPARE(dialog->deliveries()->topLevelItemCount(), 1);
        QCOMPARE(dialog->deliveries()->topLevelItem(0)->text(1), QStringLiteral("Test event"));
        const QString outcome = dialog->deliveries()->topLevelItem(0)->text(2);
        QVERIFY2(outcome == u"Waiting to be sent" || outcome.startsWith(u"Trying again at "), qPrintable(outcome)); // nobody listens on port 9

        // A new secret, shown once again; the first one is no longer what it shows.
        const QString first = QApplication::clipboard()->text();
        dialog->rotateButton()->click();
        QTRY_VERIFY((secret = dialog->findChild<QDialog *>(QStringLiteral("webhookSecret"))));
        field = secret->findChild<QLineEdit *>();
        QVERIFY(field && field->text().startsWith(QStringLiteral("whsec_")) && field->text() != first);
        secret->accept();
        QTRY_VERIFY(!dialog->findChild<QDialog *>(QStringLiteral("webhookSecret")));
        EngineFixture::screenshot(dialog, QStringLiteral("console-webhooks"));

        // Turned off from the edit dialog.
        edit = dialog->openEditDialog();
        QVERIFY(edit);
        QCOMPARE(edit->urlEdit()->text(), QStringLiteral("http://127.0.0.1:9/wagate"));
        edit->enabledBox()->setChecked(false);
        edit->saveButton()->click();
        QTRY_COMPARE(dialog->list()->topLevelItem(0)->text(2), QStringLiteral("No"));

        const auto listed = await<QList<WebhookInfo>>([&](auto done) { facade().listWebhooks(done); });
        QVERIFY(listed && *listed && (*listed)->size() == 1);
        QVERIFY(!(*listed)->first().enabled);
        QVERIFY((*listed)->first().secret.isEmpty()); // never again
        QVERIFY((*listed)->first().lastDelivery.has_value());
        const auto removed = await<bool>([&](auto done) { facade().deleteWebhook((*listed)->first().id, done); });
        QVERIFY(removed && *removed);
        dialog->reject();
    }

    void screenshotsOfTheMessages()
    {
        const QString session = selected(SessionStatus::Working, QStringLiteral("Sales"), QStringLiteral("6281100001111"));
        QVERIFY(!session.isEmpty());
        QVERIFY(!m_engine->sessionIn(SessionStatus::Stopped, QStringLiteral("Weekend desk"), QStringLiteral("6281455554444")).isEmpty());
        QVERIFY(!m_engine->sessionIn(SessionStatus::Reconnecting, QStringLiteral("Deliveries"), QStringLiteral("6281299990000")).isEmpty());
        // A quick pace while the scene is set, the usual one for the picture.
        SessionPatch fast;
        fast.ratePerMin = 1000;
        QVERIFY(await<SessionInfo>([&](auto done) { facade().updateSession(session, fast, done); }).value_or(Error::internal({})).ok());

        const struct { const char *to, *text; int outcome; } sent[] = {
            {"6281299990000", "Your order #1042 has shipped and arrives tomorrow.", 3},
            {"5511987654321", "Olá! Sua fatura de novembro está disponível.", 2},
            {"6281377776666", "Reminder: your appointment is at 10:00.", 1},
            {"6281533332222", "Thank you for your payment.", -1},
        };
        int n = 0;
        for (const auto &s : sent) {
            const QString id = send(session, QString::fromLatin1(s.to), QString::fromUtf8(s.text));
            QVERIFY(!id.isEmpty());
            const QString waId = handedOver(session, n++);
            QVERIFY(!waId.isEmpty());
            const QString chat = QString::fromLatin1(s.to) + QStringLiteral("@s.whatsapp.net");
            if (s.outcome < 0) {
                QVERIFY(m_engine->script(session, [&](ScriptedConnection &c) {
                    emit c.messageFailed(SendFailure{waId, QString(send_failure::NotOnWhatsApp), QStringLiteral("no account"), 0, false});
                }));
                continue;
            }
            QVERIFY(m_engine->script(session, [&](ScriptedConnection &c) { emit c.messageSent(waId, QDateTime::currentMSecsSinceEpoch()); }));
            if (s.outcome >= 2)
                QVERIFY(receipt(session, waId, chat, MessageReceipt::Kind::Delivered));
            if (s.outcome >= 3)
                QVERIFY(receipt(session, waId, chat, MessageReceipt::Kind::Read));
            QTRY_VERIFY(shown(id, MessageListModel::StatusColumn) != QStringLiteral("Sending"));
        }
        QVERIFY(incoming(session, QStringLiteral("6281299990000"), QStringLiteral("Budi"), QStringLiteral("Thanks! Can I change the address?")));
        QTRY_COMPARE(m_window->messageModel()->rowCount(), 5);
        SessionPatch usual;
        usual.ratePerMin = 20;
        QVERIFY(await<SessionInfo>([&](auto done) { facade().updateSession(session, usual, done); }).value_or(Error::internal({})).ok());
        QTRY_COMPARE(m_window->details()->todayText(), QStringLiteral("Today: 3 sent · 2 delivered · 1 read · 1 failed · 1 received"));
        QCOMPARE(m_window->messageModel()->index(0, MessageListModel::ChatColumn).data().toString(), QStringLiteral("From +62 812-9999-0000 (Budi)"));

        m_window->messageBar()->hide();
        m_window->showMessagesTab();
        if (auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter")))
            splitter->setSizes({480, 700});
        EngineFixture::screenshot(m_window.get(), QStringLiteral("console-messages"));

        SendMessageDialog *dialog = m_window->openSendDialog(session);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QComboBox *country = dialog->phoneInput()->countryBox();
        country->setCurrentIndex(country->findData(QStringLiteral("ID")));
        QTest::keyClicks(dialog->phoneInput()->lineEdit(), QStringLiteral("0812-3456-7890"));
        QTest::keyClicks(dialog->textEdit(), QStringLiteral("Hello Ibu Sari, your package is at the front desk. Reply here if you need anything."));
        dialog->sendButton()->click();
        const QString waId = handedOver(session, n);
        QVERIFY(!waId.isEmpty());
        QVERIFY(m_engine->script(session, [&](ScriptedConnection &c) { emit c.messageSent(waId, QDateTime::currentMSecsSinceEpoch()); }));
        QVERIFY(receipt(session, waId, QStringLiteral("6281234567890@s.whatsapp.net"), MessageReceipt::Kind::Delivered));
        QTRY_COMPARE(dialog->statusText(), QStringLiteral("Delivered"));
        EngineFixture::screenshot(dialog, QStringLiteral("console-send-message"));
        dialog->reject();
    }
};

QTEST_MAIN(TestMessages)
#include "tst_messages.moc"
