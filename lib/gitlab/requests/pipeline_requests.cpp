#include "gitlab/requests/pipeline_requests.h"

#include "gitlab/parse/json_parsers.h"
#include "gitlab/requests/action_call.h"
#include "gitlab/requests/body_parsers.h"

#include <QJsonArray>

namespace pipedeck::gitlab {

namespace {

QString pipelinePath(const ProjectRef &project, qint64 pipelineId)
{
    return project.projectPath() + QStringLiteral("/pipelines/") + QString::number(pipelineId);
}

QUrlQuery pipelineQuery(const PipelineQuery &query)
{
    QUrlQuery q;
    const auto add = [&q](const char *key, const QString &value) {
        if (!value.isEmpty())
            q.addQueryItem(QString::fromLatin1(key), value);
    };
    add("ref", query.ref);
    add("status", query.status);
    add("source", query.source);
    add("username", query.username);
    add("order_by", query.orderBy);
    add("sort", query.sort);
    if (query.createdAfter.isValid())
        add("created_after", query.createdAfter.toUTC().toString(Qt::ISODateWithMs));
    if (query.updatedAfter.isValid())
        add("updated_after", query.updatedAfter.toUTC().toString(Qt::ISODateWithMs));
    return q;
}

constexpr auto parsePipelineBody = parseObjectBody<Pipeline, parsePipeline>;

} // namespace

ListPipelines::ListPipelines(const ProjectRef &project, const PipelineQuery &query, QObject *parent)
    : ListRequest(project.projectPath() + QStringLiteral("/pipelines"), pipelineQuery(query),
                  parseArrayBody<Pipeline, parsePipelines>, parent)
{
    setAllPages(false);
}

GetPipeline::GetPipeline(const ProjectRef &project, qint64 pipelineId, QObject *parent)
    : ResultRequest(getCall(pipelinePath(project, pipelineId)), parsePipelineBody, parent)
{}

static QJsonObject createBody(const QString &ref, const QList<Variable> &variables,
                              const QJsonObject &inputs)
{
    QJsonObject body{{QStringLiteral("ref"), ref}};
    if (!variables.isEmpty()) {
        QJsonArray array;
        for (const Variable &variable : variables) {
            array.append(
                QJsonObject{{QStringLiteral("key"), variable.key},
                            {QStringLiteral("value"), variable.value},
                            {QStringLiteral("variable_type"), variableTypeName(variable.type)}});
        }
        body.insert(QStringLiteral("variables"), array);
    }
    if (!inputs.isEmpty())
        body.insert(QStringLiteral("inputs"), inputs);
    return body;
}

CreatePipeline::CreatePipeline(const ProjectRef &project, const QString &ref,
                               const QList<Variable> &variables, const QJsonObject &inputs,
                               QObject *parent)
    : ResultRequest(actionCall("POST", project.projectPath() + QStringLiteral("/pipeline"),
                               createBody(ref, variables, inputs)),
                    parsePipelineBody, parent)
{}

RetryPipeline::RetryPipeline(const ProjectRef &project, qint64 pipelineId, QObject *parent)
    : ResultRequest(
          actionCall("POST", pipelinePath(project, pipelineId) + QStringLiteral("/retry")),
          parsePipelineBody, parent)
{}

CancelPipeline::CancelPipeline(const ProjectRef &project, qint64 pipelineId, QObject *parent)
    : ResultRequest(
          actionCall("POST", pipelinePath(project, pipelineId) + QStringLiteral("/cancel")),
          parsePipelineBody, parent)
{}

DeletePipeline::DeletePipeline(const ProjectRef &project, qint64 pipelineId, QObject *parent)
    : EmptyRequest(actionCall("DELETE", pipelinePath(project, pipelineId)), parent)
{}

ListPipelineVariables::ListPipelineVariables(const ProjectRef &project, qint64 pipelineId,
                                             QObject *parent)
    : ListRequest(pipelinePath(project, pipelineId) + QStringLiteral("/variables"), {},
                  parseArrayBody<Variable, parseVariables>, parent)
{}

} // namespace pipedeck::gitlab
