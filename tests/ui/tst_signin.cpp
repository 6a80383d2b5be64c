// Signing in: remembered profiles, a new profile, a one-off sign-in; a keychain that does not work
// is said plainly and nothing insecure is offered instead. Then the console's whole course with a
// real engine: sign in, the window, sign out, and an engine that cannot start, in plain words.
#include "enginefixture.h"
#include "fakefacade.h"
#include "ui/consolecontroller.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace wagate;
using namespace wagate::test;

namespace {

QAbstractButton *buttonWithText(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *b : box->buttons())
        if (b->text().remove(u'&') == text)
            return b;
    return nullptr;
}

SignInProfile profile(const QString &id, const QString &name, SignInProfile::Kind kind, const QString &user = {})
{
    SignInProfile p;
    p.id = id;
    p.displayName = name;
    p.kind = kind;
    p.username = user;
    p.organizationId = QStringLiteral("org_1");
    return p;
}

} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT

private slots:
    void aBrokenKeychainIsSaidPlainlyAndNothingIsStored()
    {
        FakeFacade facade;
        facade.keychain = QStringLiteral("the OS keychain is not available (no Secret Service on the session bus)");
        SignInDialog dialog(facade);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.page(), SignInDialog::FormPage);
        QCOMPARE(dialog.keychainNotice(),
                 QStringLiteral("The system keychain is not available, so sign-ins cannot be remembered on this computer. "
                                "Nothing is saved; you can still sign in each time."));
        QCOMPARE(dialog.keychainDetail(),
                 QStringLiteral("Details: the OS keychain is not available (no Secret Service on the session bus)."));
        QVERIFY(!dialog.rememberBox()->isEnabled());
        QVERIFY(!dialog.rememberBox()->isChecked());
        QVERIFY(!dialog.addButton()->isEnabled());
        QVERIFY(dialog.profileNameEdit()->isHidden());

        QVERIFY(!dialog.signInButton()->isEnabled()); // nothing typed yet
        dialog.apiKeyKind()->click();
        QTest::keyClicks(dialog.apiKeyEdit(), QStringLiteral("wgk_wrong"));
        QVERIFY(dialog.signInButton()->isEnabled());
        EngineFixture::screenshot(&dialog, QStringLiteral("sign-in-no-keychain"));
        dialog.signInButton()->click();
        QCOMPARE(facade.calls, QStringList{QStringLiteral("key")}); // signed in directly, nothing stored
        QCOMPARE(dialog.errorText(), QStringLiteral("These credentials were not accepted. Check them and try again."));
        QVERIFY(dialog.isVisible());
    }

    void theOrganizationIsChosenByName_data()
    {
        QTest::addColumn<QStringList>("organizations"); // id=name pairs in the database
        QTest::addColumn<int>("choose");                // an item of the list, or -1 to type
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expectedId");        // what the sign-in names; "" = cannot sign in
        const QStringList one{QStringLiteral("org_1=Acme Support")};
        const QStringList two{QStringLiteral("org_1=Acme Support"), QStringLiteral("org_2=Beta Care")};
        QTest::newRow("the only one is already chosen") << one << -1 << QString() << "org_1";
        QTest::newRow("picked from the list") << two << 1 << QString() << "org_2";
        QTest::newRow("its name typed, any case") << two << -1 << "beta care" << "org_2";
        QTest::newRow("an id from the administrator") << two << -1 << "org_9" << "org_9";
        QTest::newRow("two, none chosen yet") << two << -1 << QString() << "";
        QTest::newRow("the same name twice shows the ids")
            << QStringList{QStringLiteral("org_1=Acme"), QStringLiteral("org_2=Acme")} << 1 << QString() << "org_2";
        QTest::newRow("none in the database, id typed") << QStringList{} << -1 << "org_1" << "org_1";
    }
    void theOrganizationIsChosenByName()
    {
        QFETCH(QStringList, organizations);
        QFETCH(int, choose);
        QFETCH(QString, typed);
        QFETCH(QString, expectedId);
        FakeFacade facade;
        for (const QString &o : organizations)
            facade.organizations.append({o.section(u'=', 0, 0), o.section(u'=', 1)});
        SignInDialog dialog(facade);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.accountKind()->click();
        QCOMPARE(dialog.organizationBox()->count(), organizations.size());
        if (organizations.size() == 2 && organizations[0].section(u'=', 1) == organizations[1].section(u'=', 1))
            QCOMPARE(dialog.organizationBox()->itemText(1), QStringLiteral("Acme (org_2)"));
        if (choose >= 0)
            dialog.organizationBox()->setCurrentIndex(choose);
        if (!typed.isEmpty()) {
            dialog.organizationEdit()->clear();
            QTest::keyClicks(dialog.organizationEdit(), typed);
            dialog.organizationEdit()->setText(typed); // what the inline completion may have added
        }
        QTest::keyClicks(dialog.usernameEdit(), QStringLiteral("alice"));
        QTest::keyClicks(dialog.passwordEdit(), QStringLiteral("secret"));
        QCOMPARE(dialog.organizationId(), expectedId);
        QCOMPARE(dialog.signInButton()->isEnabled(), !expectedId.isEmpty());
        if (QByteArray(QTest::currentDataTag()) == "picked from the list")
            EngineFixture::screenshot(&dialog, QStringLiteral("sign-in-operator-account"));
        if (expectedId.isEmpty())
            return;
        dialog.signInButton()->click();
        QCOMPARE(facade.calls, QStringList{QStringLiteral("password")});
        QCOMPARE(facade.passwordOrganization, expectedId);
    }

    void eachKindAsksForWhatItNeeds_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("call");
        QTest::newRow("operator account") << "account" << "password";
        QTest::newRow("api key") << "key" << "key";
        QTest::newRow("login token") << "token" << "token";
    }
    void eachKindAsksForWhatItNeeds()
    {
        QFETCH(QString, kind);
        QFETCH(QString, call);
        FakeFacade facade;
        facade.keychain = QStringLiteral("no keychain");
        SignInDialog dialog(facade);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        if (kind == u"account") {
            dialog.accountKind()->click();
            QVERIFY(dialog.usernameEdit()->isVisible() && dialog.passwordEdit()->isVisible() && !dialog.apiKeyEdit()->isVisible());
            QTest::keyClicks(dialog.organizationEdit(), QStringLiteral("org_1"));
            QTest::keyClicks(dialog.usernameEdit(), QStringLiteral("alice"));
            QVERIFY(!dialog.signInButton()->isEnabled()); // the password is missing
            QTest::keyClicks(dialog.passwordEdit(), QStringLiteral("secret"));
            QCOMPARE(dialog.passwordEdit()->echoMode(), QLineEdit::Password);
        } else if (kind == u"key") {
            dialog.apiKeyKind()->click();
            QTest::keyClicks(dialog.apiKeyEdit(), QStringLiteral("wgk_x"));
            QCOMPARE(dialog.apiKeyEdit()->echoMode(), QLineEdit::Password);
        } else {
            dialog.tokenKind()->click();
            QVERIFY(dialog.tokenEdit()->isVisible());
            QTest::keyClicks(dialog.tokenEdit(), QStringLiteral("a.b.c"));
        }
        QVERIFY(dialog.signInButton()->isEnabled());
        dialog.signInButton()->click();
        QCOMPARE(facade.calls, QStringList{call});
    }

    void rememberedProfilesAreListedUsedAndForgotten()
    {
        FakeFacade facade;
        facade.profileList = {profile(QStringLiteral("prf_1"), QStringLiteral("alice @ Acme Support — this computer"),
                                      SignInProfile::Kind::LocalAccount, QStringLiteral("alice")),
                              profile(QStringLiteral("prf_2"), QStringLiteral("ops script key — Acme"), SignInProfile::Kind::ApiKey)};
        SignInDialog dialog(facade);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.page(), SignInDialog::ProfilesPage);
        QCOMPARE(dialog.keychainNotice(), QString());
        QCOMPARE(dialog.profileList()->count(), 2);
        QCOMPARE(dialog.profileList()->item(0)->text(), QStringLiteral("alice @ Acme Support — this computer\noperator account alice"));
        QCOMPARE(dialog.profileList()->item(1)->text(), QStringLiteral("ops script key — Acme\nAPI key"));
        EngineFixture::screenshot(&dialog, QStringLiteral("sign-in-profiles"));

        dialog.profileList()->setCurrentRow(0);
        dialog.signInButton()->click();
        QCOMPARE(facade.calls, QStringList{QStringLiteral("profile:prf_1")});
        QVERIFY(!dialog.errorText().isEmpty());

        dialog.profileList()->setCurrentRow(1);
        dialog.removeButton()->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog.findChild<QMessageBox *>()) && box->isVisible());
        QVERIFY(box->text().contains(QStringLiteral("ops script key")));
        QCOMPARE(static_cast<QAbstractButton *>(box->defaultButton()), buttonWithText(box, QStringLiteral("Cancel")));
        box->defaultButton()->click();
        QTRY_VERIFY(!dialog.findChild<QMessageBox *>());
        QCOMPARE(facade.calls.size(), 1); // nothing forgotten
        dialog.removeButton()->click();
        QTRY_VERIFY((box = dialog.findChild<QMessageBox *>()) && box->isVisible());
        buttonWithText(box, QStringLiteral("Remove"))->click();
        QTRY_COMPARE(facade.calls.last(), QStringLiteral("remove:prf_2"));

        dialog.addButton()->click();
        QCOMPARE(dialog.page(), SignInDialog::FormPage);
        QVERIFY(dialog.rememberBox()->isEnabled() && dialog.rememberBox()->isChecked());
        QVERIFY(dialog.profileNameEdit()->isVisible());
        dialog.apiKeyKind()->click();
        QTest::keyClicks(dialog.apiKeyEdit(), QStringLiteral("wgk_x"));
        dialog.signInButton()->click();
        // A key that does not work is not remembered.
        QCOMPARE(facade.calls.last(), QStringLiteral("key"));
        QVERIFY(!dialog.errorText().isEmpty());
        // One that works is, with the organization it belongs to.
        Principal p;
        p.kind = Principal::Kind::ApiKey;
        p.organizationId = QStringLiteral("org_42");
        p.apiKeyId = QStringLiteral("key_1");
        facade.acceptKeys = p;
        QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
        dialog.signInButton()->click();
        QCOMPARE(facade.calls.mid(facade.calls.size() - 2), (QStringList{QStringLiteral("key"), QStringLiteral("addProfile")}));
        QCOMPARE(facade.lastAdded.organizationId, QStringLiteral("org_42"));
        QCOMPARE(facade.lastAdded.kind, SignInProfile::Kind::ApiKey);
        QCOMPARE(facade.lastAdded.displayName, QStringLiteral("API key — this computer"));
        QCOMPARE(signedIn.count(), 1);
        QCOMPARE(dialog.warning(), QString());
    }

    void theConsoleFromSignInToSignOut()
    {
        // With a Secret Service on the session bus (ctest runs this inside a private one with a fresh
        // gnome-keyring) the key is remembered and used again; without one the console says so and
        // signs in without remembering.
        const bool keyring = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
        EngineFixture engine;
        ConsoleController controller(engine.facade());
        QSignalSpy quit(&controller, &ConsoleController::quitRequested);
        controller.start();
        SignInDialog *dialog = controller.signInDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->apiKeyKind()->click();
        QTest::keyClicks(dialog->apiKeyEdit(), QStringLiteral("wgk_placeholder"));
        QVERIFY(!dialog->signInButton()->isEnabled()); // the engine is still starting
        QVERIFY(engine.start());
        const QString org = engine.createOrganization(QStringLiteral("Acme Support"));
        const QString key = engine.createApiKey(org, QStringLiteral("desk"), Capability::Read | Capability::Manage);
        QTRY_VERIFY(dialog->signInButton()->isEnabled());
        if (!keyring) {
            QTRY_VERIFY(!dialog->keychainNotice().isEmpty());
            QVERIFY(!dialog->rememberBox()->isEnabled() && !dialog->rememberBox()->isChecked());
        }

        dialog->rememberBox()->setChecked(false); // a wrong key is not worth remembering
        dialog->signInButton()->click();
        QTRY_COMPARE(dialog->errorText(), QStringLiteral("These credentials were not accepted. Check them and try again."));
        dialog->apiKeyEdit()->clear();
        QTest::keyClicks(dialog->apiKeyEdit(), key);
        if (keyring) {
            QVERIFY2(engine.facade().keychainProblem().isEmpty(), qPrintable(engine.facade().keychainProblem()));
            dialog->rememberBox()->setChecked(true);
            dialog->profileNameEdit()->setText(QStringLiteral("Front desk key — this computer")); // keyClicks types ASCII only
        }
        EngineFixture::screenshot(dialog, QStringLiteral("sign-in"));
        QPointer<SignInDialog> watched(dialog); // it closes (and goes) once signed in
        dialog->signInButton()->click();
        QTRY_VERIFY2(controller.mainWindow(), qPrintable(watched ? watched->errorText() : QString()));
        MainWindow *window = controller.mainWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->windowTitle(), keyring ? QStringLiteral("Wagate — Acme Support (operator: Front desk key — this computer)")
                                                : QStringLiteral("Wagate — Acme Support (operator: key “%1”)")
                                                      .arg(engine.facade().principal()->displayName));
        QTRY_VERIFY(!controller.signInDialog());

        window->signOutAction()->trigger();
        QTRY_VERIFY(controller.signInDialog() && controller.signInDialog()->isVisible());
        QTRY_VERIFY(!controller.mainWindow());
        QVERIFY(!engine.facade().principal());
        QCOMPARE(quit.count(), 0); // signing out is not leaving
        dialog = controller.signInDialog();
        if (keyring) {
            // The remembered profile is offered first, and signs in without typing the key again.
            QCOMPARE(dialog->page(), SignInDialog::ProfilesPage);
            QCOMPARE(dialog->profileList()->count(), 1);
            QVERIFY(dialog->profileList()->item(0)->text().startsWith(QStringLiteral("Front desk key — this computer")));
            EngineFixture::screenshot(dialog, QStringLiteral("sign-in-profiles-keychain"));
            dialog->signInButton()->click();
            QTRY_VERIFY(controller.mainWindow());
            QVERIFY(engine.facade().principal());
            controller.mainWindow()->signOutAction()->trigger();
            QTRY_VERIFY(controller.signInDialog() && controller.signInDialog()->isVisible());
            dialog = controller.signInDialog();
        } else {
            QCOMPARE(dialog->page(), SignInDialog::FormPage); // nothing was remembered
        }
        dialog->reject();
        QTRY_COMPARE(quit.count(), 1);
        QCOMPARE(quit.first().first().toInt(), 0);
    }

    void aDataDirectoryInUseIsExplained()
    {
        QPointer<QWidget> box = ConsoleController::explainDataDirInUse(QStringLiteral("/srv/wagate"));
        auto *message = qobject_cast<QMessageBox *>(box.data());
        QVERIFY(message && message->isVisible());
        QCOMPARE(message->text(), QStringLiteral("Another Wagate is already using /srv/wagate."));
        QVERIFY(message->informativeText().contains(QStringLiteral("--data-dir")));
        message->button(QMessageBox::Ok)->click();
        QTRY_VERIFY(!box); // gone once read
    }

    void anEngineThatCannotStartIsExplained()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("not-a-directory")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        EngineConfig config;
        config.database.sqlitePath = blocker.fileName() + QStringLiteral("/wagate.db"); // a file where a directory should be
        config.auth.secrets = QStringLiteral("file:") + dir.filePath(QStringLiteral("secrets"));
        ApiConfig api;
        api.port = 0;
        EngineHost host(config, api);
        EngineFacadeImpl facade(host, dir.path());
        ConsoleController controller(facade);
        QSignalSpy quit(&controller, &ConsoleController::quitRequested);
        controller.start();
        host.start();
        SignInDialog *dialog = controller.signInDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->findChild<QLabel *>() && !dialog->signInButton()->isEnabled());
        QString said;
        QTRY_VERIFY([&] {
            for (QLabel *l : dialog->findChildren<QLabel *>())
                if (l->isVisible() && l->text().startsWith(QStringLiteral("The gateway engine could not start:")))
                    said = l->text();
            return !said.isEmpty();
        }());
        QVERIFY2(said.size() > 40, qPrintable(said)); // with the reason, not just "error"
        EngineFixture::screenshot(dialog, QStringLiteral("sign-in-engine-failed"));
        dialog->reject();
        QTRY_COMPARE(quit.count(), 1);
        QCOMPARE(quit.first().first().toInt(), 1);
        host.stop();
    }
};

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
