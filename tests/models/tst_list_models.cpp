// PipelinesModel (paging, first-page refresh merges, details) and ProjectsModel (query,
// recent projects) on parsed snapshots.
#include "job_fixtures.h"
#include "models/pipelines/pipelines_model.h"
#include "models/projects/projects_model.h"
#include "models/projects/recent_projects.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pipedeck::models;
using pipedeck::gitlab::CiStatus;
using pipedeck::gitlab::Pipeline;
using pipedeck::gitlab::Project;

namespace {

Pipeline pipeline(qint64 id, CiStatus status = CiStatus::Success)
{
    Pipeline p;
    p.id = id;
    p.iid = id - 90;
    p.projectId = 1;
    p.status = status;
    p.statusName = pipedeck::gitlab::ciStatusName(status);
    p.ref = QStringLiteral("main");
    p.source = QStringLiteral("push");
    p.updatedAt = QDateTime::fromSecsSinceEpoch(1'700'000'000 + id, Qt::UTC);
    return p;
}

QList<Pipeline> pipelines(qint64 newest, int count)
{
    QList<Pipeline> list;
    for (int i = 0; i < count; ++i)
        list.append(pipeline(newest - i));
    return list;
}

QList<qint64> idsOf(const QAbstractItemModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(PipelinesModel::IdRole).toLongLong());
    return ids;
}

Project project(qint64 id, const QString &path)
{
    Project p;
    p.id = id;
    p.path = path.section(u'/', -1);
    p.name = p.path;
    p.pathWithNamespace = path;
    p.nameWithNamespace = path.section(u'/', 0, -2) + QStringLiteral(" / ") + p.name;
    p.webUrl = QUrl(QStringLiteral("https://gitlab.example/") + path);
    return p;
}

} // namespace

class TestListModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pipelinesPageThroughFetchMore()
    {
        PipelinesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy wanted(&model, &PipelinesModel::fetchMoreRequested);
        QVERIFY(!model.canFetchMore({})); // nothing loaded yet
        model.applyFirstPage(pipelines(200, 3), 2);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(wanted.count(), 1);
        QCOMPARE(wanted.at(0).at(0).toInt(), 2);
        QVERIFY(!model.canFetchMore({})); // one request in flight at a time
        model.fetchMore({});
        QCOMPARE(wanted.count(), 1);

        // Page 2 overlaps page 1 by one row (a new pipeline shifted the offsets): no repeat.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendPage(pipelines(198, 3), 0);
        QCOMPARE(idsOf(model), (QList<qint64>{200, 199, 198, 197, 196}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 3);
        QVERIFY(model.atEnd());
        QVERIFY(!model.canFetchMore({}));
    }

    void firstPageRefreshMergesAndKeepsOlderPages()
    {
        PipelinesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.applyFirstPage(pipelines(200, 3), 2);
        model.fetchMore({});
        model.appendPage(pipelines(197, 3), 3);
        const QPersistentModelIndex selected = model.index(4); // 196, on page 2

        auto page = pipelines(201, 3); // 201 new; 200, 199 still there
        page[1].status = CiStatus::Failed;
        page[1].statusName = QStringLiteral("failed");
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyFirstPage(page, 2);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        const QList<int> roles = changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(PipelinesModel::StatusRole));
        QVERIFY(roles.contains(PipelinesModel::ActiveRole));
        QVERIFY(!roles.contains(PipelinesModel::RefRole));
        QCOMPARE(idsOf(model), (QList<qint64>{201, 200, 199, 198, 197, 196, 195}));
        QCOMPARE(selected.data(PipelinesModel::IdRole).toLongLong(), 196);
        QCOMPARE(model.nextPage(), 3); // still continues after the pages already shown

        // 200 was deleted: the first page no longer lists it, so it goes.
        auto after = pipelines(201, 3);
        after.removeAt(1);
        after.append(pipeline(198));
        model.applyFirstPage(after, 2);
        QCOMPARE(idsOf(model), (QList<qint64>{201, 199, 198, 197, 196, 195}));
    }

    void filterChangeReplacesTheRowsBelow()
    {
        PipelinesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.applyFirstPage(pipelines(200, 3), 2);
        model.fetchMore({});
        model.appendPage(pipelines(197, 3), 0);
        QSignalSpy filterChanged(&model, &PipelinesModel::filterChanged);
        PipelineFilter filter;
        filter.status = QStringLiteral("failed");
        model.setFilter(filter);
        QCOMPARE(filterChanged.count(), 1);
        model.setFilter(filter);
        QCOMPARE(filterChanged.count(), 1);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.applyFirstPage({pipeline(199, CiStatus::Failed), pipeline(150, CiStatus::Failed)}, 2);
        QCOMPARE(idsOf(model), (QList<qint64>{199, 150}));
        QCOMPARE(reset.count(), 0);
        // Paging starts over for the new filter (the tester may already have asked for it).
        QCOMPARE(model.nextPage(), 2);
        QVERIFY(!model.atEnd());
    }

    void detailsAndStripSurviveListRefreshes()
    {
        PipelinesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.applyFirstPage(pipelines(200, 2), 0);
        QCOMPARE(model.pipelinesNeedingDetails(10), (QList<qint64>{200, 199}));

        Pipeline detailed = pipeline(200);
        detailed.detailed = true;
        detailed.duration = 93;
        pipedeck::gitlab::User user;
        user.username = QStringLiteral("yamada");
        user.name = QStringLiteral("山田 太郎");
        detailed.user = user;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyDetails(detailed);
        QCOMPARE(changed.count(), 1);
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(PipelinesModel::DurationRole));
        const StageStrip strip{{QStringLiteral("build"), CiStatus::Success},
                               {QStringLiteral("test"), CiStatus::Failed}};
        model.applyStageStrip(200, strip, QStringLiteral("日本語のコミット 🚀"));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.pipelinesNeedingDetails(10), (QList<qint64>{199}));

        changed.clear();
        model.applyFirstPage(pipelines(200, 2), 0); // the list has no details: they stay
        QCOMPARE(changed.count(), 0);
        const QModelIndex row = model.index(0);
        QCOMPARE(row.data(PipelinesModel::DurationRole).toDouble(), 93.0);
        QCOMPARE(row.data(PipelinesModel::UserNameRole).toString(), QStringLiteral("山田 太郎"));
        QCOMPARE(row.data(PipelinesModel::CommitTitleRole).toString(),
                 QStringLiteral("日本語のコミット 🚀"));
        QCOMPARE(row.data(PipelinesModel::StagesRole).value<StageStrip>(), strip);

        // The pipeline moved on: its details are outdated and asked for again.
        auto moved = pipelines(200, 2);
        moved[0].updatedAt = moved[0].updatedAt.addSecs(30);
        model.applyFirstPage(moved, 0);
        QCOMPARE(model.pipelinesNeedingDetails(10), (QList<qint64>{200, 199}));
        QCOMPARE(model.index(0).data(PipelinesModel::DurationRole).toDouble(), 93.0);
    }

    void stageStripFromJobs()
    {
        using fixtures::job;
        const StageStrip strip = pipedeck::models::stageStripFromJobs(
            {job(5, QStringLiteral("deploy"), QStringLiteral("deploy"), CiStatus::Manual),
             job(3, QStringLiteral("unit"), QStringLiteral("test"), CiStatus::Failed),
             job(2, QStringLiteral("compile"), QStringLiteral("build"), CiStatus::Success)},
            {});
        QCOMPARE(strip, (StageStrip{{QStringLiteral("build"), CiStatus::Success},
                                    {QStringLiteral("test"), CiStatus::Failed},
                                    {QStringLiteral("deploy"), CiStatus::Manual}}));
    }

    void staleKeepsRows()
    {
        PipelinesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.applyFirstPage(pipelines(200, 3), 0);
        model.markStale(QStringLiteral("Timed out."));
        QVERIFY(model.isStale());
        QCOMPARE(model.rowCount(), 3);
        model.applyFirstPage(pipelines(200, 3), 0);
        QVERIFY(!model.isStale());
    }

    void projectsMergeAcrossQueries()
    {
        ProjectsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy query(&model, &ProjectsModel::queryChanged);
        model.applySnapshot({project(1, QStringLiteral("platform/api-gateway")),
                             project(2, QStringLiteral("platform/deploy-tools")),
                             project(5, QStringLiteral("data/etl"))});
        const QPersistentModelIndex selected = model.index(1);
        QCOMPARE(selected.data(ProjectsModel::NamespaceRole).toString(),
                 QStringLiteral("platform"));
        QCOMPARE(selected.data(Qt::DisplayRole).toString(),
                 QStringLiteral("platform / deploy-tools"));
        QCOMPARE(selected.data(ProjectsModel::PathRole).toString(),
                 QStringLiteral("platform/deploy-tools"));

        model.setSearchText(QStringLiteral("platform"));
        model.setSearchText(QStringLiteral("platform"));
        model.setScope(ProjectsModel::Scope::Starred);
        QCOMPARE(query.count(), 2);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.applySnapshot({project(2, QStringLiteral("platform/deploy-tools"))});
        QCOMPARE(reset.count(), 0);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 0);
    }

    void recentProjectsAreRememberedPerAccountMostRecentFirst()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("pipedeck.ini")), QSettings::IniFormat);
        RecentProjects recent(settings, QStringLiteral("https://gitlab.com/jdoe"), 3);
        RecentProjects other(settings, QStringLiteral("http://127.0.0.1:8080/demo"), 3);
        for (qint64 id : {1, 2, 3, 4, 2})
            recent.remember(project(id, QStringLiteral("group/p%1").arg(id)));
        other.remember(project(9, QStringLiteral("x/y")));

        QList<qint64> ids;
        for (const Project &p : recent.projects())
            ids.append(p.id);
        QCOMPARE(ids, (QList<qint64>{2, 4, 3}));
        QCOMPARE(recent.projects().first().webUrl,
                 QUrl(QStringLiteral("https://gitlab.example/group/p2")));
        QCOMPARE(other.projects().size(), 1);

        RecentProjects reopened(settings, QStringLiteral("https://gitlab.com/jdoe"), 3);
        QCOMPARE(reopened.projects().size(), 3);
        reopened.forget(4);
        QCOMPARE(reopened.projects().size(), 2);

        QCOMPARE(filterProjects(recent.projects(), QStringLiteral("P3")).size(), 1);
        QCOMPARE(filterProjects(recent.projects(), QString()).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestListModels)
#include "tst_list_models.moc"
