// Job and pipeline actions through the project page, against pipedeck-sim: enabled state and
// tooltip per job state, exactly one POST per click, the card updates at once and after the
// refresh, a 500 shows GitLab's message inline and sends nothing more, destructive actions ask.
#include "page_fixture.h"

#include "actions/action_controller.h"
#include "actions/action_rules.h"
#include "models/loaders/jobs_loader.h"
#include "pipelines/pipeline_graph_view.h"
#include "sim/fault_rule.h"
#include "widgets/inline_message.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>

using namespace pipedeck;
using actions::ActionKind;
using models::JobsModel;
namespace demo = pipedeck::sim::demo;

class TestJobActions : public QObject
{
    Q_OBJECT

private:
    pagetest::PageFixture m_f;

    QAction *act(ActionKind kind) { return m_f.page->action(kind); }
    void select(qint64 jobId)
    {
        m_f.page->graphView()->setCurrentJob(jobId);
        QCOMPARE(m_f.page->currentJobId(), jobId);
    }
    gitlab::CiStatus modelStatus(qint64 jobId)
    {
        return static_cast<gitlab::CiStatus>(
            m_f.jobs()->indexOfJob(jobId).data(JobsModel::StatusRole).toInt());
    }
    qint64 jobNamed(qint64 pipelineId, const QString &name)
    {
        for (const sim::Job *job : m_f.server->world().jobsOfPipeline(pipelineId, false, true)) {
            if (job->spec.name == name)
                return job->id;
        }
        return 0;
    }
    bool waitForRefresh()
    {
        QSignalSpy refreshed(m_f.page->jobsLoader(), &models::JobsLoader::refreshed);
        return refreshed.wait(10'000);
    }

private Q_SLOTS:
    void cleanup() { m_f.close(); }

    void enabledStateFollowsTheJob()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kManualPipelineId));
        select(demo::kManualJobId);
        QVERIFY(act(ActionKind::PlayJob)->isEnabled());
        QVERIFY(!act(ActionKind::RetryJob)->isEnabled());
        QVERIFY(act(ActionKind::RetryJob)->toolTip().contains(QStringLiteral("can be retried")));
        QVERIFY(!act(ActionKind::CancelJob)->isEnabled());
        QVERIFY(!act(ActionKind::CancelJob)->toolTip().isEmpty());
        QVERIFY(!act(ActionKind::EraseJob)->isEnabled());

        QVERIFY(m_f.showPipeline(demo::kFailedPipelineId));
        select(demo::kFailedJobId);
        QVERIFY(!act(ActionKind::PlayJob)->isEnabled());
        QVERIFY(act(ActionKind::RetryJob)->isEnabled());
        QVERIFY(act(ActionKind::EraseJob)->isEnabled());
        QVERIFY(!act(ActionKind::CancelJob)->isEnabled());
        QVERIFY(act(ActionKind::RetryPipeline)->isEnabled());

        QVERIFY(m_f.showPipeline(demo::kRunningPipelineId));
        select(demo::kRunningJobId);
        QVERIFY(act(ActionKind::CancelJob)->isEnabled());
        QVERIFY(!act(ActionKind::RetryJob)->isEnabled());
        QVERIFY(act(ActionKind::RetryJob)->toolTip().contains(QStringLiteral("not finished")));
        QVERIFY(act(ActionKind::CancelPipeline)->isEnabled());
        QVERIFY(!act(ActionKind::RetryPipeline)->isEnabled());

        // Trigger jobs: GitLab retries them (17.1 and later) but does not cancel or erase
        // them; the tooltips say so.
        QVERIFY(m_f.showPipeline(demo::kBridgePipelineId));
        select(demo::kChildBridgeJobId);
        QVERIFY(act(ActionKind::RetryJob)->isEnabled());
        QVERIFY(act(ActionKind::RetryJob)->toolTip().contains(QStringLiteral("downstream")));
        QVERIFY(!act(ActionKind::PlayJob)->isEnabled()); // it is not manual
        for (const ActionKind kind : {ActionKind::CancelJob, ActionKind::EraseJob}) {
            QVERIFY(!act(kind)->isEnabled());
            QVERIFY2(act(kind)->toolTip().contains(QStringLiteral("trigger job")),
                     qPrintable(act(kind)->toolTip()));
        }
        QVERIFY(m_f.page->openJobAction()->isEnabled());
    }

    // Retrying a trigger job makes a new one with a new downstream pipeline. An older GitLab
    // answers 404: the page says which GitLab can, sends nothing more and stops offering it.
    void triggerJobRetryAndAnOlderGitLab()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kBridgePipelineId));
        select(demo::kChildBridgeJobId);
        m_f.server->clearRequests();
        act(ActionKind::RetryJob)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            jobNamed(demo::kBridgePipelineId, QStringLiteral("trigger-docs")) !=
                demo::kChildBridgeJobId,
            10'000);
        const qint64 fresh = jobNamed(demo::kBridgePipelineId, QStringLiteral("trigger-docs"));
        QTRY_VERIFY_WITH_TIMEOUT(m_f.jobs()->indexOfJob(fresh).isValid(), 10'000);
        QCOMPARE(m_f.writes(), 1);
        QVERIFY(!m_f.page->messageBar()->isVisible() ||
                m_f.page->messageBar()->kind() != InlineMessage::Kind::Error);

        m_f.server->world().setActsOnTriggerJobs(false);
        select(demo::kMultiProjectBridgeJobId);
        QVERIFY(act(ActionKind::RetryJob)->isEnabled());
        m_f.server->clearRequests();
        act(ActionKind::RetryJob)->trigger();
        InlineMessage *message = m_f.page->messageBar();
        QTRY_VERIFY_WITH_TIMEOUT(
            message->isVisible() && message->text().contains(QStringLiteral("17.1")), 10'000);
        QCOMPARE(message->kind(), InlineMessage::Kind::Error);
        QTest::qWait(300);
        QCOMPARE(m_f.writes(), 1);
        QTRY_VERIFY(!act(ActionKind::RetryJob)->isEnabled());
        QCOMPARE(act(ActionKind::RetryJob)->toolTip(),
                 actions::ActionRules::bridgeRetryRefusedReason());
        // Only trigger jobs are concerned.
        QVERIFY(m_f.showPipeline(demo::kFailedPipelineId));
        select(demo::kFailedJobId);
        QVERIFY(act(ActionKind::RetryJob)->isEnabled());
    }

    void readOnlyAccountCannotAct()
    {
        QVERIFY(m_f.open(demo::kDemoProjectId, false, actionstest::kReaderToken));
        QVERIFY(m_f.showPipeline(demo::kManualPipelineId));
        select(demo::kManualJobId);
        for (const ActionKind kind :
             {ActionKind::PlayJob, ActionKind::RetryJob, ActionKind::CancelJob,
              ActionKind::EraseJob, ActionKind::RetryPipeline, ActionKind::CancelPipeline,
              ActionKind::DeletePipeline}) {
            QVERIFY(!act(kind)->isEnabled());
            QCOMPARE(act(kind)->toolTip(), actions::ActionRules::readOnlyReason());
        }
        // Triggering anyway (a stale shortcut) sends nothing.
        act(ActionKind::PlayJob)->trigger();
        QTest::qWait(200);
        QCOMPARE(m_f.writes(), 0);
        QVERIFY(m_f.page->openJobAction()->isEnabled());
    }

    void playSendsOnePostAndUpdatesTheCard()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kManualPipelineId));
        select(demo::kManualJobId);
        m_f.server->clearRequests();
        PipelineGraphView *graph = m_f.page->graphView();
        act(ActionKind::PlayJob)->trigger();
        // At once, before GitLab answered: the card shows the job starting.
        QVERIFY(graph->cardText(demo::kManualJobId).contains(QStringLiteral("Starting")));
        QVERIFY(!act(ActionKind::PlayJob)->isEnabled()); // busy: no second click
        act(ActionKind::PlayJob)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(modelStatus(demo::kManualJobId) == gitlab::CiStatus::Pending,
                                 10'000);
        QCOMPARE(m_f.count("POST", QStringLiteral("/play")), 1);
        QCOMPARE(m_f.writes(), 1);
        QVERIFY(graph->cardText(demo::kManualJobId).contains(QStringLiteral("Pending")));
        QVERIFY(!m_f.page->messageBar()->isVisible());
    }

    void retryFollowsTheNewJob()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kFailedPipelineId));
        select(demo::kFailedJobId);
        m_f.server->clearRequests();
        act(ActionKind::RetryJob)->trigger();
        QVERIFY(m_f.page->graphView()
                    ->cardText(demo::kFailedJobId)
                    .contains(QStringLiteral("Retrying")));
        // The new attempt replaces the failed card and becomes current.
        QTRY_VERIFY_WITH_TIMEOUT(m_f.page->currentJobId() != demo::kFailedJobId &&
                                     m_f.page->currentJobId() != 0,
                                 10'000);
        const qint64 fresh = m_f.page->currentJobId();
        QCOMPARE(m_f.server->world().job(fresh)->spec.name, QStringLiteral("unit-tests"));
        QCOMPARE(m_f.count("POST", QStringLiteral("/retry")), 1);
        QCOMPARE(m_f.writes(), 1);
        QVERIFY(!m_f.jobs()->indexOfJob(demo::kFailedJobId).isValid()); // retried: hidden
        // Shown again with "Show retried jobs".
        m_f.page->showRetriedAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_f.jobs()->indexOfJob(demo::kFailedJobId).isValid(), 10'000);
        QVERIFY(m_f.page->graphView()
                    ->cardText(demo::kFailedJobId)
                    .contains(QStringLiteral("retried")));
    }

    void cancelSendsOnePost()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kRunningPipelineId));
        select(demo::kRunningJobId);
        m_f.server->clearRequests();
        act(ActionKind::CancelJob)->trigger();
        QVERIFY(m_f.page->graphView()
                    ->cardText(demo::kRunningJobId)
                    .contains(QStringLiteral("Canceling")));
        QTRY_VERIFY_WITH_TIMEOUT(modelStatus(demo::kRunningJobId) == gitlab::CiStatus::Canceled,
                                 10'000);
        QCOMPARE(m_f.count("POST", QStringLiteral("/cancel")), 1);
        QCOMPARE(m_f.writes(), 1);
    }

    void eraseAsksFirst()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kFailedPipelineId));
        select(demo::kFailedJobId);
        QString asked;
        m_f.page->setConfirmation([&](const QString &, const QString &text) {
            asked = text;
            return false;
        });
        m_f.server->clearRequests();
        act(ActionKind::EraseJob)->trigger();
        QVERIFY(asked.contains(QStringLiteral("unit-tests")));
        QTest::qWait(200);
        QCOMPARE(m_f.writes(), 0); // declined: nothing sent

        m_f.page->setConfirmation([](const QString &, const QString &) { return true; });
        act(ActionKind::EraseJob)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_f.jobs()->indexOfJob(demo::kFailedJobId).data(JobsModel::ErasedAtRole).isValid() &&
                m_f.jobs()
                    ->indexOfJob(demo::kFailedJobId)
                    .data(JobsModel::ErasedAtRole)
                    .toDateTime()
                    .isValid(),
            10'000);
        QCOMPARE(m_f.count("POST", QStringLiteral("/erase")), 1);
        QVERIFY(!act(ActionKind::EraseJob)->isEnabled()); // already erased
    }

    void serverErrorShowsInlineAndSendsNothingMore()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kFailedPipelineId));
        select(demo::kFailedJobId);
        sim::FaultRule fault;
        fault.method = "POST";
        fault.path = QRegularExpression(QStringLiteral("/jobs/\\d+/retry$"));
        fault.kind = sim::FaultKind::ServerError;
        fault.status = 500;
        fault.times = -1;
        m_f.server->addFault(fault);
        m_f.server->clearRequests();
        act(ActionKind::RetryJob)->trigger();
        InlineMessage *message = m_f.page->messageBar();
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 10'000);
        QCOMPARE(message->kind(), InlineMessage::Kind::Error);
        QVERIFY(message->text().contains(QStringLiteral("Could not retry the job “unit-tests”")));
        QVERIFY(message->text().contains(QStringLiteral("500")));
        QTest::qWait(500);
        QCOMPARE(m_f.count("POST"), 1);
        QCOMPARE(m_f.writes(), 1);
        // Nothing is lost: the job is still there, failed, current, and can be retried again.
        QCOMPARE(m_f.page->currentJobId(), demo::kFailedJobId);
        QVERIFY(
            m_f.page->graphView()->cardText(demo::kFailedJobId).contains(QStringLiteral("Failed")));
        QVERIFY(act(ActionKind::RetryJob)->isEnabled());
    }

    void contextMenuOffersTheSameActions()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kManualPipelineId));
        select(demo::kManualJobId);
        std::unique_ptr<QMenu> menu(m_f.page->buildJobMenu(nullptr));
        QVERIFY(menu->toolTipsVisible());
        const QList<QAction *> entries = menu->actions();
        QVERIFY(entries.contains(act(ActionKind::PlayJob)));
        QVERIFY(entries.contains(act(ActionKind::RetryJob)));
        QVERIFY(entries.contains(m_f.page->copyJobLinkAction()));
        QVERIFY(act(ActionKind::PlayJob)->isEnabled());
        // The keyboard's menu key asks for the menu of the current card.
        QSignalSpy asked(m_f.page->graphView(), &PipelineGraphView::contextMenuRequested);
        QTest::keyClick(m_f.page->graphView(), Qt::Key_Menu);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toLongLong(), demo::kManualJobId);
    }

    void deletePipelineAsksAndSendsOneDelete()
    {
        QVERIFY(m_f.open());
        QVERIFY(m_f.showPipeline(demo::kCanceledPipelineId));
        m_f.page->setConfirmation([](const QString &, const QString &) { return true; });
        m_f.server->clearRequests();
        act(ActionKind::DeletePipeline)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_f.server->world().pipeline(demo::kCanceledPipelineId) == nullptr,
                                 10'000);
        QCOMPARE(m_f.count("DELETE"), 1);
        QTRY_VERIFY(m_f.page->messageBar()->text().contains(QStringLiteral("deleted")));
        QTRY_COMPARE_WITH_TIMEOUT(m_f.pipelines()->rowOfId(demo::kCanceledPipelineId), -1, 10'000);
    }
};

QTEST_MAIN(TestJobActions)
#include "tst_job_actions.moc"
