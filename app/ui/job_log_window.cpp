#include "ui/job_log_window.h"

#include "widgets/present_window.h"

#include "gitlab/types/job.h"
#include "logview/job_log_page.h"
#include "logview/log_viewer.h"
#include "widgets/status_style.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>

namespace pipedeck {

JobLogWindow::JobLogWindow(gitlab::Connection &connection, const QString &projectPath,
                           qint64 projectId, qint64 jobId, const QString &jobName, QWidget *parent)
    : QMainWindow(parent)
    , m_projectPath(projectPath)
    , m_jobName(jobName)
    , m_projectId(projectId)
    , m_jobId(jobId)
{
    setObjectName(QStringLiteral("jobLogWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowIcon(QIcon(QStringLiteral(":/icons/pipedeck.svg")));
    m_page = new JobLogPage(connection, projectId, jobId, jobName);
    setCentralWidget(m_page);
    resize(1100, 720);
    updateTitle();

    LogViewer *viewer = m_page->viewer();
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(viewer->saveAsAction());
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(viewer->findAction());
    view->addAction(viewer->goToLineAction());
    view->addAction(viewer->nextErrorAction());
    view->addAction(viewer->previousErrorAction());
    view->addSeparator();
    view->addAction(viewer->timestampsAction());
    view->addAction(viewer->utcAction());
    view->addAction(viewer->outlineAction());
    view->addAction(viewer->jumpToEndAction());

    QMenu *job = menuBar()->addMenu(tr("&Job"));
    QAction *showInPipeline = job->addAction(tr("Show in &Pipeline"), this, [this] {
        Q_EMIT showInPipelineRequested(m_projectId, m_jobId);
    });
    showInPipeline->setObjectName(QStringLiteral("showInPipeline"));
    showInPipeline->setToolTip(tr("Show this job in its pipeline in the main window"));

    connect(m_page, &JobLogPage::jobChanged, this, &JobLogWindow::onJobChanged);
    m_page->setFocus();
}

JobLogWindow::~JobLogWindow() = default;

void JobLogWindow::present()
{
    presentWindow(this);
}

void JobLogWindow::placeBeside(const QWidget *anchor, int cascade)
{
    if (!anchor || !anchor->isVisible() || anchor->isMinimized())
        return;
    const QRect area = anchor->screen()->availableGeometry();
    const QRect main = anchor->frameGeometry();
    const int step = 28 * (cascade % 8);
    const QSize size(qMin(1100, area.width() * 3 / 4),
                     qMin(qMax(main.height() - 80, 480), area.height()));
    QPoint topLeft(main.right() - size.width() - 24 + step, main.top() + 56 + step);
    topLeft.setX(qBound(area.left(), topLeft.x(), qMax(area.left(), area.right() - size.width())));
    topLeft.setY(qBound(area.top(), topLeft.y(), qMax(area.top(), area.bottom() - size.height())));
    resize(size);
    move(topLeft);
}

void JobLogWindow::onJobChanged(const gitlab::Job &job)
{
    if (!job.name.isEmpty())
        m_jobName = job.name;
    setWindowIcon(StatusStyle::icon(job.status, job.allowFailure));
    updateTitle();
}

void JobLogWindow::updateTitle()
{
    const QString job = m_jobName.isEmpty()
                            ? tr("Job %1", "a job id, as a window title").arg(m_jobId)
                            : tr("%1 (job %2)", "job name and id").arg(m_jobName).arg(m_jobId);
    setWindowTitle(m_projectPath.isEmpty() ? job
                                           : tr("%1 · %2", "job, project").arg(job, m_projectPath));
}

} // namespace pipedeck
