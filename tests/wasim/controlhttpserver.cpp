#include "controlhttpserver.h"

#include "api/httpserver.h"
#include "wasimlogging.h"

#include <QJsonDocument>
#include <QPointer>

namespace wagate::wasim {

ControlHttpServer::ControlHttpServer(ControlApi *api, QObject *parent) : QObject(parent), m_http(new HttpServer(this))
{
    m_http->setMaxBodyBytes(kMaxBodyBytes);
    m_http->setMaxHeaderBytes(kMaxHeaderBytes);
    m_http->setHandler([api = QPointer<ControlApi>(api)](const HttpRequest &request, HttpResponder responder) {
        if (!api)
            return;
        api->handle(ControlRequest{request.method, request.rawPath, request.body}, [responder](const ControlReply &reply) mutable {
            HttpResponse out;
            out.status = reply.status;
            if (reply.status != 204)
                out.body = QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
            responder.send(out); // a no-op when the client has gone meanwhile
        });
    });
}

ControlHttpServer::~ControlHttpServer() = default;

bool ControlHttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_http->listen(address, port))
        return false;
    qCInfo(lcWasimControl) << "control API on" << m_http->address().toString() << m_http->port();
    return true;
}

quint16 ControlHttpServer::port() const
{
    return m_http->port();
}

QString ControlHttpServer::errorString() const
{
    return m_http->errorString();
}

} // namespace wagate::wasim
