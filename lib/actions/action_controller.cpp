#include "actions/action_controller.h"

#include "core/logging.h"
#include "gitlab/net/connection.h"
#include "gitlab/requests/job_requests.h"
#include "gitlab/requests/pipeline_requests.h"

namespace pipedeck::actions {

using gitlab::Status;

namespace {

gitlab::Request *makeActionRequest(ActionKind kind, const ActionTarget &target)
{
    const gitlab::ProjectRef project(target.projectId);
    const qint64 targetId = target.id;
    switch (kind) {
    case ActionKind::PlayJob:
        return new gitlab::PlayJob(project, targetId, target.variables);
    case ActionKind::RetryJob:
        return new gitlab::RetryJob(project, targetId);
    case ActionKind::CancelJob:
        return new gitlab::CancelJob(project, targetId);
    case ActionKind::EraseJob:
        return new gitlab::EraseJob(project, targetId);
    case ActionKind::RetryPipeline:
        return new gitlab::RetryPipeline(project, targetId);
    case ActionKind::CancelPipeline:
        return new gitlab::CancelPipeline(project, targetId);
    case ActionKind::DeletePipeline:
        return new gitlab::DeletePipeline(project, targetId);
    }
    return nullptr;
}

//! The job a job action's reply carries (all of them answer with the job entity).
std::optional<gitlab::Job> jobOf(gitlab::Request &request)
{
    if (auto *typed = dynamic_cast<gitlab::ResultRequest<gitlab::Job> *>(&request))
        return typed->result();
    return std::nullopt;
}

std::optional<gitlab::Pipeline> pipelineOf(gitlab::Request &request)
{
    if (auto *typed = dynamic_cast<gitlab::ResultRequest<gitlab::Pipeline> *>(&request))
        return typed->result();
    return std::nullopt;
}

//! From a pipeline's jobs or trigger jobs (retried ones included): the one acted on, or after
//! a retry the newest one of the same name.
template<class Item> const Item *jobAfter(const QList<Item> &items, const ActionResult &result)
{
    const Item *target = nullptr;
    for (const Item &item : items) {
        if (item.id == result.targetId)
            target = &item;
    }
    if (!target)
        return nullptr;
    const Item *after = target;
    if (result.kind == ActionKind::RetryJob) {
        for (const Item &item : items) {
            if (item.name == target->name && item.id > after->id)
                after = &item;
        }
    }
    return after;
}

std::optional<gitlab::Job> jobFoundInPipeline(gitlab::Request &request, const ActionResult &result)
{
    if (auto *jobs = dynamic_cast<gitlab::ListPipelineJobs *>(&request)) {
        if (const gitlab::Job *after = jobAfter(jobs->jobs(), result))
            return *after;
        return std::nullopt;
    }
    if (auto *bridges = dynamic_cast<gitlab::ListPipelineBridges *>(&request)) {
        if (const gitlab::Bridge *after = jobAfter(bridges->bridges(), result)) {
            gitlab::Job job;
            static_cast<gitlab::JobCommon &>(job) = *after;
            return job;
        }
    }
    return std::nullopt;
}

void startOn(gitlab::Connection *connection, gitlab::Request *request, QObject *context,
             std::function<void(gitlab::Request &)> done)
{
    request->setParent(connection);
    QObject::connect(request, &gitlab::Request::finished, request, &QObject::deleteLater);
    QObject::connect(request, &gitlab::Request::finished, context,
                     [request, done] { done(*request); });
    request->start(connection);
}

} // namespace

ActionController::ActionController(gitlab::Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    qRegisterMetaType<ActionResult>();
    qRegisterMetaType<ActionKind>();
}

ActionController::~ActionController()
{
    // Requests in flight finish on their own (their replies are simply not reported): an
    // action that was sent must not be aborted half-way by closing a view.
}

bool ActionController::isBusy(bool pipeline, qint64 targetId) const
{
    for (const auto &[ticket, running] : m_running) {
        Q_UNUSED(ticket);
        if (running.result.targetId == targetId && isJobAction(running.result.kind) != pipeline)
            return true;
    }
    return false;
}

quint64 ActionController::run(ActionKind kind, qint64 projectId, qint64 targetId,
                              qint64 triggerJobPipelineId)
{
    ActionTarget target;
    target.projectId = projectId;
    target.id = targetId;
    target.pipelineId = triggerJobPipelineId;
    target.triggerJob = triggerJobPipelineId > 0;
    return run(kind, target);
}

quint64 ActionController::run(ActionKind kind, const ActionTarget &target)
{
    if (!m_connection || target.id <= 0 || target.projectId <= 0)
        return 0;
    if (target.triggerJob && target.pipelineId <= 0)
        return 0;
    if (isBusy(!isJobAction(kind), target.id)) {
        qCInfo(lcNet) << actionName(kind) << "refused: an action on" << target.id
                      << "is still running";
        return 0;
    }
    const quint64 ticket = m_nextTicket++;
    Running &running = m_running[ticket];
    running.result.ticket = ticket;
    running.result.kind = kind;
    running.result.projectId = target.projectId;
    running.result.targetId = target.id;
    const bool jobAction = isJobAction(kind);
    running.result.triggerJobPipelineId = jobAction && target.triggerJob ? target.pipelineId : 0;
    running.pipelineId = jobAction ? target.pipelineId : 0;

    gitlab::Request *request = makeActionRequest(kind, target);
    running.request = request;
    qCInfo(lcNet) << "action" << actionName(kind) << "on" << target.id;
    Q_EMIT started(ticket, kind, target.id);
    startOn(m_connection, request, this,
            [this, ticket](gitlab::Request &done) { onActionDone(ticket, done); });
    return ticket;
}

void ActionController::onActionDone(quint64 ticket, gitlab::Request &request)
{
    const auto it = m_running.find(ticket);
    if (it == m_running.end())
        return;
    ActionResult &result = it->second.result;
    result.status = request.status();
    if (request.status().ok()) {
        result.outcome = ActionResult::Outcome::Done;
        result.job = jobOf(request);
        result.pipeline = pipelineOf(request);
        result.targetGone = result.kind == ActionKind::DeletePipeline;
        complete(ticket);
        return;
    }
    if (request.status().needsReconcile()) {
        reconcile(ticket);
        return;
    }
    result.outcome = ActionResult::Outcome::Failed;
    complete(ticket);
}

void ActionController::reconcile(quint64 ticket)
{
    const auto it = m_running.find(ticket);
    if (it == m_running.end() || !m_connection)
        return;
    const ActionResult &result = it->second.result;
    qCInfo(lcNet) << "action" << actionName(result.kind) << "on" << result.targetId
                  << "lost its reply; re-reading instead of sending again";
    Q_EMIT reconciling(ticket, result.kind, result.targetId);
    const gitlab::ProjectRef project(result.projectId);
    // A retry leaves the old job as it was: re-reading it would say "failed" and offer Retry
    // again. The pipeline's jobs with retried ones tell whether a newer attempt exists.
    const bool checkInPipeline = result.triggerJobPipelineId > 0 ||
                                 (result.kind == ActionKind::RetryJob && it->second.pipelineId > 0);
    gitlab::Request *check = nullptr;
    if (result.triggerJobPipelineId > 0)
        check = new gitlab::ListPipelineBridges(project, result.triggerJobPipelineId, true);
    else if (checkInPipeline)
        check = new gitlab::ListPipelineJobs(project, it->second.pipelineId, true);
    else if (isJobAction(result.kind))
        check = new gitlab::GetJob(project, result.targetId);
    else
        check = new gitlab::GetPipeline(project, result.targetId);
    check->setPriority(gitlab::Priority::Interactive);
    it->second.request = check;
    startOn(m_connection, check, this, [this, ticket, checkInPipeline](gitlab::Request &done) {
        const auto found = m_running.find(ticket);
        if (found == m_running.end())
            return;
        ActionResult &checked = found->second.result;
        checked.checkStatus = done.status();
        if (done.status().ok() && checkInPipeline) {
            checked.job = jobFoundInPipeline(done, checked);
            checked.outcome =
                checked.job ? ActionResult::Outcome::Reconciled : ActionResult::Outcome::Unresolved;
        } else if (done.status().ok()) {
            checked.outcome = ActionResult::Outcome::Reconciled;
            checked.job = jobOf(done);
            checked.pipeline = pipelineOf(done);
        } else if (checked.kind == ActionKind::DeletePipeline &&
                   done.status().code() == Status::NotFound) {
            checked.outcome = ActionResult::Outcome::Reconciled;
            checked.targetGone = true;
        } else {
            checked.outcome = ActionResult::Outcome::Unresolved;
        }
        complete(ticket);
    });
}

void ActionController::complete(quint64 ticket)
{
    const auto it = m_running.find(ticket);
    if (it == m_running.end())
        return;
    const ActionResult result = it->second.result;
    m_running.erase(it);
    qCInfo(lcNet) << "action" << actionName(result.kind) << "on" << result.targetId
                  << "ended:" << Status::codeName(result.status.code());
    Q_EMIT finished(result);
}

} // namespace pipedeck::actions
