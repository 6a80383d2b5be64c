#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "httpserver.h"
#include "router.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <functional>

namespace wagate {

class Engine;
class EventStreams;

struct ApiConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8787;
    //! Extra host names accepted in the Host header besides loopback names and the bound address
    //! (e.g. a reverse proxy's public name). Anything else is refused (DNS rebinding).
    QStringList allowedHosts;
    qint64 maxBodyBytes = 1 << 20;
};

//! The HTTP API of API.md on the engine thread: Host check, routing, authentication, the error
//! envelope, request ids and counters. Route handlers live in *routes.cpp, one file per resource.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    //! Calls done(principal or error): before returning when it can, later when it must fetch.
    using Authenticator = std::function<void(const HttpRequest &, std::function<void(Result<Principal>)>)>;

    ApiServer(Engine &engine, ApiConfig config, QObject *parent = nullptr);
    ~ApiServer() override;

    //! Replaces the default authenticator (API keys only).
    void setAuthenticator(Authenticator authenticator) { m_authenticate = std::move(authenticator); }
    Router &router() { return m_router; }

    bool listen();
    quint16 port() const { return m_http.port(); }
    QString errorString() const { return m_http.errorString(); }
    //! "http://127.0.0.1:8787"
    QString baseUrl() const;
    void close() { m_http.close(); }

    //! Counters for /metrics.
    struct Counters
    {
        QHash<int, quint64> responsesByStatus;
        quint64 requests = 0;
    };
    const Counters &counters() const { return m_counters; }
    int eventStreamCount() const;
    //! The event streams (their limits are settable, for tests).
    EventStreams &eventStreams() { return *m_streams; }
    qint64 uptimeMs() const { return m_uptime.elapsed(); }

    //! The OpenAPI document served at /api/v1/openapi.json.
    static QByteArray openApiDocument();

private:
    void handle(const HttpRequest &request, HttpResponder responder);
    bool hostAllowed(const QByteArray &host) const;
    void dispatch(const HttpRequest &request, HttpResponder responder, const Router::Match &match,
                  const QString &requestId, Principal principal);
    HttpResponse finish(HttpResponse response, const QString &requestId);

    Engine &m_engine;
    ApiConfig m_config;
    HttpServer m_http;
    Router m_router;
    Authenticator m_authenticate;
    EventStreams *m_streams = nullptr;
    Counters m_counters;
    QElapsedTimer m_uptime;
};

//! Route registration, one function per resource.
void registerSessionRoutes(Router &router, Engine &engine);
void registerMessageRoutes(Router &router, Engine &engine);
void registerWebhookRoutes(Router &router, Engine &engine);
void registerApiKeyRoutes(Router &router, Engine &engine);
void registerSystemRoutes(Router &router, Engine &engine, ApiServer &server);
void registerAuthRoutes(Router &router, Engine &engine);
void registerEventRoutes(Router &router, Engine &engine, EventStreams &streams);
//! context owns the answers that wait for a code.
void registerPairingRoutes(Router &router, Engine &engine, QObject *context);

} // namespace wagate
