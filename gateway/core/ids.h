#pragma once

#include <QByteArray>
#include <QString>

namespace wagate {

//! Identifiers. Sessions are bare ULIDs; other resources carry a type prefix (org_, user_, key_).
//! ULIDs sort by creation time, which keyset pagination relies on.
namespace ids {

//! A new ULID (26 Crockford base32 characters). Monotonic within this process: two ids made in the
//! same millisecond still compare in creation order.
QString newUlid();
//! The same, at a given time (milliseconds since the epoch); for tests and imports.
QString newUlidAt(qint64 msecsSinceEpoch);
//! The timestamp part of a ULID, or -1 when it is not one.
qint64 ulidTime(const QString &ulid);
bool isUlid(const QString &text);

inline QString newSessionId() { return newUlid(); }
inline QString newOrganizationId() { return QStringLiteral("org_") + newUlid(); }
inline QString newUserId() { return QStringLiteral("user_") + newUlid(); }
inline QString newApiKeyId() { return QStringLiteral("key_") + newUlid(); }

//! A path id as API.md allows it: 1–64 characters of [A-Za-z0-9_-].
bool isValidPathId(QStringView id);

} // namespace ids

//! Cryptographically secure random bytes (libsodium).
QByteArray secureRandomBytes(int count);

} // namespace wagate
