#include "advidentity.h"

#include "wa/crypto/digest.h"
#include "wa/crypto/xeddsa.h"
#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"

#include <climits>

namespace wagate::wasim::advidentity {

namespace {

using wa::fromStdBytes;
using wa::toStdBytes;

template<typename Message>
bool parseInto(Message &message, QByteArrayView bytes)
{
    return bytes.size() <= INT_MAX && message.ParseFromArray(bytes.data(), int(bytes.size()));
}

QByteArray concat(std::initializer_list<QByteArrayView> parts)
{
    QByteArray out;
    for (const auto &p : parts)
        out.append(p);
    return out;
}

void flipLastByte(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        bytes[bytes.size() - 1] = char(bytes.back() ^ 0x01);
}

} // namespace

Issued issue(const wa::KeyPair &primaryIdentity, QByteArrayView companionIdentity, QByteArrayView advSecret,
             quint32 rawId, quint64 timestamp, quint32 keyIndex, IssueFault fault)
{
    waproto::ADVDeviceIdentity identity;
    identity.set_raw_id(rawId);
    identity.set_timestamp(timestamp);
    identity.set_key_index(keyIndex);
    identity.set_account_type(waproto::E2EE);
    identity.set_device_type(waproto::E2EE);

    Issued issued;
    issued.details = fromStdBytes(identity.SerializeAsString());
    issued.keyIndex = keyIndex;
    issued.accountSignature = wa::xeddsa::sign(primaryIdentity.priv,
                                               concat({kAccountSignaturePrefix, issued.details, companionIdentity}));
    if (fault == IssueFault::BadAccountSignature)
        flipLastByte(issued.accountSignature); // still 64 bytes, no longer valid

    waproto::ADVSignedDeviceIdentity account;
    account.set_details(toStdBytes(issued.details));
    account.set_account_signature_key(toStdBytes(primaryIdentity.pub));
    account.set_account_signature(toStdBytes(issued.accountSignature));
    const QByteArray accountBytes = fromStdBytes(account.SerializeAsString());

    QByteArray hmac = wa::hmacSha256(advSecret, accountBytes);
    if (fault == IssueFault::HmacMismatch)
        flipLastByte(hmac);

    waproto::ADVSignedDeviceIdentityHMAC container;
    container.set_details(toStdBytes(accountBytes));
    container.set_hmac(toStdBytes(hmac));
    container.set_account_type(waproto::E2EE);
    issued.container = fromStdBytes(container.SerializeAsString());
    return issued;
}

const char *signErrorName(SignError error)
{
    switch (error) {
    case SignError::Malformed: return "malformed";
    case SignError::AccountKeyPresent: return "account_key_present";
    case SignError::DetailsChanged: return "details_changed";
    case SignError::KeyIndexMismatch: return "key_index_mismatch";
    case SignError::BadDeviceSignature: return "bad_device_signature";
    }
    return "unknown";
}

Expected<void, SignError> checkDeviceSign(QByteArrayView signedIdentity, const Issued &issued,
                                              QByteArrayView companionIdentity, QByteArrayView accountKey,
                                              std::optional<qint64> keyIndexAttr)
{
    waproto::ADVSignedDeviceIdentity reply;
    if (signedIdentity.isEmpty() || !parseInto(reply, signedIdentity))
        return SignError::Malformed;
    if (reply.has_account_signature_key())
        return SignError::AccountKeyPresent;
    if (fromStdBytes(reply.details()) != issued.details
        || fromStdBytes(reply.account_signature()) != issued.accountSignature)
        return SignError::DetailsChanged;
    if (keyIndexAttr && *keyIndexAttr != qint64(issued.keyIndex))
        return SignError::KeyIndexMismatch;
    const QByteArray message = concat({kDeviceSignaturePrefix, issued.details, companionIdentity, accountKey});
    if (!wa::xeddsa::verify(companionIdentity, message, fromStdBytes(reply.device_signature())))
        return SignError::BadDeviceSignature;
    return {};
}

const char *acceptErrorText(AcceptError error)
{
    switch (error) {
    case AcceptError::Malformed: return "internal-error";
    case AcceptError::HmacMismatch: return "hmac-mismatch";
    case AcceptError::SignatureMismatch: return "signature-mismatch";
    }
    return "internal-error";
}

int acceptErrorCode(AcceptError error)
{
    return error == AcceptError::Malformed ? 500 : 401;
}

Expected<Accepted, AcceptError> accept(QByteArrayView containerBytes, QByteArrayView advSecret,
                                           const wa::KeyPair &companionIdentity)
{
    waproto::ADVSignedDeviceIdentityHMAC container;
    if (!parseInto(container, containerBytes) || !container.has_details() || !container.has_hmac())
        return AcceptError::Malformed;
    const QByteArray details = fromStdBytes(container.details());
    const QByteArray prefix = container.account_type() == waproto::HOSTED ? kHostedAccountSignaturePrefix : QByteArray();
    if (!wa::constantTimeEquals(wa::hmacSha256(advSecret, prefix + details), fromStdBytes(container.hmac())))
        return AcceptError::HmacMismatch;

    waproto::ADVSignedDeviceIdentity account;
    waproto::ADVDeviceIdentity identity;
    if (!parseInto(account, details) || !parseInto(identity, fromStdBytes(account.details())))
        return AcceptError::Malformed;
    const QByteArray deviceDetails = fromStdBytes(account.details());
    const QByteArray accountKey = fromStdBytes(account.account_signature_key());
    const QByteArray accountSignature = fromStdBytes(account.account_signature());
    if (accountKey.size() != 32 || accountSignature.size() != 64)
        return AcceptError::SignatureMismatch;
    const QByteArray accountPrefix = identity.device_type() == waproto::HOSTED ? kHostedAccountSignaturePrefix
                                                                                : kAccountSignaturePrefix;
    if (!wa::xeddsa::verify(accountKey, concat({accountPrefix, deviceDetails, companionIdentity.pub}), accountSignature))
        return AcceptError::SignatureMismatch;

    const QByteArray deviceSignature = wa::xeddsa::sign(
        companionIdentity.priv, concat({kDeviceSignaturePrefix, deviceDetails, companionIdentity.pub, accountKey}));
    account.set_device_signature(toStdBytes(deviceSignature));

    Accepted accepted;
    accepted.account = fromStdBytes(account.SerializeAsString());
    account.clear_account_signature_key();
    accepted.reply = fromStdBytes(account.SerializeAsString());
    accepted.accountSignatureKey = accountKey;
    accepted.keyIndex = identity.key_index();
    return accepted;
}

} // namespace wagate::wasim::advidentity
