#pragma once

#include "actions/action_kind.h"
#include "gitlab/net/status.h"
#include "gitlab/types/job.h"
#include "gitlab/types/pipeline.h"
#include "gitlab/types/variable.h"

#include <QObject>
#include <QPointer>
#include <map>
#include <optional>

namespace pipedeck::gitlab {
class Connection;
class Request;
} // namespace pipedeck::gitlab

namespace pipedeck::actions {

//! What an action acts on.
struct ActionTarget
{
    qint64 projectId = 0;
    qint64 id = 0; //!< the job or pipeline
    //! Job actions: the job's pipeline. A lost reply to a retry is checked in the pipeline's
    //! jobs (the old job stays failed; the answer is the newer attempt); without it the job
    //! itself is re-read.
    qint64 pipelineId = 0;
    //! GET /jobs/:id does not find trigger jobs: their lost replies are checked in the
    //! pipeline's list of trigger jobs (pipelineId is then required).
    bool triggerJob = false;
    //! PlayJob: job_variables_attributes, sent once with the play.
    QList<gitlab::Variable> variables;
};

//! The result of one action, as ActionController::finished() delivers it.
struct ActionResult
{
    enum class Outcome {
        Done,       //!< GitLab accepted it; `job`/`pipeline` is the state it answered with
        Failed,     //!< GitLab refused it or could not be reached; nothing changed
        Reconciled, //!< the reply was lost; `job`/`pipeline` is what a re-read found
        Unresolved, //!< the reply was lost and the re-read failed too: state unknown
    };

    quint64 ticket = 0;
    ActionKind kind = ActionKind::PlayJob;
    qint64 projectId = 0;
    qint64 targetId = 0; //!< the job or pipeline acted on
    //! For a trigger job, its pipeline: GET /jobs/:id does not find trigger jobs, so a lost
    //! reply is checked against the pipeline's list of them instead.
    qint64 triggerJobPipelineId = 0;
    Outcome outcome = Outcome::Failed;
    gitlab::Status status;      //!< the action's own outcome (OutcomeUnknown when reconciled)
    gitlab::Status checkStatus; //!< Reconciled/Unresolved: how the re-read went
    //! Job actions: the job afterwards. After a retry this is the *new* job GitLab created.
    std::optional<gitlab::Job> job;
    std::optional<gitlab::Pipeline> pipeline;
    //! DeletePipeline: the pipeline is gone (deleted, or a re-read answered 404).
    bool targetGone = false;

    bool ok() const { return outcome == Outcome::Done || outcome == Outcome::Reconciled; }
};

//! Runs job and pipeline actions for one account: builds the request, sends it exactly once,
//! and reports the result. No widgets; dialogs and menus call run() and show finished().
//!
//! - An action is never re-sent by this code. While one runs on a target, another on the same
//!   target is refused (run() returns 0), so a double click sends one POST.
//! - When the reply is lost after sending (Status::OutcomeUnknown) the controller re-reads the
//!   job or pipeline with a GET and reports what it found (Outcome::Reconciled), never sending
//!   the action again.
class ActionController : public QObject
{
    Q_OBJECT
public:
    explicit ActionController(gitlab::Connection *connection, QObject *parent = nullptr);
    ~ActionController() override;

    //! Starts `kind` on a job or pipeline of `projectId`. Returns a ticket, or 0 when the
    //! same target is already being acted on (or there is no connection). For a trigger job
    //! pass its pipeline too (see ActionResult::triggerJobPipelineId).
    quint64 run(ActionKind kind, qint64 projectId, qint64 targetId,
                qint64 triggerJobPipelineId = 0);
    //! The same with the whole target: a job's pipeline, play variables.
    quint64 run(ActionKind kind, const ActionTarget &target);

    //! Something runs (or is being re-read) on this job or pipeline.
    bool isBusy(bool pipeline, qint64 targetId) const;
    int runningCount() const { return static_cast<int>(m_running.size()); }

Q_SIGNALS:
    void started(quint64 ticket, pipedeck::actions::ActionKind kind, qint64 targetId);
    //! The reply was lost: the controller is now re-reading the target.
    void reconciling(quint64 ticket, pipedeck::actions::ActionKind kind, qint64 targetId);
    void finished(const pipedeck::actions::ActionResult &result);

private:
    struct Running
    {
        ActionResult result;
        qint64 pipelineId = 0;
        QPointer<gitlab::Request> request;
    };

    void onActionDone(quint64 ticket, gitlab::Request &request);
    void reconcile(quint64 ticket);
    void complete(quint64 ticket);

    QPointer<gitlab::Connection> m_connection;
    std::map<quint64, Running> m_running;
    quint64 m_nextTicket = 1;
};

} // namespace pipedeck::actions

Q_DECLARE_METATYPE(pipedeck::actions::ActionResult)
