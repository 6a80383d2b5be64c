#pragma once

#include <QDateTime>

#include <functional>

namespace wagate {

//! Milliseconds since the Unix epoch. Injected wherever expiry is decided so tests can move time.
using Clock = std::function<qint64()>;

inline Clock systemClock()
{
    return [] { return QDateTime::currentMSecsSinceEpoch(); };
}

} // namespace wagate
