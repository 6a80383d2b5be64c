#include "messageservice.h"

#include "core/ids.h"
#include "core/logging.h"
#include "core/session.h"
#include "credentialvault.h"
#include "outbox.h"
#include "sessionevents.h"
#include "sessionmanager.h"
#include "store/database.h"
#include "store/sessionrepository.h"
#include "webhookservice.h"
#include "wa/message/messagecodec.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace wagate {

namespace {

QString unannouncedKey(const QString &sessionId, const QString &chat, const QString &id)
{
    return sessionId + QLatin1Char('|') + chat + QLatin1Char('|') + id;
}

//! The digits of a phone-number JID ("6281…@s.whatsapp.net" → "6281…"), else empty.
QString phoneOf(const QString &jid)
{
    static const QLatin1StringView suffix("@s.whatsapp.net");
    return jid.endsWith(suffix) ? jid.left(jid.size() - suffix.size()) : QString();
}

Result<void> validMessageId(const QString &id)
{
    if (!id.startsWith(QLatin1String("msg_")) || !ids::isUlid(id.mid(4)))
        return Error::invalidArgument(QStringLiteral("malformed message id: msg_ followed by a ULID"), QStringLiteral("message"));
    return {};
}

} // namespace

QString sendRequestHash(const QString &chat, const QString &text)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(chat.toUtf8());
    h.addData(QByteArrayView("\n", 1));
    h.addData(text.toUtf8());
    return QString::fromLatin1(h.result().toBase64(QByteArray::OmitTrailingEquals));
}

MessageService::MessageService(MessageRepository &messages, SessionRepository &sessions, SessionManager &manager,
                               SessionEvents &events, Clock clock, QObject *parent)
    : QObject(parent), m_messages(messages), m_sessions(sessions), m_manager(manager), m_events(events),
      m_clock(std::move(clock))
{
    m_outbox = std::make_unique<Outbox>(*this, sessions, manager, events);
    connect(&events, &SessionEvents::messageReceived, this, &MessageService::onReceived);
    connect(&events, &SessionEvents::sessionRemoved, this, &MessageService::onSessionRemoved);
    m_expire.setSingleShot(true);
    connect(&m_expire, &QTimer::timeout, this, [this] {
        auto r = expireNow();
        if (!r)
            qCWarning(lcEngine).noquote() << "expired messages were not failed:" << r.error().message;
        m_expire.start(r && *r == kExpireBatch ? 0 : 60 * 1000);
    });
    m_expire.start(60 * 1000);
}

MessageService::~MessageService() = default;

void MessageService::setRetention(qint64 ms)
{
    m_retentionMs = ms;
    m_prune.disconnect();
    m_prune.stop();
    if (ms <= 0)
        return;
    m_prune.setSingleShot(true);
    connect(&m_prune, &QTimer::timeout, this, [this] {
        auto r = pruneNow();
        if (!r)
            qCWarning(lcEngine).noquote() << "old messages were not deleted:" << r.error().message;
        else if (*r > 0)
            qCInfo(lcEngine).noquote() << *r << "messages past the retention period deleted";
        // A full batch: more may be waiting, go on next turn; otherwise look again in an hour.
        m_prune.start(r && *r == kPruneBatch ? 0 : 3600 * 1000);
    });
    m_prune.start(60 * 1000);
}

Result<int> MessageService::pruneNow()
{
    if (m_retentionMs <= 0)
        return 0;
    const qint64 before = m_clock() - m_retentionMs;
    if (m_webhooks)
        if (auto r = m_webhooks->prune(before); !r)
            return r.error();
    return m_messages.deleteOlderThan(before, kPruneBatch);
}

Result<int> MessageService::expireNow()
{
    const qint64 now = m_clock();
    auto expired = m_messages.expiredQueued(now, kExpireBatch);
    if (!expired)
        return expired.error();
    int failed = 0;
    for (const StoredMessage &m : *expired) {
        auto moved = move(m, {MessageStatus::Failed, now, {}, {}, {},
                              MessageError{QString(message_error::Expired), QStringLiteral("not sent within its time to live"), now, 0},
                              false});
        if (!moved)
            return moved.error();
        failed += moved->has_value();
    }
    return failed;
}

Result<SessionInfo> MessageService::session(const Principal &caller, Capability needed, const QString &sessionId)
{
    if (!ids::isValidPathId(sessionId))
        return Error::invalidArgument(QStringLiteral("malformed session id: 1 to 64 characters of A-Z, a-z, 0-9, _ and -"),
                                      QStringLiteral("session"));
    auto s = m_sessions.get(caller.organizationId, sessionId);
    if (!s)
        return s.error();
    if (auto r = caller.require(needed); !r)
        return r.error();
    return s;
}

Result<StoredMessage> MessageService::load(const Principal &caller, Capability needed, const QString &sessionId,
                                           const QString &messageId)
{
    if (auto s = session(caller, needed, sessionId); !s)
        return s.error();
    if (auto r = validMessageId(messageId); !r)
        return r.error();
    return m_messages.get(caller.organizationId, sessionId, messageId);
}

Result<QByteArray> MessageService::seal(const QString &messageId, const QString &text, const QString &pushName) const
{
    if (!m_vault)
        return Error::unavailable(QStringLiteral("the data key for messages is not available yet"));
    QJsonObject o{{QStringLiteral("t"), text}};
    if (!pushName.isEmpty())
        o.insert(QStringLiteral("p"), pushName);
    return m_vault->seal(associatedData(messageId), QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<MessageInfo> MessageService::open(const StoredMessage &stored) const
{
    MessageInfo m = stored.info;
    if (!m_vault)
        return Error::unavailable(QStringLiteral("the data key for messages is not available yet"));
    auto opened = m_vault->open(associatedData(m.id), stored.body);
    if (!opened) {
        qCWarning(lcEngine).noquote() << "the body of message" << m.id << "cannot be opened";
        return Error::internal(QStringLiteral("a message body cannot be opened"));
    }
    const QJsonObject o = QJsonDocument::fromJson(*opened).object();
    opened->fill('\0');
    m.text = o.value(QStringLiteral("t")).toString();
    m.pushName = o.value(QStringLiteral("p")).toString();
    return m;
}

Result<MessageService::PreparedSend> MessageService::prepareSend(const Principal &caller, const QString &sessionId,
                                                                const SendRequest &request)
{
    auto s = session(caller, Capability::Send, sessionId);
    if (!s)
        return s.error();
    auto to = parseRecipient(request.to);
    if (!to)
        return to.error();
    auto text = normalizeMessageText(request.text);
    if (!text)
        return text.error();
    if (!request.idempotencyKey.isEmpty())
        if (auto r = validateIdempotencyKey(request.idempotencyKey); !r)
            return r.error();
    if (!s->hasNumberAttached()) {
        Error e = Error::failedPrecondition(QStringLiteral("the session has no number attached; pair one first"));
        e.details.insert(QStringLiteral("reason"), QStringLiteral("no_number"));
        return e;
    }

    PreparedSend p;
    p.hash = sendRequestHash(to->chat, *text);
    if (!request.idempotencyKey.isEmpty()) {
        auto existing = m_messages.byIdempotencyKey(sessionId, request.idempotencyKey);
        if (!existing)
            return existing.error();
        if (*existing) {
            auto replay = this->replay(**existing, p.hash);
            if (!replay)
                return replay.error();
            p.replay = *replay;
            return p;
        }
    }

    const qint64 now = m_clock();
    MessageInfo &m = p.stored.info;
    m.id = newMessageId();
    m.sessionId = s->id;
    m.organizationId = s->organizationId;
    m.direction = MessageDirection::Out;
    m.waMessageId = wa::message::newId(s->phoneNumber, now / 1000);
    m.chat = to->chat;
    m.chatLid = to->isLid() ? to->chat : QString();
    m.phoneNumber = to->phoneNumber;
    m.type = QStringLiteral("text");
    m.status = MessageStatus::Queued;
    m.idempotencyKey = request.idempotencyKey;
    m.createdAt = now;
    m.updatedAt = now;
    m.expiresAt = now + (request.ttlMs > 0 ? request.ttlMs : limits::kDefaultMessageTtlMs);
    p.stored.requestHash = p.hash;
    auto sealed = seal(m.id, *text, {});
    if (!sealed)
        return sealed.error();
    p.stored.body = *sealed;
    p.entryId = ids::newUlid();
    m.text = *text;
    return p;
}

Result<SendOutcome> MessageService::replay(const StoredMessage &existing, const QString &hash) const
{
    if (existing.requestHash != hash) {
        Error e = Error::alreadyExists(QStringLiteral("this idempotency key was used for another message"));
        e.details.insert(QStringLiteral("field"), QStringLiteral("idempotencyKey"));
        e.details.insert(QStringLiteral("messageId"), existing.info.id);
        return e;
    }
    auto opened = open(existing);
    if (!opened)
        return opened.error();
    return SendOutcome{*opened, false};
}

Result<void> MessageService::insertPart(const PreparedSend &p)
{
    if (auto r = m_messages.insert(p.stored, p.entryId); !r)
        return r;
    return enqueueWebhooks(p.stored.info, p.entryId, QString());
}

Result<SendOutcome> MessageService::afterInsert(const PreparedSend &p, const Result<void> &stored, const QString &idempotencyKey)
{
    if (!stored) {
        if (stored.error().code == ErrorCode::AlreadyExists && !idempotencyKey.isEmpty()) {
            // Another request (or node) took the same key first.
            auto existing = m_messages.byIdempotencyKey(p.stored.info.sessionId, idempotencyKey);
            if (existing && *existing)
                return replay(**existing, p.hash);
        }
        return stored.error();
    }
    announce(p.stored.info, p.entryId, QString());
    m_outbox->kick(p.stored.info.sessionId);
    return SendOutcome{p.stored.info, true};
}

Result<SendOutcome> MessageService::send(const Principal &caller, const QString &sessionId, const SendRequest &request)
{
    auto p = prepareSend(caller, sessionId, request);
    if (!p)
        return p.error();
    if (p->replay)
        return *p->replay;
    const Result<void> stored = m_messages.database().transaction([&] { return insertPart(*p); });
    return afterInsert(*p, stored, request.idempotencyKey);
}

void MessageService::sendLater(const Principal &caller, const QString &sessionId, const SendRequest &request,
                               std::function<void(Result<SendOutcome>)> done)
{
    auto p = prepareSend(caller, sessionId, request);
    if (!p)
        return done(p.error());
    QPointer<MessageService> self(this);
    if (p->replay) {
        // The message it repeats may still be in the group being written: answered after its commit.
        m_messages.database().deferred([] { return Result<void>(); }, [self, replay = *p->replay, done](Result<void> r) {
            if (!self)
                return;
            if (!r)
                return done(r.error());
            done(replay);
        });
        return;
    }
    const auto prepared = std::make_shared<PreparedSend>(std::move(*p));
    m_messages.database().deferred([&] { return insertPart(*prepared); },
                                   [self, prepared, key = request.idempotencyKey, done](Result<void> r) {
                                       if (self)
                                           done(self->afterInsert(*prepared, r, key));
                                   });
}

Result<MessageInfo> MessageService::get(const Principal &caller, const QString &sessionId, const QString &messageId)
{
    auto stored = load(caller, Capability::Read, sessionId, messageId);
    if (!stored)
        return stored.error();
    return open(*stored);
}

Result<QList<MessageInfo>> MessageService::list(const Principal &caller, const QString &sessionId, const MessageFilter &filter,
                                                const QString &beforeId, int pageSize, QString *lastId)
{
    auto s = session(caller, Capability::Read, sessionId);
    if (!s)
        return s.error();
    if (pageSize < 1 || pageSize > kMaxPageSize)
        return Error::invalidArgument(QStringLiteral("pageSize must be between 1 and %1").arg(kMaxPageSize), QStringLiteral("pageSize"));
    auto page = m_messages.list(caller.organizationId, sessionId, filter, beforeId, pageSize);
    if (!page)
        return page.error();
    QList<MessageInfo> out;
    out.reserve(page->messages.size());
    for (const StoredMessage &stored : page->messages) {
        auto opened = open(stored);
        if (!opened)
            return opened.error();
        out.append(*opened);
    }
    if (lastId)
        *lastId = page->lastId;
    return out;
}

Result<MessageInfo> MessageService::cancel(const Principal &caller, const QString &sessionId, const QString &messageId)
{
    auto stored = load(caller, Capability::Send, sessionId, messageId);
    if (!stored)
        return stored.error();
    const auto refuse = [](const MessageInfo &m) {
        Error e = Error::failedPrecondition(QStringLiteral("only a queued message can be canceled; this one is %1")
                                                .arg(messageStatusName(m.status)));
        e.details.insert(QStringLiteral("status"), messageStatusName(m.status));
        return e;
    };
    if (stored->info.status == MessageStatus::Canceled)
        return open(*stored);
    if (stored->info.status != MessageStatus::Queued)
        return refuse(stored->info);
    auto moved = move(*stored, {MessageStatus::Canceled, m_clock(), {}, {}, {}, {}, false});
    if (!moved)
        return moved.error();
    if (!*moved) { // it left the queue meanwhile
        auto again = m_messages.get(caller.organizationId, sessionId, messageId);
        if (!again)
            return again.error();
        return refuse(again->info);
    }
    return **moved;
}

Result<MessageInfo> MessageService::markRead(const Principal &caller, const QString &sessionId, const QString &messageId)
{
    auto stored = load(caller, Capability::Send, sessionId, messageId);
    if (!stored)
        return stored.error();
    if (stored->info.direction != MessageDirection::In) {
        Error e = Error::failedPrecondition(QStringLiteral("only an incoming message can be marked read"));
        e.details.insert(QStringLiteral("reason"), QStringLiteral("outgoing_message"));
        return e;
    }
    if (stored->info.status == MessageStatus::Read)
        return open(*stored);
    const MessageInfo &m = stored->info;
    const QString sender = m.chat.endsWith(QLatin1String("@g.us")) ? m.sender : QString();
    if (auto r = m_manager.markRead(sessionId, m.chat, sender, {m.waMessageId}); !r)
        return r.error();
    const qint64 now = m_clock();
    auto moved = move(*stored, {MessageStatus::Read, now, {}, {}, now, {}, false});
    if (!moved)
        return moved.error();
    if (!*moved)
        return get(caller, sessionId, messageId);
    return **moved;
}

Result<void> MessageService::transitionPart(const StoredMessage &stored, const MessageRepository::Change &change,
                                            const QString &entryId, std::optional<MessageInfo> &after)
{
    auto moved = m_messages.transition(stored.info.id, stored.info.status, change, entryId);
    if (!moved)
        return moved.error();
    if (!*moved)
        return {};
    // The compare-and-set took: the row is the stored one with this change (the body never changes).
    auto opened = open(stored);
    if (!opened)
        return opened.error();
    after = change.appliedTo(*opened);
    return change.status != stored.info.status ? enqueueWebhooks(*after, entryId, messageStatusName(stored.info.status)) : Result<void>();
}

Result<std::optional<MessageInfo>> MessageService::move(const StoredMessage &stored, const MessageRepository::Change &change)
{
    const QString entryId = ids::newUlid();
    std::optional<MessageInfo> after;
    auto r = m_messages.database().transaction([&] { return transitionPart(stored, change, entryId, after); });
    if (!r)
        return r.error();
    if (after && change.status != stored.info.status)
        announce(*after, entryId, messageStatusName(stored.info.status));
    return after;
}

void MessageService::moveLater(const StoredMessage &stored, const MessageRepository::Change &change, MoveDone done)
{
    const QString entryId = ids::newUlid();
    const QString previous = messageStatusName(stored.info.status);
    const bool changes = change.status != stored.info.status;
    auto after = std::make_shared<std::optional<MessageInfo>>();
    QPointer<MessageService> self(this);
    m_messages.database().deferred([&] { return transitionPart(stored, change, entryId, *after); },
                                   [self, after, entryId, previous, changes, done](Result<void> r) {
                                       if (!self)
                                           return;
                                       if (!r) {
                                           if (done)
                                               done(r.error());
                                           return;
                                       }
                                       if (*after && changes)
                                           self->announce(**after, entryId, previous);
                                       if (done)
                                           done(*after);
                                   });
}

Result<void> MessageService::enqueueWebhooks(const MessageInfo &m, const QString &eventId, const QString &previousStatus)
{
    if (!m_webhooks)
        return {};
    const bool received = m.direction == MessageDirection::In && previousStatus.isEmpty() && m.status == MessageStatus::Received;
    QJsonObject data = messageResource(m);
    if (!received)
        data.insert(QStringLiteral("previousStatus"), previousStatus.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(previousStatus));
    auto n = m_webhooks->enqueue(m.organizationId, m.sessionId, received ? QStringLiteral("message.received") : QStringLiteral("message.status"),
                                 eventId, data, m_clock());
    if (!n)
        return n.error();
    m_webhooksWaiting |= *n > 0;
    return {};
}

void MessageService::announce(const MessageInfo &m, const QString &eventId, const QString &previousStatus)
{
    if (m_webhooksWaiting && m_webhooks) {
        m_webhooksWaiting = false;
        m_webhooks->wake();
    }
    ++m_metrics.changes[{messageDirectionName(m.direction), messageStatusName(m.status)}];
    if (m.direction == MessageDirection::Out && m.status == MessageStatus::Sent && !previousStatus.isEmpty()) {
        const double seconds = double(std::max<qint64>(0, m_clock() - m.createdAt)) / 1000.0;
        if (m_metrics.sendBuckets.isEmpty())
            m_metrics.sendBuckets.resize(std::size(kSendBuckets));
        for (size_t i = 0; i < std::size(kSendBuckets); ++i)
            if (seconds <= kSendBuckets[i])
                ++m_metrics.sendBuckets[qsizetype(i)];
        m_metrics.sendSecondsSum += seconds;
        ++m_metrics.sendCount;
    }
    emit m_events.messageChanged(m, eventId, previousStatus);
}

Result<void> MessageService::storeIncoming(const QString &sessionId, const IncomingMessage &in)
{
    auto s = m_sessions.getAny(sessionId);
    if (!s)
        return s.error();
    const qint64 now = m_clock();
    StoredMessage stored;
    MessageInfo &m = stored.info;
    m.id = newMessageId();
    m.sessionId = sessionId;
    m.organizationId = s->organizationId;
    // A copy of what the account's phone (or another linked device) sent is an outgoing message
    // that was sent already.
    m.direction = in.fromMe ? MessageDirection::Out : MessageDirection::In;
    m.status = in.fromMe ? MessageStatus::Sent : MessageStatus::Received;
    m.waMessageId = in.id;
    m.chat = in.chat;
    m.chatLid = in.chatLid;
    m.phoneNumber = phoneOf(in.isGroup ? (in.senderPn.isEmpty() ? in.sender : in.senderPn) : in.chat);
    if (!in.fromMe) {
        m.sender = in.senderPn.isEmpty() ? in.sender : in.senderPn;
        m.senderLid = in.senderLid;
    }
    m.type = in.type.isEmpty() ? QStringLiteral("unsupported") : in.type;
    m.waType = in.type == QLatin1String("text") ? QString() : in.waType;
    m.createdAt = now;
    m.updatedAt = now;
    m.sentAt = in.at;
    auto sealed = seal(m.id, in.text, in.pushName);
    if (!sealed)
        return sealed.error();
    stored.body = *sealed;
    const QString entryId = ids::newUlid();
    // Looked up before writing: on PostgreSQL a refused insert would abort the whole Signal transaction.
    auto known = in.fromMe ? m_messages.outgoingByWaId(sessionId, in.id) : m_messages.incomingByWaId(sessionId, in.chat, in.id);
    if (!known)
        return known.error();
    if (*known)
        return {}; // stored before: a redelivery
    if (auto r = m_messages.insert(stored, entryId); !r)
        return r;
    MessageInfo opened = m;
    opened.text = in.text;
    opened.pushName = in.pushName;
    if (auto r = enqueueWebhooks(opened, entryId, QString()); !r)
        return r;
    m_unannounced.insert(unannouncedKey(sessionId, in.chat, in.id), entryId);
    return {};
}

void MessageService::onReceived(const QString &organizationId, const QString &sessionId, const IncomingMessage &in)
{
    Q_UNUSED(organizationId)
    const QString entryId = m_unannounced.take(unannouncedKey(sessionId, in.chat, in.id));
    if (entryId.isEmpty())
        return; // stored by an earlier connection (or by nobody: no message store for this session)
    auto stored = in.fromMe ? m_messages.outgoingByWaId(sessionId, in.id) : m_messages.incomingByWaId(sessionId, in.chat, in.id);
    if (!stored || !*stored)
        return;
    auto opened = open(**stored);
    if (!opened)
        return;
    announce(*opened, entryId, QString());
    if (in.fromMe)
        return;
    auto s = m_sessions.getAny(sessionId);
    if (!s || !s->autoRead)
        return;
    const QString sender = in.isGroup ? in.sender : QString();
    if (auto r = m_manager.markRead(sessionId, in.chat, sender, {in.id}); !r)
        return;
    const qint64 now = m_clock();
    if (auto moved = move(**stored, {MessageStatus::Read, now, {}, {}, now, {}, false}); !moved)
        qCWarning(lcEngine).noquote() << "message" << opened->id << "was marked read, but the store did not take it:"
                                      << moved.error().message;
}

void MessageService::onSessionRemoved(const QString &organizationId, const QString &sessionId)
{
    Q_UNUSED(organizationId)
    // A deleted session's messages are customer data without a purpose: they go with it.
    if (auto r = m_messages.clear(sessionId); !r)
        qCWarning(lcEngine).noquote() << "the messages of deleted session" << sessionId << "were not deleted:" << r.error().message;
}

Result<QList<QPair<MessageStatus, int>>> MessageService::countByStatus(const Principal &caller, const QString &sessionId,
                                                                       MessageDirection direction, qint64 since)
{
    if (auto s = session(caller, Capability::Read, sessionId); !s)
        return s.error();
    return m_messages.countByStatus(sessionId, direction, since);
}

} // namespace wagate
