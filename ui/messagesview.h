#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTableView;

namespace wagate {

class MessageListModel;

//! The Messages tab: the selected session's recent messages, in and out, newest first, live, with
//! the actions that act on them (send a message, cancel a queued one) right above the list.
class MessagesView : public QWidget
{
    Q_OBJECT
public:
    MessagesView(MessageListModel *model, QAction *send, QAction *cancel, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    //! The message the cursor is on ("" when none).
    QString currentMessageId() const;
    //! What the list says when it has nothing to show ("" when it shows messages).
    QString emptyText() const;

signals:
    void currentMessageChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateEmptyState();

    MessageListModel *m_model;
    QTableView *m_table;
    QLabel *m_empty;
};

} // namespace wagate
