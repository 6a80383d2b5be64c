#pragma once

#include <QBitArray>
#include <QWidget>

namespace wagate {

//! Paints a QR code from its text: black modules on white with the four-module quiet zone scanners
//! need, at a whole number of pixels per module so edges stay sharp. The text is never logged.
class QrCodeWidget : public QWidget
{
    Q_OBJECT
public:
    explicit QrCodeWidget(QWidget *parent = nullptr);

    //! Encodes text (error correction M); false when it cannot be encoded (then nothing is shown).
    bool setText(const QString &text);
    void clear();
    bool isEmpty() const { return m_width == 0; }
    //! Modules per side without the quiet zone (0 when empty).
    int modules() const { return m_width; }
    bool isDark(int x, int y) const { return m_dark.testBit(y * m_width + x); }

    static constexpr int kQuietZone = 4;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QBitArray m_dark;
    int m_width = 0;
};

} // namespace wagate
