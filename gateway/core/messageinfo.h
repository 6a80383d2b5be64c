#pragma once

#include "ids.h"
#include "messages.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace wagate {

//! The statuses of the message resource (API.md "The message resource"), in their wire spelling.
//! Outgoing: queued → sending → sent → delivered → read, or failed / canceled.
//! Incoming: received → read.
enum class MessageStatus { Queued, Sending, Sent, Delivered, Read, Failed, Canceled, Received };

QString messageStatusName(MessageStatus status);
std::optional<MessageStatus> messageStatusFromName(QStringView name);
const QList<MessageStatus> &allMessageStatuses();
//! Rank along the outgoing path, so a late "delivered" never overtakes a "read" already stored.
int messageStatusRank(MessageStatus status);
//! Nothing more happens to a message in this status by itself (read, failed, canceled).
bool isFinalMessageStatus(MessageStatus status);

enum class MessageDirection { In, Out };
QString messageDirectionName(MessageDirection direction);
std::optional<MessageDirection> messageDirectionFromName(QStringView name);

//! Why a message failed: `code` is one of the codes below; details.waCode carries WhatsApp's own code.
struct MessageError
{
    QString code;
    QString message;
    qint64 at = 0;
    int waCode = 0;

    bool operator==(const MessageError &) const = default;
};

//! The codes of MessageError.
namespace message_error {
inline constexpr QLatin1StringView NotOnWhatsApp{"not_on_whatsapp"};
inline constexpr QLatin1StringView Expired{"expired"};
inline constexpr QLatin1StringView Rejected{"rejected"};
inline constexpr QLatin1StringView SessionLoggedOut{"session_logged_out"};
inline constexpr QLatin1StringView InvalidRecipient{"invalid_recipient"};
inline constexpr QLatin1StringView SendFailed{"send_failed"};
} // namespace message_error

//! One message, in or out: a value snapshot of its row, the text opened. The text is customer data:
//! never log it.
struct MessageInfo
{
    QString id; //!< msg_<ULID>
    QString sessionId;
    QString organizationId;
    MessageDirection direction = MessageDirection::Out;
    QString waMessageId;
    QString chat;        //!< user JID of the conversation
    QString chatLid;     //!< its LID form when known
    QString phoneNumber; //!< the other party's digits when known
    QString sender;      //!< incoming: the sender's user JID
    QString senderLid;
    QString pushName;    //!< incoming: the name the sender set (customer data too)
    QString type = QStringLiteral("text"); //!< text, unsupported, undecryptable
    QString waType;      //!< incoming, other than text: WhatsApp's message field
    QString text;
    MessageStatus status = MessageStatus::Queued;
    QString idempotencyKey;
    qint64 createdAt = 0;
    qint64 sentAt = 0;      //!< server ack (0 = null)
    qint64 deliveredAt = 0;
    qint64 readAt = 0;
    qint64 expiresAt = 0;   //!< outgoing: not sent by then → failed (expired)
    qint64 updatedAt = 0;
    int attempts = 0;       //!< outgoing: times handed to the connection
    std::optional<MessageError> error;

    bool operator==(const MessageInfo &) const = default;
};

//! The message resource exactly as API.md shows it (nulls where a value is unknown): what the HTTP
//! API answers, the event streams carry and webhooks receive.
QJsonObject messageResource(const MessageInfo &m);

//! A send request as the API and the console take it.
struct SendRequest
{
    QString to;
    QString text;
    QString idempotencyKey;
    qint64 ttlMs = 0; //!< 0 = the default time to live
};

//! Where a message goes: a user JID (phone-number or LID form) and the digits when it is a number.
struct Recipient
{
    QString chat;        //!< …@s.whatsapp.net or …@lid
    QString phoneNumber; //!< digits for a phone-number chat, else empty
    bool isLid() const { return chat.endsWith(QLatin1String("@lid")); }
};

namespace limits {
constexpr int kMaxMessageLength = 4096;      //!< characters after NFC (API.md)
constexpr int kMaxIdempotencyKeyLength = 128;
constexpr qint64 kDefaultMessageTtlMs = 24LL * 3600 * 1000;
constexpr qint64 kIdempotencyWindowMs = 24LL * 3600 * 1000;
} // namespace limits

//! "6281234567890", "+6281234567890", "6281234567890@s.whatsapp.net" or "205227043110953@lid" as
//! a recipient; invalid_argument naming `field` otherwise (a group, a device JID, letters).
Result<Recipient> parseRecipient(const QString &to, const QString &field = QStringLiteral("to"));
//! The text as it is stored and sent: NFC; 1–4,096 characters, no NUL. invalid_argument naming `field`.
Result<QString> normalizeMessageText(const QString &text, const QString &field = QStringLiteral("text"));
//! 1–128 printable ASCII characters.
Result<void> validateIdempotencyKey(const QString &key);

inline QString newMessageId()
{
    return QStringLiteral("msg_") + ids::newUlid();
}

} // namespace wagate

Q_DECLARE_METATYPE(wagate::MessageInfo)
