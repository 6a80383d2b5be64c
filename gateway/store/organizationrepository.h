#pragma once

#include "core/result.h"

#include <QList>

namespace wagate {

class Database;

struct Organization
{
    QString id;
    QString name;
    qint64 createdAt = 0;
};

class OrganizationRepository
{
public:
    explicit OrganizationRepository(Database &db) : m_db(db) {}

    Result<void> insert(const Organization &org);
    Result<Organization> get(const QString &id);
    Result<QList<Organization>> list();

private:
    Database &m_db;
};

} // namespace wagate
