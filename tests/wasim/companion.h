#pragma once

#include "wa/binary/jid.h"
#include "wa/binary/node.h"
#include "wa/crypto/keypair.h"
#include "wa/noise/framecodec.h"
#include "wa/noise/noiseinitiator.h"
#include "wa/noise/transportcipher.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>
#include <optional>

class QWebSocket;

namespace wagate::wasim {

//! The long-term keys of a companion (a linked device), as a client keeps them.
struct CompanionKeys
{
    wa::KeyPair noise;           //!< Noise static key: identifies the device to the server
    wa::KeyPair identity;        //!< Signal identity key: signs the pre-key and the ADV device signature
    wa::KeyPair signedPreKey;
    QByteArray signedPreKeySignature; //!< by `identity` over 05 || signedPreKey.pub
    quint32 registrationId = 0;  //!< 14-bit, Signal style
    QByteArray advSecret;        //!< random for QR pairing, derived in code pairing

    static CompanionKeys generate();
};

//! What pairing gave the companion; with it the next connection logs in.
struct CompanionAccount
{
    wa::Jid jid;        //!< PHONE:DEVICE@s.whatsapp.net
    wa::Jid lid;        //!< LID:DEVICE@lid
    QString platform;   //!< the phone's platform name ("android", "smba")
    QString businessName;
    QByteArray account; //!< ADVSignedDeviceIdentity with all four fields
};

//! A minimal client of the linked-device protocol for wasim's own tests and load benchmarks (not the
//! gateway's client): connects, handshakes (checking the chain against the given root), registers
//! and answers pairing (QR or code) exactly as PROTOCOL.md §5–6 say, logs in, pings. Event-driven
//! and small, so one process can hold thousands.
class Companion : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Handshake, Registering, AwaitingLogin, LoggedIn, Closed };
    Q_ENUM(State)

    Companion(CompanionKeys keys, QByteArray rootPublicKey, QObject *parent = nullptr);
    ~Companion() override;

    const CompanionKeys &keys() const { return m_keys; }
    const std::optional<CompanionAccount> &account() const { return m_account; }
    //! With an account the next open() logs in; without one it registers.
    void setAccount(std::optional<CompanionAccount> account) { m_account = std::move(account); }
    State state() const { return m_state; }

    //! Opens a WebSocket to `url` and starts the handshake.
    void open(const QUrl &url);
    //! Closes normally.
    void close();
    //! Cuts the TCP connection.
    void abort();

    //! The QR texts for the refs of the last <pair-device> (current format, platform "1").
    const QStringList &qrCodes() const { return m_qrCodes; }
    //! Whether <pair-success> is answered at all (false: it is only reported by nodeReceived).
    void setAnswerPairing(bool answer) { m_answerPairing = answer; }
    //! Starts code pairing for `phone` (companion_hello); returns the code to type on the phone (a
    //! given one, or a fresh random one).
    QString requestPairingCode(const QString &phone, const QString &code = {});

    //! Sends a w:p ping (Baileys style, with a <ping/> child); returns its id.
    QString sendPing();
    //! Encrypts and sends a node (after the handshake).
    void sendNode(const wa::Node &node);
    //! Writes every WebSocket message in pieces of at most `bytes` (0 = whole), and/or holds what
    //! is written in one event-loop pass for a single message: exercises the server's reassembly.
    void setWriteShaping(int chunkBytes, bool coalesce);

    //! What arrived, for tests of the server's framing.
    struct Traffic
    {
        int messages = 0;         //!< WebSocket messages
        int frames = 0;           //!< protocol frames (handshake included)
        int compressedFrames = 0; //!< node frames with the zlib flag (0x02)
    };
    const Traffic &traffic() const { return m_traffic; }
    //! Keeps the decrypted payload of every node frame (flag byte included) for byte-level checks.
    void setKeepPlaintexts(bool keep) { m_keepPlaintexts = keep; }
    const QList<QByteArray> &plaintexts() const { return m_plaintexts; }

signals:
    void handshakeFailed(const QString &reason);
    void qrReady(const QStringList &qrCodes);
    void paired(const wagate::wasim::CompanionAccount &account);
    //! We answered <pair-success> with an error iq (code, text), e.g. 401 hmac-mismatch.
    void pairingRefused(int code, const QString &text);
    void loggedIn(const wagate::wa::Jid &lid, qint64 serverTime);
    void loginFailed(int reason);
    void streamError(int code, const QString &conflict);
    void pong(const QString &id, qint64 roundTripMs);
    void nodeReceived(const wagate::wa::Node &node);
    void disconnected();

private:
    void onConnected();
    void onBinaryMessage(const QByteArray &message);
    void onFrame(const QByteArray &frame);
    void onNode(const wa::Node &node);
    void onPairSuccess(const wa::Node &iq);
    void onPrimaryHello(const wa::Node &notification);
    void writeFrame(QByteArrayView payload);
    void writeMessage(const QByteArray &bytes);
    void flushWrites();
    QByteArray clientPayload() const;
    QString nextId();
    void fail(const QString &reason);

    CompanionKeys m_keys;
    QByteArray m_root;
    std::optional<CompanionAccount> m_account;
    State m_state = State::Idle;
    QPointer<QWebSocket> m_socket;
    std::unique_ptr<wa::FrameCodec> m_codec;
    std::unique_ptr<wa::NoiseInitiator> m_handshake;
    wa::TransportCipher m_cipher;
    QStringList m_qrCodes;
    bool m_answerPairing = true;
    // code pairing
    std::optional<wa::KeyPair> m_codeEphemeral;
    QString m_code;
    QString m_codePhone;
    // pings in flight
    QHash<QString, qint64> m_pings;
    quint32 m_nextId = 0;
    int m_chunk = 0;
    bool m_coalesce = false;
    QByteArray m_writeBuffer;
    Traffic m_traffic;
    bool m_keepPlaintexts = false;
    QList<QByteArray> m_plaintexts;
};

} // namespace wagate::wasim
