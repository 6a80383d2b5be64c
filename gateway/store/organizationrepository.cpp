#include "organizationrepository.h"

#include "database.h"

#include <QSqlQuery>
#include <QVariant>

namespace wagate {

namespace {

Organization readOrganization(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
}

} // namespace

Result<void> OrganizationRepository::insert(const Organization &org)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(org.id);
    q.addBindValue(org.name);
    q.addBindValue(org.createdAt);
    return m_db.exec(q);
}

Result<Organization> OrganizationRepository::get(const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT id, name, created_at FROM organizations WHERE id = ?"));
    q.addBindValue(id);
    return sql::one<Organization>(m_db, q, readOrganization, Error::notFound(QStringLiteral("organization not found")));
}

Result<QList<Organization>> OrganizationRepository::list()
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT id, name, created_at FROM organizations ORDER BY id"));
    return sql::all<Organization>(m_db, q, readOrganization);
}

} // namespace wagate
