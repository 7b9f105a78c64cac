#include "ui/application.h"

#include "accounts/account_registry.h"
#include "accounts/session_manager.h"
#include "accounts/sign_in_check.h"
#include "core/logging.h"
#include "gitlab/net/connection.h"
#include "i18n/translator.h"
#include "models/loaders/projects_loader.h"
#include "projects/projects_panel.h"
#include "secrets/keychain_secret_store.h"
#include "secrets/redaction.h"
#include "secrets/token_store.h"
#include "signin/sign_in_controller.h"
#include "sim/server.h"
#include "ui/account_workspace.h"
#include "ui/main_window.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QSettings>
#include <QTimer>
#include <QUuid>

namespace pipedeck {

Application::Application() = default;

Application::~Application()
{
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

    installTranslations(*QCoreApplication::instance(), uiLocale(parser.value(langOption)));

    m_settings = std::make_unique<QSettings>();
    m_secretStore = std::make_unique<KeychainSecretStore>();
    m_tokens = std::make_unique<TokenStore>(*m_secretStore, *m_settings);
    m_registry = std::make_unique<AccountRegistry>(*m_settings);
    m_sessions =
        std::make_unique<SessionManager>(*m_registry, *m_tokens, gitlab::ConnectionOptions{});
    m_signIn = std::make_unique<SignInController>(*m_sessions);
    m_window = std::make_unique<MainWindow>(*m_sessions);
    connect(m_window.get(), &MainWindow::addAccountRequested, this,
            [this] { m_signIn->open(m_window.get()); });
    connect(m_signIn.get(), &SignInController::accountAdded, this,
            [this](const QString &id) { m_window->setCurrentAccount(id); });

    m_projectsPanel = new ProjectsPanel;
    m_window->setNavigationWidget(m_projectsPanel);
    auto *welcome = new QLabel(tr("Choose a project on the left to see its pipelines."));
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setWordWrap(true);
    m_window->addCentralPage(welcome);
    connect(m_sessions.get(), &SessionManager::sessionChanged, this, &Application::syncWorkspace);
    connect(m_sessions.get(), &SessionManager::sessionRemoved, this, &Application::syncWorkspace);
    connect(m_window.get(), &MainWindow::currentAccountChanged, this, &Application::showAccount);
    connect(m_projectsPanel, &ProjectsPanel::projectActivated, this,
            [this](const gitlab::Project &project) {
                const auto it = m_workspaces.find(m_window->currentAccountId());
                if (it != m_workspaces.end())
                    it->second->projectsLoader()->rememberOpened(project);
            });

    m_window->show();
    qCInfo(lcPerf) << "start to window shown:" << startup.elapsed() << "ms";

    m_sessions->restoreSavedAccounts();

    const QString envHost = qEnvironmentVariable("GITLAB_HOST");
    const QString envToken = qEnvironmentVariable("GITLAB_TOKEN");
    if (parser.isSet(demoOption)) {
        if (!startDemo())
            return 1;
    } else if (!envToken.isEmpty()) {
        signInForThisRun(envHost.isEmpty() ? QStringLiteral("https://gitlab.com") : envHost,
                         envToken, false);
    } else if (m_registry->accounts().isEmpty()) {
        // First run: nothing to show without an account.
        QTimer::singleShot(0, this, [this] { m_signIn->open(m_window.get()); });
    }
    return -1;
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

void Application::syncWorkspace(const QString &accountId)
{
    const AccountSession *session = m_sessions->session(accountId);
    const bool ready = session && session->state == AccountSession::State::Ready;
    auto it = m_workspaces.find(accountId);
    if (it != m_workspaces.end() && ready && &it->second->connection() != session->connection) {
        // Signed in again: the old connection is going away with its requests.
        if (m_projectsPanel->model() == it->second->projects())
            m_projectsPanel->setModel(nullptr);
        m_workspaces.erase(it);
        it = m_workspaces.end();
    }
    if (ready && it == m_workspaces.end()) {
        m_workspaces.emplace(accountId, std::make_unique<AccountWorkspace>(
                                            accountId, *session->connection, *m_settings));
    } else if (!ready && it != m_workspaces.end()) {
        if (m_projectsPanel->model() == it->second->projects())
            m_projectsPanel->setModel(nullptr);
        m_workspaces.erase(it);
    }
    if (accountId == m_window->currentAccountId())
        showAccount(accountId);
}

void Application::showAccount(const QString &accountId)
{
    const auto it = m_workspaces.find(accountId);
    m_projectsPanel->setModel(it == m_workspaces.end() ? nullptr : it->second->projects());
}

void Application::signInForThisRun(const QString &instance, const QString &token, bool demo)
{
    m_runCheck = std::make_unique<SignInCheck>();
    connect(m_runCheck.get(), &SignInCheck::finished, this,
            [this, token](const SignInCheck::Result &result) {
                if (!result.ok) {
                    m_window->showNotice(result.error);
                    return;
                }
                m_sessions->addSignedIn(result.account, m_runCheck->takeConnection(),
                                        token.toUtf8());
                m_window->setCurrentAccount(result.account.id);
                for (const QString &warning : result.warnings)
                    m_window->showNotice(warning);
            });
    m_runCheck->start(instance, token, demo ? Account::Origin::Demo : Account::Origin::Environment,
                      m_sessions->connectionOptions());
}

} // namespace pipedeck
