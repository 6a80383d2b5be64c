// `wagate orgs …`, `wagate keys …`: bootstrap a fresh install from the shell.
#include "auth/apikeys.h"
#include "auth/operatorservice.h"
#include "core/ids.h"
#include "modes.h"
#include "store/database.h"
#include "store/organizationrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QTextStream>

#include <termios.h>
#include <unistd.h>

namespace wagate {

namespace {

QTextStream &out() { static QTextStream s(stdout); return s; }
QTextStream &err() { static QTextStream s(stderr); return s; }

int fail(const QString &message, int code = 1)
{
    err() << "wagate: " << message << Qt::endl;
    return code;
}

int orgsCreate(Database &db, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100)
        return fail(QStringLiteral("an organization name is 1 to 100 characters"), 2);
    Organization org{ids::newOrganizationId(), trimmed, QDateTime::currentMSecsSinceEpoch()};
    if (auto r = OrganizationRepository(db).insert(org); !r)
        return fail(QStringLiteral("cannot create the organization: %1").arg(r.error().message));
    out() << org.id << Qt::endl;
    return 0;
}

int orgsList(Database &db)
{
    auto orgs = OrganizationRepository(db).list();
    if (!orgs)
        return fail(orgs.error().message);
    for (const Organization &o : *orgs)
        out() << o.id << '\t' << o.name << Qt::endl;
    return 0;
}

int keysCreate(Database &db, const CommandLine &cl)
{
    if (cl.org.isEmpty() || cl.name.isEmpty() || cl.caps.isEmpty())
        return fail(QStringLiteral("usage: wagate keys create --org ORG --name NAME --caps read,manage,send,admin"), 2);
    const auto caps = parseCapabilities(cl.caps.split(u','));
    if (!caps)
        return fail(QStringLiteral("--caps is a comma-separated list of read, manage, send, admin"), 2);
    if (auto org = OrganizationRepository(db).get(cl.org); !org)
        return fail(QStringLiteral("no organization %1 (see: wagate orgs list)").arg(cl.org), 2);
    ApiKeyService keys(db);
    auto created = keys.create(Principal::system(cl.org, QStringLiteral("cli")), cl.name, *caps);
    if (!created)
        return fail(created.error().message);
    // The secret alone on stdout, so KEY=$(wagate keys create …) works; the rest on stderr.
    out() << created->token << Qt::endl;
    err() << "created " << created->record.id << " (" << capabilityNames(*caps).join(u',')
          << "); the key is shown only now, keep it safe" << Qt::endl;
    return 0;
}

//! Reads one line from stdin; without echo when stdin is a terminal.
QString readPassword()
{
    const bool tty = ::isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        err() << "Password: " << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    }
    return line;
}

int operatorsAdd(Database &db, const CommandLine &cl)
{
    if (cl.org.isEmpty() || cl.username.isEmpty() || cl.role.isEmpty())
        return fail(QStringLiteral("usage: wagate operators add --org ORG --username U --role owner|admin|operator|viewer "
                                   "(the password is read from stdin)"), 2);
    if (!capabilitiesForRole(cl.role))
        return fail(QStringLiteral("--role is one of owner, admin, operator, viewer"), 2);
    if (auto org = OrganizationRepository(db).get(cl.org); !org)
        return fail(QStringLiteral("no organization %1 (see: wagate orgs list)").arg(cl.org), 2);
    const QString password = readPassword();
    const Principal system = Principal::system(cl.org, QStringLiteral("cli"));
    OperatorService operators(db, cl.engine.auth.passwordCost);
    int code = 1;
    operators.add(system, NewOperator{cl.username, cl.role, password}, [&](Result<OperatorInfo> r) {
        if (!r) {
            code = fail(r.error().message, r.error().code == ErrorCode::InvalidArgument ? 2 : 1);
        } else {
            out() << r->id << Qt::endl;
            err() << "operator " << r->username << " (" << r->role << ") added to " << cl.org << Qt::endl;
            code = 0;
        }
        QCoreApplication::exit(code);
    });
    QCoreApplication::exec(); // the password is hashed on a worker thread
    return code;
}

} // namespace

int runSubcommand(const CommandLine &cl)
{
    // A command's output is its answer; the store's chatter stays out of it (QT_LOGGING_RULES overrides).
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("wagate.*.info=false"));
    const QStringList &a = cl.subcommand;
    const QString group = a.value(0), verb = a.value(1);
    const bool known = (group == u"orgs" && ((verb == u"create" && a.size() == 3) || (verb == u"list" && a.size() == 2)))
                       || (group == u"keys" && verb == u"create" && a.size() == 2)
                       || (group == u"operators" && verb == u"add" && a.size() == 2);
    if (!known)
        return fail(QStringLiteral("unknown command \"%1\"; see wagate --help").arg(a.join(u' ')), 2);

    if (QString problem; !ensureDataDir(cl.dataDir, &problem))
        return fail(problem);
    DatabaseConfig config = cl.engine.database;
    config.connectionName = QStringLiteral("wagate-cli");
    auto db = Database::open(config);
    if (!db)
        return fail(QStringLiteral("cannot open the store: %1").arg(db.error().message));
    if (group == u"orgs")
        return verb == u"create" ? orgsCreate(**db, a.value(2)) : orgsList(**db);
    if (group == u"operators")
        return operatorsAdd(**db, cl);
    return keysCreate(**db, cl);
}

} // namespace wagate
