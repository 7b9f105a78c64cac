// The watcher against pipedeck-sim (simulated time, moved by the test) and the notifications
// on a real org.freedesktop.Notifications service of the test's own private bus.
#include "watch_fixture.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace pipedeck;
using namespace watchtest;
using gitlab::CiStatus;
using namespace Qt::StringLiterals;

class TestWatchNotify : public QObject
{
    Q_OBJECT

    std::unique_ptr<WatchFixture> m_f;

    void startFixture(const QStringList &capabilities = {QStringLiteral("actions"),
                                                         QStringLiteral("body")},
                      const QString &token = kWriterToken)
    {
        m_f = std::make_unique<WatchFixture>();
        QString error;
        QVERIFY2(m_f->start(&error, capabilities, token), qPrintable(error));
    }

    watch::WatchRules myPipelinesIn(const QList<qint64> &projects)
    {
        watch::WatchRules rules;
        rules.projects = projects;
        return rules; // the default: my pipelines, failures and manual jobs waiting
    }

private Q_SLOTS:
    void cleanup() { m_f.reset(); }

    void watchedPipelineThatFailsGivesOneNotification()
    {
        startFixture();
        const qint64 project = m_f->projects.first();
        const qint64 id = m_f->createPipeline(project, 60, QStringLiteral("failed"));
        m_f->run(5'000);
        QCOMPARE(m_f->statusOf(id), CiStatus::Running);
        QVERIFY(m_f->watches->add(m_f->watchOf(project, id)));
        m_f->run(3 * 60'000, 5'000);
        QCOMPARE(m_f->statusOf(id), CiStatus::Failed);

        QTRY_COMPARE(m_f->bus.server().callCount(), 1);
        QVERIFY(m_f->bus.barrier());
        const NotifyCall call = m_f->bus.server().calls().first();
        QCOMPARE(m_f->bus.server().callCount(), 1);
        QCOMPARE(call.appName, QStringLiteral("Pipedeck"));
        QCOMPARE(call.summary, QStringLiteral("Pipeline #%1 failed").arg(id));
        QCOMPARE(call.body, QStringLiteral("team/svc1 · main"));
        QCOMPARE(call.actions,
                 (QStringList{u"default"_s, u"Open Pipeline"_s, u"open"_s, u"Open Pipeline"_s,
                              u"retry"_s, u"Retry Failed Jobs"_s, u"log"_s, u"Open Log"_s}));
        QCOMPARE(call.replacesId, 0u);
        QCOMPARE(call.hints.value(u"urgency"_s).toInt(), 2);
        QCOMPARE(call.hints.value(u"desktop-entry"_s).toString(), QStringLiteral("pipedeck"));
        // The watch ended with its pipeline.
        QVERIFY(!m_f->watches->contains(kAccount, id));
        // Nothing more while time goes on.
        m_f->run(5 * 60'000, 10'000);
        QVERIFY(m_f->bus.barrier());
        QCOMPARE(m_f->bus.server().callCount(), 1);
    }

    void retryFromTheNotificationSendsOnePost()
    {
        startFixture();
        const qint64 project = m_f->projects.first();
        const qint64 id = m_f->createPipeline(project, 60, QStringLiteral("failed"));
        m_f->run(5'000);
        QVERIFY(m_f->watches->add(m_f->watchOf(project, id)));
        m_f->run(3 * 60'000, 5'000);
        QTRY_COMPARE(m_f->bus.server().callCount(), 1);
        const uint notificationId = m_f->bus.server().calls().first().id;

        QSignalSpy finished(m_f->center.get(), &watch::NotificationCenter::actionFinished);
        const QString retryPath = QStringLiteral("/pipelines/%1/retry").arg(id);
        // A double click on the button: one POST.
        m_f->bus.invokeAction(notificationId, QStringLiteral("retry"));
        m_f->bus.invokeAction(notificationId, QStringLiteral("retry"));
        QTRY_COMPARE(finished.size(), 1);
        m_f->settle();
        QCOMPARE(m_f->count("POST", retryPath), 1);
        QVERIFY(finished.first().first().value<actions::ActionResult>().ok());
        QVERIFY(gitlab::isActive(m_f->statusOf(id))); // GitLab runs the failed job again
        // The notification says so (the server had closed it on the click: a new one).
        QTRY_COMPARE(m_f->bus.server().callCount(), 2);
        const NotifyCall told = m_f->bus.server().calls().last();
        QCOMPARE(told.summary, QStringLiteral("Pipeline #%1: failed jobs retried").arg(id));
        QVERIFY(!told.actions.contains(u"retry"_s));
        m_f->run(60'000, 5'000);
        QCOMPARE(m_f->count("POST", retryPath), 1);
    }

    void serverWithoutActionsGetsNoButtons()
    {
        startFixture({QStringLiteral("body"), QStringLiteral("body-markup")});
        const qint64 project = m_f->projects.first();
        m_f->watcher->setRules(myPipelinesIn({project}));
        m_f->run(10'000);
        const qint64 id =
            m_f->createPipeline(project, 30, QStringLiteral("failed"), QStringLiteral("demo"),
                                false, QStringLiteral("feature/<b>bold</b>&co"));
        m_f->run(2 * 60'000, 5'000);
        QTRY_COMPARE(m_f->bus.server().callCount(), 1);
        const NotifyCall call = m_f->bus.server().calls().first();
        QCOMPARE(call.summary, QStringLiteral("Pipeline #%1 failed").arg(id));
        QVERIFY(call.actions.isEmpty());
        // body-markup: GitLab's text is escaped, never rendered as markup.
        QCOMPARE(call.body, QStringLiteral("team/svc1 · feature/&lt;b&gt;bold&lt;/b&gt;&amp;co"));
    }

    void aServerThatStartsLaterIsAskedAgain()
    {
        PrivateNotificationBus bus;
        QString error;
        QVERIFY2(bus.start({QStringLiteral("actions")}, &error, false), qPrintable(error));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("no notification server")));
        watch::DBusNotifier notifier(bus.client());
        QTRY_VERIFY(notifier.capabilitiesKnown()); // nobody answered
        QVERIFY(!notifier.supportsActions());
        QSignalSpy changed(&notifier, &watch::Notifier::capabilitiesChanged);
        QVERIFY2(bus.registerServer(&error), qPrintable(error));
        QTRY_VERIFY(notifier.supportsActions());
        QVERIFY(!changed.isEmpty());
        watch::Notification notification;
        notification.key = QStringLiteral("k");
        notification.title = QStringLiteral("t");
        notification.actions = {{QStringLiteral("open"), QStringLiteral("Open Pipeline")}};
        notifier.show(notification);
        QTRY_COMPARE(bus.server().callCount(), 1);
        QCOMPARE(bus.server().calls().first().actions,
                 (QStringList{QStringLiteral("open"), QStringLiteral("Open Pipeline")}));
    }

    void readOnlyTokenIsNotOfferedRetry()
    {
        startFixture({QStringLiteral("actions")}, kReaderToken);
        const qint64 project = m_f->projects.first();
        m_f->watcher->setRules(myPipelinesIn({project}));
        m_f->run(10'000);
        m_f->createPipeline(project, 30, QStringLiteral("failed"));
        m_f->run(2 * 60'000, 5'000);
        QTRY_COMPARE(m_f->bus.server().callCount(), 1);
        const QStringList actions = m_f->bus.server().calls().first().actions;
        QVERIFY(actions.contains(u"log"_s));
        QVERIFY(!actions.contains(u"retry"_s));
    }

    void rulesPickMyPipelinesOnMatchingBranches()
    {
        startFixture();
        const qint64 project = m_f->projects.first();
        watch::WatchRules rules = myPipelinesIn({project});
        rules.branchGlobs = {QStringLiteral("release/*")};
        rules.outcomes = watch::Outcome::Failed | watch::Outcome::Succeeded;
        m_f->watcher->setRules(rules);
        m_f->run(10'000);
        QSignalSpy transitions(m_f->watcher.get(), &watch::Watcher::transition);
        const qint64 mine =
            m_f->createPipeline(project, 30, QStringLiteral("success"), QStringLiteral("demo"),
                                false, QStringLiteral("release/2.1"));
        m_f->createPipeline(project, 30, QStringLiteral("failed"), QStringLiteral("alice"), false,
                            QStringLiteral("release/2.1"));
        m_f->createPipeline(project, 30, QStringLiteral("failed"), QStringLiteral("demo"), false,
                            QStringLiteral("main"));
        m_f->run(2 * 60'000, 5'000);
        QCOMPARE(transitions.size(), 1);
        const auto event = transitions.first().first().value<watch::WatchEvent>();
        QCOMPARE(event.pipeline.id, mine);
        QCOMPARE(event.outcome, watch::Outcome::Succeeded);
        QCOMPARE(event.previous, CiStatus::Created);
        QTRY_COMPARE(m_f->bus.server().callCount(), 1);
        QCOMPARE(m_f->bus.server().calls().first().summary,
                 QStringLiteral("Pipeline #%1 passed").arg(mine));
        QCOMPARE(m_f->bus.server().calls().first().hints.value(u"urgency"_s).toInt(), 1);
        // "My pipelines" is asked of GitLab, not filtered here.
        QVERIFY(m_f->count("GET", QStringLiteral("username=demo")) > 0);
    }

    void manualJobWaitingOffersPlayAndUpdatesInPlace()
    {
        startFixture();
        const qint64 project = m_f->projects.first();
        m_f->watcher->setRules(myPipelinesIn({project}));
        m_f->run(10'000);
        const qint64 id = m_f->createPipeline(project, 20, QStringLiteral("success"),
                                              QStringLiteral("demo"), true);
        m_f->run(2 * 60'000, 5'000);
        QCOMPARE(m_f->statusOf(id), CiStatus::Manual);
        QTRY_COMPARE(m_f->bus.server().callCount(), 1);
        const NotifyCall waiting = m_f->bus.server().calls().first();
        QCOMPARE(waiting.summary,
                 QStringLiteral("Pipeline #%1 is waiting for a manual job").arg(id));
        QVERIFY(waiting.actions.contains(u"play"_s));
        QCOMPARE(waiting.hints.value(u"urgency"_s).toInt(), 1);

        const sim::Job *deploy = nullptr;
        for (const sim::Job *job : m_f->server->world().jobsOfPipeline(id, false, false)) {
            if (job->spec.name == QLatin1String("deploy"))
                deploy = job;
        }
        QVERIFY(deploy);
        const qint64 deployId = deploy->id;
        // This server leaves the notification open after a click: the update replaces it.
        QMetaObject::invokeMethod(
            &m_f->bus.server(),
            [server = &m_f->bus.server(), id = waiting.id] {
                Q_EMIT server->ActionInvoked(id, QStringLiteral("play"));
            },
            Qt::BlockingQueuedConnection);
        QTRY_COMPARE(m_f->count("POST", QStringLiteral("/jobs/%1/play").arg(deployId)), 1);
        QTRY_COMPARE(m_f->bus.server().callCount(), 2);
        const NotifyCall started = m_f->bus.server().calls().last();
        QCOMPARE(started.summary, QStringLiteral("Pipeline #%1: manual job started").arg(id));
        QCOMPARE(started.replacesId, waiting.id);
        // The played job fails: the same notification again.
        m_f->run(2 * 60'000, 5'000);
        QTRY_COMPARE(m_f->bus.server().callCount(), 3);
        const NotifyCall failed = m_f->bus.server().calls().last();
        QCOMPARE(failed.summary, QStringLiteral("Pipeline #%1 failed").arg(id));
        QCOMPARE(failed.replacesId, waiting.id);
        QCOMPARE(m_f->count("POST", QStringLiteral("/play")), 1);
    }

    void openLogAsksForTheFirstFailedJob()
    {
        startFixture();
        const qint64 project = m_f->projects.first();
        m_f->watcher->setRules(myPipelinesIn({project}));
        m_f->run(10'000);
        const qint64 id = m_f->createPipeline(project, 30, QStringLiteral("failed"));
        m_f->run(2 * 60'000, 5'000);
        QTRY_COMPARE(m_f->bus.server().callCount(), 1);
        QSignalSpy openLog(m_f->center.get(), &watch::NotificationCenter::openJobLogRequested);
        QSignalSpy open(m_f->center.get(), &watch::NotificationCenter::openPipelineRequested);
        const uint notificationId = m_f->bus.server().calls().first().id;
        QMetaObject::invokeMethod(
            &m_f->bus.server(),
            [server = &m_f->bus.server(), notificationId] {
                Q_EMIT server->ActionInvoked(notificationId, QStringLiteral("log"));
                Q_EMIT server->ActionInvoked(notificationId, QStringLiteral("default"));
            },
            Qt::BlockingQueuedConnection);
        QTRY_COMPARE(openLog.size(), 1);
        const qint64 job = m_f->server->world().jobsOfPipeline(id, false, false).first()->id;
        QCOMPARE(openLog.first().at(2).toLongLong(), job);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().at(2).toLongLong(), id);
        QCOMPARE(m_f->count("POST", QString()), 0);
    }

    void runningTooLongIsToldOnce()
    {
        startFixture();
        const qint64 project = m_f->projects.first();
        watch::WatchRules rules = myPipelinesIn({project});
        rules.outcomes = watch::Outcome::LongRunning;
        rules.longRunningMinutes = 5;
        m_f->watcher->setRules(rules);
        m_f->run(10'000);
        const qint64 id = m_f->createPipeline(project, 20 * 60, QStringLiteral("success"));
        m_f->run(4 * 60'000, 5'000);
        QVERIFY(m_f->bus.barrier());
        QCOMPARE(m_f->bus.server().callCount(), 0);
        m_f->run(6 * 60'000, 5'000);
        QCOMPARE(m_f->statusOf(id), CiStatus::Running);
        QTRY_COMPARE(m_f->bus.server().callCount(), 1);
        const QString title = m_f->bus.server().calls().first().summary;
        QVERIFY2(title.startsWith(QStringLiteral("Pipeline #%1 has been running for ").arg(id)),
                 qPrintable(title));
        QCOMPARE(m_f->bus.server().calls().first().body, QStringLiteral("team/svc1 · main"));
        m_f->run(5 * 60'000, 5'000);
        QVERIFY(m_f->bus.barrier());
        QCOMPARE(m_f->bus.server().callCount(), 1);
    }

    void aWatchedChildPipelineIsListedWithItsSource()
    {
        startFixture();
        const qint64 project = m_f->projects.first();
        sim::PipelineSpec spec;
        spec.username = QStringLiteral("alice");
        sim::JobSpec build;
        build.name = QStringLiteral("build");
        build.durationSeconds = 10;
        build.generateTrace = false;
        sim::JobSpec childJob;
        childJob.name = QStringLiteral("child-test");
        childJob.durationSeconds = 90;
        childJob.outcome = QStringLiteral("failed");
        childJob.generateTrace = false;
        sim::JobSpec trigger;
        trigger.name = QStringLiteral("to-child");
        trigger.stage = QStringLiteral("downstream");
        trigger.bridge = true;
        trigger.downstreamJobs = {childJob};
        build.stage = QStringLiteral("build");
        spec.jobs = {build, trigger};
        const qint64 parent = m_f->server->world().createPipeline(project, spec).id;
        m_f->run(30'000);
        qint64 child = 0;
        for (const sim::Pipeline *pipeline : m_f->server->world().pipelinesOfProject(project)) {
            if (pipeline->child)
                child = pipeline->id;
        }
        QVERIFY(child && child != parent);
        watch::PipelineWatch watch = m_f->watchOf(project, child);
        watch.child = true;
        QVERIFY(m_f->watches->add(watch));
        m_f->run(3 * 60'000, 5'000);
        QCOMPARE(m_f->statusOf(child), CiStatus::Failed);
        QTRY_COMPARE(m_f->bus.server().callCount(), 1);
        QCOMPARE(m_f->bus.server().calls().first().summary,
                 QStringLiteral("Pipeline #%1 failed").arg(child));
        QVERIFY(m_f->count("GET", QStringLiteral("source=parent_pipeline")) > 0);
        QVERIFY(!m_f->watches->contains(kAccount, child));
    }

    void aBurstIsOneSummary()
    {
        startFixture();
        m_f->watcher->setRules(myPipelinesIn(m_f->projects));
        m_f->run(10'000);
        QList<qint64> ids;
        for (const qint64 project : std::as_const(m_f->projects)) {
            for (int i = 0; i < 4; ++i)
                ids.append(m_f->createPipeline(project, 60, QStringLiteral("failed")));
        }
        QSignalSpy transitions(m_f->watcher.get(), &watch::Watcher::transition);
        m_f->run(3 * 60'000, 5'000);
        QCOMPARE(transitions.size(), 20);
        QTRY_COMPARE(m_f->bus.server().callCount(), 1);
        QVERIFY(m_f->bus.barrier());
        QCOMPARE(m_f->bus.server().callCount(), 1);
        const NotifyCall summary = m_f->bus.server().calls().first();
        QCOMPARE(summary.summary, QStringLiteral("20 pipelines failed"));
        QCOMPARE(summary.body.count(QLatin1Char('\n')), 5); // five lines and "and 15 more"
        QVERIFY(summary.body.endsWith(QStringLiteral("and 15 more")));
        QCOMPARE(summary.hints.value(u"urgency"_s).toInt(), 2);
        QSignalSpy showAll(m_f->center.get(), &watch::NotificationCenter::openWatchedRequested);
        m_f->bus.invokeAction(summary.id, QStringLiteral("default"));
        QTRY_COMPARE(showAll.size(), 1);
    }

    void pausedMeansNone()
    {
        startFixture();
        const qint64 project = m_f->projects.first();
        m_f->watcher->setRules(myPipelinesIn({project}));
        m_f->run(10'000);
        QSignalSpy transitions(m_f->watcher.get(), &watch::Watcher::transition);
        m_f->center->pauseFor(60 * 60'000);
        QVERIFY(m_f->center->isPaused());
        m_f->createPipeline(project, 30, QStringLiteral("failed"));
        m_f->run(2 * 60'000, 5'000);
        QCOMPARE(transitions.size(), 1); // seen...
        QVERIFY(m_f->bus.barrier());
        QCOMPARE(m_f->bus.server().callCount(), 0); // ...and not told

        m_f->run(60 * 60'000, 60'000); // the hour ends
        QVERIFY(!m_f->center->isPaused());
        const qint64 later = m_f->createPipeline(project, 30, QStringLiteral("failed"));
        m_f->run(2 * 60'000, 5'000);
        QTRY_COMPARE(m_f->bus.server().callCount(), 1);
        QCOMPARE(m_f->bus.server().calls().first().summary,
                 QStringLiteral("Pipeline #%1 failed").arg(later));
    }

    void pauseUntilTomorrowMorning()
    {
        const QTimeZone utc = QTimeZone::utc();
        QCOMPARE(watch::NotificationCenter::tomorrowMorningMs(kStart.toMSecsSinceEpoch(), utc),
                 QDateTime(QDate(2026, 1, 16), QTime(8, 0), utc).toMSecsSinceEpoch());
        // Just after midnight it is still "tomorrow", not in eight hours.
        const QDateTime night(QDate(2026, 1, 15), QTime(0, 30), utc);
        QCOMPARE(watch::NotificationCenter::tomorrowMorningMs(night.toMSecsSinceEpoch(), utc),
                 QDateTime(QDate(2026, 1, 16), QTime(8, 0), utc).toMSecsSinceEpoch());
        gitlab::ManualClock clock(kStart.toMSecsSinceEpoch());
        watch::NotificationCenter center(nullptr, &clock);
        QSignalSpy paused(&center, &watch::NotificationCenter::pausedChanged);
        center.pauseUntilTomorrow(utc);
        QCOMPARE(paused.size(), 1);
        QCOMPARE(paused.first().first().toBool(), true);
        clock.advance(19 * 60 * 60'000 + 59 * 60'000);
        QVERIFY(center.isPaused());
        QCOMPARE(paused.size(), 1);
        clock.advance(60'000);
        QVERIFY(!center.isPaused());
        // The end of the pause is told (the tray's menu offers Pause again).
        QCOMPARE(paused.size(), 2);
        QCOMPARE(paused.last().first().toBool(), false);
    }

    void anOutageBacksOffAndCatchesUpAfterwards()
    {
        startFixture();
        const qint64 project = m_f->projects.first();
        m_f->watcher->setRules(myPipelinesIn({project}));
        m_f->run(10'000);
        const qint64 id = m_f->createPipeline(project, 60, QStringLiteral("failed"));
        sim::FaultRule outage;
        outage.method = "GET";
        outage.path = QRegularExpression(QStringLiteral("^/api/v4/projects/\\d+/pipelines$"));
        outage.kind = sim::FaultKind::ServerError;
        outage.status = 503;
        outage.times = -1;
        m_f->server->addFault(outage);
        m_f->stamped.clear();
        m_f->run(10 * 60'000, 2'000);
        const qsizetype during = m_f->stamped.size();
        qInfo() << "requests during a 10 min outage:" << during;
        // Retried and backed off: a few dozen at most, not a storm (one every 2 s would be
        // 300, every retry of every poll without backoff far more).
        QVERIFY(during > 0);
        QVERIFY2(during <= 40, qPrintable(QString::number(during)));
        QVERIFY(m_f->bus.barrier());
        QCOMPARE(m_f->bus.server().callCount(), 0);
        m_f->server->clearFaults();
        m_f->run(5 * 60'000, 5'000);
        QTRY_COMPARE(m_f->bus.server().callCount(), 1);
        QCOMPARE(m_f->bus.server().calls().first().summary,
                 QStringLiteral("Pipeline #%1 failed").arg(id));
    }

    void twentyWatchesInFiveProjectsStayWithinTheBudget()
    {
        startFixture();
        QList<qint64> ids;
        for (int i = 0; i < 20; ++i) {
            const qint64 project = m_f->projects.at(i % 5);
            ids.append(
                m_f->createPipeline(project, 120 + 37 * i, i % 3 ? u"success"_s : u"failed"_s));
        }
        m_f->run(5'000);
        for (int i = 0; i < 20; ++i)
            QVERIFY(m_f->watches->add(m_f->watchOf(m_f->projects.at(i % 5), ids.at(i))));
        QSignalSpy transitions(m_f->watcher.get(), &watch::Watcher::transition);
        m_f->stamped.clear();
        m_f->run(20 * 60'000, 2'000);
        // Every pipeline's end was seen, and every watch ended with it.
        QCOMPARE(transitions.size(), 20);
        QCOMPARE(m_f->watches->size(), 0);
        const int most = m_f->maxRequestsPerMinute();
        qInfo() << "20 watches, 5 projects:" << m_f->stamped.size()
                << "requests in 20 simulated minutes, at most" << most << "in a minute";
        QVERIFY2(most <= 60, qPrintable(QString::number(most)));
        // Coalesced: one listing per project per poll, not one request per watch.
        QVERIFY2(most <= 5 * 2 + 5, qPrintable(QString::number(most)));
        QVERIFY(m_f->stamped.size() > 0);
        for (const StampedRequest &request : std::as_const(m_f->stamped))
            QVERIFY2(request.request.target.contains("/pipelines?"),
                     request.request.target.constData());
    }

    void unchangedProjectsAnswer304()
    {
        startFixture();
        const qint64 project = m_f->projects.first();
        const qint64 id = m_f->createPipeline(project, 30 * 60, QStringLiteral("success"));
        m_f->run(5'000);
        QVERIFY(m_f->watches->add(m_f->watchOf(project, id)));
        m_f->run(60'000, 5'000); // learns the listing
        // The job runs for half an hour: the pipeline does not change meanwhile.
        m_f->stamped.clear();
        m_f->run(5 * 60'000, 5'000);
        QVERIFY(!m_f->stamped.isEmpty());
        for (const StampedRequest &request : std::as_const(m_f->stamped)) {
            QCOMPARE(request.request.status, 304);
            QVERIFY(request.request.target.contains("updated_after="));
        }
    }
};

QTEST_GUILESS_MAIN(TestWatchNotify)
#include "tst_watch_notify.moc"
