#include "sessiontimelinemodel.h"

#include "core/enginefacade.h"
#include "core/logging.h"
#include "sessionstatuslook.h"
#include "timetext.h"

#include <QDateTime>
#include <QLocale>

namespace wagate {

SessionTimelineModel::SessionTimelineModel(QObject *parent) : QAbstractListModel(parent)
{
    qRegisterMetaType<StatusTransition>();
}

void SessionTimelineModel::setFacade(EngineFacade *facade)
{
    disconnect(m_connection);
    m_facade = facade;
    if (facade)
        m_connection = connect(facade, &EngineFacade::statusChanged, this, &SessionTimelineModel::applyTransition);
    const QString id = std::exchange(m_sessionId, {});
    setSessionId(id);
}

void SessionTimelineModel::setSessionId(const QString &id)
{
    if (id == m_sessionId && (m_loaded || id.isEmpty()))
        return;
    const quint64 generation = ++m_generation;
    beginResetModel(); // another session: a different list, not a change of this one
    m_sessionId = id;
    m_rows.clear();
    m_early.clear();
    m_loaded = false;
    endResetModel();
    if (id.isEmpty() || !m_facade)
        return;
    QPointer<SessionTimelineModel> self(this);
    m_facade->sessionHistory(id, kMaxRows, [self, generation](Result<QList<StatusTransition>> r) {
        if (!self || generation != self->m_generation)
            return;
        if (!r)
            qCWarning(lcUi) << "could not load the timeline:" << r.error().message;
        QList<StatusTransition> rows;
        if (r) {
            rows.reserve(r->size());
            for (auto it = r->crbegin(); it != r->crend(); ++it) // oldest first → newest first
                rows.append(*it);
        }
        self->beginResetModel();
        self->m_rows = rows;
        self->m_loaded = true;
        self->endResetModel();
        for (const StatusTransition &t : std::exchange(self->m_early, {}))
            self->applyTransition(t);
        emit self->loaded();
    });
}

bool SessionTimelineModel::contains(const QString &transitionId) const
{
    for (const StatusTransition &t : m_rows)
        if (t.id == transitionId)
            return true;
    return false;
}

void SessionTimelineModel::applyTransition(const StatusTransition &t)
{
    if (t.sessionId != m_sessionId || m_sessionId.isEmpty())
        return;
    if (!m_loaded) {
        m_early.append(t);
        return;
    }
    if (contains(t.id))
        return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(t);
    endInsertRows();
    if (m_rows.size() > kMaxRows) {
        beginRemoveRows({}, kMaxRows, int(m_rows.size()) - 1);
        m_rows.resize(kMaxRows);
        endRemoveRows();
    }
}

int SessionTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString SessionTimelineModel::reasonText(const QString &reason)
{
    static const QHash<QString, const char *> known{
        {QStringLiteral("start requested"), QT_TR_NOOP("started")},
        {QStringLiteral("stop requested"), QT_TR_NOOP("stopped")},
        {QStringLiteral("logout requested"), QT_TR_NOOP("logged out")},
        {QStringLiteral("QR pairing requested"), QT_TR_NOOP("linking by QR code")},
        {QStringLiteral("pairing code requested"), QT_TR_NOOP("linking by pairing code")},
        {QStringLiteral("QR code ready"), QT_TR_NOOP("QR code shown")},
        {QStringLiteral("pairing code ready"), QT_TR_NOOP("pairing code shown")},
        {QStringLiteral("pairing expired"), QT_TR_NOOP("the codes ran out")},
        {QStringLiteral("pairing interrupted"), QT_TR_NOOP("linking interrupted")},
        {QStringLiteral("connecting"), QT_TR_NOOP("connecting")},
        {QStringLiteral("logged in"), QT_TR_NOOP("connected")},
        {QStringLiteral("reconnected"), QT_TR_NOOP("reconnected")},
        {QStringLiteral("connection lost"), QT_TR_NOOP("connection lost")},
        {QStringLiteral("gave up reconnecting"), QT_TR_NOOP("gave up reconnecting")},
        {QStringLiteral("connection refused"), QT_TR_NOOP("WhatsApp refused the connection")},
        {QStringLiteral("unlinked"), QT_TR_NOOP("unlinked from the phone")},
        {QStringLiteral("gateway restarted"), QT_TR_NOOP("gateway restarted")},
    };
    if (const char *text = known.value(reason))
        return tr(text);
    if (reason.startsWith(QLatin1String("linked to ")))
        return tr("linked (%1)").arg(reason.mid(10));
    return reason;
}

QVariant SessionTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StatusTransition &t = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString when = TimeText::clock(t.at, TimeText::nowMs());
        const QString reason = reasonText(t.reason);
        return reason.isEmpty() ? tr("%1  %2").arg(when, SessionStatusLook::words(t.status))
                                : tr("%1  %2 — %3").arg(when, SessionStatusLook::words(t.status), reason);
    }
    case Qt::DecorationRole: return SessionStatusLook::icon(t.status);
    case Qt::ToolTipRole:
        return tr("%1: %2 → %3")
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(t.at), QLocale::LongFormat),
                 SessionStatusLook::words(t.previousStatus), SessionStatusLook::words(t.status));
    case StatusRole: return int(t.status);
    case PreviousStatusRole: return int(t.previousStatus);
    case AtRole: return t.at;
    case ReasonRole: return t.reason;
    default: return {};
    }
}

QHash<int, QByteArray> SessionTimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(StatusRole, "status");
    names.insert(PreviousStatusRole, "previousStatus");
    names.insert(AtRole, "at");
    names.insert(ReasonRole, "reason");
    return names;
}

} // namespace wagate
