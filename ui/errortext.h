#pragma once

#include "core/error.h"
#include "core/principal.h"

#include <QCoreApplication>

namespace wagate {

//! Engine errors in words for the person who pressed the button.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    //! For a failed request ("Your sign-in lacks the “manage” permission.").
    static QString forAction(const Error &error);
    //! For a disabled control: which permission is missing.
    static QString missingPermission(Capability capability);
    //! "session has no number attached" → "Session has no number attached."
    static QString sentence(const QString &text);
    //! The same for text after a colon: "the engine is not running." (acronyms keep their capitals).
    static QString clause(const QString &text);
};

} // namespace wagate
