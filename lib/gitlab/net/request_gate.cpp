#include "gitlab/net/request_gate.h"

#include "core/logging.h"
#include "gitlab/net/clock.h"

#include <algorithm>
#include <limits>

namespace pipedeck::gitlab {

namespace {
constexpr qint64 kWindowMs = 60'000;
}

RequestGate::RequestGate(Options options, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock)
{
    Q_ASSERT(clock);
    m_options.maxInFlight = std::max(1, m_options.maxInFlight);
    m_options.requestsPerMinute = std::max(1, m_options.requestsPerMinute);
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &RequestGate::pump);
    connect(clock, &Clock::advanced, this, &RequestGate::pump);
}

RequestGate::Ticket RequestGate::enqueue(Priority priority, qint64 notBeforeMs,
                                         std::function<void()> start)
{
    const Ticket ticket = m_nextTicket++;
    m_queue.push_back({ticket, priority, notBeforeMs, std::move(start)});
    pump();
    return ticket;
}

void RequestGate::finished(Ticket ticket)
{
    if (m_running.erase(ticket) > 0) {
        --m_inFlight;
        pump();
    }
}

void RequestGate::cancel(Ticket ticket)
{
    const auto it = std::find_if(m_queue.begin(), m_queue.end(),
                                 [ticket](const Waiting &w) { return w.ticket == ticket; });
    if (it != m_queue.end()) {
        m_queue.erase(it);
        pump(); // also tells a running pump() that the queue changed under it
        return;
    }
    finished(ticket);
}

void RequestGate::holdUntil(qint64 untilMs)
{
    if (untilMs > m_heldUntil) {
        m_heldUntil = untilMs;
        qCInfo(lcNet) << "account held for" << (untilMs - m_clock->nowMs()) << "ms after 429";
    }
    pump();
}

bool RequestGate::isHeld() const
{
    return m_clock->nowMs() < m_heldUntil;
}

void RequestGate::observeRateLimit(qint64 remaining, qint64 limit, qint64 resetMs)
{
    if (limit <= 0 || remaining < 0)
        return;
    if (remaining * 10 < limit) {
        const qint64 now = m_clock->nowMs();
        m_budgetHalvedUntil =
            std::max(m_budgetHalvedUntil, resetMs > now ? resetMs : now + kWindowMs);
    }
}

int RequestGate::effectiveBudget() const
{
    const int budget = m_options.requestsPerMinute;
    return m_clock->nowMs() < m_budgetHalvedUntil ? std::max(1, budget / 2) : budget;
}

int RequestGate::admittedLastMinute() const
{
    prune(m_clock->nowMs());
    return static_cast<int>(m_admitted.size());
}

void RequestGate::prune(qint64 now) const
{
    while (!m_admitted.empty() && m_admitted.front() <= now - kWindowMs)
        m_admitted.pop_front();
}

void RequestGate::pump()
{
    if (m_pumping) {
        m_pumpAgain = true;
        return;
    }
    m_pumping = true;
    do {
        m_pumpAgain = false;
        const qint64 now = m_clock->nowMs();
        prune(now);
        if (now < m_heldUntil)
            break;
        const int budget = effectiveBudget();
        // Interactive first, then background; within a priority, arrival order.
        for (Priority priority : {Priority::Interactive, Priority::Background}) {
            for (auto it = m_queue.begin();
                 it != m_queue.end() && m_inFlight < m_options.maxInFlight;) {
                if (it->priority != priority || it->notBefore > now) {
                    ++it;
                    continue;
                }
                if (priority == Priority::Background &&
                    static_cast<int>(m_admitted.size()) >= budget)
                    break;
                Waiting admitted = std::move(*it);
                it = m_queue.erase(it);
                m_running.emplace(admitted.ticket, true);
                ++m_inFlight;
                ++m_admittedTotal;
                m_admitted.push_back(now);
                admitted.start();
                if (m_pumpAgain)
                    break; // start() re-entered us (e.g. finished synchronously): rescan
            }
            if (m_pumpAgain)
                break;
        }
    } while (m_pumpAgain);
    m_pumping = false;
    scheduleWake(m_clock->nowMs());
}

void RequestGate::scheduleWake(qint64 now)
{
    if (m_queue.empty()) {
        m_wake.stop();
        return;
    }
    qint64 wakeAt = std::numeric_limits<qint64>::max();
    if (now < m_heldUntil)
        wakeAt = m_heldUntil;
    for (const Waiting &w : m_queue) {
        if (w.notBefore > now)
            wakeAt = std::min(wakeAt, std::max(w.notBefore, m_heldUntil));
    }
    const bool budgetBlocked =
        std::any_of(m_queue.begin(), m_queue.end(),
                    [&](const Waiting &w) {
                        return w.priority == Priority::Background && w.notBefore <= now;
                    }) &&
        static_cast<int>(m_admitted.size()) >= effectiveBudget() && !m_admitted.empty();
    if (budgetBlocked)
        wakeAt = std::min(wakeAt, std::max(m_admitted.front() + kWindowMs, m_heldUntil));
    if (wakeAt == std::numeric_limits<qint64>::max()) {
        m_wake.stop(); // only waiting for a slot: finished() pumps
        return;
    }
    const qint64 delay = std::clamp<qint64>(wakeAt - now, 0, std::numeric_limits<int>::max());
    m_wake.start(static_cast<int>(delay));
}

} // namespace pipedeck::gitlab
