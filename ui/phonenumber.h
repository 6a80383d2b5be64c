#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace wagate {

//! Phone numbers as people type and read them, and as WhatsApp wants them (international digits,
//! no "+"). No external database: a table of calling codes and, for the countries people pick most,
//! the trunk prefix, national lengths and a readable grouping.
class PhoneNumber
{
    Q_DECLARE_TR_FUNCTIONS(PhoneNumber)
public:
    struct Country
    {
        QString iso;         //!< "ID"
        QString callingCode; //!< "62"
        QString trunkPrefix; //!< "0" (dropped when dialled from abroad); empty when there is none
        int minNational = 4;
        int maxNational = 14;
        QString name() const; //!< the territory's name in the user's language where Qt knows it
    };

    struct Normalized
    {
        QString digits; //!< international digits when ok
        QString error;  //!< a sentence for the person typing when not
        bool ok() const { return error.isEmpty() && !digits.isEmpty(); }
    };

    //! Countries offered for national input, sorted by name.
    static const QList<Country> &countries();
    static const Country *countryByIso(const QString &iso);
    //! The country of the system locale, if it is in the table.
    static QString defaultCountryIso();

    //! Accepts "+62 812-3456-7890", "0062…", "0812 3456 7890" with country "ID", "812…" with a
    //! country, or plain international digits "6281234567890".
    static Normalized normalize(const QString &input, const QString &countryIso = {});
    //! "+62 812-3456-7890" for "6281234567890"; digits that are not a known number come back with a
    //! "+" and nothing else changed.
    static QString format(const QString &digits);
    //! The calling code that starts these international digits, or "".
    static QString callingCodeOf(QStringView digits);
};

} // namespace wagate
