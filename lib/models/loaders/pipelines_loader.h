#pragma once

#include "gitlab/requests/project_ref.h"
#include "models/polling/poll_scheduler.h"

#include "gitlab/requests/request.h"

#include <QObject>
#include <QPointer>
#include <QSet>

namespace pipedeck::gitlab {
class Connection;
} // namespace pipedeck::gitlab

namespace pipedeck::models {

class PipelinesModel;

//! Feeds a PipelinesModel for one project: the first page (on load, filter change and every
//! poll, merged), further pages on fetchMore(), and the details of the newest rows (GET
//! /pipelines/:id for user and duration; the first page of its jobs for the stage strip and
//! the commit title), fetched again only when a pipeline's updated_at moves.
class PipelinesLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDetailRows = 10;

    PipelinesLoader(gitlab::Connection *connection, PipelinesModel *model, qint64 projectId,
                    PollScheduler *scheduler = nullptr, QObject *parent = nullptr);
    ~PipelinesLoader() override;

    void refresh();
    bool isBusy() const { return m_firstPage || m_morePage || !m_detailsInFlight.isEmpty(); }

Q_SIGNALS:
    void refreshed(bool ok);

private:
    void loadFirstPage(gitlab::Priority priority);
    void loadPage(int page);
    void loadDetails(gitlab::Priority priority);
    void finishPoll(PollScheduler::Outcome outcome);
    void updatePollMode();

    QPointer<gitlab::Connection> m_connection;
    QPointer<PipelinesModel> m_model;
    QPointer<PollScheduler> m_scheduler;
    qint64 m_projectId;
    PollScheduler::TaskId m_task = 0;
    QPointer<gitlab::Request> m_firstPage;
    QPointer<gitlab::Request> m_morePage;
    QSet<qint64> m_detailsInFlight;
    bool m_pollRunning = false;
    bool m_pollChanged = false;
    bool m_pollFailed = false;
    int m_pollRequests = 0;
    quint64 m_generation = 0;
};

} // namespace pipedeck::models
