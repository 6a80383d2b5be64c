// wa_node_tool: converts between a JSON form of binary nodes and hex-encoded frames, one item per
// line, so a script can hold our codec against another implementation (binary-interop.mjs).
//
//   wa_node_tool decode   stdin: hex frames       stdout: {"ok":true,"node":N,"reencoded":HEX} | {"ok":false,"error":CODE,"offset":K}
//   wa_node_tool encode   stdin: {"node":N[,"compress":true]}   stdout: {"ok":true,"hex":HEX} | {"ok":false,"error":MSG}
//
// N = {"tag":S, "attrs":[[KEY, VALUE], ...], "content": C}, attributes in wire order;
// VALUE = string | {"jid": J};  C absent | {"bytes": HEX} | {"text": S} | {"jid": J} | [N, ...];
// J = {"user":S, "server":S, "device":n, "agent":n, "integrator":n}.

#include "wa/binary/nodedecoder.h"
#include "wa/binary/nodeencoder.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

using namespace wagate::wa;

namespace {

QJsonObject jidToJson(const Jid &jid)
{
    return QJsonObject{{QStringLiteral("user"), jid.user()},
                       {QStringLiteral("server"), jid.server()},
                       {QStringLiteral("device"), int(jid.device())},
                       {QStringLiteral("agent"), int(jid.agent())},
                       {QStringLiteral("integrator"), int(jid.integrator())}};
}

std::optional<Jid> jidFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    const QString user = o.value(QStringLiteral("user")).toString();
    const QString server = o.value(QStringLiteral("server")).toString();
    const auto device = quint16(o.value(QStringLiteral("device")).toInt());
    const int agent = o.value(QStringLiteral("agent")).toInt();
    const auto integrator = quint16(o.value(QStringLiteral("integrator")).toInt());
    if (integrator != 0 || server == JidServer::Interop)
        return Jid::interop(user, device, integrator);
    if (agent != 0)
        return Jid::fromAd(user, quint8(agent), device);
    return Jid(user, server, device);
}

QJsonObject nodeToJson(const Node &node)
{
    QJsonObject o{{QStringLiteral("tag"), node.tag()}};
    QJsonArray attrs;
    for (const Attribute &a : node.attributes()) {
        const QJsonValue value = a.isJid() ? QJsonValue(QJsonObject{{QStringLiteral("jid"), jidToJson(std::get<Jid>(a.value))}})
                                           : QJsonValue(std::get<QString>(a.value));
        attrs.append(QJsonArray{a.key, value});
    }
    o.insert(QStringLiteral("attrs"), attrs);
    switch (node.contentKind()) {
    case Node::ContentKind::None:
        break;
    case Node::ContentKind::Bytes:
        o.insert(QStringLiteral("content"),
                 QJsonObject{{QStringLiteral("bytes"), QString::fromLatin1(node.contentBytes().toHex())}});
        break;
    case Node::ContentKind::Text:
        o.insert(QStringLiteral("content"), QJsonObject{{QStringLiteral("text"), node.contentText()}});
        break;
    case Node::ContentKind::Jid:
        o.insert(QStringLiteral("content"), QJsonObject{{QStringLiteral("jid"), jidToJson(*node.contentJid())}});
        break;
    case Node::ContentKind::Children: {
        QJsonArray children;
        for (const Node &c : node.children())
            children.append(nodeToJson(c));
        o.insert(QStringLiteral("content"), children);
        break;
    }
    }
    return o;
}

std::optional<Node> nodeFromJson(const QJsonValue &value, QString &error)
{
    if (!value.isObject()) {
        error = QStringLiteral("node is not an object");
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    Node node(o.value(QStringLiteral("tag")).toString());
    for (const QJsonValue &pair : o.value(QStringLiteral("attrs")).toArray()) {
        const QJsonArray kv = pair.toArray();
        const QString key = kv.at(0).toString();
        const QJsonValue v = kv.at(1);
        if (v.isString()) {
            node.setAttr(key, v.toString());
        } else if (const auto jid = jidFromJson(v.toObject().value(QStringLiteral("jid")))) {
            node.setAttr(key, *jid);
        } else {
            error = QStringLiteral("bad attribute value for %1").arg(key);
            return std::nullopt;
        }
    }
    const QJsonValue content = o.value(QStringLiteral("content"));
    if (content.isArray()) {
        QList<Node> children;
        for (const QJsonValue &c : content.toArray()) {
            auto child = nodeFromJson(c, error);
            if (!child)
                return std::nullopt;
            children.append(*child);
        }
        node.setChildren(children);
    } else if (content.isObject()) {
        const QJsonObject c = content.toObject();
        if (c.contains(QStringLiteral("bytes")))
            node.setBytes(QByteArray::fromHex(c.value(QStringLiteral("bytes")).toString().toLatin1()));
        else if (c.contains(QStringLiteral("text")))
            node.setText(c.value(QStringLiteral("text")).toString());
        else if (const auto jid = jidFromJson(c.value(QStringLiteral("jid"))))
            node.setJid(*jid);
        else {
            error = QStringLiteral("bad content");
            return std::nullopt;
        }
    } else if (!content.isUndefined() && !content.isNull()) {
        error = QStringLiteral("bad content");
        return std::nullopt;
    }
    return node;
}

QByteArray line(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray decodeLine(const QByteArray &input)
{
    const DecodeResult r = NodeDecoder().decode(QByteArray::fromHex(input.trimmed()));
    if (!r.ok())
        return line({{QStringLiteral("ok"), false},
                     {QStringLiteral("error"), NodeError::codeName(r.error().code)},
                     {QStringLiteral("offset"), qint64(r.error().offset)}});
    const auto again = NodeEncoder::encode(r.node());
    return line({{QStringLiteral("ok"), true},
                 {QStringLiteral("node"), nodeToJson(r.node())},
                 {QStringLiteral("reencoded"), again ? QString::fromLatin1(again->toHex()) : QString()}});
}

QByteArray encodeLine(const QByteArray &input)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(input, &parseError);
    QString error = parseError.errorString();
    std::optional<Node> node;
    if (parseError.error == QJsonParseError::NoError)
        node = nodeFromJson(doc.object().value(QStringLiteral("node")), error);
    if (!node)
        return line({{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}});
    const bool compress = doc.object().value(QStringLiteral("compress")).toBool();
    const auto bytes = NodeEncoder::encode(*node, compress ? NodeEncoder::Compression::Zlib
                                                           : NodeEncoder::Compression::None);
    if (!bytes)
        return line({{QStringLiteral("ok"), false}, {QStringLiteral("error"), bytes.error().message}});
    return line({{QStringLiteral("ok"), true}, {QStringLiteral("hex"), QString::fromLatin1(bytes->toHex())}});
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode != QLatin1String("decode") && mode != QLatin1String("encode")) {
        QFile err;
        if (err.open(stderr, QIODevice::WriteOnly))
            err.write("usage: wa_node_tool decode|encode < lines\n");
        return 2;
    }
    QFile in;
    QFile out;
    if (!in.open(stdin, QIODevice::ReadOnly) || !out.open(stdout, QIODevice::WriteOnly))
        return 1;
    while (!in.atEnd()) {
        const QByteArray input = in.readLine();
        if (input.trimmed().isEmpty())
            continue;
        out.write(mode == QLatin1String("decode") ? decodeLine(input) : encodeLine(input));
    }
    out.flush();
    return 0;
}
