// Fault cases over loopback: pipedeck-sim's FaultRules, a second sim as "another origin",
// and (only for a cross-origin pagination link, which the sim cannot produce) a tiny fake.
#include "gitlab_test_support.h"

#include "gitlab/net/clock.h"
#include "gitlab/requests/instance_requests.h"
#include "gitlab/requests/job_requests.h"
#include "gitlab/requests/pipeline_requests.h"
#include "gitlab/requests/project_requests.h"
#include "sim/demo_data.h"
#include "sim/world.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>

using namespace pipedeck::gitlab;
using namespace pipedeck::sim;
using namespace Qt::StringLiterals;
using gltest::runToEnd;

namespace {

QStringList g_log;
QMutex g_logMutex;
QtMessageHandler g_previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(QString::fromLatin1(context.category ? context.category : "") + u' ' +
                     message);
    }
    if (type != QtDebugMsg && g_previousHandler)
        g_previousHandler(type, context, message);
}

FaultRule rule(const QByteArray &method, const QString &path, FaultKind kind, int times = 1)
{
    FaultRule fault;
    fault.method = method;
    fault.path = QRegularExpression(path);
    fault.kind = kind;
    fault.times = times;
    return fault;
}

const QString kPipelinePath = u"^/api/v4/projects/1/pipelines/%1$"_s.arg(demo::kFailedPipelineId);
const QString kPlayPath = u"^/api/v4/projects/1/jobs/%1/play$"_s.arg(demo::kManualJobId);

//! Answers every request with a one-item job page whose Link rel="next" points elsewhere.
class ForeignLinkServer : public QTcpServer
{
public:
    explicit ForeignLinkServer(QUrl nextLink)
        : m_next(std::move(nextLink))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_buffer += socket->readAll();
                    if (!m_buffer.contains("\r\n\r\n"))
                        return;
                    m_buffer.clear();
                    ++requests;
                    const QByteArray body = R"([{"id":1,"name":"build","status":"success"}])";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Link: <" +
                                  m_next.toEncoded() +
                                  ">; rel=\"next\"\r\n"
                                  "Content-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                });
            }
        });
    }
    int requests = 0;

private:
    QUrl m_next;
    QByteArray m_buffer;
};

} // namespace

#define VERIFY_CODE(request, expected)                                                             \
    QVERIFY2((request).status().code() == (expected),                                              \
             qPrintable(Status::codeName((request).status().code()) + u" "_s +                     \
                        (request).status().detail()))

class TestGitlabFaults : public QObject
{
    Q_OBJECT
    std::unique_ptr<Server> m_sim;
    std::unique_ptr<Connection> m_connection;

    void connectWith(ConnectionOptions options)
    {
        m_connection = std::make_unique<Connection>(m_sim->baseUrl(), options);
        m_connection->setToken(gltest::kDemoToken);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Everything the library logs, at every level, is searched for the canary token.
        QLoggingCategory::setFilterRules(u"*.debug=true\nqt.*.debug=false"_s);
        g_previousHandler = qInstallMessageHandler(captureMessages);
    }
    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        QMutexLocker lock(&g_logMutex);
        QVERIFY(!g_log.isEmpty());
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(gltest::kDemoToken), qPrintable(line));
    }
    void init()
    {
        m_sim = gltest::startSim();
        connectWith(gltest::fastOptions());
    }
    void cleanup()
    {
        m_connection.reset();
        m_sim.reset();
    }

    void unauthorized()
    {
        m_connection->setToken(u"glpat-wrong-token-000000"_s);
        GetCurrentUser user;
        QVERIFY(runToEnd(user, *m_connection));
        VERIFY_CODE(user, Status::Unauthorized);
        QCOMPARE(user.status().httpStatus(), 401);
        QCOMPARE(user.status().gitlabMessage(), u"401 Unauthorized"_s);
        QCOMPARE(m_sim->requests().size(), 1); // 401 is not retried
    }

    void forbiddenWriteWithReadApiToken()
    {
        m_connection->setToken(gltest::kReaderToken);
        PlayJob play(demo::kDemoProjectId, demo::kManualJobId);
        QVERIFY(runToEnd(play, *m_connection));
        VERIFY_CODE(play, Status::Forbidden);
        QVERIFY(!play.status().gitlabMessage().isEmpty());
        QCOMPARE(gltest::countRequests(*m_sim, "POST", "/play"), 1);
        QCOMPARE(m_sim->world().job(demo::kManualJobId)->status, u"manual"_s);
    }

    void notFound()
    {
        GetPipeline missing(demo::kDemoProjectId, 987654);
        QVERIFY(runToEnd(missing, *m_connection));
        VERIFY_CODE(missing, Status::NotFound);
        QVERIFY(missing.status().userText().contains(missing.status().gitlabMessage()));
    }

    void serverErrorThenSuccessIsRetried()
    {
        m_sim->addFault(rule("GET", kPipelinePath, FaultKind::ServerError, 2));
        int randomCalls = 0;
        m_connection->setRandomSource([&] {
            ++randomCalls;
            return 0.5;
        });
        GetPipeline pipeline(demo::kDemoProjectId, demo::kFailedPipelineId);
        QVERIFY(runToEnd(pipeline, *m_connection));
        QVERIFY(pipeline.status().ok());
        QCOMPARE(pipeline.pipeline().id, demo::kFailedPipelineId);
        QCOMPARE(gltest::countRequests(*m_sim, "GET", "/pipelines/"), 3);
        QCOMPARE(randomCalls, 2); // one jittered backoff per retry
    }

    void serverErrorAttemptsAreBounded()
    {
        m_sim->addFault(rule("GET", kPipelinePath, FaultKind::ServerError, -1));
        GetPipeline pipeline(demo::kDemoProjectId, demo::kFailedPipelineId);
        QVERIFY(runToEnd(pipeline, *m_connection));
        VERIFY_CODE(pipeline, Status::ServerError);
        QCOMPARE(pipeline.status().httpStatus(), 500);
        QCOMPARE(gltest::countRequests(*m_sim, "GET", "/pipelines/"),
                 m_connection->options().retry.maxAttempts);
    }

    void actionServerErrorIsNotRetried()
    {
        FaultRule fault = rule("POST", kPlayPath, FaultKind::ServerError, -1);
        fault.status = 503;
        m_sim->addFault(fault);
        PlayJob play(demo::kDemoProjectId, demo::kManualJobId);
        QVERIFY(runToEnd(play, *m_connection));
        VERIFY_CODE(play, Status::ServerError);
        QCOMPARE(gltest::countRequests(*m_sim, "POST", "/play"), 1);
    }

    void lostActionReplyIsOutcomeUnknown()
    {
        // Once: a resend by Qt's HTTP layer would reach GitLab and be answered.
        m_sim->addFault(rule("POST", kPlayPath, FaultKind::CloseAfterProcessing, 1));
        const quint64 admittedBefore = m_connection->gate().admittedTotal();
        PlayJob play(demo::kDemoProjectId, demo::kManualJobId);
        QVERIFY(runToEnd(play, *m_connection));
        VERIFY_CODE(play, Status::OutcomeUnknown);
        QVERIFY(play.status().needsReconcile());
        // One send by the app, and none by Qt's transport (its reconnect would rewind the body;
        // OneShotBody refuses).
        QCOMPARE(m_connection->gate().admittedTotal() - admittedBefore, quint64(1));
        QCOMPARE(gltest::countRequests(*m_sim, "POST", "/play"), 1);
        // The caller re-reads instead of re-sending: the job was played.
        m_sim->clearFaults();
        GetJob job(demo::kDemoProjectId, demo::kManualJobId);
        QVERIFY(runToEnd(job, *m_connection));
        QVERIFY(job.status().ok());
        QVERIFY(job.job().status != CiStatus::Manual);
    }

    void truncatedBody()
    {
        m_sim->addFault(rule("GET", kPipelinePath, FaultKind::TruncatedBody, -1));
        GetPipeline pipeline(demo::kDemoProjectId, demo::kFailedPipelineId);
        QVERIFY(runToEnd(pipeline, *m_connection));
        VERIFY_CODE(pipeline, Status::BadReply);
        QCOMPARE(pipeline.pipeline().id, 0); // nothing half-parsed leaks out

        m_sim->clearFaults();
        m_sim->clearRequests();
        m_sim->addFault(rule("GET", kPipelinePath, FaultKind::TruncatedBody, 1));
        GetPipeline retried(demo::kDemoProjectId, demo::kFailedPipelineId);
        QVERIFY(runToEnd(retried, *m_connection));
        QVERIFY(retried.status().ok());
        QCOMPARE(m_sim->requests().size(), 2);
    }

    // A streamed GET cut short is tried again from its first byte: the receiver is told to
    // start over and then gets the whole body once. Cut short every time, it fails.
    void streamedTraceCutShortStartsOver()
    {
        const QString tracePath = u"^/api/v4/projects/1/jobs/%1/trace$"_s.arg(demo::kRunningJobId);
        const QByteArray expected = m_sim->world().trace(demo::kRunningJobId);
        QVERIFY(expected.size() > 100);
        m_sim->addFault(rule("GET", tracePath, FaultKind::TruncatedBody, 1));
        GetJobTrace trace(demo::kDemoProjectId, demo::kRunningJobId);
        trace.setStreaming(true);
        QByteArray received;
        int restarts = 0;
        qsizetype beforeRestart = 0;
        connect(&trace, &GetJobTrace::traceReceived, this,
                [&](const QByteArray &piece) { received += piece; });
        connect(&trace, &GetJobTrace::traceRestarted, this, [&] {
            ++restarts;
            beforeRestart = received.size();
            received.clear();
        });
        QVERIFY(runToEnd(trace, *m_connection));
        VERIFY_CODE(trace, Status::Success);
        QCOMPARE(restarts, 1);
        QVERIFY(beforeRestart > 0);
        QVERIFY(beforeRestart < expected.size());
        QVERIFY(received == expected);
        QCOMPARE(m_sim->requests().size(), 2);

        m_sim->clearFaults();
        m_sim->addFault(rule("GET", tracePath, FaultKind::TruncatedBody, -1));
        GetJobTrace cut(demo::kDemoProjectId, demo::kRunningJobId);
        cut.setStreaming(true);
        QSignalSpy cutRestarts(&cut, &GetJobTrace::traceRestarted);
        QVERIFY(runToEnd(cut, *m_connection));
        QVERIFY(!cut.status().ok());
        QCOMPARE(cutRestarts.size(), m_connection->options().retry.maxAttempts - 1);

        // A proxy's login page with 200 is refused whole, never handed over as log text.
        m_sim->clearFaults();
        m_sim->addFault(rule("GET", tracePath, FaultKind::HtmlPage, 1));
        GetJobTrace page(demo::kDemoProjectId, demo::kRunningJobId);
        page.setStreaming(true);
        QSignalSpy pagePieces(&page, &GetJobTrace::traceReceived);
        QVERIFY(runToEnd(page, *m_connection));
        VERIFY_CODE(page, Status::BadReply);
        QCOMPARE(pagePieces.size(), 0);
    }

    void aRepeatedNextPageEndsTheListInsteadOfLooping_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("X-Next-Page is this page") << QByteArray("X-Next-Page") << QByteArray("1");
        QTest::newRow("X-Next-Page goes back") << QByteArray("X-Next-Page") << QByteArray("0001");
    }
    void aRepeatedNextPageEndsTheListInsteadOfLooping()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        // Every reply, forever: without the guard the list would ask for page 1 again and again.
        FaultRule repeat =
            rule("GET", u"^/api/v4/projects/1/pipelines$"_s, FaultKind::OverrideHeader, -1);
        repeat.header = header;
        repeat.headerValue = value;
        m_sim->addFault(repeat);
        ListPipelines list(demo::kDemoProjectId);
        list.setAllPages(true);
        QVERIFY(runToEnd(list, *m_connection));
        QVERIFY(list.status().ok());
        QVERIFY(!list.pipelines().isEmpty()); // what came is kept
        QVERIFY(!list.complete());            // and known to be incomplete
        QVERIFY(!list.hasMore());             // so a "load more" does not ask for it again
        QCOMPARE(m_sim->requests().size(), 1);
    }

    void aRepeatedNextLinkEndsTheList()
    {
        // Keyset pages: a Link rel="next" back to the page just read.
        FaultRule repeat =
            rule("GET", u"^/api/v4/projects/1/jobs$"_s, FaultKind::OverrideHeader, -1);
        repeat.header = "Link";
        repeat.headerValue =
            "<" + m_sim->baseUrl().toEncoded() +
            "/api/v4/projects/1/jobs?pagination=keyset&per_page=100>; rel=\"next\"";
        m_sim->addFault(repeat);
        ListProjectJobs list(ProjectRef(demo::kDemoProjectId));
        list.setAllPages(true);
        QVERIFY(runToEnd(list, *m_connection));
        QVERIFY(list.status().ok());
        QVERIFY(!list.jobs().isEmpty());
        QVERIFY(!list.complete());
        QVERIFY(m_sim->requests().size() <= 2); // the first page, and the link once
    }

    void aReplyBeyondTheCapIsABadReplyNotMemory()
    {
        ConnectionOptions options = gltest::fastOptions();
        options.maxReplyBytes = 2048; // the demo's pipeline list is far bigger
        connectWith(options);
        ListPipelines list(demo::kDemoProjectId);
        QVERIFY(runToEnd(list, *m_connection));
        VERIFY_CODE(list, Status::BadReply);
        QCOMPARE(m_sim->requests().size(), 1); // the same request would bring the same answer
        connectWith(gltest::fastOptions());
        ListPipelines again(demo::kDemoProjectId);
        QVERIFY(runToEnd(again, *m_connection));
        QVERIFY(again.status().ok());
    }

    void malformedJsonAndHtml_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("malformed JSON") << int(FaultKind::MalformedJson);
        QTest::newRow("HTML page with 200") << int(FaultKind::HtmlPage);
    }
    void malformedJsonAndHtml()
    {
        QFETCH(int, kind);
        m_sim->addFault(rule("GET", u"^/api/v4/projects/1/pipelines$"_s, FaultKind(kind), -1));
        ListPipelines list(demo::kDemoProjectId);
        QVERIFY(runToEnd(list, *m_connection));
        VERIFY_CODE(list, Status::BadReply);
        QVERIFY(list.pipelines().isEmpty());
        QCOMPARE(m_sim->requests().size(), 1); // a deterministic bad reply is not retried
    }

    void rateLimitHoldsTheWholeAccount()
    {
        ManualClock clock;
        ConnectionOptions options = gltest::fastOptions();
        options.clock = &clock;
        connectWith(options);
        FaultRule fault = rule("GET", kPipelinePath, FaultKind::TooManyRequests, 1);
        fault.retryAfter = u"7"_s;
        m_sim->addFault(fault);

        GetPipeline limited(demo::kDemoProjectId, demo::kFailedPipelineId);
        QSignalSpy limitedDone(&limited, &Request::finished);
        QSignalSpy rateLimited(m_connection.get(), &Connection::rateLimited);
        limited.start(m_connection.get());
        QTRY_COMPARE(rateLimited.count(), 1);
        QCOMPARE(m_connection->gate().heldUntilMs(), clock.nowMs() + 7000);

        // Another endpoint of the same account waits too; an action fails at once.
        GetCurrentUser other;
        QSignalSpy otherDone(&other, &Request::finished);
        other.start(m_connection.get());
        PlayJob play(demo::kDemoProjectId, demo::kManualJobId);
        QVERIFY(runToEnd(play, *m_connection));
        VERIFY_CODE(play, Status::TooManyRequests);
        QVERIFY(play.status().retryAt().isValid());
        QTest::qWait(300);
        QCOMPARE(m_sim->requests().size(), 1);
        QVERIFY(limitedDone.isEmpty());
        QVERIFY(otherDone.isEmpty());

        clock.advance(6999);
        QTest::qWait(100);
        QCOMPARE(m_sim->requests().size(), 1);
        clock.advance(1);
        QTRY_COMPARE(limitedDone.count(), 1);
        QTRY_COMPARE(otherDone.count(), 1);
        QVERIFY(limited.status().ok());
        QVERIFY(other.status().ok());
        QCOMPARE(m_sim->requests().size(), 3);
    }

    void retryAfterForms_data()
    {
        QTest::addColumn<QString>("retryAfter");
        QTest::addColumn<qint64>("minHold");
        QTest::addColumn<qint64>("maxHold");
        ManualClock reference;
        const QDateTime in30s = QDateTime::fromMSecsSinceEpoch(reference.nowMs() + 30'000, Qt::UTC);
        QTest::newRow("http-date")
            << in30s.toString(Qt::RFC2822Date) << qint64(29'000) << qint64(30'000);
        QTest::newRow("garbage -> backoff") << u"later, maybe"_s << qint64(1) << qint64(200);
        QTest::newRow("absent -> backoff") << QString() << qint64(1) << qint64(200);
        QTest::newRow("huge -> clamped") << u"86400000"_s << qint64(3'600'000) << qint64(3'600'000);
    }
    void retryAfterForms()
    {
        QFETCH(QString, retryAfter);
        QFETCH(qint64, minHold);
        QFETCH(qint64, maxHold);
        ManualClock clock;
        ConnectionOptions options = gltest::fastOptions();
        options.clock = &clock;
        connectWith(options);
        FaultRule fault = rule("GET", kPipelinePath, FaultKind::TooManyRequests, 1);
        fault.retryAfter = retryAfter;
        m_sim->addFault(fault);
        GetPipeline limited(demo::kDemoProjectId, demo::kFailedPipelineId);
        QSignalSpy rateLimited(m_connection.get(), &Connection::rateLimited);
        limited.start(m_connection.get());
        QTRY_COMPARE(rateLimited.count(), 1);
        const qint64 hold = m_connection->gate().heldUntilMs() - clock.nowMs();
        QVERIFY2(hold >= minHold && hold <= maxHold, qPrintable(QString::number(hold)));
        clock.advance(hold);
        QTRY_VERIFY(limited.isFinished());
        QVERIFY(limited.status().ok());
    }

    void crossOriginRedirectLeaksNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("status");
        QTest::newRow("GET 302") << QByteArray("GET") << 302;
        QTest::newRow("GET 301") << QByteArray("GET") << 301;
        QTest::newRow("POST 307") << QByteArray("POST") << 307;
        QTest::newRow("POST 308") << QByteArray("POST") << 308;
    }
    void crossOriginRedirectLeaksNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(int, status);
        auto other = gltest::startSim();
        const QString path = method == "GET" ? kPipelinePath : kPlayPath;
        FaultRule fault = rule(method, path, FaultKind::RedirectTo, -1);
        fault.status = status;
        fault.redirectTarget = QUrl(other->baseUrl().toString() + u"/api/v4/user?next=1"_s);
        m_sim->addFault(fault);

        std::unique_ptr<Request> request;
        if (method == "GET")
            request = std::make_unique<GetPipeline>(demo::kDemoProjectId, demo::kFailedPipelineId);
        else
            request = std::make_unique<PlayJob>(demo::kDemoProjectId, demo::kManualJobId);
        QVERIFY(runToEnd(*request, *m_connection));
        VERIFY_CODE(*request, Status::Redirected);
        QCOMPARE(request->status().origin(), other->baseUrl().toString());
        QVERIFY(request->status().userText().contains(other->baseUrl().toString()));
        QTest::qWait(100);
        QCOMPARE(other->requests().size(), 0);
        QCOMPARE(m_sim->requests().size(), 1);
        QVERIFY(!request->status().userText().contains(gltest::kDemoToken));
        QVERIFY(!request->status().detail().contains(gltest::kDemoToken));
    }

    void crossOriginNextLinkIsNotFollowed()
    {
        auto other = gltest::startSim();
        ForeignLinkServer fake(QUrl(other->baseUrl().toString() +
                                    u"/api/v4/projects/1/jobs?cursor=abc&pagination=keyset"_s));
        QVERIFY(fake.listen(QHostAddress::LocalHost));
        Connection connection(QUrl(u"http://127.0.0.1:%1"_s.arg(fake.serverPort())),
                              gltest::fastOptions());
        connection.setToken(gltest::kDemoToken);
        ListProjectJobs jobs(1);
        jobs.setAllPages(true);
        QVERIFY(runToEnd(jobs, connection));
        VERIFY_CODE(jobs, Status::UntrustedLink);
        QVERIFY(!jobs.complete());
        QCOMPARE(jobs.jobs().size(), 1); // what arrived is kept, marked incomplete
        QCOMPARE(jobs.status().origin(), other->baseUrl().toString());
        QCOMPARE(fake.requests, 1);
        QTest::qWait(100);
        QCOMPARE(other->requests().size(), 0);
    }

    void stallTimesOut()
    {
        ConnectionOptions options = gltest::fastOptions();
        options.transferTimeoutMs = 400;
        options.retry.maxAttempts = 1;
        connectWith(options);
        m_sim->addFault(rule("GET", kPipelinePath, FaultKind::Stall, -1));
        QElapsedTimer timer;
        timer.start();
        GetPipeline pipeline(demo::kDemoProjectId, demo::kFailedPipelineId);
        QVERIFY(runToEnd(pipeline, *m_connection));
        VERIFY_CODE(pipeline, Status::Timeout); // not "canceled"
        QVERIFY(timer.elapsed() < 5000);
    }

    void stallOnceIsRetried()
    {
        ConnectionOptions options = gltest::fastOptions();
        options.transferTimeoutMs = 300;
        connectWith(options);
        m_sim->addFault(rule("GET", kPipelinePath, FaultKind::Stall, 1));
        GetPipeline pipeline(demo::kDemoProjectId, demo::kFailedPipelineId);
        QVERIFY(runToEnd(pipeline, *m_connection));
        QVERIFY(pipeline.status().ok());
    }

    void trickleHitsTheOverallDeadline()
    {
        ConnectionOptions options = gltest::fastOptions();
        options.transferTimeoutMs = 2000; // every byte resets Qt's inactivity timer
        options.deadlineMs = 800;
        options.retry.maxAttempts = 1;
        connectWith(options);
        FaultRule fault = rule("GET", kPipelinePath, FaultKind::Trickle, -1);
        fault.delayMs = 50;
        m_sim->addFault(fault);
        QElapsedTimer timer;
        timer.start();
        GetPipeline pipeline(demo::kDemoProjectId, demo::kFailedPipelineId);
        QVERIFY(runToEnd(pipeline, *m_connection));
        VERIFY_CODE(pipeline, Status::Timeout);
        QVERIFY(timer.elapsed() >= 700);
        QVERIFY(timer.elapsed() < 5000);
    }

    void stalledActionIsOutcomeUnknown()
    {
        ConnectionOptions options = gltest::fastOptions();
        options.transferTimeoutMs = 300;
        connectWith(options);
        m_sim->addFault(rule("POST", kPlayPath, FaultKind::Stall, -1));
        PlayJob play(demo::kDemoProjectId, demo::kManualJobId);
        QVERIFY(runToEnd(play, *m_connection));
        VERIFY_CODE(play, Status::OutcomeUnknown);
        QCOMPARE(gltest::countRequests(*m_sim, "POST", "/play"), 1);
    }

    void plainHttpToARemoteHostIsRefused()
    {
        Connection remote(QUrl(u"http://gitlab.invalid"_s), gltest::fastOptions());
        remote.setToken(gltest::kDemoToken);
        GetCurrentUser user;
        QVERIFY(runToEnd(user, remote));
        VERIFY_CODE(user, Status::InsecureTransport);
        QCOMPARE(remote.gate().admittedTotal(), quint64(0)); // refused before anything was sent
    }
};

QTEST_GUILESS_MAIN(TestGitlabFaults)
#include "tst_gitlab_faults.moc"
