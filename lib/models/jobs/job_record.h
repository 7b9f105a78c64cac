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
    //! A newer job of the same name is in the same listing. GitLab's REST API has no `retried`
    //! field, so with include_retried this is how an earlier attempt is recognised.
    bool superseded = false;

    const gitlab::JobCommon &common() const
    {
        return job ? static_cast<const gitlab::JobCommon &>(*job) : *bridge;
    }
    bool retried() const { return superseded || common().retried; }
    JobRecord toRecord() const
    {
        JobRecord record = job ? JobRecord::fromJob(*job) : JobRecord::fromBridge(*bridge);
        record.job.retried = retried();
        return record;
    }
};

} // namespace pipedeck::models
