// The per-account request gate on a manual clock: concurrency cap, priorities, the
// requests-per-minute budget, 429 holds and RateLimit-Remaining.
#include "gitlab/net/clock.h"
#include "gitlab/net/request_gate.h"

#include <QTest>

using namespace pipedeck::gitlab;

class TestGitlabGate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void capsRequestsInFlight()
    {
        ManualClock clock;
        RequestGate gate({.maxInFlight = 4, .requestsPerMinute = 1000}, &clock);
        QList<RequestGate::Ticket> started;
        QList<RequestGate::Ticket> tickets;
        for (int i = 0; i < 10; ++i) {
            const int index = i;
            tickets.append(gate.enqueue(Priority::Background, 0,
                                        [&, index] { started.append(tickets.value(index, 0)); }));
        }
        QCOMPARE(gate.inFlight(), 4);
        QCOMPARE(gate.waiting(), 6);
        gate.finished(tickets.at(0));
        QCOMPARE(gate.inFlight(), 4);
        QCOMPARE(gate.waiting(), 5);
        gate.cancel(tickets.at(9)); // a waiting one leaves the queue
        QCOMPARE(gate.waiting(), 4);
        for (int i = 1; i < 9; ++i)
            gate.finished(tickets.at(i));
        QCOMPARE(gate.inFlight(), 0);
        QCOMPARE(gate.waiting(), 0);
        QCOMPARE(gate.admittedTotal(), quint64(9));
    }

    void interactiveGoesFirst()
    {
        ManualClock clock;
        RequestGate gate({.maxInFlight = 1, .requestsPerMinute = 1000}, &clock);
        QStringList order;
        const auto first =
            gate.enqueue(Priority::Background, 0, [&] { order << QStringLiteral("poll-0"); });
        gate.enqueue(Priority::Background, 0, [&] { order << QStringLiteral("poll-1"); });
        gate.enqueue(Priority::Interactive, 0, [&] { order << QStringLiteral("click"); });
        QCOMPARE(order, QStringList{QStringLiteral("poll-0")});
        gate.finished(first);
        QCOMPARE(order.last(), QStringLiteral("click"));
    }

    void backgroundStaysWithinBudget()
    {
        ManualClock clock;
        RequestGate gate({.maxInFlight = 4, .requestsPerMinute = 60}, &clock);
        int started = 0;
        for (int i = 0; i < 150; ++i)
            gate.enqueue(Priority::Background, 0, [&] { ++started; });
        // Finish everything that starts, as fast as it starts.
        auto drain = [&] {
            while (gate.inFlight() > 0) {
                // tickets are 1..N in order; finishing unknown tickets is harmless
                for (RequestGate::Ticket t = 1; t <= 200; ++t)
                    gate.finished(t);
            }
        };
        drain();
        QCOMPARE(started, 60);
        QCOMPARE(gate.admittedLastMinute(), 60);
        clock.advance(30'000);
        drain();
        QCOMPARE(started, 60); // the window has not moved past the first admissions yet
        // A click is never held by the budget.
        bool clicked = false;
        gate.enqueue(Priority::Interactive, 0, [&] { clicked = true; });
        QVERIFY(clicked);
        clock.advance(30'001);
        drain();
        // The click still counts against this window: 59 more, not 60.
        QCOMPARE(started, 119);
        QCOMPARE(gate.admittedLastMinute(), 60);
        clock.advance(60'001);
        drain();
        QCOMPARE(started, 150);
    }

    void holdAfter429BlocksEverything()
    {
        ManualClock clock;
        RequestGate gate({.maxInFlight = 4, .requestsPerMinute = 1000}, &clock);
        gate.holdUntil(clock.nowMs() + 7000);
        QVERIFY(gate.isHeld());
        int started = 0;
        gate.enqueue(Priority::Interactive, 0, [&] { ++started; });
        gate.enqueue(Priority::Background, 0, [&] { ++started; });
        clock.advance(6999);
        QCOMPARE(started, 0);
        gate.holdUntil(clock.nowMs() - 100); // never shortens a hold
        QCOMPARE(started, 0);
        clock.advance(1);
        QCOMPARE(started, 2);
        QVERIFY(!gate.isHeld());
    }

    void retriesWaitForTheirBackoff()
    {
        ManualClock clock;
        RequestGate gate({.maxInFlight = 4, .requestsPerMinute = 1000}, &clock);
        bool started = false;
        gate.enqueue(Priority::Background, clock.nowMs() + 1500, [&] { started = true; });
        clock.advance(1499);
        QVERIFY(!started);
        clock.advance(1);
        QVERIFY(started);
    }

    void lowRemainingHalvesTheBudget()
    {
        ManualClock clock;
        RequestGate gate({.maxInFlight = 4, .requestsPerMinute = 60}, &clock);
        QCOMPARE(gate.effectiveBudget(), 60);
        gate.observeRateLimit(500, 2000, 0); // 25% left: fine
        QCOMPARE(gate.effectiveBudget(), 60);
        gate.observeRateLimit(150, 2000, (clock.nowMs() + 20'000)); // 7.5% left, reset in 20 s
        QCOMPARE(gate.effectiveBudget(), 30);
        clock.advance(20'001);
        QCOMPARE(gate.effectiveBudget(), 60);
    }
};

QTEST_GUILESS_MAIN(TestGitlabGate)
#include "tst_gitlab_gate.moc"
