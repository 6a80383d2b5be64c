#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>

namespace wagate::test {

//! A webhook receiver: answers every POST with `status` and records what it got.
class WebhookReceiver : public QObject
{
public:
    struct Request
    {
        QHash<QByteArray, QByteArray> headers;
        QByteArray body;
    };
    QList<Request> requests;
    int status = 200;
    bool silent = false; //!< take requests and never answer (a receiver that hangs)

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/hooks/wagate").arg(m_server.serverPort()); }

    WebhookReceiver()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

    QList<QJsonObject> bodies(const QString &type = {}) const
    {
        QList<QJsonObject> out;
        for (const Request &r : requests) {
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            if (type.isEmpty() || o.value(QStringLiteral("type")).toString() == type)
                out.append(o);
        }
        return out;
    }

private:
    void read(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request r;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const int length = r.headers.value("content-length").toInt();
        if (buf.size() < end + 4 + length)
            return;
        r.body = buf.mid(end + 4, length);
        buf.remove(0, end + 4 + length);
        requests.append(r);
        if (silent)
            return;
        s->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: 0\r\n\r\n");
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

//! Runs the Standard Webhooks reference library (npm standardwebhooks, tests/interop) over these
//! (secret, request) pairs; true when every one verifies (and a tampered body does not).
inline bool verifiedByStandardWebhooks(const QList<QPair<QString, WebhookReceiver::Request>> &entries)
{
    QJsonArray list;
    for (const auto &[secret, r] : entries)
        list.append(QJsonObject{{QStringLiteral("secret"), secret},
                                {QStringLiteral("headers"), QJsonObject{{QStringLiteral("webhook-id"), QString::fromLatin1(r.headers.value("webhook-id"))},
                                                                        {QStringLiteral("webhook-timestamp"), QString::fromLatin1(r.headers.value("webhook-timestamp"))},
                                                                        {QStringLiteral("webhook-signature"), QString::fromLatin1(r.headers.value("webhook-signature"))}}},
                                {QStringLiteral("body"), QString::fromUtf8(r.body)}});
    QTemporaryFile file;
    if (!file.open())
        return false;
    file.write(QJsonDocument(list).toJson());
    file.flush();
    QProcess node;
    node.start(QStringLiteral(WAGATE_NODE), {QStringLiteral(WAGATE_SOURCE_DIR "/tests/interop/verify-webhooks.mjs"), file.fileName()});
    if (!node.waitForFinished(60000))
        return false;
    const QByteArray out = node.readAllStandardOutput() + node.readAllStandardError();
    if (node.exitCode() != 0)
        qWarning().noquote() << "standardwebhooks:" << out;
    return node.exitCode() == 0;
}

} // namespace wagate::test
