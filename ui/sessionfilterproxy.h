#pragma once

#include "core/session.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace wagate {

//! Filters the session table by what people type (a label, or a phone number in any formatting)
//! and by status, and sorts on the model's raw values (SortRole), not on display text.
class SessionFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SessionFilterProxy(QObject *parent = nullptr);

    //! Matches labels containing the text (case-insensitive) and, when the text holds digits and
    //! nothing but phone punctuation, phone numbers containing those digits ("812-3456" finds
    //! 6281234567890).
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    //! Only these statuses; an empty set shows every status.
    void setStatusFilter(const QSet<SessionStatus> &statuses);
    QSet<SessionStatus> statusFilter() const { return m_statuses; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    QString m_digits; //!< the digits of m_text when it reads as a phone number, else ""
    QSet<SessionStatus> m_statuses;
};

} // namespace wagate
