#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "core/session.h"
#include "store/sessionrepository.h"

#include <optional>

namespace wagate {

class SessionEvents;
class SessionManager;

//! A QR code to show: valid until expiresAt (ms since the epoch). Contains keys: never log it.
struct QrCode
{
    QString qr;
    qint64 expiresAt = 0;
};

//! What one event stream may carry: an organization's (or one session's) transitions, and QR and
//! pairing codes only for callers who may manage sessions.
struct EventScope
{
    QString organizationId;
    QString sessionId; //!< empty = the whole organization
    bool withCodes = false;
};

//! What the HTTP API and the console do with sessions: one authorization path for both. Every
//! method checks the caller's capability and scopes to the caller's organization (another
//! organization's session is not_found, never forbidden). Lives on the engine thread.
class SessionService
{
public:
    SessionService(SessionRepository &repo, SessionManager &manager, SessionEvents &events, QString gatewayId);

    Result<SessionInfo> create(const Principal &caller, const SessionCreate &request);
    Result<SessionInfo> get(const Principal &caller, const QString &id);
    Result<SessionPage> list(const Principal &caller, std::optional<SessionStatus> status, const QString &afterId,
                             int pageSize);
    Result<SessionInfo> update(const Principal &caller, const QString &id, const SessionPatch &patch);
    Result<void> remove(const Principal &caller, const QString &id);
    Result<SessionInfo> start(const Principal &caller, const QString &id);
    Result<SessionInfo> stop(const Principal &caller, const QString &id);
    Result<SessionInfo> logout(const Principal &caller, const QString &id);
    //! Begins QR pairing (manage); failed_precondition when a number is already attached. A QR
    //! pairing in progress goes on (its code stays valid).
    Result<SessionInfo> beginQrPairing(const Principal &caller, const QString &id);
    //! The QR code of a QR pairing in progress (manage), without starting anything: nullopt while its
    //! first code is on its way; failed_precondition (details.reason) when a number is attached
    //! (number_attached), a pairing code is in progress (pairing_code_in_progress) or no QR pairing
    //! runs (no_qr_pairing).
    Result<std::optional<QrCode>> currentQr(const Principal &caller, const QString &id);
    //! Who may follow events (read): the organization's, or one session's (sessionId).
    Result<EventScope> eventScope(const Principal &caller, const QString &sessionId = {});
    //! Begins pairing-code pairing for phoneNumber: international digits, no "+", 7–15 digits.
    Result<SessionInfo> beginCodePairing(const Principal &caller, const QString &id, const QString &phoneNumber);
    //! The latest status transitions of a session (read), oldest first.
    Result<QList<StatusTransition>> history(const Principal &caller, const QString &id, int limit);

    const QString &gatewayId() const { return m_gatewayId; }

    static constexpr int kDefaultPageSize = 50;
    static constexpr int kMaxPageSize = 500;

private:
    Result<SessionInfo> load(const Principal &caller, Capability needed, const QString &id);
    //! A session served by another gateway node cannot be driven from here.
    Result<void> requireLocal(const SessionInfo &s) const;
    //! What every call that drives a session's connection starts with: load (manage), then local.
    Result<SessionInfo> loadLocal(const Principal &caller, const QString &id);

    SessionRepository &m_repo;
    SessionManager &m_manager;
    SessionEvents &m_events;
    QString m_gatewayId;
};

//! Checks rates and labels; shared by create and patch (and the console's forms).
Result<void> validateLabel(const QString &label);
Result<void> validateRates(std::optional<int> perMin, std::optional<int> perHour);
//! A phone number as WhatsApp wants it for pairing codes (core's rule, in the API's words).
Result<void> validatePhoneNumber(const QString &digits);

} // namespace wagate
