#include "busyindicator.h"

#include <QPainter>

namespace wagate {

BusyIndicator::BusyIndicator(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(tr("Working"));
    m_timer.setInterval(60);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_angle = (m_angle + 30) % 360;
        update();
    });
}

void BusyIndicator::showEvent(QShowEvent *)
{
    m_timer.start();
}

void BusyIndicator::hideEvent(QHideEvent *)
{
    m_timer.stop();
}

void BusyIndicator::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int side = std::min(width(), height());
    const qreal pen = std::max(2.0, side / 8.0);
    const QRectF r((width() - side) / 2.0 + pen, (height() - side) / 2.0 + pen, side - 2 * pen, side - 2 * pen);
    QColor track = palette().color(QPalette::WindowText);
    track.setAlphaF(0.15);
    p.setPen(QPen(track, pen));
    p.drawEllipse(r);
    p.setPen(QPen(palette().color(QPalette::Highlight), pen, Qt::SolidLine, Qt::RoundCap));
    p.drawArc(r, -m_angle * 16, 100 * 16);
}

CountdownPie::CountdownPie(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void CountdownPie::setFraction(qreal fraction)
{
    m_fraction = std::clamp(fraction, 0.0, 1.0);
    update();
}

void CountdownPie::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int side = std::min(width(), height());
    const QRectF r((width() - side) / 2.0 + 1, (height() - side) / 2.0 + 1, side - 2, side - 2);
    // The time left, in the highlight colour inside a quiet ring.
    p.setPen(QPen(palette().color(QPalette::Mid), 1.2));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(r);
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Highlight));
    p.drawPie(r.adjusted(1.5, 1.5, -1.5, -1.5), 90 * 16, int(m_fraction * 360 * 16));
}

} // namespace wagate
