#pragma once

#include "gitlab/requests/paged_request.h"
#include "gitlab/requests/project_ref.h"
#include "gitlab/requests/request.h"
#include "gitlab/types/job.h"
#include "gitlab/types/variable.h"

#include <QStringList>

namespace pipedeck::gitlab {

//! GET /projects/:id/pipelines/:pipeline_id/jobs (all pages). Bridges are not in here.
class ListPipelineJobs : public ListRequest<Job>
{
public:
    ListPipelineJobs(const ProjectRef &project, qint64 pipelineId, bool includeRetried = false,
                     const QStringList &scopes = {}, QObject *parent = nullptr);
    const QList<Job> &jobs() const { return items(); }
};

//! GET /projects/:id/pipelines/:pipeline_id/bridges (all pages). include_retried is not in
//! GitLab's documentation for bridges, but its finder honours it here as for jobs.
class ListPipelineBridges : public ListRequest<Bridge>
{
public:
    ListPipelineBridges(const ProjectRef &project, qint64 pipelineId, bool includeRetried = false,
                        const QStringList &scopes = {}, QObject *parent = nullptr);
    const QList<Bridge> &bridges() const { return items(); }
};

//! GET /projects/:id/jobs with keyset pagination (GitLab never sends totals here). One page
//! by default; continue with setContinuation(nextLink()) or setAllPages(true).
class ListProjectJobs : public ListRequest<Job>
{
public:
    explicit ListProjectJobs(const ProjectRef &project, const QStringList &scopes = {},
                             QObject *parent = nullptr);
    const QList<Job> &jobs() const { return items(); }
};

//! GET /projects/:id/jobs/:job_id (bridges give 404 here)
class GetJob : public ResultRequest<Job>
{
public:
    GetJob(const ProjectRef &project, qint64 jobId, QObject *parent = nullptr);
    const Job &job() const { return result(); }
};

//! GET /projects/:id/jobs/:job_id/trace: the whole log as raw bytes. Pass the ETag of the
//! bytes you hold; a 304 then means "unchanged" (notModified(), empty trace()). A job with
//! no log yet answers 200 with an empty body and no ETag.
//!
//! Streamed (setStreaming(true) before start()), a 2xx trace is not held in memory: it comes
//! in pieces through traceReceived() as it arrives, traceRestarted() says that a retry starts
//! it over from its first byte, and trace() stays empty.
class GetJobTrace : public Request
{
    Q_OBJECT
public:
    GetJobTrace(const ProjectRef &project, qint64 jobId, const QByteArray &ifNoneMatch = {},
                QObject *parent = nullptr);
    void setStreaming(bool streaming) { m_streaming = streaming; }
    const QByteArray &trace() const { return m_trace; }
    const QByteArray &etag() const { return m_etag; }

Q_SIGNALS:
    void traceReceived(const QByteArray &piece);
    void traceRestarted();

protected:
    void run() override;

private:
    TransferHooks streamHooks();

    ApiCall m_call;
    bool m_streaming = false;
    QByteArray m_trace;
    QByteArray m_etag;
};

//! POST /projects/:id/jobs/:job_id/cancel[?force=true]
class CancelJob : public ResultRequest<Job>
{
public:
    CancelJob(const ProjectRef &project, qint64 jobId, bool force = false,
              QObject *parent = nullptr);
    const Job &job() const { return result(); }
};

//! POST /projects/:id/jobs/:job_id/retry -> the *new* job
class RetryJob : public ResultRequest<Job>
{
public:
    RetryJob(const ProjectRef &project, qint64 jobId, QObject *parent = nullptr);
    const Job &job() const { return result(); }
};

//! POST /projects/:id/jobs/:job_id/erase (log and artifacts; irreversible)
class EraseJob : public ResultRequest<Job>
{
public:
    EraseJob(const ProjectRef &project, qint64 jobId, QObject *parent = nullptr);
    const Job &job() const { return result(); }
};

//! POST /projects/:id/jobs/:job_id/play with job_variables_attributes (key/value; the
//! variable type is not part of this API).
class PlayJob : public ResultRequest<Job>
{
public:
    PlayJob(const ProjectRef &project, qint64 jobId, const QList<Variable> &variables = {},
            QObject *parent = nullptr);
    const Job &job() const { return result(); }
};

} // namespace pipedeck::gitlab
