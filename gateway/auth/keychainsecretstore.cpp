#include "keychainsecretstore.h"

#include "keychainqueue.h"

namespace wagate {

KeychainSecretStore::KeychainSecretStore(KeychainQueue &queue, QObject *parent) : SecretStore(parent), m_queue(queue) {}

QString KeychainSecretStore::describe() const
{
    return QStringLiteral("keychain (service %1)").arg(kService);
}

void KeychainSecretStore::read(const QString &name, ReadDone done)
{
    m_queue.read(kService, name, this, std::move(done));
}

void KeychainSecretStore::write(const QString &name, const QByteArray &value, Done done)
{
    m_queue.write(kService, name, value, this, std::move(done));
}

void KeychainSecretStore::remove(const QString &name, Done done)
{
    m_queue.remove(kService, name, this, std::move(done));
}

} // namespace wagate
