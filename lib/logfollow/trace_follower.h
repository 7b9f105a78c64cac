#pragma once

#include "gitlab/net/status.h"
#include "gitlab/requests/job_requests.h"
#include "gitlab/requests/project_ref.h"
#include "gitlab/types/job.h"
#include "logfollow/trace_continuity.h"
#include "logfollow/trace_intake.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace pipedeck::gitlab {
class Connection;
}

namespace pipedeck::log {
class LogDocument;
}

namespace pipedeck::logfollow {

class JobLogCache;

// Follows one job's trace into a LogDocument (no widgets): polls
// GET /projects/:id/jobs/:id/trace with If-None-Match, appends only the new suffix when the
// new trace extends the held one and downloads the whole trace again into a new cache when it
// does not (a retried or erased job, a trace that shrank). A trace is never held in memory:
// it is compared and appended piece by piece as it arrives, so a big log shows its first
// lines while the rest is still on its way. The job's status is polled too, less often; once
// the job has finished, one last trace is fetched, the document is marked complete and polling
// stops. Polls are Background requests, so the account's request budget applies.
//
// The interval adapts: `fastIntervalMs` while new bytes arrive, then longer after runs of
// "not modified" (GitLab writes an unwatched live trace only every few seconds to a minute),
// up to `slowIntervalMs`.
class TraceFollower : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int fastIntervalMs = 3000;
        int slowIntervalMs = 15000;
        // The job's status is read with every n-th trace poll.
        int statusEveryPolls = 3;
        // Where the trace is cached: in `cache` (null: JobLogCache::shared()), unless
        // `cacheDirectory` names a folder of the caller's.
        QString cacheDirectory;
        JobLogCache *cache = nullptr;
    };
    struct Stats
    {
        int traceRequests = 0;
        int notModified = 0; // 304 answers
        int unchanged = 0;   // 200 answers with the bytes already held
        int appends = 0;     // 200 answers that extended the held trace
        int resets = 0;      // 200 answers that did not: downloaded again into a new cache
        qint64 appendedBytes = 0;
        int statusRequests = 0;
        int failures = 0;
    };

    TraceFollower(gitlab::Connection &connection, gitlab::ProjectRef project, qint64 jobId,
                  log::LogDocument &document, QObject *parent = nullptr);
    TraceFollower(gitlab::Connection &connection, gitlab::ProjectRef project, qint64 jobId,
                  log::LogDocument &document, Options options, QObject *parent = nullptr);
    // Stops polling and removes the cache files (the document should be gone or closed first
    // on systems that cannot delete a mapped file).
    ~TraceFollower() override;

    // Starts a new cache in the document and begins polling at once.
    bool start(QString *error = nullptr);
    void stop();
    bool isPolling() const { return m_polling; }
    // The job has finished and its final trace is in the document.
    bool isFinished() const { return m_finished; }
    bool isDownloading() const { return m_traceRequest != nullptr; }
    // A poll is planned or a request is on its way: the follower may still reach the server.
    // False once it stopped or finished, so nothing more can come from it.
    bool hasWorkPending() const { return m_timer.isActive() || m_traceRequest || m_jobRequest; }
    // A download into an empty document (the first one, or after the trace diverged): the one
    // a user waits for, worth a progress indicator.
    bool isDownloadingWholeTrace() const { return m_traceRequest && m_downloadFromEmpty; }
    bool hasJob() const { return m_hasJob; }
    const gitlab::Job &job() const { return m_job; }
    qint64 jobId() const { return m_jobId; }
    QString cachePath() const { return m_cachePath; }
    QByteArray etag() const { return m_etag; }
    int currentIntervalMs() const { return m_intervalMs; }
    const Stats &stats() const { return m_stats; }
    const gitlab::Status &lastError() const { return m_lastError; }

    // Polls now instead of waiting for the timer (e.g. when the user presses "refresh").
    void pollNow();
    //! While on hold (the account is offline), no poll starts and none is scheduled; a request
    //! in flight finishes. Released, it polls at once: one account state, every view resumes
    //! together, no retries of its own while the instance cannot be reached.
    void setOnHold(bool onHold);
    bool isOnHold() const { return m_onHold; }

Q_SIGNALS:
    void jobChanged(const pipedeck::gitlab::Job &job);
    void downloadingChanged(bool downloading);
    // Of the trace being downloaded; `total` is -1 when the server did not say.
    void downloadProgress(qint64 received, qint64 total);
    void appended(qint64 bytes);
    // The trace did not extend the held one: a new cache was started and the whole trace is
    // being downloaded again.
    void traceReset();
    // The job finished and its last trace is in; polling stopped.
    void finished(pipedeck::gitlab::CiStatus status);
    // A request failed; polling goes on unless `fatal` (401, 403, 404).
    void failed(const pipedeck::gitlab::Status &status, bool fatal);

private:
    void tick();
    void pollTrace();
    void pollJob();
    void onTracePiece(const QByteArray &piece);
    void onTrace();
    void onJob();
    void appendToDocument(QByteArrayView bytes);
    // A new, empty cache for the document; the held trace and its ETag are forgotten.
    bool switchToNewCache(QString *error);
    bool startOver();
    void scheduleNext();
    void finishIfDone();
    void handleFailure(const gitlab::Status &status);
    QString newCachePath(QString *error);
    void removeCacheFile(const QString &path);
    JobLogCache *cache() const;

    gitlab::Connection &m_connection;
    gitlab::ProjectRef m_project;
    qint64 m_jobId;
    log::LogDocument &m_document;
    Options m_options;

    QTimer m_timer;
    QPointer<gitlab::GetJobTrace> m_traceRequest;
    QPointer<gitlab::GetJob> m_jobRequest;
    QByteArray m_etag;
    HeldTrace m_held;
    // The trace being downloaded, compared with what was held when it started.
    TraceIntake m_intake;
    bool m_downloadFromEmpty = false;
    QString m_cachePath;
    QStringList m_oldCachePaths;
    gitlab::Job m_job;
    bool m_hasJob = false;
    bool m_polling = false;
    bool m_onHold = false;
    bool m_finished = false;
    // The job was seen finished: the next trace answer is the last one.
    bool m_finalTracePending = false;
    bool m_finalTraceRequested = false;
    int m_ticks = 0;
    int m_quietPolls = 0;
    int m_intervalMs = 0;
    Stats m_stats;
    gitlab::Status m_lastError;
};

} // namespace pipedeck::logfollow
