// The keychain backend against a real gnome-keyring (run by run-with-keyring.sh inside a private
// session bus): secrets, the data key, issuer keys and console profile credentials round-trip, and
// the job queue serialises work coming from several threads.

#include "auth/credentialcipher.h"
#include "auth/issuerkeyring.h"
#include "auth/keychainqueue.h"
#include "auth/operatorprofiles.h"
#include "auth/secretstore.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace wagate;

class TestKeychain : public QObject
{
    Q_OBJECT

    KeychainQueue m_queue;
    std::unique_ptr<SecretStore> m_store;

    template<typename T, typename Start>
    std::optional<T> wait(Start start)
    {
        std::optional<T> out;
        start([&out](T r) { out = std::move(r); });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
            qFatal("no answer from the keychain within 20 s");
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run this test through run-with-keyring.sh (ctest does)");
        auto opened = wait<Result<std::unique_ptr<SecretStore>>>(
            [&](auto done) { SecretStore::open(QStringLiteral("keychain"), &m_queue, done); });
        QVERIFY(opened.has_value());
        QVERIFY2(opened->ok(), qPrintable(opened->ok() ? QString() : opened->error().message));
        m_store = std::move(**opened);
        QVERIFY(m_store->describe().startsWith(QStringLiteral("keychain")));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::newRow("text") << QByteArray("a secret");
        QTest::newRow("binary") << QByteArray("\x00\xff\x10\x80zero", 8);
        QTest::newRow("32 random-looking bytes") << QByteArray::fromHex("8f3a0c5e9b7d21466d0f1e2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e");
    }

    void roundTrip()
    {
        QFETCH(QByteArray, secret);
        const QString name = QStringLiteral("test-") + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
        auto missing = wait<Result<QByteArray>>([&](auto done) { m_store->read(name, done); });
        QCOMPARE(missing->error().code, ErrorCode::NotFound);
        auto written = wait<Result<void>>([&](auto done) { m_store->write(name, secret, done); });
        QVERIFY2(written->ok(), qPrintable(written->ok() ? QString() : written->error().message));
        auto read = wait<Result<QByteArray>>([&](auto done) { m_store->read(name, done); });
        QVERIFY(read->ok());
        QCOMPARE(**read, secret);
        auto replaced = wait<Result<void>>([&](auto done) { m_store->write(name, "second", done); });
        QVERIFY(replaced->ok());
        QCOMPARE(**wait<Result<QByteArray>>([&](auto done) { m_store->read(name, done); }), QByteArray("second"));
        QVERIFY(wait<Result<void>>([&](auto done) { m_store->remove(name, done); })->ok());
        QCOMPARE(wait<Result<QByteArray>>([&](auto done) { m_store->read(name, done); })->error().code, ErrorCode::NotFound);
        QVERIFY(wait<Result<void>>([&](auto done) { m_store->remove(name, done); })->ok()); // absent: fine
    }

    void queuedJobsRunInOrder()
    {
        QStringList order;
        for (int i = 0; i < 10; ++i)
            m_store->write(QStringLiteral("burst-%1").arg(i), QByteArray::number(i), [&order, i](Result<void> r) {
                order << QStringLiteral("w%1%2").arg(i).arg(r.ok() ? "" : "!");
            });
        for (int i = 0; i < 10; ++i)
            m_store->read(QStringLiteral("burst-%1").arg(i), [&order, i](Result<QByteArray> r) {
                order << QStringLiteral("r%1=%2").arg(i).arg(r.ok() ? QString::fromLatin1(*r) : QStringLiteral("!"));
            });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 20, 30000);
        QStringList expected;
        for (int i = 0; i < 10; ++i)
            expected << QStringLiteral("w%1").arg(i);
        for (int i = 0; i < 10; ++i)
            expected << QStringLiteral("r%1=%1").arg(i);
        QCOMPARE(order, expected);
    }

    void callsFromAnotherThreadAnswerOnThatThread()
    {
        QThread worker;
        worker.start();
        QObject context;
        context.moveToThread(&worker);
        std::atomic<QThread *> answeredOn{nullptr};
        std::atomic<bool> ok{false};
        QMetaObject::invokeMethod(&context, [&] {
            m_queue.write(QString(SecretStore::kService), QStringLiteral("from-worker"), "w", &context,
                          [&](Result<void> r) {
                              ok = r.ok();
                              answeredOn = QThread::currentThread();
                          });
        });
        QTRY_VERIFY_WITH_TIMEOUT(answeredOn.load() != nullptr, 20000);
        QVERIFY(ok);
        QCOMPARE(answeredOn.load(), &worker);
        QMetaObject::invokeMethod(&context, [&] { context.moveToThread(QCoreApplication::instance()->thread()); }, Qt::BlockingQueuedConnection);
        worker.quit();
        worker.wait();
        QCOMPARE(**wait<Result<QByteArray>>([&](auto done) { m_store->read(QStringLiteral("from-worker"), done); }),
                 QByteArray("w"));
    }

    void askersThatGoAwayHearNothing()
    {
        // Askers on another thread, each destroyed there right after asking, while the queue (on this
        // thread) works on their questions. None hears its answer and nothing touches them once gone
        // (ASan would say so); an asker that stays, asking last, hears its answer.
        QThread worker;
        worker.start();
        std::atomic<int> heardByGone{0};
        std::atomic<bool> sentinelHeard{false};
        QObject stays;
        stays.moveToThread(&worker);
        for (int i = 0; i < 20; ++i) {
            auto *gone = new QObject;
            gone->moveToThread(&worker);
            QMetaObject::invokeMethod(gone, [&, gone, i] {
                m_queue.read(QString(SecretStore::kService), QStringLiteral("nobody-%1").arg(i), gone,
                             [&](Result<QByteArray>) { ++heardByGone; });
                delete gone;
            });
        }
        QMetaObject::invokeMethod(&stays, [&] {
            m_queue.read(QString(SecretStore::kService), QStringLiteral("sentinel"), &stays,
                         [&](Result<QByteArray>) { sentinelHeard = true; });
        });
        QTRY_VERIFY_WITH_TIMEOUT(sentinelHeard.load(), 20000);
        QCOMPARE(heardByGone.load(), 0);
        QMetaObject::invokeMethod(&stays, [&] { stays.moveToThread(QCoreApplication::instance()->thread()); }, Qt::BlockingQueuedConnection);
        worker.quit();
        worker.wait();
    }

    void dataKeyLivesInTheKeychain()
    {
        auto first = wait<Result<std::shared_ptr<const CredentialCipher>>>(
            [&](auto done) { CredentialCipher::load(*m_store, done); });
        QVERIFY(first->ok());
        const auto sealed = (**first)->seal(QStringLiteral("01J9ZX8K2QHV0M3T6R7P4N5W8C"), "creds");
        auto second = wait<Result<std::shared_ptr<const CredentialCipher>>>(
            [&](auto done) { CredentialCipher::load(*m_store, done); });
        QVERIFY(second->ok());
        QCOMPARE(*(**second)->open(QStringLiteral("01J9ZX8K2QHV0M3T6R7P4N5W8C"), *sealed), QByteArray("creds"));
        auto raw = wait<Result<QByteArray>>([&](auto done) { m_store->read(QString(SecretStore::kDataKeyName), done); });
        QCOMPARE((*raw)->size(), 32);
    }

    void issuerKeysLiveInTheKeychain()
    {
        IssuerKeyRing first(*m_store, 60'000);
        QVERIFY(wait<Result<void>>([&](auto done) { first.load(done); })->ok());
        IssuerKeyRing second(*m_store, 60'000);
        QVERIFY(wait<Result<void>>([&](auto done) { second.load(done); })->ok());
        QVERIFY(!first.currentKid().isEmpty());
        QCOMPARE(second.currentKid(), first.currentKid());
        QCOMPARE(second.jwks(), first.jwks());
    }

    void profileCredentials()
    {
        QTemporaryDir dir;
        OperatorProfiles profiles(dir.path(), m_queue);
        QVERIFY(profiles.load().ok());
        const auto p = profiles.add(QStringLiteral("Support"), QStringLiteral("org_01J9ABC"), OperatorProfile::Kind::Jwt);
        QVERIFY(p.ok());
        QCOMPARE(wait<Result<QString>>([&](auto done) { profiles.readCredential(p->id, done); })->error().code,
                 ErrorCode::NotFound);
        const QString secret = QStringLiteral("eyJhbGciOiJFZERTQSJ9.e30.c2ln-ünïcode");
        QVERIFY(wait<Result<void>>([&](auto done) { profiles.storeCredential(p->id, secret, done); })->ok());
        QCOMPARE(**wait<Result<QString>>([&](auto done) { profiles.readCredential(p->id, done); }), secret);
        // Stored under service "wagate", account = profile id.
        auto direct = wait<Result<QByteArray>>([&](auto done) {
            m_queue.read(QStringLiteral("wagate"), p->id, nullptr, done);
        });
        QCOMPARE(QString::fromUtf8(**direct), secret);
        // The metadata file never sees it.
        QFile f(profiles.filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("eyJhbGci"));

        QVERIFY(wait<Result<void>>([&](auto done) { profiles.remove(p->id, done); })->ok());
        QVERIFY(profiles.profiles().isEmpty());
        auto gone = wait<Result<QByteArray>>([&](auto done) { m_queue.read(QStringLiteral("wagate"), p->id, nullptr, done); });
        QCOMPARE(gone->error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
