#include "signalsession.h"

#include "authstate.h"

namespace wagate::wa {

SignalIdentity signalIdentityOf(const AuthState &auth)
{
    SignalIdentity id;
    id.identityKey = auth.identityKey;
    id.registrationId = auth.registrationId;
    id.signedPreKeyId = auth.signedPreKey.id;
    id.signedPreKey = auth.signedPreKey.keyPair;
    id.signedPreKeySignature = auth.signedPreKey.signature;
    return id;
}

SignalSession::SignalSession(std::shared_ptr<SignalStore> store)
    : m_store(store ? std::move(store) : std::make_shared<MemorySignalStore>()), m_batch(*m_store)
{
}

SignalSession::~SignalSession() = default;

void SignalSession::setIdentity(const SignalIdentity &identity)
{
    m_identity = identity;
    m_protocol.reset();
}

SignalProtocol &SignalSession::protocol()
{
    if (!m_protocol)
        m_protocol = std::make_unique<SignalProtocol>(m_identity, &m_batch);
    return *m_protocol;
}

void SignalSession::afterCommit(std::function<void()> action)
{
    m_actions.append(std::move(action));
}

Expected<void, SignalStoreError> SignalSession::flush()
{
    if (m_store->appliesLater())
        return flushLater();
    if (m_flushing) {
        m_again = true; // an action flushing again: the loop below takes its writes too
        return {};
    }
    m_flushing = true;
    do {
        m_again = false;
        if (auto r = m_batch.commit(); !r) {
            m_flushing = false;
            return r.error();
        }
        // What was read is known to be in the store now; keep nothing cached across rounds.
        m_batch.discard();
        // Actions may queue more work (and more actions): those go in the next pass.
        const QList<std::function<void()>> actions = std::exchange(m_actions, {});
        for (const auto &action : actions)
            action();
    } while (m_again || !m_actions.isEmpty() || !m_batch.isEmpty());
    m_flushing = false;
    return {};
}

Expected<void, SignalStoreError> SignalSession::flushLater()
{
    if (m_batch.isEmpty() && m_actions.isEmpty())
        return {};
    if (m_batch.isEmpty() && m_waiting == 0) {
        // Nothing to write and nothing before them in flight: the actions may run now.
        const QList<std::function<void()>> actions = std::exchange(m_actions, {});
        for (const auto &action : actions)
            action();
        return flushLater();
    }
    // Even without writes, actions queued behind a commit in flight wait for it: they keep order.
    const QList<SignalChange> changes = m_batch.take();
    m_batch.discard(); // reads go to the store, which sees the writes in flight
    ++m_waiting;
    std::weak_ptr<bool> alive = m_alive;
    m_store->applyLater(changes, [this, alive, actions = std::exchange(m_actions, {})](Expected<void, SignalStoreError> r) {
        if (alive.expired())
            return;
        --m_waiting;
        if (!r) {
            if (m_onLost)
                m_onLost(r.error());
            return;
        }
        for (const auto &action : actions)
            action();
        (void)flushLater(); // what the actions queued
    });
    return {};
}

void SignalSession::discardPending()
{
    m_batch.discard();
    m_actions.clear();
}

void SignalSession::releaseIdle()
{
    if (hasPending())
        return;
    m_batch.discard();
    m_protocol.reset();
}

} // namespace wagate::wa
