// The schema's field numbers and wire types against PROTOCOL.md §3 and §9, checked on serialized
// bytes written out by hand from the protobuf encoding rules.

#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"

#include <QTest>

using namespace wagate;
using namespace wagate::wa;

namespace {
QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}
template<typename M>
QByteArray wire(const M &m)
{
    return fromStdBytes(m.SerializeAsString());
}
} // namespace

class TestWaProto : public QObject
{
    Q_OBJECT
private slots:
    void handshakeMessage()
    {
        waproto::HandshakeMessage m;
        m.mutable_client_hello()->set_ephemeral("E");
        QCOMPARE(wire(m), hex("1203" "0a0145"));
        m.Clear();
        auto *sh = m.mutable_server_hello();
        sh->set_ephemeral("E");
        sh->set_static_key("S");
        sh->set_payload("P");
        QCOMPARE(wire(m), hex("1a09" "0a0145" "120153" "1a0150"));
        m.Clear();
        m.mutable_client_finish()->set_static_key("S");
        m.mutable_client_finish()->set_payload("P");
        QCOMPARE(wire(m), hex("2206" "0a0153" "120150"));
    }
    void loginPayload()
    {
        waproto::ClientPayload p;
        p.set_username(491701234567ull);
        p.set_passive(true);
        p.set_connect_type(waproto::ClientPayload::WIFI_UNKNOWN);
        p.set_connect_reason(waproto::ClientPayload::USER_ACTIVATED);
        p.set_device(12);
        p.set_lc(1);
        p.set_pull(true);
        p.set_lid_db_migrated(true);
        QCOMPARE(wire(p), hex("0887d7b5dda70e" // 1: username
                              "1801"           // 3: passive
                              "6001"           // 12: connectType WIFI_UNKNOWN
                              "6801"           // 13: connectReason USER_ACTIVATED
                              "90010c"         // 18: device
                              "c00101"         // 24: lc
                              "880201"         // 33: pull
                              "c80201"));      // 41: lidDbMigrated
    }
    void registrationPayload()
    {
        waproto::ClientPayload p;
        p.set_passive(false); // proto2: an explicit false is serialized
        p.set_pull(false);
        auto *ua = p.mutable_user_agent();
        ua->set_platform(waproto::ClientPayload::UserAgent::WEB);
        ua->mutable_app_version()->set_primary(2);
        ua->set_release_channel(waproto::ClientPayload::UserAgent::RELEASE);
        ua->set_locale_language_iso_639_1("en");
        p.mutable_web_info()->set_web_sub_platform(waproto::ClientPayload::WebInfo::WEB_BROWSER);
        auto *reg = p.mutable_device_pairing_data();
        reg->set_e_regid(std::string("\x00\x00\x30\x39", 4));
        reg->set_e_keytype("\x05");
        reg->set_build_hash("H");
        reg->set_device_props("D");
        QCOMPARE(wire(p), hex("1800"                  // 3: passive=false
                              "2a0c" "080e" "12020802" "5000" "5a02656e" // 5: userAgent{platform 14, appVersion{2}, releaseChannel 0, locale "en"}
                              "32022000"              // 6: webInfo{webSubPlatform 0}
                              "9a010f" "0a0400003039" "120105" "3a0148" "420144" // 19: devicePairingData
                              "880200"));             // 33: pull=false
    }
    void devicePropsAndHistorySync()
    {
        waproto::DeviceProps d;
        d.set_os("wagate");
        d.mutable_version()->set_primary(0);
        d.set_platform_type(waproto::DeviceProps::CHROME);
        d.set_require_full_sync(false);
        auto *h = d.mutable_history_sync_config();
        h->set_storage_quota_mb(10240);
        h->set_inline_initial_payload_in_e2ee_msg(true);
        h->set_support_bot_user_agent_chat_history(true);
        QCOMPARE(wire(d), hex("0a06" "776167617465" // 1: os
                              "12020800"           // 2: version{primary 0}
                              "1801"               // 3: platformType CHROME
                              "2000"               // 4: requireFullSync
                              "2a07" "188050" "2001" "3801")); // 5: {3: 10240, 4: true, 7: true}
    }
    void advMessages()
    {
        waproto::ADVSignedDeviceIdentityHMAC hmac;
        hmac.set_details("D");
        hmac.set_hmac("M");
        hmac.set_account_type(waproto::HOSTED);
        QCOMPARE(wire(hmac), hex("0a0144" "12014d" "1801"));

        waproto::ADVSignedDeviceIdentity id;
        id.set_details("D");
        id.set_account_signature_key("K");
        id.set_account_signature("A");
        id.set_device_signature("S");
        QCOMPARE(wire(id), hex("0a0144" "12014b" "1a0141" "220153"));

        waproto::ADVDeviceIdentity di;
        di.set_raw_id(7);
        di.set_timestamp(1700000000);
        di.set_key_index(3);
        di.set_account_type(waproto::E2EE);
        di.set_device_type(waproto::HOSTED);
        QCOMPARE(wire(di), hex("0807" "1080e2cfaa06" "1803" "2000" "2801"));

        waproto::ADVKeyIndexList kl;
        kl.set_raw_id(1);
        kl.add_valid_indexes(0);
        kl.add_valid_indexes(5);
        QCOMPARE(wire(kl), hex("0801" "22020005")); // 4: packed

        waproto::ADVSignedKeyIndexList skl;
        skl.set_details("D");
        skl.set_account_signature("A");
        skl.set_account_signature_key("K");
        QCOMPARE(wire(skl), hex("0a0144" "120141" "1a014b"));

        waproto::ClientPairingProps props;
        props.set_is_chat_db_lid_migrated(true);
        props.set_is_hs_thumbnail_sync_enabled(true);
        QCOMPARE(wire(props), hex("0801" "2001"));
    }
};

QTEST_GUILESS_MAIN(TestWaProto)
#include "tst_waproto.moc"
