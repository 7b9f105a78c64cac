#pragma once

#include "gitlab/types/ci_status.h"

#include <QList>

namespace pipedeck::models {

//! One member of a group (a stage, a pipeline) as far as the group's status is concerned.
struct StatusMember
{
    gitlab::CiStatus status = gitlab::CiStatus::Unknown;
    bool allowFailure = false;
};

//! The status GitLab shows for a group of jobs (Ci::Status::Composite): failures of jobs that
//! may fail are ignored, anything still running makes the group running, and so on.
//! Unknown statuses count as neither success nor activity, so they never hide a failure.
gitlab::CiStatus compositeStatus(const QList<StatusMember> &members);

} // namespace pipedeck::models
