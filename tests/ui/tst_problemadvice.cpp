// What the console tells support staff about a session in trouble: one row per code the engine
// reports (API.md's lastError table), in the status the engine reports it with.
#include "ui/problemadvice.h"

#include <QTest>

using namespace wagate;

Q_DECLARE_METATYPE(ProblemAdvice::Action)

class TestProblemAdvice : public QObject
{
    Q_OBJECT

private slots:
    void everyEngineCodeIsExplained_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("hasNumber");
        QTest::addColumn<QString>("what");
        QTest::addColumn<ProblemAdvice::Action>("action");
        using A = ProblemAdvice::Action;
        QTest::newRow("ban that ends") << int(SessionStatus::Reconnecting) << "temporarily_banned" << true
                                       << "banned this number for a while" << A::None;
        QTest::newRow("ban without an end") << int(SessionStatus::Failed) << "temporarily_banned" << true
                                            << "banned this number for a while" << A::Start;
        QTest::newRow("outdated client") << int(SessionStatus::Failed) << "client_outdated" << true << "too old" << A::Start;
        QTest::newRow("store refused") << int(SessionStatus::Failed) << "store_write_failed" << true
                                       << "could not record this number's state" << A::Start;
        QTest::newRow("keys not kept") << int(SessionStatus::Failed) << "credentials_unsealed" << true
                                       << "could not keep this number's new keys safe" << A::Start;
        QTest::newRow("replaced") << int(SessionStatus::Failed) << "replaced" << true << "Another connection" << A::Start;
        QTest::newRow("network") << int(SessionStatus::Reconnecting) << "connection_lost" << true << "reconnecting by itself" << A::None;
        QTest::newRow("unlinked") << int(SessionStatus::LoggedOut) << "device_removed" << false << "phone unlinked" << A::Link;
        QTest::newRow("codes ran out") << int(SessionStatus::Unpaired) << "qr_expired" << false << "QR codes ran out" << A::Link;
    }
    void everyEngineCodeIsExplained()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(bool, hasNumber);
        QFETCH(QString, what);
        QFETCH(ProblemAdvice::Action, action);
        SessionInfo s;
        s.status = SessionStatus(status);
        if (hasNumber)
            s.waJid = QStringLiteral("6281234567890:7@s.whatsapp.net");
        s.lastError = LastError{code, QStringLiteral("the engine's words"), 1};
        const ProblemAdvice a = ProblemAdvice::forSession(s);
        QVERIFY2(a.what.contains(what), qPrintable(a.what));
        QVERIFY(!a.toDo.isEmpty());
        QCOMPARE(a.action, action);
        QVERIFY(a.detail.contains(code));
    }
};

QTEST_GUILESS_MAIN(TestProblemAdvice)
#include "tst_problemadvice.moc"
