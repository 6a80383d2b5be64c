#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace wagate {

class Database;

//! An operator account of the local issuer. The password is only ever held as an Argon2id string.
struct OperatorRecord
{
    QString id;             //!< user_<ULID>; the `sub` of the operator's tokens
    QString organizationId;
    QString username;       //!< lower-case; unique within the organization
    QString role;           //!< one of allRoles()
    QString passwordHash;   //!< crypto_pwhash_str output ($argon2id$…)
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QString createdBy;
    qint64 lastLoginAt = 0; //!< 0 = never
};

//! SQL for the operators table (migration 2); portable between SQLite and PostgreSQL.
class OperatorRepository
{
public:
    explicit OperatorRepository(Database &db) : m_db(db) {}

    //! already_exists when the username is taken in that organization.
    Result<void> insert(const OperatorRecord &op);
    Result<OperatorRecord> byUsername(const QString &organizationId, const QString &username);
    Result<OperatorRecord> get(const QString &organizationId, const QString &id);
    Result<QList<OperatorRecord>> list(const QString &organizationId);
    Result<void> setRole(const QString &organizationId, const QString &id, const QString &role, qint64 at);
    Result<void> setPasswordHash(const QString &id, const QString &hash, qint64 at);
    Result<void> touchLogin(const QString &id, qint64 at);
    Result<void> remove(const QString &organizationId, const QString &id);
    //! How many operators of the organization hold role.
    Result<int> countWithRole(const QString &organizationId, const QString &role);

private:
    Database &m_db;
};

} // namespace wagate
