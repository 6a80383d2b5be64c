#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "httpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wagate {

//! What a route handler gets: the request, its path parameters, the authenticated caller, and the
//! responder. reply()/fail() are the only ways handlers answer.
struct RouteContext
{
    const HttpRequest &request;
    HttpResponder responder;
    QStringList params;
    Principal principal;
    QString requestId;
    std::function<void(const HttpResponse &)> sendHook; //!< set by the server: adds common headers, counts

    void send(HttpResponse r) const { sendHook(r); }
    void reply(int status, const QJsonObject &body) const
    {
        HttpResponse r;
        r.status = status;
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        send(r);
    }
    void replyNoContent() const
    {
        HttpResponse r;
        r.status = 204;
        send(r);
    }
    void fail(const Error &error) const;
};

} // namespace wagate
