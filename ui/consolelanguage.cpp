#include "consolelanguage.h"

#include "consolesettings.h"
#include "core/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace wagate {

QList<ConsoleLanguage::Language> ConsoleLanguage::available()
{
    return {
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("id"), QStringLiteral("Bahasa Indonesia")},
        {QStringLiteral("pt_BR"), QStringLiteral("Português (Brasil)")},
        {QStringLiteral("es"), QStringLiteral("Español")},
    };
}

ConsoleLanguage::ConsoleLanguage(ConsoleSettings *settings, QObject *parent) : QObject(parent), m_settings(settings)
{
}

ConsoleLanguage::~ConsoleLanguage()
{
    QCoreApplication::removeTranslator(&m_console);
    QCoreApplication::removeTranslator(&m_qt);
}

void ConsoleLanguage::applyRemembered()
{
    QString code = m_settings ? m_settings->language() : QString();
    bool known = code.isEmpty();
    for (const Language &l : available())
        known = known || l.code == code;
    if (!known) {
        qCWarning(lcUi) << "no translations for the remembered language" << code << "- following the system";
        code.clear();
    }
    apply(code);
}

void ConsoleLanguage::choose(const QString &code)
{
    if (m_settings)
        m_settings->setLanguage(code);
    apply(code);
}

void ConsoleLanguage::apply(const QString &code)
{
    QCoreApplication::removeTranslator(&m_console);
    QCoreApplication::removeTranslator(&m_qt);
    m_chosen = code;
    m_locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(m_locale);
    bool loaded = m_console.load(m_locale, QStringLiteral("wagate"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    // Another variety of a language we have (Portuguese of Portugal, say) reads better than English.
    for (const Language &l : available())
        if (!loaded && QLocale(l.code).language() == m_locale.language())
            loaded = m_console.load(QStringLiteral("wagate_") + l.code, QStringLiteral(":/i18n"));
    // A locale without a translation (say, German) keeps the English source texts.
    if (loaded)
        QCoreApplication::installTranslator(&m_console);
    // Qt's standard texts (a line edit's context menu …); installed separately on Debian.
    if (m_qt.load(m_locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    qCInfo(lcUi) << "console language" << (code.isEmpty() ? QStringLiteral("of the system") : code)
                 << (m_console.isEmpty() ? QStringLiteral("(English texts)") : m_console.language());
    emit changed();
}

} // namespace wagate
