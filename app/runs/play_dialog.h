#pragma once

#include "actions/action_controller.h"
#include "gitlab/types/project.h"
#include "runs/play_controller.h"
#include "runs/run_recorder.h"
#include "runs/run_services.h"
#include "runs/send_dialog.h"

namespace pipedeck {

//! One job the Play dialog plays, as the page knows it.
struct PlayDialogJob
{
    runs::PlayTarget target;
    QString ref;
    //! The job is no longer manual: playing it again retries it (see PlayDialog).
    bool alreadyRan = false;
};

//! *Play…*: plays one manual job, or several with the same variables, with variables
//! (job_variables_attributes), each POST sent once through the page's ActionController. Prefilled
//! with an unsent draft, else with the values last sent to a job of that name in this project.
//!
//! A job that already ran cannot take new variables: GitLab's play of a finished manual job
//! retries it (Ci::PlayBuildService -> Ci::RetryJobService), and the new job is cloned with the
//! job_variables it was first played with. The dialog then shows those (from the run history)
//! read-only, says so, and retries.
class PlayDialog : public SendDialog
{
    Q_OBJECT
public:
    PlayDialog(actions::ActionController *actions, const runs::RunServices &services,
               const gitlab::Project &project, const QList<PlayDialogJob> &jobs,
               QWidget *parent = nullptr);

    const QList<PlayDialogJob> &jobs() const { return m_jobs; }
    bool isRetry() const { return m_retry; }
    //! "Run again with these values" from the history: replaces the rows, says so.
    void applyValues(const QList<variables::VariableRow> &rows);

Q_SIGNALS:
    //! One job's answer, for the page's cards.
    void jobPlayed(const pipedeck::actions::ActionResult &result);

protected:
    runs::ReviewFacts reviewFacts() const override;
    presets::Draft currentDraft() const override;
    void send() override;

private:
    void onJobFinished(const actions::ActionResult &result);
    void onFinished();
    QString jobsText() const;

    QPointer<actions::ActionController> m_actions;
    runs::RunServices m_services;
    gitlab::Project m_project;
    QList<PlayDialogJob> m_jobs;
    bool m_retry = false;
    runs::PlayController *m_controller = nullptr;
    runs::RunRecorder m_recorder;
    QHash<qint64, qint64> m_recordOfJob; //!< job id -> history record id
    quint64 m_retryTicket = 0;
};

} // namespace pipedeck
