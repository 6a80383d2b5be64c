#include "outboxtracker.h"

#include "core/enginefacade.h"
#include "core/logging.h"
#include "messagestatuslook.h"
#include "timetext.h"

#include <QDateTime>

namespace wagate {

namespace {

bool waits(MessageStatus s)
{
    return s == MessageStatus::Queued || s == MessageStatus::Sending;
}

} // namespace

OutboxTracker::OutboxTracker(QObject *parent) : QObject(parent)
{
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, &OutboxTracker::load);
    m_pauseEnd.setSingleShot(true);
    connect(&m_pauseEnd, &QTimer::timeout, this, &OutboxTracker::changed);
}

void OutboxTracker::setFacade(EngineFacade *facade)
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_facade = facade;
    if (facade) {
        m_connections << connect(facade, &EngineFacade::messageStatusChanged, this, &OutboxTracker::onStatus);
        m_connections << connect(facade, &EngineFacade::messageReceived, this, &OutboxTracker::onReceived);
    }
    load();
}

void OutboxTracker::setSession(const std::optional<SessionInfo> &session)
{
    const QString id = session ? session->id : QString();
    const bool other = id != m_sessionId;
    m_sessionId = id;
    m_row = session;
    if (session) {
        applyRow();
        const qint64 left = session->sendingPausedUntil - TimeText::nowMs();
        if (left > 0)
            m_pauseEnd.start(int(std::min<qint64>(left + 100, 24LL * 3600 * 1000)));
        else
            m_pauseEnd.stop();
    }
    if (other)
        load();
    else
        emit changed();
}

void OutboxTracker::applyRow()
{
    if (!m_row)
        return;
    m_summary.ratePerMin = m_row->ratePerMin;
    m_summary.ratePerHour = m_row->ratePerHour;
    m_summary.pausedUntil = m_row->sendingPausedUntil;
    m_summary.pausedReason = m_row->sendingPausedReason;
}

void OutboxTracker::load()
{
    const quint64 generation = ++m_generation;
    m_loaded = false;
    m_changedWhileLoading = false;
    const OutboxSummary kept = m_summary;
    m_summary = OutboxSummary{};
    m_summary.sessionId = m_sessionId;
    m_summary.ratePerMin = kept.ratePerMin;
    m_summary.ratePerHour = kept.ratePerHour;
    m_summary.pausedUntil = kept.pausedUntil;
    m_summary.pausedReason = kept.pausedReason;
    emit changed();
    if (m_sessionId.isEmpty() || !m_facade)
        return;
    const qint64 since = startOfDay(TimeText::nowMs());
    QPointer<OutboxTracker> self(this);
    m_facade->outboxSummary(m_sessionId, since, [self, generation](Result<OutboxSummary> r) {
        if (!self || generation != self->m_generation)
            return;
        if (!r) {
            qCInfo(lcUi) << "no outbox summary:" << errorCodeName(r.error().code) << r.error().message;
            return;
        }
        if (self->m_changedWhileLoading)
            return self->load(); // something moved meanwhile: the summary may or may not count it
        self->m_summary = *r;
        self->applyRow(); // the row as the console has it now is the newer word on pace and pause
        self->m_loaded = true;
        self->armMidnight();
        emit self->changed();
    });
}

void OutboxTracker::armMidnight()
{
    const qint64 now = TimeText::nowMs();
    const QDateTime next = QDateTime::fromMSecsSinceEpoch(startOfDay(now)).addDays(1);
    m_midnight.start(int(std::clamp<qint64>(next.toMSecsSinceEpoch() - now + 1000, 1000, 25LL * 3600 * 1000)));
}

void OutboxTracker::onStatus(const MessageInfo &m, const QString &previousStatus)
{
    if (m.sessionId != m_sessionId || m_sessionId.isEmpty())
        return;
    if (!m_loaded) {
        m_changedWhileLoading = true;
        return;
    }
    const std::optional<MessageStatus> previous = messageStatusFromName(previousStatus);
    QMap<MessageStatus, int> &today = m.direction == MessageDirection::Out ? m_summary.outgoing : m_summary.incoming;
    if (m.direction == MessageDirection::Out) {
        if (previous && waits(*previous))
            m_summary.waiting = std::max(0, m_summary.waiting - 1);
        if (waits(m.status))
            ++m_summary.waiting;
    }
    if (m.createdAt >= m_summary.since) {
        if (previous && today.value(*previous) > 0)
            --today[*previous];
        ++today[m.status];
    }
    emit changed();
}

void OutboxTracker::onReceived(const MessageInfo &m)
{
    if (m.sessionId != m_sessionId || m_sessionId.isEmpty())
        return;
    if (!m_loaded) {
        m_changedWhileLoading = true;
        return;
    }
    if (m.createdAt >= m_summary.since)
        ++m_summary.incoming[m.status];
    emit changed();
}

qint64 OutboxTracker::startOfDay(qint64 now)
{
    return QDateTime(QDateTime::fromMSecsSinceEpoch(now).date(), QTime(0, 0)).toMSecsSinceEpoch();
}

QString OutboxTracker::queueText(const OutboxSummary &s)
{
    const QString pace = tr("%1, %2").arg(tr("%Ln a minute", nullptr, s.ratePerMin), tr("%Ln an hour", nullptr, s.ratePerHour));
    const QString waiting = s.waiting > 0 ? tr("%Ln waiting", nullptr, s.waiting) : tr("Nothing waiting");
    return tr("%1 · %2").arg(waiting, pace);
}

QString OutboxTracker::pauseText(const OutboxSummary &s, qint64 now)
{
    if (!s.isPaused(now))
        return {};
    const QString until = TimeText::clock(s.pausedUntil, now);
    const QString why = MessageStatusLook::pauseReasonText(s.pausedReason);
    return s.newChatsOnly() ? tr("Sending to new chats paused until %1 — %2").arg(until, why)
                            : tr("Sending paused until %1 — %2").arg(until, why);
}

QString OutboxTracker::todayText(const OutboxSummary &s)
{
    const auto n = [&s](MessageStatus st) { return s.outgoing.value(st); };
    const int read = n(MessageStatus::Read);
    const int delivered = n(MessageStatus::Delivered) + read;
    const int sent = n(MessageStatus::Sent) + delivered;
    const int received = s.incoming.value(MessageStatus::Received) + s.incoming.value(MessageStatus::Read);
    QStringList parts{tr("%Ln sent", nullptr, sent), tr("%Ln delivered", nullptr, delivered), tr("%Ln read", nullptr, read),
                      tr("%Ln failed", nullptr, n(MessageStatus::Failed))};
    parts << tr("%Ln received", nullptr, received);
    return parts.join(QStringLiteral(" · "));
}

} // namespace wagate
