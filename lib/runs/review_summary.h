#pragma once

#include "variables/variable_row.h"

#include <QCoreApplication>
#include <QStringList>

namespace pipedeck::runs {

//! What the review step shows before a play or a run is sent.
struct ReviewFacts
{
    QString instance; //!< host of the GitLab instance
    QString account;
    QString project; //!< path with namespace
    QString ref;
    QString commit;      //!< short SHA and title, when known
    QStringList willRun; //!< e.g. the jobs to play, or "a new pipeline"
    QList<variables::VariableRow> rows;
};

//! The review as plain-text lines, sensitive values masked, in the order a reader checks them.
struct ReviewSummary
{
    Q_DECLARE_TR_FUNCTIONS(pipedeck::runs::ReviewSummary)
public:
    static QStringList lines(const ReviewFacts &facts);
};

} // namespace pipedeck::runs
