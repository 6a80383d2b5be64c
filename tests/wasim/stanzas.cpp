#include "stanzas.h"

namespace wagate::wasim::stanzas {

wa::Node streamError(const StreamError &error)
{
    wa::Node node(QStringLiteral("stream:error"));
    if (error.code)
        node.setAttr(QStringLiteral("code"), QString::number(error.code));
    if (!error.conflict.isEmpty())
        node.addChild(wa::Node(QStringLiteral("conflict"), {{QStringLiteral("type"), error.conflict}}));
    return node;
}

wa::Node failure(int reason)
{
    return wa::Node(QStringLiteral("failure"), {{QStringLiteral("reason"), QString::number(reason)}});
}

wa::Node result(const QString &id, QList<wa::Node> children)
{
    wa::Node iq(QStringLiteral("iq"), {{QStringLiteral("type"), "result"},
                                       {QStringLiteral("from"), wa::Jid::serverJid()},
                                       {QStringLiteral("id"), id}});
    if (!children.isEmpty())
        iq.setChildren(std::move(children));
    return iq;
}

wa::Node error(const QString &id, int code, const QString &text)
{
    return wa::Node(QStringLiteral("iq"),
                    {{QStringLiteral("type"), "error"}, {QStringLiteral("from"), wa::Jid::serverJid()},
                     {QStringLiteral("id"), id}},
                    {wa::Node(QStringLiteral("error"),
                              {{QStringLiteral("code"), QString::number(code)}, {QStringLiteral("text"), text}})});
}

QByteArray childBytes(const wa::Node &node, QAnyStringView tag)
{
    return node.child(tag).contentBytes();
}

} // namespace wagate::wasim::stanzas
