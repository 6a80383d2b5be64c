#include "errortext.h"

namespace wagate {

QString ErrorText::sentence(const QString &text)
{
    QString s = text.trimmed();
    if (s.isEmpty())
        return s;
    s[0] = s.at(0).toUpper();
    if (!s.endsWith(u'.') && !s.endsWith(u'!') && !s.endsWith(u'?'))
        s += u'.';
    return s;
}

QString ErrorText::clause(const QString &text)
{
    QString s = sentence(text);
    if (s.size() > 1 && s.at(1).isLower())
        s[0] = s.at(0).toLower();
    return s;
}

QString ErrorText::missingPermission(Capability capability)
{
    return tr("Needs the “%1” permission, which your sign-in does not have.").arg(capabilityName(capability));
}

QString ErrorText::forAction(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Forbidden: {
        const QString cap = error.details.value(QStringLiteral("capability")).toString();
        if (!cap.isEmpty())
            return tr("Your sign-in does not allow this: it lacks the “%1” permission.").arg(cap);
        return tr("Your sign-in does not allow this.");
    }
    case ErrorCode::Unauthorized:
        return tr("Your sign-in is no longer accepted. Sign in again.");
    case ErrorCode::NotFound:
        return tr("This session no longer exists; someone may have deleted it.");
    case ErrorCode::Unavailable:
        return tr("The gateway cannot do this right now: %1").arg(clause(error.message));
    case ErrorCode::Internal:
        return tr("Something went wrong inside Wagate. The log has the details.");
    case ErrorCode::RateLimited:
        return tr("Too many attempts. Wait a moment and try again.");
    default:
        return sentence(error.message);
    }
}

} // namespace wagate
