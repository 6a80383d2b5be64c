#include "sessionfilterproxy.h"

#include "sessionlistmodel.h"

namespace wagate {

namespace {

//! The digits of text if it could be (part of) a phone number: digits with spaces, dashes, dots,
//! brackets or a leading +; "" otherwise.
QString phoneDigits(const QString &text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits += QChar(u'0' + c.digitValue());
        else if (!(c.isSpace() || c == u'+' || c == u'-' || c == u'.' || c == u'(' || c == u')' || c == u'/'))
            return {};
    }
    return digits;
}

} // namespace

SessionFilterProxy::SessionFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(SessionListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    // Live updates must keep the order and the filter true without anyone pressing anything.
    setDynamicSortFilter(true);
}

void SessionFilterProxy::setFilterText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    m_digits = phoneDigits(t);
    invalidateRowsFilter();
}

void SessionFilterProxy::setStatusFilter(const QSet<SessionStatus> &statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    invalidateRowsFilter();
}

bool SessionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_statuses.isEmpty()) {
        const auto status = SessionStatus(i.data(SessionListModel::StatusRole).toInt());
        if (!m_statuses.contains(status))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    if (i.data(SessionListModel::LabelRole).toString().contains(m_text, Qt::CaseInsensitive))
        return true;
    if (m_digits.isEmpty())
        return false;
    const QString phone = i.data(SessionListModel::PhoneDigitsRole).toString();
    if (phone.contains(m_digits))
        return true;
    // "0812-3456…" is how people write the number at home; the stored digits are "62812 3456…".
    return m_digits.startsWith(u'0') && m_digits.size() >= 4 && phone.contains(QStringView(m_digits).mid(1));
}

bool SessionFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole()), r = right.data(sortRole());
    if (l != r)
        return QSortFilterProxyModel::lessThan(left, right);
    // Ties (same status, never connected …) fall back to the label, so the order is stable and readable.
    const QString ll = left.data(SessionListModel::LabelRole).toString();
    const QString rl = right.data(SessionListModel::LabelRole).toString();
    return QString::localeAwareCompare(ll.toCaseFolded(), rl.toCaseFolded()) < 0;
}

} // namespace wagate
