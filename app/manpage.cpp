#include "manpage.h"

#include "commandline.h"

#include <QStringList>

namespace wagate {

namespace {

//! Text for roff: backslashes and dashes escaped, no line starting with a control character.
QString roff(QString text)
{
    text.replace(u'\\', QStringLiteral("\\e"));
    text.replace(u'-', QStringLiteral("\\-"));
    if (text.startsWith(u'.') || text.startsWith(u'\''))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

QString bold(const QString &text)
{
    return QStringLiteral("\\fB%1\\fR").arg(roff(text));
}

QString italic(const QString &text)
{
    return QStringLiteral("\\fI%1\\fR").arg(roff(text));
}

} // namespace

QString manPage(const QString &version)
{
    QStringList m;
    m << QStringLiteral(".TH WAGATE 1 \"\" \"wagate %1\" \"User Commands\"").arg(roff(version));
    m << QStringLiteral(".SH NAME") << QStringLiteral("wagate \\- WhatsApp gateway: a desktop console, or the engine and HTTP API without a window");
    m << QStringLiteral(".SH SYNOPSIS");
    bool first = true;
    for (const auto &[synopsis, meaning] : commandLineUsage()) {
        if (!first)
            m << QStringLiteral(".br");
        first = false;
        m << QStringLiteral("%1 [\\fIOPTION\\fR]...").arg(bold(synopsis));
    }
    m << QStringLiteral(".SH DESCRIPTION")
      << QStringLiteral("Wagate is a WhatsApp gateway node: it keeps the WhatsApp connections of many numbers "
                        "(sessions) of many organizations as a linked device, and serves an HTTP API for scripts. "
                        "Without arguments it opens the console, where support staff see the live status of their "
                        "organization's sessions, start and stop them and link new numbers. With "
                        "\\fB\\-\\-headless\\fR it runs the same engine and API without a window, as the system "
                        "service \\fBwagate.service\\fR does. \\fBwagate-headless\\fR is the same program built without the "
                        "console (it does not link Qt Widgets), for servers; it always runs headless and takes "
                        "the same commands and options.");
    m << QStringLiteral(".SH COMMANDS");
    for (const auto &[synopsis, meaning] : commandLineUsage())
        m << QStringLiteral(".TP") << bold(synopsis) << roff(meaning);
    m << QStringLiteral(".SH OPTIONS");
    for (const CommandLineOption &o : commandLineOptions()) {
        QStringList names;
        for (const QString &n : o.names)
            names << bold((n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n);
        QString head = names.join(QStringLiteral(", "));
        if (!o.valueName.isEmpty())
            head += u' ' + italic(o.valueName);
        const QString text = o.description.contains(QStringLiteral("%1"))
                                 ? o.description.arg(QStringLiteral("$XDG_DATA_HOME/wagate, usually ~/.local/share/wagate"))
                                 : o.description;
        m << QStringLiteral(".TP") << head << roff(text);
    }
    m << QStringLiteral(".SH EXIT STATUS")
      << QStringLiteral("0 on success, 1 on a failure at run time (store unreachable, port taken, data directory in "
                        "use), 2 on a bad command line.");
    m << QStringLiteral(".SH FILES")
      << QStringLiteral(".TP") << bold(QStringLiteral("/var/lib/wagate"))
      << QStringLiteral("The system service's data directory: its SQLite database and, in \\fBsecrets\\fR (mode 0600), "
                        "its own secrets. Run subcommands for it as its user: "
                        "\\fBrunuser \\-u wagate \\-\\- wagate \\-\\-data\\-dir /var/lib/wagate orgs list\\fR.")
      << QStringLiteral(".TP") << bold(QStringLiteral("~/.config/wagate/console.conf"))
      << QStringLiteral("The console's preferences, such as the language chosen in its Language menu.");
    m << QStringLiteral(".SH SEE ALSO") << QStringLiteral("\\fBsystemctl\\fR(1), \\fBjournalctl\\fR(1)");
    return m.join(u'\n') + u'\n';
}

} // namespace wagate
