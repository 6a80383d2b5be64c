#pragma once

#include "wa/crypto/keypair.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace wagate::wa {

//! What one Noise certificate vouches for (CertChain.NoiseCertificate.Details).
struct CertificateDetails
{
    quint32 serial = 0;
    quint32 issuerSerial = 0; //!< 0 = issued by the root
    QByteArray key;           //!< the subject's 32-byte X25519 public key
    quint64 notBefore = 0;    //!< unix seconds
    quint64 notAfter = 0;     //!< unix seconds

    QByteArray serialize() const;
    //! nullopt when the bytes are not a Details message.
    static std::optional<CertificateDetails> parse(QByteArrayView bytes);

    friend bool operator==(const CertificateDetails &, const CertificateDetails &) = default;
};

//! One certificate as it travels: signatures cover the exact `details` bytes, so they are kept raw.
struct NoiseCertificate
{
    QByteArray details;   //!< a serialized CertificateDetails
    QByteArray signature; //!< 64-byte XEdDSA signature by the issuer

    //! Serializes `details` and signs them with the issuer's X25519 private key.
    static NoiseCertificate issue(const CertificateDetails &details, QByteArrayView issuerPrivateKey);
};

//! The ServerHello payload: the server's static key in a leaf certificate, issued by an
//! intermediate, itself issued by the root (WhatsApp's, or a test root in the simulator).
struct CertChain
{
    NoiseCertificate leaf;
    NoiseCertificate intermediate;

    //! The protobuf bytes; empty parts are left out, so a deliberately broken chain stays broken.
    QByteArray serialize() const;
    //! nullopt when the bytes are not a CertChain; parts may still be missing (the verifier says so).
    static std::optional<CertChain> parse(QByteArrayView bytes);

    //! A valid chain for `leafKey` (the server's static public key): `root` signs the intermediate
    //! (issuerSerial 0), the intermediate signs the leaf; both valid over [notBefore, notAfter].
    static CertChain create(const KeyPair &root, const KeyPair &intermediate, QByteArrayView leafKey,
                            quint64 notBefore, quint64 notAfter, quint32 intermediateSerial = 1,
                            quint32 leafSerial = 2);
};

} // namespace wagate::wa
