#include "models/project_jobs/project_jobs_model.h"

#include <QSet>
#include <limits>

namespace pipedeck::models {

using gitlab::Job;

namespace {

//! Roles whose change alters what some column displays.
constexpr RoleMask kDisplayRoles =
    roleBit(ProjectJobsModel::StatusRole) | roleBit(ProjectJobsModel::StatusNameRole) |
    roleBit(ProjectJobsModel::NameRole) | roleBit(ProjectJobsModel::StageRole) |
    roleBit(ProjectJobsModel::PipelineIdRole) | roleBit(ProjectJobsModel::RefRole) |
    roleBit(ProjectJobsModel::CreatedAtRole) | roleBit(ProjectJobsModel::StartedAtRole) |
    roleBit(ProjectJobsModel::DurationRole) | roleBit(ProjectJobsModel::UserNameRole);

template<class T> QVariant optionalValue(const std::optional<T> &value)
{
    return value ? QVariant(*value) : QVariant();
}

RoleMask changedRoles(const Job &a, const Job &b)
{
    using R = ProjectJobsModel::Role;
    RoleMask mask = 0;
    if (a.status != b.status || a.statusName != b.statusName)
        mask |= roleBit(R::StatusRole) | roleBit(R::StatusNameRole) | roleBit(R::ManualRole) |
                roleBit(R::ActiveRole);
    markIfDifferent(mask, roleBit(R::NameRole), a.name, b.name);
    markIfDifferent(mask, roleBit(R::StageRole), a.stage, b.stage);
    markIfDifferent(mask, roleBit(R::PipelineIdRole), a.pipeline.id, b.pipeline.id);
    markIfDifferent(mask, roleBit(R::RefRole), a.ref, b.ref);
    markIfDifferent(mask, roleBit(R::TagRole), a.tag, b.tag);
    markIfDifferent(mask, roleBit(R::ShaRole), a.pipeline.sha, b.pipeline.sha);
    markIfDifferent(mask, roleBit(R::CommitTitleRole), a.commitTitle, b.commitTitle);
    if (!(a.user == b.user))
        mask |= roleBit(R::UserRole) | roleBit(R::UserNameRole);
    markIfDifferent(mask, roleBit(R::CreatedAtRole), a.createdAt, b.createdAt);
    markIfDifferent(mask, roleBit(R::StartedAtRole), a.startedAt, b.startedAt);
    markIfDifferent(mask, roleBit(R::FinishedAtRole), a.finishedAt, b.finishedAt);
    markIfDifferent(mask, roleBit(R::DurationRole), a.duration, b.duration);
    markIfDifferent(mask, roleBit(R::QueuedDurationRole), a.queuedDuration, b.queuedDuration);
    markIfDifferent(mask, roleBit(R::AllowFailureRole), a.allowFailure, b.allowFailure);
    markIfDifferent(mask, roleBit(R::FailureReasonRole), a.failureReason, b.failureReason);
    markIfDifferent(mask, roleBit(R::WebUrlRole), a.webUrl, b.webUrl);
    // Fields without a role of their own (runner, artifacts, ...) still refresh the row, so
    // that jobAt() never hands out an outdated job.
    if (!mask && !(a == b))
        mask |= roleBit(R::IdRole);
    return mask;
}

struct JobTraits
{
    using Key = qint64;
    Key keyOf(const Job &job) const { return job.id; }
    RoleMask diff(const Job &current, const Job &fresh) const
    {
        return changedRoles(current, fresh);
    }
    void assign(Job &current, Job &fresh) const { current = std::move(fresh); }
    Job make(Job &&fresh) const { return std::move(fresh); }
    QList<int> roles(RoleMask mask) const { return rolesFromMask(mask, kDisplayRoles); }
};

QStringList normalizedScopes(QStringList scopes)
{
    scopes.removeAll(QString());
    scopes.sort();
    scopes.removeDuplicates();
    return scopes;
}

} // namespace

ProjectJobsModel::ProjectJobsModel(QObject *parent)
    : NotifyingModel<QAbstractTableModel>(parent)
{}

int ProjectJobsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProjectJobsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ProjectJobsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_state.loaded && m_next.isValid() && !m_fetchingMore;
}

void ProjectJobsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetchingMore = true;
    Q_EMIT fetchMoreRequested(m_next);
}

void ProjectJobsModel::setScopes(const QStringList &scopes)
{
    const QStringList normalized = normalizedScopes(scopes);
    if (normalized == m_scopes)
        return;
    m_scopes = normalized;
    m_replaceBelowFirstPage = true;
    m_fetchingMore = false;
    // The continuation belongs to the old list: a view scrolled to the end must not fetch it
    // (unfiltered rows under a filter) before the new first page brings its own.
    const bool endChanged = m_next.isValid();
    m_next.clear();
    Q_EMIT scopesChanged(m_scopes);
    if (endChanged)
        Q_EMIT loadStateChanged();
}

MergeResult ProjectJobsModel::merge(QList<Job> snapshot)
{
    return mergeRows(*this, QModelIndex(), m_rows, snapshot, JobTraits{});
}

MergeResult ProjectJobsModel::applyFirstPage(const QList<Job> &page, const QUrl &nextLink)
{
    QList<Job> snapshot = page;
    const bool keepBelow = nextLink.isValid() && !m_replaceBelowFirstPage;
    if (keepBelow) {
        // Rows further down (older pages) stay; only those older than the page's oldest job,
        // since anything newer that the page no longer lists is gone or filtered out.
        qint64 oldest = std::numeric_limits<qint64>::max();
        QSet<qint64> onPage;
        for (const Job &job : page) {
            oldest = std::min(oldest, job.id);
            onPage.insert(job.id);
        }
        for (const Job &row : std::as_const(m_rows)) {
            if (row.id < oldest && !onPage.contains(row.id))
                snapshot.append(row);
        }
    } else {
        m_next = nextLink;
    }
    // Unlike an offset page number, a keyset cursor names the oldest row it follows: with pages
    // kept below, the continuation already held stays right (and at the end, the end).
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

MergeResult ProjectJobsModel::appendPage(const QList<Job> &page, const QUrl &nextLink)
{
    m_fetchingMore = false;
    QList<Job> snapshot;
    snapshot.reserve(m_rows.size() + page.size());
    QHash<qint64, qsizetype> onPage;
    for (qsizetype i = 0; i < page.size(); ++i)
        onPage.insert(page.at(i).id, i);
    QSet<qint64> taken;
    for (const Job &row : std::as_const(m_rows)) {
        const auto it = onPage.constFind(row.id);
        snapshot.append(it != onPage.cend() ? page.at(it.value()) : row);
        taken.insert(row.id);
    }
    for (const Job &job : page) {
        if (!taken.contains(job.id))
            snapshot.append(job);
    }
    const bool endChanged = m_next.isValid() != nextLink.isValid();
    m_next = nextLink;
    const MergeResult result = merge(std::move(snapshot));
    if (!m_state.errorText.isEmpty() && !m_state.stale) {
        m_state.errorText.clear();
        Q_EMIT loadStateChanged();
    } else if (endChanged) {
        Q_EMIT loadStateChanged(); // atEnd changed
    }
    return result;
}

void ProjectJobsModel::fetchMoreFailed(const QString &errorText)
{
    m_fetchingMore = false;
    m_state.errorText = errorText;
    Q_EMIT loadStateChanged();
}

void ProjectJobsModel::setLoading(bool loading)
{
    if (m_state.loading == loading)
        return;
    m_state.loading = loading;
    Q_EMIT loadStateChanged();
}

void ProjectJobsModel::markStale(const QString &errorText)
{
    m_state.loading = false;
    m_state.stale = true;
    m_state.errorText = errorText;
    Q_EMIT loadStateChanged();
}

const Job *ProjectJobsModel::jobAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ProjectJobsModel::rowOfId(qint64 jobId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == jobId)
            return static_cast<int>(row);
    }
    return -1;
}

bool ProjectJobsModel::hasActiveJobs(int limit) const
{
    const qsizetype end = std::min<qsizetype>(limit, m_rows.size());
    for (qsizetype row = 0; row < end; ++row) {
        if (gitlab::isActive(m_rows.at(row).status))
            return true;
    }
    return false;
}

QVariant ProjectJobsModel::displayData(const Job &job, int column) const
{
    switch (column) {
    case StatusColumn:
        return job.statusName.isEmpty() ? gitlab::ciStatusName(job.status) : job.statusName;
    case NameColumn:
        return job.name;
    case StageColumn:
        return job.stage;
    case PipelineColumn:
        return job.pipeline.id;
    case RefColumn:
        return job.ref;
    case CreatedColumn:
        return job.startedAt.isValid() ? job.startedAt : job.createdAt;
    case DurationColumn:
        return optionalValue(job.duration);
    case UserColumn:
        return job.user ? job.user->name : QString();
    default:
        return {};
    }
}

QVariant ProjectJobsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Job &job = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(job, index.column());
    case IdRole:
        return job.id;
    case StatusRole:
        return static_cast<int>(job.status);
    case StatusNameRole:
        return job.statusName.isEmpty() ? gitlab::ciStatusName(job.status) : job.statusName;
    case NameRole:
        return job.name;
    case StageRole:
        return job.stage;
    case PipelineIdRole:
        return job.pipeline.id;
    case RefRole:
        return job.ref;
    case TagRole:
        return job.tag;
    case ShaRole:
        return job.pipeline.sha;
    case CommitTitleRole:
        return job.commitTitle;
    case UserRole:
        return job.user ? job.user->username : QString();
    case UserNameRole:
        return job.user ? job.user->name : QString();
    case CreatedAtRole:
        return job.createdAt;
    case StartedAtRole:
        return job.startedAt;
    case FinishedAtRole:
        return job.finishedAt;
    case DurationRole:
        return optionalValue(job.duration);
    case QueuedDurationRole:
        return optionalValue(job.queuedDuration);
    case AllowFailureRole:
        return job.allowFailure;
    case FailureReasonRole:
        return job.failureReason;
    case WebUrlRole:
        return job.webUrl;
    case ManualRole:
        return job.isManual();
    case ActiveRole:
        return gitlab::isActive(job.status);
    default:
        return {};
    }
}

QVariant ProjectJobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case NameColumn:
        return tr("Job");
    case StageColumn:
        return tr("Stage");
    case PipelineColumn:
        return tr("Pipeline");
    case RefColumn:
        return tr("Ref");
    case CreatedColumn:
        return tr("Created");
    case DurationColumn:
        return tr("Duration");
    case UserColumn:
        return tr("User");
    default:
        return {};
    }
}

QHash<int, QByteArray> ProjectJobsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{IdRole, "id"},
                  {StatusRole, "status"},
                  {StatusNameRole, "statusName"},
                  {NameRole, "name"},
                  {StageRole, "stage"},
                  {PipelineIdRole, "pipelineId"},
                  {RefRole, "ref"},
                  {TagRole, "tag"},
                  {ShaRole, "sha"},
                  {CommitTitleRole, "commitTitle"},
                  {UserRole, "user"},
                  {UserNameRole, "userName"},
                  {CreatedAtRole, "createdAt"},
                  {StartedAtRole, "startedAt"},
                  {FinishedAtRole, "finishedAt"},
                  {DurationRole, "duration"},
                  {QueuedDurationRole, "queuedDuration"},
                  {AllowFailureRole, "allowFailure"},
                  {FailureReasonRole, "failureReason"},
                  {WebUrlRole, "webUrl"},
                  {ManualRole, "manual"},
                  {ActiveRole, "active"}});
    return names;
}

} // namespace pipedeck::models
