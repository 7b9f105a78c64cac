// GUI-thread cost of one refresh of the demo's 1,500-job pipeline (20 jobs and 4 bridges in the
// parent, 4 child pipelines of 370 jobs in 3 stages), all expanded: the time JobsModel::
// applySnapshot() takes for all 5 pipelines (grouping by stage + merge + signals), for
//   - an unchanged snapshot (what a 200 with a new ETag but the same jobs costs), and
//   - a snapshot where 20 jobs changed status (and their durations),
// with no view attached and with an expanded QTreeView (offscreen), which repaints lazily.
// A 304 costs nothing here: the loader does not call the model at all.
//
// Usage: bench_models_refresh [--rounds N]
#include "models/jobs/jobs_model.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSysInfo>
#include <QThread>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace pipedeck;
using gitlab::CiStatus;

namespace {

constexpr qint64 kProject = 5;
constexpr qint64 kRoot = 2000;
constexpr int kShards = 4;
constexpr int kPerShard = 370;

struct Snapshot
{
    qint64 pipelineId;
    QList<gitlab::Job> jobs;
    QList<gitlab::Bridge> bridges;
};

gitlab::Job makeJob(qint64 id, const QString &name, const QString &stage, qint64 pipelineId)
{
    gitlab::Job job;
    job.id = id;
    job.name = name;
    job.stage = stage;
    job.status = CiStatus::Success;
    job.statusName = QStringLiteral("success");
    job.ref = QStringLiteral("main");
    job.webUrl = QUrl(QStringLiteral("https://gitlab.example/data/etl/-/jobs/%1").arg(id));
    job.pipeline.id = pipelineId;
    job.pipeline.projectId = kProject;
    job.commitTitle = QStringLiteral("Nightly full reload 🌙 全件再取り込み");
    job.commitShortId = QStringLiteral("1a2b3c4d");
    job.createdAt = QDateTime::fromSecsSinceEpoch(1'700'000'000 + id, Qt::UTC);
    job.startedAt = job.createdAt.addSecs(5);
    job.finishedAt = job.startedAt.addSecs(20 + id % 100);
    job.duration = 20.0 + double(id % 100);
    job.queuedDuration = 1.5;
    gitlab::User user;
    user.id = 1;
    user.username = QStringLiteral("demo");
    user.name = QStringLiteral("Demo User");
    job.user = user;
    gitlab::Runner runner;
    runner.id = 7;
    runner.description = QStringLiteral("shared-runner-7");
    job.runner = runner;
    job.tagList = {QStringLiteral("docker"), QStringLiteral("linux")};
    return job;
}

std::vector<Snapshot> buildPipeline()
{
    std::vector<Snapshot> snapshots;
    Snapshot root{kRoot, {}, {}};
    qint64 id = 20000;
    for (int i = 1; i <= 20; ++i)
        root.jobs.prepend(makeJob(++id, QStringLiteral("extract:source-%1").arg(i),
                                  QStringLiteral("extract"), kRoot));
    for (int s = 1; s <= kShards; ++s) {
        gitlab::Bridge bridge;
        static_cast<gitlab::JobCommon &>(bridge) =
            makeJob(++id, QStringLiteral("shard-%1").arg(s), QStringLiteral("shards"), kRoot);
        gitlab::Pipeline downstream;
        downstream.id = kRoot + s;
        downstream.projectId = kProject;
        downstream.status = CiStatus::Success;
        downstream.statusName = QStringLiteral("success");
        bridge.downstreamPipeline = downstream;
        root.bridges.append(bridge);
    }
    snapshots.push_back(root);
    for (int s = 1; s <= kShards; ++s) {
        Snapshot child{kRoot + s, {}, {}};
        for (int j = 1; j <= kPerShard; ++j) {
            const QString stage = j <= 70    ? QStringLiteral("validate")
                                  : j <= 220 ? QStringLiteral("transform")
                                             : QStringLiteral("load");
            child.jobs.prepend(makeJob(++id, stage + QStringLiteral(" %1/%2").arg(j).arg(kPerShard),
                                       stage, child.pipelineId));
        }
        snapshots.push_back(child);
    }
    return snapshots;
}

//! 20 jobs spread over the child pipelines start running again.
std::vector<Snapshot> withChangedJobs(std::vector<Snapshot> snapshots, int round)
{
    int changed = 0;
    for (size_t p = 1; p < snapshots.size() && changed < 20; ++p) {
        for (qsizetype i = (round * 3) % 17; i < snapshots[p].jobs.size() && changed < 20;
             i += 73) {
            gitlab::Job &job = snapshots[p].jobs[i];
            job.status = CiStatus::Running;
            job.statusName = QStringLiteral("running");
            job.finishedAt = {};
            job.duration = 3.0 + round;
            ++changed;
        }
    }
    return snapshots;
}

struct Stats
{
    double median = 0, p95 = 0, max = 0;
};

Stats stats(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    Stats s;
    s.median = values[values.size() / 2];
    s.p95 = values[std::min(values.size() - 1, values.size() * 95 / 100)];
    s.max = values.back();
    return s;
}

double applyAll(models::JobsModel &model, const std::vector<Snapshot> &snapshots)
{
    QElapsedTimer timer;
    timer.start();
    for (const Snapshot &snapshot : snapshots)
        model.applySnapshot(snapshot.pipelineId, snapshot.jobs, snapshot.bridges);
    return double(timer.nsecsElapsed()) / 1e6;
}

void run(const char *label, bool withView, int rounds)
{
    models::JobsModel model;
    std::unique_ptr<QTreeView> view;
    model.setPipeline(kProject, kRoot);
    const std::vector<Snapshot> base = buildPipeline();
    model.applySnapshot(base[0].pipelineId, base[0].jobs, base[0].bridges);
    for (int s = 0; s < model.rowCount(); ++s) {
        const QModelIndex stage = model.index(s, 0);
        for (int j = 0; j < model.rowCount(stage); ++j)
            model.expandDownstream(model.index(j, 0, stage));
    }
    applyAll(model, base);
    if (withView) {
        view = std::make_unique<QTreeView>();
        view->setModel(&model);
        view->setUniformRowHeights(true);
        view->resize(800, 600);
        view->show();
        view->expandAll();
        view->setCurrentIndex(model.indexOfJob(20030));
        QCoreApplication::processEvents();
    }
    long long resets = 0;
    long long changes = 0;
    QObject::connect(&model, &QAbstractItemModel::modelReset, [&resets] { ++resets; });
    QObject::connect(&model, &QAbstractItemModel::dataChanged, [&changes] { ++changes; });
    const QPersistentModelIndex current = model.indexOfJob(20030);

    std::vector<double> unchanged;
    std::vector<double> twenty;
    for (int round = 0; round < rounds; ++round) {
        const std::vector<Snapshot> changed = withChangedJobs(base, round);
        twenty.push_back(applyAll(model, changed));
        unchanged.push_back(applyAll(model, changed));
        QCoreApplication::processEvents(); // let the view paint between refreshes
        applyAll(model, base);             // back, so that the next round changes again
        QCoreApplication::processEvents();
    }
    const Stats a = stats(unchanged);
    const Stats b = stats(twenty);
    std::printf(
        "%-28s rows=%d  unchanged: median %.2f ms p95 %.2f max %.2f | 20 changed: median %.2f ms "
        "p95 %.2f max %.2f | resets=%lld dataChanged/refresh=%.1f current kept=%s\n",
        label, model.jobRowCount(), a.median, a.p95, a.max, b.median, b.p95, b.max, resets,
        double(changes) / double(2 * rounds),
        current.isValid() && (!view || view->currentIndex() == QModelIndex(current)) ? "yes"
                                                                                     : "NO");
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int rounds = 200;
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--rounds"));
    if (at >= 0 && at + 1 < args.size())
        rounds = std::max(1, args.at(at + 1).toInt());
    std::printf("bench_models_refresh: %s, %s, %d cores, Qt %s, %d rounds\n",
                qPrintable(QSysInfo::prettyProductName()),
                qPrintable(QSysInfo::currentCpuArchitecture()), QThread::idealThreadCount(),
                qVersion(), rounds);
    run("model only", false, rounds);
    run("model + expanded QTreeView", true, rounds);
    return 0;
}
