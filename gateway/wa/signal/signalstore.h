#pragma once

#include <functional>

#include "core/expected.h"
#include "wa/binary/jid.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace wagate::wa {

//! A Signal party's address: the name WhatsApp derives from a device JID, and the device number
//! (MESSAGING.md §1). `15550002222:3@s.whatsapp.net` → ("15550002222", 3); `1234:3@lid` →
//! ("1234_1", 3). The name never goes on the wire; it only names local records.
struct SignalAddress
{
    QString name;
    quint32 device = 0;

    //! The address of a device JID (its agent/domain picks the name's suffix).
    static SignalAddress fromJid(const Jid &jid);
    //! The storage key "name.device" (the form Baileys keeps too; never sent).
    QByteArray key() const;
    //! The inverse of key(); nullopt for anything else.
    static std::optional<SignalAddress> fromKey(QByteArrayView key);
    //! True for addresses whose name marks a LID (suffix _1 or _129).
    bool isLid() const;

    friend bool operator==(const SignalAddress &, const SignalAddress &) = default;
};

size_t qHash(const SignalAddress &address, size_t seed = 0) noexcept;

//! The kinds of records a Signal party keeps besides its own identity.
enum class SignalRecordKind : quint8 {
    Session = 1,      //!< per remote address: libsignal's SessionRecord
    PreKey = 2,       //!< our one-time pre-keys by id: PreKeyRecordStructure (private key inside)
    SignedPreKey = 3, //!< our signed pre-keys by id: SignedPreKeyRecordStructure
    Identity = 4,     //!< remote identity keys by address: 33 bytes (05 || key)
    SenderKey = 5,    //!< group sender keys by (group, sender address): SenderKeyRecord
    LidMapping = 6,   //!< "pn:<user>" → LID user and "lid:<user>" → PN user, as the server told us
    Received = 7,     //!< "<sender user>/<message id>" → the message as delivered (dedupe across restarts)
};

//! One write of a batch: a value stored, or removed when `value` is empty.
struct SignalChange
{
    SignalRecordKind kind = SignalRecordKind::Session;
    QByteArray key;
    std::optional<QByteArray> value;
};

//! Why a store could not do what was asked.
enum class SignalStoreError {
    Unavailable, //!< the database is down or refused the write; nothing was changed
    Corrupt,     //!< a stored value could not be opened (wrong key, tampered)
};

//! Where a party's Signal state lives: sessions, pre-keys, remote identities, sender keys, keyed
//! by kind and key. Synchronous, because libsignal asks for records in the middle of an operation;
//! writes are collected by a SignalBatch and applied together, so a burst of messages costs one
//! commit. Implementations: MemorySignalStore (tests, the simulator's phones) and the gateway's
//! sealed SQL store.
class SignalStore
{
public:
    virtual ~SignalStore() = default;

    //! The value under (kind, key), nullopt when there is none.
    virtual Expected<std::optional<QByteArray>, SignalStoreError> load(SignalRecordKind kind, const QByteArray &key) = 0;
    //! Every key of a kind that starts with `prefix` (sub-device sessions of a name).
    virtual Expected<QList<QByteArray>, SignalStoreError> keys(SignalRecordKind kind, const QByteArray &prefix) = 0;
    //! Applies the writes in order, all or nothing.
    virtual Expected<void, SignalStoreError> apply(const QList<SignalChange> &changes) = 0;
    //! Forgets everything (the device was unlinked: its identity and every session are void).
    virtual Expected<void, SignalStoreError> clear() = 0;

    //! Whether applyLater() shares its commit with other writes and answers after that commit.
    virtual bool appliesLater() const { return false; }
    //! Applies the writes in order, all or nothing, in a commit that may be shared with other
    //! writes of the same moment; `done` runs once they are stored or refused, perhaps before this
    //! returns. Reads that follow see the writes at once. The default applies them now.
    virtual void applyLater(const QList<SignalChange> &changes, std::function<void(Expected<void, SignalStoreError>)> done)
    {
        done(apply(changes));
    }
};

//! A store that keeps everything in memory, for tests and the simulator.
class MemorySignalStore : public SignalStore
{
public:
    Expected<std::optional<QByteArray>, SignalStoreError> load(SignalRecordKind kind, const QByteArray &key) override;
    Expected<QList<QByteArray>, SignalStoreError> keys(SignalRecordKind kind, const QByteArray &prefix) override;
    Expected<void, SignalStoreError> apply(const QList<SignalChange> &changes) override;
    Expected<void, SignalStoreError> clear() override;

    //! Number of records of a kind (tests).
    qsizetype count(SignalRecordKind kind) const;
    //! Makes every later call fail with Unavailable (tests of a store that is down).
    void setFailing(bool failing) { m_failing = failing; }
    //! How many times apply() was called (tests: one commit per batch).
    int commits() const { return m_commits; }

private:
    QHash<QByteArray, QByteArray> &table(SignalRecordKind kind);
    QHash<SignalRecordKind, QHash<QByteArray, QByteArray>> m_tables;
    bool m_failing = false;
    int m_commits = 0;
};

//! Collects the writes of one unit of work over a backing store: reads see the batch's own writes
//! first, nothing reaches the backing store until commit(). What a batch read is remembered, so
//! libsignal asking for the same session three times in one decryption costs one load.
class SignalBatch : public SignalStore
{
public:
    explicit SignalBatch(SignalStore &backing) : m_backing(backing) {}

    Expected<std::optional<QByteArray>, SignalStoreError> load(SignalRecordKind kind, const QByteArray &key) override;
    Expected<QList<QByteArray>, SignalStoreError> keys(SignalRecordKind kind, const QByteArray &prefix) override;
    //! Applies to the batch only; commit() hands everything to the backing store.
    Expected<void, SignalStoreError> apply(const QList<SignalChange> &changes) override;
    //! Clears the backing store at once and forgets the batch.
    Expected<void, SignalStoreError> clear() override;

    void put(SignalRecordKind kind, const QByteArray &key, const QByteArray &value);
    void remove(SignalRecordKind kind, const QByteArray &key);

    //! The pending writes, oldest first, each key once (its last value).
    QList<SignalChange> changes() const;
    bool isEmpty() const { return m_order.isEmpty(); }
    //! Writes the pending changes to the backing store in one apply(); on success the batch is
    //! empty again. On failure nothing is written and the batch keeps its changes.
    Expected<void, SignalStoreError> commit();
    //! The pending changes, which are no longer pending: the caller hands them to the backing store.
    QList<SignalChange> take();
    //! Forgets pending writes and what was read.
    void discard();

private:
    struct Slot
    {
        std::optional<QByteArray> value;
        bool written = false;
    };
    static QByteArray slotKey(SignalRecordKind kind, const QByteArray &key);

    SignalStore &m_backing;
    QHash<QByteArray, Slot> m_slots;   //!< kind byte + key → what the batch knows
    QList<QByteArray> m_order;         //!< slot keys of writes, in first-write order
};

} // namespace wagate::wa
