#include "models/pipelines/stage_strip.h"

#include "models/jobs/stage_grouping.h"

namespace pipedeck::models {

StageStrip stageStripFromJobs(const QList<gitlab::Job> &jobs, const QList<gitlab::Bridge> &bridges)
{
    StageOrder order;
    StageStrip strip;
    const QList<StageSnapshot> stages = groupByStage(jobs, bridges, order);
    strip.reserve(stages.size());
    for (const StageSnapshot &stage : stages)
        strip.append({stage.name, stage.status});
    return strip;
}

} // namespace pipedeck::models
