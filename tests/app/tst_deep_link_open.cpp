// `pipedeck URL` (and "group/project") end to end, offscreen, against pipedeck-sim in-process
// and the real keyring: a project, pipeline or job address opens that view for the signed-in
// account it belongs to, once that account is ready; an address no account serves, or a
// pipeline, job or project that does not exist, says so in place and nothing breaks.
#include "accounts/account_registry.h"
#include "accounts/session_manager.h"
#include "logview/job_log_page.h"
#include "models/jobs/jobs_model.h"
#include "models/projects/projects_model.h"
#include "pipelines/pipeline_graph_view.h"
#include "pipelines/project_page.h"
#include "projects/projects_panel.h"
#include "quiet_server_options.h"
#include "secrets/keychain_secret_store.h"
#include "secrets/token_store.h"
#include "signin/sign_in_dialog.h"
#include "sim/demo_data.h"
#include "sim/server.h"
#include "triggers/trigger_tokens_dialog.h"
#include "triggers/triggers_loader.h"
#include "triggers/triggers_model.h"
#include "ui/account_workspace.h"
#include "ui/application.h"
#include "ui/job_log_window.h"
#include "ui/launch_target.h"
#include "ui/main_window.h"
#include "ui/welcome_page.h"
#include "widgets/inline_message.h"

#include "runs/play_dialog.h"
#include "runs/ref_picker.h"
#include "runs/run_pipeline_dialog.h"
#include "variables/variables_editor.h"
#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <QTest>

using namespace pipedeck;
namespace demo = pipedeck::sim::demo;

namespace {

const QString kEnvToken = QStringLiteral("wiring-deep-link-env-token");

sim::ServerOptions serverOptions()
{
    return apptest::quietServerOptions(kEnvToken);
}

// `GITLAB_HOST=<server> GITLAB_TOKEN=... pipedeck <target>`: the target is given before the
// account has signed in, so the link has to wait for it.
int startWithEnvironment(Application &app, const sim::Server &server, const QString &target)
{
    qputenv("GITLAB_HOST", server.baseUrl().toString().toUtf8());
    qputenv("GITLAB_TOKEN", kEnvToken.toUtf8());
    const int result = app.start({QStringLiteral("pipedeck"), target});
    qunsetenv("GITLAB_HOST");
    qunsetenv("GITLAB_TOKEN");
    return result;
}

QString address(const sim::Server &server, const QString &path)
{
    return server.baseUrl().toString() + path;
}

bool jobsShown(const ProjectPage *page, qint64 pipelineId)
{
    return page && page->currentPipelineId() == pipelineId &&
           page->jobsModel()->pipelineId() == pipelineId &&
           page->jobsModel()->loadState(pipelineId).loaded;
}

} // namespace

class TestDeepLinkOpen : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void classifiesTheArgument()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("job.log"));
        QFile(file).open(QIODevice::WriteOnly);
        using Kind = LaunchTarget::Kind;
        QCOMPARE(classifyLaunchTarget(QString()).kind, Kind::None);
        QCOMPARE(classifyLaunchTarget(file).kind, Kind::File);
        QCOMPARE(classifyLaunchTarget(QUrl::fromLocalFile(file).toString()).text, file);
        QCOMPARE(classifyLaunchTarget(QStringLiteral("https://gitlab.com/a/b/-/jobs/1")).kind,
                 Kind::WebUrl);
        QCOMPARE(classifyLaunchTarget(QStringLiteral("platform/api-gateway")).kind,
                 Kind::ProjectPath);
        QCOMPARE(classifyLaunchTarget(QStringLiteral("group/sub/app/-/pipelines/12")).kind,
                 Kind::ProjectPath);
        QCOMPARE(classifyLaunchTarget(
                     QStringLiteral("group/app/-/pipelines/new?ref=main&var[A]=1 2&file_var[B]=x"))
                     .kind,
                 Kind::ProjectPath);
        // Not a project: a file that is not there (the log viewer says so).
        QCOMPARE(classifyLaunchTarget(QStringLiteral("missing.log")).kind, Kind::File);
        QCOMPARE(classifyLaunchTarget(QStringLiteral("./logs/missing.log")).kind, Kind::File);
        QCOMPARE(classifyLaunchTarget(QStringLiteral("/tmp/missing.log")).kind, Kind::File);
    }

    void pipelineAddressOpensThatPipeline()
    {
        sim::Server server(serverOptions());
        QVERIFY(server.listen());
        Application app;
        QCOMPARE(startWithEnvironment(
                     app, server,
                     address(server, QStringLiteral("/platform/api-gateway/-/pipelines/%1")
                                         .arg(demo::kFailedPipelineId))),
                 -1);
        MainWindow *window = app.mainWindow();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentProjectPage(), 10'000);
        ProjectPage *page = window->currentProjectPage();
        QCOMPARE(page->project().id, demo::kDemoProjectId);
        QTRY_VERIFY_WITH_TIMEOUT(jobsShown(page, demo::kFailedPipelineId), 10'000);
        QCOMPARE(
            window->windowTitle(),
            QStringLiteral("platform/api-gateway · Pipeline #%1").arg(demo::kFailedPipelineId));
        QVERIFY(!page->messageBar()->isVisible());
        // The list on the left marks the project opened by the address.
        auto *panel = window->findChild<ProjectsPanel *>();
        QTRY_COMPARE_WITH_TIMEOUT(
            panel->view()->currentIndex().data(models::ProjectsModel::IdRole).toLongLong(),
            demo::kDemoProjectId, 10'000);
    }

    void jobAddressSelectsTheJobAndOpensItsLog()
    {
        sim::Server server(serverOptions());
        QVERIFY(server.listen());
        Application app;
        QCOMPARE(
            startWithEnvironment(
                app, server,
                address(server,
                        QStringLiteral("/platform/api-gateway/-/jobs/%1").arg(demo::kFailedJobId))),
            -1);
        MainWindow *window = app.mainWindow();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentProjectPage(), 10'000);
        ProjectPage *page = window->currentProjectPage();
        QTRY_VERIFY_WITH_TIMEOUT(jobsShown(page, demo::kFailedPipelineId), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(page->currentJobId(), demo::kFailedJobId, 10'000);
        AccountWorkspace *ws = app.workspace(window->currentAccountId());
        QTRY_COMPARE(ws->logWindows().size(), 1);
        QCOMPARE(ws->logWindows().constFirst()->jobId(), demo::kFailedJobId);
        JobLogWindow *log = ws->logWindows().constFirst();
        QTRY_VERIFY_WITH_TIMEOUT(log->page()->follower()->stats().traceRequests >= 1, 10'000);

        // From the log window, "Show in Pipeline" brings the job back in the main window.
        page->showPipeline(demo::kRunningPipelineId);
        QTRY_VERIFY_WITH_TIMEOUT(jobsShown(page, demo::kRunningPipelineId), 10'000);
        auto *showInPipeline = log->findChild<QAction *>(QStringLiteral("showInPipeline"));
        QVERIFY(showInPipeline);
        showInPipeline->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(jobsShown(page, demo::kFailedPipelineId), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(page->currentJobId(), demo::kFailedJobId, 10'000);
        QCOMPARE(window->currentProjectPage(), page);
    }

    void savedAccountOpensTheAddressOnceItsTokenIsLoaded()
    {
        sim::Server server(serverOptions());
        QVERIFY(server.listen());
        Account account;
        account.instance = server.baseUrl();
        account.username = QStringLiteral("demo");
        account.displayName = QStringLiteral("Demo");
        account.scopes = {QStringLiteral("api")};
        account.origin = Account::Origin::Saved;
        account.id = accountId(account.instance, account.username);
        const TokenKey key{TokenKind::PersonalAccessToken, account.instance, account.username, {}};
        {
            // Stored as the sign-in dialog stores it: the token in the keychain, the account
            // in settings.
            QSettings settings;
            KeychainSecretStore keychain;
            TokenStore tokens(keychain, settings);
            std::optional<TokenOutcome> saved;
            tokens.save(key, kEnvToken.toUtf8(), nullptr,
                        [&](const TokenResult &result) { saved = result.outcome; });
            QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 10'000);
            QCOMPARE(*saved, TokenOutcome::Saved);
            AccountRegistry(settings).upsert(account);
        }

        Application app;
        QCOMPARE(app.start({QStringLiteral("pipedeck"),
                            address(server, QStringLiteral("/platform/api-gateway/-/pipelines/%1")
                                                .arg(demo::kManualPipelineId))}),
                 -1);
        // The token is still being read from the keychain: nothing is reported missing.
        QVERIFY(!app.mainWindow()->welcomePage()->message()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(
            jobsShown(app.mainWindow()->currentProjectPage(), demo::kManualPipelineId), 10'000);
        QCOMPARE(app.mainWindow()->currentAccountId(), account.id);
        QVERIFY(!app.mainWindow()->welcomePage()->message()->isVisible());

        // Leave the keychain and settings as they were.
        app.sessions()->signOut(account.id);
        QTRY_VERIFY(app.sessions()->accountIds().isEmpty());
        QTest::qWait(200);
    }

    void demoAccountOpensAddressesOfTheDemoServer()
    {
        Application app;
        QCOMPARE(app.start({QStringLiteral("pipedeck"), QStringLiteral("--demo")}), -1);
        // The demo's port is known only now: hand the address over as a second launch would.
        app.openTarget(address(*app.demoServer(), QStringLiteral("/data/etl")));
        MainWindow *window = app.mainWindow();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentProjectPage(), 10'000);
        QCOMPARE(window->currentProjectPage()->project().id, demo::kEtlProjectId);
        app.openTarget(address(
            *app.demoServer(),
            QStringLiteral("/platform/api-gateway/-/pipelines/%1").arg(demo::kBridgePipelineId)));
        QTRY_VERIFY_WITH_TIMEOUT(jobsShown(window->currentProjectPage(), demo::kBridgePipelineId),
                                 10'000);
        QCOMPARE(window->currentProjectPage()->project().id, demo::kDemoProjectId);
    }

    void manualJobAddressOpensItsPlayDialog()
    {
        sim::Server server(serverOptions());
        QVERIFY(server.listen());
        Application app;
        QCOMPARE(startWithEnvironment(
                     app, server,
                     QStringLiteral("platform/deploy-tools/-/jobs/%1").arg(demo::kDeployJobId)),
                 -1);
        QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow()->currentProjectPage(), 10'000);
        ProjectPage *page = app.mainWindow()->currentProjectPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->findChild<PlayDialog *>(), 10'000);
        const PlayDialog *dialog = page->findChild<PlayDialog *>();
        QCOMPARE(dialog->jobs().size(), 1);
        QCOMPARE(dialog->jobs().first().target.jobId, demo::kDeployJobId);
        QCOMPARE(page->currentJobId(), demo::kDeployJobId);
        // Its form instead of its (empty) log.
        QVERIFY(app.workspace(app.mainWindow()->currentAccountId())->logWindows().isEmpty());
    }

    void prefillAddressOpensTheRunPipelineDialogPrefilled()
    {
        sim::Server server(serverOptions());
        QVERIFY(server.listen());
        Application app;
        QCOMPARE(startWithEnvironment(app, server,
                                      QStringLiteral("platform/deploy-tools/-/pipelines/"
                                                     "new?ref=wip%2Fspike&var[VERSION]=3.0.1&"
                                                     "file_var[CONFIG]=a%3A%201")),
                 -1);
        QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow()->currentProjectPage(), 10'000);
        ProjectPage *page = app.mainWindow()->currentProjectPage();
        QCOMPARE(page->project().id, demo::kDeployToolsProjectId);
        QTRY_VERIFY_WITH_TIMEOUT(page->findChild<RunPipelineDialog *>(), 10'000);
        auto *dialog = page->findChild<RunPipelineDialog *>();
        QCOMPARE(dialog->refPicker()->ref(), QStringLiteral("wip/spike"));
        const QList<variables::VariableRow> expected{
            variables::VariableRow{{}, QStringLiteral("VERSION"), QStringLiteral("3.0.1"), false},
            variables::VariableRow{gitlab::VariableType::File, QStringLiteral("CONFIG"),
                                   QStringLiteral("a: 1"), false}};
        QCOMPARE(dialog->editor()->rows(), expected);
        // Opening is not sending.
        QCOMPARE(server.requests().size() > 0, true);
        for (const sim::RecordedRequest &request : server.requests())
            QCOMPARE(request.method, QByteArray("GET"));
    }

    // Signed in through GITLAB_TOKEN the personal access token is not stored, but a trigger
    // token the user creates is: they created it to keep it.
    void aTriggerTokenCreatedOnAnEnvironmentAccountGoesToTheKeychain()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "No D-Bus session bus: run under scripts/with-keyring.sh; never skipped.");
        sim::Server server(serverOptions());
        QVERIFY(server.listen());
        Application app;
        QCOMPARE(startWithEnvironment(app, server,
                                      QStringLiteral("platform/api-gateway/-/settings/ci_cd")),
                 -1);
        QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow()->currentProjectPage(), 10'000);
        ProjectPage *page = app.mainWindow()->currentProjectPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->findChild<TriggerTokensDialog *>(), 10'000);
        auto *dialog = page->findChild<TriggerTokensDialog *>();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->loader()->isBusy() && dialog->model()->rowCount() >= 2,
                                 10'000);
        gitlab::Trigger shown;
        QString note;
        dialog->setTokenShower([&](const gitlab::Trigger &trigger, const QString &text) {
            shown = trigger;
            note = text;
        });
        dialog->descriptionField()->setText(QStringLiteral("Kept from an environment sign-in"));
        dialog->createFromForm();
        QTRY_VERIFY_WITH_TIMEOUT(shown.id != 0, 10'000);
        QVERIFY2(note.startsWith(QStringLiteral("It is kept in the OS keychain")),
                 qPrintable(note));
        const TokenKey key{TokenKind::TriggerToken, server.baseUrl(), QStringLiteral("demo"),
                           QStringLiteral("%1/%2").arg(demo::kDemoProjectId).arg(shown.id)};
        QVERIFY(app.tokens()->isRecorded(key));
        // Read back by a store of its own, as the next start would.
        KeychainSecretStore keychain;
        QSettings settings;
        TokenStore reader(keychain, settings);
        std::optional<TokenResult> loaded;
        reader.load(key, nullptr, [&](const TokenResult &r) { loaded = r; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, 10'000);
        QCOMPARE(loaded->outcome, TokenOutcome::Found);
        QVERIFY(!loaded->fromSession);
        QVERIFY(loaded->token == shown.token.toUtf8());
        // The account's own token was not stored on the way.
        QVERIFY(!reader.isRecorded(TokenKey{
            TokenKind::PersonalAccessToken, server.baseUrl(), QStringLiteral("demo"), {}}));
        std::optional<TokenResult> removed;
        reader.remove(key, nullptr, [&](const TokenResult &r) { removed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 10'000);
        QCOMPARE(removed->outcome, TokenOutcome::Removed);
    }

    void projectPathOpensOnTheAccountOfThisRun()
    {
        sim::Server server(serverOptions());
        QVERIFY(server.listen());
        Application app;
        QCOMPARE(startWithEnvironment(app, server, QStringLiteral("mobile/ios-app")), -1);
        QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow()->currentProjectPage(), 10'000);
        QCOMPARE(app.mainWindow()->currentProjectPage()->project().id, demo::kIosAppProjectId);
    }

    void unknownHostOffersAnAccount()
    {
        sim::Server server(serverOptions());
        QVERIFY(server.listen());
        Application app;
        QCOMPARE(startWithEnvironment(
                     app, server,
                     QStringLiteral("https://gitlab.example.invalid/group/app/-/pipelines/5")),
                 -1);
        MainWindow *window = app.mainWindow();
        WelcomePage *welcome = window->welcomePage();
        QTRY_VERIFY_WITH_TIMEOUT(welcome->message()->isVisible(), 10'000);
        QVERIFY2(welcome->message()->text().contains(QStringLiteral("gitlab.example.invalid")),
                 qPrintable(welcome->message()->text()));
        QCOMPARE(welcome->message()->kind(), InlineMessage::Kind::Error);
        QVERIFY(welcome->addAccountButton()->isVisible());
        QVERIFY(!window->currentProjectPage());
        // The offer opens the sign-in dialog for that host.
        welcome->addAccountButton()->click();
        SignInDialog *dialog = window->findChild<SignInDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        bool hostFilled = false;
        for (QLineEdit *field : dialog->findChildren<QLineEdit *>())
            hostFilled =
                hostFilled || field->text().contains(QStringLiteral("gitlab.example.invalid"));
        QVERIFY(hostFilled);
        dialog->close();
    }

    void missingPipelineJobOrProjectSaysSoInPlace()
    {
        sim::Server server(serverOptions());
        QVERIFY(server.listen());
        Application app;
        QCOMPARE(startWithEnvironment(
                     app, server,
                     address(server, QStringLiteral("/platform/api-gateway/-/pipelines/987654"))),
                 -1);
        MainWindow *window = app.mainWindow();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentProjectPage(), 10'000);
        ProjectPage *page = window->currentProjectPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->messageBar()->isVisible(), 10'000);
        QVERIFY2(page->messageBar()->text().contains(QStringLiteral("987654")),
                 qPrintable(page->messageBar()->text()));
        // The page stays usable: the newest pipeline is shown instead.
        QTRY_VERIFY_WITH_TIMEOUT(page->currentPipelineId() > 0, 10'000);
        QVERIFY(page->currentPipelineId() != 987654);

        page->messageBar()->clear();
        app.openTarget(address(server, QStringLiteral("/platform/api-gateway/-/jobs/987655")));
        QTRY_VERIFY_WITH_TIMEOUT(page->messageBar()->isVisible(), 10'000);
        QVERIFY2(page->messageBar()->text().contains(QStringLiteral("987655")),
                 qPrintable(page->messageBar()->text()));
        QCOMPARE(window->currentProjectPage(), page);
        QVERIFY(app.workspace(window->currentAccountId())->logWindows().isEmpty());

        // A project that does not exist (or is not visible): said over the open page.
        page->messageBar()->clear();
        app.openTarget(address(server, QStringLiteral("/alice/private-notes")));
        QTRY_VERIFY_WITH_TIMEOUT(page->messageBar()->isVisible(), 10'000);
        QVERIFY2(page->messageBar()->text().contains(QStringLiteral("alice/private-notes")),
                 qPrintable(page->messageBar()->text()));
        QCOMPARE(window->currentProjectPage(), page);

        // Not a project page of a known host.
        app.openTarget(address(server, QStringLiteral("/dashboard")));
        QTRY_VERIFY_WITH_TIMEOUT(window->welcomePage()->message()->isVisible(), 10'000);
        QVERIFY(!window->welcomePage()->addAccountButton()->isVisible());
    }
};

QTEST_MAIN(TestDeepLinkOpen)
#include "tst_deep_link_open.moc"
