#include "models/jobs/jobs_model.h"

#include "core/logging.h"

#include <QVariantMap>
#include <algorithm>
#include <vector>

namespace pipedeck::models {

using gitlab::CiStatus;

// ---- tree nodes --------------------------------------------------------------------------

struct JobsModel::Registry
{
    QHash<qint64, Level *> levels; // by pipeline id
    QHash<qint64, JobNode *> jobs; // by job id
    bool watchedChanged = false;
};

struct JobsModel::Node
{
    enum class Kind { Stage, Job };
    explicit Node(Kind nodeKind)
        : kind(nodeKind)
    {}
    Kind kind;
};

struct JobsModel::Level
{
    Level(Registry &registryRef, qint64 project, qint64 pipeline, JobNode *owner)
        : registry(registryRef)
        , projectId(project)
        , pipelineId(pipeline)
        , bridge(owner)
    {
        registry.levels.insert(pipelineId, this);
        registry.watchedChanged = true;
    }
    ~Level()
    {
        stages.clear(); // jobs unregister before the level does
        if (registry.levels.value(pipelineId) == this)
            registry.levels.remove(pipelineId);
        registry.watchedChanged = true;
    }
    Level(const Level &) = delete;
    Level &operator=(const Level &) = delete;

    Registry &registry;
    qint64 projectId;
    qint64 pipelineId;
    JobNode *bridge; // null for the root pipeline
    std::vector<std::unique_ptr<StageNode>> stages;
    StageOrder stageOrder;
    LoadState state;
    bool active = false; // a job of this level (or a bridge's downstream) is queued or running
};

struct JobsModel::StageNode : Node
{
    StageNode(Level *owner, StageSnapshot &&snapshot);
    Level *level;
    QString name;
    CiStatus status = CiStatus::Unknown;
    int jobCount = 0;
    std::vector<std::unique_ptr<JobNode>> jobs;
};

struct JobsModel::JobNode : Node
{
    JobNode(StageNode *owner, JobRecord &&fresh)
        : Node(Kind::Job)
        , stage(owner)
        , record(std::move(fresh))
    {
        registry().jobs.insert(record.job.id, this);
    }
    ~JobNode()
    {
        downstream.reset();
        if (registry().jobs.value(record.job.id) == this)
            registry().jobs.remove(record.job.id);
    }
    JobNode(const JobNode &) = delete;
    JobNode &operator=(const JobNode &) = delete;

    Registry &registry() const { return stage->level->registry; }

    StageNode *stage;
    JobRecord record;
    std::unique_ptr<Level> downstream; // set while expanded
};

JobsModel::StageNode::StageNode(Level *owner, StageSnapshot &&snapshot)
    : Node(Kind::Stage)
    , level(owner)
    , name(std::move(snapshot.name))
    , status(snapshot.status)
    , jobCount(snapshot.jobCount)
{
    jobs.reserve(static_cast<size_t>(snapshot.jobs.size()));
    for (const IncomingJob &incoming : std::as_const(snapshot.jobs))
        jobs.push_back(std::make_unique<JobNode>(this, incoming.toRecord()));
}

// ---- merge traits ------------------------------------------------------------------------

namespace {

constexpr RoleMask kDisplayRoles = roleBit(JobsModel::NameRole);

template<class T> QVariant optionalSeconds(const std::optional<T> &value)
{
    return value ? QVariant(*value) : QVariant();
}

} // namespace

RoleMask changedJobRoles(const JobRecord &before, const IncomingJob &after)
{
    // Only what can change for a job id is compared: GitLab never changes a job's name, stage,
    // ref, web URL or creation time (a retry is a new job).
    using R = JobsModel::Role;
    const gitlab::Job &a = before.job;
    const gitlab::JobCommon &b = after.common();
    RoleMask mask = 0;
    markIfDifferent(mask, roleBit(R::NodeKindRole), before.bridge, after.bridge != nullptr);
    if (a.status != b.status || a.statusName != b.statusName)
        mask |= roleBit(R::StatusRole) | roleBit(R::StatusNameRole) | roleBit(R::ManualRole);
    markIfDifferent(mask, roleBit(R::AllowFailureRole), a.allowFailure, b.allowFailure);
    markIfDifferent(mask, roleBit(R::RetriedRole), a.retried, after.retried());
    markIfDifferent(mask, roleBit(R::DurationRole), a.duration, b.duration);
    markIfDifferent(mask, roleBit(R::QueuedDurationRole), a.queuedDuration, b.queuedDuration);
    markIfDifferent(mask, roleBit(R::StartedAtRole), a.startedAt, b.startedAt);
    markIfDifferent(mask, roleBit(R::FinishedAtRole), a.finishedAt, b.finishedAt);
    markIfDifferent(mask, roleBit(R::ErasedAtRole), a.erasedAt, b.erasedAt);
    markIfDifferent(mask, roleBit(R::FailureReasonRole), a.failureReason, b.failureReason);
    const auto userId = [](const std::optional<gitlab::User> &user) { return user ? user->id : 0; };
    markIfDifferent(mask, roleBit(R::UserRole), userId(a.user), userId(b.user)); // who played it
    if (after.job) {
        const gitlab::Job &job = *after.job;
        markIfDifferent(mask, roleBit(R::RunnerRole), a.runner ? a.runner->id : 0,
                        job.runner ? job.runner->id : 0);
        markIfDifferent(mask, roleBit(R::ArtifactsRole), a.artifacts, job.artifacts);
    } else {
        const std::optional<gitlab::Pipeline> &downstream = after.bridge->downstreamPipeline;
        const qint64 idBefore = before.downstream ? before.downstream->id : 0;
        const qint64 idAfter = downstream ? downstream->id : 0;
        if (idBefore != idAfter) {
            mask |= roleBit(R::DownstreamPipelineIdRole) | roleBit(R::DownstreamProjectIdRole) |
                    roleBit(R::DownstreamStateRole) | roleBit(R::DownstreamWebUrlRole);
        }
        const auto statusOf = [](const std::optional<gitlab::Pipeline> &p) {
            return p ? p->status : CiStatus::Unknown;
        };
        markIfDifferent(mask, roleBit(R::DownstreamStatusRole), statusOf(before.downstream),
                        statusOf(downstream));
    }
    return mask;
}

struct JobsModel::StageTraits
{
    using Key = QString;
    Level *level;
    Key keyOf(const std::unique_ptr<StageNode> &stage) const { return stage->name; }
    Key keyOf(const StageSnapshot &stage) const { return stage.name; }
    RoleMask diff(const std::unique_ptr<StageNode> &current, const StageSnapshot &fresh) const
    {
        RoleMask mask = 0;
        if (current->status != fresh.status)
            mask |= roleBit(StatusRole) | roleBit(StatusNameRole);
        markIfDifferent(mask, roleBit(JobCountRole), current->jobCount, fresh.jobCount);
        return mask;
    }
    // The jobs of a kept stage are merged separately, under the stage's index.
    void assign(std::unique_ptr<StageNode> &current, const StageSnapshot &fresh) const
    {
        current->status = fresh.status;
        current->jobCount = fresh.jobCount;
    }
    std::unique_ptr<StageNode> make(StageSnapshot &&fresh) const
    {
        return std::make_unique<StageNode>(level, std::move(fresh));
    }
    QList<int> roles(RoleMask mask) const { return rolesFromMask(mask, kDisplayRoles); }
};

struct JobsModel::JobTraits
{
    using Key = qint64;
    StageNode *stage;
    std::vector<JobNode *> *redirected; // expanded bridges whose downstream changed
    Key keyOf(const std::unique_ptr<JobNode> &job) const { return job->record.job.id; }
    Key keyOf(const IncomingJob &job) const { return job.common().id; }
    RoleMask diff(const std::unique_ptr<JobNode> &current, const IncomingJob &fresh) const
    {
        return changedJobRoles(current->record, fresh);
    }
    void assign(std::unique_ptr<JobNode> &current, const IncomingJob &fresh) const
    {
        const qint64 before = current->record.downstream ? current->record.downstream->id : 0;
        current->record = fresh.toRecord();
        const qint64 after = current->record.downstream ? current->record.downstream->id : 0;
        if (current->downstream && before != after)
            redirected->push_back(current.get());
    }
    std::unique_ptr<JobNode> make(IncomingJob &&fresh) const
    {
        return std::make_unique<JobNode>(stage, fresh.toRecord());
    }
    QList<int> roles(RoleMask mask) const { return rolesFromMask(mask, kDisplayRoles); }
};

// ---- model -------------------------------------------------------------------------------

JobsModel::JobsModel(QObject *parent)
    : NotifyingModel<QAbstractItemModel>(parent)
    , m_registry(std::make_unique<Registry>())
{}

JobsModel::~JobsModel()
{
    m_root.reset();
}

JobsModel::Level *JobsModel::levelOf(qint64 pipelineId) const
{
    return m_registry->levels.value(pipelineId);
}

QModelIndex JobsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0 || !m_root)
        return {};
    if (!parent.isValid()) {
        if (row >= static_cast<int>(m_root->stages.size()))
            return {};
        return createIndex(row, 0, static_cast<Node *>(m_root->stages[row].get()));
    }
    auto *node = static_cast<Node *>(parent.internalPointer());
    if (node->kind == Node::Kind::Stage) {
        auto *stage = static_cast<StageNode *>(node);
        if (row >= static_cast<int>(stage->jobs.size()))
            return {};
        return createIndex(row, 0, static_cast<Node *>(stage->jobs[row].get()));
    }
    auto *job = static_cast<JobNode *>(node);
    if (!job->downstream || row >= static_cast<int>(job->downstream->stages.size()))
        return {};
    return createIndex(row, 0, static_cast<Node *>(job->downstream->stages[row].get()));
}

QModelIndex JobsModel::indexOfNode(const Node *node) const
{
    if (node->kind == Node::Kind::Stage) {
        const auto *stage = static_cast<const StageNode *>(node);
        const auto &siblings = stage->level->stages;
        const auto it =
            std::find_if(siblings.begin(), siblings.end(),
                         [stage](const auto &candidate) { return candidate.get() == stage; });
        if (it == siblings.end())
            return {};
        return createIndex(static_cast<int>(it - siblings.begin()), 0, const_cast<Node *>(node));
    }
    const auto *job = static_cast<const JobNode *>(node);
    const auto &siblings = job->stage->jobs;
    const auto it = std::find_if(siblings.begin(), siblings.end(),
                                 [job](const auto &candidate) { return candidate.get() == job; });
    if (it == siblings.end())
        return {};
    return createIndex(static_cast<int>(it - siblings.begin()), 0, const_cast<Node *>(node));
}

QModelIndex JobsModel::levelParent(const Level *level) const
{
    return level->bridge ? indexOfNode(level->bridge) : QModelIndex();
}

QModelIndex JobsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const auto *node = static_cast<const Node *>(child.internalPointer());
    if (node->kind == Node::Kind::Stage)
        return levelParent(static_cast<const StageNode *>(node)->level);
    return indexOfNode(static_cast<const JobNode *>(node)->stage);
}

int JobsModel::rowCount(const QModelIndex &parent) const
{
    if (!m_root)
        return 0;
    if (!parent.isValid())
        return static_cast<int>(m_root->stages.size());
    if (parent.column() != 0)
        return 0;
    const auto *node = static_cast<const Node *>(parent.internalPointer());
    if (node->kind == Node::Kind::Stage)
        return static_cast<int>(static_cast<const StageNode *>(node)->jobs.size());
    const auto *job = static_cast<const JobNode *>(node);
    return job->downstream ? static_cast<int>(job->downstream->stages.size()) : 0;
}

int JobsModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool JobsModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return rowCount(parent) > 0;
    if (parent.column() != 0)
        return false;
    const auto *node = static_cast<const Node *>(parent.internalPointer());
    if (node->kind == Node::Kind::Stage)
        return !static_cast<const StageNode *>(node)->jobs.empty();
    const auto *job = static_cast<const JobNode *>(node);
    return job->record.bridge && job->record.downstream.has_value();
}

Qt::ItemFlags JobsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractItemModel::flags(index);
    if (index.isValid() && kindAt(index) == NodeKind::Job)
        result |= Qt::ItemNeverHasChildren;
    return result;
}

bool JobsModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() != 0)
        return false;
    const auto *node = static_cast<const Node *>(parent.internalPointer());
    if (node->kind != Node::Kind::Job)
        return false;
    const auto *job = static_cast<const JobNode *>(node);
    return job->record.bridge && job->record.downstream && !job->downstream;
}

void JobsModel::fetchMore(const QModelIndex &parent)
{
    expandDownstream(parent);
}

void JobsModel::expandDownstream(const QModelIndex &bridge)
{
    if (!canFetchMore(bridge))
        return;
    auto *job = static_cast<JobNode *>(static_cast<Node *>(bridge.internalPointer()));
    const gitlab::Pipeline &target = *job->record.downstream;
    if (levelOf(target.id)) {
        qCDebug(lcModels) << "downstream pipeline" << target.id << "is already shown";
        return;
    }
    const qint64 projectId = target.projectId ? target.projectId : job->stage->level->projectId;
    job->downstream = std::make_unique<Level>(*m_registry, projectId, target.id, job);
    job->downstream->state.loading = true;
    m_registry->watchedChanged = false;
    notifyBridgeChanged(job, {DownstreamStateRole});
    Q_EMIT downstreamRequested(projectId, target.id);
    Q_EMIT watchedPipelinesChanged();
}

void JobsModel::collapseDownstream(const QModelIndex &bridge)
{
    if (!bridge.isValid() || kindAt(bridge) != NodeKind::Bridge)
        return;
    auto *job = static_cast<JobNode *>(static_cast<Node *>(bridge.internalPointer()));
    if (!job->downstream)
        return;
    std::unique_ptr<Level> leaving;
    const int rows = static_cast<int>(job->downstream->stages.size());
    if (rows > 0) {
        beginRemoveRows(bridge, 0, rows - 1);
        leaving = std::move(job->downstream);
        endRemoveRows();
    } else {
        leaving = std::move(job->downstream);
    }
    leaving.reset();
    m_registry->watchedChanged = false;
    notifyBridgeChanged(job, {DownstreamStateRole, DownstreamErrorRole});
    Q_EMIT watchedPipelinesChanged();
}

void JobsModel::notifyBridgeChanged(JobNode *bridge, const QList<int> &roles)
{
    const QModelIndex at = indexOfNode(bridge);
    if (at.isValid())
        Q_EMIT dataChanged(at, at, roles);
}

void JobsModel::setPipeline(qint64 projectId, qint64 pipelineId)
{
    if (m_root && m_root->projectId == projectId && m_root->pipelineId == pipelineId)
        return;
    beginResetModel();
    m_root.reset();
    m_root = std::make_unique<Level>(*m_registry, projectId, pipelineId, nullptr);
    endResetModel();
    m_registry->watchedChanged = false;
    Q_EMIT watchedPipelinesChanged();
    Q_EMIT loadStateChanged();
}

qint64 JobsModel::projectId() const
{
    return m_root ? m_root->projectId : 0;
}

qint64 JobsModel::pipelineId() const
{
    return m_root ? m_root->pipelineId : 0;
}

MergeResult JobsModel::applySnapshot(qint64 pipelineId, const QList<gitlab::Job> &jobs,
                                     const QList<gitlab::Bridge> &bridges)
{
    Level *level = levelOf(pipelineId);
    if (!level) {
        qCDebug(lcModels) << "snapshot for pipeline" << pipelineId << "which is not shown";
        return {};
    }
    QList<StageSnapshot> stages = groupByStage(jobs, bridges, level->stageOrder);

    bool active = false;
    for (const gitlab::Job &job : jobs)
        active = active || (!job.retried && gitlab::isActive(job.status));
    for (const gitlab::Bridge &bridge : bridges) {
        active = active || (!bridge.retried && gitlab::isActive(bridge.status)) ||
                 (bridge.downstreamPipeline && gitlab::isActive(bridge.downstreamPipeline->status));
    }
    level->active = active;

    const QModelIndex levelIndex = levelParent(level);
    MergeResult total = mergeRows(*this, levelIndex, level->stages, stages, StageTraits{level});
    std::vector<JobNode *> redirected;
    for (size_t row = 0; row < level->stages.size(); ++row) {
        if (total.insertedAt[row])
            continue;
        StageNode *stage = level->stages[row].get();
        const QModelIndex stageIndex =
            createIndex(static_cast<int>(row), 0, static_cast<Node *>(stage));
        const MergeResult jobsResult =
            mergeRows(*this, stageIndex, stage->jobs, stages[static_cast<qsizetype>(row)].jobs,
                      JobTraits{stage, &redirected});
        total.removed += jobsResult.removed;
        total.inserted += jobsResult.inserted;
        total.moved += jobsResult.moved;
        total.changedRows += jobsResult.changedRows;
        total.changeSignals += jobsResult.changeSignals;
    }
    // An expanded bridge that now leads to another pipeline (it was retried): show the new one.
    for (JobNode *bridge : redirected) {
        const QModelIndex at = indexOfNode(bridge);
        collapseDownstream(at);
        expandDownstream(at);
    }

    LoadState state = level->state;
    state.loading = false;
    state.loaded = true;
    state.stale = false;
    state.errorText.clear();
    state.lastSuccess = QDateTime::currentDateTimeUtc();
    setLevelState(level, state);
    if (m_registry->watchedChanged) {
        m_registry->watchedChanged = false;
        Q_EMIT watchedPipelinesChanged();
    }
    return total;
}

bool JobsModel::updateJob(const gitlab::Job &job)
{
    JobNode *node = m_registry->jobs.value(job.id);
    if (!node || node->record.bridge)
        return false;
    // A reply for one job cannot tell whether it was retried; once retried, always retried.
    const IncomingJob incoming{&job, nullptr, node->record.job.retried};
    const RoleMask changed = changedJobRoles(node->record, incoming);
    node->record = incoming.toRecord();
    if (changed) {
        const QModelIndex at = indexOfNode(node);
        Q_EMIT dataChanged(at, at, rolesFromMask(changed, kDisplayRoles));
    }
    return true;
}

void JobsModel::setLevelState(Level *level, const LoadState &state)
{
    const LoadState before = level->state;
    level->state = state;
    if (level == m_root.get()) {
        // The time of the last success alone is not worth a signal.
        LoadState compare = before;
        compare.lastSuccess = state.lastSuccess;
        if (!(compare == state))
            Q_EMIT loadStateChanged();
    } else if (level->bridge) {
        // A bridge row shows loaded / stale and the error, not every poll's loading flag.
        const bool visibleChange = before.loaded != state.loaded || before.stale != state.stale ||
                                   before.errorText != state.errorText;
        if (visibleChange)
            notifyBridgeChanged(level->bridge, {DownstreamStateRole, DownstreamErrorRole});
    }
}

void JobsModel::setLoading(qint64 pipelineId, bool loading)
{
    if (Level *level = levelOf(pipelineId)) {
        LoadState state = level->state;
        state.loading = loading;
        setLevelState(level, state);
    }
}

void JobsModel::markStale(qint64 pipelineId, const QString &errorText)
{
    if (Level *level = levelOf(pipelineId)) {
        LoadState state = level->state;
        state.loading = false;
        state.stale = true;
        state.errorText = errorText;
        setLevelState(level, state);
    }
}

LoadState JobsModel::loadState(qint64 pipelineId) const
{
    const Level *level = levelOf(pipelineId);
    return level ? level->state : LoadState{};
}

bool JobsModel::isLoading() const
{
    return m_root && m_root->state.loading;
}

bool JobsModel::isStale() const
{
    return m_root && m_root->state.stale;
}

QString JobsModel::errorText() const
{
    return m_root ? m_root->state.errorText : QString();
}

void JobsModel::setIncludeRetried(bool include)
{
    if (m_includeRetried == include)
        return;
    m_includeRetried = include;
    Q_EMIT includeRetriedChanged(include);
}

QList<JobsModel::PipelineKey> JobsModel::watchedPipelines() const
{
    QList<PipelineKey> keys;
    if (!m_root)
        return keys;
    keys.append({m_root->projectId, m_root->pipelineId});
    for (const Level *level : std::as_const(m_registry->levels)) {
        if (level != m_root.get())
            keys.append({level->projectId, level->pipelineId});
    }
    std::sort(keys.begin() + 1, keys.end(), [](const PipelineKey &a, const PipelineKey &b) {
        return a.pipelineId < b.pipelineId;
    });
    return keys;
}

bool JobsModel::hasActiveJobs() const
{
    for (const Level *level : std::as_const(m_registry->levels)) {
        if (level->active || (!level->state.loaded && level->state.loading))
            return true;
    }
    return false;
}

JobsModel::NodeKind JobsModel::kindAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return NodeKind::Stage;
    const auto *node = static_cast<const Node *>(index.internalPointer());
    if (node->kind == Node::Kind::Stage)
        return NodeKind::Stage;
    return static_cast<const JobNode *>(node)->record.bridge ? NodeKind::Bridge : NodeKind::Job;
}

const JobRecord *JobsModel::recordAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const auto *node = static_cast<const Node *>(index.internalPointer());
    if (node->kind != Node::Kind::Job)
        return nullptr;
    return &static_cast<const JobNode *>(node)->record;
}

QModelIndex JobsModel::indexOfJob(qint64 jobId) const
{
    const JobNode *node = m_registry->jobs.value(jobId);
    return node ? indexOfNode(node) : QModelIndex();
}

int JobsModel::jobRowCount() const
{
    return static_cast<int>(m_registry->jobs.size());
}

QVariant JobsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto *node = static_cast<const Node *>(index.internalPointer());
    if (node->kind == Node::Kind::Stage)
        return stageData(*static_cast<const StageNode *>(node), role);
    return jobData(*static_cast<const JobNode *>(node), role);
}

QVariant JobsModel::stageData(const StageNode &stage, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
    case StageRole:
        return stage.name;
    case NodeKindRole:
        return QVariant::fromValue(NodeKind::Stage);
    case StatusRole:
        return static_cast<int>(stage.status);
    case StatusNameRole:
        return gitlab::ciStatusName(stage.status);
    case JobCountRole:
        return stage.jobCount;
    case PipelineIdRole:
        return stage.level->pipelineId;
    case ProjectIdRole:
        return stage.level->projectId;
    default:
        return {};
    }
}

QVariant JobsModel::jobData(const JobNode &node, int role) const
{
    const JobRecord &record = node.record;
    const gitlab::Job &job = record.job;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return job.name;
    case NodeKindRole:
        return QVariant::fromValue(record.bridge ? NodeKind::Bridge : NodeKind::Job);
    case IdRole:
        return job.id;
    case StageRole:
        return job.stage;
    case StatusRole:
        return static_cast<int>(job.status);
    case StatusNameRole:
        return job.statusName.isEmpty() ? gitlab::ciStatusName(job.status) : job.statusName;
    case AllowFailureRole:
        return job.allowFailure;
    case RetriedRole:
        return job.retried;
    case ManualRole:
        return job.isManual();
    case DurationRole:
        return optionalSeconds(job.duration);
    case QueuedDurationRole:
        return optionalSeconds(job.queuedDuration);
    case CreatedAtRole:
        return job.createdAt;
    case StartedAtRole:
        return job.startedAt;
    case FinishedAtRole:
        return job.finishedAt;
    case ErasedAtRole:
        return job.erasedAt;
    case FailureReasonRole:
        return job.failureReason;
    case WebUrlRole:
        return job.webUrl;
    case RunnerRole:
        if (!job.runner)
            return {};
        return job.runner->description.isEmpty() ? job.runner->name : job.runner->description;
    case TagsRole:
        return job.tagList;
    case ArtifactsRole: {
        QVariantList artifacts;
        for (const gitlab::JobArtifact &artifact : job.artifacts) {
            artifacts.append(QVariantMap{{QStringLiteral("fileType"), artifact.fileType},
                                         {QStringLiteral("filename"), artifact.filename},
                                         {QStringLiteral("size"), artifact.size}});
        }
        return artifacts;
    }
    case UserRole:
        return job.user ? job.user->username : QString();
    case RefRole:
        return job.ref;
    case PipelineIdRole:
        return node.stage->level->pipelineId;
    case ProjectIdRole:
        return node.stage->level->projectId;
    case DownstreamPipelineIdRole:
        return record.downstream ? QVariant(record.downstream->id) : QVariant();
    case DownstreamProjectIdRole:
        return record.downstream ? QVariant(record.downstream->projectId) : QVariant();
    case DownstreamStatusRole:
        return record.downstream ? QVariant(static_cast<int>(record.downstream->status))
                                 : QVariant();
    case DownstreamWebUrlRole:
        return record.downstream ? QVariant(record.downstream->webUrl) : QVariant();
    case DownstreamStateRole: {
        if (!record.bridge || !record.downstream)
            return QVariant::fromValue(DownstreamState::None);
        if (!node.downstream)
            return QVariant::fromValue(DownstreamState::NotLoaded);
        const LoadState &state = node.downstream->state;
        if (state.stale)
            return QVariant::fromValue(DownstreamState::Stale);
        return QVariant::fromValue(state.loaded ? DownstreamState::Loaded
                                                : DownstreamState::Loading);
    }
    case DownstreamErrorRole:
        return node.downstream ? node.downstream->state.errorText : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> JobsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert({{NodeKindRole, "nodeKind"},
                  {IdRole, "id"},
                  {NameRole, "name"},
                  {StageRole, "stage"},
                  {StatusRole, "status"},
                  {StatusNameRole, "statusName"},
                  {AllowFailureRole, "allowFailure"},
                  {RetriedRole, "retried"},
                  {ManualRole, "manual"},
                  {DurationRole, "duration"},
                  {QueuedDurationRole, "queuedDuration"},
                  {CreatedAtRole, "createdAt"},
                  {StartedAtRole, "startedAt"},
                  {FinishedAtRole, "finishedAt"},
                  {ErasedAtRole, "erasedAt"},
                  {FailureReasonRole, "failureReason"},
                  {WebUrlRole, "webUrl"},
                  {RunnerRole, "runner"},
                  {TagsRole, "tags"},
                  {ArtifactsRole, "artifacts"},
                  {UserRole, "user"},
                  {RefRole, "ref"},
                  {PipelineIdRole, "pipelineId"},
                  {ProjectIdRole, "projectId"},
                  {JobCountRole, "jobCount"},
                  {DownstreamPipelineIdRole, "downstreamPipelineId"},
                  {DownstreamProjectIdRole, "downstreamProjectId"},
                  {DownstreamStatusRole, "downstreamStatus"},
                  {DownstreamWebUrlRole, "downstreamWebUrl"},
                  {DownstreamStateRole, "downstreamState"},
                  {DownstreamErrorRole, "downstreamError"}});
    return names;
}

} // namespace pipedeck::models
