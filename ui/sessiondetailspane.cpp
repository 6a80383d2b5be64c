#include "sessiondetailspane.h"

#include "actionicons.h"
#include "noticeframe.h"
#include "outboxtracker.h"
#include "phonenumber.h"
#include "problemadvice.h"
#include "sessionstatuslook.h"
#include "timetext.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace wagate {

namespace {

QLabel *sectionHeading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    l->setContentsMargins(0, 8, 0, 0);
    return l;
}

} // namespace

SessionDetailsPane::SessionDetailsPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("sessionDetails"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *empty = new QLabel(tr("Select a session to see its status, its number and what happened to it."), this);
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignCenter);
    empty->setMargin(16);
    empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty = empty;
    outer->addWidget(m_empty);

    auto *page = new QWidget(this);
    m_page = page;
    auto *v = new QVBoxLayout(page);
    v->setContentsMargins(12, 10, 12, 10);
    v->setSpacing(6);

    m_title = new QLabel(page);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_title);

    auto *statusRow = new QHBoxLayout;
    m_statusIcon = new QLabel(page);
    m_statusIcon->setFixedSize(20, 20);
    m_status = new QLabel(page);
    m_status->setWordWrap(true);
    statusRow->addWidget(m_statusIcon, 0, Qt::AlignVCenter);
    statusRow->addWidget(m_status, 1);
    v->addLayout(statusRow);

    auto *phoneRow = new QHBoxLayout;
    m_phone = new QLabel(page);
    m_copyPhone = new QToolButton(page);
    m_copyPhone->setIcon(ActionIcons::copy());
    m_copyPhone->setText(tr("Copy"));
    m_copyPhone->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyPhone->setAutoRaise(true);
    phoneRow->addWidget(m_phone, 1);
    phoneRow->addWidget(m_copyPhone);
    v->addLayout(phoneRow);
    connect(m_copyPhone, &QToolButton::clicked, this, [this] {
        if (!m_session || m_session->phoneNumber.isEmpty())
            return;
        // People read "+62 812-3456-7890"; forms and scripts want the digits.
        QApplication::clipboard()->setText(m_session->phoneNumber);
        emit copied(tr("Copied %1").arg(m_session->phoneNumber));
    });

    m_problemBox = new NoticeFrame(page);
    m_problemBox->setObjectName(QStringLiteral("problemBox"));
    auto *pv = new QVBoxLayout(m_problemBox);
    pv->setContentsMargins(10, 8, 10, 8);
    m_problemWhat = new QLabel(m_problemBox);
    m_problemWhat->setWordWrap(true);
    QFont bold = m_problemWhat->font();
    bold.setBold(true);
    m_problemWhat->setFont(bold);
    m_problemToDo = new QLabel(m_problemBox);
    m_problemToDo->setWordWrap(true);
    m_problemDetail = new QLabel(m_problemBox);
    m_problemDetail->setWordWrap(true);
    m_problemDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = m_problemDetail->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_problemDetail->setFont(small);
    m_problemButton = new QPushButton(m_problemBox);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_problemButton);
    buttonRow->addStretch(1);
    pv->addWidget(m_problemWhat);
    pv->addWidget(m_problemToDo);
    pv->addLayout(buttonRow);
    pv->addWidget(m_problemDetail);
    v->addWidget(m_problemBox);
    connect(m_problemButton, &QPushButton::clicked, this, [this] {
        if (!m_session)
            return;
        const ProblemAdvice advice = ProblemAdvice::forSession(*m_session);
        if (advice.action == ProblemAdvice::Action::Link)
            emit linkRequested(m_session->id);
        else if (advice.action == ProblemAdvice::Action::Start)
            emit startRequested(m_session->id);
    });

    v->addWidget(sectionHeading(tr("Outbox"), page));
    m_outboxQueue = new QLabel(page);
    m_outboxQueue->setObjectName(QStringLiteral("outboxQueue"));
    m_outboxQueue->setWordWrap(true);
    m_outboxQueue->setToolTip(tr("Messages waiting to leave, and the sending pace of this number"));
    v->addWidget(m_outboxQueue);
    m_pauseBox = new NoticeFrame(page);
    m_pauseBox->setObjectName(QStringLiteral("pauseBox"));
    m_pauseBox->setTone(NoticeFrame::Tone::Error);
    auto *pauseLayout = new QVBoxLayout(m_pauseBox);
    pauseLayout->setContentsMargins(10, 6, 10, 6);
    m_pause = new QLabel(m_pauseBox);
    m_pause->setWordWrap(true);
    pauseLayout->addWidget(m_pause);
    auto *pauseNote = new QLabel(tr("Nothing is lost: waiting messages stay queued and sending resumes by itself."), m_pauseBox);
    pauseNote->setWordWrap(true);
    pauseLayout->addWidget(pauseNote);
    v->addWidget(m_pauseBox);
    m_today = new QLabel(page);
    m_today->setObjectName(QStringLiteral("outboxToday"));
    m_today->setWordWrap(true);
    m_today->setToolTip(tr("Messages of today. Sent counts every message that left, also those delivered and read since."));
    v->addWidget(m_today);

    v->addWidget(sectionHeading(tr("Timeline"), page));
    m_timeline = new QListView(page);
    m_timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timeline->setSelectionMode(QAbstractItemView::NoSelection);
    m_timeline->setFrameShape(QFrame::NoFrame);
    m_timeline->setUniformItemSizes(true);
    m_timeline->setMinimumHeight(90);
    // Takes the room that is left, but never asks for more: the pane should not need scrolling.
    m_timeline->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    m_timeline->setIconSize(QSize(14, 14));
    m_timeline->setAccessibleName(tr("Timeline"));
    m_timeline->viewport()->setAutoFillBackground(false);
    v->addWidget(m_timeline, 1);

    v->addWidget(sectionHeading(tr("Settings"), page));
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setLabelAlignment(Qt::AlignLeft);
    m_rates = new QLabel(page);
    m_autoRead = new QLabel(page);
    m_typing = new QLabel(page);
    m_sessionId = new QLabel(page);
    m_sessionId->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_sessionId->setToolTip(tr("The id scripts use in the HTTP API"));
    form->addRow(tr("Sending pace:"), m_rates);
    form->addRow(tr("Mark messages read:"), m_autoRead);
    form->addRow(tr("Show “typing…”:"), m_typing);
    form->addRow(tr("Session id:"), m_sessionId);
    v->addLayout(form);
    m_edit = new QPushButton(tr("Edit settings…"), page);
    auto *editRow = new QHBoxLayout;
    editRow->addWidget(m_edit);
    editRow->addStretch(1);
    v->addLayout(editRow);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (m_session)
            emit editRequested(m_session->id);
    });

    outer->addWidget(page, 1);
    refresh();
}

void SessionDetailsPane::setTimelineModel(QAbstractItemModel *model)
{
    m_timeline->setModel(model);
}

void SessionDetailsPane::setOutboxTracker(OutboxTracker *tracker)
{
    if (m_tracker)
        disconnect(m_tracker, nullptr, this, nullptr);
    m_tracker = tracker;
    if (tracker)
        connect(tracker, &OutboxTracker::changed, this, &SessionDetailsPane::refreshOutbox);
    refreshOutbox();
}

QString SessionDetailsPane::outboxText() const
{
    return m_session ? m_outboxQueue->text() : QString();
}

QString SessionDetailsPane::pauseText() const
{
    return m_session && !m_pauseBox->isHidden() ? m_pause->text() : QString();
}

QString SessionDetailsPane::todayText() const
{
    return m_session ? m_today->text() : QString();
}

void SessionDetailsPane::refreshOutbox()
{
    if (!m_tracker || !m_session) {
        m_outboxQueue->clear();
        m_pauseBox->hide();
        m_today->clear();
        return;
    }
    const OutboxSummary &o = m_tracker->summary();
    m_outboxQueue->setText(m_tracker->isLoaded() ? OutboxTracker::queueText(o) : tr("Looking at the outbox…"));
    const QString pause = OutboxTracker::pauseText(o, TimeText::nowMs());
    m_pause->setText(pause);
    m_pauseBox->setVisible(!pause.isEmpty());
    m_today->setText(m_tracker->isLoaded() ? tr("Today: %1").arg(OutboxTracker::todayText(o)) : QString());
}

void SessionDetailsPane::setSession(const std::optional<SessionInfo> &session)
{
    m_session = session;
    refresh();
}

void SessionDetailsPane::setManageAllowed(bool allowed, const QString &whyNot)
{
    m_manageAllowed = allowed;
    m_whyNot = whyNot;
    refresh();
}

void SessionDetailsPane::focusFirst()
{
    if (!m_session)
        return;
    if (m_problemBox->isVisible() && m_problemButton->isVisible() && m_problemButton->isEnabled())
        m_problemButton->setFocus(Qt::OtherFocusReason);
    else if (m_copyPhone->isVisible())
        m_copyPhone->setFocus(Qt::OtherFocusReason);
    else
        m_timeline->setFocus(Qt::OtherFocusReason);
}

QString SessionDetailsPane::titleText() const
{
    return m_session ? m_title->text() : QString();
}

QString SessionDetailsPane::statusText() const
{
    return m_session ? m_status->text() : QString();
}

QString SessionDetailsPane::phoneText() const
{
    return m_session ? m_phone->text() : QString();
}

QString SessionDetailsPane::problemText() const
{
    if (!m_session || m_problemBox->isHidden())
        return {};
    return m_problemWhat->text() + u' ' + m_problemToDo->text();
}

void SessionDetailsPane::refresh()
{
    m_empty->setVisible(!m_session);
    m_page->setVisible(m_session.has_value());
    if (!m_session)
        return;
    const SessionInfo &s = *m_session;
    m_title->setText(s.label);

    const QColor c = SessionStatusLook::color(s.status);
    m_statusIcon->setPixmap(SessionStatusLook::icon(s.status).pixmap(18, 18));
    m_statusIcon->setToolTip(SessionStatusLook::explanation(s.status));
    const QString words = SessionStatusLook::words(s.status);
    const QString since = s.statusChangedAt ? TimeText::clock(s.statusChangedAt, TimeText::nowMs()) : QString();
    // Colour is a second cue for the words, never the only one.
    const QString coloured = QStringLiteral("<b style=\"color:%1\">%2</b>").arg(c.name(), words.toHtmlEscaped());
    m_status->setText(since.isEmpty() ? coloured : tr("%1 since %2").arg(coloured, since.toHtmlEscaped()));
    m_status->setAccessibleName(since.isEmpty() ? words : tr("%1 since %2").arg(words, since));

    if (s.phoneNumber.isEmpty()) {
        m_phone->setText(tr("No number linked yet"));
        m_phone->setForegroundRole(QPalette::PlaceholderText);
        m_copyPhone->hide();
    } else {
        m_phone->setText(PhoneNumber::format(s.phoneNumber));
        m_phone->setForegroundRole(QPalette::WindowText);
        m_copyPhone->setToolTip(tr("Copy %1").arg(s.phoneNumber));
        m_copyPhone->show();
    }

    const ProblemAdvice advice = ProblemAdvice::forSession(s);
    m_problemBox->setVisible(!advice.isEmpty());
    if (!advice.isEmpty()) {
        const bool problem = advice.tone == ProblemAdvice::Tone::Problem;
        m_problemBox->setTone(problem ? NoticeFrame::Tone::Error : NoticeFrame::Tone::Neutral);
        m_problemWhat->setText(advice.what);
        m_problemToDo->setText(advice.toDo);
        m_problemDetail->setText(advice.detail.isEmpty() ? QString() : tr("Details: %1").arg(advice.detail));
        m_problemDetail->setVisible(!advice.detail.isEmpty());
        m_problemButton->setVisible(advice.action != ProblemAdvice::Action::None);
        m_problemButton->setText(advice.actionText());
        m_problemButton->setIcon(advice.action == ProblemAdvice::Action::Link ? ActionIcons::link() : ActionIcons::start());
        m_problemButton->setEnabled(m_manageAllowed);
        m_problemButton->setToolTip(m_manageAllowed ? QString() : m_whyNot);
    }

    m_rates->setText(tr("%L1/min · %L2/h").arg(s.ratePerMin).arg(s.ratePerHour));
    m_autoRead->setText(s.autoRead ? tr("Yes") : tr("No"));
    m_typing->setText(s.presenceTyping ? tr("Yes") : tr("No"));
    m_sessionId->setText(s.id);
    m_edit->setEnabled(m_manageAllowed);
    m_edit->setToolTip(m_manageAllowed ? QString() : m_whyNot);
    refreshOutbox();
}

} // namespace wagate
