#include "httpserver.h"

#include "bodylimiter.h"
#include "core/logging.h"
#include "httperror.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>

namespace wagate {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

//! Watches one connection's bytes ahead of QtHttpServer (its slot is connected first, so it runs
//! first on every readyRead) and cuts the connection off when the framing breaks a limit.
class ConnectionGuard : public QObject
{
public:
    ConnectionGuard(QTcpSocket *socket, qint64 maxBody, qint64 maxHeaders)
        : QObject(socket), m_socket(socket), m_limiter(maxBody, maxHeaders)
    {
        connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::inspect);
    }

private:
    void inspect()
    {
        // QtHttpServer reads everything available on each readyRead, so what we can peek now is
        // exactly what arrived since the last time.
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0)
            return;
        const QByteArray fresh = m_socket->peek(available);
        const auto verdict = m_limiter.feed(fresh);
        if (verdict == BodyLimiter::Verdict::Ok)
            return;

        // The envelope and status come from the one mapping (httperror.cpp), as for every answer.
        HttpResponse refusal;
        if (verdict == BodyLimiter::Verdict::BodyTooLarge)
            refusal = errorResponse(Error::payloadTooLarge(QStringLiteral("request body exceeds the limit")));
        else if (verdict == BodyLimiter::Verdict::HeadersTooLarge)
            refusal = errorResponse(431, errorCodeName(ErrorCode::InvalidArgument), QStringLiteral("request headers exceed the limit"), {});
        else
            refusal = errorResponse(Error::invalidArgument(QStringLiteral("malformed or ambiguous request framing")));
        const int status = refusal.status;
        qCInfo(lcApi).noquote() << "refused a request from" << m_socket->peerAddress().toString() << "with" << status;
        // Nobody else may read this connection any more, not even the slot after us in this emission.
        QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
        out += "Content-Type: " + refusal.contentType + "\r\nConnection: close\r\nContent-Length: "
               + QByteArray::number(refusal.body.size()) + "\r\n\r\n" + refusal.body;
        m_socket->write(out);
        m_socket->disconnectFromHost();
    }

    QTcpSocket *m_socket;
    BodyLimiter m_limiter;
};

} // namespace

class LimitedTcpServer : public QTcpServer
{
public:
    explicit LimitedTcpServer(QObject *parent) : QTcpServer(parent) {}
    qint64 maxBody = 1 << 20;
    qint64 maxHeaders = 64 * 1024;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        new ConnectionGuard(socket, maxBody, maxHeaders);
        addPendingConnection(socket);
    }
};

class HttpServerAdapter : public QAbstractHttpServer
{
public:
    HttpServer::Handler handler;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        HttpRequest r;
        r.method = methodName(request.method());
        const QUrl url = request.url();
        r.rawPath = url.path(QUrl::FullyEncoded);
        r.query = QUrlQuery(url);
        r.headers = request.headers();
        r.body = request.body();
        r.remoteAddress = request.remoteAddress();

        HttpResponder responder;
        responder.m_state = std::make_shared<HttpResponder::State>();
        responder.m_state->responder = std::make_unique<QHttpServerResponder>(makeResponder(request, socket));
        responder.m_state->socket = socket;
        responder.m_state->keepAlive = request.value("Connection").toLower() != "close";
        responder.m_state->head = request.method() == QHttpServerRequest::Method::Head;
        if (handler)
            handler(r, responder);
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    static QByteArray methodName(QHttpServerRequest::Method m)
    {
        using M = QHttpServerRequest::Method;
        switch (m) {
        case M::Get: return "GET";
        case M::Put: return "PUT";
        case M::Delete: return "DELETE";
        case M::Post: return "POST";
        case M::Head: return "HEAD";
        case M::Options: return "OPTIONS";
        case M::Patch: return "PATCH";
        case M::Connect: return "CONNECT";
        case M::Trace: return "TRACE";
        default: return "UNKNOWN";
        }
    }
};

bool HttpResponder::isAlive() const
{
    return m_state && m_state->socket && m_state->socket->state() == QAbstractSocket::ConnectedState;
}

QTcpSocket *HttpResponder::socket() const
{
    return m_state ? m_state->socket.data() : nullptr;
}

void HttpResponder::send(const HttpResponse &response)
{
    if (!m_state || m_state->answered)
        return;
    m_state->answered = true;
    if (!isAlive())
        return;
    QHttpServerResponder &r = *m_state->responder;
    r.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    if (response.status != 204 && response.status != 304)
        r.writeHeader("Content-Type", response.contentType);
    for (const auto &[k, v] : response.headers)
        r.writeHeader(k, v);
    if (!m_state->keepAlive)
        r.writeHeader("Connection", "close");
    r.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    r.writeBody(m_state->head ? QByteArray() : response.body);
    if (!m_state->keepAlive)
        m_state->socket->disconnectFromHost();
}

bool HttpResponder::beginStream(int status, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    if (!m_state || m_state->answered)
        return false;
    m_state->answered = true;
    if (!isAlive())
        return false;
    QHttpServerResponder &r = *m_state->responder;
    r.writeStatusLine(QHttpServerResponder::StatusCode(status));
    for (const auto &[k, v] : headers)
        r.writeHeader(k, v);
    r.writeHeader("Connection", "close");
    r.writeBody(QByteArray());
    if (m_state->head) {
        m_state->socket->disconnectFromHost();
        return false;
    }
    return true;
}

bool HttpResponder::write(const QByteArray &bytes)
{
    if (!isAlive())
        return false;
    m_state->socket->write(bytes);
    return true;
}

qint64 HttpResponder::pendingBytes() const
{
    return isAlive() ? m_state->socket->bytesToWrite() : 0;
}

void HttpResponder::abort()
{
    if (m_state && m_state->socket)
        m_state->socket->abort();
}

void HttpResponder::close()
{
    if (isAlive())
        m_state->socket->disconnectFromHost();
}

HttpServer::HttpServer(QObject *parent)
    : QObject(parent), m_adapter(std::make_unique<HttpServerAdapter>()), m_tcp(new LimitedTcpServer(this))
{
}

HttpServer::~HttpServer() = default;

void HttpServer::setHandler(Handler handler)
{
    m_adapter->handler = std::move(handler);
}

void HttpServer::setMaxBodyBytes(qint64 bytes)
{
    m_tcp->maxBody = bytes;
}

void HttpServer::setMaxHeaderBytes(qint64 bytes)
{
    m_tcp->maxHeaders = bytes;
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_tcp->listen(address, port))
        return false;
    m_adapter->bind(m_tcp);
    return true;
}

quint16 HttpServer::port() const { return m_tcp->serverPort(); }
QHostAddress HttpServer::address() const { return m_tcp->serverAddress(); }
QString HttpServer::errorString() const { return m_tcp->errorString(); }
void HttpServer::close() { m_tcp->close(); }

} // namespace wagate
