#include "models/pipelines/pipelines_model.h"

#include <QSet>

namespace pipedeck::models {

using gitlab::Pipeline;

namespace {

constexpr RoleMask kDisplayRoles = roleBit(PipelinesModel::RefRole);

template<class T> QVariant optionalValue(const std::optional<T> &value)
{
    return value ? QVariant(*value) : QVariant();
}

//! The roles the list endpoint can change (details are compared separately).
RoleMask changedListRoles(const Pipeline &a, const Pipeline &b)
{
    using R = PipelinesModel::Role;
    RoleMask mask = 0;
    markIfDifferent(mask, roleBit(R::IidRole), a.iid, b.iid);
    if (a.status != b.status || a.statusName != b.statusName)
        mask |= roleBit(R::StatusRole) | roleBit(R::StatusNameRole) | roleBit(R::ActiveRole);
    markIfDifferent(mask, roleBit(R::RefRole), a.ref, b.ref);
    markIfDifferent(mask, roleBit(R::ShaRole), a.sha, b.sha);
    markIfDifferent(mask, roleBit(R::NameRole), a.name, b.name);
    markIfDifferent(mask, roleBit(R::SourceRole), a.source, b.source);
    markIfDifferent(mask, roleBit(R::CreatedAtRole), a.createdAt, b.createdAt);
    markIfDifferent(mask, roleBit(R::UpdatedAtRole), a.updatedAt, b.updatedAt);
    markIfDifferent(mask, roleBit(R::WebUrlRole), a.webUrl, b.webUrl);
    return mask;
}

RoleMask changedDetailRoles(const Pipeline &a, const Pipeline &b)
{
    using R = PipelinesModel::Role;
    RoleMask mask = changedListRoles(a, b);
    markIfDifferent(mask, roleBit(R::TagRole), a.tag, b.tag);
    if (!(a.user == b.user))
        mask |= roleBit(R::UserRole) | roleBit(R::UserNameRole) | roleBit(R::UserAvatarRole);
    markIfDifferent(mask, roleBit(R::DurationRole), a.duration, b.duration);
    markIfDifferent(mask, roleBit(R::QueuedDurationRole), a.queuedDuration, b.queuedDuration);
    markIfDifferent(mask, roleBit(R::StartedAtRole), a.startedAt, b.startedAt);
    markIfDifferent(mask, roleBit(R::FinishedAtRole), a.finishedAt, b.finishedAt);
    return mask;
}

//! Copies what a list entry carries, keeping the detail fields already known.
void assignListFields(Pipeline &current, const Pipeline &fresh)
{
    if (fresh.detailed) {
        current = fresh;
        return;
    }
    current.id = fresh.id;
    current.iid = fresh.iid;
    current.projectId = fresh.projectId;
    current.status = fresh.status;
    current.statusName = fresh.statusName;
    current.source = fresh.source;
    current.ref = fresh.ref;
    current.sha = fresh.sha;
    current.name = fresh.name;
    current.webUrl = fresh.webUrl;
    current.createdAt = fresh.createdAt;
    current.updatedAt = fresh.updatedAt;
}

struct PipelineTraits
{
    using Key = qint64;
    Key keyOf(const PipelinesModel::Row &row) const { return row.pipeline.id; }
    Key keyOf(const Pipeline &pipeline) const { return pipeline.id; }
    RoleMask diff(const PipelinesModel::Row &current, const Pipeline &fresh) const
    {
        return fresh.detailed ? changedDetailRoles(current.pipeline, fresh)
                              : changedListRoles(current.pipeline, fresh);
    }
    void assign(PipelinesModel::Row &current, const Pipeline &fresh) const
    {
        assignListFields(current.pipeline, fresh);
    }
    PipelinesModel::Row make(Pipeline &&fresh) const
    {
        PipelinesModel::Row row;
        row.pipeline = std::move(fresh);
        if (row.pipeline.detailed) {
            row.hasDetails = true;
            row.detailsOf = row.pipeline.updatedAt;
        }
        return row;
    }
    QList<int> roles(RoleMask mask) const { return rolesFromMask(mask, kDisplayRoles); }
};

} // namespace

PipelinesModel::PipelinesModel(QObject *parent)
    : NotifyingModel<QAbstractListModel>(parent)
{}

int PipelinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

bool PipelinesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_state.loaded && m_nextPage > 0 && !m_fetchingMore;
}

void PipelinesModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetchingMore = true;
    Q_EMIT fetchMoreRequested(m_nextPage);
}

void PipelinesModel::setFilter(const PipelineFilter &filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    m_replaceBelowFirstPage = true;
    m_fetchingMore = false;
    Q_EMIT filterChanged(m_filter);
}

MergeResult PipelinesModel::merge(QList<Pipeline> snapshot)
{
    return mergeRows(*this, QModelIndex(), m_rows, snapshot, PipelineTraits{});
}

MergeResult PipelinesModel::applyFirstPage(const QList<Pipeline> &page, int nextPage)
{
    QList<Pipeline> snapshot = page;
    const bool keepBelow = nextPage > 0 && !m_replaceBelowFirstPage;
    if (keepBelow) {
        // Rows further down (older pages) stay; only those older than the page's oldest entry,
        // since anything newer that the page no longer lists is gone or filtered out.
        qint64 oldest = std::numeric_limits<qint64>::max();
        QSet<qint64> onPage;
        for (const Pipeline &pipeline : page) {
            oldest = std::min(oldest, pipeline.id);
            onPage.insert(pipeline.id);
        }
        for (const Row &row : std::as_const(m_rows)) {
            if (row.pipeline.id < oldest && !onPage.contains(row.pipeline.id))
                snapshot.append(row.pipeline);
        }
    }
    if (!keepBelow || m_nextPage == 0)
        m_nextPage = nextPage;
    m_replaceBelowFirstPage = false;
    const MergeResult result = merge(std::move(snapshot));

    LoadState state = m_state;
    state.loading = false;
    state.loaded = true;
    state.stale = false;
    state.errorText.clear();
    state.lastSuccess = QDateTime::currentDateTimeUtc();
    const bool visible = state.loaded != m_state.loaded || state.stale != m_state.stale ||
                         state.loading != m_state.loading || state.errorText != m_state.errorText;
    m_state = state;
    if (visible)
        Q_EMIT loadStateChanged();
    return result;
}

MergeResult PipelinesModel::appendPage(const QList<Pipeline> &page, int nextPage)
{
    m_fetchingMore = false;
    QList<Pipeline> snapshot;
    snapshot.reserve(m_rows.size() + page.size());
    QHash<qint64, qsizetype> onPage;
    for (qsizetype i = 0; i < page.size(); ++i)
        onPage.insert(page.at(i).id, i);
    QSet<qint64> taken;
    for (const Row &row : std::as_const(m_rows)) {
        const auto it = onPage.constFind(row.pipeline.id);
        snapshot.append(it != onPage.cend() ? page.at(it.value()) : row.pipeline);
        taken.insert(row.pipeline.id);
    }
    for (const Pipeline &pipeline : page) {
        if (!taken.contains(pipeline.id))
            snapshot.append(pipeline);
    }
    m_nextPage = nextPage;
    const MergeResult result = merge(std::move(snapshot));
    if (!m_state.errorText.isEmpty() && !m_state.stale) {
        m_state.errorText.clear();
        Q_EMIT loadStateChanged();
    } else if (nextPage == 0) {
        Q_EMIT loadStateChanged(); // atEnd changed
    }
    return result;
}

void PipelinesModel::fetchMoreFailed(const QString &errorText)
{
    m_fetchingMore = false;
    m_state.errorText = errorText;
    Q_EMIT loadStateChanged();
}

int PipelinesModel::rowOfId(qint64 pipelineId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).pipeline.id == pipelineId)
            return static_cast<int>(row);
    }
    return -1;
}

const Pipeline *PipelinesModel::pipelineAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).pipeline : nullptr;
}

void PipelinesModel::emitRowChanged(int row, RoleMask roles)
{
    if (!roles)
        return;
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, rolesFromMask(roles, kDisplayRoles));
}

void PipelinesModel::applyDetails(const Pipeline &detailed)
{
    const int row = rowOfId(detailed.id);
    if (row < 0)
        return;
    Row &current = m_rows[row];
    RoleMask roles = changedDetailRoles(current.pipeline, detailed);
    if (!current.hasDetails)
        roles |= roleBit(DetailsLoadedRole);
    current.pipeline = detailed;
    current.pipeline.detailed = true;
    current.hasDetails = true;
    current.detailsOf = detailed.updatedAt;
    emitRowChanged(row, roles);
}

void PipelinesModel::applyStageStrip(qint64 pipelineId, const StageStrip &strip,
                                     const QString &commitTitle)
{
    const int row = rowOfId(pipelineId);
    if (row < 0)
        return;
    Row &current = m_rows[row];
    RoleMask roles = 0;
    markIfDifferent(roles, roleBit(StagesRole), current.stages, strip);
    if (!commitTitle.isEmpty())
        markIfDifferent(roles, roleBit(CommitTitleRole), current.commitTitle, commitTitle);
    current.stages = strip;
    if (!commitTitle.isEmpty())
        current.commitTitle = commitTitle;
    current.hasStrip = true;
    current.stripOf = current.pipeline.updatedAt;
    emitRowChanged(row, roles);
}

QList<qint64> PipelinesModel::pipelinesNeedingDetails(int limit) const
{
    QList<qint64> ids;
    const qsizetype end = std::min<qsizetype>(limit, m_rows.size());
    for (qsizetype row = 0; row < end; ++row) {
        const Row &current = m_rows.at(row);
        const bool outdated = !current.hasDetails || !current.hasStrip ||
                              current.detailsOf != current.pipeline.updatedAt ||
                              current.stripOf != current.pipeline.updatedAt;
        if (outdated)
            ids.append(current.pipeline.id);
    }
    return ids;
}

QList<qint64> PipelinesModel::activePipelines(int limit) const
{
    QList<qint64> ids;
    const qsizetype end = std::min<qsizetype>(limit, m_rows.size());
    for (qsizetype row = 0; row < end; ++row) {
        if (gitlab::isActive(m_rows.at(row).pipeline.status))
            ids.append(m_rows.at(row).pipeline.id);
    }
    return ids;
}

void PipelinesModel::setLoading(bool loading)
{
    if (m_state.loading == loading)
        return;
    m_state.loading = loading;
    Q_EMIT loadStateChanged();
}

void PipelinesModel::markStale(const QString &errorText)
{
    m_state.loading = false;
    m_state.stale = true;
    m_state.errorText = errorText;
    Q_EMIT loadStateChanged();
}

QVariant PipelinesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Pipeline &pipeline = row.pipeline;
    switch (role) {
    case Qt::DisplayRole:
    case RefRole:
        return pipeline.ref;
    case IdRole:
        return pipeline.id;
    case IidRole:
        return optionalValue(pipeline.iid);
    case StatusRole:
        return static_cast<int>(pipeline.status);
    case StatusNameRole:
        return pipeline.statusName.isEmpty() ? gitlab::ciStatusName(pipeline.status)
                                             : pipeline.statusName;
    case ShaRole:
        return pipeline.sha;
    case TagRole:
        return pipeline.tag;
    case NameRole:
        return pipeline.name;
    case SourceRole:
        return pipeline.source;
    case CommitTitleRole:
        return row.commitTitle.isEmpty() ? pipeline.commitTitle : row.commitTitle;
    case UserRole:
        return pipeline.user ? pipeline.user->username : QString();
    case UserNameRole:
        return pipeline.user ? pipeline.user->name : QString();
    case UserAvatarRole:
        return pipeline.user ? pipeline.user->avatarUrl : QUrl();
    case DurationRole:
        return optionalValue(pipeline.duration);
    case QueuedDurationRole:
        return optionalValue(pipeline.queuedDuration);
    case CreatedAtRole:
        return pipeline.createdAt;
    case UpdatedAtRole:
        return pipeline.updatedAt;
    case StartedAtRole:
        return pipeline.startedAt;
    case FinishedAtRole:
        return pipeline.finishedAt;
    case WebUrlRole:
        return pipeline.webUrl;
    case StagesRole:
        return QVariant::fromValue(row.stages);
    case ActiveRole:
        return gitlab::isActive(pipeline.status);
    case DetailsLoadedRole:
        return row.hasDetails;
    default:
        return {};
    }
}

QHash<int, QByteArray> PipelinesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {IidRole, "iid"},
                  {StatusRole, "status"},
                  {StatusNameRole, "statusName"},
                  {RefRole, "ref"},
                  {ShaRole, "sha"},
                  {TagRole, "tag"},
                  {NameRole, "name"},
                  {SourceRole, "source"},
                  {CommitTitleRole, "commitTitle"},
                  {UserRole, "user"},
                  {UserNameRole, "userName"},
                  {UserAvatarRole, "userAvatar"},
                  {DurationRole, "duration"},
                  {QueuedDurationRole, "queuedDuration"},
                  {CreatedAtRole, "createdAt"},
                  {UpdatedAtRole, "updatedAt"},
                  {StartedAtRole, "startedAt"},
                  {FinishedAtRole, "finishedAt"},
                  {WebUrlRole, "webUrl"},
                  {StagesRole, "stages"},
                  {ActiveRole, "active"},
                  {DetailsLoadedRole, "detailsLoaded"}});
    return names;
}

} // namespace pipedeck::models
