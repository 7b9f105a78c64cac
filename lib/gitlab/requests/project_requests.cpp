#include "gitlab/requests/project_requests.h"

#include "gitlab/parse/json_parsers.h"
#include "gitlab/requests/body_parsers.h"

namespace pipedeck::gitlab {

namespace {

QUrlQuery projectQuery(const ProjectQuery &query)
{
    QUrlQuery q;
    if (query.membership)
        q.addQueryItem(QStringLiteral("membership"), QStringLiteral("true"));
    if (query.starred)
        q.addQueryItem(QStringLiteral("starred"), QStringLiteral("true"));
    if (query.simple)
        q.addQueryItem(QStringLiteral("simple"), QStringLiteral("true"));
    if (!query.search.isEmpty())
        q.addQueryItem(QStringLiteral("search"), query.search);
    if (!query.orderBy.isEmpty())
        q.addQueryItem(QStringLiteral("order_by"), query.orderBy);
    if (!query.sort.isEmpty())
        q.addQueryItem(QStringLiteral("sort"), query.sort);
    return q;
}

QUrlQuery searchQuery(const QString &search)
{
    QUrlQuery q;
    if (!search.isEmpty())
        q.addQueryItem(QStringLiteral("search"), search);
    return q;
}

ApiCall get(const QString &path)
{
    ApiCall call;
    call.path = path;
    return call;
}

} // namespace

ListProjects::ListProjects(const ProjectQuery &query, QObject *parent)
    : ListRequest(QStringLiteral("/projects"), projectQuery(query),
                  parseArrayBody<Project, parseProjects>, parent)
{}

GetProject::GetProject(const ProjectRef &project, QObject *parent)
    : ResultRequest(get(project.projectPath()), parseObjectBody<Project, parseProject>, parent)
{}

ListBranches::ListBranches(const ProjectRef &project, const QString &search, QObject *parent)
    : ListRequest(project.projectPath() + QStringLiteral("/repository/branches"),
                  searchQuery(search), parseArrayBody<Branch, parseBranches>, parent)
{}

GetBranch::GetBranch(const ProjectRef &project, const QString &name, QObject *parent)
    : ResultRequest(get(project.projectPath() + QStringLiteral("/repository/branches/") +
                        QString::fromLatin1(QUrl::toPercentEncoding(name))),
                    parseObjectBody<Branch, parseBranch>, parent)
{}

ListTags::ListTags(const ProjectRef &project, const QString &search, const QString &orderBy,
                   const QString &sort, QObject *parent)
    : ListRequest(project.projectPath() + QStringLiteral("/repository/tags"), searchQuery(search),
                  parseArrayBody<Tag, parseTags>, parent)
{
    if (!orderBy.isEmpty())
        m_query.addQueryItem(QStringLiteral("order_by"), orderBy);
    if (!sort.isEmpty())
        m_query.addQueryItem(QStringLiteral("sort"), sort);
}

} // namespace pipedeck::gitlab
