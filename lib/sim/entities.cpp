#include "sim/entities.h"

#include <QJsonArray>
#include <QUrl>

namespace pipedeck::sim {

namespace {

QString statusText(const QString &status)
{
    if (status == QLatin1String("success"))
        return QStringLiteral("passed");
    if (status == QLatin1String("waiting_for_resource"))
        return QStringLiteral("waiting");
    if (status == QLatin1String("scheduled"))
        return QStringLiteral("delayed");
    if (status == QLatin1String("created"))
        return QStringLiteral("created");
    return status;
}

double secondsBetween(qint64 fromMs, qint64 toMs)
{
    return double(toMs - fromMs) / 1000.0;
}

QJsonValue durationOf(const Job &job, qint64 nowMs)
{
    if (!job.startedAtMs)
        return QJsonValue::Null;
    return secondsBetween(job.startedAtMs, job.finishedAtMs ? job.finishedAtMs : nowMs);
}

QJsonValue queuedDurationOf(const Job &job, qint64 nowMs)
{
    if (!job.queuedAtMs)
        return QJsonValue::Null;
    return secondsBetween(job.queuedAtMs, job.startedAtMs ? job.startedAtMs : nowMs);
}

QJsonObject jobBasic(const Job &job, const EntityContext &ctx)
{
    const World &w = ctx.world;
    const Pipeline *pipeline = w.pipeline(job.pipelineId);
    const Project *project = w.project(job.projectId);
    QJsonObject o;
    o.insert(QStringLiteral("id"), job.id);
    o.insert(QStringLiteral("status"), job.status);
    o.insert(QStringLiteral("stage"), job.spec.stage);
    o.insert(QStringLiteral("name"), job.spec.name);
    o.insert(QStringLiteral("ref"), pipeline ? pipeline->ref : QString());
    o.insert(QStringLiteral("tag"), pipeline && pipeline->tag);
    o.insert(QStringLiteral("coverage"),
             job.spec.coverage.isEmpty() || job.status != QLatin1String("success")
                 ? QJsonValue(QJsonValue::Null)
                 : QJsonValue(job.spec.coverage.toDouble()));
    o.insert(QStringLiteral("allow_failure"), job.spec.allowFailure);
    o.insert(QStringLiteral("created_at"), isoTime(job.createdAtMs));
    o.insert(QStringLiteral("started_at"), isoTime(job.startedAtMs));
    o.insert(QStringLiteral("finished_at"), isoTime(job.finishedAtMs));
    o.insert(QStringLiteral("erased_at"), isoTime(job.erasedAtMs));
    o.insert(QStringLiteral("duration"), durationOf(job, ctx.nowMs));
    o.insert(QStringLiteral("queued_duration"), queuedDurationOf(job, ctx.nowMs));
    const User *user = w.user(job.userId);
    o.insert(QStringLiteral("user"), user ? QJsonValue(userJson(*user, ctx)) : QJsonValue());
    const Commit *commit = pipeline ? w.commit(pipeline->sha) : nullptr;
    o.insert(QStringLiteral("commit"),
             commit && project ? QJsonValue(commitJson(*commit, *project, ctx)) : QJsonValue());
    o.insert(QStringLiteral("pipeline"),
             pipeline ? QJsonValue(pipelineOfJobJson(*pipeline, ctx)) : QJsonValue());
    if (job.status == QLatin1String("failed"))
        o.insert(QStringLiteral("failure_reason"), job.failureReason);
    o.insert(QStringLiteral("web_url"), project ? projectWebUrl(*project, ctx) +
                                                      QStringLiteral("/-/jobs/") +
                                                      QString::number(job.id)
                                                : QString());
    o.insert(QStringLiteral("project"),
             QJsonObject{{QStringLiteral("ci_job_token_scope_enabled"), false}});
    return o;
}

} // namespace

QJsonValue isoTime(qint64 ms)
{
    if (!ms)
        return QJsonValue::Null;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString projectWebUrl(const Project &project, const EntityContext &ctx)
{
    return ctx.baseUrl + QLatin1Char('/') + ctx.world.projectFullPath(project);
}

QJsonObject userBasicJson(const User &user, const EntityContext &ctx)
{
    return QJsonObject{
        {QStringLiteral("id"), user.id},
        {QStringLiteral("username"), user.username},
        {QStringLiteral("name"), user.name},
        {QStringLiteral("state"), user.state},
        {QStringLiteral("locked"), false},
        {QStringLiteral("avatar_url"),
         QString(ctx.baseUrl + QStringLiteral("/uploads/-/system/user/avatar/") +
                 QString::number(user.id) + QStringLiteral("/avatar.png"))},
        {QStringLiteral("web_url"), QString(ctx.baseUrl + QLatin1Char('/') + user.username)},
    };
}

QJsonObject userJson(const User &user, const EntityContext &ctx)
{
    QJsonObject o = userBasicJson(user, ctx);
    o.insert(QStringLiteral("created_at"), isoTime(user.createdAtMs));
    o.insert(QStringLiteral("bio"), QString());
    o.insert(QStringLiteral("location"), QString());
    o.insert(QStringLiteral("public_email"), QString());
    o.insert(QStringLiteral("skype"), QString());
    o.insert(QStringLiteral("linkedin"), QString());
    o.insert(QStringLiteral("twitter"), QString());
    o.insert(QStringLiteral("discord"), QString());
    o.insert(QStringLiteral("website_url"), QString());
    o.insert(QStringLiteral("organization"), QString());
    o.insert(QStringLiteral("job_title"), QString());
    o.insert(QStringLiteral("pronouns"), QJsonValue());
    o.insert(QStringLiteral("bot"), false);
    o.insert(QStringLiteral("work_information"), QJsonValue());
    o.insert(QStringLiteral("followers"), 0);
    o.insert(QStringLiteral("following"), 0);
    o.insert(QStringLiteral("local_time"), QJsonValue());
    return o;
}

QJsonObject currentUserJson(const User &user, const EntityContext &ctx)
{
    QJsonObject o = userJson(user, ctx);
    o.insert(QStringLiteral("last_sign_in_at"), isoTime(ctx.nowMs - 3600 * 1000));
    o.insert(QStringLiteral("confirmed_at"), isoTime(user.createdAtMs));
    o.insert(QStringLiteral("last_activity_on"),
             QDateTime::fromMSecsSinceEpoch(ctx.nowMs, Qt::UTC).date().toString(Qt::ISODate));
    o.insert(QStringLiteral("email"), user.email);
    o.insert(QStringLiteral("theme_id"), 1);
    o.insert(QStringLiteral("color_scheme_id"), 1);
    o.insert(QStringLiteral("projects_limit"), 100000);
    o.insert(QStringLiteral("current_sign_in_at"), isoTime(ctx.nowMs - 3600 * 1000));
    o.insert(QStringLiteral("identities"), QJsonArray());
    o.insert(QStringLiteral("can_create_group"), true);
    o.insert(QStringLiteral("can_create_project"), true);
    o.insert(QStringLiteral("two_factor_enabled"), false);
    o.insert(QStringLiteral("external"), false);
    o.insert(QStringLiteral("private_profile"), false);
    o.insert(QStringLiteral("commit_email"), user.email);
    if (user.isAdmin)
        o.insert(QStringLiteral("is_admin"), true);
    return o;
}

QJsonObject namespaceJson(const Namespace &ns, const EntityContext &ctx)
{
    const qsizetype slash = ns.path.lastIndexOf(QLatin1Char('/'));
    return QJsonObject{
        {QStringLiteral("id"), ns.id},
        {QStringLiteral("name"), ns.name},
        {QStringLiteral("path"), slash < 0 ? ns.path : ns.path.mid(slash + 1)},
        {QStringLiteral("kind"), ns.kind},
        {QStringLiteral("full_path"), ns.path},
        {QStringLiteral("parent_id"), QJsonValue()},
        {QStringLiteral("avatar_url"), QJsonValue()},
        {QStringLiteral("web_url"),
         QString(ctx.baseUrl +
                 (ns.kind == QLatin1String("group") ? QStringLiteral("/groups/")
                                                    : QStringLiteral("/")) +
                 ns.path)},
    };
}

QJsonObject projectJson(const Project &project, const EntityContext &ctx, bool simple)
{
    const World &w = ctx.world;
    const Namespace *ns = w.ns(project.namespaceId);
    const QString fullPath = w.projectFullPath(project);
    const QString webUrl = projectWebUrl(project, ctx);
    const QString host = QUrl(ctx.baseUrl).host();
    QJsonObject o{
        {QStringLiteral("id"), project.id},
        {QStringLiteral("description"), project.description},
        {QStringLiteral("name"), project.name},
        {QStringLiteral("name_with_namespace"),
         QString((ns ? ns->name + QStringLiteral(" / ") : QString()) + project.name)},
        {QStringLiteral("path"), project.path},
        {QStringLiteral("path_with_namespace"), fullPath},
        {QStringLiteral("created_at"), isoTime(project.createdAtMs)},
        {QStringLiteral("default_branch"), project.defaultBranch},
        {QStringLiteral("tag_list"), QJsonArray::fromStringList(project.topics)},
        {QStringLiteral("topics"), QJsonArray::fromStringList(project.topics)},
        {QStringLiteral("ssh_url_to_repo"),
         QString(QStringLiteral("git@") + host + QLatin1Char(':') + fullPath +
                 QStringLiteral(".git"))},
        {QStringLiteral("http_url_to_repo"), QString(webUrl + QStringLiteral(".git"))},
        {QStringLiteral("web_url"), webUrl},
        {QStringLiteral("readme_url"),
         QString(webUrl + QStringLiteral("/-/blob/") + project.defaultBranch +
                 QStringLiteral("/README.md"))},
        {QStringLiteral("forks_count"), 0},
        {QStringLiteral("avatar_url"), QJsonValue()},
        {QStringLiteral("star_count"), project.starCount},
        {QStringLiteral("last_activity_at"), isoTime(project.lastActivityAtMs)},
        {QStringLiteral("namespace"), ns ? QJsonValue(namespaceJson(*ns, ctx)) : QJsonValue()},
    };
    if (simple)
        return o;
    o.insert(QStringLiteral("visibility"), project.visibility);
    o.insert(QStringLiteral("empty_repo"), false);
    o.insert(QStringLiteral("archived"), false);
    o.insert(QStringLiteral("container_registry_image_prefix"),
             QString(host + QStringLiteral(":5050/") + fullPath));
    o.insert(
        QStringLiteral("_links"),
        QJsonObject{
            {QStringLiteral("self"), QString(ctx.baseUrl + QStringLiteral("/api/v4/projects/") +
                                             QString::number(project.id))},
            {QStringLiteral("issues"),
             QString(ctx.baseUrl + QStringLiteral("/api/v4/projects/") +
                     QString::number(project.id) + QStringLiteral("/issues"))},
            {QStringLiteral("repo_branches"),
             QString(ctx.baseUrl + QStringLiteral("/api/v4/projects/") +
                     QString::number(project.id) + QStringLiteral("/repository/branches"))},
        });
    o.insert(QStringLiteral("jobs_enabled"), true);
    o.insert(QStringLiteral("builds_access_level"), QStringLiteral("enabled"));
    o.insert(QStringLiteral("shared_runners_enabled"), true);
    o.insert(QStringLiteral("creator_id"),
             project.members.isEmpty() ? 0 : project.members.cbegin().key());
    o.insert(QStringLiteral("open_issues_count"), 0);
    o.insert(QStringLiteral("ci_config_path"), QString());
    o.insert(QStringLiteral("public_jobs"), true);
    o.insert(QStringLiteral("ci_default_git_depth"), 20);
    const int level = w.accessLevel(project, ctx.viewerId);
    const Namespace *space = ns;
    const bool viaGroup = space && space->kind == QLatin1String("group");
    o.insert(QStringLiteral("permissions"),
             QJsonObject{
                 {QStringLiteral("project_access"),
                  viaGroup || level == NoAccess
                      ? QJsonValue()
                      : QJsonValue(QJsonObject{{QStringLiteral("access_level"), level},
                                               {QStringLiteral("notification_level"), 3}})},
                 {QStringLiteral("group_access"),
                  viaGroup && level != NoAccess
                      ? QJsonValue(QJsonObject{{QStringLiteral("access_level"), level},
                                               {QStringLiteral("notification_level"), 3}})
                      : QJsonValue()},
             });
    return o;
}

QJsonObject commitJson(const Commit &commit, const Project &project, const EntityContext &ctx)
{
    const QJsonValue at = isoTime(commit.authoredAtMs);
    return QJsonObject{
        {QStringLiteral("id"), commit.sha},
        {QStringLiteral("short_id"), commit.sha.left(8)},
        {QStringLiteral("created_at"), at},
        {QStringLiteral("parent_ids"),
         commit.parentSha.isEmpty() ? QJsonArray() : QJsonArray{commit.parentSha}},
        {QStringLiteral("title"), commit.title},
        {QStringLiteral("message"), commit.message},
        {QStringLiteral("author_name"), commit.authorName},
        {QStringLiteral("author_email"), commit.authorEmail},
        {QStringLiteral("authored_date"), at},
        {QStringLiteral("committer_name"), commit.authorName},
        {QStringLiteral("committer_email"), commit.authorEmail},
        {QStringLiteral("committed_date"), at},
        {QStringLiteral("trailers"), QJsonObject()},
        {QStringLiteral("extended_trailers"), QJsonObject()},
        {QStringLiteral("web_url"),
         QString(projectWebUrl(project, ctx) + QStringLiteral("/-/commit/") + commit.sha)},
    };
}

QJsonObject pipelineOfJobJson(const Pipeline &pipeline, const EntityContext &ctx)
{
    const Project *project = ctx.world.project(pipeline.projectId);
    return QJsonObject{
        {QStringLiteral("id"), pipeline.id},
        {QStringLiteral("iid"), pipeline.iid},
        {QStringLiteral("project_id"), pipeline.projectId},
        {QStringLiteral("sha"), pipeline.sha},
        {QStringLiteral("ref"), pipeline.ref},
        {QStringLiteral("status"), pipeline.status},
        {QStringLiteral("source"), pipeline.source},
        {QStringLiteral("created_at"), isoTime(pipeline.createdAtMs)},
        {QStringLiteral("updated_at"), isoTime(pipeline.updatedAtMs)},
        {QStringLiteral("web_url"),
         project ? QString(projectWebUrl(*project, ctx) + QStringLiteral("/-/pipelines/") +
                           QString::number(pipeline.id))
                 : QString()},
    };
}

QJsonObject pipelineBasicJson(const Pipeline &pipeline, const EntityContext &ctx)
{
    QJsonObject o = pipelineOfJobJson(pipeline, ctx);
    o.insert(QStringLiteral("name"),
             pipeline.name.isEmpty() ? QJsonValue() : QJsonValue(pipeline.name));
    return o;
}

QJsonObject detailedStatusJson(const QString &status, const QString &detailsPath)
{
    QString text = statusText(status);
    QString group = status;
    group.replace(QLatin1Char('_'), QLatin1Char('-'));
    const QString icon =
        QStringLiteral("status_") +
        (status == QLatin1String("waiting_for_resource") ? QStringLiteral("pending") : status);
    QString label = text;
    if (status == QLatin1String("manual"))
        label = QStringLiteral("manual action");
    return QJsonObject{
        {QStringLiteral("icon"), icon},
        {QStringLiteral("text"), QString(text.left(1).toUpper() + text.mid(1))},
        {QStringLiteral("label"), label},
        {QStringLiteral("group"), group},
        {QStringLiteral("tooltip"), text},
        {QStringLiteral("has_details"), true},
        {QStringLiteral("details_path"), detailsPath},
        {QStringLiteral("illustration"), QJsonValue()},
        {QStringLiteral("favicon"),
         QString(QStringLiteral("/assets/ci_favicons/favicon_") + icon + QStringLiteral(".png"))},
    };
}

QJsonObject pipelineJson(const Pipeline &pipeline, const EntityContext &ctx)
{
    const World &w = ctx.world;
    QJsonObject o = pipelineBasicJson(pipeline, ctx);
    o.insert(QStringLiteral("before_sha"), pipeline.beforeSha);
    o.insert(QStringLiteral("tag"), pipeline.tag);
    o.insert(QStringLiteral("yaml_errors"), QJsonValue());
    const User *user = w.user(pipeline.userId);
    o.insert(QStringLiteral("user"), user ? QJsonValue(userBasicJson(*user, ctx)) : QJsonValue());
    o.insert(QStringLiteral("started_at"), isoTime(pipeline.startedAtMs));
    o.insert(QStringLiteral("finished_at"), isoTime(pipeline.finishedAtMs));
    const Commit *commit = w.commit(pipeline.sha);
    o.insert(QStringLiteral("committed_at"),
             commit ? isoTime(commit->authoredAtMs) : QJsonValue(QJsonValue::Null));
    if (pipeline.startedAtMs) {
        const qint64 end = pipeline.finishedAtMs ? pipeline.finishedAtMs : ctx.nowMs;
        o.insert(QStringLiteral("duration"), qint64((end - pipeline.startedAtMs) / 1000));
        o.insert(QStringLiteral("queued_duration"),
                 qint64((pipeline.startedAtMs - pipeline.createdAtMs) / 1000));
    } else {
        o.insert(QStringLiteral("duration"), QJsonValue());
        o.insert(QStringLiteral("queued_duration"), QJsonValue());
    }
    QJsonValue coverage;
    for (const Job *j : w.jobsOfPipeline(pipeline.id, false, false)) {
        if (!j->spec.coverage.isEmpty() && j->status == QLatin1String("success"))
            coverage = QString::number(j->spec.coverage.toDouble(), 'f', 2);
    }
    o.insert(QStringLiteral("coverage"), coverage);
    const Project *project = w.project(pipeline.projectId);
    const QString path = project
                             ? QLatin1Char('/') + w.projectFullPath(*project) +
                                   QStringLiteral("/-/pipelines/") + QString::number(pipeline.id)
                             : QString();
    o.insert(QStringLiteral("detailed_status"), detailedStatusJson(pipeline.status, path));
    o.insert(QStringLiteral("archived"), false);
    return o;
}

QJsonObject jobJson(const Job &job, const EntityContext &ctx)
{
    QJsonObject o = jobBasic(job, ctx);
    QJsonArray artifacts;
    if (job.spec.artifacts) {
        artifacts.append(QJsonObject{{QStringLiteral("file_type"), QStringLiteral("archive")},
                                     {QStringLiteral("size"), 4096 + job.id % 1000},
                                     {QStringLiteral("filename"), QStringLiteral("artifacts.zip")},
                                     {QStringLiteral("file_format"), QStringLiteral("zip")}});
        artifacts.append(QJsonObject{{QStringLiteral("file_type"), QStringLiteral("metadata")},
                                     {QStringLiteral("size"), 186},
                                     {QStringLiteral("filename"), QStringLiteral("metadata.gz")},
                                     {QStringLiteral("file_format"), QStringLiteral("gzip")}});
        o.insert(QStringLiteral("artifacts_file"),
                 QJsonObject{{QStringLiteral("filename"), QStringLiteral("artifacts.zip")},
                             {QStringLiteral("size"), 4096 + job.id % 1000}});
    }
    if (job.startedAtMs && !job.traceErased)
        artifacts.append(QJsonObject{{QStringLiteral("file_type"), QStringLiteral("trace")},
                                     {QStringLiteral("size"), 1500 + job.id % 5000},
                                     {QStringLiteral("filename"), QStringLiteral("job.log")},
                                     {QStringLiteral("file_format"), QJsonValue()}});
    o.insert(QStringLiteral("artifacts"), artifacts);
    o.insert(QStringLiteral("artifacts_expire_at"),
             job.spec.artifacts && job.finishedAtMs
                 ? isoTime(job.finishedAtMs + 30LL * 24 * 3600 * 1000)
                 : QJsonValue(QJsonValue::Null));
    QStringList tags = job.spec.tags;
    tags.sort();
    o.insert(QStringLiteral("tag_list"), QJsonArray::fromStringList(tags));
    const Runner *runner = ctx.world.runner(job.runnerId);
    if (runner) {
        o.insert(QStringLiteral("runner"),
                 QJsonObject{{QStringLiteral("id"), runner->id},
                             {QStringLiteral("description"), runner->description},
                             {QStringLiteral("ip_address"), QJsonValue()},
                             {QStringLiteral("active"), true},
                             {QStringLiteral("paused"), false},
                             {QStringLiteral("is_shared"), runner->isShared},
                             {QStringLiteral("runner_type"), runner->runnerType},
                             {QStringLiteral("name"), QStringLiteral("gitlab-runner")},
                             {QStringLiteral("online"), true},
                             {QStringLiteral("status"), QStringLiteral("online")}});
        o.insert(
            QStringLiteral("runner_manager"),
            QJsonObject{{QStringLiteral("id"), runner->id * 10 + 1},
                        {QStringLiteral("system_id"),
                         QString(QStringLiteral("s_") + QString::number(runner->id * 7919, 16))},
                        {QStringLiteral("version"), QStringLiteral("17.5.0")},
                        {QStringLiteral("revision"), QStringLiteral("3f8a5c21")},
                        {QStringLiteral("platform"), QStringLiteral("linux")},
                        {QStringLiteral("architecture"), QStringLiteral("amd64")},
                        {QStringLiteral("created_at"), isoTime(ctx.nowMs - 86400000LL * 40)},
                        {QStringLiteral("contacted_at"), isoTime(ctx.nowMs - 2000)},
                        {QStringLiteral("ip_address"), QStringLiteral("127.0.0.1")},
                        {QStringLiteral("status"), QStringLiteral("online")}});
    } else {
        o.insert(QStringLiteral("runner"), QJsonValue());
        o.insert(QStringLiteral("runner_manager"), QJsonValue());
    }
    o.insert(QStringLiteral("archived"), false);
    return o;
}

QJsonObject bridgeJson(const Job &bridge, const EntityContext &ctx)
{
    QJsonObject o = jobBasic(bridge, ctx);
    const Pipeline *downstream = ctx.world.pipeline(bridge.downstreamPipelineId);
    o.insert(QStringLiteral("downstream_pipeline"),
             downstream ? QJsonValue(pipelineOfJobJson(*downstream, ctx)) : QJsonValue());
    return o;
}

QJsonObject triggerJson(const Trigger &trigger, const EntityContext &ctx)
{
    const User *owner = ctx.world.user(trigger.ownerId);
    const bool full = trigger.ownerId != 0 && trigger.ownerId == ctx.viewerId;
    return QJsonObject{
        {QStringLiteral("id"), trigger.id},
        {QStringLiteral("token"), full ? trigger.token : trigger.token.left(4)},
        {QStringLiteral("description"), trigger.description},
        {QStringLiteral("created_at"), isoTime(trigger.createdAtMs)},
        {QStringLiteral("updated_at"), isoTime(trigger.updatedAtMs)},
        {QStringLiteral("last_used"), isoTime(trigger.lastUsedMs)},
        {QStringLiteral("expires_at"), trigger.expiresAt.isValid()
                                           ? QJsonValue(trigger.expiresAt.toString(Qt::ISODate))
                                           : QJsonValue()},
        {QStringLiteral("owner"), owner ? QJsonValue(userBasicJson(*owner, ctx)) : QJsonValue()},
    };
}

QJsonObject variableJson(const Variable &variable)
{
    return QJsonObject{
        {QStringLiteral("variable_type"), variable.variableType},
        {QStringLiteral("key"), variable.key},
        {QStringLiteral("value"), variable.value},
    };
}

QJsonObject branchJson(const Branch &branch, const Project &project, const EntityContext &ctx)
{
    const Commit *commit = ctx.world.commit(branch.commitSha);
    QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(branch.name, "/"));
    return QJsonObject{
        {QStringLiteral("name"), branch.name},
        {QStringLiteral("commit"),
         commit ? QJsonValue(commitJson(*commit, project, ctx)) : QJsonValue()},
        {QStringLiteral("merged"), false},
        {QStringLiteral("protected"), branch.isProtected},
        {QStringLiteral("default"), branch.name == project.defaultBranch},
        {QStringLiteral("developers_can_push"), !branch.isProtected},
        {QStringLiteral("developers_can_merge"), !branch.isProtected},
        {QStringLiteral("can_push"), ctx.world.accessLevel(project, ctx.viewerId) >=
                                         (branch.isProtected ? Maintainer : Developer)},
        {QStringLiteral("web_url"),
         QString(projectWebUrl(project, ctx) + QStringLiteral("/-/tree/") + encoded)},
    };
}

QJsonObject tagJson(const Tag &tag, const Project &project, const EntityContext &ctx)
{
    const Commit *commit = ctx.world.commit(tag.commitSha);
    return QJsonObject{
        {QStringLiteral("name"), tag.name},
        {QStringLiteral("message"), tag.message},
        {QStringLiteral("target"), tag.commitSha},
        {QStringLiteral("commit"),
         commit ? QJsonValue(commitJson(*commit, project, ctx)) : QJsonValue()},
        {QStringLiteral("release"), QJsonValue()},
        {QStringLiteral("protected"), tag.isProtected},
        {QStringLiteral("created_at"), isoTime(tag.createdAtMs)},
    };
}

QJsonObject personalAccessTokenJson(const TokenGrant &grant, qint64 tokenId, qint64 userId,
                                    const EntityContext &ctx)
{
    const bool expired =
        grant.expiresAt.isValid() &&
        grant.expiresAt < QDateTime::fromMSecsSinceEpoch(ctx.nowMs, Qt::UTC).date();
    return QJsonObject{
        {QStringLiteral("id"), tokenId},
        {QStringLiteral("name"),
         QString(QStringLiteral("pipedeck-sim token ") + QString::number(tokenId))},
        {QStringLiteral("revoked"), false},
        {QStringLiteral("created_at"), isoTime(ctx.nowMs - 30LL * 86400000)},
        {QStringLiteral("description"), QString()},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(grant.scopes)},
        {QStringLiteral("user_id"), userId},
        {QStringLiteral("last_used_at"), isoTime(ctx.nowMs)},
        {QStringLiteral("active"), !expired},
        {QStringLiteral("expires_at"), grant.expiresAt.isValid()
                                           ? QJsonValue(grant.expiresAt.toString(Qt::ISODate))
                                           : QJsonValue()},
    };
}

QJsonObject versionJson()
{
    return QJsonObject{
        {QStringLiteral("version"), QStringLiteral("17.5.2-ee")},
        {QStringLiteral("revision"), QStringLiteral("b7a4e5f1")},
        {QStringLiteral("kas"), QJsonObject{{QStringLiteral("enabled"), false},
                                            {QStringLiteral("externalUrl"), QJsonValue()},
                                            {QStringLiteral("externalK8sProxyUrl"), QJsonValue()},
                                            {QStringLiteral("version"), QJsonValue()}}},
        {QStringLiteral("enterprise"), true},
    };
}

} // namespace pipedeck::sim
