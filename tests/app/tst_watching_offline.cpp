// The app's watching follows the account's network state: while GitLab cannot be reached the
// watcher's polls wait with the window's (only AccountNetState's probe asks), and once it answers
// again the watcher looks at once. Against pipedeck-sim on loopback, stopped and started again
// on the same port; time moves on the connection's ManualClock.
#include "accounts/account_net_state.h"
#include "gitlab/net/clock.h"
#include "gitlab/net/connection.h"
#include "models/polling/poll_scheduler.h"
#include "sim/demo_data.h"
#include "sim/server.h"
#include "support/wire_settle.h"
#include "watch/watch_store.h"
#include "watch/watcher.h"
#include "watching/watching.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pipedeck;
namespace demo = pipedeck::sim::demo;

namespace {
const QString kToken = QStringLiteral("watching-offline-demo-api");
const QString kAccount = QStringLiteral("http://127.0.0.1/demo");

sim::ServerOptions simOptions()
{
    sim::ServerOptions options;
    options.seed = 7;
    options.clockRunning = false;
    options.bigLog = false;
    options.tokens = {{kToken, QStringLiteral("demo"), {QStringLiteral("api")}, {}}};
    return options;
}

int pipelineListings(const sim::Server &server)
{
    int n = 0;
    for (const sim::RecordedRequest &request : server.requests()) {
        if (request.method == "GET" && QString::fromUtf8(request.target).contains(u"/pipelines?"))
            ++n;
    }
    return n;
}

//! Lets the event loop run until nothing of the connection is on the wire.
} // namespace

class TestWatchingOffline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void watchingWaitsWhileOfflineAndLooksWhenBack()
    {
        auto server = std::make_unique<sim::Server>(simOptions());
        QVERIFY(server->listen());
        const quint16 port = server->port();
        gitlab::ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        gitlab::ConnectionOptions options;
        options.clock = &clock;
        gitlab::Connection connection(server->baseUrl(), options);
        connection.setToken(kToken);
        AccountNetState net(&connection);

        QTemporaryDir dir;
        Watching watching(
            std::make_unique<watch::WatchStore>(dir.filePath(QStringLiteral("watching.json"))),
            nullptr, &clock);
        watching.addAccount(kAccount, &connection, QStringLiteral("demo"), true, &net);
        watch::Watcher *watcher = watching.watcher(kAccount);
        QVERIFY(watcher);
        watch::PipelineWatch watch;
        watch.accountId = kAccount;
        watch.projectId = demo::kDemoProjectId;
        watch.pipelineId = demo::kRunningPipelineId;
        watch.lastStatus = gitlab::CiStatus::Running;
        QVERIFY(watching.watches().add(watch));
        watcher->pollAllNow();
        QTRY_VERIFY(pipelineListings(*server) >= 1);
        QTRY_VERIFY(connection.gate().inFlight() == 0);
        QVERIFY(!watcher->scheduler().isOffline());

        // GitLab goes away: the next poll finds nothing listening, the account is offline and
        // the watcher's scheduler waits with it.
        server.reset();
        for (int i = 0; i < 300 && net.state() != AccountNetState::State::Offline; ++i) {
            clock.advance(1'000);
            testing::settle(connection);
        }
        QTRY_COMPARE(net.state(), AccountNetState::State::Offline);
        QVERIFY(watcher->scheduler().isOffline());

        // Back on the same port: until the probe finds it, the watcher sends nothing.
        server = std::make_unique<sim::Server>(simOptions());
        QVERIFY(server->listen(QHostAddress::LocalHost, port));
        const qint64 probeAt = net.nextProbeMs();
        QVERIFY(probeAt > clock.nowMs());
        while (clock.nowMs() < probeAt - 1'000) {
            clock.advance(1'000);
            // A poll would be on the wire right after the tick that made it due.
            QCOMPARE(connection.gate().inFlight(), 0);
            testing::settle(connection);
        }
        QCOMPARE(pipelineListings(*server), 0);

        // The probe's answer brings it back, and the watcher looks at once.
        clock.advance(1'000);
        QTRY_COMPARE(net.state(), AccountNetState::State::Online);
        QVERIFY(!watcher->scheduler().isOffline());
        QTRY_VERIFY(pipelineListings(*server) >= 1);
        watching.removeAccount(kAccount);
    }
};

QTEST_MAIN(TestWatchingOffline)
#include "tst_watching_offline.moc"
