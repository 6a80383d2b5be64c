#pragma once

#include "core/messageinfo.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>

#include <optional>

class QSqlQuery;

namespace wagate {

class Database;


//! A message row as stored: its fields, and its body still sealed (the service opens it).
struct StoredMessage
{
    MessageInfo info; //!< text and pushName empty: they are in body
    QByteArray body;  //!< sealed customer data
    QString requestHash; //!< outgoing: a digest of what was asked, to tell a retry from another request
};

//! One entry of a message's status log: also the id of the event that announced it.
struct MessageStatusEntry
{
    QString id; //!< ULID
    QString messageId;
    QString sessionId;
    QString organizationId;
    MessageStatus status = MessageStatus::Queued;
    std::optional<MessageStatus> previous;
    qint64 at = 0;
};

//! What a listing filters on.
struct MessageFilter
{
    std::optional<MessageDirection> direction;
    std::optional<MessageStatus> status;
    QString chat;
};

struct MessagePage
{
    QList<StoredMessage> messages;
    QString lastId; //!< id of the last row when more rows follow, else empty
};

//! Messages and their status log (migration 5). Every method is one statement or one transaction: a
//! change is durable when the call returns ok. Lives on its connection's thread.
class MessageRepository
{
public:
    explicit MessageRepository(Database &db) : m_db(db) {}
    Database &database() { return m_db; }

    //! Inserts a new message with its first log entry (id entryId). already_exists when a message of
    //! the session has this idempotency key, or (incoming) this chat and WhatsApp id.
    Result<void> insert(const StoredMessage &message, const QString &entryId);
    Result<StoredMessage> get(const QString &organizationId, const QString &sessionId, const QString &id);
    Result<std::optional<StoredMessage>> byIdempotencyKey(const QString &sessionId, const QString &key);
    //! The outgoing message with this WhatsApp id, if the session sent one.
    Result<std::optional<StoredMessage>> outgoingByWaId(const QString &sessionId, const QString &waMessageId);
    Result<std::optional<StoredMessage>> incomingByWaId(const QString &sessionId, const QString &chat, const QString &waMessageId);
    //! Newest first, before beforeId (exclusive; empty = from the newest), at most limit rows.
    Result<MessagePage> list(const QString &organizationId, const QString &sessionId, const MessageFilter &filter,
                             const QString &beforeId, int limit);
    //! Outgoing messages still to send (queued, or sending when a crash interrupted them), oldest first.
    Result<QList<StoredMessage>> due(const QString &sessionId, int limit);
    //! Queued messages of any session whose time to live ended by `now`, the oldest deadline first.
    Result<QList<StoredMessage>> expiredQueued(qint64 now, int limit);
    //! True when the chat has had a message in, or one out that WhatsApp took: not a new chat.
    Result<bool> hasConversation(const QString &sessionId, const QString &chat);
    //! Outgoing messages that left (sending or beyond) since `since` (ms): what the hourly cap counts.
    Result<QList<qint64>> dispatchedSince(const QString &sessionId, qint64 since);

    //! What a status change writes besides the status (fields left unset stay as stored).
    struct Change
    {
        MessageStatus status = MessageStatus::Queued;
        qint64 at = 0;
        std::optional<qint64> sentAt, deliveredAt, readAt;
        std::optional<std::optional<MessageError>> error; //!< an inner nullopt clears it
        bool countAttempt = false;

        //! The message as a transition with this change leaves it (what transition() writes).
        MessageInfo appliedTo(MessageInfo m) const
        {
            m.status = status;
            m.updatedAt = at;
            if (sentAt)
                m.sentAt = *sentAt;
            if (deliveredAt)
                m.deliveredAt = *deliveredAt;
            if (readAt)
                m.readAt = *readAt;
            if (error)
                m.error = *error;
            if (countAttempt)
                ++m.attempts;
            return m;
        }
    };
    //! Moves a message from `from` to change.status and logs it (entry id entryId), in one
    //! transaction; false (nothing written) when the message is no longer in `from`.
    Result<bool> transition(const QString &id, MessageStatus from, const Change &change, const QString &entryId);
    //! Status changes of one message, oldest first.
    Result<QList<MessageStatusEntry>> history(const QString &messageId);
    //! Status log entries after afterId (exclusive), oldest first: of one session, or (sessionId
    //! empty) of an organization. What an event stream replays.
    Result<QList<MessageStatusEntry>> log(const QString &organizationId, const QString &sessionId, const QString &afterId, int limit);
    //! Deletes messages created before `before` and their log (retention); the number deleted.
    Result<int> deleteOlderThan(qint64 before, int batch = 1000);
    //! Messages of a session per status since `since` (ms; by creation), e.g. for today's counts.
    Result<QList<QPair<MessageStatus, int>>> countByStatus(const QString &sessionId, MessageDirection direction, qint64 since);
    //! Outgoing messages waiting to leave (queued or sending) in an organization.
    Result<qint64> countWaiting(const QString &organizationId);
    //! Everything of a session (it was deleted).
    Result<void> clear(const QString &sessionId);

private:
    Result<std::optional<StoredMessage>> maybeOne(QSqlQuery &q);
    Database &m_db;
};

} // namespace wagate
