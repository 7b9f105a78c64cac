#pragma once

#include "gitlab/net/status.h"
#include "models/polling/poll_scheduler.h"

#include "gitlab/requests/request.h"
#include <QHash>

#include <QObject>
#include <QPointer>

namespace pipedeck::gitlab {
class Connection;
} // namespace pipedeck::gitlab

namespace pipedeck::models {

class JobsModel;

//! Feeds a JobsModel: for the shown pipeline and every expanded downstream it fetches all jobs
//! and all bridges (both with include_retried when asked), with conditional GETs, and hands each
//! complete pair to applySnapshot(). Nothing changes when both came back 304. A failure of
//! either keeps the model's rows and marks that pipeline stale.
//!
//! With a PollScheduler it refreshes by itself: fast while something shown is queued or
//! running, slowly otherwise.
class JobsLoader : public QObject
{
    Q_OBJECT
public:
    JobsLoader(gitlab::Connection *connection, JobsModel *model, PollScheduler *scheduler = nullptr,
               QObject *parent = nullptr);
    ~JobsLoader() override;

    //! Refreshes every watched pipeline now (as the user's refresh does: interactive priority).
    void refresh();
    bool isBusy() const { return !m_inFlight.isEmpty(); }
    //! Requests sent by the last finished refresh round (for tests and the status bar).
    int lastRoundRequests() const { return m_lastRoundRequests; }

Q_SIGNALS:
    //! A refresh round over all watched pipelines finished.
    void refreshed(bool changed, bool ok);

private:
    struct Fetch;
    void startRound(gitlab::Priority priority);
    void fetchPipeline(qint64 projectId, qint64 pipelineId, gitlab::Priority priority);
    void onFetchDone(qint64 pipelineId);
    void syncWatched();
    void updatePollMode();

    QPointer<gitlab::Connection> m_connection;
    QPointer<JobsModel> m_model;
    QPointer<PollScheduler> m_scheduler;
    PollScheduler::TaskId m_task = 0;
    QHash<qint64, Fetch *> m_inFlight;         // by pipeline id
    QHash<qint64, bool> m_snapshotWithRetried; // include_retried of the rows each pipeline shows
    bool m_roundRunning = false;
    bool m_roundChanged = false;
    bool m_roundOk = true;
    bool m_roundFromScheduler = false;
    int m_roundRequests = 0;
    int m_lastRoundRequests = 0;
};

} // namespace pipedeck::models
