#pragma once

#include "error.h"
#include "expected.h"

namespace wagate {

//! A value or an Error; results cross layers, exceptions do not.
template<typename T>
using Result = Expected<T, Error>;

} // namespace wagate
