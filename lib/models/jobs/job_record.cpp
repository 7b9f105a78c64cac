#include "models/jobs/job_record.h"

namespace pipedeck::models {

JobRecord JobRecord::fromJob(const gitlab::Job &job)
{
    JobRecord record;
    record.job = job;
    return record;
}

JobRecord JobRecord::fromBridge(const gitlab::Bridge &bridge)
{
    JobRecord record;
    static_cast<gitlab::JobCommon &>(record.job) = bridge;
    record.bridge = true;
    record.downstream = bridge.downstreamPipeline;
    return record;
}

} // namespace pipedeck::models
