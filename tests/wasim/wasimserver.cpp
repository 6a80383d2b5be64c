#include "wasimserver.h"

#include "linkcodecrypto.h"
#include "pairingqr.h"
#include "phone.h"
#include "simconnection.h"
#include "stanzas.h"
#include "wasimlogging.h"

#include "wa/noise/certchain.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

namespace wagate::wasim {

namespace {

constexpr int kListenBacklog = 4096; // bursts of connecting load clients
constexpr qint64 kCertificateLifetime = 10LL * 365 * 24 * 3600;
constexpr int kMaxPushName = 64;

const QString kPath = QStringLiteral("/ws/chat");

bool isPhoneNumber(const QString &number)
{
    static const QRegularExpression re(QStringLiteral("^[1-9][0-9]{6,14}$"));
    return re.match(number).hasMatch();
}

} // namespace

WasimServer::WasimServer(const Faults &defaults, QObject *parent)
    : QObject(parent),
      m_root(wa::KeyPair::generate()),
      m_intermediate(wa::KeyPair::generate()),
      m_noiseKey(wa::KeyPair::generate()),
      m_defaultFaults(defaults),
      m_faults(defaults)
{
    rebuildCertificateChain();
}

WasimServer::~WasimServer()
{
    // Connections are children; delete them while the maps they are in still exist, without
    // reporting closes to a server that is going away.
    const auto connections = m_connections;
    m_connections.clear();
    for (SimConnection *c : connections)
        delete c;
}

bool WasimServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_tcp) {
        m_error = QStringLiteral("already listening");
        return false;
    }
    m_webSockets = new QWebSocketServer(QStringLiteral("wasim"), QWebSocketServer::NonSecureMode, this);
    m_webSockets->setMaxPendingConnections(1 << 20);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, [this] {
        while (m_webSockets->hasPendingConnections())
            acceptWebSocket(m_webSockets->nextPendingConnection());
    });

    // Our own listening socket, for a backlog that survives a burst of thousands of connects; the
    // WebSocket server only does the HTTP upgrade.
    m_tcp = new QTcpServer(this);
    m_tcp->setListenBacklogSize(kListenBacklog);
    m_tcp->setMaxPendingConnections(1 << 20);
    connect(m_tcp, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_tcp->nextPendingConnection())
            m_webSockets->handleConnection(socket);
    });
    if (!m_tcp->listen(address, port)) {
        m_error = m_tcp->errorString();
        delete m_tcp;
        m_tcp = nullptr;
        return false;
    }
    qCInfo(lcWasim) << "listening on" << url().toString();
    return true;
}

QString WasimServer::errorString() const
{
    return m_error;
}

void WasimServer::close()
{
    if (m_tcp)
        m_tcp->close();
    const auto connections = m_connections;
    for (SimConnection *c : connections)
        c->drop();
}

quint16 WasimServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl WasimServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(m_tcp ? m_tcp->serverAddress().toString() : QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(kPath);
    return url;
}

QByteArray WasimServer::rootPublicKey() const
{
    return m_root.pub;
}

void WasimServer::rebuildCertificateChain()
{
    const quint64 now = quint64(QDateTime::currentSecsSinceEpoch());
    quint64 notBefore = now - 3600;
    quint64 notAfter = now + kCertificateLifetime;
    if (m_faults.certificate == CertificateFault::Expired) {
        notBefore = now - 2 * 86400;
        notAfter = now - 3600;
    } else if (m_faults.certificate == CertificateFault::NotYetValid) {
        notBefore = now + 3600;
        notAfter = now + 2 * 86400;
    }
    const QByteArray leafKey = m_faults.certificate == CertificateFault::WrongLeafKey ? wa::KeyPair::generate().pub
                                                                                      : m_noiseKey.pub;
    const wa::KeyPair root = m_faults.certificate == CertificateFault::BadSignature ? wa::KeyPair::generate() : m_root;
    wa::CertChain chain = wa::CertChain::create(root, m_intermediate, leafKey, notBefore, notAfter);
    if (m_faults.certificate == CertificateFault::BadLeafSignature && !chain.leaf.signature.isEmpty())
        chain.leaf.signature[10] = char(chain.leaf.signature.at(10) ^ 0x40);
    m_certChain = chain.serialize();
}

void WasimServer::setFaults(const Faults &faults)
{
    const bool certificateChanged = faults.certificate != m_faults.certificate;
    m_faults = faults;
    if (certificateChanged)
        rebuildCertificateChain();
    qCInfo(lcWasim) << "faults changed";
}

Stats WasimServer::stats() const
{
    Stats s = m_stats;
    s.connections = m_connections.size();
    s.loggedIn = m_online.size();
    return s;
}

void WasimServer::resetStats()
{
    m_stats = {};
}

// --- connections ---------------------------------------------------------------------------------

void WasimServer::acceptWebSocket(QWebSocket *socket)
{
    if (!socket)
        return;
    if (socket->requestUrl().path() != kPath) {
        qCInfo(lcWasim) << "refused a WebSocket for path" << socket->requestUrl().path();
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unknown path"));
        socket->deleteLater();
        return;
    }
    auto *connection = new SimConnection(++m_nextConnectionId, socket, this);
    m_connections.insert(connection->id(), connection);
    qCDebug(lcWasimConn) << "connection" << connection->id() << "opened from" << socket->peerPort();
    emit connectionOpened(connection->id());
}

SimConnection *WasimServer::connectionById(quint64 id) const
{
    return m_connections.value(id);
}

void WasimServer::onClosed(SimConnection *connection)
{
    if (!m_connections.remove(connection->id()))
        return; // the server is being destroyed
    if (auto *reg = connection->registration()) {
        for (const QByteArray &ref : std::as_const(reg->refs))
            m_refs.remove(ref);
        if (reg->pairing || (reg->code && reg->code->ticket))
            failPairing(connection, QStringLiteral("connection-closed"));
    }
    if (connection->device().isValid() && m_online.value(connection->device()) == connection)
        m_online.remove(connection->device());
    qCDebug(lcWasimConn) << "connection" << connection->id() << "closed";
    emit connectionClosed(connection->id());
}

QList<ConnectionInfo> WasimServer::connections() const
{
    QList<ConnectionInfo> out;
    out.reserve(m_connections.size());
    for (const SimConnection *c : m_connections)
        out.append({c->id(), c->stateName(), c->device(), c->openedAt()});
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    return out;
}

int WasimServer::dropConnections(const wa::Jid &device)
{
    QList<SimConnection *> victims;
    for (SimConnection *c : std::as_const(m_connections)) {
        if (!device.isValid() || c->device() == device)
            victims.append(c);
    }
    for (SimConnection *c : victims)
        c->drop();
    if (!victims.isEmpty())
        qCInfo(lcWasim) << "dropped" << victims.size() << "connection(s)";
    return int(victims.size());
}

int WasimServer::sendStreamError(const StreamError &error, const wa::Jid &device)
{
    QList<SimConnection *> victims;
    for (SimConnection *c : std::as_const(m_connections)) {
        if (c->state() == SimConnection::State::Handshake || c->state() == SimConnection::State::Closing)
            continue;
        if (!device.isValid() || c->device() == device)
            victims.append(c);
    }
    const wa::Node node = stanzas::streamError(error);
    for (SimConnection *c : victims)
        c->finish(node);
    if (!victims.isEmpty())
        qCInfo(lcWasim) << "sent" << node << "to" << victims.size() << "connection(s)";
    return int(victims.size());
}

// --- phones --------------------------------------------------------------------------------------

Phone *WasimServer::findPhone(const QString &number) const
{
    auto it = m_phones.find(number);
    return it == m_phones.end() ? nullptr : it->second.get();
}

QString WasimServer::newLid()
{
    for (;;) {
        QString lid = QString::number(QRandomGenerator::global()->bounded(1, 10));
        for (int i = 0; i < 14; ++i)
            lid += QChar(u'0' + QRandomGenerator::global()->bounded(10));
        if (!m_lids.contains(lid))
            return lid;
    }
}

Result<PhoneInfo> WasimServer::addPhone(const QString &number, const QString &pushName, bool business)
{
    if (!isPhoneNumber(number))
        return Error::invalidArgument(QStringLiteral("phoneNumber must be 7 to 15 digits without '+' or a leading 0"),
                                      QStringLiteral("phoneNumber"));
    if (pushName.size() > kMaxPushName)
        return Error::invalidArgument(QStringLiteral("pushName is longer than 64 characters"), QStringLiteral("pushName"));
    if (findPhone(number))
        return Error::alreadyExists(QStringLiteral("a phone with this number exists"));
    const QString lid = newLid();
    auto phone = std::make_unique<Phone>(number, pushName, business, lid);
    const PhoneInfo info = phone->info();
    m_lids.insert(lid, number);
    m_phones.emplace(number, std::move(phone));
    qCInfo(lcWasim) << "phone" << number << "created" << (business ? "(business)" : "");
    return info;
}

std::optional<PhoneInfo> WasimServer::phone(const QString &number) const
{
    if (const Phone *p = findPhone(number))
        return p->info();
    return std::nullopt;
}

QList<PhoneInfo> WasimServer::phones() const
{
    QList<PhoneInfo> out;
    out.reserve(qsizetype(m_phones.size()));
    for (const auto &[number, phone] : m_phones)
        out.append(phone->info());
    return out;
}

DeviceInfo WasimServer::deviceInfo(const Phone &phone, quint16 index) const
{
    DeviceInfo info;
    info.phone = phone.number();
    info.device = index;
    info.jid = phone.jid(index);
    info.lid = phone.lidJid(index);
    if (const LinkedDevice *d = phone.device(index)) {
        info.noiseKey = d->noiseKey;
        info.identityKey = d->identityKey;
        info.platform = d->platform;
        info.displayName = d->displayName;
        info.linkedAt = d->linkedAt;
    }
    info.online = m_online.contains(info.jid);
    return info;
}

Result<QList<DeviceInfo>> WasimServer::devices(const QString &number) const
{
    const Phone *phone = findPhone(number);
    if (!phone)
        return Error::notFound(QStringLiteral("no phone with this number"));
    QList<DeviceInfo> out;
    for (auto it = phone->devices().cbegin(); it != phone->devices().cend(); ++it)
        out.append(deviceInfo(*phone, it.key()));
    return out;
}

Result<DeviceInfo> WasimServer::registerDevice(const QString &number, const QByteArray &noiseKey,
                                               const QByteArray &identityKey)
{
    Phone *phone = findPhone(number);
    if (!phone)
        return Error::notFound(QStringLiteral("no phone with this number"));
    if (noiseKey.size() != 32)
        return Error::invalidArgument(QStringLiteral("noiseKey must be 32 bytes"), QStringLiteral("noiseKey"));
    if (!identityKey.isEmpty() && identityKey.size() != 32)
        return Error::invalidArgument(QStringLiteral("identityKey must be 32 bytes"), QStringLiteral("identityKey"));
    const auto index = phone->reserveIndex();
    if (!index)
        return Error::failedPrecondition(QStringLiteral("the phone has no free device index (255 devices)"));
    LinkedDevice device;
    device.index = *index;
    device.noiseKey = noiseKey;
    device.identityKey = identityKey;
    device.keyIndex = phone->nextKeyIndex();
    device.linkedAt = QDateTime::currentSecsSinceEpoch();
    phone->addDevice(device);
    notifyDevicesChanged(*phone, *index, true);
    qCDebug(lcWasim) << "device" << phone->jid(*index) << "registered directly";
    return deviceInfo(*phone, *index);
}

Result<DeviceInfo> WasimServer::unlinkDevice(const QString &number, quint16 index)
{
    Phone *phone = findPhone(number);
    if (!phone)
        return Error::notFound(QStringLiteral("no phone with this number"));
    if (!phone->device(index))
        return Error::notFound(QStringLiteral("the phone has no device with this index"));
    const DeviceInfo info = deviceInfo(*phone, index);
    phone->removeDevice(index);
    m_pending.remove(info.jid);
    notifyDevicesChanged(*phone, index, false);
    if (SimConnection *live = m_online.value(info.jid)) {
        m_online.remove(info.jid);
        live->finish(stanzas::streamError(StreamError::deviceRemoved()));
    }
    qCInfo(lcWasim) << "device" << info.jid << "unlinked";
    emit deviceUnlinked(info);
    return info;
}

QString WasimServer::nextIqId()
{
    return QString::number(++m_nextIq);
}

QByteArray WasimServer::newRef()
{
    QByteArray random(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    return "2@" + random.toBase64();
}

} // namespace wagate::wasim
