#include "fakewaserver.h"

#include "core/ids.h"
#include "wa/binary/nodedecoder.h"
#include "wa/crypto/aes.h"
#include "wa/crypto/digest.h"
#include "wa/crypto/kdf.h"
#include "wa/crypto/xeddsa.h"
#include "wa/noise/certchain.h"
#include "wa/proto/protobytes.h"

#include <QDateTime>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace wagate::wa::test {

namespace {

Attribute fromServerAttr() { return {QStringLiteral("from"), Jid::serverJid()}; }

template<typename Message>
bool parseInto(Message &m, const QByteArray &bytes)
{
    return m.ParseFromArray(bytes.constData(), int(bytes.size()));
}

QByteArray codeKey(const QString &code, QByteArrayView salt)
{
    return pbkdf2Sha256(code.toLatin1(), salt, 131072, 32);
}

} // namespace

// ---------------------------------------------------------------------------------------------

FakeConnection::FakeConnection(QWebSocket *socket, const KeyPair &staticKey, const QByteArray &chain, QObject *parent)
    : QObject(parent), m_socket(socket)
{
    socket->setParent(this);
    origin = socket->origin();
    path = socket->requestUrl().path();
    m_noise.emplace(staticKey, chain);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &FakeConnection::onMessage);
    connect(socket, &QWebSocket::disconnected, this, &FakeConnection::closed);
}

bool FakeConnection::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void FakeConnection::onMessage(const QByteArray &message)
{
    auto frames = m_codec.decode(message);
    if (!frames) {
        m_socket->abort();
        return;
    }
    for (const QByteArray &frame : *frames) {
        if (m_cipher.isValid()) {
            auto plain = m_cipher.decrypt(frame);
            if (!plain) {
                m_socket->abort();
                return;
            }
            auto node = NodeDecoder().decode(*plain);
            if (!node) {
                m_socket->abort();
                return;
            }
            received.append(node.node());
            emit nodeReceived(node.node());
        } else if (m_noise->state() == NoiseResponder::State::Start) {
            if (!m_noise->readClientHello(frame)) {
                m_socket->abort();
                return;
            }
            auto hello = m_noise->serverHello();
            sendRaw(*m_codec.encode(serverHelloOverride.isEmpty() ? *hello : serverHelloOverride), splitOutgoing);
        } else {
            auto finish = m_noise->readClientFinish(frame);
            if (!finish) {
                m_socket->abort();
                return;
            }
            clientStatic = finish->staticKey;
            payload.ParseFromArray(finish->payload.constData(), int(finish->payload.size()));
            m_cipher = std::move(*m_noise->split());
            emit handshakeCompleted();
        }
    }
}

QByteArray FakeConnection::wireBytes(const Node &node, NodeEncoder::Compression compression)
{
    auto encoded = NodeEncoder::encode(node, compression);
    Q_ASSERT(encoded.ok());
    auto ciphertext = m_cipher.encrypt(*encoded);
    return *m_codec.encode(*ciphertext);
}

void FakeConnection::send(const Node &node, NodeEncoder::Compression compression)
{
    const QByteArray wire = wireBytes(node, compression);
    if (coalesce)
        m_pending += wire;
    else
        sendRaw(wire, splitOutgoing);
}

void FakeConnection::sendEncrypted(const QByteArray &plaintext)
{
    sendRaw(*m_codec.encode(*m_cipher.encrypt(plaintext)), splitOutgoing);
}

void FakeConnection::flushCoalesced()
{
    coalesce = false;
    if (!m_pending.isEmpty())
        sendRaw(std::exchange(m_pending, {}), splitOutgoing);
}

void FakeConnection::sendRaw(const QByteArray &bytes, int chunk)
{
    if (chunk <= 0) {
        m_socket->sendBinaryMessage(bytes);
        return;
    }
    for (qsizetype pos = 0; pos < bytes.size(); pos += chunk)
        m_socket->sendBinaryMessage(bytes.mid(pos, chunk));
}

void FakeConnection::close()
{
    m_socket->close();
}

void FakeConnection::abort()
{
    m_socket->abort();
}

// ---------------------------------------------------------------------------------------------

std::optional<FakePhone::Qr> FakePhone::parseQr(const QString &qr)
{
    const QString prefix = QStringLiteral("https://wa.me/settings/linked_devices#");
    if (!qr.startsWith(prefix))
        return std::nullopt;
    const QStringList parts = qr.mid(prefix.size()).split(QLatin1Char(','));
    if (parts.size() != 5)
        return std::nullopt;
    Qr out{parts[0].toUtf8(), QByteArray::fromBase64(parts[1].toLatin1()), QByteArray::fromBase64(parts[2].toLatin1()),
           QByteArray::fromBase64(parts[3].toLatin1()), parts[4]};
    if (out.noise.size() != 32 || out.identity.size() != 32 || out.adv.size() != 32)
        return std::nullopt;
    return out;
}

Node FakePhone::pairSuccess(const QByteArray &companionIdentity, const QByteArray &advSecret) const
{
    const bool hosted = fault == Fault::HostedAccount;
    waproto::ADVDeviceIdentity details;
    details.set_raw_id(4242);
    details.set_timestamp(quint64(QDateTime::currentSecsSinceEpoch()));
    details.set_key_index(keyIndex);
    if (hosted) {
        details.set_account_type(waproto::HOSTED);
        details.set_device_type(waproto::HOSTED);
    }
    const QByteArray detailBytes = fromStdBytes(details.SerializeAsString());
    const QByteArray prefix = QByteArray::fromHex(hosted ? "0605" : "0600");
    QByteArray signedOver = prefix + detailBytes + companionIdentity;
    if (fault == Fault::BadAccountSignature)
        signedOver[signedOver.size() - 1] = char(signedOver.at(signedOver.size() - 1) ^ 0x01);

    waproto::ADVSignedDeviceIdentity identityMsg;
    identityMsg.set_details(toStdBytes(detailBytes));
    identityMsg.set_account_signature_key(toStdBytes(identity.pub));
    identityMsg.set_account_signature(toStdBytes(xeddsa::sign(identity.priv, signedOver)));
    const QByteArray identityBytes = fromStdBytes(identityMsg.SerializeAsString());

    waproto::ADVSignedDeviceIdentityHMAC container;
    container.set_details(toStdBytes(identityBytes));
    const QByteArray key = fault == Fault::HmacMismatch ? secureRandomBytes(32) : advSecret;
    container.set_hmac(toStdBytes(hmacSha256(key, (hosted ? QByteArray::fromHex("0605") : QByteArray()) + identityBytes)));
    if (hosted)
        container.set_account_type(waproto::HOSTED);
    const QByteArray containerBytes =
        fault == Fault::MalformedIdentity ? QByteArray("\xff\xff\xff garbage") : fromStdBytes(container.SerializeAsString());

    QList<Node> children{
        Node(QStringLiteral("device-identity"), {}, containerBytes),
        Node(QStringLiteral("device"), {{QStringLiteral("jid"), Jid(number, JidServer::User, device)},
                                        {QStringLiteral("lid"), Jid(lidUser, JidServer::Lid, device)}}),
        Node(QStringLiteral("platform"), {{QStringLiteral("name"), platform}}),
    };
    if (!businessName.isEmpty())
        children.append(Node(QStringLiteral("biz"), {{QStringLiteral("name"), businessName}}));
    return Node(QStringLiteral("iq"),
                {fromServerAttr(), {QStringLiteral("type"), "set"}, {QStringLiteral("id"), "ps-1"},
                 {QStringLiteral("xmlns"), "md"}, {QStringLiteral("t"), QString::number(QDateTime::currentSecsSinceEpoch())}},
                {Node(QStringLiteral("pair-success"), {}, children)});
}

bool FakePhone::checkPairDeviceSign(const Node &reply, const QByteArray &companionIdentity) const
{
    const Node identityNode = reply.child("pair-device-sign").child("device-identity");
    if (reply.attr("type") != QLatin1String("result") || identityNode.isNull()
        || identityNode.attr("key-index") != QString::number(keyIndex))
        return false;
    waproto::ADVSignedDeviceIdentity signedIdentity;
    if (!parseInto(signedIdentity, identityNode.contentBytes()) || signedIdentity.has_account_signature_key())
        return false;
    const QByteArray details = fromStdBytes(signedIdentity.details());
    return xeddsa::verify(companionIdentity, QByteArray::fromHex("0601") + details + companionIdentity + identity.pub,
                          fromStdBytes(signedIdentity.device_signature()));
}

QByteArray FakePhone::wrapEphemeral(const QString &code) const
{
    const QByteArray salt = secureRandomBytes(32);
    const QByteArray iv = secureRandomBytes(16);
    return salt + iv + aes::ctr(codeKey(code, salt), iv, codeEphemeral.pub);
}

QByteArray FakePhone::unwrap(const QString &code, const QByteArray &wrapped)
{
    if (wrapped.size() != 80)
        return {};
    return aes::ctr(codeKey(code, wrapped.first(32)), wrapped.sliced(32, 16), wrapped.sliced(48));
}

QByteArray FakePhone::advSecretFromBundle(const QByteArray &companionEphemeral, const QByteArray &bundle,
                                          const QByteArray &companionIdentity) const
{
    const auto ephemeralShared = codeEphemeral.dh(companionEphemeral);
    if (!ephemeralShared || bundle.size() != 156)
        return {};
    const QByteArray key =
        hkdfSha256(bundle.first(32), *ephemeralShared, "link_code_pairing_key_bundle_encryption_key", 32);
    const auto plain = aes::gcmDecrypt(key, bundle.sliced(32, 12), bundle.sliced(44));
    if (!plain || plain->size() != 96 || plain->first(32) != companionIdentity || plain->sliced(32, 32) != identity.pub)
        return {};
    const auto identityShared = identity.dh(companionIdentity);
    if (!identityShared)
        return {};
    return hkdfSha256({}, *ephemeralShared + *identityShared + plain->sliced(64), "adv_secret", 32);
}

// ---------------------------------------------------------------------------------------------

FakeWaServer::FakeWaServer()
    : m_server(new QWebSocketServer(QStringLiteral("fake-wa"), QWebSocketServer::NonSecureMode, this))
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    chain = makeChain(now - 3600, now + 3600, staticKey.pub);
    connect(m_server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_server->nextPendingConnection()) {
            auto *c = new FakeConnection(socket, staticKey, chain, this);
            c->splitOutgoing = splitOutgoing;
            c->serverHelloOverride = serverHelloOverride;
            connections.append(c);
            connect(c, &FakeConnection::handshakeCompleted, this, [this, c] { afterHandshake(c); });
            connect(c, &FakeConnection::nodeReceived, this, [this, c](const Node &n) { handleNode(c, n); });
            emit connectionAccepted(c);
        }
    });
}

FakeWaServer::~FakeWaServer() = default;

bool FakeWaServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FakeWaServer::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws/chat").arg(m_server->serverPort()));
}

QByteArray FakeWaServer::makeChain(qint64 notBefore, qint64 notAfter, const QByteArray &leafKey) const
{
    return CertChain::create(root, intermediate, leafKey, quint64(notBefore), quint64(notAfter)).serialize();
}

Node FakeWaServer::iq(const QString &type, const QString &id, QList<Node> children)
{
    if (children.isEmpty())
        return Node(QStringLiteral("iq"), {fromServerAttr(), {QStringLiteral("type"), type}, {QStringLiteral("id"), id}});
    return Node(QStringLiteral("iq"), {fromServerAttr(), {QStringLiteral("type"), type}, {QStringLiteral("id"), id}},
                children);
}

void FakeWaServer::afterHandshake(FakeConnection *c)
{
    if (onHandshake && onHandshake(c))
        return;
    const auto compression = compress ? NodeEncoder::Compression::Zlib : NodeEncoder::Compression::None;
    if (c->payload.has_device_pairing_data()) {
        QList<Node> refNodes;
        for (int i = 0; i < refs; ++i) {
            const QByteArray ref = "2@fake-ref-" + QByteArray::number(connections.size()) + "-" + QByteArray::number(i);
            c->refs.append(ref);
            refNodes.append(Node(QStringLiteral("ref"), {}, ref));
        }
        c->send(Node(QStringLiteral("iq"),
                     {fromServerAttr(), {QStringLiteral("type"), "set"}, {QStringLiteral("id"), "pd-1"},
                      {QStringLiteral("xmlns"), "md"}},
                     {Node(QStringLiteral("pair-device"), {}, refNodes)}),
                compression);
        return;
    }
    if (loginFailure) {
        QList<Attribute> attrs{{QStringLiteral("reason"), QString::number(loginFailure)}};
        attrs += failureAttrs;
        c->send(Node(QStringLiteral("failure"), attrs), compression);
        QTimer::singleShot(0, c, [c] { c->close(); });
        return;
    }
    if (coalesceLogin)
        c->coalesce = true;
    c->send(Node(QStringLiteral("success"),
                 {{QStringLiteral("t"), QString::number(QDateTime::currentSecsSinceEpoch())},
                  {QStringLiteral("lid"), *Jid::parse(lid)}}),
            compression);
    if (coalesceLogin) {
        c->send(Node(QStringLiteral("ib"), {},
                     {Node(QStringLiteral("edge_routing"), {},
                           {Node(QStringLiteral("routing_info"), {}, QByteArray("\x08\x02\x08\x05", 4))})}),
                compression);
        c->send(Node(QStringLiteral("notification"),
                     {fromServerAttr(), {QStringLiteral("type"), "server_sync"}, {QStringLiteral("id"), "n-77"}}),
                compression);
        c->flushCoalesced();
    }
}

void FakeWaServer::handleNode(FakeConnection *c, const Node &node)
{
    if (onNode && onNode(c, node))
        return;
    if (node.tag() != QLatin1String("iq"))
        return;
    const auto compression = compress ? NodeEncoder::Compression::Zlib : NodeEncoder::Compression::None;
    const QString id = node.attr("id");
    const QString xmlns = node.attr("xmlns");
    const QString type = node.attr("type");
    if (node.hasChild("pair-device-sign")) {
        ++pairDeviceSigns;
        lastPairDeviceSignValid =
            phone.checkPairDeviceSign(node, fromStdBytes(c->payload.device_pairing_data().e_ident()));
        emit pairDeviceSignReceived(lastPairDeviceSignValid);
        if (restartAfterPairing) {
            c->send(Node(QStringLiteral("stream:error"), {{QStringLiteral("code"), "515"}}), compression);
            QTimer::singleShot(0, c, [c] { c->close(); });
        }
        return;
    }
    if (xmlns == QLatin1String("encrypt") && type == QLatin1String("get") && node.hasChild("count")) {
        c->send(iq(QStringLiteral("result"), id,
                   {Node(QStringLiteral("count"), {{QStringLiteral("value"), QString::number(preKeyCount)}})}),
                compression);
    } else if (xmlns == QLatin1String("encrypt") && type == QLatin1String("set")) {
        preKeyCount += int(node.child("list").children().size());
        c->send(iq(QStringLiteral("result"), id), compression);
    } else if (xmlns == QLatin1String("passive")) {
        c->send(iq(QStringLiteral("result"), id), compression);
    } else if (xmlns == QLatin1String("w:p")) {
        if (!answerPings)
            return;
        QPointer<FakeConnection> guard(c);
        QTimer::singleShot(pingDelayMs, this, [this, guard, id, compression] {
            if (guard && guard->isOpen()) {
                ++pingsAnswered;
                guard->send(iq(QStringLiteral("result"), id), compression);
            }
        });
    } else if (xmlns == QLatin1String("md") && node.hasChild("remove-companion-device")) {
        c->send(iq(QStringLiteral("result"), id), compression);
    } else if (xmlns == QLatin1String("md") && node.hasChild("link_code_companion_reg")) {
        const Node reg = node.child("link_code_companion_reg");
        if (reg.attr("stage") == QLatin1String("companion_hello")) {
            c->wrappedCompanionEphemeral =
                reg.child("link_code_pairing_wrapped_companion_ephemeral_pub").contentBytes();
            c->codePhone = reg.jidAttr("jid") ? reg.jidAttr("jid")->user() : QString();
            c->codeRef = "code-ref-" + QByteArray::number(connections.size());
            c->send(iq(QStringLiteral("result"), id,
                       {Node(QStringLiteral("link_code_companion_reg"), {},
                             {Node(QStringLiteral("link_code_pairing_ref"), {}, c->codeRef)})}),
                    compression);
        } else if (reg.attr("stage") == QLatin1String("companion_finish")) {
            const QByteArray companionIdentity = reg.child("companion_identity_public").contentBytes();
            const QByteArray companionEphemeral = FakePhone::unwrap(lastCode, c->wrappedCompanionEphemeral);
            const QByteArray adv = phone.advSecretFromBundle(
                companionEphemeral, reg.child("link_code_pairing_wrapped_key_bundle").contentBytes(), companionIdentity);
            if (adv.isEmpty() || reg.child("link_code_pairing_ref").contentBytes() != c->codeRef) {
                c->send(iq(QStringLiteral("error"), id,
                           {Node(QStringLiteral("error"), {{QStringLiteral("code"), "400"}})}),
                        compression);
                return;
            }
            c->send(iq(QStringLiteral("result"), id), compression);
            c->send(phone.pairSuccess(companionIdentity, adv), compression);
        }
    }
}

bool FakeWaServer::scan(const QString &qr)
{
    const auto parsed = FakePhone::parseQr(qr);
    if (!parsed)
        return false;
    for (const auto &c : std::as_const(connections)) {
        if (c && c->refs.contains(parsed->ref) && c->isOpen()) {
            if (c->clientStatic != parsed->noise)
                return false;
            c->send(phone.pairSuccess(parsed->identity, parsed->adv),
                    compress ? NodeEncoder::Compression::Zlib : NodeEncoder::Compression::None);
            return true;
        }
    }
    return false;
}

bool FakeWaServer::enterCode(const QString &code)
{
    lastCode = QString(code).remove(QLatin1Char('-'));
    for (const auto &c : std::as_const(connections)) {
        if (c && !c->codeRef.isEmpty() && c->isOpen()) {
            const QList<Node> children{
                Node(QStringLiteral("link_code_pairing_ref"), {}, c->codeRef),
                Node(QStringLiteral("link_code_pairing_wrapped_primary_ephemeral_pub"), {},
                     phone.wrapEphemeral(lastCode)),
                Node(QStringLiteral("primary_identity_pub"), {}, phone.identity.pub),
            };
            c->send(Node(QStringLiteral("notification"),
                         {fromServerAttr(), {QStringLiteral("type"), "link_code_companion_reg"},
                          {QStringLiteral("id"), "lc-1"}},
                         {Node(QStringLiteral("link_code_companion_reg"), {{QStringLiteral("stage"), "primary_hello"}},
                               children)}),
                    compress ? NodeEncoder::Compression::Zlib : NodeEncoder::Compression::None);
            return true;
        }
    }
    return false;
}

} // namespace wagate::wa::test
