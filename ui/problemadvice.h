#pragma once

#include "core/session.h"

#include <QCoreApplication>
#include <QString>

namespace wagate {

//! What went wrong with a session, in the words support staff use, and what to do about it. The
//! engine's error codes are for scripts; this is for people.
struct ProblemAdvice
{
    Q_DECLARE_TR_FUNCTIONS(ProblemAdvice)
public:
    enum class Action { None, Link, Start };
    //! A problem is shown as one (red frame, first thing in the pane); a hint is just guidance.
    enum class Tone { Hint, Problem };

    QString what;   //!< "The phone unlinked this device."
    QString toDo;   //!< "Link the number again."
    Action action = Action::None;
    Tone tone = Tone::Hint;
    QString detail; //!< the engine's own message and code, for a tooltip or a support ticket

    bool isEmpty() const { return what.isEmpty(); }
    //! The text of the button that performs action ("Link the number again", "Try again").
    QString actionText() const;

    //! Advice for a session, or empty when nothing needs a person.
    static ProblemAdvice forSession(const SessionInfo &session);
};

} // namespace wagate
