#include "sendmessagedialog.h"

#include "core/enginefacade.h"
#include "core/logging.h"
#include "errortext.h"
#include "messagestatuslook.h"
#include "phonenumber.h"
#include "phonenumberinput.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace wagate {

namespace {

QLabel *wrapped(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    return l;
}

} // namespace

SendMessageDialog::SendMessageDialog(EngineFacade &facade, const SessionInfo &session, QWidget *parent)
    : QDialog(parent), m_facade(facade), m_session(session)
{
    setObjectName(QStringLiteral("sendMessageDialog"));
    setWindowTitle(tr("Send a message from “%1”").arg(session.label));
    setWindowModality(Qt::WindowModal);
    auto *v = new QVBoxLayout(this);
    auto *intro = wrapped(this);
    intro->setText(session.phoneNumber.isEmpty()
                       ? tr("The message leaves at the session's sending pace.")
                       : tr("From %1. The message leaves at the session's sending pace.").arg(PhoneNumber::format(session.phoneNumber)));
    v->addWidget(intro);

    auto *form = new QFormLayout;
    m_phone = new PhoneNumberInput(this);
    form->addRow(tr("&Country:"), m_phone->countryBox());
    form->addRow(tr("&To:"), m_phone->lineEdit());
    m_normalized = wrapped(this);
    m_normalized->setObjectName(QStringLiteral("normalizedPhone"));
    form->addRow(QString(), m_normalized);
    m_text = new QPlainTextEdit(this);
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("The text of the message"));
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() * 5 + 12);
    form->addRow(tr("&Message:"), m_text);
    m_count = new QLabel(this);
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_count);
    v->addLayout(form);

    m_problem = wrapped(this);
    m_problem->setStyleSheet(QStringLiteral("color: #c5221f;"));
    m_problem->hide();
    v->addWidget(m_problem);

    m_statusRow = new QWidget(this);
    auto *sr = new QHBoxLayout(m_statusRow);
    sr->setContentsMargins(0, 4, 0, 4);
    m_statusIcon = new QLabel(m_statusRow);
    m_statusIcon->setFixedSize(20, 20);
    auto *words = new QVBoxLayout;
    m_status = new QLabel(m_statusRow);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_detail = wrapped(m_statusRow);
    words->addWidget(m_status);
    words->addWidget(m_detail);
    sr->addWidget(m_statusIcon, 0, Qt::AlignTop);
    sr->addLayout(words, 1);
    m_statusRow->hide();
    v->addWidget(m_statusRow);

    auto *buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    m_send->setDefault(true);
    m_close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    v->addWidget(buttons);
    connect(m_send, &QPushButton::clicked, this, [this] {
        if (m_message)
            startOver();
        else
            send();
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_phone, &PhoneNumberInput::changed, this, &SendMessageDialog::updateState);
    connect(m_text, &QPlainTextEdit::textChanged, this, &SendMessageDialog::updateState);
    connect(&m_facade, &EngineFacade::messageStatusChanged, this, [this](const MessageInfo &m, const QString &) {
        if (m_message && m.id == m_message->id && m.updatedAt >= m_message->updatedAt)
            follow(m);
    });
    updateState();
    resize(std::max(sizeHint().width(), 460), sizeHint().height());
    m_phone->lineEdit()->setFocus();
}

QString SendMessageDialog::countText() const
{
    return m_count->text();
}

QString SendMessageDialog::statusText() const
{
    return m_statusRow->isHidden() ? QString() : m_status->text();
}

QString SendMessageDialog::detailText() const
{
    return m_statusRow->isHidden() ? QString() : m_detail->text();
}

QString SendMessageDialog::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void SendMessageDialog::updateState()
{
    if (!m_message) {
        m_normalized->setText(m_phone->feedback(tr("A number with WhatsApp, as you would dial it.")));
        m_normalized->setStyleSheet(m_phone->hasProblem() ? QStringLiteral("color: #c5221f;") : QString());
    }
    const qsizetype n = m_text->toPlainText().size();
    const bool tooLong = n > limits::kMaxMessageLength;
    m_count->setText(tr("%1 / %2 characters").arg(QLocale().toString(n), QLocale().toString(limits::kMaxMessageLength)));
    m_count->setStyleSheet(tooLong ? QStringLiteral("color: #c5221f;") : QString());
    m_count->setForegroundRole(tooLong ? QPalette::WindowText : QPalette::PlaceholderText);
    const bool ready = !m_phone->digits().isEmpty() && !m_text->toPlainText().trimmed().isEmpty() && !tooLong;
    m_send->setEnabled(m_message || (ready && !m_inFlight));
    m_send->setText(m_message ? tr("Send another") : tr("Send"));
    m_send->setToolTip(m_message || ready ? QString()
                       : m_phone->digits().isEmpty() ? tr("Type the number first.")
                       : tooLong ? tr("The message is longer than %1 characters.").arg(QLocale().toString(limits::kMaxMessageLength))
                                 : tr("Type the message first."));
}

void SendMessageDialog::send()
{
    if (m_inFlight || m_phone->digits().isEmpty())
        return;
    m_inFlight = true;
    m_problem->hide();
    updateState();
    SendRequest request;
    request.to = m_phone->digits();
    request.text = m_text->toPlainText();
    QPointer<SendMessageDialog> self(this);
    m_facade.sendMessage(m_session.id, request, [self](Result<MessageInfo> r) {
        if (!self)
            return;
        self->m_inFlight = false;
        if (!r) {
            qCInfo(lcUi) << "sending failed:" << errorCodeName(r.error().code) << r.error().message;
            self->m_problem->setText(tr("Not sent. %1").arg(ErrorText::forAction(r.error())));
            self->m_problem->show();
            self->updateState();
            return;
        }
        // The form says what went; it is no longer for editing.
        self->m_phone->countryBox()->setEnabled(false);
        self->m_phone->lineEdit()->setReadOnly(true);
        self->m_text->setReadOnly(true);
        self->m_message = *r;
        self->follow(*r);
        emit self->sent(*r);
        self->updateState();
    });
}

void SendMessageDialog::follow(const MessageInfo &m)
{
    m_message = m;
    m_statusRow->show();
    m_statusIcon->setPixmap(MessageStatusLook::icon(m.status).pixmap(18, 18));
    m_status->setText(MessageStatusLook::words(m.status));
    m_status->setStyleSheet(QStringLiteral("color: %1").arg(MessageStatusLook::color(m.status).name()));
    m_detail->setText(m.status == MessageStatus::Failed && m.error ? MessageStatusLook::errorText(*m.error)
                                                                    : MessageStatusLook::explanation(m.status));
}

void SendMessageDialog::startOver()
{
    m_message.reset();
    m_statusRow->hide();
    m_problem->hide();
    m_phone->countryBox()->setEnabled(true);
    m_phone->lineEdit()->setReadOnly(false);
    m_text->setReadOnly(false);
    m_text->clear();
    m_text->setFocus();
    updateState();
}

} // namespace wagate
