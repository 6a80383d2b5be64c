#include "wa/binary/nodedecoder.h"
#include "wa/binary/nodeencoder.h"
#include "wa/binary/tokendictionary.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>

using namespace wagate::wa;
using Code = NodeError::Code;

Q_DECLARE_METATYPE(wagate::wa::Node)
Q_DECLARE_METATYPE(wagate::wa::Jid)
Q_DECLARE_METATYPE(wagate::wa::NodeError::Code)

namespace {

QByteArray hex(const char *spaced)
{
    return QByteArray::fromHex(QByteArray(spaced).replace(' ', ""));
}

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

//! An RFC 1950 stream: qCompress() writes a 4-byte length in front of one.
QByteArray zlib(const QByteArray &data)
{
    return qCompress(data, 9).mid(4);
}

QByteArray encoded(const Node &node)
{
    const auto r = NodeEncoder::encode(node);
    if (!r)
        qWarning() << "encode failed:" << r.error().message;
    return r ? *r : QByteArray("<error>");
}

//! Random but reproducible nodes covering every string, JID and content form the encoder writes.
class NodeGenerator
{
public:
    explicit NodeGenerator(quint32 seed) : m_rng(seed) {}

    int below(int n) { return int(m_rng.bounded(quint32(n))); }

    QString chars(const char *alphabet, int length)
    {
        const int n = int(qstrlen(alphabet));
        QString out;
        for (int i = 0; i < length; ++i)
            out += QChar::fromLatin1(alphabet[below(n)]);
        return out;
    }

    //! A non-empty string of one of the wire forms (token, packed, raw of every length class).
    QString string()
    {
        switch (below(10)) {
        case 0:
            return TokenDictionary::singleByte(1 + below(235));
        case 1:
            return TokenDictionary::doubleByte(below(4), below(256));
        case 2:
            return chars("0123456789-.", 1 + below(130)); // around the 127-char packing limit
        case 3:
            return chars("0123456789ABCDEF", 1 + below(130));
        case 4:
            return chars("0123456789abcdef", 1 + below(20)); // lower case: raw
        case 5: {
            // Whole code points only: a lone surrogate has no UTF-8 form.
            const QStringList words{s("h\u00e9llo"), s("w\u00f6rld"), s("\u2713"), s("\U0001F600"), s(" ")};
            QString text;
            for (int i = 1 + below(6); i > 0; --i)
                text += words[below(int(words.size()))];
            return text;
        }
        case 6:
            return chars("abcdefghijklmnopqrstuvwxyz_:-", 1 + below(300)); // BINARY_8 and BINARY_20
        default:
            return chars("abcdefghijklmnopqrstuvwxyz0123456789", 1 + below(12));
        }
    }

    QString user() { return chars("0123456789", 1 + below(18)); }

    Jid jid()
    {
        switch (below(11)) {
        case 0: return Jid::serverJid();
        case 1: return Jid::phone(user());
        case 2: return Jid::phone(user(), quint16(1 + below(255)));
        case 3: return Jid(user(), QString(JidServer::Lid), quint16(below(256)));
        case 4: return Jid(user(), QString(JidServer::Hosted), quint16(below(256)));
        case 5: return Jid(user(), QString(JidServer::HostedLid), quint16(below(256)));
        case 6: return Jid(user() + s("-") + user(), QString(JidServer::Group));
        case 7: return Jid(s("status"), QString(JidServer::Broadcast));
        case 8: return Jid::messenger(user(), quint16(below(65536)));
        case 9: return Jid::interop(user(), quint16(below(65536)), quint16(below(65536)));
        default: return Jid::fromAd(user(), quint8(2 + below(100)), quint16(below(256))); // raw agent
        }
    }

    Node node(int depth = 0)
    {
        Node n(string());
        const int attrs = below(5);
        for (int i = 0; i < attrs; ++i) {
            if (below(4) == 0)
                n.setAttr(string(), jid());
            else
                n.setAttr(string(), string());
        }
        switch (below(depth >= 4 ? 5 : 6)) {
        case 0:
            break;
        case 1: {
            QByteArray bytes;
            const int size = below(3) == 0 ? below(2000) : below(40);
            for (int i = 0; i < size; ++i)
                bytes += char(below(256));
            n.setBytes(bytes);
            break;
        }
        case 2:
            n.setText(string());
            break;
        case 3:
            n.setJid(jid());
            break;
        case 4:
            n.setChildren({});
            break;
        default: {
            const int count = 1 + below(4);
            for (int i = 0; i < count; ++i)
                n.addChild(node(depth + 1));
        }
        }
        return n;
    }

private:
    QRandomGenerator m_rng;
};

//! What a node looks like after a round trip: text that cannot be written compactly (as a token or
//! packed string) travels as raw bytes and comes back as bytes content.
Node afterRoundTrip(Node node)
{
    if (node.contentKind() == Node::ContentKind::Text) {
        const QString text = node.contentText();
        const auto packable = [&](const char *alphabet) {
            if (text.isEmpty() || text.size() > 127)
                return false;
            for (const QChar c : text) {
                if (c.unicode() > 127 || !std::strchr(alphabet, char(c.unicode())))
                    return false;
            }
            return true;
        };
        if (!TokenDictionary::indexOf(text) && !packable("0123456789-.") && !packable("0123456789ABCDEF"))
            node.setBytes(text.toUtf8());
    } else if (node.contentKind() == Node::ContentKind::Children) {
        QList<Node> children;
        for (const Node &c : node.children())
            children.append(afterRoundTrip(c));
        node.setChildren(children);
    }
    return node;
}

QByteArray nested(int depth)
{
    // depth - 1 wrappers "<iq><iq>..." each with one child, around a leaf <iq/>.
    QByteArray out = hex("00");
    for (int i = 1; i < depth; ++i)
        out += hex("F8 02 19 F8 01");
    out += hex("F8 01 19");
    return out;
}

} // namespace

class TestNodeCodec : public QObject
{
    Q_OBJECT
private slots:
    // PROTOCOL.md §4.7, bytes as Baileys 7 writes them.
    void protocolExamples_data()
    {
        QTest::addColumn<Node>("node");
        QTest::addColumn<QByteArray>("bytes");

        QTest::newRow("keepalive") << Node(s("iq"), {{s("id"), "1"}, {s("to"), Jid::serverJid()}, {s("type"), "get"},
                                                     {s("xmlns"), "w:p"}},
                                           {Node(s("ping"))})
                                   << hex("00 F8 0A 19 08 55 11 FA 00 03 04 29 16 57 F8 01 F8 01 56");
        QTest::newRow("stream error 515") << Node(s("stream:error"), {{s("code"), "515"}})
                                          << hex("00 F8 03 9D 70 FF 82 51 5F");
        QTest::newRow("xmlstreamend") << Node(s("xmlstreamend")) << hex("00 F8 01 02");
        QTest::newRow("conflict replaced")
            << Node(s("stream:error"), {}, {Node(s("conflict"), {{s("type"), "replaced"}})})
            << hex("00 F8 02 9D F8 01 F8 03 EC 0E 04 EC 11");
        QTest::newRow("device jid and lid")
            << Node(s("device"), {{s("jid"), *Jid::parse(u"491701234567:12@s.whatsapp.net")},
                                  {s("lid"), *Jid::parse(u"123456789012345:12@lid")}})
            << hex("00 F8 05 3B 0C F7 00 0C FF 06 49 17 01 23 45 67 76 F7 01 0C FF 88 12 34 56 78 90 12 34 5F");
        QTest::newRow("pair-device")
            << Node(s("iq"), {{s("from"), Jid::serverJid()}, {s("type"), "set"}, {s("id"), "42"}, {s("xmlns"), "md"}},
                    {Node(s("pair-device"), {}, {Node(s("ref"), {}, QByteArray("2@abc"))})})
            << hex("00 F8 0A 19 06 FA 00 03 04 5A 08 EE 52 16 FC 02 6D 64 F8 01 F8 02 ED EE F8 01 F8 02 ED 50 FC 05 "
                   "32 40 61 62 63");
    }
    void protocolExamples()
    {
        QFETCH(Node, node);
        QFETCH(QByteArray, bytes);
        QCOMPARE(encoded(node).toHex(' '), bytes.toHex(' '));
        const DecodeResult decoded = NodeDecoder().decode(bytes);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
        QCOMPARE(decoded.node(), node);
        // Typed JIDs survive: whatsmeow-style checks of `from` need exactly this.
        if (node.hasAttr("from"))
            QCOMPARE(decoded.node().jidAttr("from"), Jid::serverJid());
    }

    void decodedAttributesAreOrderedAsOnTheWire()
    {
        const DecodeResult r = NodeDecoder().decode(hex("00 F8 0A 19 08 55 11 FA 00 03 04 29 16 57 F8 01 F8 01 56"));
        QVERIFY(r.ok());
        QStringList keys;
        for (const Attribute &a : r.node().attributes())
            keys << a.key;
        QCOMPARE(keys, (QStringList{s("id"), s("to"), s("type"), s("xmlns")}));
    }

    // Writer order of §4.4, seen through <iq id=VALUE/> = 00 F8 03 19 08 VALUE.
    void stringEncoding_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("isToken");

        QTest::newRow("single-byte token") << s("0") << hex("2D") << true;
        QTest::newRow("double-byte token") << s("42") << hex("EE 52") << true;
        QTest::newRow("nibble odd") << s("515") << hex("FF 82 51 5F") << false;
        QTest::newRow("nibble even") << s("98765432") << hex("FF 04 98 76 54 32") << false;
        QTest::newRow("nibble dash dot") << s("1-2.3") << hex("FF 83 1A 2B 3F") << false;
        QTest::newRow("hex even") << s("ABCDEF") << hex("FB 03 AB CD EF") << false;
        QTest::newRow("hex odd") << s("ABC") << hex("FB 82 AB CF") << false;
        QTest::newRow("digits and hex letter") << s("12A") << hex("FB 82 12 AF") << false;
        QTest::newRow("lower-case hex is raw") << s("abcdef") << hex("FC 06 61 62 63 64 65 66") << false;
        QTest::newRow("mixed-case hex is raw") << s("12a") << hex("FC 03 31 32 61") << false;
        QTest::newRow("utf-8") << s("\u00e9") << hex("FC 02 C3 A9") << false;
        QTest::newRow("colon is raw") << s("w:x") << hex("FC 03 77 3A 78") << false;

        const QString d127 = QString(127, u'7');
        QByteArray packed127 = hex("FF C0"); // 64 bytes, odd
        packed127 += QByteArray(63, '\x77');
        packed127 += '\x7F';
        QTest::newRow("127 digits packed") << d127 << packed127 << false;
        QTest::newRow("128 digits raw") << QString(128, u'7') << (hex("FC 80") + QByteArray(128, '7')) << false;
        QByteArray hex127 = hex("FB C0");
        hex127 += QByteArray(63, '\xEE');
        hex127 += '\xEF';
        QTest::newRow("127 hex packed") << QString(127, u'E') << hex127 << false;
        QTest::newRow("128 hex raw") << QString(128, u'E') << (hex("FC 80") + QByteArray(128, 'E')) << false;
    }
    void stringEncoding()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, bytes);
        QFETCH(bool, isToken);
        // Guard the row itself: a value meant to be packed must not happen to be a token.
        QCOMPARE(TokenDictionary::indexOf(value).has_value(), isToken);

        const Node node(s("iq"), {{s("id"), value}});
        const QByteArray expected = hex("00 F8 03 19 08") + bytes;
        QCOMPARE(encoded(node).toHex(' '), expected.toHex(' '));
        const DecodeResult r = NodeDecoder().decode(expected);
        QVERIFY(r.ok());
        QCOMPARE(r.node().attr("id"), value);

        // As text content the same string takes the same form and comes back as text when compact.
        const Node text = Node::withText(s("iq"), {}, value);
        QCOMPARE(encoded(text), hex("00 F8 02 19") + bytes);
        const DecodeResult t = NodeDecoder().decode(hex("00 F8 02 19") + bytes);
        QVERIFY(t.ok());
        const bool compact = bytes.front() != char(0xFC);
        QCOMPARE(t.node().contentKind(), compact ? Node::ContentKind::Text : Node::ContentKind::Bytes);
        QCOMPARE(t.node().contentText(), value);
    }

    void emptyStrings()
    {
        // Empty text content is written raw; an empty attribute is not written at all (whatsmeow).
        QCOMPARE(encoded(Node::withText(s("iq"), {}, QString())), hex("00 F8 02 19 FC 00"));
        QCOMPARE(encoded(Node(s("iq"), {}, QByteArray())), hex("00 F8 02 19 FC 00"));
        Node withEmpty(s("iq"));
        withEmpty.setAttr(s("id"), QString());
        QCOMPARE(encoded(withEmpty), hex("00 F8 01 19"));
        // Peers that do write them (Baileys: FC 00; or LIST_EMPTY) are read as absent.
        for (const char *wire : {"00 F8 03 19 08 FC 00", "00 F8 03 19 08 00"}) {
            const DecodeResult r = NodeDecoder().decode(hex(wire));
            QVERIFY(r.ok());
            QCOMPARE(r.node(), Node(s("iq")));
        }
        // An empty child list is content: 0x00.
        QCOMPARE(encoded(Node(s("iq"), {}, QList<Node>{})), hex("00 F8 02 19 00"));
        const DecodeResult r = NodeDecoder().decode(hex("00 F8 02 19 00"));
        QVERIFY(r.ok());
        QCOMPARE(r.node().contentKind(), Node::ContentKind::Children);
    }

    void binaryLengths_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("255") << 255 << hex("FC FF");
        QTest::newRow("256") << 256 << hex("FD 00 01 00");
        QTest::newRow("2^20 - 1") << (1 << 20) - 1 << hex("FD 0F FF FF");
        QTest::newRow("2^20") << (1 << 20) << hex("FE 00 10 00 00");
    }
    void binaryLengths()
    {
        QFETCH(int, size);
        QFETCH(QByteArray, header);
        QByteArray payload(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            payload[i] = char(i * 7);
        const Node node(s("iq"), {}, payload);
        const QByteArray bytes = encoded(node);
        QCOMPARE(bytes.size(), 4 + header.size() + size);
        QCOMPARE(bytes.mid(4, header.size()).toHex(' '), header.toHex(' '));
        const DecodeResult r = NodeDecoder().decode(bytes);
        QVERIFY(r.ok());
        QCOMPARE(r.node(), node);
    }

    void listHeaders()
    {
        Node wide(s("iq"));
        for (int i = 0; i < 300; ++i)
            wide.addChild(Node(s("ping")));
        const QByteArray bytes = encoded(wide);
        QCOMPARE(bytes.left(7).toHex(' '), hex("00 F8 02 19 F9 01 2C").toHex(' '));
        const DecodeResult r = NodeDecoder().decode(bytes);
        QVERIFY(r.ok());
        QCOMPARE(r.node(), wide);
    }

    // Each JID form through <iq to=JID/> = 00 F8 03 19 11 JID.
    void jidEncoding_data()
    {
        QTest::addColumn<Jid>("jid");
        QTest::addColumn<QByteArray>("bytes");
        const auto p = [](const char *text) { return *Jid::parse(QString::fromUtf8(text)); };
        QTest::newRow("server") << Jid::serverJid() << hex("FA 00 03");
        QTest::newRow("phone") << p("491701234567@s.whatsapp.net") << hex("FA FF 06 49 17 01 23 45 67 03");
        QTest::newRow("phone device") << p("491701234567:12@s.whatsapp.net") << hex("F7 00 0C FF 06 49 17 01 23 45 67");
        QTest::newRow("lid") << p("123456789012345@lid") << hex("FA FF 88 12 34 56 78 90 12 34 5F 76");
        QTest::newRow("lid device") << p("123456789012345:12@lid") << hex("F7 01 0C FF 88 12 34 56 78 90 12 34 5F");
        QTest::newRow("group") << p("120363012345678901@g.us") << hex("FA FF 09 12 03 63 01 23 45 67 89 01 1C");
        QTest::newRow("status broadcast") << p("status@broadcast") << hex("FA 0B 0D");
        QTest::newRow("hosted device 0") << p("4917@hosted") << hex("F7 80 00 FF 02 49 17");
        QTest::newRow("hosted.lid device") << p("4917:3@hosted.lid") << hex("F7 81 03 FF 02 49 17");
        QTest::newRow("messenger") << p("100012345:7@msgr") << hex("F6 FF 85 10 00 12 34 5F 00 07 CC");
        QTest::newRow("interop") << p("12-4917:3@interop") << hex("F5 FF 02 49 17 00 03 00 0C FC 07 69 6E 74 65 72 6F 70");
        QTest::newRow("raw agent") << p("4917.5:6@s.whatsapp.net") << hex("F7 05 06 FF 02 49 17");
        QTest::newRow("newsletter") << p("120363123456@newsletter")
                                    << hex("FA FF 06 12 03 63 12 34 56 FC 0A 6E 65 77 73 6C 65 74 74 65 72");
    }
    void jidEncoding()
    {
        QFETCH(Jid, jid);
        QFETCH(QByteArray, bytes);
        const Node node(s("iq"), {{s("to"), jid}});
        const QByteArray expected = hex("00 F8 03 19 11") + bytes;
        QCOMPARE(encoded(node).toHex(' '), expected.toHex(' '));
        const DecodeResult r = NodeDecoder().decode(expected);
        QVERIFY(r.ok());
        QCOMPARE(r.node().jidAttr("to"), jid);
        // The same JID as content.
        const DecodeResult c = NodeDecoder().decode(hex("00 F8 02 19") + bytes);
        QVERIFY(c.ok());
        QCOMPARE(c.node().contentJid(), jid);
    }

    // Forms other writers use, which the reader must accept.
    void jidDecodingOfOtherForms_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Jid>("jid");
        QTest::newRow("AD_JID device 0 (Baileys)") << hex("F7 00 00 FF 02 49 17") << Jid::phone(s("4917"));
        QTest::newRow("AD_JID lid device 0") << hex("F7 01 00 FF 02 49 17") << Jid(s("4917"), s("lid"));
        QTest::newRow("JID_PAIR hosted") << hex("FA FF 02 49 17 FC 06 68 6F 73 74 65 64") << Jid(s("4917"), s("hosted"));
        QTest::newRow("JID_PAIR raw server") << hex("FA FC 01 78 FC 01 79") << Jid(s("x"), s("y"));
        QTest::newRow("AD_JID raw user") << hex("F7 00 02 FC 01 78") << Jid::phone(s("x"), 2);
    }
    void jidDecodingOfOtherForms()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Jid, jid);
        const DecodeResult r = NodeDecoder().decode(hex("00 F8 03 19 11") + bytes);
        QVERIFY(r.ok());
        QCOMPARE(r.node().jidAttr("to"), jid);
        // Re-encoding picks the canonical form, which decodes to the same typed JID.
        const DecodeResult again = NodeDecoder().decode(encoded(r.node()));
        QVERIFY(again.ok());
        QCOMPARE(again.node(), r.node());
    }

    void unencodable_data()
    {
        QTest::addColumn<Node>("node");
        const auto to = [](const Jid &jid) { return Node(s("iq"), {{s("to"), jid}}); };
        QTest::newRow("device on a group") << to(Jid(s("1"), s("g.us"), 2));
        QTest::newRow("device above 255 in an AD_JID") << to(Jid::phone(s("1"), 256));
        QTest::newRow("agent on lid") << to(*Jid::parse(u"1.5:2@lid"));
        QTest::newRow("agent colliding with lid domain") << to(*Jid::parse(u"1.1:2@s.whatsapp.net"));
        QTest::newRow("agent colliding with hosted domain") << to(*Jid::parse(u"1.128:2@s.whatsapp.net"));
        QTest::newRow("no server") << to(Jid(s("1"), QString()));
        QTest::newRow("hosted without user") << to(Jid(QString(), s("hosted")));
        QTest::newRow("messenger without user") << to(Jid(QString(), s("msgr"), 1));
        QTest::newRow("empty tag") << Node(QString());
        QTest::newRow("empty attribute key") << Node(s("iq"), {{QString(), "x"}});
        QTest::newRow("empty child tag") << Node(s("iq"), {}, {Node(QString())});
        Node wide(s("iq"));
        QList<Node> many(65536, Node(s("ping")));
        wide.setChildren(many);
        QTest::newRow("65536 children") << wide;
        Node deep(s("leaf"));
        for (int i = 0; i < 64; ++i)
            deep = Node(s("iq"), {}, {deep});
        QTest::newRow("65 levels") << deep;
    }
    void unencodable()
    {
        QFETCH(Node, node);
        const auto r = NodeEncoder::encode(node);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, wagate::ErrorCode::InvalidArgument);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<Code>("code");

        QTest::newRow("empty frame") << QByteArray() << Code::EmptyInput;
        QTest::newRow("flag only") << hex("00") << Code::EmptyInput;
        QTest::newRow("truncated list header") << hex("00 F8") << Code::Truncated;
        QTest::newRow("truncated JID pair") << hex("00 F8 05 19 08 55 11 FA 00") << Code::Truncated;
        QTest::newRow("truncated AD_JID") << hex("00 F8 03 19 11 F7 00") << Code::Truncated;
        QTest::newRow("truncated double-byte token") << hex("00 F8 01 EC") << Code::Truncated;
        QTest::newRow("truncated FB_JID device") << hex("00 F8 03 19 11 F6 FF 01 12 00") << Code::Truncated;
        QTest::newRow("bad list tag") << hex("00 F0 01 19") << Code::InvalidTag;
        QTest::newRow("bad string tag") << hex("00 F8 01 F1") << Code::InvalidTag;
        QTest::newRow("list where a string belongs") << hex("00 F8 03 19 08 F8 01") << Code::InvalidTag;
        QTest::newRow("JID as tag") << hex("00 F8 01 FA 00 03") << Code::InvalidTag;
        QTest::newRow("JID as attribute key") << hex("00 F8 03 19 FA 00 03 08") << Code::InvalidTag;
        QTest::newRow("JID inside a JID") << hex("00 F8 03 19 11 FA FA 00 03 03") << Code::InvalidTag;
        QTest::newRow("empty list header") << hex("00 F8 00") << Code::InvalidNode;
        QTest::newRow("LIST_EMPTY as node") << hex("00 00") << Code::InvalidNode;
        QTest::newRow("empty tag") << hex("00 F8 01 FC 00") << Code::InvalidNode;
        QTest::newRow("absent attribute key") << hex("00 F8 03 19 00 08") << Code::InvalidNode;
        QTest::newRow("bad nibble") << hex("00 F8 03 19 08 FF 01 1C") << Code::InvalidPacked;
        QTest::newRow("filler inside nibbles") << hex("00 F8 03 19 08 FF 02 F1 23") << Code::InvalidPacked;
        QTest::newRow("odd empty packed") << hex("00 F8 03 19 08 FF 80") << Code::InvalidPacked;
        QTest::newRow("JID pair without server") << hex("00 F8 03 19 11 FA 00 00") << Code::InvalidJid;
        QTest::newRow("JID pair on msgr without user") << hex("00 F8 03 19 11 FA 00 CC") << Code::InvalidJid;
        QTest::newRow("AD_JID without user") << hex("00 F8 03 19 11 F7 00 01 00") << Code::InvalidJid;
        QTest::newRow("FB_JID with another server") << hex("00 F8 03 19 11 F6 FF 01 12 00 01 03") << Code::InvalidJid;
        QTest::newRow("'@' inside a JID user") << hex("00 F8 03 19 11 FA FC 03 61 40 62 03") << Code::InvalidJid;
        QTest::newRow("node size beyond input") << hex("00 F9 FF FF 19") << Code::ListBeyondInput;
        QTest::newRow("attributes beyond input") << hex("00 F8 03 19 08") << Code::ListBeyondInput;
        QTest::newRow("child list beyond input") << hex("00 F8 02 19 F8 C8 F8 01 19") << Code::ListBeyondInput;
        QTest::newRow("BINARY_32 huge") << hex("00 F8 02 19 FE FF FF FF FF 00") << Code::LengthBeyondInput;
        QTest::newRow("BINARY_20 beyond input") << hex("00 F8 02 19 FD 0F FF FF 41") << Code::LengthBeyondInput;
        QTest::newRow("BINARY_8 beyond input") << hex("00 F8 03 19 08 FC 05 41") << Code::LengthBeyondInput;
        QTest::newRow("packed beyond input") << hex("00 F8 03 19 08 FF 05 12") << Code::LengthBeyondInput;
        QTest::newRow("65 levels") << nested(65) << Code::TooDeep;
        QTest::newRow("trailing byte") << hex("00 F8 01 02 00") << Code::TrailingBytes;
        QTest::newRow("two nodes") << hex("00 F8 01 02 F8 01 02") << Code::TrailingBytes;
        QTest::newRow("not zlib") << hex("02 F8 01 02") << Code::BadCompression;
        QTest::newRow("empty zlib") << hex("02") << Code::BadCompression;
        const QByteArray stream = zlib(hex("F8 02 19 FC 20") + QByteArray(32, 'k'));
        QTest::newRow("truncated zlib") << (hex("02") + stream.left(stream.size() - 5)) << Code::BadCompression;
        QTest::newRow("corrupt zlib checksum") << (hex("02") + stream.left(stream.size() - 1) + char(stream.back() ^ 1))
                                               << Code::BadCompression;
        QTest::newRow("garbage after zlib") << (hex("02") + stream + "xx") << Code::BadCompression;
        QTest::newRow("compressed garbage") << (hex("02") + zlib("nonsense")) << Code::InvalidTag;
        // A zip bomb: 17 MiB of zeros inside a BINARY_32, about 17 KiB on the wire.
        QByteArray bomb = hex("F8 02 19 FE 01 10 00 00");
        bomb += QByteArray(0x1100000, '\0');
        QTest::newRow("zip bomb") << (hex("02") + zlib(bomb)) << Code::InflatedTooLarge;
    }
    void malformed()
    {
        QFETCH(QByteArray, frame);
        QFETCH(Code, code);
        const DecodeResult r = NodeDecoder().decode(frame);
        QVERIFY2(!r.ok(), qPrintable(r.ok() ? r.node().toString() : QString()));
        QCOMPARE(NodeError::codeName(r.error().code), NodeError::codeName(code));
        QVERIFY(r.error().offset >= 0);
        const wagate::Error e = r.error().toError();
        QCOMPARE(e.code, wagate::ErrorCode::InvalidArgument);
        QCOMPARE(e.details.value(QStringLiteral("reason")).toString(), NodeError::codeName(code));
    }

    void errorOffsets()
    {
        // Offsets count from the first byte after the flag.
        const DecodeResult r = NodeDecoder().decode(hex("00 F8 02 19 FE FF FF FF FF 00"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().offset, 3);
    }

    void depthLimitIsExact()
    {
        QVERIFY(NodeDecoder().decode(nested(64)).ok());
        QVERIFY(!NodeDecoder().decode(nested(65)).ok());
        QVERIFY(NodeDecoder(DecodeLimits{.maxDepth = 3}).decode(nested(3)).ok());
        QCOMPARE(NodeDecoder(DecodeLimits{.maxDepth = 3}).decode(nested(4)).error().code, Code::TooDeep);
    }

    void nodeCountLimit()
    {
        Node parent(s("iq"));
        for (int i = 0; i < 9; ++i)
            parent.addChild(Node(s("ping")));
        const DecodeLimits limits{.maxNodes = 10};
        QVERIFY(NodeDecoder(limits).decode(encoded(parent)).ok());
        parent.addChild(Node(s("ping")));
        const DecodeResult r = NodeDecoder(limits).decode(encoded(parent));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Code::TooManyNodes);
    }

    void inflateCap()
    {
        // 7 bytes of node framing (F8 02 19 FD xx xx xx) plus the payload: exactly at the cap passes,
        // one byte more fails.
        const DecodeLimits limits{.maxInflatedSize = 1024};
        const auto frame = [](int payload) {
            return *NodeEncoder::encode(Node(s("iq"), {}, QByteArray(payload, 'z')), NodeEncoder::Compression::Zlib);
        };
        QCOMPARE(NodeEncoder::encodeNode(Node(s("iq"), {}, QByteArray(1017, 'z')))->size(), 1024);
        QVERIFY(NodeDecoder(limits).decode(frame(1017)).ok());
        QCOMPARE(NodeDecoder(limits).decode(frame(1018)).error().code, Code::InflatedTooLarge);
    }

    void compressedFrames()
    {
        const Node node(s("iq"), {{s("id"), "1"}, {s("from"), Jid::serverJid()}},
                        {Node(s("ref"), {}, QByteArray(5000, 'r'))});
        // Our encoder's zlib output ...
        const auto frame = NodeEncoder::encode(node, NodeEncoder::Compression::Zlib);
        QVERIFY(frame.ok());
        QCOMPARE(quint8(frame->front()), quint8(0x02));
        QVERIFY(frame->size() < 200);
        const DecodeResult r = NodeDecoder().decode(*frame);
        QVERIFY(r.ok());
        QCOMPARE(r.node(), node);
        // ... and an independent one; other flag bits are ignored, as peers do.
        const QByteArray other = hex("06") + zlib(*NodeEncoder::encodeNode(node));
        QCOMPARE(NodeDecoder().decode(other).node(), node);
        QCOMPARE(NodeDecoder().decode(hex("80") + *NodeEncoder::encodeNode(node)).node(), node);
    }

    void randomRoundTrips()
    {
        NodeGenerator gen(20240601);
        const NodeDecoder decoder;
        for (int i = 0; i < 2000; ++i) {
            const Node node = gen.node();
            const auto bytes = NodeEncoder::encode(node);
            QVERIFY2(bytes.ok(), qPrintable(bytes.ok() ? QString() : bytes.error().message));
            const DecodeResult r = decoder.decode(*bytes);
            QVERIFY2(r.ok(), qPrintable(QStringLiteral("#%1 %2").arg(i).arg(r.ok() ? QString() : r.error().message)));
            const Node expected = afterRoundTrip(node);
            QVERIFY2(r.node() == expected,
                     qPrintable(QStringLiteral("#%1\n  %2\n  %3").arg(i).arg(expected.toString(), r.node().toString())));
            // The decoded node encodes to the very same bytes: the encoding is canonical.
            QCOMPARE(NodeEncoder::encode(r.node())->toHex(), bytes->toHex());
            if (i % 10 == 0) {
                const auto zipped = NodeEncoder::encode(node, NodeEncoder::Compression::Zlib);
                QCOMPARE(decoder.decode(*zipped).node(), expected);
            }
        }
    }

    void truncationsAreRejectedNotCrashing()
    {
        // Every proper prefix of a valid frame is an error, never a crash or a partial node.
        NodeGenerator gen(7);
        for (int i = 0; i < 50; ++i) {
            const QByteArray bytes = *NodeEncoder::encode(gen.node());
            for (qsizetype cut = 0; cut < bytes.size(); cut += 1 + bytes.size() / 64)
                QVERIFY(!NodeDecoder().decode(bytes.left(cut)).ok());
        }
    }
};

QTEST_GUILESS_MAIN(TestNodeCodec)
#include "tst_nodecodec.moc"
