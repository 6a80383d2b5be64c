#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

namespace wagate::wasim {

class WasimServer;
struct DeviceInfo;

//! One control request, independent of the HTTP server behind it.
struct ControlRequest
{
    QByteArray method; //!< "GET", "POST", …
    QString path;      //!< percent-encoded, as received (segments are decoded one by one)
    QByteArray body;
};

//! One answer: a status and a JSON object (none for 204).
struct ControlReply
{
    int status = 200;
    QJsonObject body;

    //! The error envelope {"error": {"code", "message", "details"}} with the status for the code.
    static ControlReply fromError(const Error &error);
    static ControlReply error(int status, const QString &code, const QString &message, QJsonObject details = {});
};

//! The control API of the `wasim` executable (documented in tests/wasim/README.md): JSON routes
//! over a WasimServer. Pure request → reply mapping, so tests can drive it without sockets; the
//! HTTP adapter (ControlHttpServer) only carries bytes. Answers are usually immediate; a QR scan or
//! a typed code waits for the pairing's outcome unless the body says "wait": false.
class ControlApi : public QObject
{
    Q_OBJECT
public:
    using Respond = std::function<void(const ControlReply &)>;

    explicit ControlApi(WasimServer *server, QObject *parent = nullptr);

    //! Handles one request; `respond` is called exactly once, now or later (it must cope with a
    //! client that has gone away in between).
    void handle(const ControlRequest &request, Respond respond);

private:
    struct Waiter
    {
        Respond respond;
        QString phone;
    };
    struct Outcome
    {
        QString status; //!< "pending", "paired", "failed"
        QString phone;
        QJsonObject device;
        QString reason;
    };

    void route(const ControlRequest &request, const QStringList &segments, const QString &verb, Respond &respond);
    void startPairing(const QString &phone, const QString &verb, const QJsonObject &body, Respond respond);
    void onPairingSucceeded(quint64 ticket, const DeviceInfo &device);
    void onPairingFailed(quint64 ticket, const QString &phone, const QString &reason);
    void remember(quint64 ticket, Outcome outcome);
    QJsonObject outcomeJson(quint64 ticket, const Outcome &outcome) const;

    QPointer<WasimServer> m_server;
    QHash<quint64, Waiter> m_waiters;
    QHash<quint64, Outcome> m_outcomes; //!< recent pairing outcomes for GET /pairings/{ticket}
    QList<quint64> m_outcomeOrder;
};

} // namespace wagate::wasim
