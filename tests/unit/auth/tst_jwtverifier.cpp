// JWT verification against JWKS sources: a table of bad tokens with their exact errors, good tokens of
// all three algorithms, caching by Cache-Control, the rate-limited refetch for unknown kids.

#include "auth/jwk.h"
#include "auth/jwkssource.h"
#include "auth/jwt.h"
#include "auth/jwtverifier.h"
#include "authtestsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wagate;
using namespace authtest;

namespace {
const QString kIssuer = QStringLiteral("https://login.example.test");
const QString kAudience = QStringLiteral("wagate-api");
const QString kOrg = QStringLiteral("org_01J9ABCDEFGHJKMNPQRSTVWXYZ");
} // namespace

class TestJwtVerifier : public QObject
{
    Q_OBJECT

    qint64 m_now = 1'750'000'000'000; // fixed fake time (ms)
    TestKey m_rsa, m_ec, m_ed, m_stranger, m_strangerEc, m_rotated;
    std::unique_ptr<JwksServer> m_server;
    std::unique_ptr<JwtVerifier> m_verifier;

    qint64 nowSeconds() const { return m_now / 1000; }

    QJsonObject claims(const QJsonObject &overrides = {}, const QStringList &remove = {}) const
    {
        QJsonObject c{{QStringLiteral("iss"), kIssuer},
                      {QStringLiteral("aud"), kAudience},
                      {QStringLiteral("sub"), QStringLiteral("user_01J9DEFGHJKMNPQRSTVWXYZ12")},
                      {QStringLiteral("org"), kOrg},
                      {QStringLiteral("role"), QStringLiteral("operator")},
                      {QStringLiteral("iat"), double(nowSeconds())},
                      {QStringLiteral("exp"), double(nowSeconds() + 600)}};
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            c.insert(it.key(), it.value());
        for (const QString &r : remove)
            c.remove(r);
        return c;
    }

    JwtVerifier::Options options() const
    {
        JwtVerifier::Options o;
        o.jwks = {m_server->url()};
        o.issuer = kIssuer;
        o.audience = kAudience;
        return o;
    }

    //! Verifies and waits for the answer, however it comes; reports whether it came synchronously.
    Result<Principal> verifyAndWait(JwtVerifier &verifier, const QString &token, bool *wasSync = nullptr)
    {
        std::optional<Result<Principal>> answer;
        verifier.verify(token, [&answer](Result<Principal> r) { answer = std::move(r); });
        if (wasSync)
            *wasSync = answer.has_value(); // answered before verify() returned: no fetch was needed
        if (!answer && !QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
            return Error::internal(QStringLiteral("no answer"));
        return *answer;
    }

private slots:
    void initTestCase()
    {
        m_rsa = makeKey(QStringLiteral("RS256"), QStringLiteral("rsa-1"));
        m_ec = makeKey(QStringLiteral("ES256"), QStringLiteral("ec-1"));
        m_ed = makeKey(QStringLiteral("EdDSA"), QStringLiteral("ed-1"));
        m_stranger = makeKey(QStringLiteral("RS256"), QStringLiteral("rsa-1")); // same kid, other key
        m_strangerEc = makeKey(QStringLiteral("ES256"), QStringLiteral("ec-1"));
        m_rotated = makeKey(QStringLiteral("EdDSA"), QStringLiteral("ed-2"));
    }

    void init()
    {
        m_server = std::make_unique<JwksServer>();
        m_server->body = jwks({m_rsa, m_ec, m_ed});
        m_verifier = std::make_unique<JwtVerifier>(options(), [this] { return m_now; });
        m_verifier->start();
        QTRY_COMPARE(m_server->requests, 1);
        QTRY_VERIFY(!m_verifier->sources().first()->isFetching());
        QCOMPARE(m_verifier->sources().first()->keys().size(), 3);
    }

    void cleanup()
    {
        m_verifier.reset();
        m_server.reset();
    }

    void badTokens_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("expected"); // the error message, or empty when the token is accepted
        QTest::addColumn<qint64>("advanceMs"); // fake time passing before verification

        const QJsonObject c = claims();
        const QString good = token(m_rsa, header(m_rsa), c);
        const QStringList parts = good.split(u'.');
        auto hdr = [](const QJsonObject &h) { return QString::fromLatin1(b64(json(h))); };
        auto body = [](const QJsonObject &o) { return QString::fromLatin1(b64(json(o))); };
        auto row = [](const char *name, const QString &token, const char *expected, qint64 advance = 0) {
            QTest::newRow(name) << token << QString::fromLatin1(expected) << advance;
        };

        row("alg none", hdr({{"alg", "none"}, {"typ", "JWT"}}) + u'.' + body(c) + u'.', "unsupported algorithm");
        row("alg none with kid", hdr({{"alg", "none"}, {"kid", "rsa-1"}}) + u'.' + body(c) + QStringLiteral(".AAAA"), "unsupported algorithm");
        row("HS256 keyed with the RSA public key (confusion)",
            hmacToken(publicPem(m_rsa), {{"alg", "HS256"}, {"kid", "rsa-1"}}, c), "unsupported algorithm");
        row("HS256 keyed with the JWK n", hmacToken(m_rsa.jwk.value("n").toString().toLatin1(), {{"alg", "HS256"}}, c),
            "unsupported algorithm");
        row("HS512", hmacToken("secret", {{"alg", "HS512"}}, c), "unsupported algorithm");
        row("RS512", token(m_rsa, {{"alg", "RS512"}, {"kid", "rsa-1"}}, c), "unsupported algorithm");
        row("PS256", token(m_rsa, {{"alg", "PS256"}, {"kid", "rsa-1"}}, c), "unsupported algorithm");
        row("lower-case rs256", token(m_rsa, {{"alg", "rs256"}, {"kid", "rsa-1"}}, c), "unsupported algorithm");
        row("RS256 header on the EC key", token(m_ec, {{"alg", "RS256"}, {"kid", "ec-1"}}, c),
            "algorithm does not match the key");
        row("EdDSA header on the RSA key", token(m_ed, {{"alg", "EdDSA"}, {"kid", "rsa-1"}}, c),
            "algorithm does not match the key");
        row("ES256 header on the Ed25519 key", token(m_ec, {{"alg", "ES256"}, {"kid", "ed-1"}}, c),
            "algorithm does not match the key");
        row("signature from another RSA key", token(m_stranger, header(m_stranger), c), "invalid signature");
        row("signature from another EC key", token(m_strangerEc, header(m_strangerEc), c), "invalid signature");
        row("payload swapped after signing", parts[0] + u'.' + body(claims({{"role", "owner"}})) + u'.' + parts[2],
            "invalid signature");
        row("signature truncated", parts[0] + u'.' + parts[1] + u'.' + parts[2].left(parts[2].size() - 6) /* whole bytes: 252 of 256 */,
            "invalid signature");
        row("signature cut to a bad length", parts[0] + u'.' + parts[1] + u'.' + parts[2].left(5), "malformed token");
        row("empty signature", parts[0] + u'.' + parts[1] + u'.', "malformed token");
        row("ES256 with a DER signature", token(m_ec, header(m_ec), c, true), "invalid signature");
        row("two parts", parts[0] + u'.' + parts[1], "malformed token");
        row("four parts", good + QStringLiteral(".AAAA"), "malformed token");
        row("one part", parts[0], "malformed token");
        row("empty", QString(), "malformed token");
        row("bad base64url in header", QStringLiteral("eyJhbGciOiJSUzI1NiJ9+.") + parts[1] + u'.' + parts[2],
            "malformed token");
        row("padded base64", parts[0] + QStringLiteral("==.") + parts[1] + u'.' + parts[2], "malformed token");
        row("non-JSON header", QString::fromLatin1(b64("not json")) + u'.' + parts[1] + u'.' + parts[2], "malformed token");
        row("header is a JSON array", QString::fromLatin1(b64("[\"RS256\"]")) + u'.' + parts[1] + u'.' + parts[2],
            "malformed token");
        row("header without alg", token(m_rsa, {{"kid", "rsa-1"}}, c), "malformed token");
        row("critical header", token(m_rsa, {{"alg", "RS256"}, {"kid", "rsa-1"}, {"crit", QJsonArray{"b64"}}, {"b64", false}}, c),
            "unsupported critical header");
        row("oversized token", token(m_ed, header(m_ed), claims({{"pad", QString(9000, u'x')}})), "token too large");
        row("expired", token(m_rsa, header(m_rsa), claims({{"exp", double(nowSeconds() - 61)}})), "token expired");
        row("expired within leeway", token(m_rsa, header(m_rsa), claims({{"exp", double(nowSeconds() - 30)}})), "");
        row("nbf in the future", token(m_ec, header(m_ec), claims({{"nbf", double(nowSeconds() + 120)}})),
            "token not yet valid");
        row("nbf within leeway", token(m_ec, header(m_ec), claims({{"nbf", double(nowSeconds() + 30)}})), "");
        row("iat in the future", token(m_ed, header(m_ed), claims({{"iat", double(nowSeconds() + 120)}})),
            "token issued in the future");
        row("wrong iss", token(m_ed, header(m_ed), claims({{"iss", "https://evil.example.test"}})), "wrong issuer");
        row("missing iss", token(m_ed, header(m_ed), claims({}, {"iss"})), "wrong issuer");
        row("wrong aud", token(m_ed, header(m_ed), claims({{"aud", "another-api"}})), "wrong audience");
        row("aud array without ours", token(m_ed, header(m_ed), claims({{"aud", QJsonArray{"a", "b"}}})), "wrong audience");
        row("aud array with ours", token(m_ed, header(m_ed), claims({{"aud", QJsonArray{"a", kAudience}}})), "");
        row("missing aud", token(m_ed, header(m_ed), claims({}, {"aud"})), "wrong audience");
        row("missing exp", token(m_rsa, header(m_rsa), claims({}, {"exp"})), "missing claim: exp");
        row("missing sub", token(m_rsa, header(m_rsa), claims({}, {"sub"})), "missing claim: sub");
        row("missing org", token(m_rsa, header(m_rsa), claims({}, {"org"})), "missing claim: org");
        row("missing role", token(m_rsa, header(m_rsa), claims({}, {"role"})), "missing claim: role");
        row("unknown role", token(m_rsa, header(m_rsa), claims({{"role", "superuser"}})), "unknown role");
        row("exp as a string", token(m_rsa, header(m_rsa), claims({{"exp", "tomorrow"}})), "invalid claim: exp");
        row("empty sub", token(m_rsa, header(m_rsa), claims({{"sub", ""}})), "invalid claim: sub");
        row("org with a slash", token(m_rsa, header(m_rsa), claims({{"org", "org_1/../x"}})), "invalid claim: org");
        row("payload not JSON",
            [&] {
                const QByteArray input = b64(json(header(m_ed))) + '.' + b64("{not json");
                return QString::fromLatin1(input + '.' + b64(signRaw(m_ed, input)));
            }(),
            "malformed token");
        row("unknown kid, rejected after a refetch", token(m_rotated, header(m_rotated), c), "unknown signing key",
            JwksSource::kMinRefetchMs + 1000);
        row("no kid, signed by a known key", token(m_ed, {{"alg", "EdDSA"}}, c), "");
        row("no kid, signed by an unknown key", token(m_rotated, {{"alg", "EdDSA"}}, c), "invalid signature");
    }

    void badTokens()
    {
        QFETCH(QString, token);
        QFETCH(QString, expected);
        QFETCH(qint64, advanceMs);
        m_now += advanceMs;
        const int requestsBefore = m_server->requests;
        const Result<Principal> r = verifyAndWait(*m_verifier, token);
        if (expected.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            QCOMPARE(r->organizationId, kOrg);
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::Unauthorized);
            QCOMPARE(r.error().message, expected);
        }
        // Only an unknown kid may cause a refetch, and only once.
        QCOMPARE(m_server->requests - requestsBefore, QTest::currentDataTag() == QByteArray("unknown kid, rejected after a refetch") ? 1 : 0);
    }

    void goodTokens_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QString>("role");
        QTest::addColumn<int>("capabilities");
        const int all = int(Capability::Read | Capability::Manage | Capability::Send | Capability::Admin);
        QTest::newRow("RS256 owner") << "RS256" << "owner" << all;
        QTest::newRow("ES256 operator") << "ES256" << "operator"
                                        << int(Capability::Read | Capability::Manage | Capability::Send);
        QTest::newRow("EdDSA viewer") << "EdDSA" << "viewer" << int(Capability::Read);
        QTest::newRow("EdDSA admin") << "EdDSA" << "admin" << all;
    }

    void goodTokens()
    {
        QFETCH(QString, alg);
        QFETCH(QString, role);
        QFETCH(int, capabilities);
        const TestKey &key = alg == u"RS256" ? m_rsa : alg == u"ES256" ? m_ec : m_ed;
        bool sync = false;
        const auto r = verifyAndWait(*m_verifier, token(key, header(key), claims({{"role", role}})), &sync);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(sync); // keys at hand: no waiting
        QCOMPARE(r->kind, Principal::Kind::User);
        QCOMPARE(r->userId, QStringLiteral("user_01J9DEFGHJKMNPQRSTVWXYZ12"));
        QCOMPARE(r->organizationId, kOrg);
        QCOMPARE(r->role, role);
        QCOMPARE(int(r->capabilities), capabilities);
    }

    void rotatedKeyRescuedByRefetch()
    {
        m_server->body = jwks({m_rsa, m_rotated}); // the issuer rotated
        m_now += JwksSource::kMinRefetchMs + 1;
        bool sync = true;
        const auto r = verifyAndWait(*m_verifier, token(m_rotated, header(m_rotated), claims()), &sync);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(!sync); // it had to fetch
        QCOMPARE(m_server->requests, 2);
        // And the key dropped from the set is gone after that refetch.
        const auto old = verifyAndWait(*m_verifier, token(m_ed, header(m_ed), claims()));
        QVERIFY(!old.ok());
        QCOMPARE(old.error().message, QStringLiteral("unknown signing key"));
    }

    void refetchIsRateLimited()
    {
        const QString unknown = token(m_rotated, header(m_rotated), claims());
        // Right after the initial fetch, an unknown kid is answered at once, without fetching.
        bool sync = false;
        auto r = verifyAndWait(*m_verifier, unknown, &sync);
        QVERIFY(sync);
        QCOMPARE(r.error().message, QStringLiteral("unknown signing key"));
        QCOMPARE(m_server->requests, 1);

        m_now += JwksSource::kMinRefetchMs;
        r = verifyAndWait(*m_verifier, unknown, &sync);
        QVERIFY(!sync);
        QCOMPARE(r.error().message, QStringLiteral("unknown signing key"));
        QCOMPARE(m_server->requests, 2);

        // A burst of unknown kids within the window costs no further fetch.
        for (int i = 0; i < 20; ++i) {
            m_now += 1000;
            const TestKey other = makeKey(QStringLiteral("EdDSA"), QStringLiteral("burst-%1").arg(i));
            r = verifyAndWait(*m_verifier, token(other, header(other), claims()), &sync);
            QVERIFY(sync);
            QCOMPARE(r.error().message, QStringLiteral("unknown signing key"));
        }
        QCOMPARE(m_server->requests, 2);
        m_now += JwksSource::kMinRefetchMs;
        r = verifyAndWait(*m_verifier, unknown, &sync);
        QVERIFY(!sync);
        QCOMPARE(m_server->requests, 3);
    }

    void concurrentVerificationsShareOneFetch()
    {
        m_server->body = jwks({m_rotated});
        m_now += JwksSource::kMinRefetchMs;
        int accepted = 0;
        for (int i = 0; i < 5; ++i)
            m_verifier->verify(token(m_rotated, header(m_rotated), claims()), [&accepted](Result<Principal> r) { accepted += r.ok() ? 1 : 0; });
        QCOMPARE(accepted, 0); // none answered at once: they wait for the one fetch
        QCOMPARE(m_verifier->pendingCount(), 5);
        QTRY_COMPARE(accepted, 5);
        QCOMPARE(m_server->requests, 2);
        QCOMPARE(m_verifier->pendingCount(), 0);
    }

    void cacheControlMaxAge_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("absent") << QByteArray() << JwksSource::kDefaultMaxAgeMs;
        QTest::newRow("max-age=120") << QByteArray("max-age=120") << qint64(120'000);
        QTest::newRow("public, max-age=3600") << QByteArray("public, max-age=3600") << qint64(3'600'000);
        QTest::newRow("upper case") << QByteArray("Max-Age=900") << qint64(900'000);
        QTest::newRow("too short, clamped") << QByteArray("max-age=5") << JwksSource::kMinMaxAgeMs;
        QTest::newRow("too long, clamped") << QByteArray("max-age=99999999999") << JwksSource::kMaxMaxAgeMs;
        QTest::newRow("no-cache") << QByteArray("no-cache") << JwksSource::kMinMaxAgeMs;
        QTest::newRow("no-store with max-age") << QByteArray("max-age=600, no-store") << JwksSource::kMinMaxAgeMs;
        QTest::newRow("garbage") << QByteArray("max-age=soon") << JwksSource::kDefaultMaxAgeMs;
    }

    void cacheControlMaxAge()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expectedMs);
        QCOMPARE(JwksSource::maxAgeMs(header), expectedMs);
    }

    void cacheIsRefreshedWhenMaxAgeRunsOut()
    {
        m_server->cacheControl = "max-age=120";
        m_now += JwksSource::kMinRefetchMs;
        m_verifier->sources().first()->refresh(); // reload with the new header
        QTRY_COMPARE(m_server->requests, 2);
        QTRY_VERIFY(!m_verifier->sources().first()->isFetching());
        const QString good = token(m_ec, header(m_ec), claims({{"exp", double(nowSeconds() + 3600)}}));

        m_now += 100'000; // within max-age: answered from the cache
        bool sync = false;
        QVERIFY(verifyAndWait(*m_verifier, good, &sync).ok());
        QVERIFY(sync);
        QCOMPARE(m_server->requests, 2);

        m_now += 21'000; // past max-age: refetched before answering
        QVERIFY(verifyAndWait(*m_verifier, good, &sync).ok());
        QVERIFY(!sync);
        QCOMPARE(m_server->requests, 3);
    }

    void staleKeysServeWhenTheEndpointFails()
    {
        m_server->status = 500;
        m_now += JwksSource::kDefaultMaxAgeMs + 1;
        const QString good = token(m_rsa, header(m_rsa), claims());
        const auto r = verifyAndWait(*m_verifier, good);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(m_server->requests, 2);
        QCOMPARE(m_verifier->sources().first()->keys().size(), 3); // kept the last good set
    }

    void fileSource()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("jwks.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(jwks({m_ed}));
        f.close();
        JwtVerifier::Options o;
        o.jwks = {path};
        JwtVerifier verifier(o, [this] { return m_now; });
        verifier.start();
        bool sync = false;
        auto r = verifyAndWait(verifier, token(m_ed, header(m_ed), claims()), &sync);
        QVERIFY(r.ok());
        QVERIFY(sync);
        // A rotated key is picked up by re-reading the file, within the same call.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(jwks({m_ed, m_rotated}));
        f.close();
        m_now += JwksSource::kMinRefetchMs;
        r = verifyAndWait(verifier, token(m_rotated, header(m_rotated), claims()), &sync);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(sync);
    }

    void noSourceAnswersAtOnce()
    {
        JwtVerifier verifier(JwtVerifier::Options{}, [this] { return m_now; });
        bool sync = false;
        const auto r = verifyAndWait(verifier, token(m_ed, header(m_ed), claims()), &sync);
        QVERIFY(sync);
        QCOMPARE(r.error().message, QStringLiteral("unknown signing key"));
    }

    void unreachableSourceRejects()
    {
        JwtVerifier::Options o;
        o.jwks = {QStringLiteral("http://127.0.0.1:1/jwks.json")};
        JwtVerifier verifier(o, [this] { return m_now; });
        const auto r = verifyAndWait(verifier, token(m_ed, header(m_ed), claims()));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, QStringLiteral("unknown signing key"));
    }

    void badJwks_data()
    {
        QTest::addColumn<QJsonObject>("jwk");
        const TestKey rsa1024 = [] {
            TestKey k;
            k.pkey.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(1024)), EVP_PKEY_free);
            k.jwk = QJsonObject{{"kty", "RSA"},
                                {"n", QString::fromLatin1(b64(bnParam(k.pkey.get(), OSSL_PKEY_PARAM_RSA_N)))},
                                {"e", "AQAB"}};
            return k;
        }();
        QJsonObject offCurve = m_ec.jwk;
        QByteArray y = QByteArray::fromBase64(offCurve.value("y").toString().toLatin1(), QByteArray::Base64UrlEncoding);
        y[31] = char(y[31] ^ 1);
        offCurve.insert("y", QString::fromLatin1(b64(y)));
        QJsonObject p384 = m_ec.jwk;
        p384.insert("crv", "P-384");
        QJsonObject x25519 = m_ed.jwk;
        x25519.insert("crv", "X25519");
        QJsonObject algMismatch = m_rsa.jwk;
        algMismatch.insert("alg", "HS256");
        QJsonObject encryption = m_rsa.jwk;
        encryption.insert("use", "enc");
        QJsonObject shortX = m_ed.jwk;
        shortX.insert("x", QString::fromLatin1(b64(QByteArray(31, 'a'))));
        QJsonObject evenExponent = m_rsa.jwk;
        evenExponent.insert("e", QString::fromLatin1(b64(QByteArray("\x01\x00\x00", 3))));
        QTest::newRow("RSA 1024") << rsa1024.jwk;
        QTest::newRow("EC point off the curve") << offCurve;
        QTest::newRow("EC P-384") << p384;
        QTest::newRow("OKP X25519") << x25519;
        QTest::newRow("alg HS256 on an RSA key") << algMismatch;
        QTest::newRow("use enc") << encryption;
        QTest::newRow("Ed25519 x of 31 bytes") << shortX;
        QTest::newRow("RSA even exponent") << evenExponent;
        QTest::newRow("symmetric oct key") << QJsonObject{{"kty", "oct"}, {"k", "c2VjcmV0"}, {"kid", "rsa-1"}};
        QTest::newRow("no kty") << QJsonObject{{"kid", "x"}};
    }

    void badJwks()
    {
        QFETCH(QJsonObject, jwk);
        QVERIFY(!parseJwk(jwk).ok());
        // In a set, the bad key is skipped and the good one kept.
        const auto set = parseJwks(json(QJsonObject{{"keys", QJsonArray{jwk, m_ed.jwk}}}));
        QVERIFY(set.ok());
        QCOMPARE(set->size(), 1);
        QCOMPARE(set->first().kid, QStringLiteral("ed-1"));
    }

    void publicJwkRoundTrip_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::newRow("RS256") << "RS256";
        QTest::newRow("ES256") << "ES256";
        QTest::newRow("EdDSA") << "EdDSA";
    }

    void publicJwkRoundTrip()
    {
        // Our exporter and parser agree with each other and with the test's own JWK.
        QFETCH(QString, alg);
        const TestKey &key = alg == u"RS256" ? m_rsa : alg == u"ES256" ? m_ec : m_ed;
        const auto parsed = parseJwk(key.jwk);
        QVERIFY(parsed.ok());
        QCOMPARE(jwsAlgorithmName(parsed->algorithm), alg);
        const auto exported = publicJwk(parsed->algorithm, parsed->key.get(), key.kid);
        QVERIFY(exported.ok());
        for (const QString &member : key.jwk.keys())
            QCOMPARE(exported->value(member), key.jwk.value(member));
        QVERIFY(!exported->contains("d"));
        // A signature made with our signer verifies with OpenSSL-made JWKs and vice versa.
        const auto sig = jws::sign(parsed->algorithm, key.pkey.get(), "payload");
        QVERIFY(sig.ok());
        QVERIFY(jws::verify(parsed->algorithm, parsed->key.get(), "payload", *sig));
        QVERIFY(jws::verify(parsed->algorithm, parsed->key.get(), "payload", signRaw(key, "payload")));
        QVERIFY(!jws::verify(parsed->algorithm, parsed->key.get(), "payloaD", *sig));
    }

    void base64Url_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("one char") << QByteArray("A") << false;
        QTest::newRow("two chars") << QByteArray("QQ") << true;
        QTest::newRow("stray bits") << QByteArray("QR") << false;
        QTest::newRow("padding") << QByteArray("QQ==") << false;
        QTest::newRow("plus") << QByteArray("a+b_") << false;
        QTest::newRow("slash") << QByteArray("a/b-") << false;
        QTest::newRow("url alphabet") << QByteArray("-_-_") << true;
        QTest::newRow("space") << QByteArray("QQ Q") << false;
    }

    void base64Url()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        const auto decoded = jws::base64UrlDecode(text);
        QCOMPARE(decoded.has_value(), valid);
        if (valid)
            QCOMPARE(jws::base64UrlEncode(*decoded), text);
    }
};

QTEST_GUILESS_MAIN(TestJwtVerifier)
#include "tst_jwtverifier.moc"
