// PollScheduler on a manual clock: an hour of polling ten running pipelines and one watched job,
// with the window hidden for ten minutes and the server reporting a nearly spent rate limit.
#include "gitlab/net/clock.h"
#include "models/polling/poll_scheduler.h"

#include <QTest>

#include <vector>

using pipedeck::gitlab::ManualClock;
using pipedeck::models::PollScheduler;

namespace {

constexpr qint64 kMinute = 60'000;

struct FakeRefresh
{
    int cost = 1;
    PollScheduler::Outcome outcome = PollScheduler::Outcome::Changed;
};

//! Counts the requests each task "sends" and answers after a short simulated latency.
class Simulation
{
public:
    Simulation(PollScheduler &scheduler, ManualClock &clock)
        : m_scheduler(scheduler)
        , m_clock(clock)
    {}
    PollScheduler::TaskId add(const QString &name, FakeRefresh *refresh, PollScheduler::Mode mode)
    {
        auto id = std::make_shared<PollScheduler::TaskId>(0);
        *id = m_scheduler.addTask(
            name,
            [this, id, refresh] {
                for (int i = 0; i < refresh->cost; ++i)
                    m_sentAt.push_back(m_clock.nowMs());
                m_runsByTask[*id].push_back(m_clock.nowMs());
                m_inFlight.push_back({*id, m_clock.nowMs() + 300, *refresh});
            },
            mode);
        return *id;
    }
    void runFor(qint64 ms, qint64 stepMs = 100)
    {
        const qint64 end = m_clock.nowMs() + ms;
        while (m_clock.nowMs() < end) {
            m_clock.advance(stepMs);
            for (size_t i = 0; i < m_inFlight.size();) {
                if (m_inFlight[i].doneAt <= m_clock.nowMs()) {
                    const auto done = m_inFlight[i];
                    m_inFlight.erase(m_inFlight.begin() + static_cast<qsizetype>(i));
                    m_scheduler.finished(done.id, done.refresh.outcome, done.refresh.cost);
                } else {
                    ++i;
                }
            }
        }
    }
    int sentBetween(qint64 from, qint64 to) const
    {
        return static_cast<int>(std::count_if(m_sentAt.begin(), m_sentAt.end(),
                                              [&](qint64 t) { return t >= from && t < to; }));
    }
    //! The largest number of requests in any 60 s window that starts at a request.
    int worstMinute(qint64 from, qint64 to) const
    {
        int worst = 0;
        for (qint64 start : m_sentAt) {
            if (start < from || start >= to)
                continue;
            worst = std::max(worst, sentBetween(start, std::min(start + kMinute, to)));
        }
        return worst;
    }
    const std::vector<qint64> &runs(PollScheduler::TaskId id) { return m_runsByTask[id]; }

private:
    struct Flight
    {
        PollScheduler::TaskId id;
        qint64 doneAt;
        FakeRefresh refresh;
    };
    PollScheduler &m_scheduler;
    ManualClock &m_clock;
    std::vector<qint64> m_sentAt;
    std::map<PollScheduler::TaskId, std::vector<qint64>> m_runsByTask;
    std::vector<Flight> m_inFlight;
};

} // namespace

class TestPollScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anHourStaysWithinBudgetPausesWhenHiddenAndHalvesWhenLimited()
    {
        ManualClock clock;
        PollScheduler scheduler(&clock);
        Simulation sim(scheduler, clock);
        const qint64 t0 = clock.nowMs();

        // Ten running pipelines (jobs + bridges: 2 requests each) and one watched job.
        std::vector<FakeRefresh> pipelines(10, FakeRefresh{2, PollScheduler::Outcome::Changed});
        std::vector<PollScheduler::TaskId> pipelineTasks;
        for (int i = 0; i < 10; ++i)
            pipelineTasks.push_back(sim.add(QStringLiteral("pipeline %1").arg(i), &pipelines[i],
                                            PollScheduler::Mode::Active));
        FakeRefresh job{1, PollScheduler::Outcome::Changed};
        sim.add(QStringLiteral("job"), &job, PollScheduler::Mode::Active);

        sim.runFor(20 * kMinute);
        scheduler.setWindowVisible(false);
        const qint64 hiddenAt = clock.nowMs();
        sim.runFor(10 * kMinute);
        scheduler.setWindowVisible(true);
        const qint64 shownAt = clock.nowMs();
        sim.runFor(10 * kMinute);
        scheduler.observeRateLimit(5, 100); // under 10% left
        QCOMPARE(scheduler.effectiveBudget(), 30);
        const qint64 limitedAt = clock.nowMs();
        sim.runFor(10 * kMinute);
        scheduler.observeRateLimit(80, 100);
        QCOMPARE(scheduler.effectiveBudget(), 60);
        const qint64 restoredAt = clock.nowMs();
        // Most pipelines finish: their replies stop changing.
        for (int i = 0; i < 8; ++i)
            pipelines[i].outcome = PollScheduler::Outcome::NotModified;
        sim.runFor(10 * kMinute);
        const qint64 end = clock.nowMs();
        QCOMPARE(end - t0, 60 * kMinute);

        QVERIFY2(
            sim.worstMinute(t0, end) <= 60,
            qPrintable(QStringLiteral("worst minute: %1 requests").arg(sim.worstMinute(t0, end))));
        // Busy while visible: the budget is used, not wasted (more than half of it).
        QVERIFY(sim.sentBetween(t0, hiddenAt) > 20 * 30);
        // Hidden: nothing at all. (Replies in flight at the moment of hiding may still finish.)
        QCOMPARE(sim.sentBetween(hiddenAt, shownAt), 0);
        QVERIFY(sim.sentBetween(shownAt, shownAt + kMinute) > 0);
        // Close to GitLab's limit: half the budget. The first minute may still hold requests
        // booked before the warning.
        QVERIFY2(sim.worstMinute(limitedAt + kMinute, restoredAt) <= 30,
                 qPrintable(QString::number(sim.worstMinute(limitedAt + kMinute, restoredAt))));
        QVERIFY(sim.sentBetween(limitedAt + kMinute, restoredAt) > 0);
        // Unchanged pipelines slow down: their intervals grew past the active interval.
        QVERIFY(scheduler.currentIntervalMs(pipelineTasks[0]) >
                scheduler.options().activeIntervalMs);
        QCOMPARE(scheduler.currentIntervalMs(pipelineTasks[9]),
                 scheduler.options().activeIntervalMs);
    }

    void notModifiedStretchesTheIntervalUpToTheCap()
    {
        ManualClock clock;
        PollScheduler scheduler(&clock);
        Simulation sim(scheduler, clock);
        FakeRefresh unchanged{1, PollScheduler::Outcome::NotModified};
        const auto id = sim.add(QStringLiteral("idle list"), &unchanged, PollScheduler::Mode::Idle);
        sim.runFor(60 * kMinute, 1000);
        const std::vector<qint64> runs = sim.runs(id);
        QVERIFY(runs.size() >= 5);
        for (size_t i = 2; i < runs.size(); ++i)
            QVERIFY(runs[i] - runs[i - 1] >= runs[i - 1] - runs[i - 2]);
        QVERIFY(runs[2] - runs[1] > scheduler.options().idleIntervalMs);
        QVERIFY(runs.back() - runs[runs.size() - 2] <= scheduler.options().maxIntervalMs + 2000);
        QCOMPARE(scheduler.currentIntervalMs(id), scheduler.options().maxIntervalMs);

        // A change restores the idle rhythm; becoming active polls fast.
        unchanged.outcome = PollScheduler::Outcome::Changed;
        scheduler.pollNow(id);
        sim.runFor(1000);
        QCOMPARE(scheduler.currentIntervalMs(id), scheduler.options().idleIntervalMs);
        scheduler.setMode(id, PollScheduler::Mode::Active);
        QCOMPARE(scheduler.currentIntervalMs(id), scheduler.options().activeIntervalMs);
        QVERIFY(scheduler.nextDueMs(id) <= clock.nowMs() + scheduler.options().activeIntervalMs);
    }

    void failuresBackOffAndOffMeansManualOnly()
    {
        ManualClock clock;
        PollScheduler scheduler(&clock);
        Simulation sim(scheduler, clock);
        FakeRefresh offline{1, PollScheduler::Outcome::Failed};
        const auto id = sim.add(QStringLiteral("offline"), &offline, PollScheduler::Mode::Active);
        sim.runFor(10 * kMinute, 1000);
        // 15 s doubling per failure, capped at 5 min: a handful of attempts, not hundreds.
        QVERIFY(sim.runs(id).size() <= 8);
        QVERIFY(sim.runs(id).size() >= 4);

        FakeRefresh finished{1, PollScheduler::Outcome::Changed};
        const auto done =
            sim.add(QStringLiteral("finished pipeline"), &finished, PollScheduler::Mode::Off);
        sim.runFor(10 * kMinute, 1000);
        QCOMPARE(sim.runs(done).size(), size_t(0));
        scheduler.pollNow(done);
        QCOMPARE(sim.runs(done).size(), size_t(1));
    }

    void pollNowIsNotHeldByTheBudgetButCounts()
    {
        ManualClock clock;
        PollScheduler::Options options;
        options.budgetPerMinute = 4;
        PollScheduler scheduler(options, &clock);
        Simulation sim(scheduler, clock);
        FakeRefresh big{4, PollScheduler::Outcome::Changed};
        FakeRefresh small{1, PollScheduler::Outcome::Changed};
        sim.add(QStringLiteral("big"), &big, PollScheduler::Mode::Active);
        sim.runFor(1000);
        QCOMPARE(scheduler.requestsInLastMinute(), 4);
        const auto id = sim.add(QStringLiteral("small"), &small, PollScheduler::Mode::Active);
        sim.runFor(1000);
        QCOMPARE(sim.runs(id).size(), size_t(0)); // budget spent: waits
        QVERIFY(scheduler.nextDueMs(id) <= clock.nowMs());
        scheduler.pollNow(id);
        QCOMPARE(sim.runs(id).size(), size_t(1)); // the user asked: runs at once
        QCOMPARE(scheduler.requestsInLastMinute(), 5);
    }

    void offlinePausesAndResumesEveryTaskAtOnce()
    {
        ManualClock clock;
        PollScheduler scheduler(&clock);
        Simulation sim(scheduler, clock);
        FakeRefresh failing{1, PollScheduler::Outcome::Failed};
        const auto active =
            sim.add(QStringLiteral("active"), &failing, PollScheduler::Mode::Active);
        const auto idle = sim.add(QStringLiteral("idle"), &failing, PollScheduler::Mode::Idle);
        sim.runFor(1000);
        QCOMPARE(sim.runs(active).size(), size_t(1));
        QCOMPARE(sim.runs(idle).size(), size_t(1));

        scheduler.setOffline(true);
        QVERIFY(scheduler.isOffline());
        sim.runFor(30 * kMinute, 1000);
        QCOMPARE(sim.runs(active).size(), size_t(1));
        QCOMPARE(sim.runs(idle).size(), size_t(1));

        // Back online: both run now, not at their (failure-stretched) next due time, and the
        // outage's failures no longer stretch their intervals.
        scheduler.setOffline(false);
        sim.runFor(1000);
        QCOMPARE(sim.runs(active).size(), size_t(2));
        QCOMPARE(sim.runs(idle).size(), size_t(2));
        // One failure since the reset (the run just now), not two.
        QCOMPARE(scheduler.currentIntervalMs(active), scheduler.options().activeIntervalMs * 2);

        // A short outage: coming back refreshes at once, before the tasks' next due time.
        scheduler.setOffline(true);
        sim.runFor(5000, 1000);
        QVERIFY(scheduler.nextDueMs(idle) > clock.nowMs() + 10'000);
        scheduler.setOffline(false);
        sim.runFor(1000);
        QCOMPARE(sim.runs(active).size(), size_t(3));
        QCOMPARE(sim.runs(idle).size(), size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestPollScheduler)
#include "tst_poll_scheduler.moc"
