// Every endpoint of the API library against pipedeck-sim over real loopback HTTP.
#include "gitlab_test_support.h"

#include "gitlab/requests/instance_requests.h"
#include "gitlab/requests/job_requests.h"
#include "gitlab/requests/pipeline_requests.h"
#include "gitlab/requests/project_requests.h"
#include "gitlab/requests/trigger_requests.h"
#include "sim/demo_data.h"
#include "sim/world.h"

#include <QSet>
#include <QThread>

using namespace pipedeck::gitlab;
using namespace Qt::StringLiterals;
namespace demo = pipedeck::sim::demo;
using gltest::runToEnd;

#define VERIFY_OK(request)                                                                         \
    QVERIFY2((request).status().ok(), qPrintable(Status::codeName((request).status().code()) +     \
                                                 u" "_s + (request).status().detail() + u" "_s +   \
                                                 (request).status().gitlabMessage()))

class TestGitlabApi : public QObject
{
    Q_OBJECT
    std::unique_ptr<pipedeck::sim::Server> m_sim;
    std::unique_ptr<Connection> m_connection;

    // Makes the running demo job's trace at least `mebibytes` longer; returns the whole trace.
    QByteArray growRunningTrace(int mebibytes)
    {
        QByteArray more;
        for (int i = 0; more.size() < mebibytes * 1024 * 1024; ++i)
            more += "line " + QByteArray::number(i) + " of a long job log\n";
        m_sim->world().appendTrace(demo::kRunningJobId, more);
        return m_sim->world().trace(demo::kRunningJobId);
    }

private Q_SLOTS:
    void init()
    {
        m_sim = gltest::startSim();
        m_connection = std::make_unique<Connection>(m_sim->baseUrl(), gltest::fastOptions());
        m_connection->setToken(gltest::kDemoToken);
    }
    void cleanup()
    {
        m_connection.reset();
        m_sim.reset();
    }

    void everyRequestIsBuiltTheSameWay()
    {
        GetCurrentUser user;
        QVERIFY(runToEnd(user, *m_connection));
        VERIFY_OK(user);
        QCOMPARE(user.user().username, u"demo"_s);
        const auto requests = m_sim->requests();
        QCOMPARE(requests.size(), 1);
        const auto &sent = requests.first();
        QCOMPARE(sent.target, QByteArray("/api/v4/user"));
        QCOMPARE(gltest::header(sent, "PRIVATE-TOKEN"), gltest::kDemoToken.toUtf8());
        QVERIFY(gltest::header(sent, "User-Agent").startsWith("Pipedeck/"));
        QCOMPARE(gltest::header(sent, "Accept"), QByteArray("application/json"));
    }

    void versionAndTokenScopes()
    {
        GetVersion version;
        QVERIFY(runToEnd(version, *m_connection));
        VERIFY_OK(version);
        QVERIFY(!version.version().version.isEmpty());

        GetPersonalAccessTokenSelf self;
        QVERIFY(runToEnd(self, *m_connection));
        VERIFY_OK(self);
        QVERIFY(self.tokenInfo().canWrite());
        QVERIFY(self.tokenInfo().active);

        m_connection->setToken(gltest::kReaderToken);
        GetPersonalAccessTokenSelf reader;
        QVERIFY(runToEnd(reader, *m_connection));
        VERIFY_OK(reader);
        QCOMPARE(reader.tokenInfo().scopes, QStringList{u"read_api"_s});
        QVERIFY(!reader.tokenInfo().canWrite());
    }

    void projects()
    {
        ListProjects all;
        all.setAllPages(true);
        QVERIFY(runToEnd(all, *m_connection));
        VERIFY_OK(all);
        QSet<qint64> ids;
        for (const Project &p : all.projects())
            ids.insert(p.id);
        QVERIFY(ids.contains(demo::kDemoProjectId));
        QVERIFY(!ids.contains(demo::kPrivateProjectId)); // alice's, not visible to demo

        ProjectQuery query;
        query.search = u"gateway"_s;
        ListProjects search(query);
        QVERIFY(runToEnd(search, *m_connection));
        VERIFY_OK(search);
        QVERIFY(!search.projects().isEmpty());
        for (const Project &p : search.projects())
            QVERIFY(p.pathWithNamespace.contains(u"gateway"_s) || p.name.contains(u"gateway"_s));

        GetProject byPath(ProjectRef::fromPath(QString::fromLatin1(demo::kDemoProjectPath)));
        QVERIFY(runToEnd(byPath, *m_connection));
        VERIFY_OK(byPath);
        QCOMPARE(byPath.project().id, demo::kDemoProjectId);
        QVERIFY(m_sim->requests().last().target.contains("platform%2Fapi-gateway"));

        GetProject byId(demo::kDemoProjectId);
        QVERIFY(runToEnd(byId, *m_connection));
        QCOMPARE(byId.project().pathWithNamespace, QString::fromLatin1(demo::kDemoProjectPath));
        QVERIFY(!byId.project().defaultBranch.isEmpty());
    }

    void branchesAndTags()
    {
        ListBranches branches(demo::kDemoProjectId);
        QVERIFY(runToEnd(branches, *m_connection));
        VERIFY_OK(branches);
        QVERIFY(std::any_of(branches.branches().begin(), branches.branches().end(),
                            [](const Branch &b) { return b.isDefault; }));
        ListTags tags(demo::kDemoProjectId);
        QVERIFY(runToEnd(tags, *m_connection));
        VERIFY_OK(tags);
    }

    void pipelinesWithFilters()
    {
        PipelineQuery query;
        query.status = u"manual"_s;
        ListPipelines manual(demo::kDemoProjectId, query);
        QVERIFY(runToEnd(manual, *m_connection));
        VERIFY_OK(manual);
        QVERIFY(!manual.pipelines().isEmpty());
        bool found = false;
        for (const Pipeline &p : manual.pipelines()) {
            QCOMPARE(p.status, CiStatus::Manual);
            found = found || p.id == demo::kManualPipelineId;
        }
        QVERIFY(found);
        const QByteArray target = m_sim->requests().last().target;
        QVERIFY(target.contains("status=manual"));
        QVERIFY(target.contains("per_page=100"));

        ListPipelines firstPage(demo::kDemoProjectId);
        QVERIFY(runToEnd(firstPage, *m_connection));
        VERIFY_OK(firstPage);
        QVERIFY(firstPage.pipelines().size() > 10);
        QCOMPARE(firstPage.pagesFetched(), 1);

        GetPipeline detail(demo::kDemoProjectId, demo::kRunningPipelineId);
        QVERIFY(runToEnd(detail, *m_connection));
        VERIFY_OK(detail);
        QCOMPARE(detail.pipeline().id, demo::kRunningPipelineId);
        QVERIFY(detail.pipeline().detailed);
        QVERIFY(isActive(detail.pipeline().status));
        QVERIFY(detail.pipeline().user.has_value());
    }

    void jobsAndBridges()
    {
        ListPipelineJobs jobs(demo::kDemoProjectId, demo::kFailedPipelineId);
        QVERIFY(runToEnd(jobs, *m_connection));
        VERIFY_OK(jobs);
        const auto failed = std::find_if(jobs.jobs().begin(), jobs.jobs().end(),
                                         [](const Job &j) { return j.id == demo::kFailedJobId; });
        QVERIFY(failed != jobs.jobs().end());
        QCOMPARE(failed->status, CiStatus::Failed);
        QVERIFY(!failed->failureReason.isEmpty());
        QCOMPARE(failed->pipeline.id, demo::kFailedPipelineId);

        ListPipelineBridges bridges(demo::kDemoProjectId, demo::kBridgePipelineId);
        QVERIFY(runToEnd(bridges, *m_connection));
        VERIFY_OK(bridges);
        QSet<qint64> downstreamProjects;
        for (const Bridge &b : bridges.bridges()) {
            if (b.downstreamPipeline)
                downstreamProjects.insert(b.downstreamPipeline->projectId);
        }
        QVERIFY2(downstreamProjects.contains(demo::kDemoProjectId), "child pipeline");
        QVERIFY2(downstreamProjects.contains(demo::kDeployToolsProjectId),
                 "multi-project pipeline");
        QVERIFY(!m_sim->requests().last().target.contains("include_retried"));
        ListPipelineBridges withRetried(demo::kDemoProjectId, demo::kBridgePipelineId, true);
        QVERIFY(runToEnd(withRetried, *m_connection));
        VERIFY_OK(withRetried);
        QVERIFY(m_sim->requests().last().target.contains("include_retried=true"));
        QCOMPARE(withRetried.bridges().size(), bridges.bridges().size());

        GetJob job(demo::kDemoProjectId, demo::kFailedJobId);
        QVERIFY(runToEnd(job, *m_connection));
        VERIFY_OK(job);
        QCOMPARE(job.job().name, failed->name);
    }

    void concurrentPagesOfABigPipeline()
    {
        ListPipelineBridges bridges(demo::kEtlProjectId, demo::kBigPipelineId);
        QVERIFY(runToEnd(bridges, *m_connection));
        VERIFY_OK(bridges);
        QVERIFY(!bridges.bridges().isEmpty());
        qint64 child = 0;
        for (const Bridge &b : bridges.bridges()) {
            if (b.downstreamPipeline)
                child = b.downstreamPipeline->id;
        }
        QVERIFY(child > 0);

        int maxInFlight = 0;
        connect(m_sim.get(), &pipedeck::sim::Server::requestHandled, this,
                [&] { maxInFlight = std::max(maxInFlight, m_connection->gate().inFlight()); });
        m_sim->clearRequests();
        ListPipelineJobs jobs(demo::kEtlProjectId, child);
        QVERIFY(runToEnd(jobs, *m_connection));
        VERIFY_OK(jobs);
        QVERIFY(jobs.complete());
        QVERIFY2(jobs.pagesFetched() >= 3, qPrintable(QString::number(jobs.pagesFetched())));
        QCOMPARE(m_sim->requests().size(), jobs.pagesFetched());
        QSet<qint64> ids;
        for (const Job &j : jobs.jobs())
            ids.insert(j.id);
        QCOMPARE(ids.size(), jobs.jobs().size());
        QVERIFY(jobs.jobs().size() > 2 * PagedRequest::kPerPage);
        // Pages 2..N were asked for together once page 1 told the total.
        QVERIFY2(maxInFlight >= 2, qPrintable(QString::number(maxInFlight)));
        QVERIFY(maxInFlight <= m_connection->gate().options().maxInFlight);
    }

    void keysetProjectJobs()
    {
        ListProjectJobs firstPage(demo::kEtlProjectId);
        QVERIFY(runToEnd(firstPage, *m_connection));
        VERIFY_OK(firstPage);
        QCOMPARE(firstPage.jobs().size(), PagedRequest::kPerPage);
        QVERIFY(firstPage.hasMore());
        QVERIFY(firstPage.nextLink().query().contains(u"cursor="_s));
        QCOMPARE(firstPage.lastPageInfo().totalPages, -1); // GitLab never counts project jobs

        ListProjectJobs next(demo::kEtlProjectId);
        next.setContinuation(firstPage.nextLink());
        QVERIFY(runToEnd(next, *m_connection));
        VERIFY_OK(next);
        QVERIFY(!next.jobs().isEmpty());
        QVERIFY(next.jobs().first().id < firstPage.jobs().last().id); // newest first, no overlap

        ListProjectJobs all(demo::kEtlProjectId);
        all.setAllPages(true);
        all.setMaxPages(100);
        QVERIFY(runToEnd(all, *m_connection));
        VERIFY_OK(all);
        QVERIFY(all.complete());
        QVERIFY(all.jobs().size() >= demo::kBigPipelineJobCount);
        for (qsizetype i = 1; i < all.jobs().size(); ++i)
            QVERIFY(all.jobs().at(i).id < all.jobs().at(i - 1).id);
    }

    void conditionalGetReusesTheParsedResult()
    {
        GetPipeline first(demo::kDemoProjectId, demo::kFailedPipelineId);
        QVERIFY(runToEnd(first, *m_connection));
        VERIFY_OK(first);
        QVERIFY(!first.notModified());
        GetPipeline second(demo::kDemoProjectId, demo::kFailedPipelineId);
        QVERIFY(runToEnd(second, *m_connection));
        VERIFY_OK(second);
        QVERIFY(second.notModified());
        QCOMPARE(second.pipeline(), first.pipeline());
        const auto requests = m_sim->requests();
        QCOMPARE(requests.size(), 2);
        QVERIFY(!gltest::header(requests.at(1), "If-None-Match").isEmpty());
        QCOMPARE(requests.at(1).status, 304);

        // Lists too, page by page.
        ListPipelineJobs jobs1(demo::kDemoProjectId, demo::kFailedPipelineId);
        QVERIFY(runToEnd(jobs1, *m_connection));
        ListPipelineJobs jobs2(demo::kDemoProjectId, demo::kFailedPipelineId);
        QVERIFY(runToEnd(jobs2, *m_connection));
        QVERIFY(jobs2.notModified());
        QCOMPARE(jobs2.jobs(), jobs1.jobs());
    }

    void bigBodiesAreParsedOffTheGuiThread()
    {
        ConnectionOptions options = gltest::fastOptions();
        options.offThreadParseBytes = 1024;
        Connection connection(m_sim->baseUrl(), options);
        connection.setToken(gltest::kDemoToken);
        ListPipelines list(demo::kDemoProjectId);
        QVERIFY(runToEnd(list, connection));
        VERIFY_OK(list);
        QVERIFY(list.parsedOffThread());
        QVERIFY(list.pipelines().size() > 10);
        QCOMPARE(list.thread(), QThread::currentThread());
        GetVersion small;
        QVERIFY(runToEnd(small, connection));
        QVERIFY(!small.parsedOffThread());
    }

    void jobActions()
    {
        auto &world = m_sim->world();
        const QList<Variable> variables{{u"DEPLOY_ENV"_s, u"staging"_s, VariableType::EnvVar}};
        PlayJob play(demo::kDemoProjectId, demo::kManualJobId, variables);
        QVERIFY(runToEnd(play, *m_connection));
        VERIFY_OK(play);
        QCOMPARE(play.job().id, demo::kManualJobId);
        QVERIFY(play.job().status != CiStatus::Manual);
        QCOMPARE(world.job(demo::kManualJobId)->playVariables.size(), 1);
        QCOMPARE(world.job(demo::kManualJobId)->playVariables.first().value, u"staging"_s);
        QVERIFY(m_sim->requests().last().body.contains("job_variables_attributes"));

        RetryJob retry(demo::kDemoProjectId, demo::kFailedJobId);
        QVERIFY(runToEnd(retry, *m_connection));
        VERIFY_OK(retry);
        QVERIFY(retry.job().id != demo::kFailedJobId);
        QVERIFY(world.job(demo::kFailedJobId)->retried);

        ListPipelineJobs withRetried(demo::kDemoProjectId, demo::kFailedPipelineId, true);
        QVERIFY(runToEnd(withRetried, *m_connection));
        QVERIFY(std::any_of(withRetried.jobs().begin(), withRetried.jobs().end(),
                            [](const Job &j) { return j.id == demo::kFailedJobId; }));

        CancelJob cancel(demo::kDemoProjectId, demo::kRunningJobId);
        QVERIFY(runToEnd(cancel, *m_connection));
        VERIFY_OK(cancel);
        QVERIFY(cancel.job().status == CiStatus::Canceled ||
                cancel.job().status == CiStatus::Canceling);

        EraseJob erase(demo::kDemoProjectId, demo::kRunningJobId);
        QVERIFY(runToEnd(erase, *m_connection));
        VERIFY_OK(erase);
        QVERIFY(erase.job().erasedAt.isValid());
    }

    void pipelineActions()
    {
        const QList<Variable> variables{{u"A"_s, u"1"_s, VariableType::EnvVar},
                                        {u"CONF"_s, u"x=y\n"_s, VariableType::File}};
        CreatePipeline create(demo::kDemoProjectId, u"main"_s, variables);
        QVERIFY(runToEnd(create, *m_connection));
        VERIFY_OK(create);
        const qint64 id = create.pipeline().id;
        QVERIFY(id > 0);
        QCOMPARE(create.pipeline().ref, u"main"_s);

        ListPipelineVariables listed(demo::kDemoProjectId, id);
        QVERIFY(runToEnd(listed, *m_connection));
        VERIFY_OK(listed);
        QCOMPARE(listed.variables().size(), 2);
        QCOMPARE(listed.variables().at(1).type, VariableType::File);

        CancelPipeline cancel(demo::kDemoProjectId, id);
        QVERIFY(runToEnd(cancel, *m_connection));
        VERIFY_OK(cancel);
        QCOMPARE(cancel.pipeline().id, id);

        RetryPipeline retry(demo::kDemoProjectId, id);
        QVERIFY(runToEnd(retry, *m_connection));
        VERIFY_OK(retry);

        DeletePipeline remove(demo::kDemoProjectId, id);
        QVERIFY(runToEnd(remove, *m_connection));
        VERIFY_OK(remove);
        QVERIFY(!m_sim->world().pipeline(id));
        GetPipeline gone(demo::kDemoProjectId, id);
        QVERIFY(runToEnd(gone, *m_connection));
        QCOMPARE(gone.status().code(), Status::NotFound);
    }

    void triggerTokens()
    {
        CreateTrigger create(demo::kDemoProjectId, u"from the test"_s);
        QVERIFY(runToEnd(create, *m_connection));
        VERIFY_OK(create);
        const Trigger trigger = create.trigger();
        QVERIFY(!trigger.tokenIsShortened());

        UpdateTrigger update(demo::kDemoProjectId, trigger.id, u"renamed"_s);
        QVERIFY(runToEnd(update, *m_connection));
        VERIFY_OK(update);
        QCOMPARE(update.trigger().description, u"renamed"_s);

        GetTrigger get(demo::kDemoProjectId, trigger.id);
        QVERIFY(runToEnd(get, *m_connection));
        QCOMPARE(get.trigger().token, trigger.token);

        ListTriggers list(demo::kDemoProjectId);
        QVERIFY(runToEnd(list, *m_connection));
        VERIFY_OK(list);
        bool sawOwn = false;
        bool sawShortened = false;
        for (const Trigger &t : list.triggers()) {
            sawOwn = sawOwn || (t.id == trigger.id && t.token == trigger.token);
            sawShortened = sawShortened || t.tokenIsShortened();
        }
        QVERIFY(sawOwn);
        QVERIFY2(sawShortened, "alice's trigger shows 4 characters to demo");

        m_sim->clearRequests();
        TriggerPipeline run(demo::kDemoProjectId, trigger.token, u"main"_s,
                            {{u"FROM"_s, u"test"_s}});
        QVERIFY(runToEnd(run, *m_connection));
        VERIFY_OK(run);
        QCOMPARE(run.pipeline().source, u"trigger"_s);
        const auto sent = m_sim->requests().first();
        QVERIFY(!sent.target.contains("token"));
        QVERIFY(gltest::header(sent, "PRIVATE-TOKEN").isEmpty());
        QVERIFY(sent.body.contains(trigger.token.toUtf8()));

        DeleteTrigger remove(demo::kDemoProjectId, trigger.id);
        QVERIFY(runToEnd(remove, *m_connection));
        VERIFY_OK(remove);

        // The deleted token is now wrong: 404, and no text repeats it.
        TriggerPipeline stale(demo::kDemoProjectId, trigger.token, u"main"_s);
        QVERIFY(runToEnd(stale, *m_connection));
        QCOMPARE(stale.status().code(), Status::NotFound);
        QVERIFY(!stale.status().userText().contains(trigger.token));
        QVERIFY(!stale.status().detail().contains(trigger.token));
    }

    void traceFollowsWithEtag()
    {
        GetJobTrace first(demo::kDemoProjectId, demo::kRunningJobId);
        QVERIFY(runToEnd(first, *m_connection));
        VERIFY_OK(first);
        QVERIFY(!first.trace().isEmpty());
        QVERIFY(!first.etag().isEmpty());

        GetJobTrace again(demo::kDemoProjectId, demo::kRunningJobId, first.etag());
        QVERIFY(runToEnd(again, *m_connection));
        VERIFY_OK(again);
        QVERIFY(again.notModified());
        QVERIFY(again.trace().isEmpty());
        QCOMPARE(again.etag(), first.etag());

        m_sim->world().appendTrace(demo::kRunningJobId, "more output\n");
        GetJobTrace grown(demo::kDemoProjectId, demo::kRunningJobId, first.etag());
        QVERIFY(runToEnd(grown, *m_connection));
        VERIFY_OK(grown);
        QVERIFY(!grown.notModified());
        QVERIFY(grown.trace().startsWith(first.trace()));
        QVERIFY(grown.trace().endsWith("more output\n"));
        QVERIFY(grown.etag() != first.etag());
    }

    // Streamed, a trace comes in pieces as it arrives and is never held whole; the progress
    // counts up to the size the server announced. An error reply is not streamed: it keeps
    // GitLab's message.
    void traceStreamsInPieces()
    {
        const QByteArray expected = growRunningTrace(3);

        GetJobTrace trace(demo::kDemoProjectId, demo::kRunningJobId);
        trace.setStreaming(true);
        QByteArray received;
        int pieces = 0;
        qint64 lastReceived = -1;
        qint64 lastTotal = 0;
        connect(&trace, &GetJobTrace::traceReceived, this, [&](const QByteArray &piece) {
            received += piece;
            ++pieces;
        });
        connect(&trace, &Request::downloadProgress, this, [&](qint64 done, qint64 total) {
            lastReceived = done;
            lastTotal = total;
        });
        QSignalSpy restarted(&trace, &GetJobTrace::traceRestarted);
        QVERIFY(runToEnd(trace, *m_connection));
        VERIFY_OK(trace);
        QVERIFY(trace.trace().isEmpty());
        QVERIFY(!trace.etag().isEmpty());
        QCOMPARE(received.size(), expected.size());
        QVERIFY(received == expected);
        QVERIFY2(pieces > 1, "a 3 MB trace should arrive in more than one piece");
        QCOMPARE(restarted.size(), 0);
        QCOMPARE(lastReceived, expected.size());
        QCOMPARE(lastTotal, expected.size());

        GetJobTrace missing(demo::kDemoProjectId, 987654);
        missing.setStreaming(true);
        QSignalSpy missingPieces(&missing, &GetJobTrace::traceReceived);
        QVERIFY(runToEnd(missing, *m_connection));
        QCOMPARE(missing.status().code(), Status::NotFound);
        QCOMPARE(missingPieces.size(), 0);
        QVERIFY(!missing.status().gitlabMessage().isEmpty());
    }

    // Paused, a streamed body waits (Qt's bounded buffer fills and the server is held back);
    // resumed, the rest comes, every byte once.
    void pausedStreamWaits()
    {
        const QByteArray expected = growRunningTrace(8);

        GetJobTrace trace(demo::kDemoProjectId, demo::kRunningJobId);
        trace.setStreaming(true);
        QByteArray received;
        bool paused = false;
        qsizetype receivedWhilePaused = 0;
        connect(&trace, &GetJobTrace::traceReceived, this, [&](const QByteArray &piece) {
            if (paused)
                receivedWhilePaused += piece.size();
            received += piece;
            if (!paused && received.size() == piece.size()) {
                paused = true;
                trace.setBodyPaused(true);
            }
        });
        QSignalSpy finished(&trace, &Request::finished);
        trace.start(m_connection.get());
        QTRY_VERIFY(paused);
        QTest::qWait(300);
        QCOMPARE(receivedWhilePaused, 0);
        QVERIFY(finished.isEmpty());
        paused = false;
        trace.setBodyPaused(false);
        QTRY_COMPARE(finished.size(), 1);
        VERIFY_OK(trace);
        QCOMPARE(received.size(), expected.size());
        QVERIFY(received == expected);
    }

    void abortIsCanceled()
    {
        ListProjects list;
        QSignalSpy spy(&list, &Request::finished);
        list.start(m_connection.get());
        list.abort();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(list.status().code(), Status::Canceled);
        QTest::qWait(50);
        QCOMPARE(spy.count(), 1);
    }

    void selfDeletingCall()
    {
        QPointer<GetVersion> request = m_connection->call<GetVersion>();
        QSignalSpy spy(request.data(), &Request::finished);
        QVERIFY(spy.wait(5000));
        QTRY_VERIFY(request.isNull());
    }
};

QTEST_GUILESS_MAIN(TestGitlabApi)
#include "tst_gitlab_api.moc"
