#pragma once

#include <QList>
#include <QLocale>
#include <QObject>
#include <QString>
#include <QTranslator>

namespace wagate {

class ConsoleSettings;

//! Which language the console speaks: the system's, unless the person chose one in the Language
//! menu (remembered in ConsoleSettings). Applying a language installs the console's translations
//! (built into the binary under :/i18n) and Qt's own ones for standard texts, and makes it the
//! default QLocale, so numbers, dates and times follow it too. Windows built afterwards speak it.
class ConsoleLanguage : public QObject
{
    Q_OBJECT
public:
    struct Language
    {
        QString code;       //!< "id", "pt_BR" …; also the suffix of the translation file
        QString nativeName; //!< the language in its own words, so anyone finds theirs
    };
    //! Every language the console has translations for, English first.
    static QList<Language> available();

    //! settings may be null (nothing is remembered then, e.g. in tests).
    explicit ConsoleLanguage(ConsoleSettings *settings, QObject *parent = nullptr);
    ~ConsoleLanguage() override;

    //! Applies the remembered choice, or the system's language when there is none.
    void applyRemembered();
    //! Applies a language ("" = the system's) and remembers the choice.
    void choose(const QString &code);
    //! The choice in force: a code of available(), or "" when following the system.
    QString chosen() const { return m_chosen; }
    //! The locale in force (the system's or the chosen language's).
    QLocale locale() const { return m_locale; }

signals:
    void changed();

private:
    void apply(const QString &code);

    ConsoleSettings *m_settings;
    QString m_chosen;
    QLocale m_locale;
    QTranslator m_console;
    QTranslator m_qt;
};

} // namespace wagate
