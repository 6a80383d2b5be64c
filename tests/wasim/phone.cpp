#include "phone.h"

#include <QRandomGenerator>

namespace wagate::wasim {

namespace {
constexpr quint16 kMaxDeviceIndex = 255; // an AD_JID carries the device in one byte
} // namespace

Phone::Phone(QString number, QString pushName, bool business, QString lid)
    : m_number(std::move(number)),
      m_pushName(std::move(pushName)),
      m_business(business),
      m_lid(std::move(lid)),
      m_identity(wa::KeyPair::generate()),
      m_rawId(QRandomGenerator::system()->generate())
{
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
