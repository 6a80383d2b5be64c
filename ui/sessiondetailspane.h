#pragma once

#include "core/session.h"

#include <QWidget>

#include <optional>

class QAbstractItemModel;
class QFrame;
class QLabel;
class QListView;
class QPushButton;
class QToolButton;

namespace wagate {

class NoticeFrame;
class OutboxTracker;

//! Everything about the selected session on one side of the table: the status in shape, colour and
//! words, the number (formatted to read, copied as digits), what is wrong and the button that fixes
//! it, the timeline and the settings.
class SessionDetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit SessionDetailsPane(QWidget *parent = nullptr);

    void setTimelineModel(QAbstractItemModel *model);
    //! The outbox of the session shown (the window keeps it following the selection).
    void setOutboxTracker(OutboxTracker *tracker);
    //! The session to show; std::nullopt shows a hint to select one.
    void setSession(const std::optional<SessionInfo> &session);
    std::optional<SessionInfo> session() const { return m_session; }
    //! Without the manage permission the fixing buttons stay visible but disabled, saying why.
    void setManageAllowed(bool allowed, const QString &whyNot);
    //! Moves the keyboard focus into the pane (the fixing button first, if there is one).
    void focusFirst();

    // For tests and accessibility: what a person reads.
    QString titleText() const;
    QString statusText() const;
    QString phoneText() const;
    QString problemText() const; //!< "" when there is nothing to say
    QString outboxText() const;  //!< "3 waiting · 20 a minute, 600 an hour"
    QString pauseText() const;   //!< "" unless WhatsApp paused the outbox
    QString todayText() const;   //!< today's counts
    QPushButton *problemButton() const { return m_problemButton; }
    QToolButton *copyPhoneButton() const { return m_copyPhone; }

signals:
    void linkRequested(const QString &sessionId);
    void startRequested(const QString &sessionId);
    void editRequested(const QString &sessionId);
    //! Something went to the clipboard; the window may say so.
    void copied(const QString &what);

private:
    void refresh();
    void refreshOutbox();

    std::optional<SessionInfo> m_session;
    bool m_manageAllowed = true;
    QString m_whyNot;

    QWidget *m_empty;
    QWidget *m_page;
    QLabel *m_title;
    QLabel *m_statusIcon;
    QLabel *m_status;
    QLabel *m_phone;
    QToolButton *m_copyPhone;
    NoticeFrame *m_problemBox;
    QLabel *m_problemWhat;
    QLabel *m_problemToDo;
    QLabel *m_problemDetail;
    QPushButton *m_problemButton;
    OutboxTracker *m_tracker = nullptr;
    QLabel *m_outboxQueue;
    NoticeFrame *m_pauseBox;
    QLabel *m_pause;
    QLabel *m_today;
    QListView *m_timeline;
    QLabel *m_rates;
    QLabel *m_autoRead;
    QLabel *m_typing;
    QLabel *m_sessionId;
    QPushButton *m_edit;
};

} // namespace wagate
