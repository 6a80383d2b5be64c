#include "operatorrepository.h"

#include "store/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace wagate {

namespace {

const QString kColumns = QStringLiteral(
    "id, organization_id, username, role, password_hash, created_at, updated_at, created_by, last_login_at");

OperatorRecord readOperator(const QSqlQuery &q)
{
    OperatorRecord o;
    o.id = q.value(0).toString();
    o.organizationId = q.value(1).toString();
    o.username = q.value(2).toString();
    o.role = q.value(3).toString();
    o.passwordHash = q.value(4).toString();
    o.createdAt = q.value(5).toLongLong();
    o.updatedAt = q.value(6).toLongLong();
    o.createdBy = q.value(7).toString();
    o.lastLoginAt = q.value(8).isNull() ? 0 : q.value(8).toLongLong();
    return o;
}

Error operatorNotFound() { return Error::notFound(QStringLiteral("operator not found")); }

} // namespace

Result<void> OperatorRepository::insert(const OperatorRecord &o)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("INSERT INTO operators (") + kColumns
                                 + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(o.id);
    q.addBindValue(o.organizationId);
    q.addBindValue(o.username);
    q.addBindValue(o.role);
    q.addBindValue(o.passwordHash);
    q.addBindValue(o.createdAt);
    q.addBindValue(o.updatedAt);
    q.addBindValue(o.createdBy);
    q.addBindValue(o.lastLoginAt ? QVariant(o.lastLoginAt) : QVariant(QMetaType::fromType<qint64>()));
    if (auto r = m_db.exec(q); !r) {
        if (r.error().code == ErrorCode::AlreadyExists)
            return Error::alreadyExists(QStringLiteral("an operator with this username already exists"));
        return r;
    }
    return {};
}

Result<OperatorRecord> OperatorRepository::byUsername(const QString &organizationId, const QString &username)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM operators WHERE organization_id = ? AND username = ?"));
    q.addBindValue(organizationId);
    q.addBindValue(username);
    return sql::one<OperatorRecord>(m_db, q, readOperator, operatorNotFound());
}

Result<OperatorRecord> OperatorRepository::get(const QString &organizationId, const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM operators WHERE id = ? AND organization_id = ?"));
    q.addBindValue(id);
    q.addBindValue(organizationId);
    return sql::one<OperatorRecord>(m_db, q, readOperator, operatorNotFound());
}

Result<QList<OperatorRecord>> OperatorRepository::list(const QString &organizationId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM operators WHERE organization_id = ? ORDER BY username"));
    q.addBindValue(organizationId);
    return sql::all<OperatorRecord>(m_db, q, readOperator);
}

Result<void> OperatorRepository::setRole(const QString &organizationId, const QString &id, const QString &role, qint64 at)
{
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("UPDATE operators SET role = ?, updated_at = ? WHERE id = ? AND organization_id = ?"));
    q.addBindValue(role);
    q.addBindValue(at);
    q.addBindValue(id);
    q.addBindValue(organizationId);
    return sql::changesOne(m_db, q, operatorNotFound());
}

Result<void> OperatorRepository::setPasswordHash(const QString &id, const QString &hash, qint64 at)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("UPDATE operators SET password_hash = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(hash);
    q.addBindValue(at);
    q.addBindValue(id);
    return m_db.exec(q);
}

Result<void> OperatorRepository::touchLogin(const QString &id, qint64 at)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("UPDATE operators SET last_login_at = ? WHERE id = ?"));
    q.addBindValue(at);
    q.addBindValue(id);
    return m_db.exec(q);
}

Result<void> OperatorRepository::remove(const QString &organizationId, const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("DELETE FROM operators WHERE id = ? AND organization_id = ?"));
    q.addBindValue(id);
    q.addBindValue(organizationId);
    return sql::changesOne(m_db, q, operatorNotFound());
}

Result<int> OperatorRepository::countWithRole(const QString &organizationId, const QString &role)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT COUNT(*) FROM operators WHERE organization_id = ? AND role = ?"));
    q.addBindValue(organizationId);
    q.addBindValue(role);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    const int n = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return n;
}

} // namespace wagate
