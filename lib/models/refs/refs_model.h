#pragma once

#include "gitlab/types/repository_ref.h"
#include "models/common/load_state.h"
#include "models/merge/row_merge.h"
#include "models/merge/row_notifier.h"

#include <QAbstractListModel>

namespace pipedeck::models {

//! One entry of the ref picker: a branch or a tag.
struct RefEntry
{
    enum class Kind { Branch, Tag };
    Kind kind = Kind::Branch;
    QString name;
    bool isProtected = false;
    bool isDefault = false;
    QString commitSha;
    QString commitTitle;

    friend bool operator==(const RefEntry &, const RefEntry &) = default;
};

//! The branches and tags that match the ref picker's search text: the default branch first,
//! then branches, then tags. A new search or a refresh merges by kind and name (never a reset),
//! so the highlighted ref stays highlighted while it still matches.
class RefsModel : public NotifyingModel<QAbstractListModel>
{
    Q_OBJECT
public:
    enum RefRole {
        NameRole = kFirstCustomRole,
        KindRole, //!< RefEntry::Kind as int
        ProtectedRole,
        DefaultRole,
        CommitShaRole,
        CommitTitleRole,
    };
    Q_ENUM(RefRole)

    explicit RefsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);

    //! Orders the entries (default branch, branches, tags) and merges them in.
    MergeResult applySnapshot(const QList<gitlab::Branch> &branches, const QList<gitlab::Tag> &tags,
                              bool truncated);
    void setLoading(bool loading);
    void markStale(const QString &errorText);
    const LoadState &loadState() const { return m_state; }
    //! GitLab had more matches than one page: the user should type more to narrow them.
    bool isTruncated() const { return m_truncated; }

    const RefEntry *entryAt(int row) const;
    int rowOf(RefEntry::Kind kind, const QString &name) const;
    //! The first entry with this name (a branch before a tag of the same name).
    int rowOfName(const QString &name) const;

Q_SIGNALS:
    void searchTextChanged();
    void loadStateChanged();

private:
    QList<RefEntry> m_rows;
    QString m_searchText;
    LoadState m_state;
    bool m_truncated = false;
};

//! The Kind's word for the picker ("Branch", "Tag"), translated.
QString refKindLabel(RefEntry::Kind kind);

} // namespace pipedeck::models
