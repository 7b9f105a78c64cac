// The project's Jobs view against pipedeck-sim's demo: the Manual button lists every job waiting
// to be played (platform/deploy-tools' deploy and release jobs), several statuses combine,
// the status reads as icon and text, and the keyboard opens a job in its pipeline and asks for
// its context menu.
#include "actions/sim_fixture.h"

#include "jobs/project_jobs_view.h"
#include "models/loaders/project_jobs_loader.h"
#include "models/project_jobs/project_jobs_model.h"
#include "sim/demo_data.h"
#include "sim/world.h"
#include "widgets/status_style.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUrlQuery>
#include <memory>

using namespace pipedeck;
using models::ProjectJobsModel;
namespace demo = pipedeck::sim::demo;

namespace {
constexpr int kTimeoutMs = 10'000;
}

class TestProjectJobsView : public QObject
{
    Q_OBJECT

private:
    actionstest::SimFixture m_f;
    std::unique_ptr<ProjectJobsView> m_view;

    bool openView(qint64 projectId = demo::kDeployToolsProjectId)
    {
        if (!m_f.start())
            return false;
        m_view = std::make_unique<ProjectJobsView>(*m_f.connection, projectId, nullptr);
        m_view->resize(1100, 700);
        m_view->show();
        return QTest::qWaitForWindowExposed(m_view.get()) && waitLoaded();
    }
    bool waitLoaded()
    {
        return QTest::qWaitFor(
            [this] {
                return m_view->model()->loadState().loaded && !m_view->model()->isLoading() &&
                       !m_view->loader()->isBusy();
            },
            kTimeoutMs);
    }
    QList<qint64> shownIds() const
    {
        QList<qint64> ids;
        const QAbstractItemModel *shown = m_view->view()->model();
        for (int row = 0; row < shown->rowCount(); ++row)
            ids.append(shown->index(row, 0).data(ProjectJobsModel::IdRole).toLongLong());
        return ids;
    }
    //! The manual jobs of the project in the sim, newest first (as GitLab lists them).
    QList<qint64> simManualJobs(qint64 projectId) const
    {
        QList<qint64> ids;
        for (const sim::Job *job : m_f.server->world().jobsOfProject(projectId)) {
            if (job->status == QLatin1String("manual"))
                ids.append(job->id);
        }
        return ids;
    }
    QModelIndex shownIndexOf(qint64 jobId, int column = 0) const
    {
        return m_view->view()->model()->index(m_view->model()->rowOfId(jobId), column);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_view.reset();
        m_f.stop();
    }

    void manualFilterListsEveryJobWaitingToBePlayed()
    {
        QVERIFY(openView());
        QVERIFY(m_view->model()->rowCount() > 0);
        QVERIFY(!m_view->manualButton()->isChecked());
        m_f.server->clearRequests();

        QTest::mouseClick(m_view->manualButton(), Qt::LeftButton);
        QCOMPARE(m_view->statusFilter(), QStringList{QStringLiteral("manual")});
        QVERIFY(m_view->statusAction(QStringLiteral("manual"))->isChecked());
        QVERIFY(waitLoaded());

        const QList<qint64> manual = simManualJobs(demo::kDeployToolsProjectId);
        QCOMPARE(shownIds(), manual);
        for (const qint64 id : {demo::kDeployJobId, demo::kReleaseNotesJobId,
                                demo::kReleasePublishJobId, demo::kReleaseAnnounceJobId})
            QVERIFY2(manual.contains(id), qPrintable(QString::number(id)));

        // GitLab was asked with scope[]=manual (not filtered here).
        bool asked = false;
        for (const sim::RecordedRequest &request : m_f.server->requests()) {
            const QUrlQuery query(
                QString::fromUtf8(request.target.mid(request.target.indexOf('?') + 1)));
            if (request.target.contains("/projects/2/jobs?"))
                asked = asked || query.allQueryItemValues(QStringLiteral("scope[]")) ==
                                     QStringList{QStringLiteral("manual")};
        }
        QVERIFY(asked);

        // The status reads as an icon and a word, never as colour alone.
        const QModelIndex status = shownIndexOf(demo::kDeployJobId, ProjectJobsModel::StatusColumn);
        QCOMPARE(status.data(Qt::DisplayRole).toString(),
                 StatusStyle::label(gitlab::CiStatus::Manual,
                                    status.data(ProjectJobsModel::AllowFailureRole).toBool()));
        QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(
            shownIndexOf(demo::kDeployJobId, ProjectJobsModel::PipelineColumn).data().toString(),
            QStringLiteral("#%1").arg(demo::kDeployPipelineId));

        // Unchecking the shortcut shows every job again.
        QTest::mouseClick(m_view->manualButton(), Qt::LeftButton);
        QVERIFY(m_view->statusFilter().isEmpty());
        QVERIFY(waitLoaded());
        QVERIFY(m_view->model()->rowCount() > manual.size());
    }

    void severalStatusesAtOnce()
    {
        QVERIFY(openView(demo::kDemoProjectId));
        m_view->statusAction(QStringLiteral("failed"))->trigger();
        m_view->statusAction(QStringLiteral("manual"))->trigger();
        QCOMPARE(m_view->statusFilter(),
                 (QStringList{QStringLiteral("failed"), QStringLiteral("manual")}));
        QVERIFY(!m_view->manualButton()->isChecked()); // not "manual only"
        QVERIFY(
            m_view->statusButton()->text().contains(StatusStyle::label(gitlab::CiStatus::Failed)));
        QVERIFY(waitLoaded());
        QVERIFY(m_view->model()->rowCount() > 0);
        bool sawFailed = false;
        bool sawManual = false;
        for (int row = 0; row < m_view->model()->rowCount(); ++row) {
            const auto status = static_cast<gitlab::CiStatus>(
                m_view->model()->index(row, 0).data(ProjectJobsModel::StatusRole).toInt());
            QVERIFY(status == gitlab::CiStatus::Failed || status == gitlab::CiStatus::Manual);
            sawFailed = sawFailed || status == gitlab::CiStatus::Failed;
            sawManual = sawManual || status == gitlab::CiStatus::Manual;
        }
        QVERIFY(sawFailed && sawManual);
        QVERIFY(m_view->model()->rowOfId(demo::kManualJobId) >= 0);
        QVERIFY(m_view->model()->rowOfId(demo::kFailedJobId) >= 0);
    }

    void enterOpensTheJobInItsPipeline()
    {
        QVERIFY(openView());
        m_view->showManualJobs();
        QVERIFY(waitLoaded());
        QSignalSpy activated(m_view.get(), &ProjectJobsView::jobActivated);
        QSignalSpy menu(m_view.get(), &ProjectJobsView::contextMenuRequested);

        QVERIFY(m_view->selectJob(demo::kReleasePublishJobId));
        QCOMPARE(m_view->currentJobId(), demo::kReleasePublishJobId);
        m_view->view()->setFocus();
        QTest::keyClick(m_view->view(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), demo::kReleasePipelineId);
        QCOMPARE(activated.at(0).at(1).toLongLong(), demo::kReleasePublishJobId);

        // Arrow keys move the current job; Enter follows it.
        const int row = m_view->model()->rowOfId(demo::kReleasePublishJobId);
        QVERIFY(row + 1 < m_view->model()->rowCount());
        const qint64 below =
            m_view->model()->index(row + 1, 0).data(ProjectJobsModel::IdRole).toLongLong();
        const qint64 belowPipeline =
            m_view->model()->index(row + 1, 0).data(ProjectJobsModel::PipelineIdRole).toLongLong();
        QTest::keyClick(m_view->view(), Qt::Key_Down);
        QCOMPARE(m_view->currentJobId(), below);
        QTest::keyClick(m_view->view(), Qt::Key_Enter, Qt::KeypadModifier);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(0).toLongLong(), belowPipeline);
        QCOMPARE(activated.at(1).at(1).toLongLong(), below);

        // The Menu key asks for the current job's menu.
        QContextMenuEvent keyboardMenu(QContextMenuEvent::Keyboard, QPoint(1, 1),
                                       m_view->view()->mapToGlobal(QPoint(1, 1)));
        QApplication::sendEvent(m_view->view(), &keyboardMenu);
        QCOMPARE(menu.count(), 1);
        QCOMPARE(menu.at(0).at(0).toLongLong(), below);

        // A double click opens the row clicked.
        const QRect rect = m_view->view()->visualRect(shownIndexOf(demo::kDeployJobId));
        QVERIFY(rect.isValid());
        // QTest's double click lacks the second press an item view checks: press first.
        QTest::mousePress(m_view->view()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(m_view->view()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(activated.count(), 3);
        QCOMPARE(activated.at(2).at(0).toLongLong(), demo::kDeployPipelineId);
        QCOMPARE(activated.at(2).at(1).toLongLong(), demo::kDeployJobId);
    }

    void controlsHaveAccessibleNames()
    {
        QVERIFY(openView());
        for (QWidget *widget : {static_cast<QWidget *>(m_view->statusButton()),
                                static_cast<QWidget *>(m_view->manualButton()),
                                static_cast<QWidget *>(m_view->refreshButton()),
                                static_cast<QWidget *>(m_view->view())})
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        // Every control is reachable with Tab.
        for (QWidget *widget : {static_cast<QWidget *>(m_view->statusButton()),
                                static_cast<QWidget *>(m_view->manualButton()),
                                static_cast<QWidget *>(m_view->view())})
            QVERIFY2(widget->focusPolicy() & Qt::TabFocus, qPrintable(widget->objectName()));
    }
};

QTEST_MAIN(TestProjectJobsView)
#include "tst_project_jobs_view.moc"
