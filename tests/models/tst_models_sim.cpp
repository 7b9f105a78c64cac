// The models and their loaders against an in-process pipedeck-sim over loopback: projects,
// pipelines with filters and paging, the 1,500-job pipeline with its child pipelines, live
// status changes as dataChanged without resets, broken replies keeping the last good data, and
// polling with conditional GETs.
#include "gitlab/net/clock.h"
#include "gitlab/net/connection.h"
#include "job_rows.h"
#include "models/jobs/jobs_model.h"
#include "models/loaders/jobs_loader.h"
#include "models/loaders/pipelines_loader.h"
#include "models/loaders/projects_loader.h"
#include "models/pipelines/pipelines_model.h"
#include "models/polling/poll_scheduler.h"
#include "models/projects/projects_model.h"
#include "models/projects/recent_projects.h"
#include "sim/demo_data.h"
#include "sim/server.h"
#include "sim/world.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace pipedeck::models;
namespace demo = pipedeck::sim::demo;
using pipedeck::gitlab::CiStatus;

namespace {

constexpr int kTimeoutMs = 20'000;

pipedeck::gitlab::ConnectionOptions fastOptions()
{
    pipedeck::gitlab::ConnectionOptions options;
    options.transferTimeoutMs = 5000;
    options.deadlineMs = 15000;
    options.retry.maxAttempts = 1; // a broken reply must surface, not be retried away
    return options;
}

using jobrows::collectJobs;

int countRequests(const QList<pipedeck::sim::RecordedRequest> &requests, int status)
{
    return static_cast<int>(std::count_if(requests.cbegin(), requests.cend(),
                                          [status](const auto &r) { return r.status == status; }));
}

bool sentIfNoneMatch(const pipedeck::sim::RecordedRequest &request)
{
    return std::any_of(request.headers.cbegin(), request.headers.cend(), [](const auto &header) {
        return header.first.compare("If-None-Match", Qt::CaseInsensitive) == 0;
    });
}

} // namespace

class TestModelsSim : public QObject
{
    Q_OBJECT
private:
    QString m_token = QStringLiteral("models-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<pipedeck::sim::Server> m_server;
    std::unique_ptr<pipedeck::gitlab::Connection> m_connection;

    void newConnection()
    {
        m_connection =
            std::make_unique<pipedeck::gitlab::Connection>(m_server->baseUrl(), fastOptions());
        m_connection->setToken(m_token);
    }

private Q_SLOTS:
    void initTestCase()
    {
        pipedeck::sim::ServerOptions options;
        options.bigLog = false;
        options.clockRunning = false; // time moves only through advance()
        options.tokens = {{m_token, QStringLiteral("demo"), {QStringLiteral("api")}, {}}};
        m_server = std::make_unique<pipedeck::sim::Server>(options);
        QVERIFY(m_server->listen());

        // 120 pipelines in demo/sandbox, so that its list has a second page.
        pipedeck::sim::World &world = m_server->world();
        for (int i = 0; i < 120; ++i) {
            pipedeck::sim::PipelineSpec spec;
            spec.ref = QStringLiteral("main");
            spec.commitTitle = QStringLiteral("Sandbox change %1").arg(i);
            pipedeck::sim::JobSpec job;
            job.name = QStringLiteral("check");
            job.frozenStatus = i % 3 ? QStringLiteral("success") : QStringLiteral("failed");
            spec.jobs = {job};
            world.createPipeline(demo::kSandboxProjectId, spec);
        }
    }

    void init()
    {
        newConnection();
        m_server->clearFaults();
    }

    void projectsSearchStarredAndRecent()
    {
        ProjectsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        RecentProjects recent(settings, QStringLiteral("sim/demo"));
        ProjectsLoader loader(m_connection.get(), &model, &recent);
        QSignalSpy refreshed(&loader, &ProjectsLoader::refreshed);

        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QVERIFY(refreshed.last().at(0).toBool());
        QVERIFY(model.rowCount() >= 6);
        QCOMPARE(model.rowOfId(demo::kPrivateProjectId), -1); // alice's private project
        const int gateway = model.rowOfId(demo::kDemoProjectId);
        QVERIFY(gateway >= 0);
        const QPersistentModelIndex selected = model.index(model.rowOfId(demo::kEtlProjectId));
        QCOMPARE(model.index(gateway).data(ProjectsModel::PathRole).toString(),
                 QString::fromLatin1(demo::kDemoProjectPath));
        QVERIFY(model.index(gateway).data(ProjectsModel::WebUrlRole).toUrl().isValid());

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSearchText(QStringLiteral("etl")); // debounced
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(ProjectsModel::IdRole).toLongLong(), demo::kEtlProjectId);
        QVERIFY(selected.isValid()); // still listed: still selected
        QCOMPARE(reset.count(), 0);

        loader.rememberOpened(*model.projectAt(0));
        model.setSearchText(QString());
        model.setScope(ProjectsModel::Scope::Recent);
        loader.refresh();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(ProjectsModel::IdRole).toLongLong(), demo::kEtlProjectId);
    }

    void pipelinesFiltersPagingAndDetails()
    {
        PipelinesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        PipelinesLoader loader(m_connection.get(), &model, demo::kSandboxProjectId);
        QSignalSpy refreshed(&loader, &PipelinesLoader::refreshed);
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(model.rowCount(), 100); // per_page=100
        QVERIFY(!model.atEnd());
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int row = 0; row < model.rowCount(); ++row) { // newest first
            const qint64 id = model.index(row).data(PipelinesModel::IdRole).toLongLong();
            QVERIFY(id < previous);
            previous = id;
        }
        // The model tester already asks for more (as a view does when scrolled to the end);
        // ask in case it did not, then wait for the rest.
        if (model.canFetchMore({}))
            model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(model.atEnd(), kTimeoutMs);
        QVERIFY(model.rowCount() >= 120);
        QVERIFY(!model.canFetchMore({}));

        // Details of the newest rows: user, commit title, stage strip.
        QTRY_VERIFY_WITH_TIMEOUT(model.index(0).data(PipelinesModel::DetailsLoadedRole).toBool(),
                                 kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            !model.index(0).data(PipelinesModel::StagesRole).value<StageStrip>().isEmpty(),
            kTimeoutMs);
        QCOMPARE(model.index(0).data(PipelinesModel::CommitTitleRole).toString(),
                 QStringLiteral("Sandbox change 119"));
        QVERIFY(!model.index(0).data(PipelinesModel::UserRole).toString().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);

        // Filter by status: every row matches; rows still matching keep their selection.
        QPersistentModelIndex failed;
        for (int row = 0; row < model.rowCount() && !failed.isValid(); ++row) {
            if (model.index(row).data(PipelinesModel::StatusRole).toInt() ==
                static_cast<int>(CiStatus::Failed))
                failed = model.index(row);
        }
        QVERIFY(failed.isValid());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        PipelineFilter filter;
        filter.status = QStringLiteral("failed");
        model.setFilter(filter);
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(reset.count(), 0);
        QVERIFY(model.rowCount() >= 40); // every third sandbox pipeline failed
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row).data(PipelinesModel::StatusRole).toInt(),
                     static_cast<int>(CiStatus::Failed));
        QVERIFY(failed.isValid());
        QCOMPARE(failed.data(PipelinesModel::StatusRole).toInt(),
                 static_cast<int>(CiStatus::Failed));
    }

    void pipelinesOfTheDemoProjectByRef()
    {
        PipelinesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        PipelinesLoader loader(m_connection.get(), &model, demo::kDemoProjectId);
        QSignalSpy refreshed(&loader, &PipelinesLoader::refreshed);
        PipelineFilter filter;
        filter.ref = QStringLiteral("main");
        model.setFilter(filter);
        QVERIFY(refreshed.wait(kTimeoutMs));
        QVERIFY(model.rowCount() > 0);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row).data(PipelinesModel::RefRole).toString(),
                     QStringLiteral("main"));
    }

    void bigPipelineWithChildrenRefreshesWithoutReset()
    {
        JobsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        JobsLoader loader(m_connection.get(), &model);
        model.setPipeline(demo::kEtlProjectId, demo::kBigPipelineId);
        // The tester walks the tree and fetches every bridge's downstream, as an expanded view.
        QTRY_VERIFY_WITH_TIMEOUT(model.watchedPipelines().size() == 5, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);
        for (const auto &key : model.watchedPipelines()) {
            const LoadState state = model.loadState(key.pipelineId);
            QVERIFY2(state.loaded && !state.stale, qPrintable(state.errorText));
        }
        QList<QModelIndex> rows;
        collectJobs(model, {}, rows);
        const int jobs =
            static_cast<int>(std::count_if(rows.cbegin(), rows.cend(), [](const QModelIndex &i) {
                return i.data(JobsModel::NodeKindRole).value<JobsModel::NodeKind>() ==
                       JobsModel::NodeKind::Job;
            }));
        QCOMPARE(jobs, demo::kBigPipelineJobCount);
        QCOMPARE(model.jobRowCount(), demo::kBigPipelineJobCount + 4); // and the 4 bridges
        for (const auto &key : model.watchedPipelines())
            QVERIFY(model.loadState(key.pipelineId).loaded);

        // Twenty jobs in the child pipelines change status on the server.
        QList<qint64> changedIds;
        for (const QModelIndex &index : std::as_const(rows)) {
            if (index.data(JobsModel::PipelineIdRole).toLongLong() != demo::kBigPipelineId &&
                index.data(JobsModel::NodeKindRole).value<JobsModel::NodeKind>() ==
                    JobsModel::NodeKind::Job &&
                changedIds.size() < 20 && index.row() % 7 == 0)
                changedIds.append(index.data(JobsModel::IdRole).toLongLong());
        }
        QCOMPARE(changedIds.size(), 20);
        for (qint64 id : std::as_const(changedIds))
            m_server->world().setJobStatus(id, QStringLiteral("running"));

        const QPersistentModelIndex selected = model.indexOfJob(changedIds.first());
        const QPersistentModelIndex expandedBridge =
            model.indexOfJob(selected.parent().parent().data(JobsModel::IdRole).toLongLong());
        const QPersistentModelIndex untouched =
            model.indexOfJob(rows.constLast().data(JobsModel::IdRole).toLongLong());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy refreshed(&loader, &JobsLoader::refreshed);
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QVERIFY(changed.count() >= 1);
        QVERIFY(changed.count() <=
                20 + 12 + 4 + 4); // job ranges, stage rows, bridge rows, root stages
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(JobsModel::StatusRole).toInt(), static_cast<int>(CiStatus::Running));
        QVERIFY(expandedBridge.isValid());
        QVERIFY(model.rowCount(expandedBridge) > 0); // still expanded
        QVERIFY(untouched.isValid());
        for (qint64 id : std::as_const(changedIds))
            QCOMPARE(model.indexOfJob(id).data(JobsModel::StatusRole).toInt(),
                     static_cast<int>(CiStatus::Running));
        QVERIFY(model.hasActiveJobs());

        // A second refresh with nothing changed on the server: all 304, not a single signal.
        changed.clear();
        m_server->clearRequests();
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(changed.count(), 0);
        const auto requests = m_server->requests();
        QVERIFY(!requests.isEmpty());
        QCOMPARE(countRequests(requests, 304), requests.size());
        QVERIFY(std::all_of(requests.cbegin(), requests.cend(), sentIfNoneMatch));
    }

    void runningPipelineAdvancesAsDataChanged()
    {
        JobsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        JobsLoader loader(m_connection.get(), &model);
        QSignalSpy refreshed(&loader, &JobsLoader::refreshed);
        model.setPipeline(demo::kDemoProjectId, demo::kRunningPipelineId);
        QTRY_VERIFY_WITH_TIMEOUT(model.loadState(demo::kRunningPipelineId).loaded, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);
        const QPersistentModelIndex running = model.indexOfJob(demo::kRunningJobId);
        QVERIFY(running.isValid());
        QCOMPARE(running.data(JobsModel::StatusRole).toInt(), static_cast<int>(CiStatus::Running));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        m_server->advance(30 * 60); // half an hour: the pipeline finishes
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(reset.count(), 0);
        QVERIFY(running.isValid());
        QVERIFY(running.data(JobsModel::StatusRole).toInt() != static_cast<int>(CiStatus::Running));
        bool statusRoleSeen = false;
        for (const auto &signal : std::as_const(changed))
            statusRoleSeen =
                statusRoleSeen || signal.at(2).value<QList<int>>().contains(JobsModel::StatusRole);
        QVERIFY(statusRoleSeen);
    }

    void earlierAttemptsOfJobsAndBridgesOnDemand()
    {
        // GitLab's REST API does not say which jobs are earlier attempts; the model must tell
        // them by name, and ask for them (jobs and bridges) only when includeRetried is set.
        pipedeck::sim::World &world = m_server->world();
        pipedeck::sim::PipelineSpec spec;
        spec.ref = QStringLiteral("main");
        pipedeck::sim::JobSpec compile;
        compile.name = QStringLiteral("compile");
        compile.durationSeconds = 10;
        compile.outcome = QStringLiteral("failed");
        compile.generateTrace = false;
        pipedeck::sim::JobSpec child;
        child.name = QStringLiteral("child-check");
        child.durationSeconds = 10;
        child.generateTrace = false;
        pipedeck::sim::JobSpec toChild;
        toChild.name = QStringLiteral("to-child");
        toChild.bridge = true;
        toChild.downstreamJobs = {child};
        spec.jobs = {compile, toChild};
        const qint64 pipelineId = world.createPipeline(demo::kSandboxProjectId, spec).id;
        m_server->advance(600);
        const qint64 oldCompile = world.jobsOfPipeline(pipelineId, false, false).first()->id;
        const qint64 oldBridge = world.jobsOfPipeline(pipelineId, false, true).first()->id;
        QCOMPARE(world.job(oldCompile)->status, QStringLiteral("failed"));
        QCOMPARE(world.job(oldBridge)->status, QStringLiteral("success"));
        const qint64 newCompile = world.retry(oldCompile, 1, nullptr)->id;
        const qint64 newBridge = world.retry(oldBridge, 1, nullptr)->id;
        world.setJobStatus(newCompile, QStringLiteral("success"));

        JobsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        JobsLoader loader(m_connection.get(), &model);
        model.setPipeline(demo::kSandboxProjectId, pipelineId);
        QTRY_VERIFY_WITH_TIMEOUT(model.loadState(pipelineId).loaded, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex stage = model.index(0, 0);
        QCOMPARE(model.rowCount(stage), 2);
        QVERIFY(!model.indexOfJob(oldCompile).isValid());
        QVERIFY(!model.indexOfJob(newCompile).data(JobsModel::RetriedRole).toBool());

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setIncludeRetried(true);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount(stage) == 4, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);
        QCOMPARE(reset.count(), 0);
        QVERIFY(model.indexOfJob(oldCompile).data(JobsModel::RetriedRole).toBool());
        QVERIFY(model.indexOfJob(oldBridge).data(JobsModel::RetriedRole).toBool());
        QVERIFY(!model.indexOfJob(newCompile).data(JobsModel::RetriedRole).toBool());
        QVERIFY(!model.indexOfJob(newBridge).data(JobsModel::RetriedRole).toBool());
        QCOMPARE(model.indexOfJob(newCompile).row() + 1, model.indexOfJob(oldCompile).row());
        // The failed first attempt neither counts nor colours the stage.
        QCOMPARE(stage.data(JobsModel::JobCountRole).toInt(), 2);
        QVERIFY(stage.data(JobsModel::StatusRole).toInt() != static_cast<int>(CiStatus::Failed));
        const QList<pipedeck::sim::RecordedRequest> requests = m_server->requests();
        const auto bridgesRequest =
            std::find_if(requests.crbegin(), requests.crend(),
                         [](const auto &r) { return r.target.contains("/bridges"); });
        QVERIFY(bridgesRequest != requests.crend());
        QVERIFY(bridgesRequest->target.contains("include_retried=true"));

        model.setIncludeRetried(false);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount(stage) == 2, kTimeoutMs);
        QCOMPARE(reset.count(), 0);
        QVERIFY(!model.indexOfJob(oldBridge).isValid());
    }

    void brokenReplyKeepsTheLastDataAndMarksStale()
    {
        JobsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        JobsLoader loader(m_connection.get(), &model);
        QSignalSpy refreshed(&loader, &JobsLoader::refreshed);
        model.setPipeline(demo::kDemoProjectId, demo::kFailedPipelineId);
        QTRY_VERIFY_WITH_TIMEOUT(model.loadState(demo::kFailedPipelineId).loaded, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);
        const int jobs = model.jobRowCount();
        QVERIFY(jobs > 0);
        const QPersistentModelIndex failedJob = model.indexOfJob(demo::kFailedJobId);
        QVERIFY(failedJob.isValid());

        m_server->world().setJobStatus(demo::kFailedJobId,
                                       QStringLiteral("running")); // a change, so no 304
        for (auto kind :
             {pipedeck::sim::FaultKind::MalformedJson, pipedeck::sim::FaultKind::TruncatedBody,
              pipedeck::sim::FaultKind::HtmlPage}) {
            pipedeck::sim::FaultRule fault;
            fault.method = "GET";
            fault.path =
                QRegularExpression(QStringLiteral("^/api/v4/projects/\\d+/pipelines/\\d+/jobs$"));
            fault.kind = kind;
            m_server->addFault(fault);
            QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
            QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
            loader.refresh();
            QVERIFY(refreshed.wait(kTimeoutMs));
            QVERIFY(!refreshed.last().at(1).toBool());
            QVERIFY(model.isStale());
            QVERIFY(!model.errorText().isEmpty());
            QVERIFY(!model.errorText().contains(m_token));
            QCOMPARE(removed.count(), 0);
            QCOMPARE(changed.count(), 0);
            QCOMPARE(model.jobRowCount(), jobs);
            QVERIFY(failedJob.isValid());
            QCOMPARE(failedJob.data(JobsModel::StatusRole).toInt(),
                     static_cast<int>(CiStatus::Failed));
            m_server->clearFaults();
        }

        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QVERIFY(!model.isStale());
        QCOMPARE(failedJob.data(JobsModel::StatusRole).toInt(),
                 static_cast<int>(CiStatus::Running));
    }

    void brokenPipelinesListKeepsRows()
    {
        PipelinesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        PipelinesLoader loader(m_connection.get(), &model, demo::kDemoProjectId);
        QSignalSpy refreshed(&loader, &PipelinesLoader::refreshed);
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        const int rows = model.rowCount();
        QVERIFY(rows > 0);
        pipedeck::sim::FaultRule fault;
        fault.method = "GET";
        fault.path = QRegularExpression(QStringLiteral("^/api/v4/projects/\\d+/pipelines$"));
        fault.kind = pipedeck::sim::FaultKind::MalformedJson;
        m_server->addFault(fault);
        m_server->world().setJobStatus(demo::kFailedJobId, QStringLiteral("success")); // no 304
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QVERIFY(model.isStale());
        QCOMPARE(model.rowCount(), rows);
    }

    void secondOfThreePagesFailsKeepsWhatWasShown()
    {
        // A project with three pages of pipelines (100 a page).
        pipedeck::sim::World &world = m_server->world();
        pipedeck::sim::Project &project =
            world.createProject(QStringLiteral("demo"), QStringLiteral("three-pages"),
                                QStringLiteral("Three pages"), QStringLiteral("demo"));
        for (int i = 0; i < 250; ++i) {
            pipedeck::sim::PipelineSpec spec;
            spec.ref = QStringLiteral("main");
            pipedeck::sim::JobSpec job;
            job.name = QStringLiteral("check");
            job.frozenStatus = QStringLiteral("success");
            spec.jobs = {job};
            world.createPipeline(project.id, spec);
        }
        PipelinesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        PipelinesLoader loader(m_connection.get(), &model, project.id);
        QSignalSpy refreshed(&loader, &PipelinesLoader::refreshed);
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.nextPage(), 2);
        QList<qint64> shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown.append(model.pipelineAt(row)->id);

        // Page 2 fails, also when the connection tries it again.
        pipedeck::sim::FaultRule fault;
        fault.method = "GET";
        fault.path = QRegularExpression(QStringLiteral("^/api/v4/projects/\\d+/pipelines$"));
        fault.query = QRegularExpression(QStringLiteral("(^|&)page=2(&|$)"));
        fault.kind = pipedeck::sim::FaultKind::ServerError;
        fault.times = -1;
        m_server->addFault(fault);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isFetchingMore(), kTimeoutMs);
        // Marked incomplete: not at the end, with the reason; what was shown stays as it was.
        QVERIFY(!model.atEnd());
        QCOMPARE(model.nextPage(), 2);
        QVERIFY(!model.errorText().isEmpty());
        QVERIFY(!model.errorText().contains(m_token));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(removed.count(), 0);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.pipelineAt(row)->id, shown.at(row));
        QVERIFY(m_server->requests().constLast().target.contains("page=2"));

        // Once GitLab answers again, the next tries fill in pages 2 and 3 and the note goes.
        // (The model tester asks for more as rows arrive, as a view does while it fills.)
        m_server->clearFaults();
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(model.atEnd(), kTimeoutMs);
        QCOMPARE(model.rowCount(), 250);
        QVERIFY(model.errorText().isEmpty());
        for (int row = 0; row < shown.size(); ++row)
            QCOMPARE(model.pipelineAt(row)->id, shown.at(row));
    }

    void pollingUsesConditionalGetsAndSlowsDown()
    {
        pipedeck::gitlab::ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        PollScheduler scheduler(&clock);
        scheduler.setBudgetSource([this] { return m_connection->gate().effectiveBudget(); });
        JobsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        JobsLoader loader(m_connection.get(), &model, &scheduler);
        QSignalSpy refreshed(&loader, &JobsLoader::refreshed);
        model.setPipeline(demo::kDemoProjectId,
                          demo::kCanceledPipelineId); // finished: idle polling
        QTRY_VERIFY_WITH_TIMEOUT(model.loadState(demo::kCanceledPipelineId).loaded, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);
        QVERIFY(!model.hasActiveJobs());

        m_server->clearRequests();
        for (int poll = 0; poll < 3; ++poll) {
            clock.advance(scheduler.options().maxIntervalMs);
            QVERIFY(refreshed.wait(kTimeoutMs));
            QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);
        }
        const auto requests = m_server->requests();
        QVERIFY(requests.size() >= 6);
        QCOMPARE(countRequests(requests, 304), requests.size());
        QVERIFY(std::all_of(requests.cbegin(), requests.cend(), sentIfNoneMatch));

        // Hidden: nothing is sent however much time passes.
        scheduler.setWindowVisible(false);
        m_server->clearRequests();
        clock.advance(60 * 60'000);
        QTest::qWait(200);
        QCOMPARE(m_server->requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestModelsSim)
#include "tst_models_sim.moc"
