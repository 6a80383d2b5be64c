#include "sessiondialog.h"

#include "core/enginefacade.h"
#include "errortext.h"
#include "noticeframe.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace wagate {

namespace {

QLabel *problemLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #c5221f;"));
    l->hide();
    return l;
}

} // namespace

SessionDialog::SessionDialog(EngineFacade &facade, QWidget *parent) : QDialog(parent), m_facade(facade)
{
    build();
    setWindowTitle(tr("New session"));
    m_perMin->setValue(20);
    m_perHour->setValue(600);
    m_typing->setChecked(true);
    submitButton()->setText(tr("Create"));
    validate();
}

SessionDialog::SessionDialog(EngineFacade &facade, const SessionInfo &session, QWidget *parent)
    : QDialog(parent), m_facade(facade), m_sessionId(session.id), m_original(session)
{
    build();
    setWindowTitle(tr("Settings of “%1”").arg(session.label));
    m_label->setText(session.label);
    m_perMin->setValue(session.ratePerMin);
    m_perHour->setValue(session.ratePerHour);
    m_autoRead->setChecked(session.autoRead);
    m_typing->setChecked(session.presenceTyping);
    submitButton()->setText(tr("Save"));
    validate();
}

void SessionDialog::build()
{
    setWindowModality(Qt::WindowModal);
    auto *v = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_label = new QLineEdit(this);
    m_label->setPlaceholderText(tr("e.g. Support line"));
    m_label->setMaxLength(limits::kMaxLabelLength);
    m_label->setMinimumWidth(280);
    m_labelProblem = problemLabel(this);
    auto *labelBox = new QVBoxLayout;
    labelBox->setSpacing(2);
    labelBox->addWidget(m_label);
    labelBox->addWidget(m_labelProblem);
    auto *labelCaption = new QLabel(tr("&Label:"), this);
    labelCaption->setBuddy(m_label);
    form->addRow(labelCaption, labelBox);

    m_perMin = new QSpinBox(this);
    m_perMin->setRange(limits::kMinRatePerMin, limits::kMaxRatePerMin);
    m_perMin->setSuffix(tr(" per minute"));
    m_perMin->setToolTip(tr("From %L1 to %L2").arg(limits::kMinRatePerMin).arg(limits::kMaxRatePerMin));
    m_perHour = new QSpinBox(this);
    m_perHour->setRange(limits::kMinRatePerHour, limits::kMaxRatePerHour);
    m_perHour->setSuffix(tr(" per hour"));
    m_perHour->setToolTip(tr("From %L1 to %L2").arg(limits::kMinRatePerHour).arg(limits::kMaxRatePerHour));
    form->addRow(tr("Send at most:"), m_perMin);
    form->addRow(QString(), m_perHour);
    m_rateHint = new QLabel(this);
    m_rateHint->setWordWrap(true);
    m_rateHint->hide();
    form->addRow(QString(), m_rateHint);

    m_autoRead = new QCheckBox(tr("Mark incoming messages as &read"), this);
    m_typing = new QCheckBox(tr("Show “&typing…” before each message"), this);
    form->addRow(QString(), m_autoRead);
    form->addRow(QString(), m_typing);
    v->addLayout(form);

    m_error = problemLabel(this);
    v->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    // Named here: Qt has no translation of its standard buttons for every language the console speaks.
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    v->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SessionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SessionDialog::reject);
    connect(m_label, &QLineEdit::textChanged, this, &SessionDialog::validate);
    connect(m_perMin, &QSpinBox::valueChanged, this, &SessionDialog::validate);
    connect(m_perHour, &QSpinBox::valueChanged, this, &SessionDialog::validate);
}

QPushButton *SessionDialog::submitButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString SessionDialog::labelProblem() const
{
    return m_labelProblem->isHidden() ? QString() : m_labelProblem->text();
}

QString SessionDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SessionDialog::validate()
{
    // The same rules as the engine's validateLabel/validateRates, said before anyone presses a button.
    const QString label = m_label->text().trimmed();
    QString problem;
    if (label.isEmpty() && m_label->isModified())
        problem = tr("Give the session a name people recognise, e.g. “Support line”.");
    for (QChar c : label)
        if (c.category() == QChar::Other_Control)
            problem = tr("The name cannot contain control characters.");
    m_labelProblem->setText(problem);
    m_labelProblem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty() && isVisible())
        growToFit(this);

    if (m_perHour->value() < m_perMin->value()) {
        m_rateHint->setText(tr("The hourly limit is lower than the per-minute one, so at most %Ln messages go out in any hour.",
                               nullptr, m_perHour->value()));
        m_rateHint->show();
        if (isVisible())
            growToFit(this);
    } else {
        m_rateHint->hide();
    }
    submitButton()->setEnabled(!m_busy && !label.isEmpty() && problem.isEmpty());
}

void SessionDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *>{m_label, m_perMin, m_perHour, m_autoRead, m_typing})
        w->setEnabled(!busy);
    validate();
}

void SessionDialog::accept()
{
    if (m_busy || !submitButton()->isEnabled())
        return;
    m_error->hide();
    setBusy(true);
    QPointer<SessionDialog> self(this);
    auto done = [self](Result<SessionInfo> r) {
        if (!self)
            return;
        self->setBusy(false);
        if (!r) {
            self->m_error->setText(ErrorText::forAction(r.error()));
            self->m_error->show();
            growToFit(self);
            if (r.error().details.value(QStringLiteral("field")).toString() == QLatin1String("label"))
                self->m_label->setFocus();
            return;
        }
        emit self->saved(*r);
        self->QDialog::accept();
    };
    if (isEditing()) {
        SessionPatch patch;
        if (m_label->text().trimmed() != m_original.label)
            patch.label = m_label->text().trimmed();
        if (m_perMin->value() != m_original.ratePerMin)
            patch.ratePerMin = m_perMin->value();
        if (m_perHour->value() != m_original.ratePerHour)
            patch.ratePerHour = m_perHour->value();
        if (m_autoRead->isChecked() != m_original.autoRead)
            patch.autoRead = m_autoRead->isChecked();
        if (m_typing->isChecked() != m_original.presenceTyping)
            patch.presenceTyping = m_typing->isChecked();
        m_facade.updateSession(m_sessionId, patch, done);
    } else {
        SessionCreate request;
        request.label = m_label->text().trimmed();
        request.ratePerMin = m_perMin->value();
        request.ratePerHour = m_perHour->value();
        request.autoRead = m_autoRead->isChecked();
        request.presenceTyping = m_typing->isChecked();
        m_facade.createSession(request, done);
    }
}

} // namespace wagate
