#include "models/refs/refs_model.h"

#include <QCoreApplication>

namespace pipedeck::models {

namespace {

constexpr RoleMask kDisplayRoles = roleBit(RefsModel::NameRole);

struct RefTraits
{
    using Key = QString;
    Key keyOf(const RefEntry &entry) const
    {
        return (entry.kind == RefEntry::Kind::Branch ? u"b:" : u"t:") + entry.name;
    }
    RoleMask diff(const RefEntry &a, const RefEntry &b) const
    {
        using R = RefsModel::RefRole;
        RoleMask mask = 0;
        markIfDifferent(mask, roleBit(R::ProtectedRole), a.isProtected, b.isProtected);
        markIfDifferent(mask, roleBit(R::DefaultRole), a.isDefault, b.isDefault);
        markIfDifferent(mask, roleBit(R::CommitShaRole), a.commitSha, b.commitSha);
        markIfDifferent(mask, roleBit(R::CommitTitleRole), a.commitTitle, b.commitTitle);
        return mask;
    }
    void assign(RefEntry &current, const RefEntry &fresh) const { current = fresh; }
    RefEntry make(RefEntry &&fresh) const { return std::move(fresh); }
    QList<int> roles(RoleMask mask) const { return rolesFromMask(mask, kDisplayRoles); }
};

} // namespace

QString refKindLabel(RefEntry::Kind kind)
{
    switch (kind) {
    case RefEntry::Kind::Branch:
        return QCoreApplication::translate("RefsModel", "Branch");
    case RefEntry::Kind::Tag:
        return QCoreApplication::translate("RefsModel", "Tag");
    }
    return {};
}

RefsModel::RefsModel(QObject *parent)
    : NotifyingModel<QAbstractListModel>(parent)
{}

int RefsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

void RefsModel::setSearchText(const QString &text)
{
    if (m_searchText == text)
        return;
    m_searchText = text;
    Q_EMIT searchTextChanged();
}

MergeResult RefsModel::applySnapshot(const QList<gitlab::Branch> &branches,
                                     const QList<gitlab::Tag> &tags, bool truncated)
{
    QList<RefEntry> snapshot;
    snapshot.reserve(branches.size() + tags.size());
    for (const gitlab::Branch &branch : branches) {
        RefEntry entry{RefEntry::Kind::Branch, branch.name,      branch.isProtected,
                       branch.isDefault,       branch.commitSha, branch.commitTitle};
        if (branch.isDefault)
            snapshot.prepend(std::move(entry));
        else
            snapshot.append(std::move(entry));
    }
    for (const gitlab::Tag &tag : tags) {
        snapshot.append(RefEntry{RefEntry::Kind::Tag, tag.name, tag.isProtected, false,
                                 tag.commitSha, tag.commitTitle});
    }
    const MergeResult result = mergeRows(*this, QModelIndex(), m_rows, snapshot, RefTraits{});
    m_truncated = truncated;
    m_state.loading = false;
    m_state.loaded = true;
    m_state.stale = false;
    m_state.errorText.clear();
    m_state.lastSuccess = QDateTime::currentDateTimeUtc();
    Q_EMIT loadStateChanged();
    return result;
}

void RefsModel::setLoading(bool loading)
{
    if (m_state.loading == loading)
        return;
    m_state.loading = loading;
    Q_EMIT loadStateChanged();
}

void RefsModel::markStale(const QString &errorText)
{
    m_state.loading = false;
    m_state.stale = true;
    m_state.errorText = errorText;
    Q_EMIT loadStateChanged();
}

const RefEntry *RefsModel::entryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int RefsModel::rowOf(RefEntry::Kind kind, const QString &name) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).kind == kind && m_rows.at(row).name == name)
            return static_cast<int>(row);
    }
    return -1;
}

int RefsModel::rowOfName(const QString &name) const
{
    const int branch = rowOf(RefEntry::Kind::Branch, name);
    return branch >= 0 ? branch : rowOf(RefEntry::Kind::Tag, name);
}

QVariant RefsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RefEntry &entry = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return entry.name;
    case Qt::ToolTipRole:
        return entry.commitTitle.isEmpty() ? refKindLabel(entry.kind)
                                           : refKindLabel(entry.kind) + u" · " +
                                                 entry.commitSha.left(8) + u' ' + entry.commitTitle;
    case KindRole:
        return static_cast<int>(entry.kind);
    case ProtectedRole:
        return entry.isProtected;
    case DefaultRole:
        return entry.isDefault;
    case CommitShaRole:
        return entry.commitSha;
    case CommitTitleRole:
        return entry.commitTitle;
    default:
        return {};
    }
}

QHash<int, QByteArray> RefsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(KindRole, "kind");
    names.insert(ProtectedRole, "protected");
    names.insert(DefaultRole, "isDefault");
    names.insert(CommitShaRole, "commitSha");
    names.insert(CommitTitleRole, "commitTitle");
    return names;
}

} // namespace pipedeck::models
