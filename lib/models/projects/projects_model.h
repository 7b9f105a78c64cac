#pragma once

#include "gitlab/types/project.h"
#include "models/common/load_state.h"
#include "models/merge/role_mask.h"
#include "models/merge/row_merge.h"
#include "models/merge/row_notifier.h"

#include <QAbstractListModel>

namespace pipedeck::models {

//! The projects of one account: the user's projects, the starred ones, or the recently opened
//! ones, narrowed by a search text. Changing the query or refreshing merges by id, so a
//! selected project stays selected while it is still listed.
class ProjectsModel : public NotifyingModel<QAbstractListModel>
{
    Q_OBJECT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY queryChanged)
    Q_PROPERTY(Scope scope READ scope WRITE setScope NOTIFY queryChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadStateChanged)
    Q_PROPERTY(bool stale READ isStale NOTIFY loadStateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY loadStateChanged)
public:
    enum class Scope { Membership, Starred, Recent };
    Q_ENUM(Scope)

    enum Role {
        IdRole = kFirstCustomRole,
        NameRole,
        PathRole,      ///< path with namespace ("group/sub/project")
        NamespaceRole, ///< the namespace's name ("Group / Sub")
        FullNameRole,  ///< name with namespace
        DescriptionRole,
        WebUrlRole,
        AvatarUrlRole,
        LastActivityRole,
        StarCountRole,
        DefaultBranchRole,
    };
    Q_ENUM(Role)

    explicit ProjectsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    Scope scope() const { return m_scope; }
    void setScope(Scope scope);

    MergeResult applySnapshot(const QList<gitlab::Project> &projects);
    void setLoading(bool loading);
    void markStale(const QString &errorText);
    const LoadState &loadState() const { return m_state; }
    bool isLoading() const { return m_state.loading; }
    bool isStale() const { return m_state.stale; }
    QString errorText() const { return m_state.errorText; }

    const gitlab::Project *projectAt(int row) const;
    int rowOfId(qint64 projectId) const;

Q_SIGNALS:
    //! Search text or scope changed: the loader fetches the new list.
    void queryChanged();
    void loadStateChanged();

private:
    QList<gitlab::Project> m_rows;
    QString m_searchText;
    Scope m_scope = Scope::Membership;
    LoadState m_state;
};

//! "Group / Sub" from "Group / Sub / Project" (GitLab's name_with_namespace).
QString namespaceName(const gitlab::Project &project);

} // namespace pipedeck::models
