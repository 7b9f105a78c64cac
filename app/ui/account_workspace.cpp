#include "ui/account_workspace.h"

#include "accounts/account_net_state.h"
#include "gitlab/net/connection.h"
#include "gitlab/requests/job_requests.h"
#include "gitlab/requests/pipeline_requests.h"
#include "gitlab/requests/project_requests.h"
#include "logfollow/trace_follower.h"
#include "logview/job_log_page.h"
#include "models/loaders/projects_loader.h"
#include "models/polling/poll_scheduler.h"
#include "models/projects/projects_model.h"
#include "models/projects/recent_projects.h"
#include "pipelines/pipeline_graph_view.h"
#include "pipelines/project_page.h"
#include "runs/run_pipeline_dialog.h"
#include "triggers/trigger_tokens_dialog.h"
#include "ui/job_log_window.h"
#include "widgets/inline_message.h"

#include <algorithm>

namespace pipedeck {

AccountWorkspace::AccountWorkspace(const QString &accountId, gitlab::Connection &connection,
                                   bool canWrite, QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_accountId(accountId)
    , m_connection(connection)
    , m_canWrite(canWrite)
    , m_projects(std::make_unique<models::ProjectsModel>())
    , m_recent(std::make_unique<models::RecentProjects>(settings, accountId))
    , m_loader(
          std::make_unique<models::ProjectsLoader>(&connection, m_projects.get(), m_recent.get()))
    , m_scheduler(std::make_unique<models::PollScheduler>(&connection.clock()))
    , m_netState(std::make_unique<AccountNetState>(&connection))
{
    m_netState->addScheduler(m_scheduler.get());
    // The gate sees every RateLimit header of the account, including the log followers'.
    m_scheduler->setBudgetSource([gate = QPointer<gitlab::RequestGate>(&connection.gate()),
                                  fallback = m_scheduler->options().budgetPerMinute] {
        return gate ? gate->effectiveBudget() : fallback;
    });
    m_scheduler->setWindowVisible(false);
    m_loader->refresh();
}

AccountWorkspace::~AccountWorkspace()
{
    // Their requests go through this account's connection, which goes away next.
    const QList<QPointer<JobLogWindow>> windows = m_logWindows.values();
    for (const QPointer<JobLogWindow> &window : windows)
        delete window.data();
    delete m_page.data();
}

QList<JobLogWindow *> AccountWorkspace::logWindows() const
{
    QList<JobLogWindow *> windows;
    for (const QPointer<JobLogWindow> &window : m_logWindows) {
        if (window)
            windows.append(window);
    }
    return windows;
}

ProjectPage *AccountWorkspace::openProject(const gitlab::Project &project, const Target &target)
{
    ++m_openGeneration; // an older lookup still under way no longer decides
    m_projectPaths.insert(project.id, project.pathWithNamespace);
    m_loader->rememberOpened(project);
    if (!m_page || m_page->project().id != project.id) {
        if (m_page && !m_goingBack) {
            static constexpr int kMaxHistory = 20;
            m_history.append({m_page->project(), m_page->currentPipelineId()});
            if (m_history.size() > kMaxHistory)
                m_history.removeFirst();
            Q_EMIT historyChanged();
        }
        delete m_page.data();
        auto *page = new ProjectPage(m_connection, project, m_canWrite, m_scheduler.get());
        page->setRunServices(m_runServices);
        m_page = page;
        for (const actions::ActionKind kind : std::as_const(m_refusedTriggerJobActions))
            page->setTriggerJobActionRefused(kind);
        connect(page, &ProjectPage::triggerJobActionRefused, this,
                [this](actions::ActionKind kind) {
                    if (std::ranges::find(m_refusedTriggerJobActions, kind) ==
                        m_refusedTriggerJobActions.end())
                        m_refusedTriggerJobActions.push_back(kind);
                });
        page->setVisibleForPolling(m_shown);
        connect(page, &ProjectPage::openPipelineRequested, this,
                [this](qint64 projectId, qint64 pipelineId) {
                    openProject(projectId, Target::pipeline(pipelineId));
                });
        connect(page, &ProjectPage::openJobLogRequested, this,
                [this](qint64 projectId, qint64 jobId, const QString &jobName) {
                    openJobLog(projectId, jobId, jobName);
                });
    }
    Q_EMIT pageOpened(m_page);
    showTarget(m_page, target);
    return m_page;
}

QString AccountWorkspace::backText() const
{
    if (m_history.isEmpty())
        return {};
    const Visit &visit = m_history.constLast();
    return visit.pipelineId ? tr("%1 · Pipeline #%2", "project path, pipeline id")
                                  .arg(visit.project.pathWithNamespace)
                                  .arg(visit.pipelineId)
                            : visit.project.pathWithNamespace;
}

void AccountWorkspace::goBack()
{
    if (m_history.isEmpty())
        return;
    const Visit visit = m_history.takeLast();
    m_goingBack = true;
    openProject(visit.project, visit.pipelineId ? Target::pipeline(visit.pipelineId) : Target{});
    m_goingBack = false;
    Q_EMIT historyChanged();
}

void AccountWorkspace::openProject(qint64 projectId, const Target &target)
{
    if (m_page && m_page->project().id == projectId) {
        openProject(m_page->project(), target);
        return;
    }
    const QString known = projectPathOf(projectId);
    fetchProject(gitlab::ProjectRef(projectId),
                 known.isEmpty() ? QString::number(projectId) : known, target);
}

void AccountWorkspace::openProject(const QString &projectPath, const Target &target)
{
    if (m_page &&
        m_page->project().pathWithNamespace.compare(projectPath, Qt::CaseInsensitive) == 0) {
        openProject(m_page->project(), target);
        return;
    }
    fetchProject(gitlab::ProjectRef::fromPath(projectPath), projectPath, target);
}

void AccountWorkspace::fetchProject(const gitlab::ProjectRef &ref, const QString &shownName,
                                    const Target &target)
{
    const quint64 generation = ++m_openGeneration;
    auto *request = m_connection.call<gitlab::GetProject>(ref);
    request->setPriority(gitlab::Priority::Interactive);
    connect(request, &gitlab::Request::finished, this,
            [this, request, shownName, target, generation] {
                if (generation != m_openGeneration)
                    return; // the user has opened something else meanwhile
                if (!request->status().ok()) {
                    Q_EMIT openFailed(tr("Could not open the project %1. %2")
                                          .arg(shownName, request->status().userText()));
                    return;
                }
                openProject(request->project(), target);
            });
}

void AccountWorkspace::showTarget(ProjectPage *page, const Target &target)
{
    switch (target.kind) {
    case Target::Kind::Project:
        break;
    case Target::Kind::Pipeline:
        if (target.fromLink)
            checkPipeline(page, target.id);
        else
            page->showPipeline(target.id);
        break;
    case Target::Kind::Job:
        if (target.fromLink)
            checkJob(page, target.id);
        else
            page->showJob(target.id);
        break;
    case Target::Kind::TriggerTokens:
        page->openTriggerTokens();
        break;
    case Target::Kind::NewPipeline:
        if (RunPipelineDialog *dialog = page->openRunPipelineDialog())
            dialog->applyPrefill(target.ref, target.rows);
        break;
    }
}

void AccountWorkspace::checkPipeline(ProjectPage *page, qint64 pipelineId)
{
    const gitlab::Project project = page->project();
    auto *request =
        m_connection.call<gitlab::GetPipeline>(gitlab::ProjectRef(project.id), pipelineId);
    request->setPriority(gitlab::Priority::Interactive);
    connect(request, &gitlab::Request::finished, page, [page, request, project, pipelineId] {
        if (request->status().ok()) {
            page->showPipeline(pipelineId);
            return;
        }
        page->messageBar()->showMessage(
            InlineMessage::Kind::Error,
            tr("Pipeline %1 of %2 could not be opened. %3")
                .arg(pipelineId)
                .arg(project.pathWithNamespace, request->status().userText()));
    });
}

void AccountWorkspace::checkJob(ProjectPage *page, qint64 jobId)
{
    const gitlab::Project project = page->project();
    auto *request = m_connection.call<gitlab::GetJob>(gitlab::ProjectRef(project.id), jobId);
    request->setPriority(gitlab::Priority::Interactive);
    connect(request, &gitlab::Request::finished, page, [this, page, request, project, jobId] {
        if (!request->status().ok()) {
            page->messageBar()->showMessage(
                InlineMessage::Kind::Error,
                tr("Job %1 of %2 could not be opened. %3")
                    .arg(jobId)
                    .arg(project.pathWithNamespace, request->status().userText()));
            return;
        }
        const gitlab::Job &job = request->job();
        page->showPipeline(job.pipeline.id);
        page->graphView()->setCurrentJob(jobId);
        // GitLab's page of a manual job is its Run job form, with variables: so is ours.
        if (job.status == gitlab::CiStatus::Manual && m_canWrite) {
            page->playWhenShown(jobId);
            return;
        }
        // A job's address is its log on GitLab: show it beside the pipeline.
        openJobLog(project.id, jobId, job.name);
    });
}

JobLogWindow *AccountWorkspace::openJobLog(qint64 projectId, qint64 jobId, const QString &jobName)
{
    if (JobLogWindow *open = m_logWindows.value(jobId)) {
        open->present();
        return open;
    }
    auto *window =
        new JobLogWindow(m_connection, projectPathOf(projectId), projectId, jobId, jobName);
    m_logWindows.insert(jobId, window);
    connect(window, &QObject::destroyed, this, [this, jobId] { m_logWindows.remove(jobId); });
    connect(window, &JobLogWindow::showInPipelineRequested, this,
            &AccountWorkspace::showJobRequested);
    // Offline is the account's state: the log waits with every other view and resumes with
    // them, instead of retrying on its own.
    const auto holdWhileOffline = [window](AccountNetState::State state) {
        if (logfollow::TraceFollower *follower = window->page()->follower())
            follower->setOnHold(state == AccountNetState::State::Offline);
    };
    connect(m_netState.get(), &AccountNetState::stateChanged, window, holdWhileOffline);
    holdWhileOffline(m_netState->state());
    Q_EMIT logWindowOpened(window);
    window->present();
    return window;
}

void AccountWorkspace::setShown(bool shown)
{
    m_shown = shown;
    m_scheduler->setWindowVisible(shown);
    if (m_page)
        m_page->setVisibleForPolling(shown);
}

QString AccountWorkspace::projectPathOf(qint64 projectId) const
{
    const QString known = m_projectPaths.value(projectId);
    if (!known.isEmpty())
        return known;
    const gitlab::Project *listed = m_projects->projectAt(m_projects->rowOfId(projectId));
    return listed ? listed->pathWithNamespace : QString();
}

} // namespace pipedeck
