#pragma once

#include "wa/signal/signalprotocol.h"
#include "wa/signal/signalstore.h"

#include <functional>
#include <memory>

namespace wagate::wa {

struct AuthState;

//! The Signal state of one connection: the session's store, the batch that collects one round's
//! writes, and the libsignal party over that batch. What depends on the state being saved — a
//! receipt that tells WhatsApp to drop its copy, a stanza encrypted with a ratchet step — is queued
//! with afterCommit() and runs only once flush() has written the batch. Cheap while idle: the
//! party and the batch's read cache are released between rounds.
class SignalSession
{
public:
    explicit SignalSession(std::shared_ptr<SignalStore> store);
    ~SignalSession();

    //! The identity libsignal speaks with; a new one (a new device) starts over.
    void setIdentity(const SignalIdentity &identity);
    //! The party over the current batch (created on first use).
    SignalProtocol &protocol();
    SignalBatch &batch() { return m_batch; }
    SignalStore &store() { return *m_store; }

    //! Runs `action` after the next successful flush(), in the order queued.
    void afterCommit(std::function<void()> action);
    //! Writes the batch in one commit and runs the queued actions. On failure nothing runs and
    //! everything stays queued for the next flush(). Over a store that applies later (one commit
    //! shared by every session's writes of this event-loop turn), the actions run after that commit
    //! and a refusal is reported to onLost() instead: the writes and their actions are gone then.
    Expected<void, SignalStoreError> flush();
    //! Called when writes handed to a store that applies later were refused.
    void setOnLost(std::function<void(SignalStoreError)> onLost) { m_onLost = std::move(onLost); }
    //! Uncommitted writes or actions are waiting.
    bool hasPending() const { return !m_batch.isEmpty() || !m_actions.isEmpty(); }
    //! Drops uncommitted writes and their actions (the link is gone; WhatsApp will redeliver).
    void discardPending();
    //! Frees what an idle connection need not hold (the libsignal party, cached reads).
    void releaseIdle();

private:
    std::shared_ptr<SignalStore> m_store;
    SignalBatch m_batch;
    SignalIdentity m_identity;
    std::unique_ptr<SignalProtocol> m_protocol;
    QList<std::function<void()>> m_actions;
    bool m_flushing = false;
    bool m_again = false;
    Expected<void, SignalStoreError> flushLater();
    std::function<void(SignalStoreError)> m_onLost;
    int m_waiting = 0; //!< writes handed to the store whose commit has not answered yet
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

//! The Signal identity of a device's credentials.
SignalIdentity signalIdentityOf(const AuthState &auth);

} // namespace wagate::wa
