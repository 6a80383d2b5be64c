#pragma once

#include "signalstore.h"

#include "core/expected.h"
#include "wa/crypto/keypair.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace wagate::wa {

//! Why a Signal operation failed, as WhatsApp's retry logic needs to tell them apart.
enum class SignalError {
    NoSession,         //!< no session with that device (a `msg` before any `pkmsg`)
    InvalidMessage,    //!< malformed ciphertext, or one this session cannot have made
    InvalidKey,        //!< a key of the wrong form (a missing 05 prefix, a bad point)
    InvalidKeyId,      //!< the one-time or signed pre-key it names is gone (already used)
    DuplicateMessage,  //!< a message key already used: a redelivery, not a failure
    InvalidMac,        //!< authentication failed (a broken or foreign session)
    InvalidSignature,  //!< the bundle's signed pre-key signature does not verify
    LegacyMessage,     //!< a version below 3
    StoreUnavailable,  //!< the store refused a read or write; nothing was decided
    Internal,          //!< anything else libsignal reports
};

//! The snake_case name of a SignalError, for logs and typed failures.
const char *signalErrorName(SignalError error);

//! This device's own Signal identity: what libsignal asks of the identity and signed pre-key
//! stores. Kept by the caller (AuthState), not in the SignalStore.
struct SignalIdentity
{
    KeyPair identityKey;          //!< raw 32-byte X25519 pair
    quint32 registrationId = 0;
    quint32 signedPreKeyId = 0;
    KeyPair signedPreKey;
    QByteArray signedPreKeySignature; //!< 64-byte XEdDSA over 05 || signedPreKey.pub
};

//! A peer device's pre-key bundle as an `encrypt` iq returns it (MESSAGING.md §2); keys raw 32 bytes.
struct PreKeyBundle
{
    quint32 registrationId = 0;
    quint32 deviceId = 0;
    QByteArray identityKey;
    quint32 signedPreKeyId = 0;
    QByteArray signedPreKey;
    QByteArray signedPreKeySignature;
    std::optional<quint32> preKeyId; //!< absent: X3DH without a one-time pre-key
    QByteArray preKey;
};

//! What encrypt() made.
struct SignalCiphertext
{
    enum class Type { Msg, PkMsg, SkMsg };
    Type type = Type::Msg;
    QByteArray bytes;

    //! The `<enc type>` attribute: "msg", "pkmsg" or "skmsg".
    QString typeName() const;
};

//! What a decryption gave.
struct SignalPlaintext
{
    QByteArray plaintext;
    //! The sender's identity differs from the one we had (a reinstalled phone); trusted anyway.
    bool identityChanged = false;
};

//! The parts of a PreKeySignalMessage that matter before decrypting it.
struct PreKeyMessageInfo
{
    std::optional<quint32> preKeyId;
    quint32 signedPreKeyId = 0;
    quint32 registrationId = 0;
    QByteArray identityKey; //!< raw 32 bytes
};

//! A sender-key group message and, for members new to our key, its distribution message.
struct GroupCiphertext
{
    QByteArray senderKeyMessage;      //!< skmsg bytes, signature included
    QByteArray distributionMessage;   //!< SenderKeyDistributionMessage bytes
};

//! One Signal party over libsignal-protocol-c 2.3.3 (MESSAGING.md Part III): X3DH sessions from
//! pre-key bundles, the double ratchet for `pkmsg`/`msg`, and sender keys for groups. Pure: bytes
//! in, bytes out; its state is read from and written to the SignalStore it is given (usually a
//! SignalBatch, committed by the caller). Identity keys are always trusted — WhatsApp identities
//! change with every reinstall — and a change is reported instead. Not thread-safe: one party is
//! used by one thread at a time; different parties may live on different threads.
class SignalProtocol
{
public:
    SignalProtocol(SignalIdentity identity, SignalStore *store);
    ~SignalProtocol();
    SignalProtocol(const SignalProtocol &) = delete;
    SignalProtocol &operator=(const SignalProtocol &) = delete;

    //! Where records are read and written from now on.
    void setStore(SignalStore *store) { m_store = store; }
    SignalStore *store() const { return m_store; }
    const SignalIdentity &identity() const { return m_identity; }

    //! Builds a session with a peer device from its bundle (verifying the signed pre-key). True
    //! when the peer's identity differs from the one stored for it.
    Expected<bool, SignalError> processBundle(const SignalAddress &address, const PreKeyBundle &bundle);
    Expected<bool, SignalError> hasSession(const SignalAddress &address);
    Expected<void, SignalError> deleteSession(const SignalAddress &address);
    //! Every session and identity with the devices of one name (a peer that reinstalled).
    Expected<void, SignalError> forgetName(const QString &name);
    //! The registration id the peer announced in the session, 0 if unknown.
    Expected<quint32, SignalError> remoteRegistrationId(const SignalAddress &address);

    //! Encrypts (already padded) plaintext for a device with a session: `pkmsg` until the peer
    //! answered, `msg` after.
    Expected<SignalCiphertext, SignalError> encrypt(const SignalAddress &address, QByteArrayView plaintext);
    //! Decrypts a `pkmsg` (creating the session, consuming the one-time pre-key it names).
    Expected<SignalPlaintext, SignalError> decryptPreKeyMessage(const SignalAddress &address, QByteArrayView ciphertext);
    //! Decrypts a `msg` of an existing session.
    Expected<SignalPlaintext, SignalError> decryptMessage(const SignalAddress &address, QByteArrayView ciphertext);

    //! Our sender key for a group (created if absent) as a distribution message.
    Expected<QByteArray, SignalError> senderKeyDistribution(const QString &groupId, const SignalAddress &self);
    Expected<GroupCiphertext, SignalError> groupEncrypt(const QString &groupId, const SignalAddress &self, QByteArrayView plaintext);
    //! Stores a member's sender key from its distribution message.
    Expected<void, SignalError> processSenderKeyDistribution(const QString &groupId, const SignalAddress &sender,
                                                             QByteArrayView distributionMessage);
    Expected<QByteArray, SignalError> groupDecrypt(const QString &groupId, const SignalAddress &sender, QByteArrayView ciphertext);

    //! A one-time pre-key in libsignal's record form, as the PreKey store keeps it.
    static QByteArray preKeyRecord(quint32 id, const KeyPair &pair);
    //! The public key (raw 32 bytes) of a stored one-time pre-key record; empty if malformed.
    static QByteArray preKeyRecordPublic(QByteArrayView record);
    //! The header of a `pkmsg` without decrypting it; nullopt when it does not parse.
    static std::optional<PreKeyMessageInfo> inspectPreKeyMessage(QByteArrayView ciphertext);
    //! The storage key of a pre-key id (decimal) and of a sender key (group and address).
    static QByteArray preKeyKey(quint32 id);
    static QByteArray senderKeyKey(const QString &groupId, const SignalAddress &sender);

    struct Private;

private:
    SignalIdentity m_identity;
    SignalStore *m_store = nullptr;
    std::unique_ptr<Private> d;
};

} // namespace wagate::wa
