#pragma once

#include "gitlab/types/ci_status.h"
#include "gitlab/types/job.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace pipedeck::models {

//! One cell of a pipeline row's small per-stage status strip.
struct StageStatus
{
    QString name;
    gitlab::CiStatus status = gitlab::CiStatus::Unknown;

    friend bool operator==(const StageStatus &, const StageStatus &) = default;
};
using StageStrip = QList<StageStatus>;

//! The strip for a pipeline from its jobs and bridges (stages in pipeline order, each with its
//! composite status; retried jobs ignored).
StageStrip stageStripFromJobs(const QList<gitlab::Job> &jobs, const QList<gitlab::Bridge> &bridges);

} // namespace pipedeck::models

Q_DECLARE_METATYPE(pipedeck::models::StageStrip)
