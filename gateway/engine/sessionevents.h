#pragma once

#include "core/messageinfo.h"
#include "core/messages.h"
#include "core/session.h"

#include <QObject>

namespace wagate {

//! The engine's one place where session changes are announced, after they are in the store.
//! The console facade and the event streams listen here. Lives on the engine thread.
class SessionEvents : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

signals:
    void sessionCreated(const wagate::SessionInfo &session);
    //! Any change of the row (settings, status, number, errors).
    void sessionUpdated(const wagate::SessionInfo &session);
    void sessionRemoved(const QString &organizationId, const QString &sessionId);
    //! A status transition, already in the transition log.
    void statusChanged(const wagate::StatusTransition &transition);
    void qrCode(const QString &organizationId, const QString &sessionId, const QString &qr, qint64 expiresAt);
    void pairingCode(const QString &organizationId, const QString &sessionId, const QString &code, qint64 expiresAt);

    // Messages of a session, as its connection reports them (the outbox turns them into rows).
    void messageSent(const QString &organizationId, const QString &sessionId, const QString &id, qint64 at);
    void messageFailed(const QString &organizationId, const QString &sessionId, const wagate::SendFailure &failure);
    void messageReceived(const QString &organizationId, const QString &sessionId, const wagate::IncomingMessage &message);
    void receiptReceived(const QString &organizationId, const QString &sessionId, const wagate::MessageReceipt &receipt);

    //! The outbox paused (sendingPausedUntil set) or resumed (0) after a limit of WhatsApp's; the row as stored.
    void sendingPaused(const wagate::SessionInfo &session);
    //! A message row changed, already stored: a new message (previousStatus empty) or a status change,
    //! with the id of its status log entry (the event's id). Carries the text: customer data.
    void messageChanged(const wagate::MessageInfo &message, const QString &eventId, const QString &previousStatus);
};

} // namespace wagate
