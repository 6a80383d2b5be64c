#pragma once

#include "wasimtypes.h"

#include "wa/binary/jid.h"
#include "wa/crypto/keypair.h"
#include "wa/signal/signalprotocol.h"
#include "wa/signal/signalstore.h"

#include <QMap>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace wagate::wasim {

//! A companion linked to a phone, as the server keeps it.
struct LinkedDevice
{
    quint16 index = 0;
    QByteArray noiseKey;    //!< authenticates logins (the handshake's client static key)
    QByteArray identityKey; //!< the companion's identity key; empty when registered directly
    QString platform;
    QString displayName;
    quint32 keyIndex = 0;   //!< ADVDeviceIdentity.keyIndex it was issued
    qint64 linkedAt = 0;    //!< unix seconds
    qint64 preKeys = 0;     //!< pre-keys uploaded so far

    // What the companion uploaded (encrypt set), handed out in bundles (MESSAGING.md §2).
    quint32 registrationId = 0;
    QByteArray signalIdentity;  //!< 32 bytes from the upload (the same key as identityKey)
    quint32 signedPreKeyId = 0;
    QByteArray signedPreKey;
    QByteArray signedPreKeySignature;
    QList<QPair<quint32, QByteArray>> oneTimeKeys; //!< FIFO; each is handed out once
    bool uploaded() const { return signedPreKey.size() == 32 && signalIdentity.size() == 32; }
};



//! A simulated phone: the primary device of an account. It owns its identity key (it signs every
//! companion's ADV identity with it) and the list of companions linked to it. Plain data plus
//! device-index bookkeeping; the flows that use it live in the server.
class Phone
{
public:
    //! A new account with a fresh identity key, a random LID and a random ADV raw id.
    Phone(QString number, QString pushName, bool business, QString lid);

    const QString &number() const { return m_number; }
    const QString &pushName() const { return m_pushName; }
    bool isBusiness() const { return m_business; }
    //! The LID user part, e.g. "123456789012345".
    const QString &lid() const { return m_lid; }
    const wa::KeyPair &identity() const { return m_identity; }
    quint32 rawId() const { return m_rawId; }
    //! What <pair-success><platform name> says: the business app is "smba", the consumer app "android".
    QString platformName() const;

    //! PHONE[:DEVICE]@s.whatsapp.net
    wa::Jid jid(quint16 device = 0) const;
    //! LID[:DEVICE]@lid
    wa::Jid lidJid(quint16 device = 0) const;

    const QMap<quint16, LinkedDevice> &devices() const { return m_devices; }
    LinkedDevice *device(quint16 index);
    const LinkedDevice *device(quint16 index) const;

    //! A device index for a pairing in progress: never one in use or reserved, and (like the real
    //! service) not reused while fresh ones remain. nullopt when all 255 are taken.
    std::optional<quint16> reserveIndex();
    //! Gives a reservation back (the pairing failed).
    void releaseIndex(quint16 index);
    //! The next ADV key index (grows with every companion ever issued).
    quint32 nextKeyIndex() { return ++m_keyIndex; }
    //! Stores a device under its (reserved) index.
    void addDevice(LinkedDevice device);
    bool removeDevice(quint16 index);

    PhoneInfo info() const;

    // --- the primary device as a Signal party

    //! The phone's Signal identity (its identity key, registration id, signed pre-key).
    const wa::SignalIdentity &signalIdentity() const { return m_signalIdentity; }
    wa::SignalProtocol &signal() { return *m_signal; }
    wa::MemorySignalStore &signalStore() { return *m_signalStore; }
    //! A bundle of the primary device for a peer, consuming one one-time key (refilled when low).
    wa::PreKeyBundle takeBundle();
    //! A reinstalled app: new identity, new Signal state; what it received or sent is forgotten.
    void reinstall();

    QList<PhoneMessage> &received() { return m_received; }
    const QList<PhoneMessage> &received() const { return m_received; }
    QHash<QString, PhoneSentMessage> &sent() { return m_sent; }
    const QHash<QString, PhoneSentMessage> &sent() const { return m_sent; }
    //! Ids in the order they were sent (the control API lists them oldest first).
    QList<QString> &sentOrder() { return m_sentOrder; }
    const QList<QString> &sentOrder() const { return m_sentOrder; }
    //! How many of the next decryptions fail on purpose (a fault that forces retry receipts).
    int failDecryptions = 0;
    //! What the phone last saw of a chat state, per sender user.
    QHash<QString, QString> chatStates;

private:
    void setUpSignal();

    QString m_number;
    QString m_pushName;
    bool m_business = false;
    QString m_lid;
    wa::KeyPair m_identity;
    quint32 m_rawId = 0;
    quint32 m_keyIndex = 0;
    quint16 m_nextIndex = 1;
    QMap<quint16, LinkedDevice> m_devices;
    QSet<quint16> m_reserved;

    wa::SignalIdentity m_signalIdentity;
    std::unique_ptr<wa::MemorySignalStore> m_signalStore;
    std::unique_ptr<wa::SignalProtocol> m_signal;
    QList<quint32> m_freePreKeys;
    quint32 m_nextPreKeyId = 1;
    QList<PhoneMessage> m_received;
    QHash<QString, PhoneSentMessage> m_sent;
    QList<QString> m_sentOrder;
};

} // namespace wagate::wasim
