#pragma once

#include <QIcon>

#include <functional>

class QPainter;

namespace wagate {

//! The console's icons, painted from simple shapes so they look the same on every desktop (and
//! offscreen) without an icon theme.
class ActionIcons
{
public:
    //! Paints into a square; fg is the text colour for the icon's mode, enabled is false when disabled.
    using Painter = std::function<void(QPainter &, const QRectF &, const QColor &fg, bool enabled)>;
    static QIcon painted(Painter painter);

    static QIcon newSession(); //!< +
    static QIcon start();      //!< ▶
    static QIcon stop();       //!< ■
    static QIcon link();       //!< a chain link
    static QIcon remove();     //!< a bin
    static QIcon copy();       //!< two sheets
    static QIcon send();       //!< a paper plane
    static QIcon error();      //!< ! in a red disc
    static QIcon info();       //!< i in a blue disc
    static QIcon app();        //!< the application's icon
};

} // namespace wagate
