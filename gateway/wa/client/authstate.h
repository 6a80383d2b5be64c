#pragma once

#include "core/result.h"
#include "wa/binary/jid.h"
#include "wa/crypto/keypair.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace wagate::wa {

//! A one-time pre-key: the peer's first message to this device consumes one of them.
struct PreKey
{
    quint32 id = 0; //!< 24-bit, never 0
    KeyPair keyPair;

    friend bool operator==(const PreKey &, const PreKey &) = default;
};

//! The medium-term pre-key, signed by the identity key over 0x05 || public key.
struct SignedPreKey
{
    quint32 id = 0; //!< 24-bit, 1 for a new device
    KeyPair keyPair;
    QByteArray signature; //!< 64-byte XEdDSA signature

    friend bool operator==(const SignedPreKey &, const SignedPreKey &) = default;
};

//! Everything a linked device must remember (PROTOCOL.md §8), as one value. Without a JID it is a
//! device that still has to be paired; with one it can log in. The caller persists serialize() —
//! encrypted — whenever WaConnection reports a change, and hands parse()'s result back next time.
struct AuthState
{
    //! Version of the serialized form; parse() refuses newer ones rather than dropping fields.
    static constexpr quint32 kFormatVersion = 1;
    //! Pre-key ids are 24 bits on the wire.
    static constexpr quint32 kMaxPreKeyId = 0xFFFFFF;

    KeyPair noiseKey;       //!< Noise static key: shown in the QR, authenticates every login
    KeyPair identityKey;    //!< Signal identity: signs the signed pre-key and the ADV device signature
    quint32 registrationId = 0; //!< 14-bit Signal registration id (1..16383)
    SignedPreKey signedPreKey;
    QByteArray advSecret;   //!< 32 bytes; random for QR pairing, derived in the pairing-code flow
    QByteArray account;     //!< serialized ADVSignedDeviceIdentity (with the account key) once paired
    QString jid;            //!< PHONE:DEVICE@s.whatsapp.net once paired; empty before
    QString lid;            //!< LID:DEVICE@lid
    QString platform;       //!< the phone's platform, e.g. "android", "smba"
    QString businessName;
    QString pushName;
    QList<PreKey> preKeys;  //!< generated one-time pre-keys, oldest first
    quint32 nextPreKeyId = 1;             //!< id of the next pre-key to generate
    quint32 firstUnuploadedPreKeyId = 1;  //!< keys from here to nextPreKeyId - 1 are not on the server yet
    QByteArray routingInfo; //!< edge routing bytes from the server, sent back on the next connect

    //! A fresh device: new noise, identity and signed pre-key, random registration id and adv secret.
    static AuthState createNew();

    //! True once a phone linked this device (there is a JID to log in with).
    bool isPaired() const { return !jid.isEmpty(); }
    //! The own device JID, typed; nullopt before pairing or if the stored text is broken.
    std::optional<Jid> deviceJid() const;
    //! The phone's identity key (the account signature key of the stored ADV identity), or empty.
    QByteArray primaryIdentityKey() const;

    //! The keys are well-formed and belong together; what parse() insists on.
    bool isValid() const;

    //! A versioned protobuf encoding of every field (secrets included: encrypt it at rest).
    QByteArray serialize() const;
    //! The inverse of serialize(); an error for bytes that are not a valid state of a known version.
    static Result<AuthState> parse(QByteArrayView bytes);

    friend bool operator==(const AuthState &, const AuthState &) = default;
};

} // namespace wagate::wa

Q_DECLARE_METATYPE(wagate::wa::AuthState)
