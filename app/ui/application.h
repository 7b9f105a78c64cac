#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QSettings;
class QWidget;
class QUrl;

namespace pipedeck {

class AccountRegistry;
class AccountRemovalPrompt;
class AccountWorkspace;
class DeepLinkRouter;
class InstanceChannel;
class ProjectsPanel;
class KeychainSecretStore;
class LogViewerWindow;
class MainWindow;
class SessionManager;
class SignInCheck;
class SignInController;
class TokenStore;
class TrayIcon;
class CloseToTray;
class Watching;
struct DeepLink;

namespace gitlab {
class Clock;
}
namespace history {
class RunHistory;
}
namespace watch {
class Notifier;
}
namespace presets {
class DraftStore;
class PresetStore;
} // namespace presets
namespace sim {
class Server;
}
namespace triggers {
class TriggerVault;
}

// The composition root: reads the command line, installs translations, builds the
// account machinery and opens the main window. Also starts the in-process simulator
// for `--demo`, signs in from GITLAB_HOST / GITLAB_TOKEN, and opens what the command line
// names: a GitLab address (once its account is ready) or a log file (with no account at all).
class Application : public QObject
{
    Q_OBJECT
public:
    Application();
    ~Application() override;

    // One app per user session: before start(), the channel a later `pipedeck TARGET` hands
    // its target over (InstanceChannel::defaultName() from main(); tests pick their own;
    // empty, as by default, for none). `--demo` neither hands over nor listens.
    void setInstanceChannel(const QString &name) { m_channelName = name; }

    // Before start(), for tests: whether a system tray is there (default
    // QSystemTrayIcon::isSystemTrayAvailable()), the notifications' backend (default:
    // org.freedesktop.Notifications on the session bus where it is built and a server is there,
    // else the tray's balloons; a factory returning null shows none), the close-to-tray
    // question (default a dialog) and the watch settings file.
    void setTrayAvailability(std::function<bool()> available)
    {
        m_trayAvailable = std::move(available);
    }
    using NotifierFactory = std::function<std::unique_ptr<watch::Notifier>()>;
    void setNotifierFactory(NotifierFactory factory) { m_notifierFactory = std::move(factory); }
    void setCloseToTrayQuestion(std::function<std::optional<bool>(QWidget *)> ask)
    {
        m_askCloseToTray = std::move(ask);
    }
    void setWatchStorePath(const QString &path) { m_watchStorePath = path; }

    // Returns an exit code when the app should quit at once (--help, bad
    // arguments, the target handed to the running app), or -1 when the event loop should run.
    int start(const QStringList &arguments);
    // Opens a GitLab address, "group/project" or a log file, as `pipedeck TARGET` does.
    void openTarget(const QString &target);

    // Null when started with a log file only.
    MainWindow *mainWindow() const { return m_window.get(); }
    SessionManager *sessions() const { return m_sessions.get(); }
    sim::Server *demoServer() const { return m_demoServer.get(); }
    SignInController *signIn() const { return m_signIn.get(); }
    AccountRemovalPrompt *accountRemoval() const { return m_accountRemoval; }
    TokenStore *tokens() const { return m_tokens.get(); }
    AccountWorkspace *workspace(const QString &accountId) const;
    Watching *watching() const { return m_watching.get(); }
    // Null without a system tray.
    TrayIcon *tray() const { return m_tray.get(); }
    // Opens a watched pipeline in the window (a notification's button, the tray's menu).
    void openWatchedPipeline(const QString &accountId, qint64 projectId, qint64 pipelineId);
    QList<LogViewerWindow *> logFileWindows() const;

private:
    bool startDemo();
    void startWatching(bool demo);
    std::unique_ptr<watch::Notifier> platformNotifier();
    bool closeMainWindow();
    void openPreferences();
    void watchDemoPipeline(const QString &accountId);
    void signInForThisRun(const QString &instance, const QString &token, bool demo);
    static void openJobLogCache(QSettings &settings);
    void syncWorkspace(const QString &accountId);
    void showAccount(const QString &accountId);
    void updatePolling();
    void markOpenProject();
    void openLink(const DeepLink &link);
    void showProblem(const QString &accountId, const QString &text);
    LogViewerWindow *openLogFile(const QString &path);
    void chooseLogFile();
    void closeSecondaryWindows();

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KeychainSecretStore> m_secretStore;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<presets::PresetStore> m_presets;
    std::unique_ptr<presets::DraftStore> m_drafts;
    std::unique_ptr<history::RunHistory> m_history;
    std::unique_ptr<triggers::TriggerVault> m_triggerVault;
    std::unique_ptr<AccountRegistry> m_registry;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<sim::Server> m_demoServer;
    std::unique_ptr<SignInCheck> m_runCheck;
    std::unique_ptr<SignInController> m_signIn;
    std::unique_ptr<gitlab::Clock> m_clock;
    std::unique_ptr<watch::Notifier> m_notifier;
    std::unique_ptr<Watching> m_watching; // after m_sessions: its watchers use the connections
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<CloseToTray> m_closeToTray;
    std::function<bool()> m_trayAvailable;
    NotifierFactory m_notifierFactory;
    std::function<std::optional<bool>(QWidget *)> m_askCloseToTray;
    QString m_watchStorePath;
    bool m_quitting = false;
    std::unique_ptr<DeepLinkRouter> m_router;
    std::unique_ptr<MainWindow> m_window;
    QString m_channelName;
    std::unique_ptr<InstanceChannel> m_channel;
    ProjectsPanel *m_projectsPanel = nullptr;         // owned by the window
    AccountRemovalPrompt *m_accountRemoval = nullptr; // owned by the window
    std::map<QString, std::unique_ptr<AccountWorkspace>> m_workspaces;
    QList<QPointer<LogViewerWindow>> m_fileWindows;
    QString m_demoToken;
};

} // namespace pipedeck
