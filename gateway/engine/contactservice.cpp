#include "contactservice.h"

#include "core/ids.h"
#include "core/messageinfo.h"
#include "sessionevents.h"
#include "sessionmanager.h"
#include "store/sessionrepository.h"

#include <QPointer>

#include <algorithm>
#include <cmath>

namespace wagate {

namespace {

QString cacheKey(const QString &sessionId, const QString &digits)
{
    return sessionId + QLatin1Char('|') + digits;
}

} // namespace

ContactService::ContactService(SessionRepository &sessions, SessionManager &manager, SessionEvents &events,
                               ContactLookupConfig config, Clock clock, QObject *parent)
    : QObject(parent), m_sessions(sessions), m_manager(manager), m_config(config), m_clock(std::move(clock))
{
    m_config.perMinute = std::max(1, m_config.perMinute);
    m_config.burst = std::max(1, m_config.burst);
    connect(&events, &SessionEvents::sessionRemoved, this,
            [this](const QString &, const QString &sessionId) { onSessionGone(sessionId); });
}

ContactService::~ContactService()
{
    const auto waiting = std::exchange(m_inFlight, {});
    for (const QList<Done> &list : waiting) {
        for (const Done &done : list)
            done(Error::unavailable(QStringLiteral("the gateway is shutting down")));
    }
}

bool ContactService::fresh(const Cached &c, qint64 now) const
{
    return now - c.checkedAt < (c.contact.onWhatsApp ? m_config.foundTtlMs : m_config.notFoundTtlMs);
}

qint64 ContactService::take(const QString &sessionId, qint64 now)
{
    const double perMs = m_config.perMinute / 60000.0;
    auto it = m_buckets.find(sessionId);
    if (it == m_buckets.end())
        it = m_buckets.insert(sessionId, Bucket{double(m_config.burst), now});
    Bucket &b = *it;
    b.tokens = std::min<double>(m_config.burst, b.tokens + std::max<qint64>(0, now - b.at) * perMs);
    b.at = now;
    if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
    }
    return qint64(std::ceil((1 - b.tokens) / perMs));
}

void ContactService::lookup(const Principal &caller, const QString &sessionId, const QString &phoneNumber, Done done)
{
    if (!ids::isValidPathId(sessionId))
        return done(Error::invalidArgument(QStringLiteral("malformed session id: 1 to 64 characters of A-Z, a-z, 0-9, _ and -"),
                                           QStringLiteral("session")));
    auto session = m_sessions.get(caller.organizationId, sessionId);
    if (!session)
        return done(session.error());
    if (auto r = caller.require(Capability::Read); !r)
        return done(r.error());
    if (phoneNumber.contains(u'@'))
        return done(Error::invalidArgument(QStringLiteral("phoneNumber must be a phone number in international digits, not a JID"),
                                           QStringLiteral("phoneNumber")));
    auto recipient = parseRecipient(phoneNumber, QStringLiteral("phoneNumber"));
    if (!recipient)
        return done(recipient.error());
    const QString digits = recipient->phoneNumber;
    const QString key = cacheKey(sessionId, digits);
    const qint64 now = m_clock();
    if (auto it = m_cache.constFind(key); it != m_cache.constEnd() && fresh(*it, now))
        return done(ContactAnswer{it->contact, it->checkedAt, true});
    if (auto it = m_inFlight.find(key); it != m_inFlight.end()) {
        it->append(std::move(done));
        return;
    }
    if (session->status != SessionStatus::Working) {
        Error e = Error::failedPrecondition(
            QStringLiteral("the session is %1; looking a number up needs a working session").arg(sessionStatusName(session->status)));
        e.details.insert(QStringLiteral("status"), sessionStatusName(session->status));
        return done(e);
    }
    if (const qint64 waitMs = take(sessionId, now); waitMs > 0) {
        return done(Error::rateLimited(
            QStringLiteral("this session asked WhatsApp about %1 numbers in a minute already; bulk lookups get numbers banned")
                .arg(m_config.perMinute),
            (waitMs + 999) / 1000));
    }
    m_inFlight[key].append(std::move(done));
    ++m_queries;
    QPointer<ContactService> self(this);
    m_manager.lookupContact(sessionId, digits, [self, key](Result<ContactLookup> r) {
        if (self)
            self->finish(key, r);
    });
}

void ContactService::finish(const QString &key, const Result<ContactLookup> &r)
{
    const QList<Done> waiting = m_inFlight.take(key);
    if (!r) {
        for (const Done &done : waiting)
            done(r.error());
        return;
    }
    const qint64 now = m_clock();
    if (m_cache.size() >= m_config.maxCached) {
        for (auto it = m_cache.begin(); it != m_cache.end();)
            it = fresh(*it, now) ? std::next(it) : m_cache.erase(it);
        if (m_cache.size() >= m_config.maxCached)
            m_cache.clear();
    }
    m_cache.insert(key, Cached{*r, now});
    for (const Done &done : waiting)
        done(ContactAnswer{*r, now, false});
}

void ContactService::onSessionGone(const QString &sessionId)
{
    m_buckets.remove(sessionId);
    const QString prefix = sessionId + QLatin1Char('|');
    for (auto it = m_cache.begin(); it != m_cache.end();)
        it = it.key().startsWith(prefix) ? m_cache.erase(it) : std::next(it);
}

} // namespace wagate
