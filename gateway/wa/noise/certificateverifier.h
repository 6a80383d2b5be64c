#pragma once

#include "core/expected.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace wagate::wa {

//! Why a server certificate chain was refused: one value per check, in the order they run.
enum class CertError {
    Malformed,                //!< the chain, or a certificate's details, is not valid protobuf
    IncompleteChain,          //!< check 1: a certificate, its details or its signature is missing, or a signature is not 64 bytes
    BadIntermediateSignature, //!< check 2: the root did not sign the intermediate's details
    IntermediateNotFromRoot,  //!< check 3: the intermediate's issuerSerial is not 0
    BadIntermediateKey,       //!< check 3: the intermediate's key is not 32 bytes
    BadLeafSignature,         //!< check 4: the intermediate did not sign the leaf's details
    NotYetValid,              //!< check 5: now is before a certificate's notBefore
    Expired,                  //!< check 5: now is after a certificate's notAfter
    LeafIssuerMismatch,       //!< check 6: the leaf's issuerSerial is not the intermediate's serial
    LeafKeyMismatch,          //!< check 7: the leaf's key is not the server static key of the handshake
};

//! A short stable name for logs and error details, e.g. "leaf_key_mismatch".
const char *certErrorName(CertError error);

//! Checks a ServerHello certificate chain the strict way (all seven checks). The trusted root and
//! the clock are injectable so tests and the simulator can use their own root.
class CertificateVerifier
{
public:
    //! Unix time in seconds.
    using Clock = std::function<qint64()>;

    //! WhatsApp's production root and the system clock.
    CertificateVerifier();
    //! A custom root (32-byte X25519 public key); a null clock means the system clock.
    explicit CertificateVerifier(QByteArray rootPublicKey, Clock clock = {});

    //! WhatsApp's root public key: 142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b.
    static QByteArray whatsAppRootKey();

    //! Runs the checks on a serialized CertChain for the server static key the handshake decrypted.
    Expected<void, CertError> verify(QByteArrayView certChain, QByteArrayView serverStaticKey) const;

    const QByteArray &rootPublicKey() const { return m_root; }

private:
    QByteArray m_root;
    Clock m_clock;
};

} // namespace wagate::wa
