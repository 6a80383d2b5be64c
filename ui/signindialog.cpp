#include "signindialog.h"

#include "busyindicator.h"
#include "errortext.h"
#include "noticeframe.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace wagate {

namespace {

enum KindPage { AccountKindPage, KeyKindPage, TokenKindPage };
constexpr int kProfileIdRole = Qt::UserRole + 1;

//! Two lines per profile: its name, and in quieter type what kind of sign-in it is.
class ProfileDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        // The raw text: the style option's copy has its newline turned into a line separator.
        const QString text = index.data(Qt::DisplayRole).toString();
        const QString name = text.section(u'\n', 0, 0);
        const QString kind = text.section(u'\n', 1);
        opt.text.clear();
        const QWidget *w = opt.widget;
        QStyle *style = w ? w->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);
        const QRect r = opt.rect.adjusted(8, 4, -8, -4);
        const bool selected = opt.state & QStyle::State_Selected;
        QFont bold = opt.font;
        bold.setBold(true);
        painter->save();
        painter->setFont(bold);
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const int line = QFontMetrics(bold).height();
        painter->drawText(QRect(r.left(), r.top(), r.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(name, Qt::ElideRight, r.width()));
        painter->setFont(opt.font);
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(QRect(r.left(), r.top() + line, r.width(), r.height() - line), Qt::AlignLeft | Qt::AlignTop,
                          opt.fontMetrics.elidedText(kind, Qt::ElideRight, r.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        QFont bold = option.font;
        bold.setBold(true);
        return {200, QFontMetrics(bold).height() + option.fontMetrics.height() + 10};
    }
};

QString kindText(const SignInProfile &p)
{
    switch (p.kind) {
    case SignInProfile::Kind::LocalAccount:
        return SignInDialog::tr("operator account %1").arg(p.username);
    case SignInProfile::Kind::ApiKey:
        return SignInDialog::tr("API key");
    case SignInProfile::Kind::Token:
        return SignInDialog::tr("login token");
    }
    return {};
}

} // namespace

SignInDialog::SignInDialog(EngineFacade &facade, QWidget *parent) : QDialog(parent), m_facade(facade)
{
    setWindowTitle(tr("Sign in — Wagate"));
    auto *v = new QVBoxLayout(this);
    v->setSpacing(8);

    auto *title = new QLabel(tr("Sign in to Wagate"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    tf.setBold(true);
    title->setFont(tf);
    v->addWidget(title);

    m_keychainBox = new NoticeFrame(this);
    m_keychainBox->setTone(NoticeFrame::Tone::Warning);
    auto *kv = new QVBoxLayout(m_keychainBox);
    kv->setContentsMargins(10, 8, 10, 8);
    m_keychain = new QLabel(m_keychainBox);
    m_keychain->setObjectName(QStringLiteral("keychainNotice"));
    m_keychain->setWordWrap(true);
    m_keychainDetail = new QLabel(m_keychainBox);
    m_keychainDetail->setWordWrap(true);
    m_keychainDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = m_keychainDetail->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_keychainDetail->setFont(small);
    kv->addWidget(m_keychain);
    kv->addWidget(m_keychainDetail);
    v->addWidget(m_keychainBox);

    m_stack = new QStackedWidget(this);
    v->addWidget(m_stack, 1);
    buildProfilesPage();
    buildFormPage();

    auto *stateRow = new QHBoxLayout;
    m_busyIndicator = new BusyIndicator(this);
    m_busyIndicator->setFixedSize(18, 18);
    m_engineState = new QLabel(this);
    m_engineState->setWordWrap(true);
    stateRow->addWidget(m_busyIndicator);
    stateRow->addWidget(m_engineState, 1);
    v->addLayout(stateRow);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c5221f;"));
    m_error->hide();
    v->addWidget(m_error);

    auto *buttons = new QHBoxLayout;
    m_back = new QPushButton(tr("Back to profiles"), this);
    m_cancel = new QPushButton(tr("Quit"), this);
    m_submit = new QPushButton(tr("Sign in"), this);
    m_submit->setDefault(true);
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_submit);
    v->addLayout(buttons);
    connect(m_back, &QPushButton::clicked, this, &SignInDialog::showProfiles);
    connect(m_cancel, &QPushButton::clicked, this, &SignInDialog::reject);
    connect(m_submit, &QPushButton::clicked, this, &SignInDialog::accept);
    connect(&facade, &EngineFacade::profilesChanged, this, &SignInDialog::reloadProfiles);

    reloadProfiles();
    if (m_profiles->count() > 0)
        showProfiles();
    else
        showForm();
    setBusy(false);
    setEngineReady(!m_facade.apiBaseUrl().isEmpty());
    resize(520, sizeHint().height());
}

void SignInDialog::buildProfilesPage()
{
    auto *page = new QWidget(m_stack);
    auto *v = new QVBoxLayout(page);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(new QLabel(tr("Saved profiles:"), page));
    m_profiles = new QListWidget(page);
    m_profiles->setAccessibleName(tr("Saved profiles"));
    m_profiles->setItemDelegate(new ProfileDelegate(m_profiles));
    v->addWidget(m_profiles, 1);
    auto *row = new QHBoxLayout;
    m_add = new QPushButton(tr("Add profile…"), page);
    m_remove = new QPushButton(tr("Remove"), page);
    m_once = new QPushButton(tr("Sign in without saving…"), page);
    row->addWidget(m_add);
    row->addWidget(m_remove);
    row->addStretch(1);
    row->addWidget(m_once);
    v->addLayout(row);
    m_stack->insertWidget(ProfilesPage, page);

    connect(m_profiles, &QListWidget::itemActivated, this, [this] { accept(); });
    connect(m_profiles, &QListWidget::currentRowChanged, this, [this] { setBusy(m_busy); });
    connect(m_add, &QPushButton::clicked, this, [this] {
        m_remember->setChecked(m_facade.keychainProblem().isEmpty());
        showForm();
    });
    connect(m_once, &QPushButton::clicked, this, [this] {
        m_remember->setChecked(false);
        showForm();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QListWidgetItem *item = m_profiles->currentItem();
        if (!item)
            return;
        const QString id = item->data(kProfileIdRole).toString();
        auto *box = new QMessageBox(QMessageBox::Question, tr("Remove profile"),
                                    tr("Forget “%1” on this computer? Its secret is deleted from the system keychain.")
                                        .arg(item->text().section(u'\n', 0, 0)),
                                    QMessageBox::NoButton, this);
        box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
        box->setDefaultButton(box->addButton(tr("Cancel"), QMessageBox::RejectRole));
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::buttonClicked, this, [this, box, id](QAbstractButton *b) {
            if (box->buttonRole(b) != QMessageBox::DestructiveRole)
                return;
            QPointer<SignInDialog> self(this);
            m_facade.removeProfile(id, [self](Result<bool> r) {
                if (self && !r)
                    self->fail(r.error());
                else if (self)
                    self->reloadProfiles();
            });
        });
        box->open();
    });
}

void SignInDialog::buildFormPage()
{
    auto *page = new QWidget(m_stack);
    auto *v = new QVBoxLayout(page);
    v->setContentsMargins(0, 0, 0, 0);
    auto *kinds = new QHBoxLayout;
    m_kinds = new QButtonGroup(page);
    m_kindAccount = new QRadioButton(tr("&Operator account"), page);
    m_kindKey = new QRadioButton(tr("&API key"), page);
    m_kindToken = new QRadioButton(tr("Login &token"), page);
    m_kinds->addButton(m_kindAccount, AccountKindPage);
    m_kinds->addButton(m_kindKey, KeyKindPage);
    m_kinds->addButton(m_kindToken, TokenKindPage);
    kinds->addWidget(m_kindAccount);
    kinds->addWidget(m_kindKey);
    kinds->addWidget(m_kindToken);
    kinds->addStretch(1);
    v->addLayout(kinds);

    m_kindStack = new QStackedWidget(page);
    auto *account = new QWidget(m_kindStack);
    auto *af = new QFormLayout(account);
    af->setContentsMargins(0, 0, 0, 0);
    m_org = new QComboBox(account);
    m_org->setEditable(true); // an id from the administrator can be typed, too
    m_org->setInsertPolicy(QComboBox::NoInsert);
    m_org->setAccessibleName(tr("Organization"));
    m_org->lineEdit()->setPlaceholderText(tr("Choose, or type its name or id"));
    m_username = new QLineEdit(account);
    m_password = new QLineEdit(account);
    m_password->setEchoMode(QLineEdit::Password);
    af->addRow(tr("Organization:"), m_org);
    af->addRow(tr("User name:"), m_username);
    af->addRow(tr("Password:"), m_password);
    m_kindStack->insertWidget(AccountKindPage, account);

    auto *key = new QWidget(m_kindStack);
    auto *kf = new QFormLayout(key);
    kf->setContentsMargins(0, 0, 0, 0);
    m_apiKey = new QLineEdit(key);
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("wgk_…"));
    kf->addRow(tr("API key:"), m_apiKey);
    auto *keyHint = new QLabel(tr("Your administrator creates keys with “wagate keys create”."), key);
    keyHint->setWordWrap(true);
    keyHint->setForegroundRole(QPalette::PlaceholderText);
    kf->addRow(QString(), keyHint);
    m_kindStack->insertWidget(KeyKindPage, key);

    auto *token = new QWidget(m_kindStack);
    auto *tf = new QFormLayout(token);
    tf->setContentsMargins(0, 0, 0, 0);
    m_token = new QPlainTextEdit(token);
    m_token->setPlaceholderText(tr("Paste the login token from your company's sign-in page"));
    m_token->setTabChangesFocus(true);
    m_token->setFixedHeight(m_token->fontMetrics().lineSpacing() * 4 + 12);
    tf->addRow(tr("Token:"), m_token);
    m_kindStack->insertWidget(TokenKindPage, token);
    v->addWidget(m_kindStack);

    auto *remember = new QFormLayout;
    m_remember = new QCheckBox(tr("&Remember in the system keychain"), page);
    m_remember->setChecked(true);
    m_profileName = new QLineEdit(page);
    m_profileNameLabel = new QLabel(tr("Profile name:"), page);
    remember->addRow(QString(), m_remember);
    remember->addRow(m_profileNameLabel, m_profileName);
    v->addLayout(remember);
    v->addStretch(1);
    m_stack->insertWidget(FormPage, page);

    // The stack is as tall as the page in front, not as the tallest one.
    auto showKind = [this](int id) {
        for (int i = 0; i < m_kindStack->count(); ++i)
            m_kindStack->widget(i)->setSizePolicy(QSizePolicy::Preferred, i == id ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        m_kindStack->setCurrentIndex(id);
        m_kindStack->adjustSize();
    };
    m_kindKey->setChecked(true);
    showKind(KeyKindPage);
    connect(m_kinds, &QButtonGroup::idClicked, this, [this, showKind](int id) {
        showKind(id);
        if (id == AccountKindPage)
            reloadOrganizations();
        m_error->hide();
        updateForm();
    });
    connect(m_remember, &QCheckBox::toggled, this, &SignInDialog::updateForm);
    // An old complaint goes away as soon as the person changes what it was about.
    auto edited = [this] {
        m_error->hide();
        updateForm();
    };
    for (QLineEdit *e : {m_org->lineEdit(), m_username, m_password, m_apiKey, m_profileName})
        connect(e, &QLineEdit::textChanged, this, edited);
    connect(m_token, &QPlainTextEdit::textChanged, this, edited);
}

void SignInDialog::reloadProfiles()
{
    // The facade learns about the keychain asynchronously and announces it with profilesChanged.
    const QString problem = m_facade.keychainProblem();
    m_keychain->setText(tr("The system keychain is not available, so sign-ins cannot be remembered on this computer. "
                           "Nothing is saved; you can still sign in each time."));
    m_keychainDetail->setText(tr("Details: %1").arg(ErrorText::clause(problem)));
    m_keychainBox->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        m_remember->setChecked(false);
    const QString current = m_profiles->currentItem() ? m_profiles->currentItem()->data(kProfileIdRole).toString() : QString();
    m_profiles->clear();
    for (const SignInProfile &p : m_facade.profiles()) {
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(p.displayName, kindText(p)), m_profiles);
        item->setData(kProfileIdRole, p.id);
        item->setToolTip(p.organizationId.isEmpty() ? kindText(p) : tr("%1 in %2").arg(kindText(p), p.organizationId));
        if (p.id == current)
            m_profiles->setCurrentItem(item);
    }
    if (!m_profiles->currentItem() && m_profiles->count() > 0)
        m_profiles->setCurrentRow(0);
    if (m_profiles->count() == 0 && page() == ProfilesPage)
        showForm();
    updateForm();
    if (isVisible())
        growToFit(this);
}

void SignInDialog::reloadOrganizations()
{
    if (!m_engineReady)
        return;
    QPointer<SignInDialog> self(this);
    m_facade.listOrganizations([self](Result<QList<OrganizationChoice>> r) {
        if (!self)
            return;
        if (!r) {
            // Typing the id still works; the list is a convenience.
            self->m_org->lineEdit()->setPlaceholderText(tr("Type the organization's id"));
            return;
        }
        QComboBox *box = self->m_org;
        const QString typed = box->currentText();
        QHash<QString, int> names;
        for (const OrganizationChoice &o : *r)
            ++names[o.name.toCaseFolded()];
        const QSignalBlocker quiet(box);
        box->clear();
        for (const OrganizationChoice &o : *r) // the same name twice: the id tells them apart
            box->addItem(names.value(o.name.toCaseFolded()) > 1 ? tr("%1 (%2)").arg(o.name, o.id) : o.name, o.id);
        box->lineEdit()->setPlaceholderText(r->isEmpty() ? tr("None yet: wagate orgs create NAME")
                                                         : tr("Choose, or type its name or id"));
        // One organization is the usual case: it is the answer, unless something was typed.
        if (!typed.isEmpty())
            box->setEditText(typed);
        else if (box->count() == 1)
            box->setCurrentIndex(0);
        else
            box->setEditText(QString());
        self->updateForm();
    });
}

QLineEdit *SignInDialog::organizationEdit() const
{
    return m_org->lineEdit();
}

QString SignInDialog::organizationId() const
{
    const QString text = m_org->currentText().trimmed();
    if (text.isEmpty())
        return {};
    const int i = m_org->findText(text, Qt::MatchFixedString); // a listed name, whatever its case
    return i >= 0 ? m_org->itemData(i).toString() : text;
}

SignInDialog::Page SignInDialog::page() const
{
    return Page(m_stack->currentIndex());
}

QPushButton *SignInDialog::signInButton() const
{
    return m_submit;
}

QString SignInDialog::keychainNotice() const
{
    return m_keychainBox->isHidden() ? QString() : m_keychain->text();
}

QString SignInDialog::keychainDetail() const
{
    return m_keychainBox->isHidden() ? QString() : m_keychainDetail->text();
}

QString SignInDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignInDialog::showForm()
{
    m_stack->setCurrentIndex(FormPage);
    m_error->hide();
    if (!m_facade.keychainProblem().isEmpty())
        m_remember->setChecked(false);
    updateForm();
    if (m_kindKey->isChecked())
        m_apiKey->setFocus();
    else if (m_kindAccount->isChecked() && organizationId().isEmpty())
        m_org->setFocus();
    else if (m_kindAccount->isChecked())
        m_username->setFocus();
    else
        m_token->setFocus();
}

void SignInDialog::showProfiles()
{
    m_stack->setCurrentIndex(ProfilesPage);
    m_error->hide();
    m_profiles->setFocus();
    setBusy(m_busy);
}

SignInProfile::Kind SignInDialog::formKind() const
{
    switch (m_kinds->checkedId()) {
    case AccountKindPage: return SignInProfile::Kind::LocalAccount;
    case TokenKindPage: return SignInProfile::Kind::Token;
    default: return SignInProfile::Kind::ApiKey;
    }
}

QString SignInDialog::formSecret() const
{
    switch (formKind()) {
    case SignInProfile::Kind::LocalAccount: return m_password->text();
    case SignInProfile::Kind::ApiKey: return m_apiKey->text().trimmed();
    case SignInProfile::Kind::Token: return m_token->toPlainText().trimmed();
    }
    return {};
}

QString SignInDialog::suggestedName() const
{
    switch (formKind()) {
    case SignInProfile::Kind::LocalAccount:
        return m_username->text().trimmed().isEmpty() ? QString()
                                                      : tr("%1 — this computer").arg(m_username->text().trimmed());
    case SignInProfile::Kind::ApiKey: return tr("API key — this computer");
    case SignInProfile::Kind::Token: return tr("Login token — this computer");
    }
    return {};
}

void SignInDialog::updateForm()
{
    const bool keychainOk = m_facade.keychainProblem().isEmpty();
    m_remember->setEnabled(keychainOk && !m_busy);
    m_remember->setToolTip(keychainOk ? tr("The secret goes to the system keychain; only the profile's name is kept in a file.")
                                      : ErrorText::sentence(m_facade.keychainProblem()));
    const bool remember = m_remember->isChecked() && keychainOk;
    m_profileName->setVisible(remember);
    m_profileNameLabel->setVisible(remember);
    m_profileName->setPlaceholderText(suggestedName());
    m_back->setVisible(page() == FormPage && m_profiles->count() > 0);
    setBusy(m_busy);
}

void SignInDialog::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    m_busyIndicator->setVisible(busy || (!m_engineReady && !m_engineFailed));
    if (busy)
        m_engineState->setText(message);
    else if (!m_engineFailed) // a failure keeps its text
        m_engineState->setText(m_engineReady ? QString() : tr("Starting the gateway…"));
    m_engineState->setVisible(!m_engineState->text().isEmpty());
    m_stack->setEnabled(!busy && !m_engineFailed);

    bool complete = false;
    if (page() == ProfilesPage) {
        complete = m_profiles->currentItem() != nullptr;
    } else {
        switch (formKind()) {
        case SignInProfile::Kind::LocalAccount:
            complete = !organizationId().isEmpty() && !m_username->text().trimmed().isEmpty()
                       && !m_password->text().isEmpty();
            break;
        case SignInProfile::Kind::ApiKey: complete = !m_apiKey->text().trimmed().isEmpty(); break;
        case SignInProfile::Kind::Token: complete = !m_token->toPlainText().trimmed().isEmpty(); break;
        }
    }
    m_submit->setEnabled(!busy && m_engineReady && !m_engineFailed && complete);
    m_remove->setEnabled(!busy && m_profiles->currentItem() != nullptr);
    m_add->setEnabled(!busy && m_facade.keychainProblem().isEmpty());
    m_add->setToolTip(m_facade.keychainProblem().isEmpty() ? QString() : ErrorText::sentence(m_facade.keychainProblem()));
}

void SignInDialog::setEngineReady(bool ready)
{
    const bool becameReady = ready && !m_engineReady;
    m_engineReady = ready;
    setBusy(m_busy);
    if (becameReady)
        reloadOrganizations();
}

void SignInDialog::setEngineFailed(const QString &message)
{
    m_engineFailed = true;
    m_engineState->setText(tr("The gateway engine could not start: %1").arg(ErrorText::clause(message)));
    m_engineState->setStyleSheet(QStringLiteral("color: #c5221f;"));
    setBusy(false);
    growToFit(this);
}

void SignInDialog::showSignedOutBecause(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    growToFit(this);
}

void SignInDialog::fail(const Error &error)
{
    setBusy(false);
    QString text;
    switch (error.code) {
    case ErrorCode::Unauthorized:
        text = tr("These credentials were not accepted. Check them and try again.");
        break;
    case ErrorCode::Unavailable:
    case ErrorCode::InvalidArgument:
    case ErrorCode::NotFound:
    case ErrorCode::FailedPrecondition:
        text = ErrorText::sentence(error.message);
        break;
    default:
        text = ErrorText::forAction(error);
    }
    m_error->setText(text);
    m_error->show();
    growToFit(this);
}

void SignInDialog::finish(const Principal &principal, const QString &name)
{
    setBusy(false);
    m_operatorName = name;
    emit signedIn(principal, name);
    QDialog::accept();
}

void SignInDialog::accept()
{
    if (m_busy || !m_submit->isEnabled())
        return;
    m_error->hide();
    if (page() == ProfilesPage)
        signInWithSelectedProfile();
    else
        signInWithForm();
}

void SignInDialog::signInWithSelectedProfile()
{
    QListWidgetItem *item = m_profiles->currentItem();
    if (!item)
        return;
    const QString id = item->data(kProfileIdRole).toString();
    QString name = item->text().section(u'\n', 0, 0);
    for (const SignInProfile &p : m_facade.profiles())
        if (p.id == id && p.kind == SignInProfile::Kind::LocalAccount && !p.username.isEmpty())
            name = p.username;
    setBusy(true, tr("Signing in…"));
    QPointer<SignInDialog> self(this);
    m_facade.signInWithProfile(id, [self, name](Result<Principal> r) {
        if (!self)
            return;
        if (!r)
            return self->fail(r.error());
        self->finish(*r, name);
    });
}

void SignInDialog::signInWithForm()
{
    const SignInProfile::Kind kind = formKind();
    const QString secret = formSecret();
    const bool remember = m_remember->isChecked() && m_facade.keychainProblem().isEmpty();
    const QString profileName = m_profileName->text().trimmed().isEmpty() ? suggestedName() : m_profileName->text().trimmed();
    const QString username = m_username->text().trimmed();
    QPointer<SignInDialog> self(this);
    auto nameFor = [kind, remember, profileName, username](const Principal &p) {
        switch (kind) {
        case SignInProfile::Kind::LocalAccount: return username;
        case SignInProfile::Kind::ApiKey:
            return remember ? profileName : p.displayName.isEmpty() ? tr("API key %1").arg(p.apiKeyId) : tr("key “%1”").arg(p.displayName);
        case SignInProfile::Kind::Token: return remember ? profileName : p.displayName.isEmpty() ? p.userId : p.displayName;
        }
        return QString();
    };
    // Only credentials that worked are remembered: sign in first, then store the profile (its
    // organization is the one the sign-in revealed).
    auto done = [self, nameFor, remember, kind, profileName, username, secret](Result<Principal> r) {
        if (!self)
            return;
        if (!r)
            return self->fail(r.error());
        const Principal principal = *r;
        if (!remember)
            return self->finish(principal, nameFor(principal));
        SignInProfile profile;
        profile.displayName = profileName;
        profile.kind = kind;
        profile.organizationId = principal.organizationId;
        profile.username = kind == SignInProfile::Kind::LocalAccount ? username : QString();
        self->setBusy(true, tr("Saving the profile in the system keychain…"));
        self->m_facade.addProfile(profile, secret, [self, principal, name = nameFor(principal)](Result<SignInProfile> added) {
            if (!self)
                return;
            if (!added)
                self->m_warning = tr("Signed in, but this sign-in could not be remembered: %1")
                                      .arg(ErrorText::clause(added.error().message));
            self->finish(principal, name);
        });
    };

    setBusy(true, tr("Signing in…"));
    switch (kind) {
    case SignInProfile::Kind::LocalAccount:
        m_facade.signInWithPassword(organizationId(), username, secret, done);
        break;
    case SignInProfile::Kind::ApiKey:
        m_facade.signInWithApiKey(secret, done);
        break;
    case SignInProfile::Kind::Token:
        m_facade.signInWithToken(secret, done);
        break;
    }
}

} // namespace wagate
