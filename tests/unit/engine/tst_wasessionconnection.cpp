// The one adapter between the WhatsApp connection and the lifecycle: every outcome of an attempt
// mapped to what the lifecycle does (wipe the credentials or not, retry, wait, give up) and to the
// lastError.code API.md promises; stored credentials that cannot be read; and a temporary ban's end
// carried from WhatsApp's <failure> through to the lifecycle (against the fake WhatsApp).
#include "engine/wasessionconnection.h"
#include "waconnectiontestsupport.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace wagate;
using wagate::wa::DisconnectOutcome;


class TestWaSessionConnection : public QObject
{
    Q_OBJECT

private slots:
    void everyOutcomeMapsToAKindAndACode_data()
    {
        QTest::addColumn<DisconnectOutcome>("outcome");
        QTest::addColumn<DisconnectKind>("kind");
        QTest::addColumn<QString>("code");
        using O = DisconnectOutcome;
        using K = DisconnectKind;
        QTest::newRow("network") << O::Retryable << K::Retryable << "connection_lost";
        QTest::newRow("515 restart") << O::Restart << K::Retryable << "connection_lost";
        QTest::newRow("closed") << O::Closed << K::Retryable << "connection_lost";
        QTest::newRow("handshake") << O::HandshakeFailed << K::Retryable << "handshake_failed";
        QTest::newRow("bad frame") << O::ProtocolError << K::Retryable << "protocol_error";
        QTest::newRow("huge frame") << O::FrameTooLarge << K::Retryable << "protocol_error";
        QTest::newRow("unlinked: credentials wiped") << O::LoggedOut << K::LoggedOut << "logged_out";
        QTest::newRow("banned: credentials wiped") << O::Banned << K::LoggedOut << "banned";
        QTest::newRow("replaced") << O::Replaced << K::Replaced << "replaced";
        QTest::newRow("temporary ban: waited out") << O::TemporarilyBanned << K::Suspended << "temporarily_banned";
        QTest::newRow("outdated") << O::Outdated << K::Fatal << "client_outdated";
        QTest::newRow("rejected") << O::Rejected << K::Fatal << "login_rejected";
        QTest::newRow("certificate") << O::BadCertificate << K::Fatal << "bad_certificate";
        QTest::newRow("pairing failed") << O::PairingFailed << K::Fatal << "pairing_failed";
        QTest::newRow("codes ran out") << O::PairingExpired << K::Fatal << "qr_expired";
    }
    void everyOutcomeMapsToAKindAndACode()
    {
        QFETCH(DisconnectOutcome, outcome);
        QFETCH(DisconnectKind, kind);
        QFETCH(QString, code);
        QCOMPARE(WaSessionConnection::kindOf(outcome), kind);
        QCOMPARE(WaSessionConnection::errorCode(outcome), code);
        // Credentials are wiped exactly where WhatsApp revoked them.
        QCOMPARE(kind == DisconnectKind::LoggedOut, wa::credentialsRevoked(outcome));
    }

    void unreadableCredentialsEndEveryAttemptSayingSo()
    {
        WaSessionConnection c(QByteArray("not a serialized AuthState \x01\x02", 29), wa::WaConnectionOptions{});
        QSignalSpy ended(&c, &SessionConnection::disconnected);
        c.connectToWhatsApp();
        QCOMPARE(ended.size(), 0); // like any outcome: on the next turn of the event loop
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.first().at(0).value<DisconnectKind>(), DisconnectKind::Fatal);
        QCOMPARE(ended.first().at(1).toString(), QStringLiteral("credentials_unreadable"));
        QVERIFY(ended.first().at(2).toString().contains(QStringLiteral("Link the number again")));
        c.connectToWhatsApp(); // and every attempt after
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.size(), 2);
    }

    void aTemporaryBanSaysWhenItEnds()
    {
        wa::test::FakeWaServer server;
        QVERIFY(server.listen());
        server.loginFailure = 402;
        server.failureAttrs = {{QStringLiteral("code"), "101"}, {QStringLiteral("expire"), "3600"}};
        WaSessionConnection c(waclienttest::pairedState().serialize(), waclienttest::optionsFor(server));
        QSignalSpy ended(&c, &SessionConnection::disconnected);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        c.connectToWhatsApp();
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.first().at(0).value<DisconnectKind>(), DisconnectKind::Suspended);
        QCOMPARE(ended.first().at(1).toString(), QStringLiteral("temporarily_banned"));
        const qint64 resumeAt = ended.first().at(3).toLongLong();
        QVERIFY2(resumeAt >= before + 3600 * 1000 && resumeAt <= QDateTime::currentMSecsSinceEpoch() + 3600 * 1000,
                 qPrintable(QString::number(resumeAt - before)));

        // Without an expiry there is nothing to wait for: the lifecycle hears no end (0).
        server.failureAttrs = {{QStringLiteral("code"), "101"}};
        c.connectToWhatsApp();
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.last().at(0).value<DisconnectKind>(), DisconnectKind::Suspended);
        QCOMPARE(ended.last().at(3).toLongLong(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWaSessionConnection)
#include "tst_wasessionconnection.moc"
