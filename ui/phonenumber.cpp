#include "phonenumber.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace wagate {

namespace {

//! Every assigned country calling code (ITU-T E.164); they form a prefix code, so at most one
//! matches the start of a number.
const QSet<QString> &callingCodes()
{
    static const QSet<QString> codes = [] {
        QSet<QString> s;
        const char *const list[] = {
            "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
            "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66",
            "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98", "211", "212", "213", "216", "218",
            "290", "291", "297", "298", "299", "350", "351", "352", "353", "354", "355", "356", "357", "358", "359",
            "370", "371", "372", "373", "374", "375", "376", "377", "378", "380", "381", "382", "383", "385", "386",
            "387", "389", "420", "421", "423", "500", "501", "502", "503", "504", "505", "506", "507", "508", "509",
            "590", "591", "592", "593", "594", "595", "596", "597", "598", "599", "670", "672", "673", "674", "675",
            "676", "677", "678", "679", "680", "681", "682", "683", "685", "686", "687", "688", "689", "690", "691",
            "692", "850", "852", "853", "855", "856", "880", "886", "960", "961", "962", "963", "964", "965", "966",
            "967", "968", "970", "971", "972", "973", "974", "975", "976", "977", "992", "993", "994", "995", "996",
            "998"};
        for (const char *c : list)
            s.insert(QString::fromLatin1(c));
        for (int c = 220; c <= 258; ++c)
            s.insert(QString::number(c));
        for (int c = 260; c <= 269; ++c)
            s.insert(QString::number(c));
        return s;
    }();
    return codes;
}

//! How people in a country group the digits after the calling code, by national length. "-" and
//! " " are written as they stand; digits are counted.
QString groupingFor(const QString &cc, qsizetype length)
{
    static const QHash<QString, QHash<int, QString>> patterns{
        {QStringLiteral("62"), {{9, QStringLiteral("###-###-###")}, {10, QStringLiteral("###-###-####")},
                                {11, QStringLiteral("###-####-####")}, {12, QStringLiteral("###-####-#####")}}},
        {QStringLiteral("55"), {{10, QStringLiteral("## ####-####")}, {11, QStringLiteral("## #####-####")}}},
        {QStringLiteral("1"), {{10, QStringLiteral("###-###-####")}}},
        {QStringLiteral("44"), {{10, QStringLiteral("#### ######")}, {9, QStringLiteral("#### #####")}}},
        {QStringLiteral("91"), {{10, QStringLiteral("##### #####")}}},
        {QStringLiteral("52"), {{10, QStringLiteral("## #### ####")}}},
        {QStringLiteral("49"), {{10, QStringLiteral("### #######")}, {11, QStringLiteral("### ########")}}},
        {QStringLiteral("33"), {{9, QStringLiteral("# ## ## ## ##")}}},
        {QStringLiteral("34"), {{9, QStringLiteral("### ### ###")}}},
        {QStringLiteral("39"), {{10, QStringLiteral("### ### ####")}}},
        {QStringLiteral("7"), {{10, QStringLiteral("### ###-##-##")}}},
        {QStringLiteral("90"), {{10, QStringLiteral("### ### ## ##")}}},
        {QStringLiteral("234"), {{10, QStringLiteral("### ### ####")}}},
        {QStringLiteral("27"), {{9, QStringLiteral("## ### ####")}}},
        {QStringLiteral("63"), {{10, QStringLiteral("### ### ####")}}},
        {QStringLiteral("60"), {{9, QStringLiteral("##-### ####")}, {10, QStringLiteral("##-#### ####")}}},
        {QStringLiteral("65"), {{8, QStringLiteral("#### ####")}}},
    };
    const QString p = patterns.value(cc).value(int(length));
    if (!p.isEmpty())
        return p;
    switch (length) {
    case 0: return {};
    case 1: case 2: case 3: case 4: case 5: return QString(length, u'#');
    case 6: return QStringLiteral("### ###");
    case 7: return QStringLiteral("### ####");
    case 8: return QStringLiteral("#### ####");
    case 9: return QStringLiteral("### ### ###");
    case 10: return QStringLiteral("### ### ####");
    case 11: return QStringLiteral("### #### ####");
    case 12: return QStringLiteral("#### #### ####");
    default: return QStringLiteral("### ### ### ") + QString(length - 9, u'#');
    }
}

bool isSeparator(QChar c)
{
    // Spaces, dots, slashes, brackets and every kind of dash people paste from documents.
    return c.isSpace() || c == u'-' || c == u'.' || c == u'/' || c == u'(' || c == u')' || c == u'\u2010'
           || c == u'\u2011' || c == u'\u2012' || c == u'\u2013' || c == u'\u2014' || c == u'\u2212';
}

} // namespace

QString PhoneNumber::Country::name() const
{
    const QLocale::Territory t = QLocale::codeToTerritory(iso);
    return t == QLocale::AnyTerritory ? iso : QLocale::territoryToString(t);
}

const QList<PhoneNumber::Country> &PhoneNumber::countries()
{
    static const QList<Country> list = [] {
        QList<Country> l{
            // iso, calling code, trunk prefix, national digits min–max
            {QStringLiteral("AE"), QStringLiteral("971"), QStringLiteral("0"), 8, 9},
            {QStringLiteral("AR"), QStringLiteral("54"), QStringLiteral("0"), 10, 11},
            {QStringLiteral("AT"), QStringLiteral("43"), QStringLiteral("0"), 7, 13},
            {QStringLiteral("AU"), QStringLiteral("61"), QStringLiteral("0"), 9, 9},
            {QStringLiteral("BD"), QStringLiteral("880"), QStringLiteral("0"), 9, 10},
            {QStringLiteral("BE"), QStringLiteral("32"), QStringLiteral("0"), 8, 9},
            {QStringLiteral("BR"), QStringLiteral("55"), QStringLiteral("0"), 10, 11},
            {QStringLiteral("CA"), QStringLiteral("1"), QStringLiteral("1"), 10, 10},
            {QStringLiteral("CH"), QStringLiteral("41"), QStringLiteral("0"), 9, 9},
            {QStringLiteral("CL"), QStringLiteral("56"), QString(), 9, 9},
            {QStringLiteral("CN"), QStringLiteral("86"), QStringLiteral("0"), 10, 11},
            {QStringLiteral("CO"), QStringLiteral("57"), QString(), 10, 10},
            {QStringLiteral("DE"), QStringLiteral("49"), QStringLiteral("0"), 6, 13},
            {QStringLiteral("DK"), QStringLiteral("45"), QString(), 8, 8},
            {QStringLiteral("EC"), QStringLiteral("593"), QStringLiteral("0"), 8, 9},
            {QStringLiteral("EG"), QStringLiteral("20"), QStringLiteral("0"), 8, 10},
            {QStringLiteral("ES"), QStringLiteral("34"), QString(), 9, 9},
            {QStringLiteral("FR"), QStringLiteral("33"), QStringLiteral("0"), 9, 9},
            {QStringLiteral("GB"), QStringLiteral("44"), QStringLiteral("0"), 9, 10},
            {QStringLiteral("GH"), QStringLiteral("233"), QStringLiteral("0"), 9, 9},
            {QStringLiteral("HK"), QStringLiteral("852"), QString(), 8, 8},
            {QStringLiteral("ID"), QStringLiteral("62"), QStringLiteral("0"), 9, 12},
            {QStringLiteral("IE"), QStringLiteral("353"), QStringLiteral("0"), 7, 9},
            {QStringLiteral("IL"), QStringLiteral("972"), QStringLiteral("0"), 8, 9},
            {QStringLiteral("IN"), QStringLiteral("91"), QStringLiteral("0"), 10, 10},
            {QStringLiteral("IT"), QStringLiteral("39"), QString(), 6, 11},
            {QStringLiteral("JP"), QStringLiteral("81"), QStringLiteral("0"), 9, 10},
            {QStringLiteral("KE"), QStringLiteral("254"), QStringLiteral("0"), 9, 9},
            {QStringLiteral("KR"), QStringLiteral("82"), QStringLiteral("0"), 8, 10},
            {QStringLiteral("MA"), QStringLiteral("212"), QStringLiteral("0"), 9, 9},
            {QStringLiteral("MX"), QStringLiteral("52"), QString(), 10, 10},
            {QStringLiteral("MY"), QStringLiteral("60"), QStringLiteral("0"), 8, 10},
            {QStringLiteral("NG"), QStringLiteral("234"), QStringLiteral("0"), 8, 10},
            {QStringLiteral("NL"), QStringLiteral("31"), QStringLiteral("0"), 9, 9},
            {QStringLiteral("NO"), QStringLiteral("47"), QString(), 8, 8},
            {QStringLiteral("NZ"), QStringLiteral("64"), QStringLiteral("0"), 8, 10},
            {QStringLiteral("PE"), QStringLiteral("51"), QStringLiteral("0"), 8, 9},
            {QStringLiteral("PH"), QStringLiteral("63"), QStringLiteral("0"), 9, 10},
            {QStringLiteral("PK"), QStringLiteral("92"), QStringLiteral("0"), 9, 10},
            {QStringLiteral("PL"), QStringLiteral("48"), QString(), 9, 9},
            {QStringLiteral("PT"), QStringLiteral("351"), QString(), 9, 9},
            {QStringLiteral("RU"), QStringLiteral("7"), QStringLiteral("8"), 10, 10},
            {QStringLiteral("SA"), QStringLiteral("966"), QStringLiteral("0"), 8, 9},
            {QStringLiteral("SE"), QStringLiteral("46"), QStringLiteral("0"), 7, 10},
            {QStringLiteral("SG"), QStringLiteral("65"), QString(), 8, 8},
            {QStringLiteral("TH"), QStringLiteral("66"), QStringLiteral("0"), 8, 9},
            {QStringLiteral("TR"), QStringLiteral("90"), QStringLiteral("0"), 10, 10},
            {QStringLiteral("UA"), QStringLiteral("380"), QStringLiteral("0"), 9, 9},
            {QStringLiteral("US"), QStringLiteral("1"), QStringLiteral("1"), 10, 10},
            {QStringLiteral("VE"), QStringLiteral("58"), QStringLiteral("0"), 10, 10},
            {QStringLiteral("VN"), QStringLiteral("84"), QStringLiteral("0"), 9, 10},
            {QStringLiteral("ZA"), QStringLiteral("27"), QStringLiteral("0"), 9, 9},
        };
        std::sort(l.begin(), l.end(), [](const Country &a, const Country &b) {
            return QString::localeAwareCompare(a.name(), b.name()) < 0;
        });
        return l;
    }();
    return list;
}

const PhoneNumber::Country *PhoneNumber::countryByIso(const QString &iso)
{
    for (const Country &c : countries())
        if (c.iso.compare(iso, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

QString PhoneNumber::defaultCountryIso()
{
    const QString iso = QLocale::territoryToCode(QLocale::system().territory());
    return countryByIso(iso) ? iso : QString();
}

QString PhoneNumber::callingCodeOf(QStringView digits)
{
    for (int n = 1; n <= 3 && n <= digits.size(); ++n) {
        const QString prefix = digits.left(n).toString();
        if (callingCodes().contains(prefix))
            return prefix;
    }
    return {};
}

PhoneNumber::Normalized PhoneNumber::normalize(const QString &input, const QString &countryIso)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {{}, tr("Type the phone number.")};

    QString digits;
    bool plus = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isDigit()) {
            digits += QChar(u'0' + c.digitValue()); // also other scripts' digits, e.g. Arabic-Indic
        } else if ((c == u'+' || c == u'\uFF0B') && digits.isEmpty() && !plus) {
            plus = true;
        } else if (!isSeparator(c)) {
            return {{}, tr("Use only digits, spaces and dashes, with an optional + in front.")};
        }
    }
    if (digits.isEmpty())
        return {{}, tr("Type the phone number.")};

    bool international = plus;
    if (!international && digits.startsWith(QLatin1String("00"))) {
        international = true; // 00 is the international prefix in most countries
        digits = digits.mid(2);
    }
    if (!international) {
        const Country *c = countryByIso(countryIso);
        if (!c) {
            if (digits.startsWith(u'0'))
                return {{}, tr("This looks like a number without its country: choose the country, or start with + and "
                               "the country code.")};
        } else if (!c->trunkPrefix.isEmpty() && digits.startsWith(c->trunkPrefix)) {
            digits = c->callingCode + digits.mid(c->trunkPrefix.size());
        } else if (!(digits.startsWith(c->callingCode)
                     && digits.size() - c->callingCode.size() >= c->minNational
                     && digits.size() - c->callingCode.size() <= c->maxNational)) {
            digits = c->callingCode + digits; // a national number written without its trunk prefix
        }
    }

    if (digits.startsWith(u'0'))
        return {{}, tr("A number after the + never starts with 0. Leave out the 0, or choose the country.")};
    const QString cc = callingCodeOf(digits);
    if (cc.isEmpty())
        return {{}, tr("No country calling code starts like +%1. Check the first digits.").arg(digits.left(3))};
    if (digits.size() < 7)
        return {{}, tr("This number is too short: %n digits with the country code.", nullptr, int(digits.size()))};
    if (digits.size() > 15)
        return {{}, tr("This number is too long: %n digits with the country code; at most 15.", nullptr, int(digits.size()))};

    // Where we know the country, check its lengths (countries sharing a code share the check).
    const qsizetype national = digits.size() - cc.size();
    int min = 99, max = 0, sharing = 0;
    QString name;
    for (const Country &c : countries()) {
        if (c.callingCode != cc)
            continue;
        min = std::min(min, c.minNational);
        max = std::max(max, c.maxNational);
        name = c.name();
        ++sharing;
    }
    if (max > 0 && (national < min || national > max)) {
        // Countries that share a code (+1, +7) are named by the code alone.
        const QString where = sharing == 1 ? tr("Numbers in %1").arg(name) : tr("Numbers starting +%1").arg(cc);
        if (min == max)
            return {{}, tr("%1 have %2 digits after +%3; this one has %4.").arg(where).arg(min).arg(cc).arg(national)};
        return {{}, tr("%1 have %2 to %3 digits after +%4; this one has %5.")
                        .arg(where).arg(min).arg(max).arg(cc).arg(national)};
    }
    return {digits, {}};
}

QString PhoneNumber::format(const QString &digits)
{
    if (digits.isEmpty())
        return {};
    for (QChar c : digits)
        if (c < u'0' || c > u'9')
            return digits;
    const QString cc = callingCodeOf(digits);
    if (cc.isEmpty())
        return u'+' + digits;
    const QString national = digits.mid(cc.size());
    const QString pattern = groupingFor(cc, national.size());
    QString out = u'+' + cc + u' ';
    qsizetype next = 0;
    for (QChar p : pattern) {
        if (p == u'#') {
            if (next < national.size())
                out += national.at(next++);
        } else {
            out += p;
        }
    }
    out += national.mid(next);
    return out;
}

} // namespace wagate
