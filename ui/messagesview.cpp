#include "messagesview.h"

#include "messagelistmodel.h"
#include "messagestatuslook.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QPushButton>
#include <QVBoxLayout>

namespace wagate {

MessagesView::MessagesView(MessageListModel *model, QAction *send, QAction *cancel, QWidget *parent)
    : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("messagesView"));
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(6, 6, 6, 6);
    auto *actions = new QHBoxLayout;
    // Buttons that follow their actions (words always, whatever the toolbar shows), so the window,
    // its menus and this tab enable, disable and explain them in one place.
    for (QAction *a : {send, cancel}) {
        auto *b = new QPushButton(this);
        const auto follow = [b, a] {
            b->setText(a->iconText());
            b->setIcon(a->icon());
            b->setEnabled(a->isEnabled());
            b->setToolTip(a->toolTip());
        };
        follow();
        connect(a, &QAction::changed, b, follow);
        connect(b, &QPushButton::clicked, a, &QAction::trigger);
        actions->addWidget(b);
    }
    actions->addStretch(1);
    v->addLayout(actions);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("messageTable"));
    m_table->setAccessibleName(tr("Messages"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setIconSize(QSize(16, 16));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->addAction(cancel);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const QFontMetrics fm = m_table->fontMetrics();
    int statusWidth = 0;
    for (MessageStatus s : allMessageStatuses())
        statusWidth = std::max(statusWidth, fm.horizontalAdvance(MessageStatusLook::words(s)));
    header->resizeSection(MessageListModel::StatusColumn, statusWidth + 44);
    header->resizeSection(MessageListModel::ChatColumn, fm.horizontalAdvance(tr("From +62 812-3456-78901")) + 16);
    header->resizeSection(MessageListModel::TimeColumn, fm.horizontalAdvance(tr("55 min ago")) + 20);
    header->setSectionResizeMode(MessageListModel::TextColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(50);
    v->addWidget(m_table, 1);

    m_empty = new QLabel(m_table->viewport());
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_table->viewport()->installEventFilter(this);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MessagesView::currentMessageChanged);
    // A status change of the current row changes what may be done with it.
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl, const QModelIndex &br) {
        const int row = m_table->currentIndex().row();
        if (row >= tl.row() && row <= br.row())
            emit currentMessageChanged();
    });
    connect(model, &QAbstractItemModel::modelReset, this, &MessagesView::updateEmptyState);
    connect(model, &QAbstractItemModel::rowsInserted, this, &MessagesView::updateEmptyState);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MessagesView::updateEmptyState);
    connect(model, &QAbstractItemModel::modelReset, this, &MessagesView::currentMessageChanged);
    updateEmptyState();
}

QString MessagesView::currentMessageId() const
{
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? i.data(MessageListModel::IdRole).toString() : QString();
}

QString MessagesView::emptyText() const
{
    return m_empty->isHidden() ? QString() : m_empty->text();
}

bool MessagesView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        m_empty->setGeometry(m_table->viewport()->rect().adjusted(16, 16, -16, -16));
    return QWidget::eventFilter(watched, event);
}

void MessagesView::updateEmptyState()
{
    if (m_model->sessionId().isEmpty())
        m_empty->setText(tr("Select a session to see its messages."));
    else if (!m_model->isLoaded())
        m_empty->setText(tr("Loading messages…"));
    else if (!m_model->loadError().isEmpty())
        m_empty->setText(tr("The messages could not be listed."));
    else if (m_model->rowCount() == 0)
        m_empty->setText(tr("No messages yet. Messages this number sends and receives appear here as they happen."));
    else
        m_empty->clear();
    m_empty->setGeometry(m_table->viewport()->rect().adjusted(16, 16, -16, -16));
    m_empty->setVisible(!m_empty->text().isEmpty());
}

} // namespace wagate
