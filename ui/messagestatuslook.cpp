#include "messagestatuslook.h"

#include "actionicons.h"
#include "phonenumber.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>

namespace wagate {

namespace {

//! A check mark inside r, drawn with pen width w.
void check(QPainter &p, const QRectF &r, const QColor &c, qreal w)
{
    QPainterPath path;
    path.moveTo(r.left(), r.top() + r.height() * 0.55);
    path.lineTo(r.left() + r.width() * 0.38, r.bottom());
    path.lineTo(r.right(), r.top());
    p.setPen(QPen(c, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
}

QIcon paintStatus(MessageStatus status)
{
    return ActionIcons::painted([status](QPainter &p, const QRectF &box, const QColor &fg, bool enabled) {
        const QColor c = enabled ? MessageStatusLook::color(status) : fg;
        const qreal side = box.width();
        const qreal w = std::max<qreal>(1.3, side / 9.0);
        const QRectF r = box.adjusted(side * 0.14, side * 0.14, -side * 0.14, -side * 0.14);
        const QRectF ring = r.adjusted(w / 2, w / 2, -w / 2, -w / 2);
        switch (status) {
        case MessageStatus::Queued: // ○ an empty ring: waiting its turn
            p.setPen(QPen(c, w));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(ring);
            break;
        case MessageStatus::Sending: // ◐ half filled: on its way
            p.setPen(QPen(c, w));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(ring);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawPie(ring, 90 * 16, 180 * 16);
            break;
        case MessageStatus::Sent: // ✓
            check(p, r.adjusted(side * 0.08, side * 0.12, -side * 0.08, -side * 0.12), c, w);
            break;
        case MessageStatus::Delivered: // ✓✓
            check(p, QRectF(r.left(), r.top() + side * 0.12, r.width() * 0.62, r.height() - side * 0.24), c, w);
            check(p, QRectF(r.left() + r.width() * 0.38, r.top() + side * 0.12, r.width() * 0.62, r.height() - side * 0.24), c, w);
            break;
        case MessageStatus::Read: { // ✓✓ in white on a filled disc: seen
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(box.adjusted(side * 0.02, side * 0.02, -side * 0.02, -side * 0.02));
            const QRectF in = r.adjusted(side * 0.04, side * 0.16, -side * 0.04, -side * 0.16);
            check(p, QRectF(in.left(), in.top(), in.width() * 0.62, in.height()), Qt::white, w * 0.9);
            check(p, QRectF(in.left() + in.width() * 0.38, in.top(), in.width() * 0.62, in.height()), Qt::white, w * 0.9);
            break;
        }
        case MessageStatus::Failed: // ✕
            p.setPen(QPen(c, w * 1.2, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(r.topLeft() + QPointF(side * 0.06, side * 0.06), r.bottomRight() - QPointF(side * 0.06, side * 0.06));
            p.drawLine(r.topRight() + QPointF(-side * 0.06, side * 0.06), r.bottomLeft() + QPointF(side * 0.06, -side * 0.06));
            break;
        case MessageStatus::Canceled: // ⊘ a struck-out ring
            p.setPen(QPen(c, w));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(ring);
            p.drawLine(QPointF(ring.left() + ring.width() * 0.15, ring.bottom() - ring.height() * 0.15),
                       QPointF(ring.right() - ring.width() * 0.15, ring.top() + ring.height() * 0.15));
            break;
        case MessageStatus::Received: { // ↓ an arrow coming in
            p.setPen(QPen(c, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            const qreal x = r.center().x();
            p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
            p.drawLine(QPointF(x - r.width() * 0.32, r.bottom() - r.height() * 0.32), QPointF(x, r.bottom()));
            p.drawLine(QPointF(x + r.width() * 0.32, r.bottom() - r.height() * 0.32), QPointF(x, r.bottom()));
            break;
        }
        }
    });
}

} // namespace

QString MessageStatusLook::words(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Queued: return tr("Queued");
    case MessageStatus::Sending: return tr("Sending");
    case MessageStatus::Sent: return tr("Sent");
    case MessageStatus::Delivered: return tr("Delivered");
    case MessageStatus::Read: return tr("Read");
    case MessageStatus::Failed: return tr("Failed");
    case MessageStatus::Canceled: return tr("Canceled");
    case MessageStatus::Received: return tr("Received");
    }
    return {};
}

QString MessageStatusLook::explanation(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Queued: return tr("Waiting in the outbox; it leaves at the session's sending pace.");
    case MessageStatus::Sending: return tr("Handed to WhatsApp; waiting for WhatsApp to take it.");
    case MessageStatus::Sent: return tr("WhatsApp took it; not yet on the recipient's phone.");
    case MessageStatus::Delivered: return tr("On the recipient's phone, not yet read.");
    case MessageStatus::Read: return tr("Read on the recipient's phone.");
    case MessageStatus::Failed: return tr("It was not sent.");
    case MessageStatus::Canceled: return tr("Canceled before it left.");
    case MessageStatus::Received: return tr("Arrived from this chat.");
    }
    return {};
}

QColor MessageStatusLook::color(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Queued:
    case MessageStatus::Canceled: return QColor(0x5f, 0x63, 0x68);
    case MessageStatus::Sending: return QColor(0xa8, 0x57, 0x00);
    case MessageStatus::Sent:
    case MessageStatus::Delivered: return QColor(0x1e, 0x7e, 0x34);
    case MessageStatus::Read:
    case MessageStatus::Received: return QColor(0x17, 0x5f, 0xc7);
    case MessageStatus::Failed: return QColor(0xc5, 0x22, 0x1f);
    }
    return Qt::black;
}

QIcon MessageStatusLook::icon(MessageStatus status)
{
    static QHash<int, QIcon> icons;
    QIcon &icon = icons[int(status)];
    if (icon.isNull())
        icon = paintStatus(status);
    return icon;
}

QString MessageStatusLook::chatText(const MessageInfo &m)
{
    QString who = !m.phoneNumber.isEmpty() ? PhoneNumber::format(m.phoneNumber) : m.chat.section(u'@', 0, 0);
    if (m.direction == MessageDirection::In && !m.pushName.isEmpty())
        who = tr("%1 (%2)").arg(who, m.pushName);
    return m.direction == MessageDirection::Out ? tr("To %1").arg(who) : tr("From %1").arg(who);
}

QString MessageStatusLook::errorText(const MessageError &e)
{
    if (e.code == QLatin1String(message_error::NotOnWhatsApp))
        return tr("This number is not on WhatsApp.");
    if (e.code == QLatin1String(message_error::Expired))
        return tr("It waited too long in the outbox and was not sent (a message is kept for a day unless told otherwise).");
    if (e.code == QLatin1String(message_error::SessionLoggedOut))
        return tr("The number was logged out before the message left. Link it again and send the message again.");
    if (e.code == QLatin1String(message_error::InvalidRecipient))
        return tr("WhatsApp cannot reach this recipient; check the number.");
    if (e.code == QLatin1String(message_error::Rejected))
        return e.waCode ? tr("WhatsApp refused the message (code %1).").arg(e.waCode) : tr("WhatsApp refused the message.");
    return tr("The message could not be sent.");
}

QString MessageStatusLook::pauseReasonText(const QString &reason)
{
    if (reason == QLatin1String("reach_out_timelock"))
        return tr("WhatsApp limited new chats (463)");
    if (reason == QLatin1String("rate_overlimit"))
        return tr("WhatsApp asked to slow down (too many messages)");
    return tr("WhatsApp limited sending");
}

} // namespace wagate
