#pragma once

#include <QCoreApplication>
#include <QString>

namespace pipedeck {

//! GitLab's failure_reason codes in words. New codes appear over time: those this build does
//! not know are shown as GitLab sent them.
class FailureReason
{
    Q_DECLARE_TR_FUNCTIONS(FailureReason)
public:
    static QString text(const QString &code);
};

} // namespace pipedeck
