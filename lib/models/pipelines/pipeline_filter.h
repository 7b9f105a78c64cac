#pragma once

#include <QString>

namespace pipedeck::models {

//! What the pipelines list is narrowed to (GitLab's list filters; empty = any).
struct PipelineFilter
{
    QString ref;
    QString status; //!< a CiStatus name ("running", "failed", ...)
    QString source; //!< "push", "web", "schedule", "parent_pipeline", ...
    QString username;

    friend bool operator==(const PipelineFilter &, const PipelineFilter &) = default;
};

} // namespace pipedeck::models
