#pragma once

#include "gitlab/types/pipeline.h"
#include "models/common/load_state.h"
#include "models/merge/role_mask.h"
#include "models/merge/row_merge.h"
#include "models/merge/row_notifier.h"
#include "models/pipelines/pipeline_filter.h"
#include "models/pipelines/stage_strip.h"

#include <QAbstractListModel>

namespace pipedeck::models {

//! The pipelines of one project, newest first, paged with canFetchMore()/fetchMore().
//!
//! GitLab's list gives only the basic fields; the rest (user, duration, commit title, the
//! per-stage strip) arrives later per pipeline through applyDetails()/applyStageStrip() and is
//! kept across list refreshes. A refresh of the first page is merged by id (new pipelines
//! inserted on top, changes as dataChanged ranges); pages loaded further down stay until the
//! list says they are gone. Never a reset.
class PipelinesModel : public NotifyingModel<QAbstractListModel>
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadStateChanged)
    Q_PROPERTY(bool stale READ isStale NOTIFY loadStateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY loadStateChanged)
    Q_PROPERTY(bool atEnd READ atEnd NOTIFY loadStateChanged)
public:
    enum Role {
        IdRole = kFirstCustomRole,
        IidRole,
        StatusRole,     ///< gitlab::CiStatus as int
        StatusNameRole, ///< GitLab's text
        RefRole,
        ShaRole,
        TagRole,
        NameRole, ///< the pipeline's name (workflow:name), often empty
        SourceRole,
        CommitTitleRole, ///< from the details (empty until loaded)
        UserRole,        ///< username (details)
        UserNameRole,    ///< display name (details)
        UserAvatarRole,  ///< QUrl (details)
        DurationRole,    ///< seconds (details) or invalid
        QueuedDurationRole,
        CreatedAtRole,
        UpdatedAtRole,
        StartedAtRole,
        FinishedAtRole,
        WebUrlRole,
        StagesRole, ///< StageStrip
        ActiveRole, ///< queued or running
        DetailsLoadedRole,
    };
    Q_ENUM(Role)

    explicit PipelinesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const PipelineFilter &filter() const { return m_filter; }
    //! Emits filterChanged; the next first page replaces what is below it.
    void setFilter(const PipelineFilter &filter);

    //! The first page of a (re)load; `nextPage` 0 when there is no more.
    MergeResult applyFirstPage(const QList<gitlab::Pipeline> &page, int nextPage);
    //! A page asked for by fetchMore(); rows already shown are updated, not repeated.
    MergeResult appendPage(const QList<gitlab::Pipeline> &page, int nextPage);
    //! The next page could not be loaded: keep the rows, allow another try.
    void fetchMoreFailed(const QString &errorText);

    //! The detailed pipeline (GET /pipelines/:id): user, duration, start and finish.
    void applyDetails(const gitlab::Pipeline &detailed);
    void applyStageStrip(qint64 pipelineId, const StageStrip &strip, const QString &commitTitle);

    void setLoading(bool loading);
    void markStale(const QString &errorText);
    const LoadState &loadState() const { return m_state; }
    bool isLoading() const { return m_state.loading; }
    bool isStale() const { return m_state.stale; }
    QString errorText() const { return m_state.errorText; }
    bool atEnd() const { return m_nextPage == 0; }
    int nextPage() const { return m_nextPage; }
    bool isFetchingMore() const { return m_fetchingMore; }

    //! Rows among the first `limit` whose details are missing or older than the row.
    QList<qint64> pipelinesNeedingDetails(int limit) const;
    //! Shown pipelines (among the first `limit`) that are queued or running.
    QList<qint64> activePipelines(int limit) const;
    const gitlab::Pipeline *pipelineAt(int row) const;
    int rowOfId(qint64 pipelineId) const;

    struct Row
    {
        gitlab::Pipeline pipeline;
        QString commitTitle;
        StageStrip stages;
        QDateTime detailsOf; //!< updatedAt of the pipeline the details were read for
        QDateTime stripOf;   //!< same for the strip
        bool hasDetails = false;
        bool hasStrip = false;
    };

Q_SIGNALS:
    void filterChanged(const pipedeck::models::PipelineFilter &filter);
    //! fetchMore() wants this page; answer with appendPage() or fetchMoreFailed().
    void fetchMoreRequested(int page);
    void loadStateChanged();

private:
    MergeResult merge(QList<gitlab::Pipeline> snapshot);
    void emitRowChanged(int row, RoleMask roles);

    QList<Row> m_rows;
    PipelineFilter m_filter;
    LoadState m_state;
    int m_nextPage = 0;
    bool m_fetchingMore = false;
    bool m_replaceBelowFirstPage = true;
};

} // namespace pipedeck::models
