#include "messagecodec.h"

#include "core/ids.h"
#include "proto/wa.pb.h"
#include "wa/crypto/digest.h"
#include "wa/proto/protobytes.h"

#include <google/protobuf/unknown_field_set.h>

#include <QRandomGenerator>

#include <algorithm>
#include <climits>

namespace wagate::wa::message {

namespace {

//! Names of Message's fields that a gateway meets but does not carry (WAProto's field numbers).
QString fieldName(int number)
{
    switch (number) {
    case 3: return QStringLiteral("imageMessage");
    case 4: return QStringLiteral("contactMessage");
    case 5: return QStringLiteral("locationMessage");
    case 7: return QStringLiteral("documentMessage");
    case 8: return QStringLiteral("audioMessage");
    case 9: return QStringLiteral("videoMessage");
    case 10: return QStringLiteral("call");
    case 11: return QStringLiteral("chat");
    case 13: return QStringLiteral("contactsArrayMessage");
    case 14: return QStringLiteral("highlyStructuredMessage");
    case 16: return QStringLiteral("sendPaymentMessage");
    case 18: return QStringLiteral("liveLocationMessage");
    case 22: return QStringLiteral("requestPaymentMessage");
    case 25: return QStringLiteral("templateMessage");
    case 26: return QStringLiteral("stickerMessage");
    case 28: return QStringLiteral("groupInviteMessage");
    case 29: return QStringLiteral("templateButtonReplyMessage");
    case 30: return QStringLiteral("productMessage");
    case 36: return QStringLiteral("listMessage");
    case 38: return QStringLiteral("orderMessage");
    case 39: return QStringLiteral("listResponseMessage");
    case 42: return QStringLiteral("buttonsMessage");
    case 43: return QStringLiteral("buttonsResponseMessage");
    case 45: return QStringLiteral("interactiveMessage");
    case 46: return QStringLiteral("reactionMessage");
    case 48: return QStringLiteral("interactiveResponseMessage");
    case 49: return QStringLiteral("pollCreationMessage");
    case 50: return QStringLiteral("pollUpdateMessage");
    case 51: return QStringLiteral("keepInChatMessage");
    case 56: return QStringLiteral("encReactionMessage");
    case 60: return QStringLiteral("pollCreationMessageV2");
    case 63: return QStringLiteral("pinInChatMessage");
    case 64: return QStringLiteral("pollCreationMessageV3");
    case 66: return QStringLiteral("ptvMessage");
    case 75: return QStringLiteral("eventMessage");
    case 80: return QStringLiteral("placeholderMessage");
    default: return QStringLiteral("field%1").arg(number);
    }
}

//! Housekeeping fields that are not user messages (sent between one account's devices).
bool isProtocolField(int number)
{
    return number == 12 /* protocolMessage */ || number == 15 /* fastRatchetKeySKDM */
           || number == 47 /* stickerSyncRmrMessage */ || number == 70 /* messageHistoryBundle */
           || number == 102 /* messageHistoryNotice */;
}

constexpr int kMaxDepth = 4;

Expected<void, DecodeError> unwrap(const waproto::Message &m, Content &out, int depth)
{
    if (depth > kMaxDepth)
        return DecodeError::TooDeep;
    if (m.has_sender_key_distribution_message()) {
        const auto &skdm = m.sender_key_distribution_message();
        if (skdm.has_axolotl_sender_key_distribution_message())
            out.senderKeys.append({QString::fromStdString(skdm.group_id()),
                                   fromStdBytes(skdm.axolotl_sender_key_distribution_message())});
    }
    if (m.has_device_sent_message()) {
        const auto &dsm = m.device_sent_message();
        if (auto to = Jid::parse(QString::fromStdString(dsm.destination_jid())))
            out.deviceSentTo = *to;
        if (dsm.has_message())
            return unwrap(dsm.message(), out, depth + 1);
        return {};
    }
    for (const waproto::FutureProofMessage *wrapper :
         {m.has_ephemeral_message() ? &m.ephemeral_message() : nullptr,
          m.has_view_once_message() ? &m.view_once_message() : nullptr,
          m.has_view_once_message_v2() ? &m.view_once_message_v2() : nullptr,
          m.has_view_once_message_v2_extension() ? &m.view_once_message_v2_extension() : nullptr,
          m.has_document_with_caption_message() ? &m.document_with_caption_message() : nullptr,
          m.has_edited_message() ? &m.edited_message() : nullptr}) {
        if (wrapper && wrapper->has_message())
            return unwrap(wrapper->message(), out, depth + 1);
    }
    if (m.has_conversation()) {
        out.kind = Content::Kind::Text;
        out.type = QStringLiteral("conversation");
        out.text = QString::fromStdString(m.conversation());
        return {};
    }
    if (m.has_extended_text_message()) {
        out.kind = Content::Kind::Text;
        out.type = QStringLiteral("extendedTextMessage");
        out.text = QString::fromStdString(m.extended_text_message().text());
        return {};
    }
    if (m.has_protocol_message()) {
        out.kind = Content::Kind::Protocol;
        out.type = QStringLiteral("protocolMessage");
        return {};
    }
    // Not a field we declare: the lowest unknown field number names the type.
    const auto &unknown = m.GetReflection()->GetUnknownFields(m);
    int lowest = INT_MAX;
    for (int i = 0; i < unknown.field_count(); ++i) {
        const int number = unknown.field(i).number();
        if (number != 35 && number < lowest)
            lowest = number;
    }
    if (lowest != INT_MAX) {
        out.kind = isProtocolField(lowest) ? Content::Kind::Protocol : Content::Kind::Unsupported;
        out.type = fieldName(lowest);
    }
    return {};
}

} // namespace

QByteArray pad(QByteArrayView plaintext)
{
    return pad(plaintext, quint8((QRandomGenerator::system()->generate() & 0x0F) + 1));
}

QByteArray pad(QByteArrayView plaintext, quint8 n)
{
    QByteArray out;
    out.reserve(plaintext.size() + n);
    out.append(plaintext);
    out.append(qsizetype(n), char(n));
    return out;
}

std::optional<QByteArray> unpad(QByteArrayView padded)
{
    if (padded.isEmpty())
        return std::nullopt;
    const quint8 n = quint8(padded.back());
    if (n == 0 || n > padded.size())
        return std::nullopt;
    for (qsizetype i = padded.size() - n; i < padded.size(); ++i) {
        if (quint8(padded[i]) != n)
            return std::nullopt;
    }
    return padded.first(padded.size() - n).toByteArray();
}

QString newId(const QString &ownUser, qint64 unixSeconds)
{
    return newId(ownUser, unixSeconds, secureRandomBytes(16));
}

QString newId(const QString &ownUser, qint64 unixSeconds, QByteArrayView random16)
{
    QByteArray input;
    input.reserve(8 + ownUser.size() + 5 + 16);
    for (int i = 7; i >= 0; --i)
        input.append(char((quint64(unixSeconds) >> (8 * i)) & 0xFF));
    input.append(ownUser.toLatin1());
    input.append("@c.us");
    input.append(random16);
    return QStringLiteral("3EB0") + QString::fromLatin1(sha256(input).first(9).toHex().toUpper());
}

bool isValidId(QStringView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'.'
               || c == u'_' || c == u'-';
    });
}

QString participantHash(const QList<Jid> &devices)
{
    QList<QByteArray> parts;
    parts.reserve(devices.size());
    for (const Jid &d : devices)
        parts.append(d.user().toUtf8() + ".0:" + QByteArray::number(d.device()) + '@' + d.server().toUtf8());
    std::sort(parts.begin(), parts.end());
    QByteArray all;
    for (const QByteArray &p : std::as_const(parts))
        all.append(p);
    return QStringLiteral("2:")
           + QString::fromLatin1(sha256(all).first(6).toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

Expected<Content, DecodeError> decode(QByteArrayView paddedPlaintext)
{
    auto plain = unpad(paddedPlaintext);
    if (!plain)
        return DecodeError::Padding;
    return decodeUnpadded(*plain);
}

Expected<Content, DecodeError> decodeUnpadded(QByteArrayView plaintext)
{
    waproto::Message m;
    if (plaintext.size() > INT_MAX || !m.ParseFromArray(plaintext.data(), int(plaintext.size())))
        return DecodeError::Protobuf;
    Content out;
    if (auto r = unwrap(m, out, 0); !r)
        return r.error();
    return out;
}

QByteArray encodeText(const QString &text)
{
    waproto::Message m;
    m.mutable_extended_text_message()->set_text(text.toStdString());
    return fromStdBytes(m.SerializeAsString());
}

QByteArray encodeDeviceSent(const Jid &destination, QByteArrayView messageBytes)
{
    waproto::Message inner;
    if (messageBytes.size() > INT_MAX || !inner.ParseFromArray(messageBytes.data(), int(messageBytes.size())))
        return {};
    waproto::Message m;
    auto *dsm = m.mutable_device_sent_message();
    dsm->set_destination_jid(destination.toString().toStdString());
    *dsm->mutable_message() = inner;
    return fromStdBytes(m.SerializeAsString());
}

QByteArray encodeSenderKeyDistribution(const QString &groupId, QByteArrayView distribution)
{
    waproto::Message m;
    auto *skdm = m.mutable_sender_key_distribution_message();
    skdm->set_group_id(groupId.toStdString());
    skdm->set_axolotl_sender_key_distribution_message(toStdBytes(distribution));
    return fromStdBytes(m.SerializeAsString());
}

} // namespace wagate::wa::message
