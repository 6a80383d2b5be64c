// WaConnection: after the login: pre-keys, passive→active, keepalive, logout (PROTOCOL.md §7).
#include "waconnection.h"
#include "waconnection_p.h"

#include "linkcodepairing.h"
#include "pairsuccess.h"

#include "core/ids.h"
#include "core/logging.h"
#include "wa/binary/node.h"
#include "wa/binary/nodeencoder.h"
#include "wa/crypto/linkcode.h"

#include <QRandomGenerator>

namespace wagate::wa {

using namespace waconnection_detail;

// ---------------------------------------------------------------------------------------------
// After login

void WaConnection::queryPreKeyCount()
{
    sendIq(Node(kIq, {to(), {QStringLiteral("type"), "get"}, {QStringLiteral("xmlns"), "encrypt"}},
                {Node(QStringLiteral("count"))}),
           m_opt.iqTimeoutMs,
           [this](const Node &response) {
               const auto count = response.child("count").intAttr("value");
               if (response.attr("type") != QLatin1String("result") || !count) {
                   qCWarning(lcWa) << "pre-key count query failed; continuing";
                   activate();
               } else if (*count < m_opt.minPreKeys) {
                   uploadPreKeys(*count == 0 ? m_opt.initialPreKeyBatch : m_opt.preKeyBatch);
               } else {
                   activate();
               }
           },
           [this] {
               qCWarning(lcWa) << "pre-key count query timed out; continuing";
               activate();
           });
}

void WaConnection::uploadPreKeys(int wanted)
{
    // Keys generated earlier but never confirmed by the server go first.
    qsizetype firstUnuploaded = m_auth.preKeys.size();
    for (qsizetype i = 0; i < m_auth.preKeys.size(); ++i) {
        if (m_auth.preKeys.at(i).id == m_auth.firstUnuploadedPreKeyId) {
            firstUnuploaded = i;
            break;
        }
    }
    QList<PreKey> keys = m_auth.preKeys.mid(firstUnuploaded);
    if (keys.size() >= wanted) {
        sendPreKeys(keys);
        return;
    }
    const int missing = wanted - int(keys.size());
    const quint64 generation = m_generation;
    offload<QList<KeyPair>>(
        this,
        [missing] {
            QList<KeyPair> pairs;
            pairs.reserve(missing);
            for (int i = 0; i < missing; ++i)
                pairs.append(KeyPair::generate());
            return pairs;
        },
        [this, generation, unuploaded = keys](const QList<KeyPair> &pairs) {
            if (generation != m_generation || m_state != State::LoggingIn)
                return;
            QList<PreKey> keys = unuploaded;
            const bool noneUnuploaded = keys.isEmpty();
            for (const KeyPair &pair : pairs) {
                const PreKey key{m_auth.nextPreKeyId, pair};
                m_auth.preKeys.append(key);
                keys.append(key);
                m_auth.nextPreKeyId = m_auth.nextPreKeyId >= AuthState::kMaxPreKeyId ? 1 : m_auth.nextPreKeyId + 1;
            }
            if (noneUnuploaded && !keys.isEmpty())
                m_auth.firstUnuploadedPreKeyId = keys.first().id;
            // Persisted before upload: a peer may use any uploaded key, so we must never lose one.
            persist();
            if (generation != m_generation)
                return;
            sendPreKeys(keys);
        });
}

void WaConnection::sendPreKeys(const QList<PreKey> &keys)
{
    QList<Node> list;
    list.reserve(keys.size());
    for (const PreKey &key : keys) {
        list.append(Node(QStringLiteral("key"), {},
                         QList<Node>{Node(QStringLiteral("id"), {}, bigEndian(key.id, 3)),
                                     Node(QStringLiteral("value"), {}, key.keyPair.pub)}));
    }
    const SignedPreKey &spk = m_auth.signedPreKey;
    Node skey(QStringLiteral("skey"), {},
              QList<Node>{Node(QStringLiteral("id"), {}, bigEndian(spk.id, 3)),
                          Node(QStringLiteral("value"), {}, spk.keyPair.pub),
                          Node(QStringLiteral("signature"), {}, spk.signature)});
    Node iq(kIq, {to(), {QStringLiteral("type"), "set"}, {QStringLiteral("xmlns"), "encrypt"}},
            QList<Node>{Node(QStringLiteral("registration"), {}, bigEndian(m_auth.registrationId, 4)),
                        Node(QStringLiteral("type"), {}, QByteArray(1, '\x05')),
                        Node(QStringLiteral("identity"), {}, m_auth.identityKey.pub),
                        Node(QStringLiteral("list"), {}, list), skey});
    const quint32 next = m_auth.nextPreKeyId;
    qCInfo(lcWa) << "uploading" << keys.size() << "pre-keys";
    sendIq(iq, m_opt.iqTimeoutMs,
           [this, next](const Node &response) {
               if (response.attr("type") == QLatin1String("result")) {
                   m_auth.firstUnuploadedPreKeyId = next;
                   const quint64 generation = m_generation;
                   persist();
                   if (generation != m_generation)
                       return;
               } else {
                   qCWarning(lcWa) << "pre-key upload refused; retried on the next login";
               }
               activate();
           },
           [this] {
               qCWarning(lcWa) << "pre-key upload timed out; retried on the next login";
               activate();
           });
}

void WaConnection::activate()
{
    if (m_state != State::LoggingIn)
        return;
    const auto done = [this] {
        if (m_state != State::LoggingIn)
            return;
        m_state = State::LoggedIn;
        m_restarts = 0;
        emit loggedIn();
    };
    sendIq(Node(kIq, {to(), {QStringLiteral("type"), "set"}, {QStringLiteral("xmlns"), "passive"}},
                {Node(QStringLiteral("active"))}),
           m_opt.iqTimeoutMs, [done](const Node &) { done(); }, done);
}

void WaConnection::scheduleKeepAlive()
{
    const int low = qMax(1, m_opt.keepAliveMinIntervalMs);
    const int high = qMax(low, m_opt.keepAliveMaxIntervalMs);
    m_keepAliveTimer.start(low == high ? low : int(QRandomGenerator::global()->bounded(low, high + 1)));
}

void WaConnection::sendKeepAlive()
{
    if (m_state != State::LoggingIn && m_state != State::LoggedIn)
        return;
    sendIq(Node(kIq, {to(), {QStringLiteral("type"), "get"}, {QStringLiteral("xmlns"), "w:p"}},
                {Node(QStringLiteral("ping"))}),
           m_opt.keepAliveTimeoutMs,
           [this](const Node &) { scheduleKeepAlive(); }, // any answer proves the link is alive
           [this] {
               if (m_state == State::LoggingOut)
                   return; // the unlink has its own deadline and outcome
               finish(DisconnectOutcome::Retryable, QStringLiteral("keepalive_timeout"),
                      QStringLiteral("WhatsApp did not answer a keepalive within %1 ms; the link is dead.")
                          .arg(m_opt.keepAliveTimeoutMs));
           });
}

void WaConnection::sendLogout()
{
    const auto jid = m_auth.deviceJid();
    m_state = State::LoggingOut;
    m_keepAliveTimer.stop();
    const auto done = [this](const QString &how) {
        finish(DisconnectOutcome::LoggedOut, QStringLiteral("user_initiated"), how);
    };
    if (!jid) {
        done(QStringLiteral("Logged out."));
        return;
    }
    Node remove(QStringLiteral("remove-companion-device"),
                {{QStringLiteral("jid"), *jid}, {QStringLiteral("reason"), "user_initiated"}});
    sendIq(Node(kIq, {to(), {QStringLiteral("type"), "set"}, {QStringLiteral("xmlns"), "md"}}, {remove}),
           m_opt.logoutTimeoutMs,
           [done](const Node &response) {
               done(response.attr("type") == QLatin1String("result")
                        ? QStringLiteral("This device was unlinked on request.")
                        : QStringLiteral("Logged out; WhatsApp answered the unlink with an error."));
           },
           [done] { done(QStringLiteral("Logged out; WhatsApp did not confirm the unlink in time.")); });
}

void WaConnection::persist()
{
    emit authStateChanged(m_auth.serialize());
}

} // namespace wagate::wa
