// Pipeline trigger tokens (list, get, create, update, delete) and triggering a pipeline with one.
#include "sim/pipeline_inputs.h"
#include "sim/router.h"
#include "sim/world.h"

#include <QJsonArray>

namespace pipedeck::sim {

namespace {

Trigger *findTrigger(ApiCall &call, const Project &project, const QString &idText,
                     HttpResponse *error)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    Trigger *trigger = ok ? call.world.trigger(id) : nullptr;
    if (!trigger || trigger->projectId != project.id) {
        *error = notFound();
        return nullptr;
    }
    return trigger;
}

// Ci::CreatePipelineService's chain errors, as POST /pipeline reports them.
HttpResponse chainError(const QString &message)
{
    return jsonResponse(400,
                        QJsonObject{{QStringLiteral("message"),
                                     QJsonObject{{QStringLiteral("base"), QJsonArray{message}}}}});
}

HttpResponse triggerPipeline(ApiCall &call, const QString &refFromPath)
{
    const RequestParams &p = call.params;
    if (!p.has(QStringLiteral("token")))
        return missingParam(QStringLiteral("token"));
    const QString ref = refFromPath.isEmpty() ? p.string(QStringLiteral("ref")) : refFromPath;
    if (refFromPath.isEmpty() && !p.has(QStringLiteral("ref")))
        return missingParam(QStringLiteral("ref"));
    if (ref.trimmed().isEmpty())
        return HttpResponse::error(400, QStringLiteral("ref is empty"));
    bool numeric = false;
    const qint64 projectId = call.capture(0).toLongLong(&numeric);
    const Project *project =
        numeric ? call.world.project(projectId) : call.world.projectByPath(call.capture(0));
    if (!project)
        return notFound(QStringLiteral("Project"));

    QList<Variable> variables;
    if (p.has(QStringLiteral("variables"))) {
        const QJsonValue value = p.value(QStringLiteral("variables"));
        const QJsonObject map = value.toObject();
        bool valid = value.isObject();
        for (auto it = map.begin(); valid && it != map.end(); ++it) {
            valid = it.value().isString();
            variables.append(Variable{it.key(), it.value().toString(), QStringLiteral("env_var")});
        }
        if (!valid)
            return HttpResponse::message(
                400, QStringLiteral("variables needs to be a map of key-valued strings"));
    }
    // `optional :inputs, type: Hash` on the trigger API since GitLab 17.11
    // (lib/api/ci/triggers.rb); the same spec validation as POST /pipeline, in the same chain step.
    const bool takesInputs = call.world.acceptsPipelineInputs();
    const QJsonValue inputsValue = p.value(QStringLiteral("inputs"));
    if (takesInputs && !inputsValue.isUndefined() && !inputsValue.isNull() &&
        !inputsValue.isObject())
        return HttpResponse::error(400, QStringLiteral("inputs is invalid"));

    const QString token = p.string(QStringLiteral("token"));
    const Trigger *trigger = call.world.triggerByToken(token);
    const Job *job = trigger ? nullptr : call.world.jobByToken(token.toUtf8());
    if ((trigger && trigger->projectId != project->id) || (!trigger && !job))
        return HttpResponse::message(404, QStringLiteral("404 Not Found"));
    // Ci::PipelineTriggerService answers nothing for a trigger whose owner may not create
    // builds (blocked, or no longer a member): the API turns that into a 404.
    if (trigger) {
        const User *owner = call.world.user(trigger->ownerId);
        if (!owner || owner->state != QLatin1String("active") ||
            call.world.accessLevel(*project, owner->id) < Developer)
            return HttpResponse::message(404, QStringLiteral("404 Not Found"));
    }
    if (call.request.header("X-Gitlab-Event") == "Pipeline Hook")
        return forbiddenResponse(QStringLiteral("Pipeline trigger loop detected"));
    if (!call.world.branch(*project, ref) && !call.world.tag(*project, ref))
        return referenceNotFound();
    QJsonObject inputs;
    if (takesInputs) {
        const QStringList errors =
            validatePipelineInputs(project->specInputs, inputsValue.toObject(), &inputs);
        if (!errors.isEmpty())
            return chainError(pipelineInputsErrorMessage(errors));
    }
    if (!call.world.workflowAllows(*project, ref))
        return chainError(QStringLiteral("Pipeline filtered out by workflow rules."));
    PipelineSpec spec;
    spec.ref = ref;
    spec.variables = variables;
    spec.inputs = inputs;
    const qint64 starterId = trigger ? trigger->ownerId : job->userId;
    const User *starter = call.world.user(starterId);
    spec.username = starter ? starter->username : QString();
    spec.source = trigger ? QStringLiteral("trigger") : QStringLiteral("pipeline");
    Pipeline &pipeline = call.world.createPipeline(project->id, spec);
    const qint64 id = pipeline.id;
    if (trigger)
        call.world.touchTrigger(trigger->id);
    call.world.update();
    EntityContext ctx = call.entities();
    ctx.viewerId = starterId;
    return jsonResponse(201, pipelineJson(*call.world.pipeline(id), ctx));
}

} // namespace

void addTriggerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("projects/:id/triggers"), Access::Read,
               onProject(Maintainer, [](ApiCall &call, const Project &project) {
                   const EntityContext ctx = call.entities();
                   return pagedArray(call, call.world.triggersOfProject(project.id),
                                     [&](const Trigger *t) { return triggerJson(*t, ctx); });
               }));

    router.add("GET", QStringLiteral("projects/:id/triggers/:trigger_id"), Access::Read,
               onProjectItem(Maintainer, findTrigger,
                             [](ApiCall &call, const Project &, const Trigger &t) {
                                 return jsonResponse(200, triggerJson(t, call.entities()));
                             }));

    router.add("POST", QStringLiteral("projects/:id/triggers"), Access::Write,
               onProject(Maintainer, [](ApiCall &call, const Project &project) {
                   if (!call.params.has(QStringLiteral("description")))
                       return missingParam(QStringLiteral("description"));
                   Trigger &t =
                       call.world.createTrigger(project.id, call.identity.userId,
                                                call.params.string(QStringLiteral("description")));
                   const QString expires = call.params.string(QStringLiteral("expires_at"));
                   if (!expires.isEmpty()) {
                       t.expiresAt = QDate::fromString(expires.left(10), Qt::ISODate);
                       if (!t.expiresAt.isValid()) {
                           call.world.deleteTrigger(t.id);
                           return HttpResponse::error(400, QStringLiteral("expires_at is invalid"));
                       }
                   }
                   return jsonResponse(201, triggerJson(t, call.entities()));
               }));

    router.add(
        "PUT", QStringLiteral("projects/:id/triggers/:trigger_id"), Access::Write,
        onProjectItem(Maintainer, findTrigger, [](ApiCall &call, const Project &, Trigger &t) {
            if (t.ownerId != call.identity.userId)
                return forbiddenResponse();
            if (call.params.has(QStringLiteral("description"))) {
                t.description = call.params.string(QStringLiteral("description"));
                t.updatedAtMs = call.world.nowMs();
            }
            return jsonResponse(200, triggerJson(t, call.entities()));
        }));

    router.add("DELETE", QStringLiteral("projects/:id/triggers/:trigger_id"), Access::Write,
               onProjectItem(Maintainer, findTrigger,
                             [](ApiCall &call, const Project &, const Trigger &t) {
                                 call.world.deleteTrigger(t.id);
                                 HttpResponse response;
                                 response.status = 204;
                                 return response;
                             }));

    router.add("POST", QStringLiteral("projects/:id/trigger/pipeline"), Access::None,
               [](ApiCall &call) { return triggerPipeline(call, {}); });
    router.add("POST", QStringLiteral("projects/:id/ref/:ref/trigger/pipeline"), Access::None,
               [](ApiCall &call) { return triggerPipeline(call, call.capture(1)); });
}

} // namespace pipedeck::sim
