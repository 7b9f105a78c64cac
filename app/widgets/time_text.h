#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <optional>

namespace pipedeck {

//! Short human texts for durations and ages, as the pipeline list and job cards show them.
class TimeText
{
    Q_DECLARE_TR_FUNCTIONS(TimeText)
public:
    //! "45s", "3m 05s", "2h 14m"; empty for an invalid or negative duration.
    static QString duration(double seconds);
    static QString duration(const QVariant &seconds);
    //! "just now", "5 min ago", "3 h ago", "1 day ago", "12 days ago", then the date (after 30
    //! days). `now` defaults to the current time.
    static QString age(const QDateTime &when, const QDateTime &now = {});
    //! Local date and time to the second, compact: "15/01/2026 07:00:46".
    static QString dateTime(const QDateTime &when);
    //! The full local date and time, for tooltips.
    static QString exact(const QDateTime &when);
};

} // namespace pipedeck
