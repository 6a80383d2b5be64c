#include "timetext.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace wagate {

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;

std::function<qint64()> &injectedClock()
{
    static std::function<qint64()> c;
    return c;
}

} // namespace

qint64 TimeText::nowMs()
{
    return injectedClock() ? injectedClock()() : QDateTime::currentMSecsSinceEpoch();
}

void TimeText::setClock(std::function<qint64()> c)
{
    injectedClock() = std::move(c);
}

QString TimeText::relative(qint64 atMs, qint64 nowMs)
{
    if (atMs <= 0)
        return tr("never");
    const qint64 ago = nowMs - atMs;
    if (ago < kMinute)
        return tr("just now");
    if (ago < kHour)
        return tr("%n min ago", nullptr, int(ago / kMinute));
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).date();
    const QDate day = QDateTime::fromMSecsSinceEpoch(atMs).date();
    const qint64 days = day.daysTo(today);
    if (days == 0 || ago < 6 * kHour)
        return tr("%n h ago", nullptr, int(ago / kHour));
    if (days == 1)
        return tr("yesterday");
    if (days < 7)
        return tr("%n days ago", nullptr, int(days));
    return QLocale().toString(day, QStringLiteral("d MMM yyyy"));
}

QString TimeText::clock(qint64 atMs, qint64 nowMs)
{
    if (atMs <= 0)
        return tr("never");
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(atMs);
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).date();
    const qint64 days = at.date().daysTo(today);
    const QLocale locale;
    const QString time = locale.toString(at.time(), QStringLiteral("HH:mm"));
    if (days == 0)
        return time;
    if (days == 1)
        return tr("yesterday %1").arg(time);
    if (days > 1 && days < 7)
        return locale.toString(at, QStringLiteral("ddd HH:mm"));
    if (at.date().year() == today.year())
        return locale.toString(at, QStringLiteral("d MMM HH:mm"));
    return locale.toString(at, QStringLiteral("d MMM yyyy HH:mm"));
}

qint64 TimeText::relativeValidForMs(qint64 atMs, qint64 nowMs)
{
    if (atMs <= 0)
        return std::numeric_limits<qint64>::max();
    const qint64 ago = std::max<qint64>(0, nowMs - atMs);
    if (ago < kHour)
        return kMinute - ago % kMinute;
    if (ago < 24 * kHour)
        return kHour - ago % kHour;
    // Day-based texts change at midnight; an hour is close enough and cheap.
    return kHour;
}

} // namespace wagate
