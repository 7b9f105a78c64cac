// An account's rate-limit hold and offline state, against pipedeck-sim on loopback and a
// ManualClock: no test here waits for wall-clock time to pass for "nothing happens".
#include "accounts/account_net_state.h"
#include "gitlab/net/clock.h"
#include "gitlab/net/connection.h"
#include "models/polling/poll_scheduler.h"
#include "sim/demo_data.h"
#include "sim/fault_rule.h"
#include "sim/server.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace pipedeck;
using namespace Qt::StringLiterals;

namespace {

const QString kToken = u"net-state-test-api"_s;

sim::ServerOptions simOptions()
{
    sim::ServerOptions options;
    options.seed = 7;
    options.clockRunning = false;
    options.bigLog = false;
    options.tokens = {{kToken, u"demo"_s, {u"api"_s}, {}}};
    return options;
}

int countRequests(const sim::Server &server, const QByteArray &method, const QString &part)
{
    int n = 0;
    for (const sim::RecordedRequest &request : server.requests()) {
        if (request.method == method && QString::fromUtf8(request.target).contains(part))
            ++n;
    }
    return n;
}

} // namespace

class TestAccountNetState : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<gitlab::ManualClock> m_clock;
    std::unique_ptr<sim::Server> m_server;
    std::unique_ptr<gitlab::Connection> m_connection;
    quint16 m_port = 0;

    bool startServer(quint16 port = 0)
    {
        m_server = std::make_unique<sim::Server>(simOptions());
        return m_server->listen(QHostAddress::LocalHost, port);
    }

    // One refresh as a view's loader does it: a GET, and finished() when it is done.
    models::PollScheduler::TaskId addPoll(models::PollScheduler &scheduler, int &runs)
    {
        auto id = std::make_shared<models::PollScheduler::TaskId>(0);
        *id = scheduler.addTask(
            u"pipelines"_s,
            [this, &scheduler, &runs, id] {
                ++runs;
                gitlab::ApiCall call;
                call.path = u"/projects/%1/pipelines"_s.arg(sim::demo::kDemoProjectId);
                call.useEtagCache = false;
                m_connection->send(call, &scheduler, [&scheduler, id](const gitlab::ApiReply &r) {
                    scheduler.finished(*id, r.status.ok() ? models::PollScheduler::Outcome::Changed
                                                          : models::PollScheduler::Outcome::Failed);
                });
            },
            models::PollScheduler::Mode::Active);
        return *id;
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<gitlab::ManualClock>();
        QVERIFY(startServer());
        m_port = m_server->port();
        gitlab::ConnectionOptions options;
        options.clock = m_clock.get();
        m_connection = std::make_unique<gitlab::Connection>(m_server->baseUrl(), options);
        m_connection->setToken(kToken);
        // No backoff between a GET's attempts: the retries stay as they are, only instant.
        m_connection->setRandomSource([] { return 0.0; });
    }

    void cleanup()
    {
        m_connection.reset();
        m_server.reset();
        m_clock.reset();
    }

    void timeLeft_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << u"0:00"_s;
        QTest::newRow("rounded up") << qint64(1) << u"0:01"_s;
        QTest::newRow("one minute") << qint64(60'000) << u"1:00"_s;
        QTest::newRow("just under") << qint64(59'001) << u"1:00"_s;
        QTest::newRow("an hour") << qint64(3'600'000) << u"1:00:00"_s;
        QTest::newRow("negative") << qint64(-5) << u"0:00"_s;
    }
    void timeLeft()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(AccountNetState::formatTimeLeft(ms), text);
    }

    void rateLimitIsShownAndCountsDown_data()
    {
        QTest::addColumn<QString>("retryAfter");
        QTest::addColumn<qint64>("holdMs");
        QTest::newRow("7 s") << u"7"_s << qint64(7'000);
        QTest::newRow("5 min") << u"300"_s << qint64(300'000);
        QTest::newRow("clamped to 1 h") << u"90000"_s << qint64(3'600'000);
    }
    void rateLimitIsShownAndCountsDown()
    {
        QFETCH(QString, retryAfter);
        QFETCH(qint64, holdMs);
        AccountNetState net(m_connection.get());
        QSignalSpy states(&net, &AccountNetState::stateChanged);
        QSignalSpy lines(&net, &AccountNetState::statusLineChanged);
        QCOMPARE(net.state(), AccountNetState::State::Online);
        QVERIFY(net.statusLine().isEmpty());

        sim::FaultRule fault;
        fault.method = "GET";
        fault.path = QRegularExpression(u"^/api/v4/version$"_s);
        fault.kind = sim::FaultKind::TooManyRequests;
        fault.retryAfter = retryAfter;
        m_server->addFault(fault);
        gitlab::ApiCall get;
        get.path = u"/version"_s;
        bool getDone = false;
        const qint64 start = m_clock->nowMs();
        m_connection->send(get, this, [&](const gitlab::ApiReply &) { getDone = true; });
        QTRY_COMPARE(net.state(), AccountNetState::State::RateLimited);
        QCOMPARE(states.count(), 1);

        const QDateTime until = QDateTime::fromMSecsSinceEpoch(start + holdMs, Qt::UTC);
        QCOMPARE(net.heldUntil(), until);
        const QString expected = u"GitLab asked Pipedeck to wait until %1 (rate limit)."_s.arg(
            QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat));
        QCOMPARE(net.text(), expected);
        QCOMPARE(net.statusLine(),
                 u"%1 %2 left."_s.arg(expected, AccountNetState::formatTimeLeft(holdMs)));
        QCOMPARE(lines.constLast().constFirst().toString(), net.statusLine());

        // The countdown follows the connection's clock.
        m_clock->advance(1'000);
        QCOMPARE(net.statusLine(),
                 u"%1 %2 left."_s.arg(expected, AccountNetState::formatTimeLeft(holdMs - 1'000)));
        QCOMPARE(lines.constLast().constFirst().toString(), net.statusLine());

        // An action during the hold fails at once, with the same sentence, and is not sent.
        gitlab::ApiCall play;
        play.method = "POST";
        play.priority = gitlab::Priority::Interactive;
        play.path = u"/projects/%1/jobs/%2/play"_s.arg(sim::demo::kDemoProjectId)
                        .arg(sim::demo::kManualJobId);
        std::optional<gitlab::Status> playStatus;
        m_connection->send(play, this,
                           [&](const gitlab::ApiReply &reply) { playStatus = reply.status; });
        QTRY_VERIFY(playStatus.has_value());
        QCOMPARE(playStatus->code(), gitlab::Status::TooManyRequests);
        QCOMPARE(playStatus->userText(), expected);
        QCOMPARE(countRequests(*m_server, "POST", u"/play"_s), 0);
        QVERIFY(!getDone); // the GET waits for the hold, and now visibly so

        m_clock->advance(holdMs - 1'000);
        QCOMPARE(net.state(), AccountNetState::State::Online);
        QVERIFY(net.statusLine().isEmpty());
        QCOMPARE(states.count(), 2);
        QTRY_VERIFY(getDone);
    }

    void offlinePausesPollingUntilTheProbeAnswers()
    {
        AccountNetState::Options options;
        options.probeIntervalMs = 30'000;
        options.maxProbeIntervalMs = 120'000;
        AccountNetState net(options, m_connection.get());
        models::PollScheduler::Options pollOptions;
        pollOptions.activeIntervalMs = 5'000;
        pollOptions.budgetPerMinute = 600;
        models::PollScheduler scheduler(pollOptions, m_clock.get());
        net.addScheduler(&scheduler);
        int runsA = 0;
        int runsB = 0;
        addPoll(scheduler, runsA);
        addPoll(scheduler, runsB);
        QTRY_COMPARE(countRequests(*m_server, "GET", u"/pipelines"_s), 2);
        QTRY_VERIFY(!scheduler.isRunning(1) && !scheduler.isRunning(2));

        // The instance goes away: the next refresh finds nothing listening.
        m_server.reset();
        QSignalSpy states(&net, &AccountNetState::stateChanged);
        m_clock->advance(5'000);
        QTRY_COMPARE(net.state(), AccountNetState::State::Offline);
        QCOMPARE(states.count(), 1);
        QVERIFY(scheduler.isOffline());
        QVERIFY(net.text().contains(u"offline"_s));
        QVERIFY(net.statusLine().endsWith(u"Next check in 0:30."_s));
        QTRY_VERIFY(!scheduler.isRunning(1) && !scheduler.isRunning(2));
        const int runsWhenOffline = runsA + runsB;

        // Nothing polls while offline; only the probe asks, after 30 s.
        for (int i = 0; i < 29; ++i)
            m_clock->advance(1'000);
        QTest::qWait(20);
        QCOMPARE(runsA + runsB, runsWhenOffline);
        QCOMPARE(net.probesSent(), 0);
        m_clock->advance(1'000);
        QCOMPARE(net.probesSent(), 1);
        // Refused: it backs off (doubling), still offline.
        QTRY_COMPARE(net.nextProbeMs(), m_clock->nowMs() + 60'000);
        QCOMPARE(net.state(), AccountNetState::State::Offline);

        // The instance is back on the same port, but only the probe may find out.
        QVERIFY(startServer(m_port));
        for (int i = 0; i < 59; ++i)
            m_clock->advance(1'000);
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 0);
        QCOMPARE(runsA + runsB, runsWhenOffline);

        m_clock->advance(1'000);
        QCOMPARE(net.probesSent(), 2);
        QTRY_COMPARE(net.state(), AccountNetState::State::Online);
        QCOMPARE(states.count(), 2);
        QVERIFY(!scheduler.isOffline());
        QVERIFY(net.statusLine().isEmpty());
        // Every view refreshes at once, without waiting for its next interval.
        QTRY_COMPARE(countRequests(*m_server, "GET", u"/pipelines"_s), 2);
        QCOMPARE(countRequests(*m_server, "GET", u"/version"_s), 1);
        QCOMPARE(runsA, runsB);
    }

    void anyAnswerEndsOffline()
    {
        // A refresh the user asks for while offline that gets through ends it too.
        AccountNetState net(m_connection.get());
        models::PollScheduler scheduler(m_clock.get());
        net.addScheduler(&scheduler);
        m_server.reset();
        gitlab::ApiCall get;
        get.path = u"/version"_s;
        std::optional<gitlab::Status> first;
        m_connection->send(get, this, [&](const gitlab::ApiReply &r) { first = r.status; });
        QTRY_VERIFY(first.has_value());
        QCOMPARE(first->code(), gitlab::Status::NetworkError);
        QCOMPARE(net.state(), AccountNetState::State::Offline);
        QVERIFY(scheduler.isOffline());

        QVERIFY(startServer(m_port));
        bool second = false;
        m_connection->send(get, this, [&](const gitlab::ApiReply &) {
            // Already online when the caller hears of it.
            QCOMPARE(net.state(), AccountNetState::State::Online);
            second = true;
        });
        QTRY_VERIFY(second);
        QVERIFY(!scheduler.isOffline());
        QCOMPARE(net.probesSent(), 0);
    }

    void anActionRefusedDoesNotMakeTheAccountOffline()
    {
        // Offline is entered after a GET fails; an action is sent once and says nothing
        // about the polling views.
        AccountNetState net(m_connection.get());
        m_server.reset();
        gitlab::ApiCall play;
        play.method = "POST";
        play.path = u"/projects/1/jobs/%1/play"_s.arg(sim::demo::kManualJobId);
        bool done = false;
        m_connection->send(play, this, [&](const gitlab::ApiReply &) { done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(net.state(), AccountNetState::State::Online);
    }
};

QTEST_GUILESS_MAIN(TestAccountNetState)
#include "tst_account_net_state.moc"
