// The app's watching end to end, offscreen, with `pipedeck --demo` (the in-process simulator):
// the tray menu lists the watched pipelines and its actions work; closing the window keeps
// Pipedeck in the tray when there is one (asked once) and quits without one (the tray's
// availability is injected); Preferences writes the rules and they are read back; the demo's
// watched pipeline fails and gives a notification on a real org.freedesktop.Notifications
// service of the test's own bus.
#include "support/notification_server.h"

#include "accounts/session_manager.h"
#include "gitlab/net/clock.h"
#include "models/projects/projects_model.h"
#include "pipelines/project_page.h"
#include "preferences/notifications_page.h"
#include "preferences/preferences_dialog.h"
#include "sim/demo_data.h"
#include "sim/server.h"
#include "tray/tray_icon.h"
#include "tray/tray_notifier.h"
#include "ui/account_workspace.h"
#include "ui/application.h"
#include "ui/main_window.h"
#include "watch/dbus_notifier.h"
#include "watch/notification_center.h"
#include "watch/watch_overview.h"
#include "watch/watch_store.h"
#include "watch/watcher.h"
#include "watching/watching.h"
#include "widgets/status_style.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace pipedeck;
namespace demo = pipedeck::sim::demo;

namespace {
constexpr int kTimeoutMs = 15'000;
}

class TestTrayApp : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_asked = 0;

    QString storePath() const { return m_dir->filePath(QStringLiteral("watching.json")); }
    //! --demo keeps its watches in a file of its own, next to the user's.
    QString demoStorePath() const { return m_dir->filePath(QStringLiteral("watching-demo.json")); }

    //! Starts the demo; true once it is signed in and watches its failing pipeline.
    bool startDemo(
        Application &app, bool trayAvailable, std::optional<bool> answer = true,
        Application::NotifierFactory notifier = [] { return nullptr; })
    {
        app.setTrayAvailability([trayAvailable] { return trayAvailable; });
        app.setNotifierFactory(std::move(notifier));
        app.setCloseToTrayQuestion([this, answer](QWidget *) {
            ++m_asked;
            return answer;
        });
        app.setWatchStorePath(storePath());
        if (app.start({QStringLiteral("pipedeck"), QStringLiteral("--demo")}) != -1)
            return false;
        return QTest::qWaitFor(
            [&] {
                const QString account = app.mainWindow()->currentAccountId();
                return !account.isEmpty() &&
                       app.watching()->watches().contains(account, demo::kWatchedPipelineId);
            },
            kTimeoutMs);
    }

    static QAction *windowAction(MainWindow *window, const QString &objectName)
    {
        for (QAction *action : window->findChildren<QAction *>()) {
            if (action->objectName() == objectName)
                return action;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_asked = 0;
    }
    void cleanup() { QVERIFY(QApplication::quitOnLastWindowClosed()); }

    void trayMenuListsWatchedPipelinesAndItsActionsWork()
    {
        Application app;
        QVERIFY(startDemo(app, true));
        TrayIcon *tray = app.tray();
        QVERIFY(tray);
        QVERIFY(tray->systemTrayIcon()->isVisible());
        QVERIFY(tray->systemTrayIcon()->contextMenu() == tray->menu());

        QAction *line = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(tray->pipelineActions().size() == 1, kTimeoutMs);
        line = tray->pipelineActions().constFirst();
        QVERIFY2(line->text().contains(QStringLiteral("Pipeline #5000")), qPrintable(line->text()));
        QVERIFY2(line->text().contains(QLatin1String(demo::kWatchedProjectPath)),
                 qPrintable(line->text()));
        QVERIFY2(line->text().contains(QStringLiteral("Running")), qPrintable(line->text()));
        QVERIFY(tray->menu()->actions().contains(line));
        // The worst state by the icon's shape (the running glyph), and the counts in words.
        QCOMPARE(tray->iconPath(), StatusStyle::iconPath(gitlab::CiStatus::Running));
        QVERIFY2(tray->toolTip().contains(QStringLiteral("1 running")),
                 qPrintable(tray->toolTip()));

        // A click opens the pipeline in the window.
        line->trigger();
        MainWindow *window = app.mainWindow();
        QTRY_VERIFY_WITH_TIMEOUT(
            window->currentProjectPage() &&
                window->currentProjectPage()->project().id == demo::kAndroidAppProjectId &&
                window->currentProjectPage()->currentPipelineId() == demo::kWatchedPipelineId,
            kTimeoutMs);

        // Hide / Show Window.
        QCOMPARE(tray->windowAction()->text(), QStringLiteral("Hide Window"));
        tray->windowAction()->trigger();
        QVERIFY(!window->isVisible());
        QCOMPARE(tray->windowAction()->text(), QStringLiteral("Show Window"));
        tray->windowAction()->trigger();
        QVERIFY(window->isVisible());
        QCOMPARE(tray->windowAction()->text(), QStringLiteral("Hide Window"));

        // Pausing for an hour, until tomorrow, resuming.
        watch::NotificationCenter &center = app.watching()->center();
        QVERIFY(tray->pauseHourAction()->isVisible());
        QVERIFY(!tray->resumeAction()->isVisible());
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        tray->pauseHourAction()->trigger();
        QVERIFY(center.isPaused());
        QVERIFY(center.pausedUntilMs() >= before + 60 * 60 * 1000);
        QVERIFY(center.pausedUntilMs() <= QDateTime::currentMSecsSinceEpoch() + 60 * 60 * 1000);
        QVERIFY(tray->resumeAction()->isVisible());
        QVERIFY(!tray->pauseHourAction()->isVisible());
        QVERIFY(tray->toolTip().contains(QStringLiteral("paused")));
        tray->resumeAction()->trigger();
        QVERIFY(!center.isPaused());
        tray->pauseTomorrowAction()->trigger();
        QCOMPARE(center.pausedUntilMs(),
                 watch::NotificationCenter::tomorrowMorningMs(QDateTime::currentMSecsSinceEpoch(),
                                                              QTimeZone::systemTimeZone()));
        tray->resumeAction()->trigger();

        // Quit closes the window for good (and with it the app), also from the tray.
        tray->windowAction()->trigger();
        QVERIFY(!window->isVisible());
        QSignalSpy closing(window, &MainWindow::closing);
        tray->quitAction()->trigger();
        QCOMPARE(closing.count(), 1);
        QCOMPARE(m_asked, 0);
    }

    void closingKeepsPipedeckInTheTrayAskedOnce()
    {
        Application app;
        QVERIFY(startDemo(app, true, true));
        MainWindow *window = app.mainWindow();
        QSignalSpy closing(window, &MainWindow::closing);
        QVERIFY(!QApplication::quitOnLastWindowClosed()); // a hidden window is no reason to end

        QVERIFY(!window->close());
        QCOMPARE(m_asked, 1);
        QVERIFY(!window->isVisible());
        QCOMPARE(closing.count(), 0);
        QVERIFY(app.tray()->systemTrayIcon()->isVisible());
        QCOMPARE(app.watching()->store().closeToTray(), std::optional<bool>(true));
        QCOMPARE(app.tray()->windowAction()->text(), QStringLiteral("Show Window"));
        // The choice is in the watch settings file.
        watch::WatchStore reread(demoStorePath());
        QVERIFY(reread.load());
        QCOMPARE(reread.closeToTray(), std::optional<bool>(true));

        // Asked once: the next close goes to the tray straight away.
        app.tray()->windowAction()->trigger();
        QVERIFY(window->isVisible());
        QVERIFY(!window->close());
        QCOMPARE(m_asked, 1);
        QVERIFY(!window->isVisible());
        QCOMPARE(closing.count(), 0);
    }

    void anAccountThatLeavesTakesItsWatches()
    {
        Application app;
        QVERIFY(startDemo(app, true));
        const QString account = app.mainWindow()->currentAccountId();
        QTRY_COMPARE_WITH_TIMEOUT(app.tray()->pipelineActions().size(), 1, kTimeoutMs);
        watch::WatchRules own;
        own.onlyMine = false;
        own.branchGlobs = {QStringLiteral("release/*")};
        app.watching()->store().setRules(account, own);
        app.sessions()->signOut(account);
        QVERIFY(!app.watching()->watches().contains(account, demo::kWatchedPipelineId));
        QVERIFY(!app.watching()->hasAccount(account));
        QVERIFY(app.tray()->pipelineActions().isEmpty());
        watch::WatchStore reread(demoStorePath());
        QVERIFY(reread.load());
        QCOMPARE(reread.watches().size(), 0);
        // Its rules leave with it: nothing of the account is left in the file.
        QCOMPARE(reread.rules(account), watch::WatchRules{});
        QFile file(demoStorePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("release/*"));
    }

    void answeringQuitQuits()
    {
        Application app;
        QVERIFY(startDemo(app, true, false));
        MainWindow *window = app.mainWindow();
        QSignalSpy closing(window, &MainWindow::closing);
        QVERIFY(window->close());
        QCOMPARE(m_asked, 1);
        QCOMPARE(closing.count(), 1);
        QCOMPARE(app.watching()->store().closeToTray(), std::optional<bool>(false));
    }

    void cancelingTheQuestionKeepsTheWindow()
    {
        Application app;
        QVERIFY(startDemo(app, true, std::nullopt));
        MainWindow *window = app.mainWindow();
        QSignalSpy closing(window, &MainWindow::closing);
        QVERIFY(!window->close());
        QVERIFY(window->isVisible());
        QCOMPARE(closing.count(), 0);
        QVERIFY(!app.watching()->store().closeToTray());
    }

    void withoutATrayClosingQuitsAsBefore()
    {
        Application app;
        QVERIFY(startDemo(app, false));
        QVERIFY(!app.tray());
        QVERIFY(app.watching()->isActive());
        QVERIFY(QApplication::quitOnLastWindowClosed());
        MainWindow *window = app.mainWindow();
        QSignalSpy closing(window, &MainWindow::closing);
        QVERIFY(window->close());
        QCOMPARE(closing.count(), 1);
        QVERIFY(!window->isVisible());
        QCOMPARE(m_asked, 0);
    }

    void preferencesWriteTheRulesAndTheyAreReadBack()
    {
        Application app;
        QVERIFY(startDemo(app, false));
        const QString account = app.mainWindow()->currentAccountId();
        QTRY_VERIFY_WITH_TIMEOUT(app.workspace(account)->projects()->rowCount() >= 5, kTimeoutMs);
        QAction *open = windowAction(app.mainWindow(), QStringLiteral("preferences"));
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::Preferences));
        open->trigger();
        PreferencesDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = app.mainWindow()->findChild<PreferencesDialog *>()) != nullptr);
        QVERIFY(dialog->isVisible());
        NotificationsPage *page = dialog->notificationsPage();
        QCOMPARE(page->accountBox()->currentData().toString(), account);
        // The defaults: my pipelines, failures and manual jobs waiting.
        QVERIFY(page->enabledBox()->isChecked());
        QVERIFY(page->onlyMineBox()->isChecked());
        QVERIFY(page->outcomeBox(watch::Outcome::Failed)->isChecked());
        QVERIFY(page->outcomeBox(watch::Outcome::ManualWaiting)->isChecked());
        QVERIFY(!page->outcomeBox(watch::Outcome::Succeeded)->isChecked());
        QCOMPARE(page->closeToTrayBox()->currentIndex(), 0); // Ask

        page->onlyMineBox()->setChecked(false);
        page->branchesEdit()->setText(QStringLiteral("main, release/*,  main"));
        page->sourcesEdit()->setText(QStringLiteral("push,schedule"));
        page->outcomeBox(watch::Outcome::Succeeded)->setChecked(true);
        page->outcomeBox(watch::Outcome::ManualWaiting)->setChecked(false);
        page->outcomeBox(watch::Outcome::LongRunning)->setChecked(true);
        page->longRunningMinutesBox()->setValue(45);
        page->closeToTrayBox()->setCurrentIndex(1); // keep in the tray
        // The account's projects are there to tick; none is ticked by default.
        QListWidgetItem *etl = nullptr;
        for (int row = 0; row < page->projectsList()->count(); ++row) {
            QListWidgetItem *item = page->projectsList()->item(row);
            QCOMPARE(item->checkState(), Qt::Unchecked);
            if (item->data(Qt::UserRole).toLongLong() == demo::kEtlProjectId)
                etl = item;
        }
        QVERIFY(etl);
        QCOMPARE(etl->text(), QStringLiteral("data/etl"));
        etl->setCheckState(Qt::Checked);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY(!app.mainWindow()->findChild<PreferencesDialog *>());

        watch::WatchRules expected;
        expected.onlyMine = false;
        expected.branchGlobs = {QStringLiteral("main"), QStringLiteral("release/*")};
        expected.sources = {QStringLiteral("push"), QStringLiteral("schedule")};
        expected.outcomes =
            watch::Outcome::Failed | watch::Outcome::Succeeded | watch::Outcome::LongRunning;
        expected.longRunningMinutes = 45;
        expected.projects = {demo::kEtlProjectId};
        watch::WatchStore reread(demoStorePath());
        QVERIFY(reread.load());
        QCOMPARE(reread.rules(account), expected);
        QCOMPARE(reread.closeToTray(), std::optional<bool>(true));
        // The account's watcher works by them at once (plus the projects opened).
        const watch::WatchRules inForce = app.watching()->watcher(account)->rules();
        QCOMPARE(inForce.branchGlobs, expected.branchGlobs);
        QCOMPARE(inForce.outcomes, expected.outcomes);
        QVERIFY(!inForce.onlyMine);
        QVERIFY(inForce.projects.contains(demo::kEtlProjectId));
        QVERIFY(app.watching()->watcher(account)->scannedProjects().contains(demo::kEtlProjectId));

        // Opened again, the dialog shows what was written.
        open->trigger();
        QTRY_VERIFY((dialog = app.mainWindow()->findChild<PreferencesDialog *>()) != nullptr);
        page = dialog->notificationsPage();
        QCOMPARE(page->branchesEdit()->text(), QStringLiteral("main, release/*"));
        QVERIFY(!page->onlyMineBox()->isChecked());
        QCOMPARE(page->longRunningMinutesBox()->value(), 45);
        QCOMPARE(page->closeToTrayBox()->currentIndex(), 1);
        bool etlTicked = false;
        for (int row = 0; row < page->projectsList()->count(); ++row) {
            const QListWidgetItem *item = page->projectsList()->item(row);
            if (item->data(Qt::UserRole).toLongLong() == demo::kEtlProjectId)
                etlTicked = item->checkState() == Qt::Checked;
        }
        QVERIFY(etlTicked);
        dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
    }

    void theDemosWatchedPipelineFailsWithANotification()
    {
        watchtest::PrivateNotificationBus bus;
        QString error;
        QVERIFY2(bus.start({QStringLiteral("actions"), QStringLiteral("body")}, &error),
                 qPrintable(error));
        Application app;
        QVERIFY(startDemo(app, false, true,
                          [&bus] { return std::make_unique<watch::DBusNotifier>(bus.client()); }));
        const QString account = app.mainWindow()->currentAccountId();
        // The watcher's first listing has seen the pipeline running (the listing has its URL).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const watch::WatchedPipeline &seen : app.watching()->overview().pipelines()) {
                    if (seen.pipeline.id == demo::kWatchedPipelineId &&
                        seen.pipeline.webUrl.isValid())
                        return seen.pipeline.status == gitlab::CiStatus::Running;
                }
                return false;
            }(),
            kTimeoutMs);
        QCOMPARE(bus.server().callCount(), 0);

        // A minute and a bit later (simulated) it has failed; the watcher's next poll tells it.
        app.demoServer()->advance(90);
        app.watching()->watcher(account)->pollAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(bus.server().callCount(), 1, kTimeoutMs);
        const watchtest::NotifyCall call = bus.server().calls().constFirst();
        QCOMPARE(call.summary, QStringLiteral("Pipeline #5000 failed"));
        QVERIFY2(call.body.contains(QLatin1String(demo::kWatchedProjectPath)),
                 qPrintable(call.body));
        QVERIFY(call.actions.contains(QStringLiteral("retry")));
        QVERIFY(call.actions.contains(QStringLiteral("log")));
        // The watch ended with its pipeline.
        QVERIFY(!app.watching()->watches().contains(account, demo::kWatchedPipelineId));

        // A click on it opens the pipeline in the window.
        bus.invokeAction(call.id, QStringLiteral("default"));
        MainWindow *window = app.mainWindow();
        QTRY_VERIFY_WITH_TIMEOUT(window->currentProjectPage() &&
                                     window->currentProjectPage()->currentPipelineId() ==
                                         demo::kWatchedPipelineId,
                                 kTimeoutMs);
        QVERIFY(bus.barrier());
        QCOMPARE(bus.server().callCount(), 1);
    }

    void trayBalloonsSayWhatANotificationSaysAndAClickOpens()
    {
        gitlab::ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        TrayIcon tray;
        TrayNotifier notifier(tray.systemTrayIcon());
        QVERIFY(!notifier.supportsActions());
        watch::NotificationCenter center(&notifier, &clock);
        QSignalSpy opened(&center, &watch::NotificationCenter::openPipelineRequested);
        watch::WatchEvent event;
        event.accountId = QStringLiteral("acc");
        event.outcome = watch::Outcome::Failed;
        event.pipeline.id = 812;
        event.pipeline.projectId = 7;
        event.pipeline.status = gitlab::CiStatus::Failed;
        event.projectPath = QStringLiteral("team/svc");
        event.explicitWatch = true;
        center.post(event);
        clock.advance(2'000); // the coalescing window
        QTRY_COMPARE(notifier.shownKey(), watch::NotificationCenter::keyFor(event.accountId, 812));
        Q_EMIT tray.systemTrayIcon()->messageClicked();
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(0).toString(), event.accountId);
        QCOMPARE(opened.first().at(1).toLongLong(), 7);
        QCOMPARE(opened.first().at(2).toLongLong(), 812);
        notifier.withdraw(notifier.shownKey());
        Q_EMIT tray.systemTrayIcon()->messageClicked(); // nothing on screen: nothing to open
        QCOMPARE(opened.count(), 1);
    }

    // Last: it points the process's session bus at a bus of the test's own.
    void theNotifierIsChosenAtRunTime()
    {
        watchtest::PrivateNotificationBus bus;
        QString error;
        bus.setServiceActivation(false);
        QVERIFY2(bus.start({QStringLiteral("actions")}, &error, false), qPrintable(error));
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus.address().toUtf8());
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        {
            // No notification server on the bus, a tray: the tray's balloons.
            Application app;
            QVERIFY(startDemo(app, true, true, {}));
            auto *balloons = qobject_cast<TrayNotifier *>(app.watching()->notifier());
            QVERIFY(balloons);
            const QString account = app.mainWindow()->currentAccountId();
            app.demoServer()->advance(90);
            app.watching()->watcher(account)->pollAllNow();
            QTRY_COMPARE_WITH_TIMEOUT(
                balloons->shownKey(),
                watch::NotificationCenter::keyFor(account, demo::kWatchedPipelineId), kTimeoutMs);
            Q_EMIT app.tray()->systemTrayIcon()->messageClicked();
            MainWindow *window = app.mainWindow();
            QTRY_VERIFY_WITH_TIMEOUT(window->currentProjectPage() &&
                                         window->currentProjectPage()->currentPipelineId() ==
                                             demo::kWatchedPipelineId,
                                     kTimeoutMs);
        }
        {
            // No tray to fall back on: D-Bus (a server starting later is found).
            Application app;
            QVERIFY(startDemo(app, false, true, {}));
            QVERIFY(qobject_cast<watch::DBusNotifier *>(app.watching()->notifier()));
        }
        QVERIFY(bus.registerServer(&error));
        {
            // A notification server and a tray: D-Bus, with its buttons.
            Application app;
            QVERIFY(startDemo(app, true, true, {}));
            QVERIFY(qobject_cast<watch::DBusNotifier *>(app.watching()->notifier()));
        }
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }
};

QTEST_MAIN(TestTrayApp)
#include "tst_tray_app.moc"
