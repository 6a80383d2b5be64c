#pragma once

#include "core/principal.h"
#include "operatorrepository.h"
#include "passwords.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <functional>

namespace wagate {

class Database;

//! An operator account as shown to administrators: never the password hash.
struct OperatorInfo
{
    QString id;
    QString organizationId;
    QString username;
    QString role;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QString createdBy;
    qint64 lastLoginAt = 0; //!< 0 = never
};

//! What `POST /api/v1/operators` and `wagate operators add` ask for.
struct NewOperator
{
    QString username;
    QString role;
    QString password;
};

//! Administration of the local issuer's operator accounts, for the HTTP routes and the command line.
//! Every call takes the caller: it needs Capability::Admin and acts in the caller's organization only
//! (another organization's operator is not_found). Only an owner (or the System principal of the
//! command line) may grant, change or remove the owner role, and an organization's last owner can be
//! neither demoted nor removed.
class OperatorService : public QObject
{
    Q_OBJECT
public:
    using AddDone = std::function<void(Result<OperatorInfo>)>;

    OperatorService(Database &db, const PasswordCost &cost, QObject *parent = nullptr);
    ~OperatorService() override;

    //! The caller organization's operators, by username.
    Result<QList<OperatorInfo>> list(const Principal &caller);
    Result<OperatorInfo> get(const Principal &caller, const QString &operatorId);
    //! Creates an account (username case-insensitively unique per organization, role from allRoles(),
    //! password ≥ 10 characters). The password is hashed on a worker; done runs later on this thread.
    void add(const Principal &caller, const NewOperator &request, AddDone done);
    Result<OperatorInfo> setRole(const Principal &caller, const QString &operatorId, const QString &role);
    Result<void> remove(const Principal &caller, const QString &operatorId);

    static OperatorInfo info(const OperatorRecord &record);

    //! The operator a local login token names, as the account is now: its current role and
    //! capabilities, or unauthorized when it was removed. Read through a cache of a few seconds (as
    //! API keys are), which this service empties for an account it changes, so a change made here
    //! counts at once and one made on another node within kCacheMs.
    Result<Principal> current(const Principal &fromToken);
    static constexpr qint64 kCacheMs = 5000;

private:
    Result<void> authorize(const Principal &caller) const;
    static bool mayManageOwners(const Principal &caller);
    Result<void> keepsAnOwner(const OperatorRecord &target);

    struct Cached
    {
        QString role; //!< empty: the account does not exist
        qint64 until = 0;
    };
    QHash<QString, Cached> m_current; // by organization/operator id

    Database &m_db;
    PasswordCost m_cost;
    OperatorRepository m_repo;
    QThreadPool m_pool;
};

} // namespace wagate
