#include "nodedecoder.h"

#include "core/logging.h"
#include "tokendictionary.h"
#include "wiretags.h"

#include <QJsonObject>

#include <zlib.h>

#include <limits>

namespace wagate::wa {

namespace {

using Code = NodeError::Code;

//! The smallest encoding of a node: list header (2 bytes) and a one-byte tag.
constexpr qsizetype kMinNodeBytes = 3;

//! What a string position on the wire held.
using Value = std::variant<std::monostate /* LIST_EMPTY: absent */, QString, Jid>;

class Reader
{
public:
    Reader(QByteArrayView data, const DecodeLimits &limits) : m_data(data), m_limits(limits) {}

    qsizetype position() const { return m_pos; }
    const NodeError &error() const { return m_error; }

    bool fail(Code code, const QString &message, qsizetype at = -1)
    {
        if (!m_failed) {
            m_failed = true;
            m_error = NodeError{code, at < 0 ? m_pos : at, message};
        }
        return false;
    }

    qsizetype remaining() const { return m_data.size() - m_pos; }

    bool readByte(quint8 &out)
    {
        if (m_pos >= m_data.size())
            return fail(Code::Truncated, QStringLiteral("input ends inside a field"));
        out = quint8(m_data[m_pos++]);
        return true;
    }

    bool readUInt(int bytes, quint32 &out)
    {
        if (remaining() < bytes)
            return fail(Code::Truncated, QStringLiteral("input ends inside a %1-byte integer").arg(bytes));
        out = 0;
        for (int i = 0; i < bytes; ++i)
            out = (out << 8) | quint8(m_data[m_pos++]);
        return true;
    }

    //! Length of a BINARY_8/20/32 field, checked against the input before anything is allocated.
    bool readBinary(quint8 tag, QByteArrayView &out)
    {
        const qsizetype at = m_pos - 1;
        quint32 length = 0;
        if (!readUInt(tag == wiretag::Binary8 ? 1 : tag == wiretag::Binary20 ? 3 : 4, length))
            return false;
        if (tag == wiretag::Binary20)
            length &= 0xFFFFF;
        if (qint64(length) > remaining())
            return fail(Code::LengthBeyondInput,
                        QStringLiteral("%1 bytes announced, %2 left").arg(length).arg(remaining()), at);
        out = m_data.sliced(m_pos, qsizetype(length));
        m_pos += qsizetype(length);
        return true;
    }

    bool readPacked(quint8 tag, QString &out)
    {
        const qsizetype at = m_pos - 1;
        quint8 start = 0;
        if (!readByte(start))
            return false;
        const qsizetype bytes = start & 0x7F;
        const bool odd = start & 0x80;
        if (bytes > remaining())
            return fail(Code::LengthBeyondInput,
                        QStringLiteral("packed string of %1 bytes, %2 left").arg(bytes).arg(remaining()), at);
        if (odd && bytes == 0)
            return fail(Code::InvalidPacked, QStringLiteral("odd length flag on an empty packed string"), at);
        const qsizetype chars = bytes * 2 - (odd ? 1 : 0);
        out.resize(chars);
        QChar *dst = out.data();
        for (qsizetype i = 0; i < chars; ++i) {
            const quint8 b = quint8(m_data[m_pos + i / 2]);
            const int nibble = (i % 2 == 0) ? (b >> 4) : (b & 0x0F);
            char16_t c = 0;
            if (tag == wiretag::Hex8) {
                c = nibble < 10 ? char16_t(u'0' + nibble) : char16_t(u'A' + nibble - 10);
            } else if (nibble < 10) {
                c = char16_t(u'0' + nibble);
            } else if (nibble == 10) {
                c = u'-';
            } else if (nibble == 11) {
                c = u'.';
            } else {
                return fail(Code::InvalidPacked, QStringLiteral("invalid nibble %1").arg(nibble), m_pos + i / 2);
            }
            dst[i] = QChar(c);
        }
        // The filler nibble of an odd length is skipped, whatever it holds.
        m_pos += bytes;
        return true;
    }

    //! A string, a JID (only where allowJid) or LIST_EMPTY (absent).
    bool readValue(quint8 tag, Value &out, bool allowJid)
    {
        const qsizetype at = m_pos - 1;
        if (tag == wiretag::ListEmpty) {
            out = std::monostate();
            return true;
        }
        if (tag < TokenDictionary::SingleByteCount) {
            out = TokenDictionary::singleByte(tag);
            return true;
        }
        switch (tag) {
        case wiretag::Dictionary0:
        case wiretag::Dictionary0 + 1:
        case wiretag::Dictionary0 + 2:
        case wiretag::Dictionary3: {
            quint8 index = 0;
            if (!readByte(index))
                return false;
            out = TokenDictionary::doubleByte(tag - wiretag::Dictionary0, index);
            return true;
        }
        case wiretag::Binary8:
        case wiretag::Binary20:
        case wiretag::Binary32: {
            QByteArrayView bytes;
            if (!readBinary(tag, bytes))
                return false;
            out = QString::fromUtf8(bytes);
            return true;
        }
        case wiretag::Nibble8:
        case wiretag::Hex8: {
            QString text;
            if (!readPacked(tag, text))
                return false;
            out = std::move(text);
            return true;
        }
        case wiretag::JidPair:
        case wiretag::AdJid:
        case wiretag::FbJid:
        case wiretag::InteropJid: {
            if (!allowJid)
                return fail(Code::InvalidTag, QStringLiteral("JID where a plain string is required"), at);
            Jid jid;
            if (!readJid(tag, jid))
                return false;
            out = std::move(jid);
            return true;
        }
        default:
            return fail(Code::InvalidTag, QStringLiteral("byte 0x%1 where a string is expected")
                                              .arg(tag, 2, 16, QLatin1Char('0')), at);
        }
    }

    //! A user or server inside a JID: a plain string; LIST_EMPTY reads as "".
    bool readJidPart(QString &out, const char *what)
    {
        quint8 tag = 0;
        if (!readByte(tag))
            return false;
        const qsizetype at = m_pos - 1;
        Value value;
        if (!readValue(tag, value, false))
            return false;
        out = std::holds_alternative<QString>(value) ? std::get<QString>(value) : QString();
        if (out.contains(u'@') || out.contains(u':'))
            return fail(Code::InvalidJid, QStringLiteral("JID %1 contains '@' or ':'").arg(QLatin1String(what)), at);
        return true;
    }

    bool readJid(quint8 tag, Jid &out)
    {
        const qsizetype at = m_pos - 1;
        QString user;
        QString server;
        if (tag == wiretag::JidPair) {
            if (!readJidPart(user, "user") || !readJidPart(server, "server"))
                return false;
            if (server.isEmpty())
                return fail(Code::InvalidJid, QStringLiteral("JID pair without server"), at);
            // These servers are written with their own tags, which need a user; accepting them here
            // would yield a JID that no encoder can write.
            if (user.isEmpty()
                && (server == JidServer::Hosted || server == JidServer::HostedLid
                    || server == JidServer::Messenger || server == JidServer::Interop))
                return fail(Code::InvalidJid, QStringLiteral("JID pair on %1 without user").arg(server), at);
            out = Jid(user, server);
            return true;
        }
        if (tag == wiretag::AdJid) {
            quint8 domain = 0;
            quint8 device = 0;
            if (!readByte(domain) || !readByte(device) || !readJidPart(user, "user"))
                return false;
            if (user.isEmpty())
                return fail(Code::InvalidJid, QStringLiteral("AD_JID without user"), at);
            out = Jid::fromAd(user, domain, device);
            return true;
        }
        // FB_JID and INTEROP_JID: user, device (u16), [integrator (u16)], server.
        const bool interop = tag == wiretag::InteropJid;
        quint32 device = 0;
        quint32 integrator = 0;
        if (!readJidPart(user, "user") || !readUInt(2, device) || (interop && !readUInt(2, integrator))
            || !readJidPart(server, "server"))
            return false;
        if (user.isEmpty())
            return fail(Code::InvalidJid, QStringLiteral("FB/interop JID without user"), at);
        // The encoder picks these tags by server; anything else would not survive a round trip.
        if (server != (interop ? JidServer::Interop : JidServer::Messenger))
            return fail(Code::InvalidJid, QStringLiteral("unexpected server in an FB/interop JID"), at);
        out = interop ? Jid::interop(user, quint16(device), quint16(integrator))
                      : Jid::messenger(user, quint16(device));
        return true;
    }

    bool readListSize(quint8 tag, qsizetype &size)
    {
        const qsizetype at = m_pos - 1;
        quint32 n = 0;
        switch (tag) {
        case wiretag::ListEmpty:
            size = 0;
            return true;
        case wiretag::List8:
            if (!readUInt(1, n))
                return false;
            break;
        case wiretag::List16:
            if (!readUInt(2, n))
                return false;
            break;
        default:
            return fail(Code::InvalidTag, QStringLiteral("byte 0x%1 where a list is expected")
                                              .arg(tag, 2, 16, QLatin1Char('0')), at);
        }
        size = qsizetype(n);
        return true;
    }

    //! A tag or attribute key: a non-empty plain string.
    bool readName(QString &out, const char *what)
    {
        quint8 tag = 0;
        if (!readByte(tag))
            return false;
        const qsizetype at = m_pos - 1;
        Value value;
        if (!readValue(tag, value, false))
            return false;
        const QString *text = std::get_if<QString>(&value);
        if (!text || text->isEmpty())
            return fail(Code::InvalidNode, QStringLiteral("empty %1").arg(QLatin1String(what)), at);
        out = *text;
        return true;
    }

    bool readNode(Node &out, int depth)
    {
        const qsizetype at = m_pos;
        if (depth > m_limits.maxDepth)
            return fail(Code::TooDeep, QStringLiteral("nodes nested deeper than %1").arg(m_limits.maxDepth));
        if (++m_nodes > m_limits.maxNodes)
            return fail(Code::TooManyNodes, QStringLiteral("more than %1 nodes").arg(m_limits.maxNodes));

        quint8 tag = 0;
        qsizetype size = 0;
        if (!readByte(tag) || !readListSize(tag, size))
            return false;
        if (size == 0)
            return fail(Code::InvalidNode, QStringLiteral("node with an empty list header"), at);
        // Every element takes at least one byte.
        if (size > remaining())
            return fail(Code::ListBeyondInput,
                        QStringLiteral("node of %1 elements, %2 bytes left").arg(size).arg(remaining()), at);

        QString name;
        if (!readName(name, "tag"))
            return false;

        QList<Attribute> attrs;
        const qsizetype attrCount = (size - 1) / 2;
        attrs.reserve(attrCount);
        for (qsizetype i = 0; i < attrCount; ++i) {
            QString key;
            if (!readName(key, "attribute key"))
                return false;
            quint8 valueTag = 0;
            if (!readByte(valueTag))
                return false;
            Value value;
            if (!readValue(valueTag, value, true))
                return false;
            if (auto *jid = std::get_if<Jid>(&value))
                attrs.append(Attribute(std::move(key), std::move(*jid)));
            else if (auto *text = std::get_if<QString>(&value))
                attrs.append(Attribute(std::move(key), std::move(*text)));
            // LIST_EMPTY: an absent value, the same as no attribute.
        }
        Node node(std::move(name), std::move(attrs));

        if (size % 2 == 0 && !readContent(node, depth))
            return false;
        out = std::move(node);
        return true;
    }

    bool readContent(Node &node, int depth)
    {
        quint8 tag = 0;
        if (!readByte(tag))
            return false;
        const qsizetype at = m_pos - 1;
        switch (tag) {
        case wiretag::ListEmpty:
        case wiretag::List8:
        case wiretag::List16: {
            qsizetype count = 0;
            if (!readListSize(tag, count))
                return false;
            if (count > remaining() / kMinNodeBytes)
                return fail(Code::ListBeyondInput,
                            QStringLiteral("list of %1 nodes, %2 bytes left").arg(count).arg(remaining()), at);
            QList<Node> children;
            children.reserve(count);
            for (qsizetype i = 0; i < count; ++i) {
                Node child;
                if (!readNode(child, depth + 1))
                    return false;
                children.append(std::move(child));
            }
            node.setChildren(std::move(children));
            return true;
        }
        case wiretag::Binary8:
        case wiretag::Binary20:
        case wiretag::Binary32: {
            QByteArrayView bytes;
            if (!readBinary(tag, bytes))
                return false;
            node.setBytes(bytes.toByteArray());
            return true;
        }
        default: {
            Value value;
            if (!readValue(tag, value, true))
                return false;
            if (auto *jid = std::get_if<Jid>(&value)) {
                node.setJid(std::move(*jid));
            } else {
                // Tokens and packed strings. Report as text exactly what the encoder would write
                // compactly again, so decode → encode → decode is stable; the rest (an empty or an
                // over-long packed string) is plain bytes.
                QString text = std::get<QString>(value);
                if (text.isEmpty() || (text.size() > wiretag::PackedMax && !TokenDictionary::indexOf(text)))
                    node.setBytes(text.toLatin1());
                else
                    node.setText(std::move(text));
            }
            return true;
        }
        }
    }

private:
    QByteArrayView m_data;
    const DecodeLimits &m_limits;
    qsizetype m_pos = 0;
    qsizetype m_nodes = 0;
    NodeError m_error;
    bool m_failed = false;
};

//! Inflates an RFC 1950 stream, refusing to produce more than limit bytes.
std::variant<QByteArray, NodeError> inflateCapped(QByteArrayView input, qsizetype limit)
{
    if (input.isEmpty())
        return NodeError{Code::BadCompression, 0, QStringLiteral("empty zlib stream")};
    if (quint64(input.size()) > std::numeric_limits<uInt>::max())
        return NodeError{Code::BadCompression, 0, QStringLiteral("compressed frame too large")};

    z_stream zs{};
    if (inflateInit(&zs) != Z_OK)
        return NodeError{Code::BadCompression, 0, QStringLiteral("zlib initialisation failed")};
    zs.next_in = const_cast<Bytef *>(reinterpret_cast<const Bytef *>(input.data()));
    zs.avail_in = uInt(input.size());

    // Grow geometrically up to limit + 1 bytes; producing that last byte proves the cap is exceeded.
    const qsizetype ceiling = limit + 1;
    QByteArray out(std::min<qsizetype>(ceiling, std::max<qsizetype>(4096, input.size() * 4)), Qt::Uninitialized);
    qsizetype produced = 0;
    std::variant<QByteArray, NodeError> result = NodeError{Code::BadCompression, 0, QString()};
    for (;;) {
        if (produced == out.size()) {
            if (out.size() >= ceiling) {
                result = NodeError{Code::InflatedTooLarge, 0,
                                   QStringLiteral("inflates to more than %1 bytes").arg(limit)};
                break;
            }
            out.resize(std::min<qsizetype>(ceiling, out.size() * 2));
        }
        zs.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        const qsizetype room = std::min<qsizetype>(out.size() - produced, std::numeric_limits<uInt>::max());
        zs.avail_out = uInt(room);
        const int rc = inflate(&zs, Z_NO_FLUSH);
        produced += room - qsizetype(zs.avail_out);
        if (rc == Z_STREAM_END) {
            if (produced > limit) {
                result = NodeError{Code::InflatedTooLarge, 0,
                                   QStringLiteral("inflates to more than %1 bytes").arg(limit)};
            } else if (zs.avail_in != 0) {
                result = NodeError{Code::BadCompression, 0, QStringLiteral("data after the zlib stream")};
            } else {
                out.truncate(produced);
                result = std::move(out);
            }
            break;
        }
        if (rc == Z_OK || rc == Z_BUF_ERROR) {
            // No progress possible: all input consumed but the stream has not ended.
            if (zs.avail_in == 0 && zs.avail_out != 0) {
                result = NodeError{Code::BadCompression, 0, QStringLiteral("truncated zlib stream")};
                break;
            }
            continue;
        }
        result = NodeError{Code::BadCompression, 0, QStringLiteral("corrupt zlib stream")};
        break;
    }
    inflateEnd(&zs);
    return result;
}

} // namespace

QString NodeError::codeName(Code code)
{
    switch (code) {
    case Code::EmptyInput: return QStringLiteral("empty_input");
    case Code::Truncated: return QStringLiteral("truncated");
    case Code::InvalidTag: return QStringLiteral("invalid_tag");
    case Code::InvalidNode: return QStringLiteral("invalid_node");
    case Code::InvalidPacked: return QStringLiteral("invalid_packed");
    case Code::InvalidJid: return QStringLiteral("invalid_jid");
    case Code::ListBeyondInput: return QStringLiteral("list_beyond_input");
    case Code::LengthBeyondInput: return QStringLiteral("length_beyond_input");
    case Code::TooDeep: return QStringLiteral("too_deep");
    case Code::TooManyNodes: return QStringLiteral("too_many_nodes");
    case Code::TrailingBytes: return QStringLiteral("trailing_bytes");
    case Code::BadCompression: return QStringLiteral("bad_compression");
    case Code::InflatedTooLarge: return QStringLiteral("inflated_too_large");
    }
    return QStringLiteral("unknown");
}

Error NodeError::toError() const
{
    Error e = Error::invalidArgument(QStringLiteral("malformed node: %1").arg(message));
    e.details.insert(QStringLiteral("reason"), codeName(code));
    e.details.insert(QStringLiteral("offset"), qint64(offset));
    return e;
}

QDebug operator<<(QDebug debug, const NodeError &error)
{
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "NodeError(" << NodeError::codeName(error.code) << " at " << error.offset
                              << ": " << error.message << ')';
    return debug;
}

DecodeResult NodeDecoder::decodeNode(QByteArrayView data) const
{
    if (data.isEmpty())
        return NodeError{Code::EmptyInput, 0, QStringLiteral("no node data")};
    Reader reader(data, m_limits);
    Node node;
    if (!reader.readNode(node, 1)) {
        qCDebug(lcWaNode) << "rejected node:" << reader.error();
        return reader.error();
    }
    if (reader.position() != data.size()) {
        NodeError error{Code::TrailingBytes, reader.position(),
                        QStringLiteral("%1 bytes after the node").arg(data.size() - reader.position())};
        qCDebug(lcWaNode) << "rejected node:" << error;
        return error;
    }
    return node;
}

DecodeResult NodeDecoder::decode(QByteArrayView frame) const
{
    if (frame.isEmpty())
        return NodeError{Code::EmptyInput, 0, QStringLiteral("empty frame")};
    const quint8 flags = quint8(frame[0]);
    const QByteArrayView body = frame.sliced(1);
    if (!(flags & wiretag::FlagCompressed))
        return decodeNode(body);
    auto inflated = inflateCapped(body, m_limits.maxInflatedSize);
    if (auto *error = std::get_if<NodeError>(&inflated)) {
        qCDebug(lcWaNode) << "rejected compressed frame:" << *error;
        return *error;
    }
    return decodeNode(std::get<QByteArray>(inflated));
}

} // namespace wagate::wa
