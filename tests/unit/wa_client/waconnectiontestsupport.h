#pragma once

// Shared by the WaConnection tests against the fake WhatsApp (fakewaserver.h).

#include "fakewaserver.h"

#include "wa/client/authstate.h"
#include "wa/client/linkcodepairing.h"
#include "wa/client/waconnection.h"
#include "wa/crypto/digest.h"
#include "wa/crypto/xeddsa.h"
#include "wa/noise/certchain.h"
#include "wa/proto/protobytes.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThreadPool>

using namespace wagate;
using namespace wagate::wa;
using namespace wagate::wa::test;

Q_DECLARE_METATYPE(wagate::wa::test::FakePhone::Fault)
Q_DECLARE_METATYPE(wagate::wa::Node)

namespace waclienttest {

constexpr int kWait = 5000;
inline const QString kJid = QStringLiteral("491701234567:7@s.whatsapp.net");

//! Short timings so that every row runs in well under a second.
inline WaConnectionOptions optionsFor(const FakeWaServer &server)
{
    WaConnectionOptions o;
    o.url = server.url();
    o.rootKey = server.rootKey();
    o.connectTimeoutMs = 3000;
    o.loginTimeoutMs = 3000;
    o.iqTimeoutMs = 3000;
    o.keepAliveMinIntervalMs = 5000; // out of the way unless a row wants it
    o.keepAliveMaxIntervalMs = 5000;
    o.keepAliveTimeoutMs = 3000;
    o.firstQrTimeoutMs = 5000;
    o.qrTimeoutMs = 5000;
    return o;
}

//! A state that looks linked to the fake server's phone.
inline AuthState pairedState()
{
    AuthState s = AuthState::createNew();
    s.jid = kJid;
    s.lid = QStringLiteral("123456789012345:7@lid");
    s.platform = QStringLiteral("android");
    return s;
}

struct Spies
{
    explicit Spies(WaConnection *c)
        : connecting(c, &WaConnection::connecting), qr(c, &WaConnection::qrCode), code(c, &WaConnection::pairingCode),
          paired(c, &WaConnection::paired), auth(c, &WaConnection::authStateChanged), loggedIn(c, &WaConnection::loggedIn),
          expired(c, &WaConnection::pairingExpired), disconnected(c, &WaConnection::disconnected)
    {
    }
    QSignalSpy connecting, qr, code, paired, auth, loggedIn, expired, disconnected;

    DisconnectOutcome outcome() const { return disconnected.last().at(0).value<DisconnectOutcome>(); }
    QString code_() const { return disconnected.last().at(1).toString(); }
};

inline const Node *findIq(const QList<Node> &nodes, const char *xmlns, const char *child = nullptr)
{
    for (const Node &n : nodes) {
        if (n.tag() == QLatin1String("iq") && n.attr("xmlns") == QLatin1String(xmlns) && (!child || n.hasChild(child)))
            return &n;
    }
    return nullptr;
}

inline QByteArray be(quint32 v, int bytes)
{
    QByteArray out(bytes, '\0');
    for (int i = bytes - 1; i >= 0; --i, v >>= 8)
        out[i] = char(v & 0xFF);
    return out;
}

} // namespace waclienttest

using namespace waclienttest;
