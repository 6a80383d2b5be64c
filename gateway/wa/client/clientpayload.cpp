#include "clientpayload.h"

#include "wa/crypto/digest.h"
#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"

namespace wagate::wa {

namespace {

using waproto::ClientPayload;

QByteArray bigEndian(quint32 value, int bytes)
{
    QByteArray out(bytes, Qt::Uninitialized);
    for (int i = bytes - 1; i >= 0; --i) {
        out[i] = char(value & 0xFF);
        value >>= 8;
    }
    return out;
}

void fillCommon(ClientPayload &p, const AuthState &state, const ClientProfile &profile)
{
    auto *ua = p.mutable_user_agent();
    ua->set_platform(ClientPayload::UserAgent::WEB);
    ua->mutable_app_version()->set_primary(profile.versionPrimary);
    ua->mutable_app_version()->set_secondary(profile.versionSecondary);
    ua->mutable_app_version()->set_tertiary(profile.versionTertiary);
    ua->set_mcc("000");
    ua->set_mnc("000");
    ua->set_os_version("0.1");
    ua->set_manufacturer("");
    ua->set_device("Desktop");
    ua->set_os_build_number("0.1");
    ua->set_release_channel(ClientPayload::UserAgent::RELEASE);
    ua->set_locale_language_iso_639_1(profile.localeLanguage.toStdString());
    ua->set_locale_country_iso_3166_1_alpha_2(profile.localeCountry.toStdString());
    p.mutable_web_info()->set_web_sub_platform(ClientPayload::WebInfo::WEB_BROWSER);
    p.set_connect_type(ClientPayload::WIFI_UNKNOWN);
    p.set_connect_reason(ClientPayload::USER_ACTIVATED);
    if (!state.pushName.isEmpty())
        p.set_push_name(state.pushName.toStdString());
}

} // namespace

QString ClientProfile::versionString() const
{
    return QStringLiteral("%1.%2.%3").arg(versionPrimary).arg(versionSecondary).arg(versionTertiary);
}

namespace clientpayload {

QByteArray registration(const AuthState &state, const ClientProfile &profile)
{
    ClientPayload p;
    fillCommon(p, state, profile);
    p.set_passive(false);
    p.set_pull(false);

    waproto::DeviceProps props;
    props.set_os(profile.os.toStdString());
    props.mutable_version()->set_primary(0);
    props.mutable_version()->set_secondary(1);
    props.mutable_version()->set_tertiary(0);
    props.set_platform_type(waproto::DeviceProps::PlatformType_IsValid(profile.devicePlatformType)
                                ? waproto::DeviceProps::PlatformType(profile.devicePlatformType)
                                : waproto::DeviceProps::UNKNOWN);
    props.set_require_full_sync(false);

    auto *reg = p.mutable_device_pairing_data();
    reg->set_e_regid(toStdBytes(bigEndian(state.registrationId, 4)));
    reg->set_e_keytype(std::string(1, '\x05'));
    reg->set_e_ident(toStdBytes(state.identityKey.pub));
    reg->set_e_skey_id(toStdBytes(bigEndian(state.signedPreKey.id, 3)));
    reg->set_e_skey_val(toStdBytes(state.signedPreKey.keyPair.pub));
    reg->set_e_skey_sig(toStdBytes(state.signedPreKey.signature));
    reg->set_build_hash(toStdBytes(md5(profile.versionString().toLatin1())));
    reg->set_device_props(props.SerializeAsString());
    return fromStdBytes(p.SerializeAsString());
}

Result<QByteArray> login(const AuthState &state, const ClientProfile &profile)
{
    const auto jid = state.deviceJid();
    bool numeric = false;
    const quint64 username = jid ? jid->user().toULongLong(&numeric) : 0;
    if (!jid || !numeric)
        return Error::failedPrecondition(QStringLiteral("this device is not paired: there is no JID to log in with"));
    ClientPayload p;
    fillCommon(p, state, profile);
    p.set_username(username);
    p.set_device(jid->device());
    p.set_passive(true);
    p.set_pull(true);
    p.set_lid_db_migrated(false);
    return fromStdBytes(p.SerializeAsString());
}

} // namespace clientpayload

} // namespace wagate::wa
