#include "controlhttpserver.h"

#include "wasimlogging.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace wagate::wasim {

namespace {

constexpr qint64 kMaxHeaderBytes = 32 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

QByteArray envelope(const QString &code, const QString &message)
{
    return QJsonDocument(ControlReply::error(0, code, message).body).toJson(QJsonDocument::Compact);
}

//! Follows the request framing of one connection in the bytes as they arrive (it runs before
//! QtHttpServer on every readyRead): headers up to the blank line, then Content-Length body bytes.
//! A declared body over the limit, oversized headers or chunked uploads are refused before
//! QtHttpServer buffers them.
class RequestGuard : public QObject
{
public:
    RequestGuard(QTcpSocket *socket, qint64 maxBody) : QObject(socket), m_socket(socket), m_maxBody(maxBody)
    {
        connect(socket, &QTcpSocket::readyRead, this, &RequestGuard::inspect);
    }

private:
    void inspect()
    {
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0 || m_refused)
            return;
        // QtHttpServer reads all that is available on each readyRead, so this is exactly what is new.
        const QByteArray fresh = m_socket->peek(available);
        qsizetype i = 0;
        while (i < fresh.size() && !m_refused) {
            if (m_bodyLeft > 0) {
                const qint64 take = std::min<qint64>(m_bodyLeft, fresh.size() - i);
                m_bodyLeft -= take;
                i += take;
                continue;
            }
            m_head.append(fresh[i++]);
            if (m_head.size() > kMaxHeaderBytes)
                return refuse(431, QStringLiteral("invalid_argument"), QStringLiteral("request headers are too large"));
            if (m_head.endsWith("\r\n\r\n") || m_head.endsWith("\n\n"))
                headDone();
        }
    }

    void headDone()
    {
        const QList<QByteArray> lines = m_head.split('\n');
        m_head.clear();
        qint64 length = 0;
        for (qsizetype k = 1; k < lines.size(); ++k) {
            const qsizetype colon = lines[k].indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = lines[k].left(colon).trimmed().toLower();
            const QByteArray value = lines[k].mid(colon + 1).trimmed();
            if (name == "transfer-encoding")
                return refuse(411, QStringLiteral("invalid_argument"), QStringLiteral("send a Content-Length body"));
            if (name == "content-length") {
                bool ok = false;
                length = value.toLongLong(&ok);
                if (!ok || length < 0)
                    return refuse(400, QStringLiteral("invalid_argument"), QStringLiteral("bad Content-Length"));
            }
        }
        if (length > m_maxBody)
            return refuse(413, QStringLiteral("payload_too_large"),
                          QStringLiteral("the body is larger than %1 bytes").arg(m_maxBody));
        m_bodyLeft = length;
    }

    void refuse(int status, const QString &code, const QString &message)
    {
        m_refused = true;
        qCInfo(lcWasimControl) << "refused a request with" << status << ":" << message;
        // Nobody reads this connection any more, not even QtHttpServer's slot after ours.
        QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
        const QByteArray body = envelope(code, message);
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                        + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        m_socket->disconnectFromHost();
    }

    QTcpSocket *m_socket;
    qint64 m_maxBody;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
    bool m_refused = false;
};

class GuardedTcpServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        new RequestGuard(socket, ControlHttpServer::kMaxBodyBytes); // connected before QtHttpServer
        addPendingConnection(socket);
    }
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    using M = QHttpServerRequest::Method;
    switch (method) {
    case M::Get: return "GET";
    case M::Put: return "PUT";
    case M::Delete: return "DELETE";
    case M::Post: return "POST";
    case M::Head: return "HEAD";
    case M::Options: return "OPTIONS";
    case M::Patch: return "PATCH";
    default: return "OTHER";
    }
}

} // namespace

class HttpAdapter : public QAbstractHttpServer
{
public:
    explicit HttpAdapter(ControlApi *api) : m_api(api) {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        struct Pending
        {
            std::unique_ptr<QHttpServerResponder> responder;
            QPointer<QTcpSocket> socket;
            bool keepAlive = true;
        };
        auto pending = std::make_shared<Pending>();
        pending->responder = std::make_unique<QHttpServerResponder>(makeResponder(request, socket));
        pending->socket = socket;
        pending->keepAlive = request.value("Connection").toLower() != "close";

        ControlRequest r{methodName(request.method()), request.url().path(QUrl::FullyEncoded), request.body()};
        if (!m_api) {
            return false;
        }
        m_api->handle(r, [pending](const ControlReply &reply) {
            // A deferred answer may find the client gone: write only to a live, connected socket.
            if (!pending->socket || pending->socket->state() != QAbstractSocket::ConnectedState)
                return;
            QHttpServerResponder &out = *pending->responder;
            const QByteArray body = reply.status == 204 ? QByteArray()
                                                        : QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
            out.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
            if (reply.status != 204)
                out.writeHeader("Content-Type", "application/json");
            if (!pending->keepAlive)
                out.writeHeader("Connection", "close");
            out.writeHeader("Content-Length", QByteArray::number(body.size()));
            out.writeBody(body);
            if (!pending->keepAlive)
                pending->socket->disconnectFromHost();
        });
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    QPointer<ControlApi> m_api;
};

ControlHttpServer::ControlHttpServer(ControlApi *api, QObject *parent)
    : QObject(parent), m_adapter(std::make_unique<HttpAdapter>(api)), m_tcp(new GuardedTcpServer(this))
{
}

ControlHttpServer::~ControlHttpServer() = default;

bool ControlHttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_tcp->listen(address, port))
        return false;
    m_adapter->bind(m_tcp);
    qCInfo(lcWasimControl) << "control API on" << m_tcp->serverAddress().toString() << m_tcp->serverPort();
    return true;
}

quint16 ControlHttpServer::port() const
{
    return m_tcp->serverPort();
}

QString ControlHttpServer::errorString() const
{
    return m_tcp->errorString();
}

} // namespace wagate::wasim
