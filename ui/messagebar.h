#pragma once

#include "noticeframe.h"

class QLabel;
class QToolButton;

namespace wagate {

//! A strip above the content that says what just went wrong (or right) without a modal box, and
//! stays until it is dismissed or replaced.
class MessageBar : public NoticeFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
    Kind m_kind = Kind::Info;
};

} // namespace wagate
