#pragma once

#include "controlapi.h"

#include <QHostAddress>
#include <QObject>

namespace wagate {
class HttpServer;
}

namespace wagate::wasim {

//! The control API over HTTP, on the gateway's own thin QtHttpServer adapter (wagate::HttpServer):
//! its own QTcpServer, bodies over the limit refused before they are buffered, deferred answers
//! written only while the client is still there.
class ControlHttpServer : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxBodyBytes = 256 * 1024;
    static constexpr qint64 kMaxHeaderBytes = 32 * 1024;

    explicit ControlHttpServer(ControlApi *api, QObject *parent = nullptr);
    ~ControlHttpServer() override;

    //! Port 0 picks a free port. False with errorString() on failure.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QString errorString() const;

private:
    HttpServer *m_http = nullptr;
};

} // namespace wagate::wasim
