#include "noticeframe.h"

#include <QLayout>
#include <QPainter>

namespace wagate {

namespace {

struct Colours
{
    QColor background;
    QColor border;
};

Colours coloursFor(NoticeFrame::Tone tone, const QPalette &palette)
{
    switch (tone) {
    case NoticeFrame::Tone::Info: return {QColor(0xe8, 0xf0, 0xfe), QColor(0x17, 0x5f, 0xc7)};
    case NoticeFrame::Tone::Warning: return {QColor(0xfe, 0xf7, 0xe0), QColor(0xa8, 0x57, 0x00)};
    case NoticeFrame::Tone::Error: return {QColor(0xfd, 0xec, 0xea), QColor(0xc5, 0x22, 0x1f)};
    case NoticeFrame::Tone::Neutral: break;
    }
    return {palette.color(QPalette::Base), palette.color(QPalette::Mid)};
}

} // namespace

NoticeFrame::NoticeFrame(QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::NoFrame);
    setTone(Tone::Neutral);
}

void NoticeFrame::setTone(Tone tone)
{
    m_tone = tone;
    // Dark text on the light tints, whatever the desktop's palette says.
    QPalette p = palette();
    if (tone == Tone::Neutral) {
        p = QPalette();
    } else {
        p.setColor(QPalette::WindowText, QColor(0x20, 0x21, 0x24));
        p.setColor(QPalette::Text, QColor(0x20, 0x21, 0x24));
    }
    setPalette(p);
    update();
}

void NoticeFrame::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const Colours c = coloursFor(m_tone, palette());
    p.setPen(QPen(c.border, 1));
    p.setBrush(c.background);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

void growToFit(QWidget *window)
{
    if (!window || !window->layout())
        return;
    window->layout()->activate();
    const int needed = window->layout()->hasHeightForWidth() ? window->layout()->totalHeightForWidth(window->width())
                                                             : window->layout()->totalSizeHint().height();
    if (needed > window->height())
        window->resize(window->width(), needed);
}

} // namespace wagate
