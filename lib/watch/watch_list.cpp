#include "watch/watch_list.h"

namespace pipedeck::watch {

qsizetype WatchList::indexOf(const QString &accountId, qint64 pipelineId) const
{
    for (qsizetype i = 0; i < m_watches.size(); ++i) {
        if (m_watches.at(i).pipelineId == pipelineId && m_watches.at(i).accountId == accountId)
            return i;
    }
    return -1;
}

bool WatchList::add(const PipelineWatch &watch)
{
    if (watch.accountId.isEmpty() || watch.projectId <= 0 || watch.pipelineId <= 0 ||
        indexOf(watch.accountId, watch.pipelineId) >= 0)
        return false;
    m_watches.append(watch);
    Q_EMIT watchAdded(watch);
    Q_EMIT changed();
    return true;
}

bool WatchList::remove(const QString &accountId, qint64 pipelineId, Ended why)
{
    const qsizetype index = indexOf(accountId, pipelineId);
    if (index < 0)
        return false;
    m_watches.removeAt(index);
    Q_EMIT watchEnded(accountId, pipelineId, why);
    Q_EMIT changed();
    return true;
}

bool WatchList::contains(const QString &accountId, qint64 pipelineId) const
{
    return indexOf(accountId, pipelineId) >= 0;
}

std::optional<PipelineWatch> WatchList::find(const QString &accountId, qint64 pipelineId) const
{
    const qsizetype index = indexOf(accountId, pipelineId);
    if (index < 0)
        return std::nullopt;
    return m_watches.at(index);
}

QList<PipelineWatch> WatchList::watchesOf(const QString &accountId) const
{
    QList<PipelineWatch> found;
    for (const PipelineWatch &watch : m_watches) {
        if (watch.accountId == accountId)
            found.append(watch);
    }
    return found;
}

void WatchList::updateStatus(const QString &accountId, qint64 pipelineId, gitlab::CiStatus status,
                             const QString &statusName)
{
    const qsizetype index = indexOf(accountId, pipelineId);
    if (index < 0)
        return;
    PipelineWatch &watch = m_watches[index];
    if (watch.lastStatus == status && watch.lastStatusName == statusName)
        return;
    watch.lastStatus = status;
    watch.lastStatusName = statusName;
    Q_EMIT changed();
}

void WatchList::reset(const QList<PipelineWatch> &watches)
{
    m_watches = watches;
    Q_EMIT changed();
}

} // namespace pipedeck::watch
