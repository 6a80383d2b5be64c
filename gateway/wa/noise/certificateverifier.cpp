#include "certificateverifier.h"

#include "certchain.h"

#include "wa/crypto/digest.h"
#include "wa/crypto/xeddsa.h"

#include <QDateTime>

namespace wagate::wa {

const char *certErrorName(CertError error)
{
    switch (error) {
    case CertError::Malformed: return "malformed";
    case CertError::IncompleteChain: return "incomplete_chain";
    case CertError::BadIntermediateSignature: return "bad_intermediate_signature";
    case CertError::IntermediateNotFromRoot: return "intermediate_not_from_root";
    case CertError::BadIntermediateKey: return "bad_intermediate_key";
    case CertError::BadLeafSignature: return "bad_leaf_signature";
    case CertError::NotYetValid: return "not_yet_valid";
    case CertError::Expired: return "expired";
    case CertError::LeafIssuerMismatch: return "leaf_issuer_mismatch";
    case CertError::LeafKeyMismatch: return "leaf_key_mismatch";
    }
    return "unknown";
}

CertificateVerifier::CertificateVerifier() : CertificateVerifier(whatsAppRootKey()) {}

CertificateVerifier::CertificateVerifier(QByteArray rootPublicKey, Clock clock)
    : m_root(std::move(rootPublicKey)), m_clock(std::move(clock))
{
}

QByteArray CertificateVerifier::whatsAppRootKey()
{
    return QByteArray::fromHex("142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b");
}

Expected<void, CertError> CertificateVerifier::verify(QByteArrayView certChain, QByteArrayView serverStaticKey) const
{
    const auto chain = CertChain::parse(certChain);
    if (!chain)
        return CertError::Malformed;
    const NoiseCertificate &inter = chain->intermediate;
    const NoiseCertificate &leaf = chain->leaf;

    // 1. Everything present; both signatures 64 bytes.
    if (inter.details.isEmpty() || leaf.details.isEmpty() || inter.signature.size() != xeddsa::kSignatureSize
        || leaf.signature.size() != xeddsa::kSignatureSize)
        return CertError::IncompleteChain;

    // 2. The root signed the raw intermediate details.
    if (!xeddsa::verify(m_root, inter.details, inter.signature))
        return CertError::BadIntermediateSignature;

    // 3. The intermediate comes straight from the root and carries a usable key.
    const auto interDetails = CertificateDetails::parse(inter.details);
    if (!interDetails)
        return CertError::Malformed;
    if (interDetails->issuerSerial != 0)
        return CertError::IntermediateNotFromRoot;
    if (interDetails->key.size() != 32)
        return CertError::BadIntermediateKey;

    // 4. The intermediate signed the raw leaf details.
    if (!xeddsa::verify(interDetails->key, leaf.details, leaf.signature))
        return CertError::BadLeafSignature;
    const auto leafDetails = CertificateDetails::parse(leaf.details);
    if (!leafDetails)
        return CertError::Malformed;

    // 5. Both valid now (bounds inclusive).
    const qint64 now = m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
    for (const CertificateDetails *d : {&*interDetails, &*leafDetails}) {
        if (now < 0 || quint64(now) < d->notBefore)
            return CertError::NotYetValid;
        if (quint64(now) > d->notAfter)
            return CertError::Expired;
    }

    // 6. The leaf names the intermediate as its issuer.
    if (leafDetails->issuerSerial != interDetails->serial)
        return CertError::LeafIssuerMismatch;

    // 7. The leaf certifies the very key the server proved in the handshake.
    if (!constantTimeEquals(leafDetails->key, serverStaticKey))
        return CertError::LeafKeyMismatch;
    return {};
}

} // namespace wagate::wa
