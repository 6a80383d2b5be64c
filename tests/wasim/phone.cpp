#include "phone.h"

#include "wa/crypto/xeddsa.h"

#include <QRandomGenerator>

namespace wagate::wasim {

namespace {
constexpr quint16 kMaxDeviceIndex = 255; // an AD_JID carries the device in one byte
constexpr int kPreKeyStock = 20;         // one-time keys the primary keeps ready
} // namespace

Phone::Phone(QString number, QString pushName, bool business, QString lid)
    : m_number(std::move(number)),
      m_pushName(std::move(pushName)),
      m_business(business),
      m_lid(std::move(lid)),
      m_identity(wa::KeyPair::generate()),
      m_rawId(QRandomGenerator::system()->generate())
{
    setUpSignal();
}

void Phone::setUpSignal()
{
    m_signalIdentity = {};
    m_signalIdentity.identityKey = m_identity;
    // Large ids, as real phones use (MESSAGING.md §14).
    m_signalIdentity.registrationId = QRandomGenerator::system()->bounded(1u, 0x7FFFFFFFu);
    m_signalIdentity.signedPreKeyId = QRandomGenerator::system()->bounded(1u, 0xFFFFFEu);
    m_signalIdentity.signedPreKey = wa::KeyPair::generate();
    m_signalIdentity.signedPreKeySignature =
        wa::xeddsa::sign(m_identity.priv, QByteArray(1, '\x05') + m_signalIdentity.signedPreKey.pub);
    m_signalStore = std::make_unique<wa::MemorySignalStore>();
    m_signal = std::make_unique<wa::SignalProtocol>(m_signalIdentity, m_signalStore.get());
    m_freePreKeys.clear();
}

wa::PreKeyBundle Phone::takeBundle()
{
    if (m_freePreKeys.size() < 5) {
        QList<wa::SignalChange> changes;
        while (m_freePreKeys.size() < kPreKeyStock) {
            const quint32 id = m_nextPreKeyId;
            m_nextPreKeyId = m_nextPreKeyId >= 0xFFFFFE ? 1 : m_nextPreKeyId + 1;
            changes.append({wa::SignalRecordKind::PreKey, wa::SignalProtocol::preKeyKey(id),
                            wa::SignalProtocol::preKeyRecord(id, wa::KeyPair::generate())});
            m_freePreKeys.append(id);
        }
        (void)m_signalStore->apply(changes); // in memory: cannot fail
    }
    wa::PreKeyBundle b;
    b.registrationId = m_signalIdentity.registrationId;
    b.deviceId = 0;
    b.identityKey = m_signalIdentity.identityKey.pub;
    b.signedPreKeyId = m_signalIdentity.signedPreKeyId;
    b.signedPreKey = m_signalIdentity.signedPreKey.pub;
    b.signedPreKeySignature = m_signalIdentity.signedPreKeySignature;
    const quint32 id = m_freePreKeys.takeFirst();
    const auto record = m_signalStore->load(wa::SignalRecordKind::PreKey, wa::SignalProtocol::preKeyKey(id));
    if (record && *record) {
        b.preKeyId = id;
        b.preKey = wa::SignalProtocol::preKeyRecordPublic(**record);
    }
    return b;
}

void Phone::reinstall()
{
    m_identity = wa::KeyPair::generate();
    setUpSignal();
    m_received.clear();
    m_sent.clear();
    m_sentOrder.clear();
    chatStates.clear();
    failDecryptions = 0;
}

QString Phone::platformName() const
{
    return m_business ? QStringLiteral("smba") : QStringLiteral("android");
}

wa::Jid Phone::jid(quint16 device) const
{
    return wa::Jid(m_number, wa::JidServer::User, device);
}

wa::Jid Phone::lidJid(quint16 device) const
{
    return wa::Jid(m_lid, wa::JidServer::Lid, device);
}

LinkedDevice *Phone::device(quint16 index)
{
    auto it = m_devices.find(index);
    return it == m_devices.end() ? nullptr : &it.value();
}

const LinkedDevice *Phone::device(quint16 index) const
{
    auto it = m_devices.constFind(index);
    return it == m_devices.constEnd() ? nullptr : &it.value();
}

std::optional<quint16> Phone::reserveIndex()
{
    const auto taken = [this](quint16 i) { return m_devices.contains(i) || m_reserved.contains(i); };
    if (m_nextIndex <= kMaxDeviceIndex && !taken(m_nextIndex)) {
        const quint16 index = m_nextIndex++;
        m_reserved.insert(index);
        return index;
    }
    for (quint16 i = 1; i <= kMaxDeviceIndex; ++i) {
        if (!taken(i)) {
            m_reserved.insert(i);
            m_nextIndex = quint16(i + 1);
            return i;
        }
    }
    return std::nullopt;
}

void Phone::releaseIndex(quint16 index)
{
    m_reserved.remove(index);
}

void Phone::addDevice(LinkedDevice device)
{
    m_reserved.remove(device.index);
    m_devices.insert(device.index, std::move(device));
}

bool Phone::removeDevice(quint16 index)
{
    return m_devices.remove(index) > 0;
}

PhoneInfo Phone::info() const
{
    return {m_number, m_pushName, m_business, m_lid, m_identity.pub};
}

} // namespace wagate::wasim
