// JobsModel on parsed snapshots: grouping by stage in pipeline order, merges without resets,
// retried jobs, bridges expanding their downstream pipelines in place, stale state.
#include "job_fixtures.h"
#include "models/common/composite_status.h"
#include "models/jobs/jobs_model.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

using namespace pipedeck::models;
using fixtures::bridge;
using fixtures::job;
using pipedeck::gitlab::CiStatus;

namespace {

QStringList namesUnder(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, 0, parent).data(JobsModel::NameRole).toString();
    return names;
}

QList<pipedeck::gitlab::Job> basicJobs()
{
    // Ids follow creation order: build jobs first, then test, then deploy.
    return {job(14, QStringLiteral("deploy"), QStringLiteral("deploy"), CiStatus::Created),
            job(13, QStringLiteral("rspec 10/10"), QStringLiteral("test"), CiStatus::Running),
            job(12, QStringLiteral("rspec 2/10"), QStringLiteral("test"), CiStatus::Pending),
            job(11, QStringLiteral("lint"), QStringLiteral("test"), CiStatus::Success),
            job(10, QStringLiteral("compile"), QStringLiteral("build"), CiStatus::Success)};
}

struct Fixture
{
    JobsModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

} // namespace

class TestJobsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compositeStatus_data()
    {
        QTest::addColumn<QList<StatusMember>>("members");
        QTest::addColumn<CiStatus>("expected");
        QTest::newRow("all success")
            << QList<StatusMember>{{CiStatus::Success, false}, {CiStatus::Skipped, false}}
            << CiStatus::Success;
        QTest::newRow("allowed failure ignored")
            << QList<StatusMember>{{CiStatus::Success, false}, {CiStatus::Failed, true}}
            << CiStatus::Success;
        QTest::newRow("failure") << QList<StatusMember>{{CiStatus::Success, false},
                                                        {CiStatus::Failed, false}}
                                 << CiStatus::Failed;
        QTest::newRow("running wins over failure")
            << QList<StatusMember>{{CiStatus::Running, false}, {CiStatus::Failed, false}}
            << CiStatus::Running;
        QTest::newRow("pending and created")
            << QList<StatusMember>{{CiStatus::Pending, false}, {CiStatus::Created, false}}
            << CiStatus::Pending;
        QTest::newRow("blocked on manual")
            << QList<StatusMember>{{CiStatus::Success, false}, {CiStatus::Manual, false}}
            << CiStatus::Manual;
        QTest::newRow("optional manual ignored")
            << QList<StatusMember>{{CiStatus::Success, false}, {CiStatus::Manual, true}}
            << CiStatus::Success;
        QTest::newRow("canceled") << QList<StatusMember>{{CiStatus::Success, false},
                                                         {CiStatus::Canceled, false}}
                                  << CiStatus::Canceled;
        QTest::newRow("unknown never hides a failure")
            << QList<StatusMember>{{CiStatus::Unknown, false}, {CiStatus::Failed, false}}
            << CiStatus::Failed;
    }
    void compositeStatus()
    {
        QFETCH(QList<StatusMember>, members);
        QFETCH(CiStatus, expected);
        QCOMPARE(pipedeck::models::compositeStatus(members), expected);
    }

    void groupsByStageInPipelineOrderAndSortsNamesNaturally()
    {
        Fixture f;
        f.model.setPipeline(7, 1);
        f.model.applySnapshot(1, basicJobs(), {});
        QCOMPARE(namesUnder(f.model), (QStringList{QStringLiteral("build"), QStringLiteral("test"),
                                                   QStringLiteral("deploy")}));
        const QModelIndex test = f.model.index(1, 0);
        QCOMPARE(namesUnder(f.model, test),
                 (QStringList{QStringLiteral("lint"), QStringLiteral("rspec 2/10"),
                              QStringLiteral("rspec 10/10")}));
        QCOMPARE(test.data(JobsModel::StatusRole).toInt(), static_cast<int>(CiStatus::Running));
        QCOMPARE(test.data(JobsModel::JobCountRole).toInt(), 3);
        QCOMPARE(f.model.jobRowCount(), 5);
        QVERIFY(f.model.hasActiveJobs());
        QCOMPARE(f.model.index(0, 0, test).data(JobsModel::PipelineIdRole).toLongLong(), 1);
        QCOMPARE(f.model.index(0, 0, test).data(JobsModel::ProjectIdRole).toLongLong(), 7);
        QCOMPARE(f.model.indexOfJob(12), f.model.index(1, 0, test));
        QVERIFY(f.model.loadState(1).loaded);
    }

    void statusChangesArriveAsDataChangedWithoutReset()
    {
        Fixture f;
        f.model.setPipeline(7, 1);
        f.model.applySnapshot(1, basicJobs(), {});
        const QPersistentModelIndex selected = f.model.indexOfJob(13);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&f.model, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&f.model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);

        auto next = basicJobs();
        next[1].status = CiStatus::Success; // rspec 10/10 finished
        next[1].statusName = QStringLiteral("success");
        next[1].duration = 42.5;
        next[2].status = CiStatus::Running; // rspec 2/10 started
        next[2].statusName = QStringLiteral("running");
        const MergeResult result = f.model.applySnapshot(1, next, {});

        QCOMPARE(
            reset.count() + layout.count() + inserted.count() + removed.count() + moved.count(), 0);
        QCOMPARE(result.changedRows, 2);
        // The test stage's composite status did not change (still running); the two job rows are
        // adjacent (rows 1 and 2 of the stage), so one coalesced range.
        QCOMPARE(changed.count(), 1);
        const QModelIndex top = changed.at(0).at(0).toModelIndex();
        const QModelIndex bottom = changed.at(0).at(1).toModelIndex();
        QCOMPARE(top.parent(), f.model.index(1, 0));
        QCOMPARE(top.row(), 1);
        QCOMPARE(bottom.row(), 2);
        const QList<int> roles = changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(JobsModel::StatusRole));
        QVERIFY(roles.contains(JobsModel::DurationRole));
        QVERIFY(!roles.contains(JobsModel::NameRole));
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(JobsModel::StatusRole).toInt(), static_cast<int>(CiStatus::Success));
        QCOMPARE(selected.data(JobsModel::DurationRole).toDouble(), 42.5);

        // Same data again: nothing at all.
        changed.clear();
        f.model.applySnapshot(1, next, {});
        QCOMPARE(changed.count(), 0);
    }

    void anActionResultShowsAtOnce()
    {
        Fixture f;
        f.model.setPipeline(7, 1);
        f.model.applySnapshot(1, basicJobs(), {});
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        auto canceled = basicJobs().at(1); // rspec 10/10, running
        canceled.status = CiStatus::Canceled;
        canceled.statusName = QStringLiteral("canceled");
        QVERIFY(f.model.updateJob(canceled));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), f.model.indexOfJob(13));
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(JobsModel::StatusRole));
        QCOMPARE(f.model.indexOfJob(13).data(JobsModel::StatusRole).toInt(),
                 static_cast<int>(CiStatus::Canceled));
        QVERIFY(!f.model.updateJob(job(99, QStringLiteral("new"), QStringLiteral("test"))));
    }

    void stageStatusChangeIsReportedOnTheStageRow()
    {
        Fixture f;
        f.model.setPipeline(7, 1);
        f.model.applySnapshot(1, basicJobs(), {});
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        auto next = basicJobs();
        next[0].status = CiStatus::Failed; // deploy: created -> failed
        next[0].statusName = QStringLiteral("failed");
        f.model.applySnapshot(1, next, {});
        QCOMPARE(changed.count(), 2);
        const QModelIndex stageRow = changed.at(0).at(0).toModelIndex();
        QCOMPARE(stageRow, f.model.index(2, 0));
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(JobsModel::StatusRole));
        QCOMPARE(stageRow.data(JobsModel::StatusRole).toInt(), static_cast<int>(CiStatus::Failed));
        QCOMPARE(changed.at(1).at(0).toModelIndex().parent(), f.model.index(2, 0));
    }

    void retriedJobsOnDemandAndStageOrderIsKept()
    {
        Fixture f;
        f.model.setPipeline(7, 1);
        QSignalSpy retriedChanged(&f.model, &JobsModel::includeRetriedChanged);
        f.model.setIncludeRetried(true);
        QCOMPARE(retriedChanged.count(), 1);
        f.model.applySnapshot(1, basicJobs(), {});
        const QPersistentModelIndex compile = f.model.indexOfJob(10);

        // compile (build) was retried: job 20 is the new one. GitLab does not mark job 10 as
        // retried in the listing; the model knows it by the newer job of the same name.
        auto next = basicJobs();
        auto again = job(20, QStringLiteral("compile"), QStringLiteral("build"), CiStatus::Running);
        next.prepend(again);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        f.model.applySnapshot(1, next, {});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        const QModelIndex build = f.model.index(0, 0);
        QCOMPARE(build.data(JobsModel::NameRole).toString(), QStringLiteral("build"));
        QCOMPARE(f.model.rowCount(build), 2);
        QCOMPARE(f.model.index(0, 0, build).data(JobsModel::IdRole).toLongLong(),
                 20); // current first
        QCOMPARE(compile.row(), 1);
        QVERIFY(compile.data(JobsModel::RetriedRole).toBool());
        QCOMPARE(build.data(JobsModel::JobCountRole).toInt(), 1);
        QCOMPARE(build.data(JobsModel::StatusRole).toInt(), static_cast<int>(CiStatus::Running));

        // Without retried jobs only job 20 is listed; the build stage still comes first although
        // its only job now has the highest id.
        auto current = basicJobs();
        current.removeLast();
        current.prepend(again);
        f.model.applySnapshot(1, current, {});
        QCOMPARE(namesUnder(f.model).first(), QStringLiteral("build"));
        QVERIFY(!compile.isValid());
    }

    void earlierAttemptsAreRecognisedByName()
    {
        Fixture f;
        f.model.setPipeline(7, 1);
        f.model.setIncludeRetried(true);
        // Attempts of "compile": 10 failed, 20 succeeded. "rspec 2" and "rspec 02" are two jobs.
        QList<pipedeck::gitlab::Job> jobs{
            job(21, QStringLiteral("rspec 2"), QStringLiteral("test"), CiStatus::Success),
            job(20, QStringLiteral("compile"), QStringLiteral("build"), CiStatus::Success),
            job(15, QStringLiteral("rspec 02"), QStringLiteral("test"), CiStatus::Success),
            job(11, QStringLiteral("rspec 2"), QStringLiteral("test"), CiStatus::Canceled),
            job(10, QStringLiteral("compile"), QStringLiteral("build"), CiStatus::Failed)};
        f.model.applySnapshot(1, jobs, {});
        const QModelIndex build = f.model.index(0, 0);
        const QModelIndex test = f.model.index(1, 0);
        QCOMPARE(f.model.rowCount(build), 2);
        QCOMPARE(f.model.index(0, 0, build).data(JobsModel::IdRole).toLongLong(), 20);
        QVERIFY(!f.model.indexOfJob(20).data(JobsModel::RetriedRole).toBool());
        QVERIFY(f.model.indexOfJob(10).data(JobsModel::RetriedRole).toBool());
        QCOMPARE(build.data(JobsModel::JobCountRole).toInt(), 1);
        QCOMPARE(build.data(JobsModel::StatusRole).toInt(), static_cast<int>(CiStatus::Success));
        QVERIFY(!f.model.indexOfJob(21).data(JobsModel::RetriedRole).toBool());
        QVERIFY(!f.model.indexOfJob(15).data(JobsModel::RetriedRole).toBool());
        QVERIFY(f.model.indexOfJob(11).data(JobsModel::RetriedRole).toBool());
        QCOMPARE(test.data(JobsModel::JobCountRole).toInt(), 2);
        QCOMPARE(test.data(JobsModel::StatusRole).toInt(), static_cast<int>(CiStatus::Success));

        // A reply for the single old job (an action, a re-read) cannot say it was retried.
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QVERIFY(f.model.updateJob(jobs.at(4)));
        QVERIFY(f.model.indexOfJob(10).data(JobsModel::RetriedRole).toBool());
        QCOMPARE(changed.count(), 0);

        // A third attempt: 20 becomes an earlier attempt, as one dataChanged with RetriedRole.
        jobs.prepend(
            job(30, QStringLiteral("compile"), QStringLiteral("build"), CiStatus::Running));
        f.model.applySnapshot(1, jobs, {});
        QVERIFY(f.model.indexOfJob(20).data(JobsModel::RetriedRole).toBool());
        QVERIFY(!f.model.indexOfJob(30).data(JobsModel::RetriedRole).toBool());
        QCOMPARE(f.model.index(0, 0, build).data(JobsModel::IdRole).toLongLong(), 30);
        QCOMPARE(build.data(JobsModel::StatusRole).toInt(), static_cast<int>(CiStatus::Running));
        bool retriedSignalled = false;
        for (const auto &signal : std::as_const(changed)) {
            if (signal.at(2).value<QList<int>>().contains(JobsModel::RetriedRole) &&
                signal.at(0).toModelIndex() == f.model.indexOfJob(20))
                retriedSignalled = true;
        }
        QVERIFY(retriedSignalled);

        // Retried bridges (listed with include_retried too) are recognised the same way.
        const QList<pipedeck::gitlab::Bridge> bridges{
            bridge(41, QStringLiteral("docs"), QStringLiteral("test"), 0, 0, CiStatus::Running),
            bridge(40, QStringLiteral("docs"), QStringLiteral("test"), 0, 0, CiStatus::Failed)};
        f.model.applySnapshot(1, jobs, bridges);
        QVERIFY(f.model.indexOfJob(40).data(JobsModel::RetriedRole).toBool());
        QVERIFY(!f.model.indexOfJob(41).data(JobsModel::RetriedRole).toBool());
    }

    void bridgesLoadTheirDownstreamPipelinesInPlace()
    {
        // The model tester walks the whole tree and fetches more wherever it can, as a fully
        // expanded tree view would: every bridge's downstream is requested at once.
        Fixture f;
        f.model.setPipeline(7, 1);
        QSignalSpy requested(&f.model, &JobsModel::downstreamRequested);
        QSignalSpy watched(&f.model, &JobsModel::watchedPipelinesChanged);
        const auto jobs = basicJobs();
        const QList<pipedeck::gitlab::Bridge> bridges{
            bridge(15, QStringLiteral("trigger-docs"), QStringLiteral("deploy"), 2, 7),
            bridge(16, QStringLiteral("deploy-tools"), QStringLiteral("deploy"), 3, 9),
            bridge(17, QStringLiteral("not-yet"), QStringLiteral("deploy"), 0, 0,
                   CiStatus::Created)};
        f.model.applySnapshot(1, jobs, bridges);

        const QPersistentModelIndex docs = f.model.indexOfJob(15);
        const QPersistentModelIndex tools = f.model.indexOfJob(16);
        const QModelIndex notYet = f.model.indexOfJob(17);
        QCOMPARE(f.model.kindAt(docs), JobsModel::NodeKind::Bridge);
        QVERIFY(f.model.hasChildren(docs));
        QVERIFY(!f.model.hasChildren(notYet));
        QVERIFY(!f.model.canFetchMore(notYet));
        QCOMPARE(requested.count(), 2);
        QList<QPair<qint64, qint64>> asked;
        for (const auto &call : std::as_const(requested))
            asked.append({call.at(0).toLongLong(), call.at(1).toLongLong()});
        std::sort(asked.begin(), asked.end());
        // The child pipeline lives in the same project; the multi-project one in project 9.
        QCOMPARE(asked, (QList<QPair<qint64, qint64>>{{7, 2}, {9, 3}}));
        QVERIFY(watched.count() >= 2);
        QCOMPARE(f.model.watchedPipelines().size(), 3);
        QCOMPARE(f.model.watchedPipelines().first().pipelineId, 1);
        QCOMPARE(docs.data(JobsModel::DownstreamStateRole).value<JobsModel::DownstreamState>(),
                 JobsModel::DownstreamState::Loading);

        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        f.model.applySnapshot(
            2, {job(30, QStringLiteral("docs"), QStringLiteral("build"), CiStatus::Running, 2)},
            {});
        f.model.applySnapshot(
            3,
            {job(40, QStringLiteral("plan"), QStringLiteral("plan"), CiStatus::Success, 3),
             job(41, QStringLiteral("apply"), QStringLiteral("apply"), CiStatus::Manual, 3)},
            {});
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0).at(0).toModelIndex(), QModelIndex(docs));
        QCOMPARE(f.model.rowCount(docs), 1);
        QCOMPARE(namesUnder(f.model, tools),
                 (QStringList{QStringLiteral("plan"), QStringLiteral("apply")}));
        const QModelIndex docsJob = f.model.indexOfJob(30);
        QCOMPARE(docsJob.parent().parent(), QModelIndex(docs));
        QCOMPARE(docsJob.data(JobsModel::PipelineIdRole).toLongLong(), 2);
        QCOMPARE(f.model.indexOfJob(41).data(JobsModel::ProjectIdRole).toLongLong(), 9);
        QCOMPARE(docs.data(JobsModel::DownstreamStateRole).value<JobsModel::DownstreamState>(),
                 JobsModel::DownstreamState::Loaded);
        QCOMPARE(f.model.jobRowCount(), 8 + 3);

        // Both keep refreshing: a change in the child arrives as dataChanged under the bridge.
        const QPersistentModelIndex selected(docsJob);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        f.model.applySnapshot(
            2, {job(30, QStringLiteral("docs"), QStringLiteral("build"), CiStatus::Success, 2)},
            {});
        QVERIFY(changed.count() >= 1);
        QCOMPARE(reset.count(), 0);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(JobsModel::StatusRole).toInt(), static_cast<int>(CiStatus::Success));

        // A failed refresh of the child keeps its rows and says so on the bridge.
        f.model.markStale(2, QStringLiteral("The server sent a broken reply."));
        QCOMPARE(docs.data(JobsModel::DownstreamStateRole).value<JobsModel::DownstreamState>(),
                 JobsModel::DownstreamState::Stale);
        QCOMPARE(docs.data(JobsModel::DownstreamErrorRole).toString(),
                 QStringLiteral("The server sent a broken reply."));
        QCOMPARE(f.model.rowCount(docs), 1);
        QVERIFY(!f.model.isStale()); // the root pipeline is fine

        // The bridge disappearing from the root takes its expanded child with it.
        f.model.applySnapshot(1, jobs, {bridges.at(1), bridges.at(2)});
        QCOMPARE(f.model.watchedPipelines().size(), 2);
        QVERIFY(!f.model.indexOfJob(30).isValid());
        QVERIFY(!selected.isValid());
        QVERIFY(!docs.isValid());
        QVERIFY(tools.isValid());
    }

    void bridgesStayCollapsedUntilAskedAndCollapseAgain()
    {
        // No tester here on purpose: it expands every bridge it sees (see above), and this
        // checks the collapsed state. The structure checks are covered by the other tests.
        JobsModel model;
        model.setPipeline(7, 1);
        QSignalSpy requested(&model, &JobsModel::downstreamRequested);
        model.applySnapshot(
            1, basicJobs(),
            {bridge(15, QStringLiteral("trigger-docs"), QStringLiteral("deploy"), 2, 7)});
        const QModelIndex docs = model.indexOfJob(15);
        QCOMPARE(requested.count(), 0);
        QVERIFY(model.canFetchMore(docs));
        QCOMPARE(docs.data(JobsModel::DownstreamStateRole).value<JobsModel::DownstreamState>(),
                 JobsModel::DownstreamState::NotLoaded);
        QCOMPARE(model.watchedPipelines().size(), 1);
        model.fetchMore(docs);
        QCOMPARE(requested.count(), 1);
        QVERIFY(!model.canFetchMore(docs));
        model.applySnapshot(
            2, {job(30, QStringLiteral("docs"), QStringLiteral("build"), CiStatus::Running, 2)},
            {});
        QCOMPARE(model.rowCount(docs), 1);
        QVERIFY(model.hasActiveJobs());

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy watched(&model, &JobsModel::watchedPipelinesChanged);
        model.collapseDownstream(docs);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toModelIndex(), docs);
        QCOMPARE(watched.count(), 1);
        QCOMPARE(model.rowCount(docs), 0);
        QCOMPARE(model.watchedPipelines().size(), 1);
        QVERIFY(!model.indexOfJob(30).isValid());
        QVERIFY(model.canFetchMore(docs));
        QCOMPARE(model.applySnapshot(2, {}, {}).inserted, 0); // no longer shown: ignored
    }

    void staleRootKeepsItsRows()
    {
        Fixture f;
        f.model.setPipeline(7, 1);
        f.model.applySnapshot(1, basicJobs(), {});
        QSignalSpy state(&f.model, &JobsModel::loadStateChanged);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        f.model.markStale(1, QStringLiteral("Timed out."));
        QCOMPARE(state.count(), 1);
        QVERIFY(f.model.isStale());
        QCOMPARE(f.model.errorText(), QStringLiteral("Timed out."));
        QCOMPARE(removed.count(), 0);
        QCOMPARE(f.model.jobRowCount(), 5);
        f.model.applySnapshot(1, basicJobs(), {});
        QVERIFY(!f.model.isStale());
        QVERIFY(f.model.errorText().isEmpty());
    }

    void anotherPipelineIsTheOnlyReset()
    {
        Fixture f;
        f.model.setPipeline(7, 1);
        f.model.applySnapshot(1, basicJobs(), {});
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        f.model.setPipeline(7, 1);
        QCOMPARE(reset.count(), 0);
        f.model.setPipeline(7, 99);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.jobRowCount(), 0);
        QCOMPARE(f.model.applySnapshot(1, basicJobs(), {}).inserted, 0); // not shown any more
    }

    void unknownStatusesDoNotBreakAnything()
    {
        Fixture f;
        f.model.setPipeline(7, 1);
        auto jobs = basicJobs();
        jobs[0].status = CiStatus::Unknown;
        jobs[0].statusName = QStringLiteral("some_future_status");
        f.model.applySnapshot(1, jobs, {});
        QCOMPARE(f.model.indexOfJob(14).data(JobsModel::StatusNameRole).toString(),
                 QStringLiteral("some_future_status"));
    }
};

QTEST_GUILESS_MAIN(TestJobsModel)
#include "tst_jobs_model.moc"
