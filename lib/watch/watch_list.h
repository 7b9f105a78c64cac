#pragma once

#include "gitlab/types/ci_status.h"

#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace pipedeck::watch {

//! An explicit Watch on one pipeline (a downstream one too), whatever the rules say.
struct PipelineWatch
{
    QString accountId;
    qint64 projectId = 0; //!< the pipeline's own project (a multi-project downstream's)
    qint64 pipelineId = 0;
    //! The status the user saw when watching, then the last one the watcher saw: what the
    //! next change is compared with, also after a restart.
    gitlab::CiStatus lastStatus = gitlab::CiStatus::Unknown;
    QString lastStatusName;
    //! A child pipeline (source parent_pipeline): GitLab lists those only when asked for them.
    bool child = false;
    QString ref;
    QString projectPath; //!< "group/project", for texts before the first poll
    qint64 addedAtMs = 0;

    friend bool operator==(const PipelineWatch &, const PipelineWatch &) = default;
};

//! Every explicit watch of every account. A watch ends when its pipeline finishes (the
//! watcher removes it with Ended::Finished after telling) or when the user removes it.
class WatchList : public QObject
{
    Q_OBJECT
public:
    enum class Ended { Removed, Finished };
    Q_ENUM(Ended)

    using QObject::QObject;

    //! False (nothing changes) when the pipeline is already watched or the watch is invalid.
    bool add(const PipelineWatch &watch);
    bool remove(const QString &accountId, qint64 pipelineId, Ended why = Ended::Removed);
    bool contains(const QString &accountId, qint64 pipelineId) const;
    std::optional<PipelineWatch> find(const QString &accountId, qint64 pipelineId) const;
    QList<PipelineWatch> watchesOf(const QString &accountId) const;
    const QList<PipelineWatch> &all() const { return m_watches; }
    int size() const { return static_cast<int>(m_watches.size()); }
    //! The watcher saw a new status (kept, so that a restart compares with it).
    void updateStatus(const QString &accountId, qint64 pipelineId, gitlab::CiStatus status,
                      const QString &statusName);
    //! Replaces everything (loading the settings file); emits changed() only.
    void reset(const QList<PipelineWatch> &watches);

Q_SIGNALS:
    void watchAdded(const pipedeck::watch::PipelineWatch &watch);
    void watchEnded(const QString &accountId, qint64 pipelineId,
                    pipedeck::watch::WatchList::Ended why);
    //! Anything changed (what the store saves on).
    void changed();

private:
    qsizetype indexOf(const QString &accountId, qint64 pipelineId) const;

    QList<PipelineWatch> m_watches;
};

} // namespace pipedeck::watch
