#include "gitlab/parse/json_parsers.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <cmath>

namespace pipedeck::gitlab {

namespace {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

//! GitLab ids are JSON integers; a double that is not integral or a string is a broken reply.
std::optional<qint64> integer(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > 9.0e15)
        return std::nullopt;
    return static_cast<qint64>(number);
}

std::optional<qint64> requireId(const QJsonObject &json, QLatin1StringView key, QString *error,
                                QLatin1StringView what)
{
    const auto id = integer(json.value(key));
    if (!id)
        setError(error, what + QLatin1StringView(": missing or non-integer \"") + key +
                            QLatin1StringView("\""));
    return id;
}

std::optional<QString> requireString(const QJsonObject &json, QLatin1StringView key, QString *error,
                                     QLatin1StringView what)
{
    const QJsonValue value = json.value(key);
    if (!value.isString()) {
        setError(error, what + QLatin1StringView(": missing or non-string \"") + key +
                            QLatin1StringView("\""));
        return std::nullopt;
    }
    return value.toString();
}

QString text(const QJsonObject &json, QLatin1StringView key)
{
    return json.value(key).toString();
}

bool flag(const QJsonObject &json, QLatin1StringView key)
{
    return json.value(key).toBool(false);
}

qint64 integerOr(const QJsonObject &json, QLatin1StringView key, qint64 fallback = 0)
{
    return integer(json.value(key)).value_or(fallback);
}

std::optional<double> seconds(const QJsonObject &json, QLatin1StringView key)
{
    const QJsonValue value = json.value(key);
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || number < 0)
        return std::nullopt;
    return number;
}

QDateTime timestamp(const QJsonObject &json, QLatin1StringView key)
{
    const QString value = json.value(key).toString();
    if (value.isEmpty())
        return {};
    QDateTime parsed = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(value, Qt::ISODate);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QDate date(const QJsonObject &json, QLatin1StringView key)
{
    const QString value = json.value(key).toString();
    if (value.isEmpty())
        return {};
    const QDate parsed = QDate::fromString(value.left(10), Qt::ISODate);
    return parsed;
}

QUrl url(const QJsonObject &json, QLatin1StringView key)
{
    const QString value = json.value(key).toString();
    if (value.isEmpty())
        return {};
    return QUrl(value, QUrl::StrictMode);
}

QStringList strings(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    result.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (item.isString())
            result.append(item.toString());
    }
    return result;
}

//! An embedded user that fails to parse is dropped rather than failing the whole object:
//! it is decoration, not identity.
std::optional<User> optionalUser(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    return parseUser(value.toObject());
}

void fillStatus(const QJsonObject &json, CiStatus &status, QString &statusName)
{
    statusName = text(json, QLatin1StringView("status"));
    status = ciStatusFromString(statusName);
}

template<class T, class Parser>
std::optional<QList<T>> parseList(const QJsonArray &json, QString *error, Parser parser)
{
    QList<T> result;
    result.reserve(json.size());
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QJsonValue item = json.at(i);
        if (!item.isObject()) {
            setError(error, QStringLiteral("element %1 is not an object").arg(i));
            return std::nullopt;
        }
        QString itemError;
        auto parsed = parser(item.toObject(), &itemError);
        if (!parsed) {
            setError(error, QStringLiteral("element %1: %2").arg(i).arg(itemError));
            return std::nullopt;
        }
        result.append(std::move(*parsed));
    }
    return result;
}

bool fillJobCommon(const QJsonObject &json, JobCommon &job, QString *error, QLatin1StringView what)
{
    const auto id = requireId(json, QLatin1StringView("id"), error, what);
    if (!id)
        return false;
    job.id = *id;
    job.name = text(json, QLatin1StringView("name"));
    job.stage = text(json, QLatin1StringView("stage"));
    fillStatus(json, job.status, job.statusName);
    job.ref = text(json, QLatin1StringView("ref"));
    job.tag = flag(json, QLatin1StringView("tag"));
    job.allowFailure = flag(json, QLatin1StringView("allow_failure"));
    job.retried = flag(json, QLatin1StringView("retried"));
    job.failureReason = text(json, QLatin1StringView("failure_reason"));
    job.webUrl = url(json, QLatin1StringView("web_url"));
    job.user = optionalUser(json.value(QLatin1StringView("user")));
    if (const QJsonValue pipeline = json.value(QLatin1StringView("pipeline"));
        pipeline.isObject()) {
        if (auto parsed = parsePipeline(pipeline.toObject()))
            job.pipeline = std::move(*parsed);
    }
    if (const QJsonValue commit = json.value(QLatin1StringView("commit")); commit.isObject()) {
        job.commitTitle = text(commit.toObject(), QLatin1StringView("title"));
        job.commitShortId = text(commit.toObject(), QLatin1StringView("short_id"));
    }
    job.createdAt = timestamp(json, QLatin1StringView("created_at"));
    job.startedAt = timestamp(json, QLatin1StringView("started_at"));
    job.finishedAt = timestamp(json, QLatin1StringView("finished_at"));
    job.erasedAt = timestamp(json, QLatin1StringView("erased_at"));
    job.duration = seconds(json, QLatin1StringView("duration"));
    job.queuedDuration = seconds(json, QLatin1StringView("queued_duration"));
    return true;
}

} // namespace

std::optional<User> parseUser(const QJsonObject &json, QString *error)
{
    const auto id = requireId(json, QLatin1StringView("id"), error, QLatin1StringView("user"));
    if (!id)
        return std::nullopt;
    User user;
    user.id = *id;
    user.username = text(json, QLatin1StringView("username"));
    user.name = text(json, QLatin1StringView("name"));
    user.state = text(json, QLatin1StringView("state"));
    user.avatarUrl = url(json, QLatin1StringView("avatar_url"));
    user.webUrl = url(json, QLatin1StringView("web_url"));
    return user;
}

std::optional<PersonalAccessTokenInfo> parseTokenInfo(const QJsonObject &json, QString *error)
{
    const auto id = requireId(json, QLatin1StringView("id"), error, QLatin1StringView("token"));
    if (!id)
        return std::nullopt;
    if (!json.value(QLatin1StringView("scopes")).isArray()) {
        setError(error, QStringLiteral("token: missing \"scopes\""));
        return std::nullopt;
    }
    PersonalAccessTokenInfo info;
    info.id = *id;
    info.name = text(json, QLatin1StringView("name"));
    info.scopes = strings(json.value(QLatin1StringView("scopes")));
    info.expiresAt = date(json, QLatin1StringView("expires_at"));
    info.active = flag(json, QLatin1StringView("active"));
    info.revoked = flag(json, QLatin1StringView("revoked"));
    info.createdAt = timestamp(json, QLatin1StringView("created_at"));
    info.lastUsedAt = timestamp(json, QLatin1StringView("last_used_at"));
    info.userId = integerOr(json, QLatin1StringView("user_id"));
    return info;
}

std::optional<Version> parseVersion(const QJsonObject &json, QString *error)
{
    auto version =
        requireString(json, QLatin1StringView("version"), error, QLatin1StringView("version"));
    if (!version)
        return std::nullopt;
    Version result;
    result.version = *version;
    result.revision = text(json, QLatin1StringView("revision"));
    if (const QJsonValue enterprise = json.value(QLatin1StringView("enterprise"));
        enterprise.isBool())
        result.enterprise = enterprise.toBool();
    return result;
}

std::optional<Project> parseProject(const QJsonObject &json, QString *error)
{
    const auto id = requireId(json, QLatin1StringView("id"), error, QLatin1StringView("project"));
    if (!id)
        return std::nullopt;
    Project project;
    project.id = *id;
    project.name = text(json, QLatin1StringView("name"));
    project.path = text(json, QLatin1StringView("path"));
    project.pathWithNamespace = text(json, QLatin1StringView("path_with_namespace"));
    project.nameWithNamespace = text(json, QLatin1StringView("name_with_namespace"));
    project.description = text(json, QLatin1StringView("description"));
    project.webUrl = url(json, QLatin1StringView("web_url"));
    project.avatarUrl = url(json, QLatin1StringView("avatar_url"));
    project.defaultBranch = text(json, QLatin1StringView("default_branch"));
    project.createdAt = timestamp(json, QLatin1StringView("created_at"));
    project.lastActivityAt = timestamp(json, QLatin1StringView("last_activity_at"));
    project.starCount = static_cast<int>(integerOr(json, QLatin1StringView("star_count")));
    return project;
}

std::optional<Pipeline> parsePipeline(const QJsonObject &json, QString *error)
{
    const auto id = requireId(json, QLatin1StringView("id"), error, QLatin1StringView("pipeline"));
    if (!id)
        return std::nullopt;
    Pipeline pipeline;
    pipeline.id = *id;
    pipeline.iid = integer(json.value(QLatin1StringView("iid")));
    pipeline.projectId = integerOr(json, QLatin1StringView("project_id"));
    fillStatus(json, pipeline.status, pipeline.statusName);
    pipeline.source = text(json, QLatin1StringView("source"));
    pipeline.ref = text(json, QLatin1StringView("ref"));
    pipeline.sha = text(json, QLatin1StringView("sha"));
    pipeline.name = text(json, QLatin1StringView("name"));
    pipeline.webUrl = url(json, QLatin1StringView("web_url"));
    pipeline.createdAt = timestamp(json, QLatin1StringView("created_at"));
    pipeline.updatedAt = timestamp(json, QLatin1StringView("updated_at"));

    // The detailed entity (GET /pipelines/:id) is recognised by its detail-only keys.
    pipeline.detailed = json.contains(QLatin1StringView("before_sha")) ||
                        json.contains(QLatin1StringView("detailed_status")) ||
                        json.contains(QLatin1StringView("started_at"));
    pipeline.tag = flag(json, QLatin1StringView("tag"));
    pipeline.beforeSha = text(json, QLatin1StringView("before_sha"));
    pipeline.user = optionalUser(json.value(QLatin1StringView("user")));
    pipeline.startedAt = timestamp(json, QLatin1StringView("started_at"));
    pipeline.finishedAt = timestamp(json, QLatin1StringView("finished_at"));
    pipeline.committedAt = timestamp(json, QLatin1StringView("committed_at"));
    pipeline.duration = seconds(json, QLatin1StringView("duration"));
    pipeline.queuedDuration = seconds(json, QLatin1StringView("queued_duration"));
    if (const QJsonValue commit = json.value(QLatin1StringView("commit")); commit.isObject())
        pipeline.commitTitle = text(commit.toObject(), QLatin1StringView("title"));
    else
        pipeline.commitTitle = text(json, QLatin1StringView("commit_title"));
    return pipeline;
}

std::optional<Job> parseJob(const QJsonObject &json, QString *error)
{
    Job job;
    if (!fillJobCommon(json, job, error, QLatin1StringView("job")))
        return std::nullopt;
    if (const QJsonValue runner = json.value(QLatin1StringView("runner")); runner.isObject()) {
        const QJsonObject object = runner.toObject();
        Runner parsed;
        parsed.id = integerOr(object, QLatin1StringView("id"));
        parsed.description = text(object, QLatin1StringView("description"));
        parsed.name = text(object, QLatin1StringView("name"));
        parsed.isShared = flag(object, QLatin1StringView("is_shared"));
        parsed.online = flag(object, QLatin1StringView("online"));
        job.runner = parsed;
    }
    job.tagList = strings(json.value(QLatin1StringView("tag_list")));
    const QJsonArray artifacts = json.value(QLatin1StringView("artifacts")).toArray();
    for (const QJsonValue &value : artifacts) {
        const QJsonObject object = value.toObject();
        JobArtifact artifact;
        artifact.fileType = text(object, QLatin1StringView("file_type"));
        artifact.filename = text(object, QLatin1StringView("filename"));
        artifact.fileFormat = text(object, QLatin1StringView("file_format"));
        artifact.size = integerOr(object, QLatin1StringView("size"));
        job.artifacts.append(artifact);
    }
    job.artifactsExpireAt = timestamp(json, QLatin1StringView("artifacts_expire_at"));
    job.archived = flag(json, QLatin1StringView("archived"));
    return job;
}

std::optional<Bridge> parseBridge(const QJsonObject &json, QString *error)
{
    Bridge bridge;
    if (!fillJobCommon(json, bridge, error, QLatin1StringView("bridge")))
        return std::nullopt;
    if (const QJsonValue downstream = json.value(QLatin1StringView("downstream_pipeline"));
        downstream.isObject()) {
        QString downstreamError;
        bridge.downstreamPipeline = parsePipeline(downstream.toObject(), &downstreamError);
        if (!bridge.downstreamPipeline) {
            setError(error, QStringLiteral("bridge: downstream_pipeline: ") + downstreamError);
            return std::nullopt;
        }
    }
    return bridge;
}

std::optional<Trigger> parseTrigger(const QJsonObject &json, QString *error)
{
    const auto id = requireId(json, QLatin1StringView("id"), error, QLatin1StringView("trigger"));
    if (!id)
        return std::nullopt;
    Trigger trigger;
    trigger.id = *id;
    trigger.description = text(json, QLatin1StringView("description"));
    trigger.token = text(json, QLatin1StringView("token"));
    trigger.owner = optionalUser(json.value(QLatin1StringView("owner")));
    trigger.lastUsed = timestamp(json, QLatin1StringView("last_used"));
    trigger.createdAt = timestamp(json, QLatin1StringView("created_at"));
    trigger.updatedAt = timestamp(json, QLatin1StringView("updated_at"));
    trigger.expiresAt = date(json, QLatin1StringView("expires_at"));
    return trigger;
}

std::optional<Variable> parseVariable(const QJsonObject &json, QString *error)
{
    auto key = requireString(json, QLatin1StringView("key"), error, QLatin1StringView("variable"));
    if (!key)
        return std::nullopt;
    Variable variable;
    variable.key = *key;
    variable.value = text(json, QLatin1StringView("value"));
    variable.type = text(json, QLatin1StringView("variable_type")) == QLatin1StringView("file")
                        ? VariableType::File
                        : VariableType::EnvVar;
    return variable;
}

std::optional<Branch> parseBranch(const QJsonObject &json, QString *error)
{
    auto name = requireString(json, QLatin1StringView("name"), error, QLatin1StringView("branch"));
    if (!name)
        return std::nullopt;
    Branch branch;
    branch.name = *name;
    const QJsonObject commit = json.value(QLatin1StringView("commit")).toObject();
    branch.commitSha = text(commit, QLatin1StringView("id"));
    branch.commitTitle = text(commit, QLatin1StringView("title"));
    branch.merged = flag(json, QLatin1StringView("merged"));
    branch.isProtected = flag(json, QLatin1StringView("protected"));
    branch.isDefault = flag(json, QLatin1StringView("default"));
    branch.webUrl = url(json, QLatin1StringView("web_url"));
    return branch;
}

std::optional<Tag> parseTag(const QJsonObject &json, QString *error)
{
    auto name = requireString(json, QLatin1StringView("name"), error, QLatin1StringView("tag"));
    if (!name)
        return std::nullopt;
    Tag tag;
    tag.name = *name;
    tag.message = text(json, QLatin1StringView("message"));
    const QJsonObject commit = json.value(QLatin1StringView("commit")).toObject();
    tag.commitSha = text(commit, QLatin1StringView("id"));
    tag.commitTitle = text(commit, QLatin1StringView("title"));
    tag.isProtected = flag(json, QLatin1StringView("protected"));
    tag.createdAt = timestamp(json, QLatin1StringView("created_at"));
    return tag;
}

std::optional<QList<Project>> parseProjects(const QJsonArray &json, QString *error)
{
    return parseList<Project>(json, error, parseProject);
}
std::optional<QList<Pipeline>> parsePipelines(const QJsonArray &json, QString *error)
{
    return parseList<Pipeline>(json, error, parsePipeline);
}
std::optional<QList<Job>> parseJobs(const QJsonArray &json, QString *error)
{
    return parseList<Job>(json, error, parseJob);
}
std::optional<QList<Bridge>> parseBridges(const QJsonArray &json, QString *error)
{
    return parseList<Bridge>(json, error, parseBridge);
}
std::optional<QList<Trigger>> parseTriggers(const QJsonArray &json, QString *error)
{
    return parseList<Trigger>(json, error, parseTrigger);
}
std::optional<QList<Variable>> parseVariables(const QJsonArray &json, QString *error)
{
    return parseList<Variable>(json, error, parseVariable);
}
std::optional<QList<Branch>> parseBranches(const QJsonArray &json, QString *error)
{
    return parseList<Branch>(json, error, parseBranch);
}
std::optional<QList<Tag>> parseTags(const QJsonArray &json, QString *error)
{
    return parseList<Tag>(json, error, parseTag);
}

QString parseErrorMessage(const QByteArray &body)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return {};
    const QJsonObject json = document.object();

    const QJsonValue message = json.value(QLatin1StringView("message"));
    if (message.isString())
        return message.toString();
    if (message.isObject()) {
        // {"message":{"error":"..."}} (application rate limits) or validation errors
        // {"message":{"base":["..."],"ref":["is invalid"]}}.
        const QJsonObject object = message.toObject();
        if (object.value(QLatin1StringView("error")).isString())
            return object.value(QLatin1StringView("error")).toString();
        QStringList parts;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QStringList texts =
                it.value().isString() ? QStringList{it.value().toString()} : strings(it.value());
            for (const QString &item : texts) {
                parts.append(it.key() == QLatin1StringView("base")
                                 ? item
                                 : it.key() + QLatin1Char(' ') + item);
            }
        }
        return parts.join(QLatin1StringView("; "));
    }
    if (message.isArray())
        return strings(message).join(QLatin1StringView("; "));

    const QString description = json.value(QLatin1StringView("error_description")).toString();
    if (!description.isEmpty())
        return description;
    return json.value(QLatin1StringView("error")).toString();
}

} // namespace pipedeck::gitlab
