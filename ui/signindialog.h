#pragma once

#include "core/enginefacade.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace wagate {

class BusyIndicator;
class NoticeFrame;

//! Who is at the keyboard: remembered profiles (secrets in the system keychain), a form for a new
//! one, or a one-off sign-in that remembers nothing. When the keychain does not work it says so and
//! offers nothing that would store a secret elsewhere.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    enum Page { ProfilesPage, FormPage };

    explicit SignInDialog(EngineFacade &facade, QWidget *parent = nullptr);

    //! Until the engine is ready, signing in waits (the form stays usable).
    void setEngineReady(bool ready);
    //! The engine could not start: say so here, where the person is looking.
    void setEngineFailed(const QString &message);
    //! Why the operator is back here without asking (their account or key was removed or revoked).
    void showSignedOutBecause(const QString &message);
    //! How the operator is named in the window title after signing in.
    QString operatorName() const { return m_operatorName; }
    //! Set when signing in worked but remembering it did not ("" otherwise); say it in the window.
    QString warning() const { return m_warning; }

    Page page() const;
    QListWidget *profileList() const { return m_profiles; }
    QPushButton *signInButton() const;
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QRadioButton *accountKind() const { return m_kindAccount; }
    QRadioButton *apiKeyKind() const { return m_kindKey; }
    QRadioButton *tokenKind() const { return m_kindToken; }
    //! The organization: chosen from the list (by name) or typed (name or id).
    QComboBox *organizationBox() const { return m_org; }
    QLineEdit *organizationEdit() const;
    //! The organization id the form will sign in to ("" when none is given).
    QString organizationId() const;
    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *apiKeyEdit() const { return m_apiKey; }
    QPlainTextEdit *tokenEdit() const { return m_token; }
    QLineEdit *profileNameEdit() const { return m_profileName; }
    QCheckBox *rememberBox() const { return m_remember; }
    //! The keychain notice ("" when the keychain works) and its technical detail.
    QString keychainNotice() const;
    QString keychainDetail() const;
    QString errorText() const;

    void showForm();
    void showProfiles();
    void accept() override;

signals:
    void signedIn(const wagate::Principal &principal, const QString &operatorName);

private:
    void buildProfilesPage();
    void buildFormPage();
    void reloadProfiles();
    void reloadOrganizations();
    void updateForm();
    void setBusy(bool busy, const QString &message = {});
    void fail(const Error &error);
    void finish(const Principal &principal, const QString &name);
    void signInWithSelectedProfile();
    void signInWithForm();
    SignInProfile::Kind formKind() const;
    QString formSecret() const;
    QString suggestedName() const;

    EngineFacade &m_facade;
    bool m_engineReady = false;
    bool m_engineFailed = false;
    bool m_busy = false;
    QString m_operatorName;
    QString m_warning;

    QStackedWidget *m_stack;
    NoticeFrame *m_keychainBox;
    QLabel *m_keychain;
    QLabel *m_keychainDetail;
    QLabel *m_engineState;
    BusyIndicator *m_busyIndicator;
    QLabel *m_error;
    // profiles page
    QListWidget *m_profiles;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_once;
    // form page
    QButtonGroup *m_kinds;
    QRadioButton *m_kindAccount;
    QRadioButton *m_kindKey;
    QRadioButton *m_kindToken;
    QStackedWidget *m_kindStack;
    QComboBox *m_org;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_apiKey;
    QPlainTextEdit *m_token;
    QCheckBox *m_remember;
    QLineEdit *m_profileName;
    QLabel *m_profileNameLabel;
    QPushButton *m_back;
    QPushButton *m_submit;
    QPushButton *m_cancel;
};

} // namespace wagate
