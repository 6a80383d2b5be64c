#pragma once

#include "commandline.h"

namespace wagate {

//! Each returns the process exit code.
int runHeadless(const CommandLine &cl);
int runConsole(const CommandLine &cl, int &argc, char **argv);
int runSubcommand(const CommandLine &cl);

} // namespace wagate
