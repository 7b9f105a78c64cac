#pragma once

#include "gitlab/requests/request.h"
#include "models/polling/poll_scheduler.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace pipedeck::gitlab {
class Connection;
} // namespace pipedeck::gitlab

namespace pipedeck::models {

class ProjectJobsModel;

//! Feeds a ProjectJobsModel for one project from GET /projects/:id/jobs (keyset): the first
//! page on refresh(), on a scope change and on every poll (merged), and the next page on
//! fetchMore() by following GitLab's Link rel="next". A failed first page leaves the rows as
//! they were, marked stale. Polls are Active while a job near the top is queued or running,
//! Idle otherwise.
class ProjectJobsLoader : public QObject
{
    Q_OBJECT
public:
    //! How far down a running job keeps polling fast (the rows a user sees first).
    static constexpr int kActiveRows = 40;

    ProjectJobsLoader(gitlab::Connection *connection, ProjectJobsModel *model, qint64 projectId,
                      PollScheduler *scheduler = nullptr, QObject *parent = nullptr);
    ~ProjectJobsLoader() override;

    //! Reloads the first page now (a user's refresh): a page being fetched is dropped.
    void refresh();
    bool isBusy() const { return m_firstPage || m_morePage; }
    qint64 projectId() const { return m_projectId; }

Q_SIGNALS:
    void refreshed(bool ok);

private:
    void loadFirstPage(gitlab::Priority priority);
    void loadMore(const QUrl &link);
    void finishPoll(PollScheduler::Outcome outcome, int requests);
    void updatePollMode();

    QPointer<gitlab::Connection> m_connection;
    QPointer<ProjectJobsModel> m_model;
    QPointer<PollScheduler> m_scheduler;
    qint64 m_projectId;
    PollScheduler::TaskId m_task = 0;
    QPointer<gitlab::Request> m_firstPage;
    QPointer<gitlab::Request> m_morePage;
    std::optional<QStringList> m_shownScopes; //!< of the first page the model shows
    bool m_pollRunning = false;
    quint64 m_generation = 0;
};

} // namespace pipedeck::models
