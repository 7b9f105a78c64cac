#include "ui/application.h"

#include "accounts/account_removal_prompt.h"
#include "secrets/stored_secrets_dialog.h"

#include "widgets/present_window.h"

#include "accounts/account_net_state.h"
#include "accounts/account_registry.h"
#include "accounts/deep_link.h"
#include "accounts/session_manager.h"
#include "accounts/sign_in_check.h"
#include "core/logging.h"
#include "gitlab/net/connection.h"
#include "history/run_history.h"
#include "i18n/translator.h"
#include "logfollow/job_log_cache.h"
#include "logview/log_viewer_window.h"
#include "models/projects/projects_model.h"
#include "pipelines/project_page.h"
#include "presets/draft_store.h"
#include "presets/preset_store.h"
#include "projects/projects_panel.h"
#include "runs/review_policy.h"
#include "secrets/keychain_secret_store.h"
#include "secrets/redaction.h"
#include "secrets/token_store.h"
#include "signin/sign_in_controller.h"
#include "sim/server.h"
#include "triggers/held_tokens_dialog.h"
#include "triggers/trigger_vault.h"
#include "ui/account_workspace.h"
#include "ui/deep_link_router.h"
#include "ui/instance_channel.h"
#include "ui/job_log_window.h"
#include "ui/launch_target.h"
#include "ui/main_window.h"
#include "ui/welcome_page.h"
#include "widgets/inline_message.h"

#include "gitlab/net/clock.h"
#include "preferences/preferences_dialog.h"
#include "sim/demo_data.h"
#include "tray/close_to_tray.h"
#include "tray/tray_icon.h"
#include "tray/tray_notifier.h"
#include "watch/notification_center.h"
#include "watch/watch_store.h"
#include "watch/watcher.h"
#include "watching/watching.h"
#ifdef PIPEDECK_HAVE_DBUS_NOTIFIER
#include "watch/dbus_notifier.h"

#include <QDBusConnectionInterface>
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCursor>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QUuid>

#include <cstdio>

namespace pipedeck {

Application::Application() = default;

Application::~Application()
{
    if (m_window)
        m_window->setCloseHandler({});
    if (m_tray)
        QApplication::setQuitOnLastWindowClosed(true);
    const QList<QPointer<LogViewerWindow>> windows = m_fileWindows;
    for (const QPointer<LogViewerWindow> &window : windows)
        delete window.data();
    if (!m_demoToken.isEmpty())
        unregisterSecret(m_demoToken);
}

int Application::start(const QStringList &arguments)
{
    QElapsedTimer startup;
    startup.start();
    installRedactingMessageHandler();

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Desktop client for GitLab CI/CD"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), tr("Start the built-in GitLab simulator and sign in to it."));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), tr("User interface language (for example ja)."), tr("language"));
    parser.addOption(demoOption);
    parser.addOption(langOption);
    parser.addPositionalArgument(QStringLiteral("target"),
                                 tr("A GitLab project, pipeline or job URL, or a job log file."),
                                 QStringLiteral("[URL|FILE]"));
    parser.process(arguments);

    const QLocale locale = uiLocale(parser.value(langOption));
    // Dates and numbers follow the interface's language: `--lang ja` on an English desktop
    // shows 2026/12/03, not "3 Dec 2026" between Japanese words.
    QLocale::setDefault(locale);
    installTranslations(*QCoreApplication::instance(), locale);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        std::fputs(qPrintable(tr("Give one URL or file at most.") + QLatin1Char('\n')), stderr);
        return 2;
    }
    const LaunchTarget target = classifyLaunchTarget(positional.value(0));
    const bool demo = parser.isSet(demoOption);
    if (!m_channelName.isEmpty() && !demo) {
        // Before anything else: two quick launches must not both become the app.
        m_channel = std::make_unique<InstanceChannel>(m_channelName);
        if (!m_channel->acquire()) {
            // The running app's working folder is not ours: hand a file over by its full path.
            const QString handed = target.kind == LaunchTarget::Kind::File
                                       ? QFileInfo(target.text).absoluteFilePath()
                                       : target.text;
            if (m_channel->handOver(handed)) {
                qCInfo(lcUi) << "handed the command line to the running Pipedeck";
                return 0;
            }
            if (!m_channel->holdsLock()) {
                qCWarning(lcUi) << "the running Pipedeck did not answer; starting on its own";
                m_channel.reset();
            }
        }
    }
    if (target.kind == LaunchTarget::Kind::File) {
        // A log file needs no account: no main window, no keychain, no sign-in; and it is not
        // the session's app, so the next launch starts normally.
        m_channel.reset();
        openLogFile(target.text);
        qCInfo(lcPerf) << "start to log window shown:" << startup.elapsed() << "ms";
        return -1;
    }

    m_settings = std::make_unique<QSettings>();
    openJobLogCache(*m_settings);
    m_secretStore = std::make_unique<KeychainSecretStore>();
    m_tokens = std::make_unique<TokenStore>(*m_secretStore, *m_settings);
    m_presets = std::make_unique<presets::PresetStore>(*m_secretStore, *m_settings);
    m_drafts = std::make_unique<presets::DraftStore>();
    m_triggerVault = std::make_unique<triggers::TriggerVault>(*m_tokens);
    // Opened once the window is on screen: SQLite's open and migration are disk work the first
    // paint need not wait for, and nothing is recorded before a dialog sends.
    m_history = std::make_unique<history::RunHistory>(history::RunHistory::defaultPath());
    m_registry = std::make_unique<AccountRegistry>(*m_settings);
    m_sessions =
        std::make_unique<SessionManager>(*m_registry, *m_tokens, gitlab::ConnectionOptions{});
    m_signIn = std::make_unique<SignInController>(*m_sessions);
    m_window = std::make_unique<MainWindow>(*m_sessions);
    connect(m_window.get(), &MainWindow::addAccountRequested, this,
            [this] { m_signIn->open(m_window.get()); });
    connect(m_window.get(), &MainWindow::openLogFileRequested, this, &Application::chooseLogFile);
    connect(m_window.get(), &MainWindow::logFilesDropped, this, [this](const QStringList &paths) {
        for (const QString &path : paths)
            openLogFile(path);
    });
    connect(m_window.get(), &MainWindow::backRequested, this, [this] {
        if (AccountWorkspace *ws = workspace(m_window->currentAccountId()))
            ws->goBack();
    });
    connect(m_window.get(), &MainWindow::closing, this, &Application::closeSecondaryWindows);
    connect(m_window.get(), &MainWindow::onScreenChanged, this, &Application::updatePolling);
    connect(m_window->welcomePage(), &WelcomePage::addAccountRequested, this,
            [this](const QUrl &instance) {
                m_signIn->open(m_window.get(), instance.toString(QUrl::RemoveUserInfo));
            });
    connect(m_signIn.get(), &SignInController::accountAdded, this,
            [this](const QString &id) { m_window->setCurrentAccount(id); });

    connect(m_window.get(), &MainWindow::preferencesRequested, this, &Application::openPreferences);
    startWatching(demo);

    m_projectsPanel = new ProjectsPanel;
    m_window->setNavigationWidget(m_projectsPanel);
    // Workspaces first: a deep link waiting for an account opens in its workspace.
    connect(m_sessions.get(), &SessionManager::sessionChanged, this, &Application::syncWorkspace);
    connect(m_sessions.get(), &SessionManager::sessionRemoved, this, &Application::syncWorkspace);
    connect(m_sessions.get(), &SessionManager::sessionRemoved, m_watching.get(),
            &Watching::forgetAccount);
    m_router = std::make_unique<DeepLinkRouter>(*m_sessions);
    connect(m_router.get(), &DeepLinkRouter::linkReady, this, &Application::openLink);
    connect(m_router.get(), &DeepLinkRouter::problem, this,
            [this](const QString &text, const QUrl &addAccountFor) {
                m_window->showWelcomePage();
                m_window->welcomePage()->showProblem(text, addAccountFor);
            });
    connect(m_window.get(), &MainWindow::currentAccountChanged, this, &Application::showAccount);
    connect(m_window.get(), &MainWindow::heldTokensRequested, this, [this] {
        auto *dialog = new HeldTokensDialog(
            m_triggerVault.get(),
            [this](const QUrl &instance, const QString &username) {
                return m_sessions->connection(accountId(instance, username));
            },
            m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    connect(m_window.get(), &MainWindow::storedSecretsRequested, this, [this] {
        auto *dialog = new StoredSecretsDialog(*m_tokens, m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    m_accountRemoval = new AccountRemovalPrompt(*m_sessions, m_window.get());
    connect(m_window.get(), &MainWindow::removeAccountRequested, m_accountRemoval,
            &AccountRemovalPrompt::removeAccount);
    connect(m_projectsPanel, &ProjectsPanel::projectActivated, this,
            [this](const gitlab::Project &project) {
                const auto it = m_workspaces.find(m_window->currentAccountId());
                if (it != m_workspaces.end())
                    it->second->openProject(project);
            });

    m_window->show();
    // After the first paint; every reader checks isOpen(), and the first send or prefill comes
    // long after this turn of the event loop.
    QTimer::singleShot(0, this, [this] {
        if (QString error; !m_history->open(&error)) // plays still work, unremembered
            qCWarning(lcStore) << "run history unavailable:" << error;
    });
    qCInfo(lcPerf) << "start to window shown:" << startup.elapsed() << "ms";

    m_sessions->restoreSavedAccounts();

    if (m_channel) {
        if (m_channel->listen()) {
            connect(m_channel.get(), &InstanceChannel::targetReceived, this,
                    [this](const QString &handed) {
                        if (handed.isEmpty())
                            m_window->present();
                        else
                            openTarget(handed);
                    });
        }
    }

    const QString envHost = qEnvironmentVariable("GITLAB_HOST");
    const QString envToken = qEnvironmentVariable("GITLAB_TOKEN");
    if (demo) {
        if (!startDemo())
            return 1;
    } else if (!envToken.isEmpty()) {
        signInForThisRun(envHost.isEmpty() ? QStringLiteral("https://gitlab.com") : envHost,
                         envToken, false);
    } else if (m_registry->accounts().isEmpty() && target.kind == LaunchTarget::Kind::None) {
        // First run: nothing to show without an account. (With an address, the welcome page
        // offers an account for its host instead.)
        QTimer::singleShot(0, this, [this] { m_signIn->open(m_window.get()); });
    }
    m_router->open(target);
    return -1;
}

void Application::openTarget(const QString &text)
{
    const LaunchTarget target = classifyLaunchTarget(text);
    if (target.kind == LaunchTarget::Kind::File) {
        openLogFile(target.text);
    } else if (m_router && m_window) {
        m_window->present();
        m_router->open(target);
    }
}

AccountWorkspace *Application::workspace(const QString &accountId) const
{
    const auto it = m_workspaces.find(accountId);
    return it == m_workspaces.end() ? nullptr : it->second.get();
}

QList<LogViewerWindow *> Application::logFileWindows() const
{
    QList<LogViewerWindow *> windows;
    for (const QPointer<LogViewerWindow> &window : m_fileWindows) {
        if (window)
            windows.append(window);
    }
    return windows;
}

bool Application::startDemo()
{
    // A fresh random token each run: nothing to leak, nothing stored.
    m_demoToken = QUuid::createUuid().toString(QUuid::WithoutBraces);
    registerSecret(m_demoToken);
    sim::ServerOptions options;
    options.tokens.append(
        sim::TokenGrant{m_demoToken, QStringLiteral("demo"), {QStringLiteral("api")}, {}});
    m_demoServer = std::make_unique<sim::Server>(options);
    if (!m_demoServer->listen()) {
        qCCritical(lcSim) << "the demo simulator could not listen on loopback";
        return false;
    }
    signInForThisRun(m_demoServer->baseUrl().toString(), m_demoToken, true);
    return true;
}

void Application::watchDemoPipeline(const QString &accountId)
{
    // A new user sees a notification within the first minutes: the demo's watched pipeline
    // fails about a minute after the start.
    const AccountSession *session = m_sessions->session(accountId);
    if (!m_demoServer || !session || session->account.origin != Account::Origin::Demo)
        return;
    watch::PipelineWatch watch;
    watch.accountId = session->account.id;
    watch.projectId = sim::demo::kAndroidAppProjectId;
    watch.pipelineId = sim::demo::kWatchedPipelineId;
    watch.lastStatus = gitlab::CiStatus::Running;
    watch.lastStatusName = gitlab::ciStatusName(watch.lastStatus);
    watch.ref = QStringLiteral("main");
    watch.projectPath = QString::fromLatin1(sim::demo::kWatchedProjectPath);
    watch.addedAtMs = m_clock->nowMs();
    m_watching->watches().add(watch);
}

std::unique_ptr<watch::Notifier> Application::platformNotifier()
{
    if (m_notifierFactory)
        return m_notifierFactory();
#ifdef PIPEDECK_HAVE_DBUS_NOTIFIER
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        const QString service = QString::fromLatin1(watch::DBusNotifier::kService);
        const QDBusConnectionInterface *names = bus.interface();
        const bool serverThere =
            names && (names->isServiceRegistered(service).value() ||
                      names->activatableServiceNames().value().contains(service));
        // A server that comes up after Pipedeck (at login) is found by DBusNotifier; only
        // with a tray to fall back on is its absence now taken as final.
        if (serverThere || !m_tray)
            return std::make_unique<watch::DBusNotifier>(bus);
    }
#endif
    if (m_tray)
        return std::make_unique<TrayNotifier>(m_tray->systemTrayIcon());
    return nullptr;
}

void Application::startWatching(bool demo)
{
    m_clock = std::make_unique<gitlab::SystemClock>();
    QString storePath =
        m_watchStorePath.isEmpty() ? watch::WatchStore::defaultPath() : m_watchStorePath;
    if (demo) {
        // The demo account lives for one run (its address changes): so do its watches, and
        // the user's own settings are not touched.
        storePath.replace(QStringLiteral(".json"), QStringLiteral("-demo.json"));
        QFile::remove(storePath);
    }
    auto store = std::make_unique<watch::WatchStore>(storePath);
    if (!store->load())
        m_window->showNotice(store->errorText());
    connect(store.get(), &watch::WatchStore::saveFailed, m_window.get(), &MainWindow::showNotice);
    if (!m_trayAvailable)
        m_trayAvailable = [] { return QSystemTrayIcon::isSystemTrayAvailable(); };
    const bool trayThere = m_trayAvailable();
    if (trayThere) {
        // Made before the watching: the balloons' notifier needs it. Its model comes below.
        m_tray = std::make_unique<TrayIcon>();
    }
    m_notifier = platformNotifier();
    m_watching = std::make_unique<Watching>(std::move(store), m_notifier.get(), m_clock.get());
    watch::NotificationCenter &center = m_watching->center();
    connect(&center, &watch::NotificationCenter::openPipelineRequested, this,
            &Application::openWatchedPipeline);
    connect(&center, &watch::NotificationCenter::openJobLogRequested, this,
            [this](const QString &accountId, qint64 projectId, qint64 jobId) {
                AccountWorkspace *ws = workspace(accountId);
                if (!ws)
                    return;
                m_window->setCurrentAccount(accountId);
                m_window->present();
                // As a job's address: the pipeline with the job selected, and its log beside.
                AccountWorkspace::Target target = AccountWorkspace::Target::job(jobId);
                target.fromLink = true;
                ws->openProject(projectId, target);
            });
    connect(&center, &watch::NotificationCenter::actionFinished, this,
            [this](const actions::ActionResult &) {
                // The window's page shows what the button did at its next refresh.
                if (ProjectPage *page = m_window->currentProjectPage())
                    page->refresh();
            });
    if (m_tray) {
        m_tray->setWatching(&m_watching->overview(), &m_watching->watches(), &center);
        connect(&center, &watch::NotificationCenter::openWatchedRequested, this,
                [this] { m_tray->menu()->popup(QCursor::pos()); });
        connect(m_tray.get(), &TrayIcon::openPipelineRequested, this,
                &Application::openWatchedPipeline);
        connect(m_tray.get(), &TrayIcon::showWindowRequested, this, [this] {
            m_window->present();
            m_tray->setWindowShown(true);
        });
        connect(m_tray.get(), &TrayIcon::hideWindowRequested, this, [this] {
            m_window->hide();
            m_tray->setWindowShown(false);
        });
        connect(m_tray.get(), &TrayIcon::quitRequested, this, [this] {
            // As closing the window does without a tray: its log windows go, then the app.
            m_quitting = true;
            m_window->close();
        });
        connect(m_window.get(), &MainWindow::onScreenChanged, m_tray.get(), [this](bool onScreen) {
            m_tray->setWindowShown(onScreen || m_window->isVisible());
        });
        // Hidden in the tray, closing the last log window must not end Pipedeck: Quit does.
        QApplication::setQuitOnLastWindowClosed(false);
        connect(m_window.get(), &MainWindow::closing, this, [] { QCoreApplication::quit(); });
        m_tray->show();
    } else {
        connect(&center, &watch::NotificationCenter::openWatchedRequested, this,
                [this] { m_window->present(); });
    }
    m_closeToTray =
        std::make_unique<CloseToTray>(m_watching.get(), m_trayAvailable, m_askCloseToTray);
    m_window->setCloseHandler([this] { return closeMainWindow(); });
}

bool Application::closeMainWindow()
{
    if (!m_tray || m_quitting)
        return false;
    switch (m_closeToTray->decide(m_window.get())) {
    case CloseToTray::Decision::Quit:
        return false;
    case CloseToTray::Decision::Stay:
        return true;
    case CloseToTray::Decision::KeepInTray:
        m_window->hide();
        m_tray->setWindowShown(false);
        return true;
    }
    return false;
}

void Application::openPreferences()
{
    // The account's projects as listed on the left (its memberships and recent ones).
    const auto projectsOf = [this](const QString &accountId) {
        QList<QPair<qint64, QString>> projects;
        if (const AccountWorkspace *ws = workspace(accountId)) {
            const models::ProjectsModel *model = ws->projects();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (const gitlab::Project *project = model->projectAt(row))
                    projects.append({project->id, project->pathWithNamespace});
            }
        }
        return projects;
    };
    auto *dialog =
        new PreferencesDialog(m_watching->store(), *m_sessions, projectsOf, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void Application::openWatchedPipeline(const QString &accountId, qint64 projectId, qint64 pipelineId)
{
    AccountWorkspace *ws = workspace(accountId);
    if (!ws)
        return; // signed out meanwhile
    m_window->setCurrentAccount(accountId);
    m_window->present();
    if (m_tray)
        m_tray->setWindowShown(true);
    AccountWorkspace::Target target = AccountWorkspace::Target::pipeline(pipelineId);
    target.fromLink = true; // it may be gone meanwhile: say so on the page
    ws->openProject(projectId, target);
}

void Application::syncWorkspace(const QString &accountId)
{
    const AccountSession *session = m_sessions->session(accountId);
    const bool ready = session && session->state == AccountSession::State::Ready;
    auto it = m_workspaces.find(accountId);
    if (it != m_workspaces.end() && ready && &it->second->connection() != session->connection) {
        // Signed in again: the old connection is going away with its requests.
        m_watching->removeAccount(accountId);
        if (m_projectsPanel->model() == it->second->projects())
            m_projectsPanel->setModel(nullptr);
        m_workspaces.erase(it);
        it = m_workspaces.end();
    }
    if (ready && it == m_workspaces.end()) {
        auto workspace = std::make_unique<AccountWorkspace>(
            accountId, *session->connection, session->account.canWrite(), *m_settings);
        AccountWorkspace *ws = workspace.get();
        runs::RunServices services;
        services.account = {session->account.instance, session->account.username};
        services.history = m_history.get();
        services.presets = m_presets.get();
        services.drafts = m_drafts.get();
        services.triggers = m_triggerVault.get();
        services.review = runs::reviewModeFromSettings(*m_settings);
        ws->setRunServices(services);
        m_watching->addAccount(accountId, session->connection, session->account.username,
                               session->account.canWrite(), ws->netState());
        connect(ws, &AccountWorkspace::pageOpened, this, [this, ws](ProjectPage *page) {
            page->setWatchList(&m_watching->watches(), ws->accountId());
            m_watching->addOpenProject(ws->accountId(), page->project().id);
            if (ws->accountId() == m_window->currentAccountId()) {
                m_window->showProjectPage(page);
                markOpenProject();
            } else {
                m_window->addCentralPage(page);
            }
            updatePolling();
        });
        connect(ws->projects(), &QAbstractItemModel::rowsInserted, this, [this, ws] {
            if (ws->accountId() == m_window->currentAccountId())
                markOpenProject();
        });
        connect(ws, &AccountWorkspace::historyChanged, this, [this, ws] {
            if (ws->accountId() == m_window->currentAccountId())
                m_window->setBackTarget(ws->backText());
        });
        connect(ws, &AccountWorkspace::logWindowOpened, this, [this, ws](JobLogWindow *window) {
            window->placeBeside(m_window.get(), int(ws->logWindows().size()) - 1);
        });
        connect(ws->netState(), &AccountNetState::statusLineChanged, this,
                [this, ws](const QString &line) {
                    if (ws->accountId() == m_window->currentAccountId())
                        m_window->setAccountNetLine(line);
                });
        connect(ws, &AccountWorkspace::openFailed, this,
                [this, ws](const QString &text) { showProblem(ws->accountId(), text); });
        connect(ws, &AccountWorkspace::showJobRequested, this,
                [this, ws](qint64 projectId, qint64 jobId) {
                    m_window->setCurrentAccount(ws->accountId());
                    m_window->present();
                    ws->openProject(projectId, AccountWorkspace::Target::job(jobId));
                });
        m_workspaces.emplace(accountId, std::move(workspace));
        if (session->account.origin == Account::Origin::Demo)
            QTimer::singleShot(0, this, [this, accountId] { watchDemoPipeline(accountId); });
    } else if (!ready && it != m_workspaces.end()) {
        m_watching->removeAccount(accountId);
        if (m_projectsPanel->model() == it->second->projects())
            m_projectsPanel->setModel(nullptr);
        m_workspaces.erase(it);
    }
    if (accountId == m_window->currentAccountId())
        showAccount(accountId);
}

void Application::showAccount(const QString &accountId)
{
    AccountWorkspace *ws = workspace(accountId);
    m_projectsPanel->setModel(ws ? ws->projects() : nullptr);
    // The account's own page, or the welcome page: never another account's.
    if (ws && ws->page())
        m_window->showProjectPage(ws->page());
    else
        m_window->showWelcomePage();
    markOpenProject();
    m_window->setBackTarget(ws ? ws->backText() : QString());
    m_window->setAccountNetLine(ws ? ws->netState()->statusLine() : QString());
    updatePolling();
}

void Application::markOpenProject()
{
    // Also when it was opened by an address or from another project's pipeline.
    models::ProjectsModel *projects = m_projectsPanel->model();
    const ProjectPage *page = m_window->currentProjectPage();
    if (!projects || !page)
        return;
    const int row = projects->rowOfId(page->project().id);
    if (row >= 0)
        m_projectsPanel->view()->setCurrentIndex(projects->index(row, 0));
    else
        m_projectsPanel->view()->clearSelection();
}

void Application::updatePolling()
{
    const QString current = m_window->currentAccountId();
    const bool onScreen = m_window->isReportedOnScreen();
    for (const auto &[id, ws] : m_workspaces)
        ws->setShown(onScreen && id == current);
}

void Application::openLink(const DeepLink &link)
{
    AccountWorkspace *ws = workspace(link.accountId);
    if (!ws)
        return; // signed out meanwhile
    m_window->setCurrentAccount(link.accountId);
    m_window->welcomePage()->clearProblem();
    AccountWorkspace::Target target;
    target.fromLink = true;
    target.id = link.id;
    switch (link.kind) {
    case DeepLink::Kind::Project:
        target.kind = AccountWorkspace::Target::Kind::Project;
        break;
    case DeepLink::Kind::Pipeline:
        target.kind = AccountWorkspace::Target::Kind::Pipeline;
        break;
    case DeepLink::Kind::Job:
        target.kind = AccountWorkspace::Target::Kind::Job;
        break;
    case DeepLink::Kind::TriggerTokens:
        target.kind = AccountWorkspace::Target::Kind::TriggerTokens;
        break;
    case DeepLink::Kind::NewPipeline:
        target.kind = AccountWorkspace::Target::Kind::NewPipeline;
        target.ref = link.ref;
        target.rows = link.rows;
        break;
    }
    ws->openProject(link.projectPath, target);
}

void Application::showProblem(const QString &accountId, const QString &text)
{
    if (accountId != m_window->currentAccountId()) {
        m_window->showNotice(text);
        return;
    }
    // Over the page the user is looking at, or on the welcome page.
    if (ProjectPage *page = m_window->currentProjectPage())
        page->messageBar()->showMessage(InlineMessage::Kind::Error, text);
    else
        m_window->welcomePage()->showProblem(text);
}

LogViewerWindow *Application::openLogFile(const QString &path)
{
    // A log that is open already is brought forward, not opened twice.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (LogViewerWindow *open : logFileWindows()) {
        if (open->filePath() == absolute) {
            presentWindow(open);
            return open;
        }
    }
    auto *window = new LogViewerWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->openFile(path); // a failure shows in the window, which stays for another try
    window->show();
    m_fileWindows.append(window);
    return window;
}

void Application::chooseLogFile()
{
    const QString path =
        QFileDialog::getOpenFileName(m_window.get(), tr("Open Log File"), QString(),
                                     tr("Job logs (*.log *.txt *.trace);;All files (*)"));
    if (!path.isEmpty())
        openLogFile(path);
}

void Application::closeSecondaryWindows()
{
    // The main window is the app: its log windows go with it.
    const QList<LogViewerWindow *> files = logFileWindows();
    for (LogViewerWindow *window : files)
        window->close();
    for (const auto &[id, ws] : m_workspaces) {
        const QList<JobLogWindow *> logs = ws->logWindows();
        for (JobLogWindow *window : logs)
            window->close();
    }
}

void Application::openJobLogCache(QSettings &settings)
{
    // Followed job logs (which may hold secrets) are cached on disk: what a crashed or killed
    // run left is removed now, before any new log is cached.
    logfollow::JobLogCache &cache = logfollow::JobLogCache::shared();
    bool ok = false;
    const qint64 limitMiB = settings.value(QStringLiteral("jobLogs/cacheLimitMiB")).toLongLong(&ok);
    if (ok && limitMiB > 0)
        cache.setMaxBytes(limitMiB * 1024 * 1024);
    QString error;
    if (!cache.open(&error))
        qCWarning(lcLog) << "job-log cache:" << error;
    else if (cache.removedAtOpen() > 0)
        qCInfo(lcLog) << "job-log cache: removed" << cache.removedAtOpen()
                      << "leftover(s) of stopped runs";
}

void Application::signInForThisRun(const QString &instance, const QString &token, bool demo)
{
    m_runCheck = std::make_unique<SignInCheck>();
    m_router->setSignInRunning(true);
    connect(m_runCheck.get(), &SignInCheck::finished, this,
            [this, token](const SignInCheck::Result &result) {
                if (!result.ok) {
                    m_window->showNotice(result.error);
                    m_router->setSignInRunning(false);
                    return;
                }
                // "group/project" on the command line means this account's.
                m_router->setDefaultAccount(result.account.id);
                m_sessions->addSignedIn(result.account, m_runCheck->takeConnection(),
                                        token.toUtf8());
                m_window->setCurrentAccount(result.account.id);
                for (const QString &warning : result.warnings)
                    m_window->showNotice(warning);
                m_router->setSignInRunning(false);
            });
    m_runCheck->start(instance, token, demo ? Account::Origin::Demo : Account::Origin::Environment,
                      m_sessions->connectionOptions());
}

} // namespace pipedeck
