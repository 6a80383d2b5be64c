#pragma once

#include "core/expected.h"
#include "wa/binary/jid.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace wagate::wa::message {

//! Padding under the Signal layer (MESSAGING.md §4): N bytes of value N, N random in 1…16 as WA
//! Web does.
QByteArray pad(QByteArrayView plaintext);
//! The same with a chosen N (1…255), for vectors.
QByteArray pad(QByteArrayView plaintext, quint8 n);
//! Strips the padding, checking that the last N bytes all equal N; nullopt when they do not.
std::optional<QByteArray> unpad(QByteArrayView padded);

//! A new message id in WA Web's form: "3EB0" + 18 upper-case hex digits of SHA-256(8-byte BE unix
//! seconds ‖ own user ‖ "@c.us" ‖ 16 random bytes).
QString newId(const QString &ownUser, qint64 unixSeconds);
//! The same with chosen randomness (exactly 16 bytes), for vectors.
QString newId(const QString &ownUser, qint64 unixSeconds, QByteArrayView random16);
//! Ids are opaque (phones use 32 hex digits, WA Web 22): what we accept from callers and peers is
//! 1–64 characters of [0-9A-Za-z._-]. Anything else never reaches the wire.
bool isValidId(QStringView id);

//! The "v2" participant hash (MESSAGING.md §5): every fan-out device plus our own sending device,
//! each as `user.0:device@server`, sorted, SHA-256, first 6 bytes in standard base64 → "2:" + 8.
QString participantHash(const QList<Jid> &devices);

//! A sender key a message carried (groups).
struct SenderKeyDistribution
{
    QString groupId;
    QByteArray message; //!< axolotlSenderKeyDistributionMessage
};

//! What a decrypted plaintext says, as far as a text gateway cares.
struct Content
{
    enum class Kind {
        Text,        //!< conversation or extendedTextMessage (text may be empty)
        Unsupported, //!< a user message of another type (media, reaction, poll, …): `type` names it
        Protocol,    //!< housekeeping between devices (revoke, history sync, keys): not a message
        Empty,       //!< nothing but a sender key distribution (or nothing at all)
    };
    Kind kind = Kind::Empty;
    QString text;
    //! The message field's name: "conversation", "extendedTextMessage", "imageMessage", … or
    //! "field<N>" for a number we do not know.
    QString type;
    //! Set when the plaintext was one of our own devices' DeviceSentMessage: the chat it went to.
    std::optional<Jid> deviceSentTo;
    QList<SenderKeyDistribution> senderKeys;
};

enum class DecodeError {
    Padding,  //!< the padding is not N bytes of value N
    Protobuf, //!< not a Message
    TooDeep,  //!< wrappers nested beyond reason
};

//! Unpads, parses and unwraps (ephemeral, view-once, edited, document-with-caption, DSM).
Expected<Content, DecodeError> decode(QByteArrayView paddedPlaintext);
//! The same for a plaintext without padding.
Expected<Content, DecodeError> decodeUnpadded(QByteArrayView plaintext);
//! A text as WhatsApp clients send it: extendedTextMessage{text} (MESSAGING.md §4; needed later
//! for quotes and previews, and what Baileys always sends).
QByteArray encodeText(const QString &text);
//! The copy for our own other devices: DeviceSentMessage{destinationJid, message}.
QByteArray encodeDeviceSent(const Jid &destination, QByteArrayView messageBytes);
//! A message carrying only a sender key (group fan-out to devices new to our key).
QByteArray encodeSenderKeyDistribution(const QString &groupId, QByteArrayView distribution);

} // namespace wagate::wa::message
