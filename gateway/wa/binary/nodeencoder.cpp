#include "nodeencoder.h"

#include "nodedecoder.h"
#include "tokendictionary.h"
#include "wiretags.h"

#include <zlib.h>

namespace wagate::wa {

namespace {

int nibbleCode(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c == u'-')
        return 10;
    if (c == u'.')
        return 11;
    return -1;
}

int hexCode(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    // Upper case only: lower-case hex would not survive the round trip (the reader unpacks A-F).
    if (c >= u'A' && c <= u'F')
        return 10 + (c - u'A');
    return -1;
}

template<typename Code>
bool packable(const QString &s, Code code)
{
    if (s.isEmpty() || s.size() > wiretag::PackedMax)
        return false;
    for (const QChar c : s) {
        if (code(c.unicode()) < 0)
            return false;
    }
    return true;
}

class Writer
{
public:
    QByteArray out;
    QString error;

    bool fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
        return false;
    }

    void pushByte(int b) { out.append(char(quint8(b))); }
    void pushUInt16(quint32 v)
    {
        pushByte(int(v >> 8));
        pushByte(int(v));
    }

    void writeListStart(qsizetype size)
    {
        if (size == 0) {
            pushByte(wiretag::ListEmpty);
        } else if (size < 256) {
            pushByte(wiretag::List8);
            pushByte(int(size));
        } else {
            pushByte(wiretag::List16);
            pushUInt16(quint32(size));
        }
    }

    bool writeRaw(QByteArrayView bytes)
    {
        const qsizetype n = bytes.size();
        if (n < 256) {
            pushByte(wiretag::Binary8);
            pushByte(int(n));
        } else if (n < (1 << 20)) {
            pushByte(wiretag::Binary20);
            pushByte(int((n >> 16) & 0x0F));
            pushByte(int(n >> 8));
            pushByte(int(n));
        } else if (quint64(n) <= 0xFFFFFFFFu) {
            pushByte(wiretag::Binary32);
            pushByte(int(n >> 24));
            pushByte(int(n >> 16));
            pushByte(int(n >> 8));
            pushByte(int(n));
        } else {
            return fail(QStringLiteral("%1 bytes do not fit a BINARY_32 length").arg(n));
        }
        out.append(bytes);
        return true;
    }

    template<typename Code>
    void writePacked(const QString &s, quint8 tag, Code code)
    {
        pushByte(tag);
        const qsizetype n = s.size();
        pushByte(int((n + 1) / 2) | (n % 2 ? 0x80 : 0));
        for (qsizetype i = 0; i + 1 < n; i += 2)
            pushByte((code(s[i].unicode()) << 4) | code(s[i + 1].unicode()));
        if (n % 2)
            pushByte((code(s[n - 1].unicode()) << 4) | 0x0F);
    }

    //! The writer order of PROTOCOL.md §4.4.
    bool writeString(const QString &s)
    {
        if (const auto token = TokenDictionary::indexOf(s)) {
            if (!token->isSingleByte())
                pushByte(wiretag::Dictionary0 + token->dictionary);
            pushByte(token->index);
            return true;
        }
        if (packable(s, nibbleCode)) {
            writePacked(s, wiretag::Nibble8, nibbleCode);
            return true;
        }
        if (packable(s, hexCode)) {
            writePacked(s, wiretag::Hex8, hexCode);
            return true;
        }
        return writeRaw(s.toUtf8());
    }

    bool writeJid(const Jid &jid)
    {
        const QString &server = jid.server();
        if (server.isEmpty())
            return fail(QStringLiteral("JID without server"));
        const bool userServer = server == JidServer::User;
        const bool hosted = server == JidServer::Hosted || server == JidServer::HostedLid;
        const bool lid = server == JidServer::Lid;
        if (jid.integrator() != 0 && server != JidServer::Interop)
            return fail(QStringLiteral("integrator on a non-interop JID"));
        if (jid.agent() != 0 && !userServer)
            return fail(QStringLiteral("agent on a JID outside s.whatsapp.net"));
        // These agent values are domain bytes: they would come back as a lid or hosted JID.
        if (const auto agent = JidDomain(jid.agent());
            agent == JidDomain::Lid || agent == JidDomain::Hosted || agent == JidDomain::HostedLid)
            return fail(QStringLiteral("agent %1 collides with a JID domain").arg(jid.agent()));

        if (((userServer || lid) && (jid.device() != 0 || jid.agent() != 0)) || hosted) {
            if (jid.device() > 0xFF)
                return fail(QStringLiteral("device %1 does not fit an AD_JID").arg(jid.device()));
            if (jid.user().isEmpty())
                return fail(QStringLiteral("AD_JID without user"));
            pushByte(wiretag::AdJid);
            pushByte(jid.domainType());
            pushByte(jid.device());
            return writeString(jid.user());
        }
        if (server == JidServer::Messenger || server == JidServer::Interop) {
            if (jid.user().isEmpty())
                return fail(QStringLiteral("%1 JID without user").arg(server));
            const bool interop = server == JidServer::Interop;
            pushByte(interop ? wiretag::InteropJid : wiretag::FbJid);
            if (!writeString(jid.user()))
                return false;
            pushUInt16(jid.device());
            if (interop)
                pushUInt16(jid.integrator());
            return writeString(server);
        }
        if (jid.device() != 0)
            return fail(QStringLiteral("a device on a %1 JID cannot be encoded").arg(server));
        pushByte(wiretag::JidPair);
        if (jid.user().isEmpty())
            pushByte(wiretag::ListEmpty);
        else if (!writeString(jid.user()))
            return false;
        return writeString(server);
    }

    bool writeNode(const Node &node, int depth)
    {
        if (depth > DecodeLimits().maxDepth)
            return fail(QStringLiteral("nesting deeper than %1").arg(DecodeLimits().maxDepth));
        if (node.tag().isEmpty())
            return fail(QStringLiteral("node without tag"));

        qsizetype attrCount = 0;
        for (const Attribute &a : node.attributes()) {
            if (a.key.isEmpty())
                return fail(QStringLiteral("empty attribute key on <%1>").arg(node.tag()));
            if (a.isJid() || !std::get<QString>(a.value).isEmpty())
                ++attrCount;
        }
        const qsizetype listSize = 1 + 2 * attrCount + (node.hasContent() ? 1 : 0);
        if (listSize > 0xFFFF)
            return fail(QStringLiteral("too many attributes on <%1>").arg(node.tag()));

        writeListStart(listSize);
        if (!writeString(node.tag()))
            return false;
        for (const Attribute &a : node.attributes()) {
            if (const auto *jid = std::get_if<Jid>(&a.value)) {
                if (!writeString(a.key) || !writeJid(*jid))
                    return fail(QStringLiteral("attribute %1 of <%2>").arg(a.key, node.tag()));
            } else if (const QString &text = std::get<QString>(a.value); !text.isEmpty()) {
                if (!writeString(a.key) || !writeString(text))
                    return false;
            }
        }

        switch (node.contentKind()) {
        case Node::ContentKind::None:
            return true;
        case Node::ContentKind::Bytes:
            return writeRaw(node.contentBytes());
        case Node::ContentKind::Text:
            return writeString(node.contentText());
        case Node::ContentKind::Jid:
            return writeJid(*node.contentJid());
        case Node::ContentKind::Children: {
            const QList<Node> &children = node.children();
            if (children.size() > 0xFFFF)
                return fail(QStringLiteral("<%1> has more than 65535 children").arg(node.tag()));
            writeListStart(children.size());
            for (const Node &c : children) {
                if (!writeNode(c, depth + 1))
                    return false;
            }
            return true;
        }
        }
        return true;
    }
};

} // namespace

Result<QByteArray> NodeEncoder::encodeNode(const Node &node)
{
    Writer w;
    if (!w.writeNode(node, 1))
        return Error::invalidArgument(QStringLiteral("cannot encode node: %1").arg(w.error));
    return std::move(w.out);
}

Result<QByteArray> NodeEncoder::encode(const Node &node, Compression compression)
{
    Writer w;
    w.pushByte(compression == Compression::Zlib ? wiretag::FlagCompressed : 0);
    if (!w.writeNode(node, 1))
        return Error::invalidArgument(QStringLiteral("cannot encode node: %1").arg(w.error));
    if (compression == Compression::None)
        return std::move(w.out);

    const auto *source = reinterpret_cast<const Bytef *>(w.out.constData() + 1);
    const uLong sourceSize = uLong(w.out.size() - 1);
    QByteArray frame(qsizetype(1 + compressBound(sourceSize)), Qt::Uninitialized);
    frame[0] = char(wiretag::FlagCompressed);
    uLongf compressedSize = uLongf(frame.size() - 1);
    if (compress2(reinterpret_cast<Bytef *>(frame.data() + 1), &compressedSize, source, sourceSize,
                  Z_DEFAULT_COMPRESSION) != Z_OK)
        return Error::internal(QStringLiteral("zlib compression failed"));
    frame.truncate(qsizetype(1 + compressedSize));
    return frame;
}

} // namespace wagate::wa
