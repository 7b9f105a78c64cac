#pragma once

#include <QString>

namespace pipedeck::gitlab {

//! The statuses GitLab gives jobs, bridges and pipelines (Ci::HasStatus::AVAILABLE_STATUSES).
//! A string this build does not know becomes Unknown; the raw text is kept beside it by the
//! types that carry a status, so a newer GitLab never breaks anything.
enum class CiStatus {
    Unknown,
    Created,
    WaitingForResource,
    Preparing,
    WaitingForCallback,
    Pending,
    Running,
    Success,
    Failed,
    Canceling,
    Canceled,
    Skipped,
    Manual,
    Scheduled,
};

using JobStatus = CiStatus;
using PipelineStatus = CiStatus;

CiStatus ciStatusFromString(QStringView text);
//! GitLab's own spelling ("waiting_for_resource"); empty for Unknown.
QString ciStatusName(CiStatus status);

//! Queued or executing: something that will still change by itself.
bool isActive(CiStatus status);
//! success, failed, canceled or skipped.
bool isCompleted(CiStatus status);

} // namespace pipedeck::gitlab
