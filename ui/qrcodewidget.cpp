#include "qrcodewidget.h"

#include <QPainter>

#include <qrencode.h>

namespace wagate {

QrCodeWidget::QrCodeWidget(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setAccessibleName(tr("QR code to scan with the phone"));
}

bool QrCodeWidget::setText(const QString &text)
{
    m_dark.clear();
    m_width = 0;
    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (code) {
        m_width = code->width;
        m_dark.resize(m_width * m_width);
        for (int i = 0; i < m_width * m_width; ++i)
            m_dark.setBit(i, code->data[i] & 1);
        QRcode_free(code);
    }
    updateGeometry();
    update();
    return m_width > 0;
}

void QrCodeWidget::clear()
{
    m_dark.clear();
    m_width = 0;
    update();
}

QSize QrCodeWidget::sizeHint() const
{
    const int side = std::max(1, m_width + 2 * kQuietZone) * 5;
    return {std::max(side, 240), std::max(side, 240)};
}

QSize QrCodeWidget::minimumSizeHint() const
{
    const int side = std::max(1, m_width + 2 * kQuietZone) * 3;
    return {side, side};
}

void QrCodeWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (m_width == 0)
        return;
    const int total = m_width + 2 * kQuietZone;
    const int module = std::max(1, std::min(width(), height()) / total);
    const int side = module * total;
    const QPoint origin((width() - side) / 2, (height() - side) / 2);
    // White under the quiet zone too, whatever the palette: phones need the contrast.
    p.fillRect(QRect(origin, QSize(side, side)), Qt::white);
    const QPoint first = origin + QPoint(kQuietZone * module, kQuietZone * module);
    for (int y = 0; y < m_width; ++y)
        for (int x = 0; x < m_width; ++x)
            if (isDark(x, y))
                p.fillRect(first.x() + x * module, first.y() + y * module, module, module, Qt::black);
}

} // namespace wagate
