#pragma once

#include "api/apiserver.h"
#include "engine/engine.h"

#include <QLockFile>
#include <QStringList>

#include <memory>

namespace wagate {

//! Everything the command line of PRODUCT.md can say, checked. The parser never exits the process:
//! main() decides what to print and which code to return.
struct CommandLine
{
    enum class Mode { Console, Headless, Subcommand, Help, Version };

    Mode mode = Mode::Console;
    QStringList subcommand; //!< e.g. {"orgs", "create", "Acme"}
    EngineConfig engine;
    ApiConfig api;
    QString dataDir;
    QString error;   //!< non-empty: print it and exit with code 2
    QString helpText;

    //! Options of subcommands (keys create / operators add).
    QString org, name, caps, username, role;
};

CommandLine parseCommandLine(const QStringList &arguments);

//! One option of the command line, as --help and the manual page (wagate.1) both say it.
struct CommandLineOption
{
    QStringList names;   //!< e.g. {"h", "help"}
    QString valueName;   //!< e.g. "HOST:PORT"; empty for a flag
    QString description; //!< "%1" in it stands for the default data directory
};
//! Every option, in the order --help lists them: the one table the parser and the manual share.
const QList<CommandLineOption> &commandLineOptions();

//! The ways to call wagate, as {synopsis, what it does}: the start of --help and the manual's synopsis.
const QList<QPair<QString, QString>> &commandLineUsage();

//! Creates the data directory if needed, readable by its owner only (it holds the store and the
//! console's profiles). Returns false with a message when it cannot.
bool ensureDataDir(const QString &dir, QString *error);

//! One process per SQLite data directory: a second one would share the sessions' WhatsApp
//! credentials and fight over their connections. Takes the directory's lock for this process (kept
//! in *lock while it runs); false when another process holds it. With PostgreSQL there is nothing
//! to lock (nodes share the database by design) and *lock stays empty.
bool lockDataDir(const CommandLine &cl, std::unique_ptr<QLockFile> *lock);

//! The default data directory: $XDG_DATA_HOME/wagate (usually ~/.local/share/wagate).
QString defaultDataDir();

} // namespace wagate
