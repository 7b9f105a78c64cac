#pragma once

#include "gitlab/types/ci_status.h"
#include "models/jobs/job_record.h"

#include <QHash>
#include <QList>
#include <QString>

namespace pipedeck::models {

//! One stage of a pipeline with its jobs and bridges, as a refresh delivers it.
struct StageSnapshot
{
    QString name;
    gitlab::CiStatus status = gitlab::CiStatus::Unknown; //!< composite of the current jobs
    int jobCount = 0;                                    //!< without retried jobs
    QList<IncomingJob> jobs;
};

//! Remembers where each stage of one pipeline goes. GitLab's REST API does not list stages;
//! jobs are created stage by stage, so the smallest job id ever seen in a stage gives its place.
//! Remembering it keeps a stage in place after all its jobs were retried (new, higher ids).
//! It also remembers where each job was placed last time: a refresh starts from that order and
//! only sorts again if it is no longer right, which is rare (names do not change).
class StageOrder
{
public:
    void observe(const QString &stage, qint64 jobId);
    qint64 rank(const QString &stage) const { return m_firstId.value(stage); }
    int jobRank(qint64 jobId) const { return m_jobRank.value(jobId, -1); }
    void setJobRanks(QHash<qint64, int> ranks) { m_jobRank = std::move(ranks); }
    void clear()
    {
        m_firstId.clear();
        m_jobRank.clear();
    }

private:
    QHash<QString, qint64> m_firstId;
    QHash<qint64, int> m_jobRank;
};

//! Groups jobs and bridges (by pointer: the lists must outlive the result) into stages in pipeline
//! order; within a stage jobs are sorted by name as GitLab shows them (numbers in names compare as
//! numbers: "rspec 2/10" before "rspec 10/10"), current jobs before retried ones, newer before
//! older. An older job with the name of a newer one is marked superseded (an earlier attempt).
QList<StageSnapshot> groupByStage(const QList<gitlab::Job> &jobs,
                                  const QList<gitlab::Bridge> &bridges, StageOrder &order);

//! Natural order of job names.
int compareJobNames(const QString &left, const QString &right);

} // namespace pipedeck::models
