#include "models/loaders/pipelines_loader.h"

#include "core/logging.h"
#include "gitlab/requests/job_requests.h"
#include "gitlab/requests/pipeline_requests.h"
#include "models/loaders/launch.h"
#include "models/pipelines/pipelines_model.h"

namespace pipedeck::models {

namespace {
gitlab::PipelineQuery queryFor(const PipelineFilter &filter)
{
    gitlab::PipelineQuery query;
    query.ref = filter.ref;
    query.status = filter.status;
    query.source = filter.source;
    query.username = filter.username;
    return query;
}
} // namespace

PipelinesLoader::PipelinesLoader(gitlab::Connection *connection, PipelinesModel *model,
                                 qint64 projectId, PollScheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_model(model)
    , m_scheduler(scheduler)
    , m_projectId(projectId)
{
    connect(model, &PipelinesModel::filterChanged, this, &PipelinesLoader::refresh);
    connect(model, &PipelinesModel::fetchMoreRequested, this, &PipelinesLoader::loadPage);
    if (m_scheduler) {
        m_task = m_scheduler->addTask(
            QStringLiteral("pipelines"),
            [this] {
                if (m_firstPage) {
                    m_scheduler->finished(m_task, PollScheduler::Outcome::NotModified, 0);
                    return;
                }
                m_pollRunning = true;
                m_pollChanged = false;
                m_pollFailed = false;
                m_pollRequests = 0;
                loadFirstPage(gitlab::Priority::Background);
            },
            PollScheduler::Mode::Off);
    }
}

PipelinesLoader::~PipelinesLoader()
{
    if (m_scheduler)
        m_scheduler->removeTask(m_task);
}

void PipelinesLoader::refresh()
{
    if (m_firstPage)
        m_firstPage->abort();
    if (m_morePage)
        m_morePage->abort();
    loadFirstPage(gitlab::Priority::Interactive);
}

void PipelinesLoader::loadFirstPage(gitlab::Priority priority)
{
    if (!m_model || !m_connection)
        return;
    const quint64 generation = ++m_generation;
    auto *request = new gitlab::ListPipelines(m_projectId, queryFor(m_model->filter()));
    request->setAllPages(false);
    m_model->setLoading(true);
    m_firstPage =
        launch(m_connection.data(), request, this, priority,
               [this, generation, priority](const gitlab::ListPipelines &done) {
                   if (generation != m_generation || !m_model)
                       return; // a newer load (another filter) replaced this one
                   m_pollRequests += std::max(1, done.pagesFetched());
                   if (!done.status().ok()) {
                       m_model->markStale(done.status().userText());
                       m_pollFailed = true;
                       finishPoll(PollScheduler::Outcome::Failed);
                       Q_EMIT refreshed(false);
                       return;
                   }
                   if (done.notModified() && m_model->loadState().loaded && !m_model->isStale()) {
                       m_model->setLoading(false);
                   } else {
                       const MergeResult result =
                           m_model->applyFirstPage(done.pipelines(), done.nextPage());
                       m_pollChanged = result.structureChanged() || result.changedRows > 0;
                   }
                   loadDetails(priority);
                   if (m_detailsInFlight.isEmpty())
                       finishPoll(m_pollChanged ? PollScheduler::Outcome::Changed
                                                : PollScheduler::Outcome::NotModified);
                   Q_EMIT refreshed(true);
               });
}

void PipelinesLoader::loadPage(int page)
{
    if (!m_model || !m_connection || m_morePage)
        return;
    const quint64 generation = m_generation;
    auto *request = new gitlab::ListPipelines(m_projectId, queryFor(m_model->filter()));
    request->setAllPages(false);
    request->setPage(page);
    m_morePage = launch(m_connection.data(), request, this, gitlab::Priority::Interactive,
                        [this, generation](const gitlab::ListPipelines &done) {
                            // Done: a fetchMore() the answer itself sets off (a view filling
                            // its rows) must start the next page, not be dropped as a repeat.
                            m_morePage.clear();
                            if (!m_model)
                                return;
                            if (generation != m_generation ||
                                done.status().code() == gitlab::Status::Canceled) {
                                m_model->fetchMoreFailed(QString()); // replaced by a reload
                                return;
                            }
                            if (done.status().ok())
                                m_model->appendPage(done.pipelines(), done.nextPage());
                            else
                                m_model->fetchMoreFailed(done.status().userText());
                        });
}

void PipelinesLoader::loadDetails(gitlab::Priority priority)
{
    for (qint64 id : m_model->pipelinesNeedingDetails(kDetailRows)) {
        if (m_detailsInFlight.contains(id))
            continue;
        m_detailsInFlight.insert(id);
        auto pending = std::make_shared<int>(2);
        const auto settle = [this, id, pending] {
            if (--*pending > 0)
                return;
            m_detailsInFlight.remove(id);
            if (m_detailsInFlight.isEmpty())
                finishPoll(m_pollFailed    ? PollScheduler::Outcome::Failed
                           : m_pollChanged ? PollScheduler::Outcome::Changed
                                           : PollScheduler::Outcome::NotModified);
        };
        launch(m_connection.data(), new gitlab::GetPipeline(m_projectId, id), this, priority,
               [this, settle](const gitlab::GetPipeline &done) {
                   ++m_pollRequests;
                   if (done.status().ok() && m_model) {
                       m_model->applyDetails(done.pipeline());
                       m_pollChanged = m_pollChanged || !done.notModified();
                   }
                   settle();
               });
        auto *jobs = new gitlab::ListPipelineJobs(m_projectId, id);
        jobs->setMaxPages(1); // enough for the strip; a huge pipeline's strip may miss a stage
        launch(m_connection.data(), jobs, this, priority,
               [this, id, settle](const gitlab::ListPipelineJobs &done) {
                   ++m_pollRequests;
                   if (done.status().ok() && m_model) {
                       const QList<gitlab::Job> &list = done.jobs();
                       m_model->applyStageStrip(id, stageStripFromJobs(list, {}),
                                                list.isEmpty() ? QString()
                                                               : list.first().commitTitle);
                   }
                   settle();
               });
    }
}

void PipelinesLoader::finishPoll(PollScheduler::Outcome outcome)
{
    updatePollMode();
    if (!m_pollRunning || !m_scheduler)
        return;
    m_pollRunning = false;
    m_scheduler->finished(m_task, outcome, m_pollRequests);
}

void PipelinesLoader::updatePollMode()
{
    if (!m_scheduler || !m_model)
        return;
    m_scheduler->setMode(m_task, m_model->activePipelines(kDetailRows * 2).isEmpty()
                                     ? PollScheduler::Mode::Idle
                                     : PollScheduler::Mode::Active);
}

} // namespace pipedeck::models
