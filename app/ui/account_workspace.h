#pragma once

#include "actions/action_kind.h"
#include "gitlab/types/project.h"
#include "runs/run_services.h"
#include "variables/variable_row.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <vector>

class QSettings;

namespace pipedeck {

namespace gitlab {
class Connection;
class ProjectRef;
} // namespace gitlab
namespace models {
class PollScheduler;
class ProjectsLoader;
class ProjectsModel;
class RecentProjects;
} // namespace models
class AccountNetState;
class JobLogWindow;
class ProjectPage;

// What to show once a project page is open.
struct ProjectPageTarget
{
    enum class Kind { Project, Pipeline, Job, NewPipeline, TriggerTokens };
    Kind kind = Kind::Project;
    qint64 id = 0; // pipeline or job id
    // NewPipeline: the Run pipeline dialog opens with these.
    QString ref;
    QList<variables::VariableRow> rows;

    static ProjectPageTarget pipeline(qint64 pipelineId)
    {
        ProjectPageTarget target;
        target.kind = Kind::Pipeline;
        target.id = pipelineId;
        return target;
    }
    static ProjectPageTarget job(qint64 jobId)
    {
        ProjectPageTarget target;
        target.kind = Kind::Job;
        target.id = jobId;
        return target;
    }
    // Ask GitLab first whether the pipeline or job exists and say so on the page if not
    // (addresses typed or pasted); a job also gets its log window.
    bool fromLink = false;
};

// What one signed-in account shows: its projects, the project page it has open, the job
// logs it has open in windows of their own, and the one PollScheduler all its pages poll
// through (within the budget of the account's request gate). Created when the account
// becomes Ready; dropped, with its page and log windows, when its connection goes away.
//
// An account keeps one project page: only what is on screen polls, and a page of a project
// left behind would otherwise poll through the same scheduler. Opening another project
// replaces it.
class AccountWorkspace : public QObject
{
    Q_OBJECT
public:
    using Target = ProjectPageTarget;

    AccountWorkspace(const QString &accountId, gitlab::Connection &connection, bool canWrite,
                     QSettings &settings, QObject *parent = nullptr);
    ~AccountWorkspace() override;

    const QString &accountId() const { return m_accountId; }
    gitlab::Connection &connection() const { return m_connection; }
    models::ProjectsModel *projects() const { return m_projects.get(); }
    models::ProjectsLoader *projectsLoader() const { return m_loader.get(); }
    models::PollScheduler *scheduler() const { return m_scheduler.get(); }
    // Rate-limit hold or offline, for the status line; pauses the scheduler while offline.
    AccountNetState *netState() const { return m_netState.get(); }
    ProjectPage *page() const { return m_page; }
    //! The history, presets and drafts the account's Play and Run dialogs use.
    void setRunServices(const runs::RunServices &services) { m_runServices = services; }
    QList<JobLogWindow *> logWindows() const;

    // Opens the project's page (the open one when it is that project's already).
    ProjectPage *openProject(const gitlab::Project &project, const Target &target = {});
    // The same, asking GitLab for the project first (by id or "group/project").
    void openProject(qint64 projectId, const Target &target);
    void openProject(const QString &projectPath, const Target &target);
    // The log of a job in its own window (brought to the front when open already).
    JobLogWindow *openJobLog(qint64 projectId, qint64 jobId, const QString &jobName);

    // Back to the project (and pipeline) shown before another project replaced it, as
    // after following a downstream pipeline into another project.
    bool canGoBack() const { return !m_history.isEmpty(); }
    QString backText() const; // where Back goes: "group/project · Pipeline #12"
    void goBack();

    // Whether this account's page is on screen: its window is shown and not minimised, and
    // it is the current account. Polling runs only while it is.
    void setShown(bool shown);
    bool isShown() const { return m_shown; }

Q_SIGNALS:
    // A page was created or brought back: the window should show it.
    void pageOpened(pipedeck::ProjectPage *page);
    void historyChanged();
    // A project could not be opened (translated).
    void openFailed(const QString &text);
    // A log window was created, before it shows (for placing it).
    void logWindowOpened(pipedeck::JobLogWindow *window);
    // "Show in Pipeline" from a log window.
    void showJobRequested(qint64 projectId, qint64 jobId);

private:
    void fetchProject(const gitlab::ProjectRef &ref, const QString &shownName,
                      const Target &target);
    void showTarget(ProjectPage *page, const Target &target);
    void checkPipeline(ProjectPage *page, qint64 pipelineId);
    void checkJob(ProjectPage *page, qint64 jobId);
    QString projectPathOf(qint64 projectId) const;

    QString m_accountId;
    gitlab::Connection &m_connection;
    bool m_canWrite = false;
    // Trigger-job actions this instance answered 404 to (an older GitLab), for every page.
    std::vector<actions::ActionKind> m_refusedTriggerJobActions;
    std::unique_ptr<models::ProjectsModel> m_projects;
    std::unique_ptr<models::RecentProjects> m_recent;
    std::unique_ptr<models::ProjectsLoader> m_loader;
    std::unique_ptr<models::PollScheduler> m_scheduler;
    std::unique_ptr<AccountNetState> m_netState; // after m_scheduler: it points at it
    QPointer<ProjectPage> m_page;
    runs::RunServices m_runServices;
    QHash<qint64, QPointer<JobLogWindow>> m_logWindows; // by job id
    QHash<qint64, QString> m_projectPaths;              // by id, of projects opened
    struct Visit
    {
        gitlab::Project project;
        qint64 pipelineId = 0;
    };
    QList<Visit> m_history; // oldest first
    bool m_goingBack = false;
    bool m_shown = false;
    quint64 m_openGeneration = 0;
};

} // namespace pipedeck
