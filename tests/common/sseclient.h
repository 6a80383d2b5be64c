#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTcpSocket>

namespace wagate::test {

struct SseEvent
{
    QString id, event;
    QJsonObject data;
};

//! A Server-Sent Events client on a raw socket, for the tests: it records the status line, the
//! events and the comment lines as they arrive (the event loop must run).
class SseClient
{
public:
    SseClient(quint16 port, const QByteArray &path, const QByteArray &token, const QByteArray &lastEventId = {})
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        QByteArray req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                         + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n";
        if (!lastEventId.isEmpty())
            req += "Last-Event-ID: " + lastEventId + "\r\n";
        m_socket.write(req + "\r\n");
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { m_buffer += m_socket.readAll(); parse(); });
    }

    int status() const { return m_status; }
    QByteArray head() const { return m_head; }
    const QList<SseEvent> &events() const { return m_events; }
    int comments() const { return m_comments; }
    void close() { m_socket.abort(); }

private:
    void parse()
    {
        if (m_status == 0) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_head = m_buffer.left(end);
            m_status = m_head.split(' ').value(1).toInt();
            m_buffer.remove(0, end + 4);
        }
        for (qsizetype end; (end = m_buffer.indexOf("\n\n")) >= 0;) {
            const QByteArray block = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            SseEvent e;
            bool any = false;
            for (const QByteArray &line : block.split('\n')) {
                if (line.startsWith(':')) {
                    ++m_comments;
                } else if (line.startsWith("id: ")) {
                    e.id = QString::fromLatin1(line.mid(4));
                } else if (line.startsWith("event: ")) {
                    e.event = QString::fromLatin1(line.mid(7));
                    any = true;
                } else if (line.startsWith("data: ")) {
                    e.data = QJsonDocument::fromJson(line.mid(6)).object();
                }
            }
            if (any)
                m_events << e;
        }
    }

    QTcpSocket m_socket;
    QByteArray m_buffer, m_head;
    int m_status = 0;
    int m_comments = 0;
    QList<SseEvent> m_events;
};


} // namespace wagate::test
