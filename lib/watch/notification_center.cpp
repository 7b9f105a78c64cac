#include "watch/notification_center.h"

#include "actions/action_rules.h"
#include "gitlab/net/clock.h"
#include "gitlab/net/connection.h"
#include "gitlab/requests/job_requests.h"
#include "models/loaders/launch.h"
#include "watch/watch_logging.h"
#include "watch/watcher.h"

#include <QDateTime>

#include <algorithm>

namespace pipedeck::watch {

using actions::ActionKind;
using gitlab::CiStatus;

namespace {

const QString kSummaryKey = QStringLiteral("summary");
constexpr int kSummaryLines = 5;
constexpr int kMorningHour = 8;

QString pipelineLabel(const WatchEvent &event)
{
    return QStringLiteral("#") + QString::number(event.pipeline.id);
}

QString subjectLine(const WatchEvent &event)
{
    QStringList parts;
    if (!event.projectPath.isEmpty())
        parts << event.projectPath;
    if (!event.pipeline.ref.isEmpty())
        parts << event.pipeline.ref;
    return parts.join(QStringLiteral(" · "));
}

//! The first job of a pipeline's list in pipeline order (GitLab lists newest first).
const gitlab::Job *earliest(const QList<gitlab::Job> &jobs)
{
    const auto it =
        std::min_element(jobs.cbegin(), jobs.cend(),
                         [](const gitlab::Job &a, const gitlab::Job &b) { return a.id < b.id; });
    return it == jobs.cend() ? nullptr : &*it;
}

} // namespace

NotificationCenter::NotificationCenter(Notifier *notifier, gitlab::Clock *clock,
                                       NotificationOptions options, QObject *parent)
    : QObject(parent)
    , m_notifier(notifier)
    , m_clock(clock)
    , m_options(options)
{
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &NotificationCenter::flushWhenDue);
    m_pauseTimer.setSingleShot(true);
    connect(&m_pauseTimer, &QTimer::timeout, this, &NotificationCenter::checkPause);
    if (m_clock) {
        connect(m_clock, &gitlab::Clock::advanced, this, &NotificationCenter::flushWhenDue);
        connect(m_clock, &gitlab::Clock::advanced, this, &NotificationCenter::checkPause);
    }
    if (m_notifier) {
        connect(m_notifier, &Notifier::actionInvoked, this, &NotificationCenter::onAction);
        connect(m_notifier, &Notifier::dismissed, this,
                [this](const QString &key) { m_shown.remove(key); });
    }
}

NotificationCenter::~NotificationCenter() = default;

QString NotificationCenter::keyFor(const QString &accountId, qint64 pipelineId)
{
    return accountId + QLatin1Char('|') + QString::number(pipelineId);
}

void NotificationCenter::addAccount(const QString &accountId, gitlab::Connection *connection,
                                    actions::ActionController *actions, bool canWrite)
{
    m_accounts.insert(accountId, Account{connection, actions, canWrite});
    if (actions)
        connect(actions, &actions::ActionController::finished, this,
                &NotificationCenter::onActionFinished, Qt::UniqueConnection);
}

void NotificationCenter::removeAccount(const QString &accountId)
{
    m_accounts.remove(accountId);
}

void NotificationCenter::follow(Watcher *watcher)
{
    connect(watcher, &Watcher::transition, this, &NotificationCenter::post);
}

bool NotificationCenter::isPaused() const
{
    return m_clock && m_clock->nowMs() < m_pausedUntilMs;
}

void NotificationCenter::pauseFor(qint64 ms)
{
    if (!m_clock)
        return;
    m_pausedUntilMs = m_clock->nowMs() + std::max<qint64>(0, ms);
    m_batch.clear();
    // Re-armed in steps: a day does not fit QTimer's int, and the clock may be a test's.
    m_pauseTimer.start(static_cast<int>(std::min<qint64>(ms, 60 * 60'000)));
    qCInfo(lcWatch) << "notifications paused until"
                    << QDateTime::fromMSecsSinceEpoch(m_pausedUntilMs, Qt::UTC);
    Q_EMIT pausedChanged(true);
}

qint64 NotificationCenter::tomorrowMorningMs(qint64 nowMs, const QTimeZone &zone)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, zone);
    return QDateTime(now.date().addDays(1), QTime(kMorningHour, 0), zone).toMSecsSinceEpoch();
}

void NotificationCenter::pauseUntilTomorrow(const QTimeZone &zone)
{
    if (!m_clock)
        return;
    pauseFor(tomorrowMorningMs(m_clock->nowMs(), zone) - m_clock->nowMs());
}

void NotificationCenter::resume()
{
    if (!m_pausedUntilMs)
        return;
    m_pausedUntilMs = 0;
    m_pauseTimer.stop();
    Q_EMIT pausedChanged(false);
}

void NotificationCenter::checkPause()
{
    if (!m_pausedUntilMs || !m_clock)
        return;
    const qint64 left = m_pausedUntilMs - m_clock->nowMs();
    if (left > 0) {
        if (!m_pauseTimer.isActive())
            m_pauseTimer.start(static_cast<int>(std::min<qint64>(left, 60 * 60'000)));
        return;
    }
    resume();
}

Notification NotificationCenter::notificationFor(const WatchEvent &event, bool canWrite)
{
    Notification notification;
    notification.key = keyFor(event.accountId, event.pipeline.id);
    notification.body = subjectLine(event);
    const QString name = pipelineLabel(event);
    notification.actions.append({QStringLiteral("default"), tr("Open Pipeline")});
    notification.actions.append({QStringLiteral("open"), tr("Open Pipeline")});
    const auto offerRetry = [&] {
        if (actions::ActionRules::forPipeline(ActionKind::RetryPipeline, {event.pipeline.status},
                                              canWrite)
                .enabled)
            notification.actions.append({QStringLiteral("retry"), tr("Retry Failed Jobs")});
    };
    switch (event.outcome) {
    case Outcome::Failed:
        notification.title = tr("Pipeline %1 failed").arg(name);
        notification.critical = true;
        offerRetry();
        notification.actions.append({QStringLiteral("log"), tr("Open Log")});
        break;
    case Outcome::Succeeded:
        notification.title = tr("Pipeline %1 passed").arg(name);
        break;
    case Outcome::Canceled:
        notification.title = tr("Pipeline %1 was canceled").arg(name);
        offerRetry();
        break;
    case Outcome::ManualWaiting:
        notification.title = tr("Pipeline %1 is waiting for a manual job").arg(name);
        if (actions::ActionRules::forJob(ActionKind::PlayJob, {CiStatus::Manual}, canWrite).enabled)
            notification.actions.append({QStringLiteral("play"), tr("Play")});
        break;
    case Outcome::LongRunning:
        notification.title =
            tr("Pipeline %1 has been running for %n min", nullptr, event.runningMinutes).arg(name);
        break;
    }
    return notification;
}

void NotificationCenter::post(const WatchEvent &event)
{
    if (isPaused()) {
        qCDebug(lcWatch) << "paused: not telling about pipeline" << event.pipeline.id;
        return;
    }
    if (!m_clock)
        return;
    // The same pipeline twice in one batch: only its latest state is news.
    m_batch.erase(std::remove_if(m_batch.begin(), m_batch.end(),
                                 [&event](const WatchEvent &queued) {
                                     return queued.accountId == event.accountId &&
                                            queued.pipeline.id == event.pipeline.id;
                                 }),
                  m_batch.end());
    m_batch.append(event);
    if (m_batch.size() == 1) {
        m_batchDueMs = m_clock->nowMs() + m_options.coalesceMs;
        m_flushTimer.start(static_cast<int>(m_options.coalesceMs));
    }
}

void NotificationCenter::flushWhenDue()
{
    if (m_batch.isEmpty() || !m_clock)
        return;
    const qint64 now = m_clock->nowMs();
    if (now < m_batchDueMs) {
        m_flushTimer.start(static_cast<int>(m_batchDueMs - now));
        return;
    }
    flush();
}

void NotificationCenter::flush()
{
    const QList<WatchEvent> batch = std::exchange(m_batch, {});
    if (batch.isEmpty() || !m_notifier || isPaused())
        return;
    if (batch.size() >= m_options.burstThreshold) {
        showSummary(batch);
        return;
    }
    for (const WatchEvent &event : batch) {
        const Notification notification =
            notificationFor(event, m_accounts.value(event.accountId).canWrite);
        m_shown.insert(notification.key, Shown{event});
        m_notifier->show(notification);
    }
}

void NotificationCenter::showSummary(const QList<WatchEvent> &events)
{
    const int count = static_cast<int>(events.size());
    const bool allFailed = std::all_of(events.cbegin(), events.cend(), [](const WatchEvent &e) {
        return e.outcome == Outcome::Failed;
    });
    const bool anyFailed = std::any_of(events.cbegin(), events.cend(), [](const WatchEvent &e) {
        return e.outcome == Outcome::Failed;
    });
    Notification notification;
    notification.key = kSummaryKey;
    notification.critical = anyFailed;
    notification.title = allFailed ? tr("%n pipelines failed", nullptr, count)
                                   : tr("%n watched pipelines changed", nullptr, count);
    QStringList lines;
    for (const WatchEvent &event : events.mid(0, kSummaryLines)) {
        const QString subject = subjectLine(event);
        lines << (subject.isEmpty() ? pipelineLabel(event)
                                    : pipelineLabel(event) + QLatin1Char(' ') + subject);
    }
    if (count > kSummaryLines)
        lines << tr("and %n more", nullptr, count - kSummaryLines);
    notification.body = lines.join(QLatin1Char('\n'));
    notification.actions.append({QStringLiteral("default"), tr("Show Watched Pipelines")});
    notification.actions.append({QStringLiteral("open"), tr("Show Watched Pipelines")});
    qCInfo(lcWatch) << count << "events at once: one summary notification";
    m_shown.remove(kSummaryKey);
    m_notifier->show(notification);
}

void NotificationCenter::onAction(const QString &key, const QString &action)
{
    if (key == kSummaryKey) {
        Q_EMIT openWatchedRequested();
        return;
    }
    const auto shown = m_shown.constFind(key);
    if (shown == m_shown.cend())
        return;
    const WatchEvent event = shown->event;
    qCInfo(lcWatch) << "notification action" << action << "on pipeline" << event.pipeline.id;
    if (action == QLatin1String("retry"))
        retry(event);
    else if (action == QLatin1String("log"))
        openFirstFailedLog(event);
    else if (action == QLatin1String("play"))
        playFirstManualJob(event);
    else
        Q_EMIT openPipelineRequested(event.accountId, event.pipeline.projectId, event.pipeline.id);
}

void NotificationCenter::runAction(const WatchEvent &event, ActionKind kind,
                                   const actions::ActionTarget &target)
{
    const Account account = m_accounts.value(event.accountId);
    const QString key = keyFor(event.accountId, event.pipeline.id);
    // What the window would ask about first is not done from a notification: show it there.
    if (actions::needsConfirmation(kind) || !account.actions) {
        Q_EMIT openPipelineRequested(event.accountId, event.pipeline.projectId, event.pipeline.id);
        return;
    }
    const quint64 ticket = account.actions->run(kind, target);
    if (!ticket)
        return; // the same action on it is still running: one click, one POST
    m_tickets.insert({account.actions.data(), ticket}, event);
}

void NotificationCenter::retry(const WatchEvent &event)
{
    const Account account = m_accounts.value(event.accountId);
    if (!actions::ActionRules::forPipeline(ActionKind::RetryPipeline, {event.pipeline.status},
                                           account.canWrite)
             .enabled)
        return;
    actions::ActionTarget target;
    target.projectId = event.pipeline.projectId;
    target.id = event.pipeline.id;
    runAction(event, ActionKind::RetryPipeline, target);
}

void NotificationCenter::openFirstFailedLog(const WatchEvent &event)
{
    const Account account = m_accounts.value(event.accountId);
    if (!account.connection) {
        Q_EMIT openPipelineRequested(event.accountId, event.pipeline.projectId, event.pipeline.id);
        return;
    }
    auto *jobs = new gitlab::ListPipelineJobs(event.pipeline.projectId, event.pipeline.id, false,
                                              {QStringLiteral("failed")});
    models::launch(
        account.connection.data(), jobs, this, gitlab::Priority::Interactive,
        [this, event](const gitlab::ListPipelineJobs &done) {
            const gitlab::Job *job = done.status().ok() ? earliest(done.jobs()) : nullptr;
            if (job)
                Q_EMIT openJobLogRequested(event.accountId, event.pipeline.projectId, job->id);
            else
                Q_EMIT openPipelineRequested(event.accountId, event.pipeline.projectId,
                                             event.pipeline.id);
        });
}

void NotificationCenter::playFirstManualJob(const WatchEvent &event)
{
    const Account account = m_accounts.value(event.accountId);
    if (!account.connection ||
        !actions::ActionRules::forJob(ActionKind::PlayJob, {CiStatus::Manual}, account.canWrite)
             .enabled)
        return;
    auto *jobs = new gitlab::ListPipelineJobs(event.pipeline.projectId, event.pipeline.id, false,
                                              {QStringLiteral("manual")});
    models::launch(
        account.connection.data(), jobs, this, gitlab::Priority::Interactive,
        [this, event](const gitlab::ListPipelineJobs &done) {
            const gitlab::Job *job = done.status().ok() ? earliest(done.jobs()) : nullptr;
            if (!job) {
                tellOutcome(event, tr("Pipeline %1: nothing to play").arg(pipelineLabel(event)),
                            done.status().ok() ? tr("No manual job is waiting any more.")
                                               : done.status().userText(),
                            false);
                return;
            }
            actions::ActionTarget target;
            target.projectId = event.pipeline.projectId;
            target.id = job->id;
            target.pipelineId = event.pipeline.id;
            runAction(event, ActionKind::PlayJob, target);
        });
}

void NotificationCenter::onActionFinished(const actions::ActionResult &result)
{
    auto *controller = qobject_cast<actions::ActionController *>(sender());
    const auto ticket = m_tickets.constFind({controller, result.ticket});
    if (ticket == m_tickets.cend())
        return; // the window's own action
    const WatchEvent event = *ticket;
    m_tickets.erase(ticket);
    const QString name = pipelineLabel(event);
    const bool retry = result.kind == ActionKind::RetryPipeline;
    if (result.ok()) {
        tellOutcome(event,
                    retry ? tr("Pipeline %1: failed jobs retried").arg(name)
                          : tr("Pipeline %1: manual job started").arg(name),
                    retry ? tr("GitLab is running the failed jobs again.")
                          : tr("GitLab started the manual job."),
                    false);
    } else {
        tellOutcome(event,
                    retry ? tr("Pipeline %1: retry failed").arg(name)
                          : tr("Pipeline %1: the manual job did not start").arg(name),
                    result.outcome == actions::ActionResult::Outcome::Unresolved
                        ? tr("The reply was lost and GitLab could not be asked what happened. "
                             "It was not sent again.")
                        : result.status.userText(),
                    true);
    }
    Q_EMIT actionFinished(result);
}

void NotificationCenter::tellOutcome(const WatchEvent &event, const QString &title,
                                     const QString &body, bool critical)
{
    if (!m_notifier)
        return;
    Notification notification;
    notification.key = keyFor(event.accountId, event.pipeline.id);
    notification.title = title;
    notification.body = body;
    notification.critical = critical;
    notification.actions.append({QStringLiteral("default"), tr("Open Pipeline")});
    notification.actions.append({QStringLiteral("open"), tr("Open Pipeline")});
    m_shown.insert(notification.key, Shown{event});
    m_notifier->show(notification);
}

} // namespace pipedeck::watch
