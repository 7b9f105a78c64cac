// /projects, /projects/:id, repository branches and tags.
#include "sim/pagination.h"
#include "sim/ref_search.h"
#include "sim/router.h"
#include "sim/world.h"

#include <QJsonDocument>
#include <QVariant>

#include <algorithm>

namespace pipedeck::sim {

namespace {

// The refs whose name matches `search`, an exact match first unless the term is a pattern
// (app/finders/git/ref_finder.rb#by_search).
template<typename Ref> QList<Ref> searchRefs(const QList<Ref> &refs, const QString &term)
{
    const RefSearch search(term);
    if (search.isEmpty())
        return refs;
    QList<Ref> out;
    qsizetype exact = -1;
    for (const Ref &ref : refs) {
        if (!search.matches(ref.name))
            continue;
        if (exact < 0 && search.isExact(ref.name))
            exact = out.size();
        out.append(ref);
    }
    if (exact > 0)
        out.move(exact, 0);
    return out;
}

HttpResponse listProjects(ApiCall &call)
{
    const RequestParams &p = call.params;
    const QString orderBy = p.string(QStringLiteral("order_by")).isEmpty()
                                ? QStringLiteral("created_at")
                                : p.string(QStringLiteral("order_by"));
    static const QStringList orders = {
        QStringLiteral("id"),         QStringLiteral("name"),
        QStringLiteral("path"),       QStringLiteral("created_at"),
        QStringLiteral("updated_at"), QStringLiteral("last_activity_at"),
        QStringLiteral("similarity"), QStringLiteral("star_count")};
    if (!orders.contains(orderBy))
        return HttpResponse::error(400, QStringLiteral("order_by does not have a valid value"));
    const QString sort = p.string(QStringLiteral("sort")).isEmpty()
                             ? QStringLiteral("desc")
                             : p.string(QStringLiteral("sort"));
    if (sort != QLatin1String("asc") && sort != QLatin1String("desc"))
        return HttpResponse::error(400, QStringLiteral("sort does not have a valid value"));
    const bool membership = p.boolean(QStringLiteral("membership")).value_or(false);
    const bool owned = p.boolean(QStringLiteral("owned")).value_or(false);
    const bool starred = p.boolean(QStringLiteral("starred")).value_or(false);
    const bool simple = p.boolean(QStringLiteral("simple")).value_or(false);
    const bool searchNamespaces = p.boolean(QStringLiteral("search_namespaces")).value_or(false);
    const QString search = p.string(QStringLiteral("search"));
    const QString visibility = p.string(QStringLiteral("visibility"));
    const qint64 idAfter = p.integer(QStringLiteral("id_after")).value_or(0);
    const qint64 idBefore = p.integer(QStringLiteral("id_before")).value_or(0);
    const qint64 minAccess = p.integer(QStringLiteral("min_access_level")).value_or(0);

    QList<const Project *> list;
    for (const Project *project : call.world.projects()) {
        const int level = call.world.accessLevel(*project, call.identity.userId);
        const bool member = project->members.contains(call.identity.userId);
        if (level == NoAccess || (membership && !member))
            continue;
        if (owned && project->members.value(call.identity.userId) != Owner)
            continue;
        if (minAccess && project->members.value(call.identity.userId) < minAccess)
            continue;
        if (starred)
            continue; // nobody stars anything in the simulator
        if (!visibility.isEmpty() && project->visibility != visibility)
            continue;
        if (idAfter && project->id <= idAfter)
            continue;
        if (idBefore && project->id >= idBefore)
            continue;
        if (!search.isEmpty()) {
            const QString haystack = searchNamespaces
                                         ? call.world.projectFullPath(*project)
                                         : project->name + QLatin1Char(' ') + project->path +
                                               QLatin1Char(' ') + project->description;
            if (!haystack.contains(search, Qt::CaseInsensitive))
                continue;
        }
        list.append(project);
    }
    const bool asc = sort == QLatin1String("asc");
    std::stable_sort(list.begin(), list.end(), [&](const Project *a, const Project *b) {
        auto key = [&](const Project *x) -> QVariant {
            if (orderBy == QLatin1String("name"))
                return x->name.toLower();
            if (orderBy == QLatin1String("path"))
                return x->path.toLower();
            if (orderBy == QLatin1String("last_activity_at") ||
                orderBy == QLatin1String("updated_at"))
                return x->lastActivityAtMs;
            if (orderBy == QLatin1String("created_at"))
                return x->createdAtMs;
            if (orderBy == QLatin1String("star_count"))
                return x->starCount;
            return x->id;
        };
        return keyedBefore(key(a), a->id, key(b), b->id, asc);
    });
    const EntityContext ctx = call.entities();
    if (call.params.string(QStringLiteral("pagination")) == QLatin1String("keyset")) {
        if (orderBy != QLatin1String("id"))
            return HttpResponse::error(
                405, QStringLiteral("Keyset pagination is not yet available for this "
                                    "type of request"));
        const int perPage = pageParams(call.params).perPage;
        HttpResponse response = HttpResponse::json(200, {});
        QJsonArray array;
        for (qsizetype i = 0; i < list.size() && i < perPage; ++i)
            array.append(projectJson(*list[i], ctx, simple));
        if (list.size() > perPage) {
            const QByteArray key = asc ? "id_after" : "id_before";
            response.setHeader("Link",
                               '<' +
                                   linkUrl(call.baseUrl, call.request,
                                           {{key, QByteArray::number(list[perPage - 1]->id)}}) +
                                   ">; rel=\"next\"");
        }
        response.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
        return response;
    }
    return pagedArray(call, list, [&](const Project *x) { return projectJson(*x, ctx, simple); });
}

} // namespace

void addProjectRoutes(Router &router)
{
    router.add("GET", QStringLiteral("projects"), Access::Read, listProjects);

    router.add("GET", QStringLiteral("projects/:id"), Access::Read,
               onProject(Guest, [](ApiCall &call, const Project &project) {
                   return jsonResponse(200, projectJson(project, call.entities(), false));
               }));

    router.add("GET", QStringLiteral("projects/:id/repository/branches"), Access::Read,
               onProject(Guest, [](ApiCall &call, const Project &project) {
                   const QList<Branch> branches =
                       searchRefs(project.branches, call.params.string(QStringLiteral("search")));
                   const EntityContext ctx = call.entities();
                   return pagedArray(call, branches,
                                     [&](const Branch &b) { return branchJson(b, project, ctx); });
               }));

    router.add("GET", QStringLiteral("projects/:id/repository/branches/:branch"), Access::Read,
               onProject(Guest, [](ApiCall &call, const Project &project) {
                   const Branch *branch = call.world.branch(project, call.capture(1));
                   if (!branch)
                       return notFound(QStringLiteral("Branch"));
                   return jsonResponse(200, branchJson(*branch, project, call.entities()));
               }));

    router.add(
        "GET", QStringLiteral("projects/:id/repository/tags"), Access::Read,
        onProject(Guest, [](ApiCall &call, const Project &project) {
            const QString search = call.params.string(QStringLiteral("search"));
            const QString orderBy = call.params.string(QStringLiteral("order_by"));
            const bool asc = call.params.string(QStringLiteral("sort")) == QLatin1String("asc");
            QList<Tag> tags = searchRefs(project.tags, search);
            std::stable_sort(tags.begin(), tags.end(), [&](const Tag &a, const Tag &b) {
                if (orderBy == QLatin1String("name") || orderBy == QLatin1String("version"))
                    return asc ? a.name < b.name : a.name > b.name;
                return asc ? a.createdAtMs < b.createdAtMs : a.createdAtMs > b.createdAtMs;
            });
            const EntityContext ctx = call.entities();
            return pagedArray(call, tags, [&](const Tag &t) { return tagJson(t, project, ctx); });
        }));
}

} // namespace pipedeck::sim
