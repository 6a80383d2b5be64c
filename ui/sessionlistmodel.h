#pragma once

#include "core/session.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QMap>
#include <QPointer>
#include <QTimer>

namespace wagate {

class EngineFacade;

//! The organization's sessions, one row per session, keyed by id and fed by the facade's events.
//! Changes arrive as exact signals: one dataChanged per changed row naming only the roles that
//! changed, inserts and removals as such. Bursts of settings updates are coalesced into one pass per
//! frame; a status change is applied at once, because that is what people watch.
class SessionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LabelColumn, PhoneColumn, StatusColumn, LastConnectedColumn, ColumnCount };

    enum Role {
        IdRole = Qt::UserRole + 1, //!< QString, every column
        SessionRole,               //!< SessionInfo, every column
        StatusRole,                //!< int(SessionStatus), every column
        SortRole,                  //!< the column's raw value: label, phone digits, attention rank, ms
        LabelRole,                 //!< QString, every column
        PhoneDigitsRole,           //!< QString of international digits ("" when none), every column
        LastConnectedRole,         //!< qint64 ms since the epoch (0 = never), every column
        StatusChangedAtRole,       //!< qint64 ms since the epoch, every column
    };
    Q_ENUM(Role)

    //! How long updates may wait to be coalesced; about a frame.
    static constexpr int kCoalesceMs = 16;

    explicit SessionListModel(QObject *parent = nullptr);
    ~SessionListModel() override;

    //! Loads the sessions of the signed-in operator and follows the facade's events from then on;
    //! nullptr detaches and empties the model.
    void setFacade(EngineFacade *facade);
    //! True once the first list arrived (and until the facade changes).
    bool isLoaded() const { return m_loaded; }
    //! The error of the initial listing, if it failed ("" otherwise).
    QString loadError() const { return m_loadError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The row of a session, or -1.
    int rowOf(const QString &id) const;
    const SessionInfo *session(const QString &id) const;
    const SessionInfo &sessionAt(int row) const { return m_rows.at(row); }
    //! How many sessions have each status.
    QMap<SessionStatus, int> statusCounts() const;

    //! The roles whose values differ between two snapshots of the same session.
    static QList<int> changedRoles(const SessionInfo &before, const SessionInfo &after);

    // The event entry points; public so tests and other feeds can drive the model directly.
    void applyCreated(const SessionInfo &session);
    void applyUpdated(const SessionInfo &session);
    void applyRemoved(const QString &id);
    //! Applies whatever is waiting for the next frame now.
    void flush();

signals:
    //! After the first list is in (or failed: see loadError()).
    void loaded();
    //! Whenever the number of sessions per status may have changed.
    void countsChanged();

private:
    void reload();
    void setRows(QList<SessionInfo> rows);
    void replaceRow(int row, const SessionInfo &session);
    void scheduleFlush();
    void reindexFrom(int row);
    void refreshRelativeTimes();
    QString lastConnectedText(const SessionInfo &s) const;
    void armRelativeTimer();

    QPointer<EngineFacade> m_facade;
    QList<QMetaObject::Connection> m_connections;
    quint64 m_generation = 0;   //!< guards against answers to a list request from a previous facade
    bool m_loaded = false;
    QString m_loadError;
    QList<SessionInfo> m_rows;
    QHash<QString, int> m_index;
    //! Events that arrived before the first list, replayed on top of it.
    QList<std::pair<int, SessionInfo>> m_early;
    QHash<QString, SessionInfo> m_pendingUpdates;
    QList<SessionInfo> m_pendingInserts;
    QTimer m_flushTimer;
    //! "5 min ago" goes stale by itself: re-render exactly the rows whose text changed, when it does.
    QTimer m_relativeTimer;
    QHash<QString, QString> m_lastConnectedText; //!< by id: the text views were last told about
};

} // namespace wagate
