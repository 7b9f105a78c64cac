#pragma once

#include "variables/variable_row.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace pipedeck::history {

//! What was sent.
enum class RunKind {
    PlayJob,         //!< POST /projects/:id/jobs/:job_id/play
    RunPipeline,     //!< POST /projects/:id/pipeline
    TriggerPipeline, //!< POST /projects/:id/trigger/pipeline
};

//! What came of it. A record is Pending from just before the POST until its answer is known.
enum class RunOutcome {
    Pending,   //!< written before the POST; still Pending after a crash mid-request
    Succeeded, //!< GitLab created the job run or pipeline (resultJobId / resultPipelineId)
    Refused,   //!< GitLab said no (error holds its message)
    Unknown,   //!< the reply was lost and reconciling found nothing (yet)
};

//! Stable names as stored in the database and the exports ("play_job", "succeeded", ...).
QString runKindName(RunKind kind);
std::optional<RunKind> runKindFromName(const QString &name);
QString runOutcomeName(RunOutcome outcome);
std::optional<RunOutcome> runOutcomeFromName(const QString &name);

//! An instance as records and filters name it: its base URL without user info or trailing
//! slash, so that two spellings of one account's URL find the same records.
inline QString instanceKey(const QUrl &instance)
{
    return instance.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

//! One play, run or trigger. Sensitive variables keep their key; their value is never stored.
struct RunRecord
{
    qint64 id = -1;      //!< assigned by RunHistory::recordStarted
    QDateTime startedAt; //!< UTC
    QString instance;    //!< origin URL of the GitLab instance, e.g. "https://gitlab.example.com"
    QString account;     //!< GitLab username
    qint64 projectId = 0;
    QString projectPath; //!< "group/project"
    RunKind kind = RunKind::PlayJob;
    QString jobName;  //!< PlayJob
    qint64 jobId = 0; //!< PlayJob: the played job
    QString ref;
    //! As typed; RunHistory stores them through withoutSensitiveValues().
    QList<variables::VariableRow> variables;
    QString triggerDescription; //!< TriggerPipeline: the trigger's description, never its token
    RunOutcome outcome = RunOutcome::Pending;
    qint64 resultJobId = 0;
    qint64 resultPipelineId = 0;
    QString resultUrl;
    QString error;        //!< Refused/Unknown: GitLab's message or the transport error
    QDateTime finishedAt; //!< UTC; null while Pending

    friend bool operator==(const RunRecord &, const RunRecord &) = default;
};

} // namespace pipedeck::history
