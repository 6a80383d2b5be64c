#pragma once

#include <QString>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace wagate {

//! Bounds how long a thread may wait for PostgreSQL inside one statement. libpq's synchronous calls
//! have no client-side timeout: a server that stops answering (a stalled host, a network partition
//! that drops packets) keeps the caller waiting until TCP gives up, possibly hours. The watchdog's own
//! thread shuts down the statement's socket once its budget is spent, so the statement fails at once
//! as a lost connection. Armed around each statement by the one thread that uses the connection.
class StatementWatchdog
{
public:
    explicit StatementWatchdog(int budgetMs);
    ~StatementWatchdog();
    StatementWatchdog(const StatementWatchdog &) = delete;
    StatementWatchdog &operator=(const StatementWatchdog &) = delete;

    void setBudgetMs(int ms);
    int budgetMs() const { return m_budgetMs; }
    //! A statement on socket fd starts now.
    void arm(int fd);
    //! It returned; true when the watchdog had cut it off.
    bool disarm();

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    int m_budgetMs;
    int m_fd = -1;
    bool m_armed = false;
    bool m_fired = false;
    bool m_quit = false;
    std::chrono::steady_clock::time_point m_deadline;
    std::thread m_thread;
};

//! Finds out, on a thread of its own, when a PostgreSQL server accepts connections again (libpq's
//! PQping, which neither authenticates nor runs a statement), so the thread that owns the store never
//! waits for a dead server's connect timeout. reachable() runs on the probe's thread; the owner posts
//! it to its own.
class ServerProbe
{
public:
    //! conninfo: libpq keywords and values; intervalMs between attempts.
    ServerProbe(QString conninfo, int intervalMs, std::function<void()> reachable);
    ~ServerProbe();
    ServerProbe(const ServerProbe &) = delete;
    ServerProbe &operator=(const ServerProbe &) = delete;

    //! Starts probing (again); reachable() fires once per start, when the server answers.
    void start();

private:
    void run();

    QString m_conninfo;
    int m_intervalMs;
    std::function<void()> m_reachable;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_probing = false;
    bool m_quit = false;
    std::thread m_thread;
};

} // namespace wagate
