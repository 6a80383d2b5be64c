#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "store/apikeyrepository.h"

#include <QHash>

namespace wagate {

class Database;

//! A key as shown to its creator, once: the secret is in `token` and nowhere else afterwards.
struct CreatedApiKey
{
    ApiKeyRecord record;
    QString token;
};

//! API keys for scripts and services: `wgk_` + 11 characters of lookup (64 random bits) + 43 characters
//! of secret (256 random bits), base64url. Stored as the lookup and a SHA-256 of the whole token;
//! verified by lookup, then a constant-time comparison of the hash. Administration takes the caller:
//! it needs Capability::Admin, acts in the caller's organization only (another organization's key is
//! not_found), and a key never carries a capability its creator lacks.
class ApiKeyService
{
public:
    explicit ApiKeyService(Database &db);

    static bool looksLikeApiKey(QStringView token);

    Result<CreatedApiKey> create(const Principal &caller, const QString &name, Capabilities caps);
    //! The principal of a token, or unauthorized (unknown, malformed or revoked key).
    Result<Principal> verify(const QString &token);
    Result<QList<ApiKeyRecord>> list(const Principal &caller);
    Result<void> revoke(const Principal &caller, const QString &id);

    //! Verified keys are remembered for this long (ms) so a busy script does not cost a query per
    //! request; revocation on this node takes effect at once, on other nodes within this time.
    static constexpr qint64 kCacheMs = 5000;
    //! lastUsedAt is written at most this often per key.
    static constexpr qint64 kTouchIntervalMs = 60000;

private:
    struct Cached
    {
        ApiKeyRecord record;
        qint64 until = 0;
    };
    ApiKeyRepository m_repo;
    QHash<QString, Cached> m_cache; // by lookup
};

} // namespace wagate
