// The session table's models as a view sees them: exact signals for every kind of change (checked by
// QAbstractItemModelTester in fatal mode), bursts coalesced per frame, status changes at once, and
// the proxy's filtering and sorting on raw values. The engine is a fake here; the widgets are tested
// against the real one in tst_console.
#include "fakefacade.h"
#include "ui/sessionfilterproxy.h"
#include "ui/sessionlistmodel.h"
#include "ui/timetext.h"
#include "ui/sessionstatuslook.h"
#include "ui/sessiontimelinemodel.h"

#include <QAbstractItemModelTester>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

using namespace wagate;
using wagate::test::FakeFacade;

namespace {

SessionInfo session(const QString &id, const QString &label, const QString &phone = {},
                    SessionStatus status = SessionStatus::Unpaired, qint64 lastConnectedAt = 0)
{
    SessionInfo s;
    s.id = id;
    s.organizationId = QStringLiteral("org_1");
    s.label = label;
    s.phoneNumber = phone;
    if (!phone.isEmpty())
        s.waJid = phone + QStringLiteral(":7@s.whatsapp.net");
    s.status = status;
    s.lastConnectedAt = lastConnectedAt;
    s.statusChangedAt = 1000;
    return s;
}

QList<SessionInfo> fourSessions()
{
    // One "now" for the whole run, so a snapshot made later is equal to one made earlier.
    static const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return {session(QStringLiteral("s1"), QStringLiteral("Support line"), QStringLiteral("6281234567890"), SessionStatus::Working, now - 1000),
            session(QStringLiteral("s2"), QStringLiteral("Sales"), QStringLiteral("6281100001111"), SessionStatus::Reconnecting, now - 120000),
            session(QStringLiteral("s3"), QStringLiteral("Billing"), QString(), SessionStatus::Unpaired, 0),
            session(QStringLiteral("s4"), QStringLiteral("Night shift"), QStringLiteral("5511987654321"), SessionStatus::Failed, now - 86400000)};
}

QList<int> sorted(QList<int> roles)
{
    std::sort(roles.begin(), roles.end());
    return roles;
}

QStringList proxyLabels(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, SessionListModel::LabelColumn).data().toString();
    return out;
}

} // namespace

class TestSessionModels : public QObject
{
    Q_OBJECT

    //! A model fed by a fake facade with fourSessions(), checked by the model tester throughout.
    struct Fixture
    {
        FakeFacade facade;
        SessionListModel model;
        QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
        Fixture(QList<SessionInfo> rows = fourSessions())
        {
            facade.sessions = rows;
            model.setFacade(&facade);
        }
    };

private slots:
    void initialListFillsTheTable()
    {
        Fixture f;
        QVERIFY(f.model.isLoaded());
        QCOMPARE(f.model.rowCount(), 4);
        QCOMPARE(f.model.columnCount(), 4);
        const QModelIndex phone = f.model.index(0, SessionListModel::PhoneColumn);
        QCOMPARE(phone.data().toString(), QStringLiteral("+62 812-3456-7890")); // formatted to read
        QCOMPARE(phone.data(SessionListModel::PhoneDigitsRole).toString(), QStringLiteral("6281234567890")); // raw to copy
        QCOMPARE(f.model.index(2, SessionListModel::PhoneColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(f.model.index(1, SessionListModel::StatusColumn).data().toString(), QStringLiteral("Reconnecting"));
        QVERIFY(!f.model.index(1, SessionListModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(f.model.index(2, SessionListModel::LastConnectedColumn).data().toString(), QStringLiteral("never"));
        QCOMPARE(f.model.index(0, SessionListModel::LastConnectedColumn).data().toString(), QStringLiteral("just now"));
        QCOMPARE(f.model.index(1, SessionListModel::LastConnectedColumn).data().toString(), QStringLiteral("2 min ago"));
        QCOMPARE(f.model.headerData(SessionListModel::LastConnectedColumn, Qt::Horizontal).toString(), QStringLiteral("Last connected"));
        QCOMPARE(f.model.statusCounts().value(SessionStatus::Working), 1);
        QCOMPARE(f.model.statusCounts().value(SessionStatus::Failed), 1);
    }

    void statusWordsForEveryStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("words");
        QTest::newRow("unpaired") << int(SessionStatus::Unpaired) << "Not linked";
        QTest::newRow("stopped") << int(SessionStatus::Stopped) << "Stopped";
        QTest::newRow("starting") << int(SessionStatus::Starting) << "Starting";
        QTest::newRow("scan_qr_code") << int(SessionStatus::ScanQrCode) << "Scan the QR code";
        QTest::newRow("pairing_code") << int(SessionStatus::PairingCode) << "Enter the code on the phone";
        QTest::newRow("working") << int(SessionStatus::Working) << "Working";
        QTest::newRow("reconnecting") << int(SessionStatus::Reconnecting) << "Reconnecting";
        QTest::newRow("failed") << int(SessionStatus::Failed) << "Failed";
        QTest::newRow("logged_out") << int(SessionStatus::LoggedOut) << "Logged out";
    }
    void statusWordsForEveryStatus()
    {
        QFETCH(int, status);
        QFETCH(QString, words);
        Fixture f({session(QStringLiteral("a"), QStringLiteral("A"), {}, SessionStatus(status))});
        const QModelIndex i = f.model.index(0, SessionListModel::StatusColumn);
        QCOMPARE(i.data().toString(), words);
        QVERIFY(!i.data(Qt::ToolTipRole).toString().isEmpty());
        // Shape, not only colour: each status paints differently from every other.
        const QImage mine = i.data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
        for (SessionStatus other : allSessionStatuses()) {
            if (int(other) == status)
                continue;
            QImage theirs = SessionStatusLook::icon(other).pixmap(16, 16).toImage().convertToFormat(mine.format());
            QVERIFY2(theirs != mine, qPrintable(sessionStatusName(other)));
            // … and differ in shape when both are drawn in one colour.
            auto silhouette = [](QImage img) {
                for (int y = 0; y < img.height(); ++y)
                    for (int x = 0; x < img.width(); ++x)
                        img.setPixelColor(x, y, qAlpha(img.pixel(x, y)) > 96 ? Qt::black : Qt::white);
                return img;
            };
            if (SessionStatusLook::color(other) == SessionStatusLook::color(SessionStatus(status)))
                QVERIFY2(silhouette(theirs) != silhouette(mine), qPrintable(sessionStatusName(other)));
        }
    }

    void updatesSignalExactlyTheChangedRoles_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QList<int>>("roles");
        QTest::addColumn<bool>("prompt"); // applied at once rather than at the next frame
        using M = SessionListModel;
        QTest::newRow("label") << "label"
                               << QList<int>{Qt::DisplayRole, Qt::ToolTipRole, M::SessionRole, M::SortRole, M::LabelRole} << false;
        QTest::newRow("phone") << "phone"
                               << QList<int>{Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, M::SessionRole, M::SortRole,
                                             M::PhoneDigitsRole}
                               << false;
        QTest::newRow("status") << "status"
                                << QList<int>{Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole, M::SessionRole, M::StatusRole,
                                              M::SortRole, M::StatusChangedAtRole}
                                << true;
        QTest::newRow("last connected") << "lastConnected"
                                        << QList<int>{Qt::DisplayRole, Qt::ToolTipRole, M::SessionRole, M::SortRole,
                                                      M::LastConnectedRole}
                                        << false;
        QTest::newRow("rates only") << "rates" << QList<int>{M::SessionRole} << false;
        QTest::newRow("last error only") << "lastError" << QList<int>{Qt::ToolTipRole, M::SessionRole} << false;
    }
    void updatesSignalExactlyTheChangedRoles()
    {
        QFETCH(QString, field);
        QFETCH(QList<int>, roles);
        QFETCH(bool, prompt);
        Fixture f;
        SessionInfo s = fourSessions().at(1);
        if (field == u"label")
            s.label = QStringLiteral("Sales (Jakarta)");
        else if (field == u"phone")
            s.phoneNumber = QStringLiteral("6281199998888");
        else if (field == u"status") {
            s.status = SessionStatus::Working;
            s.statusChangedAt = 2000;
        } else if (field == u"lastConnected")
            s.lastConnectedAt = 12345;
        else if (field == u"rates")
            s.ratePerMin = 5;
        else
            s.lastError = LastError{QStringLiteral("network_error"), QStringLiteral("no route"), 1};

        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        emit f.facade.sessionUpdated(s);
        QCOMPARE(changed.count(), prompt ? 1 : 0);
        if (!prompt)
            QVERIFY(changed.wait(1000)); // the next frame
        QCOMPARE(changed.count(), 1);
        const auto args = changed.first();
        QCOMPARE(args.at(0).toModelIndex(), f.model.index(1, 0));
        QCOMPARE(args.at(1).toModelIndex(), f.model.index(1, SessionListModel::ColumnCount - 1));
        QCOMPARE(sorted(args.at(2).value<QList<int>>()), sorted(roles));
        QCOMPARE(f.model.sessionAt(1), s);
    }

    void anUnchangedSnapshotSignalsNothing()
    {
        Fixture f;
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        emit f.facade.sessionUpdated(fourSessions().at(2));
        f.model.flush();
        QCOMPARE(changed.count(), 0);
    }

    void aBurstBecomesOneSignalPerRow()
    {
        Fixture f;
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        SessionInfo s = fourSessions().at(0);
        SessionInfo t = fourSessions().at(3);
        for (int i = 1; i <= 5; ++i) {
            s.label = QStringLiteral("Support %1").arg(i);
            t.ratePerHour = 100 + i;
            emit f.facade.sessionUpdated(s);
            emit f.facade.sessionUpdated(t);
        }
        QCOMPARE(changed.count(), 0);
        QVERIFY(changed.wait(1000));
        QCOMPARE(changed.count(), 2); // rows 0 and 3, once each, in row order
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 3);
        QCOMPARE(f.model.index(0, 0).data().toString(), QStringLiteral("Support 5"));
        QCOMPARE(f.model.sessionAt(3).ratePerHour, 105);
    }

    void aStatusChangeOvertakesTheBurst()
    {
        Fixture f;
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        SessionInfo s = fourSessions().at(1);
        s.label = QStringLiteral("Sales 2");
        emit f.facade.sessionUpdated(s);
        s.status = SessionStatus::Working;
        emit f.facade.sessionUpdated(s);
        QCOMPARE(changed.count(), 1); // at once, carrying the label too
        QVERIFY(changed.first().at(2).value<QList<int>>().contains(SessionListModel::StatusRole));
        QVERIFY(changed.first().at(2).value<QList<int>>().contains(SessionListModel::LabelRole));
        f.model.flush();
        QCOMPARE(changed.count(), 1); // nothing left over
    }

    void mostRowsChangedGivesOneFullRangeSignal()
    {
        QList<SessionInfo> rows;
        for (int i = 0; i < 20; ++i)
            rows << session(QStringLiteral("s%1").arg(i), QStringLiteral("Line %1").arg(i));
        Fixture f(rows);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < 15; ++i) {
            SessionInfo s = rows.at(i);
            s.ratePerMin = 7;
            emit f.facade.sessionUpdated(s);
        }
        f.model.flush();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), f.model.index(0, 0));
        QCOMPARE(changed.first().at(1).toModelIndex(), f.model.index(19, SessionListModel::ColumnCount - 1));
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{SessionListModel::SessionRole});
    }

    void insertsAndRemovals_data()
    {
        QTest::addColumn<QStringList>("events"); // "+id", "-id", "~id" (update)
        QTest::addColumn<QStringList>("ids");    // the model's rows afterwards
        QTest::addColumn<int>("insertSignals");
        QTest::addColumn<int>("removeSignals");
        QTest::newRow("one created") << QStringList{"+n1"} << QStringList{"s1", "s2", "s3", "s4", "n1"} << 1 << 0;
        QTest::newRow("a burst of creates is one insert")
            << QStringList{"+n1", "+n2", "+n3"} << QStringList{"s1", "s2", "s3", "s4", "n1", "n2", "n3"} << 1 << 0;
        QTest::newRow("removed in the middle") << QStringList{"-s2"} << QStringList{"s1", "s3", "s4"} << 0 << 1;
        QTest::newRow("created then removed in one frame") << QStringList{"+n1", "-n1"} << QStringList{"s1", "s2", "s3", "s4"} << 0 << 0;
        QTest::newRow("update of an unknown session inserts it") << QStringList{"~n9"} << QStringList{"s1", "s2", "s3", "s4", "n9"} << 1 << 0;
        QTest::newRow("removing an unknown id is harmless") << QStringList{"-zz"} << QStringList{"s1", "s2", "s3", "s4"} << 0 << 0;
        QTest::newRow("duplicate create is an update") << QStringList{"+s3"} << QStringList{"s1", "s2", "s3", "s4"} << 0 << 0;
        QTest::newRow("remove all") << QStringList{"-s1", "-s2", "-s3", "-s4"} << QStringList{} << 0 << 4;
    }
    void insertsAndRemovals()
    {
        QFETCH(QStringList, events);
        QFETCH(QStringList, ids);
        QFETCH(int, insertSignals);
        QFETCH(int, removeSignals);
        Fixture f;
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        for (const QString &e : events) {
            const QString id = e.mid(1);
            if (e.startsWith(u'+'))
                emit f.facade.sessionCreated(session(id, QStringLiteral("New ") + id));
            else if (e.startsWith(u'~'))
                emit f.facade.sessionUpdated(session(id, QStringLiteral("New ") + id));
            else
                emit f.facade.sessionRemoved(id);
        }
        QCOMPARE(removed.count(), removeSignals); // removals are not delayed
        f.model.flush();
        QCOMPARE(inserted.count(), insertSignals);
        QCOMPARE(removed.count(), removeSignals);
        QCOMPARE(reset.count(), 0); // never a reset for an event
        QStringList now;
        for (int r = 0; r < f.model.rowCount(); ++r)
            now << f.model.index(r, 0).data(SessionListModel::IdRole).toString();
        QCOMPARE(now, ids);
        for (int r = 0; r < f.model.rowCount(); ++r)
            QCOMPARE(f.model.rowOf(now.at(r)), r);
    }

    void agesMoveOnByThemselvesOneCellAtATime()
    {
        // Connected 59.5 s ago by the console's clock: "just now" however long the setup takes, then
        // "1 min ago" once that clock has moved on, without any event.
        qint64 now = 1719662400000;
        TimeText::setClock([&now] { return now; });
        const auto restore = qScopeGuard([] { TimeText::setClock({}); });
        const qint64 at = now - 59500;
        Fixture f({session(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("6281234567890"), SessionStatus::Working, at),
                   session(QStringLiteral("b"), QStringLiteral("B"))});
        const QModelIndex cell = f.model.index(0, SessionListModel::LastConnectedColumn);
        QCOMPARE(cell.data().toString(), QStringLiteral("just now"));
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        now += 600;
        QVERIFY(changed.wait(3000));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), cell);
        QCOMPARE(changed.first().at(1).toModelIndex(), cell);
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{Qt::DisplayRole});
        QCOMPARE(cell.data().toString(), QStringLiteral("1 min ago"));
    }

    void eventsThatRaceTheFirstListAreKept()
    {
        FakeFacade facade;
        facade.sessions = fourSessions();
        facade.answerListsAtOnce = false;
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setFacade(&facade);
        QVERIFY(!model.isLoaded());
        emit facade.sessionCreated(session(QStringLiteral("n1"), QStringLiteral("Fresh")));
        SessionInfo s2 = fourSessions().at(1);
        s2.status = SessionStatus::Working;
        emit facade.sessionUpdated(s2);
        emit facade.sessionRemoved(QStringLiteral("s4"));
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy loaded(&model, &SessionListModel::loaded);
        facade.pendingLists.takeFirst()(facade.sessions);
        QCOMPARE(loaded.count(), 1);
        model.flush();
        QCOMPARE(model.rowCount(), 4); // s1 s2 s3 + n1, without s4
        QVERIFY(model.rowOf(QStringLiteral("s4")) < 0);
        QCOMPARE(model.session(QStringLiteral("s2"))->status, SessionStatus::Working);
        QVERIFY(model.session(QStringLiteral("n1")));
    }

    void aListForAnEarlierOperatorIsIgnored()
    {
        FakeFacade facade;
        facade.sessions = fourSessions();
        facade.answerListsAtOnce = false;
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setFacade(&facade);
        emit facade.signedIn(Principal{}); // another operator: a new list is asked for
        QCOMPARE(facade.pendingLists.size(), 2);
        facade.pendingLists.takeFirst()(fourSessions()); // the old answer arrives late
        QVERIFY(!model.isLoaded());
        QCOMPARE(model.rowCount(), 0);
        facade.pendingLists.takeFirst()(QList<SessionInfo>{session(QStringLiteral("x"), QStringLiteral("Theirs"))});
        QCOMPARE(model.rowCount(), 1);
        emit facade.signedOut();
        QCOMPARE(model.rowCount(), 0); // nothing of theirs stays on screen
    }

    void theProxyFiltersByTextAndPhoneDigits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("empty shows all") << "" << QStringList{"Billing", "Night shift", "Sales", "Support line"};
        QTest::newRow("label, any case") << "SUPP" << QStringList{"Support line"};
        QTest::newRow("label middle") << "shift" << QStringList{"Night shift"};
        QTest::newRow("formatted phone") << "812-3456" << QStringList{"Support line"};
        QTest::newRow("international phone") << "+62 811 0000" << QStringList{"Sales"};
        QTest::newRow("digits shared by two") << "6281" << QStringList{"Sales", "Support line"};
        QTest::newRow("national with trunk 0") << "0812 3456" << QStringList{"Support line"};
        QTest::newRow("brackets and dots") << "(11) 98765.4321" << QStringList{"Night shift"};
        QTest::newRow("no phone matches") << "999" << QStringList{};
        QTest::newRow("letters are not digits") << "s1" << QStringList{};
        QTest::newRow("surrounding spaces") << "  sales  " << QStringList{"Sales"};
    }
    void theProxyFiltersByTextAndPhoneDigits()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, labels);
        Fixture f;
        SessionFilterProxy proxy;
        proxy.setSourceModel(&f.model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.sort(SessionListModel::LabelColumn);
        proxy.setFilterText(text);
        QCOMPARE(proxyLabels(proxy), labels);
    }

    void theProxyFiltersByStatus_data()
    {
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("all") << QList<int>{} << "" << QStringList{"Billing", "Night shift", "Sales", "Support line"};
        QTest::newRow("working") << QList<int>{int(SessionStatus::Working)} << "" << QStringList{"Support line"};
        QTest::newRow("needs attention")
            << QList<int>{int(SessionStatus::Failed), int(SessionStatus::LoggedOut), int(SessionStatus::Reconnecting)} << ""
            << QStringList{"Night shift", "Sales"};
        QTest::newRow("none of that status") << QList<int>{int(SessionStatus::Stopped)} << "" << QStringList{};
        QTest::newRow("status and text") << QList<int>{int(SessionStatus::Failed), int(SessionStatus::Reconnecting)} << "sa"
                                         << QStringList{"Sales"};
    }
    void theProxyFiltersByStatus()
    {
        QFETCH(QList<int>, statuses);
        QFETCH(QString, text);
        QFETCH(QStringList, labels);
        Fixture f;
        SessionFilterProxy proxy;
        proxy.setSourceModel(&f.model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.sort(SessionListModel::LabelColumn);
        QSet<SessionStatus> set;
        for (int s : statuses)
            set.insert(SessionStatus(s));
        proxy.setStatusFilter(set);
        proxy.setFilterText(text);
        QCOMPARE(proxyLabels(proxy), labels);
    }

    void theProxySortsOnRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("label") << int(SessionListModel::LabelColumn) << int(Qt::AscendingOrder)
                               << QStringList{"Billing", "Night shift", "Sales", "Support line"};
        QTest::newRow("status: trouble first") << int(SessionListModel::StatusColumn) << int(Qt::AscendingOrder)
                                               << QStringList{"Night shift", "Sales", "Billing", "Support line"};
        QTest::newRow("last connected: most recent first") << int(SessionListModel::LastConnectedColumn) << int(Qt::DescendingOrder)
                                                           << QStringList{"Support line", "Sales", "Night shift", "Billing"};
        QTest::newRow("phone digits, not formatted text") << int(SessionListModel::PhoneColumn) << int(Qt::AscendingOrder)
                                                          << QStringList{"Billing", "Night shift", "Sales", "Support line"};
    }
    void theProxySortsOnRawValues()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QStringList, labels);
        Fixture f;
        SessionFilterProxy proxy;
        proxy.setSourceModel(&f.model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.sort(column, Qt::SortOrder(order));
        QCOMPARE(proxyLabels(proxy), labels);
    }

    void theProxyFollowsLiveChanges()
    {
        Fixture f;
        SessionFilterProxy proxy;
        proxy.setSourceModel(&f.model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.sort(SessionListModel::LabelColumn);
        proxy.setStatusFilter({SessionStatus::Failed});
        QCOMPARE(proxyLabels(proxy), QStringList{"Night shift"});
        SessionInfo s = fourSessions().at(0);
        s.status = SessionStatus::Failed;
        emit f.facade.sessionUpdated(s);
        QCOMPARE(proxyLabels(proxy), (QStringList{"Night shift", "Support line"})); // without a refresh
        s.label = QStringLiteral("Alpha line");
        emit f.facade.sessionUpdated(s);
        f.model.flush();
        QCOMPARE(proxyLabels(proxy), (QStringList{"Alpha line", "Night shift"})); // re-sorted too
        emit f.facade.sessionRemoved(QStringLiteral("s4"));
        QCOMPARE(proxyLabels(proxy), QStringList{"Alpha line"});
    }

    void theTimelineShowsHistoryThenLiveTransitions()
    {
        FakeFacade facade;
        auto t = [](const QString &id, const QString &session, SessionStatus from, SessionStatus to, qint64 at, const QString &reason) {
            return StatusTransition{id, session, QStringLiteral("org_1"), from, to, reason, at};
        };
        facade.history.insert(QStringLiteral("s1"), {t(QStringLiteral("t1"), QStringLiteral("s1"), SessionStatus::Unpaired, SessionStatus::Starting, 1000, QStringLiteral("QR pairing requested")),
                                                     t(QStringLiteral("t2"), QStringLiteral("s1"), SessionStatus::Starting, SessionStatus::ScanQrCode, 2000, QStringLiteral("QR code ready"))});
        facade.answerHistoriesAtOnce = false;
        SessionTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setFacade(&facade);
        model.setSessionId(QStringLiteral("s1"));
        // A live transition before the history arrives is kept, once.
        emit facade.statusChanged(t(QStringLiteral("t3"), QStringLiteral("s1"), SessionStatus::ScanQrCode, SessionStatus::Working, 3000, QStringLiteral("logged in")));
        QCOMPARE(model.rowCount(), 0);
        facade.pendingHistories.takeFirst()(facade.history.value(QStringLiteral("s1")));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(SessionTimelineModel::StatusRole).toInt(), int(SessionStatus::Working)); // newest first
        QCOMPARE(model.index(2).data(SessionTimelineModel::StatusRole).toInt(), int(SessionStatus::Starting));
        QVERIFY(model.index(0).data().toString().contains(QStringLiteral("Working — connected")));
        QVERIFY(model.index(1).data().toString().contains(QStringLiteral("Scan the QR code")));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        emit facade.statusChanged(t(QStringLiteral("t3"), QStringLiteral("s1"), SessionStatus::ScanQrCode, SessionStatus::Working, 3000, {}));
        emit facade.statusChanged(t(QStringLiteral("x1"), QStringLiteral("other"), SessionStatus::Working, SessionStatus::Failed, 3500, {}));
        QCOMPARE(inserted.count(), 0); // a duplicate and another session's transition change nothing
        emit facade.statusChanged(t(QStringLiteral("t4"), QStringLiteral("s1"), SessionStatus::Working, SessionStatus::Reconnecting, 4000, QStringLiteral("connection lost")));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(model.index(0).data(SessionTimelineModel::ReasonRole).toString(), QStringLiteral("connection lost"));

        for (int i = 0; i < SessionTimelineModel::kMaxRows + 5; ++i)
            emit facade.statusChanged(t(QStringLiteral("m%1").arg(i), QStringLiteral("s1"), SessionStatus::Working, SessionStatus::Reconnecting, 5000 + i, {}));
        QCOMPARE(model.rowCount(), SessionTimelineModel::kMaxRows);

        model.setSessionId(QStringLiteral("s2"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(facade.calls.contains(QStringLiteral("history:s2")));
    }
};

QTEST_MAIN(TestSessionModels)
#include "tst_sessionmodels.moc"
