// The console in each language it speaks, against a real engine: the main window's actions, the
// words of every status, the counts in the status bar (with their plural forms), a dialog, numbers in
// the locale's own way — and the Language menu, which switches at once and is remembered.
#include "enginefixture.h"
#include "ui/consolecontroller.h"
#include "ui/consolelanguage.h"
#include "ui/consolesettings.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/sessiondialog.h"
#include "ui/sessionlistmodel.h"
#include "ui/sessionfilterproxy.h"
#include "ui/sessiontimelinemodel.h"
#include "ui/signindialog.h"

#include <QAction>
#include <QActionGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace wagate;
using namespace wagate::test;

namespace {

//! The sessions of the screenshots, one in each status; their labels as a team of that language
//! would name them.
struct Row
{
    SessionStatus status;
    const char *phone;
};
const Row kRows[] = {
    {SessionStatus::Working, "6281100001111"},      {SessionStatus::Reconnecting, "6281299990000"},
    {SessionStatus::ScanQrCode, "6280000000000"},   {SessionStatus::PairingCode, "6281377776666"},
    {SessionStatus::Stopped, "6281455554444"},      {SessionStatus::Starting, "6281533332222"},
    {SessionStatus::Failed, "5511987654321"},       {SessionStatus::LoggedOut, "6281611110000"},
    {SessionStatus::Unpaired, "6280000000001"},
};

QStringList menuTitles(QMainWindow *w)
{
    QStringList titles;
    for (QAction *a : w->menuBar()->actions())
        titles << a->text();
    return titles;
}

} // namespace

class TestLanguages : public QObject
{
    Q_OBJECT

    std::unique_ptr<EngineFixture> m_engine;
    QString m_key;
    QMap<SessionStatus, QString> m_ids;
    QTemporaryDir m_config;

    //! The table's words in the Status column for a session.
    static QString statusWords(MainWindow &w, const QString &id)
    {
        const QModelIndex i = w.model()->index(w.model()->rowOf(id), SessionListModel::StatusColumn);
        return i.data().toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        m_engine = std::make_unique<EngineFixture>();
        QVERIFY(m_engine->start());
        const QString org = m_engine->createOrganization(QStringLiteral("Acme Support"));
        m_key = m_engine->createApiKey(org, QStringLiteral("desk"), Capability::Read | Capability::Manage);
        QVERIFY(!m_key.isEmpty());
        QVERIFY(m_engine->useScriptedConnections());
        QVERIFY(m_engine->signIn(m_key));
        int n = 0;
        for (const Row &r : kRows) {
            const QString id = m_engine->sessionIn(r.status, QStringLiteral("Line %1").arg(++n), QString::fromLatin1(r.phone));
            QVERIFY2(!id.isEmpty(), qPrintable(QStringLiteral("session %1 did not reach its status").arg(n)));
            m_ids.insert(r.status, id);
        }
    }

    void cleanupTestCase()
    {
        m_engine.reset();
    }

    void cleanup()
    {
        QLocale::setDefault(QLocale::c());
    }

    void theMainWindowSpeaksTheLanguage_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("actions");   // New session, Start, Stop, Link a number, Delete
        QTest::addColumn<QStringList>("menus");
        QTest::addColumn<QStringList>("statuses");  // in the order of kRows
        QTest::addColumn<QString>("counts");        // one part of the status bar's counts
        QTest::addColumn<QStringList>("dialog");    // title, submit, cancel, tooltip of the hourly limit
        QTest::addColumn<QStringList>("labels");    // the sessions' names in the screenshot
        const QString fromTo = QStringLiteral("%1 60.000").arg(limits::kMinRatePerHour);
        QTest::newRow("id") << "id"
            << QStringList{"Sesi baru", "Mulai", "Hentikan", "Tautkan nomor", "Hapus"}
            << QStringList{"&Berkas", "&Sesi", "&Pesan", "&Tampilan", "Ba&hasa"}
            << QStringList{"Aktif", "Menyambung ulang", "Pindai kode QR", "Masukkan kode di ponsel", "Dihentikan",
                           "Memulai", "Gagal", "Dikeluarkan", "Belum ditautkan"}
            << "2 menunggu ponsel"
            << QStringList{"Sesi baru", "Buat", "Batal", "Dari " + QString(fromTo).replace(u' ', QStringLiteral(" sampai "))}
            << QStringList{"Penjualan", "Pengiriman", "Tagihan", "Retur", "Akhir pekan", "Pemasaran", "Shift malam",
                           "Keluhan", "Layanan pelanggan"};
        QTest::newRow("pt_BR") << "pt_BR"
            << QStringList{"Nova sessão", "Iniciar", "Parar", "Vincular número", "Excluir"}
            << QStringList{"&Arquivo", "&Sessão", "&Mensagens", "E&xibir", "&Idioma"}
            << QStringList{"Funcionando", "Reconectando", "Escaneie o QR code", "Digite o código no celular", "Parada",
                           "Iniciando", "Falha", "Desvinculada", "Não vinculada"}
            << "2 aguardando celular"
            << QStringList{"Nova sessão", "Criar", "Cancelar", "De " + QString(fromTo).replace(u' ', QStringLiteral(" a "))}
            << QStringList{"Vendas", "Entregas", "Cobrança", "Trocas", "Plantão de fim de semana", "Marketing", "Turno da noite",
                           "Reclamações", "Atendimento"};
        QTest::newRow("es") << "es"
            << QStringList{"Nueva sesión", "Iniciar", "Detener", "Vincular número", "Eliminar"}
            << QStringList{"&Archivo", "&Sesión", "&Mensajes", "&Ver", "&Idioma"}
            << QStringList{"Funcionando", "Reconectando", "Escanea el código QR", "Escribe el código en el teléfono", "Detenida",
                           "Iniciando", "Fallida", "Desvinculada", "Sin vincular"}
            << "2 esperando el teléfono"
            << QStringList{"Nueva sesión", "Crear", "Cancelar", "De " + QString(fromTo).replace(u' ', QStringLiteral(" a "))}
            << QStringList{"Ventas", "Envíos", "Facturación", "Devoluciones", "Fin de semana", "Marketing", "Turno de noche",
                           "Reclamaciones", "Atención al cliente"};
    }
    void theMainWindowSpeaksTheLanguage()
    {
        QFETCH(QString, code);
        QFETCH(QStringList, actions);
        QFETCH(QStringList, menus);
        QFETCH(QStringList, statuses);
        QFETCH(QString, counts);
        QFETCH(QStringList, dialog);
        QFETCH(QStringList, labels);

        // Named as that team would, so the screenshot reads as theirs.
        int n = 0;
        for (const Row &r : kRows) {
            auto renamed = std::make_shared<bool>(false);
            SessionPatch patch;
            patch.label = labels.value(n++);
            m_engine->facade().updateSession(m_ids.value(r.status), patch, [renamed](Result<SessionInfo> x) { *renamed = bool(x); });
            QTRY_VERIFY(*renamed);
        }

        ConsoleLanguage language(nullptr);
        language.choose(code);
        QCOMPARE(QLocale().name(), QLocale(code).name());
        MainWindow w(m_engine->facade());
        w.setOperatorName(QStringLiteral("alice"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.model()->isLoaded() && w.model()->rowCount() == int(std::size(kRows)));

        QCOMPARE((QStringList{w.newAction()->text(), w.startAction()->text(), w.stopAction()->text(), w.linkAction()->text(),
                              w.deleteAction()->text()}),
                 actions);
        QCOMPARE(menuTitles(&w).mid(0, 5), menus);
        n = 0;
        for (const Row &r : kRows)
            QCOMPARE(statusWords(w, m_ids.value(r.status)), statuses.value(n++));
        QVERIFY2(w.countsText().contains(counts), qPrintable(w.countsText()));
        QVERIFY2(!w.countsText().contains(QStringLiteral("working")), qPrintable(w.countsText()));

        SessionDialog *d = w.openNewSessionDialog();
        QVERIFY(d);
        QVERIFY(QTest::qWaitForWindowExposed(d));
        auto *buttons = d->findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QCOMPARE((QStringList{d->windowTitle(), d->submitButton()->text(), buttons->button(QDialogButtonBox::Cancel)->text(),
                              d->ratePerHourBox()->toolTip()}),
                 dialog);
        d->reject();

        // What a support team of that language sees (docs/images), with the same session selected as
        // in the English one.
        w.selectSession(m_ids.value(SessionStatus::Failed));
        QTRY_VERIFY(w.timeline()->isLoaded() && w.timeline()->rowCount() > 0);
        w.messageBar()->hide();
        EngineFixture::screenshot(&w, QStringLiteral("console-main-window-") + code);
    }

    void theLanguageMenuSwitchesAtOnceAndIsRemembered()
    {
        ConsoleSettings settings(m_config.filePath(QStringLiteral("console.conf")));
        ConsoleLanguage language(&settings);
        language.applyRemembered();
        QCOMPARE(language.chosen(), QString()); // nothing chosen yet: the system's language

        m_engine->facade().signOut();
        ConsoleController controller(m_engine->facade());
        controller.setLanguage(&language);
        QSignalSpy quit(&controller, &ConsoleController::quitRequested);
        controller.start();
        SignInDialog *signIn = controller.signInDialog();
        QVERIFY(signIn);
        QVERIFY(QTest::qWaitForWindowExposed(signIn));
        signIn->apiKeyKind()->click();
        QTest::keyClicks(signIn->apiKeyEdit(), m_key);
        signIn->rememberBox()->setChecked(false);
        QTRY_VERIFY(signIn->signInButton()->isEnabled());
        signIn->signInButton()->click();
        QTRY_VERIFY(controller.mainWindow() && controller.mainWindow()->model()->isLoaded());
        QPointer<MainWindow> english = controller.mainWindow();
        QCOMPARE(english->newAction()->text(), QStringLiteral("New session"));
        english->selectSession(m_ids.value(SessionStatus::Stopped));

        QAction *spanish = nullptr;
        for (QAction *a : english->languageActions()->actions())
            if (a->data().toString() == u"es")
                spanish = a;
        QVERIFY(spanish);
        QCOMPARE(spanish->text(), QStringLiteral("Español"));
        spanish->trigger();

        QTRY_VERIFY(!english);
        MainWindow *w = controller.mainWindow();
        QVERIFY(w);
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QCOMPARE(w->newAction()->text(), QStringLiteral("Nueva sesión"));
        QTRY_COMPARE(w->currentSessionId(), m_ids.value(SessionStatus::Stopped)); // still where the person was
        QVERIFY(w->languageActions()->checkedAction());
        QCOMPARE(w->languageActions()->checkedAction()->data().toString(), QStringLiteral("es"));
        QCOMPARE(quit.count(), 0); // a new window, not leaving

        // Remembered for the next start.
        QCOMPARE(settings.language(), QStringLiteral("es"));
        {
            ConsoleLanguage nextStart(&settings);
            nextStart.applyRemembered();
            QCOMPARE(nextStart.chosen(), QStringLiteral("es"));
            QCOMPARE(QCoreApplication::translate("wagate::MainWindow", "Sign out"), QStringLiteral("Salir de la cuenta"));
        }

        // Back to the system's language: the choice is forgotten.
        QAction *system = nullptr;
        for (QAction *a : w->languageActions()->actions())
            if (a->data().toString().isEmpty())
                system = a;
        QVERIFY(system);
        system->trigger();
        QTRY_VERIFY(controller.mainWindow() && controller.mainWindow() != w);
        QCOMPARE(settings.language(), QString());
        QCOMPARE(controller.mainWindow()->languageActions()->checkedAction(), controller.mainWindow()->languageActions()->actions().first());
    }
};

QTEST_MAIN(TestLanguages)
#include "tst_languages.moc"
