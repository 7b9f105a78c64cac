#pragma once

#include "gitlab/types/job.h"

#include <optional>

namespace pipedeck::models {

//! A job or a bridge (trigger job) as one row of a pipeline's job tree.
struct JobRecord
{
    gitlab::Job job; //!< for a bridge only the shared JobCommon part is filled
    bool bridge = false;
    std::optional<gitlab::Pipeline> downstream; //!< bridges: null until the downstream exists

    static JobRecord fromJob(const gitlab::Job &job);
    static JobRecord fromBridge(const gitlab::Bridge &bridge);

    friend bool operator==(const JobRecord &, const JobRecord &) = default;
};

//! A job or bridge of a refresh, pointing into the parsed lists (which outlive the merge), so
//! that rows that did not change are never copied.
struct IncomingJob
{
    const gitlab::Job *job = nullptr;
    const gitlab::Bridge *bridge = nullptr;

    const gitlab::JobCommon &common() const
    {
        return job ? static_cast<const gitlab::JobCommon &>(*job) : *bridge;
    }
    JobRecord toRecord() const
    {
        return job ? JobRecord::fromJob(*job) : JobRecord::fromBridge(*bridge);
    }
};

} // namespace pipedeck::models
