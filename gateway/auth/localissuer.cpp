#include "localissuer.h"

#include "core/offload.h"

#include "core/ids.h"
#include "core/logging.h"
#include "issuerkeyring.h"

#include <QJsonObject>
#include <QThread>

namespace wagate {

namespace {

Error invalidCredentials()
{
    return Error::unauthorized(QStringLiteral("invalid username or password"));
}

} // namespace

LocalIssuer::LocalIssuer(Database &db, IssuerKeyRing &keys, const Options &options, Clock clock, QObject *parent)
    : QObject(parent),
      m_db(db),
      m_keys(keys),
      m_options(options),
      m_clock(std::move(clock)),
      m_repo(db),
      m_throttle(m_clock, options.userThrottle, options.addressThrottle)
{
    // Each Argon2id check holds 64 MiB; two at a time bounds memory and CPU under a guessing storm.
    m_pool.setMaxThreadCount(2);
}

LocalIssuer::~LocalIssuer() = default; // the pool waits for its workers; their answers die with this object

std::optional<QString> LocalIssuer::normalizeUsername(const QString &username)
{
    const QString u = username.trimmed().toLower();
    if (u.isEmpty() || u.size() > 64)
        return std::nullopt;
    for (QChar c : u) {
        const ushort v = c.unicode();
        const bool ok = (v >= 'a' && v <= 'z') || (v >= '0' && v <= '9') || v == '.' || v == '_' || v == '-' || v == '@';
        if (!ok)
            return std::nullopt;
    }
    return u;
}

Error LocalIssuer::rateLimited(qint64 retryAfterMs)
{
    return Error::rateLimited(QStringLiteral("too many failed sign-in attempts; try again later"), (retryAfterMs + 999) / 1000);
}

void LocalIssuer::login(const QString &organizationId, const QString &username, const QString &password,
                        const QString &clientAddress, LoginDone done)
{
    Q_ASSERT(QThread::currentThread() == thread()); // the store connection and the throttle live here
    const auto name = normalizeUsername(username);
    // Malformed input is answered like a wrong password: the caller learns nothing about accounts.
    const QString userKey = organizationId + u'/' + name.value_or(username.trimmed().toLower().left(64));
    const QString address = clientAddress.isEmpty() ? QStringLiteral("unknown") : clientAddress;
    if (const qint64 wait = m_throttle.begin(userKey, address); wait > 0) {
        qCInfo(lcAuth).noquote() << "login throttled for" << wait << "ms";
        answerLater(this, std::move(done), Result<LoginResult>(rateLimited(wait)));
        return;
    }

    std::optional<OperatorRecord> op;
    if (name && ids::isValidPathId(organizationId) && password.size() <= passwords::kMaxLength) {
        auto found = m_repo.byUsername(organizationId, *name);
        if (found) {
            op = *found;
        } else if (found.error().code != ErrorCode::NotFound) {
            m_throttle.abandon(userKey, address);
            answerLater(this, std::move(done), Result<LoginResult>(found.error()));
            return;
        }
    }

    const PasswordCost cost = m_options.passwordCost;
    const QString storedHash = op ? op->passwordHash : QString();
    const QString candidate = password.left(passwords::kMaxLength);
    struct Checked
    {
        bool ok = false;
        QString newHash;
    };
    offload(m_pool, this, [cost, storedHash, candidate]() {
        Checked out;
        if (!storedHash.isEmpty()) {
            out.ok = passwords::verify(storedHash, candidate);
            if (out.ok && passwords::needsRehash(storedHash, cost))
                if (auto rehashed = passwords::hash(candidate, cost))
                    out.newHash = *rehashed;
        } else {
            // Unknown user: spend the same work as a real check so timing tells nothing.
            (void)passwords::hash(candidate, cost);
        }
        return out;
    }, [this, userKey, address, op, done = std::move(done)](const Checked &checked) {
        finishLogin(userKey, address, op, checked.ok, checked.newHash, done);
    });
}

void LocalIssuer::finishLogin(const QString &userKey, const QString &address, std::optional<OperatorRecord> op,
                              bool ok, const QString &newHash, const LoginDone &done)
{
    if (!op || !ok) {
        m_throttle.finish(userKey, address, false);
        qCInfo(lcAuth).noquote() << "login failed";
        done(invalidCredentials());
        return;
    }
    m_throttle.finish(userKey, address, true);
    const qint64 now = m_clock();
    if (!newHash.isEmpty()) {
        // The cost setting changed since this hash was made: upgrade it now that we know the password.
        if (auto r = m_repo.setPasswordHash(op->id, newHash, now); r) {
            op->passwordHash = newHash;
            qCInfo(lcAuth).noquote() << "upgraded the password hash of" << op->id;
        }
    }
    (void)m_repo.touchLogin(op->id, now); // best effort: a failed touch must not fail the login
    auto minted = mint(*op);
    if (minted)
        qCInfo(lcAuth).noquote() << "operator" << op->id << "signed in to" << op->organizationId;
    done(minted);
}

Result<LoginResult> LocalIssuer::mint(const OperatorRecord &op) const
{
    const qint64 now = m_clock();
    const qint64 expiresAt = now + m_options.tokenLifetimeMs;
    const QJsonObject claims{{QStringLiteral("iss"), m_options.issuer},
                             {QStringLiteral("sub"), op.id},
                             {QStringLiteral("org"), op.organizationId},
                             {QStringLiteral("role"), op.role},
                             {QStringLiteral("preferred_username"), op.username},
                             {QStringLiteral("iat"), double(now / 1000)},
                             {QStringLiteral("exp"), double(expiresAt / 1000)}};
    auto token = m_keys.sign(claims);
    if (!token)
        return token.error();
    LoginResult out;
    out.token = *token;
    out.expiresAt = (expiresAt / 1000) * 1000;
    out.userId = op.id;
    out.organizationId = op.organizationId;
    out.role = op.role;
    return out;
}

} // namespace wagate
