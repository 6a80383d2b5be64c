// `wagate`: the console. The window and its models live in ui/; this wires them to the engine.
#include "enginehost.h"
#include "modes.h"

#include <QApplication>
#include <QTextStream>

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
    Q_UNUSED(cl);
    return 0;
}

} // namespace wagate
