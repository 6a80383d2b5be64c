#include "messagelistmodel.h"

#include "core/enginefacade.h"
#include "core/logging.h"
#include "messagestatuslook.h"
#include "timetext.h"

#include <QDateTime>
#include <QLocale>

namespace wagate {

MessageListModel::MessageListModel(QObject *parent) : QAbstractTableModel(parent)
{
    qRegisterMetaType<MessageInfo>();
    // "just now" becomes "1 min ago": the Time column is looked at again twice a minute.
    m_timeTimer.setInterval(30000);
    connect(&m_timeTimer, &QTimer::timeout, this, &MessageListModel::refreshTimes);
}

void MessageListModel::setFacade(EngineFacade *facade)
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_facade = facade;
    if (facade) {
        m_connections << connect(facade, &EngineFacade::messageReceived, this, &MessageListModel::apply);
        m_connections << connect(facade, &EngineFacade::messageStatusChanged, this,
                                 [this](const MessageInfo &m, const QString &) { apply(m); });
    }
    const QString id = std::exchange(m_sessionId, {});
    setSessionId(id);
}

void MessageListModel::setSessionId(const QString &id)
{
    if (id == m_sessionId && (m_loaded || id.isEmpty()))
        return;
    const quint64 generation = ++m_generation;
    beginResetModel(); // another session: a different list
    m_sessionId = id;
    m_rows.clear();
    m_timeText.clear();
    m_early.clear();
    m_loaded = false;
    m_loadError.clear();
    endResetModel();
    m_timeTimer.stop();
    if (id.isEmpty() || !m_facade)
        return;
    QPointer<MessageListModel> self(this);
    m_facade->listMessages(id, kMaxRows, [self, generation](Result<QList<MessageInfo>> r) {
        if (!self || generation != self->m_generation)
            return;
        if (!r) {
            qCWarning(lcUi) << "could not list the messages:" << errorCodeName(r.error().code) << r.error().message;
            self->m_loadError = r.error().message;
        }
        self->beginResetModel();
        self->m_rows = r ? *r : QList<MessageInfo>();
        self->m_timeText.clear();
        for (const MessageInfo &m : std::as_const(self->m_rows))
            self->m_timeText << TimeText::relative(m.createdAt, TimeText::nowMs());
        self->m_loaded = true;
        self->endResetModel();
        for (const MessageInfo &m : std::exchange(self->m_early, {}))
            self->apply(m);
        self->m_timeTimer.start();
        emit self->loaded();
    });
}

const MessageInfo *MessageListModel::message(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows.at(row);
}

const MessageInfo *MessageListModel::messageAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int MessageListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

void MessageListModel::apply(const MessageInfo &m)
{
    if (m_sessionId.isEmpty() || m.sessionId != m_sessionId)
        return;
    if (!m_loaded) {
        m_early.append(m);
        return;
    }
    if (const int row = rowOf(m.id); row >= 0) {
        // Events can overtake each other across a page load: a late one never moves a message back.
        const MessageInfo &shown = m_rows.at(row);
        if (m.updatedAt < shown.updatedAt)
            return;
        m_rows[row] = m;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // New: ids are ULIDs, so the newest sorts first; almost always that is the top.
    int at = 0;
    while (at < m_rows.size() && m_rows.at(at).id > m.id)
        ++at;
    beginInsertRows({}, at, at);
    m_rows.insert(at, m);
    m_timeText.insert(at, TimeText::relative(m.createdAt, TimeText::nowMs()));
    endInsertRows();
    if (m_rows.size() > kMaxRows) {
        beginRemoveRows({}, kMaxRows, int(m_rows.size()) - 1);
        m_rows.resize(kMaxRows);
        m_timeText.resize(kMaxRows);
        endRemoveRows();
    }
}

void MessageListModel::refreshTimes()
{
    const qint64 now = TimeText::nowMs();
    for (int row = 0; row < m_rows.size(); ++row) {
        const QString text = TimeText::relative(m_rows.at(row).createdAt, now);
        if (m_timeText.at(row) != text) {
            m_timeText[row] = text;
            const QModelIndex i = index(row, TimeColumn);
            emit dataChanged(i, i, {Qt::DisplayRole});
        }
    }
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MessageListModel::preview(const MessageInfo &m)
{
    if (m.type == QLatin1String("unsupported"))
        return tr("(a kind of message the console does not show)");
    if (m.type == QLatin1String("undecryptable"))
        return tr("(a message that could not be opened)");
    QString text = m.text.left(300);
    text.replace(u'\n', u' ');
    return text;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageInfo &m = m_rows.at(index.row());
    switch (role) {
    case IdRole: return m.id;
    case StatusRole: return int(m.status);
    case DirectionRole: return int(m.direction);
    case CreatedAtRole: return m.createdAt;
    case ErrorCodeRole: return m.error ? m.error->code : QString();
    case PhoneRole: return m.phoneNumber;
    default: break;
    }
    switch (index.column()) {
    case StatusColumn:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole: return MessageStatusLook::words(m.status);
        case Qt::DecorationRole: return MessageStatusLook::icon(m.status);
        case Qt::ToolTipRole:
            if (m.status == MessageStatus::Failed && m.error)
                return MessageStatusLook::errorText(*m.error);
            return MessageStatusLook::explanation(m.status);
        default: return {};
        }
    case ChatColumn:
        if (role == Qt::DisplayRole)
            return MessageStatusLook::chatText(m);
        if (role == Qt::ToolTipRole)
            return m.phoneNumber.isEmpty() ? m.chat : m.phoneNumber;
        return {};
    case TimeColumn:
        if (role == Qt::DisplayRole)
            return m_timeText.value(index.row());
        if (role == Qt::ToolTipRole)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(m.createdAt), QLocale::LongFormat);
        return {};
    case TextColumn:
        if (role == Qt::DisplayRole)
            return preview(m);
        if (role == Qt::ToolTipRole && m.type == QLatin1String("text"))
            return m.text.left(1000);
        return {};
    default: return {};
    }
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn: return tr("Status");
    case ChatColumn: return tr("Chat");
    case TimeColumn: return tr("Time");
    case TextColumn: return tr("Message");
    default: return {};
    }
}

} // namespace wagate
