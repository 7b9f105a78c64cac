#pragma once

#include "actions/action_controller.h"
#include "gitlab/net/status.h"
#include "gitlab/types/pipeline.h"
#include "history/run_history.h"
#include "history/run_record.h"
#include "presets/preset.h"
#include "runs/play_controller.h"
#include "variables/variable_row.h"

#include <optional>

namespace pipedeck::history {
class RunHistory;
}

namespace pipedeck::runs {

//! Writes the plays and runs of one project to the run history: the record before the POST,
//! its outcome when the answer (or the reconciliation) is in. And reads back what was last
//! sent, for the dialogs' prefill. Without a history every call does nothing.
class RunRecorder
{
public:
    RunRecorder(history::RunHistory *history, presets::AccountContext account, qint64 projectId,
                QString projectPath);

    //! The record's id, or -1 (no history, or the write failed: the send goes on regardless).
    qint64 playStarted(const PlayTarget &job, const QString &ref,
                       const QList<variables::VariableRow> &rows);
    void playFinished(qint64 recordId, const actions::ActionResult &result);

    qint64 runStarted(const QString &ref, const QList<variables::VariableRow> &rows);
    //! A pipeline triggered with a trigger token: the record names the trigger by its
    //! description, never by its token. Its outcome goes through runCreated/Refused/Unknown.
    qint64 triggerStarted(const QString &ref, const QList<variables::VariableRow> &rows,
                          const QString &triggerDescription);
    void runCreated(qint64 recordId, const gitlab::Pipeline &pipeline);
    void runRefused(qint64 recordId, const gitlab::Status &status);
    void runUnknown(qint64 recordId, const gitlab::Status &status);

    //! This account's and project's records (of one kind, when given).
    history::HistoryFilter filterFor(std::optional<history::RunKind> kind = std::nullopt) const;

    //! The rows of the newest play of a job of this name in this project (sensitive rows with
    //! an empty value), or nullopt when it was never played from Pipedeck.
    std::optional<QList<variables::VariableRow>> lastPlayed(const QString &jobName) const;
    //! The rows last played on this very job (for "what a retry reuses").
    std::optional<QList<variables::VariableRow>> playedOn(qint64 jobId) const;
    //! The rows of the newest pipeline run on this ref (any ref when empty).
    std::optional<QList<variables::VariableRow>> lastRun(const QString &ref) const;

private:
    qint64 started(history::RunKind kind, const QString &ref,
                   const QList<variables::VariableRow> &rows, const QString &triggerDescription);

    history::RunHistory *m_history;
    presets::AccountContext m_account;
    qint64 m_projectId;
    QString m_projectPath;
};

} // namespace pipedeck::runs
