#include "node.h"

#include <QHash>

#include <algorithm>

namespace wagate::wa {

namespace {

// Limits of Node::toString(); logs must stay short and never carry secrets in full.
constexpr qsizetype kMaxShownValue = 64;
constexpr qsizetype kMaxShownText = 32;
constexpr qsizetype kMaxShownChildren = 8;
constexpr int kMaxShownDepth = 6;

QString shortened(const QString &text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    return text.left(max) + QStringLiteral("...(%1 chars)").arg(text.size());
}

void render(const Node &node, QString &out, int depth)
{
    out += u'<';
    out += node.tag();
    for (const Attribute &a : node.attributes()) {
        out += u' ';
        out += a.key;
        out += QLatin1StringView("=\"");
        out += shortened(a.text(), kMaxShownValue);
        out += u'"';
    }
    switch (node.contentKind()) {
    case Node::ContentKind::None:
        out += QLatin1StringView("/>");
        return;
    case Node::ContentKind::Bytes:
        out += QStringLiteral(">[%1 bytes]").arg(node.contentBytes().size());
        break;
    case Node::ContentKind::Text:
        out += u'>';
        out += shortened(node.contentText(), kMaxShownText);
        break;
    case Node::ContentKind::Jid:
        out += u'>';
        out += node.contentText();
        break;
    case Node::ContentKind::Children: {
        const QList<Node> &children = node.children();
        out += u'>';
        if (depth >= kMaxShownDepth && !children.isEmpty()) {
            out += QStringLiteral("...(%1 children)").arg(children.size());
        } else {
            const qsizetype shown = std::min(children.size(), kMaxShownChildren);
            for (qsizetype i = 0; i < shown; ++i)
                render(children[i], out, depth + 1);
            if (children.size() > shown)
                out += QStringLiteral("...(+%1 more)").arg(children.size() - shown);
        }
        break;
    }
    }
    out += QLatin1StringView("</");
    out += node.tag();
    out += u'>';
}

} // namespace

QString Attribute::text() const
{
    if (const auto *jid = std::get_if<Jid>(&value))
        return jid->toString();
    return std::get<QString>(value);
}

Node::Node(QString tag, QList<Attribute> attrs) : m_tag(std::move(tag))
{
    // Same rules as setAttr() (empty values dropped, a repeated key replaces the earlier value), but
    // linear in the number of attributes: decoded input may carry thousands. Typical nodes have a
    // handful, for which a scan beats building a hash.
    constexpr qsizetype kScanLimit = 16;
    const bool hashed = attrs.size() > kScanLimit;
    QHash<QString, qsizetype> positions;
    const auto find = [&](const QString &key) -> qsizetype {
        if (hashed)
            return positions.value(key, -1);
        for (qsizetype i = 0; i < m_attrs.size(); ++i) {
            if (m_attrs[i].key == key)
                return i;
        }
        return -1;
    };
    bool anyEmpty = false;
    m_attrs.reserve(attrs.size());
    for (Attribute &a : attrs) {
        const qsizetype at = find(a.key);
        if (at >= 0) {
            // A repeated key: the later value wins, an empty one removes it (tidied up below).
            m_attrs[at].value = std::move(a.value);
        } else {
            if (hashed)
                positions.insert(a.key, m_attrs.size());
            m_attrs.append(std::move(a));
        }
        if (const auto *text = std::get_if<QString>(&m_attrs[at >= 0 ? at : m_attrs.size() - 1].value))
            anyEmpty = anyEmpty || text->isEmpty();
    }
    if (anyEmpty) {
        m_attrs.removeIf([](const Attribute &a) {
            const auto *text = std::get_if<QString>(&a.value);
            return text && text->isEmpty();
        });
    }
}

Node::Node(QString tag, QList<Attribute> attrs, QList<Node> children) : Node(std::move(tag), std::move(attrs))
{
    m_content = std::move(children);
}

Node::Node(QString tag, QList<Attribute> attrs, QByteArray bytes) : Node(std::move(tag), std::move(attrs))
{
    m_content = std::move(bytes);
}

Node Node::withText(QString tag, QList<Attribute> attrs, QString text)
{
    Node node(std::move(tag), std::move(attrs));
    node.m_content = std::move(text);
    return node;
}

Node Node::withJid(QString tag, QList<Attribute> attrs, Jid jid)
{
    Node node(std::move(tag), std::move(attrs));
    node.m_content = std::move(jid);
    return node;
}

Node &Node::setTag(QString tag)
{
    m_tag = std::move(tag);
    return *this;
}

bool Node::hasAttr(QAnyStringView key) const
{
    return std::any_of(m_attrs.cbegin(), m_attrs.cend(), [&](const Attribute &a) { return a.key == key; });
}

QString Node::attr(QAnyStringView key, const QString &fallback) const
{
    for (const Attribute &a : m_attrs) {
        if (a.key == key)
            return a.text();
    }
    return fallback;
}

std::optional<Jid> Node::jidAttr(QAnyStringView key) const
{
    for (const Attribute &a : m_attrs) {
        if (a.key == key) {
            if (const auto *jid = std::get_if<Jid>(&a.value))
                return *jid;
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::optional<qint64> Node::intAttr(QAnyStringView key) const
{
    for (const Attribute &a : m_attrs) {
        if (a.key != key)
            continue;
        const auto *text = std::get_if<QString>(&a.value);
        if (!text)
            return std::nullopt;
        bool ok = false;
        const qint64 value = text->toLongLong(&ok, 10);
        // toLongLong accepts surrounding spaces and '+'; protocol numbers have neither.
        if (!ok || text->trimmed().size() != text->size() || text->startsWith(u'+'))
            return std::nullopt;
        return value;
    }
    return std::nullopt;
}

Node &Node::setAttr(const QString &key, const QString &value)
{
    if (value.isEmpty())
        return removeAttr(key);
    for (Attribute &a : m_attrs) {
        if (a.key == key) {
            a.value = value;
            return *this;
        }
    }
    m_attrs.append(Attribute(key, value));
    return *this;
}

Node &Node::setAttr(const QString &key, const Jid &value)
{
    for (Attribute &a : m_attrs) {
        if (a.key == key) {
            a.value = value;
            return *this;
        }
    }
    m_attrs.append(Attribute(key, value));
    return *this;
}

Node &Node::removeAttr(QAnyStringView key)
{
    m_attrs.removeIf([&](const Attribute &a) { return a.key == key; });
    return *this;
}

QByteArray Node::contentBytes() const
{
    switch (contentKind()) {
    case ContentKind::Bytes:
        return std::get<QByteArray>(m_content);
    case ContentKind::Text:
        return std::get<QString>(m_content).toUtf8();
    case ContentKind::Jid:
        return std::get<Jid>(m_content).toString().toUtf8();
    case ContentKind::None:
    case ContentKind::Children:
        break;
    }
    return {};
}

QString Node::contentText() const
{
    switch (contentKind()) {
    case ContentKind::Bytes:
        return QString::fromUtf8(std::get<QByteArray>(m_content));
    case ContentKind::Text:
        return std::get<QString>(m_content);
    case ContentKind::Jid:
        return std::get<Jid>(m_content).toString();
    case ContentKind::None:
    case ContentKind::Children:
        break;
    }
    return {};
}

std::optional<Jid> Node::contentJid() const
{
    if (const auto *jid = std::get_if<Jid>(&m_content))
        return *jid;
    return std::nullopt;
}

const QList<Node> &Node::children() const
{
    static const QList<Node> none;
    if (const auto *list = std::get_if<QList<Node>>(&m_content))
        return *list;
    return none;
}

QList<Node> Node::children(QAnyStringView tag) const
{
    QList<Node> out;
    for (const Node &c : children()) {
        if (c.tag() == tag)
            out.append(c);
    }
    return out;
}

Node Node::child(QAnyStringView tag) const
{
    for (const Node &c : children()) {
        if (c.tag() == tag)
            return c;
    }
    return {};
}

bool Node::hasChild(QAnyStringView tag) const
{
    const QList<Node> &list = children();
    return std::any_of(list.cbegin(), list.cend(), [&](const Node &c) { return c.tag() == tag; });
}

Node &Node::setBytes(QByteArray bytes)
{
    m_content = std::move(bytes);
    return *this;
}

Node &Node::setText(QString text)
{
    m_content = std::move(text);
    return *this;
}

Node &Node::setJid(Jid jid)
{
    m_content = std::move(jid);
    return *this;
}

Node &Node::setChildren(QList<Node> children)
{
    m_content = std::move(children);
    return *this;
}

Node &Node::addChild(Node child)
{
    if (!std::holds_alternative<QList<Node>>(m_content))
        m_content = QList<Node>();
    std::get<QList<Node>>(m_content).append(std::move(child));
    return *this;
}

Node &Node::clearContent()
{
    m_content = std::monostate();
    return *this;
}

QString Node::toString() const
{
    if (isNull())
        return QStringLiteral("<null>");
    QString out;
    render(*this, out, 0);
    return out;
}

bool operator==(const Node &a, const Node &b)
{
    if (a.m_tag != b.m_tag || a.m_attrs.size() != b.m_attrs.size() || a.m_content != b.m_content)
        return false;
    // Keys are unique (setAttr replaces), so equal sizes plus "every a in b" is set equality.
    for (const Attribute &x : a.m_attrs) {
        const auto it = std::find_if(b.m_attrs.cbegin(), b.m_attrs.cend(),
                                     [&](const Attribute &y) { return y.key == x.key; });
        if (it == b.m_attrs.cend() || it->value != x.value)
            return false;
    }
    return true;
}

QDebug operator<<(QDebug debug, const Node &node)
{
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << node.toString();
    return debug;
}

} // namespace wagate::wa
