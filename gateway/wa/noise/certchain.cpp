#include "certchain.h"

#include "wa/crypto/xeddsa.h"
#include "wa/proto/protobytes.h"

#include "proto/wa.pb.h"

#include <climits>

namespace wagate::wa {

namespace {
using PbCertChain = waproto::CertChain;
using PbCertificate = waproto::CertChain::NoiseCertificate;
using PbDetails = waproto::CertChain::NoiseCertificate::Details;

void fill(PbCertificate *out, const NoiseCertificate &cert)
{
    if (!cert.details.isEmpty())
        out->set_details(toStdBytes(cert.details));
    if (!cert.signature.isEmpty())
        out->set_signature(toStdBytes(cert.signature));
}

NoiseCertificate read(const PbCertificate &cert)
{
    return {fromStdBytes(cert.details()), fromStdBytes(cert.signature())};
}
} // namespace

QByteArray CertificateDetails::serialize() const
{
    PbDetails d;
    d.set_serial(serial);
    d.set_issuer_serial(issuerSerial);
    d.set_key(toStdBytes(key));
    d.set_not_before(notBefore);
    d.set_not_after(notAfter);
    return fromStdBytes(d.SerializeAsString());
}

std::optional<CertificateDetails> CertificateDetails::parse(QByteArrayView bytes)
{
    PbDetails d;
    if (bytes.size() > INT_MAX || !d.ParseFromArray(bytes.data(), int(bytes.size())))
        return std::nullopt;
    return CertificateDetails{d.serial(), d.issuer_serial(), fromStdBytes(d.key()), d.not_before(), d.not_after()};
}

NoiseCertificate NoiseCertificate::issue(const CertificateDetails &details, QByteArrayView issuerPrivateKey)
{
    NoiseCertificate cert;
    cert.details = details.serialize();
    cert.signature = xeddsa::sign(issuerPrivateKey, cert.details);
    return cert;
}

QByteArray CertChain::serialize() const
{
    PbCertChain chain;
    if (!leaf.details.isEmpty() || !leaf.signature.isEmpty())
        fill(chain.mutable_leaf(), leaf);
    if (!intermediate.details.isEmpty() || !intermediate.signature.isEmpty())
        fill(chain.mutable_intermediate(), intermediate);
    return fromStdBytes(chain.SerializeAsString());
}

std::optional<CertChain> CertChain::parse(QByteArrayView bytes)
{
    if (bytes.size() > INT_MAX)
        return std::nullopt;
    PbCertChain chain;
    if (!chain.ParseFromArray(bytes.data(), int(bytes.size())))
        return std::nullopt;
    return CertChain{read(chain.leaf()), read(chain.intermediate())};
}

CertChain CertChain::create(const KeyPair &root, const KeyPair &intermediate, QByteArrayView leafKey,
                            quint64 notBefore, quint64 notAfter, quint32 intermediateSerial, quint32 leafSerial)
{
    CertChain chain;
    chain.intermediate = NoiseCertificate::issue({intermediateSerial, 0, intermediate.pub, notBefore, notAfter},
                                                 root.priv);
    chain.leaf = NoiseCertificate::issue(
        {leafSerial, intermediateSerial, leafKey.toByteArray(), notBefore, notAfter}, intermediate.priv);
    return chain;
}

} // namespace wagate::wa
