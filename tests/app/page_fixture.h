#pragma once

// A ProjectPage on an in-process pipedeck-sim (demo data, no 50 MB log, simulated time moved
// only by server->advance()), for the pipeline and job tests.
#include "actions/sim_fixture.h"

#include "models/jobs/jobs_model.h"
#include "models/pipelines/pipelines_model.h"
#include "pipelines/project_page.h"
#include "sim/demo_data.h"
#include "sim/world.h"

#include <QTest>
#include <memory>

namespace pagetest {

inline pipedeck::gitlab::Project demoProject(qint64 id = pipedeck::sim::demo::kDemoProjectId)
{
    pipedeck::gitlab::Project project;
    project.id = id;
    project.pathWithNamespace = id == pipedeck::sim::demo::kDemoProjectId
                                    ? QStringLiteral("platform/api-gateway")
                                    : QStringLiteral("data/etl");
    project.name = project.pathWithNamespace.section(QLatin1Char('/'), -1);
    return project;
}

struct PageFixture : actionstest::SimFixture
{
    std::unique_ptr<pipedeck::ProjectPage> page;

    bool open(qint64 projectId = pipedeck::sim::demo::kDemoProjectId, bool canWrite = true,
              const QString &token = actionstest::kWriterToken)
    {
        if (!server && !start(token))
            return false;
        page =
            std::make_unique<pipedeck::ProjectPage>(*connection, demoProject(projectId), canWrite);
        page->resize(1280, 800);
        page->show();
        return QTest::qWaitForWindowExposed(page.get());
    }
    void close()
    {
        page.reset();
        stop();
    }
    //! Shows a pipeline and waits until its jobs are in the graph.
    bool showPipeline(qint64 pipelineId)
    {
        page->showPipeline(pipelineId);
        return QTest::qWaitFor(
            [&] {
                return page->jobsModel()->pipelineId() == pipelineId &&
                       page->jobsModel()->loadState(pipelineId).loaded;
            },
            10'000);
    }
    pipedeck::models::JobsModel *jobs() const { return page->jobsModel(); }
    pipedeck::models::PipelinesModel *pipelines() const { return page->pipelinesModel(); }
};

} // namespace pagetest
