#pragma once

#include "wafeature.h"

#include "core/messages.h"
#include "core/result.h"
#include "wa/binary/jid.h"
#include "wa/message/stanzas.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <map>

namespace wagate::wa {

class SignalSession;

//! Messages on one connection (MESSAGING.md §3–§12): 1:1 texts out — device lists by usync
//! (cached, dropped on device notifications and phash mismatches), pre-key bundles for devices
//! without a session, a pkmsg/msg per device including our own other devices (DeviceSentMessage),
//! the server ack as "sent" — and every message in: decrypted, deduplicated, receipted once its
//! state is saved, a retry receipt when it cannot be decrypted, a resend when a peer asks for one.
//! Receipts in become MessageReceipts; read receipts, chat state and presence go out.
//!
//! Nothing is done inside the socket's read handler beyond parsing: a burst of stanzas is
//! processed on the next turn of the event loop as one round, with one commit of the Signal state
//! before any receipt or stanza that depends on it leaves.
class MessageFeature : public QObject, public WaFeature
{
    Q_OBJECT
public:
    struct Options
    {
        int iqTimeoutMs = 30000;
        int ackTimeoutMs = 75000;        //!< whatsmeow's wait for a message ack
        int maxRetries = 5;              //!< retry receipts sent, and answered, per message
        qint64 deviceCacheMs = 3600000;  //!< device lists are refreshed at least this often
        int maxTextLength = 65536;       //!< characters; the API allows less
        bool markOnline = true;          //!< send presence "available" when ready (delivered ticks need it)
        int sentCacheSize = 512;         //!< recent plaintexts kept to answer retry receipts
        int maxRoundMessages = 200;      //!< incoming stanzas decrypted per round
    };

    MessageFeature(WaFeatureHost &host, SignalSession &signal, Options options, QObject *parent = nullptr);
    ~MessageFeature() override;

    //! Queues a text; the outcome is messageSent() or messageFailed() with the same id, exactly once.
    void send(const OutgoingText &text);
    //! Read receipts for messages of one chat (and, in groups, one sender). Needs a ready link.
    Result<void> markRead(const QString &chat, const QString &sender, const QStringList &ids);
    //! Typing (composing) or stopped (paused) in a chat.
    Result<void> sendChatState(const QString &chat, ChatState state);
    //! Online (available) or not; WhatsApp shows companions that are available as online.
    Result<void> setPresence(bool available);
    //! Asks WhatsApp whether a number (international digits) has an account. done runs exactly
    //! once: with the answer, or unavailable when the link is not ready, ends first or the query
    //! times out.
    void lookupContact(const QString &digits, std::function<void(Result<ContactLookup>)> done);

    bool handleNode(const Node &node) override;
    void onReady() override;
    void onDisconnected() override;

    //! Sends waiting for devices, sessions or an ack (tests, metrics).
    qsizetype pendingSends() const { return m_queue.size() + m_awaitingAck.size(); }

signals:
    //! WhatsApp accepted the message (its server ack); `at` is WhatsApp's time in ms.
    void messageSent(const QString &id, qint64 at);
    void messageFailed(const wagate::SendFailure &failure);
    //! A message arrived and is saved (Signal state and dedupe record committed).
    void messageReceived(const wagate::IncomingMessage &message);
    void receiptReceived(const wagate::MessageReceipt &receipt);
    //! The server delivered what it held while we were away (`count` stanzas).
    void offlineDelivered(int count);
    //! A peer's identity changed (a reinstalled phone); its sessions start over.
    void identityChanged(const QString &user);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Job
    {
        OutgoingText request;
        Jid chat;                 //!< the user JID as given (PN or LID)
        QList<Jid> devices;       //!< fan-out devices once resolved
        bool resolved = false;
        qint64 acceptedAt = 0;
    };
    struct Sent
    {
        Jid chat;
        QByteArray plaintext;     //!< unpadded Message, kept to answer retry receipts
        qint64 t = 0;             //!< server seconds of the ack (or of sending)
        QHash<QString, int> retries;
    };
    struct DeviceList
    {
        QList<quint16> devices;
        qint64 fetchedAt = 0;
    };

    // sending
    void schedulePump();
    void pump();
    void queryDevices(const QList<Jid> &users);
    void fetchBundles(const QList<Jid> &devices);
    bool deviceListKnown(const Jid &user) const;
    Jid ownUserFor(const Jid &chat) const;
    void encryptAndSend(QList<Job> jobs);
    void fail(const QString &id, QLatin1StringView code, const QString &message, int waCode = 0, bool retryable = false);
    void awaitAck(const QString &id);
    void handleAck(const Node &ack);
    void rememberSent(const QString &id, Sent sent);

    // receiving
    void scheduleInbox();
    void processInbox();
    //! False when the store could not be read (the envelope waits for another try).
    bool receiveOne(const stanza::IncomingEnvelope &envelope);
    void sendRetry(const stanza::IncomingEnvelope &envelope, const QString &why);
    void handleReceipt(const Node &receipt);
    void answerRetry(const stanza::IncomingReceipt &receipt, const Node &original);
    void handleNotification(const Node &notification);

    // addressing
    SignalAddress addressOf(const Jid &device);
    std::optional<QString> lidFor(const QString &pnUser);
    std::optional<QString> pnFor(const QString &lidUser);
    void learnLid(const QString &pnUser, const QString &lidUser);
    bool isOwnUser(const Jid &user) const;
    std::optional<Jid> parseRecipient(const QString &to) const;
    void commit();
    void retryCommitLater();
    //! Ends the connection because the Signal state could not be saved (WhatsApp then delivers again).
    void reconnectForStore();

    SignalSession &m_signal;
    Options m_opt;
    quint64 m_epoch = 0;

    QList<Job> m_queue;
    QSet<QString> m_usyncInFlight;     //!< user keys
    QSet<QString> m_bundlesInFlight;   //!< device keys
    QSet<QString> m_bundleFailed;      //!< device keys whose bundle the server refused this round
    QHash<QString, DeviceList> m_deviceLists;   //!< user JID string → devices
    QHash<QString, qint64> m_awaitingAck;       //!< message id → deadline (ms, steady)
    std::multimap<qint64, QString> m_ackDeadlines;
    QHash<QString, Sent> m_sent;
    QList<QString> m_sentOrder;
    bool m_pumpScheduled = false;

    QList<stanza::IncomingEnvelope> m_inbox;
    bool m_inboxScheduled = false;
    QHash<QString, int> m_retryCounts;   //!< incoming ids we asked to be resent → how often
    QList<QString> m_retryOrder;
    QSet<QString> m_recentReceived;      //!< "<sender user>/<id>" of this connection's messages
    QList<QString> m_recentOrder;

    //! Contact queries waiting for WhatsApp, by token; failed when the link ends.
    QHash<quint64, std::function<void(Result<ContactLookup>)>> m_contactLookups;
    quint64 m_nextLookup = 0;

    QHash<QString, QString> m_pnToLid;   //!< known mappings (cache of the store's)
    QHash<QString, QString> m_lidToPn;

    QBasicTimer m_ackTimer;
    QBasicTimer m_commitRetry;
    int m_commitFailures = 0;
    QElapsedTimer m_clock;
};

} // namespace wagate::wa
