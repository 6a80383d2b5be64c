// The protocol flows of the simulated service: what a connection's handshake payload, and each
// node it sends afterwards, lead to. The facade and bookkeeping are in wasimserver.cpp.

#include "wasimserver.h"

#include "advidentity.h"
#include "linkcodecrypto.h"
#include "pairingqr.h"
#include "phone.h"
#include "simconnection.h"
#include "stanzas.h"
#include "wasimlogging.h"

#include "wa/crypto/xeddsa.h"
#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimer>

#include <array>
#include <climits>

namespace wagate::wasim {

namespace {

using wa::Node;
using wa::fromStdBytes;

constexpr int kPairingTimeoutMs = 60000; // a started pairing that the companion never finishes

const QString kIq = QStringLiteral("iq");
const QString kType = QStringLiteral("type");
const QString kId = QStringLiteral("id");
const QString kXmlns = QStringLiteral("xmlns");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString nowSeconds()
{
    return QString::number(QDateTime::currentSecsSinceEpoch());
}

//! "Chrome (Mac OS)" from DeviceProps, as the phone's linked-devices list would show it.
QString displayName(const waproto::DeviceProps &props)
{
    QString platform = QString::fromStdString(waproto::DeviceProps::PlatformType_Name(props.platform_type()));
    if (platform.isEmpty())
        platform = QStringLiteral("Unknown");
    platform = platform.left(1) + platform.mid(1).toLower();
    const QString os = QString::fromStdString(props.os());
    return os.isEmpty() ? platform : QStringLiteral("%1 (%2)").arg(platform, os);
}

quint32 bigEndian(const QByteArray &bytes)
{
    quint32 value = 0;
    for (char c : bytes)
        value = (value << 8) | quint8(c);
    return value;
}

//! A JID attribute as the client sent it: typed (whatsmeow) or a string with '@' (Baileys encodes
//! those as JIDs too, so both normally arrive typed).
std::optional<wa::Jid> jidOf(const Node &node, QAnyStringView key)
{
    if (auto jid = node.jidAttr(key))
        return jid;
    return wa::Jid::parse(node.attr(key));
}

} // namespace

// --- after the handshake -------------------------------------------------------------------------

void WasimServer::onHandshake(SimConnection *connection, const QByteArray &payloadBytes)
{
    ++m_stats.handshakes;
    waproto::ClientPayload payload;
    if (payloadBytes.size() > INT_MAX || !payload.ParseFromArray(payloadBytes.data(), int(payloadBytes.size()))) {
        qCInfo(lcWasimConn) << "connection" << connection->id() << "sent an unreadable ClientPayload";
        connection->finish(stanzas::failure(400));
        return;
    }
    const bool registration = payload.has_device_pairing_data();
    emit handshakeCompleted(connection->id(), registration);
    if (!m_faults.minClientVersion.isEmpty()) {
        const QStringList min = m_faults.minClientVersion.split(QLatin1Char('.'));
        const auto &v = payload.user_agent().app_version();
        const std::array<quint64, 3> have{v.primary(), v.secondary(), v.tertiary()};
        const std::array<quint64, 3> need{min.value(0).toULongLong(), min.value(1).toULongLong(), min.value(2).toULongLong()};
        if (have < need) {
            refuseLogin(connection, 405);
            return;
        }
    }
    if (registration) {
        startRegistration(connection, payloadBytes);
    } else if (payload.has_username()) {
        login(connection, payload.username(), payload.device());
    } else {
        qCInfo(lcWasimConn) << "connection" << connection->id() << "sent neither registration nor login";
        connection->finish(stanzas::failure(400));
    }
}

void WasimServer::onNode(SimConnection *connection, const Node &node)
{
    if (node.tag() != kIq) {
        if (connection->state() != SimConnection::State::LoggedIn)
            return;
        const QString &tag = node.tag();
        if (tag == QLatin1String("message"))
            handleMessage(connection, node);
        else if (tag == QLatin1String("receipt"))
            handleReceipt(connection, node);
        else if (tag == QLatin1String("ack"))
            handleClientAck(connection, node);
        else if (tag == QLatin1String("presence"))
            handlePresence(connection, node);
        else if (tag == QLatin1String("chatstate"))
            handleChatState(connection, node);
        return; // ib and the rest: nothing to answer
    }
    const QString type = node.attr(kType);
    if (connection->state() == SimConnection::State::Registration) {
        handleRegistrationIq(connection, node);
        return;
    }
    if (type == QLatin1String("get") || type == QLatin1String("set"))
        handleIq(connection, node);
}

// --- registration and pairing --------------------------------------------------------------------

void WasimServer::startRegistration(SimConnection *connection, const QByteArray &payloadBytes)
{
    waproto::ClientPayload payload;
    payload.ParseFromArray(payloadBytes.data(), int(payloadBytes.size()));
    const auto &data = payload.device_pairing_data();
    const QByteArray identity = fromStdBytes(data.e_ident());
    const QByteArray skey = fromStdBytes(data.e_skey_val());
    const QByteArray skeySig = fromStdBytes(data.e_skey_sig());
    const bool valid = identity.size() == 32 && skey.size() == 32 && data.e_regid().size() == 4
                       && data.e_skey_id().size() == 3 && data.e_keytype() == "\x05"
                       && wa::xeddsa::verify(identity, QByteArray(1, '\x05') + skey, skeySig);
    if (!valid) {
        qCInfo(lcWasimPairing) << "connection" << connection->id() << "sent invalid registration data";
        connection->finish(stanzas::failure(400));
        return;
    }

    auto state = std::make_unique<RegistrationState>();
    state->identityKey = identity;
    state->registrationId = bigEndian(fromStdBytes(data.e_regid()));
    state->signedPreKeyId = fromStdBytes(data.e_skey_id());
    state->signedPreKey = skey;
    state->signedPreKeySignature = skeySig;
    waproto::DeviceProps props;
    if (props.ParseFromString(data.device_props())) {
        state->displayName = displayName(props);
        state->platformType = QString::number(int(props.platform_type()));
    }

    const int refs = std::clamp(m_faults.refs, 1, 64);
    qint64 expiry = nowMs();
    QList<Node> refNodes;
    for (int i = 0; i < refs; ++i) {
        const QByteArray ref = newRef();
        expiry += std::max(0, i == 0 ? m_faults.firstRefMs : m_faults.refMs);
        state->refs.append(ref);
        state->refExpiry.append(expiry);
        m_refs.insert(ref, connection);
        refNodes.append(Node(QStringLiteral("ref"), {}, ref));
    }
    const QList<QByteArray> issued = state->refs;
    connection->startRegistration(std::move(state));
    connection->send(Node(kIq,
                          {{QStringLiteral("from"), wa::Jid::serverJid()}, {kType, "set"}, {kId, nextIqId()},
                           {kXmlns, "md"}},
                          {Node(QStringLiteral("pair-device"), {}, refNodes)}));
    const quint64 id = connection->id();
    QTimer::singleShot(int(std::min<qint64>(expiry - nowMs(), INT_MAX)), connection, [this, id] { expireRefs(id); });
    qCInfo(lcWasimPairing) << "connection" << id << "registering:" << refs << "refs issued";
    emit refsIssued(id, issued);
}

void WasimServer::expireRefs(quint64 connectionId)
{
    SimConnection *connection = connectionById(connectionId);
    if (!connection || connection->state() != SimConnection::State::Registration)
        return;
    RegistrationState *reg = connection->registration();
    if (reg && reg->pairing)
        return; // the phone already answered; let the pairing finish (it has its own timeout)
    qCInfo(lcWasimPairing) << "connection" << connectionId << "used up its refs; closing";
    emit refsExhausted(connectionId);
    connection->close();
}

void WasimServer::handleRegistrationIq(SimConnection *connection, const Node &iq)
{
    RegistrationState *reg = connection->registration();
    const QString type = iq.attr(kType);
    const QString id = iq.attr(kId);
    if (reg && reg->pairing && id == reg->pairing->iqId) {
        if (type == QLatin1String("result")) {
            handlePairDeviceSign(connection, iq);
        } else if (type == QLatin1String("error")) {
            const Node error = iq.child("error");
            failPairing(connection, QStringLiteral("client-error %1 %2").arg(error.attr("code"), error.attr("text")));
        }
        return;
    }
    if (type != QLatin1String("get") && type != QLatin1String("set"))
        return; // e.g. the ack of <pair-device>
    const Node linkCode = iq.child("link_code_companion_reg");
    if (iq.attr(kXmlns) == QLatin1String("md") && !linkCode.isNull()) {
        const QString stage = linkCode.attr("stage");
        if (stage == QLatin1String("companion_hello"))
            handleCompanionHello(connection, iq, linkCode);
        else if (stage == QLatin1String("companion_finish"))
            handleCompanionFinish(connection, iq, linkCode);
        else
            connection->send(stanzas::error(id, 400, QStringLiteral("bad-request")));
        return;
    }
    if (iq.attr(kXmlns) == QLatin1String("w:p")) {
        answerPing(connection, iq);
        return;
    }
    // Nothing else is served before login; an empty result keeps a client from stalling.
    connection->send(stanzas::result(id));
}

Result<PairingTicket> WasimServer::scanQr(const QString &number, const QString &text)
{
    Phone *phone = findPhone(number);
    if (!phone)
        return Error::notFound(QStringLiteral("no phone with this number"));
    const auto qr = PairingQr::parse(text);
    if (!qr)
        return qr.error();
    SimConnection *connection = m_refs.value(qr->ref);
    if (!connection || !connection->registration())
        return Error::notFound(QStringLiteral("no companion is waiting with this QR's ref"));
    RegistrationState *reg = connection->registration();
    const qsizetype refIndex = reg->refs.indexOf(qr->ref);
    if (refIndex < 0 || reg->refExpiry.value(refIndex) < nowMs())
        return Error::failedPrecondition(QStringLiteral("the QR has expired"));
    if (qr->noiseKey != connection->clientStaticKey())
        return Error::invalidArgument(QStringLiteral("the QR's noise key is not the waiting companion's"),
                                      QStringLiteral("qr"));
    if (qr->identityKey != reg->identityKey)
        return Error::invalidArgument(QStringLiteral("the QR's identity key is not the one the companion registered"),
                                      QStringLiteral("qr"));
    if (reg->pairing)
        return Error::failedPrecondition(QStringLiteral("a pairing is already under way on this connection"));
    qCInfo(lcWasimPairing) << "phone" << number << "scanned the QR of connection" << connection->id();
    return beginPairing(connection, *phone, qr->identityKey, qr->advSecret, qr->platform, reg->displayName, 0);
}

Result<PairingTicket> WasimServer::beginPairing(SimConnection *connection, Phone &phone,
                                                const QByteArray &companionIdentity, const QByteArray &advSecret,
                                                const QString &platform, const QString &displayName, quint64 ticket)
{
    RegistrationState *reg = connection->registration();
    const auto index = phone.reserveIndex();
    if (!index)
        return Error::failedPrecondition(QStringLiteral("the phone has no free device index (255 devices)"));

    advidentity::IssueFault fault = advidentity::IssueFault::None;
    if (m_faults.pairing == PairingFault::HmacMismatch)
        fault = advidentity::IssueFault::HmacMismatch;
    else if (m_faults.pairing == PairingFault::BadAccountSignature)
        fault = advidentity::IssueFault::BadAccountSignature;

    PairingState pairing;
    pairing.ticket = ticket ? ticket : ++m_nextTicket;
    pairing.phone = phone.number();
    pairing.deviceIndex = *index;
    pairing.issued = advidentity::issue(phone.identity(), companionIdentity, advSecret, phone.rawId(),
                                        quint64(QDateTime::currentSecsSinceEpoch()), phone.nextKeyIndex(), fault);
    pairing.companionIdentity = companionIdentity;
    pairing.platform = platform;
    pairing.displayName = displayName;
    pairing.iqId = nextIqId();

    QList<Node> children{
        Node(QStringLiteral("device-identity"), {}, pairing.issued.container),
        Node(QStringLiteral("device"), {{QStringLiteral("jid"), phone.jid(*index)},
                                        {QStringLiteral("lid"), phone.lidJid(*index)}}),
        Node(QStringLiteral("platform"), {{QStringLiteral("name"), phone.platformName()}}),
    };
    if (phone.isBusiness())
        children.append(Node(QStringLiteral("biz"), {{QStringLiteral("name"), phone.pushName()}}));
    const Node iq(kIq,
                  {{QStringLiteral("from"), wa::Jid::serverJid()}, {kType, "set"}, {kId, pairing.iqId},
                   {QStringLiteral("t"), nowSeconds()}, {kXmlns, "md"}},
                  {Node(QStringLiteral("pair-success"), {}, children)});
    const PairingTicket out{pairing.ticket, connection->id(), phone.number()};
    reg->pairing = std::move(pairing);
    connection->send(iq);
    armTicketTimeout(connection, out.id);
    return out;
}

void WasimServer::armTicketTimeout(SimConnection *connection, quint64 ticket)
{
    const quint64 id = connection->id();
    QTimer::singleShot(kPairingTimeoutMs, connection, [this, id, ticket] {
        SimConnection *c = connectionById(id);
        RegistrationState *reg = c ? c->registration() : nullptr;
        if (!reg)
            return;
        const bool pending = (reg->pairing && reg->pairing->ticket == ticket)
                             || (reg->code && reg->code->ticket == ticket);
        if (pending) {
            failPairing(c, QStringLiteral("timeout"));
            c->close();
        }
    });
}

void WasimServer::failPairing(SimConnection *connection, const QString &reason)
{
    RegistrationState *reg = connection->registration();
    if (!reg)
        return;
    quint64 ticket = 0;
    QString phoneNumber;
    if (reg->pairing) {
        ticket = reg->pairing->ticket;
        phoneNumber = reg->pairing->phone;
        if (Phone *phone = findPhone(phoneNumber))
            phone->releaseIndex(reg->pairing->deviceIndex);
        reg->pairing.reset();
    }
    if (reg->code && reg->code->ticket) {
        ticket = ticket ? ticket : reg->code->ticket;
        phoneNumber = reg->code->phone;
        // The companion may get another try (e.g. after a mistyped code): back to waiting.
        reg->code->ticket = 0;
        reg->code->primaryEphemeral.reset();
        reg->code->companionEphemeral.clear();
    }
    if (!ticket)
        return;
    qCInfo(lcWasimPairing) << "pairing" << ticket << "on connection" << connection->id() << "failed:" << reason;
    emit pairingFailed(ticket, phoneNumber, reason);
}

void WasimServer::handlePairDeviceSign(SimConnection *connection, const Node &iq)
{
    RegistrationState *reg = connection->registration();
    const PairingState &pairing = *reg->pairing;
    Phone *phone = findPhone(pairing.phone);
    if (!phone) {
        failPairing(connection, QStringLiteral("phone-gone"));
        connection->close();
        return;
    }
    const Node identity = iq.child("pair-device-sign").child("device-identity");
    const auto checked = advidentity::checkDeviceSign(identity.contentBytes(), pairing.issued,
                                                      pairing.companionIdentity, phone->identity().pub,
                                                      identity.intAttr("key-index"));
    if (!checked) {
        failPairing(connection, QStringLiteral("bad-device-sign: %1")
                                    .arg(QLatin1String(advidentity::signErrorName(checked.error()))));
        connection->close();
        return;
    }

    LinkedDevice device;
    device.index = pairing.deviceIndex;
    device.noiseKey = connection->clientStaticKey();
    device.identityKey = pairing.companionIdentity;
    device.platform = pairing.platform;
    device.displayName = pairing.displayName;
    device.keyIndex = pairing.issued.keyIndex;
    device.linkedAt = QDateTime::currentSecsSinceEpoch();
    // The registration carried the companion's Signal identity and signed pre-key: peers can
    // start sessions with it before its first upload.
    if (reg->identityKey.size() == 32 && reg->signedPreKey.size() == 32 && reg->signedPreKeySignature.size() == 64) {
        device.registrationId = reg->registrationId;
        device.signalIdentity = reg->identityKey;
        device.signedPreKeyId = bigEndian(reg->signedPreKeyId);
        device.signedPreKey = reg->signedPreKey;
        device.signedPreKeySignature = reg->signedPreKeySignature;
    }
    const quint64 ticket = pairing.ticket;
    phone->addDevice(device);
    notifyDevicesChanged(*phone, device.index, true);
    reg->pairing.reset();
    reg->code.reset();
    ++m_stats.pairings;
    const DeviceInfo info = deviceInfo(*phone, device.index);
    qCInfo(lcWasimPairing) << "device" << info.jid << "linked; asking the companion to restart";
    emit pairingSucceeded(ticket, info);
    connection->finish(stanzas::streamError(StreamError::restartRequired()));
}

// --- pairing code --------------------------------------------------------------------------------

void WasimServer::handleCompanionHello(SimConnection *connection, const Node &iq, const Node &linkCode)
{
    RegistrationState *reg = connection->registration();
    const QString id = iq.attr(kId);
    const auto jid = jidOf(linkCode, "jid");
    static const QRegularExpression digits(QStringLiteral("^[1-9][0-9]{6,14}$"));
    if (!jid || jid->server() != wa::JidServer::User || !digits.match(jid->user()).hasMatch()) {
        connection->send(stanzas::error(id, 400, QStringLiteral("bad-request")));
        return;
    }
    const QByteArray wrapped = stanzas::childBytes(linkCode, "link_code_pairing_wrapped_companion_ephemeral_pub");
    const QByteArray authKey = stanzas::childBytes(linkCode, "companion_server_auth_key_pub");
    if (wrapped.size() != linkcodecrypto::kWrappedKeySize || authKey != connection->clientStaticKey()) {
        connection->send(stanzas::error(id, 400, QStringLiteral("bad-request")));
        return;
    }
    if (!findPhone(jid->user())) {
        connection->send(stanzas::error(id, 404, QStringLiteral("item-not-found")));
        return;
    }
    if (reg->pairing) {
        connection->send(stanzas::error(id, 409, QStringLiteral("conflict")));
        return;
    }
    if (reg->code && reg->code->ticket)
        failPairing(connection, QStringLiteral("superseded"));

    CodeRequest request;
    request.phone = jid->user();
    request.wrappedCompanionEphemeral = wrapped;
    request.ref = newRef();
    request.platformId = linkCode.child("companion_platform_id").contentText();
    request.platformDisplay = linkCode.child("companion_platform_display").contentText();
    const QByteArray ref = request.ref;
    reg->code = std::move(request);
    connection->send(stanzas::result(
        id, {Node(QStringLiteral("link_code_companion_reg"), {},
                  {Node(QStringLiteral("link_code_pairing_ref"), {}, ref)})}));
    qCInfo(lcWasimPairing) << "connection" << connection->id() << "asks for code pairing with" << jid->user();
    emit pairingCodeRequested(connection->id(), jid->user());
}

Result<PairingTicket> WasimServer::enterCode(const QString &number, const QString &typed)
{
    Phone *phone = findPhone(number);
    if (!phone)
        return Error::notFound(QStringLiteral("no phone with this number"));
    const auto code = linkcodecrypto::normalizeCode(typed);
    if (!code)
        return Error::invalidArgument(QStringLiteral("code must be 8 characters of 1-9, A-Z without I, O, U "
                                                     "(optionally as XXXX-XXXX)"),
                                      QStringLiteral("code"));
    // The newest companion waiting for a code for this number and not already past the phone's step.
    SimConnection *connection = nullptr;
    for (SimConnection *c : std::as_const(m_connections)) {
        RegistrationState *reg = c->registration();
        if (c->state() != SimConnection::State::Registration || !reg || !reg->code || reg->pairing
            || reg->code->phone != number)
            continue;
        if (!connection || c->id() > connection->id())
            connection = c;
    }
    if (!connection)
        return Error::notFound(QStringLiteral("no companion is waiting for a pairing code for this phone"));

    CodeRequest &request = *connection->registration()->code;
    if (request.ticket)
        failPairing(connection, QStringLiteral("superseded"));
    const auto companionEphemeral = linkcodecrypto::unwrapKey(*code, request.wrappedCompanionEphemeral);
    wa::KeyPair primaryEphemeral = wa::KeyPair::generate();
    request.ticket = ++m_nextTicket;
    request.companionEphemeral = companionEphemeral.value_or(QByteArray());
    request.primaryEphemeral = primaryEphemeral;

    const Node notification(
        QStringLiteral("notification"),
        {{QStringLiteral("from"), wa::Jid::serverJid()}, {kType, "link_code_companion_reg"}, {kId, nextIqId()},
         {QStringLiteral("t"), nowSeconds()}},
        {Node(QStringLiteral("link_code_companion_reg"), {{QStringLiteral("stage"), "primary_hello"}},
              {Node(QStringLiteral("link_code_pairing_ref"), {}, request.ref),
               Node(QStringLiteral("link_code_pairing_wrapped_primary_ephemeral_pub"), {},
                    linkcodecrypto::wrapKey(*code, primaryEphemeral.pub)),
               Node(QStringLiteral("primary_identity_pub"), {}, phone->identity().pub)})});
    const PairingTicket ticket{request.ticket, connection->id(), number};
    connection->send(notification);
    armTicketTimeout(connection, ticket.id);
    qCInfo(lcWasimPairing) << "phone" << number << "entered a code for connection" << connection->id();
    return ticket;
}

void WasimServer::handleCompanionFinish(SimConnection *connection, const Node &iq, const Node &linkCode)
{
    RegistrationState *reg = connection->registration();
    const QString id = iq.attr(kId);
    if (!reg->code || !reg->code->ticket || !reg->code->primaryEphemeral
        || stanzas::childBytes(linkCode, "link_code_pairing_ref") != reg->code->ref) {
        connection->send(stanzas::error(id, 400, QStringLiteral("bad-request")));
        return;
    }
    CodeRequest &request = *reg->code;
    Phone *phone = findPhone(request.phone);
    const QByteArray companionIdentity = stanzas::childBytes(linkCode, "companion_identity_public");
    const auto sharedEphemeral = request.primaryEphemeral->dh(request.companionEphemeral);
    const auto bundle = sharedEphemeral
                            ? linkcodecrypto::openBundle(*sharedEphemeral,
                                                         stanzas::childBytes(linkCode, "link_code_pairing_wrapped_key_bundle"))
                            : std::nullopt;
    if (!phone || !bundle) {
        // The companion's ephemeral came out of a wrong code: the bundle cannot open.
        connection->send(stanzas::error(id, 401, QStringLiteral("not-authorized")));
        failPairing(connection, QStringLiteral("wrong-code"));
        return;
    }
    if (bundle->companionIdentity != companionIdentity || companionIdentity != reg->identityKey
        || bundle->primaryIdentity != phone->identity().pub) {
        connection->send(stanzas::error(id, 400, QStringLiteral("bad-request")));
        failPairing(connection, QStringLiteral("identity-mismatch"));
        return;
    }
    const auto sharedIdentity = phone->identity().dh(companionIdentity);
    if (!sharedIdentity) {
        connection->send(stanzas::error(id, 400, QStringLiteral("bad-request")));
        failPairing(connection, QStringLiteral("identity-mismatch"));
        return;
    }
    const QByteArray advSecret = linkcodecrypto::deriveAdvSecret(*sharedEphemeral, *sharedIdentity, bundle->advRandom);
    connection->send(stanzas::result(id));
    const quint64 ticket = request.ticket;
    const QString platform = request.platformId;
    const QString display = request.platformDisplay.isEmpty() ? reg->displayName : request.platformDisplay;
    request.ticket = 0; // from here the pairing state carries the ticket
    const auto started = beginPairing(connection, *phone, companionIdentity, advSecret, platform, display, ticket);
    if (!started) {
        qCInfo(lcWasimPairing) << "pairing" << ticket << "cannot start:" << started.error().message;
        emit pairingFailed(ticket, phone->number(), started.error().message);
    }
}

// --- login ---------------------------------------------------------------------------------------

void WasimServer::refuseLogin(SimConnection *connection, int reason)
{
    ++m_stats.refusedLogins;
    qCInfo(lcWasimConn) << "connection" << connection->id() << "login refused with" << reason;
    emit loginRefused(connection->id(), reason);
    connection->finish(stanzas::failure(reason));
}

void WasimServer::login(SimConnection *connection, quint64 username, quint32 deviceIndex)
{
    if (m_faults.loginFailure != 0 && m_faults.loginFailureCount != 0) {
        if (m_faults.loginFailureCount > 0)
            --m_faults.loginFailureCount;
        refuseLogin(connection, m_faults.loginFailure);
        return;
    }
    Phone *phone = findPhone(QString::number(username));
    const LinkedDevice *device = phone && deviceIndex > 0 && deviceIndex <= 255 ? phone->device(quint16(deviceIndex))
                                                                                 : nullptr;
    // Unknown account or device, an unlinked device, or a handshake with another noise key than the
    // one registered at pairing: all "logged out" (401), as the real service is believed to answer.
    if (!device || device->noiseKey != connection->clientStaticKey()) {
        refuseLogin(connection, 401);
        return;
    }
    const wa::Jid jid = phone->jid(quint16(deviceIndex));
    if (SimConnection *previous = m_online.value(jid); previous && previous != connection) {
        ++m_stats.duplicateLogins;
        qCInfo(lcWasimConn) << "device" << jid << "logged in again; replacing connection" << previous->id();
        m_online.remove(jid);
        previous->finish(stanzas::streamError(StreamError::replaced()));
    }
    m_online.insert(jid, connection);
    connection->setLoggedIn(jid);
    ++m_stats.logins;
    Node success(QStringLiteral("success"), {{QStringLiteral("t"), nowSeconds()},
                                             {QStringLiteral("lid"), phone->lidJid(quint16(deviceIndex))}});
    if (!phone->pushName().isEmpty())
        success.setAttr(QStringLiteral("display_name"), phone->pushName());
    connection->send(success);
    qCDebug(lcWasimConn) << "connection" << connection->id() << "logged in as" << jid;
    emit loggedIn(connection->id(), jid);
}

// --- iqs after login -----------------------------------------------------------------------------

void WasimServer::answerPing(SimConnection *connection, const Node &iq)
{
    ++m_stats.pings;
    if (m_faults.dropPings)
        return;
    const Node reply = stanzas::result(iq.attr(kId));
    if (m_faults.pingDelayMs <= 0) {
        connection->send(reply);
        return;
    }
    QTimer::singleShot(m_faults.pingDelayMs, connection, [connection, reply] { connection->send(reply); });
}

void WasimServer::handleIq(SimConnection *connection, const Node &iq)
{
    const QString xmlns = iq.attr(kXmlns);
    const QString type = iq.attr(kType);
    const QString id = iq.attr(kId);
    if (xmlns == QLatin1String("w:p")) {
        answerPing(connection, iq);
        return;
    }
    const wa::Jid jid = connection->device();
    Phone *phone = findPhone(jid.user());
    LinkedDevice *device = phone ? phone->device(jid.device()) : nullptr;

    if (xmlns == QLatin1String("usync") && type == QLatin1String("get")) {
        handleUsync(connection, iq);
        return;
    }
    if (xmlns == QLatin1String("passive") && iq.hasChild("active")) {
        connection->send(stanzas::result(id));
        activate(connection);
        return;
    }
    if (xmlns == QLatin1String("encrypt")) {
        if (type == QLatin1String("get") && iq.hasChild("key")) {
            handlePreKeyFetch(connection, iq);
            return;
        }
        if (type == QLatin1String("get") && iq.hasChild("count")) {
            const qint64 count = device ? device->oneTimeKeys.size() : 0;
            connection->send(stanzas::result(id, {Node(QStringLiteral("count"),
                                                       {{QStringLiteral("value"), QString::number(count)}})}));
            return;
        }
        if (type == QLatin1String("get") && iq.hasChild("digest")) {
            QList<Node> digest;
            if (device && !device->identityKey.isEmpty())
                digest.append(Node(QStringLiteral("identity"), {}, device->identityKey));
            connection->send(stanzas::result(id, {Node(QStringLiteral("digest"), {}, digest)}));
            return;
        }
        if (type == QLatin1String("set") && iq.hasChild("list")) {
            handlePreKeyUpload(connection, iq, device);
            return;
        }
        connection->send(stanzas::result(id));
        return;
    }
    if (xmlns == QLatin1String("md") && iq.hasChild("remove-companion-device") && phone && device) {
        // The companion logs itself out: confirm, then unlink it like the phone would.
        connection->send(stanzas::result(id));
        if (const auto removed = unlinkDevice(phone->number(), jid.device()); !removed)
            qCWarning(lcWasimConn) << "cannot unlink" << jid << ":" << removed.error().message;
        return;
    }
    // passive/active and everything else: an empty result, so that no client waits for a timeout.
    connection->send(stanzas::result(id));
}

} // namespace wagate::wasim
