#pragma once

#include "clock.h"
#include "issuerkeydirectory.h"
#include "jwk.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace wagate {

class SecretStore;

//! The local issuer's Ed25519 signing keys, kept in the secret store. The newest key signs; after a
//! rotation the previous one stays published (JWKS) until every token it signed has expired, i.e. for
//! the token lifetime plus the verifier's leeway after its retirement. Lives on the engine thread.
class IssuerKeyRing : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<void>)>;

    //! publishRetiredForMs: how long a retired key stays published (token lifetime + leeway).
    IssuerKeyRing(SecretStore &store, qint64 publishRetiredForMs, Clock clock = systemClock(), QObject *parent = nullptr);
    ~IssuerKeyRing() override;

    //! Reads the keys from the store, creating and storing the first one on first start.
    void load(Done done);
    //! A new signing key; the current one is retired but stays published. Persisted before use.
    void rotate(Done done);

    bool isLoaded() const { return !m_keys.isEmpty(); }
    //! The kid of the signing key (empty before load()).
    QString currentKid() const;
    //! When the signing key was created (ms), for age-based rotation.
    qint64 currentCreatedAt() const;
    //! header.payload.signature over these claims, with alg EdDSA, typ JWT and the current kid.
    Result<QString> sign(const QJsonObject &claims) const;
    //! The keys a verifier must accept now: the current one and retired ones still in their window.
    QList<Jwk> publishedKeys() const;
    //! The JWKS document of this node's keys.
    QJsonObject jwks() const;
    //! The published keys as the shared database lists them, each with the end of its validity.
    QList<IssuerKeyDirectory::Entry> directoryEntries() const;

signals:
    //! The published set changed (after load() or rotate()).
    void keysChanged();

private:
    struct Key
    {
        QString kid;
        PKey key;
        qint64 createdAt = 0;
        qint64 retiredAt = 0; //!< 0 = the signing key
    };
    static Result<QList<Key>> decode(const QByteArray &stored);
    Result<QByteArray> encode(const QList<Key> &keys) const;
    static Result<Key> generate(qint64 now);
    bool isPublished(const Key &key, qint64 now) const;
    void persist(QList<Key> keys, Done done);

    SecretStore &m_store;
    qint64 m_publishRetiredForMs;
    Clock m_clock;
    QList<Key> m_keys; //!< newest first
};

} // namespace wagate
