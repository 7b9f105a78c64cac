#include "models/loaders/jobs_loader.h"

#include "core/logging.h"
#include "gitlab/requests/job_requests.h"
#include "models/jobs/jobs_model.h"
#include "models/loaders/launch.h"

namespace pipedeck::models {

struct JobsLoader::Fetch
{
    quint64 serial = 0;
    qint64 projectId = 0;
    qint64 pipelineId = 0;
    bool partOfRound = false;
    bool includeRetried = false;
    int pending = 2;
    bool failed = false;
    gitlab::Status failure;
    bool jobsNotModified = false;
    bool bridgesNotModified = false;
    QList<gitlab::Job> jobs;
    QList<gitlab::Bridge> bridges;
    int requests = 0;
    QPointer<gitlab::Request> jobsRequest;
    QPointer<gitlab::Request> bridgesRequest;
};

namespace {
quint64 g_nextSerial = 1;

int requestsOf(const gitlab::PagedRequest &request)
{
    return std::max(1, request.pagesFetched());
}
} // namespace

JobsLoader::JobsLoader(gitlab::Connection *connection, JobsModel *model, PollScheduler *scheduler,
                       QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_model(model)
    , m_scheduler(scheduler)
{
    connect(model, &JobsModel::downstreamRequested, this,
            [this](qint64 projectId, qint64 pipelineId) {
                fetchPipeline(projectId, pipelineId, gitlab::Priority::Interactive);
            });
    connect(model, &JobsModel::watchedPipelinesChanged, this, &JobsLoader::syncWatched);
    connect(model, &JobsModel::includeRetriedChanged, this, &JobsLoader::refresh);
    if (m_scheduler) {
        m_task = m_scheduler->addTask(
            QStringLiteral("jobs"),
            [this] {
                if (m_roundRunning) {
                    // A refresh is under way already; its result will do.
                    m_scheduler->finished(m_task, PollScheduler::Outcome::NotModified, 0);
                    return;
                }
                m_roundFromScheduler = true;
                startRound(gitlab::Priority::Background);
            },
            PollScheduler::Mode::Off);
    }
    syncWatched();
}

JobsLoader::~JobsLoader()
{
    if (m_scheduler)
        m_scheduler->removeTask(m_task);
    const QHash<qint64, Fetch *> fetches = std::exchange(m_inFlight, {});
    for (Fetch *fetch : fetches) {
        if (fetch->jobsRequest)
            fetch->jobsRequest->abort();
        if (fetch->bridgesRequest)
            fetch->bridgesRequest->abort();
        delete fetch;
    }
}

void JobsLoader::refresh()
{
    if (m_roundRunning) {
        // Let the running round finish, but make sure everything is fetched again.
        for (const JobsModel::PipelineKey &key : m_model->watchedPipelines())
            fetchPipeline(key.projectId, key.pipelineId, gitlab::Priority::Interactive);
        return;
    }
    m_roundFromScheduler = false;
    startRound(gitlab::Priority::Interactive);
}

void JobsLoader::startRound(gitlab::Priority priority)
{
    if (!m_model || !m_connection)
        return;
    m_roundRunning = true;
    m_roundChanged = false;
    m_roundOk = true;
    m_roundRequests = 0;
    const QList<JobsModel::PipelineKey> watched = m_model->watchedPipelines();
    for (const JobsModel::PipelineKey &key : watched) {
        fetchPipeline(key.projectId, key.pipelineId, priority);
        if (Fetch *fetch = m_inFlight.value(key.pipelineId))
            fetch->partOfRound = true;
    }
    if (std::none_of(m_inFlight.cbegin(), m_inFlight.cend(),
                     [](const Fetch *f) { return f->partOfRound; })) {
        m_roundRunning = false;
        if (m_scheduler && m_roundFromScheduler)
            m_scheduler->finished(m_task, PollScheduler::Outcome::NotModified, 0);
        m_roundFromScheduler = false;
    }
}

void JobsLoader::fetchPipeline(qint64 projectId, qint64 pipelineId, gitlab::Priority priority)
{
    if (!m_model || !m_connection || m_inFlight.contains(pipelineId))
        return;
    auto *fetch = new Fetch;
    fetch->serial = g_nextSerial++;
    fetch->projectId = projectId;
    fetch->pipelineId = pipelineId;
    fetch->includeRetried = m_model->includeRetried();
    m_inFlight.insert(pipelineId, fetch);
    m_model->setLoading(pipelineId, true);
    qCDebug(lcModels) << "fetching jobs of pipeline" << pipelineId;

    const quint64 serial = fetch->serial;
    const auto current = [this, pipelineId, serial]() -> Fetch * {
        Fetch *f = m_inFlight.value(pipelineId);
        return f && f->serial == serial ? f : nullptr;
    };
    const auto settle = [this, pipelineId](Fetch *f) {
        if (--f->pending == 0)
            onFetchDone(pipelineId);
    };

    // Jobs and bridges land in the fetch the same way; the first failure is the one reported.
    const auto receiveInto = [current, settle](auto list, auto notModified) {
        return [current, settle, list, notModified](const auto &request) {
            Fetch *f = current();
            if (!f)
                return;
            f->requests += requestsOf(request);
            if (request.status().ok() && request.complete()) {
                f->*list = request.items();
                f->*notModified = request.notModified();
            } else if (!f->failed) {
                f->failed = true;
                f->failure = request.status().ok() ? gitlab::Status(gitlab::Status::BadReply)
                                                   : request.status();
            }
            settle(f);
        };
    };
    fetch->jobsRequest =
        launch(m_connection.data(),
               new gitlab::ListPipelineJobs(projectId, pipelineId, fetch->includeRetried), this,
               priority, receiveInto(&Fetch::jobs, &Fetch::jobsNotModified));
    fetch->bridgesRequest =
        launch(m_connection.data(),
               new gitlab::ListPipelineBridges(projectId, pipelineId, fetch->includeRetried), this,
               priority, receiveInto(&Fetch::bridges, &Fetch::bridgesNotModified));
}

void JobsLoader::onFetchDone(qint64 pipelineId)
{
    std::unique_ptr<Fetch> fetch(m_inFlight.take(pipelineId));
    if (!fetch)
        return;
    m_roundRequests += fetch->requests;
    if (m_model && fetch->includeRetried != m_model->includeRetried()) {
        // Sent before "show retried jobs" was switched: ask again with the new setting.
        const bool partOfRound = fetch->partOfRound;
        fetchPipeline(fetch->projectId, pipelineId, gitlab::Priority::Interactive);
        if (Fetch *again = m_inFlight.value(pipelineId))
            again->partOfRound = partOfRound;
        return;
    }
    if (m_model) {
        // A 304 means "as the last time this URL was asked", which is not what the model shows
        // when that snapshot was taken with the other include_retried setting.
        const bool sameListing =
            m_snapshotWithRetried.value(pipelineId, fetch->includeRetried) == fetch->includeRetried;
        if (fetch->failed) {
            qCDebug(lcModels) << "jobs of pipeline" << pipelineId
                              << "failed:" << gitlab::Status::codeName(fetch->failure.code())
                              << fetch->failure.detail();
            m_model->markStale(pipelineId, fetch->failure.userText());
            m_roundOk = false;
        } else if (fetch->jobsNotModified && fetch->bridgesNotModified && sameListing &&
                   m_model->loadState(pipelineId).loaded && !m_model->loadState(pipelineId).stale) {
            m_model->setLoading(pipelineId, false);
        } else {
            m_snapshotWithRetried.insert(pipelineId, fetch->includeRetried);
            const MergeResult result =
                m_model->applySnapshot(pipelineId, fetch->jobs, fetch->bridges);
            m_roundChanged = m_roundChanged || result.structureChanged() || result.changedRows > 0;
        }
    }
    updatePollMode();

    if (!fetch->partOfRound || !m_roundRunning)
        return;
    if (std::any_of(m_inFlight.cbegin(), m_inFlight.cend(),
                    [](const Fetch *f) { return f->partOfRound; }))
        return;
    m_roundRunning = false;
    m_lastRoundRequests = m_roundRequests;
    if (m_scheduler && m_roundFromScheduler) {
        const auto outcome = !m_roundOk       ? PollScheduler::Outcome::Failed
                             : m_roundChanged ? PollScheduler::Outcome::Changed
                                              : PollScheduler::Outcome::NotModified;
        m_scheduler->finished(m_task, outcome, m_roundRequests);
    }
    m_roundFromScheduler = false;
    Q_EMIT refreshed(m_roundChanged, m_roundOk);
}

void JobsLoader::syncWatched()
{
    if (!m_model)
        return;
    const QList<JobsModel::PipelineKey> watched = m_model->watchedPipelines();
    // Drop fetches for pipelines no longer shown.
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
        const bool shown =
            std::any_of(watched.cbegin(), watched.cend(), [&](const JobsModel::PipelineKey &key) {
                return key.pipelineId == it.key() && key.projectId == it.value()->projectId;
            });
        if (shown) {
            ++it;
            continue;
        }
        Fetch *fetch = it.value();
        it = m_inFlight.erase(it);
        if (fetch->jobsRequest)
            fetch->jobsRequest->abort();
        if (fetch->bridgesRequest)
            fetch->bridgesRequest->abort();
        delete fetch;
    }
    m_snapshotWithRetried.removeIf([&watched](const std::pair<const qint64 &, bool &> &entry) {
        return std::none_of(
            watched.cbegin(), watched.cend(),
            [&](const JobsModel::PipelineKey &key) { return key.pipelineId == entry.first; });
    });
    // Load what was never loaded.
    for (const JobsModel::PipelineKey &key : watched) {
        if (!m_model->loadState(key.pipelineId).loaded)
            fetchPipeline(key.projectId, key.pipelineId, gitlab::Priority::Interactive);
    }
    if (m_roundRunning && std::none_of(m_inFlight.cbegin(), m_inFlight.cend(),
                                       [](const Fetch *f) { return f->partOfRound; })) {
        m_roundRunning = false;
        if (m_scheduler && m_roundFromScheduler)
            m_scheduler->finished(m_task, PollScheduler::Outcome::Changed, m_roundRequests);
        m_roundFromScheduler = false;
    }
    updatePollMode();
}

void JobsLoader::updatePollMode()
{
    if (!m_scheduler || !m_model)
        return;
    PollScheduler::Mode mode = PollScheduler::Mode::Off;
    if (m_model->pipelineId() != 0)
        mode = m_model->hasActiveJobs() ? PollScheduler::Mode::Active : PollScheduler::Mode::Idle;
    m_scheduler->setMode(m_task, mode);
}

} // namespace pipedeck::models
