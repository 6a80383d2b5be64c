// wasim: WhatsApp's server and phones, simulated on loopback over the real wire protocol.
//
//   wasim --listen 127.0.0.1:PORT --control 127.0.0.1:PORT2 [--refs 6 --first-ref-ms 60000 --ref-ms 20000]
//
// Prints three lines to stdout (the WebSocket URL, the control URL, the certificate root key) and
// logs to stderr. SIGTERM or SIGINT stop it cleanly.

#include "controlapi.h"
#include "controlhttpserver.h"
#include "wasimlogging.h"
#include "wasimserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <optional>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace wagate::wasim;

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFds[1], &byte, 1);
}

//! "HOST:PORT" with a numeric IPv4/IPv6 host ("[::1]:0" for IPv6).
std::optional<std::pair<QHostAddress, quint16>> parseEndpoint(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    const QHostAddress address(host);
    if (!ok || port > 65535 || address.isNull())
        return std::nullopt;
    return std::make_pair(address, quint16(port));
}

std::optional<int> parseMs(const QString &text, int min)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > 3600000)
        return std::nullopt;
    return value;
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "wasim: %s (see --help)\n", qPrintable(message));
    return 2;
}

//! Thousands of connections need more descriptors than the usual soft limit of 1024.
void raiseFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char **argv)
{
    // Timestamps help to read a log next to a client's; QT_MESSAGE_PATTERN still wins if set.
    qSetMessagePattern(QStringLiteral("%{time hh:mm:ss.zzz} %{category} %{type}: %{message}"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wasim"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "WhatsApp server and phone simulator over the real multi-device wire protocol, for tests on loopback."));
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("WebSocket address HOST:PORT (port 0 = any free port)."),
                                    QStringLiteral("host:port"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption control(QStringLiteral("control"),
                                     QStringLiteral("Control API address HOST:PORT (port 0 = any free port)."),
                                     QStringLiteral("host:port"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption refs(QStringLiteral("refs"), QStringLiteral("QR refs per registration (1-64)."),
                                  QStringLiteral("n"), QStringLiteral("6"));
    const QCommandLineOption firstRef(QStringLiteral("first-ref-ms"), QStringLiteral("Lifetime of the first ref."),
                                      QStringLiteral("ms"), QStringLiteral("60000"));
    const QCommandLineOption nextRef(QStringLiteral("ref-ms"), QStringLiteral("Lifetime of each further ref."),
                                     QStringLiteral("ms"), QStringLiteral("20000"));
    parser.addOptions({listen, control, refs, firstRef, nextRef});
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().constFirst()));

    const auto wsEndpoint = parseEndpoint(parser.value(listen));
    if (!wsEndpoint)
        return usageError(QStringLiteral("--listen needs HOST:PORT with a numeric host"));
    const auto controlEndpoint = parseEndpoint(parser.value(control));
    if (!controlEndpoint)
        return usageError(QStringLiteral("--control needs HOST:PORT with a numeric host"));
    Faults defaults;
    const auto refCount = parseMs(parser.value(refs), 1);
    const auto firstMs = parseMs(parser.value(firstRef), 0);
    const auto nextMs = parseMs(parser.value(nextRef), 0);
    if (!refCount || *refCount > 64)
        return usageError(QStringLiteral("--refs must be 1 to 64"));
    if (!firstMs || !nextMs)
        return usageError(QStringLiteral("--first-ref-ms and --ref-ms must be 0 to 3600000"));
    defaults.refs = *refCount;
    defaults.firstRefMs = *firstMs;
    defaults.refMs = *nextMs;

    raiseFileLimit();
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0) {
        std::perror("wasim: socketpair");
        return 1;
    }
    QSocketNotifier signalNotifier(g_signalFds[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalFds[0], &byte, 1);
        qCInfo(lcWasim) << "stopping";
        QCoreApplication::quit();
    });
    struct sigaction action{};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    ::signal(SIGPIPE, SIG_IGN);

    WasimServer server(defaults);
    if (!server.listen(wsEndpoint->first, wsEndpoint->second)) {
        std::fprintf(stderr, "wasim: cannot listen on %s: %s\n", qPrintable(parser.value(listen)),
                     qPrintable(server.errorString()));
        return 1;
    }
    ControlApi api(&server);
    ControlHttpServer http(&api);
    if (!http.listen(controlEndpoint->first, controlEndpoint->second)) {
        std::fprintf(stderr, "wasim: cannot listen on %s: %s\n", qPrintable(parser.value(control)),
                     qPrintable(http.errorString()));
        return 1;
    }

    QString controlHost = controlEndpoint->first.toString();
    if (controlEndpoint->first.protocol() == QAbstractSocket::IPv6Protocol)
        controlHost = QLatin1Char('[') + controlHost + QLatin1Char(']');
    std::printf("%s\ncontrol http://%s:%u\nroot-key %s\n", qPrintable(server.url().toString()),
                qPrintable(controlHost), unsigned(http.port()), server.rootPublicKey().toHex().constData());
    std::fflush(stdout);

    const int rc = QCoreApplication::exec();
    server.close();
    return rc;
}
