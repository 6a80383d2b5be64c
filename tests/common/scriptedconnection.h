#pragma once

#include "engine/sessionconnection.h"

#include <QHash>
#include <QPointer>
#include <QStringList>

namespace wagate::test {

//! A SessionConnection whose WhatsApp side is the test: it records what the lifecycle asked for and
//! emits what the test makes it report. For testing the lifecycle and what sits above it; the real
//! connection is tested against the simulator.
class ScriptedConnection : public SessionConnection
{
public:
    QStringList calls;
    QByteArray credentials;
    void connectToWhatsApp() override { calls << QStringLiteral("connect"); emit connecting(); }
    void beginQrPairing() override { calls << QStringLiteral("qr"); emit connecting(); }
    void beginCodePairing(const QString &phone) override { calls << QStringLiteral("code:") + phone; }
    void disconnectFromWhatsApp() override { calls << QStringLiteral("disconnect"); }
    void logout() override { calls << QStringLiteral("logout"); }
    //! Texts the outbox handed over; the test reports their outcome (messageSent, messageFailed, receipts).
    QList<OutgoingText> sent;
    void sendText(const OutgoingText &text) override
    {
        calls << QStringLiteral("send:") + text.to;
        sent << text;
    }

    //! What WhatsApp reports when a phone links this device and it logs in.
    void pairAs(const QString &phone)
    {
        emit paired(PairedAccount{phone, phone + QStringLiteral(":7@s.whatsapp.net"), QStringLiteral("99887766:7@lid"),
                                  QStringLiteral("android"), QString()});
        emit credentialsChanged(QByteArray("noise-key|identity-key|adv-secret|") + phone.toLatin1());
        emit loggedIn();
    }
};

class ScriptedFactory : public SessionConnectionFactory
{
public:
    QHash<QString, QPointer<ScriptedConnection>> made;
    QHash<QString, QByteArray> credentialsGiven;
    std::unique_ptr<SessionConnection> create(const SessionInfo &s, const QByteArray &credentials) override
    {
        auto c = std::make_unique<ScriptedConnection>();
        c->credentials = credentials;
        made.insert(s.id, c.get());
        credentialsGiven.insert(s.id, credentials);
        return c;
    }
};

} // namespace wagate::test
