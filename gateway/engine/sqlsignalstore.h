#pragma once

#include "core/messages.h"
#include "core/result.h"
#include "wa/signal/signalstore.h"

#include <functional>

#include <QString>

namespace wagate {

class CredentialVault;
class SignalRepository;

//! One session's Signal state in the database (SignalRepository's tables), every value sealed by
//! the credential vault with its row — session, kind and key — as associated data, so a value can
//! be neither read without the data key nor moved to another row. Lives on the thread of the
//! database connection it uses.
class SqlSignalStore : public wa::SignalStore
{
public:
    //! Stores a message that arrived in the same transaction as the Signal step that decrypted it.
    using ReceivedSink = std::function<Result<void>(const IncomingMessage &)>;

    SqlSignalStore(SignalRepository &repository, CredentialVault &vault, QString sessionId, ReceivedSink sink = {});

    Expected<std::optional<QByteArray>, wa::SignalStoreError> load(wa::SignalRecordKind kind, const QByteArray &key) override;
    Expected<QList<QByteArray>, wa::SignalStoreError> keys(wa::SignalRecordKind kind, const QByteArray &prefix) override;
    Expected<void, wa::SignalStoreError> apply(const QList<wa::SignalChange> &changes) override;
    Expected<void, wa::SignalStoreError> clear() override;
    bool appliesLater() const override { return true; }
    //! In the database's group commit (Database::deferred), unless a message arrived with the
    //! writes: that one is stored and announced in a commit of its own, as apply() does.
    void applyLater(const QList<wa::SignalChange> &changes,
                    std::function<void(Expected<void, wa::SignalStoreError>)> done) override;

    //! The associated data a value is sealed with.
    static QString associatedData(const QString &sessionId, wa::SignalRecordKind kind, const QByteArray &key);

private:
    SignalRepository &m_repo;
    CredentialVault &m_vault;
    QString m_sessionId;
    ReceivedSink m_sink;
};

} // namespace wagate
