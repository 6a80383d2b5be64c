#include "signalstore.h"

#include <QSet>

namespace wagate::wa {

SignalAddress SignalAddress::fromJid(const Jid &jid)
{
    const quint8 domain = jid.domainType();
    SignalAddress a;
    a.name = domain == 0 ? jid.user() : jid.user() + QLatin1Char('_') + QString::number(domain);
    a.device = jid.device();
    return a;
}

QByteArray SignalAddress::key() const
{
    return name.toUtf8() + '.' + QByteArray::number(device);
}

std::optional<SignalAddress> SignalAddress::fromKey(QByteArrayView key)
{
    const qsizetype dot = key.lastIndexOf('.');
    if (dot <= 0 || dot == key.size() - 1)
        return std::nullopt;
    bool ok = false;
    const uint device = key.sliced(dot + 1).toUInt(&ok);
    if (!ok)
        return std::nullopt;
    return SignalAddress{QString::fromUtf8(key.first(dot)), device};
}

bool SignalAddress::isLid() const
{
    return name.endsWith(QLatin1String("_1")) || name.endsWith(QLatin1String("_129"));
}

size_t qHash(const SignalAddress &address, size_t seed) noexcept
{
    return qHashMulti(seed, address.name, address.device);
}

// ---------------------------------------------------------------------------------------------

QHash<QByteArray, QByteArray> &MemorySignalStore::table(SignalRecordKind kind)
{
    return m_tables[kind];
}

Expected<std::optional<QByteArray>, SignalStoreError> MemorySignalStore::load(SignalRecordKind kind, const QByteArray &key)
{
    if (m_failing)
        return SignalStoreError::Unavailable;
    const auto &t = table(kind);
    auto it = t.constFind(key);
    if (it == t.cend())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(*it);
}

Expected<QList<QByteArray>, SignalStoreError> MemorySignalStore::keys(SignalRecordKind kind, const QByteArray &prefix)
{
    if (m_failing)
        return SignalStoreError::Unavailable;
    QList<QByteArray> out;
    const auto &t = table(kind);
    for (auto it = t.cbegin(); it != t.cend(); ++it) {
        if (it.key().startsWith(prefix))
            out.append(it.key());
    }
    std::sort(out.begin(), out.end());
    return out;
}

Expected<void, SignalStoreError> MemorySignalStore::apply(const QList<SignalChange> &changes)
{
    if (m_failing)
        return SignalStoreError::Unavailable;
    ++m_commits;
    for (const SignalChange &c : changes) {
        if (c.value)
            table(c.kind).insert(c.key, *c.value);
        else
            table(c.kind).remove(c.key);
    }
    return {};
}

Expected<void, SignalStoreError> MemorySignalStore::clear()
{
    if (m_failing)
        return SignalStoreError::Unavailable;
    m_tables.clear();
    return {};
}

qsizetype MemorySignalStore::count(SignalRecordKind kind) const
{
    auto it = m_tables.constFind(kind);
    return it == m_tables.cend() ? 0 : it->size();
}

// ---------------------------------------------------------------------------------------------

QByteArray SignalBatch::slotKey(SignalRecordKind kind, const QByteArray &key)
{
    return char(kind) + key;
}

Expected<std::optional<QByteArray>, SignalStoreError> SignalBatch::load(SignalRecordKind kind, const QByteArray &key)
{
    const QByteArray k = slotKey(kind, key);
    auto it = m_slots.constFind(k);
    if (it != m_slots.cend())
        return it->value;
    auto loaded = m_backing.load(kind, key);
    if (!loaded)
        return loaded.error();
    m_slots.insert(k, Slot{*loaded, false});
    return *loaded;
}

Expected<QList<QByteArray>, SignalStoreError> SignalBatch::keys(SignalRecordKind kind, const QByteArray &prefix)
{
    auto backing = m_backing.keys(kind, prefix);
    if (!backing)
        return backing.error();
    QSet<QByteArray> set(backing->cbegin(), backing->cend());
    const char tag = char(kind);
    for (auto it = m_slots.cbegin(); it != m_slots.cend(); ++it) {
        if (!it->written || it.key().isEmpty() || it.key().at(0) != tag)
            continue;
        const QByteArray key = it.key().mid(1);
        if (!key.startsWith(prefix))
            continue;
        if (it->value)
            set.insert(key);
        else
            set.remove(key);
    }
    QList<QByteArray> out(set.cbegin(), set.cend());
    std::sort(out.begin(), out.end());
    return out;
}

Expected<void, SignalStoreError> SignalBatch::apply(const QList<SignalChange> &changes)
{
    for (const SignalChange &c : changes) {
        if (c.value)
            put(c.kind, c.key, *c.value);
        else
            remove(c.kind, c.key);
    }
    return {};
}

Expected<void, SignalStoreError> SignalBatch::clear()
{
    discard();
    return m_backing.clear();
}

void SignalBatch::put(SignalRecordKind kind, const QByteArray &key, const QByteArray &value)
{
    const QByteArray k = slotKey(kind, key);
    Slot &slot = m_slots[k];
    if (!slot.written)
        m_order.append(k);
    slot.value = value;
    slot.written = true;
}

void SignalBatch::remove(SignalRecordKind kind, const QByteArray &key)
{
    const QByteArray k = slotKey(kind, key);
    Slot &slot = m_slots[k];
    if (!slot.written)
        m_order.append(k);
    // A removed pre-key held a private key: overwrite the copy we read (best effort; copies that
    // libsignal made are its own).
    if (slot.value && kind == SignalRecordKind::PreKey)
        slot.value->fill('\0');
    slot.value.reset();
    slot.written = true;
}

QList<SignalChange> SignalBatch::changes() const
{
    QList<SignalChange> out;
    out.reserve(m_order.size());
    for (const QByteArray &k : m_order) {
        const Slot &slot = m_slots[k];
        out.append(SignalChange{SignalRecordKind(quint8(k.at(0))), k.mid(1), slot.value});
    }
    return out;
}

Expected<void, SignalStoreError> SignalBatch::commit()
{
    if (m_order.isEmpty())
        return {};
    if (auto r = m_backing.apply(changes()); !r)
        return r.error();
    // What was written stays known (it is what the backing store now holds), but it is no
    // longer pending.
    for (const QByteArray &k : std::as_const(m_order))
        m_slots[k].written = false;
    m_order.clear();
    return {};
}

QList<SignalChange> SignalBatch::take()
{
    QList<SignalChange> out = changes();
    for (const QByteArray &k : std::as_const(m_order))
        m_slots[k].written = false;
    m_order.clear();
    return out;
}

void SignalBatch::discard()
{
    m_slots.clear();
    m_order.clear();
}

} // namespace wagate::wa
