#include "actionicons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace wagate {

namespace {

class PaintedIconEngine : public QIconEngine
{
public:
    explicit PaintedIconEngine(ActionIcons::Painter painter) : m_painter(std::move(painter)) {}
    QIconEngine *clone() const override { return new PaintedIconEngine(m_painter); }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

    void paint(QPainter *p, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal side = std::min(rect.width(), rect.height());
        const QRectF r(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side);
        QColor c = QApplication::palette().color(QPalette::ButtonText);
        if (mode == QIcon::Disabled)
            c = QApplication::palette().color(QPalette::Disabled, QPalette::ButtonText);
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        m_painter(*p, r, c, mode != QIcon::Disabled);
        p->restore();
    }

private:
    ActionIcons::Painter m_painter;
};

//! A colourful icon goes grey with its action.
QColor tint(bool enabled, const QColor &fg, const QColor &wanted)
{
    return enabled ? wanted : fg;
}

} // namespace

QIcon ActionIcons::painted(Painter painter)
{
    return QIcon(new PaintedIconEngine(std::move(painter)));
}

QIcon ActionIcons::newSession()
{
    return painted([](QPainter &p, const QRectF &r, const QColor &c, bool enabled) {
        const qreal w = r.width() / 7;
        p.setPen(QPen(tint(enabled, c, QColor(0x1e, 0x7e, 0x34)), w * 1.3, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(r.center().x(), r.top() + w * 1.5), QPointF(r.center().x(), r.bottom() - w * 1.5));
        p.drawLine(QPointF(r.left() + w * 1.5, r.center().y()), QPointF(r.right() - w * 1.5, r.center().y()));
    });
}

QIcon ActionIcons::start()
{
    return painted([](QPainter &p, const QRectF &r, const QColor &c, bool enabled) {
        const qreal m = r.width() * 0.2;
        QPainterPath path;
        path.moveTo(r.left() + m * 1.2, r.top() + m);
        path.lineTo(r.right() - m, r.center().y());
        path.lineTo(r.left() + m * 1.2, r.bottom() - m);
        path.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(tint(enabled, c, QColor(0x1e, 0x7e, 0x34)));
        p.drawPath(path);
    });
}

QIcon ActionIcons::stop()
{
    return painted([](QPainter &p, const QRectF &r, const QColor &c, bool) {
        const qreal m = r.width() * 0.24;
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawRoundedRect(r.adjusted(m, m, -m, -m), 1.5, 1.5);
    });
}

QIcon ActionIcons::link()
{
    return painted([](QPainter &p, const QRectF &r, const QColor &c, bool) {
        const qreal w = r.width() / 9;
        p.setPen(QPen(c, w * 1.2, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        p.translate(r.center());
        p.rotate(-45);
        const qreal lw = r.width() * 0.42, lh = r.height() * 0.26;
        p.drawRoundedRect(QRectF(-lw + w, -lh / 2, lw, lh), lh / 2, lh / 2);
        p.drawRoundedRect(QRectF(-w, -lh / 2, lw, lh), lh / 2, lh / 2);
    });
}

QIcon ActionIcons::remove()
{
    return painted([](QPainter &p, const QRectF &r, const QColor &c, bool) {
        const qreal w = r.width() / 10;
        p.setPen(QPen(c, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        const QRectF bin(r.left() + r.width() * 0.28, r.top() + r.height() * 0.32, r.width() * 0.44, r.height() * 0.52);
        p.drawRect(bin);
        p.drawLine(QPointF(r.left() + r.width() * 0.2, bin.top() - w), QPointF(r.right() - r.width() * 0.2, bin.top() - w));
        p.drawLine(QPointF(r.center().x() - w, bin.top() - w * 2.2), QPointF(r.center().x() + w, bin.top() - w * 2.2));
        p.drawLine(QPointF(bin.center().x(), bin.top() + w * 2), QPointF(bin.center().x(), bin.bottom() - w * 2));
    });
}

QIcon ActionIcons::copy()
{
    return painted([](QPainter &p, const QRectF &r, const QColor &c, bool) {
        const qreal w = r.width() / 12;
        p.setPen(QPen(c, w));
        p.setBrush(Qt::NoBrush);
        const qreal s = r.width() * 0.5;
        p.drawRoundedRect(QRectF(r.left() + r.width() * 0.18, r.top() + r.height() * 0.14, s, s * 1.15), w, w);
        p.setBrush(QApplication::palette().color(QPalette::Button));
        p.drawRoundedRect(QRectF(r.left() + r.width() * 0.34, r.top() + r.height() * 0.3, s, s * 1.15), w, w);
    });
}

QIcon ActionIcons::send()
{
    return painted([](QPainter &p, const QRectF &r, const QColor &c, bool enabled) {
        const QColor fill = tint(enabled, c, QColor(0x1e, 0x7e, 0x34));
        QPainterPath plane;
        plane.moveTo(r.left() + r.width() * 0.08, r.top() + r.height() * 0.45);
        plane.lineTo(r.right() - r.width() * 0.06, r.top() + r.height() * 0.12);
        plane.lineTo(r.left() + r.width() * 0.62, r.bottom() - r.height() * 0.08);
        plane.lineTo(r.left() + r.width() * 0.45, r.top() + r.height() * 0.58);
        plane.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawPath(plane);
    });
}

namespace {

QIcon disc(QColor colour, QChar letter)
{
    return ActionIcons::painted([colour, letter](QPainter &p, const QRectF &r, const QColor &, bool) {
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawEllipse(r.adjusted(1, 1, -1, -1));
        QFont f = p.font();
        f.setBold(true);
        f.setPixelSize(std::max(6, int(r.height() * 0.7)));
        p.setFont(f);
        p.setPen(Qt::white);
        p.drawText(r, Qt::AlignCenter, QString(letter));
    });
}

} // namespace

QIcon ActionIcons::error()
{
    return disc(QColor(0xc5, 0x22, 0x1f), u'!');
}

QIcon ActionIcons::info()
{
    return disc(QColor(0x17, 0x5f, 0xc7), u'i');
}

QIcon ActionIcons::app()
{
    QIcon icon(QStringLiteral(":/icons/wagate.svg"));
    if (!icon.availableSizes().isEmpty() || !icon.pixmap(32, 32).isNull())
        return icon;
    // Without the SVG plugin: a green speech bubble with a white dot, painted.
    return painted([](QPainter &p, const QRectF &r, const QColor &, bool) {
        QPainterPath bubble;
        const QRectF b = r.adjusted(r.width() * 0.06, r.height() * 0.06, -r.width() * 0.06, -r.height() * 0.2);
        bubble.addRoundedRect(b, b.width() * 0.22, b.width() * 0.22);
        QPainterPath tail;
        tail.moveTo(b.left() + b.width() * 0.22, b.bottom() - 1);
        tail.lineTo(b.left() + b.width() * 0.18, r.bottom() - r.height() * 0.04);
        tail.lineTo(b.left() + b.width() * 0.45, b.bottom() - 1);
        tail.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x1e, 0x7e, 0x34));
        p.drawPath(bubble.united(tail));
        p.setBrush(Qt::white);
        const qreal d = b.width() * 0.14;
        for (int i = -1; i <= 1; ++i)
            p.drawEllipse(QPointF(b.center().x() + i * d * 1.8, b.center().y()), d / 2, d / 2);
    });
}

} // namespace wagate
