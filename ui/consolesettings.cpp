#include "consolesettings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace wagate {

namespace {

const QString kLanguage = QStringLiteral("console/language");

} // namespace

ConsoleSettings::ConsoleSettings(const QString &file) : m_file(file)
{
}

QString ConsoleSettings::defaultFile()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.config");
    return QDir(base).filePath(QStringLiteral("wagate/console.conf"));
}

QString ConsoleSettings::language() const
{
    return QSettings(m_file, QSettings::IniFormat).value(kLanguage).toString();
}

void ConsoleSettings::setLanguage(const QString &code)
{
    QSettings settings(m_file, QSettings::IniFormat);
    if (code.isEmpty())
        settings.remove(kLanguage);
    else
        settings.setValue(kLanguage, code);
}

} // namespace wagate
