#include "authstate.h"

#include "core/ids.h"
#include "wa/crypto/xeddsa.h"
#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"
#include "waclientproto/authstate.pb.h"

#include <climits>

namespace wagate::wa {

namespace {

using waclientproto::StoredAuthState;
using waclientproto::StoredKeyPair;

void store(StoredKeyPair *out, const KeyPair &pair)
{
    out->set_public_key(toStdBytes(pair.pub));
    out->set_private_key(toStdBytes(pair.priv));
}

std::optional<KeyPair> load(const StoredKeyPair &in)
{
    return KeyPair::fromRaw(fromStdBytes(in.public_key()), fromStdBytes(in.private_key()));
}

quint32 randomRegistrationId()
{
    const QByteArray r = secureRandomBytes(2);
    // 14 bits as Signal clients use; 0 is not a valid id.
    const quint32 id = ((quint32(quint8(r[0])) << 8) | quint8(r[1])) & 0x3FFF;
    return id == 0 ? 1 : id;
}

QByteArray signedPreKeyMessage(const QByteArray &pub)
{
    return QByteArray(1, char(0x05)) + pub;
}

} // namespace

AuthState AuthState::createNew()
{
    AuthState s;
    s.noiseKey = KeyPair::generate();
    s.identityKey = KeyPair::generate();
    s.registrationId = randomRegistrationId();
    s.signedPreKey.id = 1;
    s.signedPreKey.keyPair = KeyPair::generate();
    s.signedPreKey.signature = xeddsa::sign(s.identityKey.priv, signedPreKeyMessage(s.signedPreKey.keyPair.pub));
    s.advSecret = secureRandomBytes(32);
    return s;
}

std::optional<Jid> AuthState::deviceJid() const
{
    if (jid.isEmpty())
        return std::nullopt;
    auto parsed = Jid::parse(jid);
    if (!parsed || parsed->server() != JidServer::User || parsed->user().isEmpty())
        return std::nullopt;
    return parsed;
}

QByteArray AuthState::primaryIdentityKey() const
{
    if (account.isEmpty() || account.size() > INT_MAX)
        return {};
    waproto::ADVSignedDeviceIdentity identity;
    if (!identity.ParseFromArray(account.data(), int(account.size())))
        return {};
    return fromStdBytes(identity.account_signature_key());
}

bool AuthState::isValid() const
{
    if (!noiseKey.isValid() || !identityKey.isValid() || !signedPreKey.keyPair.isValid())
        return false;
    if (registrationId == 0 || registrationId > 0x3FFF || signedPreKey.id == 0 || signedPreKey.id > kMaxPreKeyId)
        return false;
    if (signedPreKey.signature.size() != xeddsa::kSignatureSize || advSecret.size() != 32)
        return false;
    if (isPaired() && !deviceJid())
        return false;
    return nextPreKeyId >= 1 && nextPreKeyId <= kMaxPreKeyId && firstUnuploadedPreKeyId >= 1
           && firstUnuploadedPreKeyId <= kMaxPreKeyId;
}

QByteArray AuthState::serialize() const
{
    StoredAuthState s;
    s.set_format_version(kFormatVersion);
    store(s.mutable_noise_key(), noiseKey);
    store(s.mutable_identity_key(), identityKey);
    s.set_registration_id(registrationId);
    auto *spk = s.mutable_signed_pre_key();
    spk->set_id(signedPreKey.id);
    store(spk->mutable_key_pair(), signedPreKey.keyPair);
    spk->set_signature(toStdBytes(signedPreKey.signature));
    s.set_adv_secret(toStdBytes(advSecret));
    if (!account.isEmpty())
        s.set_account(toStdBytes(account));
    if (!jid.isEmpty())
        s.set_jid(jid.toStdString());
    if (!lid.isEmpty())
        s.set_lid(lid.toStdString());
    if (!platform.isEmpty())
        s.set_platform(platform.toStdString());
    if (!businessName.isEmpty())
        s.set_business_name(businessName.toStdString());
    if (!pushName.isEmpty())
        s.set_push_name(pushName.toStdString());
    for (const PreKey &k : preKeys) {
        auto *pk = s.add_pre_keys();
        pk->set_id(k.id);
        store(pk->mutable_key_pair(), k.keyPair);
    }
    s.set_next_pre_key_id(nextPreKeyId);
    s.set_first_unuploaded_pre_key_id(firstUnuploadedPreKeyId);
    if (!routingInfo.isEmpty())
        s.set_routing_info(toStdBytes(routingInfo));
    return fromStdBytes(s.SerializeAsString());
}

Result<AuthState> AuthState::parse(QByteArrayView bytes)
{
    StoredAuthState s;
    if (bytes.isEmpty() || bytes.size() > INT_MAX || !s.ParseFromArray(bytes.data(), int(bytes.size())))
        return Error::invalidArgument(QStringLiteral("the stored WhatsApp credentials are not readable"));
    if (!s.has_format_version() || s.format_version() == 0 || s.format_version() > kFormatVersion)
        return Error::invalidArgument(
            QStringLiteral("the stored WhatsApp credentials have an unknown format version %1").arg(s.format_version()));

    AuthState out;
    const auto noise = load(s.noise_key());
    const auto identity = load(s.identity_key());
    const auto spk = load(s.signed_pre_key().key_pair());
    if (!noise || !identity || !spk)
        return Error::invalidArgument(QStringLiteral("the stored WhatsApp credentials hold a broken key pair"));
    out.noiseKey = *noise;
    out.identityKey = *identity;
    out.registrationId = s.registration_id();
    out.signedPreKey = SignedPreKey{s.signed_pre_key().id(), *spk, fromStdBytes(s.signed_pre_key().signature())};
    out.advSecret = fromStdBytes(s.adv_secret());
    out.account = fromStdBytes(s.account());
    out.jid = QString::fromStdString(s.jid());
    out.lid = QString::fromStdString(s.lid());
    out.platform = QString::fromStdString(s.platform());
    out.businessName = QString::fromStdString(s.business_name());
    out.pushName = QString::fromStdString(s.push_name());
    out.preKeys.reserve(s.pre_keys_size());
    for (const auto &pk : s.pre_keys()) {
        const auto pair = load(pk.key_pair());
        if (!pair || pk.id() == 0 || pk.id() > kMaxPreKeyId)
            return Error::invalidArgument(QStringLiteral("the stored WhatsApp credentials hold a broken pre-key"));
        out.preKeys.append(PreKey{pk.id(), *pair});
    }
    out.nextPreKeyId = s.has_next_pre_key_id() ? s.next_pre_key_id() : 1;
    out.firstUnuploadedPreKeyId = s.has_first_unuploaded_pre_key_id() ? s.first_unuploaded_pre_key_id() : 1;
    out.routingInfo = fromStdBytes(s.routing_info());
    if (!out.isValid())
        return Error::invalidArgument(QStringLiteral("the stored WhatsApp credentials are inconsistent"));
    return out;
}

} // namespace wagate::wa
