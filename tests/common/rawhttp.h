#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>

namespace wagate::test {

//! An HTTP/1.1 exchange over a plain socket, byte-exact (Host header, path encoding, framing are the
//! test's own), driven by the event loop so a server on the same thread keeps running.
struct RawReply
{
    int status = 0;          //!< 0 when no response arrived
    QHash<QByteArray, QByteArray> headers; //!< lower-case names
    QByteArray body;
    QJsonObject json() const;
    bool closedEarly = false; //!< the server closed before the whole request was sent
    qint64 bytesSent = 0;
};

//! Sends request bytes (optionally followed by streamed body bytes, sent in pieces while the
//! connection stays open) and reads one response.
RawReply rawExchange(quint16 port, const QByteArray &head, const QByteArray &streamedBody = {}, int timeoutMs = 15000);

//! Builds a request: method, path (sent as is), headers, body; Host is 127.0.0.1:port unless given.
QByteArray buildRequest(const QByteArray &method, const QByteArray &path, quint16 port, const QByteArray &body = {},
                        const QList<QPair<QByteArray, QByteArray>> &headers = {}, bool withHost = true);

} // namespace wagate::test
