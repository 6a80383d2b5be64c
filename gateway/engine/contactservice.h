#pragma once

#include "auth/clock.h"
#include "core/messages.h"
#include "core/principal.h"
#include "core/result.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace wagate {

class SessionEvents;
class SessionManager;
class SessionRepository;

//! How often a session may ask WhatsApp whether numbers exist, and how long answers are kept.
//! Bulk existence checks are a known ban trigger, so the default is modest.
struct ContactLookupConfig
{
    int perMinute = 10;                       //!< lookups that reach WhatsApp, per session (refill rate)
    int burst = 10;                           //!< at most this many at once after a quiet spell
    qint64 foundTtlMs = 24LL * 3600 * 1000;   //!< "on WhatsApp" answers are reused this long
    qint64 notFoundTtlMs = 3600LL * 1000;     //!< "not on WhatsApp" answers (the number may join)
    int maxCached = 100000;                   //!< answers kept per node
};

//! A lookup as the API answers it.
struct ContactAnswer
{
    ContactLookup contact;
    qint64 checkedAt = 0; //!< when WhatsApp answered (ms since the epoch)
    bool cached = false;  //!< answered from the cache, without asking WhatsApp
};

//! "Is this number on WhatsApp?" for the HTTP API: answers from a per-session cache while they are
//! fresh, otherwise asks through the session's connection — coalescing concurrent questions for the
//! same number, and within the session's budget (rate_limited with Retry-After beyond it). Lives on
//! the engine thread.
class ContactService : public QObject
{
    Q_OBJECT
public:
    ContactService(SessionRepository &sessions, SessionManager &manager, SessionEvents &events, ContactLookupConfig config = {},
                   Clock clock = systemClock(), QObject *parent = nullptr);
    ~ContactService() override;

    using Done = std::function<void(Result<ContactAnswer>)>;
    //! Needs `read` on the session; phoneNumber as digits, optionally with '+'. done runs exactly
    //! once, possibly before lookup returns.
    void lookup(const Principal &caller, const QString &sessionId, const QString &phoneNumber, Done done);

    //! Answers kept (all sessions).
    qsizetype cachedCount() const { return m_cache.size(); }
    //! Lookups that reached WhatsApp since start (for /metrics and tests).
    quint64 queriesSent() const { return m_queries; }

private:
    struct Cached
    {
        ContactLookup contact;
        qint64 checkedAt = 0;
    };
    struct Bucket
    {
        double tokens = 0;
        qint64 at = 0;
    };
    bool fresh(const Cached &c, qint64 now) const;
    //! Takes one token from the session's bucket; the ms until one is there when none is.
    qint64 take(const QString &sessionId, qint64 now);
    void finish(const QString &key, const Result<ContactLookup> &r);
    void onSessionGone(const QString &sessionId);

    SessionRepository &m_sessions;
    SessionManager &m_manager;
    ContactLookupConfig m_config;
    Clock m_clock;
    QHash<QString, Cached> m_cache;            //!< "session|digits"
    QHash<QString, Bucket> m_buckets;          //!< by session
    QHash<QString, QList<Done>> m_inFlight;    //!< "session|digits" → who waits for WhatsApp's answer
    quint64 m_queries = 0;
};

} // namespace wagate
