#pragma once

#include "core/session.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace wagate {

//! How a status meets the eye: words, a shape and a colour, always together, so nobody has to tell
//! red from green to know a session is in trouble.
class SessionStatusLook
{
    Q_DECLARE_TR_FUNCTIONS(SessionStatusLook)
public:
    //! The words of UI.md ("Working", "Not linked", "Scan the QR code" …).
    static QString words(SessionStatus status);
    //! One sentence for a tooltip: what the status means for the person at the keyboard.
    static QString explanation(SessionStatus status);
    static QColor color(SessionStatus status);
    //! A painted icon with a distinct shape per status (circle, half circle, square, cross …).
    static QIcon icon(SessionStatus status);
    //! Ascending order puts what needs a person first (failed, logged out, reconnecting …).
    static int attentionRank(SessionStatus status);
    //! True for statuses that need the operator to do something.
    static bool needsAttention(SessionStatus status);
};

} // namespace wagate
