#pragma once

#include "actions/action_kind.h"
#include "gitlab/types/project.h"
#include "runs/run_services.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace pipedeck {

namespace gitlab {
class Connection;
}
namespace models {
class JobsLoader;
class JobsModel;
class PipelinesLoader;
class PipelinesModel;
class PollScheduler;
} // namespace models
namespace history {
struct RunRecord;
}
namespace actions {
class ActionController;
struct ActionResult;
} // namespace actions
namespace watch {
class WatchList;
struct PipelineWatch;
} // namespace watch

class InlineMessage;
class JobDetailsPane;
class PlayDialog;
class ProjectJobsView;
class RunHistoryPanel;
class TriggerPipelineDialog;
class TriggerTokensDialog;
class RunPipelineDialog;
class PipelineGraphView;
class PipelineHeader;
class PipelinesPanel;

//! The whole centre area for one project of one account: the pipelines list with its filters
//! on the left; on the right the selected pipeline (header with its actions, the stage graph
//! with trigger jobs expanding their downstream pipelines inline) above the selected job's
//! details. Job and pipeline actions run by button, context menu and keyboard through an
//! ActionController: disabled with a reason where GitLab would refuse them, shown at once on
//! the card, confirmed by the next refresh, errors inline with GitLab's message.
//!
//! Data comes from the models' loaders, polled through a PollScheduler (the account's, or one
//! of the page's own); setVisibleForPolling(false) pauses it while the window is hidden.
class ProjectPage : public QWidget
{
    Q_OBJECT
public:
    //! `canWrite` false (a read_api token) disables every action, saying why.
    //! `scheduler` null: the page polls with a scheduler of its own.
    ProjectPage(gitlab::Connection &connection, const gitlab::Project &project, bool canWrite,
                models::PollScheduler *scheduler = nullptr, QWidget *parent = nullptr);
    ~ProjectPage() override;

    const gitlab::Project &project() const { return m_project; }
    qint64 currentPipelineId() const { return m_pipelineId; }
    qint64 currentJobId() const;

    //! Deep links: shows this pipeline (of this project), or the pipeline of this job with the
    //! job selected (asks GitLab which pipeline that is).
    void showPipeline(qint64 pipelineId);
    void showJob(qint64 jobId);
    //! The window was hidden or minimised (false) or shown again (true).
    void setVisibleForPolling(bool visible);
    //! What the account has learned: retrying / playing trigger jobs answered 404.
    void setTriggerJobActionRefused(actions::ActionKind kind);
    //! Re-reads the list and the shown pipeline now.
    void refresh();
    //! Where Watch adds the shown pipeline (and a trigger job's downstream one) for the
    //! account; without it the Watch action is hidden. Not owned.
    void setWatchList(watch::WatchList *watches, const QString &accountId);
    //! The run history, presets and drafts of the account: without them Play… works with
    //! nothing remembered.
    void setRunServices(const runs::RunServices &services) { m_runServices = services; }

    //! Play… on the current job (a manual job; or retry of one played from Pipedeck), and
    //! Play… on the manual jobs of the current job's stage. The dialog, or null when the action
    //! is not available. Shown non-modally; deleted when closed.
    PlayDialog *openPlayDialog();
    PlayDialog *openPlayStageDialog();
    //! Opens Play… on this manual job once its pipeline's jobs are on the page (a deep link to
    //! a manual job, whose page on GitLab is the Run job form).
    void playWhenShown(qint64 jobId);
    //! The project's trigger tokens (Maintainer role) and Trigger Pipeline… with one of them.
    TriggerTokensDialog *openTriggerTokens();
    TriggerPipelineDialog *openTriggerPipelineDialog();
    //! The project's Jobs tab (every job, newest first, filtered by status), made when first
    //! shown so that it polls only once it is looked at.
    ProjectJobsView *showJobsTab();
    ProjectJobsView *jobsView() const { return m_jobsView; }
    //! The context menu of a job in the Jobs list (for tests: not shown); null if not listed.
    QMenu *buildProjectJobMenu(qint64 jobId, QWidget *parent);
    //! The project's run history window (one per page; raised when open).
    RunHistoryPanel *openRunHistory();
    //! "Run Again with These Values": a run opens Run pipeline… with its ref and variables; a
    //! play opens Play… on the waiting manual job of that name in the shown pipeline. False
    //! (with the reason in *problem) when there is nothing to open it on.
    bool runAgain(const history::RunRecord &record, QString *problem = nullptr);
    //! Run pipeline… for this project; null without write access.
    RunPipelineDialog *openRunPipelineDialog();

    //! How destructive actions are confirmed (default: a question dialog). Tests replace it.
    using Confirmation = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }

    // Parts, for the main window's status bar and for tests.
    QString statusText() const;
    PipelinesPanel *pipelinesPanel() const { return m_list; }
    PipelineGraphView *graphView() const { return m_graph; }
    JobDetailsPane *jobDetails() const { return m_details; }
    PipelineHeader *pipelineHeader() const { return m_header; }
    InlineMessage *messageBar() const { return m_message; }
    models::PipelinesModel *pipelinesModel() const { return m_pipelines; }
    models::JobsModel *jobsModel() const { return m_jobs; }
    actions::ActionController *actionController() const { return m_controller; }
    models::JobsLoader *jobsLoader() const { return m_jobsLoader; }
    models::PipelinesLoader *pipelinesLoader() const { return m_pipelinesLoader; }
    QAction *action(actions::ActionKind kind) const { return m_actionOf.value(int(kind)); }
    QAction *openJobAction() const { return m_openJob; }
    QAction *copyJobLinkAction() const { return m_copyJobLink; }
    QAction *showRetriedAction() const { return m_showRetried; }
    QAction *openLogAction() const { return m_openLog; }
    QAction *playWithVariablesAction() const { return m_playWithVariables; }
    QAction *playStageAction() const { return m_playStage; }
    QAction *runPipelineAction() const { return m_runPipeline; }
    QAction *runHistoryAction() const { return m_runHistory; }
    QAction *triggerTokensAction() const { return m_triggerTokens; }
    QAction *triggerPipelineAction() const { return m_triggerPipeline; }
    //! Watch / stop watching the shown pipeline (header button, list menu, Ctrl+Shift+W).
    QAction *watchAction() const { return m_watch; }
    //! The page's own status line below it; off when a window shows statusText() elsewhere.
    void setStatusLineVisible(bool visible);
    //! The context menu of a job, as it would pop up (for tests: not shown).
    QMenu *buildJobMenu(QWidget *parent);

Q_SIGNALS:
    //! For MainWindow::showNotice(): what is being refreshed, when data is stale.
    void statusTextChanged(const QString &text);
    //! A downstream pipeline in another project should be opened there.
    void openPipelineRequested(qint64 projectId, qint64 pipelineId);
    //! The user asked for a job's log (Enter or double click on its card, the Open Log action).
    void openJobLogRequested(qint64 projectId, qint64 jobId, const QString &jobName);
    //! Another pipeline is shown (0: none), for the window title.
    void currentPipelineChanged(qint64 pipelineId);
    //! GitLab answered 404 to retrying or playing a trigger job: this instance cannot (an
    //! older version). The account's other pages should not offer it either.
    void triggerJobActionRefused(pipedeck::actions::ActionKind kind);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    //! After a run or trigger created it: the history and list refreshed, the pipeline shown.
    void showNewPipeline(qint64 pipelineId, const QString &message);
    //! After an action GitLab took (or may have): its own state, read at once.
    void refreshAfterAction();
    void selectPipeline(qint64 pipelineId);
    void onCurrentJobChanged(qint64 jobId);
    void updateJobActions();
    void updatePipelineActions();
    void runJobAction(actions::ActionKind kind);
    void runPipelineAction(actions::ActionKind kind);
    void onActionFinished(const actions::ActionResult &result);
    void updateStatusText();
    bool requestJobLog(qint64 jobId); //!< false: not a job with a log
    void openUrl(const QUrl &url);
    void copyUrl(const QUrl &url);
    QUrl currentJobUrl() const;
    QUrl currentPipelineUrl() const;
    void showJobMenu(qint64 jobId, const QPoint &globalPos);
    void showPipelineMenu(qint64 pipelineId, const QPoint &globalPos);
    bool confirm(const QString &title, const QString &text);
    QList<qint64> manualJobsOfStage(qint64 jobId) const;
    //! Play… applies: the job is manual, or ran after a play that the history recorded.
    bool canPlayWithVariables(qint64 jobId, bool *alreadyRan) const;
    PlayDialog *showPlayDialog(const QList<qint64> &jobIds, bool alreadyRan);
    void onJobPlayed(const actions::ActionResult &result);
    void showProjectJobMenu(qint64 jobId, const QPoint &globalPos);
    std::optional<watch::PipelineWatch> shownPipelineWatch() const;
    //! Watches it, or stops watching it when it is watched already.
    void toggleWatch(const watch::PipelineWatch &watch);
    void updateWatchAction();

    gitlab::Connection &m_connection;
    gitlab::Project m_project;
    bool m_canWrite = false;
    bool m_bridgeRetryRefused = false;
    bool m_bridgePlayRefused = false;
    models::PollScheduler *m_scheduler = nullptr;
    models::PipelinesModel *m_pipelines = nullptr;
    models::PipelinesLoader *m_pipelinesLoader = nullptr;
    models::JobsModel *m_jobs = nullptr;
    models::JobsLoader *m_jobsLoader = nullptr;
    actions::ActionController *m_controller = nullptr;

    PipelinesPanel *m_list = nullptr;
    PipelineHeader *m_header = nullptr;
    PipelineGraphView *m_graph = nullptr;
    JobDetailsPane *m_details = nullptr;
    InlineMessage *m_message = nullptr;
    QLabel *m_status = nullptr;
    QSplitter *m_mainSplit = nullptr;
    QSplitter *m_rightSplit = nullptr;

    QHash<int, QAction *> m_actionOf; //!< by ActionKind
    QAction *m_openJob = nullptr;
    QAction *m_openLog = nullptr;
    QAction *m_copyJobLink = nullptr;
    QAction *m_openPipeline = nullptr;
    QAction *m_copyPipelineLink = nullptr;
    QAction *m_showRetried = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_playWithVariables = nullptr;
    QAction *m_playStage = nullptr;
    QAction *m_runPipeline = nullptr;
    QAction *m_runHistory = nullptr;
    QAction *m_triggerTokens = nullptr;
    QAction *m_triggerPipeline = nullptr;
    QAction *m_watch = nullptr;
    QPointer<watch::WatchList> m_watches;
    QString m_accountId;
    //! Downstream pipelines of this project opened from a trigger job: child pipelines, which
    //! the pipelines list leaves out (watched with their source, see PipelineWatch::child).
    QSet<qint64> m_childPipelines;
    QPointer<TriggerTokensDialog> m_triggerTokensDialog;
    QPointer<RunHistoryPanel> m_historyPanel;
    QTabWidget *m_leftTabs = nullptr;
    ProjectJobsView *m_jobsView = nullptr;
    runs::RunServices m_runServices;
    qint64 m_playWhenShown = 0;
    //! Job id -> the run history has a play of it from here (see canPlayWithVariables).
    mutable QHash<qint64, bool> m_playedFromHere;

    struct PendingAction
    {
        actions::ActionKind kind;
        qint64 targetId = 0;
        QString name; //!< the job's name or "#id" of the pipeline, for messages
        bool bridge = false;
    };
    QHash<quint64, PendingAction> m_pending; //!< by ticket
    QSet<qint64> m_optimisticJobs;           //!< cards showing an action's expected status
    qint64 m_pipelineId = 0;
    QString m_lastStatus;
    Confirmation m_confirm;
};

} // namespace pipedeck
