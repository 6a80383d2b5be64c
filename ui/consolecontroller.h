#pragma once

#include "core/principal.h"

#include <QObject>
#include <QPointer>

namespace wagate {

class ConsoleLanguage;
class EngineFacade;
class MainWindow;
class SignInDialog;

//! The console's course from start to quit: sign-in while the engine starts, then the main window,
//! back to sign-in on sign-out; an engine that cannot start is explained in plain words. The app
//! creates one and runs the event loop; everything visible lives here and below.
class ConsoleController : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleController(EngineFacade &facade, QObject *parent = nullptr);
    ~ConsoleController() override;

    //! Where the Language menu's choice goes; without one the menu changes nothing.
    void setLanguage(ConsoleLanguage *language);
    //! Shows the sign-in dialog; the engine may still be starting.
    void start();
    //! Says that another Wagate already uses this data directory (before any engine starts); the
    //! box deletes itself when closed.
    static QWidget *explainDataDirInUse(const QString &dataDir);

    SignInDialog *signInDialog() const;
    MainWindow *mainWindow() const;

signals:
    //! The person chose to leave (closed the sign-in dialog or the window, or the engine failed).
    void quitRequested(int exitCode);

private:
    void showSignIn();
    void showMainWindow(const Principal &principal, const QString &operatorName);
    MainWindow *createMainWindow();
    //! Windows speak the language they were built in: the main window is built again, where it was.
    void switchLanguage(const QString &code);
    void engineFailed(const QString &message);
    void signInRevoked(const QString &reason);

    EngineFacade &m_facade;
    QPointer<SignInDialog> m_signIn;
    QPointer<MainWindow> m_window;
    QPointer<ConsoleLanguage> m_language;
    QString m_operatorName;
    bool m_engineReady = false;
    QString m_engineFailure;
};

} // namespace wagate
