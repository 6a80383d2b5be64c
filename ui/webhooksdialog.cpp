#include "webhooksdialog.h"

#include "actionicons.h"
#include "core/enginefacade.h"
#include "core/logging.h"
#include "errortext.h"
#include "timetext.h"
#include "webhookeditdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wagate {

namespace {

constexpr int kDeliveriesShown = 50;

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

} // namespace

WebhooksDialog::WebhooksDialog(EngineFacade &facade, QWidget *parent) : QDialog(parent), m_facade(facade)
{
    setObjectName(QStringLiteral("webhooksDialog"));
    setWindowTitle(tr("Webhooks"));
    setWindowModality(Qt::WindowModal);
    auto *v = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Webhooks send the organization's events to your own systems as they happen."), this);
    intro->setWordWrap(true);
    v->addWidget(intro);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(split);
    auto *tv = new QVBoxLayout(top);
    tv->setContentsMargins(0, 0, 0, 0);
    m_list = new QTreeWidget(top);
    m_list->setObjectName(QStringLiteral("webhookList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("URL"), tr("Events"), tr("On"), tr("Latest delivery")});
    // The outcome of the latest delivery is the longest text: it takes what is left.
    m_list->header()->resizeSection(0, 240);
    m_list->header()->resizeSection(1, 200);
    m_list->header()->resizeSection(2, 50);
    tv->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(ActionIcons::newSession(), tr("Add…"), top);
    m_edit = new QPushButton(tr("Edit…"), top);
    m_delete = new QPushButton(ActionIcons::remove(), tr("Delete"), top);
    m_rotate = new QPushButton(tr("New secret…"), top);
    m_rotate->setToolTip(tr("A new signing secret; the old one stays valid for a day, so receivers can switch"));
    m_test = new QPushButton(tr("Send a test event"), top);
    for (QPushButton *b : {m_add, m_edit, m_delete, m_rotate, m_test})
        buttons->addWidget(b);
    buttons->addStretch(1);
    tv->addLayout(buttons);

    auto *bottom = new QWidget(split);
    auto *bv = new QVBoxLayout(bottom);
    bv->setContentsMargins(0, 6, 0, 0);
    m_deliveriesHeading = heading(tr("Recent deliveries"), bottom);
    bv->addWidget(m_deliveriesHeading);
    m_deliveries = new QTreeWidget(bottom);
    m_deliveries->setObjectName(QStringLiteral("deliveryList"));
    m_deliveries->setRootIsDecorated(false);
    m_deliveries->setUniformRowHeights(true);
    m_deliveries->setHeaderLabels({tr("Time"), tr("Event"), tr("Outcome")});
    m_deliveries->header()->resizeSection(0, 110);
    m_deliveries->header()->resizeSection(1, 210);
    bv->addWidget(m_deliveries, 1);
    split->addWidget(top);
    split->addWidget(bottom);
    v->addWidget(split, 1);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c5221f;"));
    m_problem->hide();
    v->addWidget(m_problem);
    auto *box = new QDialogButtonBox(this);
    box->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(box);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        updateButtons();
        loadDeliveries();
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { openEditDialog(); });
    connect(m_add, &QPushButton::clicked, this, [this] { openAddDialog(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { openEditDialog(); });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QString id = currentId();
        if (id.isEmpty())
            return;
        auto *confirm = new QMessageBox(QMessageBox::Warning, tr("Delete webhook"),
                                        tr("Delete the webhook for %1?").arg(m_list->currentItem()->text(0)),
                                        QMessageBox::NoButton, this);
        confirm->setObjectName(QStringLiteral("confirmDeleteWebhook"));
        confirm->setInformativeText(tr("Its deliveries that are still waiting are dropped. This cannot be undone."));
        confirm->addButton(tr("Delete"), QMessageBox::DestructiveRole);
        confirm->setDefaultButton(confirm->addButton(tr("Cancel"), QMessageBox::RejectRole));
        confirm->setAttribute(Qt::WA_DeleteOnClose);
        connect(confirm, &QMessageBox::buttonClicked, this, [this, confirm, id](QAbstractButton *b) {
            if (confirm->buttonRole(b) != QMessageBox::DestructiveRole)
                return;
            QPointer<WebhooksDialog> self(this);
            m_facade.deleteWebhook(id, [self](Result<bool> r) {
                if (!self)
                    return;
                if (!r)
                    return self->report(tr("The webhook was not deleted."), r.error());
                self->reload();
            });
        });
        confirm->open();
    });
    connect(m_rotate, &QPushButton::clicked, this, [this] {
        QPointer<WebhooksDialog> self(this);
        m_facade.rotateWebhookSecret(currentId(), [self](Result<WebhookInfo> r) {
            if (!self)
                return;
            if (!r)
                return self->report(tr("No new secret was made."), r.error());
            self->showSecret(*r);
            self->reload();
        });
    });
    connect(m_test, &QPushButton::clicked, this, [this] {
        QPointer<WebhooksDialog> self(this);
        m_facade.testWebhook(currentId(), [self](Result<WebhookDeliveryInfo> r) {
            if (!self)
                return;
            if (!r)
                return self->report(tr("The test event was not queued."), r.error());
            self->loadDeliveries();
        });
    });
    m_poll.setInterval(3000);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (isVisible())
            loadDeliveries();
    });
    m_poll.start();
    updateButtons();
    reload();
    resize(820, 560);
}

QString WebhooksDialog::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

QString WebhooksDialog::currentId() const
{
    const QTreeWidgetItem *i = m_list->currentItem();
    return i ? i->data(0, Qt::UserRole).toString() : QString();
}

void WebhooksDialog::selectWebhook(const QString &id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(0, Qt::UserRole).toString() == id)
            m_list->setCurrentItem(m_list->topLevelItem(i));
}

void WebhooksDialog::report(const QString &what, const Error &error)
{
    qCInfo(lcUi) << "webhook request failed:" << errorCodeName(error.code) << error.message;
    m_problem->setText(what + u' ' + WebhookEditDialog::errorText(error));
    m_problem->show();
}

QString WebhooksDialog::deliveryText(const WebhookDeliveryInfo &d, qint64 now)
{
    const QString answer = d.lastStatusCode ? tr("HTTP %1").arg(d.lastStatusCode) : d.lastError;
    switch (d.status) {
    case WebhookDeliveryInfo::Status::Delivered:
        return d.lastStatusCode ? tr("Delivered (%1)").arg(answer) : tr("Delivered");
    case WebhookDeliveryInfo::Status::Failed:
        return answer.isEmpty() ? tr("Failed (attempts: %Ln)", nullptr, d.attempts)
                                : tr("Failed (attempts: %Ln) — %1", nullptr, d.attempts).arg(answer);
    case WebhookDeliveryInfo::Status::Pending:
        if (d.attempts == 0)
            return tr("Waiting to be sent");
        return answer.isEmpty()
                   ? tr("Trying again at %1 (attempts so far: %Ln)", nullptr, d.attempts).arg(TimeText::clock(d.nextAttemptAt, now))
                   : tr("Trying again at %1 (attempts so far: %Ln, last: %2)", nullptr, d.attempts)
                         .arg(TimeText::clock(d.nextAttemptAt, now), answer);
    }
    return {};
}

void WebhooksDialog::reload()
{
    const quint64 generation = ++m_generation;
    QPointer<WebhooksDialog> self(this);
    m_facade.listWebhooks([self, generation](Result<QList<WebhookInfo>> r) {
        if (!self || generation != self->m_generation)
            return;
        self->m_loaded = true;
        if (!r)
            return self->report(tr("The webhooks could not be listed."), r.error());
        const QString keep = self->m_select.isEmpty() ? self->currentId() : std::exchange(self->m_select, {});
        self->m_webhooks = *r;
        self->m_list->clear();
        const qint64 now = TimeText::nowMs();
        for (const WebhookInfo &w : std::as_const(self->m_webhooks)) {
            QStringList events;
            for (const QString &e : w.events)
                events << WebhookEditDialog::eventWords(e);
            auto *item = new QTreeWidgetItem(self->m_list);
            item->setText(0, w.url);
            item->setToolTip(0, w.description.isEmpty() ? w.url : w.description);
            item->setText(1, events.join(QStringLiteral(", ")));
            item->setToolTip(1, w.events.join(QStringLiteral(", ")));
            item->setText(2, w.enabled ? tr("Yes") : tr("No"));
            item->setToolTip(2, w.enabled ? QString() : w.disabledReason);
            item->setText(3, w.lastDelivery ? deliveryText(*w.lastDelivery, now) : tr("None yet"));
            item->setToolTip(3, item->text(3));
            if (w.lastDelivery && w.lastDelivery->status == WebhookDeliveryInfo::Status::Failed)
                item->setIcon(3, ActionIcons::error());
            item->setData(0, Qt::UserRole, w.id);
        }
        self->selectWebhook(keep);
        if (!self->m_list->currentItem() && self->m_list->topLevelItemCount() > 0)
            self->m_list->setCurrentItem(self->m_list->topLevelItem(0));
        self->updateButtons();
        self->loadDeliveries();
    });
}

void WebhooksDialog::loadDeliveries()
{
    const QString id = currentId();
    if (id.isEmpty()) {
        m_deliveries->clear();
        m_deliveriesHeading->setText(tr("Recent deliveries"));
        return;
    }
    m_deliveriesHeading->setText(tr("Recent deliveries to %1").arg(m_list->currentItem()->text(0)));
    QPointer<WebhooksDialog> self(this);
    m_facade.webhookDeliveries(id, kDeliveriesShown, [self, id](Result<QList<WebhookDeliveryInfo>> r) {
        if (!self || self->currentId() != id)
            return;
        if (!r)
            return self->report(tr("The deliveries could not be listed."), r.error());
        self->m_deliveries->clear();
        const qint64 now = TimeText::nowMs();
        for (const WebhookDeliveryInfo &d : *r) {
            auto *item = new QTreeWidgetItem(self->m_deliveries);
            item->setText(0, TimeText::clock(d.createdAt, now));
            item->setText(1, WebhookEditDialog::eventWords(d.eventType));
            item->setToolTip(1, d.eventType + QStringLiteral(" · ") + d.eventId);
            item->setText(2, deliveryText(d, now));
            item->setToolTip(2, item->text(2));
            if (d.status == WebhookDeliveryInfo::Status::Failed)
                item->setIcon(2, ActionIcons::error());
            item->setData(0, Qt::UserRole, d.id);
        }
    });
}

void WebhooksDialog::updateButtons()
{
    const bool selected = !currentId().isEmpty();
    for (QPushButton *b : {m_edit, m_delete, m_rotate, m_test})
        b->setEnabled(selected);
}

WebhookEditDialog *WebhooksDialog::openAddDialog()
{
    auto *d = new WebhookEditDialog(m_facade, std::nullopt, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &WebhookEditDialog::saved, this, [this](const WebhookInfo &w) {
        m_problem->hide();
        m_select = w.id;
        showSecret(w);
        reload();
    });
    d->open();
    return d;
}

WebhookEditDialog *WebhooksDialog::openEditDialog()
{
    const QString id = currentId();
    for (const WebhookInfo &w : std::as_const(m_webhooks)) {
        if (w.id != id)
            continue;
        auto *d = new WebhookEditDialog(m_facade, w, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        connect(d, &WebhookEditDialog::saved, this, [this] {
            m_problem->hide();
            reload();
        });
        d->open();
        return d;
    }
    return nullptr;
}

QDialog *WebhooksDialog::showSecret(const WebhookInfo &w)
{
    if (w.secret.isEmpty())
        return nullptr;
    auto *d = new QDialog(this);
    d->setObjectName(QStringLiteral("webhookSecret"));
    d->setWindowTitle(tr("Webhook secret"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    auto *v = new QVBoxLayout(d);
    auto *text = new QLabel(tr("Receivers verify each delivery with this secret. Copy it now: it is shown only this once."), d);
    text->setWordWrap(true);
    v->addWidget(text);
    auto *row = new QHBoxLayout;
    auto *secret = new QLineEdit(w.secret, d);
    secret->setReadOnly(true);
    secret->setMinimumWidth(secret->fontMetrics().horizontalAdvance(w.secret) + 16);
    auto *copy = new QPushButton(ActionIcons::copy(), tr("Copy"), d);
    copy->setObjectName(QStringLiteral("copySecret"));
    row->addWidget(secret, 1);
    row->addWidget(copy);
    v->addLayout(row);
    auto *box = new QDialogButtonBox(d);
    box->addButton(tr("Done"), QDialogButtonBox::AcceptRole);
    v->addWidget(box);
    const QString value = w.secret;
    connect(copy, &QPushButton::clicked, d, [copy, value] {
        QApplication::clipboard()->setText(value);
        copy->setText(tr("Copied"));
    });
    connect(box, &QDialogButtonBox::accepted, d, &QDialog::accept);
    d->open();
    return d;
}

} // namespace wagate
