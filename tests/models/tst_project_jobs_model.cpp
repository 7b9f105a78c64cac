// ProjectJobsModel and ProjectJobsLoader against an in-process pipedeck-sim over loopback: the
// project's jobs newest first over GitLab's keyset pagination, scope[] filters with several
// statuses, refreshes and polls merged by id without resets, and a broken reply keeping the
// rows marked stale.
#include "gitlab/net/clock.h"
#include "gitlab/net/connection.h"
#include "models/loaders/project_jobs_loader.h"
#include "models/polling/poll_scheduler.h"
#include "models/project_jobs/project_jobs_model.h"
#include "sim/demo_data.h"
#include "sim/server.h"
#include "sim/world.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

using namespace pipedeck::models;
namespace demo = pipedeck::sim::demo;
using pipedeck::gitlab::CiStatus;

namespace {

constexpr int kTimeoutMs = 20'000;
constexpr int kSandboxPipelines = 240; // more than one page of jobs, also when filtered

pipedeck::gitlab::ConnectionOptions fastOptions()
{
    pipedeck::gitlab::ConnectionOptions options;
    options.transferTimeoutMs = 5000;
    options.deadlineMs = 15000;
    options.retry.maxAttempts = 1; // a broken reply must surface, not be retried away
    return options;
}

QList<qint64> idsOf(const ProjectJobsModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(ProjectJobsModel::IdRole).toLongLong());
    return ids;
}

//! The GET /projects/:id/jobs requests the sim received, as decoded queries.
QList<QUrlQuery> jobListQueries(const QList<pipedeck::sim::RecordedRequest> &requests,
                                qint64 projectId)
{
    const QByteArray path = "/api/v4/projects/" + QByteArray::number(projectId) + "/jobs";
    QList<QUrlQuery> out;
    for (const auto &request : requests) {
        const qsizetype q = request.target.indexOf('?');
        if (request.method == "GET" && request.target.left(q) == path)
            out.append(QUrlQuery(QString::fromUtf8(request.target.mid(q + 1))));
    }
    return out;
}

QStringList scopesOf(const QUrlQuery &query)
{
    QStringList scopes = query.allQueryItemValues(QStringLiteral("scope[]"), QUrl::FullyDecoded);
    scopes.sort();
    return scopes;
}

//! Scrolls to the end as a view would: asks for the next page whenever the model allows.
bool loadAllPages(ProjectJobsModel &model)
{
    return QTest::qWaitFor(
        [&model] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return model.atEnd() && !model.isFetchingMore();
        },
        kTimeoutMs);
}

bool strictlyDescending(const QList<qint64> &ids)
{
    for (qsizetype i = 1; i < ids.size(); ++i) {
        if (ids.at(i) >= ids.at(i - 1))
            return false;
    }
    return true;
}

} // namespace

class TestProjectJobsModel : public QObject
{
    Q_OBJECT
private:
    QString m_token = QStringLiteral("project-jobs-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<pipedeck::sim::Server> m_server;
    std::unique_ptr<pipedeck::gitlab::Connection> m_connection;

    //! Job ids of the sandbox project whose status is in `statuses` (all when empty).
    QList<qint64> simJobs(const QStringList &statuses = {}) const
    {
        QList<qint64> ids;
        for (const auto *job : m_server->world().jobsOfProject(demo::kSandboxProjectId)) {
            if (statuses.isEmpty() || statuses.contains(job->status))
                ids.append(job->id);
        }
        return ids;
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

        // demo/sandbox gets two jobs per pipeline: a check (success, or failed every third
        // time) and a manual deploy every fifth time, so that several statuses span pages.
        pipedeck::sim::World &world = m_server->world();
        for (int i = 0; i < kSandboxPipelines; ++i) {
            pipedeck::sim::PipelineSpec spec;
            spec.ref = QStringLiteral("main");
            spec.commitTitle = QStringLiteral("Sandbox change %1").arg(i);
            pipedeck::sim::JobSpec check;
            check.name = QStringLiteral("check");
            check.stage = QStringLiteral("test");
            check.frozenStatus = i % 3 ? QStringLiteral("success") : QStringLiteral("failed");
            pipedeck::sim::JobSpec deploy;
            deploy.name = QStringLiteral("deploy");
            deploy.stage = QStringLiteral("deploy");
            deploy.frozenStatus = i % 5 ? QStringLiteral("skipped") : QStringLiteral("manual");
            spec.jobs = {check, deploy};
            world.createPipeline(demo::kSandboxProjectId, spec);
        }
        QVERIFY(simJobs().size() > 2 * 100);
        QVERIFY(simJobs({QStringLiteral("failed"), QStringLiteral("manual")}).size() > 100);
    }

    void init()
    {
        m_connection =
            std::make_unique<pipedeck::gitlab::Connection>(m_server->baseUrl(), fastOptions());
        m_connection->setToken(m_token);
        m_server->clearFaults();
        m_server->clearRequests();
    }

    void firstPageThenKeysetPagesAppended()
    {
        ProjectJobsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ProjectJobsLoader loader(m_connection.get(), &model, demo::kSandboxProjectId);
        QSignalSpy refreshed(&loader, &ProjectJobsLoader::refreshed);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(refreshed.takeFirst().at(0).toBool(), true);
        QCOMPARE(model.rowCount(), 100); // per_page=100
        QVERIFY(!model.atEnd());
        const QList<qint64> firstPage = idsOf(model);
        QCOMPARE(firstPage, simJobs().mid(0, 100)); // newest first, as GitLab orders them

        QVERIFY(loadAllPages(model));
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(idsOf(model), simJobs());
        QVERIFY(strictlyDescending(idsOf(model)));
        QCOMPARE(idsOf(model).mid(0, 100), firstPage);
        QCOMPARE(reset.count(), 0);
        // Every later page went below what was shown, never above it.
        QVERIFY(inserted.size() >= 3);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        for (qsizetype i = 1; i < inserted.size(); ++i)
            QVERIFY(inserted.at(i).at(1).toInt() >= 100);

        // The first request asked for GitLab's keyset order; every next one followed its cursor.
        const QList<QUrlQuery> queries =
            jobListQueries(m_server->requests(), demo::kSandboxProjectId);
        QVERIFY(queries.size() >= 3);
        QCOMPARE(queries.first().queryItemValue(QStringLiteral("pagination")),
                 QStringLiteral("keyset"));
        QCOMPARE(queries.first().queryItemValue(QStringLiteral("order_by")), QStringLiteral("id"));
        QCOMPARE(queries.first().queryItemValue(QStringLiteral("sort")), QStringLiteral("desc"));
        QVERIFY(!queries.first().hasQueryItem(QStringLiteral("cursor")));
        for (qsizetype i = 1; i < queries.size(); ++i) {
            QVERIFY(queries.at(i).hasQueryItem(QStringLiteral("cursor")));
            QVERIFY(!queries.at(i).hasQueryItem(QStringLiteral("page")));
        }
    }

    void scopeFilterSentAsScopeArrayAndPaged()
    {
        ProjectJobsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ProjectJobsLoader loader(m_connection.get(), &model, demo::kSandboxProjectId);
        QSignalSpy refreshed(&loader, &ProjectJobsLoader::refreshed);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);

        // A failed job on the first page stays the same row (and selection) through the filter.
        QPersistentModelIndex failed;
        for (int row = 0; row < model.rowCount() && !failed.isValid(); ++row) {
            if (model.index(row, 0).data(ProjectJobsModel::StatusRole).toInt() ==
                static_cast<int>(CiStatus::Failed))
                failed = model.index(row, 0);
        }
        QVERIFY(failed.isValid());
        const qint64 failedId = failed.data(ProjectJobsModel::IdRole).toLongLong();

        m_server->clearRequests();
        const QStringList scopes = {QStringLiteral("manual"), QStringLiteral("failed")};
        QSignalSpy scopesChanged(&model, &ProjectJobsModel::scopesChanged);
        model.setScopes(scopes);
        model.setScopes({QStringLiteral("failed"), QStringLiteral("manual")}); // same set
        QCOMPARE(scopesChanged.count(), 1);
        QVERIFY(refreshed.wait(kTimeoutMs));
        QVERIFY(loadAllPages(model));
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);

        QCOMPARE(reset.count(), 0);
        QCOMPARE(idsOf(model), simJobs(scopes));
        for (int row = 0; row < model.rowCount(); ++row) {
            const int status = model.index(row, 0).data(ProjectJobsModel::StatusRole).toInt();
            QVERIFY(status == static_cast<int>(CiStatus::Failed) ||
                    status == static_cast<int>(CiStatus::Manual));
        }
        QVERIFY(failed.isValid());
        QCOMPARE(failed.data(ProjectJobsModel::IdRole).toLongLong(), failedId);

        // scope[] once per status, on the first page and on every keyset page after it.
        const QList<QUrlQuery> queries =
            jobListQueries(m_server->requests(), demo::kSandboxProjectId);
        QVERIFY(queries.size() >= 2);
        for (const QUrlQuery &query : queries) {
            QCOMPARE(scopesOf(query),
                     (QStringList{QStringLiteral("failed"), QStringLiteral("manual")}));
            QVERIFY(!query.hasQueryItem(QStringLiteral("scope")));
        }
        QVERIFY(queries.last().hasQueryItem(QStringLiteral("cursor")));

        // Manual only: every job waiting to be played.
        model.setScopes({QStringLiteral("manual")});
        QVERIFY(refreshed.wait(kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);
        QCOMPARE(idsOf(model), simJobs({QStringLiteral("manual")}));
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row, 0).data(ProjectJobsModel::ManualRole).toBool());
        QVERIFY(!failed.isValid()); // filtered out: removed, not reset
        QCOMPARE(reset.count(), 0);

        // Back to every job: GitLab answers 304 for the page it sent before, yet the rows
        // shown are the filtered ones, so the cached page must replace them.
        m_server->clearRequests();
        model.setScopes({});
        QVERIFY(refreshed.wait(kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);
        QCOMPARE(m_server->requests().constFirst().status, 304);
        QCOMPARE(idsOf(model).mid(0, 100), simJobs().mid(0, 100));
        QCOMPARE(reset.count(), 0);
    }

    void pollMergesByIdWithoutReset()
    {
        pipedeck::gitlab::ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        PollScheduler scheduler(&clock);
        ProjectJobsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ProjectJobsLoader loader(m_connection.get(), &model, demo::kSandboxProjectId, &scheduler);
        QSignalSpy refreshed(&loader, &ProjectJobsLoader::refreshed);
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QVERIFY(loadAllPages(model));
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);
        const int before = model.rowCount();

        // A job on the first page changes; one from a later page is watched; a new pipeline
        // adds two jobs on top.
        const qint64 changedId = model.index(5, 0).data(ProjectJobsModel::IdRole).toLongLong();
        QVERIFY(model.index(5, 0).data(ProjectJobsModel::StatusRole).toInt() !=
                static_cast<int>(CiStatus::Canceled));
        const QPersistentModelIndex deep = model.index(before - 1, 0);
        const qint64 deepId = deep.data(ProjectJobsModel::IdRole).toLongLong();
        m_server->world().setJobStatus(changedId, QStringLiteral("canceled"));
        pipedeck::sim::PipelineSpec spec;
        spec.ref = QStringLiteral("main");
        pipedeck::sim::JobSpec lint;
        lint.name = QStringLiteral("lint");
        lint.frozenStatus = QStringLiteral("running");
        pipedeck::sim::JobSpec build;
        build.name = QStringLiteral("build");
        build.frozenStatus = QStringLiteral("pending");
        spec.jobs = {lint, build};
        m_server->world().createPipeline(demo::kSandboxProjectId, spec);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        clock.advance(scheduler.options().maxIntervalMs); // the poll falls due
        QVERIFY(refreshed.wait(kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);

        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 1);
        QCOMPARE(model.rowCount(), before + 2);
        QCOMPARE(idsOf(model), simJobs()); // rows below the first page stayed, in order
        QVERIFY(deep.isValid());
        QCOMPARE(deep.data(ProjectJobsModel::IdRole).toLongLong(), deepId);
        const int changedRow = model.rowOfId(changedId);
        QCOMPARE(model.index(changedRow, 0).data(ProjectJobsModel::StatusRole).toInt(),
                 static_cast<int>(CiStatus::Canceled));
        bool statusReported = false;
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const QModelIndex from = signal.at(0).toModelIndex();
            const QModelIndex to = signal.at(1).toModelIndex();
            const auto roles = signal.at(2).value<QList<int>>();
            if (from.row() <= changedRow && changedRow <= to.row() &&
                roles.contains(ProjectJobsModel::StatusRole))
                statusReported = true;
        }
        QVERIFY(statusReported);
        // A running job on top: the next polls come at the active pace.
        QVERIFY(model.hasActiveJobs(ProjectJobsLoader::kActiveRows));
    }

    void brokenReplyKeepsRowsMarkedStale()
    {
        ProjectJobsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ProjectJobsLoader loader(m_connection.get(), &model, demo::kDemoProjectId);
        QSignalSpy refreshed(&loader, &ProjectJobsLoader::refreshed);
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), kTimeoutMs);
        const QList<qint64> rows = idsOf(model);
        QVERIFY(!rows.isEmpty());
        QVERIFY(!model.isStale());

        pipedeck::sim::FaultRule fault;
        fault.method = "GET";
        fault.path = QRegularExpression(QStringLiteral("^/api/v4/projects/\\d+/jobs$"));
        fault.kind = pipedeck::sim::FaultKind::MalformedJson;
        m_server->addFault(fault);
        // A change, so that nothing could pass for "not modified".
        m_server->world().setJobStatus(demo::kFailedJobId, QStringLiteral("success"));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        refreshed.clear();
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(refreshed.first().at(0).toBool(), false);
        QVERIFY(model.isStale());
        QVERIFY(!model.isLoading());
        QVERIFY(!model.errorText().isEmpty());
        QCOMPARE(idsOf(model), rows);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(reset.count(), 0);

        // The next good reply clears the mark and brings the change.
        refreshed.clear();
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(refreshed.first().at(0).toBool(), true);
        QVERIFY(!model.isStale());
        QVERIFY(model.errorText().isEmpty());
        const int row = model.rowOfId(demo::kFailedJobId);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, 0).data(ProjectJobsModel::StatusRole).toInt(),
                 static_cast<int>(CiStatus::Success));
        m_server->world().setJobStatus(demo::kFailedJobId, QStringLiteral("failed"));
    }
};

QTEST_GUILESS_MAIN(TestProjectJobsModel)
#include "tst_project_jobs_model.moc"
