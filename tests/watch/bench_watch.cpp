// Requests per minute with 50 watched pipelines in 10 projects, and the delay from a status
// change in pipedeck-sim to the Notify call on the notification server. Simulated time moves in
// 1 s steps (the sim's clock and the client's ManualClock together), so half an hour of
// watching takes a few seconds. Figures: docs/watching.md.
//   bench_watch [watches=50] [projects=10] [minutes=30]
#include "watch_fixture.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <numeric>

using namespace pipedeck;
using namespace watchtest;

namespace {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<qsizetype>(p * double(values.size() - 1) + 0.5);
    return values.at(std::min(index, values.size() - 1));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int watchCount = args.size() > 1 ? args.at(1).toInt() : 50;
    const int projectCount = args.size() > 2 ? args.at(2).toInt() : 10;
    const int minutes = args.size() > 3 ? args.at(3).toInt() : 30;

    WatchFixture f;
    QString error;
    if (!f.start(&error, {QStringLiteral("actions"), QStringLiteral("body")}, kWriterToken,
                 projectCount)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    // The default rules on every project too: each project then needs two listings (mine,
    // and all for the explicit watches), the most a project without child watches costs.
    watch::WatchRules rules;
    rules.projects = f.projects;
    f.watcher->setRules(rules);

    QList<qint64> ids;
    for (int i = 0; i < watchCount; ++i) {
        const qint64 project = f.projects.at(i % projectCount);
        // Ends spread over the run, 1 in 3 failing; started by someone else, so only the
        // explicit watch covers it.
        ids.append(f.createPipeline(project, 90 + (minutes * 60 - 180) * i / watchCount,
                                    i % 3 ? QStringLiteral("success") : QStringLiteral("failed"),
                                    QStringLiteral("alice")));
    }
    f.run(5'000);
    for (int i = 0; i < watchCount; ++i)
        f.watches->add(f.watchOf(f.projects.at(i % projectCount), ids.at(i)));
    f.stamped.clear();

    const QRegularExpression title(QStringLiteral("^Pipeline #(\\d+) "));
    QList<double> simulatedDelays;
    QList<double> wallLatencies;
    int summaries = 0;
    int seenCalls = 0;
    QElapsedTimer total;
    total.start();
    const qint64 stepMs = 1'000;
    for (qint64 done = 0; done < qint64(minutes) * 60'000; done += stepMs) {
        QElapsedTimer step;
        step.start();
        f.server->advance(double(stepMs) / 1000.0);
        f.clock->advance(stepMs);
        f.settle();
        f.bus.barrier();
        const QList<NotifyCall> calls = f.bus.server().calls();
        for (; seenCalls < calls.size(); ++seenCalls) {
            const QRegularExpressionMatch match = title.match(calls.at(seenCalls).summary);
            if (!match.hasMatch()) {
                ++summaries;
                continue;
            }
            const sim::Pipeline *pipeline =
                f.server->world().pipeline(match.captured(1).toLongLong());
            if (!pipeline || !pipeline->finishedAtMs)
                continue;
            simulatedDelays.append(double(f.clock->nowMs() - pipeline->finishedAtMs) / 1000.0);
            wallLatencies.append(double(step.nsecsElapsed()) / 1e6);
        }
    }
    const double wallSeconds = double(total.nsecsElapsed()) / 1e9;
    const double mean = double(f.stamped.size()) / minutes;
    const double delayMean =
        simulatedDelays.isEmpty()
            ? 0
            : std::accumulate(simulatedDelays.cbegin(), simulatedDelays.cend(), 0.0) /
                  double(simulatedDelays.size());
    std::printf("watches %d, projects %d, %d simulated minutes in %.1f s (x%.0f)\n", watchCount,
                projectCount, minutes, wallSeconds, minutes * 60 / wallSeconds);
    std::printf("requests: %lld in all, %.1f a minute on average, at most %d in any minute\n",
                static_cast<long long>(f.stamped.size()), mean, f.maxRequestsPerMinute());
    int notModified = 0;
    for (const StampedRequest &request : std::as_const(f.stamped))
        notModified += request.request.status == 304;
    std::printf("304 Not Modified: %d of %lld\n", notModified,
                static_cast<long long>(f.stamped.size()));
    std::printf("notifications: %lld for one pipeline, %d summaries; watches left %d\n",
                static_cast<long long>(simulatedDelays.size()), summaries, f.watches->size());
    std::printf("status change in the sim -> Notify (simulated s): mean %.1f, median %.1f, "
                "p95 %.1f, max %.1f\n",
                delayMean, percentile(simulatedDelays, 0.5), percentile(simulatedDelays, 0.95),
                percentile(simulatedDelays, 1.0));
    std::printf("the step that saw it -> Notify recorded (wall ms): median %.2f, max %.2f\n",
                percentile(wallLatencies, 0.5), percentile(wallLatencies, 1.0));
    return 0;
}
