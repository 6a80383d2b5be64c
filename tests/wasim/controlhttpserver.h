#pragma once

#include "controlapi.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

class QTcpServer;

namespace wagate::wasim {

class HttpAdapter;

//! The one thin adapter between QtHttpServer 6.4 and ControlApi. It listens on its own QTcpServer
//! (bound, not QAbstractHttpServer::listen(), which later Qt versions drop), refuses bodies over a
//! limit before QtHttpServer buffers them (6.4 has no limit of its own), and answers deferred
//! requests only while the client's socket is still alive (6.4 crashes on a freed socket).
class ControlHttpServer : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxBodyBytes = 256 * 1024;

    explicit ControlHttpServer(ControlApi *api, QObject *parent = nullptr);
    ~ControlHttpServer() override;

    //! Port 0 picks a free port. False with errorString() on failure.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QString errorString() const;

private:
    std::unique_ptr<HttpAdapter> m_adapter;
    QTcpServer *m_tcp = nullptr;
};

} // namespace wagate::wasim
