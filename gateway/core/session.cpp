#include "session.h"

#include "jsonvalues.h"

#include <QJsonObject>

namespace wagate {

bool hasNumberAttached(SessionStatus status, bool hasJid)
{
    return hasJid && status != SessionStatus::LoggedOut && status != SessionStatus::Unpaired;
}

bool isConnectedStatus(SessionStatus s)
{
    return s == SessionStatus::Starting || s == SessionStatus::Working || s == SessionStatus::Reconnecting;
}

bool isActiveStatus(SessionStatus s)
{
    return isConnectedStatus(s) || s == SessionStatus::ScanQrCode || s == SessionStatus::PairingCode;
}

QString phoneNumberProblem(QStringView digits)
{
    if (digits.isEmpty())
        return QStringLiteral("the number is empty");
    for (QChar c : digits)
        if (c < u'0' || c > u'9')
            return QStringLiteral("only digits, without + or spaces");
    if (digits.startsWith(u'0'))
        return QStringLiteral("the international number, without a leading 0");
    if (digits.size() < 7 || digits.size() > 15)
        return QStringLiteral("7 to 15 digits");
    return {};
}

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

QJsonObject transitionResource(const StatusTransition &t)
{
    return QJsonObject{
        {QStringLiteral("id"), t.id},
        {QStringLiteral("sessionId"), t.sessionId},
        {QStringLiteral("organizationId"), t.organizationId},
        {QStringLiteral("status"), sessionStatusName(t.status)},
        {QStringLiteral("previousStatus"), sessionStatusName(t.previousStatus)},
        {QStringLiteral("at"), t.at},
        {QStringLiteral("reason"), t.reason},
    };
}

QJsonObject sessionPauseResource(const SessionInfo &s)
{
    const bool paused = s.sendingPausedUntil != 0;
    return QJsonObject{{QStringLiteral("sessionId"), s.id},
                       {QStringLiteral("organizationId"), s.organizationId},
                       {QStringLiteral("sendingPausedUntil"), json::timeOrNull(s.sendingPausedUntil)},
                       {QStringLiteral("sendingPausedReason"), paused ? json::textOrNull(s.sendingPausedReason) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("at"), s.updatedAt}};
}

} // namespace wagate
