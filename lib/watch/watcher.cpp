#include "watch/watcher.h"

#include "gitlab/net/clock.h"
#include "gitlab/net/connection.h"
#include "gitlab/requests/pipeline_requests.h"
#include "models/loaders/launch.h"
#include "watch/watch_logging.h"

#include <algorithm>
#include <set>

namespace pipedeck::watch {

using gitlab::CiStatus;

namespace {

//! Explicit watches tell how their pipeline ends, whatever the account's outcomes say.
constexpr Outcomes kExplicitOutcomes =
    Outcome::Failed | Outcome::Succeeded | Outcome::Canceled | Outcome::ManualWaiting;

//! Finished pipelines older than this below the watermark are forgotten.
constexpr qint64 kForgetAfterMs = 60 * 60'000;

std::optional<Outcome> outcomeOf(CiStatus status)
{
    switch (status) {
    case CiStatus::Failed:
        return Outcome::Failed;
    case CiStatus::Success:
        return Outcome::Succeeded;
    case CiStatus::Canceled:
        return Outcome::Canceled;
    case CiStatus::Manual:
        return Outcome::ManualWaiting;
    case CiStatus::Unknown:
    case CiStatus::Created:
    case CiStatus::WaitingForResource:
    case CiStatus::Preparing:
    case CiStatus::WaitingForCallback:
    case CiStatus::Pending:
    case CiStatus::Running:
    case CiStatus::Canceling:
    case CiStatus::Skipped:
    case CiStatus::Scheduled:
        break;
    }
    return std::nullopt;
}

const char *listingName(int listing)
{
    static const char *const names[] = {"mine", "all", "children"};
    return names[listing];
}

} // namespace

Watcher::Watcher(gitlab::Connection *connection, QString accountId, QString username,
                 WatchList *watches, WatcherOptions options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_accountId(std::move(accountId))
    , m_username(std::move(username))
    , m_watches(watches)
    , m_options(options)
{
    qRegisterMetaType<WatchEvent>();
    m_scheduler = new models::PollScheduler(options.polling,
                                            connection ? &connection->clock() : nullptr, this);
    if (connection) {
        // Never more than half of what the account's gate allows in all (it halves that
        // while GitLab says the account is close to its rate limit).
        m_scheduler->setBudgetSource([connection = QPointer<gitlab::Connection>(connection)] {
            return connection ? std::max(1, connection->gate().effectiveBudget() / 2) : 1;
        });
    }
    if (m_watches) {
        connect(m_watches, &WatchList::watchAdded, this, [this](const PipelineWatch &watch) {
            if (watch.accountId != m_accountId)
                return;
            reconcileProjects();
            const auto it = m_scans.find(watch.projectId);
            if (it != m_scans.end())
                m_scheduler->setMode(it->second.task, models::PollScheduler::Mode::Active);
        });
        // Queued: a watch ends while its project's listing is being read.
        connect(
            m_watches, &WatchList::watchEnded, this,
            [this](const QString &account, qint64, WatchList::Ended) {
                if (account == m_accountId)
                    reconcileProjects();
            },
            Qt::QueuedConnection);
    }
    reconcileProjects();
}

Watcher::~Watcher()
{
    for (const auto &[project, scan] : m_scans) {
        Q_UNUSED(project);
        m_scheduler->removeTask(scan.task);
    }
}

void Watcher::setRules(const WatchRules &rules)
{
    if (rules == m_rules)
        return;
    m_rules = rules;
    reconcileProjects();
}

QList<qint64> Watcher::scannedProjects() const
{
    QList<qint64> projects;
    for (const auto &[project, scan] : m_scans) {
        Q_UNUSED(scan);
        projects.append(project);
    }
    return projects;
}

void Watcher::pollAllNow()
{
    for (const auto &[project, scan] : m_scans) {
        Q_UNUSED(project);
        m_scheduler->pollNow(scan.task);
    }
}

bool Watcher::ruleCovers(qint64 projectId) const
{
    return m_rules.enabled && m_rules.outcomes && m_rules.projects.contains(projectId);
}

Outcomes Watcher::outcomesFor(bool explicitWatch) const
{
    return explicitWatch ? (kExplicitOutcomes | (m_rules.outcomes & Outcome::LongRunning))
                         : m_rules.outcomes;
}

QList<Watcher::Listing> Watcher::listingsFor(qint64 projectId) const
{
    bool explicitPlain = false;
    bool explicitChild = false;
    if (m_watches) {
        for (const PipelineWatch &watch : m_watches->watchesOf(m_accountId)) {
            if (watch.projectId != projectId)
                continue;
            (watch.child ? explicitChild : explicitPlain) = true;
        }
    }
    QList<Listing> listings;
    const bool rule = ruleCovers(projectId);
    if (rule && m_rules.onlyMine && !m_username.isEmpty())
        listings.append(Listing::Mine);
    if (explicitPlain || (rule && !m_rules.onlyMine))
        listings.append(Listing::All);
    if (explicitChild ||
        (rule && !m_rules.onlyMine && m_rules.sources.contains(QLatin1String("parent_pipeline"))))
        listings.append(Listing::Children);
    return listings;
}

void Watcher::reconcileProjects()
{
    std::set<qint64> wanted;
    if (m_rules.enabled && m_rules.outcomes) {
        for (const qint64 project : std::as_const(m_rules.projects))
            wanted.insert(project);
    }
    if (m_watches) {
        for (const PipelineWatch &watch : m_watches->watchesOf(m_accountId))
            wanted.insert(watch.projectId);
    }
    for (auto it = m_scans.begin(); it != m_scans.end();) {
        if (wanted.count(it->first) && !listingsFor(it->first).isEmpty()) {
            ++it;
            continue;
        }
        qCDebug(lcWatch) << m_accountId << "stops watching project" << it->first;
        m_scheduler->removeTask(it->second.task);
        it = m_scans.erase(it);
    }
    for (const qint64 project : wanted) {
        if (m_scans.count(project) || listingsFor(project).isEmpty())
            continue;
        Scan &scan = m_scans[project];
        scan.task = m_scheduler->addTask(
            QStringLiteral("watch project %1").arg(project), [this, project] { runScan(project); },
            models::PollScheduler::Mode::Idle);
        qCDebug(lcWatch) << m_accountId << "watches project" << project;
    }
}

void Watcher::runScan(qint64 projectId)
{
    const auto it = m_scans.find(projectId);
    if (it == m_scans.end())
        return;
    Scan &scan = it->second;
    const QList<Listing> listings = listingsFor(projectId);
    if (!m_connection || listings.isEmpty()) {
        m_scheduler->finished(scan.task, models::PollScheduler::Outcome::NotModified, 0);
        return;
    }
    scan.outstanding = static_cast<int>(listings.size());
    scan.requests = 0;
    scan.changed = false;
    scan.failed = false;
    for (const Listing listing : listings) {
        ListingState &state = scan.listings[listing];
        gitlab::PipelineQuery query;
        query.orderBy = QStringLiteral("updated_at");
        query.sort = QStringLiteral("desc");
        query.updatedAfter = state.updatedAfter;
        if (listing == Listing::Mine)
            query.username = m_username;
        if (listing == Listing::Children)
            query.source = QStringLiteral("parent_pipeline");
        auto *request = new gitlab::ListPipelines(projectId, query);
        models::launch(m_connection.data(), request, this, gitlab::Priority::Background,
                       [this, projectId, listing](const gitlab::ListPipelines &done) {
                           const auto found = m_scans.find(projectId);
                           if (found != m_scans.end())
                               found->second.requests += std::max(1, done.pagesFetched());
                           onListing(projectId, listing, done.status().ok(), done.notModified(),
                                     done.pipelines());
                       });
    }
}

void Watcher::onListing(qint64 projectId, Listing listing, bool ok, bool notModified,
                        const QList<gitlab::Pipeline> &pipelines)
{
    const auto it = m_scans.find(projectId);
    if (it == m_scans.end())
        return;
    Scan &scan = it->second;
    ListingState &state = scan.listings[listing];
    if (!ok) {
        scan.failed = true;
    } else if (!notModified) {
        const bool learning = !state.learned;
        QDateTime newest;
        for (const gitlab::Pipeline &pipeline : pipelines) {
            consider(projectId, scan, listing, learning, pipeline);
            if (pipeline.updatedAt.isValid() && (!newest.isValid() || pipeline.updatedAt > newest))
                newest = pipeline.updatedAt;
        }
        state.learned = true;
        if (newest.isValid()) {
            const QDateTime after = newest.addMSecs(-m_options.updatedAfterMarginMs);
            if (!state.updatedAfter.isValid() || after > state.updatedAfter)
                state.updatedAfter = after;
        }
        scan.changed = true;
    }
    qCDebug(lcWatch) << m_accountId << "project" << projectId << listingName(int(listing))
                     << (ok ? (notModified ? "unchanged" : "changed") : "failed")
                     << pipelines.size();
    if (--scan.outstanding <= 0)
        settle(projectId);
}

void Watcher::consider(qint64 projectId, Scan &scan, Listing listing, bool learning,
                       const gitlab::Pipeline &pipeline)
{
    const std::optional<PipelineWatch> watch =
        m_watches ? m_watches->find(m_accountId, pipeline.id) : std::nullopt;
    const bool byRule = ruleCovers(projectId) && m_rules.matchesRef(pipeline.ref) &&
                        m_rules.matchesSource(pipeline.source) &&
                        (listing == Listing::Mine || !m_rules.onlyMine);
    if (!watch && !byRule)
        return;

    const auto known = scan.seen.constFind(pipeline.id);
    CiStatus previous = CiStatus::Unknown;
    QString previousName;
    bool firstSight = false;
    if (known != scan.seen.cend()) {
        previous = known->status;
        previousName = known->statusName;
    } else if (watch) {
        previous = watch->lastStatus;
        previousName = watch->lastStatusName;
        firstSight = previous == CiStatus::Unknown && previousName.isEmpty();
    } else if (learning) {
        firstSight = true;
    } else {
        previous = CiStatus::Created; // appeared since the last look: a new pipeline
    }

    Tracked &tracked = scan.seen[pipeline.id];
    const bool moved = previous != pipeline.status || (pipeline.status == CiStatus::Unknown &&
                                                       previousName != pipeline.statusName);
    if (pipeline.status == CiStatus::Running &&
        (tracked.runningSinceMs == 0 || previous != CiStatus::Running)) {
        const QDateTime since =
            firstSight || !pipeline.updatedAt.isValid() ? pipeline.createdAt : pipeline.updatedAt;
        tracked.runningSinceMs =
            since.isValid() ? since.toMSecsSinceEpoch() : m_connection->clock().nowMs();
        tracked.longRunningTold = false;
    }
    tracked.status = pipeline.status;
    tracked.statusName = pipeline.statusName;
    tracked.updatedAt = pipeline.updatedAt;
    tracked.explicitWatch = watch.has_value();
    tracked.ref = pipeline.ref;
    tracked.webUrl = pipeline.webUrl;

    Q_EMIT pipelineSeen(m_accountId, pipeline, watch.has_value());
    if (!firstSight && moved) {
        const std::optional<Outcome> outcome = outcomeOf(pipeline.status);
        if (outcome && outcomesFor(watch.has_value()).testFlag(*outcome)) {
            WatchEvent event;
            event.accountId = m_accountId;
            event.outcome = *outcome;
            event.pipeline = pipeline;
            event.previous = previous;
            event.projectPath = projectPathFromWebUrl(pipeline.webUrl);
            if (event.projectPath.isEmpty() && watch)
                event.projectPath = watch->projectPath;
            event.explicitWatch = watch.has_value();
            event.observedAtMs = m_connection->clock().nowMs();
            qCInfo(lcWatch) << m_accountId << "pipeline" << pipeline.id << "went"
                            << gitlab::ciStatusName(previous) << "->"
                            << gitlab::ciStatusName(pipeline.status);
            Q_EMIT transition(event);
        }
    }
    if (watch && m_watches) {
        if (gitlab::isCompleted(pipeline.status))
            m_watches->remove(m_accountId, pipeline.id, WatchList::Ended::Finished);
        else
            m_watches->updateStatus(m_accountId, pipeline.id, pipeline.status, pipeline.statusName);
    }
}

void Watcher::checkLongRunning(qint64 projectId, Scan &scan)
{
    if (!m_connection)
        return;
    const qint64 now = m_connection->clock().nowMs();
    const qint64 limitMs = qint64(m_rules.longRunningMinutes) * 60'000;
    for (auto it = scan.seen.begin(); it != scan.seen.end(); ++it) {
        Tracked &tracked = it.value();
        if (tracked.status != CiStatus::Running || tracked.longRunningTold ||
            !outcomesFor(tracked.explicitWatch).testFlag(Outcome::LongRunning) ||
            now - tracked.runningSinceMs < limitMs)
            continue;
        tracked.longRunningTold = true;
        WatchEvent event;
        event.accountId = m_accountId;
        event.outcome = Outcome::LongRunning;
        event.pipeline.id = it.key();
        event.pipeline.projectId = projectId;
        event.pipeline.status = tracked.status;
        event.pipeline.statusName = tracked.statusName;
        event.pipeline.ref = tracked.ref;
        event.pipeline.updatedAt = tracked.updatedAt;
        event.pipeline.webUrl = tracked.webUrl;
        event.previous = tracked.status;
        event.projectPath = projectPathFromWebUrl(tracked.webUrl);
        if (const auto watch = m_watches ? m_watches->find(m_accountId, it.key()) : std::nullopt;
            watch && event.projectPath.isEmpty())
            event.projectPath = watch->projectPath;
        event.explicitWatch = tracked.explicitWatch;
        event.observedAtMs = now;
        event.runningMinutes = static_cast<int>((now - tracked.runningSinceMs) / 60'000);
        Q_EMIT transition(event);
    }
}

void Watcher::settle(qint64 projectId)
{
    const auto it = m_scans.find(projectId);
    if (it == m_scans.end())
        return;
    Scan &scan = it->second;
    checkLongRunning(projectId, scan);

    // Forget finished pipelines that fell well below every listing's watermark.
    QDateTime oldestMark;
    for (const auto &[listing, state] : scan.listings) {
        Q_UNUSED(listing);
        if (!state.updatedAfter.isValid())
            continue;
        if (!oldestMark.isValid() || state.updatedAfter < oldestMark)
            oldestMark = state.updatedAfter;
    }
    bool active = false;
    for (auto seen = scan.seen.begin(); seen != scan.seen.end();) {
        if (gitlab::isCompleted(seen->status) && oldestMark.isValid() &&
            seen->updatedAt.isValid() && seen->updatedAt.msecsTo(oldestMark) > kForgetAfterMs) {
            seen = scan.seen.erase(seen);
            continue;
        }
        active = active || gitlab::isActive(seen->status);
        ++seen;
    }
    if (m_watches) {
        for (const PipelineWatch &watch : m_watches->watchesOf(m_accountId)) {
            if (watch.projectId == projectId && gitlab::isActive(watch.lastStatus))
                active = true;
        }
    }
    const models::PollScheduler::TaskId task = scan.task;
    const auto outcome = scan.failed    ? models::PollScheduler::Outcome::Failed
                         : scan.changed ? models::PollScheduler::Outcome::Changed
                                        : models::PollScheduler::Outcome::NotModified;
    const int requests = scan.requests;
    m_scheduler->setMode(task, active ? models::PollScheduler::Mode::Active
                                      : models::PollScheduler::Mode::Idle);
    m_scheduler->finished(task, outcome, requests);
}

} // namespace pipedeck::watch
