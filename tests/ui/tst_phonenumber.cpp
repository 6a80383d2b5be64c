// What people type into the phone-number field, and what the console makes of it: international
// digits as WhatsApp wants them, or a sentence saying what to fix. Also how numbers are shown.
#include "core/session.h"
#include "ui/phonenumber.h"

#include <QTest>

using namespace wagate;

class TestPhoneNumber : public QObject
{
    Q_OBJECT

private slots:
    void normalize_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("digits");  // "" when an error is expected
        QTest::addColumn<QString>("errorHas"); // a word the error must contain

        // International forms: the country does not matter.
        QTest::newRow("+ with dashes") << "+62 812-3456-7890" << "" << "6281234567890" << "";
        QTest::newRow("+ ignores the chosen country") << "+62 812-3456-7890" << "BR" << "6281234567890" << "";
        QTest::newRow("00 prefix") << "0062 812 3456 7890" << "" << "6281234567890" << "";
        QTest::newRow("plain international digits") << "6281234567890" << "" << "6281234567890" << "";
        QTest::newRow("digits with a chosen country") << "6281234567890" << "ID" << "6281234567890" << "";
        QTest::newRow("brackets and dots") << "+55 (11) 98765.4321" << "" << "5511987654321" << "";
        QTest::newRow("US with dashes") << "+1 415-555-2671" << "" << "14155552671" << "";
        QTest::newRow("UK") << "+44 7911 123456" << "" << "447911123456" << "";
        QTest::newRow("surrounding spaces") << "   +62 812 3456 7890  " << "" << "6281234567890" << "";
        QTest::newRow("en dash and non-breaking space") << QString::fromUtf8("+62\u00a0812\u20133456\u20137890") << ""
                                                        << "6281234567890" << "";
        QTest::newRow("fullwidth plus") << QString::fromUtf8("\uff0b62 812 3456 7890") << "" << "6281234567890" << "";
        QTest::newRow("Arabic-Indic digits") << QString::fromUtf8("+\u0669\u0667\u0661 \u0665\u0660 \u0661\u0662\u0663 \u0664\u0665\u0666\u0667")
                                             << "" << "971501234567" << "";

        // National forms need the country.
        QTest::newRow("Indonesia with trunk 0") << "0812-3456-7890" << "ID" << "6281234567890" << "";
        QTest::newRow("Indonesia without trunk") << "812 3456 7890" << "ID" << "6281234567890" << "";
        QTest::newRow("Brazil with trunk 0") << "0 11 98765-4321" << "BR" << "5511987654321" << "";
        QTest::newRow("Brazil as dialled without 0") << "(11) 98765-4321" << "BR" << "5511987654321" << "";
        QTest::newRow("US national") << "(415) 555-2671" << "US" << "14155552671" << "";
        QTest::newRow("US with trunk 1") << "1 415 555 2671" << "US" << "14155552671" << "";
        QTest::newRow("Russia trunk 8") << "8 912 345-67-89" << "RU" << "79123456789" << "";
        QTest::newRow("Italy keeps its 0") << "06 1234 5678" << "IT" << "390612345678" << "";
        QTest::newRow("India") << "098765 43210" << "IN" << "919876543210" << "";
        QTest::newRow("Germany") << "030 1234567" << "DE" << "49301234567" << "";
        QTest::newRow("country code lower case") << "0812-3456-7890" << "id" << "6281234567890" << "";

        // Errors, in words.
        QTest::newRow("empty") << "" << "ID" << "" << "Type";
        QTest::newRow("only spaces") << "   " << "" << "" << "Type";
        QTest::newRow("letters") << "+62 812 CALL ME" << "" << "" << "digits";
        QTest::newRow("plus in the middle") << "62+812345678" << "" << "" << "digits";
        QTest::newRow("two pluses") << "++62812345678" << "" << "" << "digits";
        QTest::newRow("national without a country") << "0812-3456-7890" << "" << "" << "country";
        QTest::newRow("no such calling code") << "+999 123 4567" << "" << "" << "calling code";
        QTest::newRow("too short") << "+62 812" << "" << "" << "short";
        QTest::newRow("too long") << "+62 812 3456 7890 1234 5" << "" << "" << "long";
        QTest::newRow("wrong length for the country") << "+62 81234" << "" << "" << "Indonesia";
        QTest::newRow("US number one digit short") << "+1 415 555 267" << "" << "" << "10 digits";
        QTest::newRow("plus then zero") << "+0812345678" << "" << "" << "never starts with 0";
        QTest::newRow("only punctuation") << "+-()" << "" << "" << "Type";
    }
    void normalize()
    {
        QFETCH(QString, input);
        QFETCH(QString, country);
        QFETCH(QString, digits);
        QFETCH(QString, errorHas);
        const PhoneNumber::Normalized n = PhoneNumber::normalize(input, country);
        if (digits.isEmpty()) {
            QVERIFY2(!n.ok(), qPrintable(QStringLiteral("accepted as %1").arg(n.digits)));
            QVERIFY2(n.error.contains(errorHas, Qt::CaseInsensitive), qPrintable(n.error));
        } else {
            QVERIFY2(n.ok(), qPrintable(n.error));
            QCOMPARE(n.digits, digits);
            // What the console accepts, the engine accepts too: core's one rule for pairing codes.
            QVERIFY2(phoneNumberProblem(n.digits).isEmpty(), qPrintable(phoneNumberProblem(n.digits)));
        }
    }

    void format_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<QString>("shown");
        QTest::newRow("Indonesia mobile") << "6281234567890" << "+62 812-3456-7890";
        QTest::newRow("Brazil mobile") << "5511987654321" << "+55 11 98765-4321";
        QTest::newRow("US") << "14155552671" << "+1 415-555-2671";
        QTest::newRow("UK mobile") << "447911123456" << "+44 7911 123456";
        QTest::newRow("unknown grouping") << "420601123456" << "+420 601 123 456";
        QTest::newRow("unknown calling code") << "99912345" << "+99912345";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("not digits stays as it is") << "abc" << "abc";
    }
    void format()
    {
        QFETCH(QString, digits);
        QFETCH(QString, shown);
        QCOMPARE(PhoneNumber::format(digits), shown);
    }

    void formattingRoundTrips()
    {
        // Whatever the console shows, typed back in, is the same number.
        for (const QString &digits : {QStringLiteral("6281234567890"), QStringLiteral("5511987654321"), QStringLiteral("14155552671"),
                                      QStringLiteral("447911123456"), QStringLiteral("79123456789"), QStringLiteral("919876543210")}) {
            const PhoneNumber::Normalized n = PhoneNumber::normalize(PhoneNumber::format(digits));
            QVERIFY2(n.ok(), qPrintable(n.error));
            QCOMPARE(n.digits, digits);
        }
    }

    void everyCountryIsUsable()
    {
        QVERIFY(PhoneNumber::countries().size() > 40);
        for (const PhoneNumber::Country &c : PhoneNumber::countries()) {
            QVERIFY2(!c.name().isEmpty() && c.name() != c.iso, qPrintable(c.iso)); // a real name for the list
            QCOMPARE(PhoneNumber::callingCodeOf(c.callingCode), c.callingCode);
            QVERIFY(c.minNational <= c.maxNational);
        }
    }
};

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
