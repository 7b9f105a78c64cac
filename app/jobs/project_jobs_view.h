#pragma once

#include <QPoint>
#include <QStringList>
#include <QWidget>

class QAction;
class QLabel;
class QMenu;
class QToolButton;
class QTreeView;

namespace pipedeck {

namespace gitlab {
class Connection;
}
namespace models {
class PollScheduler;
class ProjectJobsLoader;
class ProjectJobsModel;
} // namespace models

//! The Jobs view of one project, as GitLab's CI/CD → Jobs page: every job, newest first,
//! more rows loaded as the list is scrolled, filtered by any set of statuses (scope[]); the
//! *Manual* button lists every job waiting to be played. It owns its model and loader, loads on
//! construction and polls through `scheduler` (if any).
//!
//! Enter or a double click asks to open the job in its pipeline (jobActivated); the context
//! menu (mouse or the Menu key) is the page's to fill (contextMenuRequested).
class ProjectJobsView : public QWidget
{
    Q_OBJECT
public:
    ProjectJobsView(gitlab::Connection &connection, qint64 projectId,
                    models::PollScheduler *scheduler, QWidget *parent = nullptr);
    ~ProjectJobsView() override;

    qint64 projectId() const { return m_projectId; }
    qint64 currentJobId() const;
    //! Selects the row of `jobId` if it is loaded; returns whether it was.
    bool selectJob(qint64 jobId);

    //! GitLab's status names to show (empty: every job); the controls follow.
    void setStatusFilter(const QStringList &scopes);
    QStringList statusFilter() const;
    //! Shows only the jobs waiting to be played (the Manual button).
    void showManualJobs() { setStatusFilter({QStringLiteral("manual")}); }
    void refresh();

    models::ProjectJobsModel *model() const { return m_model; }
    models::ProjectJobsLoader *loader() const { return m_loader; }
    QTreeView *view() const { return m_view; }
    QToolButton *statusButton() const { return m_statusButton; }
    QToolButton *manualButton() const { return m_manualButton; }
    QToolButton *refreshButton() const { return m_refreshButton; }
    //! The checkable action of a status in the status menu (null for an unlisted one).
    QAction *statusAction(const QString &scope) const;

Q_SIGNALS:
    void jobActivated(qint64 pipelineId, qint64 jobId);
    void contextMenuRequested(qint64 jobId, const QPoint &globalPos);
    void currentJobChanged(qint64 jobId); //!< 0: none

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilterFromControls();
    void syncControls();
    void updateState();
    void activate(const QModelIndex &index);

    qint64 m_projectId = 0;
    models::ProjectJobsModel *m_model = nullptr;
    models::ProjectJobsLoader *m_loader = nullptr;
    QToolButton *m_statusButton = nullptr;
    QMenu *m_statusMenu = nullptr;
    QAction *m_anyStatus = nullptr;
    QList<QAction *> m_statusActions;
    QToolButton *m_manualButton = nullptr;
    QToolButton *m_refreshButton = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_state = nullptr;
    qint64 m_current = 0;
};

} // namespace pipedeck
