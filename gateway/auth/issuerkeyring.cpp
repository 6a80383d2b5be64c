#include "issuerkeyring.h"

#include "core/ids.h"
#include "core/logging.h"
#include "secretstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

#include <openssl/evp.h>

#include <sodium.h>

namespace wagate {

namespace {

constexpr int kSeedBytes = 32;

//! Bytes wiped when they go out of scope (private key seeds, serialized key sets).
struct Wiped
{
    QByteArray bytes;
    ~Wiped()
    {
        if (!bytes.isEmpty())
            sodium_memzero(bytes.data(), size_t(bytes.size()));
    }
};

} // namespace

IssuerKeyRing::IssuerKeyRing(SecretStore &store, qint64 publishRetiredForMs, Clock clock, QObject *parent)
    : QObject(parent), m_store(store), m_publishRetiredForMs(publishRetiredForMs), m_clock(std::move(clock))
{
}

IssuerKeyRing::~IssuerKeyRing() = default;

Result<IssuerKeyRing::Key> IssuerKeyRing::generate(qint64 now)
{
    EVP_PKEY *raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (!raw)
        return Error::internal(QStringLiteral("cannot generate a signing key"));
    Key k;
    k.key = adoptPKey(raw);
    k.kid = ids::newUlid(); // real time: the ULID generator is monotonic process-wide
    k.createdAt = now;
    return k;
}

Result<QList<IssuerKeyRing::Key>> IssuerKeyRing::decode(const QByteArray &stored)
{
    const QJsonDocument doc = QJsonDocument::fromJson(stored);
    if (!doc.isObject() || doc.object().value(QLatin1StringView("version")).toInt() != 1)
        return Error::internal(QStringLiteral("the stored issuer keys are corrupt"));
    QList<Key> out;
    for (const QJsonValue &v : doc.object().value(QLatin1StringView("keys")).toArray()) {
        const QJsonObject o = v.toObject();
        Wiped seed{jws::base64UrlDecode(o.value(QLatin1StringView("d")).toString().toLatin1()).value_or(QByteArray())};
        if (seed.bytes.size() != kSeedBytes)
            return Error::internal(QStringLiteral("the stored issuer keys are corrupt"));
        EVP_PKEY *raw = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                                     reinterpret_cast<const unsigned char *>(seed.bytes.constData()),
                                                     kSeedBytes);
        if (!raw)
            return Error::internal(QStringLiteral("the stored issuer keys are corrupt"));
        Key k;
        k.key = adoptPKey(raw);
        k.kid = o.value(QLatin1StringView("kid")).toString();
        k.createdAt = qint64(o.value(QLatin1StringView("createdAt")).toDouble());
        k.retiredAt = qint64(o.value(QLatin1StringView("retiredAt")).toDouble());
        if (k.kid.isEmpty())
            return Error::internal(QStringLiteral("the stored issuer keys are corrupt"));
        out.append(k);
    }
    if (out.isEmpty() || out.first().retiredAt != 0)
        return Error::internal(QStringLiteral("the stored issuer keys have no signing key"));
    return out;
}

Result<QByteArray> IssuerKeyRing::encode(const QList<Key> &keys) const
{
    QJsonArray array;
    for (const Key &k : keys) {
        Wiped seed{QByteArray(kSeedBytes, Qt::Uninitialized)};
        size_t len = kSeedBytes;
        if (EVP_PKEY_get_raw_private_key(k.key.get(), reinterpret_cast<unsigned char *>(seed.bytes.data()), &len) != 1
            || len != kSeedBytes)
            return Error::internal(QStringLiteral("cannot export a signing key"));
        QJsonObject o{{QStringLiteral("kid"), k.kid},
                      {QStringLiteral("d"), QString::fromLatin1(jws::base64UrlEncode(seed.bytes))},
                      {QStringLiteral("createdAt"), double(k.createdAt)}};
        if (k.retiredAt)
            o.insert(QStringLiteral("retiredAt"), double(k.retiredAt));
        array.append(o);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("keys"), array}})
        .toJson(QJsonDocument::Compact);
}

bool IssuerKeyRing::isPublished(const Key &key, qint64 now) const
{
    return key.retiredAt == 0 || now < key.retiredAt + m_publishRetiredForMs;
}

void IssuerKeyRing::persist(QList<Key> keys, Done done)
{
    auto bytes = encode(keys);
    if (!bytes) {
        done(bytes.error());
        return;
    }
    Wiped wiped{*bytes};
    QPointer<IssuerKeyRing> self(this);
    m_store.write(QString(SecretStore::kIssuerKeysName), wiped.bytes,
                  [self, keys = std::move(keys), done = std::move(done)](Result<void> r) {
                      if (!self)
                          return;
                      if (!r) {
                          done(r);
                          return;
                      }
                      self->m_keys = keys;
                      emit self->keysChanged();
                      done({});
                  });
}

void IssuerKeyRing::load(Done done)
{
    QPointer<IssuerKeyRing> self(this);
    m_store.read(QString(SecretStore::kIssuerKeysName), [self, done = std::move(done)](Result<QByteArray> r) mutable {
        if (!self)
            return;
        Wiped stored{r ? *r : QByteArray()};
        if (r) {
            auto keys = decode(stored.bytes);
            if (!keys) {
                done(keys.error());
                return;
            }
            // Drop retired keys whose tokens have all expired; nothing else changes on load.
            const qint64 now = self->m_clock();
            QList<Key> live;
            for (const Key &k : *keys)
                if (self->isPublished(k, now))
                    live.append(k);
            self->m_keys = live;
            qCInfo(lcAuth).noquote() << "local issuer keys loaded; signing key" << self->currentKid();
            emit self->keysChanged();
            done({});
            return;
        }
        if (r.error().code != ErrorCode::NotFound) {
            done(r.error());
            return;
        }
        auto first = generate(self->m_clock());
        if (!first) {
            done(first.error());
            return;
        }
        qCInfo(lcAuth).noquote() << "created the local issuer's first signing key" << first->kid;
        self->persist({*first}, std::move(done));
    });
}

void IssuerKeyRing::rotate(Done done)
{
    if (m_keys.isEmpty()) {
        done(Error::failedPrecondition(QStringLiteral("the issuer keys are not loaded")));
        return;
    }
    const qint64 now = m_clock();
    auto next = generate(now);
    if (!next) {
        done(next.error());
        return;
    }
    QList<Key> keys{*next};
    for (Key k : std::as_const(m_keys)) {
        if (k.retiredAt == 0)
            k.retiredAt = now;
        if (isPublished(k, now))
            keys.append(k);
    }
    qCInfo(lcAuth).noquote() << "rotating the local issuer's signing key to" << next->kid;
    persist(keys, std::move(done));
}

QString IssuerKeyRing::currentKid() const
{
    return m_keys.isEmpty() ? QString() : m_keys.first().kid;
}

qint64 IssuerKeyRing::currentCreatedAt() const
{
    return m_keys.isEmpty() ? 0 : m_keys.first().createdAt;
}

Result<QString> IssuerKeyRing::sign(const QJsonObject &claims) const
{
    if (m_keys.isEmpty())
        return Error::unavailable(QStringLiteral("the local issuer has no signing key yet"));
    const Key &k = m_keys.first();
    const QJsonObject header{{QStringLiteral("alg"), jwsAlgorithmName(JwsAlgorithm::EdDSA)},
                             {QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("kid"), k.kid}};
    const QByteArray input = jws::base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                             + jws::base64UrlEncode(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    auto signature = jws::sign(JwsAlgorithm::EdDSA, k.key.get(), input);
    if (!signature)
        return signature.error();
    return QString::fromLatin1(input + '.' + jws::base64UrlEncode(*signature));
}

QList<Jwk> IssuerKeyRing::publishedKeys() const
{
    const qint64 now = m_clock();
    QList<Jwk> out;
    for (const Key &k : m_keys)
        if (isPublished(k, now))
            out.append(Jwk{k.kid, JwsAlgorithm::EdDSA, k.key});
    return out;
}

QList<IssuerKeyDirectory::Entry> IssuerKeyRing::directoryEntries() const
{
    const qint64 now = m_clock();
    QList<IssuerKeyDirectory::Entry> out;
    for (const Key &k : m_keys) {
        if (!isPublished(k, now))
            continue;
        auto jwk = publicJwk(JwsAlgorithm::EdDSA, k.key.get(), k.kid);
        if (jwk)
            out.append({k.kid, *jwk, k.retiredAt == 0 ? 0 : k.retiredAt + m_publishRetiredForMs});
    }
    return out;
}

QJsonObject IssuerKeyRing::jwks() const
{
    QJsonArray keys;
    for (const Jwk &k : publishedKeys()) {
        // publicJwk() writes only public members (x), never the seed.
        auto jwk = publicJwk(k.algorithm, k.key.get(), k.kid);
        if (jwk)
            keys.append(*jwk);
    }
    return QJsonObject{{QStringLiteral("keys"), keys}};
}

} // namespace wagate
