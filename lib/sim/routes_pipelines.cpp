// Pipelines: list, latest, get, create, retry, cancel, delete, variables, jobs and bridges.
#include "sim/pipeline_inputs.h"
#include "sim/router.h"
#include "sim/variable_rules.h"
#include "sim/world.h"

#include <QVariant>

#include <algorithm>

namespace pipedeck::sim {

namespace {

// The pipeline :pipeline_id of the project, or *error (404 Not found).
const Pipeline *findPipeline(ApiCall &call, const Project &project, const QString &idText,
                             HttpResponse *error)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    const Pipeline *pipeline = ok ? call.world.pipeline(id) : nullptr;
    if (!pipeline || pipeline->projectId != project.id) {
        *error = notFound();
        return nullptr;
    }
    return pipeline;
}

std::optional<qint64> timeParam(const RequestParams &params, const QString &key, QString *bad)
{
    const QString text = params.string(key);
    if (text.isEmpty())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        if (bad->isEmpty())
            *bad = key;
        return std::nullopt;
    }
    return t.toMSecsSinceEpoch();
}

HttpResponse listPipelines(ApiCall &call, const Project &project)
{
    const RequestParams &p = call.params;
    const QString scope = p.string(QStringLiteral("scope"));
    const QString status = p.string(QStringLiteral("status"));
    const QString source = p.string(QStringLiteral("source"));
    const QString orderBy = p.string(QStringLiteral("order_by")).isEmpty()
                                ? QStringLiteral("id")
                                : p.string(QStringLiteral("order_by"));
    const QString sort = p.string(QStringLiteral("sort")).isEmpty()
                             ? QStringLiteral("desc")
                             : p.string(QStringLiteral("sort"));
    static const QStringList scopes = {QStringLiteral("running"), QStringLiteral("pending"),
                                       QStringLiteral("finished"), QStringLiteral("branches"),
                                       QStringLiteral("tags")};
    static const QStringList orders = {QStringLiteral("id"), QStringLiteral("status"),
                                       QStringLiteral("ref"), QStringLiteral("updated_at"),
                                       QStringLiteral("user_id")};
    if (!scope.isEmpty() && !scopes.contains(scope))
        return HttpResponse::error(400, QStringLiteral("scope does not have a valid value"));
    if (!status.isEmpty() && !ciStatuses().contains(status))
        return HttpResponse::error(400, QStringLiteral("status does not have a valid value"));
    if (!orders.contains(orderBy))
        return HttpResponse::error(400, QStringLiteral("order_by does not have a valid value"));
    if (sort != QLatin1String("asc") && sort != QLatin1String("desc"))
        return HttpResponse::error(400, QStringLiteral("sort does not have a valid value"));
    QString badTime; // Grape names the first parameter that is not a DateTime
    const auto updatedAfter = timeParam(p, QStringLiteral("updated_after"), &badTime);
    const auto updatedBefore = timeParam(p, QStringLiteral("updated_before"), &badTime);
    const auto createdAfter = timeParam(p, QStringLiteral("created_after"), &badTime);
    const auto createdBefore = timeParam(p, QStringLiteral("created_before"), &badTime);
    if (!badTime.isEmpty())
        return HttpResponse::error(400, badTime + QStringLiteral(" is invalid"));
    const QString ref = p.string(QStringLiteral("ref"));
    const QString sha = p.string(QStringLiteral("sha"));
    const QString username = p.string(QStringLiteral("username"));
    const QString name = p.string(QStringLiteral("name"));
    const User *byUser = username.isEmpty() ? nullptr : call.world.userByUsername(username);

    QList<const Pipeline *> list;
    QSet<QString> seenRefs;
    for (const Pipeline *pl : call.world.pipelinesOfProject(project.id)) {
        if (pl->child && source != QLatin1String("parent_pipeline"))
            continue;
        if (!source.isEmpty() && pl->source != source)
            continue;
        if (!status.isEmpty() && pl->status != status)
            continue;
        if (!ref.isEmpty() && pl->ref != ref)
            continue;
        if (!sha.isEmpty() && pl->sha != sha)
            continue;
        if (!username.isEmpty() && (!byUser || pl->userId != byUser->id))
            continue;
        if (!name.isEmpty() && pl->name != name)
            continue;
        if ((updatedAfter && pl->updatedAtMs < *updatedAfter) ||
            (updatedBefore && pl->updatedAtMs > *updatedBefore) ||
            (createdAfter && pl->createdAtMs < *createdAfter) ||
            (createdBefore && pl->createdAtMs > *createdBefore))
            continue;
        if (scope == QLatin1String("running") && pl->status != QLatin1String("running"))
            continue;
        if (scope == QLatin1String("pending") && pl->status != QLatin1String("pending"))
            continue;
        if (scope == QLatin1String("finished") &&
            !QStringList{QStringLiteral("success"), QStringLiteral("failed"),
                         QStringLiteral("canceled"), QStringLiteral("skipped")}
                 .contains(pl->status))
            continue;
        if (scope == QLatin1String("branches") || scope == QLatin1String("tags")) {
            if (pl->tag != (scope == QLatin1String("tags")) || seenRefs.contains(pl->ref))
                continue;
            seenRefs.insert(pl->ref);
        }
        list.append(pl);
    }
    const bool asc = sort == QLatin1String("asc");
    std::stable_sort(list.begin(), list.end(), [&](const Pipeline *a, const Pipeline *b) {
        QVariant ka;
        QVariant kb;
        if (orderBy == QLatin1String("status")) {
            ka = a->status;
            kb = b->status;
        } else if (orderBy == QLatin1String("ref")) {
            ka = a->ref;
            kb = b->ref;
        } else if (orderBy == QLatin1String("updated_at")) {
            ka = a->updatedAtMs;
            kb = b->updatedAtMs;
        } else if (orderBy == QLatin1String("user_id")) {
            ka = a->userId;
            kb = b->userId;
        } else {
            ka = a->id;
            kb = b->id;
        }
        return keyedBefore(ka, a->id, kb, b->id, asc);
    });
    const EntityContext ctx = call.entities();
    return pagedArray(call, list, [&](const Pipeline *pl) { return pipelineBasicJson(*pl, ctx); });
}

// {"message":{"base":[message]}}: a pipeline creation chain step's error
// (lib/gitlab/ci/pipeline/chain/helpers.rb#error) as render_validation_error! shows it.
HttpResponse chainError(const QString &message)
{
    return jsonResponse(400,
                        QJsonObject{{QStringLiteral("message"),
                                     QJsonObject{{QStringLiteral("base"), QJsonArray{message}}}}});
}

// POST /projects/:id/pipeline in the order of Ci::CreatePipelineService::SEQUENCE
// (app/services/ci/create_pipeline_service.rb): Validate::Repository, Build::Associations,
// Config::Process (inputs), EvaluateWorkflowRules, then Create, whose pipeline.save! validates
// the variables.
HttpResponse createPipeline(ApiCall &call, const Project &project)
{
    HttpResponse error;
    const QString ref = call.params.string(QStringLiteral("ref"));
    if (!call.params.has(QStringLiteral("ref")))
        return missingParam(QStringLiteral("ref"));
    if (ref.isEmpty())
        return HttpResponse::error(400, QStringLiteral("ref is empty"));
    const auto variables = variablesParam(call.params.value(QStringLiteral("variables")),
                                          QStringLiteral("variables"), &error, false);
    if (!variables)
        return error;
    // Declared as `optional :inputs, type: Hash` (lib/api/ci/helpers/pipelines_helpers.rb); an
    // older GitLab does not declare it, and Grape passes no undeclared parameter on.
    const bool takesInputs = call.world.acceptsPipelineInputs();
    const QJsonValue inputsValue = call.params.value(QStringLiteral("inputs"));
    if (takesInputs && !inputsValue.isUndefined() && !inputsValue.isNull() &&
        !inputsValue.isObject())
        return HttpResponse::error(400, QStringLiteral("inputs is invalid"));
    if (!call.world.branch(project, ref) && !call.world.tag(project, ref))
        return referenceNotFound();
    if (const QString duplicates = duplicateVariablesMessage(*variables); !duplicates.isEmpty())
        return chainError(duplicates);
    QJsonObject inputs;
    if (takesInputs) {
        const QStringList errors =
            validatePipelineInputs(project.specInputs, inputsValue.toObject(), &inputs);
        if (!errors.isEmpty())
            return chainError(pipelineInputsErrorMessage(errors));
    }
    if (!call.world.workflowAllows(project, ref))
        return chainError(QStringLiteral("Pipeline filtered out by workflow rules."));
    // Ci::PipelineVariable's validations (app/models/concerns/ci/has_variable.rb) fail save!:
    // the nested errors under "variables.key", and Chain::Create's own message under base
    // (lib/gitlab/ci/pipeline/chain/create.rb).
    QList<Variable> stored = *variables;
    QJsonArray keyErrors;
    QStringList fullMessages;
    for (Variable &v : stored) {
        v.key = normalizedVariableKey(v.key);
        for (const QString &message : variableKeyErrors(v.key)) {
            keyErrors.append(message);
            fullMessages.append(QStringLiteral("Variables key ") + message);
        }
    }
    if (!keyErrors.isEmpty()) {
        const QString base = QStringLiteral("Failed to persist the pipeline: Validation failed: ") +
                             fullMessages.join(QStringLiteral(", "));
        return jsonResponse(400,
                            QJsonObject{{QStringLiteral("message"),
                                         QJsonObject{{QStringLiteral("variables.key"), keyErrors},
                                                     {QStringLiteral("base"), QJsonArray{base}}}}});
    }
    PipelineSpec spec;
    spec.ref = ref;
    spec.source = QStringLiteral("api"); // execute(:api, ...) in lib/api/ci/pipelines.rb
    const User *user = call.world.user(call.identity.userId);
    spec.username = user ? user->username : QString();
    spec.variables = stored;
    spec.inputs = inputs;
    Pipeline &pipeline = call.world.createPipeline(project.id, spec);
    const qint64 id = pipeline.id;
    call.world.update();
    return jsonResponse(201, pipelineJson(*call.world.pipeline(id), call.entities()));
}

using PipelineAction = std::function<HttpResponse(ApiCall &, const Project &, const Pipeline &)>;

RouteHandler onPipeline(int minLevel, PipelineAction action)
{
    return onProjectItem(minLevel, findPipeline, std::move(action));
}

// Pipeline jobs or bridges: only the latest attempts unless include_retried (not documented for
// bridges, but GitLab's JobsFinder reads it for both lists and clients such as GitLabPHP send it).
HttpResponse listJobsOfPipeline(ApiCall &call, const Pipeline &pipeline, bool bridges)
{
    HttpResponse error;
    const auto scopes = jobScopes(call, &error);
    if (!scopes)
        return error;
    const bool retried = call.params.boolean(QStringLiteral("include_retried")).value_or(false);
    QList<const Job *> jobs;
    for (const Job *j : call.world.jobsOfPipeline(pipeline.id, retried, bridges)) {
        if (scopes->isEmpty() || scopes->contains(j->status))
            jobs.append(j);
    }
    const EntityContext ctx = call.entities();
    return pagedArray(
        call, jobs, [&](const Job *j) { return bridges ? bridgeJson(*j, ctx) : jobJson(*j, ctx); });
}

} // namespace

void addPipelineRoutes(Router &router)
{
    router.add("GET", QStringLiteral("projects/:id/pipelines"), Access::Read,
               onProject(Reporter, listPipelines));

    router.add("GET", QStringLiteral("projects/:id/pipelines/latest"), Access::Read,
               onProject(Reporter, [](ApiCall &call, const Project &project) {
                   QString ref = call.params.string(QStringLiteral("ref"));
                   if (ref.isEmpty())
                       ref = project.defaultBranch;
                   for (const Pipeline *pl : call.world.pipelinesOfProject(project.id)) {
                       if (pl->ref == ref && !pl->child)
                           return jsonResponse(200, pipelineJson(*pl, call.entities()));
                   }
                   return notFound();
               }));

    router.add("GET", QStringLiteral("projects/:id/pipelines/:pipeline_id"), Access::Read,
               onPipeline(Reporter, [](ApiCall &call, const Project &, const Pipeline &pl) {
                   return jsonResponse(200, pipelineJson(pl, call.entities()));
               }));

    router.add("POST", QStringLiteral("projects/:id/pipeline"), Access::Write,
               onProject(Developer, createPipeline));

    router.add("POST", QStringLiteral("projects/:id/pipelines/:pipeline_id/retry"), Access::Write,
               onPipeline(Developer, [](ApiCall &call, const Project &, const Pipeline &pl) {
                   const Pipeline *p = call.world.retryPipeline(pl.id, call.identity.userId);
                   return jsonResponse(201, pipelineJson(*p, call.entities()));
               }));

    router.add("POST", QStringLiteral("projects/:id/pipelines/:pipeline_id/cancel"), Access::Write,
               onPipeline(Developer, [](ApiCall &call, const Project &, const Pipeline &pl) {
                   const Pipeline *p = call.world.cancelPipeline(pl.id);
                   return jsonResponse(200, pipelineJson(*p, call.entities()));
               }));

    router.add("DELETE", QStringLiteral("projects/:id/pipelines/:pipeline_id"), Access::Write,
               onPipeline(Owner, [](ApiCall &call, const Project &, const Pipeline &pl) {
                   call.world.deletePipeline(pl.id);
                   HttpResponse response;
                   response.status = 204;
                   return response;
               }));

    router.add("GET", QStringLiteral("projects/:id/pipelines/:pipeline_id/variables"), Access::Read,
               onPipeline(Developer, [](ApiCall &, const Project &, const Pipeline &pl) {
                   QJsonArray array;
                   for (const Variable &v : pl.variables)
                       array.append(variableJson(v));
                   return jsonResponse(200, array);
               }));

    router.add("GET", QStringLiteral("projects/:id/pipelines/:pipeline_id/jobs"), Access::JobRead,
               onPipeline(Reporter, [](ApiCall &call, const Project &, const Pipeline &pl) {
                   return listJobsOfPipeline(call, pl, false);
               }));

    router.add("GET", QStringLiteral("projects/:id/pipelines/:pipeline_id/bridges"), Access::Read,
               onPipeline(Reporter, [](ApiCall &call, const Project &, const Pipeline &pl) {
                   return listJobsOfPipeline(call, pl, true);
               }));
}

} // namespace pipedeck::sim
