#include "jid.h"

#include <utility>

namespace wagate::wa {

namespace {

//! Strict unsigned decimal: digits only, no sign, no spaces; nothing if empty or above max.
std::optional<uint> parseNumber(QStringView text, uint max)
{
    if (text.isEmpty() || text.size() > 5)
        return std::nullopt;
    uint value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + uint(c.unicode() - u'0');
    }
    if (value > max)
        return std::nullopt;
    return value;
}

} // namespace

Jid::Jid(QString user, QString server, quint16 device)
    : m_user(std::move(user)), m_server(std::move(server)), m_device(device)
{
}

Jid Jid::serverJid()
{
    return Jid(QString(), JidServer::User);
}

Jid Jid::phone(const QString &number, quint16 device)
{
    return Jid(number, JidServer::User, device);
}

Jid Jid::fromAd(const QString &user, quint8 domain, quint16 device)
{
    switch (JidDomain(domain)) {
    case JidDomain::Lid:
        return Jid(user, JidServer::Lid, device);
    case JidDomain::Hosted:
        return Jid(user, JidServer::Hosted, device);
    case JidDomain::HostedLid:
        return Jid(user, JidServer::HostedLid, device);
    case JidDomain::WhatsApp:
        break;
    }
    Jid jid(user, JidServer::User, device);
    jid.m_agent = domain;
    return jid;
}

Jid Jid::messenger(const QString &user, quint16 device)
{
    return Jid(user, JidServer::Messenger, device);
}

Jid Jid::interop(const QString &user, quint16 device, quint16 integrator)
{
    Jid jid(user, JidServer::Interop, device);
    jid.m_integrator = integrator;
    return jid;
}

std::optional<Jid> Jid::parse(QStringView text)
{
    const qsizetype at = text.indexOf(u'@');
    if (at < 0 || text.indexOf(u'@', at + 1) >= 0)
        return std::nullopt;
    const QStringView server = text.mid(at + 1);
    if (server.isEmpty() || server.contains(u':'))
        return std::nullopt;
    QStringView user = text.left(at);

    Jid jid;
    jid.m_server = server.toString();

    if (const qsizetype colon = user.indexOf(u':'); colon >= 0) {
        const auto device = parseNumber(user.mid(colon + 1), 0xFFFF);
        if (!device)
            return std::nullopt;
        jid.m_device = quint16(*device);
        user = user.left(colon);
    }
    if (server == JidServer::Interop) {
        // Interop users carry their integrator in front: "12-user:3@interop".
        if (const qsizetype dash = user.indexOf(u'-'); dash >= 0) {
            if (const auto integrator = parseNumber(user.left(dash), 0xFFFF)) {
                jid.m_integrator = quint16(*integrator);
                user = user.mid(dash + 1);
            }
        }
    } else if (const qsizetype dot = user.indexOf(u'.'); dot >= 0) {
        // whatsmeow's form of a raw agent: "user.agent:device".
        const auto agent = parseNumber(user.mid(dot + 1), 0xFF);
        if (!agent)
            return std::nullopt;
        jid.m_agent = quint8(*agent);
        user = user.left(dot);
    }
    // A device or agent without a user names nothing.
    if (user.isEmpty() && (jid.m_device != 0 || jid.m_agent != 0 || jid.m_integrator != 0))
        return std::nullopt;
    jid.m_user = user.toString();
    return jid;
}

QString Jid::toString() const
{
    if (!isValid())
        return {};
    QString out;
    out.reserve(m_user.size() + m_server.size() + 12);
    // Interop JIDs always show their integrator (as Baileys prints them), so parse() is unambiguous.
    if (m_server == JidServer::Interop)
        out += QString::number(m_integrator) + u'-';
    out += m_user;
    if (m_agent != 0) {
        out += u'.' + QString::number(m_agent) + u':' + QString::number(m_device);
    } else if (m_device != 0) {
        out += u':' + QString::number(m_device);
    }
    out += u'@';
    out += m_server;
    return out;
}

quint8 Jid::domainType() const
{
    if (m_server == JidServer::User)
        return quint8(m_agent);
    if (m_server == JidServer::Lid)
        return quint8(JidDomain::Lid);
    if (m_server == JidServer::Hosted)
        return quint8(JidDomain::Hosted);
    if (m_server == JidServer::HostedLid)
        return quint8(JidDomain::HostedLid);
    return m_agent;
}

Jid Jid::withDevice(quint16 device) const
{
    Jid jid = *this;
    jid.m_device = device;
    return jid;
}

Jid Jid::toNonAd() const
{
    Jid jid(m_user, m_server);
    jid.m_integrator = m_integrator;
    return jid;
}

size_t qHash(const Jid &jid, size_t seed) noexcept
{
    return qHashMulti(seed, jid.user(), jid.server(), jid.device(), jid.agent(), jid.integrator());
}

QDebug operator<<(QDebug debug, const Jid &jid)
{
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "Jid(" << jid.toString() << ')';
    return debug;
}

} // namespace wagate::wa
