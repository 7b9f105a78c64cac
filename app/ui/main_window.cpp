#include "ui/main_window.h"

#include "help/about_dialog.h"
#include "help/shortcuts_dialog.h"

#include "widgets/dropped_files.h"
#include "widgets/present_window.h"

#include "accounts/session_manager.h"
#include "models/jobs/jobs_model.h"
#include "models/pipelines/pipelines_model.h"
#include "pipelines/project_page.h"
#include "ui/account_label.h"
#include "ui/account_trust_row.h"
#include "ui/welcome_page.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace pipedeck {

MainWindow::MainWindow(SessionManager &sessions, QWidget *parent)
    : QMainWindow(parent)
    , m_sessions(sessions)
{
    setWindowTitle(QStringLiteral("Pipedeck"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/pipedeck.svg")));
    resize(1280, 800);
    // A saved job log dropped anywhere on the window opens in a log window.
    setAcceptDrops(true);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *addAccount = fileMenu->addAction(tr("&Add account…"));
    connect(addAccount, &QAction::triggered, this, &MainWindow::addAccountRequested);
    auto *openLog = fileMenu->addAction(tr("&Open Log File…"));
    openLog->setObjectName(QStringLiteral("openLogFile"));
    openLog->setShortcut(QKeySequence::Open);
    connect(openLog, &QAction::triggered, this, &MainWindow::openLogFileRequested);
    auto *heldTokens = fileMenu->addAction(tr("Trigger &Tokens Kept…"));
    heldTokens->setObjectName(QStringLiteral("heldTriggerTokens"));
    heldTokens->setToolTip(tr("The trigger tokens Pipedeck keeps in the OS keychain, across "
                              "accounts"));
    connect(heldTokens, &QAction::triggered, this, &MainWindow::heldTokensRequested);
    auto *storedSecrets = fileMenu->addAction(tr("Stored &Secrets…"));
    storedSecrets->setObjectName(QStringLiteral("storedSecrets"));
    storedSecrets->setToolTip(tr("Everything Pipedeck keeps in the OS keychain"));
    connect(storedSecrets, &QAction::triggered, this, &MainWindow::storedSecretsRequested);
    fileMenu->addSeparator();
    m_removeAccount = fileMenu->addAction(tr("&Remove Account…"));
    m_removeAccount->setObjectName(QStringLiteral("removeAccount"));
    m_removeAccount->setToolTip(tr("Remove the current account and its secrets from Pipedeck"));
    connect(m_removeAccount, &QAction::triggered, this, [this] {
        if (const QString id = currentAccountId(); !id.isEmpty())
            Q_EMIT removeAccountRequested(id);
    });
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);

    auto *editMenu = menuBar()->addMenu(tr("&Edit"));
    auto *preferences = editMenu->addAction(tr("&Preferences…"));
    preferences->setObjectName(QStringLiteral("preferences"));
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, &MainWindow::preferencesRequested);

    auto *goMenu = menuBar()->addMenu(tr("&Go"));
    m_back = goMenu->addAction(tr("&Back"));
    m_back->setObjectName(QStringLiteral("goBack"));
    m_back->setShortcut(QKeySequence::Back);
    connect(m_back, &QAction::triggered, this, &MainWindow::backRequested);
    setBackTarget({});

    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    auto *shortcuts = helpMenu->addAction(tr("&Keyboard Shortcuts"));
    shortcuts->setObjectName(QStringLiteral("keyboardShortcuts"));
    connect(shortcuts, &QAction::triggered, this, [this] {
        auto *dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    auto *about = helpMenu->addAction(tr("&About Pipedeck"));
    about->setObjectName(QStringLiteral("aboutPipedeck"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        auto *dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);

    auto *accountRow = new QHBoxLayout;
    m_accounts = new QComboBox;
    m_accounts->setObjectName(QStringLiteral("accounts"));
    m_accounts->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_accounts->setMinimumContentsLength(16);
    m_accounts->setToolTip(tr("Account"));
    auto *addButton = new QToolButton;
    addButton->setText(QStringLiteral("+"));
    addButton->setToolTip(tr("Add account"));
    addButton->setAccessibleName(tr("Add account"));
    connect(addButton, &QToolButton::clicked, this, &MainWindow::addAccountRequested);
    accountRow->addWidget(m_accounts, 1);
    accountRow->addWidget(addButton);
    leftLayout->addLayout(accountRow);

    auto *bannerRow = new QHBoxLayout;
    m_accountBanner = new QLabel;
    m_accountBanner->setObjectName(QStringLiteral("accountBanner"));
    m_accountBanner->setTextFormat(Qt::PlainText);
    m_accountBanner->setWordWrap(true);
    m_retry = new QPushButton(tr("Retry"));
    m_retry->setObjectName(QStringLiteral("retryCredentials"));
    connect(m_retry, &QPushButton::clicked, this,
            [this] { m_sessions.retryCredentials(currentAccountId()); });
    bannerRow->addWidget(m_accountBanner, 1);
    bannerRow->addWidget(m_retry);
    leftLayout->addLayout(bannerRow);

    m_trustRow = new AccountTrustRow;
    connect(m_trustRow, &AccountTrustRow::removeRequested, this, [this] {
        const QString id = currentAccountId();
        m_sessions.setTlsTrust(id, {});
        if (const AccountSession *session = m_sessions.session(id))
            showNotice(tr("%1 trusts only this computer's certificates again.")
                           .arg(accountLabel(session->account)));
    });
    leftLayout->addWidget(m_trustRow);

    m_navigationHost = new QWidget;
    auto *hostLayout = new QVBoxLayout(m_navigationHost);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_navigationHost, 1);

    m_centre = new QStackedWidget;
    m_welcome = new WelcomePage;
    m_centre->addWidget(m_welcome);
    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(m_centre);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({290, 990});
    setCentralWidget(splitter);

    // Notices (sign-in, keychain) take the left of the status bar; what the open page is
    // doing stays on the right, so neither hides the other.
    m_statusIcon = new QLabel;
    m_statusIcon->setObjectName(QStringLiteral("statusIcon"));
    m_statusIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(16, 16));
    m_statusIcon->hide();
    m_statusLine = new QLabel;
    m_statusLine->setObjectName(QStringLiteral("statusLine"));
    m_statusLine->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_statusIcon);
    statusBar()->addPermanentWidget(m_statusLine);

    connect(m_accounts, &QComboBox::currentIndexChanged, this, [this] {
        updateAccountBanner();
        Q_EMIT currentAccountChanged(currentAccountId());
    });
    connect(&m_sessions, &SessionManager::sessionChanged, this, [this] {
        rebuildAccountList();
        updateAccountBanner();
    });
    connect(&m_sessions, &SessionManager::sessionRemoved, this, &MainWindow::rebuildAccountList);
    connect(&m_sessions, &SessionManager::notice, this,
            [this](const QString &, const QString &text) { showNotice(text); });
    rebuildAccountList();
    updateAccountBanner();
}

MainWindow::~MainWindow() = default;

QString MainWindow::currentAccountId() const
{
    return m_accounts->currentData().toString();
}

void MainWindow::setCurrentAccount(const QString &accountId)
{
    const int index = m_accounts->findData(accountId);
    if (index >= 0)
        m_accounts->setCurrentIndex(index);
}

void MainWindow::setNavigationWidget(QWidget *widget)
{
    m_navigationHost->layout()->addWidget(widget);
}

int MainWindow::addCentralPage(QWidget *page)
{
    return m_centre->addWidget(page);
}

void MainWindow::showCentralPage(QWidget *page)
{
    m_centre->setCurrentWidget(page);
}

ProjectPage *MainWindow::currentProjectPage() const
{
    return m_page;
}

QWidget *MainWindow::currentCentralPage() const
{
    return m_centre->currentWidget();
}

void MainWindow::showWelcomePage()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_pageConnections))
        disconnect(connection);
    m_pageConnections.clear();
    m_page = nullptr;
    m_centre->setCurrentWidget(m_welcome);
    updateStatusLine();
    updateTitle();
}

void MainWindow::showProjectPage(ProjectPage *page)
{
    if (!page) {
        showWelcomePage();
        return;
    }
    if (m_centre->indexOf(page) < 0)
        m_centre->addWidget(page);
    // The status bar says it for the window.
    page->setStatusLineVisible(false);
    if (m_page != page) {
        showWelcomePage();
        m_page = page;
        m_pageConnections = {
            connect(page, &ProjectPage::statusTextChanged, this, &MainWindow::updateStatusLine),
            connect(page, &ProjectPage::currentPipelineChanged, this, &MainWindow::updateTitle),
            connect(page, &QObject::destroyed, this, &MainWindow::showWelcomePage),
        };
    }
    m_centre->setCurrentWidget(page);
    updateStatusLine();
    updateTitle();
}

void MainWindow::setBackTarget(const QString &where)
{
    m_back->setEnabled(!where.isEmpty());
    m_back->setText(where.isEmpty() ? tr("&Back") : tr("&Back to %1").arg(where));
}

void MainWindow::showNotice(const QString &text)
{
    statusBar()->showMessage(text);
}

void MainWindow::setAccountNetLine(const QString &line)
{
    if (line == m_netLine)
        return;
    m_netLine = line;
    updateStatusLine();
}

QString MainWindow::statusLineText() const
{
    return m_statusLine->text();
}

void MainWindow::updateStatusLine()
{
    QString text;
    bool stale = false;
    if (m_page) {
        text = m_page->statusText();
        const qint64 pipelineId = m_page->currentPipelineId();
        stale = m_page->pipelinesModel()->loadState().stale ||
                (pipelineId && m_page->jobsModel()->loadState(pipelineId).stale);
    }
    if (!m_netLine.isEmpty())
        text = text.isEmpty() ? m_netLine : m_netLine + u' ' + text;
    m_statusLine->setText(text);
    m_statusIcon->setVisible(stale || !m_netLine.isEmpty());
    m_statusIcon->setToolTip(stale ? tr("The data shown is not up to date.") : m_netLine);
}

void MainWindow::updateTitle()
{
    QString title = QStringLiteral("Pipedeck");
    if (m_page) {
        const QString project = m_page->project().pathWithNamespace;
        const qint64 pipelineId = m_page->currentPipelineId();
        title =
            pipelineId
                ? tr("%1 · Pipeline #%2", "project path, pipeline id").arg(project).arg(pipelineId)
                : project;
    }
    setWindowTitle(title);
}

bool MainWindow::isOnScreen() const
{
    return isVisible() && !isMinimized();
}

void MainWindow::present()
{
    presentWindow(this);
}

void MainWindow::reportOnScreen(bool onScreen)
{
    if (onScreen == m_onScreen)
        return;
    m_onScreen = onScreen;
    Q_EMIT onScreenChanged(onScreen);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    reportOnScreen(!isMinimized());
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    reportOnScreen(false); // also when the window system unmapped it (minimised, hidden)
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange)
        reportOnScreen(isOnScreen());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeHandler && m_closeHandler()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
    if (event->isAccepted())
        Q_EMIT closing();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedLocalFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = droppedLocalFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT logFilesDropped(files);
}

void MainWindow::rebuildAccountList()
{
    const QString current = currentAccountId();
    const QSignalBlocker blocker(m_accounts);
    m_accounts->clear();
    for (const QString &id : m_sessions.accountIds()) {
        const AccountSession *session = m_sessions.session(id);
        m_accounts->addItem(accountLabel(session->account), id);
    }
    int index = m_accounts->findData(current);
    if (index < 0 && m_accounts->count() > 0)
        index = 0;
    m_accounts->setCurrentIndex(index);
    m_removeAccount->setEnabled(index >= 0);
    if (currentAccountId() != current)
        Q_EMIT currentAccountChanged(currentAccountId());
    // Removing the last account leaves no current one to signal about: the banner says so.
    updateAccountBanner();
}

void MainWindow::updateAccountBanner()
{
    const AccountSession *session = m_sessions.session(currentAccountId());
    QString text;
    bool retry = false;
    if (!session) {
        text = tr("No account yet. Add one to see your projects.");
    } else {
        switch (session->state) {
        case AccountSession::State::LoadingToken:
            text = tr("Reading the token from the keychain…");
            break;
        case AccountSession::State::Ready:
            if (session->sessionOnly && session->account.origin == Account::Origin::Saved)
                text = session->message;
            else if (session->account.origin == Account::Origin::Demo)
                text = tr("Demo: a simulated GitLab on this computer.");
            else if (session->account.origin == Account::Origin::Environment)
                text = tr("From GITLAB_HOST and GITLAB_TOKEN; nothing is stored.");
            break;
        case AccountSession::State::CredentialsUnavailable:
            text = session->message;
            retry = true;
            break;
        case AccountSession::State::NeedsToken:
            text = session->message;
            break;
        }
    }
    m_accountBanner->setText(text);
    m_accountBanner->setVisible(!text.isEmpty());
    m_retry->setVisible(retry);
    m_trustRow->setAccount(session ? &session->account : nullptr);
}

} // namespace pipedeck
