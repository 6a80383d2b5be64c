#pragma once

#include "httptypes.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QHttpServerResponder;
class QTcpSocket;

namespace wagate {

class HttpServerAdapter;
class LimitedTcpServer;

//! The answer channel of one request. Copyable; may be kept and used later (deferred answers, event
//! streams): it writes only while the client's socket is still alive and connected, which is what
//! keeps QtHttpServer 6.4 from touching a freed socket when a client leaves early.
class HttpResponder
{
public:
    HttpResponder() = default;

    bool isAlive() const;
    //! Sends a complete response; later calls are ignored. For HEAD only the status and headers
    //! (Content-Length as the body would have).
    void send(const HttpResponse &response);
    //! Starts a streamed response (e.g. text/event-stream): status and headers, no length. For HEAD
    //! the headers alone, and the connection closes: there is no stream (returns false).
    bool beginStream(int status, const QList<QPair<QByteArray, QByteArray>> &headers);
    //! Writes more of a streamed response; false when the client is gone.
    bool write(const QByteArray &bytes);
    //! Bytes written but not yet taken by the client's side of the connection.
    qint64 pendingBytes() const;
    //! Ends the connection at once, dropping what was not sent (a consumer that does not read).
    void abort();
    //! Ends a streamed response by closing the connection.
    void close();
    //! The socket, for watching its disconnected() signal (may be null).
    QTcpSocket *socket() const;
    bool answered() const { return m_state && m_state->answered; }

private:
    friend class HttpServerAdapter;
    struct State
    {
        std::unique_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        bool answered = false;
        bool keepAlive = true;
        bool head = false; //!< a HEAD request: headers as for GET, never a body
    };
    std::shared_ptr<State> m_state;
};

//! The one thin adapter over QtHttpServer: everything else sees HttpRequest / HttpResponder. It
//! listens on its own QTcpServer (bind(), not listen(), which later Qt versions drop) whose sockets
//! count request bytes as they arrive and refuse oversized bodies with 413 before they are buffered —
//! QtHttpServer 6.4 has no limit of its own.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpRequest &, HttpResponder)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler);
    void setMaxBodyBytes(qint64 bytes);
    void setMaxHeaderBytes(qint64 bytes);
    //! Listens; port 0 picks a free port. False with errorString() on failure.
    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    QHostAddress address() const;
    QString errorString() const;
    void close();

private:
    std::unique_ptr<HttpServerAdapter> m_adapter;
    LimitedTcpServer *m_tcp = nullptr;
};

} // namespace wagate
