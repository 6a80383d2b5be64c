// Times as the console says them: ages in the table, clock times in the details and the timeline.
#include "ui/timetext.h"

#include <QDateTime>
#include <QTest>

using namespace wagate;

class TestTimeText : public QObject
{
    Q_OBJECT

    static qint64 ms(const QString &iso) { return QDateTime::fromString(iso, Qt::ISODate).toMSecsSinceEpoch(); }

private slots:
    void relative_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QString>("text");
        QTest::newRow("never") << "" << "2026-03-12T15:00:00" << "never";
        QTest::newRow("seconds") << "2026-03-12T14:59:30" << "2026-03-12T15:00:00" << "just now";
        QTest::newRow("a minute") << "2026-03-12T14:59:00" << "2026-03-12T15:00:00" << "1 min ago";
        QTest::newRow("minutes") << "2026-03-12T14:35:10" << "2026-03-12T15:00:00" << "24 min ago";
        QTest::newRow("hours today") << "2026-03-12T09:00:00" << "2026-03-12T15:00:00" << "6 h ago";
        QTest::newRow("late last night") << "2026-03-11T23:30:00" << "2026-03-12T01:00:00" << "1 h ago";
        QTest::newRow("yesterday") << "2026-03-11T09:00:00" << "2026-03-12T15:00:00" << "yesterday";
        QTest::newRow("days") << "2026-03-08T09:00:00" << "2026-03-12T15:00:00" << "4 days ago";
        QTest::newRow("long ago") << "2025-12-01T09:00:00" << "2026-03-12T15:00:00" << "1 Dec 2025";
    }
    void relative()
    {
        QFETCH(QString, at);
        QFETCH(QString, now);
        QFETCH(QString, text);
        QCOMPARE(TimeText::relative(at.isEmpty() ? 0 : ms(at), ms(now)), text);
    }

    void clock_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QString>("text");
        QTest::newRow("today") << "2026-03-12T09:14:00" << "2026-03-12T15:00:00" << "09:14";
        QTest::newRow("yesterday") << "2026-03-11T18:02:00" << "2026-03-12T15:00:00" << "yesterday 18:02";
        QTest::newRow("this year") << "2026-01-05T08:00:00" << "2026-03-12T15:00:00" << "5 Jan 08:00";
        QTest::newRow("last year") << "2025-12-01T09:00:00" << "2026-03-12T15:00:00" << "1 Dec 2025 09:00";
    }
    void clock()
    {
        QFETCH(QString, at);
        QFETCH(QString, now);
        QFETCH(QString, text);
        QCOMPARE(TimeText::clock(ms(at), ms(now)), text);
    }

    void agesSayWhenTheyChange()
    {
        const qint64 now = ms(QStringLiteral("2026-03-12T15:00:00"));
        QCOMPARE(TimeText::relativeValidForMs(now - 20000, now), 40000);  // "just now" until the minute is full
        QCOMPARE(TimeText::relativeValidForMs(now - 90000, now), 30000);  // "1 min ago" until 2 min
        QCOMPARE(TimeText::relativeValidForMs(0, now), std::numeric_limits<qint64>::max()); // "never" stays
    }
};

QTEST_GUILESS_MAIN(TestTimeText)
#include "tst_timetext.moc"
