#include "loginthrottle.h"

namespace wagate {

LoginThrottle::LoginThrottle(Clock clock, Policy user, Policy address)
    : m_clock(std::move(clock)), m_userPolicy(user), m_addressPolicy(address)
{
}

qint64 LoginThrottle::delayAfter(const Policy &policy, int failures)
{
    if (failures < policy.freeFailures)
        return 0;
    const int doublings = std::min(failures - policy.freeFailures, 40);
    const qint64 delay = policy.baseDelayMs << doublings;
    return std::min(delay, policy.maxDelayMs);
}

qint64 LoginThrottle::waitFor(const QHash<QString, Entry> &map, const QString &key, const Policy &policy, qint64 now) const
{
    auto it = map.constFind(key);
    if (it == map.cend())
        return 0;
    if (it->inFlight >= policy.maxInFlight)
        return 1000; // another attempt is being checked; try again shortly
    if (it->failures > 0 && now - it->lastFailureAt >= policy.forgetAfterMs)
        return 0;
    return std::max<qint64>(0, it->lockedUntil - now);
}

qint64 LoginThrottle::begin(const QString &userKey, const QString &address)
{
    const qint64 now = m_clock();
    const qint64 wait = std::max(waitFor(m_users, userKey, m_userPolicy, now),
                                 waitFor(m_addresses, address, m_addressPolicy, now));
    if (wait > 0)
        return wait;
    prune(m_users, m_userPolicy, now);
    prune(m_addresses, m_addressPolicy, now);
    ++m_users[userKey].inFlight;
    ++m_addresses[address].inFlight;
    return 0;
}

void LoginThrottle::fail(QHash<QString, Entry> &map, const QString &key, const Policy &policy, qint64 now)
{
    Entry &e = map[key];
    if (e.failures > 0 && now - e.lastFailureAt >= policy.forgetAfterMs)
        e.failures = 0;
    ++e.failures;
    e.lastFailureAt = now;
    e.lockedUntil = now + delayAfter(policy, e.failures);
}

void LoginThrottle::abandon(const QString &userKey, const QString &address)
{
    for (auto *map : {&m_users, &m_addresses}) {
        const QString &key = map == &m_users ? userKey : address;
        auto it = map->find(key);
        if (it != map->end() && it->inFlight > 0)
            --it->inFlight;
    }
}

void LoginThrottle::finish(const QString &userKey, const QString &address, bool success)
{
    const qint64 now = m_clock();
    abandon(userKey, address);
    if (success) {
        m_users.remove(userKey);
        m_addresses.remove(address);
        return;
    }
    fail(m_users, userKey, m_userPolicy, now);
    fail(m_addresses, address, m_addressPolicy, now);
}

void LoginThrottle::prune(QHash<QString, Entry> &map, const Policy &policy, qint64 now)
{
    if (map.size() < kMaxEntries)
        return;
    for (auto it = map.begin(); it != map.end();) {
        const bool idle = it->inFlight == 0 && (it->lockedUntil <= now || now - it->lastFailureAt >= policy.forgetAfterMs);
        it = idle ? map.erase(it) : std::next(it);
    }
    // Still full of live lockouts (a flood of distinct keys): forget the state rather than grow.
    if (map.size() >= kMaxEntries)
        map.clear();
}

} // namespace wagate
