#pragma once

#include "store/database.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace wagate {

class CredentialVault;

struct WebhookConfig
{
    int timeoutMs = 10000;         //!< one attempt waits at most this for the receiver's answer
    int retryBaseMs = 5000;        //!< the first retry after this, doubling (with ±20 % jitter) …
    qint64 retryMaxMs = 6LL * 3600 * 1000; //!< … up to this between attempts
    qint64 giveUpAfterMs = 24LL * 3600 * 1000; //!< attempts stop this long after the event: failed
    int perWebhook = 4;            //!< attempts in flight per webhook at most (a slow receiver slows only itself)
    int pollMs = 1000;             //!< due deliveries are looked for at least this often
};

//! Delivers webhook events on its own thread, with its own store connection and network access
//! manager: a slow or dead receiver never slows the engine, and at most `perWebhook` attempts wait
//! on one receiver. Every outcome is stored before the next attempt: a 2xx is delivered, 410
//! disables the webhook, anything else (or no answer) is tried again with back-off until
//! giveUpAfterMs, then failed (replayable with :retry). Survives restarts: the schedule is the store's.
class WebhookDispatcher : public QObject
{
    Q_OBJECT
public:
    WebhookDispatcher(DatabaseConfig database, CredentialVault &vault, WebhookConfig config, QObject *parent = nullptr);
    ~WebhookDispatcher() override;

    void start();
    //! Waits for attempts in flight to be abandoned and the thread to end.
    void stop();
    //! Deliveries may be waiting (thread-safe).
    void wake();

    struct Counters
    {
        std::atomic<quint64> delivered{0}, retried{0}, failed{0};
        std::atomic<qint64> lastLagMs{0}; //!< event → delivered, of the latest delivery
    };
    const Counters &counters() const { return m_counters; }

private:
    class Worker;
    DatabaseConfig m_database;
    CredentialVault &m_vault;
    WebhookConfig m_config;
    Counters m_counters;
    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr;
};

} // namespace wagate
