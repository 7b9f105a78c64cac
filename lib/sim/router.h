#pragma once

#include "sim/auth.h"
#include "sim/entities.h"
#include "sim/http_message.h"
#include "sim/pagination.h"
#include "sim/request_params.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace pipedeck::sim {

class World;
struct Variable;

// Everything a route handler gets for one request.
struct ApiCall
{
    World &world;
    const Authenticator &auth;
    const HttpRequest &request;
    const RequestParams &params;
    Identity identity;
    QString baseUrl;
    QStringList captures; // the :placeholders of the route, URL-decoded, in order

    EntityContext entities() const;
    QString capture(int i) const { return captures.value(i); }
};

// Who may call a route.
enum class Access {
    None,     // no authentication (the trigger token in the body is the credential)
    Read,     // api or read_api
    ReadUser, // api, read_api or read_user
    JobRead,  // like Read, and a CI job token is accepted too
    JobOnly,  // a CI job token (or a PAT, which GitLab rejects: 401)
    Write,    // api
};

using RouteHandler = std::function<HttpResponse(ApiCall &)>;

// Routes below /api/v4, matched segment by segment (":name" matches one URL-decoded segment, so
// "platform%2Fapi-gateway" is one project id). Authentication and scopes are checked here.
class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Access access, RouteHandler handler);
    HttpResponse dispatch(World &world, const Authenticator &auth, const HttpRequest &request,
                          const QString &baseUrl) const;

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        Access access;
        RouteHandler handler;
    };
    QList<Route> m_routes;
};

// Helpers for handlers
HttpResponse jsonResponse(int status, const QJsonObject &object);
HttpResponse jsonResponse(int status, const QJsonArray &array);
HttpResponse
notFound(const QString &what = {}); // {"message":"404 <what> Not Found"} or "404 Not found"
HttpResponse badRequest(const QString &message); // {"message":"400 Bad request - ..."}
HttpResponse missingParam(const QString &name);  // {"error":"<name> is missing"}

// The project named by an id or URL-decoded path, if the caller may see it and has at least
// minLevel; otherwise *error is set (404 Project Not Found, or 403).
const Project *findProject(ApiCall &call, const QString &idOrPath, int minLevel,
                           HttpResponse *error);

// A JSON array of the items on the requested page, with GitLab's offset pagination headers.
template<typename T, typename Serialize>
HttpResponse pagedArray(ApiCall &call, const QList<T> &items, Serialize serialize,
                        bool withCount = true)
{
    HttpResponse response = HttpResponse::json(200, {});
    const auto [from, to] = paginateOffset(response, call.baseUrl, call.request, items.size(),
                                           pageParams(call.params), withCount);
    QJsonArray array;
    for (qsizetype i = from; i < to; ++i)
        array.append(serialize(items[i]));
    response.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return response;
}

// The job statuses a `scope` / `scope[]` filter may name; std::nullopt and *error when one is
// unknown (400 "Scope contains invalid value(s)").
std::optional<QStringList> jobScopes(const ApiCall &call, HttpResponse *error);

// A list of variables as GitLab takes them: a JSON array of {key, value, variable_type}, or
// Rack form fields `name[0][key]=...` / `name[][key]=...`; *error names the bad field.
std::optional<QList<Variable>> variablesParam(const QJsonValue &value, const QString &name,
                                              HttpResponse *error);

void addInstanceRoutes(Router &router);
void addProjectRoutes(Router &router);
void addPipelineRoutes(Router &router);
void addJobRoutes(Router &router);
void addTriggerRoutes(Router &router);

} // namespace pipedeck::sim
