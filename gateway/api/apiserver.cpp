#include "apiserver.h"

#include "auth/authservice.h"
#include "core/ids.h"
#include "core/logging.h"
#include "engine/engine.h"
#include "engine/messageservice.h"
#include "httperror.h"
#include "eventstreams.h"
#include "routecontext.h"

#include <QFile>
#include <QPointer>

// Resources of a static library are registered explicitly; Q_INIT_RESOURCE must be outside namespaces.
static void initApiResources() { Q_INIT_RESOURCE(api); }

namespace wagate {

void RouteReply::fail(const Error &error) const
{
    Error e = error;
    if (e.code == ErrorCode::Internal) {
        // Internals stay in the log; the caller gets the request id to quote.
        qCWarning(lcApi).noquote() << "internal error in request" << requestId << e.message;
        e.message = QStringLiteral("internal error");
        e.details = QJsonObject{{QStringLiteral("requestId"), requestId}};
    }
    send(errorResponse(e));
}

ApiServer::ApiServer(Engine &engine, ApiConfig config, QObject *parent)
    : QObject(parent), m_engine(engine), m_config(std::move(config))
{
    m_uptime.start();
    m_http.setMaxBodyBytes(m_config.maxBodyBytes);
    m_http.setHandler([this](const HttpRequest &r, HttpResponder responder) { handle(r, responder); });
    m_authenticate = [this](const HttpRequest &request, std::function<void(Result<Principal>)> done) {
        m_engine.auth().authenticate(QString::fromLatin1(request.header("Authorization")), std::move(done));
    };
    registerSessionRoutes(m_router, m_engine);
    registerMessageRoutes(m_router, m_engine);
    registerWebhookRoutes(m_router, m_engine);
    registerApiKeyRoutes(m_router, m_engine);
    registerSystemRoutes(m_router, m_engine, *this);
    registerAuthRoutes(m_router, m_engine);
    m_streams = new EventStreams(m_engine.events(), m_engine.sessionRepository(), &m_engine.messages(), this);
    registerEventRoutes(m_router, m_engine, *m_streams);
    registerPairingRoutes(m_router, m_engine, this);
}

ApiServer::~ApiServer() = default;

int ApiServer::eventStreamCount() const
{
    return m_streams->openCount();
}

bool ApiServer::listen()
{
    if (!m_http.listen(m_config.address, m_config.port))
        return false;
    qCInfo(lcApi).noquote() << "HTTP API listening on" << baseUrl();
    return true;
}

QString ApiServer::baseUrl() const
{
    const QHostAddress a = m_http.address();
    const QString host = a.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + a.toString() + u']' : a.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(m_http.port());
}

QByteArray ApiServer::openApiDocument()
{
    static const QByteArray doc = [] {
        initApiResources();
        QFile f(QStringLiteral(":/wagate/api/openapi.json"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    return doc;
}

bool ApiServer::hostAllowed(const QByteArray &hostHeader) const
{
    QByteArray host = hostHeader.trimmed().toLower();
    if (host.isEmpty())
        return false;
    QByteArray port;
    if (host.startsWith('[')) {
        const qsizetype close = host.indexOf(']');
        if (close < 0)
            return false;
        port = host.mid(close + 1);
        host = host.left(close + 1);
    } else if (const qsizetype colon = host.lastIndexOf(':'); colon >= 0) {
        port = host.mid(colon);
        host = host.left(colon);
    }
    if (!port.isEmpty() && port != ':' + QByteArray::number(m_http.port()))
        return false;
    if (host == "localhost" || host == "127.0.0.1" || host == "[::1]")
        return true;
    const QHostAddress bound = m_http.address();
    if (!bound.isLoopback()) {
        const QString b = bound.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + bound.toString() + u']' : bound.toString();
        if (host == b.toLatin1())
            return true;
    }
    for (const QString &allowed : m_config.allowedHosts)
        if (host == allowed.toLower().toLatin1())
            return true;
    return false;
}

HttpResponse ApiServer::finish(HttpResponse response, const QString &requestId)
{
    response.headers.append({QByteArray("X-Request-Id"), requestId.toLatin1()});
    bool cacheable = false;
    for (const auto &h : response.headers)
        cacheable |= h.first == "Cache-Control";
    if (!cacheable)
        response.headers.append({QByteArray("Cache-Control"), "no-store"});
    response.headers.append({QByteArray("X-Content-Type-Options"), "nosniff"});
    ++m_counters.responsesByStatus[response.status];
    return response;
}

void ApiServer::handle(const HttpRequest &request, HttpResponder responder)
{
    ++m_counters.requests;
    const QString requestId = ids::newUlid();
    auto sendNow = [this, responder, requestId](const HttpResponse &r) mutable { responder.send(finish(r, requestId)); };

    if (!hostAllowed(request.header("Host"))) {
        qCInfo(lcApi).noquote() << "refused Host header" << request.header("Host").left(100) << "from" << request.remoteAddress.toString();
        return sendNow(errorResponse(Error::forbidden(QStringLiteral("host not allowed"))));
    }

    const Router::Match match = m_router.match(request.method, request.rawPath);
    if (!match.route) {
        if (!match.allowed.isEmpty()) {
            HttpResponse r = errorResponse(405, QStringLiteral("method_not_allowed"),
                                           QStringLiteral("method %1 is not allowed here").arg(QString::fromLatin1(request.method)),
                                           QJsonObject{{QStringLiteral("allowed"), QString::fromLatin1(match.allowed.join(", "))}});
            r.headers.append({QByteArray("Allow"), match.allowed.join(", ")});
            return sendNow(r);
        }
        return sendNow(errorResponse(Error::notFound(QStringLiteral("no such route"))));
    }

    if (match.route->access == Route::Access::Public)
        return dispatch(request, responder, match, requestId, Principal{});

    // The match and the request outlive a deferred authentication: keep copies.
    m_authenticate(request, [self = QPointer<ApiServer>(this), request, responder, match, requestId](Result<Principal> principal) mutable {
        if (!self)
            return; // the server closed while a key fetch was pending; the connection goes with it
        if (!principal) {
            Error e = principal.error();
            if (e.code == ErrorCode::Internal) {
                qCWarning(lcApi).noquote() << "authentication failed internally in request" << requestId << e.message;
                e = Error::unavailable(QStringLiteral("cannot verify credentials right now"));
            }
            responder.send(self->finish(errorResponse(e), requestId));
            return;
        }
        self->dispatch(request, responder, match, requestId, *principal);
    });
}

void ApiServer::dispatch(const HttpRequest &request, HttpResponder responder, const Router::Match &match,
                         const QString &requestId, Principal principal)
{
    RouteContext ctx{request, match.params, std::move(principal), {}, responder};
    ctx.out.requestId = requestId;
    // A deferred answer may outlive this server (shutdown): then it is dropped with the connection.
    ctx.out.sendHook = [self = QPointer<ApiServer>(this), responder, requestId](const HttpResponse &r) mutable {
        if (self)
            responder.send(self->finish(r, requestId));
    };
    match.route->handler(ctx);
}

} // namespace wagate
