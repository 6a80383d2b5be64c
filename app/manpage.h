#pragma once

#include <QString>

namespace wagate {

//! wagate(1) in roff, from the same option table as --help (commandLineOptions()), so the two never
//! disagree. The build writes it with `wagate-manpage`; the package installs it.
QString manPage(const QString &version);

} // namespace wagate
