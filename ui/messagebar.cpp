#include "messagebar.h"

#include "actionicons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace wagate {

MessageBar::MessageBar(QWidget *parent) : NoticeFrame(parent)
{
    setObjectName(QStringLiteral("messageBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    m_icon = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close = new QToolButton(this);
    m_close->setAutoRaise(true);
    m_close->setText(tr("Dismiss"));
    m_close->setToolTip(tr("Dismiss this message"));
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_text->setText(text);
    const bool error = kind == Kind::Error;
    m_icon->setPixmap((error ? ActionIcons::error() : ActionIcons::info()).pixmap(18, 18));
    // Tinted background and border; the icon and the words carry the meaning as well.
    setTone(error ? Tone::Error : Tone::Info);
    setAccessibleDescription(text);
    show();
}

QString MessageBar::text() const
{
    return isVisible() ? m_text->text() : QString();
}

} // namespace wagate
