#pragma once

#include "gitlab/types/job.h"
#include "models/common/load_state.h"
#include "models/merge/role_mask.h"
#include "models/merge/row_merge.h"
#include "models/merge/row_notifier.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QUrl>

namespace pipedeck::models {

//! Every job of one project, newest first, as GitLab's CI/CD → Jobs page lists them
//! (GET /projects/:id/jobs, keyset-paged), filtered by status (`scope[]`, several at once).
//!
//! Paging follows GitLab's keyset continuation: canFetchMore()/fetchMore() ask for the page
//! after the oldest loaded row through fetchMoreRequested(link). A refresh of the first page is
//! merged by id (new jobs inserted on top, changes as dataChanged ranges); rows from further
//! pages stay while they are older than the first page's oldest job. Never a reset.
class ProjectJobsModel : public NotifyingModel<QAbstractTableModel>
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadStateChanged)
    Q_PROPERTY(bool stale READ isStale NOTIFY loadStateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY loadStateChanged)
    Q_PROPERTY(bool atEnd READ atEnd NOTIFY loadStateChanged)
public:
    enum Column {
        StatusColumn,
        NameColumn,
        StageColumn,
        PipelineColumn,
        RefColumn,
        CreatedColumn, ///< when it started, or when it was created if it has not
        DurationColumn,
        UserColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        IdRole = kFirstCustomRole,
        StatusRole,     ///< gitlab::CiStatus as int
        StatusNameRole, ///< GitLab's text
        NameRole,
        StageRole,
        PipelineIdRole,
        RefRole,
        TagRole,
        ShaRole,
        CommitTitleRole,
        UserRole,     ///< username
        UserNameRole, ///< display name
        CreatedAtRole,
        StartedAtRole,
        FinishedAtRole,
        DurationRole, ///< seconds or invalid
        QueuedDurationRole,
        AllowFailureRole,
        FailureReasonRole,
        WebUrlRole,
        ManualRole, ///< waiting to be played
        ActiveRole, ///< queued or running
    };
    Q_ENUM(Role)

    explicit ProjectJobsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    //! GitLab's status names sent as scope[]; empty: every job. Kept sorted and unique.
    const QStringList &scopes() const { return m_scopes; }
    //! Emits scopesChanged when it differs; the next first page replaces every row.
    void setScopes(const QStringList &scopes);

    //! The first page of a (re)load; `nextLink` invalid when there is no more.
    MergeResult applyFirstPage(const QList<gitlab::Job> &page, const QUrl &nextLink);
    //! A page asked for by fetchMore(); rows already shown are updated, not repeated.
    MergeResult appendPage(const QList<gitlab::Job> &page, const QUrl &nextLink);
    //! The next page could not be loaded: keep the rows, allow another try.
    void fetchMoreFailed(const QString &errorText);

    void setLoading(bool loading);
    //! The refresh failed: the rows stay as they were, marked stale with GitLab's error.
    void markStale(const QString &errorText);
    const LoadState &loadState() const { return m_state; }
    bool isLoading() const { return m_state.loading; }
    bool isStale() const { return m_state.stale; }
    QString errorText() const { return m_state.errorText; }
    bool atEnd() const { return !m_next.isValid(); }
    //! Where fetchMore() continues (GitLab's Link rel="next"); invalid at the end.
    QUrl nextLink() const { return m_next; }
    bool isFetchingMore() const { return m_fetchingMore; }

    const gitlab::Job *jobAt(int row) const;
    int rowOfId(qint64 jobId) const;
    //! Shown jobs (among the first `limit`) that are queued or running.
    bool hasActiveJobs(int limit) const;

Q_SIGNALS:
    void scopesChanged(const QStringList &scopes);
    //! fetchMore() wants the page at `link`; answer with appendPage() or fetchMoreFailed().
    void fetchMoreRequested(const QUrl &link);
    void loadStateChanged();

private:
    MergeResult merge(QList<gitlab::Job> snapshot);
    QVariant displayData(const gitlab::Job &job, int column) const;

    QList<gitlab::Job> m_rows;
    QStringList m_scopes;
    LoadState m_state;
    QUrl m_next;
    bool m_fetchingMore = false;
    bool m_replaceBelowFirstPage = true;
};

} // namespace pipedeck::models
