#pragma once

#include "gitlab/net/status.h"
#include "gitlab/requests/pipeline_requests.h"
#include "gitlab/types/pipeline.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

namespace pipedeck::gitlab {
class Connection;
class Request;
} // namespace pipedeck::gitlab

namespace pipedeck::runs {

//! How a POST that creates a pipeline (run, trigger) learns what happened after its reply was
//! lost, without ever sending it again: just before the POST it notes the newest pipeline id of
//! `query` (the user's API pipelines on the ref, or the ref's triggered ones); afterwards the
//! newest pipeline of that query above it is the one the POST made. The id does not depend on
//! the two clocks agreeing; only when that first read failed does the lookup fall back to
//! created_after, reaching kClockSkewSeconds before the send.
class CreatedPipelineLookup : public QObject
{
    Q_OBJECT
public:
    static constexpr int kClockSkewSeconds = 120;

    CreatedPipelineLookup(gitlab::Connection *connection, QObject *parent = nullptr);

    //! Reads the newest id of `query` now; `then` runs once it is known or the read failed.
    void noteNewestBefore(qint64 projectId, const gitlab::PipelineQuery &query,
                          std::function<void()> then);
    //! After a lost reply sent at `sentAt`: `done(found, status)`, found null when GitLab has
    //! no such pipeline (yet) or could not be asked (status says which).
    void
    find(qint64 projectId, gitlab::PipelineQuery query, const QDateTime &sentAt,
         std::function<void(const gitlab::Pipeline *found, const gitlab::Status &status)> done);

private:
    QPointer<gitlab::Connection> m_connection;
    qint64 m_newestBefore = -1; //!< -1: not known
    QPointer<gitlab::Request> m_request;
};

} // namespace pipedeck::runs
