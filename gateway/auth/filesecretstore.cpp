#include "filesecretstore.h"

#include "core/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wagate {

namespace {

constexpr qint64 kMaxFileBytes = 1024 * 1024;

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

//! The checks that make an existing secrets file trustworthy: a regular file of ours, 0600 or stricter.
Result<void> checkPermissions(const QString &path, const struct stat &st)
{
    if (!S_ISREG(st.st_mode))
        return Error::failedPrecondition(QStringLiteral("secrets file %1 is not a regular file").arg(path));
    if (st.st_uid != geteuid())
        return Error::failedPrecondition(QStringLiteral("secrets file %1 is owned by another user").arg(path));
    if (st.st_mode & (S_IRWXG | S_IRWXO))
        return Error::failedPrecondition(
            QStringLiteral("secrets file %1 is accessible by group or others (mode %2); run: chmod 600 %1")
                .arg(path)
                .arg(QString::number(st.st_mode & 07777, 8).rightJustified(4, u'0')));
    return {};
}

} // namespace

Result<std::unique_ptr<FileSecretStore>> FileSecretStore::open(const QString &rawPath)
{
    if (rawPath.isEmpty())
        return Error::invalidArgument(QStringLiteral("--secrets file: needs a path, e.g. --secrets file:/path/secrets.json"),
                                      QStringLiteral("secrets"));
    const QString path = QFileInfo(rawPath).absoluteFilePath();
    std::unique_ptr<FileSecretStore> store(new FileSecretStore(path));
    struct stat st{};
    const QByteArray native = QFile::encodeName(path);
    if (::lstat(native.constData(), &st) != 0) {
        if (errno != ENOENT)
            return Error::unavailable(QStringLiteral("cannot access secrets file %1: %2").arg(path, errnoText()));
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return Error::unavailable(QStringLiteral("cannot create the directory of %1").arg(path));
        if (auto r = store->save({}); !r)
            return r.error();
        qCInfo(lcAuth).noquote() << "created secrets file" << path << "(mode 0600)";
        return store;
    }
    if (auto r = checkPermissions(path, st); !r)
        return r.error();
    if (auto r = store->load(); !r)
        return r.error();
    return store;
}

QString FileSecretStore::describe() const
{
    return QStringLiteral("file %1").arg(m_path);
}

Result<void> FileSecretStore::load()
{
    const QByteArray native = QFile::encodeName(m_path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return Error::unavailable(QStringLiteral("cannot open secrets file %1: %2").arg(m_path, errnoText()));
    // Check the file we actually opened, not just the name (it could have been swapped meanwhile).
    struct stat st{};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return Error::unavailable(QStringLiteral("cannot stat secrets file %1").arg(m_path));
    }
    if (auto r = checkPermissions(m_path, st); !r) {
        ::close(fd);
        return r;
    }
    if (st.st_size > kMaxFileBytes) {
        ::close(fd);
        return Error::failedPrecondition(QStringLiteral("secrets file %1 is too large").arg(m_path));
    }
    QByteArray bytes(qsizetype(st.st_size), Qt::Uninitialized);
    qsizetype got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, size_t(bytes.size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += n;
    }
    ::close(fd);
    bytes.truncate(got);

    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    const QJsonObject secrets = doc.object().value(QLatin1StringView("secrets")).toObject();
    if (!doc.isObject() || doc.object().value(QLatin1StringView("version")).toInt() != 1)
        return Error::failedPrecondition(QStringLiteral("secrets file %1 is not a Wagate secrets file").arg(m_path));
    m_secrets.clear();
    for (auto it = secrets.begin(); it != secrets.end(); ++it) {
        auto decoded = QByteArray::fromBase64Encoding(it.value().toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return Error::failedPrecondition(QStringLiteral("secrets file %1 is corrupt").arg(m_path));
        m_secrets.insert(it.key(), *decoded);
    }
    return {};
}

Result<void> FileSecretStore::save(const QHash<QString, QByteArray> &secrets) const
{
    QJsonObject entries;
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        entries.insert(it.key(), QString::fromLatin1(it.value().toBase64()));
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                                       {QStringLiteral("secrets"), entries}})
                                 .toJson(QJsonDocument::Indented);

    // mkstemp creates the temporary file 0600 from the start, so no moment exists in which the new
    // contents are readable by others; rename() then replaces the old file atomically.
    QByteArray tmpl = QFile::encodeName(m_path) + ".XXXXXX";
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        return Error::unavailable(QStringLiteral("cannot write secrets file %1: %2").arg(m_path, errnoText()));
    bool ok = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
    qsizetype written = 0;
    while (ok && written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        written += ok ? n : 0;
    }
    ok = ok && ::fsync(fd) == 0;
    ok = (::close(fd) == 0) && ok;
    ok = ok && ::rename(tmpl.constData(), QFile::encodeName(m_path).constData()) == 0;
    if (!ok) {
        const QString why = errnoText();
        ::unlink(tmpl.constData());
        return Error::unavailable(QStringLiteral("cannot write secrets file %1: %2").arg(m_path, why));
    }
    return {};
}

void FileSecretStore::read(const QString &name, ReadDone done)
{
    auto it = m_secrets.constFind(name);
    if (it == m_secrets.cend())
        done(Error::notFound(QStringLiteral("no such secret")));
    else
        done(*it);
}

void FileSecretStore::write(const QString &name, const QByteArray &value, Done done)
{
    QHash<QString, QByteArray> next = m_secrets;
    next.insert(name, value);
    if (auto r = save(next); !r) {
        done(r);
        return;
    }
    m_secrets = std::move(next);
    done({});
}

void FileSecretStore::remove(const QString &name, Done done)
{
    if (!m_secrets.contains(name)) {
        done({});
        return;
    }
    QHash<QString, QByteArray> next = m_secrets;
    next.remove(name);
    if (auto r = save(next); !r) {
        done(r);
        return;
    }
    m_secrets = std::move(next);
    done({});
}

} // namespace wagate
