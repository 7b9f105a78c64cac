#include "models/polling/poll_scheduler.h"

#include "core/logging.h"
#include "gitlab/net/clock.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pipedeck::models {

namespace {
constexpr qint64 kWindowMs = 60'000;
}

PollScheduler::PollScheduler(gitlab::Clock *clock, QObject *parent)
    : PollScheduler(Options{}, clock, parent)
{}

PollScheduler::PollScheduler(Options options, gitlab::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock)
{
    if (!m_clock) {
        m_ownedClock = new gitlab::SystemClock(this);
        m_clock = m_ownedClock;
    }
    m_options.budgetPerMinute = std::max(1, m_options.budgetPerMinute);
    m_options.activeIntervalMs = std::max(1, m_options.activeIntervalMs);
    m_options.idleIntervalMs = std::max(m_options.activeIntervalMs, m_options.idleIntervalMs);
    m_options.maxIntervalMs = std::max(m_options.idleIntervalMs, m_options.maxIntervalMs);
    m_options.notModifiedFactor = std::max(1.0, m_options.notModifiedFactor);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PollScheduler::pump);
    connect(m_clock, &gitlab::Clock::advanced, this, &PollScheduler::pump);
}

PollScheduler::~PollScheduler() = default;

PollScheduler::TaskId PollScheduler::addTask(const QString &name, std::function<void()> run,
                                             Mode mode)
{
    const TaskId id = m_nextId++;
    Task task;
    task.name = name;
    task.run = std::move(run);
    task.mode = mode;
    task.dueMs = m_clock->nowMs();
    m_tasks.emplace(id, std::move(task));
    // Not synchronously: the caller needs the id before the first run calls finished(id).
    m_timer.start(0);
    return id;
}

void PollScheduler::removeTask(TaskId id)
{
    const auto it = m_tasks.find(id);
    if (it == m_tasks.end())
        return;
    // Requests already on the wire still count against the budget.
    m_tasks.erase(it);
    schedule();
}

void PollScheduler::setMode(TaskId id, Mode mode)
{
    const auto it = m_tasks.find(id);
    if (it == m_tasks.end() || it->second.mode == mode)
        return;
    Task &task = it->second;
    const Mode before = task.mode;
    task.mode = mode;
    if (mode == Mode::Off) {
        // nothing to plan
    } else if (before == Mode::Off) {
        // Whoever switched it on has just loaded: the next poll is one interval away.
        task.dueMs = m_clock->nowMs() + intervalFor(task);
    } else if (mode == Mode::Active) {
        // Something started running: do not wait out a long idle interval.
        task.notModifiedStreak = 0;
        task.dueMs = std::min(task.dueMs, m_clock->nowMs() + m_options.activeIntervalMs);
    }
    schedule();
}

int PollScheduler::intervalFor(const Task &task) const
{
    const double base =
        task.mode == Mode::Active ? m_options.activeIntervalMs : m_options.idleIntervalMs;
    double interval = base *
                      std::pow(m_options.notModifiedFactor, std::min(task.notModifiedStreak, 30)) *
                      std::pow(2.0, std::min(task.failureStreak, 30));
    if (m_rateLimitLow)
        interval *= 2;
    return static_cast<int>(std::min<double>(interval, m_options.maxIntervalMs));
}

int PollScheduler::currentIntervalMs(TaskId id) const
{
    const auto it = m_tasks.find(id);
    return it == m_tasks.end() ? -1 : intervalFor(it->second);
}

qint64 PollScheduler::nextDueMs(TaskId id) const
{
    const auto it = m_tasks.find(id);
    if (it == m_tasks.end() || it->second.mode == Mode::Off || it->second.running)
        return -1;
    return it->second.dueMs;
}

bool PollScheduler::isRunning(TaskId id) const
{
    const auto it = m_tasks.find(id);
    return it != m_tasks.end() && it->second.running;
}

void PollScheduler::finished(TaskId id, Outcome outcome, int requestsSent)
{
    const auto it = m_tasks.find(id);
    if (it == m_tasks.end() || !it->second.running)
        return;
    Task &task = it->second;
    const qint64 now = m_clock->nowMs();
    requestsSent = std::max(0, requestsSent);
    if (requestsSent > task.reserved)
        book(requestsSent - task.reserved, now);
    else
        unbook(task.reserved - requestsSent);
    task.reserved = 0;
    task.running = false;
    task.expectedCost = std::max(1, requestsSent);
    switch (outcome) {
    case Outcome::Changed:
        task.notModifiedStreak = 0;
        task.failureStreak = 0;
        break;
    case Outcome::NotModified:
        ++task.notModifiedStreak;
        task.failureStreak = 0;
        break;
    case Outcome::Failed:
        ++task.failureStreak;
        break;
    }
    task.dueMs = task.wantsRerun ? now : now + intervalFor(task);
    task.wantsRerun = false;
    schedule();
}

void PollScheduler::pollNow(TaskId id)
{
    const auto it = m_tasks.find(id);
    if (it == m_tasks.end())
        return;
    if (it->second.running) {
        it->second.wantsRerun = true;
        return;
    }
    start(id, it->second);
}

void PollScheduler::setWindowVisible(bool visible)
{
    if (m_visible == visible)
        return;
    m_visible = visible;
    qCDebug(lcModels) << "polling" << (visible ? "resumed" : "paused: window hidden");
    schedule();
}

void PollScheduler::setOffline(bool offline)
{
    if (m_offline == offline)
        return;
    m_offline = offline;
    qCDebug(lcModels) << "polling" << (offline ? "paused: account offline" : "resumed: online");
    if (!offline) {
        const qint64 now = m_clock->nowMs();
        for (auto &[id, task] : m_tasks) {
            task.failureStreak = 0;
            task.dueMs = std::min(task.dueMs, now);
        }
    }
    schedule();
}

void PollScheduler::observeRateLimit(qint64 remaining, qint64 limit)
{
    if (limit <= 0 || remaining < 0)
        return;
    const bool low = remaining * 10 < limit;
    if (low != m_rateLimitLow) {
        qCDebug(lcModels) << "RateLimit-Remaining" << remaining << "of" << limit
                          << (low ? ": halving the polling rate" : ": polling rate restored");
        m_rateLimitLow = low;
        schedule();
    }
}

int PollScheduler::effectiveBudget() const
{
    int budget =
        m_rateLimitLow ? std::max(1, m_options.budgetPerMinute / 2) : m_options.budgetPerMinute;
    if (m_budgetSource)
        budget = std::max(1, std::min(budget, m_budgetSource()));
    return budget;
}

void PollScheduler::prune(qint64 now) const
{
    while (!m_sent.empty() && m_sent.front() <= now - kWindowMs)
        m_sent.pop_front();
}

int PollScheduler::requestsInLastMinute() const
{
    prune(m_clock->nowMs());
    return static_cast<int>(m_sent.size());
}

void PollScheduler::book(int requests, qint64 now)
{
    for (int i = 0; i < requests; ++i)
        m_sent.push_back(now);
}

void PollScheduler::unbook(int requests)
{
    // Give back the latest bookings: they were reservations for requests never sent.
    for (int i = 0; i < requests && !m_sent.empty(); ++i)
        m_sent.pop_back();
}

void PollScheduler::start(TaskId id, Task &task)
{
    const qint64 now = m_clock->nowMs();
    task.running = true;
    task.reserved = task.expectedCost;
    book(task.reserved, now);
    Q_EMIT taskStarted(task.name);
    // run() may call finished() synchronously, or even remove the task: copy it first.
    const std::function<void()> run = task.run;
    run();
    Q_UNUSED(id);
}

void PollScheduler::schedule()
{
    if (m_pumping) {
        m_pumpAgain = true;
        return;
    }
    pump();
}

void PollScheduler::pump()
{
    if (m_pumping) {
        m_pumpAgain = true;
        return;
    }
    m_pumping = true;
    qint64 wakeAt = std::numeric_limits<qint64>::max();
    do {
        m_pumpAgain = false;
        wakeAt = std::numeric_limits<qint64>::max();
        if (!m_visible || m_offline)
            break;
        const qint64 now = m_clock->nowMs();
        prune(now);
        // The most overdue task first; stop at the first one the budget cannot take yet.
        TaskId chosen = 0;
        qint64 chosenDue = std::numeric_limits<qint64>::max();
        for (auto &[id, task] : m_tasks) {
            if (task.mode == Mode::Off || task.running)
                continue;
            if (task.dueMs > now) {
                wakeAt = std::min(wakeAt, task.dueMs);
                continue;
            }
            if (task.dueMs < chosenDue) {
                chosen = id;
                chosenDue = task.dueMs;
            }
        }
        if (!chosen)
            break;
        Task &task = m_tasks.at(chosen);
        const int budget = effectiveBudget();
        const int used = static_cast<int>(m_sent.size());
        const int cost = std::min(task.expectedCost, budget);
        if (used + cost > budget) {
            // Wait until enough bookings leave the window.
            const size_t mustLeave = static_cast<size_t>(used + cost - budget);
            wakeAt = std::min(wakeAt, m_sent[mustLeave - 1] + kWindowMs);
            break;
        }
        start(chosen, task);
        m_pumpAgain = true; // look for the next due task
    } while (m_pumpAgain);
    m_pumping = false;

    if (wakeAt == std::numeric_limits<qint64>::max()) {
        m_timer.stop();
        return;
    }
    const qint64 delay = std::max<qint64>(0, wakeAt - m_clock->nowMs());
    m_timer.start(static_cast<int>(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

} // namespace pipedeck::models
