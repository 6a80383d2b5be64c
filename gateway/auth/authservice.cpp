#include "authservice.h"

#include "apikeys.h"
#include "core/logging.h"
#include "credentialcipher.h"
#include "issuerkeyring.h"
#include "jwtverifier.h"
#include "secretstore.h"

#include <QJsonArray>
#include <QPointer>

namespace wagate {

AuthService::AuthService(Database &db, SecretStore &secrets, const AuthConfig &config, Clock clock, QObject *parent)
    : QObject(parent), m_db(db), m_secrets(secrets), m_config(config), m_clock(std::move(clock))
{
    m_apiKeys = std::make_unique<ApiKeyService>(db);

    JwtVerifier::Options verifierOptions;
    verifierOptions.jwks = config.jwks;
    verifierOptions.issuer = config.jwtIssuer;
    verifierOptions.audience = config.jwtAudience;
    verifierOptions.leewaySeconds = config.leewaySeconds;
    m_verifier = new JwtVerifier(verifierOptions, m_clock, this);

    // A retired key is published while a token it signed may still be accepted: lifetime + leeway.
    const qint64 publishFor = config.tokenLifetimeMs + qint64(config.leewaySeconds) * 1000;
    m_keys = new IssuerKeyRing(secrets, publishFor, m_clock, this);
    connect(m_keys, &IssuerKeyRing::keysChanged, this, &AuthService::publishLocalKeys);

    LocalIssuer::Options issuerOptions;
    issuerOptions.issuer = config.localIssuer;
    issuerOptions.tokenLifetimeMs = config.tokenLifetimeMs;
    issuerOptions.passwordCost = config.passwordCost;
    issuerOptions.userThrottle = config.userThrottle;
    issuerOptions.addressThrottle = config.addressThrottle;
    m_issuer = new LocalIssuer(db, *m_keys, issuerOptions, m_clock, this);

    m_operators = new OperatorService(db, config.passwordCost, this);
    // Local tokens speak for accounts this gateway keeps: they count only while the account does.
    m_verifier->setLocalAccountCheck([ops = m_operators](const Principal &p) { return ops->current(p); });
    // Other nodes of the same database sign with their own keys; their tokens count here too.
    m_directory = std::make_unique<IssuerKeyDirectory>(db, config.gatewayId);
    m_verifier->setPeerKeyLoader([this]() -> Result<QList<Jwk>> {
        const QList<IssuerKeyDirectory::Entry> &entries = peerEntries(0);
        QList<Jwk> keys;
        for (const IssuerKeyDirectory::Entry &e : entries) {
            auto jwk = parseJwk(e.jwk);
            if (jwk && jwk->algorithm == JwsAlgorithm::EdDSA)
                keys.append(*jwk);
            else
                qCWarning(lcAuth).noquote() << "ignoring an unusable key published by another node:" << e.kid;
        }
        return keys;
    });
    m_authenticator = std::make_unique<Authenticator>(*m_apiKeys, *m_verifier);
}

AuthService::~AuthService() = default;

void AuthService::publishLocalKeys()
{
    m_verifier->setLocalKeys(m_config.localIssuer, m_keys->publishedKeys());
    // Tokens of this node then count on the others; if the write fails they count here only.
    if (auto r = m_directory->publish(m_keys->directoryEntries(), m_clock()); !r)
        qCWarning(lcAuth).noquote() << "could not publish the signing keys to the other nodes:" << r.error().message;
}

const QList<IssuerKeyDirectory::Entry> &AuthService::peerEntries(qint64 maxAgeMs) const
{
    const qint64 now = m_clock();
    if (m_peerEntriesAt && now - *m_peerEntriesAt < maxAgeMs)
        return m_peerEntries;
    m_peerEntriesAt = now;
    auto read = m_directory->peers(now);
    if (read)
        m_peerEntries = *read;
    else
        qCWarning(lcAuth).noquote() << "other gateway nodes' keys could not be read:" << read.error().message;
    return m_peerEntries;
}

void AuthService::start(Done done)
{
    m_verifier->start();
    QPointer<AuthService> self(this);
    m_keys->load([self, done](Result<void> r) {
        if (!self)
            return;
        if (!r) {
            done(r);
            return;
        }
        auto loadCipher = [self, done] {
            CredentialCipher::load(self->m_secrets, [self, done](Result<std::shared_ptr<const CredentialCipher>> c) {
                if (!self)
                    return;
                if (!c) {
                    done(c.error());
                    return;
                }
                self->m_cipher = *c;
                self->m_ready = true;
                qCInfo(lcAuth).noquote() << "identity ready; secrets in" << self->m_secrets.describe();
                done({});
            });
        };
        const qint64 age = self->m_clock() - self->m_keys->currentCreatedAt();
        if (self->m_config.signingKeyMaxAgeMs > 0 && age > self->m_config.signingKeyMaxAgeMs) {
            self->m_keys->rotate([self, loadCipher](Result<void> rotated) {
                if (!self)
                    return;
                if (!rotated) // keep signing with the old key rather than refuse to start
                    qCWarning(lcAuth).noquote() << "signing key rotation failed:" << rotated.error().message;
                loadCipher();
            });
            return;
        }
        loadCipher();
    });
}

void AuthService::authenticate(const QString &header, Authenticator::Callback done)
{
    m_authenticator->authenticate(header, std::move(done));
}

void AuthService::login(const QString &organizationId, const QString &username, const QString &password,
                        const QString &clientAddress, LocalIssuer::LoginDone done)
{
    if (!m_ready) {
        QMetaObject::invokeMethod(
            this, [done = std::move(done)] { done(Error::unavailable(QStringLiteral("the gateway is starting"))); },
            Qt::QueuedConnection);
        return;
    }
    m_issuer->login(organizationId, username, password, clientAddress, std::move(done));
}

QJsonObject AuthService::jwks() const
{
    QJsonObject doc = m_keys->jwks();
    QJsonArray keys = doc.value(QLatin1StringView("keys")).toArray();
    for (const IssuerKeyDirectory::Entry &e : peerEntries(kJwksPeerMaxAgeMs))
        keys.append(e.jwk);
    doc.insert(QStringLiteral("keys"), keys);
    return doc;
}

void AuthService::rotateSigningKey(Done done)
{
    m_keys->rotate(std::move(done));
}

} // namespace wagate
