#include "stanzas.h"

namespace wagate::wa::stanza {

namespace {

const QString kIq = QStringLiteral("iq");
const QString kId = QStringLiteral("id");
const QString kType = QStringLiteral("type");
const QString kTo = QStringLiteral("to");
const QString kXmlns = QStringLiteral("xmlns");

QByteArray bigEndian(quint32 value, int bytes)
{
    QByteArray out(bytes, Qt::Uninitialized);
    for (int i = bytes - 1; i >= 0; --i) {
        out[i] = char(value & 0xFF);
        value >>= 8;
    }
    return out;
}

std::optional<quint32> fromBigEndian(const QByteArray &bytes, int expected)
{
    if (bytes.size() != expected)
        return std::nullopt;
    quint32 value = 0;
    for (char c : bytes)
        value = (value << 8) | quint8(c);
    return value;
}

//! A JID attribute, typed (as our encoder and Baileys send them) or as text.
std::optional<Jid> jidOf(const Node &node, QAnyStringView key)
{
    if (auto jid = node.jidAttr(key))
        return jid;
    if (!node.hasAttr(key))
        return std::nullopt;
    return Jid::parse(node.attr(key));
}

Node bytesNode(const QString &tag, QByteArray bytes)
{
    return Node(tag, {}, std::move(bytes));
}

Attribute serverTo()
{
    return {kTo, Jid::serverJid()};
}

} // namespace

// --- usync

Node usyncDevicesQuery(const QList<Jid> &users, const QString &sid)
{
    QList<Node> list;
    list.reserve(users.size());
    for (const Jid &u : users)
        list.append(Node(QStringLiteral("user"), {{QStringLiteral("jid"), u.toNonAd()}}));
    Node usync(QStringLiteral("usync"),
               {{QStringLiteral("sid"), sid}, {QStringLiteral("mode"), "query"}, {QStringLiteral("last"), "true"},
                {QStringLiteral("index"), "0"}, {QStringLiteral("context"), "message"}},
               QList<Node>{Node(QStringLiteral("query"), {},
                                QList<Node>{Node(QStringLiteral("devices"), {{QStringLiteral("version"), "2"}}),
                                            Node(QStringLiteral("lid"))}),
                           Node(QStringLiteral("list"), {}, list)});
    return Node(kIq, {serverTo(), {kType, "get"}, {kXmlns, "usync"}}, QList<Node>{usync});
}

Node usyncContactQuery(const QStringList &phoneNumbers, const QString &sid)
{
    QList<Node> list;
    list.reserve(phoneNumbers.size());
    for (const QString &p : phoneNumbers)
        list.append(Node(QStringLiteral("user"), {}, QList<Node>{Node::withText(QStringLiteral("contact"), {}, p)}));
    Node usync(QStringLiteral("usync"),
               {{QStringLiteral("sid"), sid}, {QStringLiteral("mode"), "query"}, {QStringLiteral("last"), "true"},
                {QStringLiteral("index"), "0"}, {QStringLiteral("context"), "interactive"}},
               QList<Node>{Node(QStringLiteral("query"), {},
                                QList<Node>{Node(QStringLiteral("contact")), Node(QStringLiteral("lid"))}),
                           Node(QStringLiteral("list"), {}, list)});
    return Node(kIq, {serverTo(), {kType, "get"}, {kXmlns, "usync"}}, QList<Node>{usync});
}

Expected<QList<UsyncUser>, QString> parseUsyncResult(const Node &iq)
{
    if (iq.attr(kType) != QLatin1String("result"))
        return QStringLiteral("usync refused (%1)").arg(iq.child("error").attr("code", QStringLiteral("no code")));
    const Node list = iq.child("usync").child("list");
    if (list.isNull())
        return QStringLiteral("usync result without a list");
    QList<UsyncUser> out;
    for (const Node &user : list.children(u"user")) {
        UsyncUser u;
        const auto jid = jidOf(user, "jid");
        if (!jid)
            continue;
        u.user = jid->toNonAd();
        const Node devices = user.child("devices");
        if (!devices.isNull()) {
            u.hasDevices = true;
            for (const Node &d : devices.child("device-list").children(u"device")) {
                const auto id = d.intAttr("id");
                if (!id || *id < 0 || *id > 0xFFFF)
                    continue;
                // Companions without a key index are dropped, as Baileys does: they are not
                // vouched for by the phone.
                if (*id != 0 && !d.hasAttr("key-index"))
                    continue;
                u.devices.append(quint16(*id));
            }
        }
        const Node lid = user.child("lid");
        if (!lid.isNull()) {
            if (auto val = jidOf(lid, "val"); val && val->server() == JidServer::Lid)
                u.lid = val->toNonAd();
        }
        const Node contact = user.child("contact");
        if (!contact.isNull() && contact.hasAttr("type"))
            u.onWhatsApp = contact.attr("type") == QLatin1String("in");
        out.append(u);
    }
    return out;
}

// --- bundles

Node preKeyFetch(const QList<Jid> &devices)
{
    QList<Node> users;
    users.reserve(devices.size());
    for (const Jid &d : devices)
        users.append(Node(QStringLiteral("user"), {{QStringLiteral("jid"), d}, {QStringLiteral("reason"), "identity"}}));
    return Node(kIq, {serverTo(), {kType, "get"}, {kXmlns, "encrypt"}},
                QList<Node>{Node(QStringLiteral("key"), {}, users)});
}

std::optional<PreKeyBundle> parseBundle(const Node &holder, quint32 deviceId, std::optional<quint32> registration)
{
    PreKeyBundle b;
    b.deviceId = deviceId;
    const Node reg = holder.child("registration");
    if (!reg.isNull()) {
        const auto r = fromBigEndian(reg.contentBytes(), 4);
        if (!r)
            return std::nullopt;
        b.registrationId = *r;
    } else if (registration) {
        b.registrationId = *registration;
    } else {
        return std::nullopt;
    }
    const Node type = holder.child("type");
    if (!type.isNull() && type.contentBytes() != QByteArray(1, '\x05'))
        return std::nullopt;
    b.identityKey = holder.child("identity").contentBytes();
    const Node skey = holder.child("skey");
    const auto spkId = fromBigEndian(skey.child("id").contentBytes(), 3);
    b.signedPreKey = skey.child("value").contentBytes();
    b.signedPreKeySignature = skey.child("signature").contentBytes();
    if (b.identityKey.size() != 32 || !spkId || b.signedPreKey.size() != 32 || b.signedPreKeySignature.size() != 64)
        return std::nullopt;
    b.signedPreKeyId = *spkId;
    const Node key = holder.child("key");
    if (!key.isNull()) {
        const auto id = fromBigEndian(key.child("id").contentBytes(), 3);
        const QByteArray value = key.child("value").contentBytes();
        if (!id || value.size() != 32)
            return std::nullopt;
        b.preKeyId = *id;
        b.preKey = value;
    }
    return b;
}

QList<Node> bundleChildren(const PreKeyBundle &b)
{
    QList<Node> out{bytesNode(QStringLiteral("registration"), bigEndian(b.registrationId, 4)),
                    bytesNode(QStringLiteral("type"), QByteArray(1, '\x05')),
                    bytesNode(QStringLiteral("identity"), b.identityKey),
                    Node(QStringLiteral("skey"), {},
                         QList<Node>{bytesNode(QStringLiteral("id"), bigEndian(b.signedPreKeyId, 3)),
                                     bytesNode(QStringLiteral("value"), b.signedPreKey),
                                     bytesNode(QStringLiteral("signature"), b.signedPreKeySignature)})};
    if (b.preKeyId)
        out.append(Node(QStringLiteral("key"), {},
                        QList<Node>{bytesNode(QStringLiteral("id"), bigEndian(*b.preKeyId, 3)),
                                    bytesNode(QStringLiteral("value"), b.preKey)}));
    return out;
}

Expected<QList<BundleResult>, QString> parsePreKeyFetchResult(const Node &iq)
{
    if (iq.attr(kType) != QLatin1String("result"))
        return QStringLiteral("pre-key fetch refused (%1)").arg(iq.child("error").attr("code", QStringLiteral("no code")));
    const Node list = iq.child("list");
    if (list.isNull())
        return QStringLiteral("pre-key fetch result without a list");
    QList<BundleResult> out;
    for (const Node &user : list.children(u"user")) {
        const auto jid = jidOf(user, "jid");
        if (!jid)
            continue;
        BundleResult r;
        r.device = *jid;
        const Node error = user.child("error");
        if (!error.isNull()) {
            r.error = QStringLiteral("%1 %2").arg(error.attr("code"), error.attr("text")).trimmed();
        } else {
            // whatsmeow also accepts the retry form, with the children wrapped in <keys>.
            const Node holder = user.hasChild("keys") ? user.child("keys") : user;
            r.bundle = parseBundle(holder, jid->device());
            if (!r.bundle)
                r.error = QStringLiteral("malformed bundle");
        }
        out.append(r);
    }
    return out;
}

// --- outgoing

Node messageStanza(const Jid &to, const QString &id, const QString &type, const QList<EncPart> &parts,
                   const QByteArray &deviceIdentity)
{
    QList<Node> participants;
    participants.reserve(parts.size());
    for (const EncPart &p : parts) {
        Node enc(QStringLiteral("enc"), {{QStringLiteral("v"), "2"}, {kType, p.ciphertext.typeName()}}, p.ciphertext.bytes);
        participants.append(Node(kTo, {{QStringLiteral("jid"), p.to}}, QList<Node>{enc}));
    }
    QList<Node> children{Node(QStringLiteral("participants"), {}, participants)};
    if (!deviceIdentity.isEmpty())
        children.append(bytesNode(QStringLiteral("device-identity"), deviceIdentity));
    return Node(QStringLiteral("message"), {{kTo, to}, {kId, id}, {kType, type}}, children);
}

Node retryMessageStanza(const Jid &device, const QString &id, const QString &type, qint64 originalT,
                        const SignalCiphertext &ciphertext, int count, const QByteArray &deviceIdentity)
{
    Node enc(QStringLiteral("enc"),
             {{QStringLiteral("v"), "2"}, {kType, ciphertext.typeName()}, {QStringLiteral("count"), QString::number(count)}},
             ciphertext.bytes);
    QList<Node> children{enc};
    if (!deviceIdentity.isEmpty() && ciphertext.type == SignalCiphertext::Type::PkMsg)
        children.append(bytesNode(QStringLiteral("device-identity"), deviceIdentity));
    Node m(QStringLiteral("message"), {{kTo, device}, {kId, id}, {kType, type}, {QStringLiteral("device_fanout"), "false"}},
           children);
    if (originalT > 0)
        m.setAttr(QStringLiteral("t"), QString::number(originalT));
    return m;
}

// --- incoming

Expected<IncomingEnvelope, QString> parseMessage(const Node &message)
{
    IncomingEnvelope e;
    e.id = message.attr(kId);
    if (e.id.isEmpty())
        return QStringLiteral("message without an id");
    const auto from = jidOf(message, "from");
    if (!from || from->user().isEmpty())
        return QStringLiteral("message without a sender");
    e.from = *from;
    e.participant = jidOf(message, "participant");
    if (e.isGroup() && !e.participant)
        return QStringLiteral("group message without a participant");
    e.recipient = jidOf(message, "recipient");
    for (const char *alt : {"sender_pn", "sender_lid", "participant_pn", "participant_lid"}) {
        if (auto j = jidOf(message, alt)) {
            e.senderAlt = j;
            break;
        }
    }
    for (const char *alt : {"peer_recipient_pn", "peer_recipient_lid"}) {
        if (auto j = jidOf(message, alt)) {
            e.recipientAlt = j;
            break;
        }
    }
    e.t = message.intAttr("t").value_or(0);
    e.type = message.attr(kType);
    e.notify = message.attr("notify");
    e.category = message.attr("category");
    e.offline = message.hasAttr("offline");
    e.addressingMode = message.attr("addressing_mode");
    for (const Node &child : message.children()) {
        if (child.tag() == QLatin1String("enc")) {
            Enc enc;
            enc.type = child.attr(kType);
            enc.version = int(child.intAttr("v").value_or(2));
            enc.count = int(child.intAttr("count").value_or(0));
            enc.bytes = child.contentBytes();
            e.encs.append(enc);
        } else if (child.tag() == QLatin1String("device-identity")) {
            e.deviceIdentity = child.contentBytes();
        } else if (child.tag() == QLatin1String("unavailable")) {
            e.unavailable = true;
        }
    }
    return e;
}

// --- receipts

Node deliveryReceipt(const IncomingEnvelope &e)
{
    // To the message's `from`, device included (the LID server refuses a device-stripped `to`).
    Node r(QStringLiteral("receipt"), {{kId, e.id}, {kTo, e.from}});
    if (e.participant)
        r.setAttr(QStringLiteral("participant"), *e.participant);
    if (e.recipient)
        r.setAttr(QStringLiteral("recipient"), *e.recipient);
    if (e.category == QLatin1String("peer"))
        r.setAttr(kType, QStringLiteral("peer_msg"));
    return r;
}

Node readReceipt(const Jid &chat, const std::optional<Jid> &participant, const QStringList &ids, qint64 unixSeconds)
{
    Node r(QStringLiteral("receipt"),
           {{kId, ids.value(0)}, {kTo, chat.toNonAd()}, {kType, "read"}, {QStringLiteral("t"), QString::number(unixSeconds)}});
    if (participant)
        r.setAttr(QStringLiteral("participant"), *participant);
    if (ids.size() > 1) {
        QList<Node> items;
        for (qsizetype i = 1; i < ids.size(); ++i)
            items.append(Node(QStringLiteral("item"), {{kId, ids.at(i)}}));
        r.addChild(Node(QStringLiteral("list"), {}, items));
    }
    return r;
}

Node retryReceipt(const IncomingEnvelope &e, int count, quint32 registrationId, const std::optional<PreKeyBundle> &keys,
                  const QByteArray &deviceIdentity)
{
    Node r(QStringLiteral("receipt"), {{kId, e.id}, {kTo, e.from}, {kType, "retry"}});
    if (e.participant)
        r.setAttr(QStringLiteral("participant"), *e.participant);
    if (e.recipient)
        r.setAttr(QStringLiteral("recipient"), *e.recipient);
    if (e.category == QLatin1String("peer"))
        r.setAttr(QStringLiteral("category"), QStringLiteral("peer"));
    r.addChild(Node(QStringLiteral("retry"), {{QStringLiteral("count"), QString::number(count)},
                                              {kId, e.id},
                                              {QStringLiteral("t"), QString::number(e.t)},
                                              {QStringLiteral("v"), "1"}}));
    r.addChild(bytesNode(QStringLiteral("registration"), bigEndian(registrationId, 4)));
    if (keys) {
        QList<Node> children = bundleChildren(*keys);
        children.removeFirst(); // the registration travels at the receipt's level
        if (!deviceIdentity.isEmpty())
            children.append(bytesNode(QStringLiteral("device-identity"), deviceIdentity));
        r.addChild(Node(QStringLiteral("keys"), {}, children));
    }
    return r;
}

Expected<IncomingReceipt, QString> parseReceipt(const Node &receipt)
{
    IncomingReceipt r;
    const QString id = receipt.attr(kId);
    if (id.isEmpty())
        return QStringLiteral("receipt without an id");
    const auto from = jidOf(receipt, "from");
    if (!from)
        return QStringLiteral("receipt without a sender");
    r.ids.append(id);
    for (const Node &item : receipt.child("list").children(u"item")) {
        const QString more = item.attr(kId);
        if (!more.isEmpty() && !r.ids.contains(more))
            r.ids.append(more);
    }
    r.from = *from;
    r.participant = jidOf(receipt, "participant");
    r.recipient = jidOf(receipt, "recipient");
    r.type = receipt.attr(kType);
    r.t = receipt.intAttr("t").value_or(0);
    r.offline = receipt.hasAttr("offline");
    if (r.type == QLatin1String("retry")) {
        const Node retry = receipt.child("retry");
        r.retryCount = int(retry.intAttr("count").value_or(1));
        r.retryT = retry.intAttr("t").value_or(0);
        if (const auto reg = fromBigEndian(receipt.child("registration").contentBytes(), 4))
            r.registrationId = *reg;
        const Node keys = receipt.child("keys");
        if (!keys.isNull() && r.registrationId)
            r.keys = parseBundle(keys, r.participant.value_or(r.from).device(), r.registrationId);
    }
    return r;
}

// --- acks

Node ackFor(const Node &stanza, int error)
{
    Node ack(QStringLiteral("ack"), {{QStringLiteral("class"), stanza.tag()}, {kId, stanza.attr(kId)}});
    if (const auto from = jidOf(stanza, "from"))
        ack.setAttr(kTo, *from);
    else
        ack.setAttr(kTo, stanza.attr("from"));
    if (const auto participant = jidOf(stanza, "participant"))
        ack.setAttr(QStringLiteral("participant"), *participant);
    if (const auto recipient = jidOf(stanza, "recipient"))
        ack.setAttr(QStringLiteral("recipient"), *recipient);
    // whatsmeow leaves the type out for messages; receipts and notifications carry theirs.
    if (stanza.tag() != QLatin1String("message") && stanza.hasAttr(kType))
        ack.setAttr(kType, stanza.attr(kType));
    if (error != 0)
        ack.setAttr(QStringLiteral("error"), QString::number(error));
    return ack;
}

ServerAck parseAck(const Node &ack)
{
    ServerAck a;
    a.cls = ack.attr("class");
    a.id = ack.attr(kId);
    a.from = jidOf(ack, "from");
    a.t = ack.intAttr("t").value_or(0);
    a.error = int(ack.intAttr("error").value_or(0));
    a.phash = ack.attr("phash");
    return a;
}

// --- presence

Node presence(bool available, const QString &pushName)
{
    Node p(QStringLiteral("presence"), {{kType, available ? "available" : "unavailable"}});
    if (!pushName.isEmpty())
        p.setAttr(QStringLiteral("name"), pushName);
    return p;
}

Node chatState(const Jid &to, ChatStateKind state)
{
    return Node(QStringLiteral("chatstate"), {{kTo, to.toNonAd()}},
                QList<Node>{Node(state == ChatStateKind::Composing ? QStringLiteral("composing") : QStringLiteral("paused"))});
}

} // namespace wagate::wa::stanza
