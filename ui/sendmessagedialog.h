#pragma once

#include "core/messageinfo.h"
#include "core/session.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace wagate {

class EngineFacade;
class PhoneNumberInput;

//! Sends one text from a session: the number as on the pairing-code tab, the text with its
//! character count, then the message's status as it moves (queued → sending → sent → delivered →
//! read, or why it failed, in plain words). Window-modal, never blocking; "Send another" starts over.
class SendMessageDialog : public QDialog
{
    Q_OBJECT
public:
    SendMessageDialog(EngineFacade &facade, const SessionInfo &session, QWidget *parent = nullptr);

    PhoneNumberInput *phoneInput() const { return m_phone; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QPushButton *sendButton() const { return m_send; }
    QString countText() const;
    //! What the status line says ("" before sending).
    QString statusText() const;
    QString detailText() const;
    QString problemText() const;
    //! The message sent from here, once the engine took it.
    std::optional<MessageInfo> message() const { return m_message; }

signals:
    void sent(const wagate::MessageInfo &message);

private:
    void updateState();
    void send();
    void startOver();
    void follow(const MessageInfo &message);

    EngineFacade &m_facade;
    SessionInfo m_session;
    PhoneNumberInput *m_phone;
    QLabel *m_normalized;
    QPlainTextEdit *m_text;
    QLabel *m_count;
    QLabel *m_problem;
    QWidget *m_statusRow;
    QLabel *m_statusIcon;
    QLabel *m_status;
    QLabel *m_detail;
    QPushButton *m_send;
    QPushButton *m_close;
    bool m_inFlight = false;
    std::optional<MessageInfo> m_message;
};

} // namespace wagate
