#include "enginehost.h"

#include "auth/keychainqueue.h"
#include "core/logging.h"

#include <QThreadPool>

#include <utility>

#include <openssl/crypto.h>

namespace wagate {

EngineWorker::EngineWorker(EngineConfig engineConfig, ApiConfig apiConfig)
    : m_engineConfig(std::move(engineConfig)), m_apiConfig(std::move(apiConfig))
{
}

EngineWorker::~EngineWorker() = default;

void EngineWorker::init()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_engine = std::make_unique<Engine>(m_engineConfig);
    m_engine->start([this](Result<void> r) {
        if (!r) {
            m_engine.reset();
            emit failed(r.error().message);
            return;
        }
        m_api = std::make_unique<ApiServer>(*m_engine, m_apiConfig);
        if (!m_api->listen()) {
            const QString message = QStringLiteral("cannot listen on %1:%2: %3")
                                        .arg(m_apiConfig.address.toString())
                                        .arg(m_apiConfig.port)
                                        .arg(m_api->errorString());
            m_api.reset();
            m_engine.reset();
            emit failed(message);
            return;
        }
        emit ready(m_api->baseUrl());
    });
}

void EngineWorker::shutdown()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_api)
        m_api->close();
    if (m_engine)
        m_engine->shutdown();
    m_api.reset();
    m_engine.reset();
    // OpenSSL keeps per-thread state (random generators, error queues) that it frees when the thread
    // ends — possibly after the process has begun to exit. Free it now, while this thread is ours.
    OPENSSL_thread_stop();
}

EngineHost::EngineHost(EngineConfig engineConfig, ApiConfig apiConfig, QObject *parent)
    : QObject(parent), m_keychain(new KeychainQueue), m_thread(new QThread)
{
    engineConfig.keychain = m_keychain;
    m_thread->setObjectName(QStringLiteral("engine"));
    m_worker = new EngineWorker(std::move(engineConfig), std::move(apiConfig));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &EngineWorker::ready, this, &EngineHost::started);
    connect(m_worker, &EngineWorker::failed, this, &EngineHost::failed);
}

EngineHost::~EngineHost()
{
    stop();
    delete m_thread; // joined, or never started
    delete m_keychain;
}

void EngineHost::start()
{
    if (m_running || !m_thread)
        return;
    m_running = true;
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &EngineWorker::init, Qt::QueuedConnection);
}

void EngineHost::stop()
{
    if (!m_running)
        return;
    m_running = false;
    // Shut down and end the loop on the engine thread, queued: this thread never waits on whatever
    // the engine thread is busy with, only up to the timeout below.
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] {
        worker->shutdown();
        QThread::currentThread()->quit();
    }, Qt::QueuedConnection);
    if (m_thread->wait(m_stopTimeoutMs))
        return;
    qCCritical(lcApp).noquote() << "the engine thread did not stop within" << m_stopTimeoutMs / 1000.0
                                << "s; leaving it to finish on its own";
    // KIMAP terminates its session thread here; we do not: a thread killed in the middle of a write
    // leaves the store and the keychain in an unknown state. The thread object and the keychain door
    // it may still use stay alive, and go once it ends.
    QThread *thread = std::exchange(m_thread, nullptr);
    KeychainQueue *keychain = std::exchange(m_keychain, nullptr);
    connect(thread, &QThread::finished, keychain, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    if (thread->isFinished()) { // it ended between the wait and the connections above
        keychain->deleteLater();
        thread->deleteLater();
    }
}

} // namespace wagate
