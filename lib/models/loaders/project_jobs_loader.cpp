#include "models/loaders/project_jobs_loader.h"

#include "core/logging.h"
#include "gitlab/requests/job_requests.h"
#include "models/loaders/launch.h"
#include "models/project_jobs/project_jobs_model.h"

namespace pipedeck::models {

ProjectJobsLoader::ProjectJobsLoader(gitlab::Connection *connection, ProjectJobsModel *model,
                                     qint64 projectId, PollScheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_model(model)
    , m_scheduler(scheduler)
    , m_projectId(projectId)
{
    connect(model, &ProjectJobsModel::scopesChanged, this, &ProjectJobsLoader::refresh);
    connect(model, &ProjectJobsModel::fetchMoreRequested, this, &ProjectJobsLoader::loadMore);
    if (m_scheduler) {
        m_task = m_scheduler->addTask(
            QStringLiteral("project jobs"),
            [this] {
                if (m_firstPage) {
                    // A user's refresh is on its way: this poll has nothing to add.
                    m_scheduler->finished(m_task, PollScheduler::Outcome::NotModified, 0);
                    return;
                }
                m_pollRunning = true;
                loadFirstPage(gitlab::Priority::Background);
            },
            PollScheduler::Mode::Off);
    }
}

ProjectJobsLoader::~ProjectJobsLoader()
{
    if (m_scheduler)
        m_scheduler->removeTask(m_task);
}

void ProjectJobsLoader::refresh()
{
    if (m_firstPage)
        m_firstPage->abort();
    if (m_morePage)
        m_morePage->abort();
    loadFirstPage(gitlab::Priority::Interactive);
}

void ProjectJobsLoader::loadFirstPage(gitlab::Priority priority)
{
    if (!m_model || !m_connection)
        return;
    const quint64 generation = ++m_generation;
    const QStringList scopes = m_model->scopes();
    auto *request = new gitlab::ListProjectJobs(m_projectId, scopes);
    m_model->setLoading(true);
    m_firstPage = launch(m_connection.data(), request, this, priority,
                         [this, generation, scopes](const gitlab::ListProjectJobs &done) {
                             // Done now, not when deleteLater() gets to it: what the model's
                             // signals set off below (a view's fetchMore(), a poll) must find the
                             // loader idle.
                             if (m_firstPage.data() == &done)
                                 m_firstPage = nullptr;
                             if (generation != m_generation || !m_model)
                                 return; // a newer load (another scope) replaced this one
                             const int requests = std::max(1, done.pagesFetched());
                             if (!done.status().ok()) {
                                 qCInfo(lcModels).noquote()
                                     << "project" << m_projectId
                                     << "jobs stay stale:" << done.status().userText();
                                 m_model->markStale(done.status().userText());
                                 finishPoll(PollScheduler::Outcome::Failed, requests);
                                 Q_EMIT refreshed(false);
                                 return;
                             }
                             bool changed = false;
                             // A 304 only means "as shown" when the rows shown came from this same
                             // list: back from a filter to "every job", GitLab's page is unchanged
                             // but the rows are not.
                             const bool shownAsIs = m_shownScopes && *m_shownScopes == scopes;
                             if (done.notModified() && shownAsIs && m_model->loadState().loaded &&
                                 !m_model->isStale()) {
                                 m_model->setLoading(false);
                             } else {
                                 const MergeResult result =
                                     m_model->applyFirstPage(done.jobs(), done.nextLink());
                                 m_shownScopes = scopes;
                                 changed = result.structureChanged() || result.changedRows > 0;
                             }
                             finishPoll(changed ? PollScheduler::Outcome::Changed
                                                : PollScheduler::Outcome::NotModified,
                                        requests);
                             Q_EMIT refreshed(true);
                         });
}

void ProjectJobsLoader::loadMore(const QUrl &link)
{
    if (!m_model || !m_connection || m_morePage)
        return;
    const quint64 generation = m_generation;
    auto *request = new gitlab::ListProjectJobs(m_projectId, m_model->scopes());
    request->setContinuation(link);
    m_morePage = launch(m_connection.data(), request, this, gitlab::Priority::Interactive,
                        [this, generation](const gitlab::ListProjectJobs &done) {
                            // A view asks for the next page from inside appendPage().
                            if (m_morePage.data() == &done)
                                m_morePage = nullptr;
                            if (!m_model)
                                return;
                            if (generation != m_generation ||
                                done.status().code() == gitlab::Status::Canceled) {
                                m_model->fetchMoreFailed(QString()); // replaced by a reload
                                return;
                            }
                            if (done.status().ok())
                                m_model->appendPage(done.jobs(), done.nextLink());
                            else
                                m_model->fetchMoreFailed(done.status().userText());
                        });
}

void ProjectJobsLoader::finishPoll(PollScheduler::Outcome outcome, int requests)
{
    updatePollMode();
    if (!m_pollRunning || !m_scheduler)
        return;
    m_pollRunning = false;
    m_scheduler->finished(m_task, outcome, requests);
}

void ProjectJobsLoader::updatePollMode()
{
    if (!m_scheduler || !m_model)
        return;
    m_scheduler->setMode(m_task, m_model->hasActiveJobs(kActiveRows) ? PollScheduler::Mode::Active
                                                                     : PollScheduler::Mode::Idle);
}

} // namespace pipedeck::models
