#include "mainwindow.h"

#include "actionicons.h"
#include "consolelanguage.h"
#include "core/enginefacade.h"
#include "core/logging.h"
#include "elidedlabel.h"
#include "errortext.h"
#include "linknumberdialog.h"
#include "messagebar.h"
#include "messagelistmodel.h"
#include "messagesview.h"
#include "outboxtracker.h"
#include "sendmessagedialog.h"
#include "phonenumber.h"
#include "sessiondetailspane.h"
#include "sessiondialog.h"
#include "sessionfilterproxy.h"
#include "sessionlistmodel.h"
#include "sessionstatuslook.h"
#include "sessiontimelinemodel.h"
#include "webhooksdialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace wagate {

namespace {

QVariant statusSet(std::initializer_list<SessionStatus> statuses)
{
    QVariantList list;
    for (SessionStatus s : statuses)
        list << int(s);
    return list;
}

void setActionState(QAction *action, bool enabled, const QString &enabledTip, const QString &disabledTip)
{
    action->setEnabled(enabled);
    action->setToolTip(enabled ? enabledTip : disabledTip);
    action->setStatusTip(enabled ? enabledTip : disabledTip);
}

} // namespace

MainWindow::MainWindow(EngineFacade &facade, QWidget *parent)
    : QMainWindow(parent), m_facade(facade), m_model(new SessionListModel(this)), m_proxy(new SessionFilterProxy(this)),
      m_timeline(new SessionTimelineModel(this)), m_messageModel(new MessageListModel(this)), m_outbox(new OutboxTracker(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(ActionIcons::app());
    m_proxy->setSourceModel(m_model);
    buildActions();
    buildToolBar();
    buildCentral();
    buildStatusBar();
    buildMenus();

    connect(m_model, &SessionListModel::countsChanged, this, &MainWindow::updateCounts);
    connect(m_model, &SessionListModel::loaded, this, [this] {
        if (!m_model->loadError().isEmpty())
            m_messages->showMessage(MessageBar::Kind::Error,
                                    tr("The sessions could not be listed: %1").arg(ErrorText::clause(m_model->loadError())));
        if (!m_selectWhenAdded.isEmpty() && m_model->rowOf(m_selectWhenAdded) >= 0)
            selectSession(std::exchange(m_selectWhenAdded, {}));
        if (currentSessionId().isEmpty() && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, 0));
        updateEmptyState();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl, const QModelIndex &br) {
        const int row = m_model->rowOf(currentSessionId());
        if (row >= tl.row() && row <= br.row())
            refreshDetails();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_selectWhenAdded.isEmpty() && m_model->rowOf(m_selectWhenAdded) >= 0)
            selectSession(std::exchange(m_selectWhenAdded, {}));
        else if (currentSessionId().isEmpty() && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, 0));
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::refreshDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::refreshDetails);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateEmptyState);

    connect(&facade, &EngineFacade::engineFailed, this, [this](const QString &message) {
        m_engineRunning = false;
        m_engineProblem = message;
        m_engine->setText(tr("engine stopped"));
        m_engine->setToolTip(message);
        m_messages->showMessage(MessageBar::Kind::Error, tr("The gateway engine stopped: %1 Restart Wagate to continue.")
                                                             .arg(ErrorText::clause(message)));
        updateActions();
    });
    connect(&facade, &EngineFacade::engineReady, this, [this](const QString &url) {
        m_engineRunning = true;
        m_api->setText(tr("API %1").arg(url));
        m_engine->setText(tr("engine OK"));
        m_engine->setToolTip(QString());
        updateActions();
    });
    connect(&facade, &EngineFacade::signedIn, this, [this] {
        updateTitle();
        updateActions();
    });
    // Rights follow the account: a demoted operator's buttons go grey (with the reason) at once.
    connect(&facade, &EngineFacade::principalChanged, this, [this] {
        updateTitle();
        updateActions();
    });

    m_timeline->setFacade(&facade);
    m_messageModel->setFacade(&facade);
    m_outbox->setFacade(&facade);
    m_model->setFacade(&facade);
    updateTitle();
    updateActions();
    updateCounts();
    resize(1180, 700);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    m_new = new QAction(ActionIcons::newSession(), tr("New session"), this);
    m_new->setShortcut(QKeySequence::New);
    connect(m_new, &QAction::triggered, this, [this] { openNewSessionDialog(); });

    m_start = new QAction(ActionIcons::start(), tr("Start"), this);
    connect(m_start, &QAction::triggered, this, [this] { startSession(currentSessionId()); });
    m_stop = new QAction(ActionIcons::stop(), tr("Stop"), this);
    connect(m_stop, &QAction::triggered, this, [this] { stopSession(currentSessionId()); });
    m_link = new QAction(ActionIcons::link(), tr("Link a number"), this);
    connect(m_link, &QAction::triggered, this, [this] { openLinkDialog(currentSessionId()); });
    m_logout = new QAction(tr("Log out the number…"), this);
    connect(m_logout, &QAction::triggered, this, [this] { confirmLogout(currentSessionId()); });
    m_edit = new QAction(tr("Edit settings…"), this);
    connect(m_edit, &QAction::triggered, this, [this] { openEditDialog(currentSessionId()); });
    m_delete = new QAction(ActionIcons::remove(), tr("Delete"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    // Only while the table has the focus: Delete in the filter field edits the filter.
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_delete, &QAction::triggered, this, [this] { confirmDelete(currentSessionId()); });

    m_find = new QAction(tr("Find…"), this);
    m_find->setShortcut(QKeySequence::Find);
    m_find->setShortcutContext(Qt::WindowShortcut);
    connect(m_find, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(m_find);

    m_copyPhone = new QAction(ActionIcons::copy(), tr("Copy phone number"), this);
    connect(m_copyPhone, &QAction::triggered, this, [this] {
        if (const auto s = currentSession(); s && !s->phoneNumber.isEmpty()) {
            QApplication::clipboard()->setText(s->phoneNumber);
            flash(tr("Copied %1").arg(s->phoneNumber));
        }
    });
    m_copyId = new QAction(tr("Copy session id"), this);
    connect(m_copyId, &QAction::triggered, this, [this] {
        if (const QString id = currentSessionId(); !id.isEmpty()) {
            QApplication::clipboard()->setText(id);
            flash(tr("Copied %1").arg(id));
        }
    });
    m_sendMessage = new QAction(ActionIcons::send(), tr("Send a message…"), this);
    m_sendMessage->setObjectName(QStringLiteral("sendMessageAction"));
    m_sendMessage->setIconText(tr("Send a message"));
    // Icon only in the toolbar, which must leave room for the filter in every language; the
    // Messages tab shows it with its words.
    m_sendMessage->setPriority(QAction::LowPriority);
    connect(m_sendMessage, &QAction::triggered, this, [this] { openSendDialog(currentSessionId()); });
    m_cancelMessage = new QAction(tr("Cancel message"), this);
    connect(m_cancelMessage, &QAction::triggered, this, &MainWindow::cancelCurrentMessage);
    m_webhooks = new QAction(tr("Webhooks…"), this);
    connect(m_webhooks, &QAction::triggered, this, [this] { openWebhooksDialog(); });

    m_signOut = new QAction(tr("Sign out"), this);
    connect(m_signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    m_quit = new QAction(tr("Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::buildToolBar()
{
    auto *tb = addToolBar(tr("Sessions"));
    tb->setObjectName(QStringLiteral("sessionsToolBar"));
    tb->setMovable(false);
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tb->setIconSize(QSize(18, 18));
    tb->addAction(m_new);
    tb->addSeparator();
    tb->addAction(m_start);
    tb->addAction(m_stop);
    tb->addAction(m_link);
    tb->addSeparator();
    tb->addAction(m_sendMessage);
    tb->addSeparator();
    tb->addAction(m_delete);

    auto *spacer = new QWidget(tb);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    tb->addWidget(spacer);

    auto *filterBox = new QWidget(tb);
    auto *h = new QHBoxLayout(filterBox);
    h->setContentsMargins(0, 0, 4, 0);
    auto *label = new QLabel(tr("&Filter:"), filterBox);
    m_filter = new QLineEdit(filterBox);
    m_filter->setPlaceholderText(tr("Search label or phone"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(220);
    m_filter->setToolTip(tr("Type part of a label or of a phone number, in any formatting (%1)")
                             .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    label->setBuddy(m_filter);
    m_statusFilter = new QComboBox(filterBox);
    m_statusFilter->setAccessibleName(tr("Status filter"));
    m_statusFilter->addItem(tr("All statuses"), QVariantList());
    m_statusFilter->addItem(ActionIcons::error(), tr("Needs attention"),
                            statusSet({SessionStatus::Failed, SessionStatus::LoggedOut, SessionStatus::Reconnecting}));
    m_statusFilter->insertSeparator(2);
    for (SessionStatus s : allSessionStatuses())
        m_statusFilter->addItem(SessionStatusLook::icon(s), SessionStatusLook::words(s), statusSet({s}));
    m_statusFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    h->addWidget(label);
    h->addWidget(m_filter);
    h->addWidget(m_statusFilter);
    tb->addWidget(filterBox);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &SessionFilterProxy::setFilterText);
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() > 0) {
            m_table->setFocus();
            if (!m_table->currentIndex().isValid())
                m_table->setCurrentIndex(m_proxy->index(0, 0));
        }
    });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        QSet<SessionStatus> set;
        for (const QVariant &v : m_statusFilter->currentData().toList())
            set.insert(SessionStatus(v.toInt()));
        m_proxy->setStatusFilter(set);
    });
}

void MainWindow::buildCentral()
{
    auto *central = new QWidget(this);
    auto *v = new QVBoxLayout(central);
    v->setContentsMargins(6, 6, 6, 0);
    m_messages = new MessageBar(central);
    v->addWidget(m_messages);

    auto *splitter = new QSplitter(Qt::Horizontal, central);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("sessionTable"));
    m_table->setAccessibleName(tr("Sessions"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SessionListModel::LabelColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setIconSize(QSize(16, 16));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->addAction(m_delete);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(SessionListModel::LabelColumn, QHeaderView::Stretch);
    const QFontMetrics fm = m_table->fontMetrics();
    header->resizeSection(SessionListModel::PhoneColumn, fm.horizontalAdvance(QStringLiteral("+62 812-3456-78901")) + 24);
    int statusWidth = 0;
    for (SessionStatus s : allSessionStatuses())
        statusWidth = std::max(statusWidth, fm.horizontalAdvance(SessionStatusLook::words(s)));
    header->resizeSection(SessionListModel::StatusColumn, statusWidth + 48);
    header->resizeSection(SessionListModel::LastConnectedColumn,
                          std::max(fm.horizontalAdvance(tr("Last connected")), fm.horizontalAdvance(tr("yesterday"))) + 32);
    header->setMinimumSectionSize(60);

    m_emptyState = new QLabel(m_table->viewport());
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_emptyState->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_table->viewport()->installEventFilter(this);

    // The selected session's details and its messages, side by side with the table in tabs.
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(QStringLiteral("sideTabs"));
    m_tabs->setDocumentMode(true);
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(300);
    m_details = new SessionDetailsPane(scroll);
    m_details->setTimelineModel(m_timeline);
    m_details->setOutboxTracker(m_outbox);
    scroll->setWidget(m_details);
    m_messagesView = new MessagesView(m_messageModel, m_sendMessage, m_cancelMessage, m_tabs);
    m_tabs->addTab(scroll, tr("Details"));
    m_tabs->addTab(m_messagesView, tr("Messages"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({640, 520});
    connect(m_messagesView, &MessagesView::currentMessageChanged, this, &MainWindow::updateMessageActions);
    v->addWidget(splitter, 1);
    setCentralWidget(central);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onCurrentChanged);
    connect(m_table, &QTableView::activated, this, &MainWindow::openDetails);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex i = m_table->indexAt(pos);
        if (!i.isValid())
            return;
        m_table->setCurrentIndex(i);
        // popup(), not exec(): no nested event loop on the GUI thread.
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addActions({m_start, m_stop, m_link, m_logout});
        menu->addSeparator();
        menu->addActions({m_edit, m_copyPhone, m_copyId});
        menu->addSeparator();
        menu->addAction(m_delete);
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_details, &SessionDetailsPane::linkRequested, this, &MainWindow::openLinkDialog);
    connect(m_details, &SessionDetailsPane::startRequested, this, &MainWindow::startSession);
    connect(m_details, &SessionDetailsPane::editRequested, this, &MainWindow::openEditDialog);
    connect(m_details, &SessionDetailsPane::copied, this, &MainWindow::flash);
}

void MainWindow::buildStatusBar()
{
    // One widget for the whole bar, so the counts and the engine state are never pushed out by
    // a passing message; confirmations get their own place.
    QStatusBar *bar = statusBar();
    auto *content = new QWidget(bar);
    auto *h = new QHBoxLayout(content);
    h->setContentsMargins(4, 0, 4, 0);
    h->setSpacing(6);
    m_api = new QLabel(content);
    m_api->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString url = m_facade.apiBaseUrl();
    m_api->setText(url.isEmpty() ? tr("API not running") : tr("API %1").arg(url));
    m_copyApi = new QToolButton(content);
    m_copyApi->setIcon(ActionIcons::copy());
    m_copyApi->setText(tr("Copy"));
    m_copyApi->setToolTip(tr("Copy the API address for scripts"));
    m_copyApi->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyApi->setAutoRaise(true);
    connect(m_copyApi, &QToolButton::clicked, this, [this] {
        const QString url = m_facade.apiBaseUrl();
        if (url.isEmpty())
            return;
        QApplication::clipboard()->setText(url);
        flash(tr("Copied %1").arg(url));
    });
    m_flash = new QLabel(content);
    m_flash->setForegroundRole(QPalette::PlaceholderText);
    m_flashTimer = new QTimer(this);
    m_flashTimer->setSingleShot(true);
    m_flashTimer->setInterval(4000);
    connect(m_flashTimer, &QTimer::timeout, m_flash, &QLabel::clear);
    m_counts = new ElidedLabel(content);
    m_counts->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_counts->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_engine = new QLabel(tr("engine OK"), content);
    auto *dot = new QLabel(QStringLiteral("·"), content);
    h->addWidget(m_api);
    h->addWidget(m_copyApi);
    h->addWidget(m_flash);
    h->addWidget(m_counts, 1);
    h->addWidget(dot);
    h->addWidget(m_engine);
    bar->addWidget(content, 1);
    bar->setSizeGripEnabled(false);
}

void MainWindow::flash(const QString &text)
{
    m_flash->setText(text);
    m_flashTimer->start();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_signOut);
    file->addSeparator();
    file->addAction(m_quit);
    QMenu *session = menuBar()->addMenu(tr("&Session"));
    session->addActions({m_new, m_start, m_stop, m_link, m_logout});
    session->addSeparator();
    session->addActions({m_edit, m_copyPhone, m_copyId});
    session->addSeparator();
    session->addAction(m_delete);
    QMenu *messages = menuBar()->addMenu(tr("&Messages"));
    messages->addActions({m_sendMessage, m_cancelMessage});
    messages->addSeparator();
    messages->addAction(m_webhooks);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_find);

    // Each language in its own words, so whoever cannot read the current one still finds theirs.
    QMenu *language = menuBar()->addMenu(tr("&Language"));
    m_languages = new QActionGroup(this);
    QAction *system = language->addAction(tr("System language"));
    system->setData(QString());
    language->addSeparator();
    for (const ConsoleLanguage::Language &l : ConsoleLanguage::available())
        language->addAction(l.nativeName)->setData(l.code);
    for (QAction *a : language->actions()) {
        if (a->isSeparator())
            continue;
        a->setCheckable(true);
        m_languages->addAction(a);
    }
    system->setChecked(true);
    connect(m_languages, &QActionGroup::triggered, this, [this](QAction *a) { emit languageChosen(a->data().toString()); });
}

void MainWindow::setLanguage(const QString &code)
{
    for (QAction *a : m_languages->actions())
        a->setChecked(a->data().toString() == code);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (m_table && watched == m_table->viewport() && event->type() == QEvent::Resize)
        m_emptyState->setGeometry(m_table->viewport()->rect().adjusted(24, 24, -24, -24));
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::updateEmptyState()
{
    if (!m_model->isLoaded()) {
        m_emptyState->setText(tr("Loading sessions…"));
    } else if (m_model->rowCount() == 0) {
        m_emptyState->setText(canManage() ? tr("No sessions yet.\nPress “New session” to add a WhatsApp number.")
                                          : tr("No sessions yet."));
    } else if (m_proxy->rowCount() == 0) {
        m_emptyState->setText(tr("No session matches the filter."));
    } else {
        m_emptyState->clear();
    }
    m_emptyState->setGeometry(m_table->viewport()->rect().adjusted(24, 24, -24, -24));
    m_emptyState->setVisible(!m_emptyState->text().isEmpty());
}

void MainWindow::setOperatorName(const QString &name)
{
    m_operatorName = name;
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString org = m_facade.organizationName();
    if (org.isEmpty())
        setWindowTitle(tr("Wagate"));
    else if (m_operatorName.isEmpty())
        setWindowTitle(tr("Wagate — %1").arg(org));
    else
        setWindowTitle(tr("Wagate — %1 (operator: %2)").arg(org, m_operatorName));
}

bool MainWindow::canManage() const
{
    const auto p = m_facade.principal();
    return p && p->can(Capability::Manage);
}

QString MainWindow::currentSessionId() const
{
    const QModelIndex i = m_table ? m_table->currentIndex() : QModelIndex();
    return i.isValid() ? i.data(SessionListModel::IdRole).toString() : QString();
}

std::optional<SessionInfo> MainWindow::currentSession() const
{
    if (const SessionInfo *s = m_model->session(currentSessionId()))
        return *s;
    return std::nullopt;
}

void MainWindow::selectSession(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex i = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!i.isValid())
        return;
    m_table->setCurrentIndex(i);
    m_table->scrollTo(i);
}

void MainWindow::selectSessionWhenListed(const QString &id)
{
    if (m_model->rowOf(id) >= 0)
        selectSession(id);
    else
        m_selectWhenAdded = id;
}

void MainWindow::onCurrentChanged()
{
    m_timeline->setSessionId(currentSessionId());
    m_messageModel->setSessionId(currentSessionId());
    refreshDetails();
}

void MainWindow::refreshDetails()
{
    m_details->setSession(currentSession());
    m_outbox->setSession(currentSession());
    m_details->setManageAllowed(canManage(), ErrorText::missingPermission(Capability::Manage));
    if (currentSessionId().isEmpty())
        m_timeline->setSessionId({});
    updateActions();
}

void MainWindow::openDetails()
{
    if (currentSessionId().isEmpty())
        return;
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter"))) {
        QList<int> sizes = splitter->sizes();
        if (sizes.value(1) < 200) {
            sizes[1] = 380;
            splitter->setSizes(sizes);
        }
    }
    m_tabs->setCurrentIndex(0);
    m_details->focusFirst();
}

void MainWindow::showMessagesTab()
{
    m_tabs->setCurrentWidget(m_messagesView);
}

void MainWindow::updateActions()
{
    const bool manage = canManage() && m_engineRunning;
    const QString noManage = !m_engineRunning ? tr("The gateway engine is not running.")
                                              : ErrorText::missingPermission(Capability::Manage);
    const auto s = currentSession();
    const QString none = tr("Select a session first.");

    setActionState(m_new, manage, tr("Add a session for a WhatsApp number (%1)")
                                      .arg(m_new->shortcut().toString(QKeySequence::NativeText)),
                   noManage);

    auto sessionState = [&](QAction *a, bool possible, const QString &tip, const QString &whyNot) {
        if (!manage)
            setActionState(a, false, tip, noManage);
        else if (!s)
            setActionState(a, false, tip, none);
        else
            setActionState(a, possible, tip, whyNot);
    };
    if (s) {
        const bool attached = s->hasNumberAttached();
        sessionState(m_start, attached && !isActiveStatus(s->status), tr("Connect “%1” to WhatsApp").arg(s->label),
                     !attached ? tr("“%1” has no number yet: link one first.").arg(s->label)
                               : tr("“%1” is already started.").arg(s->label));
        sessionState(m_stop, isActiveStatus(s->status), tr("Disconnect “%1”; it stays linked").arg(s->label),
                     tr("“%1” is not running.").arg(s->label));
        sessionState(m_link, !attached, tr("Link a WhatsApp number to “%1” by QR code or pairing code").arg(s->label),
                     tr("“%1” already has a number. Log it out first to link another.").arg(s->label));
        sessionState(m_logout, attached, tr("Unlink the number from “%1”").arg(s->label),
                     tr("“%1” has no number to log out.").arg(s->label));
        sessionState(m_edit, true, tr("Change the label and sending pace of “%1”").arg(s->label), QString());
        sessionState(m_delete, true, tr("Delete “%1” (Del)").arg(s->label), QString());
    } else {
        for (QAction *a : {m_start, m_stop, m_link, m_logout, m_edit, m_delete})
            sessionState(a, false, QString(), none);
    }
    m_copyPhone->setEnabled(s && !s->phoneNumber.isEmpty());
    m_copyId->setEnabled(s.has_value());

    const bool admin = can(Capability::Admin) && m_engineRunning;
    setActionState(m_webhooks, admin, tr("Send the organization's events to your own systems"),
                   !m_engineRunning ? tr("The gateway engine is not running.") : ErrorText::missingPermission(Capability::Admin));
    updateMessageActions();
}

bool MainWindow::can(Capability capability) const
{
    const auto p = m_facade.principal();
    return p && p->can(capability);
}

void MainWindow::updateMessageActions()
{
    const auto s = currentSession();
    const bool send = can(Capability::Send) && m_engineRunning;
    const QString noSend = !m_engineRunning ? tr("The gateway engine is not running.") : ErrorText::missingPermission(Capability::Send);
    if (!send)
        setActionState(m_sendMessage, false, QString(), noSend);
    else if (!s)
        setActionState(m_sendMessage, false, QString(), tr("Select a session first."));
    else
        setActionState(m_sendMessage, s->hasNumberAttached(), tr("Send a WhatsApp message from “%1”").arg(s->label),
                       tr("“%1” has no number yet: link one first.").arg(s->label));

    const MessageInfo *m = m_messageModel->message(m_messagesView ? m_messagesView->currentMessageId() : QString());
    if (!send)
        setActionState(m_cancelMessage, false, QString(), noSend);
    else if (!m)
        setActionState(m_cancelMessage, false, QString(), tr("Select a queued message in the list first."));
    else
        setActionState(m_cancelMessage, m->direction == MessageDirection::Out && m->status == MessageStatus::Queued,
                       tr("Keep this message from being sent"), tr("Only a message still waiting in the outbox can be canceled."));
}

void MainWindow::updateCounts()
{
    const QMap<SessionStatus, int> counts = m_model->statusCounts();
    QStringList parts;
    auto add = [&](int n, const QString &text) {
        if (n > 0)
            parts << text;
    };
    const int waiting = counts.value(SessionStatus::ScanQrCode) + counts.value(SessionStatus::PairingCode);
    // What needs a person first, then the rest.
    add(counts.value(SessionStatus::Failed), tr("%Ln failed", nullptr, counts.value(SessionStatus::Failed)));
    add(counts.value(SessionStatus::LoggedOut), tr("%Ln logged out", nullptr, counts.value(SessionStatus::LoggedOut)));
    add(counts.value(SessionStatus::Reconnecting), tr("%Ln reconnecting", nullptr, counts.value(SessionStatus::Reconnecting)));
    add(counts.value(SessionStatus::Working), tr("%Ln working", nullptr, counts.value(SessionStatus::Working)));
    add(counts.value(SessionStatus::Starting), tr("%Ln starting", nullptr, counts.value(SessionStatus::Starting)));
    add(waiting, tr("%Ln waiting for a phone", nullptr, waiting));
    add(counts.value(SessionStatus::Stopped), tr("%Ln stopped", nullptr, counts.value(SessionStatus::Stopped)));
    add(counts.value(SessionStatus::Unpaired), tr("%Ln not linked", nullptr, counts.value(SessionStatus::Unpaired)));
    m_counts->setText(parts.isEmpty() ? tr("no sessions") : parts.join(QStringLiteral(" · ")));
    updateEmptyState();
}

QString MainWindow::countsText() const
{
    return m_counts->text();
}

QString MainWindow::apiText() const
{
    return m_api->text();
}

QString MainWindow::engineText() const
{
    return m_engine->text();
}

void MainWindow::reportFailure(const QString &what, const QString &label, const Error &error)
{
    qCInfo(lcUi) << what << "failed:" << errorCodeName(error.code) << error.message;
    m_messages->showMessage(MessageBar::Kind::Error, what.arg(label) + u' ' + ErrorText::forAction(error));
}

SessionDialog *MainWindow::openNewSessionDialog()
{
    if (!m_new->isEnabled())
        return nullptr;
    auto *dialog = new SessionDialog(m_facade, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SessionDialog::saved, this, [this](const SessionInfo &s) {
        m_messages->hide();
        if (m_model->rowOf(s.id) >= 0)
            selectSession(s.id);
        else
            m_selectWhenAdded = s.id;
        flash(tr("Created “%1”. Link a number to it next.").arg(s.label));
    });
    dialog->open();
    return dialog;
}

SessionDialog *MainWindow::openEditDialog(const QString &id)
{
    const SessionInfo *s = m_model->session(id);
    if (!s || !canManage())
        return nullptr;
    auto *dialog = new SessionDialog(m_facade, *s, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

LinkNumberDialog *MainWindow::openLinkDialog(const QString &id)
{
    const SessionInfo *s = m_model->session(id);
    if (!s || !canManage())
        return nullptr;
    auto *dialog = new LinkNumberDialog(m_facade, *s, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LinkNumberDialog::linked, this, [this](const SessionInfo &linked) {
        flash(tr("Linked %1 to “%2”").arg(PhoneNumber::format(linked.phoneNumber), linked.label));
    });
    dialog->open();
    return dialog;
}

void MainWindow::startSession(const QString &id)
{
    const SessionInfo *s = m_model->session(id);
    if (!s)
        return;
    QPointer<MainWindow> self(this);
    m_facade.startSession(id, [self, label = s->label](Result<SessionInfo> r) {
        if (self && !r)
            self->reportFailure(tr("Could not start “%1”."), label, r.error());
    });
}

void MainWindow::stopSession(const QString &id)
{
    const SessionInfo *s = m_model->session(id);
    if (!s)
        return;
    QPointer<MainWindow> self(this);
    m_facade.stopSession(id, [self, label = s->label](Result<SessionInfo> r) {
        if (self && !r)
            self->reportFailure(tr("Could not stop “%1”."), label, r.error());
    });
}

void MainWindow::confirmLogout(const QString &id)
{
    const SessionInfo *s = m_model->session(id);
    if (!s || !m_logout->isEnabled())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Log out the number"),
                                tr("Log out %1 from “%2”?").arg(PhoneNumber::format(s->phoneNumber), s->label),
                                QMessageBox::NoButton, this);
    box->setInformativeText(tr("The phone will no longer list this computer as a linked device. To use the number "
                               "here again, link it again."));
    box->addButton(tr("Log out"), QMessageBox::DestructiveRole);
    box->setDefaultButton(box->addButton(tr("Cancel"), QMessageBox::RejectRole));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, id, label = s->label](QAbstractButton *b) {
        if (box->buttonRole(b) != QMessageBox::DestructiveRole)
            return;
        QPointer<MainWindow> self(this);
        m_facade.logoutSession(id, [self, label](Result<SessionInfo> r) {
            if (self && !r)
                self->reportFailure(tr("Could not log out “%1”."), label, r.error());
        });
    });
    box->open();
}

void MainWindow::confirmDelete(const QString &id)
{
    const SessionInfo *s = m_model->session(id);
    if (!s || !m_delete->isEnabled())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete session"), tr("Delete “%1”?").arg(s->label),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setInformativeText(s->hasNumber()
                                ? tr("%1 is unlinked from this computer and the session's history is removed. "
                                     "This cannot be undone.").arg(PhoneNumber::format(s->phoneNumber))
                                : tr("The session and its history are removed. This cannot be undone."));
    box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(box->addButton(tr("Cancel"), QMessageBox::RejectRole));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, id, label = s->label](QAbstractButton *b) {
        if (box->buttonRole(b) != QMessageBox::DestructiveRole)
            return;
        QPointer<MainWindow> self(this);
        m_facade.deleteSession(id, [self, label](Result<bool> r) {
            if (!self)
                return;
            if (!r)
                self->reportFailure(tr("Could not delete “%1”."), label, r.error());
            else
                self->flash(tr("Deleted “%1”").arg(label));
        });
    });
    box->open();
}

SendMessageDialog *MainWindow::openSendDialog(const QString &sessionId)
{
    const SessionInfo *s = m_model->session(sessionId);
    if (!s || !m_sendMessage->isEnabled())
        return nullptr;
    auto *dialog = new SendMessageDialog(m_facade, *s, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MainWindow::cancelCurrentMessage()
{
    const MessageInfo *m = m_messageModel->message(m_messagesView->currentMessageId());
    if (!m || !m_cancelMessage->isEnabled())
        return;
    QPointer<MainWindow> self(this);
    m_facade.cancelMessage(m->sessionId, m->id, [self](Result<MessageInfo> r) {
        if (!self)
            return;
        if (!r) {
            qCInfo(lcUi) << "canceling failed:" << errorCodeName(r.error().code) << r.error().message;
            self->m_messages->showMessage(MessageBar::Kind::Error,
                                          tr("The message was not canceled. %1").arg(ErrorText::forAction(r.error())));
            return;
        }
        self->m_messageModel->apply(*r);
        self->flash(tr("Canceled the message to %1").arg(PhoneNumber::format(r->phoneNumber)));
    });
}

WebhooksDialog *MainWindow::openWebhooksDialog()
{
    if (!m_webhooks->isEnabled())
        return nullptr;
    auto *dialog = new WebhooksDialog(m_facade, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace wagate
