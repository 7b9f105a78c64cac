#pragma once

#include <QObject>
#include <QStringList>

#include <map>
#include <memory>

class QSettings;

namespace pipedeck {

class AccountRegistry;
class AccountWorkspace;
class ProjectsPanel;
class KeychainSecretStore;
class MainWindow;
class SessionManager;
class SignInCheck;
class SignInController;
class TokenStore;

namespace sim {
class Server;
}

// The composition root: reads the command line, installs translations, builds the
// account machinery and opens the main window. Also starts the in-process simulator
// for `--demo` and signs in from GITLAB_HOST / GITLAB_TOKEN.
class Application : public QObject
{
    Q_OBJECT
public:
    Application();
    ~Application() override;

    // Returns an exit code when the app should quit at once (--help, bad
    // arguments), or -1 when the event loop should run.
    int start(const QStringList &arguments);

    MainWindow *mainWindow() const { return m_window.get(); }
    SessionManager *sessions() const { return m_sessions.get(); }
    sim::Server *demoServer() const { return m_demoServer.get(); }

private:
    bool startDemo();
    void signInForThisRun(const QString &instance, const QString &token, bool demo);
    void syncWorkspace(const QString &accountId);
    void showAccount(const QString &accountId);

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KeychainSecretStore> m_secretStore;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<AccountRegistry> m_registry;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<sim::Server> m_demoServer;
    std::unique_ptr<SignInCheck> m_runCheck;
    std::unique_ptr<SignInController> m_signIn;
    std::unique_ptr<MainWindow> m_window;
    ProjectsPanel *m_projectsPanel = nullptr; // owned by the window
    std::map<QString, std::unique_ptr<AccountWorkspace>> m_workspaces;
    QString m_demoToken;
};

} // namespace pipedeck
