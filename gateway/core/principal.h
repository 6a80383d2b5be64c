#pragma once

#include "result.h"

#include <QFlags>
#include <QString>
#include <QStringList>

#include <optional>

namespace wagate {

//! Capabilities of API.md. A principal carries a set of them.
enum class Capability : unsigned {
    Read = 1u << 0,
    Manage = 1u << 1,
    Send = 1u << 2,
    Admin = 1u << 3,
};
Q_DECLARE_FLAGS(Capabilities, Capability)
Q_DECLARE_OPERATORS_FOR_FLAGS(Capabilities)

QString capabilityName(Capability c);
std::optional<Capability> capabilityFromName(QStringView name);
QStringList capabilityNames(Capabilities caps);
//! Parses "read,manage"; std::nullopt on an unknown name or an empty list.
std::optional<Capabilities> parseCapabilities(const QStringList &names);
const QList<Capability> &allCapabilities();

//! Roles of login JWTs and operator accounts, and what they allow.
std::optional<Capabilities> capabilitiesForRole(QStringView role);
const QStringList &allRoles();

//! Who is calling: an operator (login JWT) or a script (API key). Every engine call takes one.
struct Principal
{
    enum class Kind { User, ApiKey, System };
    Kind kind = Kind::User;
    QString organizationId;
    QString userId;   //!< for Kind::User
    QString apiKeyId; //!< for Kind::ApiKey
    QString role;     //!< for Kind::User
    QString displayName; //!< who this is for people: the operator's user name or the API key's name
    Capabilities capabilities;

    bool can(Capability c) const { return capabilities.testFlag(c); }
    //! Ok, or the one forbidden error that names the missing capability.
    Result<void> require(Capability c) const;
    //! The id written into createdByUserId and audit fields.
    QString actorId() const { return kind == Kind::ApiKey ? apiKeyId : userId; }

    //! The gateway itself acting in an organization (the command line, restores): every capability,
    //! recorded as actor.
    static Principal system(const QString &organizationId, const QString &actor = QStringLiteral("system"));
};

} // namespace wagate
