// `pipedeck --demo` end to end, offscreen: the in-process simulator starts, the demo account
// signs in, and the projects list fills and searches — what a new user sees first.
#include "accounts/session_manager.h"
#include "models/projects/projects_model.h"
#include "projects/projects_panel.h"
#include "sim/server.h"
#include "ui/application.h"
#include "ui/main_window.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace pipedeck;

class TestDemoStart : public QObject
{
    Q_OBJECT
private:
    static QStringList rowNames(const QAbstractItemModel *model)
    {
        QStringList names;
        for (int row = 0; row < model->rowCount(); ++row)
            names << model->index(row, 0).data(models::ProjectsModel::NameRole).toString();
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void demoSignsInAndListsProjects()
    {
        Application app;
        QCOMPARE(app.start({QStringLiteral("pipedeck"), QStringLiteral("--demo")}), -1);
        QVERIFY(app.demoServer());
        MainWindow *window = app.mainWindow();
        QVERIFY(window->isVisible());

        QTRY_VERIFY_WITH_TIMEOUT(!window->currentAccountId().isEmpty(), 10000);
        const AccountSession *session = app.sessions()->session(window->currentAccountId());
        QVERIFY(session);
        QCOMPARE(session->state, AccountSession::State::Ready);
        QCOMPARE(session->account.origin, Account::Origin::Demo);
        QCOMPARE(session->account.username, QStringLiteral("demo"));

        auto *panel = window->findChild<ProjectsPanel *>();
        QVERIFY(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->model() && panel->model()->rowCount() >= 5, 10000);
        QAbstractItemModelTester tester(panel->model(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QStringList names = rowNames(panel->model());
        QVERIFY2(names.contains(QStringLiteral("API Gateway")), qPrintable(names.join(u',')));
        QVERIFY(names.contains(QStringLiteral("iOS App")));
        // Another user's private project is not listed.
        QVERIFY(!names.contains(QStringLiteral("Private Notes")));

        // Searching narrows the list through the API and keeps the model alive (no reset).
        QTest::keyClicks(panel->searchField(), QStringLiteral("ios"));
        QTRY_COMPARE_WITH_TIMEOUT(rowNames(panel->model()), QStringList{QStringLiteral("iOS App")},
                                  10000);
        panel->searchField()->clear();
        QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() >= 5, 10000);

        // Nothing about the demo account is written to settings.
        QSettings settings;
        settings.sync();
        for (const QString &key : settings.allKeys())
            QVERIFY2(!key.startsWith(QStringLiteral("accounts")), qPrintable(key));
    }

    void environmentTokenSignsInWithoutStoring()
    {
        const QString token = QStringLiteral("env-canary-0123456789");
        sim::ServerOptions options;
        options.bigLog = false;
        options.tokens = {{token, QStringLiteral("demo"), {QStringLiteral("api")}, {}}};
        sim::Server server(options);
        QVERIFY(server.listen());
        qputenv("GITLAB_HOST", server.baseUrl().toString().toUtf8());
        qputenv("GITLAB_TOKEN", token.toUtf8());
        Application app;
        QCOMPARE(app.start({QStringLiteral("pipedeck")}), -1);
        qunsetenv("GITLAB_HOST");
        qunsetenv("GITLAB_TOKEN");
        QTRY_VERIFY_WITH_TIMEOUT(!app.mainWindow()->currentAccountId().isEmpty(), 10000);
        const AccountSession *session =
            app.sessions()->session(app.mainWindow()->currentAccountId());
        QCOMPARE(session->account.origin, Account::Origin::Environment);
        auto *panel = app.mainWindow()->findChild<ProjectsPanel *>();
        QTRY_VERIFY_WITH_TIMEOUT(panel->model() && panel->model()->rowCount() >= 5, 10000);
        QSettings settings;
        settings.sync();
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(token), qPrintable(key));
        QFile file(settings.fileName());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY(!file.readAll().contains(token.toUtf8()));
    }

    void japaneseInterface()
    {
        Application app;
        QCOMPARE(app.start({QStringLiteral("pipedeck"), QStringLiteral("--demo"),
                            QStringLiteral("--lang"), QStringLiteral("ja")}),
                 -1);
        auto *panel = app.mainWindow()->findChild<ProjectsPanel *>();
        QCOMPARE(panel->searchField()->placeholderText(), QStringLiteral("プロジェクトを検索…"));
        // Dates in the interface's language too.
        QCOMPARE(QLocale().language(), QLocale::Japanese);
        QCOMPARE(QLocale().toString(QDate(2026, 12, 3), QLocale::ShortFormat),
                 QStringLiteral("2026/12/03"));
        QTRY_VERIFY_WITH_TIMEOUT(panel->model() && panel->model()->rowCount() >= 5, 10000);
    }
};

QTEST_MAIN(TestDemoStart)
#include "tst_demo_start.moc"
