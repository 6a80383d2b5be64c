#include "linknumberdialog.h"

#include "busyindicator.h"
#include "core/enginefacade.h"
#include "core/logging.h"
#include "errortext.h"
#include "noticeframe.h"
#include "phonenumber.h"
#include "phonenumberinput.h"
#include "problemadvice.h"
#include "qrcodewidget.h"
#include "sessionstatuslook.h"
#include "timetext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>

namespace wagate {

namespace {

enum QrPage { QrBusyPage, QrCodePage, QrOutcomePage };
enum CodePage { CodeFormPage, CodeShownPage };

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    return l;
}

} // namespace

LinkNumberDialog::LinkNumberDialog(EngineFacade &facade, const SessionInfo &session, QWidget *parent)
    : QDialog(parent), m_facade(facade), m_session(session)
{
    setWindowModality(Qt::WindowModal);
    setWindowTitle(tr("Link a number to “%1”").arg(session.label));
    auto *v = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildQrPage(), tr("QR code"));
    m_tabs->addTab(buildCodePage(), tr("Phone number"));
    v->addWidget(m_tabs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_close = buttons->button(QDialogButtonBox::Cancel);
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &LinkNumberDialog::reject);

    connect(&facade, &EngineFacade::sessionUpdated, this, &LinkNumberDialog::onSessionUpdated);
    connect(&facade, &EngineFacade::qrCode, this, &LinkNumberDialog::onQrCode);
    connect(&facade, &EngineFacade::pairingCode, this, &LinkNumberDialog::onPairingCode);
    connect(&facade, &EngineFacade::sessionRemoved, this, [this](const QString &id) {
        if (id == m_session.id)
            setStage(Stage::Failed, tr("This session was deleted."));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        // Opening the QR tab asks for codes unless a phone-number attempt is running: that one is
        // only replaced on request.
        if (index == 0 && m_method == Method::None)
            startQr();
        render();
    });

    m_countdown.setInterval(250);
    connect(&m_countdown, &QTimer::timeout, this, &LinkNumberDialog::updateCountdown);
    m_closeTimer.setSingleShot(true);
    m_closeTimer.setInterval(kCloseAfterLinkedMs);
    connect(&m_closeTimer, &QTimer::timeout, this, &QDialog::accept);
    render();
}

QWidget *LinkNumberDialog::buildQrPage()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *row = new QHBoxLayout;
    m_qrStack = new QStackedWidget(page);
    m_qrStack->setFixedSize(280, 280);

    auto *busyPage = new QWidget(m_qrStack);
    auto *busyLayout = new QVBoxLayout(busyPage);
    m_qrBusy = new BusyIndicator(busyPage);
    m_qrBusy->setFixedSize(40, 40);
    busyLayout->addStretch(1);
    busyLayout->addWidget(m_qrBusy, 0, Qt::AlignCenter);
    busyLayout->addStretch(1);
    m_qrStack->insertWidget(QrBusyPage, busyPage);

    m_qr = new QrCodeWidget(m_qrStack);
    m_qrStack->insertWidget(QrCodePage, m_qr);

    m_qrOutcomeIcon = new QLabel(m_qrStack);
    m_qrOutcomeIcon->setAlignment(Qt::AlignCenter);
    m_qrStack->insertWidget(QrOutcomePage, m_qrOutcomeIcon);

    row->addWidget(m_qrStack, 0, Qt::AlignTop);
    auto *steps = wrapped(tr("<p>On the phone:</p>"
                             "<ol style=\"margin-left: 14px; -qt-list-indent: 0;\">"
                             "<li>Open <b>WhatsApp</b></li>"
                             "<li>Go to <b>Settings → Linked devices</b></li>"
                             "<li>Tap <b>Link a device</b></li>"
                             "<li>Point the phone at this code</li></ol>"),
                          page);
    steps->setMinimumWidth(220);
    row->addWidget(steps, 1, Qt::AlignTop);
    v->addLayout(row);

    auto *status = new QHBoxLayout;
    m_qrMessage = wrapped(QString(), page);
    m_qrMessage->setObjectName(QStringLiteral("qrMessage"));
    m_qrPie = new CountdownPie(page);
    m_qrRetry = new QPushButton(tr("Try again"), page);
    status->addWidget(m_qrPie, 0, Qt::AlignVCenter);
    status->addWidget(m_qrMessage, 1);
    status->addWidget(m_qrRetry);
    v->addLayout(status);
    connect(m_qrRetry, &QPushButton::clicked, this, &LinkNumberDialog::startQr);
    return page;
}

QWidget *LinkNumberDialog::buildCodePage()
{
    m_codeStack = new QStackedWidget(this);

    auto *form = new QWidget(m_codeStack);
    auto *fv = new QVBoxLayout(form);
    fv->addWidget(wrapped(tr("WhatsApp shows a code; you type it on the phone that has the number. "
                             "Type the number as you know it: with + and the country code, or as dialled "
                             "in its country."),
                          form));
    auto *fl = new QFormLayout;
    m_phoneInput = new PhoneNumberInput(form);
    m_country = m_phoneInput->countryBox();
    m_phone = m_phoneInput->lineEdit();
    fl->addRow(tr("&Country:"), m_country);
    fl->addRow(tr("&Phone number:"), m_phone);
    m_normalized = wrapped(QString(), form);
    m_normalized->setObjectName(QStringLiteral("normalizedPhone"));
    fl->addRow(QString(), m_normalized);
    fv->addLayout(fl);
    m_getCode = new QPushButton(tr("Get a pairing code"), form);
    m_getCode->setDefault(true);
    auto *gr = new QHBoxLayout;
    gr->addStretch(1);
    gr->addWidget(m_getCode);
    fv->addLayout(gr);
    fv->addStretch(1);
    m_codeStack->insertWidget(CodeFormPage, form);
    connect(m_phoneInput, &PhoneNumberInput::changed, this, &LinkNumberDialog::updateNormalized);
    connect(m_phoneInput, &PhoneNumberInput::submitted, this, &LinkNumberDialog::startCode);
    connect(m_getCode, &QPushButton::clicked, this, &LinkNumberDialog::startCode);

    auto *shown = new QWidget(m_codeStack);
    auto *sv = new QVBoxLayout(shown);
    m_code = new QLabel(shown);
    m_code->setObjectName(QStringLiteral("pairingCode"));
    m_code->setAlignment(Qt::AlignCenter);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont big = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    big.setPointSizeF(m_code->font().pointSizeF() * 3);
    big.setBold(true);
    big.setLetterSpacing(QFont::PercentageSpacing, 110);
    m_code->setFont(big);
    m_code->setMinimumHeight(QFontMetrics(big).height() + 16);
    sv->addWidget(m_code);
    sv->addWidget(wrapped(tr("<p>On the phone with this number:</p>"
                             "<ol style=\"margin-left: 14px; -qt-list-indent: 0;\">"
                             "<li>Open <b>WhatsApp</b> → <b>Settings → Linked devices</b></li>"
                             "<li>Tap <b>Link a device</b>, then <b>Link with phone number instead</b></li>"
                             "<li>Type the code above</li></ol>"),
                          shown));
    auto *status = new QHBoxLayout;
    m_codeBusy = new BusyIndicator(shown);
    m_codePie = new CountdownPie(shown);
    m_codeMessage = wrapped(QString(), shown);
    m_codeMessage->setObjectName(QStringLiteral("codeMessage"));
    status->addWidget(m_codeBusy, 0, Qt::AlignVCenter);
    status->addWidget(m_codePie, 0, Qt::AlignVCenter);
    status->addWidget(m_codeMessage, 1);
    sv->addLayout(status);
    auto *buttons = new QHBoxLayout;
    m_otherNumber = new QPushButton(tr("Use another number"), shown);
    m_codeRetry = new QPushButton(tr("Get a new code"), shown);
    buttons->addStretch(1);
    buttons->addWidget(m_otherNumber);
    buttons->addWidget(m_codeRetry);
    sv->addLayout(buttons);
    sv->addStretch(1);
    m_codeStack->insertWidget(CodeShownPage, shown);
    connect(m_codeRetry, &QPushButton::clicked, this, &LinkNumberDialog::startCode);
    connect(m_otherNumber, &QPushButton::clicked, this, [this] {
        if (inFlight())
            m_facade.stopSession(m_session.id, [](Result<SessionInfo>) {});
        ++m_attempt;
        m_method = Method::None;
        setStage(Stage::Idle);
        m_phone->setFocus();
        m_phone->selectAll();
    });
    updateNormalized();
    return m_codeStack;
}

QPushButton *LinkNumberDialog::retryButton() const
{
    return m_tabs->currentIndex() == 0 ? m_qrRetry : m_codeRetry;
}

QString LinkNumberDialog::messageText() const
{
    return m_tabs->currentIndex() == 0 ? m_qrMessage->text() : m_codeMessage->text();
}

QString LinkNumberDialog::phoneProblem() const
{
    return m_digits.isEmpty() ? m_normalized->text() : QString();
}

QString LinkNumberDialog::pairingCodeText() const
{
    return m_stage == Stage::ShowingCode && m_method == Method::Code ? m_code->text() : QString();
}

void LinkNumberDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_started) {
        m_started = true;
        if (m_tabs->currentIndex() == 0)
            startQr();
    }
}

void LinkNumberDialog::updateNormalized()
{
    m_digits = m_phoneInput->digits();
    m_normalized->setText(m_phoneInput->feedback(tr("The code goes to the phone with this number.")));
    m_normalized->setStyleSheet(m_phoneInput->hasProblem() ? QStringLiteral("color: #c5221f;") : QString());
    m_getCode->setEnabled(!m_digits.isEmpty());
}

void LinkNumberDialog::startQr()
{
    if (m_method == Method::Qr && inFlight())
        return;
    const bool replaceCode = m_method == Method::Code && inFlight();
    const quint64 attempt = ++m_attempt;
    m_method = Method::Qr;
    m_qr->clear();
    m_requestedAt = TimeText::nowMs();
    setStage(Stage::Requesting);
    QPointer<LinkNumberDialog> self(this);
    auto begin = [self, attempt] {
        if (!self || attempt != self->m_attempt)
            return;
        self->m_facade.beginQrPairing(self->m_session.id, [self, attempt](Result<SessionInfo> r) {
            if (!self || attempt != self->m_attempt)
                return;
            if (!r)
                self->requestFailed(r.error());
        });
    };
    if (replaceCode) // the engine keeps a running pairing; end the code attempt first
        m_facade.stopSession(m_session.id, [begin](Result<SessionInfo>) { begin(); });
    else
        begin();
}

void LinkNumberDialog::startCode()
{
    if (m_digits.isEmpty() || (m_method == Method::Code && m_stage == Stage::Requesting))
        return;
    const quint64 attempt = ++m_attempt;
    m_method = Method::Code;
    m_requestedAt = TimeText::nowMs();
    m_code->clear();
    setStage(Stage::Requesting);
    QPointer<LinkNumberDialog> self(this);
    // The engine replaces any QR pairing in progress with the code request.
    m_facade.beginCodePairing(m_session.id, m_digits, [self, attempt](Result<SessionInfo> r) {
        if (!self || attempt != self->m_attempt)
            return;
        if (!r)
            self->requestFailed(r.error());
    });
}

void LinkNumberDialog::requestFailed(const Error &error)
{
    qCInfo(lcUi) << "linking could not start:" << errorCodeName(error.code) << error.message;
    QString text;
    switch (error.code) {
    case ErrorCode::Unavailable:
        text = tr("Linking is not possible right now: %1").arg(ErrorText::clause(error.message));
        break;
    case ErrorCode::FailedPrecondition:
        if (error.details.value(QStringLiteral("reason")).toString() == u"pairing_code_in_progress")
            text = tr("Someone asked for a pairing code for this session; it is waiting to be typed on the phone. "
                      "Stop the session to start over with a QR code.");
        else
            text = tr("This session already has a number. Log it out first to link another.");
        break;
    case ErrorCode::InvalidArgument:
        if (m_method == Method::Code) {
            // Back to the form, with the engine's objection where the number is typed.
            m_method = Method::None;
            setStage(Stage::Idle);
            m_normalized->setText(ErrorText::sentence(error.message));
            m_normalized->setStyleSheet(QStringLiteral("color: #c5221f;"));
            return;
        }
        text = ErrorText::forAction(error);
        break;
    default:
        text = ErrorText::forAction(error);
    }
    setStage(Stage::Failed, text);
}

void LinkNumberDialog::onQrCode(const QString &sessionId, const QString &qr, qint64 expiresAt)
{
    if (sessionId != m_session.id || m_method != Method::Qr || !inFlight())
        return;
    if (!m_qr->setText(qr)) {
        setStage(Stage::Failed, tr("This QR code cannot be shown (it is too long)."));
        return;
    }
    m_issuedAt = TimeText::nowMs();
    m_expiresAt = expiresAt;
    setStage(Stage::ShowingCode);
}

void LinkNumberDialog::onPairingCode(const QString &sessionId, const QString &code, qint64 expiresAt)
{
    if (sessionId != m_session.id || m_method != Method::Code || !inFlight())
        return;
    m_code->setText(code);
    m_code->setAccessibleName(tr("Pairing code %1").arg(code));
    m_issuedAt = TimeText::nowMs();
    m_expiresAt = expiresAt;
    setStage(Stage::ShowingCode);
}

void LinkNumberDialog::onSessionUpdated(const SessionInfo &s)
{
    if (s.id != m_session.id)
        return;
    m_session = s;
    if (m_method == Method::None || m_stage == Stage::Idle || m_stage == Stage::Linked)
        return;
    if (s.status == SessionStatus::Working && s.hasNumber()) {
        setStage(Stage::Linked);
        emit linked(s);
        m_closeTimer.start();
        return;
    }
    if (m_stage == Stage::Failed || m_stage == Stage::Expired)
        return;
    if (s.hasNumber() && s.status == SessionStatus::Starting) {
        if (m_stage != Stage::Scanned)
            setStage(Stage::Scanned);
        return;
    }
    if (s.status == SessionStatus::Unpaired && s.lastError && s.lastError->at >= m_requestedAt - 1000) {
        const QString code = s.lastError->code;
        if (code == QLatin1String("qr_expired") || code == QLatin1String("pairing_code_expired")) {
            setStage(Stage::Expired);
        } else {
            const ProblemAdvice advice = ProblemAdvice::forSession(s);
            setStage(Stage::Failed, advice.what + u' ' + advice.toDo);
        }
        return;
    }
    if (s.status == SessionStatus::Unpaired && (m_stage == Stage::ShowingCode || m_stage == Stage::Scanned)) {
        setStage(Stage::Failed, tr("Linking was stopped."));
        return;
    }
    if ((s.status == SessionStatus::Failed || s.status == SessionStatus::LoggedOut) && m_stage == Stage::Scanned) {
        const ProblemAdvice advice = ProblemAdvice::forSession(s);
        setStage(Stage::Failed, advice.what + u' ' + advice.toDo);
    }
}

void LinkNumberDialog::reject()
{
    // Cancelling while codes are on screen ends the pairing; once the phone has scanned, WhatsApp
    // finishes on its own and the session keeps the number.
    if (m_stage == Stage::Requesting || m_stage == Stage::ShowingCode)
        m_facade.stopSession(m_session.id, [](Result<SessionInfo>) {});
    ++m_attempt;
    m_countdown.stop();
    m_closeTimer.stop();
    QDialog::reject();
}

void LinkNumberDialog::setStage(Stage stage, const QString &message)
{
    m_stage = stage;
    m_failure = message;
    if (stage == Stage::ShowingCode)
        m_countdown.start();
    else
        m_countdown.stop();
    render();
}

void LinkNumberDialog::render()
{
    const bool qrActive = m_method == Method::Qr;
    const bool codeActive = m_method == Method::Code;
    const QString linkedText = tr("Linked %1").arg(PhoneNumber::format(m_session.phoneNumber));
    auto outcomeIcon = [this](SessionStatus s) { m_qrOutcomeIcon->setPixmap(SessionStatusLook::icon(s).pixmap(96, 96)); };

    // --- QR tab
    m_qrPie->setVisible(qrActive && m_stage == Stage::ShowingCode);
    m_qrRetry->setVisible(false);
    if (qrActive || m_stage == Stage::Linked) {
        switch (m_stage) {
        case Stage::Idle:
        case Stage::Requesting:
            m_qrStack->setCurrentIndex(QrBusyPage);
            m_qrMessage->setText(tr("Connecting to WhatsApp…"));
            break;
        case Stage::ShowingCode:
            m_qrStack->setCurrentIndex(QrCodePage);
            break;
        case Stage::Scanned:
            m_qrStack->setCurrentIndex(QrOutcomePage);
            outcomeIcon(SessionStatus::Starting);
            m_qrMessage->setText(tr("Scanned — finishing on the phone…"));
            break;
        case Stage::Linked:
            m_qrStack->setCurrentIndex(QrOutcomePage);
            outcomeIcon(SessionStatus::Working);
            m_qrMessage->setText(linkedText);
            break;
        case Stage::Expired:
            m_qrStack->setCurrentIndex(QrOutcomePage);
            outcomeIcon(SessionStatus::Unpaired);
            m_qrMessage->setText(tr("The codes ran out before the phone scanned one."));
            m_qrRetry->setText(tr("Try again"));
            m_qrRetry->show();
            break;
        case Stage::Failed:
            m_qrStack->setCurrentIndex(QrOutcomePage);
            outcomeIcon(SessionStatus::Failed);
            m_qrMessage->setText(m_failure);
            m_qrRetry->setText(tr("Try again"));
            m_qrRetry->show();
            break;
        }
    } else {
        m_qrStack->setCurrentIndex(QrOutcomePage);
        outcomeIcon(SessionStatus::PairingCode);
        m_qrMessage->setText(codeActive ? tr("You are linking with a phone number (see the other tab).")
                                        : tr("No QR code is shown."));
        m_qrRetry->setText(tr("Show a QR code instead"));
        m_qrRetry->show();
    }

    // --- Phone-number tab
    if (!codeActive && m_stage != Stage::Linked) {
        m_codeStack->setCurrentIndex(CodeFormPage);
    } else {
        m_codeStack->setCurrentIndex(CodeShownPage);
        m_codeBusy->setVisible(m_stage == Stage::Requesting || m_stage == Stage::Scanned);
        m_codePie->setVisible(m_stage == Stage::ShowingCode);
        m_codeRetry->setVisible(m_stage == Stage::Expired || m_stage == Stage::Failed);
        m_otherNumber->setVisible(m_stage != Stage::Scanned && m_stage != Stage::Linked);
        m_codeRetry->setText(m_stage == Stage::Expired ? tr("Get a new code") : tr("Try again"));
        QPalette pal = m_code->palette();
        pal.setColor(QPalette::WindowText, m_stage == Stage::ShowingCode ? palette().color(QPalette::WindowText)
                                                                         : palette().color(QPalette::PlaceholderText));
        m_code->setPalette(pal);
        switch (m_stage) {
        case Stage::Idle:
        case Stage::Requesting:
            m_code->setText(QStringLiteral("····-····"));
            m_codeMessage->setText(tr("Asking WhatsApp for a code for %1…").arg(PhoneNumber::format(m_digits)));
            break;
        case Stage::ShowingCode:
            break;
        case Stage::Scanned:
            m_codeMessage->setText(tr("Code accepted — finishing on the phone…"));
            break;
        case Stage::Linked:
            m_codeMessage->setText(linkedText);
            break;
        case Stage::Expired:
            m_codeMessage->setText(tr("The code ran out before it was typed on the phone."));
            break;
        case Stage::Failed:
            m_codeMessage->setText(m_failure);
            break;
        }
    }
    if (m_stage == Stage::ShowingCode)
        updateCountdown();

    m_close->setText(m_stage == Stage::Linked ? tr("Close") : tr("Cancel"));
    if (isVisible())
        growToFit(this);
}

void LinkNumberDialog::updateCountdown()
{
    if (m_stage != Stage::ShowingCode)
        return;
    const qint64 left = m_expiresAt - TimeText::nowMs();
    const int seconds = int(std::ceil(std::max<qint64>(0, left) / 1000.0));
    const qint64 total = std::max<qint64>(1, m_expiresAt - m_issuedAt);
    const qreal fraction = std::clamp(qreal(left) / qreal(total), 0.0, 1.0);
    QLabel *label = m_method == Method::Qr ? m_qrMessage : m_codeMessage;
    CountdownPie *pie = m_method == Method::Qr ? m_qrPie : m_codePie;
    pie->setFraction(fraction);
    if (seconds > 0)
        label->setText(m_method == Method::Qr ? tr("This code changes in %n s", nullptr, seconds)
                                              : tr("This code expires in %n s", nullptr, seconds));
    else
        label->setText(m_method == Method::Qr ? tr("Waiting for the next code…") : tr("Waiting for WhatsApp…"));
}

} // namespace wagate
