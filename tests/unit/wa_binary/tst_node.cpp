#include "wa/binary/node.h"

#include <QTest>

using namespace wagate::wa;

class TestNode : public QObject
{
    Q_OBJECT

    static Node pairDevice()
    {
        return Node(QStringLiteral("iq"),
                    {{QStringLiteral("from"), Jid::serverJid()},
                     {QStringLiteral("type"), "set"},
                     {QStringLiteral("id"), "42"},
                     {QStringLiteral("xmlns"), "md"},
                     {QStringLiteral("t"), "1719662400"}},
                    {Node(QStringLiteral("pair-device"), {},
                          {Node(QStringLiteral("ref"), {}, QByteArray("2@abc")),
                           Node(QStringLiteral("ref"), {}, QByteArray("2@def")),
                           Node(QStringLiteral("other"))})});
    }

private slots:
    void readingAttributes()
    {
        const Node iq = pairDevice();
        QCOMPARE(iq.tag(), QStringLiteral("iq"));
        QCOMPARE(iq.attr("type"), QStringLiteral("set"));
        QCOMPARE(iq.attr(u"id"), QStringLiteral("42"));
        QCOMPARE(iq.attr("missing", QStringLiteral("fallback")), QStringLiteral("fallback"));
        QVERIFY(iq.hasAttr("xmlns"));
        QVERIFY(!iq.hasAttr("to"));
        // A JID attribute reads as text too, and typed through jidAttr().
        QCOMPARE(iq.attr("from"), QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(iq.jidAttr("from"), Jid::serverJid());
        QCOMPARE(iq.intAttr("t"), 1719662400);
    }

    void jidAttrIsTypedOnly()
    {
        Node n(QStringLiteral("iq"));
        n.setAttr(QStringLiteral("from"), QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(n.attr("from"), QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(n.jidAttr("from"), std::nullopt);
        QCOMPARE(n.jidAttr("absent"), std::nullopt);
    }

    void intAttr_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("zero") << QStringLiteral("0") << true << qint64(0);
        QTest::newRow("code") << QStringLiteral("515") << true << qint64(515);
        QTest::newRow("negative") << QStringLiteral("-3") << true << qint64(-3);
        QTest::newRow("plus") << QStringLiteral("+3") << false << qint64(0);
        QTest::newRow("space") << QStringLiteral(" 3") << false << qint64(0);
        QTest::newRow("word") << QStringLiteral("abc") << false << qint64(0);
        QTest::newRow("overflow") << QStringLiteral("99999999999999999999") << false << qint64(0);
    }
    void intAttr()
    {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        QFETCH(qint64, expected);
        const Node n = Node(QStringLiteral("x")).setAttr(QStringLiteral("v"), value);
        const auto parsed = n.intAttr("v");
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, expected);
    }

    void settingAttributes()
    {
        Node n(QStringLiteral("x"), {{QStringLiteral("a"), "1"}, {QStringLiteral("b"), "2"}});
        n.setAttr(QStringLiteral("a"), QStringLiteral("3"));
        QCOMPARE(n.attributes().size(), 2);
        QCOMPARE(n.attributes().first().key, QStringLiteral("a"));
        QCOMPARE(n.attr("a"), QStringLiteral("3"));
        // Empty means absent, as on the wire.
        n.setAttr(QStringLiteral("b"), QString());
        QVERIFY(!n.hasAttr("b"));
        n.setAttr(QStringLiteral("j"), Jid::phone(QStringLiteral("4917")));
        QCOMPARE(n.jidAttr("j"), Jid::phone(QStringLiteral("4917")));
        n.removeAttr("j");
        QVERIFY(!n.hasAttr("j"));

        // The constructor follows the same rules: later duplicates replace, empty values vanish.
        const Node d(QStringLiteral("x"), {{QStringLiteral("a"), "1"}, {QStringLiteral("e"), ""},
                                           {QStringLiteral("a"), "2"}});
        QCOMPARE(d.attributes().size(), 1);
        QCOMPARE(d.attr("a"), QStringLiteral("2"));

        // The same with many attributes (the constructor switches to a hash): 40 keys, every fifth
        // one repeated later with a new value and every seventh one emptied.
        QList<Attribute> many;
        for (int i = 0; i < 40; ++i)
            many.append(Attribute(QStringLiteral("k%1").arg(i), QString::number(i)));
        for (int i = 0; i < 40; i += 5)
            many.append(Attribute(QStringLiteral("k%1").arg(i), QStringLiteral("again")));
        for (int i = 0; i < 40; i += 7)
            many.append(Attribute(QStringLiteral("k%1").arg(i), QString()));
        const Node m(QStringLiteral("x"), many);
        int expected = 0;
        for (int i = 0; i < 40; ++i) {
            const QString key = QStringLiteral("k%1").arg(i);
            if (i % 7 == 0) {
                QVERIFY(!m.hasAttr(key));
                continue;
            }
            ++expected;
            QCOMPARE(m.attr(key), i % 5 == 0 ? QStringLiteral("again") : QString::number(i));
        }
        QCOMPARE(m.attributes().size(), expected);
        QCOMPARE(m.attributes().first().key, QStringLiteral("k1"));
    }

    void children()
    {
        const Node iq = pairDevice();
        QVERIFY(iq.hasChild("pair-device"));
        const Node pd = iq.child("pair-device");
        QVERIFY(!pd.isNull());
        const QList<Node> refs = pd.children("ref");
        QCOMPARE(refs.size(), 2);
        QCOMPARE(refs[0].contentBytes(), QByteArray("2@abc"));
        QCOMPARE(refs[1].contentBytes(), QByteArray("2@def"));
        QCOMPARE(pd.children().size(), 3);
        // Missing children are null nodes, so lookups chain without checks.
        QVERIFY(iq.child("nope").isNull());
        QVERIFY(iq.child("nope").child("deeper").isNull());
        QVERIFY(iq.child("nope").children().isEmpty());
    }

    void contentKinds()
    {
        Node n(QStringLiteral("x"));
        QCOMPARE(n.contentKind(), Node::ContentKind::None);
        QVERIFY(!n.hasContent());
        n.setBytes(QByteArray("\x01\x02", 2));
        QCOMPARE(n.contentKind(), Node::ContentKind::Bytes);
        n.setText(QStringLiteral("héllo"));
        QCOMPARE(n.contentKind(), Node::ContentKind::Text);
        QCOMPARE(n.contentBytes(), QByteArray("h\xc3\xa9llo"));
        n.setJid(Jid::serverJid());
        QCOMPARE(n.contentKind(), Node::ContentKind::Jid);
        QCOMPARE(n.contentText(), QStringLiteral("@s.whatsapp.net"));
        QCOMPARE(n.contentJid(), Jid::serverJid());
        n.addChild(Node(QStringLiteral("c")));
        QCOMPARE(n.contentKind(), Node::ContentKind::Children);
        QCOMPARE(n.children().size(), 1);
        QVERIFY(n.contentBytes().isEmpty());
        n.clearContent();
        QVERIFY(!n.hasContent());
        // An empty child list is content (it is written as 0x00), unlike no content.
        n.setChildren({});
        QVERIFY(n.hasContent());
    }

    void equalityIgnoresAttributeOrder()
    {
        const Node a(QStringLiteral("x"), {{QStringLiteral("a"), "1"}, {QStringLiteral("b"), "2"}});
        const Node b(QStringLiteral("x"), {{QStringLiteral("b"), "2"}, {QStringLiteral("a"), "1"}});
        const Node c(QStringLiteral("x"), {{QStringLiteral("a"), "1"}, {QStringLiteral("b"), "3"}});
        QCOMPARE(a, b);
        QVERIFY(a != c);
        QVERIFY(Node(QStringLiteral("x"), {}, QByteArray("1")) != Node::withText(QStringLiteral("x"), {}, QStringLiteral("1")));
        QVERIFY(Node(QStringLiteral("x")) != Node(QStringLiteral("x"), {}, QList<Node>{}));
    }

    void toStringIsCompactAndHidesBytes()
    {
        const QByteArray secret(32, '\xAB');
        Node n(QStringLiteral("iq"), {{QStringLiteral("id"), "1"}, {QStringLiteral("to"), Jid::serverJid()}},
               {Node(QStringLiteral("key"), {}, secret)});
        const QString s = n.toString();
        QCOMPARE(s, QStringLiteral("<iq id=\"1\" to=\"@s.whatsapp.net\"><key>[32 bytes]</key></iq>"));
        QVERIFY(!s.contains(QString::fromLatin1(secret.toHex())));

        // Wide lists and long values are elided.
        Node wide(QStringLiteral("list"));
        for (int i = 0; i < 20; ++i)
            wide.addChild(Node(QStringLiteral("item")));
        wide.setAttr(QStringLiteral("v"), QString(200, u'x'));
        const QString w = wide.toString();
        QVERIFY(w.contains(QStringLiteral("...(+12 more)")));
        QVERIFY(w.contains(QStringLiteral("...(200 chars)")));
        QVERIFY(w.size() < 250);
        QCOMPARE(Node().toString(), QStringLiteral("<null>"));
    }
};

QTEST_GUILESS_MAIN(TestNode)
#include "tst_node.moc"
