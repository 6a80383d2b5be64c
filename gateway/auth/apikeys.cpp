#include "apikeys.h"

#include "core/ids.h"
#include "core/logging.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <openssl/crypto.h>

namespace wagate {

namespace {

constexpr QLatin1StringView kPrefix("wgk_");
constexpr int kLookupChars = 11; // base64url of 8 bytes
constexpr int kSecretChars = 43; // base64url of 32 bytes
constexpr int kTokenChars = 4 + kLookupChars + kSecretChars;

QByteArray b64url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool isBase64UrlChar(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '_';
}

QByteArray hashToken(const QString &token)
{
    return QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256);
}

Principal principalOf(const ApiKeyRecord &k)
{
    Principal p;
    p.kind = Principal::Kind::ApiKey;
    p.organizationId = k.organizationId;
    p.apiKeyId = k.id;
    p.displayName = k.name;
    p.capabilities = k.capabilities;
    return p;
}

} // namespace

ApiKeyService::ApiKeyService(Database &db) : m_repo(db) {}

bool ApiKeyService::looksLikeApiKey(QStringView token)
{
    return token.startsWith(kPrefix);
}

Result<CreatedApiKey> ApiKeyService::create(const Principal &caller, const QString &name, Capabilities caps)
{
    if (auto r = caller.require(Capability::Admin); !r)
        return r.error();
    for (Capability c : allCapabilities()) {
        if (caps.testFlag(c) && !caller.can(c)) {
            Error e = Error::missingCapability(capabilityName(c));
            e.message = QStringLiteral("a key cannot carry the %1 capability its creator lacks").arg(capabilityName(c));
            return e;
        }
    }
    const QString organizationId = caller.organizationId;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100)
        return Error::invalidArgument(QStringLiteral("name must be 1 to 100 characters"), QStringLiteral("name"));
    if (!caps)
        return Error::invalidArgument(QStringLiteral("at least one capability is required"), QStringLiteral("capabilities"));

    CreatedApiKey out;
    const QString lookup = QString::fromLatin1(b64url(secureRandomBytes(8)));
    out.token = kPrefix + lookup + QString::fromLatin1(b64url(secureRandomBytes(32)));
    Q_ASSERT(out.token.size() == kTokenChars);
    ApiKeyRecord &k = out.record;
    k.id = ids::newApiKeyId();
    k.organizationId = organizationId;
    k.name = trimmed;
    k.lookup = lookup;
    k.secretHash = hashToken(out.token);
    k.capabilities = caps;
    k.createdAt = QDateTime::currentMSecsSinceEpoch();
    k.createdBy = caller.actorId();
    if (auto r = m_repo.insert(k); !r)
        return r.error();
    qCInfo(lcAuth).noquote() << "API key created" << k.id << "for" << organizationId << "caps" << capabilityNames(caps);
    return out;
}

Result<Principal> ApiKeyService::verify(const QString &token)
{
    const Error rejected = Error::unauthorized(QStringLiteral("invalid API key"));
    if (token.size() != kTokenChars || !looksLikeApiKey(token))
        return rejected;
    for (qsizetype i = kPrefix.size(); i < token.size(); ++i)
        if (!isBase64UrlChar(token[i]))
            return rejected;

    const QString lookup = token.mid(kPrefix.size(), kLookupChars);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ApiKeyRecord record;
    if (auto it = m_cache.constFind(lookup); it != m_cache.cend() && it->until > now) {
        record = it->record;
    } else {
        auto r = m_repo.byLookup(lookup);
        if (!r) {
            if (r.error().code == ErrorCode::NotFound)
                return rejected;
            return r.error();
        }
        record = *r;
        if (m_cache.size() > 10000)
            m_cache.clear(); // bounded: unknown lookups are never cached, known keys are few
        m_cache.insert(lookup, {record, now + kCacheMs});
    }
    const QByteArray hash = hashToken(token);
    if (record.secretHash.size() != hash.size()
        || CRYPTO_memcmp(hash.constData(), record.secretHash.constData(), size_t(hash.size())) != 0)
        return rejected;
    if (record.revoked())
        return Error::unauthorized(QStringLiteral("API key revoked"));
    // lastUsedAt is for people deciding which keys to revoke: a minute's precision will do, and it
    // keeps a busy key from writing on every request.
    if (now - record.lastUsedAt > kTouchIntervalMs) {
        if (m_repo.touch(record.id, now)) {
            record.lastUsedAt = now;
            if (auto it = m_cache.find(lookup); it != m_cache.end())
                it->record.lastUsedAt = now;
        }
    }
    return principalOf(record);
}

Result<QList<ApiKeyRecord>> ApiKeyService::list(const Principal &caller)
{
    if (auto r = caller.require(Capability::Admin); !r)
        return r.error();
    return m_repo.list(caller.organizationId);
}

Result<void> ApiKeyService::revoke(const Principal &caller, const QString &id)
{
    if (!ids::isValidPathId(id))
        return Error::invalidArgument(QStringLiteral("malformed API key id"), QStringLiteral("key"));
    if (auto r = caller.require(Capability::Admin); !r)
        return r.error();
    const QString &organizationId = caller.organizationId;
    auto existing = m_repo.get(organizationId, id);
    if (!existing)
        return existing.error();
    if (auto r = m_repo.revoke(organizationId, id, QDateTime::currentMSecsSinceEpoch()); !r)
        return r;
    m_cache.remove(existing->lookup);
    qCInfo(lcAuth).noquote() << "API key revoked" << id;
    return {};
}

} // namespace wagate
