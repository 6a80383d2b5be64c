// The console window against a real engine on its own thread: what support staff see and can do.
// Sessions come from the console, from the HTTP API and from WhatsApp (scripted connections), and
// the window follows all of them live.
#include "enginefixture.h"
#include "ui/linknumberdialog.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/sessiondetailspane.h"
#include "ui/sessiondialog.h"
#include "ui/sessionfilterproxy.h"
#include "ui/sessionlistmodel.h"
#include "ui/sessiontimelinemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace wagate;
using namespace wagate::test;

namespace {

template<typename T>
std::optional<Result<T>> await(const std::function<void(EngineFacade::Reply<T>)> &call)
{
    // Shared, so a late answer after a timeout writes into something that still exists.
    auto out = std::make_shared<std::optional<Result<T>>>();
    call([out](Result<T> r) { *out = r; });
    if (!QTest::qWaitFor([&] { return out->has_value(); }, 15000))
        return std::nullopt;
    return *out;
}

QAbstractButton *buttonWithText(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *b : box->buttons())
        if (b->text().remove(u'&') == text)
            return b;
    return nullptr;
}

} // namespace

class TestConsole : public QObject
{
    Q_OBJECT

    std::unique_ptr<EngineFixture> m_engine;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_testers[3];
    QString m_org, m_manageKey, m_readKey;
    QMap<SessionStatus, QString> m_byStatus; //!< sessions this test function made with in()

    //! A session in this status, made for the running test function (each function starts in an
    //! organization of its own, so each can run alone and in any order). The labels and numbers are
    //! those a person would see in the screenshots.
    QString in(SessionStatus status)
    {
        if (const QString id = m_byStatus.value(status); !id.isEmpty())
            return id;
        static const QMap<SessionStatus, std::pair<const char *, const char *>> people{
            {SessionStatus::Working, {"Sales", "6281100001111"}},
            {SessionStatus::Reconnecting, {"Deliveries", "6281299990000"}},
            {SessionStatus::ScanQrCode, {"Billing", "6280000000000"}},
            {SessionStatus::PairingCode, {"Returns", "6281377776666"}},
            {SessionStatus::Stopped, {"Weekend desk", "6281455554444"}},
            {SessionStatus::Starting, {"Marketing", "6281533332222"}},
            {SessionStatus::Failed, {"Night shift", "5511987654321"}},
            {SessionStatus::LoggedOut, {"Complaints", "6281611110000"}},
            {SessionStatus::Unpaired, {"Front desk", "6280000000000"}},
        };
        const auto [label, phone] = people.value(status);
        const QString id = sessionIn(status, QString::fromLatin1(label), QString::fromLatin1(phone));
        if (!id.isEmpty())
            m_byStatus.insert(status, id);
        return id;
    }

    //! One session in each status (as the screenshots show them); false if one did not get there.
    bool oneOfEach()
    {
        for (SessionStatus s : {SessionStatus::Working, SessionStatus::Reconnecting, SessionStatus::ScanQrCode,
                                SessionStatus::PairingCode, SessionStatus::Stopped, SessionStatus::Starting,
                                SessionStatus::Failed, SessionStatus::LoggedOut, SessionStatus::Unpaired})
            if (in(s).isEmpty())
                return false;
        return true;
    }

    EngineFacade &facade() { return m_engine->facade(); }

    QString create(const QString &label)
    {
        auto r = await<SessionInfo>([&](auto done) { facade().createSession(SessionCreate{label, {}, {}, {}, {}, {}}, done); });
        return r && *r ? (*r)->id : QString();
    }

    std::optional<SessionStatus> statusOf(const QString &id)
    {
        const SessionInfo *s = m_window->model()->session(id);
        return s ? std::optional(s->status) : std::nullopt;
    }

    bool waitForStatus(const QString &id, SessionStatus status)
    {
        return QTest::qWaitFor([&] { return statusOf(id) == status; }, 10000);
    }

    //! The words the table shows in the Status column for a session.
    QString statusWords(const QString &id)
    {
        const int row = m_window->model()->rowOf(id);
        const QModelIndex i = m_window->proxy()->mapFromSource(m_window->model()->index(row, SessionListModel::StatusColumn));
        return i.data().toString();
    }

    //! A new session in a status, reached the way WhatsApp and the operator would, and shown.
    QString sessionIn(SessionStatus status, const QString &label, const QString &phone)
    {
        const QString id = m_engine->sessionIn(status, label, phone);
        return !id.isEmpty() && waitForStatus(id, status) ? id : QString();
    }

    void select(const QString &id) { m_window->selectSession(id); }

    //! Keyboard tests need the window in front (dialogs opened earlier may have taken it).
    bool activate()
    {
        m_window->activateWindow();
        return QTest::qWaitForWindowActive(m_window.get());
    }

    void openWindow(const QString &operatorName)
    {
        for (auto &t : m_testers)
            t.reset();
        m_window = std::make_unique<MainWindow>(facade());
        m_window->setOperatorName(operatorName);
        m_testers[0] = std::make_unique<QAbstractItemModelTester>(m_window->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_testers[1] = std::make_unique<QAbstractItemModelTester>(m_window->proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_testers[2] = std::make_unique<QAbstractItemModelTester>(m_window->timeline(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTRY_VERIFY(m_window->model()->isLoaded());
    }

private slots:
    void initTestCase()
    {
        m_engine = std::make_unique<EngineFixture>();
        QVERIFY(m_engine->start());
        QVERIFY(m_engine->useScriptedConnections());
    }

    //! Every test function (and data row) starts in a new organization, signed in, with an open
    //! window: none depends on what another left behind.
    void init()
    {
        m_byStatus.clear();
        m_org = m_engine->createOrganization(QStringLiteral("Acme Support"));
        QVERIFY(!m_org.isEmpty());
        m_manageKey = m_engine->createApiKey(m_org, QStringLiteral("console"), Capability::Read | Capability::Manage | Capability::Admin);
        m_readKey = m_engine->createApiKey(m_org, QStringLiteral("viewer"), Capability::Read);
        QVERIFY(m_manageKey.startsWith(QStringLiteral("wgk_")) && m_readKey.startsWith(QStringLiteral("wgk_")));
        QVERIFY(m_engine->signIn(m_manageKey));
        openWindow(QStringLiteral("alice"));
    }

    void cleanup()
    {
        for (auto &t : m_testers)
            t.reset();
        m_window.reset();
        facade().signOut();
    }

    void cleanupTestCase()
    {
        m_engine.reset();
    }

    void theWindowSaysWhoAndWhere()
    {
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Wagate — Acme Support (operator: alice)"));
        QCOMPARE(m_window->apiText(), QStringLiteral("API ") + m_engine->baseUrl());
        QCOMPARE(m_window->engineText(), QStringLiteral("engine OK"));
        QCOMPARE(m_window->countsText(), QStringLiteral("no sessions"));
        QVERIFY(m_window->newAction()->isEnabled());
    }

    void aNewSessionFromTheDialogAppearsAndIsSelected()
    {
        SessionDialog *dialog = m_window->openNewSessionDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(!dialog->submitButton()->isEnabled()); // no label yet
        QTest::keyClicks(dialog->labelEdit(), QStringLiteral("   "));
        QVERIFY(!dialog->submitButton()->isEnabled());
        QVERIFY(dialog->labelProblem().contains(QStringLiteral("name")));
        dialog->labelEdit()->clear();
        QTest::keyClicks(dialog->labelEdit(), QStringLiteral("Support line"));
        QVERIFY(dialog->labelProblem().isEmpty());
        QCOMPARE(dialog->ratePerMinBox()->maximum(), limits::kMaxRatePerMin);
        QCOMPARE(dialog->ratePerHourBox()->maximum(), limits::kMaxRatePerHour);
        dialog->ratePerMinBox()->setValue(30);
        dialog->ratePerHourBox()->setValue(20);
        EngineFixture::screenshot(dialog, QStringLiteral("new-session-dialog"));
        dialog->ratePerHourBox()->setValue(900);
        dialog->autoReadBox()->setChecked(true);
        QSignalSpy saved(dialog, &SessionDialog::saved);
        dialog->submitButton()->click();
        QVERIFY(saved.wait());
        const auto s = saved.first().first().value<SessionInfo>();
        QCOMPARE(s.ratePerMin, 30);
        QCOMPARE(s.ratePerHour, 900);
        QVERIFY(s.autoRead);
        QTRY_COMPARE(m_window->currentSessionId(), s.id);
        QCOMPARE(m_window->details()->titleText(), QStringLiteral("Support line"));
        QCOMPARE(statusWords(s.id), QStringLiteral("Not linked"));
        QVERIFY(m_window->details()->problemText().contains(QStringLiteral("No WhatsApp number is linked")));
        QCOMPARE(m_window->countsText(), QStringLiteral("1 not linked"));
    }

    void sessionsMadeByScriptsAppearWithoutARefresh()
    {
        auto created = m_engine->http("POST", QStringLiteral("/api/v1/sessions"), m_manageKey, {{QStringLiteral("label"), QStringLiteral("From a script")}});
        QCOMPARE(created.status, 201);
        const QString id = created.json.value(QStringLiteral("id")).toString();
        QTRY_VERIFY(m_window->model()->session(id));
        QCOMPARE(m_window->model()->session(id)->label, QStringLiteral("From a script"));

        auto patched = m_engine->http("PATCH", QStringLiteral("/api/v1/sessions/") + id, m_manageKey,
                                      {{QStringLiteral("label"), QStringLiteral("Renamed by a script")}});
        QCOMPARE(patched.status, 200);
        QTRY_COMPARE(m_window->model()->session(id)->label, QStringLiteral("Renamed by a script"));

        auto removed = m_engine->http("DELETE", QStringLiteral("/api/v1/sessions/") + id, m_manageKey);
        QCOMPARE(removed.status, 204);
        QTRY_VERIFY(!m_window->model()->session(id));
    }

    void everyStatusInWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("words");
        QTest::newRow("working") << int(SessionStatus::Working) << "Sales" << "6281100001111" << "Working";
        QTest::newRow("reconnecting") << int(SessionStatus::Reconnecting) << "Deliveries" << "6281299990000" << "Reconnecting";
        QTest::newRow("scan qr code") << int(SessionStatus::ScanQrCode) << "Billing" << "" << "Scan the QR code";
        QTest::newRow("pairing code") << int(SessionStatus::PairingCode) << "Returns" << "6281377776666" << "Enter the code on the phone";
        QTest::newRow("stopped") << int(SessionStatus::Stopped) << "Weekend desk" << "6281455554444" << "Stopped";
        QTest::newRow("starting") << int(SessionStatus::Starting) << "Marketing" << "6281533332222" << "Starting";
        QTest::newRow("failed") << int(SessionStatus::Failed) << "Night shift" << "5511987654321" << "Failed";
        QTest::newRow("logged out") << int(SessionStatus::LoggedOut) << "Complaints" << "6281611110000" << "Logged out";
    }
    void everyStatusInWords()
    {
        QFETCH(int, status);
        QFETCH(QString, label);
        QFETCH(QString, phone);
        QFETCH(QString, words);
        const QString id = sessionIn(SessionStatus(status), label, phone.isEmpty() ? QStringLiteral("6280000000000") : phone);
        QVERIFY2(!id.isEmpty(), "the session did not reach the status");
        QCOMPARE(statusWords(id), words);
        select(id);
        QVERIFY(m_window->details()->statusText().contains(words));
        if (SessionStatus(status) == SessionStatus::Working) {
            QCOMPARE(m_window->details()->phoneText(), QStringLiteral("+62 811-0000-1111"));
            QCOMPARE(m_window->table()->currentIndex().siblingAtColumn(SessionListModel::PhoneColumn).data().toString(),
                     QStringLiteral("+62 811-0000-1111"));
            QCOMPARE(m_window->table()->currentIndex().siblingAtColumn(SessionListModel::LastConnectedColumn).data().toString(),
                     QStringLiteral("just now"));
        }
    }

    void theStatusBarCountsSessionsPerStatus()
    {
        QVERIFY(oneOfEach());
        QTRY_VERIFY(m_window->countsText().contains(QStringLiteral("1 logged out")));
        const QString counts = m_window->countsText();
        for (const QString &part : {QStringLiteral("1 working"), QStringLiteral("1 reconnecting"), QStringLiteral("1 starting"),
                                    QStringLiteral("2 waiting for a phone"), QStringLiteral("1 stopped"), QStringLiteral("1 not linked"),
                                    QStringLiteral("1 failed"), QStringLiteral("1 logged out")})
            QVERIFY2(counts.contains(part), qPrintable(counts));
    }

    void aStatusChangeShowsUpLive()
    {
        QVERIFY(!in(SessionStatus::Working).isEmpty());
        const QString id = in(SessionStatus::Reconnecting);
        QVERIFY(!id.isEmpty());
        select(id);
        QVERIFY(m_window->details()->problemText().contains(QStringLiteral("reconnecting by itself")));
        QVERIFY(m_engine->script(id, [](ScriptedConnection &c) { emit c.loggedIn(); }));
        QTRY_COMPARE(statusWords(id), QStringLiteral("Working"));
        QTRY_VERIFY(m_window->details()->statusText().contains(QStringLiteral("Working")));
        QCOMPARE(m_window->details()->problemText(), QString()); // nothing to do any more
        QTRY_VERIFY(m_window->countsText().contains(QStringLiteral("2 working")));
        // and back, so the screenshots show one of each
        QVERIFY(m_engine->script(id, [](ScriptedConnection &c) {
            emit c.disconnected(DisconnectKind::Retryable, QStringLiteral("keepalive_timeout"), QStringLiteral("No answer to keepalive."));
        }));
        QVERIFY(waitForStatus(id, SessionStatus::Reconnecting));
    }

    void aFailedSessionSaysWhyAndOffersTheFix()
    {
        const QString id = in(SessionStatus::Failed);
        select(id);
        SessionDetailsPane *details = m_window->details();
        QCOMPARE(details->problemText(), QStringLiteral("Another connection took over this number. "
                                                        "Make sure only one gateway uses this number, then try again."));
        QCOMPARE(details->problemButton()->text(), QStringLiteral("Try again"));
        QVERIFY(details->problemButton()->isEnabled());
        // The timeline tells the story, newest first.
        QTRY_VERIFY(m_window->timeline()->isLoaded());
        QTRY_COMPARE(m_window->timeline()->rowCount(), 4); // asked to link, linked, working, failed
        const QString newest = m_window->timeline()->index(0).data().toString();
        QVERIFY2(newest.endsWith(QStringLiteral("Failed — WhatsApp refused the connection")), qPrintable(newest));
        QVERIFY(m_window->startAction()->isEnabled());
        QVERIFY(!m_window->stopAction()->isEnabled());
        QVERIFY(!m_window->linkAction()->isEnabled()); // it still has its number
        QVERIFY(m_window->linkAction()->toolTip().contains(QStringLiteral("already has a number")));
        EngineFixture::screenshot(m_window.get(), QStringLiteral("main-window-failed-session"));
        EngineFixture::screenshot(details, QStringLiteral("details-failed"));

        details->problemButton()->click(); // the fix, right there: start again
        QVERIFY(waitForStatus(id, SessionStatus::Starting));
        QVERIFY(m_engine->script(id, [](ScriptedConnection &c) { emit c.loggedIn(); }));
        QVERIFY(waitForStatus(id, SessionStatus::Working));
        QTRY_COMPARE(details->problemText(), QString());
        QVERIFY(m_engine->script(id, [](ScriptedConnection &c) {
            emit c.disconnected(DisconnectKind::Replaced, QStringLiteral("replaced"), QStringLiteral("Replaced."));
        }));
        QVERIFY(waitForStatus(id, SessionStatus::Failed));
    }

    void startAndStopFromTheToolbar()
    {
        const QString id = in(SessionStatus::Stopped);
        select(id);
        QVERIFY(m_window->startAction()->isEnabled());
        QVERIFY(!m_window->stopAction()->isEnabled());
        QVERIFY(m_window->stopAction()->toolTip().contains(QStringLiteral("not running")));
        m_window->startAction()->trigger();
        QVERIFY(waitForStatus(id, SessionStatus::Starting));
        QTRY_VERIFY(m_window->stopAction()->isEnabled());
        QVERIFY(!m_window->startAction()->isEnabled());
        m_window->stopAction()->trigger();
        QVERIFY(waitForStatus(id, SessionStatus::Stopped));
        QTRY_VERIFY(m_window->startAction()->isEnabled());

        // A session without a number cannot start, and the button says why.
        select(in(SessionStatus::ScanQrCode));
        QVERIFY(!m_window->startAction()->isEnabled());
        QVERIFY(m_window->startAction()->toolTip().contains(QStringLiteral("no number yet")));
    }

    void theFilterFindsByLabelPhoneAndStatus()
    {
        QVERIFY(oneOfEach());
        QVERIFY(activate());
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(m_window->filterEdit()->hasFocus());
        QTest::keyClicks(m_window->filterEdit(), QStringLiteral("811-0000"));
        QTRY_COMPARE(m_window->proxy()->rowCount(), 1);
        QCOMPARE(m_window->proxy()->index(0, 0).data().toString(), QStringLiteral("Sales"));
        m_window->filterEdit()->clear();
        QTest::keyClicks(m_window->filterEdit(), QStringLiteral("night"));
        QCOMPARE(m_window->proxy()->rowCount(), 1);
        QTest::keyClicks(m_window->filterEdit(), QStringLiteral(" xyz"));
        QCOMPARE(m_window->proxy()->rowCount(), 0);
        m_window->filterEdit()->clear();
        QCOMPARE(m_window->proxy()->rowCount(), m_window->model()->rowCount());

        QComboBox *statuses = m_window->statusFilterBox();
        statuses->setCurrentIndex(statuses->findText(QStringLiteral("Needs attention")));
        QStringList shown;
        for (int r = 0; r < m_window->proxy()->rowCount(); ++r)
            shown << m_window->proxy()->index(r, SessionListModel::StatusColumn).data().toString();
        shown.sort();
        QCOMPARE(shown, (QStringList{QStringLiteral("Failed"), QStringLiteral("Logged out"), QStringLiteral("Reconnecting")}));
        statuses->setCurrentIndex(statuses->findText(QStringLiteral("Working")));
        QCOMPARE(m_window->proxy()->rowCount(), 1);
        statuses->setCurrentIndex(0);
        QCOMPARE(m_window->proxy()->rowCount(), m_window->model()->rowCount());
    }

    void enterOpensTheDetails()
    {
        select(in(SessionStatus::Failed));
        QVERIFY(activate());
        m_window->table()->setFocus();
        QTRY_VERIFY(m_window->table()->hasFocus());
        QTest::keyClick(m_window->table(), Qt::Key_Return);
        QTRY_VERIFY(m_window->details()->isAncestorOf(QApplication::focusWidget()));
        QCOMPARE(QApplication::focusWidget(), m_window->details()->problemButton());
    }

    void deleteAsksFirst()
    {
        const QString id = create(QStringLiteral("Temporary"));
        QTRY_VERIFY(m_window->model()->session(id));
        select(id);
        QVERIFY(activate());
        m_window->table()->setFocus();
        QTRY_VERIFY(m_window->table()->hasFocus());

        QTest::keyClick(m_window->table(), Qt::Key_Delete);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("confirmDelete"))) && box->isVisible());
        QCOMPARE(box->text(), QStringLiteral("Delete “Temporary”?"));
        QAbstractButton *cancel = buttonWithText(box, QStringLiteral("Cancel"));
        QVERIFY(cancel);
        QCOMPARE(static_cast<QAbstractButton *>(box->defaultButton()), cancel); // Enter does not delete
        cancel->click();
        QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("confirmDelete")));
        QVERIFY(m_window->model()->session(id)); // still there
        QVERIFY(activate());
        m_window->table()->setFocus();
        QTRY_VERIFY(m_window->table()->hasFocus());

        QTest::keyClick(m_window->table(), Qt::Key_Delete);
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("confirmDelete"))) && box->isVisible());
        QAbstractButton *yes = buttonWithText(box, QStringLiteral("Delete"));
        QVERIFY(yes);
        yes->click();
        QTRY_VERIFY(!m_window->model()->session(id));
        QVERIFY(m_window->currentSessionId() != id);
    }

    void deleteInTheFilterFieldEditsTheFilter()
    {
        QVERIFY(activate());
        m_window->filterEdit()->setFocus();
        QTRY_VERIFY(m_window->filterEdit()->hasFocus());
        QTest::keyClicks(m_window->filterEdit(), QStringLiteral("ab"));
        QTest::keyClick(m_window->filterEdit(), Qt::Key_Home);
        QTest::keyClick(m_window->filterEdit(), Qt::Key_Delete);
        QCOMPARE(m_window->filterEdit()->text(), QStringLiteral("b"));
        QVERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("confirmDelete")));
        m_window->filterEdit()->clear();
    }

    void screenshotsOfTheWholeWindow()
    {
        QVERIFY(oneOfEach());
        select(in(SessionStatus::Working));
        QTRY_VERIFY(m_window->timeline()->isLoaded() && m_window->timeline()->rowCount() > 0);
        m_window->messageBar()->hide();
        EngineFixture::screenshot(m_window.get(), QStringLiteral("main-window"));
    }

    void editedSettingsShowInTheDetails()
    {
        const QString id = in(SessionStatus::Stopped);
        select(id);
        SessionDialog *dialog = m_window->openEditDialog(id);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->labelEdit()->text(), QStringLiteral("Weekend desk"));
        dialog->ratePerMinBox()->setValue(5);
        dialog->typingBox()->setChecked(false);
        dialog->submitButton()->click();
        QTRY_COMPARE(m_window->model()->session(id)->ratePerMin, 5);
        QVERIFY(!m_window->model()->session(id)->presenceTyping);
        QTRY_VERIFY(m_window->details()->findChild<QLabel *>() != nullptr);
        bool shown = false;
        for (QLabel *l : m_window->details()->findChildren<QLabel *>())
            shown = shown || l->text() == QStringLiteral("5/min · 600/h");
        QVERIFY(shown);

        // The engine's own checks come back in words, in the dialog.
        dialog = m_window->openEditDialog(id);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->labelEdit()->setText(QStringLiteral("Bad\tname"));
        QVERIFY(!dialog->submitButton()->isEnabled());
        QVERIFY(dialog->labelProblem().contains(QStringLiteral("control characters")));
        dialog->reject();
    }

    void numbersAreCopiedAsDigits()
    {
        select(in(SessionStatus::Working));
        QCOMPARE(m_window->details()->phoneText(), QStringLiteral("+62 811-0000-1111")); // formatted to read …
        m_window->details()->copyPhoneButton()->click();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("6281100001111")); // … copied as digits
        m_window->copyApiButton()->click();
        QCOMPARE(QApplication::clipboard()->text(), m_engine->baseUrl());
    }

    void aLoggedOutSessionOffersToLinkAgain()
    {
        const QString id = in(SessionStatus::LoggedOut);
        select(id);
        SessionDetailsPane *details = m_window->details();
        QCOMPARE(details->problemText(), QStringLiteral("The phone unlinked this device. Link the number again."));
        QCOMPARE(details->phoneText(), QStringLiteral("+62 816-1111-0000"));
        QVERIFY(m_window->linkAction()->isEnabled());
        details->problemButton()->click();
        LinkNumberDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<LinkNumberDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Link a number to “Complaints”"));
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::Requesting);
        dialog->reject();
        QTRY_VERIFY(!m_window->findChild<LinkNumberDialog *>());
        // Cancelling ends the pairing it began: the number is simply not linked now.
        QTRY_COMPARE(statusWords(id), QStringLiteral("Not linked"));
    }

    void aReadOnlySignInSeesButCannotChange()
    {
        QVERIFY(oneOfEach());
        for (auto &t : m_testers)
            t.reset();
        m_window.reset();
        facade().signOut();
        QVERIFY(m_engine->signIn(m_readKey));
        openWindow(QStringLiteral("viewer"));
        QCOMPARE(m_window->model()->rowCount(), m_byStatus.size());
        select(in(SessionStatus::Failed));
        QCOMPARE(m_window->details()->problemText().isEmpty(), false); // reading is allowed
        QTRY_VERIFY(m_window->timeline()->isLoaded() && m_window->timeline()->rowCount() > 0);
        for (QAction *a : {m_window->newAction(), m_window->startAction(), m_window->stopAction(), m_window->linkAction(),
                           m_window->deleteAction(), m_window->logoutAction(), m_window->editAction()}) {
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
            QVERIFY2(a->toolTip().contains(QStringLiteral("“manage” permission")), qPrintable(a->toolTip()));
        }
        // The toolbar button a person hovers says the same.
        QToolBar *toolbar = m_window->findChild<QToolBar *>(QStringLiteral("sessionsToolBar"));
        auto *newButton = qobject_cast<QToolButton *>(toolbar->widgetForAction(m_window->newAction()));
        QVERIFY(newButton && !newButton->isEnabled());
        QVERIFY(newButton->toolTip().contains(QStringLiteral("manage")));
        QVERIFY(!m_window->details()->problemButton()->isEnabled());
        QVERIFY(m_window->details()->problemButton()->toolTip().contains(QStringLiteral("manage")));
        QVERIFY(!m_window->openNewSessionDialog());

        QVERIFY(activate());
        m_window->table()->setFocus();
        QTRY_VERIFY(m_window->table()->hasFocus());
        QTest::keyClick(m_window->table(), Qt::Key_Delete);
        QVERIFY(!m_window->findChild<QMessageBox *>()); // nothing offered that would be refused
        EngineFixture::screenshot(m_window.get(), QStringLiteral("main-window-read-only"));
    }
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
