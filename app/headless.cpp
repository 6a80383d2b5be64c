// `wagate --headless`: the engine and the HTTP API without a window.
#include "core/logging.h"
#include "enginehost.h"
#include "modes.h"
#include "quitonsignal.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QTextStream>

namespace wagate {

int runHeadless(const CommandLine &cl)
{
    QTextStream err(stderr);
    if (QString problem; !ensureDataDir(cl.dataDir, &problem)) {
        err << "wagate: " << problem << Qt::endl;
        return 1;
    }
    std::unique_ptr<QLockFile> lock;
    if (!lockDataDir(cl, &lock)) {
        err << "wagate: another Wagate is already using " << cl.dataDir << Qt::endl;
        return 1;
    }

    QuitOnSignal quitOnSignal;
    if (!quitOnSignal.isValid()) {
        err << "wagate: cannot set up signal handling" << Qt::endl;
        return 1;
    }

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
    qCInfo(lcApp).noquote() << "stopped";
    return exitCode ? exitCode : loop;
}

} // namespace wagate
