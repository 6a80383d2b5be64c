// The secrets layer without a keychain: the 0600 file backend, the credential cipher and its tamper
// detection, the keychain backend failing clearly when no Secret Service is reachable, and the
// console's profile metadata file.

#include "auth/credentialcipher.h"
#include "auth/filesecretstore.h"
#include "auth/keychainqueue.h"
#include "auth/operatorprofiles.h"
#include "auth/secretstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace wagate;

namespace {

const QString kSession = QStringLiteral("01J9ZX8K2QHV0M3T6R7P4N5W8C");

int modeOf(const QString &path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

template<typename T>
T syncRead(SecretStore &store, const QString &name)
{
    std::optional<T> out;
    store.read(name, [&](Result<QByteArray> r) { out = std::move(r); });
    return std::move(*out); // the file backend answers before read() returns
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private slots:
    void fileStoreIsCreated0600AndRoundTrips()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nested/dir/secrets.json"));
        auto store = FileSecretStore::open(path);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        QCOMPARE(modeOf(path), 0600);

        auto missing = syncRead<Result<QByteArray>>(**store, QStringLiteral("nothing"));
        QCOMPARE(missing.error().code, ErrorCode::NotFound);

        const QByteArray secret("\x00\x01binary\xff", 9);
        bool wrote = false;
        (*store)->write(QStringLiteral("a"), secret, [&](Result<void> r) { wrote = r.ok(); });
        QVERIFY(wrote);
        QCOMPARE(modeOf(path), 0600); // still 0600 after the atomic rewrite
        QCOMPARE(*syncRead<Result<QByteArray>>(**store, QStringLiteral("a")), secret);

        // A second process (a reopen) sees the same secret.
        auto again = FileSecretStore::open(path);
        QVERIFY(again.ok());
        QCOMPARE(*syncRead<Result<QByteArray>>(**again, QStringLiteral("a")), secret);

        bool removed = false;
        (*again)->remove(QStringLiteral("a"), [&](Result<void> r) { removed = r.ok(); });
        QVERIFY(removed);
        QCOMPARE(syncRead<Result<QByteArray>>(**again, QStringLiteral("a")).error().code, ErrorCode::NotFound);
        // No temporary files are left beside it.
        QCOMPARE(QDir(dir.filePath(QStringLiteral("nested/dir"))).entryList(QDir::Files), QStringList{"secrets.json"});
    }

    void fileStoreRefusesLoosePermissions_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("0600") << 0600 << true;
        QTest::newRow("0400") << 0400 << true;
        QTest::newRow("0644") << 0644 << false;
        QTest::newRow("0640") << 0640 << false;
        QTest::newRow("0604") << 0604 << false;
        QTest::newRow("0620") << 0620 << false;
    }

    void fileStoreRefusesLoosePermissions()
    {
        QFETCH(int, mode);
        QFETCH(bool, accepted);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.json"));
        QVERIFY(FileSecretStore::open(path).ok());
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
        const auto store = FileSecretStore::open(path);
        QCOMPARE(store.ok(), accepted);
        if (!accepted) {
            QCOMPARE(store.error().code, ErrorCode::FailedPrecondition);
            QVERIFY2(store.error().message.contains(QStringLiteral("chmod 600")), qPrintable(store.error().message));
            QVERIFY(store.error().message.contains(path));
        }
    }

    void fileStoreRefusesJunk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"hello\": 1}");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(FileSecretStore::open(path).error().code, ErrorCode::FailedPrecondition);
        QCOMPARE(FileSecretStore::open(dir.path()).error().code, ErrorCode::FailedPrecondition); // a directory
    }

    void openBySpec_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::newRow("keychain") << "keychain" << true;
        QTest::newRow("file") << "file:/srv/wagate/secrets.json" << true;
        QTest::newRow("file without path") << "file:" << false;
        QTest::newRow("plain path") << "/srv/wagate/secrets.json" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("other") << "vault:x" << false;
    }

    void openBySpec()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        QCOMPARE(SecretStore::validateSpec(spec).ok(), valid);
    }

    void openFileBySpec()
    {
        QTemporaryDir dir;
        std::optional<Result<std::unique_ptr<SecretStore>>> opened;
        SecretStore::open(QStringLiteral("file:") + dir.filePath(QStringLiteral("s.json")), nullptr,
                          [&](Result<std::unique_ptr<SecretStore>> r) { opened = std::move(r); });
        QVERIFY(opened.has_value() && opened->ok());
        QVERIFY((**opened)->describe().startsWith(QStringLiteral("file ")));
    }

    void keychainUnavailableNamesTheFileAlternative()
    {
        // This test runs with DBUS_SESSION_BUS_ADDRESS pointing at nothing (see CMakeLists.txt).
        KeychainQueue queue;
        std::optional<Result<std::unique_ptr<SecretStore>>> opened;
        SecretStore::open(QStringLiteral("keychain"), &queue,
                          [&](Result<std::unique_ptr<SecretStore>> r) { opened = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(opened.has_value(), 30000);
        QVERIFY(!opened->ok());
        QCOMPARE(opened->error().code, ErrorCode::Unavailable);
        QVERIFY2(opened->error().message.contains(QStringLiteral("--secrets file:PATH")),
                 qPrintable(opened->error().message));
        QVERIFY(opened->error().message.contains(QStringLiteral("keychain")));
    }

    void cipherRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("short") << QByteArray("noise keys");
        QTest::newRow("binary 64 KiB") << QByteArray(65536, '\xA5');
    }

    void cipherRoundTrip()
    {
        QFETCH(QByteArray, plaintext);
        const CredentialCipher cipher(QByteArray(32, 'k'));
        const auto a = cipher.seal(kSession, plaintext);
        const auto b = cipher.seal(kSession, plaintext);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->size(), plaintext.size() + CredentialCipher::kOverhead);
        QCOMPARE(a->at(0), CredentialCipher::kVersion);
        QVERIFY(a->mid(1, 12) != b->mid(1, 12)); // a fresh nonce each time
        QVERIFY(*a != *b);
        if (!plaintext.isEmpty())
            QVERIFY(!a->contains(plaintext.left(8)));
        const auto opened = cipher.open(kSession, *a);
        QVERIFY(opened.ok());
        QCOMPARE(*opened, plaintext);
    }

    void cipherDetectsTampering_data()
    {
        QTest::addColumn<int>("flipAt");     // byte to flip; -1 for none
        QTest::addColumn<int>("truncateTo"); // -1 for none
        QTest::addColumn<QString>("session");
        QTest::addColumn<QByteArray>("key");
        const QByteArray key(32, 'k');
        QTest::newRow("version byte") << 0 << -1 << kSession << key;
        QTest::newRow("nonce first byte") << 1 << -1 << kSession << key;
        QTest::newRow("nonce last byte") << 12 << -1 << kSession << key;
        QTest::newRow("ciphertext") << 20 << -1 << kSession << key;
        QTest::newRow("tag last byte") << -2 << -1 << kSession << key; // -2: the last byte
        QTest::newRow("other session (associated data)") << -1 << -1 << QStringLiteral("01J9ZX8K2QHV0M3T6R7P4N5W8D") << key;
        QTest::newRow("empty session") << -1 << -1 << QString() << key;
        QTest::newRow("truncated tag") << -1 << 40 << kSession << key;
        QTest::newRow("truncated to the header") << -1 << 13 << kSession << key;
        QTest::newRow("empty input") << -1 << 0 << kSession << key;
        QTest::newRow("other key") << -1 << -1 << kSession << QByteArray(32, 'K');
    }

    void cipherDetectsTampering()
    {
        QFETCH(int, flipAt);
        QFETCH(int, truncateTo);
        QFETCH(QString, session);
        QFETCH(QByteArray, key);
        const CredentialCipher sealer(QByteArray(32, 'k'));
        auto sealed = sealer.seal(kSession, QByteArray("the WhatsApp noise key and identity"));
        QVERIFY(sealed.ok());
        QByteArray blob = *sealed;
        if (flipAt == -2)
            flipAt = int(blob.size() - 1);
        if (flipAt >= 0)
            blob[flipAt] = char(blob[flipAt] ^ 0x01);
        if (truncateTo >= 0)
            blob.truncate(truncateTo);
        const CredentialCipher opener(key);
        const auto opened = opener.open(session, blob);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Internal);
        // The untouched blob still opens: the failure above is the tampering, not the setup.
        QVERIFY(sealer.open(kSession, *sealed).ok());
    }

    void cipherRejectsABadKey()
    {
        const CredentialCipher cipher(QByteArray(16, 'k'));
        QVERIFY(!cipher.isValid());
        QVERIFY(!cipher.seal(kSession, "x").ok());
    }

    void dataKeyIsCreatedOnceAndKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.json"));
        auto store = FileSecretStore::open(path);
        QVERIFY(store.ok());
        std::shared_ptr<const CredentialCipher> first;
        CredentialCipher::load(**store, [&](Result<std::shared_ptr<const CredentialCipher>> r) { first = r.ok() ? *r : nullptr; });
        QVERIFY(first);
        const auto key = syncRead<Result<QByteArray>>(**store, QString(SecretStore::kDataKeyName));
        QVERIFY(key.ok());
        QCOMPARE(key->size(), 32);
        const auto sealed = first->seal(kSession, "secret");

        auto reopened = FileSecretStore::open(path);
        QVERIFY(reopened.ok());
        std::shared_ptr<const CredentialCipher> second;
        CredentialCipher::load(**reopened, [&](Result<std::shared_ptr<const CredentialCipher>> r) { second = r.ok() ? *r : nullptr; });
        QVERIFY(second);
        QCOMPARE(*second->open(kSession, *sealed), QByteArray("secret"));
        // The file holds no plaintext credential, only the base64 data key.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("secret\""));
    }

    void profilesMetadataFile()
    {
        QTemporaryDir dir;
        KeychainQueue queue;
        OperatorProfiles profiles(dir.path(), queue);
        QVERIFY(profiles.load().ok());
        QVERIFY(profiles.profiles().isEmpty());
        const auto a = profiles.add(QStringLiteral("Support desk"), QStringLiteral("org_01J9ABC"),
                                    OperatorProfile::Kind::LocalAccount, QStringLiteral("alice"));
        QVERIFY(a.ok());
        QVERIFY(a->id.startsWith(QStringLiteral("prf_")));
        const auto b = profiles.add(QStringLiteral("Nightly script"), QStringLiteral("org_01J9ABC"), OperatorProfile::Kind::ApiKey);
        QVERIFY(b.ok());
        QCOMPARE(profiles.add(QString(), QStringLiteral("org_01J9ABC"), OperatorProfile::Kind::Jwt).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(profiles.add(QStringLiteral("x"), QStringLiteral("org_01J9ABC"), OperatorProfile::Kind::LocalAccount).error().code,
                 ErrorCode::InvalidArgument); // a local account needs a username

        OperatorProfiles reloaded(dir.path(), queue);
        QVERIFY(reloaded.load().ok());
        QCOMPARE(reloaded.profiles(), profiles.profiles());
        QCOMPARE(reloaded.find(a->id)->username, QStringLiteral("alice"));
        QFile f(reloaded.filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(doc.value("profiles").toArray().size(), 2);
        QCOMPARE(doc.value("profiles").toArray().at(1).toObject().value("kind").toString(), QStringLiteral("api_key"));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
