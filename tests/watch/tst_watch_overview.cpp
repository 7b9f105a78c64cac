// The tray's view of what is watched: worst state, counts, the menu's pipelines.
#include "watch/watch_list.h"
#include "watch/watch_overview.h"

#include <QSignalSpy>
#include <QTest>

using namespace pipedeck;
using namespace pipedeck::watch;
using namespace Qt::StringLiterals;
using gitlab::CiStatus;

class TestWatchOverview : public QObject
{
    Q_OBJECT

    static gitlab::Pipeline pipeline(qint64 id, CiStatus status)
    {
        gitlab::Pipeline p;
        p.id = id;
        p.projectId = 3;
        p.status = status;
        p.statusName = gitlab::ciStatusName(status);
        p.ref = u"main"_s;
        return p;
    }

private Q_SLOTS:
    void worstStateWins()
    {
        WatchList list;
        WatchOverview overview(&list);
        QCOMPARE(overview.state(), WatchOverview::State::Nothing);
        QCOMPARE(overview.toolTip(), u"Nothing watched"_s);
        QSignalSpy changed(&overview, &WatchOverview::changed);
        overview.onPipelineSeen(u"a"_s, pipeline(1, CiStatus::Success), true);
        QCOMPARE(overview.state(), WatchOverview::State::Passed);
        overview.onPipelineSeen(u"a"_s, pipeline(2, CiStatus::Running), false);
        QCOMPARE(overview.state(), WatchOverview::State::Running);
        overview.onPipelineSeen(u"b"_s, pipeline(2, CiStatus::Failed), true); // another account
        QCOMPARE(overview.state(), WatchOverview::State::Failed);
        overview.onPipelineSeen(u"a"_s, pipeline(4, CiStatus::Manual), false);
        const WatchOverview::Counts counts = overview.counts();
        QCOMPARE(counts.failed, 1);
        QCOMPARE(counts.running, 1);
        QCOMPARE(counts.waiting, 1);
        QCOMPARE(counts.passed, 1);
        QCOMPARE(overview.pipelines().size(), 4);
        QCOMPARE(overview.pipelines().first().pipeline.id, 4); // newest change first
        QVERIFY(overview.toolTip().contains(u"failed"_s));
        // The same state again is no change.
        const auto before = changed.size();
        overview.onPipelineSeen(u"a"_s, pipeline(4, CiStatus::Manual), false);
        QCOMPARE(changed.size(), before);
    }

    void aRulesPipelineThatPassedIsNotListed()
    {
        WatchOverview overview(nullptr);
        overview.onPipelineSeen(u"a"_s, pipeline(1, CiStatus::Success), false);
        QVERIFY(overview.pipelines().isEmpty());
    }

    void finishedStayUntilAcknowledged()
    {
        WatchList list;
        WatchOverview overview(&list);
        PipelineWatch watch;
        watch.accountId = u"a"_s;
        watch.projectId = 3;
        watch.pipelineId = 9;
        watch.lastStatus = CiStatus::Running;
        QVERIFY(list.add(watch));
        QCOMPARE(overview.state(), WatchOverview::State::Running);
        overview.onPipelineSeen(u"a"_s, pipeline(9, CiStatus::Failed), true);
        list.remove(u"a"_s, 9, WatchList::Ended::Finished);
        QCOMPARE(overview.state(), WatchOverview::State::Failed); // still shown
        overview.acknowledge();
        QCOMPARE(overview.state(), WatchOverview::State::Nothing);
        // A watch the user removes goes at once.
        watch.pipelineId = 10;
        QVERIFY(list.add(watch));
        QCOMPARE(overview.pipelines().size(), 1);
        list.remove(u"a"_s, 10);
        QVERIFY(overview.pipelines().isEmpty());
    }

    void finishedOnesAreCapped()
    {
        WatchOverview overview(nullptr);
        for (int i = 1; i <= WatchOverview::kMaxFinished + 5; ++i)
            overview.onPipelineSeen(u"a"_s, pipeline(i, CiStatus::Failed), true);
        overview.onPipelineSeen(u"a"_s, pipeline(100, CiStatus::Running), true);
        QCOMPARE(overview.pipelines().size(), WatchOverview::kMaxFinished + 1);
        QCOMPARE(overview.pipelines().last().pipeline.id, 6); // the oldest went
    }
};

QTEST_GUILESS_MAIN(TestWatchOverview)
#include "tst_watch_overview.moc"
