// Seeds a store for the benchmarks: an organization, an API key and N sessions, in one transaction.
// Prints the key on the first line and the session ids after it.
#include "auth/apikeys.h"
#include "core/ids.h"
#include "store/database.h"
#include "store/organizationrepository.h"
#include "store/sessionrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QTextStream>

using namespace wagate;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("data-dir"), QStringLiteral("SQLite data directory"), QStringLiteral("DIR")},
                  {QStringLiteral("database"), QStringLiteral("PostgreSQL URL"), QStringLiteral("URL")},
                  {QStringLiteral("count"), QStringLiteral("sessions to create"), QStringLiteral("N"), QStringLiteral("10000")},
                  {QStringLiteral("gateway-id"), QStringLiteral("gateway id of the sessions"), QStringLiteral("ID"), QStringLiteral("gw-bench")}});
    p.process(app);
    DatabaseConfig config;
    config.url = p.value(QStringLiteral("database"));
    config.sqlitePath = QDir(p.value(QStringLiteral("data-dir"))).filePath(QStringLiteral("wagate.db"));
    auto db = Database::open(config);
    if (!db) {
        QTextStream(stderr) << "seed: " << db.error().message << Qt::endl;
        return 1;
    }
    const Organization org{ids::newOrganizationId(), QStringLiteral("Bench"), QDateTime::currentMSecsSinceEpoch()};
    if (!OrganizationRepository(**db).insert(org))
        return 1;
    auto key = ApiKeyService(**db).create(Principal::system(org.id, QStringLiteral("bench")), QStringLiteral("bench"), Capability::Read | Capability::Manage);
    if (!key)
        return 1;
    QTextStream out(stdout);
    out << key->token << '\n';
    SessionRepository repo(**db);
    const int n = p.value(QStringLiteral("count")).toInt();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList idsMade;
    auto r = (*db)->transaction([&]() -> Result<void> {
        for (int i = 0; i < n; ++i) {
            SessionInfo s;
            s.id = ids::newUlid();
            s.organizationId = org.id;
            s.label = QStringLiteral("Bench %1").arg(i);
            s.gatewayId = p.value(QStringLiteral("gateway-id"));
            s.createdAt = s.updatedAt = s.statusChangedAt = now;
            s.createdByUserId = key->record.id;
            s.phoneNumber = QStringLiteral("62812%1").arg(i, 7, 10, QLatin1Char('0'));
            s.waJid = s.phoneNumber + QStringLiteral(":3@s.whatsapp.net");
            s.status = SessionStatus::Stopped;
            if (auto w = repo.insert(s); !w)
                return w;
            idsMade << s.id;
        }
        return {};
    });
    if (!r) {
        QTextStream(stderr) << "seed: " << r.error().message << Qt::endl;
        return 1;
    }
    for (const QString &id : idsMade)
        out << id << '\n';
    return 0;
}
