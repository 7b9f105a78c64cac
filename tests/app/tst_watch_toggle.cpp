// The Watch toggle on a pipeline page against pipedeck-sim: the header's button, the pipelines
// list's context menu and Ctrl+Shift+W add and remove an explicit watch; a trigger job's menu
// watches its downstream pipeline (a child one with its source, a multi-project one in its own
// project).
#include "page_fixture.h"

#include "pipelines/pipeline_graph_view.h"
#include "pipelines/pipeline_header.h"
#include "pipelines/pipelines_panel.h"
#include "watch/watch_list.h"

#include <QAction>
#include <QListView>
#include <QMenu>
#include <QToolButton>

using namespace pipedeck;
namespace demo = pipedeck::sim::demo;

namespace {
const QString kAccount = QStringLiteral("http://127.0.0.1/demo");

QAction *findAction(const QMenu *menu, const QString &objectName)
{
    for (QAction *action : menu->actions()) {
        if (action->objectName() == objectName)
            return action;
    }
    return nullptr;
}
} // namespace

class TestWatchToggle : public QObject
{
    Q_OBJECT
private:
    pagetest::PageFixture m_fixture;
    watch::WatchList m_watches;

private Q_SLOTS:
    void init()
    {
        m_watches.reset({});
        QVERIFY(m_fixture.open());
        m_fixture.page->setWatchList(&m_watches, kAccount);
    }
    void cleanup() { m_fixture.close(); }

    void headerButtonAddsAndRemovesTheWatch()
    {
        QVERIFY(m_fixture.showPipeline(demo::kFailedPipelineId));
        QAction *watchAction = m_fixture.page->watchAction();
        QVERIFY(watchAction->isVisible());
        QVERIFY(watchAction->isEnabled());
        QVERIFY(!watchAction->isChecked());
        QToolButton *button = nullptr;
        for (auto *candidate : m_fixture.page->pipelineHeader()->findChildren<QToolButton *>()) {
            if (candidate->defaultAction() == watchAction)
                button = candidate;
        }
        QVERIFY(button);

        button->click();
        QCOMPARE(m_watches.size(), 1);
        const auto watch = m_watches.find(kAccount, demo::kFailedPipelineId);
        QVERIFY(watch);
        QCOMPARE(watch->projectId, demo::kDemoProjectId);
        QCOMPARE(watch->lastStatus, gitlab::CiStatus::Failed);
        QCOMPARE(watch->projectPath, QStringLiteral("platform/api-gateway"));
        QVERIFY(!watch->child);
        QVERIFY(!watch->ref.isEmpty());
        QVERIFY(watchAction->isChecked());
        QCOMPARE(watchAction->text(), QStringLiteral("Watching"));

        button->click();
        QCOMPARE(m_watches.size(), 0);
        QVERIFY(!watchAction->isChecked());
    }

    void listMenuAndShortcutToggleTheWatch()
    {
        QVERIFY(m_fixture.showPipeline(demo::kRunningPipelineId));
        Q_EMIT m_fixture.page->pipelinesPanel()->contextMenuRequested(demo::kRunningPipelineId,
                                                                      QPoint(10, 10));
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = m_fixture.page->findChild<QMenu *>()) != nullptr);
        QAction *fromMenu = findAction(menu, QStringLiteral("watchPipeline"));
        QVERIFY(fromMenu);
        fromMenu->trigger();
        menu->close();
        QVERIFY(m_watches.contains(kAccount, demo::kRunningPipelineId));
        // Someone else (the tray, a notification) ended it: the button follows.
        m_watches.remove(kAccount, demo::kRunningPipelineId);
        QVERIFY(!m_fixture.page->watchAction()->isChecked());

        m_fixture.page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_fixture.page.get()));
        m_fixture.page->pipelinesPanel()->view()->setFocus();
        QTest::keyClick(m_fixture.page->pipelinesPanel()->view(), Qt::Key_W,
                        Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(m_watches.contains(kAccount, demo::kRunningPipelineId));
        QTest::keyClick(m_fixture.page->pipelinesPanel()->view(), Qt::Key_W,
                        Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!m_watches.contains(kAccount, demo::kRunningPipelineId));
    }

    void triggerJobsWatchTheirDownstreamPipelines()
    {
        QVERIFY(m_fixture.showPipeline(demo::kBridgePipelineId));
        const auto downstreamOf = [this](qint64 bridgeJobId) {
            const QModelIndex index = m_fixture.jobs()->indexOfJob(bridgeJobId);
            return std::pair{index.data(models::JobsModel::DownstreamProjectIdRole).toLongLong(),
                             index.data(models::JobsModel::DownstreamPipelineIdRole).toLongLong()};
        };
        QTRY_VERIFY(downstreamOf(demo::kChildBridgeJobId).second > 0);
        QTRY_VERIFY(downstreamOf(demo::kMultiProjectBridgeJobId).second > 0);

        const auto [childProject, childPipeline] = downstreamOf(demo::kChildBridgeJobId);
        m_fixture.page->graphView()->setCurrentJob(demo::kChildBridgeJobId);
        std::unique_ptr<QMenu> menu(m_fixture.page->buildJobMenu(nullptr));
        QAction *watchChild = findAction(menu.get(), QStringLiteral("watchDownstream"));
        QVERIFY(watchChild);
        QVERIFY(!watchChild->isChecked());
        watchChild->trigger();
        auto watch = m_watches.find(kAccount, childPipeline);
        QVERIFY(watch);
        QCOMPARE(watch->projectId, demo::kDemoProjectId);
        QCOMPARE(childProject, demo::kDemoProjectId);
        QVERIFY(watch->child); // GitLab lists it only with source=parent_pipeline

        const auto [otherProject, otherPipeline] = downstreamOf(demo::kMultiProjectBridgeJobId);
        m_fixture.page->graphView()->setCurrentJob(demo::kMultiProjectBridgeJobId);
        menu.reset(m_fixture.page->buildJobMenu(nullptr));
        QAction *watchOther = findAction(menu.get(), QStringLiteral("watchDownstream"));
        QVERIFY(watchOther);
        watchOther->trigger();
        watch = m_watches.find(kAccount, otherPipeline);
        QVERIFY(watch);
        QCOMPARE(watch->projectId, demo::kDeployToolsProjectId);
        QCOMPARE(otherProject, demo::kDeployToolsProjectId);
        QVERIFY(!watch->child);

        // Checked in the next menu; triggering it again ends the watch.
        menu.reset(m_fixture.page->buildJobMenu(nullptr));
        watchOther = findAction(menu.get(), QStringLiteral("watchDownstream"));
        QVERIFY(watchOther->isChecked());
        watchOther->trigger();
        QVERIFY(!m_watches.contains(kAccount, otherPipeline));
        QCOMPARE(m_watches.size(), 1);
    }

    void withoutAWatchListThereIsNoWatchAction()
    {
        m_fixture.page->setWatchList(nullptr, {});
        QVERIFY(!m_fixture.page->watchAction()->isVisible());
    }
};

QTEST_MAIN(TestWatchToggle)
#include "tst_watch_toggle.moc"
