#include "logfollow/trace_follower.h"

#include "core/logging.h"
#include "gitlab/net/connection.h"
#include "gitlab/requests/job_requests.h"
#include "log/logdocument.h"
#include "logfollow/job_log_cache.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryFile>

namespace pipedeck::logfollow {

TraceFollower::TraceFollower(gitlab::Connection &connection, gitlab::ProjectRef project,
                             qint64 jobId, log::LogDocument &document, QObject *parent)
    : TraceFollower(connection, std::move(project), jobId, document, Options(), parent)
{}

TraceFollower::TraceFollower(gitlab::Connection &connection, gitlab::ProjectRef project,
                             qint64 jobId, log::LogDocument &document, Options options,
                             QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_project(std::move(project))
    , m_jobId(jobId)
    , m_document(document)
    , m_options(std::move(options))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TraceFollower::tick);
    connect(&m_document, &log::LogDocument::roomToAppend, this, [this] {
        if (m_traceRequest)
            m_traceRequest->setBodyPaused(false);
    });
    m_intervalMs = m_options.fastIntervalMs;
}

TraceFollower::~TraceFollower()
{
    stop();
    for (const QString &path : std::as_const(m_oldCachePaths))
        removeCacheFile(path);
    if (!m_cachePath.isEmpty())
        removeCacheFile(m_cachePath);
}

JobLogCache *TraceFollower::cache() const
{
    if (!m_options.cacheDirectory.isEmpty())
        return nullptr;
    return m_options.cache ? m_options.cache : &JobLogCache::shared();
}

void TraceFollower::removeCacheFile(const QString &path)
{
    if (JobLogCache *shared = cache())
        shared->release(path);
    else
        QFile::remove(path);
}

QString TraceFollower::newCachePath(QString *error)
{
    if (JobLogCache *shared = cache())
        return shared->createFile(QStringLiteral("job-%1").arg(m_jobId), error);
    const QString directory = m_options.cacheDirectory;
    if (!QDir().mkpath(directory)) {
        if (error)
            *error = QCoreApplication::translate("TraceFollower",
                                                 "Cannot create the folder %1 for job logs.")
                         .arg(QDir::toNativeSeparators(directory));
        return {};
    }
    QTemporaryFile file(directory + QStringLiteral("/job-%1-XXXXXX.log").arg(m_jobId));
    file.setAutoRemove(false);
    if (!file.open()) {
        if (error)
            *error = QCoreApplication::translate("TraceFollower", "Cannot create a file in %1: %2")
                         .arg(QDir::toNativeSeparators(directory), file.errorString());
        return {};
    }
    return file.fileName();
}

bool TraceFollower::start(QString *error)
{
    stop();
    if (!switchToNewCache(error))
        return false;
    m_finished = false;
    m_finalTracePending = false;
    m_finalTraceRequested = false;
    m_ticks = 0;
    m_quietPolls = 0;
    m_intervalMs = m_options.fastIntervalMs;
    m_polling = true;
    tick();
    return true;
}

void TraceFollower::stop()
{
    m_polling = false;
    m_timer.stop();
    if (m_traceRequest) {
        delete m_traceRequest.data();
        Q_EMIT downloadingChanged(false);
    }
    delete m_jobRequest.data();
}

void TraceFollower::pollNow()
{
    if (!m_polling || m_traceRequest)
        return;
    m_timer.stop();
    tick();
}

void TraceFollower::setOnHold(bool onHold)
{
    if (m_onHold == onHold)
        return;
    m_onHold = onHold;
    m_timer.stop();
    if (!onHold && m_polling && !m_traceRequest)
        tick();
}

void TraceFollower::tick()
{
    if (!m_polling || m_onHold)
        return;
    const bool statusDue = !m_hasJob || m_ticks % qMax(1, m_options.statusEveryPolls) == 0;
    ++m_ticks;
    pollTrace();
    if (statusDue)
        pollJob();
}

void TraceFollower::pollTrace()
{
    if (m_traceRequest)
        return;
    if (m_finalTracePending)
        m_finalTraceRequested = true;
    auto *request = new gitlab::GetJobTrace(m_project, m_jobId, m_etag, this);
    request->setStreaming(true);
    // The first download is what the user is waiting for; later polls are background work.
    if (m_stats.traceRequests == 0)
        request->setPriority(gitlab::Priority::Interactive);
    m_traceRequest = request;
    m_intake = TraceIntake(m_held);
    m_downloadFromEmpty = m_held.size == 0;
    connect(request, &gitlab::GetJobTrace::traceReceived, this, &TraceFollower::onTracePiece);
    // A retry sends the trace again from its first byte; what the failed attempt appended is
    // held by now, so compare with that.
    connect(request, &gitlab::GetJobTrace::traceRestarted, this,
            [this] { m_intake = TraceIntake(m_held); });
    connect(request, &gitlab::Request::downloadProgress, this, &TraceFollower::downloadProgress);
    connect(request, &gitlab::Request::finished, this, &TraceFollower::onTrace);
    ++m_stats.traceRequests;
    request->start(&m_connection);
    Q_EMIT downloadingChanged(true);
}

void TraceFollower::pollJob()
{
    if (m_jobRequest)
        return;
    auto *request = new gitlab::GetJob(m_project, m_jobId, this);
    m_jobRequest = request;
    connect(request, &gitlab::Request::finished, this, &TraceFollower::onJob);
    ++m_stats.statusRequests;
    request->start(&m_connection);
}

void TraceFollower::onTracePiece(const QByteArray &piece)
{
    if (!m_polling)
        return;
    const QByteArrayView extension = m_intake.take(piece);
    if (!extension.isEmpty())
        appendToDocument(extension);
}

void TraceFollower::appendToDocument(QByteArrayView bytes)
{
    // Written to the cache and indexed on the document's worker thread; the download waits
    // while the worker is behind.
    if (!m_document.append(bytes) && m_traceRequest)
        m_traceRequest->setBodyPaused(true);
    m_held = extendHeldTrace(m_held, bytes);
    m_stats.appendedBytes += bytes.size();
    m_quietPolls = 0;
    Q_EMIT appended(bytes.size());
}

void TraceFollower::onTrace()
{
    gitlab::GetJobTrace *request = m_traceRequest;
    m_traceRequest = nullptr;
    if (!request)
        return;
    request->deleteLater();
    Q_EMIT downloadingChanged(false);
    if (!m_polling)
        return;
    const gitlab::Status status = request->status();
    if (!status.ok()) {
        // What arrived before the failure stays appended: GitLab's traces only grow, so the
        // next answer continues it (or is found to differ and is downloaded again).
        handleFailure(status);
        if (m_polling)
            scheduleNext();
        return;
    }
    m_lastError = {};
    if (request->notModified()) {
        ++m_stats.notModified;
        ++m_quietPolls;
    } else {
        switch (m_intake.verdict()) {
        case Continuity::Unchanged:
            ++m_stats.unchanged;
            ++m_quietPolls;
            break;
        case Continuity::Extends:
            ++m_stats.appends;
            break;
        case Continuity::Diverged:
            qCInfo(lcLog) << "trace of job" << m_jobId << "no longer extends the held one ("
                          << m_held.size << "bytes held," << m_intake.received()
                          << "received); downloading it again";
            if (startOver())
                pollTrace();
            else
                scheduleNext();
            return;
        }
    }
    if (!request->etag().isEmpty())
        m_etag = request->etag();
    finishIfDone();
    if (!m_polling)
        return;
    if (m_finalTracePending && !m_finalTraceRequested) {
        // The job finished while this answer was on its way: fetch once more.
        pollTrace();
        return;
    }
    scheduleNext();
}

bool TraceFollower::switchToNewCache(QString *error)
{
    const QString path = newCachePath(error);
    if (path.isEmpty())
        return false;
    // Bytes still queued for the old cache must not land in the new one.
    m_document.waitForIndexed();
    if (!m_document.startCache(path, error)) {
        removeCacheFile(path);
        return false;
    }
    // The old cache was unmapped when the document switched to the new one.
    if (!m_cachePath.isEmpty()) {
        removeCacheFile(m_cachePath);
        if (QFile::exists(m_cachePath))
            m_oldCachePaths.append(m_cachePath);
    }
    m_cachePath = path;
    m_held = {};
    m_etag.clear();
    return true;
}

bool TraceFollower::startOver()
{
    QString error;
    if (!switchToNewCache(&error)) {
        qCWarning(lcLog) << "job log cache:" << error;
        return false;
    }
    ++m_stats.resets;
    m_quietPolls = 0;
    Q_EMIT traceReset();
    return true;
}

void TraceFollower::onJob()
{
    gitlab::GetJob *request = m_jobRequest;
    m_jobRequest = nullptr;
    if (!request)
        return;
    request->deleteLater();
    if (!m_polling)
        return;
    if (!request->status().ok()) {
        handleFailure(request->status());
        return;
    }
    const bool changed = !m_hasJob || !(request->job() == m_job);
    m_job = request->job();
    m_hasJob = true;
    if (changed)
        Q_EMIT jobChanged(m_job);
    if (gitlab::isCompleted(m_job.status) && !m_finalTracePending) {
        m_finalTracePending = true;
        if (!m_traceRequest) {
            m_timer.stop();
            pollTrace();
        }
    }
}

void TraceFollower::finishIfDone()
{
    if (!m_finalTraceRequested)
        return;
    m_polling = false;
    m_finished = true;
    m_timer.stop();
    delete m_jobRequest.data();
    m_document.setComplete();
    qCDebug(lcLog) << "job" << m_jobId << "finished;" << m_stats.traceRequests << "trace requests,"
                   << m_stats.notModified << "not modified," << m_stats.appendedBytes
                   << "bytes appended," << m_stats.resets << "re-parses";
    Q_EMIT finished(m_job.status);
}

void TraceFollower::handleFailure(const gitlab::Status &status)
{
    ++m_stats.failures;
    m_lastError = status;
    const bool fatal = status.code() == gitlab::Status::Unauthorized ||
                       status.code() == gitlab::Status::Forbidden ||
                       status.code() == gitlab::Status::NotFound;
    qCInfo(lcLog) << "following job" << m_jobId
                  << "failed:" << gitlab::Status::codeName(status.code()) << status.detail();
    if (fatal)
        stop();
    Q_EMIT failed(status, fatal);
}

void TraceFollower::scheduleNext()
{
    if (!m_polling || m_onHold)
        return;
    if (!m_lastError.ok()) {
        m_intervalMs = m_options.slowIntervalMs;
    } else if (m_quietPolls == 0) {
        m_intervalMs = m_options.fastIntervalMs;
    } else {
        // 3 quiet polls at the fast pace, then doubling, up to the slow pace.
        const int doublings = qMin(m_quietPolls / 3, 4);
        m_intervalMs = qMin(m_options.slowIntervalMs, m_options.fastIntervalMs << doublings);
    }
    m_timer.start(m_intervalMs);
}

} // namespace pipedeck::logfollow
