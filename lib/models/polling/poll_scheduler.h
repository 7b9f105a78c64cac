#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <deque>
#include <functional>
#include <map>

namespace pipedeck::gitlab {
class Clock;
}

namespace pipedeck::models {

//! Decides when each refresh of one account runs, so that polling stays light:
//!
//! - a task polls every `activeIntervalMs` while what it shows is running or pending, every
//!   `idleIntervalMs` while it is idle, and not at all when Off (finished things: manual
//!   refresh only);
//! - each unchanged reply (304) stretches that task's interval by `notModifiedFactor`, each
//!   failure doubles it (both up to `maxIntervalMs`); a changed reply restores it;
//! - while the window is hidden or minimised nothing polls (setWindowVisible(false)); tasks
//!   that fell due meanwhile run when it shows again;
//! - all tasks together stay within `budgetPerMinute` requests in any 60 s window, halved while
//!   GitLab's RateLimit-Remaining is under 10% of RateLimit-Limit. A task reports how many
//!   requests a run cost; the next run is admitted only if that many still fit.
//!
//! pollNow() (the user pressing refresh) runs at once and is never held back, but counts.
//! Time comes from an injectable gitlab::Clock, so tests run an hour of polling in
//! milliseconds.
class PollScheduler : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int budgetPerMinute = 60;
        int activeIntervalMs = 15'000;
        int idleIntervalMs = 60'000;
        int maxIntervalMs = 5 * 60'000;
        double notModifiedFactor = 1.5;
    };
    enum class Mode { Off, Idle, Active };
    Q_ENUM(Mode)
    enum class Outcome { Changed, NotModified, Failed };
    Q_ENUM(Outcome)
    using TaskId = int;

    //! `clock` null: the system clock.
    explicit PollScheduler(gitlab::Clock *clock = nullptr, QObject *parent = nullptr);
    PollScheduler(Options options, gitlab::Clock *clock, QObject *parent = nullptr);
    ~PollScheduler() override;

    //! `run` starts one refresh; its owner must call finished(id, ...) when it is done (also on
    //! failure). A new task is due at once (it first runs from the event loop or the next clock
    //! advance, never inside addTask()).
    TaskId addTask(const QString &name, std::function<void()> run, Mode mode = Mode::Idle);
    void removeTask(TaskId id);
    void setMode(TaskId id, Mode mode);
    void finished(TaskId id, Outcome outcome, int requestsSent = 1);
    void pollNow(TaskId id);

    void setWindowVisible(bool visible);
    bool isWindowVisible() const { return m_visible; }
    //! While the account is offline nothing polls: one probe elsewhere watches for the
    //! instance, instead of every view failing and retrying on its own. Going back online
    //! makes every task due at once (what is shown is stale) and forgets the failure streaks
    //! the outage caused.
    void setOffline(bool offline);
    bool isOffline() const { return m_offline; }
    void observeRateLimit(qint64 remaining, qint64 limit);
    //! The budget in force now (halved while the server says we are close to its limit).
    int effectiveBudget() const;
    //! Also respect another budget, e.g. the account's RequestGate::effectiveBudget(), which
    //! sees every RateLimit header of the account.
    void setBudgetSource(std::function<int()> budget) { m_budgetSource = std::move(budget); }

    const Options &options() const { return m_options; }
    int currentIntervalMs(TaskId id) const;
    qint64 nextDueMs(TaskId id) const; //!< epoch ms; -1 for unknown, Off or running tasks
    bool isRunning(TaskId id) const;
    int requestsInLastMinute() const;

Q_SIGNALS:
    //! A task was started (for the status bar: "refreshing ...").
    void taskStarted(const QString &name);

private:
    struct Task
    {
        QString name;
        std::function<void()> run;
        Mode mode = Mode::Idle;
        bool running = false;
        bool wantsRerun = false; //!< pollNow() while running
        int reserved = 0;        //!< requests booked for the run in flight
        int expectedCost = 1;
        int notModifiedStreak = 0;
        int failureStreak = 0;
        qint64 dueMs = 0;
    };

    int intervalFor(const Task &task) const;
    void start(TaskId id, Task &task);
    void book(int requests, qint64 now);
    void unbook(int requests);
    void prune(qint64 now) const;
    void schedule();
    void pump();

    Options m_options;
    QPointer<gitlab::Clock> m_clock;
    gitlab::Clock *m_ownedClock = nullptr;
    std::map<TaskId, Task> m_tasks;
    TaskId m_nextId = 1;
    mutable std::deque<qint64> m_sent; //!< one entry per request, within the last minute
    bool m_visible = true;
    bool m_offline = false;
    bool m_rateLimitLow = false;
    std::function<int()> m_budgetSource;
    bool m_pumping = false;
    bool m_pumpAgain = false;
    QTimer m_timer;
};

} // namespace pipedeck::models
