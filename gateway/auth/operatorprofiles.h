#pragma once

#include "core/result.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace wagate {

class KeychainQueue;

//! A sign-in profile of the console: who signs in where, and how. Only non-secret metadata; the
//! credential itself lives in the OS keychain (service "wagate", account = id).
struct OperatorProfile
{
    enum class Kind { LocalAccount, ApiKey, Jwt };

    QString id;             //!< prf_<ULID>
    QString displayName;
    QString organizationId;
    Kind kind = Kind::LocalAccount;
    QString username;       //!< for LocalAccount
    qint64 createdAt = 0;

    bool operator==(const OperatorProfile &) const = default;
};

QString profileKindName(OperatorProfile::Kind kind);
std::optional<OperatorProfile::Kind> profileKindFromName(QStringView name);

//! The console's sign-in profiles: a JSON file in the data directory (written atomically) for the
//! metadata, the keychain for each profile's secret (password, API key or pasted JWT). Lives on the
//! GUI thread; keychain answers arrive on it through callbacks.
class OperatorProfiles : public QObject
{
    Q_OBJECT
public:
    using ReadDone = std::function<void(Result<QString>)>;
    using Done = std::function<void(Result<void>)>;

    //! dataDir holds profiles.json; keychain must outlive this object.
    OperatorProfiles(const QString &dataDir, KeychainQueue &keychain, QObject *parent = nullptr);

    //! Reads profiles.json (a missing file is an empty list).
    Result<void> load();
    const QList<OperatorProfile> &profiles() const { return m_profiles; }
    const OperatorProfile *find(const QString &id) const;
    QString filePath() const;

    //! Adds a profile (a new id and createdAt are assigned) and saves the file.
    Result<OperatorProfile> add(const QString &displayName, const QString &organizationId, OperatorProfile::Kind kind,
                                const QString &username = {});
    //! Removes the profile and its keychain entry; done runs when both are gone.
    void remove(const QString &id, Done done);

    //! Stores the profile's credential in the keychain, replacing any previous one.
    void storeCredential(const QString &id, const QString &secret, Done done);
    //! The stored credential; not_found when none is stored.
    void readCredential(const QString &id, ReadDone done);
    void deleteCredential(const QString &id, Done done);

signals:
    void profilesChanged();

private:
    Result<void> save(const QList<OperatorProfile> &profiles) const;

    QString m_dataDir;
    KeychainQueue &m_keychain;
    QList<OperatorProfile> m_profiles;
};

} // namespace wagate
