#include "consolecontroller.h"

#include "consolelanguage.h"
#include "core/enginefacade.h"
#include "core/logging.h"
#include "errortext.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "signindialog.h"

#include <QMessageBox>

#include <utility>

namespace wagate {

ConsoleController::ConsoleController(EngineFacade &facade, QObject *parent) : QObject(parent), m_facade(facade)
{
    m_engineReady = !facade.apiBaseUrl().isEmpty();
    connect(&facade, &EngineFacade::engineReady, this, [this] {
        m_engineReady = true;
        if (m_signIn)
            m_signIn->setEngineReady(true);
    });
    connect(&facade, &EngineFacade::engineFailed, this, &ConsoleController::engineFailed);
    connect(&facade, &EngineFacade::signInRevoked, this, &ConsoleController::signInRevoked);
}

ConsoleController::~ConsoleController()
{
    delete m_window;
    delete m_signIn;
}

SignInDialog *ConsoleController::signInDialog() const
{
    return m_signIn;
}

MainWindow *ConsoleController::mainWindow() const
{
    return m_window;
}

QWidget *ConsoleController::explainDataDirInUse(const QString &dataDir)
{
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Wagate"), tr("Another Wagate is already using %1.").arg(dataDir),
                                QMessageBox::Ok);
    box->setInformativeText(tr("Switch to the window that is already open, or start this one with another --data-dir."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->show();
    return box;
}

void ConsoleController::setLanguage(ConsoleLanguage *language)
{
    m_language = language;
}

void ConsoleController::start()
{
    showSignIn();
}

void ConsoleController::showSignIn()
{
    if (m_signIn)
        return;
    m_signIn = new SignInDialog(m_facade);
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    m_signIn->setEngineReady(m_engineReady);
    if (!m_engineFailure.isEmpty())
        m_signIn->setEngineFailed(m_engineFailure);
    connect(m_signIn, &SignInDialog::signedIn, this, &ConsoleController::showMainWindow);
    connect(m_signIn, &QDialog::rejected, this, [this] { emit quitRequested(m_engineFailure.isEmpty() ? 0 : 1); });
    m_signIn->show();
}

void ConsoleController::showMainWindow(const Principal &principal, const QString &operatorName)
{
    qCInfo(lcUi) << "signed in to" << principal.organizationId << "with" << capabilityNames(principal.capabilities);
    m_operatorName = operatorName;
    m_window = createMainWindow();
    if (m_signIn && !m_signIn->warning().isEmpty())
        m_window->messageBar()->showMessage(MessageBar::Kind::Error, m_signIn->warning());
    m_window->show();
}

MainWindow *ConsoleController::createMainWindow()
{
    auto *window = new MainWindow(m_facade);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setOperatorName(m_operatorName);
    if (m_language)
        window->setLanguage(m_language->chosen());
    connect(window, &MainWindow::signOutRequested, this, [this] {
        QMainWindow *window = m_window;
        m_window = nullptr;
        m_facade.signOut();
        showSignIn(); // first, so there is always a window to come back to
        if (window) {
            window->disconnect(this);
            window->close();
        }
    });
    connect(window, &MainWindow::languageChosen, this, &ConsoleController::switchLanguage);
    connect(window, &QObject::destroyed, this, [this] {
        if (!m_signIn)
            emit quitRequested(0);
    });
    return window;
}

void ConsoleController::switchLanguage(const QString &code)
{
    if (!m_language || !m_window || code == m_language->chosen())
        return;
    m_language->choose(code);
    QPointer<MainWindow> old = m_window;
    m_window = createMainWindow();
    m_window->restoreGeometry(old->saveGeometry());
    m_window->selectSessionWhenListed(old->currentSessionId());
    m_window->show();
    old->disconnect(this);
    old->close();
}

void ConsoleController::signInRevoked(const QString &reason)
{
    // The account or key was removed or revoked while the console was open: back to the sign-in,
    // saying why, exactly as if the operator had signed out.
    qCInfo(lcUi) << "sign-in revoked:" << reason;
    QMainWindow *window = std::exchange(m_window, nullptr);
    showSignIn();
    if (m_signIn)
        m_signIn->showSignedOutBecause(tr("You were signed out: %1").arg(ErrorText::clause(reason)));
    if (window) {
        window->disconnect(this);
        window->close();
    }
}

void ConsoleController::engineFailed(const QString &message)
{
    qCWarning(lcUi) << "engine failed:" << message;
    m_engineFailure = message;
    if (m_signIn) {
        m_signIn->setEngineFailed(message);
        return;
    }
    if (!m_window) {
        emit quitRequested(1);
        return;
    }
    // The main window shows it in its message bar; also say it where nobody can miss it.
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Wagate"),
                                tr("The gateway engine stopped: %1").arg(ErrorText::clause(message)), QMessageBox::Ok,
                                m_window);
    box->setInformativeText(tr("Sessions are not served until Wagate is restarted."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace wagate
