#include "ui/main_window.h"

#include "accounts/session_manager.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
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

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *addAccount = fileMenu->addAction(tr("&Add account…"));
    connect(addAccount, &QAction::triggered, this, &MainWindow::addAccountRequested);
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);

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

    m_navigationHost = new QWidget;
    auto *hostLayout = new QVBoxLayout(m_navigationHost);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_navigationHost, 1);

    m_centre = new QStackedWidget;
    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(m_centre);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 980});
    setCentralWidget(splitter);

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

void MainWindow::showNotice(const QString &text)
{
    statusBar()->showMessage(text);
}

void MainWindow::rebuildAccountList()
{
    const QString current = currentAccountId();
    const QSignalBlocker blocker(m_accounts);
    m_accounts->clear();
    for (const QString &id : m_sessions.accountIds()) {
        const AccountSession *session = m_sessions.session(id);
        const Account &account = session->account;
        QString label = account.username + QStringLiteral(" @ ") + account.instance.host();
        if (account.instance.port() > 0)
            label += QLatin1Char(':') + QString::number(account.instance.port());
        m_accounts->addItem(label, id);
    }
    int index = m_accounts->findData(current);
    if (index < 0 && m_accounts->count() > 0)
        index = 0;
    m_accounts->setCurrentIndex(index);
    if (currentAccountId() != current)
        Q_EMIT currentAccountChanged(currentAccountId());
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
}

} // namespace pipedeck
