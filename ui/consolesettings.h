#pragma once

#include <QString>

namespace wagate {

//! The console's own preferences, each one declared here with its key and its default, kept per
//! person in a small INI file (not in the data directory: that belongs to a gateway, these to
//! whoever sits at the keyboard).
class ConsoleSettings
{
public:
    explicit ConsoleSettings(const QString &file);

    //! $XDG_CONFIG_HOME/wagate/console.conf (usually ~/.config/wagate/console.conf).
    static QString defaultFile();
    QString file() const { return m_file; }

    //! The language chosen in the Language menu: a code such as "pt_BR", or "" to follow the system.
    QString language() const;
    void setLanguage(const QString &code);

private:
    QString m_file;
};

} // namespace wagate
