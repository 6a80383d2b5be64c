#include "commandline.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

namespace wagate {

namespace {

//! "HOST:PORT" or "[V6]:PORT"; port 0 picks a free one.
bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const int p = text.mid(colon + 1).toInt(&ok);
    if (!ok || p < 0 || p > 65535)
        return false;
    QHostAddress a;
    if (host == u"localhost")
        a = QHostAddress::LocalHost;
    else if (!a.setAddress(host))
        return false;
    *address = a;
    *port = quint16(p);
    return true;
}

} // namespace

bool ensureDataDir(const QString &dir, QString *error)
{
    if (QDir(dir).exists())
        return true;
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create the data directory %1").arg(dir);
        return false;
    }
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

bool lockDataDir(const CommandLine &cl, std::unique_ptr<QLockFile> *lock)
{
    lock->reset();
    if (!cl.engine.database.url.isEmpty())
        return true;
    QDir().mkpath(cl.dataDir);
    auto held = std::make_unique<QLockFile>(QDir(cl.dataDir).filePath(QStringLiteral("wagate.lock")));
    held->setStaleLockTime(0);
    if (!held->tryLock(0))
        return false;
    *lock = std::move(held);
    return true;
}

QString defaultDataDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base.isEmpty() ? QDir::homePath() + QStringLiteral("/.local/share") : base).filePath(QStringLiteral("wagate"));
}

const QList<CommandLineOption> &commandLineOptions()
{
    static const QList<CommandLineOption> options = {
        {{QStringLiteral("h"), QStringLiteral("help")}, {}, QStringLiteral("Show this help.")},
        {{QStringLiteral("version")}, {}, QStringLiteral("Show the version.")},
        {{QStringLiteral("headless")}, {}, QStringLiteral("Run the engine and the HTTP API without a window; logs go to stderr; SIGTERM stops cleanly.")},
        {{QStringLiteral("listen")}, QStringLiteral("HOST:PORT"), QStringLiteral("HTTP API address (default 127.0.0.1:8787; port 0 picks a free port and prints it).")},
        {{QStringLiteral("data-dir")}, QStringLiteral("DIR"), QStringLiteral("SQLite database and local state (default: %1).")},
        {{QStringLiteral("database")}, QStringLiteral("URL"), QStringLiteral("Use PostgreSQL instead of SQLite: postgres://user:pass@host:port/db.")},
        {{QStringLiteral("gateway-id")}, QStringLiteral("ID"), QStringLiteral("This node's id (default: derived from the host name).")},
        {{QStringLiteral("allowed-host")}, QStringLiteral("NAME"), QStringLiteral("Also accept this name in the Host header (repeatable), e.g. behind a reverse proxy.")},
        {{QStringLiteral("wa-url")}, QStringLiteral("URL"), QStringLiteral("WhatsApp endpoint (default wss://web.whatsapp.com/ws/chat).")},
        {{QStringLiteral("wa-root-key")}, QStringLiteral("HEX"), QStringLiteral("Trusted certificate root public key, 64 hex digits (default WhatsApp's).")},
        {{QStringLiteral("wa-version")}, QStringLiteral("X.Y.Z"), QStringLiteral("WhatsApp Web version to present, e.g. 2.3000.1045649367; WhatsApp refuses outdated ones (405).")},
        {{QStringLiteral("message-retention-days")}, QStringLiteral("N"), QStringLiteral("Keep messages (sealed) this many days, then delete them (default 30).")},
        {{QStringLiteral("webhooks-public-only")}, {}, QStringLiteral("Refuse webhooks to loopback and private addresses (link-local ones are always refused).")},
        {{QStringLiteral("jwks")}, QStringLiteral("URL|FILE"), QStringLiteral("Trust login JWTs signed by the keys at this URL or file (repeatable).")},
        {{QStringLiteral("jwt-issuer")}, QStringLiteral("ISS"), QStringLiteral("Required iss of external login JWTs.")},
        {{QStringLiteral("jwt-audience")}, QStringLiteral("AUD"), QStringLiteral("Required aud of external login JWTs.")},
        {{QStringLiteral("secrets")}, QStringLiteral("keychain|file:PATH"), QStringLiteral("Where secrets live: keychain (default) or file:PATH (0600).")},
        {{QStringLiteral("org")}, QStringLiteral("ORG"), QStringLiteral("Organization id (keys create, operators add).")},
        {{QStringLiteral("name")}, QStringLiteral("N"), QStringLiteral("Name of the API key (keys create).")},
        {{QStringLiteral("caps")}, QStringLiteral("LIST"), QStringLiteral("Capabilities of the API key: read,manage,send,admin (keys create).")},
        {{QStringLiteral("username")}, QStringLiteral("U"), QStringLiteral("Operator user name (operators add).")},
        {{QStringLiteral("role")}, QStringLiteral("ROLE"), QStringLiteral("Operator role: owner, admin, operator, viewer (operators add).")},
    };
    return options;
}

const QList<QPair<QString, QString>> &commandLineUsage()
{
    static const QList<QPair<QString, QString>> usage = {
        {QStringLiteral("wagate"), QStringLiteral("the console")},
        {QStringLiteral("wagate --headless"), QStringLiteral("engine + HTTP API, no window")},
        {QStringLiteral("wagate orgs create NAME"), QStringLiteral("create an organization, print its id")},
        {QStringLiteral("wagate orgs list"), QStringLiteral("list organizations")},
        {QStringLiteral("wagate keys create --org ORG --name N --caps read,manage,..."), QStringLiteral("print a new API key once")},
        {QStringLiteral("wagate operators add --org ORG --username U --role ROLE"), QStringLiteral("(password from stdin)")},
    };
    return usage;
}

CommandLine parseCommandLine(const QStringList &arguments)
{
    CommandLine cl;
    QCommandLineParser p;
    QString description = QStringLiteral("Wagate — a WhatsApp gateway console.\n");
    for (const auto &[synopsis, meaning] : commandLineUsage())
        description += QStringLiteral("\n  %1 %2").arg(synopsis.leftJustified(synopsis.size() < 29 ? 28 : synopsis.size() + 2), meaning);
    p.setApplicationDescription(description);
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    auto option = [](const QString &name) {
        for (const CommandLineOption &o : commandLineOptions())
            if (o.names.contains(name))
                return QCommandLineOption(o.names, o.description.contains(QStringLiteral("%1")) ? o.description.arg(defaultDataDir()) : o.description,
                                          o.valueName);
        Q_UNREACHABLE();
    };
    const QCommandLineOption help = option(QStringLiteral("help"));
    const QCommandLineOption version = option(QStringLiteral("version"));
    const QCommandLineOption headless = option(QStringLiteral("headless"));
    const QCommandLineOption listen = option(QStringLiteral("listen"));
    const QCommandLineOption dataDir = option(QStringLiteral("data-dir"));
    const QCommandLineOption database = option(QStringLiteral("database"));
    const QCommandLineOption gatewayId = option(QStringLiteral("gateway-id"));
    const QCommandLineOption allowedHost = option(QStringLiteral("allowed-host"));
    const QCommandLineOption waUrl = option(QStringLiteral("wa-url"));
    const QCommandLineOption waRootKey = option(QStringLiteral("wa-root-key"));
    const QCommandLineOption waVersion = option(QStringLiteral("wa-version"));
    const QCommandLineOption retention = option(QStringLiteral("message-retention-days"));
    const QCommandLineOption publicHooks = option(QStringLiteral("webhooks-public-only"));
    const QCommandLineOption jwks = option(QStringLiteral("jwks"));
    const QCommandLineOption jwtIssuer = option(QStringLiteral("jwt-issuer"));
    const QCommandLineOption jwtAudience = option(QStringLiteral("jwt-audience"));
    const QCommandLineOption secrets = option(QStringLiteral("secrets"));
    const QCommandLineOption org = option(QStringLiteral("org"));
    const QCommandLineOption name = option(QStringLiteral("name"));
    const QCommandLineOption caps = option(QStringLiteral("caps"));
    const QCommandLineOption username = option(QStringLiteral("username"));
    const QCommandLineOption role = option(QStringLiteral("role"));
    for (const CommandLineOption &o : commandLineOptions())
        p.addOption(option(o.names.last()));
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("orgs | keys | operators, and their arguments."), QStringLiteral("[command ...]"));

    if (!p.parse(arguments)) {
        cl.error = p.errorText();
        return cl;
    }
    // helpText() names the program from QCoreApplication, which does not exist yet at this point.
    const QString program = arguments.isEmpty() ? QStringLiteral("wagate") : QFileInfo(arguments.first()).fileName();
    cl.helpText = p.helpText().replace(QLatin1String("<executable_name>"), program);
    if (p.isSet(help)) {
        cl.mode = CommandLine::Mode::Help;
        return cl;
    }
    if (p.isSet(version)) {
        cl.mode = CommandLine::Mode::Version;
        return cl;
    }


    cl.dataDir = p.isSet(dataDir) ? QDir(p.value(dataDir)).absolutePath() : defaultDataDir();
    cl.engine.database.sqlitePath = QDir(cl.dataDir).filePath(QStringLiteral("wagate.db"));
    if (p.isSet(database)) {
        cl.engine.database.url = p.value(database);
        if (!parsePostgresUrl(cl.engine.database.url)) {
            cl.error = QStringLiteral("--database must be postgres://user:pass@host:port/db");
            return cl;
        }
    }
    if (p.isSet(gatewayId)) {
        cl.engine.gatewayId = p.value(gatewayId);
        if (cl.engine.gatewayId.isEmpty() || cl.engine.gatewayId.size() > 64) {
            cl.error = QStringLiteral("--gateway-id must be 1 to 64 characters");
            return cl;
        }
    }
    if (p.isSet(listen) && !parseListen(p.value(listen), &cl.api.address, &cl.api.port)) {
        cl.error = QStringLiteral("--listen must be HOST:PORT, e.g. 127.0.0.1:8787 (port 0 picks a free port)");
        return cl;
    }
    cl.api.allowedHosts = p.values(allowedHost);

    if (p.isSet(waUrl)) {
        const QUrl url(p.value(waUrl), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss") || url.host().isEmpty()) {
            cl.error = QStringLiteral("--wa-url must be a ws:// or wss:// URL, e.g. wss://web.whatsapp.com/ws/chat");
            return cl;
        }
        cl.engine.whatsapp.url = url;
    }
    if (p.isSet(waRootKey)) {
        const QString hex = p.value(waRootKey).trimmed();
        const QByteArray key = QByteArray::fromHex(hex.toLatin1());
        static const QRegularExpression hexDigits(QStringLiteral("^[0-9A-Fa-f]{64}$"));
        if (!hexDigits.match(hex).hasMatch() || key.size() != 32) {
            cl.error = QStringLiteral("--wa-root-key must be 64 hex digits (a 32-byte public key)");
            return cl;
        }
        cl.engine.whatsapp.rootKey = key;
    }
    if (p.isSet(waVersion)) {
        static const QRegularExpression version(QStringLiteral("^([0-9]{1,9})\\.([0-9]{1,9})\\.([0-9]{1,10})$"));
        const auto m = version.match(p.value(waVersion).trimmed());
        const qulonglong tertiary = m.hasMatch() ? m.captured(3).toULongLong() : 0;
        if (!m.hasMatch() || tertiary > 0xFFFFFFFFull || m.captured(1).toUInt() == 0) {
            cl.error = QStringLiteral("--wa-version must be three numbers like 2.3000.1045649367 (the version WhatsApp Web "
                                      "shows under Settings, Help)");
            return cl;
        }
        wa::ClientProfile &profile = cl.engine.whatsapp.profile;
        profile.versionPrimary = m.captured(1).toUInt();
        profile.versionSecondary = m.captured(2).toUInt();
        profile.versionTertiary = quint32(tertiary);
    }

    if (p.isSet(retention)) {
        bool ok = false;
        const int days = p.value(retention).toInt(&ok);
        if (!ok || days < 1 || days > 3650) {
            cl.error = QStringLiteral("--message-retention-days must be a number of days from 1 to 3650");
            return cl;
        }
        cl.engine.messageRetentionDays = days;
    }

    cl.engine.webhookPrivateTargets = !p.isSet(publicHooks);

    AuthConfig &auth = cl.engine.auth;
    auth.jwks = p.values(jwks);
    auth.jwtIssuer = p.value(jwtIssuer);
    auth.jwtAudience = p.value(jwtAudience);
    if (p.isSet(secrets)) {
        auth.secrets = p.value(secrets);
        if (auth.secrets.startsWith(QStringLiteral("file:")) && !auth.secrets.mid(5).isEmpty())
            auth.secrets = QStringLiteral("file:") + QDir(auth.secrets.mid(5)).absolutePath();
    }
    if (auto r = auth.validate(); !r) {
        cl.error = r.error().message;
        return cl;
    }

    cl.org = p.value(org);
    cl.name = p.value(name);
    cl.caps = p.value(caps);
    cl.username = p.value(username);
    cl.role = p.value(role);

    const QStringList positional = p.positionalArguments();
    if (!positional.isEmpty()) {
        cl.mode = CommandLine::Mode::Subcommand;
        cl.subcommand = positional;
        return cl;
    }
    cl.mode = p.isSet(headless) ? CommandLine::Mode::Headless : CommandLine::Mode::Console;
    return cl;
}

} // namespace wagate
