// Requests per minute while one running pipeline is open: the pipelines list of its project
// and the pipeline itself (jobs and bridges), both polled by one PollScheduler, against an
// in-process pipedeck-sim over loopback. Simulated time: each step moves the scheduler's clock
// and the simulator's clock by one second; each poll runs to completion before time moves on.
//
// Usage: bench_models_polling [--minutes N]
#include "gitlab/net/clock.h"
#include "gitlab/net/connection.h"
#include "models/jobs/jobs_model.h"
#include "models/loaders/jobs_loader.h"
#include "models/loaders/pipelines_loader.h"
#include "models/pipelines/pipelines_model.h"
#include "models/polling/poll_scheduler.h"
#include "sim/demo_data.h"
#include "sim/server.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QUuid>

#include <cstdio>

using namespace pipedeck;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int minutes = 20;
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--minutes"));
    if (at >= 0 && at + 1 < args.size())
        minutes = std::max(1, args.at(at + 1).toInt());

    const QString token = QUuid::createUuid().toString(QUuid::Id128);
    sim::ServerOptions options;
    options.bigLog = false;
    options.clockRunning = false;
    options.tokens = {{token, QStringLiteral("demo"), {QStringLiteral("api")}, {}}};
    sim::Server server(options);
    if (!server.listen())
        return 1;
    gitlab::Connection connection(server.baseUrl());
    connection.setToken(token);

    gitlab::ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    models::PollScheduler scheduler(&clock);
    scheduler.setBudgetSource([&connection] { return connection.gate().effectiveBudget(); });
    models::PipelinesModel pipelines;
    models::PipelinesLoader pipelinesLoader(&connection, &pipelines, sim::demo::kDemoProjectId,
                                            &scheduler);
    models::JobsModel jobs;
    models::JobsLoader jobsLoader(&connection, &jobs, &scheduler);

    const auto settle = [&] {
        QElapsedTimer guard;
        guard.start();
        do {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        } while ((pipelinesLoader.isBusy() || jobsLoader.isBusy()) && guard.elapsed() < 30'000);
    };
    pipelinesLoader.refresh();
    jobs.setPipeline(sim::demo::kDemoProjectId, sim::demo::kRunningPipelineId);
    settle();
    server.clearRequests();

    std::printf("bench_models_polling: pipelines list of %s + running pipeline %lld open, %d "
                "simulated minutes\n",
                sim::demo::kDemoProjectPath, static_cast<long long>(sim::demo::kRunningPipelineId),
                minutes);
    std::printf("minute  requests  304s  pipeline status\n");
    int worst = 0;
    int total = 0;
    int total304 = 0;
    for (int minute = 0; minute < minutes; ++minute) {
        for (int second = 0; second < 60; ++second) {
            server.advance(1);
            clock.advance(1000);
            settle();
        }
        const auto requests = server.requests();
        const int notModified = static_cast<int>(std::count_if(
            requests.cbegin(), requests.cend(), [](const auto &r) { return r.status == 304; }));
        const int row = pipelines.rowOfId(sim::demo::kRunningPipelineId);
        const QString status =
            row >= 0 ? pipelines.index(row).data(models::PipelinesModel::StatusNameRole).toString()
                     : QStringLiteral("?");
        std::printf("%6d  %8d  %4d  %s\n", minute + 1, static_cast<int>(requests.size()),
                    notModified, qPrintable(status));
        worst = std::max(worst, static_cast<int>(requests.size()));
        total += static_cast<int>(requests.size());
        total304 += notModified;
        server.clearRequests();
    }
    std::printf("worst minute: %d requests; average %.1f/min; %d%% answered 304\n", worst,
                double(total) / minutes, total ? total304 * 100 / total : 0);
    return 0;
}
