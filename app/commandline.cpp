#include "commandline.h"

#include <QCommandLineParser>
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

CommandLine parseCommandLine(const QStringList &arguments)
{
    CommandLine cl;
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Wagate — a WhatsApp gateway console.\n\n"
        "  wagate                       the console\n"
        "  wagate --headless            engine + HTTP API, no window\n"
        "  wagate orgs create NAME      create an organization, print its id\n"
        "  wagate orgs list             list organizations\n"
        "  wagate keys create --org ORG --name N --caps read,manage,...   print a new API key once\n"
        "  wagate operators add --org ORG --username U --role ROLE        (password from stdin)"));
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the version."));
    const QCommandLineOption headless(QStringLiteral("headless"), QStringLiteral("Run the engine and the HTTP API without a window; logs go to stderr; SIGTERM stops cleanly."));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("HTTP API address (default 127.0.0.1:8787; port 0 picks a free port and prints it)."), QStringLiteral("HOST:PORT"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("SQLite database and local state (default: %1).").arg(defaultDataDir()), QStringLiteral("DIR"));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("Use PostgreSQL instead of SQLite: postgres://user:pass@host:port/db."), QStringLiteral("URL"));
    const QCommandLineOption gatewayId(QStringLiteral("gateway-id"), QStringLiteral("This node's id (default: derived from the host name)."), QStringLiteral("ID"));
    const QCommandLineOption allowedHost(QStringLiteral("allowed-host"), QStringLiteral("Also accept this name in the Host header (repeatable), e.g. behind a reverse proxy."), QStringLiteral("NAME"));
    const QCommandLineOption waUrl(QStringLiteral("wa-url"), QStringLiteral("WhatsApp endpoint (default wss://web.whatsapp.com/ws/chat)."), QStringLiteral("URL"));
    const QCommandLineOption waRootKey(QStringLiteral("wa-root-key"), QStringLiteral("Trusted certificate root public key, 64 hex digits (default WhatsApp's)."), QStringLiteral("HEX"));
    const QCommandLineOption jwks(QStringLiteral("jwks"), QStringLiteral("Trust login JWTs signed by the keys at this URL or file (repeatable)."), QStringLiteral("URL|FILE"));
    const QCommandLineOption jwtIssuer(QStringLiteral("jwt-issuer"), QStringLiteral("Required iss of external login JWTs."), QStringLiteral("ISS"));
    const QCommandLineOption jwtAudience(QStringLiteral("jwt-audience"), QStringLiteral("Required aud of external login JWTs."), QStringLiteral("AUD"));
    const QCommandLineOption secrets(QStringLiteral("secrets"), QStringLiteral("Where secrets live: keychain (default) or file:PATH (0600)."), QStringLiteral("keychain|file:PATH"));
    const QCommandLineOption org(QStringLiteral("org"), QStringLiteral("Organization id (keys create, operators add)."), QStringLiteral("ORG"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Name of the API key (keys create)."), QStringLiteral("N"));
    const QCommandLineOption caps(QStringLiteral("caps"), QStringLiteral("Capabilities of the API key: read,manage,send,admin (keys create)."), QStringLiteral("LIST"));
    const QCommandLineOption username(QStringLiteral("username"), QStringLiteral("Operator user name (operators add)."), QStringLiteral("U"));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("Operator role: owner, admin, operator, viewer (operators add)."), QStringLiteral("ROLE"));
    p.addOptions({help, version, headless, listen, dataDir, database, gatewayId, allowedHost, waUrl, waRootKey, jwks,
                  jwtIssuer, jwtAudience, secrets, org, name, caps, username, role});
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("orgs | keys | operators, and their arguments."), QStringLiteral("[command ...]"));

    if (!p.parse(arguments)) {
        cl.error = p.errorText();
        return cl;
    }
    cl.helpText = p.helpText();
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
