#pragma once

#include "wa/binary/jid.h"
#include "wa/binary/node.h"
#include "wa/crypto/keypair.h"
#include "core/expected.h"

#include <QByteArray>
#include <QString>

namespace wagate::wa {

//! Why a <pair-success> was refused. Each maps to the error iq WhatsApp expects (PROTOCOL.md §5.7).
enum class PairError {
    Malformed,         //!< unparseable or incomplete stanza → 500 internal-error
    HmacMismatch,      //!< the ADV HMAC was not made with our adv secret → 401 hmac-mismatch
    SignatureMismatch, //!< the phone's account signature does not verify → 401 signature-mismatch
};

//! The error iq's code for a refusal: "500" or "401".
QString pairErrorCode(PairError error);
//! The error iq's text: "internal-error", "hmac-mismatch" or "signature-mismatch".
QString pairErrorText(PairError error);

//! A verified <pair-success> (PROTOCOL.md §5.6–5.8): the phone vouched for our identity key, and
//! we countersigned. Pure: the caller persists the result and sends reply().
struct PairSuccess
{
    QString iqId;               //!< id of the server's iq, echoed by the reply
    Jid jid;                    //!< our new device JID, PHONE:DEVICE@s.whatsapp.net
    Jid lid;                    //!< LID:DEVICE@lid; invalid if the server sent none
    QString platform;           //!< the phone's platform, e.g. "android", "smba"
    QString businessName;       //!< empty for personal accounts
    QByteArray account;         //!< ADVSignedDeviceIdentity with all four fields, to persist
    QByteArray accountSignatureKey; //!< the phone's identity key (trusted primary identity)
    quint32 keyIndex = 0;       //!< ADVDeviceIdentity.keyIndex, echoed as key-index
    QByteArray replyIdentity;   //!< ADVSignedDeviceIdentity without field 2, for the reply

    //! Checks an `<iq><pair-success>…</pair-success></iq>` against our identity key pair and the adv
    //! secret the phone got from the QR (or the pairing-code derivation): HMAC (constant time),
    //! account signature, then makes our device signature.
    static Expected<PairSuccess, PairError> verify(const Node &iq, const KeyPair &identity, QByteArrayView advSecret);

    //! `<iq to=server type=result id=…><pair-device-sign><device-identity key-index=…>` with
    //! replyIdentity.
    Node reply() const;
    //! `<iq to=server type=error id=…><error code=… text=…/></iq>` for a refused pair-success.
    static Node errorReply(const QString &iqId, PairError error);
};

//! The QR text a phone scans (PROTOCOL.md §5.4):
//! `https://wa.me/settings/linked_devices#REF,NOISE,IDENTITY,ADV,PLATFORM` with standard base64 keys.
QString pairingQrString(const QByteArray &ref, const QByteArray &noisePublicKey, const QByteArray &identityPublicKey,
                        const QByteArray &advSecret, const QString &platform);

} // namespace wagate::wa
