#pragma once

#include "secretstore.h"

namespace wagate {

//! Secrets in the OS keychain (Secret Service on Linux) under service "wagate", one entry per name.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    //! queue must outlive this store.
    explicit KeychainSecretStore(KeychainQueue &queue, QObject *parent = nullptr);

    QString describe() const override;
    void read(const QString &name, ReadDone done) override;
    void write(const QString &name, const QByteArray &value, Done done) override;
    void remove(const QString &name, Done done) override;

private:
    KeychainQueue &m_queue;
};

} // namespace wagate
