#include "enginehost.h"

#include "auth/keychainqueue.h"
#include "core/logging.h"

#include <QThreadPool>

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
    : QObject(parent), m_keychain(std::make_unique<KeychainQueue>())
{
    engineConfig.keychain = m_keychain.get();
    m_thread.setObjectName(QStringLiteral("engine"));
    m_worker = new EngineWorker(std::move(engineConfig), std::move(apiConfig));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &EngineWorker::ready, this, &EngineHost::started);
    connect(m_worker, &EngineWorker::failed, this, &EngineHost::failed);
}

EngineHost::~EngineHost()
{
    stop();
}

void EngineHost::start()
{
    if (m_running)
        return;
    m_running = true;
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &EngineWorker::init, Qt::QueuedConnection);
}

void EngineHost::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QMetaObject::invokeMethod(m_worker, &EngineWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    if (!m_thread.wait(10000))
        qCWarning(lcApp).noquote() << "the engine thread did not stop within 10 s";
}

} // namespace wagate
