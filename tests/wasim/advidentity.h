#pragma once

#include "wa/crypto/keypair.h"
#include "core/expected.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace wagate::wasim {

//! ADV ("account device verification"): how the phone vouches for a new companion in
//! `<pair-success>` and how the companion countersigns in `<pair-device-sign>` (PROTOCOL.md §5.6–8).
//! Both ends are here: the simulator's phones issue and check, the test companion accepts.
namespace advidentity {

inline const QByteArray kAccountSignaturePrefix = QByteArrayLiteral("\x06\x00");
inline const QByteArray kDeviceSignaturePrefix = QByteArrayLiteral("\x06\x01");
inline const QByteArray kHostedAccountSignaturePrefix = QByteArrayLiteral("\x06\x05");

//! Deliberate flaws for fault injection; the companion must refuse each.
enum class IssueFault {
    None,
    HmacMismatch,          //!< the HMAC does not match the ADV secret (expect error 401 hmac-mismatch)
    BadAccountSignature,   //!< the account signature does not verify (expect 401 signature-mismatch)
};

//! What the phone sent, kept to check the companion's answer.
struct Issued
{
    QByteArray container;        //!< serialized ADVSignedDeviceIdentityHMAC: the <device-identity> bytes
    QByteArray details;          //!< serialized ADVDeviceIdentity
    QByteArray accountSignature; //!< 64 bytes
    quint32 keyIndex = 0;
};

//! The phone's side: ADVDeviceIdentity{rawId, timestamp, keyIndex}, signed by the phone's identity
//! over 06 00 || details || companion identity, wrapped in ADVSignedDeviceIdentity with the phone's
//! public identity as accountSignatureKey, HMAC'd with the companion's ADV secret.
Issued issue(const wa::KeyPair &primaryIdentity, QByteArrayView companionIdentity, QByteArrayView advSecret,
             quint32 rawId, quint64 timestamp, quint32 keyIndex, IssueFault fault = IssueFault::None);

//! Why the phone refused a `<pair-device-sign>`.
enum class SignError {
    Malformed,              //!< not an ADVSignedDeviceIdentity
    AccountKeyPresent,      //!< field 2 (accountSignatureKey) must be left out of the reply
    DetailsChanged,         //!< the details or account signature differ from what was issued
    KeyIndexMismatch,       //!< the key-index attribute is not the issued key index
    BadDeviceSignature,     //!< the device signature does not verify with the companion identity
};
const char *signErrorName(SignError error);

//! The phone's check of the reply: fields 1, 3, 4 only; details and account signature unchanged;
//! device signature by the companion identity over 06 01 || details || companion || account key.
//! `keyIndexAttr` is the key-index attribute as sent (nullopt if absent, which is accepted).
Expected<void, SignError> checkDeviceSign(QByteArrayView signedIdentity, const Issued &issued,
                                              QByteArrayView companionIdentity, QByteArrayView accountKey,
                                              std::optional<qint64> keyIndexAttr);

//! Why a companion refused a `<pair-success>`; the values are the error iq it answers with.
enum class AcceptError {
    Malformed,         //!< 500 internal-error
    HmacMismatch,      //!< 401 hmac-mismatch
    SignatureMismatch, //!< 401 signature-mismatch
};
const char *acceptErrorText(AcceptError error);
int acceptErrorCode(AcceptError error);

//! The companion's side after checking a `<pair-success>`.
struct Accepted
{
    QByteArray account;             //!< full ADVSignedDeviceIdentity with the device signature, to persist
    QByteArray reply;               //!< the same without accountSignatureKey: the pair-device-sign bytes
    QByteArray accountSignatureKey; //!< the phone's identity key
    quint32 keyIndex = 0;
};

//! Verifies HMAC and account signature, then countersigns with the companion identity.
Expected<Accepted, AcceptError> accept(QByteArrayView container, QByteArrayView advSecret,
                                           const wa::KeyPair &companionIdentity);

} // namespace advidentity

} // namespace wagate::wasim
