#pragma once

#include <QMainWindow>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QWidget;

namespace pipedeck {

class SessionManager;

// The main window: accounts and projects on the left, the selected project's
// pipelines (and below them a pipeline and a job) in the centre, a status line below.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(SessionManager &sessions, QWidget *parent = nullptr);

    QString currentAccountId() const;
    void setCurrentAccount(const QString &accountId);

    // The area left of the centre (projects list); owned by the window.
    void setNavigationWidget(QWidget *widget);
    // Pages in the centre; the first one added is the welcome page.
    int addCentralPage(QWidget *page);
    void showCentralPage(QWidget *page);

    void showNotice(const QString &text);

Q_SIGNALS:
    void addAccountRequested();
    void currentAccountChanged(const QString &accountId);

private:
    void rebuildAccountList();
    void updateAccountBanner();

    SessionManager &m_sessions;
    QComboBox *m_accounts = nullptr;
    QLabel *m_accountBanner = nullptr;
    QPushButton *m_retry = nullptr;
    QWidget *m_navigationHost = nullptr;
    QStackedWidget *m_centre = nullptr;
};

} // namespace pipedeck
