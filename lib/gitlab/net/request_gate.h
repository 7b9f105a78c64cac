#pragma once

#include "gitlab/net/clock.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <deque>
#include <functional>
#include <map>

namespace pipedeck::gitlab {

//! User actions and what the user is looking at go before background polling.
enum class Priority { Interactive = 0, Background = 1 };

//! Admission control for one account: every request of a Connection waits here for a slot.
//!
//! - At most `maxInFlight` requests on the wire.
//! - Background requests stay within `requestsPerMinute` (a sliding 60 s window); interactive
//!   ones count against it but are never held by it, so a click is not delayed by polling.
//!   The budget halves while GitLab's RateLimit-Remaining is under 10% of RateLimit-Limit.
//! - After a 429 nothing of this account is admitted until the Retry-After deadline.
//! - Retries wait for their backoff (`notBeforeMs`).
//! Time comes from an injectable Clock; the gate re-checks whenever it advances.
class RequestGate : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxInFlight = 4;
        int requestsPerMinute = 60;
    };
    using Ticket = quint64;

    RequestGate(Options options, Clock *clock, QObject *parent = nullptr);

    //! `start` runs (from the event loop or synchronously inside enqueue/finished) once the
    //! request is admitted; the caller must then call finished(ticket) exactly once.
    Ticket enqueue(Priority priority, qint64 notBeforeMs, std::function<void()> start);
    void finished(Ticket ticket);
    //! Drops a waiting request, or frees the slot of a running one.
    void cancel(Ticket ticket);

    //! A 429 arrived: hold the whole account until `untilMs` (never shortens an existing hold).
    void holdUntil(qint64 untilMs);
    qint64 heldUntilMs() const { return m_heldUntil; }
    bool isHeld() const;

    //! RateLimit-Remaining / RateLimit-Limit / RateLimit-Reset (epoch ms, 0 if absent).
    void observeRateLimit(qint64 remaining, qint64 limit, qint64 resetMs);
    int effectiveBudget() const;

    int inFlight() const { return m_inFlight; }
    int waiting() const { return static_cast<int>(m_queue.size()); }
    //! Requests admitted in the last 60 s.
    int admittedLastMinute() const;
    quint64 admittedTotal() const { return m_admittedTotal; }

    const Options &options() const { return m_options; }
    Clock *clock() const { return m_clock; }

private:
    struct Waiting
    {
        Ticket ticket;
        Priority priority;
        qint64 notBefore;
        std::function<void()> start;
    };

    void pump();
    void prune(qint64 now) const;
    void scheduleWake(qint64 now);

    Options m_options;
    QPointer<Clock> m_clock;
    std::deque<Waiting> m_queue; // in arrival order; priority picked at pump time
    std::map<Ticket, bool> m_running;
    mutable std::deque<qint64> m_admitted; // admission times within the window
    Ticket m_nextTicket = 1;
    int m_inFlight = 0;
    qint64 m_heldUntil = 0;
    qint64 m_budgetHalvedUntil = 0;
    quint64 m_admittedTotal = 0;
    bool m_pumping = false;
    bool m_pumpAgain = false;
    QTimer m_wake;
};

} // namespace pipedeck::gitlab
