#pragma once

#include "core/result.h"

#include <QObject>

#include <functional>
#include <memory>

namespace wagate {

class KeychainQueue;

//! Where the gateway keeps its own secrets (the local issuer's signing keys, the data key). Two
//! backends: the OS keychain (the default) and an explicit file (`--secrets file:PATH`, mode 0600).
//! There is no silent fallback from one to the other. Answers come through callbacks on the store's
//! thread and may arrive before the call returns.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using ReadDone = std::function<void(Result<QByteArray>)>;
    using Done = std::function<void(Result<void>)>;
    using OpenDone = std::function<void(Result<std::unique_ptr<SecretStore>>)>;

    //! The keychain service name of every Wagate secret.
    static constexpr QLatin1StringView kService{"wagate"};
    //! Names of the gateway's own secrets.
    static constexpr QLatin1StringView kDataKeyName{"data-key"};
    static constexpr QLatin1StringView kIssuerKeysName{"issuer-signing-keys"};

    using QObject::QObject;

    //! "keychain …" or "file /path", for logs and `wagate --help`.
    virtual QString describe() const = 0;
    //! The secret called name; not_found when there is none.
    virtual void read(const QString &name, ReadDone done) = 0;
    virtual void write(const QString &name, const QByteArray &value, Done done) = 0;
    //! Removing an absent secret succeeds.
    virtual void remove(const QString &name, Done done) = 0;

    //! Opens the store named by spec ("keychain" or "file:PATH", the --secrets option) and checks
    //! that it answers. A keychain that cannot be reached fails with a message that names
    //! `--secrets file:PATH`; a file that group or others may read is refused. queue is needed only
    //! for the keychain and must outlive the store.
    static void open(const QString &spec, KeychainQueue *queue, OpenDone done);
    //! Whether spec is a valid --secrets value (for command-line validation before anything runs).
    static Result<void> validateSpec(const QString &spec);
};

} // namespace wagate
