#include "runs/run_recorder.h"

#include "history/run_history.h"

namespace pipedeck::runs {

using history::RunKind;
using history::RunOutcome;
using history::RunRecord;

RunRecorder::RunRecorder(history::RunHistory *history, presets::AccountContext account,
                         qint64 projectId, QString projectPath)
    : m_history(history)
    , m_account(std::move(account))
    , m_projectId(projectId)
    , m_projectPath(std::move(projectPath))
{}

history::HistoryFilter RunRecorder::filterFor(std::optional<RunKind> kind) const
{
    history::HistoryFilter filter;
    filter.instance = history::instanceKey(m_account.instance);
    filter.account = m_account.account;
    filter.projectId = m_projectId;
    filter.kind = kind;
    return filter;
}

qint64 RunRecorder::playStarted(const PlayTarget &job, const QString &ref,
                                const QList<variables::VariableRow> &rows)
{
    if (!m_history || !m_history->isOpen())
        return -1;
    RunRecord record;
    record.instance = history::instanceKey(m_account.instance);
    record.account = m_account.account;
    record.projectId = m_projectId;
    record.projectPath = m_projectPath;
    record.kind = RunKind::PlayJob;
    record.jobName = job.name;
    record.jobId = job.jobId;
    record.ref = ref;
    record.variables = rows;
    return m_history->recordStarted(record);
}

void RunRecorder::playFinished(qint64 recordId, const actions::ActionResult &result)
{
    if (!m_history || recordId < 0)
        return;
    const qint64 jobId = result.job ? result.job->id : 0;
    const QUrl url = result.job ? result.job->webUrl : QUrl();
    switch (result.outcome) {
    case actions::ActionResult::Outcome::Done:
    case actions::ActionResult::Outcome::Reconciled:
        m_history->recordFinished(recordId, RunOutcome::Succeeded, jobId,
                                  result.job ? result.job->pipeline.id : 0,
                                  url.toString(QUrl::FullyEncoded), {});
        break;
    case actions::ActionResult::Outcome::Failed:
        m_history->recordFinished(recordId, RunOutcome::Refused, 0, 0, {},
                                  result.status.userText());
        break;
    case actions::ActionResult::Outcome::Unresolved:
        m_history->recordFinished(recordId, RunOutcome::Unknown, 0, 0, {},
                                  result.checkStatus.userText());
        break;
    }
}

qint64 RunRecorder::runStarted(const QString &ref, const QList<variables::VariableRow> &rows)
{
    return started(RunKind::RunPipeline, ref, rows, {});
}

qint64 RunRecorder::triggerStarted(const QString &ref, const QList<variables::VariableRow> &rows,
                                   const QString &triggerDescription)
{
    return started(RunKind::TriggerPipeline, ref, rows, triggerDescription);
}

qint64 RunRecorder::started(RunKind kind, const QString &ref,
                            const QList<variables::VariableRow> &rows,
                            const QString &triggerDescription)
{
    if (!m_history || !m_history->isOpen())
        return -1;
    RunRecord record;
    record.instance = history::instanceKey(m_account.instance);
    record.account = m_account.account;
    record.projectId = m_projectId;
    record.projectPath = m_projectPath;
    record.kind = kind;
    record.ref = ref;
    record.variables = rows;
    record.triggerDescription = triggerDescription;
    return m_history->recordStarted(record);
}

void RunRecorder::runCreated(qint64 recordId, const gitlab::Pipeline &pipeline)
{
    if (m_history && recordId >= 0)
        m_history->recordFinished(recordId, RunOutcome::Succeeded, 0, pipeline.id,
                                  pipeline.webUrl.toString(QUrl::FullyEncoded), {});
}

void RunRecorder::runRefused(qint64 recordId, const gitlab::Status &status)
{
    if (m_history && recordId >= 0)
        m_history->recordFinished(recordId, RunOutcome::Refused, 0, 0, {}, status.userText());
}

void RunRecorder::runUnknown(qint64 recordId, const gitlab::Status &status)
{
    if (m_history && recordId >= 0)
        m_history->recordFinished(recordId, RunOutcome::Unknown, 0, 0, {}, status.userText());
}

namespace {

template<typename Match>
std::optional<QList<variables::VariableRow>>
newestMatching(history::RunHistory *history, const history::HistoryFilter &filter, Match match)
{
    if (!history || !history->isOpen())
        return std::nullopt;
    const QList<RunRecord> records = history->records(filter);
    for (const RunRecord &record : records) {
        if (match(record))
            return record.variables;
    }
    return std::nullopt;
}

} // namespace

std::optional<QList<variables::VariableRow>> RunRecorder::lastPlayed(const QString &jobName) const
{
    history::HistoryFilter filter = filterFor(RunKind::PlayJob);
    filter.text = jobName;
    filter.limit = 200;
    return newestMatching(m_history, filter,
                          [&](const RunRecord &record) { return record.jobName == jobName; });
}

std::optional<QList<variables::VariableRow>> RunRecorder::playedOn(qint64 jobId) const
{
    history::HistoryFilter filter = filterFor(RunKind::PlayJob);
    filter.limit = 500;
    return newestMatching(m_history, filter, [&](const RunRecord &record) {
        return record.jobId == jobId && record.outcome == RunOutcome::Succeeded;
    });
}

std::optional<QList<variables::VariableRow>> RunRecorder::lastRun(const QString &ref) const
{
    history::HistoryFilter filter = filterFor(RunKind::RunPipeline);
    filter.limit = 200;
    return newestMatching(m_history, filter, [&](const RunRecord &record) {
        return ref.isEmpty() || record.ref == ref;
    });
}

} // namespace pipedeck::runs
