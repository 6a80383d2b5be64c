#include "sessionstatuslook.h"

#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>

#include <array>

namespace wagate {

namespace {

//! Paints the status shape at whatever size the view asks for, so it stays crisp and nothing is
//! cached in pixmaps.
class StatusIconEngine : public QIconEngine
{
public:
    explicit StatusIconEngine(SessionStatus status) : m_status(status) {}

    QIconEngine *clone() const override { return new StatusIconEngine(m_status); }

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
        const qreal m = std::max<qreal>(1.0, side * 0.12);
        const QRectF r(rect.x() + (rect.width() - side) / 2 + m, rect.y() + (rect.height() - side) / 2 + m,
                       side - 2 * m, side - 2 * m);
        QColor c = SessionStatusLook::color(m_status);
        if (mode == QIcon::Disabled)
            c.setAlphaF(0.45);
        const qreal pen = std::max<qreal>(1.2, side / 9.0);
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        const QRectF inner = r.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2);
        switch (m_status) {
        case SessionStatus::Working: // ● filled circle
            p->setPen(Qt::NoPen);
            p->setBrush(c);
            p->drawEllipse(r);
            break;
        case SessionStatus::Starting: // ◔ ring with a quarter filled
            p->setPen(QPen(c, pen));
            p->setBrush(Qt::NoBrush);
            p->drawEllipse(inner);
            p->setPen(Qt::NoPen);
            p->setBrush(c);
            p->drawPie(inner, 90 * 16, -90 * 16);
            break;
        case SessionStatus::Reconnecting: // ◐ ring with the left half filled
            p->setPen(QPen(c, pen));
            p->setBrush(Qt::NoBrush);
            p->drawEllipse(inner);
            p->setPen(Qt::NoPen);
            p->setBrush(c);
            p->drawPie(inner, 90 * 16, 180 * 16);
            break;
        case SessionStatus::ScanQrCode: { // ▣ a QR finder pattern
            p->setPen(QPen(c, pen));
            p->setBrush(Qt::NoBrush);
            p->drawRect(inner);
            p->setPen(Qt::NoPen);
            p->setBrush(c);
            const qreal k = inner.width() * 0.28;
            p->drawRect(inner.adjusted(k, k, -k, -k));
            break;
        }
        case SessionStatus::PairingCode: { // ⌨ a box with three dots: a code to type
            p->setPen(QPen(c, pen));
            p->setBrush(Qt::NoBrush);
            const QRectF box(inner.left(), inner.center().y() - inner.height() * 0.32, inner.width(), inner.height() * 0.64);
            p->drawRoundedRect(box, pen, pen);
            p->setPen(Qt::NoPen);
            p->setBrush(c);
            const qreal d = inner.width() * 0.16;
            for (int i = 0; i < 3; ++i)
                p->drawEllipse(QPointF(box.left() + box.width() * (0.25 + 0.25 * i), box.center().y()), d / 2, d / 2);
            break;
        }
        case SessionStatus::Unpaired: // ○ an empty ring
            p->setPen(QPen(c, pen));
            p->setBrush(Qt::NoBrush);
            p->drawEllipse(inner);
            break;
        case SessionStatus::Stopped: // ■ a filled square
            p->setPen(Qt::NoPen);
            p->setBrush(c);
            p->drawRect(r.adjusted(r.width() * 0.1, r.height() * 0.1, -r.width() * 0.1, -r.height() * 0.1));
            break;
        case SessionStatus::Failed: { // ✕ a white cross on a filled disc
            p->setPen(Qt::NoPen);
            p->setBrush(c);
            p->drawEllipse(r);
            p->setPen(QPen(Qt::white, pen * 1.1, Qt::SolidLine, Qt::RoundCap));
            const qreal k = r.width() * 0.3;
            const QRectF x = r.adjusted(k, k, -k, -k);
            p->drawLine(x.topLeft(), x.bottomRight());
            p->drawLine(x.topRight(), x.bottomLeft());
            break;
        }
        case SessionStatus::LoggedOut: { // ⊘ a ring with a slash
            p->setPen(QPen(c, pen));
            p->setBrush(Qt::NoBrush);
            p->drawEllipse(inner);
            const QPointF ctr = inner.center();
            const qreal rad = inner.width() / 2 * 0.7071;
            p->drawLine(QPointF(ctr.x() - rad, ctr.y() + rad), QPointF(ctr.x() + rad, ctr.y() - rad));
            break;
        }
        }
        p->restore();
    }

private:
    SessionStatus m_status;
};

} // namespace

QString SessionStatusLook::words(SessionStatus status)
{
    switch (status) {
    case SessionStatus::Unpaired: return tr("Not linked");
    case SessionStatus::Stopped: return tr("Stopped");
    case SessionStatus::Starting: return tr("Starting");
    case SessionStatus::ScanQrCode: return tr("Scan the QR code");
    case SessionStatus::PairingCode: return tr("Enter the code on the phone");
    case SessionStatus::Working: return tr("Working");
    case SessionStatus::Reconnecting: return tr("Reconnecting");
    case SessionStatus::Failed: return tr("Failed");
    case SessionStatus::LoggedOut: return tr("Logged out");
    }
    return tr("Failed");
}

QString SessionStatusLook::explanation(SessionStatus status)
{
    switch (status) {
    case SessionStatus::Unpaired: return tr("No WhatsApp number is linked yet. Use “Link a number”.");
    case SessionStatus::Stopped: return tr("A number is linked but not connected. Press Start to connect it.");
    case SessionStatus::Starting: return tr("Connecting to WhatsApp.");
    case SessionStatus::ScanQrCode: return tr("Waiting for the phone to scan the QR code.");
    case SessionStatus::PairingCode: return tr("Waiting for the code to be typed on the phone.");
    case SessionStatus::Working: return tr("Connected: messages can be sent and received.");
    case SessionStatus::Reconnecting: return tr("The connection dropped; trying again by itself.");
    case SessionStatus::Failed: return tr("Gave up connecting. The details say why; Start tries again.");
    case SessionStatus::LoggedOut: return tr("The phone unlinked this device. Link the number again.");
    }
    return {};
}

QColor SessionStatusLook::color(SessionStatus status)
{
    // Dark enough to read on white (contrast ≥ 4.5:1), and never the only cue.
    switch (status) {
    case SessionStatus::Working: return QColor(0x1e, 0x7e, 0x34);
    case SessionStatus::Starting:
    case SessionStatus::ScanQrCode:
    case SessionStatus::PairingCode: return QColor(0x17, 0x5f, 0xc7);
    case SessionStatus::Reconnecting: return QColor(0xa8, 0x57, 0x00);
    case SessionStatus::Unpaired: return QColor(0x5f, 0x63, 0x68);
    case SessionStatus::Stopped: return QColor(0x4b, 0x55, 0x63);
    case SessionStatus::Failed: return QColor(0xc5, 0x22, 0x1f);
    case SessionStatus::LoggedOut: return QColor(0x9a, 0x3b, 0x12);
    }
    return Qt::black;
}

QIcon SessionStatusLook::icon(SessionStatus status)
{
    static std::array<QIcon, 9> icons;
    QIcon &icon = icons.at(size_t(status));
    if (icon.isNull())
        icon = QIcon(new StatusIconEngine(status));
    return icon;
}

int SessionStatusLook::attentionRank(SessionStatus status)
{
    switch (status) {
    case SessionStatus::Failed: return 0;
    case SessionStatus::LoggedOut: return 1;
    case SessionStatus::Reconnecting: return 2;
    case SessionStatus::ScanQrCode: return 3;
    case SessionStatus::PairingCode: return 4;
    case SessionStatus::Starting: return 5;
    case SessionStatus::Unpaired: return 6;
    case SessionStatus::Stopped: return 7;
    case SessionStatus::Working: return 8;
    }
    return 0;
}

bool SessionStatusLook::needsAttention(SessionStatus status)
{
    return status == SessionStatus::Failed || status == SessionStatus::LoggedOut || status == SessionStatus::Reconnecting;
}

} // namespace wagate
