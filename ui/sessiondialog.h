#pragma once

#include "core/session.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace wagate {

class EngineFacade;

//! Creates a session, or edits one's label and settings, with the limits the engine enforces
//! checked while typing. Opens window-modal and answers through signals; never blocks.
class SessionDialog : public QDialog
{
    Q_OBJECT
public:
    //! A new session.
    explicit SessionDialog(EngineFacade &facade, QWidget *parent = nullptr);
    //! Edits an existing one.
    SessionDialog(EngineFacade &facade, const SessionInfo &session, QWidget *parent = nullptr);

    bool isEditing() const { return !m_sessionId.isEmpty(); }
    QLineEdit *labelEdit() const { return m_label; }
    QSpinBox *ratePerMinBox() const { return m_perMin; }
    QSpinBox *ratePerHourBox() const { return m_perHour; }
    QCheckBox *autoReadBox() const { return m_autoRead; }
    QCheckBox *typingBox() const { return m_typing; }
    QPushButton *submitButton() const;
    //! The inline message under the label ("" when the label is fine).
    QString labelProblem() const;
    //! What the engine said when saving failed ("" otherwise).
    QString errorText() const;

    void accept() override;

signals:
    void saved(const wagate::SessionInfo &session);

private:
    void build();
    void validate();
    void setBusy(bool busy);

    EngineFacade &m_facade;
    QString m_sessionId;
    SessionInfo m_original;
    bool m_busy = false;
    QLineEdit *m_label;
    QLabel *m_labelProblem;
    QSpinBox *m_perMin;
    QSpinBox *m_perHour;
    QLabel *m_rateHint;
    QCheckBox *m_autoRead;
    QCheckBox *m_typing;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace wagate
