#pragma once

#include "wa/client/authstate.h"

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace wagate::wa {

//! How this companion presents itself to WhatsApp and on the phone's "Linked devices" list. The
//! defaults mirror a desktop browser client; WhatsApp rejects stale app versions with failure 405,
//! so the version is configurable rather than buried in code.
struct ClientProfile
{
    quint32 versionPrimary = 2;
    quint32 versionSecondary = 3000;
    quint32 versionTertiary = 1045649367;
    QString os = QStringLiteral("Wagate");           //!< DeviceProps.os: the name the phone shows
    int devicePlatformType = 1;                       //!< DeviceProps.PlatformType, 1 = CHROME
    QString qrPlatform = QStringLiteral("1");         //!< QR PLATFORM field and companion_platform_id (1 = Chrome)
    QString platformDisplay = QStringLiteral("Chrome (Linux)"); //!< companion_platform_display "Browser (OS)"
    QString localeLanguage = QStringLiteral("en");
    QString localeCountry = QStringLiteral("US");

    //! "2.3000.1045649367": hashed into the registration payload's buildHash.
    QString versionString() const;
};

//! The ClientPayload the Noise handshake carries (PROTOCOL.md §3), as serialized protobuf bytes.
namespace clientpayload {

//! A new device's registration: Signal keys, build hash and device properties; passive and pull
//! explicitly false.
QByteArray registration(const AuthState &state, const ClientProfile &profile);
//! A paired device's login: username and device from the JID, passive and pull true. An error if
//! the state has no usable device JID.
Result<QByteArray> login(const AuthState &state, const ClientProfile &profile);

} // namespace clientpayload

} // namespace wagate::wa
