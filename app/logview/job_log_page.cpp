#include "logview/job_log_page.h"

#include "gitlab/net/status.h"
#include "log/logdocument.h"
#include "logfollow/trace_follower.h"
#include "logview/log_view.h"
#include "logview/log_viewer.h"
#include "widgets/status_style.h"

#include <QVBoxLayout>

namespace pipedeck {

JobLogPage::JobLogPage(gitlab::Connection &connection, qint64 projectId, qint64 jobId,
                       const QString &jobName, QWidget *parent)
    : JobLogPage(connection, projectId, jobId, jobName, logfollow::TraceFollower::Options(), parent)
{}

JobLogPage::JobLogPage(gitlab::Connection &connection, qint64 projectId, qint64 jobId,
                       const QString &jobName, const logfollow::TraceFollower::Options &options,
                       QWidget *parent)
    : QWidget(parent)
    , m_jobId(jobId)
    , m_jobName(jobName)
{
    m_document = std::make_unique<log::LogDocument>();
    m_follower = std::make_unique<logfollow::TraceFollower>(
        connection, gitlab::ProjectRef(projectId), jobId, *m_document, options);
    m_viewer = new LogViewer(this);
    m_viewer->setTitle(jobName.isEmpty() ? tr("Job %1", "a job id, as a title").arg(jobId)
                                         : tr("%1 (job %2)").arg(jobName).arg(jobId));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_viewer);
    setFocusProxy(m_viewer);

    connect(m_follower.get(), &logfollow::TraceFollower::jobChanged, this,
            &JobLogPage::onJobChanged);
    connect(m_follower.get(), &logfollow::TraceFollower::failed, this, &JobLogPage::onFailed);
    connect(m_document.get(), &log::LogDocument::cacheFailed, m_viewer,
            [this](const QString &error) { m_viewer->showMessage(error, true); });
    // Only a whole trace is worth a progress indicator; polls of a running job are quick.
    connect(m_follower.get(), &logfollow::TraceFollower::downloadingChanged, m_viewer,
            [this] { m_viewer->setDownloading(m_follower->isDownloadingWholeTrace()); });
    connect(m_follower.get(), &logfollow::TraceFollower::downloadProgress, m_viewer,
            [this](qint64 received, qint64 total) {
                if (m_follower->isDownloadingWholeTrace())
                    m_viewer->setDownloadProgress(received, total);
            });
    connect(m_follower.get(), &logfollow::TraceFollower::traceReset, m_viewer,
            [this] { m_viewer->setRawSourcePath(m_follower->cachePath()); });
    connect(m_follower.get(), &logfollow::TraceFollower::finished, this,
            [this](gitlab::CiStatus status) {
                m_viewer->setLive(false);
                m_viewer->showMessage(tr("Job %1").arg(StatusStyle::label(
                    status, m_follower->job().allowFailure, m_follower->job().statusName)));
            });

    QString error;
    if (m_follower->start(&error)) {
        m_viewer->setDocument(m_document.get());
        m_viewer->setRawSourcePath(m_follower->cachePath());
    } else {
        m_viewer->showMessage(error, true);
    }
}

JobLogPage::~JobLogPage()
{
    m_follower->stop();
    m_viewer->setDocument(nullptr);
}

void JobLogPage::onJobChanged(const gitlab::Job &job)
{
    const bool running = gitlab::isActive(job.status);
    m_viewer->setLive(running);
    m_viewer->showMessage(
        tr("Job %1").arg(StatusStyle::label(job.status, job.allowFailure, job.statusName)));
    Q_EMIT jobChanged(job);
}

void JobLogPage::onFailed(const gitlab::Status &status, bool fatal)
{
    m_viewer->showMessage(
        fatal ? status.userText() : tr("%1 Retrying\u2026").arg(status.userText()), true);
}

} // namespace pipedeck
