#pragma once

#include "commandline.h"

namespace wagate {

//! Each returns the process exit code.
int runHeadless(const CommandLine &cl);
//! In `wagate` only (console.cpp is part of the console library, not of the engine host).
int runConsole(const CommandLine &cl, int &argc, char **argv);
int runSubcommand(const CommandLine &cl);

} // namespace wagate
