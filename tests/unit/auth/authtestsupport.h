#pragma once

// Test-side JOSE helpers, written independently of gateway/auth so a bug there cannot hide itself:
// keys come from OpenSSL, JWKs are built from OpenSSL's own parameter export, tokens are signed with
// EVP directly (ES256 DER signatures converted to r||s here).

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace authtest {

inline QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

inline QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

struct TestKey
{
    QString kid;
    QString alg; //!< the JWS alg this key signs with
    std::shared_ptr<EVP_PKEY> pkey;
    QJsonObject jwk;
};

inline QByteArray bnParam(EVP_PKEY *key, const char *name, int width = 0)
{
    BIGNUM *bn = nullptr;
    if (!EVP_PKEY_get_bn_param(key, name, &bn))
        return {};
    QByteArray out(width ? width : BN_num_bytes(bn), '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), int(out.size()));
    BN_free(bn);
    return out;
}

inline TestKey makeKey(const QString &alg, const QString &kid)
{
    EVP_PKEY *raw = nullptr;
    if (alg == u"RS256")
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048));
    else if (alg == u"ES256")
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    else
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    TestKey k{kid, alg, std::shared_ptr<EVP_PKEY>(raw, EVP_PKEY_free), {}};
    QJsonObject jwk{{QStringLiteral("kid"), kid}};
    if (alg == u"RS256") {
        jwk.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
        jwk.insert(QStringLiteral("n"), QString::fromLatin1(b64(bnParam(raw, OSSL_PKEY_PARAM_RSA_N))));
        jwk.insert(QStringLiteral("e"), QString::fromLatin1(b64(bnParam(raw, OSSL_PKEY_PARAM_RSA_E))));
    } else if (alg == u"ES256") {
        jwk.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        jwk.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
        jwk.insert(QStringLiteral("x"), QString::fromLatin1(b64(bnParam(raw, OSSL_PKEY_PARAM_EC_PUB_X, 32))));
        jwk.insert(QStringLiteral("y"), QString::fromLatin1(b64(bnParam(raw, OSSL_PKEY_PARAM_EC_PUB_Y, 32))));
    } else {
        QByteArray pub(32, '\0');
        size_t len = 32;
        EVP_PKEY_get_raw_public_key(raw, reinterpret_cast<unsigned char *>(pub.data()), &len);
        jwk.insert(QStringLiteral("kty"), QStringLiteral("OKP"));
        jwk.insert(QStringLiteral("crv"), QStringLiteral("Ed25519"));
        jwk.insert(QStringLiteral("x"), QString::fromLatin1(b64(pub)));
    }
    k.jwk = jwk;
    return k;
}

inline QByteArray jwks(const QList<TestKey> &keys)
{
    QJsonArray array;
    for (const TestKey &k : keys)
        array.append(k.jwk);
    return json(QJsonObject{{QStringLiteral("keys"), array}});
}

//! The raw signature of data by key with the algorithm family of key; derSignature keeps ECDSA in DER.
inline QByteArray signRaw(const TestKey &key, const QByteArray &data, bool derSignature = false)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const EVP_MD *md = key.alg == u"EdDSA" ? nullptr : EVP_sha256();
    EVP_DigestSignInit(ctx, nullptr, md, nullptr, key.pkey.get());
    size_t len = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(data.constData());
    EVP_DigestSign(ctx, nullptr, &len, in, size_t(data.size()));
    QByteArray sig(qsizetype(len), '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len, in, size_t(data.size()));
    sig.resize(qsizetype(len));
    EVP_MD_CTX_free(ctx);
    if (key.alg == u"ES256" && !derSignature) {
        const auto *p = reinterpret_cast<const unsigned char *>(sig.constData());
        ECDSA_SIG *es = d2i_ECDSA_SIG(nullptr, &p, sig.size());
        const BIGNUM *r = nullptr;
        const BIGNUM *s = nullptr;
        ECDSA_SIG_get0(es, &r, &s);
        QByteArray raw(64, '\0');
        BN_bn2binpad(r, reinterpret_cast<unsigned char *>(raw.data()), 32);
        BN_bn2binpad(s, reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
        ECDSA_SIG_free(es);
        return raw;
    }
    return sig;
}

//! A compact JWS of header and claims signed by key (header is used exactly as given).
inline QString token(const TestKey &key, const QJsonObject &header, const QJsonObject &claims, bool derSignature = false)
{
    const QByteArray input = b64(json(header)) + '.' + b64(json(claims));
    return QString::fromLatin1(input + '.' + b64(signRaw(key, input, derSignature)));
}

inline QJsonObject header(const TestKey &key)
{
    return {{QStringLiteral("alg"), key.alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}, {QStringLiteral("kid"), key.kid}};
}

//! An HMAC-SHA256 JWS, for the algorithm-confusion row (the secret being a public key's PEM).
inline QString hmacToken(const QByteArray &secret, const QJsonObject &header, const QJsonObject &claims)
{
    const QByteArray input = b64(json(header)) + '.' + b64(json(claims));
    unsigned char mac[EVP_MAX_MD_SIZE];
    size_t len = sizeof mac;
    EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, secret.constData(), size_t(secret.size()),
              reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()), mac, sizeof mac, &len);
    return QString::fromLatin1(input + '.' + b64(QByteArray(reinterpret_cast<const char *>(mac), qsizetype(len))));
}

inline QByteArray publicPem(const TestKey &key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, key.pkey.get());
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, len);
    BIO_free(bio);
    return pem;
}

//! A minimal HTTP/1.1 server on 127.0.0.1, port 0, answering every GET with the configured body,
//! status and Cache-Control, and counting requests. Enough for a JWKS endpoint.
class JwksServer : public QObject
{
public:
    JwksServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/jwks.json").arg(m_server.serverPort()); }

    QByteArray body;
    QByteArray cacheControl = "max-age=300";
    int status = 200;
    int requests = 0;

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        m_buffers.remove(socket);
        ++requests;
        QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Error") + "\r\n";
        response += "Content-Type: application/json\r\nConnection: close\r\n";
        if (!cacheControl.isEmpty())
            response += "Cache-Control: " + cacheControl + "\r\n";
        response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace authtest
