#include "companion.h"

#include "advidentity.h"
#include "linkcodecrypto.h"
#include "pairingqr.h"
#include "wasimlogging.h"

#include "wa/binary/nodedecoder.h"
#include "wa/binary/nodeencoder.h"
#include "wa/crypto/digest.h"
#include "wa/crypto/linkcode.h"
#include "wa/crypto/xeddsa.h"
#include "wa/noise/certificateverifier.h"
#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimer>
#include <QWebSocket>

namespace wagate::wasim {

namespace {

using wa::Node;

const char kVersion[] = "2.3000.1035194821";

QByteArray bigEndian(quint32 value, int bytes)
{
    QByteArray out;
    for (int i = bytes - 1; i >= 0; --i)
        out.append(char((value >> (8 * i)) & 0xFF));
    return out;
}

Node serverIq(const QString &id, const char *type, QList<wa::Attribute> extra = {}, QList<Node> children = {})
{
    QList<wa::Attribute> attrs{{QStringLiteral("id"), id},
                               {QStringLiteral("to"), wa::Jid::serverJid()},
                               {QStringLiteral("type"), type}};
    attrs.append(extra);
    return children.isEmpty() ? Node(QStringLiteral("iq"), attrs) : Node(QStringLiteral("iq"), attrs, children);
}

} // namespace

CompanionKeys CompanionKeys::generate()
{
    CompanionKeys keys;
    keys.noise = wa::KeyPair::generate();
    keys.identity = wa::KeyPair::generate();
    keys.signedPreKey = wa::KeyPair::generate();
    keys.signedPreKeySignature = wa::xeddsa::sign(keys.identity.priv, QByteArray(1, '\x05') + keys.signedPreKey.pub);
    keys.registrationId = QRandomGenerator::system()->bounded(1u, 16384u);
    QByteArray adv(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(adv.data()), 8);
    keys.advSecret = adv;
    return keys;
}

Companion::Companion(CompanionKeys keys, QByteArray rootPublicKey, QObject *parent)
    : QObject(parent), m_keys(std::move(keys)), m_root(std::move(rootPublicKey))
{
}

Companion::~Companion()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void Companion::open(const QUrl &url)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_codec = std::make_unique<wa::FrameCodec>(wa::FrameCodec::Side::Client);
    m_handshake = std::make_unique<wa::NoiseInitiator>(m_keys.noise, wa::CertificateVerifier(m_root));
    m_cipher = wa::TransportCipher();
    m_qrCodes.clear();
    m_pings.clear();
    m_writeBuffer.clear();
    m_traffic = {};
    m_plaintexts.clear();
    m_state = State::Connecting;
    auto *socket = new QWebSocket(QStringLiteral("https://web.whatsapp.com"), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::connected, this, &Companion::onConnected);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &Companion::onBinaryMessage);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        if (socket != m_socket)
            return;
        m_state = State::Closed;
        socket->deleteLater();
        emit disconnected();
    });
    socket->open(url);
}

void Companion::close()
{
    if (m_socket)
        m_socket->close();
}

void Companion::abort()
{
    if (m_socket)
        m_socket->abort();
}

void Companion::fail(const QString &reason)
{
    qCDebug(lcWasimCompanion) << "companion failed:" << reason;
    if (m_state == State::Handshake)
        emit handshakeFailed(reason);
    m_state = State::Closed;
    abort();
}

void Companion::onConnected()
{
    m_state = State::Handshake;
    const auto hello = m_handshake->clientHello();
    if (!hello)
        return fail(QString::fromLatin1(wa::handshakeErrorName(hello.error())));
    writeFrame(*hello);
}

void Companion::setWriteShaping(int chunkBytes, bool coalesce)
{
    m_chunk = std::max(0, chunkBytes);
    m_coalesce = coalesce;
}

void Companion::writeFrame(QByteArrayView payload)
{
    const auto bytes = m_codec->encode(payload);
    if (!bytes)
        return fail(QStringLiteral("frame too large"));
    if (m_coalesce) {
        if (m_writeBuffer.isEmpty())
            QTimer::singleShot(0, this, &Companion::flushWrites);
        m_writeBuffer.append(*bytes);
        return;
    }
    writeMessage(*bytes);
}

void Companion::flushWrites()
{
    writeMessage(std::exchange(m_writeBuffer, {}));
}

void Companion::writeMessage(const QByteArray &bytes)
{
    if (!m_socket || bytes.isEmpty())
        return;
    if (m_chunk <= 0) {
        m_socket->sendBinaryMessage(bytes);
        return;
    }
    for (qsizetype at = 0; at < bytes.size(); at += m_chunk)
        m_socket->sendBinaryMessage(bytes.mid(at, m_chunk));
}

void Companion::sendNode(const Node &node)
{
    if (!m_cipher.isValid())
        return;
    const auto payload = wa::NodeEncoder::encode(node);
    if (!payload) {
        qCWarning(lcWasimCompanion) << "cannot encode" << node << payload.error().message;
        return;
    }
    const auto encrypted = m_cipher.encrypt(*payload);
    if (encrypted)
        writeFrame(*encrypted);
}

QString Companion::nextId()
{
    return QStringLiteral("c.%1").arg(++m_nextId);
}

QString Companion::sendPing()
{
    const QString id = nextId();
    m_pings.insert(id, QDateTime::currentMSecsSinceEpoch());
    sendNode(serverIq(id, "get", {{QStringLiteral("xmlns"), "w:p"}}, {Node(QStringLiteral("ping"))}));
    return id;
}

QByteArray Companion::clientPayload() const
{
    waproto::ClientPayload payload;
    auto *ua = payload.mutable_user_agent();
    ua->set_platform(waproto::ClientPayload::UserAgent::WEB);
    ua->mutable_app_version()->set_primary(2);
    ua->mutable_app_version()->set_secondary(3000);
    ua->mutable_app_version()->set_tertiary(1035194821);
    ua->set_mcc("000");
    ua->set_mnc("000");
    ua->set_os_version("0.1");
    ua->set_device("Desktop");
    ua->set_os_build_number("0.1");
    ua->set_release_channel(waproto::ClientPayload::UserAgent::RELEASE);
    ua->set_locale_language_iso_639_1("en");
    ua->set_locale_country_iso_3166_1_alpha_2("US");
    payload.mutable_web_info()->set_web_sub_platform(waproto::ClientPayload::WebInfo::WEB_BROWSER);
    payload.set_connect_type(waproto::ClientPayload::WIFI_UNKNOWN);
    payload.set_connect_reason(waproto::ClientPayload::USER_ACTIVATED);
    if (m_account) {
        payload.set_username(m_account->jid.user().toULongLong());
        payload.set_device(m_account->jid.device());
        payload.set_passive(true);
        payload.set_pull(true);
        payload.set_lid_db_migrated(false);
    } else {
        payload.set_passive(false);
        payload.set_pull(false);
        auto *data = payload.mutable_device_pairing_data();
        data->set_e_regid(wa::toStdBytes(bigEndian(m_keys.registrationId, 4)));
        data->set_e_keytype("\x05");
        data->set_e_ident(wa::toStdBytes(m_keys.identity.pub));
        data->set_e_skey_id(wa::toStdBytes(bigEndian(1, 3)));
        data->set_e_skey_val(wa::toStdBytes(m_keys.signedPreKey.pub));
        data->set_e_skey_sig(wa::toStdBytes(m_keys.signedPreKeySignature));
        data->set_build_hash(wa::toStdBytes(wa::md5(kVersion)));
        waproto::DeviceProps props;
        props.set_os("wasim");
        props.mutable_version()->set_primary(0);
        props.mutable_version()->set_secondary(1);
        props.mutable_version()->set_tertiary(0);
        props.set_platform_type(waproto::DeviceProps::CHROME);
        props.set_require_full_sync(false);
        data->set_device_props(props.SerializeAsString());
    }
    return wa::fromStdBytes(payload.SerializeAsString());
}

void Companion::onBinaryMessage(const QByteArray &message)
{
    ++m_traffic.messages;
    auto frames = m_codec->decode(message);
    if (!frames)
        return fail(QString::fromLatin1(wa::frameErrorName(frames.error())));
    for (const QByteArray &frame : *frames) {
        if (m_state == State::Closed)
            return;
        onFrame(frame);
    }
}

void Companion::onFrame(const QByteArray &frame)
{
    ++m_traffic.frames;
    if (m_state == State::Handshake) {
        const auto serverKey = m_handshake->readServerHello(frame);
        if (!serverKey) {
            const auto certError = m_handshake->certificateError();
            return fail(certError ? QString::fromLatin1(wa::certErrorName(*certError))
                                  : QString::fromLatin1(wa::handshakeErrorName(serverKey.error())));
        }
        const auto finish = m_handshake->clientFinish(clientPayload());
        if (!finish)
            return fail(QString::fromLatin1(wa::handshakeErrorName(finish.error())));
        writeFrame(*finish);
        auto cipher = m_handshake->split();
        if (!cipher)
            return fail(QString::fromLatin1(wa::handshakeErrorName(cipher.error())));
        m_cipher = std::move(*cipher);
        m_handshake.reset();
        m_state = m_account ? State::AwaitingLogin : State::Registering;
        return;
    }
    const auto plain = m_cipher.decrypt(frame);
    if (!plain)
        return fail(QStringLiteral("decrypt failed"));
    if (!plain->isEmpty() && (quint8(plain->front()) & 0x02))
        ++m_traffic.compressedFrames;
    if (m_keepPlaintexts)
        m_plaintexts.append(*plain);
    const wa::DecodeResult decoded = wa::NodeDecoder().decode(*plain);
    if (!decoded)
        return fail(QStringLiteral("undecodable node"));
    onNode(decoded.node());
}

void Companion::onNode(const Node &node)
{
    emit nodeReceived(node);
    const QString &tag = node.tag();
    if (tag == QLatin1String("success")) {
        m_state = State::LoggedIn;
        emit loggedIn(node.jidAttr("lid").value_or(wa::Jid()), node.intAttr("t").value_or(0));
    } else if (tag == QLatin1String("failure")) {
        // Like real clients, close on the server's last word (before a handler may reconnect).
        m_state = State::Closed;
        close();
        emit loginFailed(int(node.intAttr("reason").value_or(0)));
    } else if (tag == QLatin1String("stream:error")) {
        m_state = State::Closed;
        close();
        emit streamError(int(node.intAttr("code").value_or(0)), node.child("conflict").attr("type"));
    } else if (tag == QLatin1String("iq")) {
        const QString type = node.attr(QStringLiteral("type"));
        const QString id = node.attr(QStringLiteral("id"));
        if (type == QLatin1String("result") && m_pings.contains(id)) {
            emit pong(id, QDateTime::currentMSecsSinceEpoch() - m_pings.take(id));
        } else if (type == QLatin1String("set") && node.hasChild("pair-device")) {
            // whatsmeow only accepts these from the typed server JID; so do we.
            if (node.jidAttr("from") != wa::Jid::serverJid())
                return;
            sendNode(serverIq(id, "result"));
            m_qrCodes.clear();
            for (const Node &ref : node.child("pair-device").children(u"ref")) {
                m_qrCodes.append(PairingQr{ref.contentBytes(), m_keys.noise.pub, m_keys.identity.pub,
                                           m_keys.advSecret, QStringLiteral("1")}
                                     .toString());
            }
            emit qrReady(m_qrCodes);
        } else if (type == QLatin1String("set") && node.hasChild("pair-success")) {
            if (m_answerPairing && node.jidAttr("from") == wa::Jid::serverJid())
                onPairSuccess(node);
        }
    } else if (tag == QLatin1String("notification")
               && node.attr(QStringLiteral("type")) == QLatin1String("link_code_companion_reg")) {
        onPrimaryHello(node);
    }
}

void Companion::onPairSuccess(const Node &iq)
{
    const QString id = iq.attr(QStringLiteral("id"));
    const Node success = iq.child("pair-success");
    const auto accepted = advidentity::accept(success.child("device-identity").contentBytes(), m_keys.advSecret,
                                              m_keys.identity);
    if (!accepted) {
        const int code = advidentity::acceptErrorCode(accepted.error());
        const QString text = QString::fromLatin1(advidentity::acceptErrorText(accepted.error()));
        sendNode(serverIq(id, "error", {},
                          {Node(QStringLiteral("error"),
                                {{QStringLiteral("code"), QString::number(code)}, {QStringLiteral("text"), text}})}));
        emit pairingRefused(code, text);
        return;
    }
    const Node device = success.child("device");
    CompanionAccount account;
    account.jid = device.jidAttr("jid").value_or(wa::Jid());
    account.lid = device.jidAttr("lid").value_or(wa::Jid());
    account.platform = success.child("platform").attr(QStringLiteral("name"));
    account.businessName = success.child("biz").attr(QStringLiteral("name"));
    account.account = accepted->account;
    sendNode(serverIq(id, "result", {},
                      {Node(QStringLiteral("pair-device-sign"), {},
                            {Node(QStringLiteral("device-identity"),
                                  {{QStringLiteral("key-index"), QString::number(accepted->keyIndex)}},
                                  accepted->reply)})}));
    m_account = account;
    emit paired(account);
}

QString Companion::requestPairingCode(const QString &phone, const QString &code)
{
    m_code = code.isEmpty() ? wa::linkcode::generate() : code;
    m_codePhone = phone;
    if (!m_codeEphemeral)
        m_codeEphemeral = wa::KeyPair::generate();
    const Node reg(QStringLiteral("link_code_companion_reg"),
                   {{QStringLiteral("jid"), wa::Jid::phone(phone)},
                    {QStringLiteral("stage"), "companion_hello"},
                    {QStringLiteral("should_show_push_notification"), "true"}},
                   {Node(QStringLiteral("link_code_pairing_wrapped_companion_ephemeral_pub"), {},
                         linkcodecrypto::wrapKey(m_code, m_codeEphemeral->pub)),
                    Node(QStringLiteral("companion_server_auth_key_pub"), {}, m_keys.noise.pub),
                    Node::withText(QStringLiteral("companion_platform_id"), {}, QStringLiteral("1")),
                    Node::withText(QStringLiteral("companion_platform_display"), {}, QStringLiteral("Chrome (wasim)")),
                    Node(QStringLiteral("link_code_pairing_nonce"), {}, QByteArray(1, '\0'))});
    sendNode(serverIq(nextId(), "set", {{QStringLiteral("xmlns"), "md"}}, {reg}));
    return m_code;
}

void Companion::onPrimaryHello(const Node &notification)
{
    sendNode(Node(QStringLiteral("ack"), {{QStringLiteral("class"), "notification"},
                                          {QStringLiteral("id"), notification.attr(QStringLiteral("id"))},
                                          {QStringLiteral("to"), wa::Jid::serverJid()},
                                          {QStringLiteral("type"), "link_code_companion_reg"}}));
    const Node reg = notification.child("link_code_companion_reg");
    if (reg.attr(QStringLiteral("stage")) != QLatin1String("primary_hello") || !m_codeEphemeral)
        return;
    const QByteArray ref = reg.child("link_code_pairing_ref").contentBytes();
    const QByteArray primaryIdentity = reg.child("primary_identity_pub").contentBytes();
    const auto primaryEphemeral = linkcodecrypto::unwrapKey(
        m_code, reg.child("link_code_pairing_wrapped_primary_ephemeral_pub").contentBytes());
    const auto sharedEphemeral = primaryEphemeral ? m_codeEphemeral->dh(*primaryEphemeral) : std::nullopt;
    const auto sharedIdentity = m_keys.identity.dh(primaryIdentity);
    if (!sharedEphemeral || !sharedIdentity) {
        qCWarning(lcWasimCompanion) << "primary_hello with unusable keys";
        return;
    }
    QByteArray advRandom(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(advRandom.data()), 8);
    const QByteArray bundle = linkcodecrypto::sealBundle(*sharedEphemeral,
                                                         {m_keys.identity.pub, primaryIdentity, advRandom});
    m_keys.advSecret = linkcodecrypto::deriveAdvSecret(*sharedEphemeral, *sharedIdentity, advRandom);
    const Node finish(QStringLiteral("link_code_companion_reg"),
                      {{QStringLiteral("jid"), wa::Jid::phone(m_codePhone)}, {QStringLiteral("stage"), "companion_finish"}},
                      {Node(QStringLiteral("link_code_pairing_wrapped_key_bundle"), {}, bundle),
                       Node(QStringLiteral("companion_identity_public"), {}, m_keys.identity.pub),
                       Node(QStringLiteral("link_code_pairing_ref"), {}, ref)});
    sendNode(serverIq(nextId(), "set", {{QStringLiteral("xmlns"), "md"}}, {finish}));
}

} // namespace wagate::wasim
