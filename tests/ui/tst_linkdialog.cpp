// Linking a number as the operator does it, against a real engine whose WhatsApp side is scripted:
// QR codes with their countdown, scanned, linked (the dialog closes itself), codes that run out,
// failures in plain words, no WhatsApp engine at all, and the pairing-code tab with its number input.
#include "enginefixture.h"
#include "ui/linknumberdialog.h"
#include "ui/qrcodewidget.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace wagate;
using namespace wagate::test;

namespace {

qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

const QString kQr = QStringLiteral("2@Xyz0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH,bm9pc2Uta2V5LWJhc2U2NA==,"
                                   "aWRlbnRpdHkta2V5LWJhc2U2NA==,YWR2LXNlY3JldC1iYXNlNjQ=");

} // namespace

class TestLinkDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<EngineFixture> m_engine;
    QString m_key;

    SessionInfo newSession(const QString &label)
    {
        auto r = std::make_shared<std::optional<Result<SessionInfo>>>();
        m_engine->facade().createSession(SessionCreate{label, {}, {}, {}, {}, {}}, [r](Result<SessionInfo> x) { *r = x; });
        if (!QTest::qWaitFor([&] { return r->has_value(); }, 10000) || !**r)
            return {};
        return ***r;
    }

    QString statusOverHttp(const QString &id)
    {
        return m_engine->http("GET", QStringLiteral("/api/v1/sessions/") + id, m_key).json.value(QStringLiteral("status")).toString();
    }

    std::unique_ptr<LinkNumberDialog> open(const SessionInfo &s, int tab = 0)
    {
        auto dialog = std::make_unique<LinkNumberDialog>(m_engine->facade(), s);
        dialog->tabs()->setCurrentIndex(tab);
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog.get()))
            return nullptr;
        return dialog;
    }

    static int countdownSeconds(const QString &text)
    {
        const auto m = QRegularExpression(QStringLiteral("in (\\d+) s")).match(text);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

private slots:
    void initTestCase()
    {
        m_engine = std::make_unique<EngineFixture>();
        QVERIFY(m_engine->start());
        const QString org = m_engine->createOrganization(QStringLiteral("Acme Support"));
        m_key = m_engine->createApiKey(org, QStringLiteral("console"), Capability::Read | Capability::Manage);
        QVERIFY(m_engine->useScriptedConnections());
        QVERIFY(m_engine->signIn(m_key));
    }

    void cleanupTestCase() { m_engine.reset(); }

    void qrCodeScannedLinkedAndClosed()
    {
        const SessionInfo s = newSession(QStringLiteral("Billing"));
        auto dialog = open(s);
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Link a number to “Billing”"));
        QCOMPARE(dialog->stage(), LinkNumberDialog::Stage::Requesting);
        QCOMPARE(dialog->messageText(), QStringLiteral("Connecting to WhatsApp…"));
        QTRY_COMPARE(m_engine->callsOf(s.id), QStringList{QStringLiteral("qr")});

        QVERIFY(m_engine->script(s.id, [](ScriptedConnection &c) { emit c.qrCode(kQr, now() + 20000); }));
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::ShowingCode);
        QrCodeWidget *qr = dialog->qrWidget();
        QVERIFY(qr->isVisible());
        QVERIFY(qr->modules() >= 21);
        const int seconds = countdownSeconds(dialog->messageText());
        QVERIFY2(seconds >= 18 && seconds <= 20, qPrintable(dialog->messageText()));
        QVERIFY(dialog->messageText().startsWith(QStringLiteral("This code changes in")));

        // What the phone's camera sees: a white quiet zone, dark finder modules, whole pixels.
        const QImage image = qr->grab().toImage();
        const int module = std::min(qr->width(), qr->height()) / (qr->modules() + 2 * QrCodeWidget::kQuietZone);
        QVERIFY(module >= 3);
        const QPoint origin((qr->width() - module * (qr->modules() + 8)) / 2, (qr->height() - module * (qr->modules() + 8)) / 2);
        auto pixel = [&](int mx, int my) { // centre of a module, quiet zone included
            return QColor(image.pixel(origin.x() + mx * module + module / 2, origin.y() + my * module + module / 2));
        };
        QCOMPARE(pixel(0, 0), QColor(Qt::white));
        QCOMPARE(pixel(3, 3), QColor(Qt::white));
        QCOMPARE(pixel(4, 4), QColor(Qt::black)); // the top-left finder pattern: ring, gap, centre
        QCOMPARE(pixel(5, 5), QColor(Qt::white));
        QCOMPARE(pixel(6, 6), QColor(Qt::black));
        for (int y = 0; y < qr->modules(); ++y)
            for (int x = 0; x < qr->modules(); ++x)
                QCOMPARE(pixel(x + 4, y + 4) == QColor(Qt::black), qr->isDark(x, y));
        EngineFixture::screenshot(dialog.get(), QStringLiteral("link-dialog-qr"));

        QSignalSpy linked(dialog.get(), &LinkNumberDialog::linked);
        QSignalSpy finished(dialog.get(), &QDialog::finished);
        QVERIFY(m_engine->script(s.id, [](ScriptedConnection &c) {
            emit c.paired(PairedAccount{QStringLiteral("6281234567890"), QStringLiteral("6281234567890:7@s.whatsapp.net"),
                                        QStringLiteral("99:7@lid"), QStringLiteral("android"), QString()});
        }));
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::Scanned);
        QCOMPARE(dialog->messageText(), QStringLiteral("Scanned — finishing on the phone…"));
        QVERIFY(m_engine->script(s.id, [](ScriptedConnection &c) { emit c.loggedIn(); }));
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::Linked);
        QCOMPARE(dialog->messageText(), QStringLiteral("Linked +62 812-3456-7890"));
        QCOMPARE(linked.count(), 1);
        QVERIFY(finished.wait(LinkNumberDialog::kCloseAfterLinkedMs + 3000)); // closes itself
        QCOMPARE(finished.first().first().toInt(), int(QDialog::Accepted));
        QVERIFY(!dialog->isVisible());
        QCOMPARE(statusOverHttp(s.id), QStringLiteral("working"));
    }

    void theCodesRunOutAndTryAgainAsksAnew()
    {
        const SessionInfo s = newSession(QStringLiteral("Sales"));
        auto dialog = open(s);
        QVERIFY(dialog);
        QTRY_VERIFY(!m_engine->callsOf(s.id).isEmpty());
        QVERIFY(m_engine->script(s.id, [](ScriptedConnection &c) { emit c.qrCode(kQr, now() + 20000); }));
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::ShowingCode);
        QVERIFY(m_engine->script(s.id, [](ScriptedConnection &c) { emit c.pairingExpired(); }));
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::Expired);
        QCOMPARE(dialog->messageText(), QStringLiteral("The codes ran out before the phone scanned one."));
        QVERIFY(dialog->retryButton()->isVisible());
        QCOMPARE(dialog->retryButton()->text(), QStringLiteral("Try again"));
        EngineFixture::screenshot(dialog.get(), QStringLiteral("link-dialog-expired"));

        dialog->retryButton()->click();
        QCOMPARE(dialog->stage(), LinkNumberDialog::Stage::Requesting);
        QTRY_COMPARE(statusOverHttp(s.id), QStringLiteral("starting"));
        QVERIFY(m_engine->script(s.id, [](ScriptedConnection &c) { emit c.qrCode(kQr + QStringLiteral("x"), now() + 20000); }));
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::ShowingCode);

        // Cancel while a code is on screen ends the pairing.
        dialog->reject();
        QTRY_COMPARE(statusOverHttp(s.id), QStringLiteral("unpaired"));
    }

    void aFailureIsSaidInPlainWords()
    {
        const SessionInfo s = newSession(QStringLiteral("Returns"));
        auto dialog = open(s);
        QVERIFY(dialog);
        QTRY_VERIFY(!m_engine->callsOf(s.id).isEmpty());
        QVERIFY(m_engine->script(s.id, [](ScriptedConnection &c) {
            emit c.disconnected(DisconnectKind::Fatal, QStringLiteral("multidevice_not_supported"),
                                QStringLiteral("The account does not support linked devices."));
        }));
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::Failed);
        QCOMPARE(dialog->messageText(), QStringLiteral("This WhatsApp account cannot link other devices. "
                                                       "Update WhatsApp on the phone, then link again."));
        QVERIFY(dialog->retryButton()->isVisible());
    }

    void aCodeSomeoneElseAskedForIsNotThrownAway()
    {
        const SessionInfo s = newSession(QStringLiteral("Shared line"));
        // A script (or a colleague) asked for a pairing code; it waits to be typed on the phone.
        bool begun = false;
        m_engine->facade().beginCodePairing(s.id, QStringLiteral("5511912345678"), [&](Result<SessionInfo> r) { begun = r.ok(); });
        QTRY_VERIFY(begun);
        QTRY_COMPARE(m_engine->callsOf(s.id), QStringList{QStringLiteral("code:5511912345678")});
        auto dialog = open(s); // the QR tab asks at once
        QVERIFY(dialog);
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::Failed);
        QCOMPARE(dialog->messageText(), QStringLiteral("Someone asked for a pairing code for this session; it is waiting to be typed "
                                                       "on the phone. Stop the session to start over with a QR code."));
        QCOMPARE(m_engine->callsOf(s.id), QStringList{QStringLiteral("code:5511912345678")}); // untouched
        dialog->reject();
        bool stopped = false;
        m_engine->facade().stopSession(s.id, [&](Result<SessionInfo> r) { stopped = r.ok(); });
        QTRY_VERIFY(stopped);
    }

    void withoutAWhatsAppEngineItSaysSo()
    {
        QVERIFY(m_engine->useScriptedConnections(false));
        const SessionInfo s = newSession(QStringLiteral("Night shift"));
        auto dialog = open(s);
        QVERIFY(dialog);
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::Failed);
        QVERIFY2(dialog->messageText().startsWith(QStringLiteral("Linking is not possible right now: the WhatsApp engine")),
                 qPrintable(dialog->messageText()));
        EngineFixture::screenshot(dialog.get(), QStringLiteral("link-dialog-unavailable"));
        QVERIFY(m_engine->useScriptedConnections(true));
        dialog->retryButton()->click(); // and once it is there, trying again works
        QTRY_COMPARE(m_engine->callsOf(s.id), QStringList{QStringLiteral("qr")});
        dialog->reject();
    }

    void thePhoneNumberTabTakesNumbersAsPeopleWriteThem_data()
    {
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("digits"); // "" = refused with a message
        QTest::newRow("national with its country") << "ID" << "0812-3456-7890" << "6281234567890";
        QTest::newRow("international") << "" << "+62 812-3456-7890" << "6281234567890";
        QTest::newRow("digits") << "" << "6281234567890" << "6281234567890";
        QTest::newRow("national without a country") << "" << "0812-3456-7890" << "";
        QTest::newRow("too short") << "ID" << "0812" << "";
        QTest::newRow("letters") << "ID" << "0812 abc" << "";
    }
    void thePhoneNumberTabTakesNumbersAsPeopleWriteThem()
    {
        QFETCH(QString, country);
        QFETCH(QString, typed);
        QFETCH(QString, digits);
        const SessionInfo s = newSession(QStringLiteral("Phone tab"));
        auto dialog = open(s, 1);
        QVERIFY(dialog);
        QCOMPARE(dialog->stage(), LinkNumberDialog::Stage::Idle); // nothing asked until the number is there
        dialog->countryBox()->setCurrentIndex(dialog->countryBox()->findData(country));
        QTest::keyClicks(dialog->phoneEdit(), typed);
        QCOMPARE(dialog->normalizedDigits(), digits);
        QCOMPARE(dialog->getCodeButton()->isEnabled(), !digits.isEmpty());
        if (digits.isEmpty())
            QVERIFY(!dialog->phoneProblem().isEmpty());
        else
            QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("normalizedPhone"))->text().contains(QStringLiteral("+62 812-3456-7890")));
        dialog->reject();
    }

    void aPairingCodeInLargeTypeThenLinked()
    {
        const SessionInfo s = newSession(QStringLiteral("Deliveries"));
        auto dialog = open(s, 1);
        QVERIFY(dialog);
        dialog->countryBox()->setCurrentIndex(dialog->countryBox()->findData(QStringLiteral("ID")));
        QTest::keyClicks(dialog->phoneEdit(), QStringLiteral("0812-3456-7890"));
        QTest::keyClick(dialog->phoneEdit(), Qt::Key_Return);
        QCOMPARE(dialog->stage(), LinkNumberDialog::Stage::Requesting);
        QCOMPARE(dialog->messageText(), QStringLiteral("Asking WhatsApp for a code for +62 812-3456-7890…"));
        QTRY_COMPARE(m_engine->callsOf(s.id), QStringList{QStringLiteral("code:6281234567890")});
        QVERIFY(m_engine->script(s.id, [](ScriptedConnection &c) { emit c.pairingCode(QStringLiteral("ABCD-EFGH"), now() + 60000); }));
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::ShowingCode);
        QCOMPARE(dialog->pairingCodeText(), QStringLiteral("ABCD-EFGH"));
        const int seconds = countdownSeconds(dialog->messageText());
        QVERIFY2(seconds >= 58 && seconds <= 60, qPrintable(dialog->messageText()));
        QVERIFY(dialog->messageText().startsWith(QStringLiteral("This code expires in")));
        EngineFixture::screenshot(dialog.get(), QStringLiteral("link-dialog-code"));

        // The QR tab says what is going on instead of starting a second attempt.
        dialog->tabs()->setCurrentIndex(0);
        QCOMPARE(dialog->messageText(), QStringLiteral("You are linking with a phone number (see the other tab)."));
        QCOMPARE(dialog->retryButton()->text(), QStringLiteral("Show a QR code instead"));
        QCOMPARE(dialog->method(), LinkNumberDialog::Method::Code);
        dialog->tabs()->setCurrentIndex(1);

        QSignalSpy finished(dialog.get(), &QDialog::finished);
        QVERIFY(m_engine->script(s.id, [](ScriptedConnection &c) { c.pairAs(QStringLiteral("6281234567890")); }));
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::Linked);
        QCOMPARE(dialog->messageText(), QStringLiteral("Linked +62 812-3456-7890"));
        QVERIFY(finished.wait(LinkNumberDialog::kCloseAfterLinkedMs + 3000));
        QCOMPARE(statusOverHttp(s.id), QStringLiteral("working"));
    }

    void switchingFromCodeToQrReplacesTheAttempt()
    {
        const SessionInfo s = newSession(QStringLiteral("Weekend desk"));
        auto dialog = open(s, 1);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->phoneEdit(), QStringLiteral("+55 11 98765-4321"));
        dialog->getCodeButton()->click();
        QTRY_COMPARE(m_engine->callsOf(s.id), QStringList{QStringLiteral("code:5511987654321")});
        QVERIFY(m_engine->script(s.id, [](ScriptedConnection &c) { emit c.pairingCode(QStringLiteral("WXYZ-1234"), now() + 60000); }));
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::ShowingCode);
        dialog->tabs()->setCurrentIndex(0);
        dialog->retryButton()->click(); // "Show a QR code instead"
        QCOMPARE(dialog->method(), LinkNumberDialog::Method::Qr);
        QTRY_COMPARE(m_engine->callsOf(s.id), QStringList{QStringLiteral("qr")}); // a new connection, asked for QR codes
        QVERIFY(m_engine->script(s.id, [](ScriptedConnection &c) { emit c.qrCode(kQr, now() + 20000); }));
        QTRY_COMPARE(dialog->stage(), LinkNumberDialog::Stage::ShowingCode);
        QVERIFY(!dialog->qrWidget()->isEmpty());
        dialog->reject();
        QTRY_COMPARE(statusOverHttp(s.id), QStringLiteral("unpaired"));
    }
};

QTEST_MAIN(TestLinkDialog)
#include "tst_linkdialog.moc"
