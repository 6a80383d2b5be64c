#pragma once

#include "api/apiserver.h"
#include "engine/engine.h"

#include <QObject>
#include <QThread>

namespace wagate {

class EngineWorker;
class KeychainQueue;

//! Owns the engine worker thread: the engine, its store connection, sessions and the HTTP API are
//! created in that thread and live there until stop(). Other threads talk to it with queued calls.
class EngineHost : public QObject
{
    Q_OBJECT
public:
    EngineHost(EngineConfig engineConfig, ApiConfig apiConfig, QObject *parent = nullptr);
    ~EngineHost() override;

    //! Starts the thread and initialises the engine there; started() or failed() follows.
    void start();
    //! Shuts the engine down on its thread and joins it, waiting at most stopTimeoutMs. A thread that
    //! does not stop in time is left to finish on its own (destroying a running QThread aborts the
    //! process); it and what it still uses are deleted once it ends.
    void stop();
    void setStopTimeoutMs(int ms) { m_stopTimeoutMs = ms; }
    //! The engine's thread (for watching it end); null once a stop has left it behind.
    QThread *engineThread() const { return m_thread; }

    //! The worker, for queued calls into the engine thread (the console facade uses it).
    EngineWorker *worker() const { return m_worker; }
    //! The keychain door, living on this object's thread (while the host lives).
    KeychainQueue &keychain() const { return *m_keychain; }

signals:
    void started(const QString &baseUrl);
    void failed(const QString &message);

private:
    KeychainQueue *m_keychain = nullptr; //!< the process's one door to the OS keychain, on this thread
    QThread *m_thread = nullptr;
    EngineWorker *m_worker = nullptr;
    bool m_running = false;
    int m_stopTimeoutMs = 10000;
};

//! Lives on the engine thread; owns what runs there.
class EngineWorker : public QObject
{
    Q_OBJECT
public:
    EngineWorker(EngineConfig engineConfig, ApiConfig apiConfig);
    ~EngineWorker() override;

    Engine *engine() const { return m_engine.get(); }
    ApiServer *api() const { return m_api.get(); }

public slots:
    void init();
    void shutdown();

signals:
    void ready(const QString &baseUrl);
    void failed(const QString &message);

private:
    EngineConfig m_engineConfig;
    ApiConfig m_apiConfig;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ApiServer> m_api;
};

} // namespace wagate
