#include "gitlab/requests/job_requests.h"

#include "gitlab/parse/json_parsers.h"
#include "gitlab/requests/action_call.h"
#include "gitlab/requests/body_parsers.h"

#include <QJsonArray>

namespace pipedeck::gitlab {

namespace {

constexpr auto parseJobBody = parseObjectBody<Job, parseJob>;
constexpr int kTraceDeadlineMs = 10 * 60 * 1000;

QString jobPath(const ProjectRef &project, qint64 jobId)
{
    return project.projectPath() + QStringLiteral("/jobs/") + QString::number(jobId);
}

QString pipelinePath(const ProjectRef &project, qint64 pipelineId)
{
    return project.projectPath() + QStringLiteral("/pipelines/") + QString::number(pipelineId);
}

QUrlQuery scopeQuery(const QStringList &scopes)
{
    QUrlQuery q;
    for (const QString &scope : scopes)
        q.addQueryItem(QStringLiteral("scope[]"), scope);
    return q;
}

QUrlQuery pipelineJobsQuery(bool includeRetried, const QStringList &scopes)
{
    QUrlQuery q = scopeQuery(scopes);
    if (includeRetried)
        q.addQueryItem(QStringLiteral("include_retried"), QStringLiteral("true"));
    return q;
}

} // namespace

ListPipelineJobs::ListPipelineJobs(const ProjectRef &project, qint64 pipelineId,
                                   bool includeRetried, const QStringList &scopes, QObject *parent)
    : ListRequest(pipelinePath(project, pipelineId) + QStringLiteral("/jobs"),
                  pipelineJobsQuery(includeRetried, scopes), parseArrayBody<Job, parseJobs>, parent)
{}

ListPipelineBridges::ListPipelineBridges(const ProjectRef &project, qint64 pipelineId,
                                         bool includeRetried, const QStringList &scopes,
                                         QObject *parent)
    : ListRequest(pipelinePath(project, pipelineId) + QStringLiteral("/bridges"),
                  pipelineJobsQuery(includeRetried, scopes), parseArrayBody<Bridge, parseBridges>,
                  parent)
{}

ListProjectJobs::ListProjectJobs(const ProjectRef &project, const QStringList &scopes,
                                 QObject *parent)
    : ListRequest(project.projectPath() + QStringLiteral("/jobs"), scopeQuery(scopes),
                  parseArrayBody<Job, parseJobs>, parent)
{
    m_query.addQueryItem(QStringLiteral("pagination"), QStringLiteral("keyset"));
    m_query.addQueryItem(QStringLiteral("order_by"), QStringLiteral("id"));
    m_query.addQueryItem(QStringLiteral("sort"), QStringLiteral("desc"));
    setAllPages(false);
}

GetJob::GetJob(const ProjectRef &project, qint64 jobId, QObject *parent)
    : ResultRequest(getCall(jobPath(project, jobId)), parseJobBody, parent)
{}

GetJobTrace::GetJobTrace(const ProjectRef &project, qint64 jobId, const QByteArray &ifNoneMatch,
                         QObject *parent)
    : Request(Priority::Background, parent)
    , m_call(getCall(jobPath(project, jobId) + QStringLiteral("/trace")))
{
    m_call.accept = "text/plain, */*";
    m_call.ifNoneMatch = ifNoneMatch;
    m_call.useEtagCache = false;
    m_call.deadlineMs = kTraceDeadlineMs;
}

void GetJobTrace::run()
{
    m_call.priority = priority();
    sendExchange(
        m_call, keepRawBody,
        [this](Exchange exchange) {
            if (exchange.status.ok()) {
                m_etag = exchange.headers.value("ETag");
                if (exchange.notModified && m_etag.isEmpty())
                    m_etag = m_call.ifNoneMatch;
                if (exchange.value.has_value())
                    m_trace = std::any_cast<QByteArray>(std::move(exchange.value));
            }
            finish(exchange.status, exchange.notModified);
        },
        streamHooks());
}

TransferHooks GetJobTrace::streamHooks()
{
    TransferHooks hooks;
    if (!m_streaming)
        return hooks;
    hooks.bodyPiece = [this](const QByteArray &piece) { Q_EMIT traceReceived(piece); };
    hooks.bodyRestarted = [this] { Q_EMIT traceRestarted(); };
    return hooks;
}

CancelJob::CancelJob(const ProjectRef &project, qint64 jobId, bool force, QObject *parent)
    : ResultRequest(actionCall("POST", jobPath(project, jobId) + QStringLiteral("/cancel")),
                    parseJobBody, parent)
{
    if (force)
        m_call.query.addQueryItem(QStringLiteral("force"), QStringLiteral("true"));
}

RetryJob::RetryJob(const ProjectRef &project, qint64 jobId, QObject *parent)
    : ResultRequest(actionCall("POST", jobPath(project, jobId) + QStringLiteral("/retry")),
                    parseJobBody, parent)
{}

EraseJob::EraseJob(const ProjectRef &project, qint64 jobId, QObject *parent)
    : ResultRequest(actionCall("POST", jobPath(project, jobId) + QStringLiteral("/erase")),
                    parseJobBody, parent)
{}

static QJsonObject playBody(const QList<Variable> &variables)
{
    if (variables.isEmpty())
        return {};
    QJsonArray array;
    for (const Variable &variable : variables) {
        array.append(QJsonObject{{QStringLiteral("key"), variable.key},
                                 {QStringLiteral("value"), variable.value}});
    }
    return {{QStringLiteral("job_variables_attributes"), array}};
}

PlayJob::PlayJob(const ProjectRef &project, qint64 jobId, const QList<Variable> &variables,
                 QObject *parent)
    : ResultRequest(actionCall("POST", jobPath(project, jobId) + QStringLiteral("/play"),
                               playBody(variables)),
                    parseJobBody, parent)
{}

} // namespace pipedeck::gitlab
