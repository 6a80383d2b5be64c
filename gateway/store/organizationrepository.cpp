#include "organizationrepository.h"

#include "database.h"

#include <QSqlQuery>
#include <QVariant>

namespace wagate {

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
    if (auto r = m_db.exec(q); !r)
        return r.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("organization not found"));
    Organization o{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
    q.finish();
    return o;
}

Result<QList<Organization>> OrganizationRepository::list()
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT id, name, created_at FROM organizations ORDER BY id"));
    if (auto r = m_db.exec(q); !r)
        return r.error();
    QList<Organization> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    q.finish();
    return out;
}

} // namespace wagate
