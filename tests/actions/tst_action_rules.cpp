// Which actions GitLab would refuse, decided before sending, with a reason for the tooltip.
#include "actions/action_rules.h"

#include <QTest>

using namespace pipedeck::actions;
using pipedeck::gitlab::CiStatus;

Q_DECLARE_METATYPE(CiStatus)

class TestActionRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobActions_data()
    {
        QTest::addColumn<ActionKind>("kind");
        QTest::addColumn<CiStatus>("status");
        QTest::addColumn<bool>("bridge");
        QTest::addColumn<bool>("retried");
        QTest::addColumn<bool>("erased");
        QTest::addColumn<bool>("enabled");

        // Play: manual jobs only (trigger jobs too: see bridgeActionsOnAnOlderGitLab).
        QTest::newRow("play manual")
            << ActionKind::PlayJob << CiStatus::Manual << false << false << false << true;
        QTest::newRow("play running")
            << ActionKind::PlayJob << CiStatus::Running << false << false << false << false;
        QTest::newRow("play success")
            << ActionKind::PlayJob << CiStatus::Success << false << false << false << false;
        QTest::newRow("play manual bridge")
            << ActionKind::PlayJob << CiStatus::Manual << true << false << false << true;
        QTest::newRow("play running bridge")
            << ActionKind::PlayJob << CiStatus::Running << true << false << false << false;
        QTest::newRow("play manual retried")
            << ActionKind::PlayJob << CiStatus::Manual << false << true << false << false;
        // Retry: finished jobs only.
        QTest::newRow("retry failed")
            << ActionKind::RetryJob << CiStatus::Failed << false << false << false << true;
        QTest::newRow("retry success")
            << ActionKind::RetryJob << CiStatus::Success << false << false << false << true;
        QTest::newRow("retry canceled")
            << ActionKind::RetryJob << CiStatus::Canceled << false << false << false << true;
        QTest::newRow("retry running")
            << ActionKind::RetryJob << CiStatus::Running << false << false << false << false;
        QTest::newRow("retry pending")
            << ActionKind::RetryJob << CiStatus::Pending << false << false << false << false;
        QTest::newRow("retry manual")
            << ActionKind::RetryJob << CiStatus::Manual << false << false << false << false;
        QTest::newRow("retry skipped")
            << ActionKind::RetryJob << CiStatus::Skipped << false << false << false << false;
        // Trigger jobs too, since GitLab 17.1 (see bridgeActionsOnAnOlderGitLab).
        QTest::newRow("retry failed bridge")
            << ActionKind::RetryJob << CiStatus::Failed << true << false << false << true;
        QTest::newRow("retry running bridge")
            << ActionKind::RetryJob << CiStatus::Running << true << false << false << false;
        QTest::newRow("retry failed retried")
            << ActionKind::RetryJob << CiStatus::Failed << false << true << false << false;
        QTest::newRow("retry unknown")
            << ActionKind::RetryJob << CiStatus::Unknown << false << false << false << false;
        // Cancel: queued or running.
        QTest::newRow("cancel running")
            << ActionKind::CancelJob << CiStatus::Running << false << false << false << true;
        QTest::newRow("cancel pending")
            << ActionKind::CancelJob << CiStatus::Pending << false << false << false << true;
        QTest::newRow("cancel created")
            << ActionKind::CancelJob << CiStatus::Created << false << false << false << true;
        QTest::newRow("cancel scheduled")
            << ActionKind::CancelJob << CiStatus::Scheduled << false << false << false << true;
        QTest::newRow("cancel success")
            << ActionKind::CancelJob << CiStatus::Success << false << false << false << false;
        QTest::newRow("cancel failed")
            << ActionKind::CancelJob << CiStatus::Failed << false << false << false << false;
        QTest::newRow("cancel canceling")
            << ActionKind::CancelJob << CiStatus::Canceling << false << false << false << false;
        QTest::newRow("cancel manual")
            << ActionKind::CancelJob << CiStatus::Manual << false << false << false << false;
        QTest::newRow("cancel running bridge")
            << ActionKind::CancelJob << CiStatus::Running << true << false << false << false;
        // Erase: finished, not erased yet.
        QTest::newRow("erase success")
            << ActionKind::EraseJob << CiStatus::Success << false << false << false << true;
        QTest::newRow("erase failed")
            << ActionKind::EraseJob << CiStatus::Failed << false << false << false << true;
        QTest::newRow("erase erased")
            << ActionKind::EraseJob << CiStatus::Success << false << false << true << false;
        QTest::newRow("erase running")
            << ActionKind::EraseJob << CiStatus::Running << false << false << false << false;
        QTest::newRow("erase bridge")
            << ActionKind::EraseJob << CiStatus::Success << true << false << false << false;
    }
    void jobActions()
    {
        QFETCH(ActionKind, kind);
        QFETCH(CiStatus, status);
        QFETCH(bool, bridge);
        QFETCH(bool, retried);
        QFETCH(bool, erased);
        QFETCH(bool, enabled);
        const JobFacts facts{status, bridge, retried, erased};
        const Availability availability = ActionRules::forJob(kind, facts, true);
        QCOMPARE(availability.enabled, enabled);
        // A disabled action always says why; an enabled one has nothing to explain.
        QCOMPARE(availability.reason.isEmpty(), enabled);

        // A read-only token can do nothing, whatever the job's state, and says so.
        const Availability readOnly = ActionRules::forJob(kind, facts, false);
        QVERIFY(!readOnly.enabled);
        QCOMPARE(readOnly.reason, ActionRules::readOnlyReason());
    }

    void bridgeReasonsMentionTriggerJobs()
    {
        const JobFacts runningBridge{CiStatus::Running, true, false, false};
        QVERIFY(ActionRules::forJob(ActionKind::CancelJob, runningBridge, true)
                    .reason.contains(QStringLiteral("trigger job")));
        const JobFacts passedBridge{CiStatus::Success, true, false, false};
        QVERIFY(ActionRules::forJob(ActionKind::EraseJob, passedBridge, true)
                    .reason.contains(QStringLiteral("trigger job")));
    }

    // An instance that answered 404 to retrying or playing a trigger job (an older GitLab) is
    // not offered that again, and the reason says so.
    void bridgeActionsOnAnOlderGitLab()
    {
        JobFacts failedBridge{CiStatus::Failed, true, false, false};
        QVERIFY(ActionRules::forJob(ActionKind::RetryJob, failedBridge, true).enabled);
        failedBridge.bridgeRetryRefused = true;
        const Availability refused = ActionRules::forJob(ActionKind::RetryJob, failedBridge, true);
        QVERIFY(!refused.enabled);
        QVERIFY(refused.reason.contains(QStringLiteral("trigger job")));
        QVERIFY(refused.reason.contains(QStringLiteral("17.1")));
        // Only trigger jobs are concerned.
        JobFacts failedBuild{CiStatus::Failed, false, false, false};
        failedBuild.bridgeRetryRefused = true;
        QVERIFY(ActionRules::forJob(ActionKind::RetryJob, failedBuild, true).enabled);

        JobFacts manualBridge{CiStatus::Manual, true, false, false};
        QVERIFY(ActionRules::forJob(ActionKind::PlayJob, manualBridge, true).enabled);
        manualBridge.bridgePlayRefused = true;
        const Availability playRefused =
            ActionRules::forJob(ActionKind::PlayJob, manualBridge, true);
        QVERIFY(!playRefused.enabled);
        QVERIFY(playRefused.reason.contains(QStringLiteral("trigger job")));
        QVERIFY(playRefused.reason.contains(QStringLiteral("browser")));
        // The two are learned apart: a GitLab may retry trigger jobs and not play them.
        manualBridge.bridgePlayRefused = false;
        manualBridge.bridgeRetryRefused = true;
        QVERIFY(ActionRules::forJob(ActionKind::PlayJob, manualBridge, true).enabled);
    }

    void pipelineActions_data()
    {
        QTest::addColumn<ActionKind>("kind");
        QTest::addColumn<CiStatus>("status");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("retry failed") << ActionKind::RetryPipeline << CiStatus::Failed << true;
        QTest::newRow("retry canceled") << ActionKind::RetryPipeline << CiStatus::Canceled << true;
        QTest::newRow("retry success") << ActionKind::RetryPipeline << CiStatus::Success << false;
        QTest::newRow("retry running") << ActionKind::RetryPipeline << CiStatus::Running << false;
        QTest::newRow("cancel running") << ActionKind::CancelPipeline << CiStatus::Running << true;
        QTest::newRow("cancel pending") << ActionKind::CancelPipeline << CiStatus::Pending << true;
        QTest::newRow("cancel waiting")
            << ActionKind::CancelPipeline << CiStatus::WaitingForResource << true;
        QTest::newRow("cancel success") << ActionKind::CancelPipeline << CiStatus::Success << false;
        QTest::newRow("cancel manual") << ActionKind::CancelPipeline << CiStatus::Manual << false;
        QTest::newRow("delete success") << ActionKind::DeletePipeline << CiStatus::Success << true;
        QTest::newRow("delete running") << ActionKind::DeletePipeline << CiStatus::Running << true;
    }
    void pipelineActions()
    {
        QFETCH(ActionKind, kind);
        QFETCH(CiStatus, status);
        QFETCH(bool, enabled);
        const Availability availability = ActionRules::forPipeline(kind, {status}, true);
        QCOMPARE(availability.enabled, enabled);
        QCOMPARE(availability.reason.isEmpty(), enabled);
        QVERIFY(!ActionRules::forPipeline(kind, {status}, false).enabled);
    }

    void kindsDoNotMix()
    {
        // A job action asked about a pipeline (and the reverse) is never offered.
        QVERIFY(!ActionRules::forPipeline(ActionKind::PlayJob, {CiStatus::Manual}, true).enabled);
        QVERIFY(
            !ActionRules::forJob(ActionKind::DeletePipeline, {CiStatus::Success}, true).enabled);
        QVERIFY(needsConfirmation(ActionKind::EraseJob));
        QVERIFY(needsConfirmation(ActionKind::DeletePipeline));
        QVERIFY(!needsConfirmation(ActionKind::RetryJob));
    }
};

QTEST_GUILESS_MAIN(TestActionRules)
#include "tst_action_rules.moc"
