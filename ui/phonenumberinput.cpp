#include "phonenumberinput.h"

#include "phonenumber.h"

#include <QComboBox>
#include <QLineEdit>

namespace wagate {

PhoneNumberInput::PhoneNumberInput(QWidget *parent) : QObject(parent)
{
    m_country = new QComboBox(parent);
    m_country->addItem(tr("Other (type + and the country code)"), QString());
    for (const PhoneNumber::Country &c : PhoneNumber::countries())
        m_country->addItem(QStringLiteral("%1 (+%2)").arg(c.name(), c.callingCode), c.iso);
    const int preset = m_country->findData(PhoneNumber::defaultCountryIso());
    m_country->setCurrentIndex(preset > 0 ? preset : 0);
    m_edit = new QLineEdit(parent);
    m_edit->setPlaceholderText(tr("e.g. +62 812-3456-7890 or 0812-3456-7890"));
    m_edit->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    connect(m_country, &QComboBox::currentIndexChanged, this, &PhoneNumberInput::changed);
    connect(m_edit, &QLineEdit::textChanged, this, &PhoneNumberInput::changed);
    connect(m_edit, &QLineEdit::returnPressed, this, &PhoneNumberInput::submitted);
}

QString PhoneNumberInput::digits() const
{
    const PhoneNumber::Normalized n = PhoneNumber::normalize(m_edit->text(), m_country->currentData().toString());
    return n.ok() ? n.digits : QString();
}

bool PhoneNumberInput::isEmpty() const
{
    return m_edit->text().trimmed().isEmpty();
}

bool PhoneNumberInput::hasProblem() const
{
    return !isEmpty() && digits().isEmpty();
}

QString PhoneNumberInput::feedback(const QString &emptyHint) const
{
    if (isEmpty())
        return emptyHint;
    const PhoneNumber::Normalized n = PhoneNumber::normalize(m_edit->text(), m_country->currentData().toString());
    if (n.ok())
        return tr("Will use %1 (sent as %2)").arg(PhoneNumber::format(n.digits), n.digits);
    return n.error;
}

} // namespace wagate
