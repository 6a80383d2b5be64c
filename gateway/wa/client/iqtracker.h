#pragma once

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <map>

namespace wagate::wa {

class Node;

//! The iqs of one connection waiting for an answer, each with a deadline. One timer for all of
//! them, armed at the earliest deadline — not a heap QTimer per request — so ten thousand
//! connections with a keepalive and a few queries each cost ten thousand timers, not fifty.
//! Lives on its owner's thread.
class IqTracker : public QObject
{
public:
    using OnResponse = std::function<void(const Node &)>;
    using OnTimeout = std::function<void()>;

    explicit IqTracker(QObject *parent = nullptr);
    ~IqTracker() override;

    //! Waits for the answer to iq `id` for at most timeoutMs.
    void add(const QString &id, int timeoutMs, OnResponse onResponse, OnTimeout onTimeout);
    //! The answer to a tracked iq (type result or error): runs its callback and returns true;
    //! false for an id nobody waits for.
    bool resolve(const Node &iq);
    //! Forgets every pending iq without calling anything.
    void clear();
    qsizetype pending() const { return m_entries.size(); }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Entry
    {
        qint64 deadline = 0;
        OnResponse onResponse;
        OnTimeout onTimeout;
    };
    void arm();
    qint64 now() const { return m_clock.elapsed(); }

    QElapsedTimer m_clock;
    QHash<QString, Entry> m_entries;
    std::multimap<qint64, QString> m_deadlines; //!< deadline → id; stale pairs are skipped
    QBasicTimer m_timer;
    qint64 m_armedFor = -1;
    quint64 m_epoch = 0; //!< bumped by clear()
};

} // namespace wagate::wa
