// The local issuer end to end on a real SQLite store and a 0600 secrets file: operator accounts,
// login and its throttling, the published JWKS, key rotation, persistence, and the authenticator.

#include "auth/apikeys.h"
#include "auth/authservice.h"
#include "auth/credentialcipher.h"
#include "auth/filesecretstore.h"
#include "auth/issuerkeyring.h"
#include "auth/jwtverifier.h"
#include "auth/operatorrepository.h"
#include "auth/passwords.h"
#include "authtestsupport.h"
#include "store/database.h"
#include "store/organizationrepository.h"
#include "testdatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace wagate;
using namespace authtest;

namespace {

const QString kOrgA = QStringLiteral("org_01J9AAAAAAAAAAAAAAAAAAAAAA");
const QString kOrgB = QStringLiteral("org_01J9BBBBBBBBBBBBBBBBBBBBBB");
const QString kPassword = QStringLiteral("correct horse battery");
const QString kBadCredentials = QStringLiteral("invalid username or password");

Principal principal(Principal::Kind kind, const QString &org, const QString &role = {})
{
    Principal p;
    p.kind = kind;
    p.organizationId = org;
    p.role = role;
    if (kind == Principal::Kind::User) {
        p.userId = QStringLiteral("user_01J9CALLER0000000000000000");
        p.capabilities = capabilitiesForRole(role).value_or(Capabilities());
    } else if (kind == Principal::Kind::ApiKey) {
        p.apiKeyId = QStringLiteral("key_01J9CALLER0000000000000000");
        p.capabilities = Capability::Admin | Capability::Read;
    } else {
        p.capabilities = Capability::Read | Capability::Manage | Capability::Send | Capability::Admin;
    }
    return p;
}

QJsonObject tokenPart(const QString &token, int index)
{
    const auto bytes = QByteArray::fromBase64(token.split(u'.').value(index).toLatin1(), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace

using Backend = wagate::test::TestDatabase::Backend;
Q_DECLARE_METATYPE(Backend)

class TestLocalIssuer : public QObject
{
    Q_OBJECT

    qint64 m_now = 1'750'000'000'000;
    int m_connection = 0;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FileSecretStore> m_secrets;
    std::unique_ptr<AuthService> m_auth;

    AuthConfig config(const PasswordCost &cost = PasswordCost::minimum()) const
    {
        AuthConfig c;
        c.passwordCost = cost;
        return c;
    }

    std::unique_ptr<AuthService> startService(const AuthConfig &c)
    {
        auto auth = std::make_unique<AuthService>(*m_db, *m_secrets, c, [this] { return m_now; });
        std::optional<Result<void>> started;
        auth->start([&](Result<void> r) { started = r; });
        if (!QTest::qWaitFor([&] { return started.has_value(); }, 10000) || !started->ok())
            return nullptr;
        return auth;
    }

    Result<OperatorInfo> addOperator(const Principal &caller, const QString &username, const QString &role,
                                     const QString &password = kPassword, AuthService *auth = nullptr)
    {
        std::optional<Result<OperatorInfo>> out;
        (auth ? auth : m_auth.get())->operators().add(caller, {username, role, password}, [&](Result<OperatorInfo> r) {
            out = std::move(r);
        });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return Error::internal(QStringLiteral("no answer"));
        return *out;
    }

    Result<LoginResult> login(const QString &username, const QString &password, const QString &address = QStringLiteral("127.0.0.1"),
                              const QString &org = kOrgA, AuthService *auth = nullptr)
    {
        std::optional<Result<LoginResult>> out;
        (auth ? auth : m_auth.get())->login(org, username, password, address, [&](Result<LoginResult> r) {
            out = std::move(r);
        });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return Error::internal(QStringLiteral("no answer"));
        return *out;
    }

    Result<Principal> authenticate(const QString &header)
    {
        std::optional<Result<Principal>> out;
        m_auth->authenticate(header, [&](Result<Principal> r) { out = std::move(r); });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return Error::internal(QStringLiteral("no answer"));
        return *out;
    }

    static int retryAfter(const Result<LoginResult> &r)
    {
        if (r.ok() || r.error().code != ErrorCode::RateLimited)
            return -1;
        return r.error().details.value(QStringLiteral("retryAfterSeconds")).toInt();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        DatabaseConfig dbc;
        dbc.sqlitePath = m_dir->filePath(QStringLiteral("wagate.sqlite"));
        dbc.connectionName = QStringLiteral("tst_localissuer_%1").arg(++m_connection);
        auto db = Database::open(dbc);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db = std::move(*db);
        QCOMPARE(m_db->schemaVersion(), Database::latestSchemaVersion());
        OrganizationRepository orgs(*m_db);
        QVERIFY(orgs.insert({kOrgA, QStringLiteral("A"), m_now}).ok());
        QVERIFY(orgs.insert({kOrgB, QStringLiteral("B"), m_now}).ok());
        auto secrets = FileSecretStore::open(m_dir->filePath(QStringLiteral("secrets.json")));
        QVERIFY(secrets.ok());
        m_secrets = std::move(*secrets);
        m_auth = startService(config());
        QVERIFY(m_auth);
        QVERIFY(addOperator(principal(Principal::Kind::System, kOrgA), QStringLiteral("alice"), QStringLiteral("operator")).ok());
    }

    void cleanup()
    {
        m_auth.reset();
        m_secrets.reset();
        m_db.reset();
        m_dir.reset();
    }

    void loginMintsATokenTheVerifierAccepts()
    {
        const auto r = login(QStringLiteral("Alice"), kPassword); // usernames are case-insensitive
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->expiresAt, (m_now + 15 * 60 * 1000) / 1000 * 1000);
        QCOMPARE(r->role, QStringLiteral("operator"));
        QVERIFY(r->userId.startsWith(QStringLiteral("user_")));

        const QJsonObject header = tokenPart(r->token, 0);
        const QJsonObject claims = tokenPart(r->token, 1);
        QCOMPARE(header.value("alg").toString(), QStringLiteral("EdDSA"));
        QCOMPARE(header.value("kid").toString(), m_auth->issuerKeys().currentKid());
        QCOMPARE(claims.value("iss").toString(), QStringLiteral("wagate"));
        QCOMPARE(claims.value("sub").toString(), r->userId);
        QCOMPARE(claims.value("org").toString(), kOrgA);
        QCOMPARE(claims.value("exp").toInteger() - claims.value("iat").toInteger(), 15 * 60);

        // Through the gateway's own authenticator (local keys) ...
        const auto p = authenticate(QStringLiteral("Bearer ") + r->token);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        QCOMPARE(p->userId, r->userId);
        QCOMPARE(p->organizationId, kOrgA);
        QVERIFY(p->can(Capability::Manage) && !p->can(Capability::Admin));

        // ... and through an independent verifier that only knows the published JWKS.
        JwksServer server;
        server.body = json(m_auth->jwks());
        JwtVerifier::Options o;
        o.jwks = {server.url()};
        o.issuer = QStringLiteral("wagate");
        JwtVerifier external(o, [this] { return m_now; });
        std::optional<Result<Principal>> got;
        external.verify(r->token, [&](Result<Principal> v) { got = std::move(v); });
        QTRY_VERIFY(got.has_value());
        QVERIFY2(got->ok(), qPrintable(got->ok() ? QString() : got->error().message));
        QCOMPARE((*got)->userId, r->userId);

        // The published document holds public members only.
        const QJsonObject jwk = m_auth->jwks().value("keys").toArray().first().toObject();
        QCOMPARE(jwk.value("kty").toString(), QStringLiteral("OKP"));
        QCOMPARE(jwk.value("crv").toString(), QStringLiteral("Ed25519"));
        QVERIFY(!jwk.contains("d"));
    }

    void rejectedLogins_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << kOrgA << "alice" << "not the password";
        QTest::newRow("unknown user") << kOrgA << "mallory" << kPassword;
        QTest::newRow("right user, other organization") << kOrgB << "alice" << kPassword;
        QTest::newRow("unknown organization") << "org_01J9NOPE000000000000000000" << "alice" << kPassword;
        QTest::newRow("malformed username") << kOrgA << "al ice" << kPassword;
        QTest::newRow("empty password") << kOrgA << "alice" << "";
        QTest::newRow("malformed organization") << "org/../x" << "alice" << kPassword;
    }

    void rejectedLogins()
    {
        QFETCH(QString, org);
        QFETCH(QString, username);
        QFETCH(QString, password);
        const auto r = login(username, password, QStringLiteral("127.0.0.1"), org);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Unauthorized);
        QCOMPARE(r.error().message, kBadCredentials); // one message: no account enumeration
    }

    void throttlingPerUsernameGrowsAndResets()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("guess number %1").arg(i)).error().message, kBadCredentials);
        // Locked: even the right password is not checked now.
        QCOMPARE(retryAfter(login(QStringLiteral("alice"), kPassword)), 1);
        // Each further failure doubles the wait.
        QList<int> waits;
        for (int i = 0; i < 4; ++i) {
            const int wait = retryAfter(login(QStringLiteral("alice"), QStringLiteral("still guessing")));
            QVERIFY(wait > 0);
            waits << wait;
            m_now += qint64(wait) * 1000;
            QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("still guessing")).error().message, kBadCredentials);
        }
        QCOMPARE(waits, (QList<int>{1, 2, 4, 8}));
        // Another user from the same address is not affected by alice's lock.
        QVERIFY(addOperator(principal(Principal::Kind::System, kOrgA), QStringLiteral("bob"), QStringLiteral("viewer")).ok());
        QVERIFY(login(QStringLiteral("bob"), kPassword).ok());

        // After the wait, the right password works and clears the count.
        const int wait = retryAfter(login(QStringLiteral("alice"), kPassword));
        QCOMPARE(wait, 16);
        m_now += qint64(wait) * 1000;
        QVERIFY(login(QStringLiteral("alice"), kPassword).ok());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("typo")).error().message, kBadCredentials);
        QCOMPARE(retryAfter(login(QStringLiteral("alice"), kPassword)), 1);
    }

    void throttlingCapsTheDelay()
    {
        const LoginThrottle::Policy p = LoginThrottle::defaultUserPolicy();
        QCOMPARE(LoginThrottle::delayAfter(p, 4), 0);
        QCOMPARE(LoginThrottle::delayAfter(p, 5), 1000);
        QCOMPARE(LoginThrottle::delayAfter(p, 9), 16000);
        QCOMPARE(LoginThrottle::delayAfter(p, 30), p.maxDelayMs);
        QCOMPARE(LoginThrottle::delayAfter(p, 1000), p.maxDelayMs);
    }

    void throttlingPerAddress()
    {
        const QString attacker = QStringLiteral("192.0.2.7");
        // Many usernames, one failure each: no username is locked, but the address is.
        for (int i = 0; i < LoginThrottle::defaultAddressPolicy().freeFailures; ++i)
            QCOMPARE(login(QStringLiteral("user%1").arg(i), kPassword, attacker).error().message, kBadCredentials);
        QCOMPARE(retryAfter(login(QStringLiteral("alice"), kPassword, attacker)), 1);
        // The same account from another address is fine.
        QVERIFY(login(QStringLiteral("alice"), kPassword, QStringLiteral("198.51.100.1")).ok());
        // After the wait a success from the address clears it.
        m_now += 1000;
        QVERIFY(login(QStringLiteral("alice"), kPassword, attacker).ok());
        QCOMPARE(login(QStringLiteral("nobody"), kPassword, attacker).error().message, kBadCredentials);
    }

    void rotationKeepsTheOldKeyUntilItsTokensExpire()
    {
        const auto first = login(QStringLiteral("alice"), kPassword);
        QVERIFY(first.ok());
        const QString oldKid = m_auth->issuerKeys().currentKid();

        m_now += 5 * 60 * 1000;
        std::optional<Result<void>> rotated;
        m_auth->rotateSigningKey([&](Result<void> r) { rotated = r; });
        QTRY_VERIFY(rotated.has_value());
        QVERIFY(rotated->ok());
        const QString newKid = m_auth->issuerKeys().currentKid();
        QVERIFY(newKid != oldKid);

        const auto second = login(QStringLiteral("alice"), kPassword);
        QVERIFY(second.ok());
        QCOMPARE(tokenPart(second->token, 0).value("kid").toString(), newKid);
        auto kids = [this] {
            QStringList out;
            for (const QJsonValue &k : m_auth->jwks().value("keys").toArray())
                out << k.toObject().value("kid").toString();
            return out;
        };
        QCOMPARE(kids(), (QStringList{newKid, oldKid}));
        QVERIFY(authenticate(QStringLiteral("Bearer ") + first->token).ok());
        QVERIFY(authenticate(QStringLiteral("Bearer ") + second->token).ok());

        // The first token (minted 5 minutes before the rotation) expires 10 minutes after it.
        m_now += 10 * 60 * 1000 + 61 * 1000;
        QCOMPARE(authenticate(QStringLiteral("Bearer ") + first->token).error().message, QStringLiteral("token expired"));
        QVERIFY(authenticate(QStringLiteral("Bearer ") + second->token).ok());
        // The old key stays published until every token it could have signed is past exp + leeway.
        QCOMPARE(kids(), (QStringList{newKid, oldKid}));
        m_now += 5 * 60 * 1000;
        QCOMPARE(kids(), QStringList{newKid});
    }

    void keysAndDataKeySurviveARestart()
    {
        const auto r = login(QStringLiteral("alice"), kPassword);
        QVERIFY(r.ok());
        const QString kid = m_auth->issuerKeys().currentKid();
        const auto sealed = m_auth->credentialCipher()->seal(QStringLiteral("01J9SESSION0000000000000000"), "creds");
        QVERIFY(sealed.ok());

        m_auth.reset();
        auto reopened = FileSecretStore::open(m_dir->filePath(QStringLiteral("secrets.json")));
        QVERIFY(reopened.ok());
        m_secrets = std::move(*reopened);
        m_auth = startService(config());
        QVERIFY(m_auth);
        QCOMPARE(m_auth->issuerKeys().currentKid(), kid);
        QVERIFY(authenticate(QStringLiteral("Bearer ") + r->token).ok());
        const auto opened = m_auth->credentialCipher()->open(QStringLiteral("01J9SESSION0000000000000000"), *sealed);
        QVERIFY(opened.ok());
        QCOMPARE(*opened, QByteArray("creds"));
    }

    void oldSigningKeyIsRotatedAtStart()
    {
        const QString kid = m_auth->issuerKeys().currentKid();
        m_auth.reset();
        m_now += 91LL * 24 * 60 * 60 * 1000;
        m_auth = startService(config());
        QVERIFY(m_auth);
        QVERIFY(m_auth->issuerKeys().currentKid() != kid);
    }

    void weakerHashIsUpgradedAtLogin()
    {
        OperatorRepository repo(*m_db);
        const QString before = repo.byUsername(kOrgA, QStringLiteral("alice"))->passwordHash;
        const PasswordCost stronger{3, PasswordCost::minimum().memLimit * 2};
        QVERIFY(passwords::needsRehash(before, stronger));
        QVERIFY(!passwords::needsRehash(before, PasswordCost::minimum()));

        auto upgraded = startService(config(stronger));
        QVERIFY(upgraded);
        QVERIFY(login(QStringLiteral("alice"), kPassword, QStringLiteral("127.0.0.1"), kOrgA, upgraded.get()).ok());
        const QString after = repo.byUsername(kOrgA, QStringLiteral("alice"))->passwordHash;
        QVERIFY(after != before);
        QVERIFY(after.startsWith(QStringLiteral("$argon2id$")));
        QVERIFY(!passwords::needsRehash(after, stronger));
        QVERIFY(passwords::verify(after, kPassword));
        // A failed login changes nothing.
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("wrong password"), QStringLiteral("127.0.0.1"), kOrgA,
                       upgraded.get()).error().message, kBadCredentials);
        QCOMPARE(repo.byUsername(kOrgA, QStringLiteral("alice"))->passwordHash, after);
    }

    void operatorAdministration()
    {
        const Principal system = principal(Principal::Kind::System, kOrgA);
        const Principal admin = principal(Principal::Kind::User, kOrgA, QStringLiteral("admin"));
        const Principal viewer = principal(Principal::Kind::User, kOrgA, QStringLiteral("viewer"));
        const Principal otherAdmin = principal(Principal::Kind::User, kOrgB, QStringLiteral("admin"));
        const Principal apiKey = principal(Principal::Kind::ApiKey, kOrgA);
        OperatorService &ops = m_auth->operators();

        const auto owner = addOperator(system, QStringLiteral("olivia"), QStringLiteral("owner"));
        QVERIFY(owner.ok());
        const auto bob = addOperator(admin, QStringLiteral("Bob"), QStringLiteral("viewer"));
        QVERIFY(bob.ok());
        QCOMPARE(bob->username, QStringLiteral("bob"));
        QCOMPARE(bob->createdBy, admin.userId);

        QCOMPARE(addOperator(admin, QStringLiteral("BOB"), QStringLiteral("viewer")).error().code, ErrorCode::AlreadyExists);
        QCOMPARE(addOperator(admin, QStringLiteral("carol"), QStringLiteral("owner")).error().code, ErrorCode::Forbidden);
        QCOMPARE(addOperator(viewer, QStringLiteral("carol"), QStringLiteral("viewer")).error().code, ErrorCode::Forbidden);
        const auto shortPassword = addOperator(admin, QStringLiteral("carol"), QStringLiteral("viewer"), QStringLiteral("123456789"));
        QCOMPARE(shortPassword.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(shortPassword.error().details.value("field").toString(), QStringLiteral("password"));
        QCOMPARE(addOperator(admin, QStringLiteral("carol"), QStringLiteral("root")).error().details.value("field").toString(),
                 QStringLiteral("role"));
        QCOMPARE(addOperator(admin, QStringLiteral("ca rol"), QStringLiteral("viewer")).error().details.value("field").toString(),
                 QStringLiteral("username"));
        // The same username in another organization is a different account.
        QVERIFY(addOperator(otherAdmin, QStringLiteral("bob"), QStringLiteral("viewer")).ok());

        auto listed = ops.list(apiKey);
        QVERIFY(listed.ok());
        QStringList names;
        for (const OperatorInfo &o : *listed)
            names << o.username;
        QCOMPARE(names, (QStringList{"alice", "bob", "olivia"}));
        QCOMPARE(ops.list(viewer).error().code, ErrorCode::Forbidden);

        // Another organization's operator does not exist for this caller.
        QCOMPARE(ops.get(otherAdmin, bob->id).error().code, ErrorCode::NotFound);
        QCOMPARE(ops.setRole(otherAdmin, bob->id, QStringLiteral("admin")).error().code, ErrorCode::NotFound);
        QCOMPARE(ops.remove(otherAdmin, bob->id).error().code, ErrorCode::NotFound);
        QCOMPARE(ops.remove(admin, QStringLiteral("../etc")).error().code, ErrorCode::NotFound);

        const auto promoted = ops.setRole(admin, bob->id, QStringLiteral("operator"));
        QVERIFY(promoted.ok());
        QCOMPARE(promoted->role, QStringLiteral("operator"));
        const auto bobLogin = login(QStringLiteral("bob"), kPassword);
        QVERIFY(bobLogin.ok());
        QCOMPARE(tokenPart(bobLogin->token, 1).value("role").toString(), QStringLiteral("operator"));

        // Owners: only an owner may touch the role, and the last one stays.
        QCOMPARE(ops.setRole(admin, owner->id, QStringLiteral("viewer")).error().code, ErrorCode::Forbidden);
        QCOMPARE(ops.remove(system, owner->id).error().code, ErrorCode::FailedPrecondition);
        const Principal ownerCaller = principal(Principal::Kind::User, kOrgA, QStringLiteral("owner"));
        QVERIFY(ops.setRole(ownerCaller, bob->id, QStringLiteral("owner")).ok());
        QVERIFY(ops.remove(ownerCaller, owner->id).ok());
        QCOMPARE(ops.remove(ownerCaller, bob->id).error().code, ErrorCode::FailedPrecondition);

        QVERIFY(ops.remove(admin, QString(ops.list(admin)->first().id)).ok()); // alice
        QCOMPARE(login(QStringLiteral("alice"), kPassword).error().message, kBadCredentials);
    }

    void operatorRepositoryOnBothBackends_data()
    {
        QTest::addColumn<Backend>("backend");
        QTest::newRow("sqlite") << Backend::Sqlite;
        QTest::newRow("postgres") << Backend::Postgres;
    }

    void operatorRepositoryOnBothBackends()
    {
        // Migration 2 and every statement of the repository, on SQLite and PostgreSQL alike.
        QFETCH(Backend, backend);
        WAGATE_OPEN_TEST_DATABASE(tdb, backend);
        auto db = Database::open(tdb.config(QStringLiteral("tst_localissuer_repo")));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(OrganizationRepository(**db).insert({kOrgA, QStringLiteral("A"), m_now}).ok());
        OperatorRepository repo(**db);
        OperatorRecord o{QStringLiteral("user_01J9REPO000000000000000000"), kOrgA, QStringLiteral("dora"),
                         QStringLiteral("owner"), QStringLiteral("$argon2id$x"), m_now, m_now, QStringLiteral("system"), 0};
        QVERIFY(repo.insert(o).ok());
        OperatorRecord clash = o;
        clash.id = QStringLiteral("user_01J9REPO000000000000000001");
        QCOMPARE(repo.insert(clash).error().code, ErrorCode::AlreadyExists);
        OperatorRecord unknownOrg = clash;
        unknownOrg.organizationId = QStringLiteral("org_01J9NONE");
        unknownOrg.username = QStringLiteral("eve");
        QVERIFY(!repo.insert(unknownOrg).ok()); // the foreign key holds

        auto found = repo.byUsername(kOrgA, QStringLiteral("dora"));
        QVERIFY(found.ok());
        QCOMPARE(found->id, o.id);
        QCOMPARE(found->lastLoginAt, 0);
        QCOMPARE(repo.byUsername(kOrgB, QStringLiteral("dora")).error().code, ErrorCode::NotFound);
        QCOMPARE(*repo.countWithRole(kOrgA, QStringLiteral("owner")), 1);
        QVERIFY(repo.setRole(kOrgA, o.id, QStringLiteral("admin"), m_now + 1).ok());
        QCOMPARE(repo.setRole(kOrgB, o.id, QStringLiteral("viewer"), m_now + 1).error().code, ErrorCode::NotFound);
        QVERIFY(repo.setPasswordHash(o.id, QStringLiteral("$argon2id$y"), m_now + 2).ok());
        QVERIFY(repo.touchLogin(o.id, m_now + 3).ok());
        const auto after = repo.get(kOrgA, o.id);
        QVERIFY(after.ok());
        QCOMPARE(after->role, QStringLiteral("admin"));
        QCOMPARE(after->passwordHash, QStringLiteral("$argon2id$y"));
        QCOMPARE(after->updatedAt, m_now + 2);
        QCOMPARE(after->lastLoginAt, m_now + 3);
        QCOMPARE(repo.list(kOrgA)->size(), 1);
        QCOMPARE(repo.remove(kOrgB, o.id).error().code, ErrorCode::NotFound);
        QVERIFY(repo.remove(kOrgA, o.id).ok());
        QVERIFY(repo.list(kOrgA)->isEmpty());
    }

    void loginBeforeStartIsUnavailable()
    {
        AuthService idle(*m_db, *m_secrets, config(), [this] { return m_now; });
        const auto r = login(QStringLiteral("alice"), kPassword, QStringLiteral("127.0.0.1"), kOrgA, &idle);
        QCOMPARE(r.error().code, ErrorCode::Unavailable);
    }

    void authenticator_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("expected"); // error message, or "user"/"key" for the principal kind
        QTest::newRow("missing") << "" << "missing bearer token";
        QTest::newRow("basic") << "Basic YWxpY2U6cHc=" << "authorization must use the Bearer scheme";
        QTest::newRow("scheme only") << "Bearer" << "missing bearer token";
        QTest::newRow("scheme and spaces") << "Bearer    " << "missing bearer token";
        QTest::newRow("two tokens") << "Bearer abc def" << "malformed bearer token";
        QTest::newRow("control character") << "Bearer abc\x01" << "malformed bearer token";
        QTest::newRow("bad API key") << "Bearer wgk_notarealkey" << "invalid API key";
        QTest::newRow("garbage JWT") << "Bearer a.b.c" << "malformed token";
        QTest::newRow("valid JWT") << "Bearer ${jwt}" << "user";
        QTest::newRow("valid JWT, lower-case scheme") << "bearer ${jwt}" << "user";
        QTest::newRow("valid JWT, tampered") << "Bearer ${jwt}x" << "invalid signature";
        QTest::newRow("valid API key") << "Bearer ${key}" << "key";
    }

    void authenticator()
    {
        QFETCH(QString, header);
        QFETCH(QString, expected);
        if (header.contains(QStringLiteral("${jwt}"))) {
            const auto r = login(QStringLiteral("alice"), kPassword);
            QVERIFY(r.ok());
            // "x" appended changes the last signature character's stray bits or length: keep it
            // well-formed by replacing the last 4 characters instead.
            QString token = r->token;
            if (header.endsWith(QStringLiteral("}x"))) {
                token = token.left(token.size() - 4) + (token.endsWith(QStringLiteral("AAAA")) ? "BBBB" : "AAAA");
                header.chop(1);
            }
            header.replace(QStringLiteral("${jwt}"), token);
        }
        if (header.contains(QStringLiteral("${key}"))) {
            const auto key = m_auth->apiKeys().create(Principal::system(kOrgA), QStringLiteral("script"), Capability::Read);
            QVERIFY(key.ok());
            header.replace(QStringLiteral("${key}"), key->token);
        }
        const auto p = authenticate(header);
        if (expected == u"user" || expected == u"key") {
            QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
            QCOMPARE(p->kind, expected == u"user" ? Principal::Kind::User : Principal::Kind::ApiKey);
            QCOMPARE(p->organizationId, kOrgA);
        } else {
            QVERIFY(!p.ok());
            QCOMPARE(p.error().code, ErrorCode::Unauthorized);
            QCOMPARE(p.error().message, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestLocalIssuer)
#include "tst_localissuer.moc"
