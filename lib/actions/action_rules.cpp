#include "actions/action_rules.h"

namespace pipedeck::actions {

using gitlab::CiStatus;

namespace {

bool isFinished(CiStatus status)
{
    return status == CiStatus::Success || status == CiStatus::Failed ||
           status == CiStatus::Canceled;
}

} // namespace

bool ActionRules::isCancelable(CiStatus status)
{
    switch (status) {
    case CiStatus::Created:
    case CiStatus::WaitingForResource:
    case CiStatus::Preparing:
    case CiStatus::WaitingForCallback:
    case CiStatus::Pending:
    case CiStatus::Running:
    case CiStatus::Scheduled:
        return true;
    case CiStatus::Unknown:
    case CiStatus::Success:
    case CiStatus::Failed:
    case CiStatus::Canceling:
    case CiStatus::Canceled:
    case CiStatus::Skipped:
    case CiStatus::Manual:
        return false;
    }
    return false;
}

bool ActionRules::isPipelineRetryable(CiStatus status)
{
    return status == CiStatus::Failed || status == CiStatus::Canceled;
}

QString ActionRules::readOnlyReason()
{
    return tr("This account's access token can only read (read_api scope). Sign in with a token "
              "that has the api scope to run actions.");
}

QString ActionRules::bridgeRetryRefusedReason()
{
    return tr("This GitLab cannot retry a trigger job through its API (GitLab 17.1 and later "
              "can). Open it in the browser to run it again.");
}

QString ActionRules::bridgePlayRefusedReason()
{
    return tr("This GitLab cannot start a trigger job through its API. Open it in the browser "
              "to run it.");
}

Availability ActionRules::forJob(ActionKind kind, const JobFacts &job, bool canWrite)
{
    if (!isJobAction(kind))
        return Availability::no({});
    if (!canWrite)
        return Availability::no(readOnlyReason());
    switch (kind) {
    case ActionKind::PlayJob:
        if (job.bridge && job.bridgePlayRefused)
            return Availability::no(bridgePlayRefusedReason());
        if (job.retried)
            return Availability::no(tr("This is an older attempt; a newer run of the job exists."));
        if (job.status != CiStatus::Manual)
            return Availability::no(tr("Only manual jobs that are waiting to be started can be "
                                       "run."));
        return Availability::yes();
    case ActionKind::RetryJob:
        if (job.bridge && job.bridgeRetryRefused)
            return Availability::no(bridgeRetryRefusedReason());
        if (job.retried)
            return Availability::no(tr("This is an older attempt; a newer run of the job exists."));
        if (gitlab::isActive(job.status) || job.status == CiStatus::Canceling)
            return Availability::no(tr("The job has not finished yet. Cancel it or wait for it "
                                       "to finish before retrying."));
        if (!isFinished(job.status))
            return Availability::no(tr("Only jobs that passed, failed or were canceled can be "
                                       "retried."));
        return Availability::yes();
    case ActionKind::CancelJob:
        if (job.bridge)
            return Availability::no(tr("GitLab's API cannot cancel a trigger job. Cancel its "
                                       "downstream pipeline instead."));
        if (job.status == CiStatus::Canceling)
            return Availability::no(tr("The job is already being canceled."));
        if (!isCancelable(job.status))
            return Availability::no(tr("Only jobs that are waiting or running can be canceled."));
        return Availability::yes();
    case ActionKind::EraseJob:
        if (job.bridge)
            return Availability::no(tr("A trigger job has no log or artifacts to erase."));
        if (job.erased)
            return Availability::no(tr("The log and artifacts of this job were already erased."));
        if (!isFinished(job.status))
            return Availability::no(tr("Only finished jobs can be erased."));
        return Availability::yes();
    case ActionKind::RetryPipeline:
    case ActionKind::CancelPipeline:
    case ActionKind::DeletePipeline:
        break;
    }
    return Availability::no({});
}

Availability ActionRules::forPipeline(ActionKind kind, const PipelineFacts &pipeline, bool canWrite)
{
    if (isJobAction(kind))
        return Availability::no({});
    if (!canWrite)
        return Availability::no(readOnlyReason());
    switch (kind) {
    case ActionKind::RetryPipeline:
        if (!isPipelineRetryable(pipeline.status))
            return Availability::no(tr("Only a failed or canceled pipeline has jobs to retry."));
        return Availability::yes();
    case ActionKind::CancelPipeline:
        if (pipeline.status == CiStatus::Canceling)
            return Availability::no(tr("The pipeline is already being canceled."));
        if (!isCancelable(pipeline.status))
            return Availability::no(tr("Only a pipeline that is waiting or running can be "
                                       "canceled."));
        return Availability::yes();
    case ActionKind::DeletePipeline:
        // GitLab wants the Owner role; a 403 from the server says so if the user lacks it.
        return Availability::yes();
    case ActionKind::PlayJob:
    case ActionKind::RetryJob:
    case ActionKind::CancelJob:
    case ActionKind::EraseJob:
        break;
    }
    return Availability::no({});
}

} // namespace pipedeck::actions
