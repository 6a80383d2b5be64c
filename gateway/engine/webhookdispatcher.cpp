#include "webhookdispatcher.h"

#include "core/ids.h"
#include "core/logging.h"
#include "credentialvault.h"
#include "store/webhookrepository.h"
#include "webhookservice.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <QUrl>

namespace wagate {

class WebhookDispatcher::Worker : public QObject
{
public:
    Worker(DatabaseConfig database, CredentialVault &vault, WebhookConfig config, Counters &counters)
        : m_database(std::move(database)), m_vault(vault), m_config(config), m_counters(counters), m_timer(this)
    {
    }
    ~Worker() override
    {
        if (m_repo)
            storeOutcomes(); // what is not stored is attempted again after the restart
        m_repo.reset();
        m_db.reset();
    }

    void open()
    {
        m_database.connectionName = QStringLiteral("wagate-webhooks-") + ids::newUlid();
        auto db = Database::open(m_database);
        if (!db) {
            qCWarning(lcEngine).noquote() << "webhook deliveries cannot open the store:" << db.error().message << "; trying again";
            QTimer::singleShot(2000, this, [this] { open(); });
            return;
        }
        m_db = std::move(*db);
        m_repo = std::make_unique<WebhookRepository>(*m_db);
        m_nam = new QNetworkAccessManager(this);
        m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
        m_outcomeTimer.setSingleShot(true);
        connect(&m_outcomeTimer, &QTimer::timeout, this, [this] { storeOutcomes(); });
        poll();
    }

    //! A poll at the end of this event-loop turn: wakes and finished attempts of one turn share it.
    void schedule()
    {
        if (m_pollQueued)
            return;
        m_pollQueued = true;
        QTimer::singleShot(0, this, [this] { poll(); });
    }

    void poll()
    {
        m_pollQueued = false;
        if (!m_repo)
            return;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // Per webhook, up to its free slots: a receiver with a backlog never holds up another.
        auto hooks = m_repo->webhooksDue(now);
        if (!hooks) {
            m_timer.start(m_config.pollMs);
            return;
        }
        for (const QString &hookId : *hooks) {
            const int free = m_config.perWebhook - m_perWebhook.value(hookId);
            if (free <= 0)
                continue;
            auto w = m_repo->byId(hookId);
            if (!w || !w->enabled)
                continue; // a disabled webhook's deliveries wait until it is enabled again
            // The oldest due include those in flight, skipped below.
            auto due = m_repo->due(hookId, now, m_config.perWebhook + m_perWebhook.value(hookId) + m_unstored.value(hookId));
            if (!due)
                continue;
            int started = 0;
            for (const DeliveryRow &d : *due) {
                if (started == free)
                    break;
                if (m_inFlight.contains(d.id))
                    continue;
                attempt(*w, d);
                ++started;
            }
        }
        // Scheduled retries: wake when the next is due (at least every pollMs). While attempts are
        // in flight or their outcomes unstored, each one's end polls again.
        qint64 wait = m_config.pollMs;
        if (m_inFlight.isEmpty())
            if (auto next = m_repo->nextDue(); next && *next > 0)
                wait = std::clamp<qint64>(*next - now, 0, m_config.pollMs);
        m_timer.start(int(wait));
    }

private:
    static bool linkLocal(const QHostAddress &a)
    {
        return a.isLinkLocal() || a.isInSubnet(QHostAddress(QStringLiteral("169.254.0.0")), 16);
    }

    //! Whether `host` is or resolves to a link-local address. Names are resolved at most once a minute.
    bool refusedHost(const QString &host)
    {
        if (const QHostAddress literal(host); !literal.isNull())
            return linkLocal(literal);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (auto it = m_hosts.constFind(host); it != m_hosts.cend() && it->until > now)
            return it->refused;
        bool refused = false;
        for (const QHostAddress &a : QHostInfo::fromName(host).addresses())
            refused = refused || linkLocal(a);
        if (m_hosts.size() > 1024)
            m_hosts.clear();
        m_hosts.insert(host, {refused, now + 60'000});
        return refused;
    }

    void attempt(const WebhookRow &w, DeliveryRow d)
    {
        const QUrl url(w.url);
        // Link-local targets are refused however they are named (a DNS name may point there).
        if (refusedHost(url.host()))
            return finish(w, d, 0, QStringLiteral("the receiver's address is link-local; refused"));
        auto secret = m_vault.open(WebhookService::secretAd(w.id), w.secret);
        auto body = m_vault.open(WebhookService::bodyAd(d.id), d.body);
        if (!secret || !body)
            return finish(w, d, 0, QStringLiteral("the delivery cannot be opened with this data key"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 ts = now / 1000;
        QByteArray signatures = WebhookService::signature(QString::fromLatin1(*secret), d.eventId, ts, *body);
        if (!w.previousSecret.isEmpty() && w.previousExpiresAt > now)
            if (auto previous = m_vault.open(WebhookService::secretAd(w.id), w.previousSecret))
                signatures += ' ' + WebhookService::signature(QString::fromLatin1(*previous), d.eventId, ts, *body);
        secret->fill('\0');
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        req.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Wagate-Webhooks/1"));
        req.setRawHeader("webhook-id", d.eventId.toLatin1());
        req.setRawHeader("webhook-timestamp", QByteArray::number(ts));
        req.setRawHeader("webhook-signature", signatures);
        req.setTransferTimeout(m_config.timeoutMs);
        m_inFlight.insert(d.id);
        ++m_perWebhook[w.id];
        QNetworkReply *reply = m_nam->post(req, *body);
        body->fill('\0');
        connect(reply, &QNetworkReply::finished, this, [this, reply, w, d] {
            reply->deleteLater();
            --m_perWebhook[w.id]; // the slot is free; the delivery stays in flight until its outcome is stored
            const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            finish(w, d, code, code ? QString() : reply->errorString().left(200));
            schedule();
        });
    }

    void finish(const WebhookRow &w, DeliveryRow d, int code, const QString &error)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        ++d.attempts;
        d.lastStatusCode = code;
        d.lastError = error.isEmpty() && !(code >= 200 && code < 300) ? QStringLiteral("HTTP %1").arg(code) : error;
        d.updatedAt = now;
        if (code >= 200 && code < 300) {
            d.status = DeliveryStatus::Delivered;
            d.deliveredAt = now;
            d.lastError.clear();
            ++m_counters.delivered;
            m_counters.lastLagMs = now - d.createdAt;
        } else if (code == 410) {
            d.status = DeliveryStatus::Failed;
            ++m_counters.failed;
            qCInfo(lcEngine).noquote() << "webhook" << w.id << "answered 410 Gone: disabled";
            if (auto r = m_repo->disable(w.id, QStringLiteral("the receiver answered 410 Gone"), now); !r)
                qCWarning(lcEngine).noquote() << "webhook" << w.id << "was not disabled:" << r.error().message;
        } else {
            const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
            const qint64 delay = qint64(double(std::min<qint64>(qint64(m_config.retryBaseMs) << std::min(d.attempts - 1, 30),
                                                                 m_config.retryMaxMs)) * jitter);
            d.nextAttemptAt = now + delay;
            if (d.nextAttemptAt > d.createdAt + m_config.giveUpAfterMs) {
                d.status = DeliveryStatus::Failed;
                ++m_counters.failed;
            } else {
                ++m_counters.retried;
            }
        }
        // Outcomes of a few milliseconds share a commit. Nothing waits for it: a delivery whose
        // outcome was not stored is attempted again, and receivers deduplicate by webhook-id.
        m_inFlight.insert(d.id);
        ++m_unstored[w.id];
        m_outcomes.append(std::move(d));
        if (m_outcomes.size() >= kOutcomesPerCommit)
            storeOutcomes();
        else if (!m_outcomeTimer.isActive())
            m_outcomeTimer.start(kOutcomeDelayMs);
    }

    void storeOutcomes()
    {
        m_outcomeTimer.stop();
        if (m_outcomes.isEmpty())
            return;
        const QList<DeliveryRow> outcomes = std::exchange(m_outcomes, {});
        const Result<void> r = m_db->transaction([&]() -> Result<void> {
            for (const DeliveryRow &d : outcomes)
                if (auto w = m_repo->record(d); !w && w.error().code != ErrorCode::NotFound)
                    return w; // not found: its webhook was deleted meanwhile, and the delivery with it
            return {};
        });
        if (!r)
            qCWarning(lcEngine).noquote() << "the outcomes of" << outcomes.size() << "webhook deliveries were not stored:"
                                          << r.error().message << "; they are attempted again";
        for (const DeliveryRow &d : outcomes) {
            m_inFlight.remove(d.id);
            if (--m_unstored[d.webhookId] <= 0)
                m_unstored.remove(d.webhookId);
        }
        schedule();
    }

    DatabaseConfig m_database;
    CredentialVault &m_vault;
    WebhookConfig m_config;
    Counters &m_counters;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<WebhookRepository> m_repo;
    QNetworkAccessManager *m_nam = nullptr;
    QTimer m_timer;
    static constexpr int kOutcomesPerCommit = 64;
    static constexpr int kOutcomeDelayMs = 10;
    QSet<QString> m_inFlight;           //!< attempted, until the outcome is stored
    QHash<QString, int> m_perWebhook;   //!< requests open per webhook
    QHash<QString, int> m_unstored;     //!< outcomes waiting for their commit per webhook
    QList<DeliveryRow> m_outcomes;
    QTimer m_outcomeTimer{this};
    struct HostVerdict
    {
        bool refused = false;
        qint64 until = 0;
    };
    QHash<QString, HostVerdict> m_hosts;
    bool m_pollQueued = false;
};

WebhookDispatcher::WebhookDispatcher(DatabaseConfig database, CredentialVault &vault, WebhookConfig config, QObject *parent)
    : QObject(parent), m_database(std::move(database)), m_vault(vault), m_config(config)
{
}

WebhookDispatcher::~WebhookDispatcher()
{
    stop();
}

void WebhookDispatcher::start()
{
    if (m_thread)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("webhooks"));
    m_worker = new Worker(m_database, m_vault, m_config, m_counters);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->open(); }, Qt::QueuedConnection);
}

void WebhookDispatcher::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
}

void WebhookDispatcher::wake()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->schedule(); }, Qt::QueuedConnection);
}

} // namespace wagate
