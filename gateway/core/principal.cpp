#include "principal.h"

namespace wagate {

const QList<Capability> &allCapabilities()
{
    static const QList<Capability> all{Capability::Read, Capability::Manage, Capability::Send,
                                       Capability::Admin};
    return all;
}

QString capabilityName(Capability c)
{
    switch (c) {
    case Capability::Read: return QStringLiteral("read");
    case Capability::Manage: return QStringLiteral("manage");
    case Capability::Send: return QStringLiteral("send");
    case Capability::Admin: return QStringLiteral("admin");
    }
    return {};
}

std::optional<Capability> capabilityFromName(QStringView name)
{
    for (Capability c : allCapabilities())
        if (name == capabilityName(c))
            return c;
    return std::nullopt;
}

QStringList capabilityNames(Capabilities caps)
{
    QStringList out;
    for (Capability c : allCapabilities())
        if (caps.testFlag(c))
            out << capabilityName(c);
    return out;
}

std::optional<Capabilities> parseCapabilities(const QStringList &names)
{
    Capabilities caps;
    for (const QString &raw : names) {
        const QString n = raw.trimmed();
        if (n.isEmpty())
            continue;
        const auto c = capabilityFromName(n);
        if (!c)
            return std::nullopt;
        caps |= *c;
    }
    if (!caps)
        return std::nullopt;
    return caps;
}

const QStringList &allRoles()
{
    static const QStringList roles{QStringLiteral("owner"), QStringLiteral("admin"),
                                   QStringLiteral("operator"), QStringLiteral("viewer")};
    return roles;
}

std::optional<Capabilities> capabilitiesForRole(QStringView role)
{
    const Capabilities all = Capability::Read | Capability::Manage | Capability::Send | Capability::Admin;
    if (role == u"owner" || role == u"admin")
        return all;
    if (role == u"operator")
        return Capability::Read | Capability::Manage | Capability::Send;
    if (role == u"viewer")
        return Capabilities(Capability::Read);
    return std::nullopt;
}

Principal Principal::system(const QString &organizationId, const QString &actor)
{
    Principal p;
    p.kind = Kind::System;
    p.organizationId = organizationId;
    p.userId = actor;
    p.role = QStringLiteral("owner");
    for (Capability c : allCapabilities())
        p.capabilities |= c;
    return p;
}

Result<void> Principal::require(Capability c) const
{
    if (can(c))
        return {};
    return Error::missingCapability(capabilityName(c));
}

} // namespace wagate
