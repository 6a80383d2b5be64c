#include "session.h"

namespace wagate {

QString sessionStatusName(SessionStatus status)
{
    switch (status) {
    case SessionStatus::Unpaired: return QStringLiteral("unpaired");
    case SessionStatus::Stopped: return QStringLiteral("stopped");
    case SessionStatus::Starting: return QStringLiteral("starting");
    case SessionStatus::ScanQrCode: return QStringLiteral("scan_qr_code");
    case SessionStatus::PairingCode: return QStringLiteral("pairing_code");
    case SessionStatus::Working: return QStringLiteral("working");
    case SessionStatus::Reconnecting: return QStringLiteral("reconnecting");
    case SessionStatus::Failed: return QStringLiteral("failed");
    case SessionStatus::LoggedOut: return QStringLiteral("logged_out");
    }
    return QStringLiteral("failed");
}

const QList<SessionStatus> &allSessionStatuses()
{
    static const QList<SessionStatus> all{
        SessionStatus::Unpaired, SessionStatus::Stopped,      SessionStatus::Starting,
        SessionStatus::ScanQrCode, SessionStatus::PairingCode, SessionStatus::Working,
        SessionStatus::Reconnecting, SessionStatus::Failed,   SessionStatus::LoggedOut,
    };
    return all;
}

std::optional<SessionStatus> sessionStatusFromName(QStringView name)
{
    for (SessionStatus s : allSessionStatuses())
        if (name == sessionStatusName(s))
            return s;
    return std::nullopt;
}

} // namespace wagate
