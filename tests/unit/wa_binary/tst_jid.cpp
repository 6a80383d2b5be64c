#include "wa/binary/jid.h"

#include <QTest>

using namespace wagate::wa;

class TestJid : public QObject
{
    Q_OBJECT
private slots:
    void parseAndFormat_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("device");
        QTest::addColumn<int>("agent");
        QTest::addColumn<int>("integrator");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("canonical");

        auto row = [](const char *name, const char *text, const char *user, int device, int agent,
                      int integrator, const char *server, const char *canonical = nullptr) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(user) << device << agent
                                << integrator << QString::fromUtf8(server)
                                << QString::fromUtf8(canonical ? canonical : text);
        };
        row("phone", "491701234567@s.whatsapp.net", "491701234567", 0, 0, 0, "s.whatsapp.net");
        row("phone device", "491701234567:12@s.whatsapp.net", "491701234567", 12, 0, 0, "s.whatsapp.net");
        row("explicit device 0", "491701234567:0@s.whatsapp.net", "491701234567", 0, 0, 0, "s.whatsapp.net",
            "491701234567@s.whatsapp.net");
        row("server itself", "@s.whatsapp.net", "", 0, 0, 0, "s.whatsapp.net");
        row("lid", "123456789012345@lid", "123456789012345", 0, 0, 0, "lid");
        row("lid device", "123456789012345:12@lid", "123456789012345", 12, 0, 0, "lid");
        row("group", "120363012345678901@g.us", "120363012345678901", 0, 0, 0, "g.us");
        row("old group", "491701234567-1600000000@g.us", "491701234567-1600000000", 0, 0, 0, "g.us");
        row("status broadcast", "status@broadcast", "status", 0, 0, 0, "broadcast");
        row("hosted", "4917:3@hosted", "4917", 3, 0, 0, "hosted");
        row("hosted lid", "4917:3@hosted.lid", "4917", 3, 0, 0, "hosted.lid");
        row("newsletter", "120363123456@newsletter", "120363123456", 0, 0, 0, "newsletter");
        row("messenger", "100012345:7@msgr", "100012345", 7, 0, 0, "msgr");
        row("interop", "12-4917:3@interop", "4917", 3, 0, 12, "interop");
        row("interop without integrator", "4917@interop", "4917", 0, 0, 0, "interop", "0-4917@interop");
        row("raw agent", "4917.5:6@s.whatsapp.net", "4917", 6, 5, 0, "s.whatsapp.net");
        row("raw agent device 0", "4917.5@s.whatsapp.net", "4917", 0, 5, 0, "s.whatsapp.net",
            "4917.5:0@s.whatsapp.net");
        row("max device", "1:65535@msgr", "1", 65535, 0, 0, "msgr");
    }
    void parseAndFormat()
    {
        QFETCH(QString, text);
        QFETCH(QString, user);
        QFETCH(int, device);
        QFETCH(int, agent);
        QFETCH(int, integrator);
        QFETCH(QString, server);
        QFETCH(QString, canonical);

        const auto jid = Jid::parse(text);
        QVERIFY(jid);
        QCOMPARE(jid->user(), user);
        QCOMPARE(int(jid->device()), device);
        QCOMPARE(int(jid->agent()), agent);
        QCOMPARE(int(jid->integrator()), integrator);
        QCOMPARE(jid->server(), server);
        QVERIFY(jid->isValid());
        QCOMPARE(jid->toString(), canonical);
        QCOMPARE(Jid::parse(canonical), jid);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *s : {"", "s.whatsapp.net", "491701234567", "a@b@c", "user@", "user:@s.whatsapp.net",
                              "user:x@s.whatsapp.net", "user:-1@s.whatsapp.net", "user:+1@s.whatsapp.net",
                              "user:65536@s.whatsapp.net", "user:1:2@s.whatsapp.net", ":3@s.whatsapp.net",
                              "4917.x@s.whatsapp.net", "4917.256@s.whatsapp.net", "4917.1.2@s.whatsapp.net",
                              "user@s:x", "user: 1@s.whatsapp.net"})
            QTest::newRow(s) << QString::fromUtf8(s);
    }
    void invalid()
    {
        QFETCH(QString, text);
        QCOMPARE(Jid::parse(text), std::nullopt);
    }

    void serverJid()
    {
        const Jid server = Jid::serverJid();
        QVERIFY(server.isServer());
        QCOMPARE(server.toString(), QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(Jid::parse(u"@s.whatsapp.net"), server);
        QVERIFY(!Jid::phone(QStringLiteral("4917")).isServer());
        QVERIFY(!Jid().isValid());
        QCOMPARE(Jid().toString(), QString());
    }

    void domainTypes()
    {
        QCOMPARE(Jid::phone(QStringLiteral("1"), 2).domainType(), quint8(0));
        QCOMPARE(Jid(QStringLiteral("1"), QString(JidServer::Lid)).domainType(), quint8(1));
        QCOMPARE(Jid(QStringLiteral("1"), QString(JidServer::Hosted)).domainType(), quint8(128));
        QCOMPARE(Jid(QStringLiteral("1"), QString(JidServer::HostedLid)).domainType(), quint8(129));

        QCOMPARE(Jid::fromAd(QStringLiteral("1"), 1, 4), Jid(QStringLiteral("1"), QString(JidServer::Lid), 4));
        QCOMPARE(Jid::fromAd(QStringLiteral("1"), 129, 4).server(), QString(JidServer::HostedLid));
        const Jid unknown = Jid::fromAd(QStringLiteral("1"), 7, 4);
        QCOMPARE(unknown.server(), QString(JidServer::User));
        QCOMPARE(int(unknown.agent()), 7);
        QCOMPARE(unknown.domainType(), quint8(7));
    }

    void derivedJids()
    {
        const Jid device = *Jid::parse(u"491701234567:12@s.whatsapp.net");
        QCOMPARE(device.toNonAd(), Jid::phone(QStringLiteral("491701234567")));
        QCOMPARE(device.withDevice(0).toString(), QStringLiteral("491701234567@s.whatsapp.net"));
        QCOMPARE(Jid::interop(QStringLiteral("9"), 1, 2).toNonAd().toString(), QStringLiteral("2-9@interop"));
    }

    void equalityAndHash()
    {
        const Jid a = *Jid::parse(u"4917:1@s.whatsapp.net");
        const Jid b = Jid::phone(QStringLiteral("4917"), 1);
        QCOMPARE(a, b);
        QCOMPARE(qHash(a), qHash(b));
        QVERIFY(a != b.withDevice(2));
        // c.us is a different server, not an alias: no normalisation happens behind the caller's back.
        QVERIFY(*Jid::parse(u"4917@c.us") != Jid::phone(QStringLiteral("4917")));
    }
};

QTEST_GUILESS_MAIN(TestJid)
#include "tst_jid.moc"
