#pragma once

#include "wa/binary/jid.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QList>
#include <QMetaType>
#include <QString>

namespace wagate::wasim {

//! Deliberate flaws of the server certificate chain in the ServerHello (PROTOCOL.md §2.4). Each one
//! fails exactly one of the strict checks, so a client must refuse the handshake.
enum class CertificateFault {
    None,
    BadSignature,     //!< the intermediate is signed by another root (check 2; Baileys checks it too)
    BadLeafSignature, //!< the leaf's signature is corrupted (check 4)
    Expired,          //!< both certificates expired an hour ago (check 5)
    NotYetValid,      //!< both certificates become valid in an hour (check 5)
    WrongLeafKey,     //!< the leaf certifies another key than the server's static key (check 7)
};

//! Deliberate flaws of `<pair-success>`; a correct companion refuses with an error iq.
enum class PairingFault {
    None,
    HmacMismatch,        //!< companion answers error 401 hmac-mismatch
    BadAccountSignature, //!< companion answers error 401 signature-mismatch
};

//! Fault injection and timings. Every field applies to what happens after it is set (a new
//! connection's handshake, the next login, the next frame sent); nothing is retroactive.
struct Faults
{
    // --- handshake
    CertificateFault certificate = CertificateFault::None;

    // --- registration (QR refs) and pairing
    int refs = 6;             //!< refs per <pair-device>; when the last one expires the server closes
    int firstRefMs = 60000;   //!< lifetime of the first ref
    int refMs = 20000;        //!< lifetime of each further ref
    PairingFault pairing = PairingFault::None;

    // --- login
    int loginFailure = 0;       //!< 0: accept; else answer logins with <failure reason="N"/> and close
    int loginFailureCount = -1; //!< how many logins loginFailure still applies to; -1 = all
    //! "2.3000.1045649367": clients presenting an older version (ClientPayload user agent) are refused
    //! with <failure reason="405"/>, as WhatsApp refuses outdated clients. Empty = any version.
    QString minClientVersion;

    // --- keepalive
    int pingDelayMs = 0;    //!< answer w:p pings this much later
    bool dropPings = false; //!< never answer w:p pings

    // --- framing of what the server sends
    int splitFrames = 0;         //!< > 0: cut the byte stream into WebSocket messages of at most this size
    bool coalesceFrames = false; //!< frames produced within coalesceWindowMs travel in one WebSocket message
    int coalesceWindowMs = 20;
    bool compress = false;       //!< send nodes zlib-compressed (flag byte 0x02)

    // --- messages
    bool withholdAcks = false;       //!< never ack a client's <message> (the sender waits in vain)
    int messageAckError = 0;         //!< 0: route; else refuse client messages with <ack error="N"> (e.g. 463)
    int messageAckErrorCount = -1;   //!< how many messages messageAckError still applies to; -1 = all
    bool duplicateDeliveries = false; //!< every delivery goes out twice (receivers must not deliver twice)
    bool lidAddressing = false;      //!< deliver from="<LID device>" sender_pn=… instead of the PN form

    friend bool operator==(const Faults &, const Faults &) = default;
};

//! The stream errors the server can end a connection with (PROTOCOL.md §7).
struct StreamError
{
    int code = 0;     //!< the `code` attribute; 0 = none
    QString conflict; //!< a <conflict type="…"/> child; empty = none

    static StreamError restartRequired() { return {515, {}}; }        //!< after pairing; clients reconnect
    static StreamError replaced() { return {0, QStringLiteral("replaced")}; } //!< another login took over
    static StreamError deviceRemoved() { return {401, QStringLiteral("device_removed")}; } //!< unlinked
    static StreamError serviceUnavailable() { return {503, {}}; }     //!< server restart; clients retry
};

//! The counters of GET /stats. Totals since start (or the last reset), except `connections` and
//! `loggedIn`, which are current values.
struct Stats
{
    qint64 connections = 0;     //!< live WebSocket connections
    qint64 loggedIn = 0;        //!< live connections past <success>
    qint64 handshakes = 0;      //!< completed Noise handshakes
    qint64 logins = 0;          //!< <success> sent
    qint64 refusedLogins = 0;   //!< <failure> sent
    qint64 pairings = 0;        //!< devices linked through QR or pairing code
    qint64 duplicateLogins = 0; //!< logins of a device that already had a live connection
    qint64 pings = 0;           //!< w:p pings received
    qint64 messagesRouted = 0;  //!< <message> stanzas accepted for routing (clients' and phones')
    qint64 messagesDelivered = 0; //!< copies sent to a device (offline ones when they log in)
    qint64 offlineQueued = 0;   //!< copies queued for a device that was offline
    qint64 acks = 0;            //!< server acks sent to senders
    qint64 receipts = 0;        //!< receipts routed (delivery, read, retry, …)
    qint64 duplicateDeliveries = 0; //!< the same message id sent to the same device again (not a retry)
    qint64 retryDeliveries = 0; //!< resends after a retry receipt (device_fanout="false")
    qint64 peerPreKeyMessages = 0; //!< pkmsg copies for another user's devices (a session being built)
    qint64 peerMessages = 0;    //!< msg copies for another user's devices (an established session)
    qint64 contactQueries = 0;  //!< usync queries asking whether numbers are on WhatsApp

    friend bool operator==(const Stats &, const Stats &) = default;
};

//! A simulated phone (the primary device of an account), as the API shows it.
struct PhoneInfo
{
    QString number;      //!< digits, international, no '+'
    QString pushName;
    bool business = false;
    QString lid;         //!< the account's LID user part
    QByteArray identityKey; //!< the phone's identity public key (32 bytes) = accountSignatureKey
};

//! One companion linked to a phone.
struct DeviceInfo
{
    QString phone;        //!< the phone number it belongs to
    quint16 device = 0;   //!< the device index (1..255)
    wa::Jid jid;          //!< PHONE:DEVICE@s.whatsapp.net
    wa::Jid lid;          //!< LID:DEVICE@lid
    QByteArray noiseKey;  //!< 32 bytes; logins must use it as their Noise static key
    QByteArray identityKey; //!< 32 bytes; empty for a device registered directly through the API
    QString platform;     //!< companion platform id ("1" = Chrome, …), empty if unknown
    QString displayName;  //!< e.g. "Chrome (Mac OS)", from the registration's DeviceProps or code request
    qint64 linkedAt = 0;  //!< unix seconds
    bool online = false;  //!< a live, logged-in connection exists
};

//! One live WebSocket connection.
struct ConnectionInfo
{
    quint64 id = 0;
    QString state;   //!< "handshake", "registration", "pairing", "logged-in", "closing"
    wa::Jid device;  //!< the logged-in device, or invalid
    qint64 openedAt = 0; //!< unix milliseconds
};

//! A message a phone received (its primary device decrypted it), as the control API lists it.
struct PhoneMessage
{
    QString id;
    wa::Jid from;       //!< the sending device, PN form
    wa::Jid fromLid;    //!< the same device, LID form
    wa::Jid chat;       //!< the other party's user JID (for our own companions' copies: the peer)
    bool fromMe = false; //!< a copy of what one of our own companions sent (DeviceSentMessage)
    QString text;
    QString type;       //!< "text", or the unsupported type's name
    qint64 at = 0;      //!< unix ms when the phone got it
    bool read = false;  //!< the phone sent a read receipt
    wa::Jid readTo;     //!< where the read receipt goes: the sender's user
};

//! A message the phone sent, with what came back per device.
struct PhoneSentMessage
{
    QString id;
    wa::Jid chat;           //!< the user it went to
    QByteArray plaintext;   //!< the unpadded Message, kept to answer retry receipts
    QByteArray dsmPlaintext; //!< the DeviceSentMessage for our own companions
    qint64 t = 0;           //!< server seconds
    QSet<QString> delivered; //!< device JIDs that sent a delivery receipt
    QSet<QString> read;      //!< device JIDs that sent a read receipt
    QHash<QString, int> retries; //!< retry receipts per device
};

} // namespace wagate::wasim

Q_DECLARE_METATYPE(wagate::wasim::DeviceInfo)
