#include "rawhttp.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

namespace wagate::test {

QJsonObject RawReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray buildRequest(const QByteArray &method, const QByteArray &path, quint16 port, const QByteArray &body,
                        const QList<QPair<QByteArray, QByteArray>> &headers, bool withHost)
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\n";
    bool hostGiven = false;
    for (const auto &[k, v] : headers) {
        if (k.toLower() == "host")
            hostGiven = true;
        out += k + ": " + v + "\r\n";
    }
    if (withHost && !hostGiven)
        out += "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    out += "Connection: close\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PATCH")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n" + body;
    return out;
}

namespace {

bool parse(const QByteArray &data, RawReply *reply)
{
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = data.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    reply->status = statusLine.value(1).toInt();
    reply->headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            reply->headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qint64 length = reply->headers.value("content-length", "-1").toLongLong();
    const QByteArray body = data.mid(end + 4);
    if (length >= 0 && body.size() < length)
        return false;
    reply->body = length >= 0 ? body.left(length) : body;
    return length >= 0;
}

} // namespace

RawReply rawExchange(quint16 port, const QByteArray &head, const QByteArray &streamedBody, int timeoutMs)
{
    RawReply reply;
    QTcpSocket socket;
    QByteArray received;
    bool done = false;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        received += socket.readAll();
        if (parse(received, &reply)) {
            done = true;
            loop.quit();
        }
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, [&] {
        received += socket.readAll();
        if (!done)
            parse(received, &reply);
        done = true;
        loop.quit();
    });
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.write(head);
    reply.bytesSent = head.size();

    QDeadlineTimer deadline(timeoutMs);
    // Stream the body in 64 KiB pieces, letting the server answer in between; stop when it closes.
    qsizetype offset = 0;
    while (offset < streamedBody.size() && !done && !deadline.hasExpired()) {
        if (socket.state() != QAbstractSocket::ConnectedState && socket.state() != QAbstractSocket::ConnectingState) {
            reply.closedEarly = true;
            break;
        }
        if (socket.bytesToWrite() < 256 * 1024) {
            const QByteArray piece = streamedBody.mid(offset, 64 * 1024);
            socket.write(piece);
            offset += piece.size();
            reply.bytesSent += piece.size();
        }
        QTest::qWait(1);
    }
    if (offset < streamedBody.size())
        reply.closedEarly = true;
    if (!done) {
        QTimer::singleShot(std::max<qint64>(1, deadline.remainingTime()), &loop, &QEventLoop::quit);
        if (!done)
            loop.exec();
    }
    return reply;
}

} // namespace wagate::test
