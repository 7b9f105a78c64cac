#include "widgets/time_text.h"

#include <QLocale>
#include <QVariant>
#include <cmath>

namespace pipedeck {

namespace {
constexpr qint64 kDaysBeforeDate = 30;
} // namespace

QString TimeText::duration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return {};
    const qint64 total = static_cast<qint64>(std::llround(seconds));
    const qint64 hours = total / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 secs = total % 60;
    if (hours > 0)
        return tr("%1h %2m").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
    if (minutes > 0)
        return tr("%1m %2s").arg(minutes).arg(secs, 2, 10, QLatin1Char('0'));
    return tr("%1s").arg(secs);
}

QString TimeText::duration(const QVariant &seconds)
{
    if (!seconds.isValid() || seconds.isNull())
        return {};
    bool ok = false;
    const double value = seconds.toDouble(&ok);
    return ok ? duration(value) : QString();
}

QString TimeText::age(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const QDateTime reference = now.isValid() ? now : QDateTime::currentDateTimeUtc();
    const qint64 seconds = when.secsTo(reference);
    if (seconds < 60) // a time slightly in the future is clock skew, not an error
        return tr("just now");
    // No %n plurals: the app ships no English catalog to turn "%n day(s)" into "1 day". The
    // abbreviated units read right for any number; days have a text of their own for one.
    if (seconds < 3600)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h ago").arg(seconds / 3600);
    const qint64 days = seconds / 86400;
    if (days == 1)
        return tr("1 day ago");
    if (days < kDaysBeforeDate)
        return tr("%1 days ago").arg(days);
    return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
}

QString TimeText::dateTime(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    return QLocale().toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           local.time().toString(QStringLiteral("HH:mm:ss"));
}

QString TimeText::exact(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return QLocale().toString(when.toLocalTime(), QLocale::LongFormat);
}

} // namespace pipedeck
