#pragma once

#include "actions/action_controller.h"
#include "watch/notifier.h"
#include "watch/watch_event.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimeZone>
#include <QTimer>

namespace pipedeck::gitlab {
class Clock;
class Connection;
} // namespace pipedeck::gitlab

namespace pipedeck::watch {

class Watcher;

struct NotificationOptions
{
    //! Events that arrive within this long of the first are shown together...
    qint64 coalesceMs = 1'500;
    //! ...as one summary notification when there are at least this many.
    int burstThreshold = 4;
};

//! Turns the watchers' events into desktop notifications and the notifications' buttons into
//! the same actions the window runs.
//!
//! - One notification per pipeline (key "<account>|<pipeline>"), updated in place.
//! - Events arriving together (a burst: 20 pipelines failing at once) become one summary.
//! - Paused (for an hour, until tomorrow morning), events are dropped, not saved up.
//! - Buttons: Open Pipeline always; Retry Failed Jobs and Open Log for failures; Play for a
//!   manual job waiting. Retry and Play go through the account's ActionController with the
//!   window's rules: ActionRules decide whether they are offered (a read-only token gets
//!   none), an action that needsConfirmation() is never run from a notification (it opens the
//!   pipeline instead), and each click sends its POST once.
//! Time comes from the injected clock.
class NotificationCenter : public QObject
{
    Q_OBJECT
public:
    NotificationCenter(Notifier *notifier, gitlab::Clock *clock, NotificationOptions options = {},
                       QObject *parent = nullptr);
    ~NotificationCenter() override;

    //! An account whose watchers post here, and what its buttons act through.
    void addAccount(const QString &accountId, gitlab::Connection *connection,
                    actions::ActionController *actions, bool canWrite);
    void removeAccount(const QString &accountId);
    void follow(Watcher *watcher);

    void post(const WatchEvent &event);

    void pauseFor(qint64 ms);
    //! Until 08:00 tomorrow in `zone` (the system's by default).
    void pauseUntilTomorrow(const QTimeZone &zone = QTimeZone::systemTimeZone());
    void resume();
    bool isPaused() const;
    qint64 pausedUntilMs() const { return m_pausedUntilMs; }
    //! 08:00 on the day after `nowMs` in `zone`, as epoch ms.
    static qint64 tomorrowMorningMs(qint64 nowMs, const QTimeZone &zone);

    //! The notification an event gives (pure; for tests and the tray's fallback).
    static Notification notificationFor(const WatchEvent &event, bool canWrite);
    static QString keyFor(const QString &accountId, qint64 pipelineId);

Q_SIGNALS:
    void openPipelineRequested(const QString &accountId, qint64 projectId, qint64 pipelineId);
    void openJobLogRequested(const QString &accountId, qint64 projectId, qint64 jobId);
    //! The summary was clicked: show what is watched.
    void openWatchedRequested();
    void pausedChanged(bool paused);
    //! A button's action ran (ok or not); the notification was updated with its outcome.
    void actionFinished(const pipedeck::actions::ActionResult &result);

private:
    struct Account
    {
        QPointer<gitlab::Connection> connection;
        QPointer<actions::ActionController> actions;
        bool canWrite = false;
    };
    struct Shown
    {
        WatchEvent event;
    };

    void flush();
    void flushWhenDue();
    //! A pause that ran out ends (told through pausedChanged).
    void checkPause();
    void showSummary(const QList<WatchEvent> &events);
    void onAction(const QString &key, const QString &action);
    void retry(const WatchEvent &event);
    void openFirstFailedLog(const WatchEvent &event);
    void playFirstManualJob(const WatchEvent &event);
    void runAction(const WatchEvent &event, actions::ActionKind kind,
                   const actions::ActionTarget &target);
    void onActionFinished(const actions::ActionResult &result);
    //! Updates the pipeline's notification with what a button's action did.
    void tellOutcome(const WatchEvent &event, const QString &title, const QString &body,
                     bool critical);

    QPointer<Notifier> m_notifier;
    QPointer<gitlab::Clock> m_clock;
    NotificationOptions m_options;
    QHash<QString, Account> m_accounts;
    QHash<QString, Shown> m_shown; //!< key -> what the notification is about
    QList<WatchEvent> m_batch;
    qint64 m_batchDueMs = 0;
    QTimer m_flushTimer;
    QTimer m_pauseTimer;
    qint64 m_pausedUntilMs = 0;
    //! (controller, ticket) -> the event whose button started it
    QHash<QPair<actions::ActionController *, quint64>, WatchEvent> m_tickets;
};

} // namespace pipedeck::watch
