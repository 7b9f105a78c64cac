#include "pipelines/project_page.h"

#include "actions/action_controller.h"
#include "actions/action_rules.h"
#include "core/logging.h"
#include "gitlab/net/connection.h"
#include "gitlab/requests/job_requests.h"
#include "jobs/job_details_pane.h"
#include "jobs/project_jobs_view.h"
#include "models/jobs/jobs_model.h"
#include "models/loaders/jobs_loader.h"
#include "models/loaders/pipelines_loader.h"
#include "models/pipelines/pipelines_model.h"
#include "models/polling/poll_scheduler.h"
#include "pipelines/pipeline_graph_view.h"
#include "pipelines/pipeline_header.h"
#include "pipelines/pipelines_panel.h"
#include "watch/watch_list.h"
#include "widgets/destructive_confirmation.h"
#include "widgets/inline_message.h"
#include "widgets/status_style.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pipedeck {

using actions::ActionKind;
using actions::ActionResult;
using actions::ActionRules;
using gitlab::CiStatus;
using models::JobsModel;
using models::PipelinesModel;

namespace {

//! The status a card shows while its action runs, before GitLab's answer.
std::optional<CiStatus> expectedStatus(ActionKind kind)
{
    switch (kind) {
    case ActionKind::PlayJob:
    case ActionKind::RetryJob:
        return CiStatus::Pending;
    case ActionKind::CancelJob:
        return CiStatus::Canceling;
    case ActionKind::EraseJob:
    case ActionKind::RetryPipeline:
    case ActionKind::CancelPipeline:
    case ActionKind::DeletePipeline:
        break;
    }
    return std::nullopt;
}

QString runningNote(ActionKind kind)
{
    switch (kind) {
    case ActionKind::PlayJob:
        return ProjectPage::tr("Starting…");
    case ActionKind::RetryJob:
        return ProjectPage::tr("Retrying…");
    case ActionKind::CancelJob:
        return ProjectPage::tr("Canceling…");
    case ActionKind::EraseJob:
        return ProjectPage::tr("Erasing…");
    case ActionKind::RetryPipeline:
    case ActionKind::CancelPipeline:
    case ActionKind::DeletePipeline:
        break;
    }
    return {};
}

QString failureText(ActionKind kind, const QString &name)
{
    switch (kind) {
    case ActionKind::PlayJob:
        return ProjectPage::tr("Could not run the job “%1”.").arg(name);
    case ActionKind::RetryJob:
        return ProjectPage::tr("Could not retry the job “%1”.").arg(name);
    case ActionKind::CancelJob:
        return ProjectPage::tr("Could not cancel the job “%1”.").arg(name);
    case ActionKind::EraseJob:
        return ProjectPage::tr("Could not erase the job “%1”.").arg(name);
    case ActionKind::RetryPipeline:
        return ProjectPage::tr("Could not retry the failed jobs of pipeline %1.").arg(name);
    case ActionKind::CancelPipeline:
        return ProjectPage::tr("Could not cancel pipeline %1.").arg(name);
    case ActionKind::DeletePipeline:
        return ProjectPage::tr("Could not delete pipeline %1.").arg(name);
    }
    return {};
}

} // namespace

ProjectPage::ProjectPage(gitlab::Connection &connection, const gitlab::Project &project,
                         bool canWrite, models::PollScheduler *scheduler, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_project(project)
    , m_canWrite(canWrite)
    , m_scheduler(scheduler)
{
    setObjectName(QStringLiteral("projectPage"));
    if (!m_scheduler)
        m_scheduler = new models::PollScheduler(nullptr, this);
    m_pipelines = new PipelinesModel(this);
    m_jobs = new JobsModel(this);
    m_controller = new actions::ActionController(&m_connection, this);

    m_list = new PipelinesPanel;
    m_list->setModel(m_pipelines);
    m_header = new PipelineHeader;
    m_header->setModel(m_pipelines);
    m_graph = new PipelineGraphView;
    m_graph->setObjectName(QStringLiteral("pipelineGraph"));
    m_graph->setModel(m_jobs);
    m_details = new JobDetailsPane;
    m_details->setObjectName(QStringLiteral("jobDetails"));
    m_details->setModel(m_jobs);
    m_message = new InlineMessage;
    m_message->setObjectName(QStringLiteral("actionMessage"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("pageStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setContentsMargins(8, 2, 8, 2);
    m_status->setEnabled(false); // muted

    createActions();

    auto *pipelinePane = new QWidget;
    auto *pipelineLayout = new QVBoxLayout(pipelinePane);
    pipelineLayout->setContentsMargins(0, 0, 0, 0);
    pipelineLayout->setSpacing(4);
    pipelineLayout->addWidget(m_header);
    pipelineLayout->addWidget(m_message);
    pipelineLayout->addWidget(m_graph, 1);

    m_rightSplit = new QSplitter(Qt::Vertical);
    m_rightSplit->setChildrenCollapsible(false);
    m_rightSplit->addWidget(pipelinePane);
    m_rightSplit->addWidget(m_details);
    m_rightSplit->setStretchFactor(0, 3);
    m_rightSplit->setStretchFactor(1, 1);

    auto *listPane = new QWidget;
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(8, 8, 0, 0);
    m_leftTabs = new QTabWidget;
    m_leftTabs->setObjectName(QStringLiteral("projectTabs"));
    m_leftTabs->setDocumentMode(true);
    m_leftTabs->addTab(m_list, tr("&Pipelines"));
    m_leftTabs->addTab(new QWidget, tr("&Jobs"));
    m_leftTabs->setTabToolTip(1, tr("Every job of the project, newest first, filtered by status "
                                    "(Manual: the jobs waiting to be played)"));
    connect(m_leftTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            showJobsTab();
    });
    listLayout->addWidget(m_leftTabs);

    m_mainSplit = new QSplitter(Qt::Horizontal);
    m_mainSplit->setChildrenCollapsible(false);
    m_mainSplit->addWidget(listPane);
    m_mainSplit->addWidget(m_rightSplit);
    m_mainSplit->setStretchFactor(0, 2);
    m_mainSplit->setStretchFactor(1, 3);
    m_mainSplit->setSizes({420, 700});
    m_rightSplit->setSizes({420, 300});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_mainSplit, 1);
    layout->addWidget(m_status);

    m_pipelinesLoader =
        new models::PipelinesLoader(&m_connection, m_pipelines, m_project.id, m_scheduler, this);
    m_jobsLoader = new models::JobsLoader(&m_connection, m_jobs, m_scheduler, this);

    connect(m_list, &PipelinesPanel::currentPipelineChanged, this, &ProjectPage::selectPipeline);
    connect(m_list, &PipelinesPanel::contextMenuRequested, this, &ProjectPage::showPipelineMenu);
    connect(m_graph, &PipelineGraphView::currentJobChanged, this,
            &ProjectPage::onCurrentJobChanged);
    connect(m_graph, &PipelineGraphView::contextMenuRequested, this, &ProjectPage::showJobMenu);
    connect(m_graph, &PipelineGraphView::jobActivated, this, [this](qint64 jobId) {
        m_details->setJob(jobId);
        if (!requestJobLog(jobId))
            m_details->setFocus();
    });
    connect(m_graph, &PipelineGraphView::openPipelineRequested, this,
            [this](qint64 projectId, qint64 pipelineId) {
                if (projectId == m_project.id || projectId == 0) {
                    m_childPipelines.insert(pipelineId);
                    showPipeline(pipelineId);
                } else
                    Q_EMIT openPipelineRequested(projectId, pipelineId);
            });
    connect(m_details, &JobDetailsPane::jobChanged, this, &ProjectPage::updateJobActions);
    connect(m_header, &PipelineHeader::pipelineChanged, this, &ProjectPage::updatePipelineActions);
    connect(m_controller, &actions::ActionController::finished, this,
            &ProjectPage::onActionFinished);
    connect(m_controller, &actions::ActionController::reconciling, this, [this](quint64 ticket) {
        const PendingAction pending = m_pending.value(ticket);
        m_message->showMessage(
            InlineMessage::Kind::Info,
            tr("The connection was lost after the request was sent. Checking whether it "
               "took effect instead of sending it again…"));
        Q_UNUSED(pending);
    });
    connect(m_jobsLoader, &models::JobsLoader::refreshed, this, [this] {
        // The refresh is GitLab's word on every card: drop the guesses of finished actions.
        QSet<qint64> running;
        for (const PendingAction &pending : std::as_const(m_pending))
            running.insert(pending.targetId);
        const QList<qint64> shown = m_optimisticJobs.values();
        for (const qint64 jobId : shown) {
            if (!running.contains(jobId)) {
                m_graph->setOptimistic(jobId, std::nullopt, {});
                m_optimisticJobs.remove(jobId);
            }
        }
        updateJobActions();
        updateStatusText();
        if (m_playWhenShown)
            playWhenShown(m_playWhenShown);
    });
    connect(m_pipelinesLoader, &models::PipelinesLoader::refreshed, this,
            &ProjectPage::updateStatusText);
    connect(m_pipelines, &PipelinesModel::loadStateChanged, this, &ProjectPage::updateStatusText);
    connect(m_jobs, &JobsModel::loadStateChanged, this, &ProjectPage::updateStatusText);
    connect(m_pipelines, &QAbstractItemModel::rowsInserted, this, [this] {
        // The first page arrived: show the newest pipeline unless one is shown already.
        if (m_pipelineId == 0 && m_pipelines->rowCount() > 0)
            m_list->selectPipeline(m_pipelines->index(0).data(PipelinesModel::IdRole).toLongLong());
        else if (m_pipelineId && m_list->currentPipelineId() != m_pipelineId)
            m_list->selectPipeline(m_pipelineId);
    });

    updateJobActions();
    updatePipelineActions();
    m_pipelinesLoader->refresh();
    updateStatusText();
}

ProjectPage::~ProjectPage()
{
    // The loaders hold pointers to the models: take them down first.
    delete m_jobsLoader;
    delete m_pipelinesLoader;
}

void ProjectPage::createActions()
{
    const auto make = [this](const QString &text, const QKeySequence &shortcut,
                             const QString &objectName) {
        auto *action = new QAction(text, this);
        action->setObjectName(objectName);
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        addAction(action);
        return action;
    };
    QAction *play =
        make(tr("Run"), QKeySequence(Qt::CTRL | Qt::Key_Return), QStringLiteral("playJob"));
    play->setIcon(StatusStyle::icon(CiStatus::Manual));
    m_playWithVariables = make(tr("Play…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                               QStringLiteral("playJobWithVariables"));
    m_playStage = make(tr("Play Manual Jobs of Stage…"), {}, QStringLiteral("playStage"));
    QAction *retry =
        make(tr("Retry"), QKeySequence(Qt::CTRL | Qt::Key_R), QStringLiteral("retryJob"));
    QAction *cancel =
        make(tr("Cancel"), QKeySequence(Qt::CTRL | Qt::Key_Period), QStringLiteral("cancelJob"));
    QAction *erase =
        make(tr("Erase…"), QKeySequence(Qt::SHIFT | Qt::Key_Delete), QStringLiteral("eraseJob"));
    m_openJob = make(tr("Open in Browser"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                     QStringLiteral("openJob"));
    m_openLog = make(tr("Open Log"), {}, QStringLiteral("openJobLog"));
    m_copyJobLink = make(tr("Copy Link"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                         QStringLiteral("copyJobLink"));
    QAction *retryPipeline =
        make(tr("Retry Failed Jobs"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
             QStringLiteral("retryPipeline"));
    QAction *cancelPipeline = make(tr("Cancel Pipeline"), {}, QStringLiteral("cancelPipeline"));
    QAction *deletePipeline = make(tr("Delete Pipeline…"), {}, QStringLiteral("deletePipeline"));
    m_openPipeline = make(tr("Open in Browser"), {}, QStringLiteral("openPipeline"));
    m_copyPipelineLink = make(tr("Copy Link"), {}, QStringLiteral("copyPipelineLink"));
    m_showRetried = make(tr("Show Retried Jobs"), {}, QStringLiteral("showRetried"));
    m_showRetried->setCheckable(true);
    m_showRetried->setToolTip(tr("Also show the earlier attempts of jobs that were retried"));
    m_runPipeline = make(tr("Run Pipeline…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                         QStringLiteral("runPipeline"));
    m_runPipeline->setEnabled(m_canWrite);
    m_runPipeline->setToolTip(m_canWrite
                                  ? tr("Run a new pipeline for a branch or tag, with variables")
                                  : ActionRules::forJob(ActionKind::PlayJob, {}, false).reason);
    m_triggerPipeline = make(tr("Trigger Pipeline…"), {}, QStringLiteral("triggerPipeline"));
    m_triggerPipeline->setToolTip(
        tr("Start a pipeline with a trigger token kept in the keychain, or one pasted"));
    m_triggerTokens = make(tr("Trigger Tokens…"), {}, QStringLiteral("triggerTokens"));
    m_triggerTokens->setToolTip(
        tr("The project's pipeline trigger tokens, and the ones Pipedeck keeps (Maintainer "
           "role)"));
    m_runHistory = make(tr("Run History…"), {}, QStringLiteral("runHistory"));
    m_runHistory->setToolTip(tr("Every play and pipeline run sent from Pipedeck for this project"));
    m_watch = make(tr("Watch"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
                   QStringLiteral("watchPipeline"));
    m_watch->setCheckable(true);
    m_watch->setVisible(false); // until there is a watch list
    m_refresh = make(tr("Refresh"), QKeySequence(QKeySequence::Refresh), QStringLiteral("refresh"));
    m_refresh->setToolTip(tr("Read the pipelines and jobs from GitLab now"));

    m_actionOf = {{int(ActionKind::PlayJob), play},
                  {int(ActionKind::RetryJob), retry},
                  {int(ActionKind::CancelJob), cancel},
                  {int(ActionKind::EraseJob), erase},
                  {int(ActionKind::RetryPipeline), retryPipeline},
                  {int(ActionKind::CancelPipeline), cancelPipeline},
                  {int(ActionKind::DeletePipeline), deletePipeline}};
    for (const ActionKind kind :
         {ActionKind::PlayJob, ActionKind::RetryJob, ActionKind::CancelJob, ActionKind::EraseJob})
        connect(action(kind), &QAction::triggered, this, [this, kind] { runJobAction(kind); });
    for (const ActionKind kind :
         {ActionKind::RetryPipeline, ActionKind::CancelPipeline, ActionKind::DeletePipeline})
        connect(action(kind), &QAction::triggered, this, [this, kind] { runPipelineAction(kind); });
    connect(m_openLog, &QAction::triggered, this,
            [this] { requestJobLog(m_graph->currentJobId()); });
    connect(m_openJob, &QAction::triggered, this, [this] { openUrl(currentJobUrl()); });
    connect(m_copyJobLink, &QAction::triggered, this, [this] { copyUrl(currentJobUrl()); });
    connect(m_openPipeline, &QAction::triggered, this, [this] { openUrl(currentPipelineUrl()); });
    connect(m_copyPipelineLink, &QAction::triggered, this,
            [this] { copyUrl(currentPipelineUrl()); });
    connect(m_showRetried, &QAction::toggled, this,
            [this](bool show) { m_jobs->setIncludeRetried(show); });
    connect(m_refresh, &QAction::triggered, this, &ProjectPage::refresh);
    connect(m_watch, &QAction::triggered, this, [this] {
        if (const auto watch = shownPipelineWatch())
            toggleWatch(*watch);
        else
            updateWatchAction();
    });
    connect(m_playWithVariables, &QAction::triggered, this, &ProjectPage::openPlayDialog);
    connect(m_playStage, &QAction::triggered, this, &ProjectPage::openPlayStageDialog);
    connect(m_runPipeline, &QAction::triggered, this, &ProjectPage::openRunPipelineDialog);
    connect(m_runHistory, &QAction::triggered, this, &ProjectPage::openRunHistory);
    connect(m_triggerPipeline, &QAction::triggered, this, &ProjectPage::openTriggerPipelineDialog);
    connect(m_triggerTokens, &QAction::triggered, this, &ProjectPage::openTriggerTokens);

    m_details->setActions({m_openLog, play, m_playWithVariables, retry, cancel, erase, m_openJob});
    m_header->setActions({m_watch, m_runPipeline, m_runHistory, retryPipeline, cancelPipeline,
                          m_showRetried, m_refresh});
}

qint64 ProjectPage::currentJobId() const
{
    return m_graph->currentJobId();
}

void ProjectPage::selectPipeline(qint64 pipelineId)
{
    if (pipelineId == m_pipelineId)
        return;
    m_pipelineId = pipelineId;
    // A message stays until closed or the next action: it names what it is about.
    m_graph->clearOptimistic();
    m_optimisticJobs.clear();
    m_header->setPipeline(pipelineId);
    m_jobs->setPipeline(pipelineId ? m_project.id : 0, pipelineId);
    if (pipelineId)
        m_jobsLoader->refresh();
    m_details->setJob(0);
    updatePipelineActions();
    updateStatusText();
    Q_EMIT currentPipelineChanged(pipelineId);
}

void ProjectPage::showPipeline(qint64 pipelineId)
{
    if (pipelineId <= 0)
        return;
    // A pipeline further down than the pages loaded so far is shown all the same.
    if (!m_list->selectPipeline(pipelineId))
        selectPipeline(pipelineId);
}

void ProjectPage::showJob(qint64 jobId)
{
    if (jobId <= 0)
        return;
    if (m_jobs->indexOfJob(jobId).isValid()) {
        m_graph->setCurrentJob(jobId);
        return;
    }
    // Which pipeline holds the job is only known to GitLab.
    auto *request = m_connection.call<gitlab::GetJob>(gitlab::ProjectRef(m_project.id), jobId);
    connect(request, &gitlab::Request::finished, this, [this, request, jobId] {
        if (!request->status().ok()) {
            m_message->showMessage(
                InlineMessage::Kind::Error,
                tr("Could not open job %1. %2").arg(jobId).arg(request->status().userText()));
            return;
        }
        showPipeline(request->job().pipeline.id);
        m_graph->setCurrentJob(jobId);
    });
}

bool ProjectPage::requestJobLog(qint64 jobId)
{
    const QModelIndex index = jobId ? m_jobs->indexOfJob(jobId) : QModelIndex();
    const models::JobRecord *record = m_jobs->recordAt(index);
    if (!record || record->bridge)
        return false; // a trigger job has no log of its own
    Q_EMIT openJobLogRequested(index.data(JobsModel::ProjectIdRole).toLongLong(), jobId,
                               record->job.name);
    return true;
}

void ProjectPage::setStatusLineVisible(bool visible)
{
    m_status->setVisible(visible);
}

void ProjectPage::setVisibleForPolling(bool visible)
{
    m_scheduler->setWindowVisible(visible);
}

void ProjectPage::refresh()
{
    m_pipelinesLoader->refresh();
    if (m_pipelineId)
        m_jobsLoader->refresh();
    updateStatusText();
}

void ProjectPage::onCurrentJobChanged(qint64 jobId)
{
    m_details->setJob(jobId);
    updateJobActions();
}

void ProjectPage::setTriggerJobActionRefused(ActionKind kind)
{
    if (kind == ActionKind::RetryJob)
        m_bridgeRetryRefused = true;
    else if (kind == ActionKind::PlayJob)
        m_bridgePlayRefused = true;
    updateJobActions();
}

void ProjectPage::updateJobActions()
{
    const qint64 jobId = m_graph->currentJobId();
    const QModelIndex index = jobId ? m_jobs->indexOfJob(jobId) : QModelIndex();
    const models::JobRecord *record = m_jobs->recordAt(index);
    actions::JobFacts facts;
    if (record) {
        facts.status = record->job.status;
        facts.bridge = record->bridge;
        facts.retried = m_graph->isOlderAttempt(jobId);
        facts.erased = record->job.erasedAt.isValid();
        facts.bridgeRetryRefused = m_bridgeRetryRefused;
        facts.bridgePlayRefused = m_bridgePlayRefused;
    }
    const bool busy = record && m_controller->isBusy(false, jobId);
    static const QHash<int, QString> kEnabledTips = {
        {int(ActionKind::PlayJob), tr("Run this manual job now (without variables)")},
        {int(ActionKind::RetryJob), tr("Run this job again")},
        {int(ActionKind::CancelJob), tr("Stop this job")},
        {int(ActionKind::EraseJob), tr("Delete this job's log and artifacts")},
    };
    for (const ActionKind kind :
         {ActionKind::PlayJob, ActionKind::RetryJob, ActionKind::CancelJob, ActionKind::EraseJob}) {
        QAction *a = action(kind);
        actions::Availability availability;
        if (!record)
            availability = actions::Availability::no(tr("Select a job first."));
        else if (busy)
            availability = actions::Availability::no(tr("An action on this job is still running."));
        else
            availability = ActionRules::forJob(kind, facts, m_canWrite);
        a->setEnabled(availability.enabled);
        QString tip = availability.enabled ? kEnabledTips.value(int(kind)) : availability.reason;
        if (availability.enabled && record && record->bridge) {
            if (kind == ActionKind::RetryJob)
                tip = tr("Run this trigger job again: it starts a new downstream pipeline");
            else if (kind == ActionKind::PlayJob)
                tip = tr("Start this trigger job's downstream pipeline now");
        }
        a->setToolTip(tip);
    }
    bool alreadyRan = false;
    const bool playable = record && !busy && m_canWrite && canPlayWithVariables(jobId, &alreadyRan);
    m_playWithVariables->setEnabled(playable);
    m_playWithVariables->setToolTip(
        !record       ? tr("Select a job first.")
        : !m_canWrite ? ActionRules::forJob(ActionKind::PlayJob, facts, false).reason
        : !playable   ? tr("Only a manual job can be played with variables.")
        : alreadyRan  ? tr("Retry this job with the variables it was played with")
                      : tr("Choose variables, then run this manual job"));
    const int stageJobs = record && m_canWrite ? int(manualJobsOfStage(jobId).size()) : 0;
    m_playStage->setEnabled(stageJobs > 0);
    m_playStage->setToolTip(stageJobs > 0
                                ? tr("Play the %n manual job(s) of stage “%1” with the same "
                                     "variables",
                                     nullptr, stageJobs)
                                      .arg(record->job.stage)
                                : tr("This stage has no manual job waiting."));
    m_openLog->setEnabled(record && !record->bridge);
    m_openLog->setToolTip(!record          ? tr("Select a job first.")
                          : record->bridge ? tr("A trigger job has no log of its own.")
                                           : tr("Show this job's log in a window of its own"));
    const bool hasUrl = record && record->job.webUrl.isValid();
    m_openJob->setEnabled(hasUrl);
    m_copyJobLink->setEnabled(hasUrl);
    m_openJob->setToolTip(hasUrl ? tr("Open this job on GitLab") : tr("Select a job first."));
    m_copyJobLink->setToolTip(hasUrl ? tr("Copy the job's web address")
                                     : tr("Select a job first."));
}

void ProjectPage::updatePipelineActions()
{
    const int row = m_pipelineId ? m_pipelines->rowOfId(m_pipelineId) : -1;
    const gitlab::Pipeline *pipeline = m_pipelines->pipelineAt(row);
    const bool busy = pipeline && m_controller->isBusy(true, m_pipelineId);
    static const QHash<int, QString> kEnabledTips = {
        {int(ActionKind::RetryPipeline), tr("Retry all failed or canceled jobs of this pipeline")},
        {int(ActionKind::CancelPipeline), tr("Cancel every waiting or running job")},
        {int(ActionKind::DeletePipeline), tr("Delete this pipeline with its jobs and logs")},
    };
    for (const ActionKind kind :
         {ActionKind::RetryPipeline, ActionKind::CancelPipeline, ActionKind::DeletePipeline}) {
        actions::Availability availability;
        if (!pipeline)
            availability = actions::Availability::no(tr("Select a pipeline first."));
        else if (busy)
            availability =
                actions::Availability::no(tr("An action on this pipeline is still running."));
        else
            availability = ActionRules::forPipeline(kind, {pipeline->status}, m_canWrite);
        action(kind)->setEnabled(availability.enabled);
        action(kind)->setToolTip(availability.enabled ? kEnabledTips.value(int(kind))
                                                      : availability.reason);
    }
    const bool hasUrl = pipeline && pipeline->webUrl.isValid();
    m_openPipeline->setEnabled(hasUrl);
    m_copyPipelineLink->setEnabled(hasUrl);
    m_showRetried->setEnabled(m_pipelineId != 0);
    m_refresh->setEnabled(true);
    updateWatchAction();
}

void ProjectPage::setWatchList(watch::WatchList *watches, const QString &accountId)
{
    if (m_watches)
        disconnect(m_watches, nullptr, this, nullptr);
    m_watches = watches;
    m_accountId = accountId;
    if (m_watches)
        connect(m_watches, &watch::WatchList::changed, this, &ProjectPage::updateWatchAction);
    m_watch->setVisible(m_watches != nullptr);
    updateWatchAction();
}

std::optional<watch::PipelineWatch> ProjectPage::shownPipelineWatch() const
{
    if (!m_watches || !m_pipelineId)
        return std::nullopt;
    watch::PipelineWatch watch;
    watch.accountId = m_accountId;
    watch.projectId = m_project.id;
    watch.pipelineId = m_pipelineId;
    watch.projectPath = m_project.pathWithNamespace;
    watch.addedAtMs = m_connection.clock().nowMs();
    if (const gitlab::Pipeline *pipeline =
            m_pipelines->pipelineAt(m_pipelines->rowOfId(m_pipelineId))) {
        watch.lastStatus = pipeline->status;
        watch.lastStatusName = pipeline->statusName;
        watch.ref = pipeline->ref;
        watch.child = pipeline->source == QLatin1String("parent_pipeline");
    } else {
        // Not in the list: a child pipeline opened from its trigger job (or one further down
        // than the pages loaded, which the watcher finds in the unfiltered listing).
        watch.child = m_childPipelines.contains(m_pipelineId);
    }
    return watch;
}

void ProjectPage::toggleWatch(const watch::PipelineWatch &watch)
{
    if (!m_watches)
        return;
    if (m_watches->contains(watch.accountId, watch.pipelineId))
        m_watches->remove(watch.accountId, watch.pipelineId);
    else
        m_watches->add(watch);
    updateWatchAction();
}

void ProjectPage::updateWatchAction()
{
    const bool watched =
        m_watches && m_pipelineId && m_watches->contains(m_accountId, m_pipelineId);
    m_watch->setEnabled(m_watches && m_pipelineId);
    m_watch->setChecked(watched);
    m_watch->setText(watched ? tr("Watching") : tr("Watch"));
    m_watch->setToolTip(!m_pipelineId ? tr("Select a pipeline first.")
                        : watched
                            ? tr("Stop watching this pipeline")
                            : tr("Tell me when this pipeline fails, passes or waits for a manual "
                                 "job, also with the window closed"));
}

void ProjectPage::refreshAfterAction()
{
    if (m_pipelineId)
        m_jobsLoader->refresh();
    m_pipelinesLoader->refresh();
    if (m_jobsView)
        m_jobsView->refresh();
}

bool ProjectPage::confirm(const QString &title, const QString &text)
{
    if (m_confirm)
        return m_confirm(title, text);
    return confirmDestructive(this, title, text, title);
}

void ProjectPage::runJobAction(ActionKind kind)
{
    updateJobActions();
    QAction *a = action(kind);
    const qint64 jobId = m_graph->currentJobId();
    const QModelIndex index = m_jobs->indexOfJob(jobId);
    if (!a->isEnabled() || !index.isValid())
        return;
    const QString name = index.data(JobsModel::NameRole).toString();
    if (kind == ActionKind::EraseJob &&
        !confirm(
            tr("Erase Job"),
            tr("Erase the log and artifacts of the job “%1”? This cannot be undone.").arg(name)))
        return;
    const qint64 projectId = index.data(JobsModel::ProjectIdRole).toLongLong();
    const models::JobRecord *record = m_jobs->recordAt(index);
    const bool bridge = record && record->bridge;
    actions::ActionTarget target;
    target.projectId = projectId;
    target.id = jobId;
    target.pipelineId = record ? record->job.pipeline.id : 0;
    target.triggerJob = bridge;
    const quint64 ticket = m_controller->run(kind, target);
    if (!ticket)
        return;
    m_pending.insert(ticket, {kind, jobId, name, bridge});
    m_message->clear();
    m_graph->setOptimistic(jobId, expectedStatus(kind), runningNote(kind));
    m_optimisticJobs.insert(jobId);
    updateJobActions();
}

void ProjectPage::runPipelineAction(ActionKind kind)
{
    updatePipelineActions();
    if (!action(kind)->isEnabled() || !m_pipelineId)
        return;
    const QString name = QStringLiteral("#") + QString::number(m_pipelineId);
    if (kind == ActionKind::DeletePipeline &&
        !confirm(tr("Delete Pipeline"),
                 tr("Delete pipeline %1 with all its jobs, logs and artifacts? This cannot be "
                    "undone.")
                     .arg(name)))
        return;
    const quint64 ticket = m_controller->run(kind, m_project.id, m_pipelineId);
    if (!ticket)
        return;
    m_pending.insert(ticket, {kind, m_pipelineId, name});
    m_message->clear();
    updatePipelineActions();
    updateStatusText();
}

void ProjectPage::onActionFinished(const ActionResult &result)
{
    if (!m_pending.contains(result.ticket)) {
        // A Play dialog's: it shows the answer; the cards follow through onJobPlayed().
        updateJobActions();
        return;
    }
    const PendingAction pending = m_pending.take(result.ticket);
    const bool jobAction = actions::isJobAction(result.kind);
    if (jobAction) {
        // GitLab's answer replaces the guess until the next refresh confirms it.
        std::optional<CiStatus> status;
        if (result.ok() && result.job && result.job->id == result.targetId)
            status = result.job->status;
        else if (result.ok() && result.kind == ActionKind::RetryJob)
            status = CiStatus::Pending;
        m_graph->setOptimistic(result.targetId, status, {});
        if (!status)
            m_optimisticJobs.remove(result.targetId);
        // A retry creates a new job: follow it once it appears.
        if (result.ok() && result.kind == ActionKind::RetryJob && result.job &&
            result.job->id != result.targetId && m_graph->currentJobId() == result.targetId)
            m_graph->setCurrentJob(result.job->id);
    }
    switch (result.outcome) {
    case ActionResult::Outcome::Done:
        if (result.kind == ActionKind::DeletePipeline) {
            if (m_pipelineId == result.targetId)
                selectPipeline(0);
            m_message->showMessage(InlineMessage::Kind::Info,
                                   tr("Pipeline %1 was deleted.").arg(pending.name));
        }
        break;
    case ActionResult::Outcome::Failed:
        if (pending.bridge && result.status.code() == gitlab::Status::NotFound &&
            (result.kind == ActionKind::RetryJob || result.kind == ActionKind::PlayJob)) {
            // GitLab before 17.1 does not find trigger jobs there: nothing happened. Say so,
            // and do not offer it again for this account.
            m_message->showMessage(InlineMessage::Kind::Error,
                                   failureText(result.kind, pending.name) + QLatin1Char(' ') +
                                       (result.kind == ActionKind::RetryJob
                                            ? ActionRules::bridgeRetryRefusedReason()
                                            : ActionRules::bridgePlayRefusedReason()));
            setTriggerJobActionRefused(result.kind);
            Q_EMIT triggerJobActionRefused(result.kind);
            break;
        }
        m_message->showMessage(InlineMessage::Kind::Error, failureText(result.kind, pending.name) +
                                                               QLatin1Char(' ') +
                                                               result.status.userText());
        break;
    case ActionResult::Outcome::Reconciled: {
        QString now;
        if (result.targetGone)
            now = tr("GitLab no longer has it: the action took effect.");
        else if (result.job)
            now = tr("GitLab now reports the job as “%1”.")
                      .arg(StatusStyle::label(result.job->status, result.job->allowFailure,
                                              result.job->statusName));
        else if (result.pipeline)
            now = tr("GitLab now reports the pipeline as “%1”.")
                      .arg(StatusStyle::label(result.pipeline->status, false,
                                              result.pipeline->statusName));
        if (result.targetGone && m_pipelineId == result.targetId)
            selectPipeline(0);
        m_message->showMessage(
            InlineMessage::Kind::Info,
            tr("The reply to the request was lost; it was not sent again. %1").arg(now));
        break;
    }
    case ActionResult::Outcome::Unresolved:
        m_message->showMessage(
            InlineMessage::Kind::Error,
            tr("The reply to the request was lost and GitLab could not be asked what happened. "
               "It was not sent again; the next refresh will show the result. %1")
                .arg(result.checkStatus.userText()));
        break;
    }
    // Confirm with GitLab's own state at once.
    if (result.outcome != ActionResult::Outcome::Failed)
        refreshAfterAction();
    updateJobActions();
    updatePipelineActions();
    updateStatusText();
}

QUrl ProjectPage::currentJobUrl() const
{
    const QModelIndex index = m_jobs->indexOfJob(m_graph->currentJobId());
    return index.data(JobsModel::WebUrlRole).toUrl();
}

QUrl ProjectPage::currentPipelineUrl() const
{
    const gitlab::Pipeline *pipeline = m_pipelines->pipelineAt(m_pipelines->rowOfId(m_pipelineId));
    return pipeline ? pipeline->webUrl : QUrl();
}

void ProjectPage::openUrl(const QUrl &url)
{
    // Only web pages: a server could send any scheme.
    if (url.isValid() &&
        (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
        QDesktopServices::openUrl(url);
}

void ProjectPage::copyUrl(const QUrl &url)
{
    if (!url.isValid())
        return;
    QApplication::clipboard()->setText(url.toString(QUrl::FullyEncoded));
    m_status->setText(tr("Link copied."));
}

QMenu *ProjectPage::buildJobMenu(QWidget *parent)
{
    updateJobActions();
    auto *menu = new QMenu(parent);
    menu->setToolTipsVisible(true);
    menu->addAction(m_openLog);
    menu->setDefaultAction(m_openLog);
    menu->addSeparator();
    menu->addAction(action(ActionKind::PlayJob));
    menu->addAction(m_playWithVariables);
    menu->addAction(m_playStage);
    menu->addAction(action(ActionKind::RetryJob));
    menu->addAction(action(ActionKind::CancelJob));
    menu->addSeparator();
    menu->addAction(m_openJob);
    menu->addAction(m_copyJobLink);
    menu->addSeparator();
    menu->addAction(action(ActionKind::EraseJob));
    const QModelIndex index = m_jobs->indexOfJob(m_graph->currentJobId());
    if (index.isValid() && m_jobs->kindAt(index) == JobsModel::NodeKind::Bridge &&
        index.data(JobsModel::DownstreamPipelineIdRole).isValid()) {
        menu->addSeparator();
        const qint64 jobId = m_graph->currentJobId();
        const auto state =
            index.data(JobsModel::DownstreamStateRole).value<JobsModel::DownstreamState>();
        const bool expanded = state != JobsModel::DownstreamState::None &&
                              state != JobsModel::DownstreamState::NotLoaded;
        QAction *toggle = menu->addAction(expanded ? tr("Collapse Downstream Pipeline")
                                                   : tr("Expand Downstream Pipeline"));
        connect(toggle, &QAction::triggered, this,
                [this, jobId] { m_graph->toggleDownstream(jobId); });
        const qint64 projectId = index.data(JobsModel::DownstreamProjectIdRole).toLongLong();
        const qint64 pipelineId = index.data(JobsModel::DownstreamPipelineIdRole).toLongLong();
        QAction *open = menu->addAction(tr("Show Downstream Pipeline"));
        connect(open, &QAction::triggered, this, [this, projectId, pipelineId] {
            if (projectId == m_project.id || projectId == 0) {
                m_childPipelines.insert(pipelineId);
                showPipeline(pipelineId);
            } else {
                Q_EMIT openPipelineRequested(projectId, pipelineId);
            }
        });
        if (m_watches) {
            // A child pipeline lives in this project; a multi-project one is watched in its own.
            watch::PipelineWatch downstream;
            downstream.accountId = m_accountId;
            downstream.projectId = projectId ? projectId : m_project.id;
            downstream.pipelineId = pipelineId;
            downstream.child = downstream.projectId == m_project.id;
            downstream.lastStatus =
                static_cast<CiStatus>(index.data(JobsModel::DownstreamStatusRole).toInt());
            downstream.lastStatusName = gitlab::ciStatusName(downstream.lastStatus);
            downstream.ref = index.data(JobsModel::RefRole).toString();
            if (downstream.child)
                downstream.projectPath = m_project.pathWithNamespace;
            downstream.addedAtMs = m_connection.clock().nowMs();
            QAction *watchDownstream = menu->addAction(tr("Watch Downstream Pipeline"));
            watchDownstream->setObjectName(QStringLiteral("watchDownstream"));
            watchDownstream->setCheckable(true);
            watchDownstream->setChecked(m_watches->contains(m_accountId, pipelineId));
            watchDownstream->setToolTip(
                tr("Tell me when the downstream pipeline fails, passes or waits for a manual "
                   "job"));
            connect(watchDownstream, &QAction::triggered, this,
                    [this, downstream] { toggleWatch(downstream); });
        }
    }
    return menu;
}

void ProjectPage::showJobMenu(qint64 jobId, const QPoint &globalPos)
{
    if (m_graph->currentJobId() != jobId)
        m_graph->setCurrentJob(jobId);
    QMenu *menu = buildJobMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

void ProjectPage::showPipelineMenu(qint64 pipelineId, const QPoint &globalPos)
{
    if (pipelineId != m_pipelineId)
        selectPipeline(pipelineId);
    updatePipelineActions();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setToolTipsVisible(true);
    if (m_watches) {
        menu->addAction(m_watch);
        menu->addSeparator();
    }
    menu->addAction(action(ActionKind::RetryPipeline));
    menu->addAction(action(ActionKind::CancelPipeline));
    menu->addSeparator();
    menu->addAction(m_runPipeline);
    menu->addAction(m_triggerPipeline);
    menu->addAction(m_runHistory);
    menu->addAction(m_triggerTokens);
    menu->addSeparator();
    menu->addAction(m_openPipeline);
    menu->addAction(m_copyPipelineLink);
    menu->addSeparator();
    menu->addAction(action(ActionKind::DeletePipeline));
    menu->popup(globalPos);
}

QString ProjectPage::statusText() const
{
    return m_status->text();
}

void ProjectPage::updateStatusText()
{
    QString text;
    const auto time = [](const QDateTime &when) {
        return QLocale().toString(when.toLocalTime().time(), QLocale::ShortFormat);
    };
    const models::LoadState jobsState =
        m_pipelineId ? m_jobs->loadState(m_pipelineId) : models::LoadState{};
    const models::LoadState &listState = m_pipelines->loadState();
    if (m_controller->runningCount() > 0) {
        text = tr("Sending the action to GitLab…");
    } else if (jobsState.stale) {
        text = jobsState.lastSuccess.isValid()
                   ? tr("Pipeline #%1 is from %2: %3")
                         .arg(m_pipelineId)
                         .arg(time(jobsState.lastSuccess), jobsState.errorText)
                   : tr("Pipeline #%1 could not be loaded: %2")
                         .arg(m_pipelineId)
                         .arg(jobsState.errorText);
    } else if (listState.stale) {
        text = listState.lastSuccess.isValid()
                   ? tr("The pipelines list is from %1: %2")
                         .arg(time(listState.lastSuccess), listState.errorText)
                   : tr("The pipelines could not be loaded: %1").arg(listState.errorText);
    } else if (jobsState.loading || m_jobsLoader->isBusy()) {
        text = tr("Refreshing pipeline #%1…").arg(m_pipelineId);
    } else if (listState.loading) {
        text = tr("Refreshing the pipelines of %1…").arg(m_project.pathWithNamespace);
    } else {
        QDateTime last = listState.lastSuccess;
        if (jobsState.lastSuccess.isValid() && jobsState.lastSuccess > last)
            last = jobsState.lastSuccess;
        if (last.isValid())
            text = tr("Up to date as of %1.").arg(time(last));
    }
    m_status->setText(text);
    if (text != m_lastStatus) {
        m_lastStatus = text;
        Q_EMIT statusTextChanged(text);
    }
}

} // namespace pipedeck
