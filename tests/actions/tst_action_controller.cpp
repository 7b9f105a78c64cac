// The action controller against pipedeck-sim over loopback: each action sends exactly one
// POST/DELETE, failures carry GitLab's message, a lost reply leads to a GET, never a re-send.
#include "sim_fixture.h"

#include "actions/action_controller.h"
#include "sim/demo_data.h"
#include "sim/fault_rule.h"
#include "sim/world.h"

#include <QSignalSpy>
#include <QTest>

using namespace pipedeck;
using namespace pipedeck::actions;
using Outcome = ActionResult::Outcome;
namespace demo = pipedeck::sim::demo;

class TestActionController : public QObject
{
    Q_OBJECT

private:
    actionstest::SimFixture m_sim;
    std::unique_ptr<ActionController> m_controller;

    //! Runs one action to its end and returns what finished() reported.
    ActionResult runToEnd(ActionKind kind, qint64 targetId, qint64 projectId = demo::kDemoProjectId,
                          qint64 triggerJobPipelineId = 0)
    {
        QSignalSpy finished(m_controller.get(), &ActionController::finished);
        const quint64 ticket = m_controller->run(kind, projectId, targetId, triggerJobPipelineId);
        if (ticket == 0)
            return {};
        if (!finished.wait(10'000))
            return {};
        const auto result = finished.first().first().value<ActionResult>();
        return result.ticket == ticket ? result : ActionResult{};
    }

    qint64 firstJobWithStatus(qint64 pipelineId, const QString &status)
    {
        const auto jobs = m_sim.server->world().jobsOfPipeline(pipelineId, false, false);
        for (const sim::Job *job : jobs) {
            if (job->status == status)
                return job->id;
        }
        return 0;
    }

    void start(const QString &token = actionstest::kWriterToken)
    {
        QVERIFY(m_sim.start(token));
        m_controller = std::make_unique<ActionController>(m_sim.connection.get());
    }

private Q_SLOTS:
    void cleanup()
    {
        m_controller.reset();
        m_sim.stop();
    }

    void playsAManualJobWithOnePost()
    {
        start();
        const ActionResult result = runToEnd(ActionKind::PlayJob, demo::kManualJobId);
        QCOMPARE(result.outcome, Outcome::Done);
        QVERIFY(result.status.ok());
        QVERIFY(result.job.has_value());
        QCOMPARE(result.job->id, demo::kManualJobId);
        QCOMPARE(result.job->status, gitlab::CiStatus::Pending);
        QCOMPARE(m_sim.count("POST", QStringLiteral("/play")), 1);
        QCOMPARE(m_sim.writes(), 1);
        QCOMPARE(m_sim.server->world().job(demo::kManualJobId)->status, QStringLiteral("pending"));
    }

    void retryReturnsTheNewJob()
    {
        start();
        const ActionResult result = runToEnd(ActionKind::RetryJob, demo::kFailedJobId);
        QCOMPARE(result.outcome, Outcome::Done);
        QVERIFY(result.job.has_value());
        QVERIFY(result.job->id != demo::kFailedJobId);
        QCOMPARE(result.job->name, QStringLiteral("unit-tests"));
        QVERIFY(m_sim.server->world().job(demo::kFailedJobId)->retried);
        QCOMPARE(m_sim.writes(), 1);
    }

    void cancelsARunningJob()
    {
        start();
        const ActionResult result = runToEnd(ActionKind::CancelJob, demo::kRunningJobId);
        QCOMPARE(result.outcome, Outcome::Done);
        QVERIFY(result.job.has_value());
        QCOMPARE(result.job->status, gitlab::CiStatus::Canceled);
        QCOMPARE(m_sim.count("POST", QStringLiteral("/cancel")), 1);
        QCOMPARE(m_sim.writes(), 1);
    }

    void erasesAFinishedJob()
    {
        start();
        const qint64 jobId = firstJobWithStatus(100, QStringLiteral("success"));
        QVERIFY(jobId > 0);
        const ActionResult result = runToEnd(ActionKind::EraseJob, jobId);
        QCOMPARE(result.outcome, Outcome::Done);
        QVERIFY(result.job.has_value());
        QVERIFY(result.job->erasedAt.isValid());
        QVERIFY(m_sim.server->world().job(jobId)->erasedAtMs > 0);
        QCOMPARE(m_sim.writes(), 1);
    }

    void pipelineActions()
    {
        start();
        const ActionResult retried = runToEnd(ActionKind::RetryPipeline, demo::kFailedPipelineId);
        QCOMPARE(retried.outcome, Outcome::Done);
        QVERIFY(retried.pipeline.has_value());
        QCOMPARE(retried.pipeline->id, demo::kFailedPipelineId);
        QVERIFY(gitlab::isActive(retried.pipeline->status));

        const ActionResult canceled =
            runToEnd(ActionKind::CancelPipeline, demo::kRunningPipelineId);
        QCOMPARE(canceled.outcome, Outcome::Done);
        QVERIFY(canceled.pipeline.has_value());
        QCOMPARE(canceled.pipeline->status, gitlab::CiStatus::Canceled);

        const ActionResult deleted = runToEnd(ActionKind::DeletePipeline, 100);
        QCOMPARE(deleted.outcome, Outcome::Done);
        QVERIFY(deleted.targetGone);
        QVERIFY(m_sim.server->world().pipeline(100) == nullptr);
        QCOMPARE(m_sim.count("DELETE"), 1);
        QCOMPARE(m_sim.writes(), 3);
    }

    void serverErrorIsReportedAndNotResent()
    {
        start();
        sim::FaultRule fault;
        fault.method = "POST";
        fault.path = QRegularExpression(QStringLiteral("/jobs/\\d+/retry$"));
        fault.kind = sim::FaultKind::ServerError;
        fault.status = 500;
        fault.times = -1;
        m_sim.server->addFault(fault);
        const ActionResult result = runToEnd(ActionKind::RetryJob, demo::kFailedJobId);
        QCOMPARE(result.outcome, Outcome::Failed);
        QCOMPARE(result.status.code(), gitlab::Status::ServerError);
        QVERIFY(result.status.userText().contains(QStringLiteral("500")));
        QVERIFY(!result.job.has_value());
        // Let any stray retry timer fire: still exactly one POST, and no reconciling GET.
        QTest::qWait(300);
        QCOMPARE(m_sim.count("POST", QStringLiteral("/retry")), 1);
        QCOMPARE(m_sim.writes(), 1);
        QCOMPARE(m_sim.count("GET"), 0);
        QVERIFY(!m_sim.server->world().job(demo::kFailedJobId)->retried);
    }

    void readOnlyTokenGetsGitLabsMessage()
    {
        start(actionstest::kReaderToken);
        const ActionResult result = runToEnd(ActionKind::PlayJob, demo::kManualJobId);
        QCOMPARE(result.outcome, Outcome::Failed);
        QCOMPARE(result.status.code(), gitlab::Status::Forbidden);
        QCOMPARE(result.status.httpStatus(), 403);
        QVERIFY2(result.status.userText().contains(QStringLiteral("higher privileges")),
                 qPrintable(result.status.userText()));
        QCOMPARE(m_sim.server->world().job(demo::kManualJobId)->status, QStringLiteral("manual"));
        QCOMPARE(m_sim.writes(), 1);
    }

    void lostReplyIsReconciledWithAGet()
    {
        start();
        m_sim.loseRepliesTo("POST", QStringLiteral("/jobs/\\d+/play$"));

        QSignalSpy reconciling(m_controller.get(), &ActionController::reconciling);
        const ActionResult result = runToEnd(ActionKind::PlayJob, demo::kManualJobId);
        QCOMPARE(reconciling.size(), 1);
        QCOMPARE(result.outcome, Outcome::Reconciled);
        QCOMPARE(result.status.code(), gitlab::Status::OutcomeUnknown);
        QVERIFY(result.checkStatus.ok());
        QVERIFY(result.job.has_value());
        // The play did happen on the server; the re-read shows it.
        QCOMPARE(result.job->status, gitlab::CiStatus::Pending);
        QTest::qWait(300);
        // Sent once: neither the app nor Qt's HTTP layer (OneShotBody) sends it again.
        QCOMPARE(m_sim.count("POST", QStringLiteral("/play")), 1);
        QCOMPARE(m_sim.count("GET", QStringLiteral("/jobs/%1").arg(demo::kManualJobId)), 1);
        // Everything after the POST was a GET.
        const auto requests = m_sim.server->requests();
        QCOMPARE(requests.last().method, QByteArray("GET"));
    }

    // GET /jobs/:id does not find trigger jobs: a lost reply to retrying one is checked in its
    // pipeline's list of trigger jobs, and the newer attempt found there is the answer.
    void lostTriggerJobRetryIsReconciledFromThePipeline()
    {
        start();
        m_sim.loseRepliesTo("POST", QStringLiteral("/jobs/\\d+/retry$"));

        const ActionResult result = runToEnd(ActionKind::RetryJob, demo::kChildBridgeJobId,
                                             demo::kDemoProjectId, demo::kBridgePipelineId);
        QCOMPARE(result.outcome, Outcome::Reconciled);
        QCOMPARE(result.status.code(), gitlab::Status::OutcomeUnknown);
        QVERIFY(result.checkStatus.ok());
        QVERIFY(result.job.has_value());
        QCOMPARE(result.job->name, QStringLiteral("trigger-docs"));
        QVERIFY(result.job->id > demo::kChildBridgeJobId); // the new attempt
        QCOMPARE(m_sim.count("GET", QStringLiteral("/jobs/%1").arg(demo::kChildBridgeJobId)), 0);
        QCOMPARE(m_sim.count("GET",
                             QStringLiteral("/pipelines/%1/bridges").arg(demo::kBridgePipelineId)),
                 1);
        QCOMPARE(m_sim.count("POST", QStringLiteral("/retry")), 1);
    }

    // A retry leaves the old job failed: after a lost reply the answer is the newer attempt
    // found in the pipeline's jobs, not the old job (which would offer Retry a second time).
    void lostJobRetryIsReconciledFromThePipelinesJobs()
    {
        start();
        m_sim.loseRepliesTo("POST", QStringLiteral("/jobs/\\d+/retry$"));

        const sim::Job *failed = m_sim.server->world().job(demo::kFailedJobId);
        QVERIFY(failed);
        ActionTarget target;
        target.projectId = demo::kDemoProjectId;
        target.id = demo::kFailedJobId;
        target.pipelineId = failed->pipelineId;
        QSignalSpy finished(m_controller.get(), &ActionController::finished);
        QVERIFY(m_controller->run(ActionKind::RetryJob, target) != 0);
        QVERIFY(finished.wait(10'000));
        const auto result = finished.first().first().value<ActionResult>();
        QCOMPARE(result.outcome, Outcome::Reconciled);
        QCOMPARE(result.status.code(), gitlab::Status::OutcomeUnknown);
        QVERIFY(result.job.has_value());
        QCOMPARE(result.job->name, failed->spec.name);
        QVERIFY(result.job->id > demo::kFailedJobId);
        QVERIFY(result.job->status != gitlab::CiStatus::Failed);
        QCOMPARE(m_sim.count("GET", QStringLiteral("/jobs/%1").arg(demo::kFailedJobId)), 0);
        QCOMPARE(m_sim.count("GET", QStringLiteral("/pipelines/%1/jobs").arg(failed->pipelineId)),
                 1);
        QCOMPARE(m_sim.count("POST", QStringLiteral("/retry")), 1);
    }

    // The variables of a play are sent once, in job_variables_attributes.
    void playSendsItsVariables()
    {
        start();
        ActionTarget target;
        target.projectId = demo::kDemoProjectId;
        target.id = demo::kManualJobId;
        target.variables = {gitlab::Variable{QStringLiteral("VERSION"), QStringLiteral("1.2.3")},
                            gitlab::Variable{QStringLiteral("NOTES"), QStringLiteral("a b")}};
        QSignalSpy finished(m_controller.get(), &ActionController::finished);
        QVERIFY(m_controller->run(ActionKind::PlayJob, target) != 0);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.first().first().value<ActionResult>().outcome, Outcome::Done);
        const auto played = m_sim.server->world().job(demo::kManualJobId)->playVariables;
        QCOMPARE(played.size(), 2);
        QCOMPARE(played.at(0).key, QStringLiteral("VERSION"));
        QCOMPARE(played.at(0).value, QStringLiteral("1.2.3"));
        QCOMPARE(played.at(1).value, QStringLiteral("a b"));
        QCOMPARE(m_sim.count("POST", QStringLiteral("/play")), 1);
    }

    void lostDeleteReplyFindsThePipelineGone()
    {
        start();
        m_sim.loseRepliesTo("DELETE", QStringLiteral("/pipelines/\\d+$"));
        const ActionResult result = runToEnd(ActionKind::DeletePipeline, 101);
        QCOMPARE(result.outcome, Outcome::Reconciled);
        QVERIFY(result.targetGone);
        QCOMPARE(result.checkStatus.code(), gitlab::Status::NotFound);
        // A DELETE has no body for OneShotBody to guard; a transport resend of it finds the
        // pipeline gone (404) and changes nothing.
        QVERIFY(m_sim.count("DELETE") <= 2);
    }

    void secondClickOnTheSameTargetIsRefused()
    {
        start();
        QSignalSpy finished(m_controller.get(), &ActionController::finished);
        const quint64 first = m_controller->run(ActionKind::PlayJob, 1, demo::kManualJobId);
        QVERIFY(first != 0);
        QVERIFY(m_controller->isBusy(false, demo::kManualJobId));
        QVERIFY(!m_controller->isBusy(true, demo::kManualJobId));
        QCOMPARE(m_controller->run(ActionKind::PlayJob, 1, demo::kManualJobId), quint64(0));
        QCOMPARE(m_controller->run(ActionKind::CancelJob, 1, demo::kManualJobId), quint64(0));
        QVERIFY(finished.wait(10'000));
        QTest::qWait(100);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(m_sim.writes(), 1);
        QVERIFY(!m_controller->isBusy(false, demo::kManualJobId));
        // Once finished, the next click goes through again.
        QVERIFY(m_controller->run(ActionKind::CancelJob, 1, demo::kManualJobId) != 0);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(m_sim.writes(), 2);
    }
};

QTEST_GUILESS_MAIN(TestActionController)
#include "tst_action_controller.moc"
