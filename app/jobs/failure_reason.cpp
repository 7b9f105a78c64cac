#include "jobs/failure_reason.h"

namespace pipedeck {

QString FailureReason::text(const QString &code)
{
    if (code == QLatin1String("script_failure"))
        return tr("The job's script failed.");
    if (code == QLatin1String("runner_system_failure"))
        return tr("The runner had a system failure.");
    if (code == QLatin1String("stuck_or_timeout_failure"))
        return tr("The job was stuck or timed out.");
    if (code == QLatin1String("job_execution_timeout"))
        return tr("The job ran longer than its timeout.");
    if (code == QLatin1String("api_failure"))
        return tr("GitLab's API failed while running the job.");
    if (code == QLatin1String("missing_dependency_failure"))
        return tr("An artifact the job needs is missing.");
    if (code == QLatin1String("runner_unsupported"))
        return tr("The runner is too old for this job.");
    if (code == QLatin1String("archived_failure"))
        return tr("The job is archived and cannot run.");
    if (code == QLatin1String("unmet_prerequisites"))
        return tr("The job's prerequisites were not met.");
    if (code == QLatin1String("scheduler_failure"))
        return tr("GitLab could not schedule the job.");
    if (code == QLatin1String("data_integrity_failure"))
        return tr("GitLab found a data integrity problem.");
    if (code == QLatin1String("unknown_failure") || code.isEmpty())
        return tr("Unknown failure.");
    return code;
}

} // namespace pipedeck
