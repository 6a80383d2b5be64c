// Messages through the simulated service (MESSAGING.md §2–§11): pre-key upload and bundles, usync
// device lists with LIDs, <message> fan-out with acks, per-device queues kept until receipted and
// delivered again at the next login behind the offline marker, receipts relayed, chat state, and
// the phones' primary devices as Signal parties of their own.

#include "wasimserver.h"

#include "phone.h"
#include "simconnection.h"
#include "stanzas.h"
#include "wasimlogging.h"

#include "wa/crypto/xeddsa.h"
#include "wa/message/messagecodec.h"
#include "wa/message/stanzas.h"

#include <QDateTime>

namespace wagate::wasim {

namespace {

using wa::Jid;
using wa::Node;

const QString kId = QStringLiteral("id");
const QString kType = QStringLiteral("type");
const QString kTo = QStringLiteral("to");
const QString kFrom = QStringLiteral("from");

constexpr int kLowPreKeys = 5;   // below this a device is told to upload more
constexpr int kMaxRetries = 5;   // retry receipts a phone answers per message and device

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

std::optional<Jid> jidOf(const Node &node, QAnyStringView key)
{
    if (auto jid = node.jidAttr(key))
        return jid;
    if (!node.hasAttr(key))
        return std::nullopt;
    return Jid::parse(node.attr(key));
}

quint32 bigEndian(const QByteArray &bytes)
{
    quint32 value = 0;
    for (char c : bytes)
        value = (value << 8) | quint8(c);
    return value;
}

bool isReadType(const QString &type)
{
    return type == QLatin1String("read") || type == QLatin1String("read-self") || type == QLatin1String("played")
           || type == QLatin1String("played-self");
}

} // namespace

Jid WasimServer::DeviceRef::pn() const
{
    return phone->jid(device);
}

Jid WasimServer::DeviceRef::lidJid() const
{
    return phone->lidJid(device);
}

Phone *WasimServer::resolveUser(const Jid &user, bool *lid) const
{
    if (lid)
        *lid = false;
    if (user.server() == wa::JidServer::User)
        return findPhone(user.user());
    if (user.server() == wa::JidServer::Lid) {
        if (lid)
            *lid = true;
        auto it = m_lids.constFind(user.user());
        return it == m_lids.cend() ? nullptr : findPhone(*it);
    }
    return nullptr;
}

std::optional<WasimServer::DeviceRef> WasimServer::resolveDevice(const Jid &jid) const
{
    bool lid = false;
    Phone *phone = resolveUser(jid.toNonAd(), &lid);
    if (!phone || (jid.device() != 0 && !phone->device(jid.device())))
        return std::nullopt;
    return DeviceRef{phone, jid.device(), lid};
}

QList<quint16> WasimServer::deviceIndexes(const Phone &phone) const
{
    QList<quint16> out{0};
    for (auto it = phone.devices().cbegin(); it != phone.devices().cend(); ++it)
        out.append(it.key());
    return out;
}

void WasimServer::watch(const QString &number, const Jid &watcher)
{
    if (watcher.isValid())
        m_watchers[number].insert(watcher);
}

void WasimServer::notifyWatchers(const Phone &phone, const Node &notification)
{
    for (const Jid &w : m_watchers.value(phone.number())) {
        if (SimConnection *c = m_online.value(w))
            c->send(notification);
    }
}

void WasimServer::notifyDevicesChanged(const Phone &phone, quint16 device, bool added)
{
    const Node change(added ? QStringLiteral("add") : QStringLiteral("remove"), {},
                      QList<Node>{Node(QStringLiteral("device"),
                                       {{QStringLiteral("jid"), phone.jid(device)}, {QStringLiteral("lid"), phone.lidJid(device)}})});
    notifyWatchers(phone, Node(QStringLiteral("notification"),
                               {{kFrom, phone.jid()}, {kType, "devices"}, {kId, nextIqId()},
                                {QStringLiteral("t"), QString::number(nowSecs())}},
                               QList<Node>{change}));
}

// --- pre-keys ------------------------------------------------------------------------------------

void WasimServer::handlePreKeyUpload(SimConnection *connection, const Node &iq, LinkedDevice *device)
{
    const QString id = iq.attr(kId);
    if (!device) {
        connection->send(stanzas::error(id, 404, QStringLiteral("item-not-found")));
        return;
    }
    const QByteArray registration = stanzas::childBytes(iq, "registration");
    const QByteArray identity = stanzas::childBytes(iq, "identity");
    const Node skey = iq.child("skey");
    const QByteArray spk = stanzas::childBytes(skey, "value");
    const QByteArray signature = stanzas::childBytes(skey, "signature");
    const QByteArray spkId = stanzas::childBytes(skey, "id");
    // The service checks what it will hand out: a signed pre-key that does not verify would make
    // every peer's session set-up fail (MESSAGING.md §20, pitfall 2).
    if (registration.size() != 4 || identity.size() != 32 || spk.size() != 32 || signature.size() != 64
        || spkId.size() != 3 || !wa::xeddsa::verify(identity, QByteArray(1, '\x05') + spk, signature)) {
        qCInfo(lcWasimConn) << "connection" << connection->id() << "uploaded malformed or unsigned pre-keys";
        connection->send(stanzas::error(id, 400, QStringLiteral("bad-request")));
        return;
    }
    device->registrationId = bigEndian(registration);
    device->signalIdentity = identity;
    device->signedPreKeyId = bigEndian(spkId);
    device->signedPreKey = spk;
    device->signedPreKeySignature = signature;
    int added = 0;
    for (const Node &key : iq.child("list").children(u"key")) {
        const QByteArray keyId = stanzas::childBytes(key, "id");
        const QByteArray value = stanzas::childBytes(key, "value");
        if (keyId.size() != 3 || value.size() != 32)
            continue;
        const quint32 n = bigEndian(keyId);
        auto &keys = device->oneTimeKeys;
        keys.erase(std::remove_if(keys.begin(), keys.end(), [n](const auto &k) { return k.first == n; }), keys.end());
        keys.append({n, value});
        ++added;
    }
    device->preKeys += added;
    connection->send(stanzas::result(id));
}

std::optional<wa::PreKeyBundle> WasimServer::bundleFor(const DeviceRef &ref)
{
    if (ref.isPrimary())
        return ref.phone->takeBundle();
    LinkedDevice *d = ref.phone->device(ref.device);
    if (!d || !d->uploaded())
        return std::nullopt;
    wa::PreKeyBundle b;
    b.registrationId = d->registrationId;
    b.deviceId = ref.device;
    b.identityKey = d->signalIdentity;
    b.signedPreKeyId = d->signedPreKeyId;
    b.signedPreKey = d->signedPreKey;
    b.signedPreKeySignature = d->signedPreKeySignature;
    if (!d->oneTimeKeys.isEmpty()) {
        const auto key = d->oneTimeKeys.takeFirst(); // handed out once, never again
        b.preKeyId = key.first;
        b.preKey = key.second;
    }
    if (d->oneTimeKeys.size() < kLowPreKeys) {
        if (SimConnection *c = m_online.value(ref.pn())) {
            c->send(Node(QStringLiteral("notification"),
                         {{kFrom, Jid::serverJid()}, {kType, "encrypt"}, {kId, nextIqId()},
                          {QStringLiteral("t"), QString::number(nowSecs())}},
                         QList<Node>{Node(QStringLiteral("count"),
                                          {{QStringLiteral("value"), QString::number(d->oneTimeKeys.size())}})}));
        }
    }
    return b;
}

void WasimServer::handlePreKeyFetch(SimConnection *connection, const Node &iq)
{
    QList<Node> users;
    for (const Node &user : iq.child("key").children(u"user")) {
        const auto jid = jidOf(user, "jid");
        if (!jid)
            continue;
        const auto ref = resolveDevice(*jid);
        const auto bundle = ref ? bundleFor(*ref) : std::nullopt;
        if (bundle)
            users.append(Node(QStringLiteral("user"), {{QStringLiteral("jid"), *jid}}, wa::stanza::bundleChildren(*bundle)));
        else
            users.append(Node(QStringLiteral("user"), {{QStringLiteral("jid"), *jid}},
                              QList<Node>{Node(QStringLiteral("error"),
                                               {{QStringLiteral("code"), "404"}, {QStringLiteral("text"), "item-not-found"}})}));
    }
    connection->send(stanzas::result(iq.attr(kId), {Node(QStringLiteral("list"), {}, users)}));
}

// --- device lists --------------------------------------------------------------------------------

void WasimServer::handleUsync(SimConnection *connection, const Node &iq)
{
    const Node usync = iq.child("usync");
    const Node query = usync.child("query");
    const bool devices = query.hasChild("devices");
    const bool lids = query.hasChild("lid");
    const bool contacts = query.hasChild("contact");
    if (contacts)
        ++m_stats.contactQueries;
    QList<Node> users;
    for (const Node &user : usync.child("list").children(u"user")) {
        Phone *phone = nullptr;
        Jid asked;
        if (const auto jid = jidOf(user, "jid")) {
            asked = jid->toNonAd();
            phone = resolveUser(asked);
        } else if (user.hasChild("contact")) {
            QString digits = user.child("contact").contentText();
            if (digits.startsWith(QLatin1Char('+')))
                digits.remove(0, 1);
            asked = Jid::phone(digits);
            phone = findPhone(digits);
        } else {
            continue;
        }
        Node out(QStringLiteral("user"), {{QStringLiteral("jid"), asked}});
        if (contacts)
            out.addChild(Node(QStringLiteral("contact"), {{kType, phone ? "in" : "out"}}));
        if (devices) {
            QList<Node> list;
            if (phone) {
                for (quint16 index : deviceIndexes(*phone)) {
                    Node d(QStringLiteral("device"), {{kId, QString::number(index)}});
                    // Baileys drops companions without a key index (MESSAGING.md §3).
                    if (index != 0)
                        d.setAttr(QStringLiteral("key-index"), QString::number(phone->device(index)->keyIndex));
                    list.append(d);
                }
                watch(phone->number(), connection->device());
            }
            out.addChild(Node(QStringLiteral("devices"), {}, QList<Node>{Node(QStringLiteral("device-list"), {}, list)}));
        }
        if (lids && phone)
            out.addChild(Node(QStringLiteral("lid"), {{QStringLiteral("val"), Jid(phone->lid(), wa::JidServer::Lid)}}));
        users.append(out);
    }
    Node reply(QStringLiteral("usync"),
               {{QStringLiteral("sid"), usync.attr("sid")}, {QStringLiteral("mode"), usync.attr("mode", QStringLiteral("query"))},
                {QStringLiteral("index"), "0"}, {QStringLiteral("last"), "true"}},
               QList<Node>{Node(QStringLiteral("list"), {}, users)});
    connection->send(stanzas::result(iq.attr(kId), {reply}));
}

// --- routing -------------------------------------------------------------------------------------

void WasimServer::handleMessage(SimConnection *connection, const Node &message)
{
    const auto sender = resolveDevice(connection->device());
    const QString id = message.attr(kId);
    const auto to = jidOf(message, "to");
    auto nack = [&](int code) {
        Node ack(QStringLiteral("ack"), {{QStringLiteral("class"), "message"}, {kId, id},
                                         {QStringLiteral("t"), QString::number(nowSecs())},
                                         {QStringLiteral("error"), QString::number(code)}});
        if (to)
            ack.setAttr(kFrom, *to);
        ++m_stats.acks;
        connection->send(ack);
    };
    if (!sender)
        return;
    if (id.isEmpty() || !to || !wa::message::isValidId(id)) {
        nack(479); // invalid stanza
        return;
    }
    if (to->server() == wa::JidServer::Group) {
        nack(479); // groups are not simulated
        return;
    }
    if (m_faults.messageAckError != 0 && m_faults.messageAckErrorCount != 0) {
        if (m_faults.messageAckErrorCount > 0)
            --m_faults.messageAckErrorCount;
        nack(m_faults.messageAckError);
        return;
    }
    bool toLid = false;
    Phone *target = resolveUser(to->toNonAd(), &toLid);
    if (!target) {
        nack(404);
        return;
    }
    const bool retry = message.attr("device_fanout") == QLatin1String("false");
    const qint64 t = retry && message.intAttr("t") ? *message.intAttr("t") : nowSecs();

    // The parts: <participants><to jid><enc/></to>…, or (a resend) the <enc> itself for `to`.
    QList<std::pair<Jid, Node>> parts;
    const Node participants = message.child("participants");
    if (!participants.isNull()) {
        for (const Node &p : participants.children(u"to")) {
            if (const auto jid = jidOf(p, "jid"); jid && !p.child("enc").isNull())
                parts.append({*jid, p.child("enc")});
        }
    } else if (!message.child("enc").isNull()) {
        parts.append({*to, message.child("enc")});
    }
    if (parts.isEmpty()) {
        nack(479);
        return;
    }
    ++m_stats.messagesRouted;
    if (m_senders.size() > 1000000) { // a long benchmark: forget the oldest half-hour's worth at once
        m_senders.clear();
        m_delivered.clear();
    }
    m_senders.insert(id, sender->pn());
    const Node deviceIdentity = message.child("device-identity");
    const bool lidForm = toLid || m_faults.lidAddressing;
    QSet<Jid> reached{sender->pn()};
    for (const auto &[jid, enc] : parts) {
        const auto target = resolveDevice(jid);
        if (!target || (target->phone == sender->phone && target->device == sender->device))
            continue;
        reached.insert(target->pn());
        if (target->phone != sender->phone) {
            if (enc.attr(kType) == QLatin1String("pkmsg"))
                ++m_stats.peerPreKeyMessages;
            else if (enc.attr(kType) == QLatin1String("msg"))
                ++m_stats.peerMessages;
        }
        Node out(QStringLiteral("message"),
                 {{kFrom, lidForm ? sender->lidJid() : sender->pn()},
                  {kId, id},
                  {QStringLiteral("t"), QString::number(t)},
                  {kType, message.attr(kType, QStringLiteral("text"))}});
        if (!sender->phone->pushName().isEmpty())
            out.setAttr(QStringLiteral("notify"), sender->phone->pushName());
        if (lidForm)
            out.setAttr(QStringLiteral("sender_pn"), sender->phone->jid());
        else
            out.setAttr(QStringLiteral("sender_lid"), sender->phone->lidJid());
        if (target->phone == sender->phone)
            out.setAttr(QStringLiteral("recipient"), to->toNonAd()); // a copy for our own other device
        out.addChild(enc);
        if (enc.attr(kType) == QLatin1String("pkmsg") && !deviceIdentity.isNull())
            out.addChild(deviceIdentity);
        deliver(*target, out, retry);
    }
    if (m_faults.withholdAcks)
        return;
    Node ack(QStringLiteral("ack"),
             {{QStringLiteral("class"), "message"}, {kId, id}, {kFrom, *to}, {QStringLiteral("t"), QString::number(t)}});
    if (!retry) {
        // phash only when the sender missed devices (MESSAGING.md §6, 1:1).
        QList<Jid> expected;
        for (quint16 i : deviceIndexes(*target))
            expected.append(target->jid(i));
        for (quint16 i : deviceIndexes(*sender->phone))
            expected.append(sender->phone->jid(i));
        const QSet<Jid> expectedSet(expected.cbegin(), expected.cend());
        if (expectedSet != reached)
            ack.setAttr(QStringLiteral("phash"), wa::message::participantHash(QList<Jid>(expectedSet.cbegin(), expectedSet.cend())));
    }
    ++m_stats.acks;
    connection->send(ack);
    emit messageRouted(id, sender->pn());
}

void WasimServer::deliver(const DeviceRef &target, const Node &stanza, bool retry)
{
    const QString id = stanza.attr(kId);
    const Jid key = target.pn();
    if (stanza.tag() == QLatin1String("message")) {
        QSet<Jid> &seen = m_delivered[id];
        if (seen.contains(key)) {
            if (retry)
                ++m_stats.retryDeliveries;
            else
                ++m_stats.duplicateDeliveries;
        }
        seen.insert(key);
    }
    if (target.isPrimary()) {
        ++m_stats.messagesDelivered;
        if (stanza.tag() == QLatin1String("message"))
            phoneReceive(*target.phone, stanza);
        else
            phoneHandleReceipt(*target.phone, stanza);
        return;
    }
    SimConnection *c = m_online.value(key);
    const bool now = c && c->isActive();
    if (stanza.tag() == QLatin1String("message") || !now) {
        // Messages stay until that device receipts or acks them; receipts for an offline device
        // wait for its next login.
        m_pending[key].append(Pending{id, stanza});
    }
    if (now)
        sendPending(c, Pending{id, stanza}, false);
    else
        ++m_stats.offlineQueued;
}

void WasimServer::sendPending(SimConnection *connection, const Pending &pending, bool offline)
{
    Node s = pending.stanza;
    if (offline)
        s.setAttr(QStringLiteral("offline"), QStringLiteral("1"));
    connection->send(s);
    ++m_stats.messagesDelivered;
    if (m_faults.duplicateDeliveries && s.tag() == QLatin1String("message")) {
        connection->send(s);
        ++m_stats.messagesDelivered;
    }
}

void WasimServer::settle(const Jid &device, const QStringList &ids)
{
    auto it = m_pending.find(device);
    if (it == m_pending.end())
        return;
    auto &list = *it;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const Pending &p) {
                                  return p.stanza.tag() == QLatin1String("message") && ids.contains(p.id);
                              }),
               list.end());
    if (list.isEmpty())
        m_pending.erase(it);
}

void WasimServer::activate(SimConnection *connection)
{
    if (connection->isActive())
        return;
    connection->setActive(true);
    const Jid device = connection->device();
    int count = 0;
    auto it = m_pending.find(device);
    if (it != m_pending.end()) {
        const QList<Pending> pending = *it;
        // Receipts are delivered once; messages stay until receipted.
        it->erase(std::remove_if(it->begin(), it->end(),
                                 [](const Pending &p) { return p.stanza.tag() != QLatin1String("message"); }),
                  it->end());
        if (it->isEmpty())
            m_pending.erase(it);
        for (const Pending &p : pending) {
            sendPending(connection, p, true);
            ++count;
        }
    }
    connection->send(Node(QStringLiteral("ib"), {},
                          QList<Node>{Node(QStringLiteral("offline"), {{QStringLiteral("count"), QString::number(count)}})}));
}

void WasimServer::handleClientAck(SimConnection *connection, const Node &ack)
{
    if (ack.attr("class") == QLatin1String("message"))
        settle(connection->device(), {ack.attr(kId)});
}

void WasimServer::handleReceipt(SimConnection *connection, const Node &receipt)
{
    const auto from = resolveDevice(connection->device());
    if (!from)
        return;
    const auto parsed = wa::stanza::parseReceipt(Node(receipt).setAttr(kFrom, connection->device()));
    if (!parsed)
        return;
    settle(connection->device(), parsed->ids);
    DeviceRef named = *from;
    if (const auto to = jidOf(receipt, "to"); to && to->server() == wa::JidServer::Lid)
        named.lid = true;
    routeReceiptFrom(named, receipt);
}

void WasimServer::routeReceiptFrom(const DeviceRef &from, const Node &receipt)
{
    const auto to = jidOf(receipt, "to");
    if (!to)
        return;
    const QString type = receipt.attr(kType);
    bool lid = false;
    Phone *owner = resolveUser(to->toNonAd(), &lid);
    if (!owner)
        return;
    ++m_stats.receipts;
    Node out(QStringLiteral("receipt"), {{kFrom, lid || from.lid ? from.lidJid() : from.pn()},
                                         {kId, receipt.attr(kId)},
                                         {QStringLiteral("t"), QString::number(nowSecs())}});
    if (!type.isEmpty())
        out.setAttr(kType, type);
    if (const auto recipient = jidOf(receipt, "recipient"))
        out.setAttr(QStringLiteral("recipient"), *recipient);
    for (const Node &child : receipt.children())
        out.addChild(child);
    QList<DeviceRef> targets;
    if (isReadType(type) && to->device() == 0) {
        // Read receipts name the chat: every device of that user hears it.
        for (quint16 i : deviceIndexes(*owner))
            targets.append(DeviceRef{owner, i, lid});
    } else if (to->device() == 0 && m_senders.value(receipt.attr(kId)).user() == owner->number()) {
        // A receipt to the user (as Baileys sends them) goes to the device that sent the message.
        targets.append(DeviceRef{owner, m_senders.value(receipt.attr(kId)).device(), lid});
    } else if (owner->device(to->device()) || to->device() == 0) {
        targets.append(DeviceRef{owner, to->device(), lid});
    }
    for (const DeviceRef &t : targets) {
        if (t.phone == from.phone && t.device == from.device)
            continue;
        deliver(t, out, false);
    }
}

void WasimServer::handlePresence(SimConnection *connection, const Node &presence)
{
    const QString type = presence.attr(kType);
    if (type != QLatin1String("subscribe"))
        return; // available/unavailable: nothing is delivered to subscribers of companions
    const auto to = jidOf(presence, "to");
    Phone *phone = to ? resolveUser(to->toNonAd()) : nullptr;
    if (!phone)
        return;
    // Phones are always online.
    connection->send(Node(QStringLiteral("presence"), {{kFrom, to->toNonAd()}}));
}

void WasimServer::handleChatState(SimConnection *connection, const Node &chatState)
{
    const auto to = jidOf(chatState, "to");
    const auto from = resolveDevice(connection->device());
    Phone *phone = to ? resolveUser(to->toNonAd()) : nullptr;
    if (!phone || !from || chatState.children().isEmpty())
        return;
    const QString state = chatState.children().first().tag();
    phone->chatStates.insert(from->phone->number(), state);
    const Node out(QStringLiteral("chatstate"), {{kFrom, from->phone->jid()}}, QList<Node>{Node(state)});
    for (auto it = phone->devices().cbegin(); it != phone->devices().cend(); ++it) {
        if (SimConnection *c = m_online.value(phone->jid(it.key())); c && c != connection)
            c->send(out); // never queued
    }
}

// --- the phones' primary devices -----------------------------------------------------------------

Result<void> WasimServer::phoneEnsureSession(Phone &phone, const DeviceRef &target, bool rebuild)
{
    const auto address = wa::SignalAddress::fromJid(target.pn());
    if (!rebuild) {
        const auto has = phone.signal().hasSession(address);
        if (has && *has)
            return {};
    }
    const auto bundle = bundleFor(target);
    if (!bundle)
        return Error::failedPrecondition(QStringLiteral("%1 has no pre-keys on the server").arg(target.pn().toString()));
    if (auto r = phone.signal().processBundle(address, *bundle); !r)
        return Error::internal(QStringLiteral("session with %1: %2").arg(target.pn().toString(),
                                                                         QLatin1String(wa::signalErrorName(r.error()))));
    return {};
}

Result<QString> WasimServer::phoneSendText(const QString &number, const QString &to, const QString &text)
{
    Phone *phone = findPhone(number);
    if (!phone)
        return Error::notFound(QStringLiteral("no phone with this number"));
    std::optional<Jid> chat;
    if (!to.contains(QLatin1Char('@')))
        chat = Jid::phone(to);
    else
        chat = Jid::parse(to);
    if (!chat || chat->user().isEmpty())
        return Error::invalidArgument(QStringLiteral("to must be digits or a user JID"), QStringLiteral("to"));
    bool lid = false;
    Phone *target = resolveUser(chat->toNonAd(), &lid);
    if (!target)
        return Error::notFound(QStringLiteral("%1 is not on WhatsApp").arg(chat->toNonAd().toString()));
    if (text.isEmpty())
        return Error::invalidArgument(QStringLiteral("text must not be empty"), QStringLiteral("text"));
    const qint64 t = nowSecs();
    PhoneSentMessage sent;
    sent.id = wa::message::newId(phone->number(), t);
    sent.chat = chat->toNonAd();
    sent.plaintext = wa::message::encodeText(text);
    sent.dsmPlaintext = wa::message::encodeDeviceSent(sent.chat, sent.plaintext);
    sent.t = t;

    QList<DeviceRef> targets;
    if (target != phone) {
        for (quint16 i : deviceIndexes(*target))
            targets.append(DeviceRef{target, i, lid});
    }
    for (auto it = phone->devices().cbegin(); it != phone->devices().cend(); ++it)
        targets.append(DeviceRef{phone, it.key(), lid});
    phone->sent().insert(sent.id, sent);
    phone->sentOrder().append(sent.id);
    m_senders.insert(sent.id, phone->jid());
    ++m_stats.messagesRouted;
    const bool lidForm = lid || m_faults.lidAddressing;
    for (const DeviceRef &d : targets) {
        if (auto r = phoneEnsureSession(*phone, d, false); !r) {
            qCInfo(lcWasim) << "phone" << number << "skips" << d.pn() << ":" << r.error().message;
            continue;
        }
        const bool own = d.phone == phone;
        auto enc = phone->signal().encrypt(wa::SignalAddress::fromJid(d.pn()),
                                           wa::message::pad(own ? sent.dsmPlaintext : sent.plaintext));
        if (!enc) {
            qCWarning(lcWasim) << "phone" << number << "cannot encrypt for" << d.pn() << wa::signalErrorName(enc.error());
            continue;
        }
        Node out(QStringLiteral("message"),
                 {{kFrom, lidForm ? phone->lidJid() : phone->jid()}, {kId, sent.id}, {QStringLiteral("t"), QString::number(t)},
                  {kType, "text"}});
        if (!phone->pushName().isEmpty())
            out.setAttr(QStringLiteral("notify"), phone->pushName());
        out.setAttr(lidForm ? QStringLiteral("sender_pn") : QStringLiteral("sender_lid"),
                    lidForm ? phone->jid() : phone->lidJid());
        if (own)
            out.setAttr(QStringLiteral("recipient"), sent.chat);
        out.addChild(Node(QStringLiteral("enc"), {{QStringLiteral("v"), "2"}, {kType, enc->typeName()}}, enc->bytes));
        deliver(d, out, false);
    }
    return sent.id;
}

void WasimServer::phoneReceive(Phone &phone, const Node &stanza)
{
    const auto envelope = wa::stanza::parseMessage(stanza);
    if (!envelope)
        return;
    const auto sender = resolveDevice(envelope->from);
    if (!sender)
        return;
    const Jid senderPn = sender->pn();
    const bool fromMe = sender->phone == &phone;
    const auto receipt = [&](const QString &type) {
        Node r(QStringLiteral("receipt"), {{kId, envelope->id}, {kTo, envelope->from}});
        if (!type.isEmpty())
            r.setAttr(kType, type);
        if (envelope->recipient)
            r.setAttr(QStringLiteral("recipient"), *envelope->recipient);
        routeReceiptFrom(DeviceRef{&phone, 0, envelope->from.server() == wa::JidServer::Lid}, r);
    };
    for (const PhoneMessage &m : std::as_const(phone.received())) {
        if (m.id == envelope->id && m.from == senderPn) {
            receipt(fromMe ? QStringLiteral("sender") : QString()); // a redelivery: receipted again
            return;
        }
    }
    const auto retry = [&](int count) {
        Node r = wa::stanza::retryReceipt(*envelope, count, phone.signalIdentity().registrationId,
                                          count >= 2 ? std::optional<wa::PreKeyBundle>(phone.takeBundle()) : std::nullopt,
                                          {});
        routeReceiptFrom(DeviceRef{&phone, 0, envelope->from.server() == wa::JidServer::Lid}, r);
    };
    if (phone.failDecryptions > 0) {
        --phone.failDecryptions;
        retry(1);
        return;
    }
    const auto address = wa::SignalAddress::fromJid(senderPn);
    std::optional<wa::message::Content> content;
    for (const wa::stanza::Enc &enc : envelope->encs) {
        Expected<wa::SignalPlaintext, wa::SignalError> plain = wa::SignalError::InvalidMessage;
        if (enc.type == QLatin1String("pkmsg"))
            plain = phone.signal().decryptPreKeyMessage(address, enc.bytes);
        else if (enc.type == QLatin1String("msg"))
            plain = phone.signal().decryptMessage(address, enc.bytes);
        else
            continue;
        if (!plain) {
            if (plain.error() == wa::SignalError::DuplicateMessage) {
                receipt(fromMe ? QStringLiteral("sender") : QString());
                return;
            }
            qCInfo(lcWasim) << "phone" << phone.number() << "cannot decrypt" << envelope->id << "from" << senderPn
                            << wa::signalErrorName(plain.error());
            retry(qMax(1, enc.count + 1));
            return;
        }
        const auto decoded = wa::message::decode(plain->plaintext);
        if (decoded)
            content = *decoded;
    }
    if (!content)
        return;
    PhoneMessage m;
    m.id = envelope->id;
    m.from = senderPn;
    m.fromLid = sender->lidJid();
    m.fromMe = fromMe;
    m.chat = fromMe ? content->deviceSentTo.value_or(envelope->recipient.value_or(Jid())) : sender->phone->jid();
    m.text = content->text;
    m.type = content->kind == wa::message::Content::Kind::Text ? QStringLiteral("text") : content->type;
    m.at = QDateTime::currentMSecsSinceEpoch();
    m.readTo = sender->phone->jid();
    phone.received().append(m);
    receipt(fromMe ? QStringLiteral("sender") : QString());
    emit phoneReceived(phone.number(), m.id);
}

void WasimServer::phoneHandleReceipt(Phone &phone, const Node &receipt)
{
    const auto parsed = wa::stanza::parseReceipt(receipt);
    if (!parsed)
        return;
    const auto from = resolveDevice(parsed->from);
    if (!from)
        return;
    const QString device = from->pn().toString();
    for (const QString &id : parsed->ids) {
        auto it = phone.sent().find(id);
        if (it == phone.sent().end())
            continue;
        if (parsed->type == QLatin1String("retry")) {
            phoneAnswerRetry(phone, id, *from, receipt);
        } else if (isReadType(parsed->type)) {
            it->read.insert(device);
            it->delivered.insert(device);
        } else if (parsed->type.isEmpty() || parsed->type == QLatin1String("inactive")
                   || parsed->type == QLatin1String("sender")) {
            it->delivered.insert(device);
        }
        emit phoneReceipt(phone.number(), id, parsed->type, device);
    }
}

void WasimServer::phoneAnswerRetry(Phone &phone, const QString &id, const DeviceRef &requester, const Node &receiptNode)
{
    const auto parsed = wa::stanza::parseReceipt(receiptNode);
    auto it = phone.sent().find(id);
    if (!parsed || it == phone.sent().end())
        return;
    const QString key = requester.pn().toString();
    if (++it->retries[key] > kMaxRetries)
        return;
    const auto address = wa::SignalAddress::fromJid(requester.pn());
    if (parsed->keys) {
        wa::PreKeyBundle keys = *parsed->keys;
        keys.deviceId = requester.device;
        if (!phone.signal().processBundle(address, keys))
            return;
    } else if (auto r = phoneEnsureSession(phone, requester, parsed->retryCount >= 2); !r) {
        return;
    }
    const bool own = requester.phone == &phone;
    auto enc = phone.signal().encrypt(address, wa::message::pad(own ? it->dsmPlaintext : it->plaintext));
    if (!enc)
        return;
    Node out(QStringLiteral("message"), {{kFrom, requester.lid ? phone.lidJid() : phone.jid()},
                                         {kId, id},
                                         {QStringLiteral("t"), QString::number(it->t)},
                                         {kType, "text"}});
    if (!phone.pushName().isEmpty())
        out.setAttr(QStringLiteral("notify"), phone.pushName());
    if (own)
        out.setAttr(QStringLiteral("recipient"), it->chat);
    out.addChild(Node(QStringLiteral("enc"),
                      {{QStringLiteral("v"), "2"}, {kType, enc->typeName()},
                       {QStringLiteral("count"), QString::number(parsed->retryCount)}},
                      enc->bytes));
    deliver(requester, out, true);
}

Result<QList<PhoneMessage>> WasimServer::phoneMessages(const QString &number) const
{
    const Phone *phone = findPhone(number);
    if (!phone)
        return Error::notFound(QStringLiteral("no phone with this number"));
    return phone->received();
}

Result<QList<PhoneSentMessage>> WasimServer::phoneSentMessages(const QString &number) const
{
    const Phone *phone = findPhone(number);
    if (!phone)
        return Error::notFound(QStringLiteral("no phone with this number"));
    QList<PhoneSentMessage> out;
    for (const QString &id : phone->sentOrder())
        out.append(phone->sent().value(id));
    return out;
}

Result<PhoneMessage> WasimServer::phoneReadMessage(const QString &number, const QString &id)
{
    Phone *phone = findPhone(number);
    if (!phone)
        return Error::notFound(QStringLiteral("no phone with this number"));
    for (PhoneMessage &m : phone->received()) {
        if (m.id != id || m.fromMe)
            continue;
        m.read = true;
        Node r(QStringLiteral("receipt"), {{kId, id}, {kTo, m.readTo}, {kType, "read"},
                                           {QStringLiteral("t"), QString::number(nowSecs())}});
        routeReceiptFrom(DeviceRef{phone, 0, false}, r);
        return m;
    }
    return Error::notFound(QStringLiteral("the phone received no message with this id"));
}

QString WasimServer::phoneChatState(const QString &number, const QString &fromNumber) const
{
    const Phone *phone = findPhone(number);
    return phone ? phone->chatStates.value(fromNumber) : QString();
}

Result<void> WasimServer::failPhoneDecryptions(const QString &number, int count)
{
    Phone *phone = findPhone(number);
    if (!phone)
        return Error::notFound(QStringLiteral("no phone with this number"));
    if (count < 0 || count > 1000)
        return Error::invalidArgument(QStringLiteral("count must be from 0 to 1000"), QStringLiteral("count"));
    phone->failDecryptions = count;
    return {};
}

Result<PhoneInfo> WasimServer::reinstallPhone(const QString &number)
{
    Phone *phone = findPhone(number);
    if (!phone)
        return Error::notFound(QStringLiteral("no phone with this number"));
    const QList<quint16> companions = phone->devices().keys();
    for (quint16 index : companions)
        (void)unlinkDevice(number, index);
    phone->reinstall();
    notifyWatchers(*phone, Node(QStringLiteral("notification"),
                                {{kFrom, phone->jid()}, {kType, "encrypt"}, {kId, nextIqId()},
                                 {QStringLiteral("t"), QString::number(nowSecs())}},
                                QList<Node>{Node(QStringLiteral("identity"))}));
    qCInfo(lcWasim) << "phone" << number << "reinstalled with a new identity";
    return phone->info();
}

} // namespace wagate::wasim
