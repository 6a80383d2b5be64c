#pragma once

#include "issuerkeydirectory.h"

#include "authconfig.h"
#include "authenticator.h"
#include "clock.h"
#include "localissuer.h"
#include "operatorservice.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

namespace wagate {

class ApiKeyService;
class CredentialCipher;
class Database;
class IssuerKeyRing;
class JwtVerifier;
class SecretStore;

//! The one entry point of identity and secrets for the HTTP API and the command line. Construct it on
//! the engine thread with the store and an opened SecretStore (both must outlive it), call start(),
//! and route requests to the methods below. Nothing here blocks the thread: anything slow (JWKS
//! fetches, password hashing, keychain jobs) answers through a callback on this thread.
class AuthService : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<void>)>;

    AuthService(Database &db, SecretStore &secrets, const AuthConfig &config, Clock clock = systemClock(),
                QObject *parent = nullptr);
    ~AuthService() override;

    //! Loads (or on first start creates) the local issuer's signing key and the data key from the
    //! secret store, rotates a signing key older than config.signingKeyMaxAgeMs, and starts fetching
    //! the JWKS sources. Until done(ok) logins answer unavailable.
    void start(Done done);
    bool isReady() const { return m_ready; }

    //! Every authenticated route and the console: the principal of an Authorization header value,
    //! always through done — before this returns when the keys are at hand, later when they must be
    //! fetched.
    void authenticate(const QString &authorizationHeader, Authenticator::Callback done);

    //! POST /api/v1/auth/login: {organizationId, username, password} → {token, expiresAt}. Answers
    //! later; unauthorized for wrong credentials, rate_limited with details.retryAfterSeconds (for the
    //! Retry-After header) while throttled, unavailable before start() finished.
    void login(const QString &organizationId, const QString &username, const QString &password,
               const QString &clientAddress, LocalIssuer::LoginDone done);

    //! GET /.well-known/jwks.json: the local issuer's current and still-valid retired public keys,
    //! and those of the other gateway nodes sharing the database (read again after kJwksPeerMaxAgeMs).
    QJsonObject jwks() const;
    static constexpr qint64 kJwksPeerMaxAgeMs = 10000;

    //! Starts signing with a new key; the old one stays published until its tokens have expired.
    void rotateSigningKey(Done done);

    //! Operator administration (admin routes, `wagate operators add`).
    OperatorService &operators() { return *m_operators; }
    //! API keys (admin routes, `wagate keys create`).
    ApiKeyService &apiKeys() { return *m_apiKeys; }
    //! The cipher for WhatsApp credentials at rest; null before start() succeeded. Thread-safe.
    std::shared_ptr<const CredentialCipher> credentialCipher() const { return m_cipher; }
    //! The issuer id written into (and required of) local tokens.
    QString localIssuer() const { return m_config.localIssuer; }

    JwtVerifier &jwtVerifier() { return *m_verifier; }
    IssuerKeyRing &issuerKeys() { return *m_keys; }

private:
    void publishLocalKeys();
    //! The other nodes' published keys, read again when older than maxAgeMs.
    const QList<IssuerKeyDirectory::Entry> &peerEntries(qint64 maxAgeMs) const;

    Database &m_db;
    SecretStore &m_secrets;
    AuthConfig m_config;
    Clock m_clock;
    std::unique_ptr<ApiKeyService> m_apiKeys;
    JwtVerifier *m_verifier = nullptr;
    IssuerKeyRing *m_keys = nullptr;
    LocalIssuer *m_issuer = nullptr;
    OperatorService *m_operators = nullptr;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<IssuerKeyDirectory> m_directory;
    mutable QList<IssuerKeyDirectory::Entry> m_peerEntries;
    mutable std::optional<qint64> m_peerEntriesAt;
    std::shared_ptr<const CredentialCipher> m_cipher;
    bool m_ready = false;
};

} // namespace wagate
