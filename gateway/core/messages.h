#pragma once

#include <QByteArray>
#include <QMetaType>

#include <optional>
#include <QString>
#include <QStringList>

namespace wagate {

//! A text to send. The caller chooses the WhatsApp message id (message::newId() form, or any opaque
//! id WhatsApp accepts), so a resend after a crash is the same message to WhatsApp and its receivers.
struct OutgoingText
{
    QString id;
    QString to;   //!< international digits, or a user JID (…@s.whatsapp.net, …@lid)
    QString text;
};

//! Why a send failed. `code` is one of the codes below; `waCode` is WhatsApp's own error number
//! when it gave one (an ack's error attribute).
struct SendFailure
{
    QString id;
    QString code;
    QString message;
    int waCode = 0;
    bool retryable = false; //!< the same id may be sent again later (nothing reached WhatsApp, or it said "later")

    bool operator==(const SendFailure &) const = default;
};

//! The codes of SendFailure.
namespace send_failure {
inline constexpr QLatin1StringView NotOnWhatsApp{"not_on_whatsapp"};    //!< the number has no WhatsApp account
inline constexpr QLatin1StringView InvalidRecipient{"invalid_recipient"}; //!< not a number or user JID
inline constexpr QLatin1StringView InvalidMessage{"invalid_message"};   //!< empty, too long, or a bad id
inline constexpr QLatin1StringView ReachOutTimelock{"reach_out_timelock"}; //!< 463: new chats are locked for a while
inline constexpr QLatin1StringView RateOverlimit{"rate_overlimit"};     //!< WhatsApp says: too many, slow down
inline constexpr QLatin1StringView Blocked{"blocked"};                  //!< the recipient blocked this number
inline constexpr QLatin1StringView Rejected{"rejected"};                //!< another refusal; see waCode
inline constexpr QLatin1StringView AckTimeout{"ack_timeout"};           //!< sent, never acknowledged
inline constexpr QLatin1StringView NotConnected{"not_connected"};       //!< the link went down before it left
inline constexpr QLatin1StringView NoSession{"no_session"};             //!< no device of the recipient accepted a session
inline constexpr QLatin1StringView StoreUnavailable{"store_unavailable"}; //!< the state could not be saved first
} // namespace send_failure

//! What WhatsApp says of a phone number when asked (a usync contact query, MESSAGING.md §3).
struct ContactLookup
{
    QString phoneNumber; //!< international digits, as asked
    bool onWhatsApp = false;
    QString jid;         //!< the account's user JID (…@s.whatsapp.net), when it is on WhatsApp
    QString lid;         //!< the account's LID (…@lid), when WhatsApp told it
};

//! A message that arrived (MESSAGING.md §7). Both the phone-number (PN) and the LID form of the
//! sender are given whenever WhatsApp told either; `chat` is the other party of the conversation.
struct IncomingMessage
{
    QString id;           //!< WhatsApp's message id
    QString chat;         //!< user JID of the conversation (a group JID for groups)
    QString chatLid;      //!< the chat's LID form, when known
    QString sender;       //!< the sending device's user JID as the server named it
    QString senderPn;     //!< …@s.whatsapp.net form, when known
    QString senderLid;    //!< …@lid form, when known
    QString senderDevice; //!< the sending device JID (PHONE:DEVICE@…)
    QString pushName;
    bool fromMe = false;  //!< one of our own other devices sent it (its copy, DeviceSentMessage)
    bool offline = false; //!< held by the server while we were away
    bool isGroup = false;
    QString type;         //!< "text", "unsupported" (see waType) or "undecryptable"
    QString waType;       //!< the WhatsApp message field: conversation, extendedTextMessage, imageMessage, …
    QString text;         //!< customer data: never log it
    qint64 at = 0;        //!< WhatsApp's timestamp, ms since the epoch

    bool operator==(const IncomingMessage &) const = default;
};

//! A receipt for messages we sent, from one device of the recipient (or our own other device).
struct MessageReceipt
{
    enum class Kind { Delivered, Read, Played, Inactive, Sender, Other };
    QStringList ids;
    QString chat;       //!< the conversation (the receipt's `from` user, or `recipient` for our own devices)
    QString fromDevice; //!< the device JID that sent it
    Kind kind = Kind::Delivered;
    QString type;       //!< the raw type attribute ("" for delivered)
    qint64 at = 0;      //!< ms since the epoch

    bool operator==(const MessageReceipt &) const = default;
};

enum class ChatState { Composing, Paused };

//! An incoming message as stored with the Signal step that produced it (opaque JSON; customer data).
QByteArray incomingMessageToJson(const IncomingMessage &message);
std::optional<IncomingMessage> incomingMessageFromJson(const QByteArray &bytes);

} // namespace wagate

Q_DECLARE_METATYPE(wagate::OutgoingText)
Q_DECLARE_METATYPE(wagate::SendFailure)
Q_DECLARE_METATYPE(wagate::IncomingMessage)
Q_DECLARE_METATYPE(wagate::MessageReceipt)
Q_DECLARE_METATYPE(wagate::ChatState)
