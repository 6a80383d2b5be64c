#pragma once

#include <QObject>

class QComboBox;
class QLineEdit;

namespace wagate {

//! The country-aware phone-number input of the console (linking by pairing code, sending a
//! message): a country choice and a field that takes "+62 812-3456-7890", "0812…" with the country,
//! or digits, and says which international digits it will use. The two widgets go into the
//! caller's form; this object does the reading.
class PhoneNumberInput : public QObject
{
    Q_OBJECT
public:
    //! Makes the widgets as children of parent; the country preset is the system locale's.
    explicit PhoneNumberInput(QWidget *parent);

    QComboBox *countryBox() const { return m_country; }
    QLineEdit *lineEdit() const { return m_edit; }

    //! International digits when the field reads as a number, else "".
    QString digits() const;
    bool isEmpty() const;
    //! What to show under the field: `emptyHint` while nothing is typed, "Will use … (sent as …)"
    //! for a number, else why it is not one.
    QString feedback(const QString &emptyHint) const;
    //! True when feedback() is an objection (shown in the error colour).
    bool hasProblem() const;

signals:
    //! The text or the country changed.
    void changed();
    //! Enter in the field.
    void submitted();

private:
    QComboBox *m_country;
    QLineEdit *m_edit;
};

} // namespace wagate
