#include "sessionlistmodel.h"

#include "core/enginefacade.h"
#include "core/logging.h"
#include "phonenumber.h"
#include "sessionstatuslook.h"
#include "timetext.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace wagate {

namespace {

enum class Early { Created, Updated, Removed };

} // namespace

SessionListModel::SessionListModel(QObject *parent) : QAbstractTableModel(parent)
{
    qRegisterMetaType<SessionInfo>();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kCoalesceMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &SessionListModel::flush);
    m_relativeTimer.setSingleShot(true);
    connect(&m_relativeTimer, &QTimer::timeout, this, &SessionListModel::refreshRelativeTimes);
}

SessionListModel::~SessionListModel() = default;

void SessionListModel::setFacade(EngineFacade *facade)
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    ++m_generation;
    m_facade = facade;
    m_loaded = false;
    m_loadError.clear();
    m_early.clear();
    m_pendingInserts.clear();
    m_pendingUpdates.clear();
    m_flushTimer.stop();
    setRows({});
    if (!facade)
        return;
    m_connections << connect(facade, &EngineFacade::sessionCreated, this, &SessionListModel::applyCreated)
                  << connect(facade, &EngineFacade::sessionUpdated, this, &SessionListModel::applyUpdated)
                  << connect(facade, &EngineFacade::sessionRemoved, this, &SessionListModel::applyRemoved)
                  // A new operator sees another organization: start over.
                  << connect(facade, &EngineFacade::signedIn, this, &SessionListModel::reload)
                  << connect(facade, &EngineFacade::signedOut, this, [this] {
                         ++m_generation;
                         m_loaded = false;
                         setRows({});
                     });
    reload();
}

void SessionListModel::reload()
{
    if (!m_facade)
        return;
    const quint64 generation = ++m_generation;
    m_loaded = false;
    m_early.clear();
    QPointer<SessionListModel> self(this);
    m_facade->listSessions([self, generation](Result<QList<SessionInfo>> r) {
        if (!self || generation != self->m_generation)
            return; // an answer for a facade or an operator we no longer show
        self->m_loaded = true;
        if (!r) {
            self->m_loadError = r.error().message;
            qCWarning(lcUi) << "could not list sessions:" << r.error().message;
            self->setRows({});
        } else {
            self->m_loadError.clear();
            self->setRows(*r);
        }
        // Events that raced the list: the list may or may not include them; snapshots make replay safe.
        const auto early = std::exchange(self->m_early, {});
        for (const auto &[kind, s] : early) {
            switch (Early(kind)) {
            case Early::Created: self->applyCreated(s); break;
            case Early::Updated: self->applyUpdated(s); break;
            case Early::Removed: self->applyRemoved(s.id); break;
            }
        }
        emit self->loaded();
        emit self->countsChanged();
    });
}

void SessionListModel::setRows(QList<SessionInfo> rows)
{
    // Only on (re)load and sign-out, never on a tick.
    beginResetModel();
    m_rows = std::move(rows);
    m_index.clear();
    m_lastConnectedText.clear();
    for (int i = 0; i < m_rows.size(); ++i) {
        m_index.insert(m_rows.at(i).id, i);
        m_lastConnectedText.insert(m_rows.at(i).id, lastConnectedText(m_rows.at(i)));
    }
    endResetModel();
    armRelativeTimer();
    emit countsChanged();
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SessionListModel::lastConnectedText(const SessionInfo &s) const
{
    return TimeText::relative(s.lastConnectedAt, TimeText::nowMs());
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionInfo &s = m_rows.at(index.row());
    switch (role) {
    case IdRole: return s.id;
    case SessionRole: return QVariant::fromValue(s);
    case StatusRole: return int(s.status);
    case LabelRole: return s.label;
    case PhoneDigitsRole: return s.phoneNumber;
    case LastConnectedRole: return s.lastConnectedAt;
    case StatusChangedAtRole: return s.statusChangedAt;
    default: break;
    }
    switch (index.column()) {
    case LabelColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole)
            return s.label;
        break;
    case PhoneColumn:
        if (role == Qt::DisplayRole)
            return s.phoneNumber.isEmpty() ? QStringLiteral("—") : PhoneNumber::format(s.phoneNumber);
        if (role == SortRole)
            return s.phoneNumber;
        if (role == Qt::ToolTipRole)
            return s.phoneNumber.isEmpty() ? tr("No number linked yet") : tr("Copied as %1").arg(s.phoneNumber);
        if (role == Qt::AccessibleTextRole)
            return s.phoneNumber.isEmpty() ? tr("no number") : PhoneNumber::format(s.phoneNumber);
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole)
            return SessionStatusLook::words(s.status);
        if (role == Qt::DecorationRole)
            return SessionStatusLook::icon(s.status);
        if (role == SortRole)
            return SessionStatusLook::attentionRank(s.status);
        if (role == Qt::ToolTipRole) {
            QString tip = SessionStatusLook::explanation(s.status);
            if (s.lastError && (s.status == SessionStatus::Failed || s.status == SessionStatus::LoggedOut
                                || s.status == SessionStatus::Reconnecting || s.status == SessionStatus::Unpaired))
                tip += u'\n' + s.lastError->message;
            return tip;
        }
        break;
    case LastConnectedColumn:
        if (role == Qt::DisplayRole) {
            const auto it = m_lastConnectedText.constFind(s.id);
            return it != m_lastConnectedText.cend() ? *it : lastConnectedText(s);
        }
        if (role == SortRole)
            return s.lastConnectedAt;
        if (role == Qt::ToolTipRole)
            return s.lastConnectedAt ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.lastConnectedAt), QLocale::LongFormat)
                                     : tr("Never connected");
        break;
    default:
        break;
    }
    return {};
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LabelColumn: return tr("Label");
    case PhoneColumn: return tr("Phone");
    case StatusColumn: return tr("Status");
    case LastConnectedColumn: return tr("Last connected");
    default: return {};
    }
}

QHash<int, QByteArray> SessionListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "sessionId");
    names.insert(SessionRole, "session");
    names.insert(StatusRole, "status");
    names.insert(SortRole, "sortValue");
    names.insert(LabelRole, "label");
    names.insert(PhoneDigitsRole, "phoneDigits");
    names.insert(LastConnectedRole, "lastConnectedAt");
    names.insert(StatusChangedAtRole, "statusChangedAt");
    return names;
}

int SessionListModel::rowOf(const QString &id) const
{
    return m_index.value(id, -1);
}

const SessionInfo *SessionListModel::session(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows.at(row);
}

QMap<SessionStatus, int> SessionListModel::statusCounts() const
{
    QMap<SessionStatus, int> counts;
    for (const SessionInfo &s : m_rows)
        ++counts[s.status];
    return counts;
}

QList<int> SessionListModel::changedRoles(const SessionInfo &before, const SessionInfo &after)
{
    if (before == after)
        return {};
    QList<int> roles{SessionRole};
    if (before.label != after.label)
        roles << Qt::DisplayRole << Qt::ToolTipRole << LabelRole << SortRole;
    if (before.phoneNumber != after.phoneNumber)
        roles << Qt::DisplayRole << Qt::ToolTipRole << Qt::AccessibleTextRole << PhoneDigitsRole << SortRole;
    if (before.status != after.status)
        roles << Qt::DisplayRole << Qt::DecorationRole << Qt::ToolTipRole << StatusRole << SortRole;
    if (before.statusChangedAt != after.statusChangedAt)
        roles << StatusChangedAtRole;
    if (before.lastConnectedAt != after.lastConnectedAt)
        roles << Qt::DisplayRole << Qt::ToolTipRole << LastConnectedRole << SortRole;
    if (before.lastError != after.lastError)
        roles << Qt::ToolTipRole;
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    return roles;
}

void SessionListModel::replaceRow(int row, const SessionInfo &session)
{
    const QList<int> roles = changedRoles(m_rows.at(row), session);
    if (roles.isEmpty())
        return;
    m_rows[row] = session;
    m_lastConnectedText.insert(session.id, lastConnectedText(session));
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1), roles);
}

void SessionListModel::applyCreated(const SessionInfo &session)
{
    if (!m_loaded) {
        m_early.append({int(Early::Created), session});
        return;
    }
    if (rowOf(session.id) >= 0) {
        applyUpdated(session);
        return;
    }
    for (SessionInfo &pending : m_pendingInserts) {
        if (pending.id == session.id) {
            pending = session;
            return;
        }
    }
    m_pendingInserts.append(session);
    scheduleFlush();
}

void SessionListModel::applyUpdated(const SessionInfo &session)
{
    if (!m_loaded) {
        m_early.append({int(Early::Updated), session});
        return;
    }
    const int row = rowOf(session.id);
    if (row < 0) {
        // Not shown yet: either waiting to be inserted, or a session we never heard being created.
        applyCreated(session);
        return;
    }
    if (m_rows.at(row).status != session.status) {
        // People watch statuses: show a transition now, with whatever else this snapshot carries.
        m_pendingUpdates.remove(session.id);
        replaceRow(row, session);
        emit countsChanged();
        armRelativeTimer();
        return;
    }
    m_pendingUpdates.insert(session.id, session);
    scheduleFlush();
}

void SessionListModel::applyRemoved(const QString &id)
{
    if (!m_loaded) {
        SessionInfo gone;
        gone.id = id;
        m_early.append({int(Early::Removed), gone});
        return;
    }
    m_pendingUpdates.remove(id);
    m_pendingInserts.removeIf([&id](const SessionInfo &s) { return s.id == id; });
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_index.remove(id);
    m_lastConnectedText.remove(id);
    reindexFrom(row);
    endRemoveRows();
    emit countsChanged();
}

void SessionListModel::reindexFrom(int row)
{
    for (int i = row; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).id, i);
}

void SessionListModel::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void SessionListModel::flush()
{
    m_flushTimer.stop();
    bool changed = false;
    if (!m_pendingInserts.isEmpty()) {
        const auto inserts = std::exchange(m_pendingInserts, {});
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(inserts.size()) - 1);
        for (const SessionInfo &s : inserts) {
            m_index.insert(s.id, int(m_rows.size()));
            m_lastConnectedText.insert(s.id, lastConnectedText(s));
            m_rows.append(s);
        }
        endInsertRows();
        changed = true;
    }
    if (!m_pendingUpdates.isEmpty()) {
        const auto updates = std::exchange(m_pendingUpdates, {});
        // One signal for the whole table only when most rows changed (a restore, a bulk patch);
        // otherwise one exact signal per row.
        if (updates.size() > 8 && updates.size() * 2 > m_rows.size()) {
            QList<int> roles;
            for (auto it = updates.cbegin(); it != updates.cend(); ++it) {
                const int row = rowOf(it.key());
                if (row < 0)
                    continue;
                roles += changedRoles(m_rows.at(row), *it);
                m_rows[row] = *it;
                m_lastConnectedText.insert(it->id, lastConnectedText(*it));
            }
            std::sort(roles.begin(), roles.end());
            roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
            if (!roles.isEmpty())
                emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), roles);
        } else {
            // In row order, so views repaint top to bottom.
            QList<int> rows;
            for (auto it = updates.cbegin(); it != updates.cend(); ++it)
                if (const int row = rowOf(it.key()); row >= 0)
                    rows << row;
            std::sort(rows.begin(), rows.end());
            for (int row : rows)
                replaceRow(row, updates.value(m_rows.at(row).id));
        }
        changed = true;
    }
    if (changed) {
        emit countsChanged();
        armRelativeTimer();
    }
}

void SessionListModel::refreshRelativeTimes()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const SessionInfo &s = m_rows.at(row);
        const QString text = lastConnectedText(s);
        QString &shown = m_lastConnectedText[s.id];
        if (shown != text) {
            shown = text;
            const QModelIndex i = index(row, LastConnectedColumn);
            emit dataChanged(i, i, {Qt::DisplayRole});
        }
    }
    armRelativeTimer();
}

void SessionListModel::armRelativeTimer()
{
    const qint64 now = TimeText::nowMs();
    qint64 next = std::numeric_limits<qint64>::max();
    for (const SessionInfo &s : std::as_const(m_rows))
        next = std::min(next, TimeText::relativeValidForMs(s.lastConnectedAt, now));
    if (next == std::numeric_limits<qint64>::max()) {
        m_relativeTimer.stop();
        return;
    }
    m_relativeTimer.start(int(std::clamp<qint64>(next + 50, 1000, 3600 * 1000)));
}

} // namespace wagate
