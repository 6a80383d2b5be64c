#include "secretstore.h"

#include "filesecretstore.h"
#include "keychainqueue.h"
#include "keychainsecretstore.h"

namespace wagate {

Result<void> SecretStore::validateSpec(const QString &spec)
{
    if (spec == u"keychain")
        return {};
    if (spec.startsWith(QLatin1StringView("file:")) && spec.size() > 5)
        return {};
    return Error::invalidArgument(QStringLiteral("--secrets must be keychain or file:PATH"), QStringLiteral("secrets"));
}

void SecretStore::open(const QString &spec, KeychainQueue *queue, OpenDone done)
{
    if (auto r = validateSpec(spec); !r) {
        done(r.error());
        return;
    }
    if (spec.startsWith(QLatin1StringView("file:"))) {
        auto file = FileSecretStore::open(spec.mid(5));
        if (!file)
            done(file.error());
        else
            done(std::unique_ptr<SecretStore>(std::move(*file).release()));
        return;
    }
    if (!queue) {
        done(Error::internal(QStringLiteral("no keychain queue")));
        return;
    }
    // QtKeychain 0.13 has no isAvailable(): probe with a read. "Not found" proves the keychain answered.
    auto store = std::make_shared<std::unique_ptr<SecretStore>>(new KeychainSecretStore(*queue));
    SecretStore *raw = store->get();
    raw->read(QString(kDataKeyName), [store, done = std::move(done)](Result<QByteArray> r) mutable {
        if (!r && r.error().code != ErrorCode::NotFound) {
            done(r.error());
            return;
        }
        done(std::move(*store));
    });
}

} // namespace wagate
