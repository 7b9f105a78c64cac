// The project page against pipedeck-sim over loopback: the pipelines list loads, filters and
// pages; a pipeline shows its stages and jobs; the 1,500-job pipeline is painted by one widget;
// refreshes keep the current job, expansion and scroll; trigger jobs expand inline.
#include "page_fixture.h"

#include "gitlab/net/clock.h"
#include "models/loaders/jobs_loader.h"
#include "models/polling/poll_scheduler.h"
#include "pipelines/pipeline_graph_view.h"
#include "pipelines/pipeline_header.h"
#include "pipelines/pipelines_panel.h"
#include "widgets/plain_label.h"

#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>

using namespace pipedeck;
using models::JobsModel;
using models::PipelinesModel;
namespace demo = pipedeck::sim::demo;

class TestPipelinePage : public QObject
{
    Q_OBJECT

private:
    pagetest::PageFixture m_f;

    int shownJobCount(qint64 pipelineId)
    {
        // Jobs and trigger jobs of the pipeline as GitLab lists them (retried ones hidden).
        return static_cast<int>(
            m_f.server->world().jobsOfPipeline(pipelineId, false, false).size() +
            m_f.server->world().jobsOfPipeline(pipelineId, false, true).size());
    }

    //! The project's pipelines as its list shows them: child pipelines are listed only when
    //! asked for by source, as on GitLab.
    QList<qint64> topLevelPipelines()
    {
        QList<qint64> ids;
        for (const sim::Pipeline *p :
             m_f.server->world().pipelinesOfProject(demo::kDemoProjectId)) {
            if (!p->child)
                ids.append(p->id);
        }
        std::sort(ids.begin(), ids.end(), std::greater<>());
        return ids;
    }

    bool waitForRefresh()
    {
        QSignalSpy refreshed(m_f.page->jobsLoader(), &models::JobsLoader::refreshed);
        m_f.page->refresh();
        return refreshed.wait(10'000);
    }

private Q_SLOTS:
    void cleanup() { m_f.close(); }

    void listLoadsNewestFirst()
    {
        QVERIFY(m_f.open());
        QTRY_VERIFY_WITH_TIMEOUT(m_f.pipelines()->rowCount() > 20, 10'000);
        // Newest first, as GitLab orders them (by id, descending).
        for (int row = 1; row < m_f.pipelines()->rowCount(); ++row)
            QVERIFY(m_f.pipelines()->pipelineAt(row - 1)->id >
                    m_f.pipelines()->pipelineAt(row)->id);
        const qint64 newest = m_f.pipelines()->pipelineAt(0)->id;
        QCOMPARE(newest, topLevelPipelines().first());
        // The newest pipeline is shown at once.
        QTRY_COMPARE_WITH_TIMEOUT(m_f.page->currentPipelineId(), newest, 10'000);
        QCOMPARE(m_f.page->pipelinesPanel()->currentPipelineId(), newest);
        QVERIFY(m_f.page->statusText().isEmpty() == false);
    }

    // A narrow list (a Japanese UI, a small window) fits its rows to its width and elides
    // their texts: nothing hides to the right behind a sideways scroll bar.
    // A screen reader hears a row as it is seen: status, title, number and ref, not the bare
    // ref every row of a branch shares ("main", "main", "main").
    void pipelineRowsAreNamedAsTheyAreSeen()
    {
        QVERIFY(m_f.open());
        QTRY_VERIFY_WITH_TIMEOUT(m_f.pipelines()->rowCount() > 5, 10'000);
        QListView *view = m_f.page->pipelinesPanel()->view();
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(view);
        QVERIFY(list);
        QCOMPARE(list->text(QAccessible::Name), QStringLiteral("Pipelines"));
        QAccessibleTableInterface *table = list->tableInterface();
        QVERIFY(table);
        QSet<QString> names;
        for (int row = 0; row < 5; ++row) {
            QAccessibleInterface *cell = table->cellAt(row, 0);
            QVERIFY(cell);
            const QString name = cell->text(QAccessible::Name);
            const QModelIndex index = view->model()->index(row, 0);
            QVERIFY2(name.contains(QStringLiteral("#") +
                                   index.data(models::PipelinesModel::IdRole).toString()),
                     qPrintable(name));
            QVERIFY(name.contains(index.data(models::PipelinesModel::RefRole).toString()));
            names.insert(name);
        }
        QCOMPARE(names.size(), 5);
    }

    void narrowListRowsFitItsWidth()
    {
        QVERIFY(m_f.open());
        QTRY_VERIFY_WITH_TIMEOUT(m_f.pipelines()->rowCount() > 5, 10'000);
        QListView *view = m_f.page->pipelinesPanel()->view();
        QCOMPARE(view->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
        view->setFixedWidth(280);
        QTRY_VERIFY(view->viewport()->width() <= 280);
        QCoreApplication::processEvents();
        const QModelIndex first = view->model()->index(0, 0);
        const QRect row = view->visualRect(first);
        QVERIFY2(row.right() < view->viewport()->width(),
                 qPrintable(QStringLiteral("row %1 px wide in a %2 px list")
                                .arg(row.width())
                                .arg(view->viewport()->width())));
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    }

    void filtersNarrowTheList()
    {
        QVERIFY(m_f.open());
        QTRY_VERIFY_WITH_TIMEOUT(m_f.pipelines()->rowCount() > 20, 10'000);
        PipelinesPanel *panel = m_f.page->pipelinesPanel();
        m_f.server->clearRequests();
        panel->statusFilter()->setCurrentIndex(
            panel->statusFilter()->findData(QStringLiteral("failed")));
        QTRY_VERIFY_WITH_TIMEOUT(m_f.count("GET", QStringLiteral("status=failed")) >= 1, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_f.pipelines()->rowCount() > 0 &&
                [&] {
                    for (int r = 0; r < m_f.pipelines()->rowCount(); ++r) {
                        if (m_f.pipelines()->pipelineAt(r)->status != gitlab::CiStatus::Failed)
                            return false;
                    }
                    return true;
                }(),
            10'000);

        // A ref nobody has: no rows, and the panel says the filter matched nothing.
        panel->refFilter()->setText(QStringLiteral("no-such-branch"));
        QTRY_COMPARE_WITH_TIMEOUT(m_f.pipelines()->rowCount(), 0, 10'000);
        QVERIFY(m_f.count("GET", QStringLiteral("ref=no-such-branch")) >= 1);
        auto *state = panel->findChild<QLabel *>(QStringLiteral("pipelinesState"));
        QVERIFY(state);
        QTRY_VERIFY(state->isVisible());
        QVERIFY(state->text().contains(QStringLiteral("No pipeline matches")));

        // Username and source travel as GitLab's own parameters.
        panel->refFilter()->clear();
        panel->statusFilter()->setCurrentIndex(0);
        panel->userFilter()->setText(QStringLiteral("alice"));
        panel->sourceFilter()->setCurrentIndex(
            panel->sourceFilter()->findData(QStringLiteral("web")));
        QTRY_VERIFY_WITH_TIMEOUT(m_f.count("GET", QStringLiteral("username=alice")) >= 1 &&
                                     m_f.count("GET", QStringLiteral("source=web")) >= 1,
                                 10'000);
    }

    void scrollingDownFetchesTheNextPage()
    {
        QVERIFY(m_f.start());
        // Enough pipelines for a second page of 100.
        for (int i = 0; i < 120; ++i) {
            sim::PipelineSpec spec;
            spec.createdAtMs = m_f.server->world().nowMs() - (200 - i) * 60'000;
            m_f.server->world().createPipeline(demo::kDemoProjectId, spec);
        }
        const int total = static_cast<int>(topLevelPipelines().size());
        QVERIFY(total > 100);
        QVERIFY(m_f.open());
        QTRY_COMPARE_WITH_TIMEOUT(m_f.pipelines()->rowCount(), 100, 10'000);
        QVERIFY(m_f.pipelines()->canFetchMore({}));
        QListView *view = m_f.page->pipelinesPanel()->view();
        view->scrollToBottom();
        QTRY_COMPARE_WITH_TIMEOUT(m_f.pipelines()->rowCount(), total, 10'000);
        QVERIFY(m_f.count("GET", QStringLiteral("page=2")) >= 1);
    }

    void pipelineShowsStagesAndJobs()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kFailedPipelineId));
        const int expected = shownJobCount(demo::kFailedPipelineId);
        QVERIFY(expected > 0);
        PipelineGraphView *graph = m_f.page->graphView();
        QCOMPARE(graph->cardCount(), expected);
        QCOMPARE(m_f.jobs()->rowCount(),
                 m_f.server->world().pipeline(demo::kFailedPipelineId)->stages.size());
        QCOMPARE(m_f.page->pipelineHeader()->titleLabel()->text(),
                 QStringLiteral("Pipeline #%1").arg(demo::kFailedPipelineId));
        const QRect failed = graph->cardRect(demo::kFailedJobId);
        QVERIFY(!failed.isNull());
        QVERIFY(graph->cardText(demo::kFailedJobId).contains(QStringLiteral("unit-tests")));
        QVERIFY(graph->cardText(demo::kFailedJobId).contains(QStringLiteral("Failed")));
        // Clicking a card makes it current and fills the details pane.
        QTest::mouseClick(graph->viewport(), Qt::LeftButton, {}, failed.center());
        QCOMPARE(graph->currentJobId(), demo::kFailedJobId);
        QCOMPARE(m_f.page->currentJobId(), demo::kFailedJobId);
    }

    // The job cards are painted, yet a screen reader finds each one: named by job, stage and
    // status, placed where it is drawn, selected when current, and pressed as Enter opens it.
    void jobCardsAreAccessibleChildrenOfTheGraph()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kFailedPipelineId));
        PipelineGraphView *graph = m_f.page->graphView();
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(graph);
        QVERIFY(list);
        QCOMPARE(list->role(), QAccessible::List);
        QCOMPARE(list->childCount(), graph->cardCount());
        const int failedIndex = int(graph->cardJobIds().indexOf(demo::kFailedJobId));
        QVERIFY(failedIndex >= 0);
        QAccessibleInterface *failed = list->child(failedIndex);
        QVERIFY(failed && failed->isValid());
        QCOMPARE(failed->role(), QAccessible::ListItem);
        const QString name = failed->text(QAccessible::Name);
        QVERIFY2(name.startsWith(QStringLiteral("unit-tests, stage test, Failed")),
                 qPrintable(name));
        QCOMPARE(list->indexOfChild(failed), failedIndex);
        QCOMPARE(list->child(failedIndex), failed); // one interface per card
        const QRect onScreen = failed->rect();
        const QRect drawn = graph->cardRect(demo::kFailedJobId);
        QCOMPARE(onScreen.size(), drawn.size());
        QCOMPARE(list->childAt(onScreen.center().x(), onScreen.center().y()), failed);
        QVERIFY(!failed->state().selected);
        graph->setCurrentJob(demo::kFailedJobId);
        QVERIFY(failed->state().selected);
        // Every card has a name of its own.
        QSet<QString> names;
        for (int i = 0; i < list->childCount(); ++i)
            names.insert(list->child(i)->text(QAccessible::Name));
        QCOMPARE(names.size(), list->childCount());
        // Press opens the job, as Enter does.
        QSignalSpy activated(graph, &PipelineGraphView::jobActivated);
        QAccessibleActionInterface *actions = failed->actionInterface();
        QVERIFY(actions);
        actions->doAction(QAccessibleActionInterface::pressAction());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toLongLong(), demo::kFailedJobId);
    }

    void arrowKeysMoveBetweenCards()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kFailedPipelineId));
        PipelineGraphView *graph = m_f.page->graphView();
        graph->setFocus();
        QTest::keyClick(graph, Qt::Key_Home);
        const qint64 first = graph->currentJobId();
        QVERIFY(first != 0);
        QTest::keyClick(graph, Qt::Key_Right);
        const qint64 right = graph->currentJobId();
        QVERIFY(right != first);
        QVERIFY(graph->cardRect(right).left() > graph->cardRect(first).left());
        QTest::keyClick(graph, Qt::Key_Left);
        QCOMPARE(graph->currentJobId(), first);
        QTest::keyClick(graph, Qt::Key_End);
        QVERIFY(graph->currentJobId() != first);
    }

    void bigPipelinePaintsCardsNotWidgets()
    {
        QVERIFY(m_f.open(demo::kEtlProjectId));
        QVERIFY(m_f.showPipeline(demo::kBigPipelineId));
        JobsModel *jobs = m_f.jobs();
        // Expand every trigger job's downstream pipeline, all at once.
        QList<qint64> bridges;
        for (int s = 0; s < jobs->rowCount(); ++s) {
            const QModelIndex stage = jobs->index(s, 0);
            for (int j = 0; j < jobs->rowCount(stage); ++j) {
                const QModelIndex job = jobs->index(j, 0, stage);
                if (jobs->kindAt(job) == JobsModel::NodeKind::Bridge)
                    bridges.append(job.data(JobsModel::IdRole).toLongLong());
            }
        }
        QVERIFY(!bridges.isEmpty());
        for (const qint64 bridge : std::as_const(bridges))
            m_f.page->graphView()->toggleDownstream(bridge);
        QTRY_VERIFY_WITH_TIMEOUT(jobs->jobRowCount() >= demo::kBigPipelineJobCount, 30'000);
        PipelineGraphView *graph = m_f.page->graphView();
        QCOMPARE(graph->cardCount(), jobs->jobRowCount());
        // One widget paints them all: no child widget per job.
        QVERIFY2(graph->findChildren<QWidget *>().size() < 20,
                 qPrintable(QString::number(graph->findChildren<QWidget *>().size())));
        QVERIFY(m_f.page->findChildren<QWidget *>().size() < 200);
        graph->viewport()->grab();
        QVERIFY(graph->paintedCardCount() > 0);
        QVERIFY(graph->paintedCardCount() < 200);
    }

    void refreshKeepsCurrentExpansionAndScroll()
    {
        QVERIFY(m_f.open(demo::kEtlProjectId));
        QVERIFY(m_f.showPipeline(demo::kBigPipelineId));
        JobsModel *jobs = m_f.jobs();
        PipelineGraphView *graph = m_f.page->graphView();
        // Expand the first trigger job.
        qint64 bridge = 0;
        for (int s = 0; s < jobs->rowCount() && !bridge; ++s) {
            const QModelIndex stage = jobs->index(s, 0);
            for (int j = 0; j < jobs->rowCount(stage) && !bridge; ++j) {
                if (jobs->kindAt(jobs->index(j, 0, stage)) == JobsModel::NodeKind::Bridge)
                    bridge = jobs->index(j, 0, stage).data(JobsModel::IdRole).toLongLong();
            }
        }
        QVERIFY(bridge);
        graph->toggleDownstream(bridge);
        const QModelIndex bridgeIndex = jobs->indexOfJob(bridge);
        QTRY_VERIFY_WITH_TIMEOUT(jobs->rowCount(jobs->indexOfJob(bridge)) > 0, 10'000);
        Q_UNUSED(bridgeIndex);
        QTRY_VERIFY(graph->verticalScrollBar()->maximum() > 0);

        // A job deep in the downstream pipeline, made current; scroll somewhere else.
        const QModelIndex downstreamStage = jobs->index(0, 0, jobs->indexOfJob(bridge));
        const qint64 current = jobs->index(jobs->rowCount(downstreamStage) - 1, 0, downstreamStage)
                                   .data(JobsModel::IdRole)
                                   .toLongLong();
        graph->setCurrentJob(current);
        QCOMPARE(graph->currentJobId(), current);
        const int scroll = graph->verticalScrollBar()->maximum() / 2;
        graph->verticalScrollBar()->setValue(scroll);

        QSignalSpy resets(jobs, &QAbstractItemModel::modelReset);
        QSignalSpy currentChanges(graph, &PipelineGraphView::currentJobChanged);
        m_f.server->advance(120);
        QVERIFY(waitForRefresh());
        QVERIFY(waitForRefresh());
        QCOMPARE(resets.size(), 0);
        QCOMPARE(currentChanges.size(), 0);
        QCOMPARE(graph->currentJobId(), current);
        QCOMPARE(graph->verticalScrollBar()->value(), scroll);
        QCOMPARE(jobs->indexOfJob(bridge)
                     .data(JobsModel::DownstreamStateRole)
                     .value<JobsModel::DownstreamState>(),
                 JobsModel::DownstreamState::Loaded);
        QVERIFY(jobs->rowCount(jobs->indexOfJob(bridge)) > 0);
    }

    void triggerJobsExpandInlineSeveralAtOnce()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kBridgePipelineId));
        m_f.server->advance(600); // let both downstream pipelines be created
        QVERIFY(waitForRefresh());
        JobsModel *jobs = m_f.jobs();
        QTRY_VERIFY_WITH_TIMEOUT(jobs->indexOfJob(demo::kChildBridgeJobId)
                                         .data(JobsModel::DownstreamPipelineIdRole)
                                         .isValid() &&
                                     jobs->indexOfJob(demo::kMultiProjectBridgeJobId)
                                         .data(JobsModel::DownstreamPipelineIdRole)
                                         .isValid(),
                                 10'000);
        PipelineGraphView *graph = m_f.page->graphView();
        const int before = graph->cardCount();
        // Keyboard: the trigger job is current, Enter expands it below.
        graph->setFocus();
        graph->setCurrentJob(demo::kChildBridgeJobId);
        QTest::keyClick(graph, Qt::Key_Return);
        // Mouse: the other one by its expand control.
        graph->setCurrentJob(demo::kMultiProjectBridgeJobId);
        const QRect card = graph->cardRect(demo::kMultiProjectBridgeJobId);
        QTest::mouseClick(graph->viewport(), Qt::LeftButton, {},
                          QPoint(card.right() - 14, card.center().y()));
        const auto loaded = [&](qint64 bridge) {
            return jobs->indexOfJob(bridge)
                       .data(JobsModel::DownstreamStateRole)
                       .value<JobsModel::DownstreamState>() == JobsModel::DownstreamState::Loaded;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            loaded(demo::kChildBridgeJobId) && loaded(demo::kMultiProjectBridgeJobId), 10'000);
        QTRY_VERIFY(graph->cardCount() > before);
        QCOMPARE(graph->cardCount(), jobs->jobRowCount());
        // The downstream cards lie below the pipeline's own cards.
        const qint64 childPipeline = jobs->indexOfJob(demo::kChildBridgeJobId)
                                         .data(JobsModel::DownstreamPipelineIdRole)
                                         .toLongLong();
        const auto childJobs = m_f.server->world().jobsOfPipeline(childPipeline, false, false);
        QVERIFY(!childJobs.isEmpty());
        QVERIFY(graph->cardRect(childJobs.first()->id).top() > card.bottom());
        // Both keep refreshing with the pipeline.
        const auto watched = jobs->watchedPipelines();
        QCOMPARE(watched.size(), 3);
        m_f.server->clearRequests();
        QVERIFY(waitForRefresh());
        QVERIFY(m_f.count("GET", QStringLiteral("/pipelines/%1/jobs").arg(childPipeline)) >= 1);
        // Enter again collapses.
        graph->setCurrentJob(demo::kChildBridgeJobId);
        QTest::keyClick(graph, Qt::Key_Return);
        QTRY_COMPARE(jobs->watchedPipelines().size(), 2);
    }

    void hiddenWindowPausesPolling()
    {
        // Time moves only by the manual clock, so "nothing polls while hidden" is a fact about
        // the scheduler, not a bet on how long a wait is.
        QVERIFY(m_f.start(actionstest::kWriterToken));
        models::PollScheduler::Options fast;
        fast.activeIntervalMs = 200;
        fast.idleIntervalMs = 200;
        fast.maxIntervalMs = 400;
        fast.budgetPerMinute = 600;
        auto *clock = new gitlab::ManualClock;
        auto *scheduler = new models::PollScheduler(fast, clock);
        m_f.page = std::make_unique<ProjectPage>(
            *m_f.connection, pagetest::demoProject(sim::demo::kDemoProjectId), true, scheduler);
        // Children of the page: the page's loaders still talk to them while it is destroyed.
        scheduler->setParent(m_f.page.get());
        clock->setParent(m_f.page.get());
        m_f.page->show();
        QTRY_VERIFY_WITH_TIMEOUT(m_f.pipelines()->rowCount() > 0, 10'000);
        QSignalSpy started(scheduler, &models::PollScheduler::taskStarted);

        // Visible: as the clock moves, the list is polled again and again (a poll still on its
        // way when the clock moves starts again only after it is back, hence the retries).
        const auto listPolledAsClockMoves = [&] {
            clock->advance(fast.maxIntervalMs);
            return m_f.count("GET", QStringLiteral("/pipelines?")) >= 2;
        };
        m_f.server->clearRequests();
        QTRY_VERIFY_WITH_TIMEOUT(listPolledAsClockMoves(), 10'000);
        QVERIFY(!started.isEmpty());

        // Hidden: however far the clock moves, no task starts, so nothing goes on the wire.
        m_f.page->setVisibleForPolling(false);
        started.clear();
        for (int round = 0; round < 10; ++round) {
            clock->advance(fast.maxIntervalMs);
            QCoreApplication::processEvents();
        }
        QCOMPARE(started.size(), 0);

        // Shown again: polling resumes (tasks whose poll was still on its way when the page
        // was hidden are due one interval after it came back).
        m_f.server->clearRequests();
        m_f.page->setVisibleForPolling(true);
        QTRY_VERIFY_WITH_TIMEOUT(listPolledAsClockMoves(), 10'000);
        QVERIFY(!started.isEmpty());
    }
};

QTEST_MAIN(TestPipelinePage)
#include "tst_pipeline_page.moc"
