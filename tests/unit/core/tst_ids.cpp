#include "core/ids.h"

#include <QSet>
#include <QTest>

using namespace wagate;

class TestIds : public QObject
{
    Q_OBJECT
private slots:
    void ulidIsWellFormedAndCarriesItsTime()
    {
        const qint64 t = 1719662400000;
        const QString id = ids::newUlidAt(t);
        QCOMPARE(id.size(), 26);
        QVERIFY(ids::isUlid(id));
        QCOMPARE(ids::ulidTime(id), t);
    }
    void ulidsAreStrictlyIncreasingWithinOneMillisecond()
    {
        QString previous = ids::newUlidAt(1719662400001);
        for (int i = 0; i < 10000; ++i) {
            const QString next = ids::newUlidAt(1719662400001);
            QVERIFY2(next > previous, qPrintable(next + QStringLiteral(" <= ") + previous));
            previous = next;
        }
    }
    void ulidsStayOrderedWhenTheClockStepsBack()
    {
        const QString a = ids::newUlidAt(1719662500000);
        const QString b = ids::newUlidAt(1719662400000);
        QVERIFY(b > a);
    }
    void pathIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ulid") << ids::newUlid() << true;
        QTest::newRow("prefixed") << QStringLiteral("org_01J9ABC") << true;
        QTest::newRow("dash") << QStringLiteral("a-b") << true;
        QTest::newRow("64 chars") << QString(64, u'a') << true;
        QTest::newRow("65 chars") << QString(65, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dot dot slash") << QStringLiteral("../x") << false;
        QTest::newRow("nul") << QStringLiteral("a%1b").arg(QChar(0)) << false;
        QTest::newRow("colon") << QStringLiteral("a:start") << false;
        QTest::newRow("space") << QStringLiteral("a b") << false;
        QTest::newRow("non-ascii letter") << QStringLiteral("caf\u00e9") << false;
    }
    void pathIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(ids::isValidPathId(id), valid);
    }
    void secureRandomBytesDiffer()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 100; ++i)
            seen.insert(secureRandomBytes(16));
        QCOMPARE(seen.size(), 100);
    }
};

QTEST_GUILESS_MAIN(TestIds)
#include "tst_ids.moc"
