#include "operatorprofiles.h"

#include "core/ids.h"
#include "keychainqueue.h"
#include "secretstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace wagate {

namespace {

Error unknownProfile() { return Error::notFound(QStringLiteral("profile not found")); }

} // namespace

QString profileKindName(OperatorProfile::Kind kind)
{
    switch (kind) {
    case OperatorProfile::Kind::LocalAccount: return QStringLiteral("local_account");
    case OperatorProfile::Kind::ApiKey: return QStringLiteral("api_key");
    case OperatorProfile::Kind::Jwt: return QStringLiteral("jwt");
    }
    return {};
}

std::optional<OperatorProfile::Kind> profileKindFromName(QStringView name)
{
    for (auto k : {OperatorProfile::Kind::LocalAccount, OperatorProfile::Kind::ApiKey, OperatorProfile::Kind::Jwt})
        if (name == profileKindName(k))
            return k;
    return std::nullopt;
}

OperatorProfiles::OperatorProfiles(const QString &dataDir, KeychainQueue &keychain, QObject *parent)
    : QObject(parent), m_dataDir(dataDir), m_keychain(keychain)
{
}

QString OperatorProfiles::filePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("profiles.json"));
}

const OperatorProfile *OperatorProfiles::find(const QString &id) const
{
    for (const OperatorProfile &p : m_profiles)
        if (p.id == id)
            return &p;
    return nullptr;
}

Result<void> OperatorProfiles::load()
{
    QFile file(filePath());
    if (!file.exists()) {
        m_profiles.clear();
        return {};
    }
    if (!file.open(QIODevice::ReadOnly))
        return Error::unavailable(QStringLiteral("cannot read %1: %2").arg(filePath(), file.errorString()));
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(4 * 1024 * 1024));
    if (!doc.isObject())
        return Error::failedPrecondition(QStringLiteral("%1 is not a profiles file").arg(filePath()));
    QList<OperatorProfile> loaded;
    for (const QJsonValue &v : doc.object().value(QLatin1StringView("profiles")).toArray()) {
        const QJsonObject o = v.toObject();
        const auto kind = profileKindFromName(o.value(QLatin1StringView("kind")).toString());
        OperatorProfile p;
        p.id = o.value(QLatin1StringView("id")).toString();
        if (!kind || !ids::isValidPathId(p.id))
            continue; // skip what a newer version (or a hand edit) wrote that we do not understand
        p.kind = *kind;
        p.displayName = o.value(QLatin1StringView("displayName")).toString();
        p.organizationId = o.value(QLatin1StringView("organizationId")).toString();
        p.username = o.value(QLatin1StringView("username")).toString();
        p.createdAt = qint64(o.value(QLatin1StringView("createdAt")).toDouble());
        loaded.append(p);
    }
    m_profiles = loaded;
    emit profilesChanged();
    return {};
}

Result<void> OperatorProfiles::save(const QList<OperatorProfile> &profiles) const
{
    QJsonArray array;
    for (const OperatorProfile &p : profiles) {
        QJsonObject o{{QStringLiteral("id"), p.id},
                      {QStringLiteral("displayName"), p.displayName},
                      {QStringLiteral("organizationId"), p.organizationId},
                      {QStringLiteral("kind"), profileKindName(p.kind)},
                      {QStringLiteral("createdAt"), double(p.createdAt)}};
        if (!p.username.isEmpty())
            o.insert(QStringLiteral("username"), p.username);
        array.append(o);
    }
    if (!QDir().mkpath(m_dataDir))
        return Error::unavailable(QStringLiteral("cannot create %1").arg(m_dataDir));
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return Error::unavailable(QStringLiteral("cannot write %1: %2").arg(filePath(), file.errorString()));
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("profiles"), array}})
                   .toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error::unavailable(QStringLiteral("cannot write %1: %2").arg(filePath(), file.errorString()));
    return {};
}

Result<OperatorProfile> OperatorProfiles::add(const QString &displayName, const QString &organizationId,
                                              OperatorProfile::Kind kind, const QString &username)
{
    const QString name = displayName.trimmed();
    if (name.isEmpty() || name.size() > 100)
        return Error::invalidArgument(QStringLiteral("display name must be 1 to 100 characters"), QStringLiteral("displayName"));
    if (!ids::isValidPathId(organizationId))
        return Error::invalidArgument(QStringLiteral("not an organization id"), QStringLiteral("organizationId"));
    if (kind == OperatorProfile::Kind::LocalAccount && username.trimmed().isEmpty())
        return Error::invalidArgument(QStringLiteral("a local account needs a username"), QStringLiteral("username"));
    OperatorProfile p;
    p.id = QStringLiteral("prf_") + ids::newUlid();
    p.displayName = name;
    p.organizationId = organizationId;
    p.kind = kind;
    p.username = kind == OperatorProfile::Kind::LocalAccount ? username.trimmed() : QString();
    p.createdAt = QDateTime::currentMSecsSinceEpoch();
    QList<OperatorProfile> next = m_profiles;
    next.append(p);
    if (auto r = save(next); !r)
        return r.error();
    m_profiles = next;
    emit profilesChanged();
    return p;
}

void OperatorProfiles::remove(const QString &id, Done done)
{
    if (!find(id)) {
        done(unknownProfile());
        return;
    }
    // The secret goes first: a profile never disappears from the list while its secret stays behind.
    m_keychain.remove(QString(SecretStore::kService), id, this, [this, id, done](Result<void> r) {
        if (!r) {
            done(r);
            return;
        }
        QList<OperatorProfile> next = m_profiles;
        next.removeIf([&](const OperatorProfile &p) { return p.id == id; });
        if (auto saved = save(next); !saved) {
            done(saved);
            return;
        }
        m_profiles = next;
        emit profilesChanged();
        done({});
    });
}

void OperatorProfiles::storeCredential(const QString &id, const QString &secret, Done done)
{
    if (!find(id)) {
        done(unknownProfile());
        return;
    }
    m_keychain.write(QString(SecretStore::kService), id, secret.toUtf8(), this, std::move(done));
}

void OperatorProfiles::readCredential(const QString &id, ReadDone done)
{
    if (!find(id)) {
        done(unknownProfile());
        return;
    }
    m_keychain.read(QString(SecretStore::kService), id, this, [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            done(r.error());
        else
            done(QString::fromUtf8(*r));
    });
}

void OperatorProfiles::deleteCredential(const QString &id, Done done)
{
    m_keychain.remove(QString(SecretStore::kService), id, this, std::move(done));
}

} // namespace wagate
