#pragma once

#include "wasimtypes.h"

#include "wa/binary/jid.h"
#include "wa/crypto/keypair.h"

#include <QMap>
#include <QSet>
#include <QString>

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
    qint64 preKeys = 0;     //!< pre-keys uploaded so far (answers encrypt/count)
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

private:
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
};

} // namespace wagate::wasim
