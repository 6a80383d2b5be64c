#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace wagate {

//! Times as people say them. Every function takes "now" so views and tests agree on it.
class TimeText
{
    Q_DECLARE_TR_FUNCTIONS(TimeText)
public:
    //! "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", "12 Mar 2024"; "never" for 0.
    static QString relative(qint64 atMs, qint64 nowMs);
    //! "09:14" today, "yesterday 18:02", "Mon 09:14" this week, "12 Mar 09:14" this year, else with the year.
    static QString clock(qint64 atMs, qint64 nowMs);
    //! How long until relative() of atMs reads differently (ms), so a view refreshes exactly then.
    static qint64 relativeValidForMs(qint64 atMs, qint64 nowMs);
    //! The console's "now" (ms since the epoch): the wall clock, or the clock given to setClock().
    static qint64 nowMs();
    //! Where nowMs() reads the time (GUI thread only); an empty function is the wall clock again.
    //! Tests give one they move by hand, as WaConnectionOptions::clock does for the protocol.
    static void setClock(std::function<qint64()> clock);
};

} // namespace wagate
