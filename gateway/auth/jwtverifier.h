#pragma once

#include "clock.h"
#include "core/principal.h"
#include "jwk.h"
#include "jwt.h"

#include <QObject>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace wagate {

class JwksSource;

//! Verifies login JWTs against the local issuer's keys and any number of JWKS sources (API.md,
//! "Authentication"). Runs on the engine thread and never blocks it: verify() answers at once when
//! the keys it needs are at hand, and otherwise (first fetch, expired cache, unknown kid) starts the
//! fetch and answers later through the callback, on this object's thread.
class JwtVerifier : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QStringList jwks;   //!< --jwks: URLs or files, each a trusted key source
        QString issuer;     //!< --jwt-issuer: required `iss` of tokens from those sources (empty: unchecked)
        QString audience;   //!< --jwt-audience: required `aud` (empty: unchecked)
        int leewaySeconds = jwtlimits::kMaxLeewaySeconds; //!< clamped to 0…60
    };
    using Callback = std::function<void(Result<Principal>)>;
    //! Given the principal a valid local token describes, the account as it is now (its current
    //! role), or unauthorized when it is gone.
    using LocalAccountCheck = std::function<Result<Principal>(const Principal &)>;

    explicit JwtVerifier(const Options &options, Clock clock = systemClock(), QObject *parent = nullptr);
    ~JwtVerifier() override;

    //! Loads file sources and starts fetching URL sources, so the first request rarely waits.
    void start();

    //! The local issuer's published keys. Tokens signed by them must carry iss == issuer; no `aud`.
    void setLocalKeys(const QString &issuer, const QList<Jwk> &keys);
    //! Where the keys of the other gateway nodes sharing this database come from. Their tokens are
    //! checked as local ones (same issuer, same operator accounts). Asked when a token names a kid no
    //! key here has (at most once per kPeerReloadMs) and when the last answer is kPeerMaxAgeMs old.
    using PeerKeyLoader = std::function<Result<QList<Jwk>>()>;
    void setPeerKeyLoader(PeerKeyLoader load) { m_peerLoader = std::move(load); }
    static constexpr qint64 kPeerReloadMs = 1000;
    static constexpr qint64 kPeerMaxAgeMs = 60000;
    //! Consulted for every valid local token, so that removing an operator or changing their role
    //! takes effect without waiting for their tokens to expire.
    void setLocalAccountCheck(LocalAccountCheck check) { m_localCheck = std::move(check); }

    //! The principal of token, or unauthorized with a specific message, always through done: before
    //! this returns when the keys are at hand, later on this thread when they must be fetched first
    //! (never if this verifier is destroyed first).
    void verify(const QString &token, Callback done);

    const QList<JwksSource *> &sources() const { return m_sources; }
    int pendingCount() const { return int(m_pending.size()); }

    //! Verifications waiting for fetches; beyond this, new ones are refused as unavailable.
    static constexpr int kMaxPending = 1000;

private:
    struct Pending
    {
        JwtParts parts;
        Callback done;
        QList<JwksSource *> waitingFor;
    };
    struct Candidate
    {
        const Jwk *key = nullptr;
        const ClaimPolicy *policy = nullptr;
        JwksSource *source = nullptr; //!< nullptr for the local keys
    };

    QList<Candidate> candidates(const JwtParts &parts) const;
    Result<Principal> finish(const JwtParts &parts) const;
    void onSourceRefreshed();
    Result<Principal> logged(Result<Principal> result, const JwtParts *parts) const;
    void reloadPeersIfNeeded(const JwtParts &parts);

    Clock m_clock;
    QNetworkAccessManager *m_network = nullptr;
    QList<JwksSource *> m_sources;
    ClaimPolicy m_externalPolicy;
    ClaimPolicy m_localPolicy;
    QList<Jwk> m_localKeys;
    LocalAccountCheck m_localCheck;
    PeerKeyLoader m_peerLoader;
    QList<Jwk> m_peerKeys;
    std::optional<qint64> m_peersLoadedAt;
    std::vector<Pending> m_pending;
};

} // namespace wagate
