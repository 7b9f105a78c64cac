#pragma once

// pipedeck-sim with an empty world (projects and pipelines made by the test), a Connection on
// a ManualClock that moves in step with the sim's clock, and the watch machinery of one
// account: WatchList, Watcher, ActionController, NotificationCenter over a DBusNotifier on
// the test's private bus. Every request the sim receives is stamped with the clock's time.
#include "actions/action_controller.h"
#include "gitlab/net/clock.h"
#include "gitlab/net/connection.h"
#include "sim/server.h"
#include "sim/world.h"
#include "support/notification_server.h"
#include "watch/dbus_notifier.h"
#include "watch/notification_center.h"
#include "watch/watch_list.h"
#include "watch/watcher.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTest>
#include <memory>

namespace watchtest {

inline const QString kAccount = QStringLiteral("http://127.0.0.1/demo");
inline const QString kWriterToken = QStringLiteral("watch-test-demo-api");
inline const QString kReaderToken = QStringLiteral("watch-test-demo-read-api");
inline const QDateTime kStart(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);

inline pipedeck::sim::ServerOptions serverOptions()
{
    using namespace pipedeck::sim;
    ServerOptions options;
    options.seed = 7;
    options.clockRunning = false; // the test moves it, in step with its ManualClock
    options.demoData = false;
    options.bigLog = false;
    options.startTime = kStart;
    options.tokens = {
        TokenGrant{kWriterToken, QStringLiteral("demo"), {QStringLiteral("api")}, {}},
        TokenGrant{kReaderToken, QStringLiteral("demo"), {QStringLiteral("read_api")}, {}},
        TokenGrant{QStringLiteral("watch-test-alice"),
                   QStringLiteral("alice"),
                   {QStringLiteral("api")},
                   {}},
    };
    return options;
}

struct StampedRequest
{
    qint64 atMs = 0;
    pipedeck::sim::RecordedRequest request;
};

struct WatchFixture
{
    PrivateNotificationBus bus;
    std::unique_ptr<pipedeck::sim::Server> server;
    std::unique_ptr<pipedeck::gitlab::ManualClock> clock;
    std::unique_ptr<pipedeck::gitlab::Connection> connection;
    std::unique_ptr<pipedeck::watch::WatchList> watches;
    std::unique_ptr<pipedeck::actions::ActionController> actions;
    std::unique_ptr<pipedeck::watch::DBusNotifier> notifier;
    std::unique_ptr<pipedeck::watch::NotificationCenter> center;
    std::unique_ptr<pipedeck::watch::Watcher> watcher;
    QList<StampedRequest> stamped;
    QList<qint64> projects;

    bool start(QString *error,
               const QStringList &capabilities = {QStringLiteral("actions"),
                                                  QStringLiteral("body")},
               const QString &token = kWriterToken, int projectCount = 5)
    {
        using namespace pipedeck;
        if (!bus.start(capabilities, error))
            return false;
        server = std::make_unique<sim::Server>(serverOptions());
        if (!server->listen()) {
            *error = QStringLiteral("the sim cannot listen");
            return false;
        }
        for (int i = 1; i <= projectCount; ++i) {
            projects.append(
                server->world()
                    .createProject(QStringLiteral("team"), QStringLiteral("svc%1").arg(i),
                                   QStringLiteral("Service %1").arg(i), QStringLiteral("demo"))
                    .id);
        }
        clock = std::make_unique<gitlab::ManualClock>(kStart.toMSecsSinceEpoch());
        QObject::connect(server.get(), &sim::Server::requestHandled, server.get(),
                         [this](const sim::RecordedRequest &request) {
                             stamped.append({clock->nowMs(), request});
                         });
        gitlab::ConnectionOptions options;
        options.clock = clock.get();
        connection = std::make_unique<gitlab::Connection>(server->baseUrl(), options);
        connection->setToken(token);
        watches = std::make_unique<watch::WatchList>();
        actions = std::make_unique<actions::ActionController>(connection.get());
        notifier = std::make_unique<watch::DBusNotifier>(bus.client());
        center = std::make_unique<watch::NotificationCenter>(notifier.get(), clock.get());
        center->addAccount(kAccount, connection.get(), actions.get(), token == kWriterToken);
        watcher = std::make_unique<watch::Watcher>(connection.get(), kAccount,
                                                   QStringLiteral("demo"), watches.get());
        center->follow(watcher.get());
        return true;
    }

    //! A pipeline of `project` started by `username` whose one job runs `seconds` and ends
    //! with `outcome` (after a 3 s queue).
    qint64 createPipeline(qint64 project, double seconds, const QString &outcome,
                          const QString &username = QStringLiteral("demo"), bool manual = false,
                          const QString &ref = QStringLiteral("main"))
    {
        using namespace pipedeck::sim;
        PipelineSpec spec;
        spec.ref = ref;
        spec.username = username;
        JobSpec job;
        job.name = QStringLiteral("build");
        job.stage = QStringLiteral("build");
        job.durationSeconds = seconds;
        job.outcome = outcome;
        job.generateTrace = false;
        spec.jobs = {job};
        if (manual) {
            JobSpec deploy;
            deploy.name = QStringLiteral("deploy");
            deploy.stage = QStringLiteral("deploy");
            deploy.manual = true;
            deploy.allowFailure = false; // blocks the pipeline: its status becomes "manual"
            deploy.durationSeconds = 20;
            deploy.outcome = QStringLiteral("failed");
            deploy.generateTrace = false;
            spec.jobs.append(deploy);
        }
        return server->world().createPipeline(project, spec).id;
    }

    pipedeck::gitlab::CiStatus statusOf(qint64 pipelineId)
    {
        server->world().update();
        return pipedeck::gitlab::ciStatusFromString(server->world().pipeline(pipelineId)->status);
    }

    pipedeck::watch::PipelineWatch watchOf(qint64 project, qint64 pipelineId)
    {
        pipedeck::watch::PipelineWatch watch;
        watch.accountId = kAccount;
        watch.projectId = project;
        watch.pipelineId = pipelineId;
        watch.lastStatus = statusOf(pipelineId);
        watch.lastStatusName = pipedeck::gitlab::ciStatusName(watch.lastStatus);
        watch.ref = QStringLiteral("main");
        watch.addedAtMs = clock->nowMs();
        return watch;
    }

    //! Lets everything the event loop holds run, until nothing of the account is on the wire.
    void settle()
    {
        QDeadlineTimer deadline(10'000);
        for (int quiet = 0; quiet < 4 && !deadline.hasExpired();) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            quiet = connection->gate().inFlight() == 0 ? quiet + 1 : 0;
        }
    }

    //! Moves simulated time (the sim's and the client's) by `ms`, in `stepMs` steps.
    void run(qint64 ms, qint64 stepMs = 1'000)
    {
        settle();
        for (qint64 done = 0; done < ms; done += stepMs) {
            server->advance(double(stepMs) / 1000.0);
            clock->advance(stepMs);
            settle();
        }
    }

    //! The most requests the sim received in any 60 s of simulated time.
    int maxRequestsPerMinute() const
    {
        int most = 0;
        for (qsizetype i = 0, j = 0; i < stamped.size(); ++i) {
            while (stamped.at(j).atMs <= stamped.at(i).atMs - 60'000)
                ++j;
            most = std::max(most, int(i - j + 1));
        }
        return most;
    }

    int count(const QByteArray &method, const QString &pathPart) const
    {
        int n = 0;
        for (const pipedeck::sim::RecordedRequest &request : server->requests()) {
            if (request.method == method && QString::fromUtf8(request.target).contains(pathPart))
                ++n;
        }
        return n;
    }
};

} // namespace watchtest
