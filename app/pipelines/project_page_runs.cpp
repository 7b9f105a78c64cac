// ProjectPage: what runs new work from the page (Play… and its stage form, Run pipeline…,
// triggers, the run history, the Jobs tab): the dialogs are built and wired here; what they
// send is in lib/runs and lib/triggers. The page's views and job actions are in project_page.cpp.
#include "pipelines/project_page.h"

#include "actions/action_controller.h"
#include "actions/action_rules.h"
#include "history/run_record.h"
#include "jobs/project_jobs_view.h"
#include "models/jobs/jobs_model.h"
#include "models/loaders/jobs_loader.h"
#include "models/loaders/pipelines_loader.h"
#include "models/pipelines/pipelines_model.h"
#include "models/project_jobs/project_jobs_model.h"
#include "pipelines/pipeline_graph_view.h"
#include "runs/play_dialog.h"
#include "runs/run_history_panel.h"
#include "runs/run_pipeline_dialog.h"
#include "runs/run_recorder.h"
#include "triggers/trigger_pipeline_dialog.h"
#include "triggers/trigger_tokens_dialog.h"
#include "widgets/inline_message.h"
#include "widgets/status_style.h"
#include <QAction>
#include <QKeyEvent>
#include <QMenu>
#include <QTabWidget>
#include <QTreeView>

namespace pipedeck {

using actions::ActionKind;
using actions::ActionResult;
using actions::ActionRules;
using gitlab::CiStatus;
using models::JobsModel;

bool ProjectPage::canPlayWithVariables(qint64 jobId, bool *alreadyRan) const
{
    const QModelIndex index = jobId ? m_jobs->indexOfJob(jobId) : QModelIndex();
    const models::JobRecord *record = m_jobs->recordAt(index);
    *alreadyRan = false;
    if (!record || record->bridge || index.data(JobsModel::RetriedRole).toBool())
        return false;
    if (record->job.status == CiStatus::Manual)
        return true;
    // GitLab does not say whether a finished job was manual; the history knows the ones
    // played from here.
    actions::JobFacts facts;
    facts.status = record->job.status;
    if (!ActionRules::forJob(ActionKind::RetryJob, facts, m_canWrite).enabled)
        return false;
    // Asked on every refresh and selection: the history is read once per job, and again only
    // after a play from here.
    auto known = m_playedFromHere.constFind(jobId);
    if (known == m_playedFromHere.cend()) {
        const runs::RunRecorder recorder(m_runServices.history, m_runServices.account, m_project.id,
                                         m_project.pathWithNamespace);
        known = m_playedFromHere.insert(jobId, recorder.playedOn(jobId).has_value());
    }
    *alreadyRan = known.value();
    return *alreadyRan;
}

QList<qint64> ProjectPage::manualJobsOfStage(qint64 jobId) const
{
    QList<qint64> ids;
    const QModelIndex job = jobId ? m_jobs->indexOfJob(jobId) : QModelIndex();
    const QModelIndex stage = job.parent();
    if (!job.isValid())
        return ids;
    for (int row = 0; row < m_jobs->rowCount(stage); ++row) {
        const QModelIndex sibling = m_jobs->index(row, 0, stage);
        const models::JobRecord *record = m_jobs->recordAt(sibling);
        if (record && !record->bridge && record->job.status == CiStatus::Manual &&
            !sibling.data(JobsModel::RetriedRole).toBool() &&
            !m_controller->isBusy(false, record->job.id))
            ids.append(record->job.id);
    }
    return ids;
}

PlayDialog *ProjectPage::openPlayDialog()
{
    updateJobActions();
    if (!m_playWithVariables->isEnabled())
        return nullptr;
    bool alreadyRan = false;
    const qint64 jobId = m_graph->currentJobId();
    if (!canPlayWithVariables(jobId, &alreadyRan))
        return nullptr;
    return showPlayDialog({jobId}, alreadyRan);
}

PlayDialog *ProjectPage::openPlayStageDialog()
{
    updateJobActions();
    if (!m_playStage->isEnabled())
        return nullptr;
    return showPlayDialog(manualJobsOfStage(m_graph->currentJobId()), false);
}

PlayDialog *ProjectPage::showPlayDialog(const QList<qint64> &jobIds, bool alreadyRan)
{
    QList<PlayDialogJob> jobs;
    for (const qint64 id : jobIds) {
        const models::JobRecord *record = m_jobs->recordAt(m_jobs->indexOfJob(id));
        if (!record)
            continue;
        PlayDialogJob job;
        job.target.jobId = id;
        job.target.name = record->job.name;
        job.target.stage = record->job.stage;
        job.target.pipelineId = record->job.pipeline.id;
        job.ref = record->job.ref;
        job.alreadyRan = alreadyRan;
        jobs.append(job);
    }
    if (jobs.isEmpty())
        return nullptr;
    auto *dialog = new PlayDialog(m_controller, m_runServices, m_project, jobs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PlayDialog::jobPlayed, this, &ProjectPage::onJobPlayed);
    dialog->show();
    return dialog;
}

void ProjectPage::playWhenShown(qint64 jobId)
{
    m_playWhenShown = jobId;
    if (!m_jobs->indexOfJob(jobId).isValid())
        return; // when the jobs arrive
    m_playWhenShown = 0;
    m_graph->setCurrentJob(jobId);
    openPlayDialog();
}

RunPipelineDialog *ProjectPage::openRunPipelineDialog()
{
    if (!m_canWrite)
        return nullptr;
    auto *dialog = new RunPipelineDialog(&m_connection, m_runServices, m_project, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RunPipelineDialog::pipelineCreated, this,
            [this](const gitlab::Pipeline &pipeline) {
                showNewPipeline(pipeline.id, tr("Pipeline #%1 was created.").arg(pipeline.id));
            });
    dialog->show();
    return dialog;
}

void ProjectPage::showNewPipeline(qint64 pipelineId, const QString &message)
{
    if (m_historyPanel)
        m_historyPanel->refresh();
    m_pipelinesLoader->refresh();
    showPipeline(pipelineId);
    m_message->showMessage(InlineMessage::Kind::Info, message);
}

TriggerTokensDialog *ProjectPage::openTriggerTokens()
{
    if (!m_triggerTokensDialog) {
        m_triggerTokensDialog = new TriggerTokensDialog(&m_connection, m_runServices.triggers,
                                                        m_runServices.account, m_project, this);
        m_triggerTokensDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_triggerTokensDialog->show();
    m_triggerTokensDialog->raise();
    m_triggerTokensDialog->activateWindow();
    return m_triggerTokensDialog;
}

TriggerPipelineDialog *ProjectPage::openTriggerPipelineDialog()
{
    auto *dialog = new TriggerPipelineDialog(&m_connection, m_runServices, m_runServices.triggers,
                                             m_project, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TriggerPipelineDialog::pipelineCreated, this,
            [this](const gitlab::Pipeline &pipeline) {
                showNewPipeline(pipeline.id, tr("Pipeline #%1 was triggered.").arg(pipeline.id));
            });
    dialog->show();
    return dialog;
}

ProjectJobsView *ProjectPage::showJobsTab()
{
    if (!m_jobsView) {
        m_jobsView = new ProjectJobsView(m_connection, m_project.id, m_scheduler);
        m_jobsView->setObjectName(QStringLiteral("projectJobs"));
        const QSignalBlocker block(m_leftTabs);
        QWidget *placeholder = m_leftTabs->widget(1);
        m_leftTabs->removeTab(1);
        delete placeholder;
        m_leftTabs->insertTab(1, m_jobsView, tr("&Jobs"));
        m_leftTabs->setTabToolTip(1, tr("Every job of the project, newest first, filtered by "
                                        "status (Manual: the jobs waiting to be played)"));
        // A job opens in its pipeline, as in GitLab's Jobs list.
        connect(m_jobsView, &ProjectJobsView::jobActivated, this,
                [this](qint64 pipelineId, qint64 jobId) {
                    showPipeline(pipelineId);
                    showJob(jobId);
                });
        connect(m_jobsView, &ProjectJobsView::contextMenuRequested, this,
                &ProjectPage::showProjectJobMenu);
        m_jobsView->view()->installEventFilter(this);
    }
    m_leftTabs->setCurrentWidget(m_jobsView);
    return m_jobsView;
}

bool ProjectPage::eventFilter(QObject *watched, QEvent *event)
{
    // The page's job shortcuts (Ctrl+R, Ctrl+Enter, ...) act on the job selected in the
    // pipeline graph. In the Jobs list another job is selected: the shortcut must not retry or
    // play the graph's job behind the user's back, so the list keeps those keys to itself.
    if (m_jobsView && watched == m_jobsView->view() && event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence pressed(key->keyCombination());
        for (QAction *a : actions()) {
            if (!a->shortcut().isEmpty() && a->shortcut() == pressed && a != m_refresh &&
                a != m_runPipeline) {
                event->accept();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ProjectPage::showProjectJobMenu(qint64 jobId, const QPoint &globalPos)
{
    QMenu *menu = buildProjectJobMenu(jobId, this);
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

QMenu *ProjectPage::buildProjectJobMenu(qint64 jobId, QWidget *parent)
{
    const models::ProjectJobsModel *model = m_jobsView ? m_jobsView->model() : nullptr;
    const gitlab::Job *job = model ? model->jobAt(model->rowOfId(jobId)) : nullptr;
    if (!job)
        return nullptr;
    const qint64 pipelineId = job->pipeline.id;
    auto *menu = new QMenu(parent);
    menu->setToolTipsVisible(true);
    QAction *show = menu->addAction(tr("Show in Pipeline"));
    connect(show, &QAction::triggered, this, [this, pipelineId, jobId] {
        showPipeline(pipelineId);
        showJob(jobId);
    });
    menu->setDefaultAction(show);
    if (job->status == CiStatus::Manual) {
        QAction *play = menu->addAction(tr("Play…"));
        play->setEnabled(m_canWrite);
        play->setToolTip(m_canWrite ? tr("Choose variables, then run this manual job")
                                    : ActionRules::forJob(ActionKind::PlayJob, {}, false).reason);
        connect(play, &QAction::triggered, this, [this, pipelineId, jobId] {
            showPipeline(pipelineId);
            playWhenShown(jobId);
        });
    }
    // Retry and cancel act on the job of the list (project jobs are never trigger jobs).
    actions::JobFacts facts;
    facts.status = job->status;
    facts.erased = job->erasedAt.isValid();
    const gitlab::Job listed = *job;
    for (const ActionKind kind : {ActionKind::RetryJob, ActionKind::CancelJob}) {
        QAction *a = menu->addAction(action(kind)->text());
        const actions::Availability availability =
            m_controller->isBusy(false, listed.id)
                ? actions::Availability::no(tr("An action on this job is still running."))
                : ActionRules::forJob(kind, facts, m_canWrite);
        a->setEnabled(availability.enabled);
        a->setToolTip(availability.enabled ? QString() : availability.reason);
        connect(a, &QAction::triggered, this, [this, kind, listed] {
            actions::ActionTarget target;
            target.projectId = m_project.id;
            target.id = listed.id;
            target.pipelineId = listed.pipeline.id;
            const quint64 ticket = m_controller->run(kind, target);
            if (ticket)
                m_pending.insert(ticket, {kind, listed.id, listed.name, false});
        });
    }
    const QUrl url = job->webUrl;
    menu->addSeparator();
    QAction *open = menu->addAction(tr("Open in Browser"));
    open->setEnabled(url.isValid());
    connect(open, &QAction::triggered, this, [this, url] { openUrl(url); });
    QAction *copy = menu->addAction(tr("Copy Link"));
    copy->setEnabled(url.isValid());
    connect(copy, &QAction::triggered, this, [this, url] { copyUrl(url); });
    return menu;
}

RunHistoryPanel *ProjectPage::openRunHistory()
{
    if (!m_historyPanel) {
        m_historyPanel =
            new RunHistoryPanel(m_runServices, m_project.id, m_project.pathWithNamespace, this);
        m_historyPanel->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_historyPanel, &RunHistoryPanel::runAgainRequested, this,
                [this](const history::RunRecord &record) {
                    QString problem;
                    if (!runAgain(record, &problem) && m_historyPanel)
                        m_historyPanel->showProblem(problem);
                });
    }
    m_historyPanel->refresh();
    m_historyPanel->show();
    m_historyPanel->raise();
    m_historyPanel->activateWindow();
    return m_historyPanel;
}

bool ProjectPage::runAgain(const history::RunRecord &record, QString *problem)
{
    QString reason;
    bool opened = false;
    if (!m_canWrite) {
        reason = ActionRules::forJob(ActionKind::PlayJob, {}, false).reason;
    } else if (record.kind == history::RunKind::RunPipeline) {
        if (RunPipelineDialog *dialog = openRunPipelineDialog()) {
            dialog->applyPrefill(record.ref, record.variables);
            opened = true;
        }
    } else if (record.kind == history::RunKind::PlayJob) {
        qint64 waiting = 0;
        for (int s = 0; s < m_jobs->rowCount() && !waiting; ++s) {
            const QModelIndex stage = m_jobs->index(s, 0);
            for (int r = 0; r < m_jobs->rowCount(stage) && !waiting; ++r) {
                const models::JobRecord *job = m_jobs->recordAt(m_jobs->index(r, 0, stage));
                if (job && !job->bridge && job->job.name == record.jobName &&
                    job->job.status == CiStatus::Manual)
                    waiting = job->job.id;
            }
        }
        if (!waiting) {
            reason = tr("No manual job “%1” is waiting in the pipeline shown. Show a pipeline "
                        "where it waits, then run again.")
                         .arg(record.jobName);
        } else if (PlayDialog *dialog = showPlayDialog({waiting}, false)) {
            m_graph->setCurrentJob(waiting);
            dialog->applyValues(record.variables);
            opened = true;
        }
    } else {
        reason = tr("Triggered pipelines are run again from the trigger dialog.");
    }
    if (problem)
        *problem = reason;
    return opened;
}

void ProjectPage::onJobPlayed(const ActionResult &result)
{
    m_playedFromHere.clear(); // the history has a new record
    if (m_historyPanel)
        m_historyPanel->refresh();
    if (result.ok() && result.job) {
        m_graph->setOptimistic(
            result.targetId,
            result.job->id == result.targetId ? result.job->status : CiStatus::Pending, {});
        m_optimisticJobs.insert(result.targetId);
        if (result.job->id != result.targetId && m_graph->currentJobId() == result.targetId)
            m_graph->setCurrentJob(result.job->id);
    }
    if (result.outcome != ActionResult::Outcome::Failed)
        refreshAfterAction();
    updateJobActions();
    updateStatusText();
}

} // namespace pipedeck
