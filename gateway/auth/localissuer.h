#pragma once

#include "clock.h"
#include "loginthrottle.h"
#include "operatorrepository.h"
#include "passwords.h"

#include <QObject>
#include <QThreadPool>

#include <functional>

namespace wagate {

class Database;
class IssuerKeyRing;

//! A login JWT minted by the local issuer.
struct LoginResult
{
    QString token;
    qint64 expiresAt = 0; //!< ms since the epoch, as API.md writes timestamps
    QString userId;
    QString organizationId;
    QString role;
};

//! The embedded login service (API.md: "local issuer"): checks an operator's password and mints a
//! short-lived EdDSA JWT. Password checks run on a small worker pool so the engine thread never waits
//! for Argon2id; database access and throttling stay on this object's thread.
class LocalIssuer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString issuer = QStringLiteral("wagate"); //!< the `iss` of minted tokens
        qint64 tokenLifetimeMs = 15 * 60 * 1000;
        PasswordCost passwordCost;
        LoginThrottle::Policy userThrottle = LoginThrottle::defaultUserPolicy();
        LoginThrottle::Policy addressThrottle = LoginThrottle::defaultAddressPolicy();
    };
    using LoginDone = std::function<void(Result<LoginResult>)>;

    LocalIssuer(Database &db, IssuerKeyRing &keys, const Options &options, Clock clock = systemClock(),
                QObject *parent = nullptr);
    ~LocalIssuer() override;

    //! Signs in an operator. done gets the token, or unauthorized "invalid username or password" (the
    //! same for an unknown user, who costs the same hashing work), or rate_limited with
    //! details.retryAfterSeconds while throttled. done runs later on this thread, never synchronously.
    void login(const QString &organizationId, const QString &username, const QString &password,
               const QString &clientAddress, LoginDone done);

    //! A token for an operator record (after a successful login).
    Result<LoginResult> mint(const OperatorRecord &op) const;

    const Options &options() const { return m_options; }

    //! A username as stored: trimmed and lower-case; std::nullopt unless 1–64 of [a-z0-9._@-].
    static std::optional<QString> normalizeUsername(const QString &username);
    //! The rate_limited error with details.retryAfterSeconds (whole seconds, at least 1).
    static Error rateLimited(qint64 retryAfterMs);

private:
    void finishLogin(const QString &userKey, const QString &address, std::optional<OperatorRecord> op, bool ok,
                     const QString &newHash, const LoginDone &done);

    Database &m_db;
    IssuerKeyRing &m_keys;
    Options m_options;
    Clock m_clock;
    OperatorRepository m_repo;
    LoginThrottle m_throttle;
    QThreadPool m_pool;
};

} // namespace wagate
