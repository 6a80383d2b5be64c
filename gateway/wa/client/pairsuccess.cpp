#include "pairsuccess.h"

#include "wa/crypto/digest.h"
#include "wa/crypto/xeddsa.h"
#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"

#include <climits>

namespace wagate::wa {

namespace {

// Signature prefixes of the ADV scheme (PROTOCOL.md §5.7).
const QByteArray kAccountSigPrefix = QByteArray::fromHex("0600");
const QByteArray kHostedAccountSigPrefix = QByteArray::fromHex("0605");
const QByteArray kDeviceSigPrefix = QByteArray::fromHex("0601");

template<typename Message>
bool parseBytes(Message &message, QByteArrayView bytes)
{
    return bytes.size() <= INT_MAX && message.ParseFromArray(bytes.data(), int(bytes.size()));
}

//! A JID attribute as the server should send it (typed); a text value is parsed as a fallback.
std::optional<Jid> jidOf(const Node &node, const char *key)
{
    if (auto typed = node.jidAttr(key))
        return typed;
    if (node.hasAttr(key))
        return Jid::parse(node.attr(key));
    return std::nullopt;
}

} // namespace

QString pairErrorCode(PairError error)
{
    return error == PairError::Malformed ? QStringLiteral("500") : QStringLiteral("401");
}

QString pairErrorText(PairError error)
{
    switch (error) {
    case PairError::Malformed: return QStringLiteral("internal-error");
    case PairError::HmacMismatch: return QStringLiteral("hmac-mismatch");
    case PairError::SignatureMismatch: return QStringLiteral("signature-mismatch");
    }
    return QStringLiteral("internal-error");
}

Expected<PairSuccess, PairError> PairSuccess::verify(const Node &iq, const KeyPair &identity, QByteArrayView advSecret)
{
    const Node ps = iq.child("pair-success");
    if (iq.tag() != QLatin1String("iq") || ps.isNull() || !iq.hasAttr("id"))
        return PairError::Malformed;

    PairSuccess out;
    out.iqId = iq.attr("id");

    const Node deviceIdentity = ps.child("device-identity");
    const Node device = ps.child("device");
    if (deviceIdentity.isNull() || device.isNull())
        return PairError::Malformed;

    // a–b: the HMAC proves the phone knew our adv secret (it scanned our QR / typed our code).
    waproto::ADVSignedDeviceIdentityHMAC container;
    if (!parseBytes(container, deviceIdentity.contentBytes()) || !container.has_details() || !container.has_hmac())
        return PairError::Malformed;
    const QByteArray details = fromStdBytes(container.details());
    const bool hostedAccount = container.account_type() == waproto::HOSTED;
    const QByteArray mac = hmacSha256(advSecret, (hostedAccount ? kHostedAccountSigPrefix : QByteArray()) + details);
    if (!constantTimeEquals(mac, fromStdBytes(container.hmac())))
        return PairError::HmacMismatch;

    // c: the signed identity and the device identity inside it.
    waproto::ADVSignedDeviceIdentity signedIdentity;
    if (!parseBytes(signedIdentity, details) || !signedIdentity.has_details())
        return PairError::Malformed;
    waproto::ADVDeviceIdentity deviceDetails;
    const QByteArray innerDetails = fromStdBytes(signedIdentity.details());
    if (!parseBytes(deviceDetails, innerDetails))
        return PairError::Malformed;

    // d: the phone's identity key signed our identity key.
    const QByteArray accountKey = fromStdBytes(signedIdentity.account_signature_key());
    const QByteArray accountSig = fromStdBytes(signedIdentity.account_signature());
    const QByteArray accountPrefix = deviceDetails.device_type() == waproto::HOSTED ? kHostedAccountSigPrefix
                                                                                    : kAccountSigPrefix;
    if (accountKey.size() != KeyPair::kKeySize || accountSig.size() != xeddsa::kSignatureSize
        || !xeddsa::verify(accountKey, accountPrefix + innerDetails + identity.pub, accountSig))
        return PairError::SignatureMismatch;

    // The JID comes last so that a forged stanza is refused for its signature, not its shape.
    const auto jid = jidOf(device, "jid");
    if (!jid || jid->server() != JidServer::User || jid->user().isEmpty())
        return PairError::Malformed;
    out.jid = *jid;
    if (const auto lid = jidOf(device, "lid"); lid && lid->server() == JidServer::Lid)
        out.lid = *lid;
    out.platform = ps.child("platform").attr("name");
    out.businessName = ps.child("biz").attr("name");

    // e: our countersignature over the same details, our key and the phone's key.
    const QByteArray deviceSig = xeddsa::sign(identity.priv, kDeviceSigPrefix + innerDetails + identity.pub + accountKey);
    if (deviceSig.size() != xeddsa::kSignatureSize)
        return PairError::Malformed; // our own identity key is broken
    signedIdentity.set_device_signature(toStdBytes(deviceSig));
    out.account = fromStdBytes(signedIdentity.SerializeAsString());
    out.accountSignatureKey = accountKey;
    out.keyIndex = deviceDetails.key_index();

    // f: the reply leaves the account signature key out; the server has it.
    signedIdentity.clear_account_signature_key();
    out.replyIdentity = fromStdBytes(signedIdentity.SerializeAsString());
    return out;
}

Node PairSuccess::reply() const
{
    Node identityNode(QStringLiteral("device-identity"), {{QStringLiteral("key-index"), QString::number(keyIndex)}},
                      replyIdentity);
    return Node(QStringLiteral("iq"),
                {{QStringLiteral("to"), Jid::serverJid()}, {QStringLiteral("type"), "result"}, {QStringLiteral("id"), iqId}},
                {Node(QStringLiteral("pair-device-sign"), {}, {identityNode})});
}

Node PairSuccess::errorReply(const QString &iqId, PairError error)
{
    return Node(QStringLiteral("iq"),
                {{QStringLiteral("to"), Jid::serverJid()}, {QStringLiteral("type"), "error"}, {QStringLiteral("id"), iqId}},
                {Node(QStringLiteral("error"),
                      {{QStringLiteral("code"), pairErrorCode(error)}, {QStringLiteral("text"), pairErrorText(error)}})});
}

QString pairingQrString(const QByteArray &ref, const QByteArray &noisePublicKey, const QByteArray &identityPublicKey,
                        const QByteArray &advSecret, const QString &platform)
{
    return QStringLiteral("https://wa.me/settings/linked_devices#") + QString::fromUtf8(ref) + QLatin1Char(',')
           + QString::fromLatin1(noisePublicKey.toBase64()) + QLatin1Char(',')
           + QString::fromLatin1(identityPublicKey.toBase64()) + QLatin1Char(',')
           + QString::fromLatin1(advSecret.toBase64()) + QLatin1Char(',') + platform;
}

} // namespace wagate::wa
