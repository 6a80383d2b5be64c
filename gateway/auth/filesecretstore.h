#pragma once

#include "secretstore.h"

#include <QHash>

namespace wagate {

//! Secrets in one JSON file the user chose explicitly (`--secrets file:PATH`). The file is created
//! with mode 0600 and rewritten atomically; a file that group or others can read or write, or that
//! another user owns, is refused rather than trusted. Answers synchronously.
class FileSecretStore : public SecretStore
{
    Q_OBJECT
public:
    //! Creates the file (0600) when it does not exist yet; loads it otherwise.
    static Result<std::unique_ptr<FileSecretStore>> open(const QString &path);

    QString describe() const override;
    void read(const QString &name, ReadDone done) override;
    void write(const QString &name, const QByteArray &value, Done done) override;
    void remove(const QString &name, Done done) override;

    QString path() const { return m_path; }

private:
    explicit FileSecretStore(const QString &path) : m_path(path) {}
    Result<void> load();
    Result<void> save(const QHash<QString, QByteArray> &secrets) const;

    QString m_path;
    QHash<QString, QByteArray> m_secrets;
};

} // namespace wagate
