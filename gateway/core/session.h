#pragma once

#include <QList>
#include <QMetaType>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace wagate {

//! The statuses of API.md, in their wire spelling.
enum class SessionStatus {
    Unpaired,
    Stopped,
    Starting,
    ScanQrCode,
    PairingCode,
    Working,
    Reconnecting,
    Failed,
    LoggedOut,
};

QString sessionStatusName(SessionStatus status);
std::optional<SessionStatus> sessionStatusFromName(QStringView name);
//! Every status, in declaration order (for documentation, filters and tests).
const QList<SessionStatus> &allSessionStatuses();

//! What the operator asked for; restored after a restart (a started session is started again).
enum class DesiredState { Stopped, Running };

//! The rules every layer applies to a session's status, decided once here.
//! A number is attached once pairing stored a JID, until logout or unlinking wipes it again.
bool hasNumberAttached(SessionStatus status, bool hasJid);
//! A connection to WhatsApp is wanted or open: connecting, logged in, or reconnecting.
bool isConnectedStatus(SessionStatus status);
//! A connection or a pairing is under way, so stopping it means something.
bool isActiveStatus(SessionStatus status);
//! A phone number as WhatsApp wants it for pairing codes: the international number in 7–15 digits,
//! without "+" or a leading 0. Returns the reason it is not one, or an empty string.
QString phoneNumberProblem(QStringView digits);

struct StatusTransition;
//! A status transition as the API shows it (the data of a session.status event).
QJsonObject transitionResource(const StatusTransition &t);

struct SessionInfo;
//! The data of a session.sending_paused event: session, organization, until (null when resumed), reason, at.
QJsonObject sessionPauseResource(const SessionInfo &s);

struct LastError
{
    QString code;
    QString message;
    qint64 at = 0;

    bool operator==(const LastError &) const = default;
};

//! A value snapshot of one session row. Crosses threads by value; never a pointer into the engine.
struct SessionInfo
{
    QString id;
    QString organizationId;
    QString label;
    QString phoneNumber; //!< empty = null in the API
    QString waJid;
    QString waLid;
    SessionStatus status = SessionStatus::Unpaired;
    DesiredState desiredState = DesiredState::Stopped;
    QString gatewayId;
    bool isAdminSession = false;
    bool autoRead = false;
    bool presenceTyping = true;
    int ratePerHour = 600;
    int ratePerMin = 20;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QString createdByUserId;
    qint64 lastConnectedAt = 0; //!< 0 = null in the API
    qint64 statusChangedAt = 0;
    std::optional<LastError> lastError;
    qint64 sendingPausedUntil = 0; //!< the outbox waits for WhatsApp's limit until then (0 = null)
    QString sendingPausedReason;   //!< reach_out_timelock (new chats only) or rate_overlimit

    bool hasNumber() const { return !waJid.isEmpty(); }
    bool hasNumberAttached() const { return wagate::hasNumberAttached(status, hasNumber()); }
    bool operator==(const SessionInfo &) const = default;
};

//! One entry of the status-transition log.
struct StatusTransition
{
    QString id; //!< ULID, also the SSE event id
    QString sessionId;
    QString organizationId;
    SessionStatus previousStatus = SessionStatus::Unpaired;
    SessionStatus status = SessionStatus::Unpaired;
    QString reason;
    qint64 at = 0;
};

//! Fields a caller may set when creating a session; absent fields take the defaults.
struct SessionCreate
{
    QString label;
    std::optional<bool> autoRead;
    std::optional<bool> presenceTyping;
    std::optional<int> ratePerMin;
    std::optional<int> ratePerHour;
    std::optional<bool> isAdminSession;
};

//! Fields a caller may change; absent fields stay as they are.
struct SessionPatch
{
    std::optional<QString> label;
    std::optional<bool> autoRead;
    std::optional<bool> presenceTyping;
    std::optional<int> ratePerMin;
    std::optional<int> ratePerHour;
};

//! Limits for the pacing fields, shared by the API validation and the console.
namespace limits {
constexpr int kMinRatePerMin = 1;
constexpr int kMaxRatePerMin = 1000;
constexpr int kMinRatePerHour = 1;
constexpr int kMaxRatePerHour = 60000;
constexpr int kMaxLabelLength = 100;
} // namespace limits

} // namespace wagate

Q_DECLARE_METATYPE(wagate::SessionInfo)
Q_DECLARE_METATYPE(wagate::StatusTransition)
