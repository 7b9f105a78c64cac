#pragma once

#include "gitlab/requests/paged_request.h"
#include "gitlab/requests/project_ref.h"
#include "gitlab/requests/request.h"
#include "gitlab/types/pipeline.h"
#include "gitlab/types/variable.h"

#include <QDateTime>
#include <QJsonObject>

namespace pipedeck::gitlab {

struct PipelineQuery
{
    QString ref;
    QString status; //!< a CiStatus name
    QString source; //!< "push", "web", "parent_pipeline" (child pipelines only with this)
    QString username;
    QString orderBy;        //!< id (default), status, ref, updated_at, user_id
    QString sort;           //!< asc, desc (default)
    QDateTime createdAfter; //!< created_after (ISO 8601); invalid = not sent
    QDateTime updatedAfter; //!< updated_after (ISO 8601, inclusive); invalid = not sent
};

//! GET /projects/:id/pipelines. By default one page (the list is paged by the view);
//! setAllPages(true) for everything.
class ListPipelines : public ListRequest<Pipeline>
{
public:
    explicit ListPipelines(const ProjectRef &project, const PipelineQuery &query = {},
                           QObject *parent = nullptr);
    const QList<Pipeline> &pipelines() const { return items(); }
};

//! GET /projects/:id/pipelines/:pipeline_id (the detailed entity)
class GetPipeline : public ResultRequest<Pipeline>
{
public:
    GetPipeline(const ProjectRef &project, qint64 pipelineId, QObject *parent = nullptr);
    const Pipeline &pipeline() const { return result(); }
};

//! POST /projects/:id/pipeline. Never re-sent; on OutcomeUnknown list the ref's pipelines
//! created since the click instead. `inputs` (GitLab 17.10+) maps input names to typed JSON
//! values (string, number, boolean, array); empty = not sent, so an older GitLab is not
//! confused by it.
class CreatePipeline : public ResultRequest<Pipeline>
{
public:
    CreatePipeline(const ProjectRef &project, const QString &ref,
                   const QList<Variable> &variables = {}, const QJsonObject &inputs = {},
                   QObject *parent = nullptr);
    const Pipeline &pipeline() const { return result(); }
};

//! POST /projects/:id/pipelines/:pipeline_id/retry (failed and canceled jobs)
class RetryPipeline : public ResultRequest<Pipeline>
{
public:
    RetryPipeline(const ProjectRef &project, qint64 pipelineId, QObject *parent = nullptr);
    const Pipeline &pipeline() const { return result(); }
};

//! POST /projects/:id/pipelines/:pipeline_id/cancel
class CancelPipeline : public ResultRequest<Pipeline>
{
public:
    CancelPipeline(const ProjectRef &project, qint64 pipelineId, QObject *parent = nullptr);
    const Pipeline &pipeline() const { return result(); }
};

//! DELETE /projects/:id/pipelines/:pipeline_id (204). Needs Owner.
class DeletePipeline : public EmptyRequest
{
    Q_OBJECT
public:
    DeletePipeline(const ProjectRef &project, qint64 pipelineId, QObject *parent = nullptr);
};

//! GET /projects/:id/pipelines/:pipeline_id/variables
class ListPipelineVariables : public ListRequest<Variable>
{
public:
    ListPipelineVariables(const ProjectRef &project, qint64 pipelineId, QObject *parent = nullptr);
    const QList<Variable> &variables() const { return items(); }
};

} // namespace pipedeck::gitlab
