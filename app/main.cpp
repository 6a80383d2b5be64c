// Wagate: parses the command line and hands over to the console, the headless engine or a
// subcommand. Nothing else lives here. Built twice: `wagate` with the console, and `wagate-headless`
// (WAGATE_NO_CONSOLE) without it, which runs headless whether or not --headless is given.
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
#ifdef WAGATE_NO_CONSOLE
    // This build has no console: without --headless it runs headless all the same.
    const CommandLine::Mode mode = cl.mode == CommandLine::Mode::Console ? CommandLine::Mode::Headless : cl.mode;
#else
    const CommandLine::Mode mode = cl.mode;
#endif
    switch (mode) {
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
#ifndef WAGATE_NO_CONSOLE
        return runConsole(cl, argc, argv);
#else
        break; // never: mapped to headless above
#endif
    }
    return 0;
}
