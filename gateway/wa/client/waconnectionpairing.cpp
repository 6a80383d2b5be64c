// WaConnection: linking a number, by QR code (PROTOCOL.md §5) and by pairing code (§6).
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

void WaConnection::handlePairDevice(const Node &iq)
{
    if (m_auth.isPaired() || (m_state != State::Authenticating && m_state != State::Pairing)) {
        qCWarning(lcWa) << "unexpected pair-device ignored";
        return;
    }
    sendNode(Node(kIq, {to(), {QStringLiteral("id"), iq.attr("id")}, {QStringLiteral("type"), "result"}}));

    QList<QByteArray> refs;
    for (const Node &ref : iq.child("pair-device").children("ref")) {
        if (!ref.contentBytes().isEmpty())
            refs.append(ref.contentBytes());
    }
    if (refs.isEmpty()) {
        finish(DisconnectOutcome::ProtocolError, QStringLiteral("no_refs"),
               QStringLiteral("WhatsApp started pairing without any QR refs."));
        return;
    }
    m_loginTimer.stop();
    m_state = State::Pairing;
    m_refs = refs;
    m_refIndex = 0;
    m_pairingDeadlineMs = now() + m_opt.firstQrTimeoutMs + qint64(refs.size() - 1) * m_opt.qrTimeoutMs;
    qCInfo(lcWa) << "pairing started with" << refs.size() << "refs";

    const quint64 generation = m_generation;
    showRef(m_opt.firstQrTimeoutMs);
    if (generation != m_generation)
        return;
    if (m_codeRequested && !m_codeStarted)
        startCodeRequest();
}

void WaConnection::showRef(int durationMs)
{
    // Re-armed at each code's expiry: the refs bound the pairing window whatever the mode.
    m_qrTimer.start(durationMs);
    if (m_codeRequested)
        return; // pairing by code: the QR codes are not shown, but their clock still runs
    emit qrCode(pairingQrString(m_refs.at(m_refIndex), m_auth.noiseKey.pub, m_auth.identityKey.pub, m_auth.advSecret,
                                m_opt.profile.qrPlatform),
                now() + durationMs);
}

void WaConnection::onQrTimeout()
{
    if (m_state != State::Pairing)
        return;
    ++m_refIndex;
    if (m_refIndex >= m_refs.size()) {
        expirePairing();
        return;
    }
    showRef(m_opt.qrTimeoutMs);
}

void WaConnection::expirePairing()
{
    finish(DisconnectOutcome::PairingExpired,
           m_codeRequested ? QStringLiteral("pairing_code_expired") : QStringLiteral("qr_refs_exhausted"),
           m_codeRequested ? QStringLiteral("The pairing code expired before it was entered on the phone.")
                           : QStringLiteral("Every QR code expired before a phone scanned one."));
}

bool WaConnection::pairingWindowClosing() const
{
    // WhatsApp closes the socket itself when the last ref runs out, racing our own timer.
    if (m_state != State::Pairing || m_refIndex != m_refs.size() - 1 || !m_qrTimer.isActive())
        return false;
    return m_qrTimer.remainingTime() <= qMax(2000, m_qrTimer.interval() / 4);
}

void WaConnection::handlePairSuccess(const Node &iq)
{
    if (m_state != State::Pairing) {
        qCWarning(lcWa) << "unexpected pair-success ignored";
        return;
    }
    auto verified = PairSuccess::verify(iq, m_auth.identityKey, m_auth.advSecret);
    if (!verified) {
        const PairError error = verified.error();
        qCWarning(lcWa) << "pair-success refused:" << pairErrorText(error);
        sendNode(PairSuccess::errorReply(iq.attr("id"), error));
        const QString message = error == PairError::HmacMismatch
                                    ? QStringLiteral("The phone's confirmation does not match our QR code (HMAC mismatch).")
                                : error == PairError::SignatureMismatch
                                    ? QStringLiteral("The phone's signature over this device does not verify.")
                                    : QStringLiteral("The pairing confirmation from WhatsApp is malformed.");
        finish(DisconnectOutcome::PairingFailed, pairErrorText(error), message);
        return;
    }
    m_qrTimer.stop();
    m_auth.account = verified->account;
    m_auth.jid = verified->jid.toString();
    m_auth.lid = verified->lid.isValid() ? verified->lid.toString() : QString();
    m_auth.platform = verified->platform;
    m_auth.businessName = verified->businessName;
    m_state = State::Paired;
    m_loginTimer.start(m_opt.loginTimeoutMs); // WhatsApp restarts the stream (515) next
    qCInfo(lcWa) << "paired as" << verified->jid << "with a" << verified->platform << "phone";

    const quint64 generation = m_generation;
    emit paired(m_auth.jid, m_auth.lid, m_auth.platform, m_auth.businessName);
    if (generation != m_generation)
        return;
    persist();
    if (generation != m_generation)
        return;
    sendNode(verified->reply());
}


// ---------------------------------------------------------------------------------------------
// Pairing code

void WaConnection::startCodeRequest()
{
    m_codeStarted = true;
    m_code = linkcode::generate();
    m_codeEphemeral = KeyPair::generate();
    const quint64 generation = m_generation;
    offload<QByteArray>(
        this, [code = m_code, pub = m_codeEphemeral.pub] { return LinkCodePairing::wrapKey(code, pub); },
        [this, generation](const QByteArray &wrapped) {
            if (generation == m_generation && m_state == State::Pairing)
                sendCompanionHello(wrapped);
        });
}

void WaConnection::sendCompanionHello(const QByteArray &wrappedEphemeral)
{
    Node reg(QStringLiteral("link_code_companion_reg"),
             {{QStringLiteral("jid"), Jid::phone(m_codePhone)},
              {QStringLiteral("stage"), "companion_hello"},
              {QStringLiteral("should_show_push_notification"), "true"}},
             QList<Node>{Node(QStringLiteral("link_code_pairing_wrapped_companion_ephemeral_pub"), {}, wrappedEphemeral),
                         Node(QStringLiteral("companion_server_auth_key_pub"), {}, m_auth.noiseKey.pub),
                         Node(QStringLiteral("companion_platform_id"), {}, m_opt.profile.qrPlatform.toUtf8()),
                         Node(QStringLiteral("companion_platform_display"), {}, m_opt.profile.platformDisplay.toUtf8()),
                         Node(QStringLiteral("link_code_pairing_nonce"), {}, QByteArray(1, '\0'))});
    Node iq(kIq, {to(), {QStringLiteral("type"), "set"}, {QStringLiteral("xmlns"), "md"}}, {reg});
    sendIq(
        iq, m_opt.iqTimeoutMs,
        [this](const Node &response) {
            const QByteArray ref =
                response.child("link_code_companion_reg").child("link_code_pairing_ref").contentBytes();
            if (response.attr("type") != QLatin1String("result") || ref.isEmpty()) {
                const QString code = response.child("error").attr("code");
                finish(DisconnectOutcome::PairingFailed, QStringLiteral("pairing_code_rejected"),
                       QStringLiteral("WhatsApp refused the pairing code request%1.")
                           .arg(code.isEmpty() ? QString() : QStringLiteral(" (error %1)").arg(code)));
                return;
            }
            m_codeRef = ref;
            qCInfo(lcWa) << "pairing code issued";
            emit pairingCode(LinkCodePairing::displayCode(m_code), m_pairingDeadlineMs);
        },
        [this] {
            finish(DisconnectOutcome::Retryable, QStringLiteral("pairing_code_timeout"),
                   QStringLiteral("WhatsApp did not answer the pairing code request."));
        });
}

void WaConnection::handleLinkCodeNotification(const Node &notification)
{
    const Node reg = notification.child("link_code_companion_reg");
    if (reg.attr("stage") != QLatin1String("primary_hello")) {
        qCDebug(lcWa) << "link code stage ignored:" << reg.attr("stage");
        return;
    }
    if (m_state != State::Pairing || m_codeRef.isEmpty()) {
        qCWarning(lcWa) << "primary_hello without a pending pairing code ignored";
        return;
    }
    const QByteArray ref = reg.child("link_code_pairing_ref").contentBytes();
    if (ref != m_codeRef) {
        qCWarning(lcWa) << "primary_hello for another pairing ref ignored";
        return;
    }
    const QByteArray wrapped = reg.child("link_code_pairing_wrapped_primary_ephemeral_pub").contentBytes();
    const QByteArray primaryIdentity = reg.child("primary_identity_pub").contentBytes();
    if (wrapped.size() != LinkCodePairing::kWrappedKeySize || primaryIdentity.size() != KeyPair::kKeySize) {
        finish(DisconnectOutcome::PairingFailed, QStringLiteral("bad_primary_hello"),
               QStringLiteral("The phone's answer to the pairing code is malformed."));
        return;
    }
    const quint64 generation = m_generation;
    offload<QByteArray>(
        this, [code = m_code, wrapped] { return LinkCodePairing::unwrapKey(code, wrapped).value_or(QByteArray()); },
        [this, generation, primaryIdentity, ref](const QByteArray &primaryEphemeral) {
            if (generation == m_generation && m_state == State::Pairing)
                completeCodePairing(primaryEphemeral, primaryIdentity, ref);
        });
}

void WaConnection::completeCodePairing(const QByteArray &primaryEphemeral, const QByteArray &primaryIdentity,
                                       const QByteArray &ref)
{
    const auto done = LinkCodePairing::finish(m_codeEphemeral, primaryEphemeral, m_auth.identityKey, primaryIdentity);
    if (!done) {
        finish(DisconnectOutcome::PairingFailed, QStringLiteral("bad_primary_hello"),
               QStringLiteral("The phone's key in the pairing code answer is unusable."));
        return;
    }
    // The phone HMACs pair-success with the derived secret from now on.
    m_auth.advSecret = done->advSecret;
    const quint64 generation = m_generation;
    persist();
    if (generation != m_generation)
        return;
    Node reg(QStringLiteral("link_code_companion_reg"),
             {{QStringLiteral("jid"), Jid::phone(m_codePhone)}, {QStringLiteral("stage"), "companion_finish"}},
             QList<Node>{Node(QStringLiteral("link_code_pairing_wrapped_key_bundle"), {}, done->wrappedBundle),
                         Node(QStringLiteral("companion_identity_public"), {}, m_auth.identityKey.pub),
                         Node(QStringLiteral("link_code_pairing_ref"), {}, ref)});
    sendIq(Node(kIq, {to(), {QStringLiteral("type"), "set"}, {QStringLiteral("xmlns"), "md"}}, {reg}),
           m_opt.iqTimeoutMs,
           [this](const Node &response) {
               if (response.attr("type") != QLatin1String("result")) {
                   const QString code = response.child("error").attr("code");
                   finish(DisconnectOutcome::PairingFailed, QStringLiteral("pairing_code_rejected"),
                          QStringLiteral("WhatsApp refused to finish pairing by code%1.")
                              .arg(code.isEmpty() ? QString() : QStringLiteral(" (error %1)").arg(code)));
               }
               // On success pair-success follows, as for QR pairing.
           },
           [] {});
}

} // namespace wagate::wa
