#include "runs/play_controller.h"

#include "variables/variable_rules.h"

namespace pipedeck::runs {

PlayController::PlayController(actions::ActionController *actions, QObject *parent)
    : QObject(parent)
    , m_actions(actions)
{
    connect(actions, &actions::ActionController::finished, this, &PlayController::onActionFinished);
}

variables::VariableRules PlayController::playRules()
{
    variables::VariableRules rules;
    rules.typesAllowed = false; // job_variables_attributes has no variable_type
    return rules;
}

bool PlayController::submit(const PlayInput &input)
{
    if (!m_actions || isBusy() || input.jobs.isEmpty())
        return false;
    if (!variables::canSend(input.rows, playRules()))
        return false;
    m_input = input;
    m_results.clear();
    const QList<gitlab::Variable> variables = variables::toApiVariables(input.rows);
    for (const PlayTarget &job : input.jobs) {
        actions::ActionTarget target;
        target.projectId = input.projectId;
        target.id = job.jobId;
        target.pipelineId = job.pipelineId;
        target.triggerJob = job.triggerJob;
        target.variables = variables;
        const quint64 ticket = m_actions->run(actions::ActionKind::PlayJob, target);
        if (ticket) {
            m_tickets.append(ticket);
        } else {
            // Already being acted on: report it as not played, never queue a second POST.
            actions::ActionResult refused;
            refused.kind = actions::ActionKind::PlayJob;
            refused.projectId = input.projectId;
            refused.targetId = job.jobId;
            refused.outcome = actions::ActionResult::Outcome::Failed;
            refused.status = gitlab::Status(gitlab::Status::Conflict);
            m_results.append(refused);
            Q_EMIT jobFinished(refused);
        }
    }
    if (m_tickets.isEmpty())
        Q_EMIT finished();
    return true;
}

QList<PlayTarget> PlayController::unfinished() const
{
    QList<PlayTarget> left;
    for (const PlayTarget &job : m_input.jobs) {
        const bool ok = std::any_of(m_results.cbegin(), m_results.cend(), [&job](const auto &r) {
            return r.targetId == job.jobId && r.ok();
        });
        if (!ok)
            left.append(job);
    }
    return left;
}

void PlayController::onActionFinished(const actions::ActionResult &result)
{
    if (!m_tickets.removeOne(result.ticket))
        return;
    m_results.append(result);
    Q_EMIT jobFinished(result);
    if (m_tickets.isEmpty())
        Q_EMIT finished();
}

} // namespace pipedeck::runs
