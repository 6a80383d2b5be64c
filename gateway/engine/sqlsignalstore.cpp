#include "sqlsignalstore.h"

#include "core/logging.h"
#include "credentialvault.h"
#include "store/database.h"
#include "store/signalrepository.h"

#include <QDateTime>

namespace wagate {

using wa::SignalStoreError;

namespace {

SignalRepository::Table tableOf(wa::SignalRecordKind kind)
{
    // The repository's tables are numbered like the kinds.
    return SignalRepository::Table(int(kind));
}

} // namespace

SqlSignalStore::SqlSignalStore(SignalRepository &repository, CredentialVault &vault, QString sessionId, ReceivedSink sink)
    : m_repo(repository), m_vault(vault), m_sessionId(std::move(sessionId)), m_sink(std::move(sink))
{
}

QString SqlSignalStore::associatedData(const QString &sessionId, wa::SignalRecordKind kind, const QByteArray &key)
{
    return sessionId + QStringLiteral("|signal|") + QString::number(int(kind)) + QLatin1Char('|') + QString::fromUtf8(key);
}

Expected<std::optional<QByteArray>, SignalStoreError> SqlSignalStore::load(wa::SignalRecordKind kind, const QByteArray &key)
{
    auto sealed = m_repo.load(m_sessionId, tableOf(kind), key);
    if (!sealed)
        return SignalStoreError::Unavailable;
    if (!*sealed)
        return std::optional<QByteArray>();
    auto opened = m_vault.open(associatedData(m_sessionId, kind, key), **sealed);
    if (!opened) {
        qCWarning(lcStore).noquote() << "a Signal record of session" << m_sessionId << "cannot be opened";
        return SignalStoreError::Corrupt;
    }
    return std::optional<QByteArray>(*opened);
}

Expected<QList<QByteArray>, SignalStoreError> SqlSignalStore::keys(wa::SignalRecordKind kind, const QByteArray &prefix)
{
    auto keys = m_repo.keys(m_sessionId, tableOf(kind), prefix);
    if (!keys)
        return SignalStoreError::Unavailable;
    return *keys;
}

void SqlSignalStore::applyLater(const QList<wa::SignalChange> &changes, std::function<void(Expected<void, SignalStoreError>)> done)
{
    QList<SignalRepository::Write> writes;
    writes.reserve(changes.size());
    for (const wa::SignalChange &c : changes) {
        if (!SignalRepository::isTable(int(c.kind)))
            continue;
        if (m_sink && c.kind == wa::SignalRecordKind::Received && c.value && c.value->size() > 1)
            return done(apply(changes));
        SignalRepository::Write w{tableOf(c.kind), c.key, std::nullopt};
        if (c.value) {
            auto sealed = m_vault.seal(associatedData(m_sessionId, c.kind, c.key), *c.value);
            if (!sealed)
                return done(SignalStoreError::Unavailable);
            w.value = *sealed;
        }
        writes.append(std::move(w));
    }
    m_repo.database().deferred(
        [this, writes = std::move(writes)] { return m_repo.apply(m_sessionId, writes, QDateTime::currentMSecsSinceEpoch()); },
        [done = std::move(done)](Result<void> r) {
            if (!r)
                return done(SignalStoreError::Unavailable);
            done({});
        });
}

Expected<void, SignalStoreError> SqlSignalStore::apply(const QList<wa::SignalChange> &changes)
{
    QList<SignalRepository::Write> writes;
    writes.reserve(changes.size());
    QList<IncomingMessage> arrived;
    for (const wa::SignalChange &c : changes) {
        if (!SignalRepository::isTable(int(c.kind)))
            continue;
        if (m_sink && c.kind == wa::SignalRecordKind::Received && c.value && c.value->size() > 1)
            if (auto m = incomingMessageFromJson(*c.value))
                arrived.append(std::move(*m));
        SignalRepository::Write w{tableOf(c.kind), c.key, std::nullopt};
        if (c.value) {
            auto sealed = m_vault.seal(associatedData(m_sessionId, c.kind, c.key), *c.value);
            if (!sealed)
                return SignalStoreError::Unavailable;
            w.value = *sealed;
        }
        writes.append(std::move(w));
    }
    const auto write = [&]() -> Result<void> {
        if (auto r = m_repo.apply(m_sessionId, writes, QDateTime::currentMSecsSinceEpoch()); !r)
            return r;
        for (const IncomingMessage &m : arrived) {
            auto r = m_sink(m);
            if (!r && r.error().code == ErrorCode::Unavailable)
                return r; // no receipt: WhatsApp delivers it again
            if (!r) // a refusal would refuse every redelivery too: the Signal step goes on without it
                qCWarning(lcStore).noquote() << "a message of session" << m_sessionId << "was not stored:" << r.error().message;
        }
        return {};
    };
    const Result<void> r = arrived.isEmpty() ? write() : m_repo.database().transaction(write);
    for (IncomingMessage &m : arrived)
        m.text.fill(QChar(0));
    if (!r)
        return SignalStoreError::Unavailable;
    return {};
}

Expected<void, SignalStoreError> SqlSignalStore::clear()
{
    if (auto r = m_repo.clear(m_sessionId); !r)
        return SignalStoreError::Unavailable;
    return {};
}

} // namespace wagate
