#include "models/projects/projects_model.h"

namespace pipedeck::models {

using gitlab::Project;

namespace {

constexpr RoleMask kDisplayRoles = roleBit(ProjectsModel::FullNameRole);

struct ProjectTraits
{
    using Key = qint64;
    Key keyOf(const Project &project) const { return project.id; }
    RoleMask diff(const Project &a, const Project &b) const
    {
        using R = ProjectsModel::Role;
        RoleMask mask = 0;
        markIfDifferent(mask, roleBit(R::NameRole), a.name, b.name);
        if (a.path != b.path || a.pathWithNamespace != b.pathWithNamespace)
            mask |= roleBit(R::PathRole);
        if (a.nameWithNamespace != b.nameWithNamespace)
            mask |= roleBit(R::FullNameRole) | roleBit(R::NamespaceRole);
        markIfDifferent(mask, roleBit(R::DescriptionRole), a.description, b.description);
        markIfDifferent(mask, roleBit(R::WebUrlRole), a.webUrl, b.webUrl);
        markIfDifferent(mask, roleBit(R::AvatarUrlRole), a.avatarUrl, b.avatarUrl);
        markIfDifferent(mask, roleBit(R::LastActivityRole), a.lastActivityAt, b.lastActivityAt);
        markIfDifferent(mask, roleBit(R::StarCountRole), a.starCount, b.starCount);
        markIfDifferent(mask, roleBit(R::DefaultBranchRole), a.defaultBranch, b.defaultBranch);
        return mask;
    }
    void assign(Project &current, const Project &fresh) const { current = fresh; }
    Project make(Project &&fresh) const { return std::move(fresh); }
    QList<int> roles(RoleMask mask) const { return rolesFromMask(mask, kDisplayRoles); }
};

} // namespace

QString namespaceName(const Project &project)
{
    const qsizetype cut = project.nameWithNamespace.lastIndexOf(u" / ");
    if (cut >= 0)
        return project.nameWithNamespace.left(cut);
    const qsizetype slash = project.pathWithNamespace.lastIndexOf(u'/');
    return slash >= 0 ? project.pathWithNamespace.left(slash) : QString();
}

ProjectsModel::ProjectsModel(QObject *parent)
    : NotifyingModel<QAbstractListModel>(parent)
{}

int ProjectsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

void ProjectsModel::setSearchText(const QString &text)
{
    if (m_searchText == text)
        return;
    m_searchText = text;
    Q_EMIT queryChanged();
}

void ProjectsModel::setScope(Scope scope)
{
    if (m_scope == scope)
        return;
    m_scope = scope;
    Q_EMIT queryChanged();
}

MergeResult ProjectsModel::applySnapshot(const QList<Project> &projects)
{
    QList<Project> snapshot = projects;
    const MergeResult result = mergeRows(*this, QModelIndex(), m_rows, snapshot, ProjectTraits{});
    const bool visible = !m_state.loaded || m_state.loading || m_state.stale;
    m_state.loading = false;
    m_state.loaded = true;
    m_state.stale = false;
    m_state.errorText.clear();
    m_state.lastSuccess = QDateTime::currentDateTimeUtc();
    if (visible)
        Q_EMIT loadStateChanged();
    return result;
}

void ProjectsModel::setLoading(bool loading)
{
    if (m_state.loading == loading)
        return;
    m_state.loading = loading;
    Q_EMIT loadStateChanged();
}

void ProjectsModel::markStale(const QString &errorText)
{
    m_state.loading = false;
    m_state.stale = true;
    m_state.errorText = errorText;
    Q_EMIT loadStateChanged();
}

const Project *ProjectsModel::projectAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ProjectsModel::rowOfId(qint64 projectId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == projectId)
            return static_cast<int>(row);
    }
    return -1;
}

QVariant ProjectsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Project &project = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case FullNameRole:
        return project.nameWithNamespace.isEmpty() ? project.pathWithNamespace
                                                   : project.nameWithNamespace;
    case PathRole:
        return project.pathWithNamespace;
    case IdRole:
        return project.id;
    case NameRole:
        return project.name;
    case NamespaceRole:
        return namespaceName(project);
    case DescriptionRole:
        return project.description;
    case WebUrlRole:
        return project.webUrl;
    case AvatarUrlRole:
        return project.avatarUrl;
    case LastActivityRole:
        return project.lastActivityAt;
    case StarCountRole:
        return project.starCount;
    case DefaultBranchRole:
        return project.defaultBranch;
    default:
        return {};
    }
}

QHash<int, QByteArray> ProjectsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {NameRole, "name"},
                  {PathRole, "path"},
                  {NamespaceRole, "namespace"},
                  {FullNameRole, "fullName"},
                  {DescriptionRole, "description"},
                  {WebUrlRole, "webUrl"},
                  {AvatarUrlRole, "avatarUrl"},
                  {LastActivityRole, "lastActivity"},
                  {StarCountRole, "starCount"},
                  {DefaultBranchRole, "defaultBranch"}});
    return names;
}

} // namespace pipedeck::models
