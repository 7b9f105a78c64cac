// An open job log waits with the rest of the account while GitLab cannot be reached: its
// follower is on hold (no poll on the wire, none scheduled) for as long as the account is offline,
// and polls at once when the account's probe finds GitLab again. Against pipedeck-sim on
// loopback, stopped and started again on the same port; the connection's time is a ManualClock.
#include "accounts/account_net_state.h"
#include "gitlab/net/clock.h"
#include "gitlab/net/connection.h"
#include "logfollow/trace_follower.h"
#include "logview/job_log_page.h"
#include "pipelines/project_page.h"
#include "quiet_server_options.h"
#include "sim/demo_data.h"
#include "sim/server.h"
#include "support/wire_settle.h"
#include "ui/account_workspace.h"
#include "ui/job_log_window.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace pipedeck;
namespace demo = pipedeck::sim::demo;

namespace {

const QString kToken = QStringLiteral("job-log-offline-demo-api");

int traceRequests(const sim::Server &server)
{
    int n = 0;
    for (const sim::RecordedRequest &request : server.requests()) {
        if (QString::fromUtf8(request.target).contains(u"/trace"))
            ++n;
    }
    return n;
}

} // namespace

class TestJobLogOffline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anOpenLogWaitsWhileOfflineAndPollsWhenBack()
    {
        auto server = std::make_unique<sim::Server>(apptest::quietServerOptions(kToken));
        QVERIFY(server->listen());
        const quint16 port = server->port();
        gitlab::ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        gitlab::ConnectionOptions options;
        options.clock = &clock;
        gitlab::Connection connection(server->baseUrl(), options);
        connection.setToken(kToken);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        AccountWorkspace workspace(QStringLiteral("demo"), connection, true, settings);
        AccountNetState *net = workspace.netState();

        JobLogWindow *window = workspace.openJobLog(demo::kDemoProjectId, demo::kRunningJobId,
                                                    QStringLiteral("unit-tests"));
        QVERIFY(window);
        logfollow::TraceFollower *follower = window->page()->follower();
        QVERIFY(follower);
        QTRY_VERIFY(traceRequests(*server) >= 1);
        QVERIFY(!follower->isOnHold());

        // GitLab goes away: the account turns offline and the log is put on hold with it.
        server.reset();
        for (int i = 0; i < 300 && net->state() != AccountNetState::State::Offline; ++i) {
            clock.advance(1'000);
            follower->pollNow();
            testing::settle(connection);
        }
        QTRY_COMPARE(net->state(), AccountNetState::State::Offline);
        testing::settle(connection);
        QVERIFY(follower->isOnHold());
        QVERIFY(!follower->hasWorkPending()); // nothing on the wire, nothing scheduled
        follower->pollNow();                  // even asked, a follower on hold sends nothing
        QVERIFY(!follower->hasWorkPending());

        // Back on the same port: the probe finds it, the account is online, the log polls.
        server = std::make_unique<sim::Server>(apptest::quietServerOptions(kToken));
        QVERIFY(server->listen(QHostAddress::LocalHost, port));
        QCOMPARE(traceRequests(*server), 0);
        const qint64 probeAt = net->nextProbeMs();
        while (clock.nowMs() <= probeAt && net->state() == AccountNetState::State::Offline) {
            clock.advance(1'000);
            testing::settle(connection);
        }
        QTRY_COMPARE(net->state(), AccountNetState::State::Online);
        QVERIFY(!follower->isOnHold());
        QTRY_VERIFY(traceRequests(*server) >= 1);
        window->close();
    }
};

QTEST_MAIN(TestJobLogOffline)
#include "tst_job_log_offline.moc"
