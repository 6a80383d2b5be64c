#pragma once

// A scripted stand-in for WhatsApp's side of the wire, in the spirit of KIMAP's fakeserver: a
// QWebSocketServer on port 0, FrameCodec(Server) + NoiseResponder with a test certificate root,
// TransportCipher and the node codec. It plays a minimal server (pair-device, success, post-login
// answers, pings) plus a phone that scans QR codes and enters pairing codes, and every knob a test
// row needs to break one thing at a time.

#include "wa/binary/node.h"
#include "wa/binary/nodeencoder.h"
#include "wa/crypto/keypair.h"
#include "wa/noise/framecodec.h"
#include "wa/noise/noiseresponder.h"
#include "wa/noise/transportcipher.h"

#include "proto/wa.pb.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QWebSocket;
class QWebSocketServer;

namespace wagate::wa::test {

//! One accepted client connection.
class FakeConnection : public QObject
{
    Q_OBJECT
public:
    FakeConnection(QWebSocket *socket, const KeyPair &staticKey, const QByteArray &chain, QObject *parent);

    //! Sends a node encrypted and framed now (or into the coalescing buffer).
    void send(const Node &node, NodeEncoder::Compression compression = NodeEncoder::Compression::None);
    //! Wire bytes of one encrypted node, without sending (to split or coalesce by hand).
    QByteArray wireBytes(const Node &node, NodeEncoder::Compression compression = NodeEncoder::Compression::None);
    //! Encrypts and frames arbitrary plaintext (e.g. an undecodable node).
    void sendEncrypted(const QByteArray &plaintext);
    //! The edge-routing bytes the client put in front of its first frame, if any.
    QByteArray routingInfo() const { return m_codec.receivedRoutingInfo(); }
    //! Sends raw bytes as one WebSocket message, cut into messages of `chunk` bytes if > 0.
    void sendRaw(const QByteArray &bytes, int chunk = 0);
    //! Closes the WebSocket.
    void close();
    //! Drops the TCP connection without a close frame.
    void abort();

    bool handshakeDone() const { return m_cipher.isValid(); }
    bool isOpen() const;

    QByteArray clientStatic;             //!< the client's noise key from ClientFinish
    waproto::ClientPayload payload;      //!< the decrypted ClientPayload
    QList<Node> received;                //!< every node the client sent, in order
    QString origin;                      //!< the Origin header of the upgrade
    QString path;                        //!< the request path
    QByteArray wrappedCompanionEphemeral; //!< from companion_hello
    QString codePhone;                   //!< the jid user of companion_hello
    QByteArray codeRef;                  //!< the ref we answered companion_hello with
    QList<QByteArray> refs;              //!< refs sent in pair-device

    //! Cut every outgoing message (the ServerHello too) into WebSocket messages of this size if > 0.
    int splitOutgoing = 0;
    //! Sent instead of the real ServerHello when not empty (handshake failure rows).
    QByteArray serverHelloOverride;
    //! Hold outgoing frames until flushCoalesced().
    bool coalesce = false;
    void flushCoalesced();

signals:
    void handshakeCompleted();
    void nodeReceived(const wagate::wa::Node &node);
    void closed();

private:
    void onMessage(const QByteArray &message);

    QWebSocket *m_socket;
    FrameCodec m_codec{FrameCodec::Side::Server};
    std::optional<NoiseResponder> m_noise;
    TransportCipher m_cipher;
    QByteArray m_pending;
};

//! The phone's half of pairing, written from PROTOCOL.md §5–6 with primitives only.
struct FakePhone
{
    enum class Fault { None, HmacMismatch, BadAccountSignature, MalformedIdentity, HostedAccount };

    QString number = QStringLiteral("491701234567");
    quint16 device = 7;
    QString lidUser = QStringLiteral("123456789012345");
    QString platform = QStringLiteral("android");
    QString businessName;
    KeyPair identity = KeyPair::generate();
    quint32 keyIndex = 3;
    Fault fault = Fault::None;

    //! The parts of a QR string; false if it is not one.
    struct Qr
    {
        QByteArray ref, noise, identity, adv;
        QString platform;
    };
    static std::optional<Qr> parseQr(const QString &qr);

    //! `<iq from=server type=set id=… xmlns=md><pair-success>…` for a companion identity key and
    //! the adv secret from its QR (or code flow).
    Node pairSuccess(const QByteArray &companionIdentity, const QByteArray &advSecret) const;
    //! Checks a `<pair-device-sign>` reply: device signature, no account key, key index.
    bool checkPairDeviceSign(const Node &reply, const QByteArray &companionIdentity) const;

    // Pairing code (phone side).
    KeyPair codeEphemeral = KeyPair::generate();
    //! The 80-byte wrap of our ephemeral with the code.
    QByteArray wrapEphemeral(const QString &code) const;
    //! Unwraps the companion's ephemeral with the typed code.
    static QByteArray unwrap(const QString &code, const QByteArray &wrapped);
    //! From companion_finish's bundle: the adv secret, or empty when the bundle does not check out.
    QByteArray advSecretFromBundle(const QByteArray &companionEphemeral, const QByteArray &bundle,
                                   const QByteArray &companionIdentity) const;
};

//! The server. Default behaviour is a well-behaved WhatsApp; the public fields change it.
class FakeWaServer : public QObject
{
    Q_OBJECT
public:
    FakeWaServer();
    ~FakeWaServer() override;

    bool listen();
    QUrl url() const;
    QByteArray rootKey() const { return root.pub; }

    //! A chain valid now for `leafKey`, from our root (or another root key for a broken one).
    QByteArray makeChain(qint64 notBefore, qint64 notAfter, const QByteArray &leafKey) const;

    KeyPair root = KeyPair::generate();
    KeyPair intermediate = KeyPair::generate();
    KeyPair staticKey = KeyPair::generate();
    QByteArray chain; //!< what the ServerHello carries; valid for an hour around now by default

    // --- behaviour knobs
    int refs = 6;
    int preKeyCount = 100;       //!< answer to encrypt/count
    bool answerPings = true;
    int pingDelayMs = 0;
    int loginFailure = 0;        //!< <failure reason=N/> instead of <success>
    QList<Attribute> failureAttrs; //!< extra attributes of that failure
    bool compress = false;       //!< send everything zlib-compressed
    int splitOutgoing = 0;       //!< cut every outgoing message into pieces of this size
    bool coalesceLogin = false;  //!< success + iq answers in one WebSocket message
    bool restartAfterPairing = true; //!< 515 + close after pair-device-sign
    QString lid = QStringLiteral("123456789012345:7@lid");
    //! Called for every node before the default handling; return true to swallow it.
    std::function<bool(FakeConnection *, const Node &)> onNode;
    //! Called after the handshake of each connection (e.g. to send a stream:error); return true to
    //! skip the default answer (pair-device, success or failure).
    std::function<bool(FakeConnection *)> onHandshake;
    //! Sent instead of the real ServerHello when not empty.
    QByteArray serverHelloOverride;

    FakePhone phone;
    QString lastCode; //!< set by tests from the pairingCode signal before enterCode()

    //! The phone scans this QR on the connection that was given its ref.
    bool scan(const QString &qr);
    //! The phone's user types this code for the connection that asked for one.
    bool enterCode(const QString &code);

    QList<QPointer<FakeConnection>> connections;
    FakeConnection *last() const { return connections.isEmpty() ? nullptr : connections.last().data(); }
    int pingsAnswered = 0;
    int pairDeviceSigns = 0;
    bool lastPairDeviceSignValid = false;

    static Node iq(const QString &type, const QString &id, QList<Node> children = {});

signals:
    void connectionAccepted(wagate::wa::test::FakeConnection *connection);
    void pairDeviceSignReceived(bool valid);

private:
    void handleNode(FakeConnection *c, const Node &node);
    void afterHandshake(FakeConnection *c);

    QWebSocketServer *m_server;
};

} // namespace wagate::wa::test
