// The ref picker's model and loader against an in-process pipedeck-sim: GitLab's server-side
// search, the default branch first even when it is not on the first page, protected refs
// marked, merges without resets while the search narrows, the last good list kept (marked
// stale) when GitLab fails, and one pair of requests per pause in typing.
#include "gitlab/net/connection.h"
#include "gitlab/requests/paged_request.h"
#include "models/loaders/refs_loader.h"
#include "models/refs/refs_model.h"
#include "sim/demo_data.h"
#include "sim/fault_rule.h"
#include "sim/server.h"
#include "sim/world.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

using namespace pipedeck::models;
namespace demo = pipedeck::sim::demo;

namespace {

constexpr int kTimeoutMs = 20'000;
const QString kToken = QStringLiteral("refs-loader-test-token");
const pipedeck::gitlab::ProjectRef kSandbox(demo::kSandboxProjectId);

QStringList names(const RefsModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, 0).data(RefsModel::NameRole).toString());
    return out;
}

} // namespace

class TestRefsLoader : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<pipedeck::sim::Server> m_server;
    std::unique_ptr<pipedeck::gitlab::Connection> m_connection;

    int branchRequests() const
    {
        int n = 0;
        const auto requests = m_server->requests();
        for (const auto &request : requests) {
            if (request.target.contains("/repository/branches?") ||
                request.target.endsWith("/repository/branches"))
                ++n;
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        pipedeck::sim::ServerOptions options;
        options.bigLog = false;
        options.clockRunning = false;
        options.tokens = {{kToken, QStringLiteral("demo"), {QStringLiteral("api")}, {}}};
        m_server = std::make_unique<pipedeck::sim::Server>(options);
        QVERIFY(m_server->listen());
        pipedeck::sim::Project *project = m_server->world().project(demo::kSandboxProjectId);
        QVERIFY(project);
        const pipedeck::sim::Branch *main =
            m_server->world().branch(*project, QStringLiteral("main"));
        QVERIFY(main);
        const QString sha = main->commitSha;
        // Names before "main" in GitLab's order, more than one page of them.
        for (int i = 0; i < 120; ++i) {
            project->branches.append(
                {QStringLiteral("feature/a-%1").arg(i, 3, 10, QLatin1Char('0')), sha, false});
        }
        project->branches.append({QStringLiteral("release/1.0"), sha, true});
        project->tags.append({QStringLiteral("v1.0.0"), QStringLiteral("First"), sha, true, 0});
    }

    void init()
    {
        m_server->clearFaults();
        m_server->clearRequests();
        m_connection = std::make_unique<pipedeck::gitlab::Connection>(m_server->baseUrl());
        m_connection->setToken(kToken);
    }

    void defaultBranchFirstThenBranchesThenTags()
    {
        RefsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        RefsLoader loader(m_connection.get(), kSandbox, QStringLiteral("main"), &model);
        QSignalSpy refreshed(&loader, &RefsLoader::refreshed);
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QVERIFY(refreshed.last().at(0).toBool());
        const QStringList shown = names(model);
        QCOMPARE(shown.first(), QStringLiteral("main"));
        QVERIFY(model.index(0, 0).data(RefsModel::DefaultRole).toBool());
        // One page of branches, not all 120: GitLab had more, so the picker says to narrow.
        QVERIFY(model.isTruncated());
        QCOMPARE(shown.count(QStringLiteral("main")), 1);
        QVERIFY(shown.size() <= pipedeck::gitlab::PagedRequest::kPerPage * 2 + 1);
    }

    void searchNarrowsWithoutResetAndMarksProtected()
    {
        RefsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        RefsLoader loader(m_connection.get(), kSandbox, QStringLiteral("main"), &model);
        QSignalSpy refreshed(&loader, &RefsLoader::refreshed);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setSearchText(QStringLiteral("rel"));
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        const int releaseRow = model.rowOf(RefEntry::Kind::Branch, QStringLiteral("release/1.0"));
        QVERIFY(releaseRow >= 0);
        QVERIFY(model.index(releaseRow, 0).data(RefsModel::ProtectedRole).toBool());
        const QPersistentModelIndex kept = model.index(releaseRow, 0);

        model.setSearchText(QStringLiteral("release/"));
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(names(model), QStringList{QStringLiteral("release/1.0")});
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data(RefsModel::NameRole).toString(), QStringLiteral("release/1.0"));
        QVERIFY(!model.isTruncated());
        QCOMPARE(resets.size(), 0);

        model.setSearchText(QStringLiteral("v1."));
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        const int tagRow = model.rowOf(RefEntry::Kind::Tag, QStringLiteral("v1.0.0"));
        QVERIFY(tagRow >= 0);
        QCOMPARE(model.index(tagRow, 0).data(RefsModel::KindRole).toInt(),
                 static_cast<int>(RefEntry::Kind::Tag));
    }

    void typingSendsOneSearchPerPause()
    {
        RefsModel model;
        RefsLoader loader(m_connection.get(), kSandbox, QStringLiteral("main"), &model);
        loader.setDebounceMs(50);
        QSignalSpy refreshed(&loader, &RefsLoader::refreshed);
        for (const QString &typed : {QStringLiteral("f"), QStringLiteral("fe"),
                                     QStringLiteral("fea"), QStringLiteral("feature/a-11")})
            model.setSearchText(typed);
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(refreshed.size(), 1);
        QCOMPARE(refreshed.first().at(1).toString(), QStringLiteral("feature/a-11"));
        QCOMPARE(branchRequests(), 1);
        QCOMPARE(names(model).size(), 10); // feature/a-011, a-110 ... a-119
    }

    void failureKeepsTheLastListMarkedStale()
    {
        RefsModel model;
        RefsLoader loader(m_connection.get(), kSandbox, QStringLiteral("main"), &model);
        QSignalSpy refreshed(&loader, &RefsLoader::refreshed);
        model.setSearchText(QStringLiteral("release"));
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(model.rowCount(), 1);

        pipedeck::sim::FaultRule fault;
        fault.method = "GET";
        fault.path = QRegularExpression(QStringLiteral("/repository/branches$"));
        fault.kind = pipedeck::sim::FaultKind::ServerError;
        fault.status = 500;
        fault.times = -1;
        m_server->addFault(fault);
        model.setSearchText(QStringLiteral("feature"));
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QVERIFY(!refreshed.last().at(0).toBool());
        QCOMPARE(names(model), QStringList{QStringLiteral("release/1.0")});
        QVERIFY(model.loadState().stale);
        QVERIFY(!model.loadState().errorText.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRefsLoader)
#include "tst_refs_loader.moc"
