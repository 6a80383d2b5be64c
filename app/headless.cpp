// `wagate --headless`: the engine and the HTTP API without a window.
#include "core/logging.h"
#include "enginehost.h"
#include "modes.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace wagate {

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    // write() is async-signal-safe; the event loop picks it up.
    [[maybe_unused]] const auto n = ::write(g_signalFds[1], &c, 1);
}

} // namespace

int runHeadless(const CommandLine &cl)
{
    QTextStream err(stderr);
    if (QString problem; !ensureDataDir(cl.dataDir, &problem)) {
        err << "wagate: " << problem << Qt::endl;
        return 1;
    }
    std::unique_ptr<QLockFile> lock;
    if (cl.engine.database.url.isEmpty()) {
        // One process per SQLite data directory: a second one would share the sessions' WhatsApp
        // credentials and fight over their connections.
        lock = std::make_unique<QLockFile>(QDir(cl.dataDir).filePath(QStringLiteral("wagate.lock")));
        lock->setStaleLockTime(0);
        if (!lock->tryLock(0)) {
            err << "wagate: another Wagate is already using " << cl.dataDir << Qt::endl;
            return 1;
        }
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0) {
        err << "wagate: cannot set up signal handling" << Qt::endl;
        return 1;
    }
    QSocketNotifier notifier(g_signalFds[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, qApp, [&] {
        char c;
        [[maybe_unused]] const auto n = ::read(g_signalFds[0], &c, 1);
        qCInfo(lcApp).noquote() << "stopping";
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    EngineHost host(cl.engine, cl.api);
    int exitCode = 0;
    QObject::connect(&host, &EngineHost::started, qApp, [](const QString &baseUrl) {
        QTextStream out(stdout);
        out << "listening " << baseUrl << Qt::endl; // the one machine-readable line
    });
    QObject::connect(&host, &EngineHost::failed, qApp, [&exitCode](const QString &message) {
        QTextStream(stderr) << "wagate: " << message << Qt::endl;
        exitCode = 1;
        QCoreApplication::exit(1);
    });
    host.start();
    const int loop = QCoreApplication::exec();
    host.stop();
    ::close(g_signalFds[0]);
    ::close(g_signalFds[1]);
    qCInfo(lcApp).noquote() << "stopped";
    return exitCode ? exitCode : loop;
}

} // namespace wagate
