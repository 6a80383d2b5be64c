#pragma once

#include "core/consoleviews.h"
#include "core/session.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace wagate {

class EngineFacade;

//! The outbox of the selected session, kept live: the engine's summary once, then every message
//! event moves the counts by itself (no listing again), and the session row brings the pace and
//! WhatsApp's pause. At local midnight the day's counts start again.
class OutboxTracker : public QObject
{
    Q_OBJECT
public:
    explicit OutboxTracker(QObject *parent = nullptr);

    void setFacade(EngineFacade *facade);
    //! Follows another session (std::nullopt: none); the same session again only takes its row.
    void setSession(const std::optional<SessionInfo> &session);
    bool isLoaded() const { return m_loaded; }
    const OutboxSummary &summary() const { return m_summary; }

    //! "3 waiting · 20 a minute, 600 an hour".
    static QString queueText(const OutboxSummary &s);
    //! "Sending to new chats paused until 14:05 — WhatsApp limited new chats (463)"; "" when not paused.
    static QString pauseText(const OutboxSummary &s, qint64 now);
    //! "12 sent · 10 delivered · 4 read · 1 failed · 5 received": sent counts what left today (so
    //! also what was delivered and read since), delivered also what was read.
    static QString todayText(const OutboxSummary &s);
    //! Local midnight before `now`.
    static qint64 startOfDay(qint64 now);

signals:
    void changed();

private:
    void load();
    //! Takes the pace and the pause from the session row.
    void applyRow();
    void onStatus(const MessageInfo &message, const QString &previousStatus);
    void onReceived(const MessageInfo &message);
    void armMidnight();

    QPointer<EngineFacade> m_facade;
    QList<QMetaObject::Connection> m_connections;
    QString m_sessionId;
    std::optional<SessionInfo> m_row;
    quint64 m_generation = 0;
    bool m_loaded = false;
    OutboxSummary m_summary;
    //! Events that came while the summary was being fetched: applied when it answers would count
    //! twice, so they are only noted, and the summary fetched again when one came.
    bool m_changedWhileLoading = false;
    QTimer m_midnight;
    QTimer m_pauseEnd; //!< the pause ends by the clock: say so then
};

} // namespace wagate
