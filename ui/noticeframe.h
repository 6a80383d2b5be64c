#pragma once

#include <QFrame>

namespace wagate {

//! A tinted, bordered box for something the person should read first (a problem, a warning). Painted
//! rather than style-sheeted, so the widgets inside keep their native look and sizes.
class NoticeFrame : public QFrame
{
    Q_OBJECT
public:
    enum class Tone { Neutral, Info, Warning, Error };

    explicit NoticeFrame(QWidget *parent = nullptr);

    void setTone(Tone tone);
    Tone tone() const { return m_tone; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Tone m_tone = Tone::Neutral;
};

//! Grows a shown window until its word-wrapped texts fit (layouts do not resize a window that is
//! already on screen); never shrinks it.
void growToFit(QWidget *window);

} // namespace wagate
