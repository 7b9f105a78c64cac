#include "history/run_record.h"

namespace pipedeck::history {

QString runKindName(RunKind kind)
{
    switch (kind) {
    case RunKind::PlayJob:
        return QStringLiteral("play_job");
    case RunKind::RunPipeline:
        return QStringLiteral("run_pipeline");
    case RunKind::TriggerPipeline:
        return QStringLiteral("trigger_pipeline");
    }
    return {};
}

std::optional<RunKind> runKindFromName(const QString &name)
{
    for (RunKind kind : {RunKind::PlayJob, RunKind::RunPipeline, RunKind::TriggerPipeline}) {
        if (runKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString runOutcomeName(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Pending:
        return QStringLiteral("pending");
    case RunOutcome::Succeeded:
        return QStringLiteral("succeeded");
    case RunOutcome::Refused:
        return QStringLiteral("refused");
    case RunOutcome::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

std::optional<RunOutcome> runOutcomeFromName(const QString &name)
{
    for (RunOutcome outcome :
         {RunOutcome::Pending, RunOutcome::Succeeded, RunOutcome::Refused, RunOutcome::Unknown}) {
        if (runOutcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
}

} // namespace pipedeck::history
