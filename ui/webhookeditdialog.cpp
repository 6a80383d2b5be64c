#include "webhookeditdialog.h"

#include "core/enginefacade.h"
#include "errortext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace wagate {

const QStringList &WebhookEditDialog::eventTypes()
{
    static const QStringList types{QStringLiteral("message.received"), QStringLiteral("message.status"),
                                   QStringLiteral("session.status"), QStringLiteral("session.sending_paused")};
    return types;
}

QString WebhookEditDialog::eventWords(const QString &type)
{
    if (type == u"message.received")
        return tr("Messages received");
    if (type == u"message.status")
        return tr("Status changes of sent messages");
    if (type == u"session.status")
        return tr("Session status changes");
    if (type == u"session.sending_paused")
        return tr("Sending paused or resumed");
    if (type == u"webhook.test")
        return tr("Test event");
    return type;
}

QString WebhookEditDialog::errorText(const Error &error)
{
    if (error.code == ErrorCode::NotFound)
        return tr("This webhook no longer exists; someone may have deleted it.");
    return ErrorText::forAction(error);
}

WebhookEditDialog::WebhookEditDialog(EngineFacade &facade, const std::optional<WebhookInfo> &existing, QWidget *parent)
    : QDialog(parent), m_facade(facade), m_existing(existing)
{
    setObjectName(QStringLiteral("webhookEditDialog"));
    setWindowTitle(existing ? tr("Edit webhook") : tr("Add a webhook"));
    setWindowModality(Qt::WindowModal);
    auto *v = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Wagate posts each event to this address, signed with the webhook's secret, and "
                                "tries again for a day until the receiver answers with 2xx."),
                             this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    auto *form = new QFormLayout;
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(tr("https://example.com/wagate-events"));
    form->addRow(tr("&URL:"), m_url);
    auto *events = new QWidget(this);
    auto *ev = new QVBoxLayout(events);
    ev->setContentsMargins(0, 0, 0, 0);
    for (const QString &type : eventTypes()) {
        auto *box = new QCheckBox(eventWords(type), events);
        box->setObjectName(type);
        box->setToolTip(type);
        box->setChecked(existing ? existing->events.contains(type) : type.startsWith(u"message."));
        m_events << box;
        ev->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &WebhookEditDialog::updateState);
    }
    form->addRow(tr("Events:"), events);
    m_description = new QLineEdit(this);
    m_description->setMaxLength(500);
    form->addRow(tr("&Description:"), m_description);
    m_enabled = new QCheckBox(tr("Deliver events to this &webhook"), this);
    m_enabled->setChecked(existing ? existing->enabled : true);
    form->addRow(QString(), m_enabled);
    v->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c5221f;"));
    m_problem->hide();
    v->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(existing ? tr("Save") : tr("Add"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    v->addWidget(buttons);
    connect(m_save, &QPushButton::clicked, this, &WebhookEditDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, [this] {
        m_problem->hide();
        updateState();
    });
    if (existing) {
        m_url->setText(existing->url);
        m_description->setText(existing->description);
    }
    updateState();
    resize(std::max(sizeHint().width(), 480), sizeHint().height());
}

QCheckBox *WebhookEditDialog::eventBox(const QString &type) const
{
    for (QCheckBox *b : m_events)
        if (b->objectName() == type)
            return b;
    return nullptr;
}

QString WebhookEditDialog::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void WebhookEditDialog::updateState()
{
    const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
    const bool urlOk = url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty();
    bool anyEvent = false;
    for (QCheckBox *b : std::as_const(m_events))
        anyEvent = anyEvent || b->isChecked();
    m_save->setEnabled(urlOk && anyEvent && !m_inFlight);
    m_save->setToolTip(!urlOk ? tr("Type an http:// or https:// address.")
                       : !anyEvent ? tr("Choose at least one event.")
                                   : QString());
}

void WebhookEditDialog::save()
{
    WebhookChange change;
    change.url = m_url->text().trimmed();
    QStringList events;
    for (QCheckBox *b : std::as_const(m_events))
        if (b->isChecked())
            events << b->objectName();
    change.events = events;
    change.description = m_description->text();
    change.enabled = m_enabled->isChecked();
    m_inFlight = true;
    updateState();
    QPointer<WebhookEditDialog> self(this);
    auto done = [self](Result<WebhookInfo> r) {
        if (!self)
            return;
        self->m_inFlight = false;
        self->updateState();
        if (!r) {
            self->m_problem->setText(errorText(r.error()));
            self->m_problem->show();
            return;
        }
        emit self->saved(*r);
        self->accept();
    };
    if (m_existing)
        m_facade.updateWebhook(m_existing->id, change, done);
    else
        m_facade.createWebhook(change, done);
}

} // namespace wagate
