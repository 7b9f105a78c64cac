#pragma once

#include "gitlab/types/pipeline.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>

namespace pipedeck::watch {

class WatchList;
class Watcher;

//! One line of the tray's menu.
struct WatchedPipeline
{
    QString accountId;
    gitlab::Pipeline pipeline; //!< the latest the watcher saw (basic fields)
    bool explicitWatch = false;

    friend bool operator==(const WatchedPipeline &, const WatchedPipeline &) = default;
};

//! What the tray shows: the worst state of what is watched, counts for its tooltip, and the
//! watched pipelines for its menu, newest change first.
//!
//! A pipeline is listed while it is active (an explicit watch, or one the rules matched), and
//! once finished until acknowledge() (the user opened the menu): a failure that ended a watch
//! must not vanish from the tray before anyone saw it. At most kMaxFinished finished ones stay.
class WatchOverview : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxFinished = 20;

    enum class State { Nothing, Passed, Running, Failed };
    Q_ENUM(State)

    struct Counts
    {
        int failed = 0;
        int running = 0; //!< active: created, pending, running, ...
        int waiting = 0; //!< manual jobs waiting
        int passed = 0;  //!< success, canceled, skipped
    };

    explicit WatchOverview(WatchList *watches, QObject *parent = nullptr);

    void follow(Watcher *watcher);
    void onPipelineSeen(const QString &accountId, const gitlab::Pipeline &pipeline,
                        bool explicitWatch);

    const QList<WatchedPipeline> &pipelines() const { return m_pipelines; }
    State state() const;
    Counts counts() const;
    //! "2 failed, 3 running, 1 waiting for a manual job, 5 passed" (only the non-zero parts),
    //! or "Nothing watched".
    QString toolTip() const;
    //! Forgets the finished ones that are not watched any more.
    void acknowledge();

Q_SIGNALS:
    void changed();

private:
    void forget(const QString &accountId, qint64 pipelineId);

    QPointer<WatchList> m_watches;
    QList<WatchedPipeline> m_pipelines;
};

} // namespace pipedeck::watch
