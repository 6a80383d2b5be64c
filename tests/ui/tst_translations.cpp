// Every text of the console is translated into every language it speaks. The .ts files are brought
// up to date from the sources (as `--target wagate_ui_lupdate` does, on a copy), and then nothing
// may be unfinished, obsolete or missing, and each translation keeps the placeholders and the
// keyboard accelerator of its source.
#include "ui/consolelanguage.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace wagate;

namespace {

const QString kTranslations = QStringLiteral(WAGATE_SOURCE_DIR "/translations");

//! %1, %L2, %n, %Ln … in order of appearance, sorted (translations may reorder them).
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(?:\\d+|n)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    out.sort();
    return out;
}

//! "&File" has an accelerator; "&&" and "R&D" in HTML-escaped form do not count.
bool hasAccelerator(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(?<!&)&(?!&)\\w"));
    return re.match(text).hasMatch();
}

struct Problems
{
    QStringList list;
    int messages = 0;
};

Problems check(const QString &tsFile)
{
    Problems p;
    QFile f(tsFile);
    if (!f.open(QIODevice::ReadOnly)) {
        p.list << QStringLiteral("cannot read %1").arg(tsFile);
        return p;
    }
    QXmlStreamReader xml(&f);
    QString context, source;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
            ++p.messages;
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const QString where = context + QStringLiteral(": ") + source;
            const QStringView type = xml.attributes().value(QLatin1String("type"));
            if (type == u"unfinished")
                p.list << QStringLiteral("unfinished or missing: ") + where;
            else if (type == u"obsolete" || type == u"vanished")
                p.list << QStringLiteral("obsolete (no longer in the sources): ") + where;
            QStringList forms;
            if (numerus) {
                while (xml.readNextStartElement())
                    forms << xml.readElementText();
            } else {
                forms << xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
            if (type == u"obsolete" || type == u"vanished" || type == u"unfinished")
                continue;
            for (const QString &form : forms) {
                if (form.isEmpty())
                    p.list << QStringLiteral("empty translation: ") + where;
                else if (placeholders(form) != placeholders(source))
                    p.list << QStringLiteral("placeholders differ: %1 → %2").arg(where, form);
                else if (hasAccelerator(source) != hasAccelerator(form))
                    p.list << QStringLiteral("keyboard accelerator (&) differs: %1 → %2").arg(where, form);
            }
        }
    }
    if (xml.hasError())
        p.list << QStringLiteral("%1: %2").arg(tsFile, xml.errorString());
    return p;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void upToDateAndComplete_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &file : QDir(kTranslations).entryList({QStringLiteral("wagate_*.ts")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(file)) << file.mid(7, file.size() - 10);
    }
    void upToDateAndComplete()
    {
        QFETCH(QString, language);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("wagate_%1.ts").arg(language));
        QVERIFY(QFile::copy(QStringLiteral("%1/wagate_%2.ts").arg(kTranslations, language), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

        // The same run as the wagate_ui_lupdate target; English, the source language, keeps only
        // its plural forms.
        QStringList args{QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                         QStringLiteral(WAGATE_SOURCE_DIR "/ui")};
        if (language == u"en")
            args << QStringLiteral("-pluralonly");
        args << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.start(QStringLiteral(WAGATE_LUPDATE), args);
        QVERIFY2(lupdate.waitForFinished(60000), "lupdate did not finish");
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        const Problems p = check(copy);
        QVERIFY2(p.list.isEmpty(), qPrintable(QStringLiteral("wagate_%1.ts, after lupdate:\n  %2\n(update with "
                                                             "`cmake --build <dir> --target wagate_ui_lupdate`, then translate)")
                                                   .arg(language, p.list.join(QStringLiteral("\n  ")))));
        QVERIFY(p.messages > 0);
    }

    //! Each language of the Language menu is built into the binary, and each .ts file is offered.
    void everyLanguageIsBuiltInAndOffered()
    {
        QStringList offered;
        for (const ConsoleLanguage::Language &l : ConsoleLanguage::available()) {
            offered << l.code;
            QVERIFY2(QFile::exists(QStringLiteral(":/i18n/wagate_%1.qm").arg(l.code)), qPrintable(l.code));
        }
        for (const QString &file : QDir(kTranslations).entryList({QStringLiteral("wagate_*.ts")}, QDir::Files))
            QVERIFY2(offered.contains(file.mid(7, file.size() - 10)), qPrintable(file + QStringLiteral(" is not in the Language menu")));
        QCOMPARE(offered.size(), 4);
    }

    //! The checker itself: a finished file passes, each kind of defect is reported.
    void theCheckFindsEachDefect_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fine") << "<message><source>Copy %1</source><translation>Salin %1</translation></message>" << "";
        QTest::newRow("unfinished") << "<message><source>Copy</source><translation type=\"unfinished\"></translation></message>"
                                    << "unfinished";
        QTest::newRow("vanished") << "<message><source>Copy</source><translation type=\"vanished\">Salin</translation></message>"
                                  << "obsolete";
        QTest::newRow("placeholder lost") << "<message><source>Copy %1</source><translation>Salin</translation></message>"
                                          << "placeholders";
        QTest::newRow("accelerator lost") << "<message><source>&amp;File</source><translation>Berkas</translation></message>"
                                          << "accelerator";
        QTest::newRow("plural form empty")
            << "<message numerus=\"yes\"><source>%n min</source><translation><numerusform>%n min</numerusform>"
               "<numerusform></numerusform></translation></message>"
            << "empty";
    }
    void theCheckFindsEachDefect()
    {
        QFETCH(QString, message);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("x.ts")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(("<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE TS><TS version=\"2.1\" language=\"id\"><context>"
                 "<name>C</name>" + message + "</context></TS>").toUtf8());
        f.close();
        const Problems p = check(f.fileName());
        if (expected.isEmpty())
            QVERIFY2(p.list.isEmpty(), qPrintable(p.list.join(u'\n')));
        else
            QVERIFY2(p.list.size() == 1 && p.list.first().contains(expected), qPrintable(p.list.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
