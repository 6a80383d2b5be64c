#include "operatorservice.h"

#include "core/offload.h"

#include "core/ids.h"
#include "core/logging.h"
#include "localissuer.h"
#include "store/organizationrepository.h"

#include <QDateTime>
#include <QThread>

namespace wagate {

namespace {

const QString kOwner = QStringLiteral("owner");

Error unknownOperator() { return Error::notFound(QStringLiteral("operator not found")); }

} // namespace

OperatorService::OperatorService(Database &db, const PasswordCost &cost, QObject *parent)
    : QObject(parent), m_db(db), m_cost(cost), m_repo(db)
{
    m_pool.setMaxThreadCount(1);
}

OperatorService::~OperatorService() = default; // the pool waits for its worker; its answer dies with this object

OperatorInfo OperatorService::info(const OperatorRecord &r)
{
    return {r.id, r.organizationId, r.username, r.role, r.createdAt, r.updatedAt, r.createdBy, r.lastLoginAt};
}

Result<void> OperatorService::authorize(const Principal &caller) const
{
    if (caller.organizationId.isEmpty())
        return Error::forbidden(QStringLiteral("the caller has no organization"));
    if (auto r = caller.require(Capability::Admin); !r)
        return r.error();
    return {};
}

bool OperatorService::mayManageOwners(const Principal &caller)
{
    return caller.kind == Principal::Kind::System || (caller.kind == Principal::Kind::User && caller.role == kOwner);
}

Result<void> OperatorService::keepsAnOwner(const OperatorRecord &target)
{
    if (target.role != kOwner)
        return {};
    auto owners = m_repo.countWithRole(target.organizationId, kOwner);
    if (!owners)
        return owners.error();
    if (*owners <= 1)
        return Error::failedPrecondition(QStringLiteral("an organization keeps at least one owner"));
    return {};
}

Result<QList<OperatorInfo>> OperatorService::list(const Principal &caller)
{
    if (auto r = authorize(caller); !r)
        return r.error();
    auto records = m_repo.list(caller.organizationId);
    if (!records)
        return records.error();
    QList<OperatorInfo> out;
    for (const OperatorRecord &r : *records)
        out.append(info(r));
    return out;
}

Result<OperatorInfo> OperatorService::get(const Principal &caller, const QString &operatorId)
{
    if (auto r = authorize(caller); !r)
        return r.error();
    if (!ids::isValidPathId(operatorId))
        return unknownOperator();
    auto record = m_repo.get(caller.organizationId, operatorId);
    if (!record)
        return record.error();
    return info(*record);
}

void OperatorService::add(const Principal &caller, const NewOperator &request, AddDone done)
{
    Q_ASSERT(QThread::currentThread() == thread());
    auto later = [this](AddDone d, const Error &e) { answerLater(this, std::move(d), Result<OperatorInfo>(e)); };
    if (auto r = authorize(caller); !r)
        return later(std::move(done), r.error());
    const auto username = LocalIssuer::normalizeUsername(request.username);
    if (!username)
        return later(std::move(done),
                           Error::invalidArgument(QStringLiteral("username must be 1 to 64 of a-z 0-9 . _ - @"),
                                                  QStringLiteral("username")));
    if (!capabilitiesForRole(request.role))
        return later(std::move(done),
                           Error::invalidArgument(QStringLiteral("role must be one of %1").arg(allRoles().join(u", ")),
                                                  QStringLiteral("role")));
    if (request.role == kOwner && !mayManageOwners(caller))
        return later(std::move(done), Error::forbidden(QStringLiteral("only an owner may create an owner")));
    if (auto r = passwords::validate(request.password); !r)
        return later(std::move(done), r.error());
    OrganizationRepository orgs(m_db);
    if (auto org = orgs.get(caller.organizationId); !org)
        return later(std::move(done), org.error().code == ErrorCode::NotFound
                                                ? Error::notFound(QStringLiteral("organization not found"))
                                                : org.error());
    // Fail fast on a taken name before spending a hash; the unique index still decides races.
    if (auto existing = m_repo.byUsername(caller.organizationId, *username); existing)
        return later(std::move(done),
                           Error::alreadyExists(QStringLiteral("an operator with this username already exists")));

    OperatorRecord record;
    record.id = ids::newUserId();
    record.organizationId = caller.organizationId;
    record.username = *username;
    record.role = request.role;
    record.createdBy = caller.actorId().isEmpty() ? QStringLiteral("system") : caller.actorId();

    const PasswordCost cost = m_cost;
    const QString password = request.password;
    offload(m_pool, this, [cost, password] { return passwords::hash(password, cost); },
            [this, record, done = std::move(done)](const Result<QString> &hash) mutable {
                if (!hash) {
                    done(hash.error());
                    return;
                }
                record.passwordHash = *hash;
                record.createdAt = record.updatedAt = QDateTime::currentMSecsSinceEpoch();
                if (auto r = m_repo.insert(record); !r) {
                    done(r.error());
                    return;
                }
                qCInfo(lcAuth).noquote() << "operator" << record.id << "added to" << record.organizationId << "as" << record.role;
                done(info(record));
            });
}

Result<OperatorInfo> OperatorService::setRole(const Principal &caller, const QString &operatorId, const QString &role)
{
    if (auto r = authorize(caller); !r)
        return r.error();
    if (!capabilitiesForRole(role))
        return Error::invalidArgument(QStringLiteral("role must be one of %1").arg(allRoles().join(u", ")),
                                      QStringLiteral("role"));
    if (!ids::isValidPathId(operatorId))
        return unknownOperator();
    auto target = m_repo.get(caller.organizationId, operatorId);
    if (!target)
        return target.error();
    if (target->role == role)
        return info(*target);
    if ((role == kOwner || target->role == kOwner) && !mayManageOwners(caller))
        return Error::forbidden(QStringLiteral("only an owner may grant or change the owner role"));
    if (auto r = keepsAnOwner(*target); !r)
        return r.error();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (auto r = m_repo.setRole(caller.organizationId, operatorId, role, now); !r)
        return r.error();
    m_current.remove(caller.organizationId + u'/' + operatorId);
    qCInfo(lcAuth).noquote() << "operator" << operatorId << "role" << target->role << "->" << role << "by" << caller.actorId();
    target->role = role;
    target->updatedAt = now;
    return info(*target);
}

Result<void> OperatorService::remove(const Principal &caller, const QString &operatorId)
{
    if (auto r = authorize(caller); !r)
        return r;
    if (!ids::isValidPathId(operatorId))
        return unknownOperator();
    auto target = m_repo.get(caller.organizationId, operatorId);
    if (!target)
        return target.error();
    if (target->role == kOwner && !mayManageOwners(caller))
        return Error::forbidden(QStringLiteral("only an owner may remove an owner"));
    if (auto r = keepsAnOwner(*target); !r)
        return r;
    if (auto r = m_repo.remove(caller.organizationId, operatorId); !r)
        return r;
    m_current.remove(caller.organizationId + u'/' + operatorId);
    qCInfo(lcAuth).noquote() << "operator" << operatorId << "removed by" << caller.actorId();
    return {};
}

Result<Principal> OperatorService::current(const Principal &fromToken)
{
    const QString key = fromToken.organizationId + u'/' + fromToken.userId;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto it = m_current.constFind(key);
    QString role;
    if (it != m_current.cend() && it->until > now) {
        role = it->role;
    } else {
        auto record = m_repo.get(fromToken.organizationId, fromToken.userId);
        if (!record && record.error().code != ErrorCode::NotFound)
            return record.error(); // the store is down: say so rather than guess either way
        role = record ? record->role : QString();
        if (m_current.size() > 10000)
            m_current.clear(); // bounded; operators are few
        m_current.insert(key, {role, now + kCacheMs});
    }
    if (role.isEmpty())
        return Error::unauthorized(QStringLiteral("this operator account no longer exists"));
    const auto caps = capabilitiesForRole(role);
    if (!caps)
        return Error::unauthorized(QStringLiteral("this operator account has an unknown role"));
    Principal p = fromToken;
    p.role = role;
    p.capabilities = *caps;
    return p;
}

} // namespace wagate
