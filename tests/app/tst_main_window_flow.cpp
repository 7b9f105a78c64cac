// The main window wired end to end, offscreen, against pipedeck-sim in-process and the real
// keyring: `pipedeck --demo`, a project opened from the list, a pipeline, a job's log in its
// own window, polling paused while the window is hidden or minimised, pages per account,
// downstream pipelines of another project, and `pipedeck FILE` with no account at all.
#include "accounts/account_net_state.h"
#include "accounts/session_manager.h"
#include "actions/action_rules.h"
#include "gitlab/net/connection.h"
#include "jobs/job_details_pane.h"
#include "log/logdocument.h"
#include "logfollow/trace_follower.h"
#include "logview/job_log_page.h"
#include "logview/log_viewer_window.h"
#include "models/jobs/jobs_model.h"
#include "models/pipelines/pipelines_model.h"
#include "models/polling/poll_scheduler.h"
#include "models/projects/projects_model.h"
#include "pipelines/pipeline_graph_view.h"
#include "pipelines/pipelines_panel.h"
#include "pipelines/project_page.h"
#include "projects/projects_panel.h"
#include "quiet_server_options.h"
#include "signin/sign_in_dialog.h"
#include "sim/demo_data.h"
#include "sim/fault_rule.h"
#include "sim/server.h"
#include "sim/world.h"
#include "ui/account_workspace.h"
#include "ui/application.h"
#include "ui/job_log_window.h"
#include "ui/main_window.h"
#include "ui/welcome_page.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pipedeck;
namespace demo = pipedeck::sim::demo;

namespace {

const QString kEnvToken = QStringLiteral("wiring-flow-env-token");

sim::ServerOptions quietServerOptions()
{
    return apptest::quietServerOptions(kEnvToken);
}

// Starts the app signed in from GITLAB_HOST / GITLAB_TOKEN to `server`.
bool startWithEnvironment(Application &app, const sim::Server &server, QStringList extra = {})
{
    qputenv("GITLAB_HOST", server.baseUrl().toString().toUtf8());
    qputenv("GITLAB_TOKEN", kEnvToken.toUtf8());
    const int result = app.start(QStringList{QStringLiteral("pipedeck")} + extra);
    qunsetenv("GITLAB_HOST");
    qunsetenv("GITLAB_TOKEN");
    return result == -1 &&
           QTest::qWaitFor([&] { return !app.mainWindow()->currentAccountId().isEmpty(); }, 10'000);
}

QModelIndex projectRow(const ProjectsPanel *panel, const QString &name)
{
    const QAbstractItemModel *model = panel->view()->model();
    for (int row = 0; model && row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(models::ProjectsModel::NameRole).toString() == name)
            return index;
    }
    return {};
}

bool jobsShown(const ProjectPage *page, qint64 pipelineId)
{
    return page->jobsModel()->pipelineId() == pipelineId &&
           page->jobsModel()->loadState(pipelineId).loaded && page->graphView()->cardCount() > 0;
}

QString firstLines(const JobLogPage *page, int count)
{
    QStringList lines;
    const auto engine = page->document()->engine();
    for (qint64 i = 0; i < std::min<qint64>(count, engine->lineCount()); ++i)
        lines << engine->line(i).text;
    return lines.join(u'\n');
}

} // namespace

class TestMainWindowFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void demoProjectPipelineAndLog()
    {
        Application app;
        QCOMPARE(app.start({QStringLiteral("pipedeck"), QStringLiteral("--demo")}), -1);
        MainWindow *window = app.mainWindow();
        QTRY_VERIFY_WITH_TIMEOUT(!window->currentAccountId().isEmpty(), 10'000);
        AccountWorkspace *ws = app.workspace(window->currentAccountId());
        QVERIFY(ws);
        auto *panel = window->findChild<ProjectsPanel *>();
        QTRY_VERIFY_WITH_TIMEOUT(projectRow(panel, QStringLiteral("API Gateway")).isValid(),
                                 10'000);
        QCOMPARE(window->currentCentralPage(), window->welcomePage());
        QCOMPARE(window->windowTitle(), QStringLiteral("Pipedeck"));

        // A click on the project opens its page in the centre, with its pipelines.
        const QModelIndex row = projectRow(panel, QStringLiteral("API Gateway"));
        QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {},
                          panel->view()->visualRect(row).center());
        ProjectPage *page = window->currentProjectPage();
        QVERIFY(page);
        QCOMPARE(page->project().id, demo::kDemoProjectId);
        QCOMPARE(window->currentCentralPage(), page);
        QVERIFY(page->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(page->pipelinesModel()->rowCount() > 0, 10'000);
        // The newest pipeline is shown; the title names project and pipeline.
        QTRY_VERIFY_WITH_TIMEOUT(page->currentPipelineId() != 0, 10'000);
        QVERIFY2(window->windowTitle().startsWith(QStringLiteral("platform/api-gateway")),
                 qPrintable(window->windowTitle()));
        // The page's status goes to the window's status line (and not twice).
        QTRY_VERIFY_WITH_TIMEOUT(!window->statusLineText().isEmpty(), 10'000);
        QTRY_COMPARE(window->statusLineText(), page->statusText());
        QVERIFY(!page->findChild<QLabel *>(QStringLiteral("pageStatus"))->isVisible());
        // Activating it again keeps the same page.
        QTest::keyClick(panel->view(), Qt::Key_Return);
        QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {},
                          panel->view()->visualRect(row).center());
        QCOMPARE(window->currentProjectPage(), page);

        // Select a pipeline.
        QTRY_VERIFY_WITH_TIMEOUT(page->pipelinesPanel()->selectPipeline(demo::kFailedPipelineId),
                                 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(jobsShown(page, demo::kFailedPipelineId), 10'000);
        QVERIFY2(window->windowTitle().contains(QStringLiteral("#1002")),
                 qPrintable(window->windowTitle()));

        // Double click on a job card: its log opens in a window of its own.
        PipelineGraphView *graph = page->graphView();
        graph->setCurrentJob(demo::kFailedJobId);
        QTRY_VERIFY(!graph->cardRect(demo::kFailedJobId).isNull());
        QTest::mouseDClick(graph->viewport(), Qt::LeftButton, {},
                           graph->cardRect(demo::kFailedJobId).center());
        QTRY_COMPARE(ws->logWindows().size(), 1);
        JobLogWindow *log = ws->logWindows().constFirst();
        QCOMPARE(log->jobId(), demo::kFailedJobId);
        QVERIFY(log->isVisible());
        QVERIFY2(log->windowTitle().contains(QStringLiteral("unit-tests")),
                 qPrintable(log->windowTitle()));
        QTRY_VERIFY_WITH_TIMEOUT(log->page()->document()->engine()->lineCount() > 3, 10'000);
        QVERIFY2(firstLines(log->page(), 40).contains(QStringLiteral("Running with gitlab-runner")),
                 qPrintable(firstLines(log->page(), 5)));
        // Enter on the same card brings the same window back instead of a second one.
        graph->setFocus();
        QTest::keyClick(graph, Qt::Key_Return);
        QCOMPARE(ws->logWindows().size(), 1);
        QCOMPARE(ws->logWindows().constFirst(), log);
        // Closed, Enter opens it again; so does the context menu's first (default) entry.
        log->close();
        QTRY_VERIFY(ws->logWindows().isEmpty());
        QTest::keyClick(graph, Qt::Key_Return);
        QTRY_COMPARE(ws->logWindows().size(), 1);
        ws->logWindows().constFirst()->close();
        QTRY_VERIFY(ws->logWindows().isEmpty());
        std::unique_ptr<QMenu> menu(page->buildJobMenu(nullptr));
        QCOMPARE(menu->defaultAction(), page->openLogAction());
        QCOMPARE(menu->actions().constFirst(), page->openLogAction());
        QVERIFY(page->openLogAction()->isEnabled());
        menu->actions().constFirst()->trigger();
        QTRY_COMPARE(ws->logWindows().size(), 1);
        QCOMPARE(ws->logWindows().constFirst()->jobId(), demo::kFailedJobId);

        // "Open Log" in the job details pane, for the running job of another pipeline.
        QTRY_VERIFY_WITH_TIMEOUT(page->pipelinesPanel()->selectPipeline(demo::kRunningPipelineId),
                                 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(jobsShown(page, demo::kRunningPipelineId), 10'000);
        graph->setCurrentJob(demo::kRunningJobId);
        QTRY_COMPARE(page->currentJobId(), demo::kRunningJobId);
        QAbstractButton *openLogButton = nullptr;
        const QList<QAbstractButton *> buttons =
            page->jobDetails()->findChildren<QAbstractButton *>();
        for (QAbstractButton *button : buttons) {
            if (button->text().remove(u'&') == page->openLogAction()->text().remove(u'&'))
                openLogButton = button;
        }
        QVERIFY(openLogButton);
        QVERIFY(openLogButton->isEnabled());
        openLogButton->click();
        QTRY_COMPARE(ws->logWindows().size(), 2);
        JobLogWindow *running = nullptr;
        for (JobLogWindow *w : ws->logWindows())
            running = w->jobId() == demo::kRunningJobId ? w : running;
        QVERIFY(running);
        QTRY_VERIFY_WITH_TIMEOUT(running->page()->follower()->stats().traceRequests >= 1, 10'000);
        QVERIFY(running->page()->follower()->isPolling());

        // Closing the window stops following: the follower (its timer and any request on its
        // way) goes with the window, so no trace request for that job can follow.
        QPointer<logfollow::TraceFollower> follower = running->page()->follower();
        running->close();
        QTRY_COMPARE(ws->logWindows().size(), 1);
        QTRY_VERIFY(follower.isNull());

        // Polling follows the window: on while shown, off while hidden or minimised.
        QVERIFY(ws->scheduler()->isWindowVisible());
        window->hide();
        QVERIFY(!ws->scheduler()->isWindowVisible());
        window->show();
        QVERIFY(ws->scheduler()->isWindowVisible());
        window->showMinimized();
        QVERIFY(!ws->scheduler()->isWindowVisible());
        window->showNormal();
        QVERIFY(ws->scheduler()->isWindowVisible());
        // Closing the main window takes its log windows with it.
        QVERIFY(!ws->logWindows().isEmpty());
        window->close();
        QTRY_VERIFY(ws->logWindows().isEmpty());
    }

    void pagesBelongToTheirAccount()
    {
        sim::Server server(quietServerOptions());
        QVERIFY(server.listen());
        Application app;
        QVERIFY(startWithEnvironment(app, server));
        MainWindow *window = app.mainWindow();
        const QString first = window->currentAccountId();
        AccountWorkspace *firstWs = app.workspace(first);
        QVERIFY(firstWs);
        auto *panel = window->findChild<ProjectsPanel *>();
        QTRY_VERIFY_WITH_TIMEOUT(firstWs->projects()->rowCount() >= 2, 10'000);
        Q_EMIT panel->projectActivated(*firstWs->projects()->projectAt(0));
        ProjectPage *page = window->currentProjectPage();
        QVERIFY(page);
        QVERIFY(firstWs->scheduler()->isWindowVisible());

        // A second account (another instance), signed in for this run.
        sim::ServerOptions otherOptions = quietServerOptions();
        sim::Server other(otherOptions);
        QVERIFY(other.listen());
        Account account;
        account.instance = other.baseUrl();
        account.username = QStringLiteral("demo");
        account.displayName = QStringLiteral("Demo");
        account.scopes = {QStringLiteral("api")};
        account.origin = Account::Origin::Environment;
        account.id = accountId(account.instance, account.username);
        auto connection = std::make_unique<gitlab::Connection>(other.baseUrl());
        connection->setToken(kEnvToken);
        app.sessions()->addSignedIn(account, std::move(connection), kEnvToken.toUtf8());
        QVERIFY(app.workspace(account.id));

        // Switching account shows that account's (no) page, and the first one stops polling.
        window->setCurrentAccount(account.id);
        QCOMPARE(window->currentCentralPage(), window->welcomePage());
        QCOMPARE(window->windowTitle(), QStringLiteral("Pipedeck"));
        QVERIFY(!firstWs->scheduler()->isWindowVisible());
        QVERIFY(app.workspace(account.id)->scheduler()->isWindowVisible());
        QVERIFY(!page->isVisible());
        // Back: its last page again, polling again.
        window->setCurrentAccount(first);
        QCOMPARE(window->currentProjectPage(), page);
        QVERIFY(page->isVisible());
        QVERIFY(firstWs->scheduler()->isWindowVisible());
        QVERIFY(!app.workspace(account.id)->scheduler()->isWindowVisible());

        // Another project replaces the page: one page per account polls. (Not compared by
        // address: the new page may be allocated where the old one was.)
        const QPointer<ProjectPage> replaced = page;
        const gitlab::Project next = *firstWs->projects()->projectAt(1);
        Q_EMIT panel->projectActivated(next);
        QVERIFY(!replaced);
        QCOMPARE(window->currentProjectPage()->project().id, next.id);
        QCOMPARE(window->currentProjectPage(), firstWs->page());
        QCOMPARE(window->findChildren<ProjectPage *>().size(), 1);
    }

    void downstreamPipelineOfAnotherProject()
    {
        sim::Server server(quietServerOptions());
        QVERIFY(server.listen());
        Application app;
        QVERIFY(startWithEnvironment(app, server));
        MainWindow *window = app.mainWindow();
        AccountWorkspace *ws = app.workspace(window->currentAccountId());
        QTRY_VERIFY_WITH_TIMEOUT(ws->projects()->rowOfId(demo::kDemoProjectId) >= 0, 10'000);
        Q_EMIT window->findChild<ProjectsPanel *>()->projectActivated(
            *ws->projects()->projectAt(ws->projects()->rowOfId(demo::kDemoProjectId)));
        ProjectPage *page = window->currentProjectPage();
        QVERIFY(page);
        page->showPipeline(demo::kBridgePipelineId);
        QTRY_VERIFY_WITH_TIMEOUT(jobsShown(page, demo::kBridgePipelineId), 10'000);
        server.advance(600); // the downstream pipelines get created
        page->refresh();
        models::JobsModel *jobs = page->jobsModel();
        QTRY_VERIFY_WITH_TIMEOUT(jobs->indexOfJob(demo::kMultiProjectBridgeJobId)
                                     .data(models::JobsModel::DownstreamPipelineIdRole)
                                     .isValid(),
                                 10'000);
        // This GitLab cannot retry trigger jobs (as before 17.1): learned once, then not
        // offered on any page of the account (checked after Back, on a new page).
        server.world().setActsOnTriggerJobs(false);
        page->graphView()->setCurrentJob(demo::kChildBridgeJobId);
        QTRY_COMPARE(page->currentJobId(), demo::kChildBridgeJobId);
        QAction *retry = page->action(actions::ActionKind::RetryJob);
        QTRY_VERIFY(retry->isEnabled());
        retry->trigger();
        // (Disabled at once while the action runs: wait for GitLab's answer.)
        QTRY_VERIFY_WITH_TIMEOUT(
            retry->toolTip() == actions::ActionRules::bridgeRetryRefusedReason(), 10'000);
        QVERIFY(!retry->isEnabled());

        const QModelIndex bridge = jobs->indexOfJob(demo::kMultiProjectBridgeJobId);
        const qint64 downstream =
            bridge.data(models::JobsModel::DownstreamPipelineIdRole).toLongLong();
        QCOMPARE(bridge.data(models::JobsModel::DownstreamProjectIdRole).toLongLong(),
                 demo::kDeployToolsProjectId);

        // "Show Downstream Pipeline" from the trigger job's menu; it has no log to open.
        page->graphView()->setCurrentJob(demo::kMultiProjectBridgeJobId);
        QTRY_COMPARE(page->currentJobId(), demo::kMultiProjectBridgeJobId);
        QVERIFY(!page->openLogAction()->isEnabled());
        std::unique_ptr<QMenu> menu(page->buildJobMenu(nullptr));
        QAction *show = nullptr;
        for (QAction *action : menu->actions())
            show = action->text() == ProjectPage::tr("Show Downstream Pipeline") ? action : show;
        QVERIFY(show);
        show->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentProjectPage() &&
                                     window->currentProjectPage()->project().id ==
                                         demo::kDeployToolsProjectId,
                                 10'000);
        ProjectPage *other = window->currentProjectPage();
        QCOMPARE(other->project().pathWithNamespace, QStringLiteral("platform/deploy-tools"));
        QTRY_COMPARE(other->currentPipelineId(), downstream);
        QTRY_VERIFY_WITH_TIMEOUT(jobsShown(other, downstream), 10'000);
        QVERIFY2(window->windowTitle().contains(QStringLiteral("platform/deploy-tools")),
                 qPrintable(window->windowTitle()));

        // Back (Alt+Left) returns to the pipeline the trigger job was in.
        QAction *back = window->backAction();
        QVERIFY(back->isEnabled());
        QVERIFY2(back->text().contains(QStringLiteral("platform/api-gateway")) &&
                     back->text().contains(QString::number(demo::kBridgePipelineId)),
                 qPrintable(back->text()));
        QCOMPARE(back->shortcut(), QKeySequence(QKeySequence::Back));
        back->trigger();
        QCOMPARE(window->currentProjectPage()->project().id, demo::kDemoProjectId);
        QTRY_VERIFY_WITH_TIMEOUT(jobsShown(window->currentProjectPage(), demo::kBridgePipelineId),
                                 10'000);
        QVERIFY(!back->isEnabled());
        ProjectPage *again = window->currentProjectPage();
        again->graphView()->setCurrentJob(demo::kChildBridgeJobId);
        QTRY_COMPARE(again->currentJobId(), demo::kChildBridgeJobId);
        QVERIFY(!again->action(actions::ActionKind::RetryJob)->isEnabled());
        QCOMPARE(again->action(actions::ActionKind::RetryJob)->toolTip(),
                 actions::ActionRules::bridgeRetryRefusedReason());
    }

    void logFileWithoutAnyAccount()
    {
        QSettings().clear();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("job.log"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("section_start:1700000000:build\r\x1b[0K\x1b[32;1mBuilding\x1b[0;m\n"
                   "compiling 1 of 2\ncompiling 2 of 2\n"
                   "section_end:1700000005:build\r\x1b[0K\n\x1b[31;1mERROR: Job failed\x1b[0;m\n");
        file.close();

        Application app;
        QCOMPARE(app.start({QStringLiteral("pipedeck"), path}), -1);
        QCOMPARE(app.logFileWindows().size(), 1);
        LogViewerWindow *viewer = app.logFileWindows().constFirst();
        QVERIFY(viewer->isVisible());
        QCOMPARE(viewer->filePath(), QFileInfo(path).absoluteFilePath());
        QTRY_COMPARE(viewer->document()->engine()->lineCount(), 5);
        QCOMPARE(viewer->document()->engine()->line(4).text, QStringLiteral("ERROR: Job failed"));
        // No account needed: no main window, no sign-in dialog (not even one queued by start()).
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QVERIFY(!app.mainWindow());
        for (QWidget *widget : QApplication::topLevelWidgets())
            QVERIFY2(!qobject_cast<SignInDialog *>(widget) || !widget->isVisible(),
                     "a sign-in dialog was opened");
    }

    void fileMenuOpensLogFiles()
    {
        sim::Server server(quietServerOptions());
        QVERIFY(server.listen());
        Application app;
        QVERIFY(startWithEnvironment(app, server));
        QAction *open = app.mainWindow()->findChild<QAction *>(QStringLiteral("openLogFile"));
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::Open));
        QVERIFY(
            app.mainWindow()->menuBar()->actions().constFirst()->menu()->actions().contains(open));
        // The same path as `pipedeck FILE`, from a running app.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.log"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("one\ntwo\n");
        file.close();
        app.openTarget(path);
        QCOMPARE(app.logFileWindows().size(), 1);
        QTRY_COMPARE(app.logFileWindows().constFirst()->document()->engine()->lineCount(), 2);

        // Dropped on the main window: each local file opens in a log window of its own (one
        // that is open already comes forward instead); a web address is not a file.
        const QString third = dir.filePath(QStringLiteral("third.log"));
        QFile thirdFile(third);
        QVERIFY(thirdFile.open(QIODevice::WriteOnly));
        thirdFile.write("a\nb\nc\n");
        thirdFile.close();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path), QUrl(QStringLiteral("https://example.com/x.log")),
                      QUrl::fromLocalFile(third)});
        MainWindow *window = app.mainWindow();
        QVERIFY(window->acceptDrops());
        const QPoint at = window->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window, &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(app.logFileWindows().size(), 2);
        QCOMPARE(app.logFileWindows().constLast()->filePath(), QFileInfo(third).absoluteFilePath());
        QTRY_COMPARE(app.logFileWindows().constLast()->document()->engine()->lineCount(), 3);

        QMimeData webOnly;
        webOnly.setUrls({QUrl(QStringLiteral("https://example.com/x.log"))});
        QDragEnterEvent refused(at, Qt::CopyAction, &webOnly, Qt::LeftButton, Qt::NoModifier);
        refused.setAccepted(false);
        QCoreApplication::sendEvent(window, &refused);
        QVERIFY(!refused.isAccepted());
    }

    void rateLimitHoldOnTheStatusLine()
    {
        // The account's first listing gets a 429: the window says until when the account
        // waits, instead of the listing waiting silently.
        sim::Server server(quietServerOptions());
        QVERIFY(server.listen());
        sim::FaultRule fault;
        fault.method = "GET";
        fault.path = QRegularExpression(QStringLiteral("^/api/v4/projects$"));
        fault.kind = sim::FaultKind::TooManyRequests;
        fault.retryAfter = QStringLiteral("600");
        server.addFault(fault);
        Application app;
        QVERIFY(startWithEnvironment(app, server));
        MainWindow *window = app.mainWindow();
        AccountWorkspace *ws = app.workspace(window->currentAccountId());
        QVERIFY(ws);
        QTRY_COMPARE_WITH_TIMEOUT(ws->netState()->state(), AccountNetState::State::RateLimited,
                                  10'000);
        QVERIFY(ws->netState()->statusLine().contains(ws->netState()->text()));
        QTRY_VERIFY2(window->statusLineText().startsWith(ws->netState()->text()),
                     qPrintable(window->statusLineText()));
        QVERIFY(window->statusLineText().contains(QStringLiteral("(rate limit)")));
    }
};

QTEST_MAIN(TestMainWindowFlow)
#include "tst_main_window_flow.moc"
