#pragma once

#include "core/error.h"
#include "core/principal.h"
#include "core/session.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace wagate {

class EngineFacade;
class ElidedLabel;
class LinkNumberDialog;
class MessageBar;
class MessageListModel;
class MessagesView;
class OutboxTracker;
class SendMessageDialog;
class SessionDetailsPane;
class SessionDialog;
class SessionFilterProxy;
class SessionListModel;
class SessionTimelineModel;
class WebhooksDialog;

//! The console's one window: the organization's sessions with their live status, the selected one's
//! details beside them, and what the operator may do with them. Updates are live; nothing needs
//! refreshing. Actions the operator's sign-in does not allow stay visible, disabled, saying why.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(EngineFacade &facade, QWidget *parent = nullptr);
    ~MainWindow() override;

    //! The name in the title: "Wagate — Acme Support (operator: alice)".
    void setOperatorName(const QString &name);

    SessionListModel *model() const { return m_model; }
    SessionFilterProxy *proxy() const { return m_proxy; }
    SessionTimelineModel *timeline() const { return m_timeline; }
    QTableView *table() const { return m_table; }
    SessionDetailsPane *details() const { return m_details; }
    MessageListModel *messageModel() const { return m_messageModel; }
    OutboxTracker *outbox() const { return m_outbox; }
    MessagesView *messagesView() const { return m_messagesView; }
    //! The Details and Messages tabs beside the table.
    QTabWidget *sideTabs() const { return m_tabs; }
    void showMessagesTab();
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *statusFilterBox() const { return m_statusFilter; }
    MessageBar *messageBar() const { return m_messages; }
    QAction *newAction() const { return m_new; }
    QAction *startAction() const { return m_start; }
    QAction *stopAction() const { return m_stop; }
    QAction *linkAction() const { return m_link; }
    QAction *logoutAction() const { return m_logout; }
    QAction *editAction() const { return m_edit; }
    QAction *deleteAction() const { return m_delete; }
    QAction *signOutAction() const { return m_signOut; }
    QAction *sendMessageAction() const { return m_sendMessage; }
    QAction *cancelMessageAction() const { return m_cancelMessage; }
    QAction *webhooksAction() const { return m_webhooks; }
    QToolButton *copyApiButton() const { return m_copyApi; }
    //! The Language menu's choices; each action's data is a language code ("" = the system's).
    QActionGroup *languageActions() const { return m_languages; }
    //! Ticks the language in force in the Language menu.
    void setLanguage(const QString &code);
    QString countsText() const;
    QString apiText() const;
    QString engineText() const;

    //! The selected session's id ("" when none).
    QString currentSessionId() const;
    std::optional<SessionInfo> currentSession() const;
    void selectSession(const QString &id);
    //! Selects the session as soon as it is listed (now, or when the list has loaded).
    void selectSessionWhenListed(const QString &id);

    // What the toolbar buttons do; public so the details pane, menus and tests share one path.
    SessionDialog *openNewSessionDialog();
    SessionDialog *openEditDialog(const QString &id);
    LinkNumberDialog *openLinkDialog(const QString &id);
    void startSession(const QString &id);
    void stopSession(const QString &id);
    void confirmLogout(const QString &id);
    void confirmDelete(const QString &id);
    //! Shows the details of the selected session and moves the keyboard focus there (Enter).
    void openDetails();
    SendMessageDialog *openSendDialog(const QString &sessionId);
    //! Cancels the queued message the Messages tab's cursor is on.
    void cancelCurrentMessage();
    WebhooksDialog *openWebhooksDialog();

signals:
    void signOutRequested();
    //! The person chose a language in the Language menu ("" = the system's).
    void languageChosen(const QString &code);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildActions();
    void buildToolBar();
    void buildCentral();
    void buildStatusBar();
    void buildMenus();
    void onCurrentChanged();
    void refreshDetails();
    void updateActions();
    void updateCounts();
    void updateEmptyState();
    void updateTitle();
    void reportFailure(const QString &what, const QString &label, const Error &error);
    //! A short confirmation in the status bar ("Copied …") that fades after a few seconds.
    void flash(const QString &text);
    bool canManage() const;
    bool can(Capability capability) const;
    void updateMessageActions();

    EngineFacade &m_facade;
    QString m_operatorName;
    QString m_selectWhenAdded;
    bool m_engineRunning = true;
    QString m_engineProblem;

    SessionListModel *m_model;
    SessionFilterProxy *m_proxy;
    SessionTimelineModel *m_timeline;
    QTableView *m_table = nullptr;
    QLabel *m_emptyState = nullptr;
    SessionDetailsPane *m_details = nullptr;
    MessageListModel *m_messageModel;
    OutboxTracker *m_outbox;
    QTabWidget *m_tabs = nullptr;
    MessagesView *m_messagesView = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    MessageBar *m_messages = nullptr;
    QLabel *m_api = nullptr;
    QToolButton *m_copyApi = nullptr;
    QLabel *m_flash = nullptr;
    ElidedLabel *m_counts = nullptr;
    QLabel *m_engine = nullptr;
    QTimer *m_flashTimer = nullptr;

    QAction *m_new = nullptr;
    QAction *m_start = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_link = nullptr;
    QAction *m_logout = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_find = nullptr;
    QAction *m_copyPhone = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_sendMessage = nullptr;
    QAction *m_cancelMessage = nullptr;
    QAction *m_webhooks = nullptr;
    QAction *m_quit = nullptr;
    QActionGroup *m_languages = nullptr;
};

} // namespace wagate
