#pragma once

#include "core/session.h"

#include <QAbstractListModel>
#include <QPointer>

namespace wagate {

class EngineFacade;

//! The status transitions of one session, newest first: the history from the store, then live
//! transitions as they happen.
class SessionTimelineModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        StatusRole = Qt::UserRole + 1, //!< int(SessionStatus)
        PreviousStatusRole,            //!< int(SessionStatus)
        AtRole,                        //!< qint64 ms since the epoch
        ReasonRole,                    //!< QString, as the engine wrote it
    };
    Q_ENUM(Role)

    //! The most transitions kept and asked for.
    static constexpr int kMaxRows = 50;

    explicit SessionTimelineModel(QObject *parent = nullptr);

    void setFacade(EngineFacade *facade);
    //! Shows another session's timeline ("" for none).
    void setSessionId(const QString &id);
    QString sessionId() const { return m_sessionId; }
    bool isLoaded() const { return m_loaded; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The engine's reason in words for people ("start requested" → "started from the console or API").
    static QString reasonText(const QString &reason);

    //! Adds a live transition (it is ignored unless it belongs to the session shown).
    void applyTransition(const StatusTransition &transition);

signals:
    void loaded();

private:
    bool contains(const QString &transitionId) const;

    QPointer<EngineFacade> m_facade;
    QMetaObject::Connection m_connection;
    QString m_sessionId;
    quint64 m_generation = 0;
    bool m_loaded = false;
    QList<StatusTransition> m_rows;    //!< newest first
    QList<StatusTransition> m_early;   //!< live transitions that arrived before the history
};

} // namespace wagate
