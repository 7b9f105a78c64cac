// Jobs and pipelines living in simulated time: progress, play with variables, retry, cancel,
// erase, job tokens and downstream pipelines.
#include "sim_test_client.h"

#include "sim/demo_data.h"
#include "sim/world.h"

#include <QTest>
#include <algorithm>

using namespace pipedeck::sim;
using namespace simtest;

class TestSimLifecycle : public DemoServerTest
{
    Q_OBJECT

private:
    QJsonObject job(qint64 id, qint64 project = demo::kDemoProjectId)
    {
        return m_client->get(QStringLiteral("/projects/%1/jobs/%2").arg(project).arg(id)).object();
    }
    QString jobStatus(qint64 id) { return job(id).value(QStringLiteral("status")).toString(); }
    QString pipelineStatus(qint64 id)
    {
        return m_client->get(QStringLiteral("/projects/1/pipelines/%1").arg(id))
            .object()
            .value(QStringLiteral("status"))
            .toString();
    }

private Q_SLOTS:

    void runningJobProgressesToSuccess()
    {
        QCOMPARE(jobStatus(demo::kRunningJobId), QStringLiteral("running"));
        QCOMPARE(pipelineStatus(demo::kRunningPipelineId), QStringLiteral("running"));
        const QString tracePath =
            QStringLiteral("/projects/1/jobs/%1/trace").arg(demo::kRunningJobId);
        const QByteArray early = m_client->get(tracePath).body;
        QVERIFY(early.contains("section_start:"));
        QVERIFY(early.contains("\033[")); // ANSI colours
        QVERIFY(!early.contains("Job succeeded"));
        m_server->advance(300);
        const QByteArray later = m_client->get(tracePath).body;
        QVERIFY(later.size() > early.size());
        QVERIFY(later.startsWith(early));
        QVERIFY(later.contains("[collapsed=true]\r\033[0K"));
        QVERIFY(later.contains('\r')); // progress lines overwrite themselves
        m_server->advance(3600);
        QCOMPARE(jobStatus(demo::kRunningJobId), QStringLiteral("success"));
        const QByteArray done = m_client->get(tracePath).body;
        QVERIFY(done.startsWith(later));
        QVERIFY(done.contains("Job succeeded"));
        QVERIFY(done.contains("section_end:"));
        // deploy-production is manual with allow_failure: the pipeline still succeeds.
        QCOMPARE(pipelineStatus(demo::kRunningPipelineId), QStringLiteral("success"));
        const QJsonObject finished = job(demo::kRunningJobId);
        QVERIFY(finished.value(QStringLiteral("duration")).toDouble() > 800);
        QVERIFY(!finished.value(QStringLiteral("finished_at")).isNull());

        // FF_TIMESTAMPS-style prefixes on the other test job.
        const QByteArray stamped =
            m_client->get(QStringLiteral("/projects/1/jobs/%1/trace").arg(demo::kTimestampsJobId))
                .body;
        const QRegularExpression prefix(QStringLiteral(
            "^\\d{4}-[01]\\d-[0-3]\\dT[0-2]\\d:[0-5]\\d:[0-5]\\d\\.\\d{6}Z [0-9a-f]{2}[EO][+ ]"));
        const QList<QByteArray> lines = stamped.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i)
            QVERIFY2(prefix.match(QString::fromUtf8(lines[i])).hasMatch(), lines[i].constData());
        QVERIFY(stamped.contains("00O+")); // a continuation line
    }

    void playRemembersVariables()
    {
        QCOMPARE(jobStatus(demo::kManualJobId), QStringLiteral("manual"));
        QCOMPARE(pipelineStatus(demo::kManualPipelineId), QStringLiteral("manual"));
        QJsonArray variables{
            QJsonObject{{QStringLiteral("key"), QStringLiteral("DEPLOY_TARGET")},
                        {QStringLiteral("value"), QStringLiteral("prod-eu")}},
            QJsonObject{{QStringLiteral("key"), QStringLiteral("REASON")},
                        {QStringLiteral("value"), QStringLiteral("緊急リリース 🚑")}}};
        Reply r =
            m_client->postJson(QStringLiteral("/projects/1/jobs/%1/play").arg(demo::kManualJobId),
                               {{QStringLiteral("job_variables_attributes"), variables}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("id")).toInt(), int(demo::kManualJobId));
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        const Job *played = m_server->world().job(demo::kManualJobId);
        QCOMPARE(played->playVariables.size(), 2);
        QCOMPARE(played->playVariables.at(1).value, QStringLiteral("緊急リリース 🚑"));
        QCOMPARE(pipelineStatus(demo::kManualPipelineId), QStringLiteral("running"));
        m_server->advance(600);
        QCOMPARE(jobStatus(demo::kManualJobId), QStringLiteral("success"));
        const QByteArray trace =
            m_client->get(QStringLiteral("/projects/1/jobs/%1/trace").arg(demo::kManualJobId)).body;
        QVERIFY(trace.contains("DEPLOY_TARGET=prod-eu"));
        QVERIFY(trace.contains(QStringLiteral("REASON=緊急リリース 🚑").toUtf8()));
        QCOMPARE(pipelineStatus(demo::kManualPipelineId),
                 QStringLiteral("success")); // smoke-test ran

        // Not playable any more except as a replay of a finished manual job: Ci::PlayBuildService
        // cannot enqueue it and retries it without the variables sent now, so the new job keeps
        // the ones the first play set (app/services/ci/play_build_service.rb, Ci::Build#clone).
        r = m_client->postForm(QStringLiteral("/projects/1/jobs/%1/play").arg(demo::kManualJobId),
                               "job_variables_attributes[][key]=DEPLOY_TARGET"
                               "&job_variables_attributes[][value]=prod-us");
        QCOMPARE(r.status, 200);
        const qint64 replay = r.object().value(QStringLiteral("id")).toInt();
        QVERIFY(replay != demo::kManualJobId);
        QCOMPARE(m_server->world().playedVariables(replay),
                 m_server->world().playedVariables(demo::kManualJobId));
        QCOMPARE(m_server->world().playedVariables(replay).first().value,
                 QStringLiteral("prod-eu"));

        r = m_client->postJson(QStringLiteral("/projects/1/jobs/%1/play").arg(demo::kFailedJobId));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("400 Bad request - Unplayable Job"));
        r = m_client->postJson(
            QStringLiteral("/projects/1/jobs/%1/play").arg(demo::kManualJobId),
            {{QStringLiteral("job_variables_attributes"),
              QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("K")}}}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("job_variables_attributes[0][value] is missing"));
    }

    void retryMakesNewJob()
    {
        const QString pipelineJobs =
            QStringLiteral("/projects/1/pipelines/%1/jobs").arg(demo::kFailedPipelineId);
        const int before = m_client->get(pipelineJobs).array().size();
        QCOMPARE(pipelineStatus(demo::kFailedPipelineId), QStringLiteral("failed"));
        QCOMPARE(job(demo::kFailedJobId + 2).value(QStringLiteral("status")).toString(),
                 QStringLiteral("skipped"));
        Reply r =
            m_client->postJson(QStringLiteral("/projects/1/jobs/%1/retry").arg(demo::kFailedJobId));
        QCOMPARE(r.status, 201);
        const int fresh = r.object().value(QStringLiteral("id")).toInt();
        QVERIFY(fresh > demo::kFailedJobId);
        QCOMPARE(r.object().value(QStringLiteral("name")).toString(), QStringLiteral("unit-tests"));
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QVERIFY(m_server->world().job(demo::kFailedJobId)->retried);
        QCOMPARE(m_client->get(pipelineJobs).array().size(), before);
        QCOMPARE(
            m_client->get(pipelineJobs + QStringLiteral("?include_retried=true")).array().size(),
            before + 1);
        QCOMPARE(pipelineStatus(demo::kFailedPipelineId), QStringLiteral("running"));
        // The skipped deploy waits again (created) and runs after the retried test... which fails
        // again as planned, so deploy is skipped again.
        QCOMPARE(job(demo::kFailedJobId + 2).value(QStringLiteral("status")).toString(),
                 QStringLiteral("created"));
        m_server->advance(600);
        QCOMPARE(jobStatus(fresh), QStringLiteral("failed"));
        QCOMPARE(pipelineStatus(demo::kFailedPipelineId), QStringLiteral("failed"));

        // A running job is not retryable.
        r = m_client->postJson(
            QStringLiteral("/projects/1/jobs/%1/retry").arg(demo::kRunningJobId));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("403 Forbidden - Job is not retryable"));
        Client reader(m_server->baseUrl(), kReaderToken);
        QCOMPARE(
            reader.postJson(QStringLiteral("/projects/1/jobs/%1/retry").arg(demo::kFailedJobId))
                .status,
            403);
    }

    void retriedAttemptsOnlyWithIncludeRetried()
    {
        // GitLab's Job and Bridge entities have no `retried` field: a client tells an earlier
        // attempt by a newer job of the same name, and include_retried decides whether it is
        // listed at all, for jobs and (through the same finder) for bridges.
        m_server->advance(3600);
        QCOMPARE(jobStatus(demo::kFailedJobId), QStringLiteral("failed"));
        const QString bridgesPath =
            QStringLiteral("/projects/1/pipelines/%1/bridges").arg(demo::kBridgePipelineId);
        const auto bridgeIds = [this](const QString &path) {
            QList<qint64> ids;
            const QJsonArray array = m_client->get(path).array();
            for (const QJsonValue &value : array) {
                ids.append(value.toObject().value(QStringLiteral("id")).toInteger());
                if (value.toObject().contains(QStringLiteral("retried")))
                    ids.append(-1); // a field GitLab does not send
            }
            return ids;
        };
        const QList<qint64> before = bridgeIds(bridgesPath);
        QVERIFY(before.contains(demo::kChildBridgeJobId));

        // An older GitLab (before 17.1) does not find trigger jobs at /jobs/:id/retry or /play:
        // 404, and nothing changes.
        m_server->world().setActsOnTriggerJobs(false);
        const QString bridgeRetry =
            QStringLiteral("/projects/1/jobs/%1/retry").arg(demo::kChildBridgeJobId);
        QCOMPARE(m_client->postJson(bridgeRetry).status, 404);
        QCOMPARE(
            m_client
                ->postJson(QStringLiteral("/projects/1/jobs/%1/play").arg(demo::kChildBridgeJobId))
                .status,
            404);
        QCOMPARE(bridgeIds(bridgesPath), before);
        // Current GitLab retries them (find_job!): a new trigger job and a new downstream
        // pipeline, answered as a job entity.
        m_server->world().setActsOnTriggerJobs(true);
        const Reply bridgeReply = m_client->postJson(bridgeRetry);
        QCOMPARE(bridgeReply.status, 201);
        const qint64 freshBridge = bridgeReply.object().value(QStringLiteral("id")).toInteger();
        QVERIFY(freshBridge > demo::kChildBridgeJobId);
        QCOMPARE(bridgeReply.object().value(QStringLiteral("name")).toString(),
                 QStringLiteral("trigger-docs"));
        // Cancel and erase never take a trigger job (find_build!).
        QCOMPARE(
            m_client->postJson(QStringLiteral("/projects/1/jobs/%1/erase").arg(freshBridge)).status,
            404);

        const QList<qint64> current = bridgeIds(bridgesPath);
        QCOMPARE(current.size(), before.size());
        QVERIFY(!current.contains(demo::kChildBridgeJobId));
        QCOMPARE(current.first(), freshBridge); // newest first
        const QList<qint64> all = bridgeIds(bridgesPath + QStringLiteral("?include_retried=true"));
        QCOMPARE(all.size(), before.size() + 1);
        QCOMPARE(all.first(), freshBridge);
        QVERIFY(all.contains(demo::kChildBridgeJobId));

        // Jobs: the same rules, and scope[] still filters the older attempts.
        const Reply r =
            m_client->postJson(QStringLiteral("/projects/1/jobs/%1/retry").arg(demo::kFailedJobId));
        QCOMPARE(r.status, 201);
        QVERIFY(!r.object().contains(QStringLiteral("retried")));
        const qint64 freshJob = r.object().value(QStringLiteral("id")).toInteger();
        const QString jobsPath =
            QStringLiteral("/projects/1/pipelines/%1/jobs").arg(demo::kFailedPipelineId);
        const QJsonArray withRetried =
            m_client->get(jobsPath + QStringLiteral("?include_retried=true")).array();
        QList<qint64> ids;
        for (const QJsonValue &value : withRetried) {
            QVERIFY(!value.toObject().contains(QStringLiteral("retried")));
            ids.append(value.toObject().value(QStringLiteral("id")).toInteger());
        }
        QVERIFY(std::is_sorted(ids.crbegin(), ids.crend()));
        QVERIFY(ids.contains(demo::kFailedJobId));
        QVERIFY(ids.contains(freshJob));
        const QJsonArray failedOnly =
            m_client->get(jobsPath + QStringLiteral("?include_retried=true&scope[]=failed"))
                .array();
        QCOMPARE(failedOnly.size(), 1);
        QCOMPARE(failedOnly.first().toObject().value(QStringLiteral("id")).toInteger(),
                 demo::kFailedJobId);
        QVERIFY(m_client->get(jobsPath + QStringLiteral("?scope[]=failed")).array().isEmpty());
    }

    void cancelAndErase()
    {
        Reply r = m_client->postJson(
            QStringLiteral("/projects/1/jobs/%1/cancel").arg(demo::kRunningJobId));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("canceled"));
        const QByteArray trace =
            m_client->get(QStringLiteral("/projects/1/jobs/%1/trace").arg(demo::kRunningJobId))
                .body;
        QVERIFY(trace.contains("canceled"));
        m_server->advance(3600);
        QCOMPARE(jobStatus(demo::kRunningJobId), QStringLiteral("canceled"));
        // The canceled test job stops the later stages: the pipeline ends up failed-or-canceled.
        const QString status = pipelineStatus(demo::kRunningPipelineId);
        QVERIFY2(status == QLatin1String("canceled") || status == QLatin1String("failed"),
                 qPrintable(status));

        const qint64 compile = demo::kRunningJobId - 1;
        r = m_client->postJson(QStringLiteral("/projects/1/jobs/%1/erase").arg(compile));
        QCOMPARE(r.status, 201);
        QVERIFY(!r.object().value(QStringLiteral("erased_at")).isNull());
        QVERIFY(
            m_client->get(QStringLiteral("/projects/1/jobs/%1/trace").arg(compile)).body.isEmpty());
        r = m_client->postJson(QStringLiteral("/projects/1/jobs/%1/erase").arg(compile));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("403 Forbidden - Job is not erasable!"));
    }

    void jobTokenAndGetJob()
    {
        const Job *running = m_server->world().job(demo::kRunningJobId);
        QVERIFY(!running->jobToken.isEmpty());
        Client anonymous(m_server->baseUrl(), QString());
        Reply r = anonymous.get(QStringLiteral("/job"), {{"JOB-TOKEN", running->jobToken}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("id")).toInt(), int(demo::kRunningJobId));
        QCOMPARE(m_client->get(QStringLiteral("/job")).status, 401); // a PAT is not a job token
        // A job token reads its own project's jobs, not the API at large.
        QCOMPARE(
            anonymous.get(QStringLiteral("/projects/1/jobs"), {{"JOB-TOKEN", running->jobToken}})
                .status,
            200);
        QCOMPARE(
            anonymous.get(QStringLiteral("/projects/2/jobs"), {{"JOB-TOKEN", running->jobToken}})
                .status,
            404);
        QCOMPARE(
            anonymous.get(QStringLiteral("/projects"), {{"JOB-TOKEN", running->jobToken}}).status,
            401);
        const QByteArray token = running->jobToken;
        m_server->advance(3600);
        QCOMPARE(anonymous.get(QStringLiteral("/job"), {{"JOB-TOKEN", token}}).status,
                 401); // finished
    }

    void worldApiForTests()
    {
        Server empty(testOptions(false));
        QVERIFY(empty.listen());
        World &world = empty.world();
        QVERIFY(world.userByUsername(QStringLiteral("demo")));
        Project &project = world.createProject(QStringLiteral("team"), QStringLiteral("svc"),
                                               QStringLiteral("Service"), QStringLiteral("demo"));
        Project &other = world.createProject(QStringLiteral("team"), QStringLiteral("other"),
                                             QStringLiteral("Other"), QStringLiteral("demo"));
        PipelineSpec spec;
        JobSpec build;
        build.name = QStringLiteral("build");
        build.stage = QStringLiteral("build");
        build.durationSeconds = 10;
        build.generateTrace = false;
        JobSpec child;
        child.name = QStringLiteral("child-job");
        JobSpec remote;
        remote.name = QStringLiteral("remote-job");
        JobSpec toChild;
        toChild.name = QStringLiteral("to-child");
        toChild.stage = QStringLiteral("downstream");
        toChild.bridge = true;
        toChild.downstreamJobs = {child};
        JobSpec toOther = toChild;
        toOther.name = QStringLiteral("to-other");
        toOther.downstreamProjectId = other.id;
        toOther.downstreamJobs = {remote};
        spec.jobs = {build, toChild, toOther};
        const qint64 pipelineId = world.createPipeline(project.id, spec).id;
        const QList<const Job *> builds = world.jobsOfPipeline(pipelineId, false, false);
        QCOMPARE(builds.size(), 1);
        world.setJobStatus(builds.first()->id, QStringLiteral("running"));
        world.appendTrace(builds.first()->id, "hello\n");
        Client client(empty.baseUrl());
        QCOMPARE(
            client.get(QStringLiteral("/projects/team%2Fsvc/jobs/%1/trace").arg(builds.first()->id))
                .body,
            QByteArray("hello\n"));
        empty.advance(5);
        QCOMPARE(world.job(builds.first()->id)->status,
                 QStringLiteral("running")); // frozen by hand
        world.setJobStatus(builds.first()->id, QStringLiteral("success"));
        empty.advance(120);
        const QList<const Job *> bridges = world.jobsOfPipeline(pipelineId, false, true);
        QCOMPARE(bridges.size(), 2);
        for (const Job *b : bridges) {
            const Pipeline *downstream = world.pipeline(b->downstreamPipelineId);
            QVERIFY(downstream);
            QCOMPARE(downstream->status, QStringLiteral("success"));
            QCOMPARE(b->status, QStringLiteral("success"));
            QCOMPARE(downstream->projectId,
                     b->spec.name == QLatin1String("to-other") ? other.id : project.id);
            QCOMPARE(downstream->source, b->spec.name == QLatin1String("to-other")
                                             ? QStringLiteral("pipeline")
                                             : QStringLiteral("parent_pipeline"));
        }
        QCOMPARE(world.pipeline(pipelineId)->status, QStringLiteral("success"));
    }

    void deterministicForSeed()
    {
        Server a(testOptions());
        Server b(testOptions());
        QVERIFY(a.listen());
        QVERIFY(b.listen());
        QCOMPARE(a.world().trace(demo::kFailedJobId), b.world().trace(demo::kFailedJobId));
        QCOMPARE(a.world().pipeline(demo::kBigPipelineId)->finishedAtMs,
                 b.world().pipeline(demo::kBigPipelineId)->finishedAtMs);
        QCOMPARE(a.world().trace(demo::kFailedJobId).isEmpty(), false);
    }
};

QTEST_GUILESS_MAIN(TestSimLifecycle)
#include "tst_sim_lifecycle.moc"
