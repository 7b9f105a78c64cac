#pragma once

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QWidget;

namespace pipedeck {

class AccountTrustRow;
class ProjectPage;
class SessionManager;
class WelcomePage;

// The main window: accounts and projects on the left, the open project's page (pipelines,
// the selected pipeline, its jobs) in the centre, and below a status line that says what is
// being refreshed and when the data shown is stale. The title names the project and pipeline.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(SessionManager &sessions, QWidget *parent = nullptr);
    ~MainWindow() override;

    QString currentAccountId() const;
    void setCurrentAccount(const QString &accountId);

    // The area left of the centre (projects list); owned by the window.
    void setNavigationWidget(QWidget *widget);
    // Pages in the centre; the welcome page is the first.
    int addCentralPage(QWidget *page);
    void showCentralPage(QWidget *page);
    WelcomePage *welcomePage() const { return m_welcome; }
    void showWelcomePage();
    // Shows a project page (added to the centre if new); its status goes to the status line,
    // its project and pipeline to the title.
    void showProjectPage(ProjectPage *page);
    ProjectPage *currentProjectPage() const;
    QWidget *currentCentralPage() const;

    // "Back to …" (Alt+Left): `where` empty disables it.
    void setBackTarget(const QString &where);
    QAction *backAction() const { return m_back; }

    void showNotice(const QString &text);
    // The current account's rate-limit hold or offline line (empty when online): it goes
    // before what the page says, which waits with it.
    void setAccountNetLine(const QString &line);
    QString statusLineText() const;

    // Shown and not minimised: what polling follows.
    bool isOnScreen() const;
    bool isReportedOnScreen() const { return m_onScreen; }
    // Brings the window to the front (from a log window's "Show in Pipeline").
    void present();

    // Asked when the window is closed: true when the close was taken care of (the window went
    // to the tray, or the user changed their mind) and the window must not close.
    using CloseHandler = std::function<bool()>;
    void setCloseHandler(CloseHandler handler) { m_closeHandler = std::move(handler); }

Q_SIGNALS:
    void addAccountRequested();
    void openLogFileRequested();
    void heldTokensRequested();
    void storedSecretsRequested();
    void preferencesRequested();
    void removeAccountRequested(const QString &accountId);
    // Local files dropped on the window, to be opened as logs.
    void logFilesDropped(const QStringList &paths);
    void backRequested();
    void currentAccountChanged(const QString &accountId);
    void onScreenChanged(bool onScreen);
    void closing();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void rebuildAccountList();
    void updateAccountBanner();
    void updateStatusLine();
    void updateTitle();
    void reportOnScreen(bool onScreen);

    SessionManager &m_sessions;
    QComboBox *m_accounts = nullptr;
    QLabel *m_accountBanner = nullptr;
    QPushButton *m_retry = nullptr;
    AccountTrustRow *m_trustRow = nullptr;
    QWidget *m_navigationHost = nullptr;
    QStackedWidget *m_centre = nullptr;
    WelcomePage *m_welcome = nullptr;
    QAction *m_back = nullptr;
    QAction *m_removeAccount = nullptr;
    QLabel *m_statusIcon = nullptr;
    QLabel *m_statusLine = nullptr;
    QPointer<ProjectPage> m_page;
    QString m_netLine;
    QList<QMetaObject::Connection> m_pageConnections;
    bool m_onScreen = false;
    CloseHandler m_closeHandler;
};

} // namespace pipedeck
