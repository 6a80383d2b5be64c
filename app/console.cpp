// `wagate`: the console. The window and its models live in ui/; this wires them to the engine.
#include "core/logging.h"
#include "enginefacadeimpl.h"
#include "enginehost.h"
#include "modes.h"
#include "quitonsignal.h"
#include "ui/consolecontroller.h"
#include "ui/consolelanguage.h"
#include "ui/consolesettings.h"

#include <QApplication>
#include <QDir>
#include <QLockFile>
#include <QTextStream>
#include <QWidget>

namespace wagate {

int runConsole(const CommandLine &cl, int &argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        QTextStream(stderr) << "wagate: no display found for the console.\n"
                               "Run the gateway without a window instead:\n"
                               "  wagate --headless --listen 127.0.0.1:8787\n"
                               "or start the console under a virtual display: xvfb-run -a wagate" << Qt::endl;
        return 1;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Wagate"));
    QApplication::setDesktopFileName(QStringLiteral("wagate"));
    // The controller decides when the console ends (sign-out closes the window but not the app).
    QApplication::setQuitOnLastWindowClosed(false);
    // The system's language, unless the Language menu chose another one.
    ConsoleSettings settings(ConsoleSettings::defaultFile());
    ConsoleLanguage language(&settings);
    language.applyRemembered();

    std::unique_ptr<QLockFile> lock; // as in headless mode: one process per SQLite data directory
    if (!lockDataDir(cl, &lock)) {
        QWidget *box = ConsoleController::explainDataDirInUse(cl.dataDir);
        QObject::connect(box, &QObject::destroyed, &app, [] { QApplication::exit(1); });
        return QApplication::exec();
    }

    QuitOnSignal quitOnSignal; // a logout or shutdown of the desktop stops the engine cleanly too
    EngineHost host(cl.engine, cl.api);
    EngineFacadeImpl facade(host, cl.dataDir);
    ConsoleController controller(facade);
    controller.setLanguage(&language);
    QObject::connect(&controller, &ConsoleController::quitRequested, &app, [](int code) { QApplication::exit(code); });
    controller.start();
    host.start();
    const int code = QApplication::exec();
    qCInfo(lcApp) << "stopping the console";
    host.stop();
    return code;
}

} // namespace wagate
