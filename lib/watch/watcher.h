#pragma once

#include "models/polling/poll_scheduler.h"
#include "watch/watch_event.h"
#include "watch/watch_list.h"
#include "watch/watch_rules.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <map>

namespace pipedeck::gitlab {
class Connection;
struct Pipeline;
} // namespace pipedeck::gitlab

namespace pipedeck::watch {

struct WatcherOptions
{
    //! The watcher's own scheduler: it keeps polling while the window is hidden, so it cannot
    //! share the window's (which pauses). Its budget is half the account's 60 requests a
    //! minute, and the account's RequestGate holds every background request of the account
    //! to the 60 in all.
    models::PollScheduler::Options polling{30, 30'000, 60'000, 120'000, 1.0};
    //! updated_after is the newest updated_at seen, less this: GitLab compares strictly, and
    //! a watch added a moment after a listing still finds the change it was added after.
    qint64 updatedAfterMarginMs = 2 * 60'000;
};

//! Watches the pipelines of one account that the rules or explicit watches cover, and emits
//! a WatchEvent for each transition worth telling.
//!
//! Requests are per project, never per watch: one GET /projects/:id/pipelines ordered by
//! updated_at with updated_after = (newest updated_at seen − margin) serves every watch of the
//! project; the URL stays the same until something changes, so the ETag cache turns an
//! unchanged project into a 304. A project needs at most three such listings: `username=me`
//! for the "my pipelines" rule, an unfiltered one when it has explicit watches (or the rule
//! takes everyone's), and source=parent_pipeline for watched child pipelines (GitLab leaves
//! child pipelines out otherwise). They run as one PollScheduler task per project, every
//! 30 s while something watched runs, every 60 s otherwise, within the watcher's budget.
//!
//! The first listing of a project only learns what is there (nothing is told about
//! pipelines that were already finished); after it, a pipeline not seen before is new.
class Watcher : public QObject
{
    Q_OBJECT
public:
    Watcher(gitlab::Connection *connection, QString accountId, QString username, WatchList *watches,
            WatcherOptions options = {}, QObject *parent = nullptr);
    ~Watcher() override;

    const QString &accountId() const { return m_accountId; }
    void setRules(const WatchRules &rules);
    const WatchRules &rules() const { return m_rules; }

    models::PollScheduler &scheduler() { return *m_scheduler; }
    //! The projects polled now, ascending.
    QList<qint64> scannedProjects() const;
    //! Starts every project's listing now (the user asked, or the account came back online).
    void pollAllNow();

Q_SIGNALS:
    void transition(const pipedeck::watch::WatchEvent &event);
    //! A watched pipeline's latest state (for the tray's worst-state icon and its menu).
    void pipelineSeen(const QString &accountId, const pipedeck::gitlab::Pipeline &pipeline,
                      bool explicitWatch);

private:
    enum class Listing { Mine, All, Children };
    struct Tracked
    {
        gitlab::CiStatus status = gitlab::CiStatus::Unknown;
        QString statusName;
        QDateTime updatedAt;
        qint64 runningSinceMs = 0;
        bool longRunningTold = false;
        bool explicitWatch = false;
        QString ref;
        QUrl webUrl;
    };
    struct ListingState
    {
        QDateTime updatedAfter; //!< invalid: the first listing (no updated_after)
        bool learned = false;   //!< the first listing came back
    };
    struct Scan
    {
        models::PollScheduler::TaskId task = 0;
        std::map<Listing, ListingState> listings;
        QHash<qint64, Tracked> seen;
        int outstanding = 0;
        int requests = 0;
        bool changed = false;
        bool failed = false;
    };

    void reconcileProjects();
    void runScan(qint64 projectId);
    QList<Listing> listingsFor(qint64 projectId) const;
    void onListing(qint64 projectId, Listing listing, bool ok, bool notModified,
                   const QList<gitlab::Pipeline> &pipelines);
    void consider(qint64 projectId, Scan &scan, Listing listing, bool learning,
                  const gitlab::Pipeline &pipeline);
    void checkLongRunning(qint64 projectId, Scan &scan);
    void settle(qint64 projectId);
    bool ruleCovers(qint64 projectId) const;
    Outcomes outcomesFor(bool explicitWatch) const;

    QPointer<gitlab::Connection> m_connection;
    QString m_accountId;
    QString m_username;
    QPointer<WatchList> m_watches;
    WatcherOptions m_options;
    WatchRules m_rules;
    models::PollScheduler *m_scheduler = nullptr;
    std::map<qint64, Scan> m_scans;
};

} // namespace pipedeck::watch
