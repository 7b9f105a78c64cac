#include "runs/created_pipeline_lookup.h"

#include "gitlab/net/connection.h"
#include "models/loaders/launch.h"

namespace pipedeck::runs {

CreatedPipelineLookup::CreatedPipelineLookup(gitlab::Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{}

void CreatedPipelineLookup::noteNewestBefore(qint64 projectId, const gitlab::PipelineQuery &query,
                                             std::function<void()> then)
{
    m_newestBefore = -1;
    if (!m_connection)
        return;
    auto *request = new gitlab::ListPipelines(gitlab::ProjectRef(projectId), query);
    m_request = models::launch(m_connection.data(), request, this, gitlab::Priority::Interactive,
                               [this, then = std::move(then)](const gitlab::ListPipelines &done) {
                                   if (done.status().ok()) {
                                       qint64 newest = 0;
                                       for (const gitlab::Pipeline &p : done.pipelines())
                                           newest = std::max(newest, p.id);
                                       m_newestBefore = newest;
                                   }
                                   then();
                               });
}

void CreatedPipelineLookup::find(
    qint64 projectId, gitlab::PipelineQuery query, const QDateTime &sentAt,
    std::function<void(const gitlab::Pipeline *found, const gitlab::Status &status)> done)
{
    if (!m_connection)
        return;
    if (m_newestBefore < 0)
        query.createdAfter = sentAt.addSecs(-kClockSkewSeconds);
    auto *request = new gitlab::ListPipelines(gitlab::ProjectRef(projectId), query);
    m_request = models::launch(m_connection.data(), request, this, gitlab::Priority::Interactive,
                               [this, done = std::move(done)](const gitlab::ListPipelines &list) {
                                   const gitlab::Pipeline *newest = nullptr;
                                   if (list.status().ok()) {
                                       for (const gitlab::Pipeline &pipeline : list.pipelines()) {
                                           if (pipeline.id > m_newestBefore &&
                                               (!newest || pipeline.id > newest->id))
                                               newest = &pipeline;
                                       }
                                   }
                                   done(newest, list.status());
                               });
}

} // namespace pipedeck::runs
