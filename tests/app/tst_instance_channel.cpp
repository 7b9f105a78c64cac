// One Pipedeck per user session: a later `pipedeck URL` or `pipedeck FILE` (the real binary, in
// a process of its own) hands its target to the running app over the local socket and exits;
// the running app opens it. Also the channel alone: no running app, a stale socket file.
#include "logview/log_viewer_window.h"
#include "pipelines/project_page.h"
#include "quiet_server_options.h"
#include "sim/demo_data.h"
#include "sim/server.h"
#include "ui/application.h"
#include "ui/instance_channel.h"
#include "ui/main_window.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace pipedeck;
namespace demo = pipedeck::sim::demo;

namespace {

const QString kEnvToken = QStringLiteral("instance-channel-env-token");

// Runs the real `pipedeck` with `arguments` in `workingDirectory` and the same runtime folder
// as this process (so its InstanceChannel::defaultName() is ours); its exit code, or -1.
int runPipedeck(const QStringList &arguments, const QString &workingDirectory)
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(QStringLiteral(PIPEDECK_BINARY), arguments);
    // Its hand-over needs our event loop to answer: keep it turning while it runs.
    QElapsedTimer timer;
    timer.start();
    while (process.state() != QProcess::NotRunning && timer.elapsed() < 20'000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        process.waitForFinished(10);
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

class TestInstanceChannel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_runtime;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_runtime.isValid());
        QFile::setPermissions(m_runtime.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                    QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    }

    void channelHandsATargetOver()
    {
        const QString name = m_runtime.filePath(QStringLiteral("channel.socket"));
        InstanceChannel running(name);
        QVERIFY(running.acquire());
        QVERIFY(running.listen());
        QSignalSpy received(&running, &InstanceChannel::targetReceived);
        // forward() blocks until the running side answers: from another thread, as from
        // another process.
        QFuture<bool> handed = QtConcurrent::run(
            [name] { return InstanceChannel(name).forward(QStringLiteral("group/app/-/jobs/7")); });
        QTRY_VERIFY(handed.isFinished());
        QVERIFY(handed.result());
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().first().toString(), QStringLiteral("group/app/-/jobs/7"));
    }

    void nobodyRunningMeansStartNormally()
    {
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!InstanceChannel(m_runtime.filePath(QStringLiteral("nobody.socket")))
                     .forward(QStringLiteral("x")));
        QVERIFY(timer.elapsed() < 1500); // nobody to wait for
    }

    void aStaleSocketFileIsTakenOver()
    {
        // What a crashed app leaves behind: the name exists, nobody answers.
        const QString name = m_runtime.filePath(QStringLiteral("stale.socket"));
        QFile stale(name);
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        QVERIFY(!InstanceChannel(name).forward(QStringLiteral("x")));
        InstanceChannel fresh(name);
        QVERIFY(fresh.acquire());
        QVERIFY(fresh.listen());
        QVERIFY(fresh.isListening());
    }

    void aLiveInstancesSocketIsNeverTaken()
    {
        const QString name = m_runtime.filePath(QStringLiteral("live.socket"));
        InstanceChannel first(name);
        QVERIFY(first.acquire());
        // Still starting: holds the lock, not listening yet. A second one must not take over.
        InstanceChannel second(name);
        QVERIFY(!second.acquire());
        QVERIFY(!second.listen());
        QVERIFY(first.listen());
        QSignalSpy received(&first, &InstanceChannel::targetReceived);
        QFuture<bool> handed = QtConcurrent::run([name] {
            InstanceChannel late(name);
            return !late.acquire() && late.handOver(QStringLiteral("group/app"), 5000);
        });
        QTRY_VERIFY(handed.isFinished());
        QVERIFY(handed.result());
        QCOMPARE(received.size(), 1);
        QVERIFY(first.isListening());
    }

    void aKilledInstanceDoesNotLockOutTheNext()
    {
        sim::Server server(apptest::quietServerOptions(kEnvToken));
        QVERIFY(server.listen());
        const QString name = InstanceChannel::defaultName();
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GITLAB_HOST"), server.baseUrl().toString());
        env.insert(QStringLiteral("GITLAB_TOKEN"), kEnvToken);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(PIPEDECK_BINARY), {});
        QVERIFY(process.waitForStarted());
        // Running and answering: it holds the lock.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(name + QStringLiteral(".lock")), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(InstanceChannel(name).forward(QString(), 500), 10'000);
        process.kill(); // SIGKILL: no clean-up of the lock or the socket
        QVERIFY(process.waitForFinished());
        QVERIFY(QFile::exists(name + QStringLiteral(".lock")));
        InstanceChannel next(name);
        QVERIFY(next.acquire());
        QVERIFY(next.listen());
    }

    void twoLaunchesAtOnceMakeOneApp()
    {
        sim::Server server(apptest::quietServerOptions(kEnvToken));
        QVERIFY(server.listen());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GITLAB_HOST"), server.baseUrl().toString());
        env.insert(QStringLiteral("GITLAB_TOKEN"), kEnvToken);
        QProcess a;
        QProcess b;
        for (QProcess *p : {&a, &b})
            p->setProcessEnvironment(env);
        const QString target = QStringLiteral("platform/api-gateway");
        a.start(QStringLiteral(PIPEDECK_BINARY), {target});
        b.start(QStringLiteral(PIPEDECK_BINARY), {target});
        QVERIFY(a.waitForStarted());
        QVERIFY(b.waitForStarted());
        // One hands its target to the other and exits 0; the other stays, answering.
        QTRY_VERIFY_WITH_TIMEOUT(
            a.state() == QProcess::NotRunning || b.state() == QProcess::NotRunning, 20'000);
        QProcess &handedOver = a.state() == QProcess::NotRunning ? a : b;
        QProcess &survivor = &handedOver == &a ? b : a;
        QCOMPARE(handedOver.exitStatus(), QProcess::NormalExit);
        QCOMPARE(handedOver.exitCode(), 0);
        QCOMPARE(survivor.state(), QProcess::Running);
        QVERIFY(InstanceChannel(InstanceChannel::defaultName()).forward(QString(), 2000));
        survivor.terminate();
        if (!survivor.waitForFinished(5000)) {
            survivor.kill();
            survivor.waitForFinished();
        }
    }

    void secondLaunchOpensInTheRunningApp()
    {
        QSettings().clear();
        sim::Server server(apptest::quietServerOptions(kEnvToken));
        QVERIFY(server.listen());
        Application app;
        app.setInstanceChannel(InstanceChannel::defaultName());
        qputenv("GITLAB_HOST", server.baseUrl().toString().toUtf8());
        qputenv("GITLAB_TOKEN", kEnvToken.toUtf8());
        QCOMPARE(app.start({QStringLiteral("pipedeck")}), -1);
        qunsetenv("GITLAB_HOST");
        qunsetenv("GITLAB_TOKEN");
        QTRY_VERIFY_WITH_TIMEOUT(!app.mainWindow()->currentAccountId().isEmpty(), 10'000);

        // `pipedeck URL` from a browser or a terminal: handed over, exits at once, no second
        // window; the running app shows the pipeline.
        const QString pipeline =
            server.baseUrl().toString() +
            QStringLiteral("/platform/api-gateway/-/pipelines/%1").arg(demo::kFailedPipelineId);
        QCOMPARE(runPipedeck({pipeline}, m_runtime.path()), 0);
        QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow()->currentProjectPage() &&
                                     app.mainWindow()->currentProjectPage()->currentPipelineId() ==
                                         demo::kFailedPipelineId,
                                 10'000);

        // `pipedeck FILE` with a path relative to where it was run: the running app opens the
        // file by its full path.
        QTemporaryDir elsewhere;
        QFile log(elsewhere.filePath(QStringLiteral("saved.log")));
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write("one\ntwo\n");
        log.close();
        QCOMPARE(runPipedeck({QStringLiteral("saved.log")}, elsewhere.path()), 0);
        QTRY_COMPARE(app.logFileWindows().size(), 1);
        QCOMPARE(app.logFileWindows().constFirst()->filePath(),
                 QFileInfo(log.fileName()).absoluteFilePath());
    }
};

QTEST_MAIN(TestInstanceChannel)
#include "tst_instance_channel.moc"
