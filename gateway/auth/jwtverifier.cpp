#include "jwtverifier.h"

#include "core/logging.h"
#include "jwkssource.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QThread>

namespace wagate {

namespace {
constexpr int kMaxKidlessCandidates = 10;
} // namespace

JwtVerifier::JwtVerifier(const Options &options, Clock clock, QObject *parent)
    : QObject(parent), m_clock(std::move(clock)), m_network(new QNetworkAccessManager(this))
{
    m_externalPolicy.issuer = options.issuer;
    m_externalPolicy.audience = options.audience;
    m_externalPolicy.leewaySeconds = std::clamp(options.leewaySeconds, 0, jwtlimits::kMaxLeewaySeconds);
    m_localPolicy.leewaySeconds = m_externalPolicy.leewaySeconds;
    for (const QString &location : options.jwks) {
        auto *source = new JwksSource(location, m_network, m_clock, this);
        connect(source, &JwksSource::refreshed, this, &JwtVerifier::onSourceRefreshed);
        m_sources.append(source);
    }
}

JwtVerifier::~JwtVerifier() = default;

void JwtVerifier::start()
{
    for (JwksSource *source : std::as_const(m_sources))
        source->refresh();
}

void JwtVerifier::setLocalKeys(const QString &issuer, const QList<Jwk> &keys)
{
    m_localPolicy.issuer = issuer;
    m_localKeys = keys;
}

QList<JwtVerifier::Candidate> JwtVerifier::candidates(const JwtParts &parts) const
{
    QList<Candidate> out;
    if (!parts.kid.isEmpty()) {
        for (const QList<Jwk> *own : {&m_localKeys, &m_peerKeys})
            for (const Jwk &k : *own)
                if (k.kid == parts.kid)
                    out.append({&k, &m_localPolicy, nullptr});
        for (JwksSource *source : m_sources)
            if (const Jwk *k = source->find(parts.kid))
                out.append({k, &m_externalPolicy, source});
        return out;
    }
    // No kid: try the keys that can verify this algorithm, a bounded number of them.
    for (const QList<Jwk> *own : {&m_localKeys, &m_peerKeys})
        for (const Jwk &k : *own)
            if (k.algorithm == parts.algorithm && out.size() < kMaxKidlessCandidates)
                out.append({&k, &m_localPolicy, nullptr});
    for (JwksSource *source : m_sources)
        for (const Jwk &k : source->keys())
            if (k.algorithm == parts.algorithm && out.size() < kMaxKidlessCandidates)
                out.append({&k, &m_externalPolicy, source});
    return out;
}

Result<Principal> JwtVerifier::finish(const JwtParts &parts) const
{
    const QList<Candidate> found = candidates(parts);
    if (found.isEmpty())
        return Error::unauthorized(QStringLiteral("unknown signing key"));
    bool algorithmMatched = false;
    for (const Candidate &c : found) {
        // The key decides the algorithm; a header naming another one is refused, never "adapted".
        if (c.key->algorithm != parts.algorithm)
            continue;
        algorithmMatched = true;
        if (jws::verify(parts.algorithm, c.key->key.get(), parts.signingInput, parts.signature)) {
            auto principal = checkJwtClaims(parts.payload, *c.policy, m_clock());
            if (principal && !c.source && m_localCheck)
                return m_localCheck(*principal);
            return principal;
        }
    }
    if (!algorithmMatched)
        return Error::unauthorized(QStringLiteral("algorithm does not match the key"));
    return Error::unauthorized(QStringLiteral("invalid signature"));
}

Result<Principal> JwtVerifier::logged(Result<Principal> result, const JwtParts *parts) const
{
    if (!result) {
        if (parts)
            qCDebug(lcAuth).noquote() << "JWT rejected:" << result.error().message << "alg" << jwsAlgorithmName(parts->algorithm)
                            << "kid" << parts->kid;
        else
            qCDebug(lcAuth).noquote() << "JWT rejected:" << result.error().message;
    }
    return result;
}

void JwtVerifier::verify(const QString &token, Callback done)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (token.size() > jwtlimits::kMaxTokenBytes)
        return done(logged(Error::unauthorized(QStringLiteral("token too large")), nullptr));
    auto parsed = parseCompactJwt(token.toUtf8());
    if (!parsed)
        return done(logged(parsed.error(), nullptr));
    const JwtParts &parts = *parsed;
    reloadPeersIfNeeded(parts);

    // Which sources must be (re)loaded before answering: those holding a candidate key whose cache
    // ran out, or, when no key fits at all, every source the rate limit allows to refetch.
    QList<JwksSource *> reload;
    const QList<Candidate> found = candidates(parts);
    if (!found.isEmpty()) {
        for (const Candidate &c : found)
            if (c.source && !c.source->isFresh() && !reload.contains(c.source))
                reload.append(c.source);
    } else {
        for (JwksSource *source : std::as_const(m_sources))
            if (source->mayRefetch())
                reload.append(source);
    }
    QList<JwksSource *> waitFor;
    for (JwksSource *source : std::as_const(reload)) {
        // A stale source that may not refetch yet (a failing endpoint) answers from its last keys.
        if (source->refresh() && source->isFetching())
            waitFor.append(source);
    }
    if (waitFor.isEmpty())
        return done(logged(finish(parts), &parts));
    if (int(m_pending.size()) >= kMaxPending)
        return done(Error::unavailable(QStringLiteral("too many token verifications waiting for keys")));
    m_pending.push_back({parts, std::move(done), waitFor});
}

void JwtVerifier::reloadPeersIfNeeded(const JwtParts &parts)
{
    if (!m_peerLoader)
        return;
    const qint64 now = m_clock();
    const qint64 age = m_peersLoadedAt ? now - *m_peersLoadedAt : kPeerMaxAgeMs;
    const bool unknownKid = !parts.kid.isEmpty() && age >= kPeerReloadMs && candidates(parts).isEmpty();
    if (age < kPeerMaxAgeMs && !unknownKid)
        return;
    m_peersLoadedAt = now; // a failing store is asked again only after the same pause
    auto loaded = m_peerLoader();
    if (!loaded) {
        qCWarning(lcAuth).noquote() << "other gateway nodes' keys could not be read:" << loaded.error().message;
        return;
    }
    m_peerKeys = *loaded;
}

void JwtVerifier::onSourceRefreshed()
{
    auto *source = qobject_cast<JwksSource *>(sender());
    std::vector<Pending> ready;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        it->waitingFor.removeAll(source);
        if (it->waitingFor.isEmpty()) {
            ready.push_back(std::move(*it));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    // Answer after the bookkeeping: a callback may start new verifications, or delete this object.
    QPointer<JwtVerifier> self(this);
    for (Pending &p : ready) {
        if (!self)
            return;
        Result<Principal> result = logged(finish(p.parts), &p.parts);
        if (p.done)
            p.done(std::move(result));
    }
}

} // namespace wagate
