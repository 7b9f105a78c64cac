#pragma once

#include "gitlab/requests/paged_request.h"
#include "gitlab/requests/project_ref.h"
#include "gitlab/requests/request.h"
#include "gitlab/types/project.h"
#include "gitlab/types/repository_ref.h"

namespace pipedeck::gitlab {

struct ProjectQuery
{
    bool membership = true; //!< without it GitLab lists every public project
    bool starred = false;
    bool simple = true;
    QString search;
    QString orderBy = QStringLiteral(
        "last_activity_at"); //!< id, name, path, created_at, updated_at, last_activity_at
    QString sort = QStringLiteral("desc");
};

//! GET /projects
class ListProjects : public ListRequest<Project>
{
public:
    explicit ListProjects(const ProjectQuery &query = {}, QObject *parent = nullptr);
    const QList<Project> &projects() const { return items(); }
};

//! GET /projects/:id (numeric id or full path)
class GetProject : public ResultRequest<Project>
{
public:
    explicit GetProject(const ProjectRef &project, QObject *parent = nullptr);
    const Project &project() const { return result(); }
};

//! GET /projects/:id/repository/branches
class ListBranches : public ListRequest<Branch>
{
public:
    explicit ListBranches(const ProjectRef &project, const QString &search = {},
                          QObject *parent = nullptr);
    const QList<Branch> &branches() const { return items(); }
};

//! GET /projects/:id/repository/branches/:branch (the name URL-encoded, slashes too)
class GetBranch : public ResultRequest<Branch>
{
public:
    GetBranch(const ProjectRef &project, const QString &name, QObject *parent = nullptr);
    const Branch &branch() const { return result(); }
};

//! GET /projects/:id/repository/tags
class ListTags : public ListRequest<Tag>
{
public:
    explicit ListTags(const ProjectRef &project, const QString &search = {},
                      const QString &orderBy = QStringLiteral("updated"),
                      const QString &sort = QStringLiteral("desc"), QObject *parent = nullptr);
    const QList<Tag> &tags() const { return items(); }
};

} // namespace pipedeck::gitlab
