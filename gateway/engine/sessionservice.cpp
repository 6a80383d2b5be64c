#include "sessionservice.h"

#include "core/ids.h"
#include "core/logging.h"
#include "sessionevents.h"
#include "sessionmanager.h"

#include <QDateTime>

#include <algorithm>

namespace wagate {

Result<void> validateLabel(const QString &label)
{
    const QString t = label.trimmed();
    if (t.isEmpty())
        return Error::invalidArgument(QStringLiteral("label must not be empty"), QStringLiteral("label"));
    if (t.size() > limits::kMaxLabelLength)
        return Error::invalidArgument(QStringLiteral("label must be at most %1 characters").arg(limits::kMaxLabelLength),
                                      QStringLiteral("label"));
    for (QChar c : t)
        if (c.category() == QChar::Other_Control)
            return Error::invalidArgument(QStringLiteral("label must not contain control characters"), QStringLiteral("label"));
    return {};
}

Result<void> validateRates(std::optional<int> perMin, std::optional<int> perHour)
{
    if (perMin && (*perMin < limits::kMinRatePerMin || *perMin > limits::kMaxRatePerMin))
        return Error::invalidArgument(QStringLiteral("ratePerMin must be between %1 and %2")
                                          .arg(limits::kMinRatePerMin).arg(limits::kMaxRatePerMin),
                                      QStringLiteral("ratePerMin"));
    if (perHour && (*perHour < limits::kMinRatePerHour || *perHour > limits::kMaxRatePerHour))
        return Error::invalidArgument(QStringLiteral("ratePerHour must be between %1 and %2")
                                          .arg(limits::kMinRatePerHour).arg(limits::kMaxRatePerHour),
                                      QStringLiteral("ratePerHour"));
    return {};
}

Result<void> validatePhoneNumber(const QString &digits)
{
    if (const QString problem = phoneNumberProblem(digits); !problem.isEmpty()) {
        Error e = Error::invalidArgument(
            QStringLiteral("phoneNumber must be the international number in digits, without + or spaces, e.g. 6281234567890 (%1)")
                .arg(problem),
            QStringLiteral("phoneNumber"));
        return e;
    }
    return {};
}

SessionService::SessionService(SessionRepository &repo, SessionManager &manager, SessionEvents &events, QString gatewayId)
    : m_repo(repo), m_manager(manager), m_events(events), m_gatewayId(std::move(gatewayId))
{
}

Result<SessionInfo> SessionService::load(const Principal &caller, Capability needed, const QString &id)
{
    if (!ids::isValidPathId(id))
        return Error::invalidArgument(QStringLiteral("malformed session id: 1 to 64 characters of A-Z, a-z, 0-9, _ and -"),
                                      QStringLiteral("session"));
    // Existence is checked before the capability would leak nothing: the lookup is scoped to the
    // caller's organization, so another organization's id is not_found either way.
    auto s = m_repo.get(caller.organizationId, id);
    if (!s)
        return s.error();
    if (auto r = caller.require(needed); !r)
        return r.error();
    return s;
}

Result<SessionInfo> SessionService::loadLocal(const Principal &caller, const QString &id)
{
    auto loaded = load(caller, Capability::Manage, id);
    if (!loaded)
        return loaded;
    if (auto r = requireLocal(*loaded); !r)
        return r.error();
    return loaded;
}

Result<void> SessionService::requireLocal(const SessionInfo &s) const
{
    if (s.gatewayId == m_gatewayId)
        return {};
    Error e = Error::failedPrecondition(QStringLiteral("session is served by gateway node %1").arg(s.gatewayId));
    e.details.insert(QStringLiteral("gatewayId"), s.gatewayId);
    return e;
}

Result<SessionInfo> SessionService::create(const Principal &caller, const SessionCreate &request)
{
    if (auto r = caller.require(Capability::Manage); !r)
        return r.error();
    if (request.isAdminSession.value_or(false)) {
        if (auto r = caller.require(Capability::Admin); !r)
            return r.error();
    }
    if (auto r = validateLabel(request.label); !r)
        return r.error();
    if (auto r = validateRates(request.ratePerMin, request.ratePerHour); !r)
        return r.error();

    SessionInfo s;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    s.id = ids::newSessionId();
    s.organizationId = caller.organizationId;
    s.label = request.label.trimmed();
    s.status = SessionStatus::Unpaired;
    s.desiredState = DesiredState::Stopped;
    s.gatewayId = m_gatewayId;
    s.isAdminSession = request.isAdminSession.value_or(false);
    s.autoRead = request.autoRead.value_or(false);
    s.presenceTyping = request.presenceTyping.value_or(true);
    s.ratePerMin = request.ratePerMin.value_or(20);
    s.ratePerHour = request.ratePerHour.value_or(600);
    s.createdAt = now;
    s.updatedAt = now;
    s.statusChangedAt = now;
    s.createdByUserId = caller.actorId().isEmpty() ? QStringLiteral("system") : caller.actorId();
    if (auto r = m_repo.insert(s); !r)
        return r.error();
    qCInfo(lcEngine).noquote() << "session created" << s.id << "in" << s.organizationId;
    emit m_events.sessionCreated(s);
    return s;
}

Result<SessionInfo> SessionService::get(const Principal &caller, const QString &id)
{
    return load(caller, Capability::Read, id);
}

Result<SessionPage> SessionService::list(const Principal &caller, std::optional<SessionStatus> status,
                                         const QString &afterId, int pageSize)
{
    if (auto r = caller.require(Capability::Read); !r)
        return r.error();
    if (pageSize < 1 || pageSize > kMaxPageSize)
        return Error::invalidArgument(QStringLiteral("pageSize must be an integer between 1 and %1").arg(kMaxPageSize),
                                      QStringLiteral("pageSize"));
    return m_repo.list(caller.organizationId, status, afterId, pageSize);
}

Result<SessionInfo> SessionService::update(const Principal &caller, const QString &id, const SessionPatch &patch)
{
    auto loaded = load(caller, Capability::Manage, id);
    if (!loaded)
        return loaded;
    SessionInfo s = *loaded;
    if (patch.label) {
        if (auto r = validateLabel(*patch.label); !r)
            return r.error();
        s.label = patch.label->trimmed();
    }
    if (auto r = validateRates(patch.ratePerMin, patch.ratePerHour); !r)
        return r.error();
    if (patch.autoRead)
        s.autoRead = *patch.autoRead;
    if (patch.presenceTyping)
        s.presenceTyping = *patch.presenceTyping;
    if (patch.ratePerMin)
        s.ratePerMin = *patch.ratePerMin;
    if (patch.ratePerHour)
        s.ratePerHour = *patch.ratePerHour;
    s.updatedAt = QDateTime::currentMSecsSinceEpoch();
    auto stored = m_repo.updateSettings(s);
    if (!stored)
        return stored.error();
    emit m_events.sessionUpdated(*stored);
    return stored;
}

Result<void> SessionService::remove(const Principal &caller, const QString &id)
{
    auto loaded = load(caller, Capability::Manage, id);
    if (!loaded)
        return loaded.error();
    m_manager.forget(id);
    if (auto r = m_repo.remove(caller.organizationId, id); !r)
        return r;
    qCInfo(lcEngine).noquote() << "session deleted" << id;
    emit m_events.sessionRemoved(caller.organizationId, id);
    return {};
}

Result<SessionInfo> SessionService::start(const Principal &caller, const QString &id)
{
    auto loaded = loadLocal(caller, id);
    if (!loaded)
        return loaded;
    return m_manager.start(*loaded);
}

Result<SessionInfo> SessionService::stop(const Principal &caller, const QString &id)
{
    auto loaded = loadLocal(caller, id);
    if (!loaded)
        return loaded;
    return m_manager.stop(*loaded);
}

Result<SessionInfo> SessionService::logout(const Principal &caller, const QString &id)
{
    auto loaded = loadLocal(caller, id);
    if (!loaded)
        return loaded;
    return m_manager.logout(*loaded);
}

Result<SessionInfo> SessionService::beginQrPairing(const Principal &caller, const QString &id)
{
    auto loaded = loadLocal(caller, id);
    if (!loaded)
        return loaded;
    return m_manager.beginQrPairing(*loaded);
}

Result<SessionInfo> SessionService::beginCodePairing(const Principal &caller, const QString &id, const QString &phoneNumber)
{
    auto loaded = loadLocal(caller, id);
    if (!loaded)
        return loaded;
    if (auto r = validatePhoneNumber(phoneNumber); !r)
        return r.error();
    return m_manager.beginCodePairing(*loaded, phoneNumber);
}

Result<std::optional<QrCode>> SessionService::currentQr(const Principal &caller, const QString &id)
{
    auto loaded = load(caller, Capability::Manage, id);
    if (!loaded)
        return loaded.error();
    auto refused = [](const QString &message, const char *reason) {
        Error e = Error::failedPrecondition(message);
        e.details.insert(QStringLiteral("reason"), QLatin1StringView(reason));
        return e;
    };
    if (loaded->hasNumberAttached())
        return refused(QStringLiteral("a number is already attached to this session"), "number_attached");
    switch (m_manager.pairing(id)) {
    case SessionManager::Pairing::Code:
        return refused(QStringLiteral("a pairing code is in progress for this session; enter it on the phone, "
                                      "or stop the session and ask again for a QR code"),
                       "pairing_code_in_progress");
    case SessionManager::Pairing::None:
        return refused(QStringLiteral("no QR pairing is in progress; POST to this URL begins one"), "no_qr_pairing");
    case SessionManager::Pairing::Qr:
        break;
    }
    if (const auto shown = m_manager.currentQr(id))
        return std::optional<QrCode>(QrCode{shown->first, shown->second});
    return std::optional<QrCode>();
}

Result<EventScope> SessionService::eventScope(const Principal &caller, const QString &sessionId)
{
    EventScope scope{caller.organizationId, QString(), caller.can(Capability::Manage)};
    if (!sessionId.isNull()) {
        auto loaded = load(caller, Capability::Read, sessionId);
        if (!loaded)
            return loaded.error();
        scope.sessionId = loaded->id;
        return scope;
    }
    if (auto r = caller.require(Capability::Read); !r)
        return r.error();
    return scope;
}

Result<QList<StatusTransition>> SessionService::history(const Principal &caller, const QString &id, int limit)
{
    auto loaded = load(caller, Capability::Read, id);
    if (!loaded)
        return loaded.error();
    return m_repo.latestTransitions(id, std::clamp(limit, 1, 1000));
}

} // namespace wagate
