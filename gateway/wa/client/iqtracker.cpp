#include "iqtracker.h"

#include "wa/binary/node.h"

#include <QTimerEvent>

namespace wagate::wa {

IqTracker::IqTracker(QObject *parent) : QObject(parent)
{
    m_clock.start();
}

IqTracker::~IqTracker() = default;

void IqTracker::add(const QString &id, int timeoutMs, OnResponse onResponse, OnTimeout onTimeout)
{
    const qint64 deadline = now() + qMax(0, timeoutMs);
    m_entries.insert(id, Entry{deadline, std::move(onResponse), std::move(onTimeout)});
    m_deadlines.emplace(deadline, id);
    arm();
}

bool IqTracker::resolve(const Node &iq)
{
    auto it = m_entries.find(iq.attr("id"));
    if (it == m_entries.end())
        return false;
    Entry entry = std::move(*it);
    m_entries.erase(it);
    // The deadline pair stays in m_deadlines until it comes due; it then finds no entry.
    if (m_entries.isEmpty()) {
        m_deadlines.clear();
        m_timer.stop();
        m_armedFor = -1;
    }
    if (entry.onResponse)
        entry.onResponse(iq);
    return true;
}

void IqTracker::clear()
{
    ++m_epoch;
    m_entries.clear();
    m_deadlines.clear();
    m_timer.stop();
    m_armedFor = -1;
}

void IqTracker::arm()
{
    // Skip pairs whose iq was answered or replaced.
    while (!m_deadlines.empty()) {
        const auto first = m_deadlines.begin();
        auto it = m_entries.constFind(first->second);
        if (it != m_entries.cend() && it->deadline == first->first)
            break;
        m_deadlines.erase(first);
    }
    if (m_deadlines.empty()) {
        m_timer.stop();
        m_armedFor = -1;
        return;
    }
    const qint64 next = m_deadlines.begin()->first;
    if (m_timer.isActive() && m_armedFor == next)
        return;
    m_armedFor = next;
    m_timer.start(int(qMax<qint64>(0, next - now())), Qt::CoarseTimer, this);
}

void IqTracker::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timer.stop();
    m_armedFor = -1;
    const qint64 t = now();
    // Collect first: a timeout callback may add iqs or clear everything.
    QList<OnTimeout> due;
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= t) {
        const QString id = m_deadlines.begin()->second;
        const qint64 deadline = m_deadlines.begin()->first;
        m_deadlines.erase(m_deadlines.begin());
        auto it = m_entries.find(id);
        if (it == m_entries.end() || it->deadline != deadline)
            continue;
        due.append(std::move(it->onTimeout));
        m_entries.erase(it);
    }
    arm();
    const quint64 epoch = m_epoch;
    for (auto &onTimeout : due) {
        if (onTimeout)
            onTimeout();
        if (epoch != m_epoch)
            return; // a timeout ended the connection: the others belong to it
    }
}

} // namespace wagate::wa
