#pragma once

#include "gitlab/types/job.h"
#include "models/common/load_state.h"
#include "models/jobs/job_record.h"
#include "models/jobs/stage_grouping.h"
#include "models/merge/role_mask.h"
#include "models/merge/row_merge.h"
#include "models/merge/row_notifier.h"

#include <QAbstractItemModel>
#include <QHash>
#include <memory>

namespace pipedeck::models {

//! The jobs and bridges of one pipeline as a tree, built for a "stages as columns of job
//! cards" view and a details pane:
//!
//!   stage rows (pipeline order)
//!     job and bridge rows (by name; retried jobs only with includeRetried)
//!       a bridge's downstream pipeline (child or multi-project), loaded in place:
//!         its stage rows
//!           its job rows ...
//!
//! A bridge with a downstream pipeline has children; canFetchMore/fetchMore on it (what
//! QTreeView does on expand) or expandDownstream() asks for that pipeline (downstreamRequested)
//! and every expanded downstream keeps refreshing with the rest. Snapshots are merged by id
//! (never a reset, except when setPipeline() changes the context): selection, current index,
//! expansion and scroll survive refreshes. A failed refresh keeps the data and marks that
//! pipeline stale.
class JobsModel : public NotifyingModel<QAbstractItemModel>
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadStateChanged)
    Q_PROPERTY(bool stale READ isStale NOTIFY loadStateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY loadStateChanged)
    Q_PROPERTY(bool includeRetried READ includeRetried WRITE setIncludeRetried NOTIFY
                   includeRetriedChanged)
public:
    enum class NodeKind { Stage, Job, Bridge };
    Q_ENUM(NodeKind)
    enum class DownstreamState { None, NotLoaded, Loading, Loaded, Stale };
    Q_ENUM(DownstreamState)

    enum Role {
        NodeKindRole = kFirstCustomRole, ///< NodeKind
        IdRole,                          ///< job id (0 for stages)
        NameRole,                        ///< job or stage name
        StageRole,                       ///< stage name
        StatusRole,                      ///< gitlab::CiStatus as int (stages: composite)
        StatusNameRole,                  ///< GitLab's status text
        AllowFailureRole,
        RetriedRole,
        ManualRole,
        DurationRole,       ///< seconds (double) or invalid
        QueuedDurationRole, ///< seconds (double) or invalid
        CreatedAtRole,
        StartedAtRole,
        FinishedAtRole,
        ErasedAtRole,
        FailureReasonRole,
        WebUrlRole,
        RunnerRole,    ///< runner description (or name)
        TagsRole,      ///< QStringList
        ArtifactsRole, ///< QVariantList of {fileType, filename, size}
        UserRole,      ///< username of who started it
        RefRole,
        PipelineIdRole, ///< the pipeline the row belongs to
        ProjectIdRole,
        JobCountRole, ///< stages: current (not retried) jobs
        DownstreamPipelineIdRole,
        DownstreamProjectIdRole,
        DownstreamStatusRole, ///< gitlab::CiStatus as int
        DownstreamWebUrlRole,
        DownstreamStateRole, ///< DownstreamState
        DownstreamErrorRole, ///< why the downstream is stale
    };
    Q_ENUM(Role)

    struct PipelineKey
    {
        qint64 projectId = 0;
        qint64 pipelineId = 0;
        friend bool operator==(const PipelineKey &, const PipelineKey &) = default;
    };

    explicit JobsModel(QObject *parent = nullptr);
    ~JobsModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

    //! Shows another pipeline: the only reset this model does.
    void setPipeline(qint64 projectId, qint64 pipelineId);
    qint64 projectId() const;
    qint64 pipelineId() const;

    //! A complete refresh of one shown pipeline (the root or an expanded downstream).
    //! Unknown pipeline ids are ignored.
    MergeResult applySnapshot(qint64 pipelineId, const QList<gitlab::Job> &jobs,
                              const QList<gitlab::Bridge> &bridges);
    //! One job as an action returned it (play, cancel, erase; retry returns the new job): shown
    //! at once, confirmed by the next refresh. Returns false if that job is not shown (a new
    //! job then appears with the next refresh, as does the stage's composite status).
    bool updateJob(const gitlab::Job &job);
    void setLoading(qint64 pipelineId, bool loading);
    //! The refresh failed: keep the rows, say why.
    void markStale(qint64 pipelineId, const QString &errorText);
    LoadState loadState(qint64 pipelineId) const;

    bool isLoading() const;
    bool isStale() const;
    QString errorText() const;

    bool includeRetried() const { return m_includeRetried; }
    //! The loader re-fetches with include_retried; retried rows then merge in.
    void setIncludeRetried(bool include);

    void expandDownstream(const QModelIndex &bridge);
    void collapseDownstream(const QModelIndex &bridge);
    //! The root pipeline and every expanded downstream: what the loader refreshes.
    QList<PipelineKey> watchedPipelines() const;
    //! Something shown is queued or running (or a shown bridge's downstream is): poll fast.
    bool hasActiveJobs() const;

    NodeKind kindAt(const QModelIndex &index) const;
    //! The job or bridge at `index`, or nullptr for stages and invalid indexes.
    const JobRecord *recordAt(const QModelIndex &index) const;
    QModelIndex indexOfJob(qint64 jobId) const;
    int jobRowCount() const; //!< job and bridge rows in all shown pipelines

Q_SIGNALS:
    //! A downstream pipeline was expanded and needs its jobs (the loader answers with
    //! applySnapshot or markStale).
    void downstreamRequested(qint64 projectId, qint64 pipelineId);
    void watchedPipelinesChanged();
    void loadStateChanged();
    void includeRetriedChanged(bool includeRetried);

private:
    struct Node;
    struct StageNode;
    struct JobNode;
    struct Level;
    struct Registry;
    struct StageTraits;
    struct JobTraits;

    Level *levelOf(qint64 pipelineId) const;
    QModelIndex indexOfNode(const Node *node) const;
    QModelIndex levelParent(const Level *level) const;
    void setLevelState(Level *level, const LoadState &state);
    void notifyBridgeChanged(JobNode *bridge, const QList<int> &roles);
    QVariant stageData(const StageNode &stage, int role) const;
    QVariant jobData(const JobNode &job, int role) const;

    std::unique_ptr<Registry> m_registry;
    std::unique_ptr<Level> m_root;
    bool m_includeRetried = false;
};

//! Which roles differ between a job row and its refreshed version (fields GitLab can change for
//! a job id only).
RoleMask changedJobRoles(const JobRecord &before, const IncomingJob &after);

} // namespace pipedeck::models
