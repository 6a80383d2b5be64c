#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "httpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wagate {

//! The answering half of a request. Copyable, so a handler that answers later (after a password
//! check or a fetch) keeps one; it writes only if the client is still there.
struct RouteReply
{
    std::function<void(const HttpResponse &)> sendHook; //!< set by the server: adds common headers, counts
    QString requestId;

    void send(const HttpResponse &r) const { sendHook(r); }
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
    //! The error envelope; internal errors are logged with the request id and answered generically.
    void fail(const Error &error) const;
};

//! What a route handler gets: the request, its path parameters, the authenticated caller, and the
//! ways to answer. The request is valid only while the handler runs; keep `out` to answer later.
struct RouteContext
{
    const HttpRequest &request;
    QStringList params;
    Principal principal;
    RouteReply out;
    HttpResponder responder; //!< for streamed answers (event streams); plain answers use out

    void send(const HttpResponse &r) const { out.send(r); }
    void reply(int status, const QJsonObject &body) const { out.reply(status, body); }
    void replyNoContent() const { out.replyNoContent(); }
    void fail(const Error &error) const { out.fail(error); }
};

} // namespace wagate
