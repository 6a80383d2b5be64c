// Wagate: parses the command line and hands over to the console, the headless engine or a
// subcommand. Nothing else lives here.
#include "commandline.h"
#include "modes.h"

#include <QCoreApplication>
#include <QTextStream>

#include <memory>

using namespace wagate;

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setApplicationName(QStringLiteral("wagate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WAGATE_VERSION));
    const CommandLine cl = parseCommandLine(arguments);

    QTextStream out(stdout), err(stderr);
    if (!cl.error.isEmpty()) {
        err << "wagate: " << cl.error << "\n(see wagate --help)" << Qt::endl;
        return 2;
    }
    switch (cl.mode) {
    case CommandLine::Mode::Help:
        out << cl.helpText;
        return 0;
    case CommandLine::Mode::Version:
        out << "wagate " << WAGATE_VERSION << Qt::endl;
        return 0;
    case CommandLine::Mode::Subcommand: {
        QCoreApplication app(argc, argv);
        return runSubcommand(cl);
    }
    case CommandLine::Mode::Headless: {
        QCoreApplication app(argc, argv);
        // Logs to stderr with a timestamp and level; QT_MESSAGE_PATTERN still overrides this.
        qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-debug}debug%{endif}%{if-info}info%{endif}"
                                          "%{if-warning}warning%{endif}%{if-critical}error%{endif}%{if-fatal}fatal%{endif} "
                                          "%{if-category}%{category}: %{endif}%{message}"));
        return runHeadless(cl);
    }
    case CommandLine::Mode::Console:
        return runConsole(cl, argc, argv);
    }
    return 0;
}
