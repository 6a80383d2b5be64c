// The rules every layer applies to a session, decided once in core: a number attached, a connected
// or active status, a phone number WhatsApp takes for a pairing code.
#include "core/session.h"

#include <QTest>

using namespace wagate;

class TestSessionRules : public QObject
{
    Q_OBJECT

private slots:
    void aNumberIsAttachedFromLinkingUntilUnlinking_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("hasJid");
        QTest::addColumn<bool>("attached");
        QTest::addColumn<bool>("connected");
        QTest::addColumn<bool>("active");
        using S = SessionStatus;
        QTest::newRow("new") << int(S::Unpaired) << false << false << false << false;
        QTest::newRow("unpaired with a stale jid") << int(S::Unpaired) << true << false << false << false;
        QTest::newRow("showing a QR code") << int(S::ScanQrCode) << false << false << false << true;
        QTest::newRow("showing a pairing code") << int(S::PairingCode) << false << false << false << true;
        QTest::newRow("linked, starting") << int(S::Starting) << true << true << true << true;
        QTest::newRow("working") << int(S::Working) << true << true << true << true;
        QTest::newRow("reconnecting") << int(S::Reconnecting) << true << true << true << true;
        QTest::newRow("stopped") << int(S::Stopped) << true << true << false << false;
        QTest::newRow("failed") << int(S::Failed) << true << true << false << false;
        QTest::newRow("logged out") << int(S::LoggedOut) << true << false << false << false;
    }
    void aNumberIsAttachedFromLinkingUntilUnlinking()
    {
        QFETCH(int, status);
        QFETCH(bool, hasJid);
        QFETCH(bool, attached);
        QFETCH(bool, connected);
        QFETCH(bool, active);
        QCOMPARE(hasNumberAttached(SessionStatus(status), hasJid), attached);
        SessionInfo s;
        s.status = SessionStatus(status);
        if (hasJid)
            s.waJid = QStringLiteral("6281234567890:7@s.whatsapp.net");
        QCOMPARE(s.hasNumberAttached(), attached);
        QCOMPARE(isConnectedStatus(SessionStatus(status)), connected);
        QCOMPARE(isActiveStatus(SessionStatus(status)), active);
    }

    void phoneNumbers_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<bool>("ok");
        QTest::newRow("Indonesia") << "6281234567890" << true;
        QTest::newRow("shortest") << "4912345" << true;
        QTest::newRow("longest") << "123456789012345" << true;
        QTest::newRow("too short") << "491234" << false;
        QTest::newRow("too long") << "1234567890123456" << false;
        QTest::newRow("a plus") << "+6281234567890" << false;
        QTest::newRow("spaces") << "62 812 3456" << false;
        QTest::newRow("a trunk zero") << "081234567890" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("other digits") << QString::fromUtf8("٦٢٨١٢٣٤٥٦٧٨٩٠") << false;
    }
    void phoneNumbers()
    {
        QFETCH(QString, digits);
        QFETCH(bool, ok);
        QCOMPARE(phoneNumberProblem(digits).isEmpty(), ok);
    }
};

QTEST_GUILESS_MAIN(TestSessionRules)
#include "tst_sessionrules.moc"
