#include "sim/router.h"

#include "sim/world.h"

#include <QJsonDocument>
#include <QVariant>

#include <QUrl>
#include <algorithm>

namespace pipedeck::sim {

EntityContext ApiCall::entities() const
{
    return EntityContext{world, baseUrl, world.nowMs(), identity.userId};
}

void Router::add(const QByteArray &method, const QString &pattern, Access access,
                 RouteHandler handler)
{
    m_routes.append(Route{method, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), access,
                          std::move(handler)});
}

HttpResponse Router::dispatch(World &world, const Authenticator &auth, const HttpRequest &request,
                              const QString &baseUrl) const
{
    const QByteArray rawPath = request.path();
    if (!rawPath.startsWith("/api/v4/") && rawPath != "/api/v4")
        return HttpResponse::error(404, QStringLiteral("404 Not Found"));
    const QList<QByteArray> rawSegments = rawPath.mid(8).split('/');
    QStringList segments;
    for (const QByteArray &raw : rawSegments) {
        if (!raw.isEmpty())
            segments.append(QUrl::fromPercentEncoding(raw));
    }
    QByteArray method = request.method;
    if (method == "HEAD")
        method = "GET";

    const Route *match = nullptr;
    bool pathMatched = false;
    QStringList captures;
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        QStringList found;
        bool ok = true;
        for (qsizetype i = 0; i < segments.size() && ok; ++i) {
            if (route.segments[i].startsWith(QLatin1Char(':')))
                found.append(segments[i]);
            else
                ok = route.segments[i] == segments[i];
        }
        if (!ok)
            continue;
        pathMatched = true;
        if (route.method == method) {
            match = &route;
            captures = found;
            break;
        }
    }
    if (!match) {
        if (pathMatched)
            return HttpResponse::error(405, QStringLiteral("405 Not Allowed"));
        return HttpResponse::error(404, QStringLiteral("404 Not Found"));
    }

    QString parseError;
    const std::optional<RequestParams> params = RequestParams::parse(
        request.query(), request.header("Content-Type"), request.body, &parseError);
    if (!params)
        return HttpResponse::error(400, parseError);

    Identity identity;
    if (match->access != Access::None) {
        const AuthResult result = auth.authenticate(request, *params);
        switch (result.failure) {
        case AuthFailure::None:
            break;
        case AuthFailure::Expired:
            return expiredTokenResponse();
        case AuthFailure::Missing:
        case AuthFailure::Unknown:
            return unauthorizedResponse();
        }
        identity = result.identity;
        const bool isJob = identity.kind == Identity::Kind::JobToken;
        switch (match->access) {
        case Access::None:
            break;
        case Access::JobOnly:
            if (!isJob)
                return unauthorizedResponse();
            break;
        case Access::JobRead:
            if (!identity.canRead())
                return insufficientScopeResponse(QStringLiteral("api read_api"));
            break;
        case Access::Read:
            if (isJob)
                return unauthorizedResponse();
            if (!identity.canRead())
                return insufficientScopeResponse(QStringLiteral("api read_api"));
            break;
        case Access::ReadUser:
            if (isJob)
                return unauthorizedResponse();
            if (!identity.canRead() && !identity.scopes.contains(QLatin1String("read_user")))
                return insufficientScopeResponse(QStringLiteral("api read_api read_user"));
            break;
        case Access::Write:
            if (isJob)
                return unauthorizedResponse();
            if (!identity.canWrite())
                return insufficientScopeResponse(QStringLiteral("api"));
            break;
        }
    }
    ApiCall call{world, auth, request, *params, identity, baseUrl, captures};
    return match->handler(call);
}

HttpResponse jsonResponse(int status, const QJsonObject &object)
{
    return HttpResponse::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

HttpResponse jsonResponse(int status, const QJsonArray &array)
{
    return HttpResponse::json(status, QJsonDocument(array).toJson(QJsonDocument::Compact));
}

HttpResponse notFound(const QString &what)
{
    return HttpResponse::message(404, what.isEmpty() ? QStringLiteral("404 Not found")
                                                     : QStringLiteral("404 ") + what +
                                                           QStringLiteral(" Not Found"));
}

HttpResponse badRequest(const QString &message)
{
    return HttpResponse::message(400, QStringLiteral("400 Bad request - ") + message);
}

HttpResponse missingParam(const QString &name)
{
    return HttpResponse::error(400, name + QStringLiteral(" is missing"));
}

HttpResponse referenceNotFound()
{
    return jsonResponse(
        400, QJsonObject{{QStringLiteral("message"),
                          QJsonObject{{QStringLiteral("base"),
                                       QJsonArray{QStringLiteral("Reference not found")}}}}});
}

RouteHandler onProject(int minLevel, ProjectAction action)
{
    return [minLevel, action = std::move(action)](ApiCall &call) {
        HttpResponse error;
        const Project *project = findProject(call, call.capture(0), minLevel, &error);
        return project ? action(call, *project) : error;
    };
}

const QStringList &ciStatuses()
{
    static const QStringList statuses = {
        QStringLiteral("created"),   QStringLiteral("waiting_for_resource"),
        QStringLiteral("preparing"), QStringLiteral("waiting_for_callback"),
        QStringLiteral("pending"),   QStringLiteral("running"),
        QStringLiteral("success"),   QStringLiteral("failed"),
        QStringLiteral("canceling"), QStringLiteral("canceled"),
        QStringLiteral("skipped"),   QStringLiteral("manual"),
        QStringLiteral("scheduled")};
    return statuses;
}

// variables as GitLab's create-pipeline takes them: a JSON array of {key, value,
// variable_type}, or Rack's form `variables[0][key]=...` (a hash keyed by index).
std::optional<QList<Variable>> variablesParam(const QJsonValue &value, const QString &name,
                                              HttpResponse *error, bool keyAndValueRequired)
{
    QList<QJsonValue> items;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &v : array)
            items.append(v);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
            return a.toLongLong() < b.toLongLong();
        });
        for (const QString &k : std::as_const(keys))
            items.append(object.value(k));
    } else if (!value.isUndefined() && !value.isNull()) {
        *error = HttpResponse::error(400, name + QStringLiteral(" is invalid"));
        return std::nullopt;
    }
    QList<Variable> out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items[i].toObject();
        const QString prefix = name + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
        for (const QString &required : {QStringLiteral("key"), QStringLiteral("value")}) {
            if (keyAndValueRequired && !o.contains(required)) {
                *error = HttpResponse::error(400, prefix + QLatin1Char('[') + required +
                                                      QStringLiteral("] is missing"));
                return std::nullopt;
            }
        }
        Variable v;
        v.key = o.value(QStringLiteral("key")).toVariant().toString();
        v.value = o.value(QStringLiteral("value")).toVariant().toString();
        if (o.contains(QStringLiteral("variable_type")))
            v.variableType = o.value(QStringLiteral("variable_type")).toString();
        if (v.variableType != QLatin1String("env_var") && v.variableType != QLatin1String("file")) {
            *error = HttpResponse::error(
                400, prefix + QStringLiteral("[variable_type] does not have a valid value"));
            return std::nullopt;
        }
        out.append(v);
    }
    return out;
}

std::optional<QStringList> jobScopes(const ApiCall &call, HttpResponse *error, ScopeForms forms)
{
    const QString name = QStringLiteral("scope");
    const QJsonValue value = call.params.value(name);
    QStringList scopes;
    bool valid = true;
    if (value.isObject()) {
        // Rack's `scope[0]=a`: a hash, whose values jobs.rb takes and pipelines_helpers.rb
        // turns into ['unknown'].
        valid = forms == ScopeForms::AlsoHash;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); valid && it != object.end(); ++it) {
            valid = it.value().isString();
            scopes.append(it.value().toString());
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            valid = valid && item.isString();
            scopes.append(item.toString());
        }
    } else if (value.isString()) {
        scopes.append(value.toString());
    } else if (!value.isUndefined() && !value.isNull()) {
        valid = false;
    }
    for (const QString &scope : std::as_const(scopes))
        valid = valid && ciStatuses().contains(scope);
    if (!valid) {
        *error = HttpResponse::error(400, name + QStringLiteral(" does not have a valid value"));
        return std::nullopt;
    }
    return scopes;
}

const Project *findProject(ApiCall &call, const QString &idOrPath, int minLevel,
                           HttpResponse *error)
{
    bool numeric = false;
    const qint64 id = idOrPath.toLongLong(&numeric);
    const Project *project = numeric ? call.world.project(id) : call.world.projectByPath(idOrPath);
    qint64 userId = call.identity.userId;
    int level = project ? call.world.accessLevel(*project, userId) : NoAccess;
    if (project && call.identity.kind == Identity::Kind::JobToken) {
        // A job token reaches its own project (and, as GitLab's allowlist does by default, no
        // other); it acts with the job user's permissions there.
        const Job *job = call.world.job(call.identity.jobId);
        if (!job || job->projectId != project->id)
            level = NoAccess;
    }
    if (!project || level == NoAccess) {
        *error = notFound(QStringLiteral("Project"));
        return nullptr;
    }
    if (level < minLevel) {
        *error = forbiddenResponse();
        return nullptr;
    }
    return project;
}

} // namespace pipedeck::sim
