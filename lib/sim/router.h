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
#include <QVariant>

#include <functional>
#include <type_traits>

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

HttpResponse referenceNotFound(); // 400 {"message":{"base":["Reference not found"]}}

// The project named by an id or URL-decoded path, if the caller may see it and has at least
// minLevel; otherwise *error is set (404 Project Not Found, or 403).
const Project *findProject(ApiCall &call, const QString &idOrPath, int minLevel,
                           HttpResponse *error);

// A handler for /projects/:id/...: runs `action` with the project of the first capture when the
// caller has at least minLevel there, and answers with findProject's error otherwise.
using ProjectAction = std::function<HttpResponse(ApiCall &, const Project &)>;
RouteHandler onProject(int minLevel, ProjectAction action);

// A handler for /projects/:id/<items>/:item_id: also finds the item of the second capture with
// `find`, which sets the error (404) when the project has no such item.
template<typename Item>
using ItemFinder = Item *(*)(ApiCall &, const Project &, const QString &, HttpResponse *);
template<typename Item>
RouteHandler onProjectItem(
    int minLevel, ItemFinder<Item> find,
    std::type_identity_t<std::function<HttpResponse(ApiCall &, const Project &, Item &)>> action)
{
    return onProject(minLevel, [find, action](ApiCall &call, const Project &project) {
        HttpResponse error;
        Item *item = find(call, project, call.capture(1), &error);
        return item ? action(call, project, *item) : error;
    });
}

// GitLab's order for `order_by`/`sort`: by key, then by id in the same direction.
inline bool keyedBefore(const QVariant &keyA, qint64 idA, const QVariant &keyB, qint64 idB,
                        bool ascending)
{
    const auto order = QVariant::compare(keyA, keyB);
    if (order == QPartialOrdering::Equivalent)
        return ascending ? idA < idB : idA > idB;
    return ascending ? order == QPartialOrdering::Less : order == QPartialOrdering::Greater;
}

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

// Every status a job or pipeline can have (GitLab's CommitStatus::AVAILABLE_STATUSES).
const QStringList &ciStatuses();

// The job statuses a `scope` / `scope[]` filter names. Grape's `values:` check runs before
// GitLab's own filter_builds, so an unknown status is its 400 {"error":"scope does not have a
// valid value"} (filter_builds' "Scope contains invalid value(s)" is never reached). Project
// jobs (lib/api/ci/jobs.rb) also coerce Rack's hash form `scope[0]=a&scope[1]=b` to its
// values; pipeline jobs (pipelines_helpers.rb) do not, so there a hash is invalid.
enum class ScopeForms { ArrayOrString, AlsoHash };
std::optional<QStringList> jobScopes(const ApiCall &call, HttpResponse *error,
                                     ScopeForms forms = ScopeForms::ArrayOrString);

// A list of variables as GitLab takes them: a JSON array of {key, value, variable_type}, or
// Rack form fields `name[0][key]=...` / `name[][key]=...`; *error names the bad field. Play
// `requires :key, :value` (lib/api/ci/jobs.rb); create-pipeline declares both optional
// (lib/api/ci/helpers/pipelines_helpers.rb), so a missing key is left empty for the model's
// validation to refuse.
std::optional<QList<Variable>> variablesParam(const QJsonValue &value, const QString &name,
                                              HttpResponse *error, bool keyAndValueRequired = true);

void addInstanceRoutes(Router &router);
void addProjectRoutes(Router &router);
void addPipelineRoutes(Router &router);
void addJobRoutes(Router &router);
void addTriggerRoutes(Router &router);

} // namespace pipedeck::sim
