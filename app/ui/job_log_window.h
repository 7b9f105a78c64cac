#pragma once

#include <QMainWindow>

namespace pipedeck {

namespace gitlab {
class Connection;
struct Job;
} // namespace gitlab
class JobLogPage;

// A job's log in a window of its own, so it can sit beside the pipeline it belongs to (as
// editors open a log next to the code). The log follows the job while it runs; closing the
// window stops the polling and drops the cached trace.
class JobLogWindow : public QMainWindow
{
    Q_OBJECT
public:
    JobLogWindow(gitlab::Connection &connection, const QString &projectPath, qint64 projectId,
                 qint64 jobId, const QString &jobName, QWidget *parent = nullptr);
    ~JobLogWindow() override;

    JobLogPage *page() const { return m_page; }
    qint64 projectId() const { return m_projectId; }
    qint64 jobId() const { return m_jobId; }

    // Brings the window to the front (it may be behind the main window or minimised).
    void present();
    // Over the right part of `anchor` (the main window), so the pipeline's list stays in
    // sight; the `cascade`-th log window a little further down and right.
    void placeBeside(const QWidget *anchor, int cascade);

Q_SIGNALS:
    // "Show in Pipeline": the main window should show this job in its pipeline.
    void showInPipelineRequested(qint64 projectId, qint64 jobId);

private:
    void updateTitle();
    void onJobChanged(const gitlab::Job &job);

    JobLogPage *m_page = nullptr;
    QString m_projectPath;
    QString m_jobName;
    qint64 m_projectId = 0;
    qint64 m_jobId = 0;
};

} // namespace pipedeck
