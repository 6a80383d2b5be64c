#include "disconnectreason.h"

#include <QDateTime>

namespace wagate::wa {

const char *disconnectOutcomeName(DisconnectOutcome outcome)
{
    switch (outcome) {
    case DisconnectOutcome::Retryable: return "retryable";
    case DisconnectOutcome::Restart: return "restart";
    case DisconnectOutcome::LoggedOut: return "logged_out";
    case DisconnectOutcome::Replaced: return "replaced";
    case DisconnectOutcome::TemporarilyBanned: return "temporarily_banned";
    case DisconnectOutcome::Banned: return "banned";
    case DisconnectOutcome::Outdated: return "outdated";
    case DisconnectOutcome::Rejected: return "rejected";
    case DisconnectOutcome::BadCertificate: return "bad_certificate";
    case DisconnectOutcome::HandshakeFailed: return "handshake_failed";
    case DisconnectOutcome::ProtocolError: return "protocol_error";
    case DisconnectOutcome::FrameTooLarge: return "frame_too_large";
    case DisconnectOutcome::PairingFailed: return "pairing_failed";
    case DisconnectOutcome::PairingExpired: return "pairing_expired";
    case DisconnectOutcome::Closed: return "closed";
    }
    return "unknown";
}

bool credentialsRevoked(DisconnectOutcome outcome)
{
    return outcome == DisconnectOutcome::LoggedOut || outcome == DisconnectOutcome::Banned;
}

DisconnectReason DisconnectReason::fromStreamError(const Node &streamError)
{
    const QString code = streamError.attr("code");
    const Node conflict = streamError.child("conflict");
    const QString conflictType = conflict.isNull() ? QString() : conflict.attr("type");

    if (conflictType == QLatin1String("device_removed"))
        return {DisconnectOutcome::LoggedOut, conflictType,
                QStringLiteral("This device was removed from the account on the phone."), 0};
    if (conflictType == QLatin1String("replaced"))
        return {DisconnectOutcome::Replaced, conflictType,
                QStringLiteral("Another connection with the same credentials replaced this one."), 0};
    if (code == QLatin1String("515"))
        return {DisconnectOutcome::Restart, code, QStringLiteral("WhatsApp asked for a reconnect (restart required)."), 0};
    if (code == QLatin1String("401"))
        return {DisconnectOutcome::LoggedOut, code, QStringLiteral("WhatsApp no longer accepts this device (401)."), 0};
    if (code == QLatin1String("503"))
        return {DisconnectOutcome::Retryable, code, QStringLiteral("WhatsApp is temporarily unavailable (503)."), 0};
    if (code == QLatin1String("500"))
        return {DisconnectOutcome::Retryable, code, QStringLiteral("WhatsApp reported an internal error (500)."), 0};

    // Unknown: name it by its code, conflict type or first child, and try again later.
    QString what = !code.isEmpty() ? code : conflictType;
    if (what.isEmpty() && !streamError.children().isEmpty())
        what = streamError.children().first().tag();
    if (what.isEmpty())
        what = QStringLiteral("stream_error");
    return {DisconnectOutcome::Retryable, what, QStringLiteral("WhatsApp ended the stream (%1).").arg(what), 0};
}

DisconnectReason DisconnectReason::fromFailure(const Node &failure, qint64 nowMs)
{
    const QString reason = failure.attr("reason");
    const int value = reason.toInt();
    switch (value) {
    case 401:
        return {DisconnectOutcome::LoggedOut, reason,
                QStringLiteral("WhatsApp refused the login: the device was logged out (401)."), 0};
    case 403:
        return {DisconnectOutcome::LoggedOut, reason,
                QStringLiteral("WhatsApp refused the login: the main device is gone or locked (403)."), 0};
    case 406:
        return {DisconnectOutcome::Banned, reason,
                QStringLiteral("WhatsApp refused the login: the account is banned or logged out (406)."), 0};
    case 402: {
        const auto expire = failure.intAttr("expire");
        const qint64 until = expire && *expire > 0 ? nowMs + *expire * 1000 : 0;
        const QString banCode = failure.attr("code");
        QString message = QStringLiteral("The account is temporarily banned");
        if (!banCode.isEmpty())
            message += QStringLiteral(" (ban code %1)").arg(banCode);
        message += until ? QStringLiteral(" until %1.").arg(QDateTime::fromMSecsSinceEpoch(until, Qt::UTC).toString(Qt::ISODate))
                         : QStringLiteral(".");
        return {DisconnectOutcome::TemporarilyBanned, reason, message, until};
    }
    case 405:
        return {DisconnectOutcome::Outdated, reason,
                QStringLiteral("WhatsApp refused this client version as outdated (405). Set the current WhatsApp Web "
                               "version with --wa-version, or update the gateway."), 0};
    case 409:
        return {DisconnectOutcome::Outdated, reason,
                QStringLiteral("WhatsApp refused this client's user agent (409); update the gateway."), 0};
    case 500:
    case 503:
        return {DisconnectOutcome::Retryable, reason,
                QStringLiteral("WhatsApp could not log in this device right now (%1).").arg(reason), 0};
    default:
        break;
    }
    const QString what = reason.isEmpty() ? QStringLiteral("failure") : reason;
    return {DisconnectOutcome::Rejected, what, QStringLiteral("WhatsApp refused the login (%1).").arg(what), 0};
}

} // namespace wagate::wa
