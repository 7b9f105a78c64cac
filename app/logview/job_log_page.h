#pragma once

#include "gitlab/types/job.h"
#include "logfollow/trace_follower.h"

#include <QWidget>

#include <memory>

namespace pipedeck {

namespace gitlab {
class Connection;
class Status;
} // namespace gitlab
namespace log {
class LogDocument;
}
class LogViewer;

// A job's log, fetched from GitLab and followed while the job runs: the page the job details
// pane and the pipeline view open. It starts downloading at once; the view stays pinned to
// the newest output while the user is at the end, and polling stops when the job finishes.
class JobLogPage : public QWidget
{
    Q_OBJECT
public:
    JobLogPage(gitlab::Connection &connection, qint64 projectId, qint64 jobId,
               const QString &jobName, QWidget *parent = nullptr);
    // With polling intervals and a cache folder of one's own (tests, tools).
    JobLogPage(gitlab::Connection &connection, qint64 projectId, qint64 jobId,
               const QString &jobName, const logfollow::TraceFollower::Options &options,
               QWidget *parent = nullptr);
    ~JobLogPage() override;

    qint64 jobId() const { return m_jobId; }
    QString jobName() const { return m_jobName; }
    LogViewer *viewer() const { return m_viewer; }
    log::LogDocument *document() const { return m_document.get(); }
    logfollow::TraceFollower *follower() const { return m_follower.get(); }

Q_SIGNALS:
    // The job's status as last read (for a tab title or icon).
    void jobChanged(const pipedeck::gitlab::Job &job);

private:
    void onJobChanged(const gitlab::Job &job);
    void onFailed(const gitlab::Status &status, bool fatal);

    qint64 m_jobId;
    QString m_jobName;
    // Declared before the document: destroyed after it, so its cache file is no longer
    // mapped when the follower removes it.
    std::unique_ptr<logfollow::TraceFollower> m_follower;
    std::unique_ptr<log::LogDocument> m_document;
    LogViewer *m_viewer = nullptr;
};

} // namespace pipedeck
