#pragma once

#include "wa/binary/jid.h"

#include <QAnyStringView>
#include <QByteArray>
#include <QDebug>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace wagate::wa {

//! One attribute of a node. The value is a string or a typed JID: the two are encoded differently
//! and peers compare JIDs as typed values, so the type is kept instead of guessing from an '@'.
struct Attribute
{
    //! A string attribute; `{"type", "set"}` in a braced list picks this or the UTF-8 overload.
    Attribute(QString key, QString value) : key(std::move(key)), value(std::move(value)) {}
    Attribute(QString key, const char *value) : key(std::move(key)), value(QString::fromUtf8(value)) {}
    //! A JID attribute, encoded as a JID on the wire.
    Attribute(QString key, Jid value) : key(std::move(key)), value(std::move(value)) {}

    QString key;
    std::variant<QString, Jid> value;

    //! True if the value is a typed JID.
    bool isJid() const { return std::holds_alternative<Jid>(value); }
    //! The value as text; a JID in its canonical form.
    QString text() const;

    friend bool operator==(const Attribute &, const Attribute &) = default;
};

//! A node of WhatsApp's binary XML-like format: a tag, attributes and optional content.
//!
//! Content is one of: nothing, raw bytes, text, a JID, or a list of child nodes. Bytes and text are
//! distinct because the wire distinguishes them: bytes always travel as BINARY_x (what `<ref>` or
//! `<device-identity>` carry), text is written compactly (token, nibble/hex packed) when it can be
//! and as raw bytes otherwise. The decoder reports token and packed content as text and BINARY_x
//! content as bytes, so text that had to travel raw comes back as bytes; contentBytes() reads
//! either. Attributes keep their insertion order (the wire order) but compare as a set.
//!
//! An attribute with an empty string value is the same as no attribute (whatsmeow writes neither);
//! setAttr() with an empty value removes the key, and the decoder drops empty values.
class Node
{
public:
    enum class ContentKind { None, Bytes, Text, Jid, Children };

    //! A null node (no tag); what child() answers when there is no such child.
    Node() = default;
    //! A node without content.
    explicit Node(QString tag, QList<Attribute> attrs = {});
    //! A node with child nodes, e.g. `<iq ...><pair-device>...</pair-device></iq>`.
    Node(QString tag, QList<Attribute> attrs, QList<Node> children);
    //! A node with raw bytes content, e.g. `<ref>2@abc</ref>`.
    Node(QString tag, QList<Attribute> attrs, QByteArray bytes);

    //! A node with text content, written as a token or packed string when possible.
    static Node withText(QString tag, QList<Attribute> attrs, QString text);
    //! A node whose content is a JID.
    static Node withJid(QString tag, QList<Attribute> attrs, Jid jid);

    //! True for the null node (no tag), e.g. a child() that does not exist.
    bool isNull() const { return m_tag.isEmpty(); }
    //! The tag, e.g. "iq".
    const QString &tag() const { return m_tag; }
    //! Renames the node; returns *this for chaining.
    Node &setTag(QString tag);

    // --- attributes

    //! All attributes in insertion (wire) order.
    const QList<Attribute> &attributes() const { return m_attrs; }
    //! True if the attribute is present (and so non-empty).
    bool hasAttr(QAnyStringView key) const;
    //! The value of an attribute as text (JIDs in canonical form), or fallback if absent.
    QString attr(QAnyStringView key, const QString &fallback = {}) const;
    //! The attribute as a typed JID; only values that were encoded as JIDs, never a parsed string,
    //! so a plain `from="s.whatsapp.net"` token is not mistaken for the server JID.
    std::optional<Jid> jidAttr(QAnyStringView key) const;
    //! The attribute as a signed decimal integer (e.g. `t`, `code`); nothing if absent or not a number.
    std::optional<qint64> intAttr(QAnyStringView key) const;
    //! Sets or replaces an attribute, keeping its position; an empty value removes it.
    Node &setAttr(const QString &key, const QString &value);
    //! Sets or replaces a JID attribute, keeping its position.
    Node &setAttr(const QString &key, const Jid &value);
    //! Removes an attribute if present.
    Node &removeAttr(QAnyStringView key);

    // --- content

    //! Which kind of content the node has.
    ContentKind contentKind() const { return ContentKind(m_content.index()); }
    //! True unless the content is None; an empty child list is content.
    bool hasContent() const { return contentKind() != ContentKind::None; }
    //! The content as bytes whatever its kind: bytes as they are, text as UTF-8, a JID as its text;
    //! empty for children or no content.
    QByteArray contentBytes() const;
    //! The content as text: text as it is, bytes decoded as UTF-8, a JID as its text.
    QString contentText() const;
    //! The content JID, if the content is one.
    std::optional<Jid> contentJid() const;
    //! The child nodes; empty unless the content is a list.
    const QList<Node> &children() const;
    //! The children with this tag, in order.
    QList<Node> children(QAnyStringView tag) const;
    //! The first child with this tag, or a null node.
    Node child(QAnyStringView tag) const;
    //! True if a child with this tag exists.
    bool hasChild(QAnyStringView tag) const;

    //! Replaces the content by raw bytes (always written as BINARY_x).
    Node &setBytes(QByteArray bytes);
    //! Replaces the content by text (written as a token or packed string when possible).
    Node &setText(QString text);
    //! Replaces the content by a JID.
    Node &setJid(Jid jid);
    //! Replaces the content by a child list (possibly empty).
    Node &setChildren(QList<Node> children);
    //! Appends a child; turns other content into an (initially empty) child list first.
    Node &addChild(Node child);
    //! Removes the content.
    Node &clearContent();

    //! A compact one-line XML-like rendering for logs. Byte contents are shown by length only (they
    //! can hold keys), long text and attribute values are cut, and deep or wide trees are elided.
    QString toString() const;

    //! Structural equality: same tag, same attribute set (order-insensitive), same content.
    friend bool operator==(const Node &a, const Node &b);

private:
    QString m_tag;
    QList<Attribute> m_attrs;
    std::variant<std::monostate, QByteArray, QString, Jid, QList<Node>> m_content;
};

//! Prints toString(): safe for logs.
QDebug operator<<(QDebug debug, const Node &node);

} // namespace wagate::wa
