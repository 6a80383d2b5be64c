// The engine's worker thread: started and stopped cleanly, and a thread that does not stop in time is
// left to finish instead of being destroyed while it runs (which Qt answers by aborting the process).
#include "app/enginehost.h"
#include "testdatabase.h"

#include <QPointer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

using namespace wagate;

class TestEngineHost : public QObject
{
    Q_OBJECT

    std::unique_ptr<EngineHost> started(const test::TestDatabase &tdb)
    {
        ApiConfig api;
        api.port = 0;
        auto host = std::make_unique<EngineHost>(test::engineConfig(tdb), api);
        QSignalSpy ready(host.get(), &EngineHost::started);
        host->start();
        if (!ready.wait(30000))
            qFatal("the engine did not start");
        return host;
    }

private slots:
    void stopJoinsTheEngineThread()
    {
        test::TestDatabase tdb(test::TestDatabase::Backend::Sqlite);
        auto host = started(tdb);
        QPointer<QThread> thread = host->engineThread();
        QVERIFY(thread && thread->isRunning());
        host->stop();
        QVERIFY(thread);
        QVERIFY(thread->isFinished());
        host.reset();
        QVERIFY(thread.isNull());
    }

    void aThreadThatDoesNotStopInTimeIsLeftToFinish()
    {
        test::TestDatabase tdb(test::TestDatabase::Backend::Sqlite);
        auto host = started(tdb);
        QPointer<QThread> thread = host->engineThread();
        // The engine thread is busy with something that will not end before the stop's timeout.
        QSemaphore busy, release;
        QMetaObject::invokeMethod(host->worker(), [&] {
            busy.release();
            release.acquire();
        }, Qt::QueuedConnection);
        busy.acquire();
        host->setStopTimeoutMs(100);
        host->stop();
        QVERIFY(thread && thread->isRunning());
        QCOMPARE(host->engineThread(), nullptr);
        host.reset(); // no abort: the running thread is not destroyed with its host
        QVERIFY(thread && thread->isRunning());

        // When it gets free it shuts the engine down, ends, and its thread object goes.
        release.release();
        QTRY_VERIFY_WITH_TIMEOUT(thread.isNull(), 30000);
    }
};

QTEST_GUILESS_MAIN(TestEngineHost)
#include "tst_enginehost.moc"
