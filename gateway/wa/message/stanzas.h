#pragma once

#include "core/expected.h"
#include "wa/binary/jid.h"
#include "wa/binary/node.h"
#include "wa/signal/signalprotocol.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

//! The stanzas of messaging (MESSAGING.md §2–§11) as pure builders and parsers: nodes in, values
//! out, every field checked. Shared by the client and the simulator.
namespace wagate::wa::stanza {

// --- device lists (usync, §3)

struct UsyncUser
{
    Jid user;                  //!< as the server wrote it (non-AD user JID)
    QList<quint16> devices;    //!< device 0 and every companion that carries a key index
    std::optional<Jid> lid;    //!< when <lid val> was answered
    std::optional<bool> onWhatsApp; //!< from a <contact type="in|out"> query
    bool hasDevices = false;   //!< a <devices> answer was present (unknown users have none)
};

//! <iq xmlns="usync" type="get"><usync …><query><devices version="2"/><lid/></query><list>…</list></usync></iq>
Node usyncDevicesQuery(const QList<Jid> &users, const QString &sid);
//! The same with a <contact/> query for phone numbers ("+digits"), to learn whether they exist.
Node usyncContactQuery(const QStringList &phoneNumbers, const QString &sid);
//! The users of a usync result; an error text when it is not one.
Expected<QList<UsyncUser>, QString> parseUsyncResult(const Node &iq);

// --- pre-key bundles (§2)

//! <iq xmlns="encrypt" type="get" to="s.whatsapp.net"><key><user jid reason="identity"/>…</key></iq>
Node preKeyFetch(const QList<Jid> &devices);
struct BundleResult
{
    Jid device;
    std::optional<PreKeyBundle> bundle; //!< nullopt with `error` set when the server refused this one
    QString error;
};
Expected<QList<BundleResult>, QString> parsePreKeyFetchResult(const Node &iq);
//! A bundle from a node holding <registration>?, <type>?, <identity>, <skey>, <key>? children
//! (a fetch's <user>, or a retry receipt's <keys>); `registration` overrides a missing child.
std::optional<PreKeyBundle> parseBundle(const Node &holder, quint32 deviceId, std::optional<quint32> registration = {});
//! The children a bundle is sent with (the server's answer; a retry's <keys>): registration, type,
//! identity, skey, key.
QList<Node> bundleChildren(const PreKeyBundle &bundle);

// --- outgoing messages (§5, §9)

struct EncPart
{
    Jid to;                     //!< the device JID as usync returned it
    SignalCiphertext ciphertext;
};

//! <message to id type><participants><to jid><enc v="2" type>…</enc></to>…</participants>
//! [<device-identity>]</message>. `deviceIdentity` goes in when non-empty (required with a pkmsg).
Node messageStanza(const Jid &to, const QString &id, const QString &type, const QList<EncPart> &parts,
                   const QByteArray &deviceIdentity);
//! The resend after a retry receipt: to one device, device_fanout="false", the retry's count.
Node retryMessageStanza(const Jid &device, const QString &id, const QString &type, qint64 originalT,
                        const SignalCiphertext &ciphertext, int count, const QByteArray &deviceIdentity);

// --- incoming messages (§6, §7)

struct Enc
{
    QString type;   //!< pkmsg, msg, skmsg, or something we do not know
    int version = 2;
    int count = 0;  //!< retry count on a resend
    QByteArray bytes;
};

struct IncomingEnvelope
{
    QString id;
    Jid from;                      //!< a device JID (1:1) or a group
    std::optional<Jid> participant;  //!< the sending device in a group
    std::optional<Jid> recipient;    //!< the chat, on copies to our own devices
    std::optional<Jid> senderAlt;    //!< sender_pn / sender_lid / participant_pn / participant_lid
    std::optional<Jid> recipientAlt; //!< peer_recipient_pn / peer_recipient_lid
    qint64 t = 0;                  //!< server unix seconds
    QString type;                  //!< text, media, reaction, …
    QString notify;                //!< the sender's push name
    QString category;              //!< "peer" for our own phone's housekeeping
    bool offline = false;
    QString addressingMode;
    QList<Enc> encs;
    QByteArray deviceIdentity;
    bool unavailable = false;      //!< <unavailable> instead of <enc>: nothing to decrypt

    bool isGroup() const { return from.server() == JidServer::Group; }
    //! The device that sent it: the participant in groups, else `from`.
    Jid senderDevice() const { return participant.value_or(from); }
};

Expected<IncomingEnvelope, QString> parseMessage(const Node &message);

// --- receipts (§8, §9)

//! A delivery receipt for what `envelope` brought (the ack of the stanza as well).
Node deliveryReceipt(const IncomingEnvelope &envelope);
//! Mark as read: first id in the attribute, the others in <list>; at most 256 per receipt.
Node readReceipt(const Jid &chat, const std::optional<Jid> &participant, const QStringList &ids, qint64 unixSeconds);
//! A retry receipt: asks the sender to re-encrypt; `keys` (a fresh bundle of ours) from count 2 on.
Node retryReceipt(const IncomingEnvelope &envelope, int count, quint32 registrationId,
                  const std::optional<PreKeyBundle> &keys, const QByteArray &deviceIdentity);

struct IncomingReceipt
{
    QStringList ids;               //!< the id attribute first, then every <list><item id>
    Jid from;
    std::optional<Jid> participant;
    std::optional<Jid> recipient;
    QString type;                  //!< "" delivered, read, read-self, played, retry, sender, inactive, …
    qint64 t = 0;
    bool offline = false;
    // retry receipts:
    int retryCount = 0;
    qint64 retryT = 0;             //!< the original message's t
    std::optional<quint32> registrationId;
    std::optional<PreKeyBundle> keys;
};

Expected<IncomingReceipt, QString> parseReceipt(const Node &receipt);

// --- acks (§6, §7)

//! <ack class="<tag>" id to="<from>" [participant] [recipient] [type]>: what a stanza we do not
//! receipt gets, so the server stops resending it. `error` non-zero for a NACK (§7 codes).
Node ackFor(const Node &stanza, int error = 0);

struct ServerAck
{
    QString cls;   //!< message, receipt, notification, …
    QString id;
    std::optional<Jid> from;
    qint64 t = 0;
    int error = 0;
    QString phash;
};
ServerAck parseAck(const Node &ack);

// --- presence and chat state (§10)

Node presence(bool available, const QString &pushName);
enum class ChatStateKind { Composing, Paused };
Node chatState(const Jid &to, ChatStateKind state);

} // namespace wagate::wa::stanza
