#include "postgresguard.h"

#include <libpq-fe.h>
#include <sys/socket.h>

namespace wagate {

StatementWatchdog::StatementWatchdog(int budgetMs) : m_budgetMs(budgetMs), m_thread([this] { run(); }) {}

StatementWatchdog::~StatementWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void StatementWatchdog::setBudgetMs(int ms)
{
    std::lock_guard lock(m_mutex);
    m_budgetMs = ms;
}

void StatementWatchdog::arm(int fd)
{
    {
        std::lock_guard lock(m_mutex);
        m_fd = fd;
        m_armed = fd >= 0;
        m_fired = false;
        m_deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_budgetMs);
    }
    m_wake.notify_all();
}

bool StatementWatchdog::disarm()
{
    std::lock_guard lock(m_mutex);
    m_armed = false;
    m_fd = -1;
    return m_fired;
}

void StatementWatchdog::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        if (!m_armed) {
            m_wake.wait(lock);
            continue;
        }
        const auto deadline = m_deadline;
        if (m_wake.wait_until(lock, deadline) != std::cv_status::timeout)
            continue; // disarmed, re-armed or quitting: look again
        if (m_armed && !m_quit && m_deadline == deadline) {
            // Under the lock the owner cannot be past disarm(), so the socket is still the
            // statement's: libpq closes it only from the owner's thread, after the call returns.
            ::shutdown(m_fd, SHUT_RDWR);
            m_fired = true;
            m_armed = false;
        }
    }
}

ServerProbe::ServerProbe(QString conninfo, int intervalMs, std::function<void()> reachable)
    : m_conninfo(std::move(conninfo)), m_intervalMs(intervalMs), m_reachable(std::move(reachable)),
      m_thread([this] { run(); })
{
}

ServerProbe::~ServerProbe()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void ServerProbe::start()
{
    {
        std::lock_guard lock(m_mutex);
        m_probing = true;
    }
    m_wake.notify_all();
}

void ServerProbe::run()
{
    const QByteArray conninfo = m_conninfo.toUtf8();
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        if (!m_probing) {
            m_wake.wait(lock);
            continue;
        }
        lock.unlock();
        const bool up = PQping(conninfo.constData()) == PQPING_OK;
        lock.lock();
        if (m_quit)
            break;
        if (up) {
            m_probing = false;
            lock.unlock();
            m_reachable();
            lock.lock();
            continue;
        }
        m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs), [this] { return m_quit; });
    }
}

} // namespace wagate
