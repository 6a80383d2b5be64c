#pragma once

#include <QTimer>
#include <QWidget>

namespace wagate {

//! A small spinning arc for "working on it"; animates only while visible.
class BusyIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit BusyIndicator(QWidget *parent = nullptr);
    QSize sizeHint() const override { return {24, 24}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QTimer m_timer;
    int m_angle = 0;
};

//! A pie that empties as a code's time runs out ("◔"), next to the words that say the same.
class CountdownPie : public QWidget
{
    Q_OBJECT
public:
    explicit CountdownPie(QWidget *parent = nullptr);
    //! fraction of the time left, 0…1
    void setFraction(qreal fraction);
    QSize sizeHint() const override { return {16, 16}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    qreal m_fraction = 1.0;
};

} // namespace wagate
