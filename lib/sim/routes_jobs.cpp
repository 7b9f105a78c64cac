// Jobs: project jobs (offset and keyset), get, trace, cancel, retry, erase, play.
#include "sim/router.h"
#include "sim/variable_rules.h"
#include "sim/world.h"

#include <limits>

namespace pipedeck::sim {

namespace {

// The job :job_id of the project, or 404.
const Job *findProjectJob(ApiCall &call, const Project &project, const QString &idText,
                          bool triggerJobs, HttpResponse *error)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    const Job *job = ok ? call.world.job(id) : nullptr;
    if (!job || job->projectId != project.id || (job->isBridge() && !triggerJobs)) {
        *error = notFound();
        return nullptr;
    }
    return job;
}

// A build: trigger jobs are not found (GitLab's find_build!).
const Job *findBuild(ApiCall &call, const Project &project, const QString &idText,
                     HttpResponse *error)
{
    return findProjectJob(call, project, idText, false, error);
}

// A build or a trigger job: current GitLab's retry and play take both (find_job!).
const Job *findJobOrTriggerJob(ApiCall &call, const Project &project, const QString &idText,
                               HttpResponse *error)
{
    return findProjectJob(call, project, idText, call.world.actsOnTriggerJobs(), error);
}

using JobAction = std::function<HttpResponse(ApiCall &, const Project &, const Job &)>;

RouteHandler onJob(int minLevel, JobAction action)
{
    return onProjectItem(minLevel, findBuild, std::move(action));
}

HttpResponse listProjectJobs(ApiCall &call, const Project &project)
{
    HttpResponse error;
    const auto scopes = jobScopes(call, &error, ScopeForms::AlsoHash);
    if (!scopes)
        return error;
    QList<const Job *> jobs;
    for (const Job *j : call.world.jobsOfProject(project.id)) {
        if (scopes->isEmpty() || scopes->contains(j->status))
            jobs.append(j);
    }
    const EntityContext ctx = call.entities();
    if (call.params.string(QStringLiteral("pagination")) != QLatin1String("keyset"))
        return pagedArray(
            call, jobs, [&](const Job *j) { return jobJson(*j, ctx); }, false);

    const QString orderBy = call.params.string(QStringLiteral("order_by"));
    const QString sort = call.params.string(QStringLiteral("sort"));
    if ((!orderBy.isEmpty() && orderBy != QLatin1String("id")) ||
        (!sort.isEmpty() && sort != QLatin1String("desc")))
        return HttpResponse::error(405, QStringLiteral("Keyset pagination is not yet available "
                                                       "for this type of request"));
    qint64 before = std::numeric_limits<qint64>::max();
    if (call.params.has(QStringLiteral("cursor"))) {
        const auto id = decodeCursor(call.params.string(QStringLiteral("cursor")).toUtf8());
        if (!id)
            return HttpResponse::error(400, QStringLiteral("cursor is invalid"));
        before = *id;
    }
    const int perPage = pageParams(call.params).perPage;
    QJsonArray array;
    qint64 lastId = 0;
    bool more = false;
    for (const Job *j : std::as_const(jobs)) {
        if (j->id >= before)
            continue;
        if (array.size() == perPage) {
            more = true;
            break;
        }
        array.append(jobJson(*j, ctx));
        lastId = j->id;
    }
    HttpResponse response = jsonResponse(200, array);
    if (more)
        keysetNextLink(response, call.baseUrl, call.request, encodeCursor(lastId));
    return response;
}

} // namespace

void addJobRoutes(Router &router)
{
    router.add("GET", QStringLiteral("projects/:id/jobs"), Access::JobRead,
               onProject(Reporter, listProjectJobs));

    router.add("GET", QStringLiteral("projects/:id/jobs/:job_id"), Access::JobRead,
               onJob(Reporter, [](ApiCall &call, const Project &, const Job &job) {
                   return jsonResponse(200, jobJson(job, call.entities()));
               }));

    router.add("GET", QStringLiteral("projects/:id/jobs/:job_id/trace"), Access::Read,
               onJob(Reporter, [](ApiCall &call, const Project &, const Job &job) {
                   HttpResponse response;
                   response.status = 200;
                   response.setHeader("Content-Type", "text/plain");
                   response.setHeader("Content-Disposition", "infile; filename=\"" +
                                                                 QByteArray::number(job.id) +
                                                                 ".log\"");
                   response.body = call.world.trace(job.id);
                   return response;
               }));

    router.add("POST", QStringLiteral("projects/:id/jobs/:job_id/cancel"), Access::Write,
               onJob(Developer, [](ApiCall &call, const Project &, const Job &job) {
                   const Job *canceled = call.world.cancel(job.id);
                   return jsonResponse(201, jobJson(*canceled, call.entities()));
               }));

    router.add("POST", QStringLiteral("projects/:id/jobs/:job_id/retry"), Access::Write,
               onProjectItem(Developer, findJobOrTriggerJob,
                             [](ApiCall &call, const Project &, const Job &job) {
                                 QString message;
                                 const Job *fresh =
                                     call.world.retry(job.id, call.identity.userId, &message);
                                 if (!fresh)
                                     return HttpResponse::message(403, message);
                                 return jsonResponse(201, jobJson(*fresh, call.entities()));
                             }));

    router.add("POST", QStringLiteral("projects/:id/jobs/:job_id/erase"), Access::Write,
               onJob(Developer, [](ApiCall &call, const Project &, const Job &job) {
                   QString message;
                   const Job *erased = call.world.erase(job.id, &message);
                   if (!erased)
                       return HttpResponse::message(403, message);
                   return jsonResponse(201, jobJson(*erased, call.entities()));
               }));

    router.add(
        "POST", QStringLiteral("projects/:id/jobs/:job_id/play"), Access::Write,
        onProjectItem(
            Developer, findJobOrTriggerJob, [](ApiCall &call, const Project &, const Job &job) {
                HttpResponse error;
                const auto variables =
                    variablesParam(call.params.value(QStringLiteral("job_variables_attributes")),
                                   QStringLiteral("job_variables_attributes"), &error);
                if (!variables)
                    return error;
                QList<Variable> playVariables = *variables;
                bool invalid = false;
                for (Variable &v : playVariables) {
                    v.variableType = QStringLiteral("env_var");
                    v.key = normalizedVariableKey(v.key);
                    invalid = invalid || !variableKeyErrors(v.key).isEmpty();
                }
                // A Ci::JobVariable that fails validation makes enqueue! raise
                // StateMachines::InvalidTransition; Ci::PlayBuildService rescues
                // it with a retry, which a manual job refuses, and the API
                // answers 200 with the job still manual
                // (app/services/ci/play_build_service.rb). A finished job is
                // retried whatever the keys (World::play).
                if (invalid && job.status == QLatin1String("manual"))
                    return jsonResponse(200, job.isBridge() ? bridgeJson(job, call.entities())
                                                            : jobJson(job, call.entities()));
                QString message;
                const Job *played =
                    call.world.play(job.id, call.identity.userId, playVariables, &message);
                if (!played)
                    return HttpResponse::message(400, message);
                return jsonResponse(200, jobJson(*played, call.entities()));
            }));
}

} // namespace pipedeck::sim
