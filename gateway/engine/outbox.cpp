#include "outbox.h"

#include "core/logging.h"
#include "core/ids.h"
#include "messageservice.h"
#include "store/database.h"
#include "store/messagerepository.h"
#include "webhookservice.h"
#include "sessionevents.h"
#include "sessionmanager.h"
#include "store/sessionrepository.h"

#include <QRandomGenerator>

#include <algorithm>

namespace wagate {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;
constexpr int kLookAhead = 50; //!< due messages looked at when the first ones must wait (a paused new chat)

//! A refusal of WhatsApp's as the message resource names it.
MessageError errorOf(const SendFailure &f, qint64 at)
{
    QString code = QString(message_error::Rejected);
    if (f.code == send_failure::NotOnWhatsApp)
        code = QString(message_error::NotOnWhatsApp);
    else if (f.code == send_failure::InvalidRecipient)
        code = QString(message_error::InvalidRecipient);
    else if (f.code == send_failure::NoSession || f.code == send_failure::InvalidMessage)
        code = QString(message_error::SendFailed);
    return MessageError{code, f.message, at, f.waCode};
}

//! A change the store did not take leaves the message `sending`: it goes again (same id) and its
//! outcome is recorded then. Said in the log, never dropped silently.
void logUnstored(const Result<std::optional<MessageInfo>> &moved, const QString &messageId)
{
    if (!moved)
        qCWarning(lcEngine).noquote() << "the outcome of message" << messageId << "was not stored:" << moved.error().message;
}

//! The same, told after the group commit of the change.
MessageService::MoveDone logIfUnstored(const QString &messageId)
{
    return [messageId](Result<std::optional<MessageInfo>> moved) { logUnstored(moved, messageId); };
}

} // namespace

Outbox::Outbox(MessageService &service, SessionRepository &sessions, SessionManager &manager, SessionEvents &events,
               QObject *parent)
    : QObject(parent), m_service(service), m_sessions(sessions), m_manager(manager), m_events(events)
{
    connect(&events, &SessionEvents::messageSent, this,
            [this](const QString &, const QString &sessionId, const QString &id, qint64 at) { onSent(sessionId, id, at); });
    connect(&events, &SessionEvents::messageFailed, this,
            [this](const QString &, const QString &sessionId, const SendFailure &f) { onFailed(sessionId, f); });
    connect(&events, &SessionEvents::receiptReceived, this,
            [this](const QString &, const QString &sessionId, const MessageReceipt &r) { onReceipt(sessionId, r); });
    connect(&events, &SessionEvents::statusChanged, this, &Outbox::onStatus);
    // New rates or typing take effect for what waits now.
    connect(&events, &SessionEvents::sessionUpdated, this, [this](const SessionInfo &s) {
        if (m_lanes.count(s.id))
            kick(s.id);
    });
    connect(&events, &SessionEvents::sessionRemoved, this,
            [this](const QString &, const QString &sessionId) { m_lanes.erase(sessionId); });
}

Outbox::~Outbox() = default;

Outbox::Lane &Outbox::lane(const QString &sessionId)
{
    auto it = m_lanes.find(sessionId);
    if (it != m_lanes.end())
        return *it->second;
    auto made = std::make_unique<Lane>();
    made->sessionId = sessionId;
    made->timer.setSingleShot(true);
    Lane *l = made.get();
    connect(&made->timer, &QTimer::timeout, this, [this, l] { pump(*l); });
    return *m_lanes.emplace(sessionId, std::move(made)).first->second;
}

void Outbox::kick(const QString &sessionId)
{
    // Looked at again on the next turn (an accept returns before its message leaves); the pace is
    // worked out there, from what was sent, so an early look never sends early.
    lane(sessionId).timer.start(0);
}

std::optional<Outbox::Pause> Outbox::pause(const QString &sessionId) const
{
    auto it = m_lanes.find(sessionId);
    if (it == m_lanes.end() || it->second->pause.until <= m_service.now())
        return std::nullopt;
    return it->second->pause;
}

int Outbox::pausedCount() const
{
    const qint64 now = m_service.now();
    return int(std::count_if(m_lanes.cbegin(), m_lanes.cend(), [now](const auto &l) { return l.second->pause.until > now; }));
}

qint64 Outbox::nextSendAt(const QString &sessionId) const
{
    auto it = m_lanes.find(sessionId);
    return it == m_lanes.end() || !it->second->timer.isActive() ? 0 : it->second->nextAt;
}

void Outbox::wake(Lane &l, qint64 at)
{
    l.nextAt = at;
    l.timer.start(int(std::clamp<qint64>(at - m_service.now(), 0, 24 * kHourMs)));
}

int Outbox::typingMs(const QString &text) const
{
    return int(std::min<qint64>(m_config.typingBaseMs + qint64(text.size()) * m_config.typingPerCharMs, m_config.typingMaxMs));
}

void Outbox::pump(Lane &l)
{
    if (!l.inFlight.isEmpty())
        return; // one at a time: the next waits for this one's outcome
    auto s = m_sessions.getAny(l.sessionId);
    if (!s) {
        if (s.error().code != ErrorCode::NotFound)
            wake(l, m_service.now() + m_config.storeRetryMs);
        return;
    }
    if (s->status != SessionStatus::Working || !m_manager.isActive(l.sessionId))
        return; // waits; becoming working kicks the lane
    const qint64 now = m_service.now();
    if (!l.pauseLoaded) {
        if (s->sendingPausedUntil > now)
            l.pause = Pause{s->sendingPausedUntil, s->sendingPausedReason,
                            s->sendingPausedReason == QLatin1String(send_failure::ReachOutTimelock)};
        else if (s->sendingPausedUntil)
            storePause(l); // it ended while the gateway was down
        l.pauseLoaded = true;
    }
    if (l.pause.until && l.pause.until <= now) {
        qCInfo(lcEngine).noquote() << "session" << l.sessionId << "resumes sending after" << l.pause.reason;
        l.pause = Pause{};
        storePause(l);
    }
    if (l.retryAt > now)
        return wake(l, l.retryAt);

    // One due message is enough unless new chats are paused: then known chats behind them may go.
    auto due = m_service.repository().due(l.sessionId, l.pause.until > now && l.pause.newChatsOnly ? kLookAhead : 1);
    if (!due) {
        qCWarning(lcEngine).noquote() << "the outbox of session" << l.sessionId << "cannot be read:" << due.error().message;
        return wake(l, now + m_config.storeRetryMs);
    }
    // Expired messages fail where they stand; a pause of new chats lets known chats through.
    const StoredMessage *next = nullptr;
    bool expired = false;
    for (const StoredMessage &m : *due) {
        if (m.info.expiresAt && now >= m.info.expiresAt) {
            expired = true;
            auto moved = m_service.move(m, {MessageStatus::Failed, now, {}, {}, {},
                                           MessageError{QString(message_error::Expired),
                                                        QStringLiteral("not sent within its time to live"), now, 0},
                                           false});
            if (!moved)
                return wake(l, now + m_config.storeRetryMs);
            continue;
        }
        if (l.pause.until > now) {
            if (!l.pause.newChatsOnly)
                return wake(l, l.pause.until);
            auto known = m_service.repository().hasConversation(l.sessionId, m.info.chat);
            if (!known)
                return wake(l, now + m_config.storeRetryMs);
            if (!*known)
                continue;
        }
        next = &m;
        break;
    }
    if (!next) {
        if (expired)
            wake(l, now); // what stood behind them is looked at next
        else if (l.pause.until > now && !due->isEmpty())
            wake(l, l.pause.until);
        return;
    }

    // The pace: 60/ratePerMin s after the last one (plus this interval's random extra), and at most
    // ratePerHour in any rolling hour.
    if (!l.hourLoaded) {
        auto times = m_service.repository().dispatchedSince(l.sessionId, now - kHourMs);
        if (!times)
            return wake(l, now + m_config.storeRetryMs);
        l.hour.assign(times->cbegin(), times->cend());
        if (!l.hour.empty())
            l.lastDispatch = std::max(l.lastDispatch, l.hour.back());
        l.hourLoaded = true;
    }
    while (!l.hour.empty() && l.hour.front() <= now - kHourMs)
        l.hour.pop_front();
    const qint64 interval = 60000 / std::max(1, s->ratePerMin);
    qint64 at = l.lastDispatch ? l.lastDispatch + interval + l.jitterMs : now;
    if (int(l.hour.size()) >= s->ratePerHour)
        at = std::max(at, l.hour[l.hour.size() - size_t(s->ratePerHour)] + kHourMs);

    auto opened = m_service.open(*next);
    if (!opened)
        return wake(l, now + m_config.storeRetryMs);
    const MessageInfo &m = *opened;

    // Typing counts inside the interval: it begins so that the message leaves when its pace allows.
    if (s->presenceTyping && l.typingFor != m.id) {
        const int typing = typingMs(m.text);
        if (now < at - typing)
            return wake(l, at - typing);
        if (m_manager.sendChatState(l.sessionId, m.chat, ChatState::Composing)) {
            l.typingFor = m.id;
            l.typingChat = m.chat;
            l.typingUntil = now + typing;
        }
    }
    if (l.typingFor == m.id)
        at = std::max(at, l.typingUntil);
    if (now < at)
        return wake(l, at);

    // `sending` is stored before the message goes: after a crash it is sent again, with the same id.
    // Written with the other changes of this turn; the text leaves once they are committed.
    l.inFlight = m.id;
    l.inFlightWaId = m.waMessageId;
    m_service.moveLater(*next, {MessageStatus::Sending, now, {}, {}, {}, {}, true},
                        [this, sessionId = l.sessionId, text = OutgoingText{m.waMessageId, m.chat, m.text}, id = m.id,
                         interval](Result<std::optional<MessageInfo>> moved) { dispatch(sessionId, id, text, interval, moved); });
}

void Outbox::dispatch(const QString &sessionId, const QString &messageId, const OutgoingText &text, qint64 interval,
                      const Result<std::optional<MessageInfo>> &moved)
{
    auto it = m_lanes.find(sessionId);
    if (it == m_lanes.end())
        return;
    Lane &l = *it->second;
    if (l.inFlight != messageId)
        return; // the link went meanwhile: it stays `sending` and goes again, same id, when it is back
    const qint64 now = m_service.now();
    if (!moved || !*moved) {
        l.inFlight.clear();
        l.inFlightWaId.clear();
        // Not stored (try again soon), or canceled meanwhile (the next one at once).
        return wake(l, moved ? now : now + m_config.storeRetryMs);
    }
    l.lastDispatch = now;
    const int maxJitter = int(std::min<qint64>(m_config.maxJitterMs, interval / 5));
    l.jitterMs = maxJitter > 0 ? QRandomGenerator::global()->bounded(maxJitter + 1) : 0;
    l.hour.push_back(now);
    if (auto r = m_manager.sendText(sessionId, text); !r) {
        // The link went down between the check and now: it stays `sending` and goes again later.
        l.inFlight.clear();
        l.inFlightWaId.clear();
    }
    if (l.typingFor == messageId) {
        if (auto r = m_manager.sendChatState(sessionId, l.typingChat, ChatState::Paused); !r)
            qCDebug(lcEngine) << "the paused chat state did not go:" << r.error().message;
        l.typingFor.clear();
    }
}

void Outbox::storePause(Lane &l)
{
    std::optional<SessionInfo> row;
    auto stored = m_service.repository().database().transaction([&]() -> Result<void> {
        auto s = m_sessions.setSendingPause(l.sessionId, l.pause.until, l.pause.reason, m_service.now());
        if (!s)
            return s.error();
        row = *s;
        if (!m_service.webhooks())
            return {};
        const QJsonObject session = sessionPauseResource(*s);
        auto n = m_service.webhooks()->enqueue(s->organizationId, s->id, QStringLiteral("session.sending_paused"), ids::newUlid(),
                                               session, m_service.now());
        if (!n)
            return n.error();
        return {};
    });
    if (!stored) {
        // The pause holds in memory all the same; the row shows it once a later change is stored.
        qCWarning(lcEngine).noquote() << "the sending pause of session" << l.sessionId << "was not stored:" << stored.error().message;
        return;
    }
    if (m_service.webhooks())
        m_service.webhooks()->wake();
    emit m_events.sessionUpdated(*row);
    emit m_events.sendingPaused(*row);
}

void Outbox::onSent(const QString &sessionId, const QString &waId, qint64 at)
{
    Lane &l = lane(sessionId);
    auto stored = m_service.repository().outgoingByWaId(sessionId, waId);
    if (stored && *stored && (*stored)->info.status == MessageStatus::Sending) {
        // WhatsApp's times are whole seconds: one in the second of acceptance would come before it.
        const qint64 sentAt = std::max(at, (*stored)->info.createdAt);
        m_service.moveLater(**stored, {MessageStatus::Sent, m_service.now(), sentAt, {}, {}, std::optional<MessageError>(), false},
                            logIfUnstored((*stored)->info.id));
    }
    if (l.inFlightWaId == waId) {
        l.inFlight.clear();
        l.inFlightWaId.clear();
        l.retryRound = 0;
        kick(sessionId);
    }
}

void Outbox::onFailed(const QString &sessionId, const SendFailure &f)
{
    Lane &l = lane(sessionId);
    const qint64 now = m_service.now();
    auto stored = m_service.repository().outgoingByWaId(sessionId, f.id);
    if (l.inFlightWaId == f.id) {
        l.inFlight.clear();
        l.inFlightWaId.clear();
    }
    if (!stored || !*stored || (*stored)->info.status != MessageStatus::Sending) {
        kick(sessionId);
        return;
    }
    const StoredMessage &m = **stored;
    const bool timelock = f.code == send_failure::ReachOutTimelock;
    const bool overlimit = f.code == send_failure::RateOverlimit;
    if (timelock || overlimit) {
        // WhatsApp's own limit: the outbox pauses by itself (new chats only for a reach-out
        // timelock) and resumes when it ends; the message waits in the queue.
        l.pause = Pause{now + (timelock ? m_config.reachOutPauseMs : m_config.overlimitPauseMs),
                        QString(timelock ? send_failure::ReachOutTimelock : send_failure::RateOverlimit), timelock};
        qCInfo(lcEngine).noquote() << "session" << sessionId << "pauses sending (" << l.pause.reason << ") until"
                                   << QDateTime::fromMSecsSinceEpoch(l.pause.until).toString(Qt::ISODate);
        logUnstored(m_service.move(m, {MessageStatus::Queued, now, {}, {}, {}, {}, false}), m.info.id);
        l.pauseLoaded = true;
        storePause(l);
        kick(sessionId);
        return;
    }
    if (f.retryable) {
        // Nothing reached WhatsApp, or it said "later": the same message (same id) goes again.
        m_service.moveLater(m, {MessageStatus::Queued, now, {}, {}, {}, {}, false}, logIfUnstored(m.info.id));
        const int delay = int(std::min<qint64>(qint64(m_config.retryBaseMs) << std::min(l.retryRound, 16), m_config.retryMaxMs));
        ++l.retryRound;
        l.retryAt = now + delay;
        wake(l, l.retryAt);
        return;
    }
    m_service.moveLater(m, {MessageStatus::Failed, now, {}, {}, {}, errorOf(f, now), false}, logIfUnstored(m.info.id));
    kick(sessionId);
}

void Outbox::onReceipt(const QString &sessionId, const MessageReceipt &r)
{
    MessageStatus status;
    switch (r.kind) {
    case MessageReceipt::Kind::Delivered: status = MessageStatus::Delivered; break;
    case MessageReceipt::Kind::Read:
    case MessageReceipt::Kind::Played: status = MessageStatus::Read; break;
    default: return;
    }
    const qint64 at = r.at ? r.at : m_service.now();
    for (const QString &id : r.ids) {
        auto stored = m_service.repository().outgoingByWaId(sessionId, id);
        if (!stored || !*stored)
            continue;
        if ((*stored)->info.status == MessageStatus::Sending) {
            // A receipt before the server's ack: WhatsApp has it, so it was sent. Every message
            // passes `sent` on its way; the late ack then finds nothing to do.
            onSent(sessionId, id, at);
            stored = m_service.repository().outgoingByWaId(sessionId, id);
            if (!stored || !*stored)
                continue;
        }
        const MessageInfo &m = (*stored)->info;
        // Receipts move forward only: a late "delivered" never overtakes a "read".
        if (m.status == MessageStatus::Failed || m.status == MessageStatus::Canceled || m.status == MessageStatus::Queued
            || m.status == MessageStatus::Sending || messageStatusRank(m.status) >= messageStatusRank(status))
            continue;
        MessageRepository::Change c{status, m_service.now(), {}, {}, {}, {}, false};
        // Whole seconds again: never before the status it follows.
        const qint64 when = std::max({at, m.createdAt, m.sentAt, m.deliveredAt});
        if (!m.deliveredAt)
            c.deliveredAt = when;
        if (status == MessageStatus::Read)
            c.readAt = when;
        m_service.moveLater(**stored, c, logIfUnstored(m.id));
    }
}

void Outbox::failAll(const QString &sessionId, QLatin1StringView code, const QString &why)
{
    // The device is gone: nothing waiting can leave through it. In batches, oldest first.
    for (int round = 0; round < 1000; ++round) {
        auto due = m_service.repository().due(sessionId, 200);
        if (!due) {
            qCWarning(lcEngine).noquote() << "the outbox of session" << sessionId << "was not emptied:" << due.error().message;
            return;
        }
        if (due->isEmpty())
            return;
        const qint64 now = m_service.now();
        for (const StoredMessage &m : *due)
            if (auto moved = m_service.move(m, {MessageStatus::Failed, now, {}, {}, {}, MessageError{QString(code), why, now, 0}, false}); !moved)
                return logUnstored(moved, m.info.id);
    }
}

void Outbox::onStatus(const StatusTransition &t)
{
    if (t.status == SessionStatus::Working) {
        kick(t.sessionId);
        return;
    }
    if (t.status == SessionStatus::LoggedOut)
        failAll(t.sessionId, message_error::SessionLoggedOut,
                QStringLiteral("the session was logged out (unlinked from the phone) before the message left"));
    auto it = m_lanes.find(t.sessionId);
    if (it == m_lanes.end())
        return;
    // The link went: what was in flight stays `sending` and goes again, same id, when it is back.
    it->second->inFlight.clear();
    it->second->inFlightWaId.clear();
    it->second->typingFor.clear();
    it->second->timer.stop();
}

} // namespace wagate
