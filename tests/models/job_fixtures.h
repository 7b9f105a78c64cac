#pragma once

#include "gitlab/types/ci_status.h"
#include "gitlab/types/job.h"

#include <QList>
#include <QString>

// Jobs and bridges as the API library would parse them, for model tests.
namespace fixtures {

inline pipedeck::gitlab::Job
job(qint64 id, const QString &name, const QString &stage,
    pipedeck::gitlab::CiStatus status = pipedeck::gitlab::CiStatus::Success, qint64 pipelineId = 1)
{
    pipedeck::gitlab::Job job;
    job.id = id;
    job.name = name;
    job.stage = stage;
    job.status = status;
    job.statusName = pipedeck::gitlab::ciStatusName(status);
    job.pipeline.id = pipelineId;
    job.commitTitle = QStringLiteral("Fix the build");
    return job;
}

inline pipedeck::gitlab::Bridge
bridge(qint64 id, const QString &name, const QString &stage, qint64 downstreamPipelineId,
       qint64 downstreamProjectId,
       pipedeck::gitlab::CiStatus status = pipedeck::gitlab::CiStatus::Running)
{
    pipedeck::gitlab::Bridge bridge;
    bridge.id = id;
    bridge.name = name;
    bridge.stage = stage;
    bridge.status = status;
    bridge.statusName = pipedeck::gitlab::ciStatusName(status);
    if (downstreamPipelineId) {
        pipedeck::gitlab::Pipeline downstream;
        downstream.id = downstreamPipelineId;
        downstream.projectId = downstreamProjectId;
        downstream.status = status;
        downstream.statusName = pipedeck::gitlab::ciStatusName(status);
        bridge.downstreamPipeline = downstream;
    }
    return bridge;
}

} // namespace fixtures
