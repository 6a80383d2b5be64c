#include "messagefeature.h"

#include "authstate.h"
#include "signalsession.h"

#include "core/ids.h"
#include "core/logging.h"
#include "wa/binary/node.h"
#include "wa/message/messagecodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTimerEvent>

namespace wagate::wa {

namespace {

constexpr int kMaxRecent = 4096;      // ids remembered in memory per connection
constexpr int kMaxRetryCounts = 1024; // incoming ids with a retry in progress
constexpr int kMaxDeviceLists = 2048; // users whose devices are cached
constexpr int kMaxReadIds = 256;      // per read receipt (WA Web's limit)

QString userKey(const Jid &user)
{
    return user.toNonAd().toString();
}

QString deviceKey(const Jid &device)
{
    return device.toString();
}

//! The ack that makes the server drop a message we will not receipt (MESSAGING.md §7).
Node messageAck(const stanza::IncomingEnvelope &e, int error = 0)
{
    Node ack(QStringLiteral("ack"), {{QStringLiteral("class"), "message"}, {QStringLiteral("id"), e.id},
                                     {QStringLiteral("to"), e.from}});
    if (e.participant)
        ack.setAttr(QStringLiteral("participant"), *e.participant);
    if (error != 0)
        ack.setAttr(QStringLiteral("error"), QString::number(error));
    return ack;
}

MessageReceipt::Kind receiptKind(const QString &type)
{
    if (type.isEmpty())
        return MessageReceipt::Kind::Delivered;
    if (type == QLatin1String("read") || type == QLatin1String("read-self"))
        return MessageReceipt::Kind::Read;
    if (type == QLatin1String("played") || type == QLatin1String("played-self"))
        return MessageReceipt::Kind::Played;
    if (type == QLatin1String("inactive"))
        return MessageReceipt::Kind::Inactive;
    if (type == QLatin1String("sender"))
        return MessageReceipt::Kind::Sender;
    return MessageReceipt::Kind::Other;
}

} // namespace

MessageFeature::MessageFeature(WaFeatureHost &host, SignalSession &signal, Options options, QObject *parent)
    : QObject(parent), WaFeature(host), m_signal(signal), m_opt(options)
{
    m_clock.start();
    // Writes refused in a shared commit are gone with what waited for them (stanzas, receipts):
    // reconnect, so that WhatsApp delivers again and the outbox sends again from the stored state.
    // The session may outlive this feature (a new store makes new features) and the other way round:
    // neither end touches the other once it is gone.
    m_signal.setOnLost([self = QPointer<MessageFeature>(this)](SignalStoreError) {
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self,
            [self, epoch = self->m_epoch] {
                if (!self || epoch != self->m_epoch)
                    return;
                qCWarning(lcWa) << "the Signal state could not be saved; reconnecting";
                self->reconnectForStore();
            },
            Qt::QueuedConnection);
    });
}

MessageFeature::~MessageFeature()
{
    const auto lookups = std::exchange(m_contactLookups, {});
    for (const auto &done : lookups)
        done(Error::unavailable(QStringLiteral("the connection to WhatsApp closed before it answered")));
}

// ---------------------------------------------------------------------------------------------
// Addressing

bool MessageFeature::isOwnUser(const Jid &user) const
{
    const AuthState &auth = const_cast<MessageFeature *>(this)->host().auth();
    const auto own = auth.deviceJid();
    if (own && user.user() == own->user() && user.server() == own->server())
        return true;
    const auto lid = Jid::parse(auth.lid);
    return lid && user.user() == lid->user() && user.server() == wa::JidServer::Lid;
}

Jid MessageFeature::ownUserFor(const Jid &chat) const
{
    const AuthState &auth = const_cast<MessageFeature *>(this)->host().auth();
    if (chat.server() == JidServer::Lid) {
        if (const auto lid = Jid::parse(auth.lid))
            return lid->toNonAd();
    }
    const auto own = auth.deviceJid();
    return own ? own->toNonAd() : Jid();
}

std::optional<Jid> MessageFeature::parseRecipient(const QString &to) const
{
    static const QRegularExpression digits(QStringLiteral("^\\+?([1-9][0-9]{6,14})$"));
    const QString trimmed = to.trimmed();
    if (const auto m = digits.match(trimmed); m.hasMatch())
        return Jid::phone(m.captured(1));
    const auto jid = Jid::parse(trimmed);
    if (!jid || jid->user().isEmpty() || (jid->server() != JidServer::User && jid->server() != JidServer::Lid))
        return std::nullopt;
    static const QRegularExpression numeric(QStringLiteral("^[0-9]{1,20}$"));
    if (!numeric.match(jid->user()).hasMatch())
        return std::nullopt;
    return jid->toNonAd();
}

std::optional<QString> MessageFeature::lidFor(const QString &pnUser)
{
    if (auto it = m_pnToLid.constFind(pnUser); it != m_pnToLid.cend())
        return it->isEmpty() ? std::nullopt : std::optional<QString>(*it);
    auto stored = m_signal.batch().load(SignalRecordKind::LidMapping, "pn:" + pnUser.toUtf8());
    const QString lid = stored && *stored ? QString::fromUtf8(**stored) : QString();
    m_pnToLid.insert(pnUser, lid); // a miss is remembered too, until a mapping is learned
    return lid.isEmpty() ? std::nullopt : std::optional<QString>(lid);
}

std::optional<QString> MessageFeature::pnFor(const QString &lidUser)
{
    if (auto it = m_lidToPn.constFind(lidUser); it != m_lidToPn.cend())
        return it->isEmpty() ? std::nullopt : std::optional<QString>(*it);
    auto stored = m_signal.batch().load(SignalRecordKind::LidMapping, "lid:" + lidUser.toUtf8());
    const QString pn = stored && *stored ? QString::fromUtf8(**stored) : QString();
    m_lidToPn.insert(lidUser, pn);
    return pn.isEmpty() ? std::nullopt : std::optional<QString>(pn);
}

void MessageFeature::learnLid(const QString &pnUser, const QString &lidUser)
{
    if (pnUser.isEmpty() || lidUser.isEmpty() || lidFor(pnUser) == std::optional<QString>(lidUser))
        return;
    SignalBatch &batch = m_signal.batch();
    batch.put(SignalRecordKind::LidMapping, "pn:" + pnUser.toUtf8(), lidUser.toUtf8());
    batch.put(SignalRecordKind::LidMapping, "lid:" + lidUser.toUtf8(), pnUser.toUtf8());
    m_pnToLid.insert(pnUser, lidUser);
    m_lidToPn.insert(lidUser, pnUser);
    // One device, one session (pitfall 8): what was kept under the phone number moves to the LID.
    const QByteArray pnName = pnUser.toUtf8() + '.';
    const QByteArray lidName = SignalAddress::fromJid(Jid(lidUser, JidServer::Lid)).name.toUtf8() + '.';
    for (SignalRecordKind kind : {SignalRecordKind::Session, SignalRecordKind::Identity}) {
        const auto keys = batch.keys(kind, pnName);
        if (!keys)
            return;
        for (const QByteArray &key : *keys) {
            const QByteArray lidKey = lidName + key.mid(pnName.size());
            const auto value = batch.load(kind, key);
            const auto existing = batch.load(kind, lidKey);
            if (value && *value && existing && !*existing)
                batch.put(kind, lidKey, **value);
            batch.remove(kind, key);
        }
    }
}

SignalAddress MessageFeature::addressOf(const Jid &device)
{
    if (device.server() == JidServer::User) {
        if (const auto lid = lidFor(device.user()))
            return SignalAddress::fromJid(Jid(*lid, JidServer::Lid, device.device()));
    }
    return SignalAddress::fromJid(device);
}

// ---------------------------------------------------------------------------------------------
// Commits

void MessageFeature::commit()
{
    if (auto r = m_signal.flush(); !r) {
        retryCommitLater();
        return;
    }
    m_commitFailures = 0;
    m_commitRetry.stop();
    if (m_queue.isEmpty() && m_usyncInFlight.isEmpty() && m_bundlesInFlight.isEmpty())
        m_signal.releaseIdle();
}

void MessageFeature::retryCommitLater()
{
    if (++m_commitFailures > 5) {
        qCWarning(lcWa) << "the Signal state could not be saved five times; reconnecting";
        reconnectForStore();
        return;
    }
    m_commitRetry.start(200 << m_commitFailures, this);
}

void MessageFeature::reconnectForStore()
{
    host().failConnection(DisconnectReason{DisconnectOutcome::Retryable, QStringLiteral("store_unavailable"),
                                           QStringLiteral("The gateway could not save the encryption state; it "
                                                          "reconnects so that WhatsApp delivers again."),
                                           0});
}

// ---------------------------------------------------------------------------------------------
// Sending

void MessageFeature::fail(const QString &id, QLatin1StringView code, const QString &message, int waCode, bool retryable)
{
    emit messageFailed(SendFailure{id, QString(code), message, waCode, retryable});
}

void MessageFeature::send(const OutgoingText &text)
{
    if (!message::isValidId(text.id)) {
        fail(text.id, send_failure::InvalidMessage, QStringLiteral("the message id must be 1-64 characters of [0-9A-Za-z._-]"));
        return;
    }
    if (text.text.isEmpty() || text.text.size() > m_opt.maxTextLength) {
        fail(text.id, send_failure::InvalidMessage,
             QStringLiteral("the text must have 1 to %1 characters").arg(m_opt.maxTextLength));
        return;
    }
    const auto chat = parseRecipient(text.to);
    if (!chat) {
        fail(text.id, send_failure::InvalidRecipient,
             QStringLiteral("the recipient must be a phone number in international form or a user JID"));
        return;
    }
    if (!host().isReady()) {
        fail(text.id, send_failure::NotConnected, QStringLiteral("the session is not connected to WhatsApp"), 0, true);
        return;
    }
    for (const Job &j : std::as_const(m_queue)) {
        if (j.request.id == text.id)
            return; // already on its way: one outcome for one id
    }
    if (m_awaitingAck.contains(text.id))
        return;
    m_queue.append(Job{text, *chat, {}, false, host().nowMs()});
    schedulePump();
}

void MessageFeature::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    const quint64 epoch = m_epoch;
    QMetaObject::invokeMethod(
        this, [this, epoch] {
            if (epoch == m_epoch)
                pump();
        },
        Qt::QueuedConnection);
}

bool MessageFeature::deviceListKnown(const Jid &user) const
{
    auto it = m_deviceLists.constFind(userKey(user));
    return it != m_deviceLists.cend() && m_clock.elapsed() - it->fetchedAt < m_opt.deviceCacheMs;
}

void MessageFeature::pump()
{
    m_pumpScheduled = false;
    if (!host().isReady() || m_queue.isEmpty())
        return;

    // 1. Device lists of every chat and of our own user (for our other devices).
    QList<Jid> wanted;
    QSet<QString> wantedKeys;
    for (const Job &j : std::as_const(m_queue)) {
        if (j.resolved)
            continue;
        for (const Jid &u : {j.chat, ownUserFor(j.chat)}) {
            const QString key = userKey(u);
            if (u.isValid() && !deviceListKnown(u) && !m_usyncInFlight.contains(key) && !wantedKeys.contains(key)) {
                wanted.append(u);
                wantedKeys.insert(key);
            }
        }
    }
    if (!wanted.isEmpty())
        queryDevices(wanted);

    // 2. Fan-out lists for the chats whose devices are known.
    const auto own = host().auth().deviceJid();
    for (qsizetype i = 0; i < m_queue.size();) {
        Job &j = m_queue[i];
        if (j.resolved || !deviceListKnown(j.chat) || !deviceListKnown(ownUserFor(j.chat))) {
            ++i;
            continue;
        }
        const DeviceList peer = m_deviceLists.value(userKey(j.chat));
        if (peer.devices.isEmpty()) {
            const QString id = j.request.id;
            const QString user = j.chat.user();
            m_queue.removeAt(i); // j is gone from here
            fail(id, send_failure::NotOnWhatsApp, QStringLiteral("%1 is not on WhatsApp").arg(user));
            continue;
        }
        const Jid ownUser = ownUserFor(j.chat);
        j.devices.clear();
        if (!isOwnUser(j.chat)) {
            for (quint16 d : peer.devices)
                j.devices.append(Jid(j.chat.user(), j.chat.server(), d));
        }
        for (quint16 d : m_deviceLists.value(userKey(ownUser)).devices) {
            if (own && d == own->device())
                continue; // never to the sending device itself
            j.devices.append(Jid(ownUser.user(), ownUser.server(), d));
        }
        j.resolved = true;
        ++i;
    }

    // 3. Sessions: one bundle fetch for every device that has none.
    QList<Jid> missing;
    QSet<QString> missingKeys;
    for (qsizetype i = 0; i < m_queue.size();) {
        Job &j = m_queue[i];
        bool storeDown = false;
        if (j.resolved) {
            for (const Jid &d : std::as_const(j.devices)) {
                const QString key = deviceKey(d);
                if (m_bundlesInFlight.contains(key) || m_bundleFailed.contains(key) || missingKeys.contains(key))
                    continue;
                const auto has = m_signal.protocol().hasSession(addressOf(d));
                if (!has) {
                    storeDown = true;
                    break;
                }
                if (!*has) {
                    missing.append(d);
                    missingKeys.insert(key);
                }
            }
        }
        if (storeDown) {
            const QString id = j.request.id;
            m_queue.removeAt(i);
            fail(id, send_failure::StoreUnavailable, QStringLiteral("the encryption state could not be read"), 0, true);
            continue;
        }
        ++i;
    }
    if (!missing.isEmpty())
        fetchBundles(missing);

    // 4. What is ready goes in one round, in order per chat.
    QList<Job> ready;
    QSet<QString> blocked;
    for (qsizetype i = 0; i < m_queue.size();) {
        const Job &j = m_queue.at(i);
        const QString chat = userKey(j.chat);
        bool isReady = j.resolved && !blocked.contains(chat);
        for (const Jid &d : j.devices) {
            if (!isReady)
                break;
            isReady = !m_bundlesInFlight.contains(deviceKey(d));
        }
        if (isReady) {
            ready.append(m_queue.takeAt(i));
        } else {
            blocked.insert(chat);
            ++i;
        }
    }
    if (!ready.isEmpty())
        encryptAndSend(std::move(ready));
    else if (m_signal.batch().isEmpty())
        m_signal.batch().discard(); // only reads: cache nothing across rounds
    if (m_queue.isEmpty())
        m_bundleFailed.clear();
}

void MessageFeature::queryDevices(const QList<Jid> &users)
{
    for (const Jid &u : users)
        m_usyncInFlight.insert(userKey(u));
    const quint64 epoch = m_epoch;
    const QString sid = QString::fromLatin1(secureRandomBytes(8).toHex());
    const auto finished = [this, users] {
        for (const Jid &u : users)
            m_usyncInFlight.remove(userKey(u));
    };
    const auto failJobs = [this, users](const QString &why) {
        QSet<QString> keys;
        for (const Jid &u : users)
            keys.insert(userKey(u));
        for (qsizetype i = 0; i < m_queue.size();) {
            const Job &j = m_queue.at(i);
            if (!j.resolved && (keys.contains(userKey(j.chat)) || keys.contains(userKey(ownUserFor(j.chat))))) {
                const QString id = j.request.id;
                m_queue.removeAt(i);
                fail(id, send_failure::Rejected, why, 0, true);
                continue;
            }
            ++i;
        }
    };
    host().sendIq(
        stanza::usyncDevicesQuery(users, sid), m_opt.iqTimeoutMs,
        [this, epoch, users, finished, failJobs](const Node &response) {
            if (epoch != m_epoch)
                return;
            finished();
            const auto parsed = stanza::parseUsyncResult(response);
            if (!parsed) {
                failJobs(QStringLiteral("WhatsApp refused the device list query: %1").arg(parsed.error()));
                return;
            }
            const qint64 now = m_clock.elapsed();
            if (m_deviceLists.size() > kMaxDeviceLists)
                m_deviceLists.clear();
            QSet<QString> answered;
            for (const stanza::UsyncUser &u : *parsed) {
                const DeviceList list{u.hasDevices ? u.devices : QList<quint16>{}, now};
                m_deviceLists.insert(userKey(u.user), list);
                answered.insert(userKey(u.user));
                if (u.lid && u.user.server() == JidServer::User) {
                    learnLid(u.user.user(), u.lid->user());
                    m_deviceLists.insert(userKey(*u.lid), list);
                }
            }
            // A user the server left out has no devices we could write to.
            for (const Jid &u : users) {
                if (!answered.contains(userKey(u)))
                    m_deviceLists.insert(userKey(u), DeviceList{{}, now});
            }
            commit(); // learned mappings
            schedulePump();
        },
        [this, epoch, finished, failJobs] {
            if (epoch != m_epoch)
                return;
            finished();
            failJobs(QStringLiteral("WhatsApp did not answer the device list query in time"));
        });
}

void MessageFeature::fetchBundles(const QList<Jid> &devices)
{
    for (const Jid &d : devices)
        m_bundlesInFlight.insert(deviceKey(d));
    const quint64 epoch = m_epoch;
    const auto finished = [this, devices] {
        for (const Jid &d : devices)
            m_bundlesInFlight.remove(deviceKey(d));
    };
    host().sendIq(
        stanza::preKeyFetch(devices), m_opt.iqTimeoutMs,
        [this, epoch, devices, finished](const Node &response) {
            if (epoch != m_epoch)
                return;
            finished();
            QSet<QString> built;
            const auto parsed = stanza::parsePreKeyFetchResult(response);
            if (parsed) {
                for (const stanza::BundleResult &r : *parsed) {
                    if (!r.bundle) {
                        qCInfo(lcWa) << "no pre-key bundle for a device:" << r.error;
                        continue;
                    }
                    PreKeyBundle bundle = *r.bundle;
                    bundle.deviceId = r.device.device();
                    const auto done = m_signal.protocol().processBundle(addressOf(r.device), bundle);
                    if (!done) {
                        qCInfo(lcWa) << "a pre-key bundle was refused:" << signalErrorName(done.error());
                        continue;
                    }
                    if (*done) {
                        const QString user = userKey(r.device);
                        m_signal.afterCommit([this, user] { emit identityChanged(user); });
                    }
                    built.insert(deviceKey(r.device));
                }
            } else {
                qCWarning(lcWa) << "pre-key fetch failed:" << parsed.error();
            }
            for (const Jid &d : devices) {
                if (!built.contains(deviceKey(d)))
                    m_bundleFailed.insert(deviceKey(d));
            }
            commit();
            schedulePump();
        },
        [this, epoch, devices, finished] {
            if (epoch != m_epoch)
                return;
            finished();
            for (const Jid &d : devices)
                m_bundleFailed.insert(deviceKey(d));
            schedulePump();
        });
}

void MessageFeature::encryptAndSend(QList<Job> jobs)
{
    const QByteArray deviceIdentity = host().auth().account;
    const quint64 epoch = m_epoch;
    for (const Job &j : jobs) {
        const QString id = j.request.id;
        const QByteArray plaintext = message::encodeText(j.request.text);
        const QByteArray dsm = message::encodeDeviceSent(j.chat, plaintext);
        QList<stanza::EncPart> parts;
        bool preKey = false;
        bool peerReached = isOwnUser(j.chat);
        bool storeDown = false;
        for (const Jid &d : j.devices) {
            if (m_bundleFailed.contains(deviceKey(d)))
                continue;
            const bool own = isOwnUser(d.toNonAd());
            auto c = m_signal.protocol().encrypt(addressOf(d), message::pad(own ? dsm : plaintext));
            if (!c) {
                if (c.error() == SignalError::StoreUnavailable)
                    storeDown = true;
                continue; // no session with that device after all: it gets nothing
            }
            preKey = preKey || c->type == SignalCiphertext::Type::PkMsg;
            parts.append({d, *c});
            peerReached = peerReached || !own;
        }
        if (storeDown) {
            fail(id, send_failure::StoreUnavailable, QStringLiteral("the encryption state could not be read"), 0, true);
            continue;
        }
        if (!peerReached || parts.isEmpty()) {
            m_deviceLists.remove(userKey(j.chat)); // asked again next time
            fail(id, send_failure::NoSession,
                 QStringLiteral("no device of %1 accepted an encrypted session").arg(j.chat.user()), 0, true);
            continue;
        }
        const Node stanza = stanza::messageStanza(j.chat, id, QStringLiteral("text"), parts,
                                                  preKey ? deviceIdentity : QByteArray());
        Sent sent{j.chat, plaintext, host().serverNowSeconds(), {}};
        // The ratchet steps above are saved before the stanza exists on the wire.
        m_signal.afterCommit([this, epoch, id, stanza, sent] {
            if (epoch != m_epoch || !host().sendNode(stanza)) {
                fail(id, send_failure::NotConnected, QStringLiteral("the connection ended before the message left"), 0, true);
                return;
            }
            rememberSent(id, sent);
            awaitAck(id);
        });
    }
    commit();
}

void MessageFeature::rememberSent(const QString &id, Sent sent)
{
    if (!m_sent.contains(id))
        m_sentOrder.append(id);
    m_sent.insert(id, std::move(sent));
    while (m_sentOrder.size() > m_opt.sentCacheSize)
        m_sent.remove(m_sentOrder.takeFirst());
}

void MessageFeature::awaitAck(const QString &id)
{
    const qint64 deadline = m_clock.elapsed() + m_opt.ackTimeoutMs;
    m_awaitingAck.insert(id, deadline);
    m_ackDeadlines.emplace(deadline, id);
    if (!m_ackTimer.isActive() || m_ackDeadlines.begin()->first == deadline)
        m_ackTimer.start(int(qMax<qint64>(0, m_ackDeadlines.begin()->first - m_clock.elapsed())), this);
}

void MessageFeature::handleAck(const Node &node)
{
    const stanza::ServerAck ack = stanza::parseAck(node);
    auto it = m_awaitingAck.find(ack.id);
    if (it == m_awaitingAck.end())
        return; // late, or not ours
    m_awaitingAck.erase(it);
    if (ack.error != 0) {
        // The device lists may be why: ask again next time.
        if (auto sent = m_sent.constFind(ack.id); sent != m_sent.cend())
            m_deviceLists.remove(userKey(sent->chat));
        switch (ack.error) {
        case 463:
            fail(ack.id, send_failure::ReachOutTimelock,
                 QStringLiteral("WhatsApp does not let this number start new chats for now (463)"), ack.error, true);
            break;
        case 429:
        case 475:
            fail(ack.id, send_failure::RateOverlimit, QStringLiteral("WhatsApp says this number sends too much (%1)").arg(ack.error),
                 ack.error, true);
            break;
        case 403:
            fail(ack.id, send_failure::Blocked, QStringLiteral("the recipient does not accept messages from this number (403)"),
                 ack.error);
            break;
        case 404:
            fail(ack.id, send_failure::NotOnWhatsApp, QStringLiteral("the recipient is not on WhatsApp (404)"), ack.error);
            break;
        default:
            fail(ack.id, send_failure::Rejected, QStringLiteral("WhatsApp refused the message (%1)").arg(ack.error), ack.error);
            break;
        }
        return;
    }
    if (!ack.phash.isEmpty()) {
        // The server knows devices we did not write to: ask again next time (as whatsmeow does).
        if (auto sent = m_sent.constFind(ack.id); sent != m_sent.cend()) {
            m_deviceLists.remove(userKey(sent->chat));
            m_deviceLists.remove(userKey(ownUserFor(sent->chat)));
        }
    }
    const qint64 at = ack.t > 0 ? ack.t * 1000 : host().nowMs();
    if (auto sent = m_sent.find(ack.id); sent != m_sent.end() && ack.t > 0)
        sent->t = ack.t;
    emit messageSent(ack.id, at);
}

// ---------------------------------------------------------------------------------------------
// Receiving

void MessageFeature::scheduleInbox()
{
    if (m_inboxScheduled)
        return;
    m_inboxScheduled = true;
    const quint64 epoch = m_epoch;
    QMetaObject::invokeMethod(
        this, [this, epoch] {
            if (epoch == m_epoch)
                processInbox();
        },
        Qt::QueuedConnection);
}

void MessageFeature::processInbox()
{
    m_inboxScheduled = false;
    const qsizetype n = qMin<qsizetype>(m_inbox.size(), m_opt.maxRoundMessages);
    QList<stanza::IncomingEnvelope> round = m_inbox.mid(0, n);
    m_inbox.remove(0, n);
    for (qsizetype i = 0; i < round.size(); ++i) {
        if (!receiveOne(round.at(i))) {
            // The store cannot be read: this one and the rest wait (nothing was receipted), and
            // the round is tried again shortly.
            m_inbox = round.mid(i) + m_inbox;
            commit();
            retryCommitLater();
            return;
        }
    }
    commit();
    if (!m_inbox.isEmpty())
        scheduleInbox();
}

bool MessageFeature::receiveOne(const stanza::IncomingEnvelope &e)
{
    const auto receiptAfterCommit = [this, e] {
        m_signal.afterCommit([this, e] { host().sendNode(stanza::deliveryReceipt(e)); });
    };
    const Jid senderDevice = e.senderDevice();
    const Jid senderUser = senderDevice.toNonAd();
    if (senderUser.server() != JidServer::User && senderUser.server() != JidServer::Lid) {
        m_signal.afterCommit([this, e] { host().sendNode(messageAck(e)); }); // status, newsletters, bots
        return true;
    }
    // Learn every PN↔LID pair the server tells.
    if (e.senderAlt) {
        if (senderUser.server() == JidServer::User && e.senderAlt->server() == JidServer::Lid)
            learnLid(senderUser.user(), e.senderAlt->user());
        else if (senderUser.server() == JidServer::Lid && e.senderAlt->server() == JidServer::User)
            learnLid(e.senderAlt->user(), senderUser.user());
    }
    if (e.recipient && e.recipientAlt) {
        if (e.recipient->server() == JidServer::User && e.recipientAlt->server() == JidServer::Lid)
            learnLid(e.recipient->user(), e.recipientAlt->user());
        else if (e.recipient->server() == JidServer::Lid && e.recipientAlt->server() == JidServer::User)
            learnLid(e.recipientAlt->user(), e.recipient->user());
    }
    const QString pnUser = senderUser.server() == JidServer::User ? senderUser.user() : pnFor(senderUser.user()).value_or(QString());
    const QString lidUser = senderUser.server() == JidServer::Lid ? senderUser.user() : lidFor(senderUser.user()).value_or(QString());
    const QString dedupe = (pnUser.isEmpty() ? senderUser.toString() : pnUser) + QLatin1Char('/') + e.id;

    // A redelivery (offline queue, a lost receipt, a duplicated stanza): receipted, never delivered twice.
    if (m_recentReceived.contains(dedupe)) {
        receiptAfterCommit();
        return true;
    }
    const auto stored = m_signal.batch().load(SignalRecordKind::Received, dedupe.toUtf8());
    if (!stored)
        return false; // the store is down: no receipt; tried again
    if (*stored) {
        receiptAfterCommit();
        return true;
    }
    if (e.unavailable || e.encs.isEmpty()) {
        m_signal.afterCommit([this, e] { host().sendNode(messageAck(e)); });
        return true;
    }

    const SignalAddress address = addressOf(senderDevice);
    std::optional<message::Content> content;
    QString failure;
    bool duplicate = false;
    bool peerIdentityChanged = false;
    for (const stanza::Enc &enc : e.encs) {
        QByteArray plaintext;
        if (enc.type == QLatin1String("pkmsg") || enc.type == QLatin1String("msg")) {
            auto r = enc.type == QLatin1String("pkmsg") ? m_signal.protocol().decryptPreKeyMessage(address, enc.bytes)
                                                        : m_signal.protocol().decryptMessage(address, enc.bytes);
            if (!r) {
                if (r.error() == SignalError::StoreUnavailable)
                    return false; // no receipt; tried again
                if (r.error() == SignalError::DuplicateMessage) {
                    duplicate = true;
                    continue;
                }
                failure = QString::fromLatin1(signalErrorName(r.error()));
                break;
            }
            peerIdentityChanged = peerIdentityChanged || r->identityChanged;
            plaintext = r->plaintext;
        } else if (enc.type == QLatin1String("skmsg") && e.isGroup()) {
            auto r = m_signal.protocol().groupDecrypt(e.from.toNonAd().toString(), address, enc.bytes);
            if (!r) {
                if (r.error() == SignalError::StoreUnavailable)
                    return false;
                if (r.error() == SignalError::DuplicateMessage) {
                    duplicate = true;
                    continue;
                }
                failure = r.error() == SignalError::NoSession ? QStringLiteral("no_sender_key")
                                                               : QString::fromLatin1(signalErrorName(r.error()));
                break;
            }
            plaintext = *r;
        } else {
            continue; // another envelope version (e.g. v3): not ours to read
        }
        auto decoded = message::decode(plaintext);
        plaintext.fill('\0');
        if (!decoded) {
            failure = QStringLiteral("bad_plaintext");
            break;
        }
        for (const message::SenderKeyDistribution &skdm : decoded->senderKeys) {
            if (auto r = m_signal.protocol().processSenderKeyDistribution(skdm.groupId, address, skdm.message); !r)
                qCInfo(lcWa) << "a sender key was refused:" << signalErrorName(r.error());
        }
        // The pairwise part of a group message often carries only the sender key; the text
        // comes with the skmsg that follows.
        if (!content || content->kind == message::Content::Kind::Empty)
            content = *decoded;
    }
    if (peerIdentityChanged)
        m_signal.afterCommit([this, user = senderUser.toString()] { emit identityChanged(user); });
    if (!failure.isEmpty() && (!content || content->kind == message::Content::Kind::Empty)) {
        sendRetry(e, failure);
        return true;
    }
    if (!content) {
        receiptAfterCommit(); // a duplicate, or nothing we can read
        return true;
    }
    Q_UNUSED(duplicate)
    m_recentReceived.insert(dedupe);
    m_recentOrder.append(dedupe);
    while (m_recentOrder.size() > kMaxRecent)
        m_recentReceived.remove(m_recentOrder.takeFirst());

    if (content->kind == message::Content::Kind::Protocol || content->kind == message::Content::Kind::Empty) {
        m_signal.batch().put(SignalRecordKind::Received, dedupe.toUtf8(), QByteArray("-"));
        receiptAfterCommit();
        return true;
    }
    IncomingMessage m;
    m.id = e.id;
    m.isGroup = e.isGroup();
    m.sender = senderUser.toString();
    m.senderPn = pnUser.isEmpty() ? QString() : Jid(pnUser, JidServer::User).toString();
    m.senderLid = lidUser.isEmpty() ? QString() : Jid(lidUser, JidServer::Lid).toString();
    m.senderDevice = senderDevice.toString();
    m.pushName = e.notify;
    m.fromMe = isOwnUser(senderUser);
    m.offline = e.offline;
    if (m.isGroup) {
        m.chat = e.from.toNonAd().toString();
    } else if (m.fromMe) {
        const Jid chat = content->deviceSentTo.value_or(e.recipient.value_or(senderUser)).toNonAd();
        m.chat = chat.toString();
        if (chat.server() == JidServer::User) {
            if (const auto lid = lidFor(chat.user()))
                m.chatLid = Jid(*lid, JidServer::Lid).toString();
        } else {
            m.chatLid = m.chat;
        }
    } else {
        m.chat = senderUser.toString();
        m.chatLid = m.senderLid;
    }
    m.type = content->kind == message::Content::Kind::Text ? QStringLiteral("text") : QStringLiteral("unsupported");
    m.waType = content->type;
    m.text = content->text;
    m.at = e.t > 0 ? e.t * 1000 : host().nowMs();
    // Saved with the ratchet step that produced it, in the same commit (pitfall 7).
    m_signal.batch().put(SignalRecordKind::Received, dedupe.toUtf8(), incomingMessageToJson(m));
    m_signal.afterCommit([this, e, m] {
        emit messageReceived(m);
        host().sendNode(stanza::deliveryReceipt(e));
    });
    return true;
}

void MessageFeature::sendRetry(const stanza::IncomingEnvelope &e, const QString &why)
{
    if (!m_retryCounts.contains(e.id))
        m_retryOrder.append(e.id);
    const int count = ++m_retryCounts[e.id];
    while (m_retryOrder.size() > kMaxRetryCounts)
        m_retryCounts.remove(m_retryOrder.takeFirst());
    qCInfo(lcWa) << "cannot decrypt a message (" << why << "); retry" << count;
    if (count > m_opt.maxRetries) {
        // The retries ran out: say so to the application, once, and let WhatsApp drop it.
        const Jid senderUser = e.senderDevice().toNonAd();
        IncomingMessage m;
        m.id = e.id;
        m.isGroup = e.isGroup();
        m.chat = m.isGroup ? e.from.toNonAd().toString() : senderUser.toString();
        m.sender = senderUser.toString();
        m.senderDevice = e.senderDevice().toString();
        m.pushName = e.notify;
        m.offline = e.offline;
        m.type = QStringLiteral("undecryptable");
        m.waType = why;
        m.at = e.t > 0 ? e.t * 1000 : host().nowMs();
        m_signal.batch().put(SignalRecordKind::Received, (senderUser.toString() + QLatin1Char('/') + e.id).toUtf8(), incomingMessageToJson(m));
        m_signal.afterCommit([this, e, m] {
            emit messageReceived(m);
            host().sendNode(messageAck(e));
        });
        return;
    }
    AuthState &auth = host().auth();
    std::optional<PreKeyBundle> keys;
    if (count >= 2) {
        // A fresh one-time pre-key, only for this peer: stored now, offered in the receipt.
        const quint32 id = auth.nextPreKeyId;
        const bool noneWaiting = auth.firstUnuploadedPreKeyId == auth.nextPreKeyId;
        auth.nextPreKeyId = auth.nextPreKeyId >= AuthState::kMaxPreKeyId ? 1 : auth.nextPreKeyId + 1;
        if (noneWaiting)
            auth.firstUnuploadedPreKeyId = auth.nextPreKeyId; // never uploaded for others
        KeyPair pair = KeyPair::generate();
        m_signal.batch().put(SignalRecordKind::PreKey, SignalProtocol::preKeyKey(id), SignalProtocol::preKeyRecord(id, pair));
        PreKeyBundle b;
        b.registrationId = auth.registrationId;
        b.identityKey = auth.identityKey.pub;
        b.signedPreKeyId = auth.signedPreKey.id;
        b.signedPreKey = auth.signedPreKey.keyPair.pub;
        b.signedPreKeySignature = auth.signedPreKey.signature;
        b.preKeyId = id;
        b.preKey = pair.pub;
        pair.priv.fill('\0');
        keys = b;
        host().persistAuth();
    }
    const Node receipt = stanza::retryReceipt(e, count, auth.registrationId, keys, auth.account);
    m_signal.afterCommit([this, e, receipt] {
        host().sendNode(receipt);
        host().sendNode(messageAck(e));
    });
}

void MessageFeature::handleReceipt(const Node &node)
{
    const auto parsed = stanza::parseReceipt(node);
    if (!parsed) {
        host().sendNode(stanza::ackFor(node));
        return;
    }
    if (parsed->type == QLatin1String("retry")) {
        answerRetry(*parsed, node);
        return;
    }
    MessageReceipt r;
    r.ids = parsed->ids;
    r.fromDevice = parsed->participant.value_or(parsed->from).toString();
    if (parsed->recipient)
        r.chat = parsed->recipient->toNonAd().toString(); // one of our own devices, about this chat
    else
        r.chat = parsed->from.toNonAd().toString();
    r.type = parsed->type;
    r.kind = receiptKind(parsed->type);
    r.at = parsed->t > 0 ? parsed->t * 1000 : host().nowMs();
    emit receiptReceived(r);
    host().sendNode(stanza::ackFor(node));
}

void MessageFeature::answerRetry(const stanza::IncomingReceipt &receipt, const Node &original)
{
    const QString id = receipt.ids.value(0);
    auto sent = m_sent.find(id);
    const Jid device = receipt.participant.value_or(receipt.from);
    if (sent == m_sent.end()) {
        qCInfo(lcWa) << "a retry receipt for a message no longer at hand";
        host().sendNode(stanza::ackFor(original));
        return;
    }
    if (++sent->retries[deviceKey(device)] > m_opt.maxRetries) {
        host().sendNode(stanza::ackFor(original));
        return;
    }
    const SignalAddress address = addressOf(device);
    const quint64 epoch = m_epoch;
    const auto resend = [this, id, device, address, count = receipt.retryCount, original, epoch] {
        if (epoch != m_epoch)
            return;
        auto it = m_sent.constFind(id);
        if (it == m_sent.cend())
            return;
        const bool own = isOwnUser(device.toNonAd());
        const QByteArray plaintext = own ? message::encodeDeviceSent(it->chat, it->plaintext) : it->plaintext;
        auto c = m_signal.protocol().encrypt(address, message::pad(plaintext));
        if (!c) {
            host().sendNode(stanza::ackFor(original));
            return;
        }
        const Node stanza = stanza::retryMessageStanza(device, id, QStringLiteral("text"), it->t, *c, count,
                                                       host().auth().account);
        m_signal.afterCommit([this, stanza, original] {
            host().sendNode(stanza);
            host().sendNode(stanza::ackFor(original));
        });
        commit();
    };
    if (receipt.keys) {
        PreKeyBundle keys = *receipt.keys;
        keys.deviceId = device.device();
        if (!m_signal.protocol().processBundle(address, keys))
            qCInfo(lcWa) << "the keys of a retry receipt were refused";
        resend();
        return;
    }
    const auto has = m_signal.protocol().hasSession(address);
    if (has && *has) {
        resend();
        return;
    }
    // No session with the device that asks: fetch its bundle first.
    host().sendIq(stanza::preKeyFetch({device}), m_opt.iqTimeoutMs,
                  [this, epoch, device, address, resend, original](const Node &response) {
                      if (epoch != m_epoch)
                          return;
                      const auto parsed = stanza::parsePreKeyFetchResult(response);
                      if (parsed && !parsed->isEmpty() && parsed->first().bundle) {
                          PreKeyBundle b = *parsed->first().bundle;
                          b.deviceId = device.device();
                          if (m_signal.protocol().processBundle(address, b)) {
                              resend();
                              return;
                          }
                      }
                      host().sendNode(stanza::ackFor(original));
                  },
                  [this, epoch, original] {
                      if (epoch == m_epoch)
                          host().sendNode(stanza::ackFor(original));
                  });
}

void MessageFeature::handleNotification(const Node &n)
{
    const QString type = n.attr("type");
    auto from = n.jidAttr("from");
    if (!from)
        from = Jid::parse(n.attr("from"));
    if (!from || from->isServer())
        return;
    const Jid user = from->toNonAd();
    const auto forgetLists = [this, &user] {
        m_deviceLists.remove(userKey(user));
        if (user.server() == JidServer::User) {
            if (const auto lid = lidFor(user.user()))
                m_deviceLists.remove(userKey(Jid(*lid, JidServer::Lid)));
        } else if (const auto pn = pnFor(user.user())) {
            m_deviceLists.remove(userKey(Jid(*pn, JidServer::User)));
        }
    };
    if (type == QLatin1String("devices")) {
        forgetLists();
    } else if (type == QLatin1String("encrypt") && n.hasChild("identity")) {
        // A reinstalled phone: every session with that user starts over (as whatsmeow does).
        forgetLists();
        QStringList names{SignalAddress::fromJid(user).name};
        if (user.server() == JidServer::User) {
            if (const auto lid = lidFor(user.user()))
                names.append(SignalAddress::fromJid(Jid(*lid, JidServer::Lid)).name);
        }
        for (const QString &name : names)
            (void)m_signal.protocol().forgetName(name);
        m_signal.afterCommit([this, u = user.toString()] { emit identityChanged(u); });
        commit();
    }
}

// ---------------------------------------------------------------------------------------------
// Receipts, chat state and presence out

Result<void> MessageFeature::markRead(const QString &chat, const QString &sender, const QStringList &ids)
{
    if (!host().isReady())
        return Error::unavailable(QStringLiteral("the session is not connected to WhatsApp"));
    std::optional<Jid> chatJid = parseRecipient(chat);
    std::optional<Jid> participant;
    if (!chatJid) {
        chatJid = Jid::parse(chat);
        if (!chatJid || chatJid->server() != JidServer::Group)
            return Error::invalidArgument(QStringLiteral("chat must be a phone number, a user JID or a group JID"),
                                          QStringLiteral("chat"));
        participant = parseRecipient(sender);
        if (!participant)
            return Error::invalidArgument(QStringLiteral("a group read receipt needs the sender"), QStringLiteral("sender"));
    }
    if (ids.isEmpty())
        return Error::invalidArgument(QStringLiteral("at least one message id is needed"), QStringLiteral("ids"));
    for (const QString &id : ids) {
        if (!message::isValidId(id))
            return Error::invalidArgument(QStringLiteral("a message id is malformed"), QStringLiteral("ids"));
    }
    for (qsizetype i = 0; i < ids.size(); i += kMaxReadIds) {
        if (!host().sendNode(stanza::readReceipt(*chatJid, participant, ids.mid(i, kMaxReadIds), host().serverNowSeconds())))
            return Error::unavailable(QStringLiteral("the connection to WhatsApp is gone"));
    }
    return {};
}

Result<void> MessageFeature::sendChatState(const QString &chat, ChatState state)
{
    if (!host().isReady())
        return Error::unavailable(QStringLiteral("the session is not connected to WhatsApp"));
    auto to = parseRecipient(chat);
    if (!to) {
        to = Jid::parse(chat);
        if (!to || to->server() != JidServer::Group)
            return Error::invalidArgument(QStringLiteral("chat must be a phone number, a user JID or a group JID"),
                                          QStringLiteral("chat"));
    }
    if (!host().sendNode(stanza::chatState(*to, state == ChatState::Composing ? stanza::ChatStateKind::Composing
                                                                             : stanza::ChatStateKind::Paused)))
        return Error::unavailable(QStringLiteral("the connection to WhatsApp is gone"));
    return {};
}

Result<void> MessageFeature::setPresence(bool available)
{
    if (!host().isReady())
        return Error::unavailable(QStringLiteral("the session is not connected to WhatsApp"));
    if (!host().sendNode(stanza::presence(available, host().auth().pushName)))
        return Error::unavailable(QStringLiteral("the connection to WhatsApp is gone"));
    return {};
}

void MessageFeature::lookupContact(const QString &digits, std::function<void(Result<ContactLookup>)> done)
{
    if (!host().isReady())
        return done(Error::unavailable(QStringLiteral("the session is not connected to WhatsApp")));
    const quint64 token = ++m_nextLookup;
    m_contactLookups.insert(token, std::move(done));
    const auto finish = [this, token](Result<ContactLookup> r) {
        auto waiting = m_contactLookups.take(token);
        if (waiting)
            waiting(std::move(r));
    };
    const QString sid = QString::fromLatin1(secureRandomBytes(8).toHex());
    host().sendIq(
        stanza::usyncContactQuery({QLatin1Char('+') + digits}, sid), m_opt.iqTimeoutMs,
        [this, digits, finish](const Node &response) {
            const auto parsed = stanza::parseUsyncResult(response);
            if (!parsed)
                return finish(Error::unavailable(QStringLiteral("WhatsApp refused the contact query: %1").arg(parsed.error())));
            ContactLookup out;
            out.phoneNumber = digits;
            for (const stanza::UsyncUser &u : *parsed) {
                if (u.user.user() != digits || !u.onWhatsApp.value_or(false))
                    continue;
                out.onWhatsApp = true;
                out.jid = u.user.toString();
                if (u.lid) {
                    out.lid = u.lid->toString();
                    learnLid(u.user.user(), u.lid->user());
                }
            }
            finish(out);
        },
        [finish] { finish(Error::unavailable(QStringLiteral("WhatsApp did not answer the contact query in time"))); });
}

// ---------------------------------------------------------------------------------------------
// Routing and lifetime

bool MessageFeature::handleNode(const Node &node)
{
    const QString &tag = node.tag();
    if (tag == QLatin1String("message")) {
        auto envelope = stanza::parseMessage(node);
        if (!envelope) {
            qCWarning(lcWa) << "a malformed message stanza was refused:" << envelope.error();
            host().sendNode(stanza::ackFor(node, 487));
            return true;
        }
        m_inbox.append(std::move(*envelope));
        scheduleInbox();
        return true;
    }
    if (tag == QLatin1String("receipt")) {
        // A retry receipt reads and writes the Signal state: out of the socket's read handler.
        if (node.attr("type") == QLatin1String("retry")) {
            const quint64 epoch = m_epoch;
            QMetaObject::invokeMethod(
                this, [this, epoch, node] {
                    if (epoch == m_epoch)
                        handleReceipt(node);
                },
                Qt::QueuedConnection);
        } else {
            handleReceipt(node);
        }
        return true;
    }
    if (tag == QLatin1String("ack")) {
        if (node.attr("class") == QLatin1String("message"))
            handleAck(node);
        return true;
    }
    if (tag == QLatin1String("notification")) {
        const QString type = node.attr("type");
        if (type == QLatin1String("devices") || (type == QLatin1String("encrypt") && node.hasChild("identity"))) {
            const quint64 epoch = m_epoch;
            QMetaObject::invokeMethod(
                this, [this, epoch, node] {
                    if (epoch == m_epoch)
                        handleNotification(node);
                },
                Qt::QueuedConnection);
        }
        return false; // others may want it too (pre-keys)
    }
    if (tag == QLatin1String("ib")) {
        const Node offline = node.child("offline");
        if (!offline.isNull())
            emit offlineDelivered(int(offline.intAttr("count").value_or(0)));
        return false;
    }
    return false;
}

void MessageFeature::onReady()
{
    AuthState &auth = host().auth();
    const auto own = auth.deviceJid();
    const auto lid = Jid::parse(auth.lid);
    if (own && lid)
        learnLid(own->user(), lid->user());
    m_signal.setIdentity(signalIdentityOf(auth));
    commit();
    if (m_opt.markOnline)
        (void)setPresence(true);
    schedulePump();
}

void MessageFeature::onDisconnected()
{
    ++m_epoch;
    m_pumpScheduled = false;
    m_inboxScheduled = false;
    m_ackTimer.stop();
    m_commitRetry.stop();
    m_commitFailures = 0;
    // What was decrypted is saved if the store lets us (WhatsApp then finds it receipted or
    // deduplicated next time); otherwise it is dropped and WhatsApp delivers it again.
    if (m_signal.hasPending() && !m_signal.flush())
        m_signal.discardPending();
    m_inbox.clear();
    m_usyncInFlight.clear();
    m_bundlesInFlight.clear();
    m_bundleFailed.clear();
    const QList<Job> queued = std::exchange(m_queue, {});
    for (const Job &j : queued)
        fail(j.request.id, send_failure::NotConnected, QStringLiteral("the connection ended before the message left"), 0, true);
    const QList<QString> unacked = m_awaitingAck.keys();
    m_awaitingAck.clear();
    m_ackDeadlines.clear();
    for (const QString &id : unacked)
        fail(id, send_failure::NotConnected,
             QStringLiteral("the connection ended before WhatsApp acknowledged the message; sending it again is safe"), 0, true);
    const auto lookups = std::exchange(m_contactLookups, {});
    for (const auto &done : lookups)
        done(Error::unavailable(QStringLiteral("the connection to WhatsApp ended before it answered")));
    m_signal.releaseIdle();
}

void MessageFeature::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_commitRetry.timerId()) {
        m_commitRetry.stop();
        commit();
        if (!m_inbox.isEmpty())
            processInbox();
        return;
    }
    if (event->timerId() != m_ackTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_ackTimer.stop();
    const qint64 now = m_clock.elapsed();
    QStringList expired;
    while (!m_ackDeadlines.empty() && m_ackDeadlines.begin()->first <= now) {
        const auto [deadline, id] = *m_ackDeadlines.begin();
        m_ackDeadlines.erase(m_ackDeadlines.begin());
        auto it = m_awaitingAck.find(id);
        if (it != m_awaitingAck.end() && *it == deadline) {
            m_awaitingAck.erase(it);
            expired.append(id);
        }
    }
    if (!m_ackDeadlines.empty())
        m_ackTimer.start(int(qMax<qint64>(0, m_ackDeadlines.begin()->first - now)), this);
    for (const QString &id : expired)
        fail(id, send_failure::AckTimeout,
             QStringLiteral("WhatsApp did not acknowledge the message in %1 s; sending it again is safe").arg(m_opt.ackTimeoutMs / 1000),
             0, true);
}

} // namespace wagate::wa
