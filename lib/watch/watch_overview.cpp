#include "watch/watch_overview.h"

#include "watch/watch_list.h"
#include "watch/watcher.h"

#include <QStringList>

#include <algorithm>

namespace pipedeck::watch {

using gitlab::CiStatus;

WatchOverview::WatchOverview(WatchList *watches, QObject *parent)
    : QObject(parent)
    , m_watches(watches)
{
    if (m_watches) {
        connect(m_watches, &WatchList::watchAdded, this, [this](const PipelineWatch &watch) {
            gitlab::Pipeline pipeline;
            pipeline.id = watch.pipelineId;
            pipeline.projectId = watch.projectId;
            pipeline.status = watch.lastStatus;
            pipeline.statusName = watch.lastStatusName;
            pipeline.ref = watch.ref;
            onPipelineSeen(watch.accountId, pipeline, true);
        });
        connect(m_watches, &WatchList::watchEnded, this,
                [this](const QString &accountId, qint64 pipelineId, WatchList::Ended why) {
                    // A finished pipeline stays until acknowledged; a removed watch goes.
                    if (why != WatchList::Ended::Finished)
                        forget(accountId, pipelineId);
                });
    }
}

void WatchOverview::follow(Watcher *watcher)
{
    connect(watcher, &Watcher::pipelineSeen, this, &WatchOverview::onPipelineSeen);
}

void WatchOverview::onPipelineSeen(const QString &accountId, const gitlab::Pipeline &pipeline,
                                   bool explicitWatch)
{
    const auto it =
        std::find_if(m_pipelines.begin(), m_pipelines.end(), [&](const WatchedPipeline &watched) {
            return watched.accountId == accountId && watched.pipeline.id == pipeline.id;
        });
    if (it != m_pipelines.end()) {
        if (it->pipeline == pipeline && it->explicitWatch == explicitWatch)
            return;
        m_pipelines.erase(it);
    } else if (!explicitWatch && !gitlab::isActive(pipeline.status) &&
               pipeline.status != CiStatus::Manual && pipeline.status != CiStatus::Failed) {
        return; // a rule's pipeline that already ended well: nothing for the tray
    }
    m_pipelines.prepend({accountId, pipeline, explicitWatch});
    // Keep the newest finished ones only.
    int finished = 0;
    for (auto entry = m_pipelines.begin(); entry != m_pipelines.end();) {
        if (gitlab::isCompleted(entry->pipeline.status) && ++finished > kMaxFinished)
            entry = m_pipelines.erase(entry);
        else
            ++entry;
    }
    Q_EMIT changed();
}

void WatchOverview::forget(const QString &accountId, qint64 pipelineId)
{
    const auto removed =
        std::remove_if(m_pipelines.begin(), m_pipelines.end(), [&](const WatchedPipeline &watched) {
            return watched.accountId == accountId && watched.pipeline.id == pipelineId;
        });
    if (removed == m_pipelines.end())
        return;
    m_pipelines.erase(removed, m_pipelines.end());
    Q_EMIT changed();
}

WatchOverview::Counts WatchOverview::counts() const
{
    Counts counts;
    for (const WatchedPipeline &watched : m_pipelines) {
        const CiStatus status = watched.pipeline.status;
        if (status == CiStatus::Failed)
            ++counts.failed;
        else if (status == CiStatus::Manual)
            ++counts.waiting;
        else if (gitlab::isActive(status))
            ++counts.running;
        else
            ++counts.passed;
    }
    return counts;
}

WatchOverview::State WatchOverview::state() const
{
    const Counts c = counts();
    if (c.failed)
        return State::Failed;
    if (c.running || c.waiting)
        return State::Running;
    if (c.passed)
        return State::Passed;
    return State::Nothing;
}

QString WatchOverview::toolTip() const
{
    const Counts c = counts();
    QStringList parts;
    if (c.failed)
        parts << tr("%n failed", nullptr, c.failed);
    if (c.running)
        parts << tr("%n running", nullptr, c.running);
    if (c.waiting)
        parts << tr("%n waiting for a manual job", nullptr, c.waiting);
    if (c.passed)
        parts << tr("%n finished", nullptr, c.passed);
    if (parts.isEmpty())
        return tr("Nothing watched");
    return tr("Watched pipelines: %1").arg(parts.join(QStringLiteral(", ")));
}

void WatchOverview::acknowledge()
{
    const auto before = m_pipelines.size();
    m_pipelines.erase(std::remove_if(m_pipelines.begin(), m_pipelines.end(),
                                     [this](const WatchedPipeline &watched) {
                                         if (!gitlab::isCompleted(watched.pipeline.status))
                                             return false;
                                         return !m_watches ||
                                                !m_watches->contains(watched.accountId,
                                                                     watched.pipeline.id);
                                     }),
                      m_pipelines.end());
    if (m_pipelines.size() != before)
        Q_EMIT changed();
}

} // namespace pipedeck::watch
