#pragma once

#include "clock.h"

#include <QHash>
#include <QString>

namespace wagate {

//! Slows password guessing: after a number of free failures per username, and separately per client
//! address, each further failure locks that key for twice as long as the last (up to a cap). A
//! success clears both keys. Also limits attempts in flight, so parallel guesses cannot slip past the
//! count while hashes are being checked. Bounded in memory. Lives on one thread.
class LoginThrottle
{
public:
    struct Policy
    {
        int freeFailures = 5;
        qint64 baseDelayMs = 1000;
        qint64 maxDelayMs = 15 * 60 * 1000;
        int maxInFlight = 1;
        qint64 forgetAfterMs = 24 * 60 * 60 * 1000; //!< failures this old no longer count
    };
    //! Defaults: per username 5 free failures, one attempt at a time; per address 20 and 8 (many
    //! operators may share one address, e.g. 127.0.0.1 in front of a local proxy).
    static Policy defaultUserPolicy() { return {}; }
    static Policy defaultAddressPolicy() { return {20, 1000, 15 * 60 * 1000, 8, 24 * 60 * 60 * 1000}; }

    explicit LoginThrottle(Clock clock = systemClock(), Policy user = defaultUserPolicy(),
                           Policy address = defaultAddressPolicy());

    //! 0 when an attempt may start now (and then counts as in flight until finish()); otherwise the
    //! milliseconds to wait.
    qint64 begin(const QString &userKey, const QString &address);
    //! Ends an attempt begun with begin() == 0.
    void finish(const QString &userKey, const QString &address, bool success);
    //! Ends an attempt that could not be decided (e.g. the store was down): counts neither way.
    void abandon(const QString &userKey, const QString &address);

    //! The delay a key is under after failures (for tests and logs).
    static qint64 delayAfter(const Policy &policy, int failures);

    static constexpr int kMaxEntries = 100000;

private:
    struct Entry
    {
        int failures = 0;
        int inFlight = 0;
        qint64 lockedUntil = 0;
        qint64 lastFailureAt = 0;
    };
    qint64 waitFor(const QHash<QString, Entry> &map, const QString &key, const Policy &policy, qint64 now) const;
    void fail(QHash<QString, Entry> &map, const QString &key, const Policy &policy, qint64 now);
    void prune(QHash<QString, Entry> &map, const Policy &policy, qint64 now);

    Clock m_clock;
    Policy m_userPolicy;
    Policy m_addressPolicy;
    QHash<QString, Entry> m_users;
    QHash<QString, Entry> m_addresses;
};

} // namespace wagate
