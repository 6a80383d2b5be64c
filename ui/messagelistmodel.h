#pragma once

#include "core/messageinfo.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

namespace wagate {

class EngineFacade;

//! The recent messages of one session, in and out, newest first: the newest page from the engine,
//! then live — a new message is inserted at the top, a status change updates its row in place.
//! Message text is customer data: shown, never logged.
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StatusColumn, ChatColumn, TimeColumn, TextColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        IdRole = Qt::UserRole + 1, //!< QString msg_…
        StatusRole,                //!< int(MessageStatus)
        DirectionRole,             //!< int(MessageDirection)
        CreatedAtRole,             //!< qint64 ms since the epoch
        ErrorCodeRole,             //!< QString ("" unless failed)
        PhoneRole,                 //!< QString, the other party's digits
    };
    Q_ENUM(Role)

    //! The most messages kept and asked for.
    static constexpr int kMaxRows = 200;

    explicit MessageListModel(QObject *parent = nullptr);

    void setFacade(EngineFacade *facade);
    //! Shows another session's messages ("" for none).
    void setSessionId(const QString &id);
    QString sessionId() const { return m_sessionId; }
    bool isLoaded() const { return m_loaded; }
    QString loadError() const { return m_loadError; }

    const MessageInfo *message(const QString &id) const;
    const MessageInfo *messageAt(int row) const;
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! A message as it is now (new: inserted at the top; known: its row changes in place). Ignored
    //! unless it belongs to the session shown.
    void apply(const MessageInfo &message);

signals:
    void loaded();

private:
    void refreshTimes();
    static QString preview(const MessageInfo &m);

    QPointer<EngineFacade> m_facade;
    QList<QMetaObject::Connection> m_connections;
    QString m_sessionId;
    quint64 m_generation = 0;
    bool m_loaded = false;
    QString m_loadError;
    QList<MessageInfo> m_rows;  //!< newest first
    QList<MessageInfo> m_early; //!< live changes that arrived before the first page
    QList<QString> m_timeText;  //!< what the Time column shows, per row, to refresh only what changes
    QTimer m_timeTimer;
};

} // namespace wagate
