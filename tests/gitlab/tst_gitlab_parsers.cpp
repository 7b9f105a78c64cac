// JSON -> domain types, against fixtures shaped like GitLab's documented replies.
#include "gitlab/parse/json_parsers.h"
#include "gitlab/requests/body_parsers.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace pipedeck::gitlab;
using namespace Qt::StringLiterals;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(PIPEDECK_TEST_DATA_DIR "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

QJsonArray arrayFixture(const char *name)
{
    return QJsonDocument::fromJson(fixture(name)).array();
}

QJsonObject objectFixture(const char *name)
{
    return QJsonDocument::fromJson(fixture(name)).object();
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

} // namespace

class TestGitlabParsers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<CiStatus>("status");
        QTest::newRow("created") << u"created"_s << CiStatus::Created;
        QTest::newRow("waiting_for_resource")
            << u"waiting_for_resource"_s << CiStatus::WaitingForResource;
        QTest::newRow("preparing") << u"preparing"_s << CiStatus::Preparing;
        QTest::newRow("waiting_for_callback")
            << u"waiting_for_callback"_s << CiStatus::WaitingForCallback;
        QTest::newRow("pending") << u"pending"_s << CiStatus::Pending;
        QTest::newRow("running") << u"running"_s << CiStatus::Running;
        QTest::newRow("success") << u"success"_s << CiStatus::Success;
        QTest::newRow("failed") << u"failed"_s << CiStatus::Failed;
        QTest::newRow("canceling") << u"canceling"_s << CiStatus::Canceling;
        QTest::newRow("canceled") << u"canceled"_s << CiStatus::Canceled;
        QTest::newRow("skipped") << u"skipped"_s << CiStatus::Skipped;
        QTest::newRow("manual") << u"manual"_s << CiStatus::Manual;
        QTest::newRow("scheduled") << u"scheduled"_s << CiStatus::Scheduled;
    }
    void statusNames()
    {
        QFETCH(QString, text);
        QFETCH(CiStatus, status);
        QCOMPARE(ciStatusFromString(text), status);
        QCOMPARE(ciStatusName(status), text);
    }
    void unknownStatus()
    {
        QCOMPARE(ciStatusFromString(u"Success"),
                 CiStatus::Unknown); // GitLab's names are lower case
        QCOMPARE(ciStatusFromString(u""), CiStatus::Unknown);
        QCOMPARE(ciStatusFromString(u"quantum"), CiStatus::Unknown);
        QVERIFY(ciStatusName(CiStatus::Unknown).isEmpty());
        QVERIFY(isActive(CiStatus::Canceling));
        QVERIFY(isActive(CiStatus::WaitingForCallback));
        QVERIFY(!isActive(CiStatus::Manual));
        QVERIFY(isCompleted(CiStatus::Skipped));
        QVERIFY(!isCompleted(CiStatus::Unknown));
    }

    void jobs()
    {
        QString error;
        const auto jobs = parseJobs(arrayFixture("jobs.json"), &error);
        QVERIFY2(jobs, qPrintable(error));
        QCOMPARE(jobs->size(), 3);

        const Job &failed = jobs->at(0);
        QCOMPARE(failed.id, 7);
        QCOMPARE(failed.name, u"teaspoon"_s);
        QCOMPARE(failed.stage, u"test"_s);
        QCOMPARE(failed.status, CiStatus::Failed);
        QCOMPARE(failed.failureReason, u"script_failure"_s);
        QCOMPARE(failed.ref, u"main"_s);
        QVERIFY(!failed.allowFailure);
        QVERIFY(!failed.isManual());
        QCOMPARE(failed.duration.value(), 0.173);
        QCOMPARE(failed.queuedDuration.value(), 0.010);
        QCOMPARE(failed.startedAt, utc("2015-12-24T17:54:27.722Z"));
        QCOMPARE(failed.finishedAt, utc("2015-12-24T17:54:27.895Z"));
        QVERIFY(!failed.erasedAt.isValid());
        QCOMPARE(failed.tagList, (QStringList{u"docker runner"_s, u"ubuntu18"_s}));
        QVERIFY(failed.runner.has_value());
        QCOMPARE(failed.runner->id, 32);
        QCOMPARE(failed.runner->description, u"shared-1"_s);
        QVERIFY(failed.runner->isShared);
        QCOMPARE(failed.artifacts.size(), 2);
        QCOMPARE(failed.artifacts.at(1).fileType, u"trace"_s);
        QCOMPARE(failed.artifacts.at(1).size, 1500);
        QCOMPARE(failed.webUrl, QUrl(u"https://example.com/foo/bar/-/jobs/7"_s));
        QCOMPARE(failed.user->username, u"root"_s);
        QCOMPARE(failed.pipeline.id, 6);
        QCOMPARE(failed.pipeline.projectId, 1);
        QCOMPARE(failed.pipeline.status, CiStatus::Pending);
        QCOMPARE(failed.commitTitle, u"Test the CI integration."_s);

        const Job &manual = jobs->at(1);
        QVERIFY(manual.isManual());
        QVERIFY(manual.allowFailure);
        QVERIFY(!manual.duration.has_value());
        QVERIFY(!manual.user.has_value());
        QVERIFY(!manual.runner.has_value());
        QVERIFY(manual.failureReason.isEmpty());

        // A status from a newer GitLab, and nearly every field missing: still a job.
        const Job &future = jobs->at(2);
        QCOMPARE(future.status, CiStatus::Unknown);
        QCOMPARE(future.statusName, u"quantum_superposition"_s);
        QVERIFY(future.retried);
        QVERIFY(future.webUrl.isEmpty());
        QCOMPARE(future.pipeline.id, 0);
    }

    void bridges()
    {
        QString error;
        const auto bridges = parseBridges(arrayFixture("bridges.json"), &error);
        QVERIFY2(bridges, qPrintable(error));
        QCOMPARE(bridges->size(), 2);
        const Bridge &bridge = bridges->at(0);
        QCOMPARE(bridge.id, 7);
        QCOMPARE(bridge.duration.value(), 240.0);
        QVERIFY(bridge.downstreamPipeline.has_value());
        QCOMPARE(bridge.downstreamPipeline->id, 5);
        QCOMPARE(bridge.downstreamPipeline->projectId, 12);
        QCOMPARE(bridge.downstreamPipeline->status, CiStatus::WaitingForCallback);
        QVERIFY(!bridges->at(1).downstreamPipeline.has_value());
        QVERIFY(bridges->at(1).isManual());
    }

    void pipelineDetail()
    {
        QString error;
        const auto pipeline = parsePipeline(objectFixture("pipeline_detail.json"), &error);
        QVERIFY2(pipeline, qPrintable(error));
        QCOMPARE(pipeline->id, 46);
        QCOMPARE(pipeline->iid.value(), 11);
        QCOMPARE(pipeline->status, CiStatus::Canceling);
        QCOMPARE(pipeline->source, u"push"_s);
        QVERIFY(pipeline->detailed);
        QCOMPARE(pipeline->user->name, u"山田 太郎"_s);
        QCOMPARE(pipeline->duration.value(), 123.0);
        QCOMPARE(pipeline->queuedDuration.value(), 1.0);
        QVERIFY(!pipeline->startedAt.isValid());
        QCOMPARE(pipeline->finishedAt, utc("2016-08-11T11:32:35.145Z"));
        QCOMPARE(pipeline->name, u"Build pipeline"_s);
    }

    void pipelineList()
    {
        QString error;
        const auto pipelines = parsePipelines(arrayFixture("pipelines.json"), &error);
        QVERIFY2(pipelines, qPrintable(error));
        QCOMPARE(pipelines->size(), 3);
        QCOMPARE(pipelines->at(0).status, CiStatus::WaitingForResource);
        QCOMPARE(pipelines->at(1).status, CiStatus::Scheduled);
        QCOMPARE(pipelines->at(2).status, CiStatus::Preparing);
        QVERIFY(!pipelines->at(0).detailed);
        QVERIFY(!pipelines->at(2).iid.has_value());
        QCOMPARE(pipelines->at(2).ref, u"feature/日本語 🚀"_s);
    }

    void projects()
    {
        QString error;
        const auto projects = parseProjects(arrayFixture("projects.json"), &error);
        QVERIFY2(projects, qPrintable(error));
        QCOMPARE(projects->size(), 2);
        const Project &p = projects->at(0);
        QCOMPARE(p.id, 1);
        QCOMPARE(p.pathWithNamespace, u"platform/api-gateway"_s);
        QCOMPARE(p.nameWithNamespace, u"Platform / api-gateway"_s);
        QCOMPARE(p.defaultBranch, u"main"_s);
        QCOMPARE(p.starCount, 5);
        QCOMPARE(p.lastActivityAt, utc("2026-11-20T10:00:00.000Z"));
        QVERIFY(p.avatarUrl.isEmpty());
        QCOMPARE(projects->at(1).pathWithNamespace, u"demo/sandbox"_s);
    }

    void triggers()
    {
        QString error;
        const auto triggers = parseTriggers(arrayFixture("triggers.json"), &error);
        QVERIFY2(triggers, qPrintable(error));
        QCOMPARE(triggers->size(), 2);
        QVERIFY(!triggers->at(0).tokenIsShortened());
        QCOMPARE(triggers->at(0).owner->username, u"demo"_s);
        QCOMPARE(triggers->at(0).expiresAt, QDate(2027, 1, 31));
        QVERIFY(!triggers->at(0).lastUsed.isValid());
        QVERIFY(triggers->at(1).tokenIsShortened());
        QVERIFY(!triggers->at(1).owner.has_value());
        QCOMPARE(triggers->at(1).lastUsed, utc("2026-11-01T00:00:00.000Z"));
    }

    void tokenVersionVariablesRefs()
    {
        const auto token = parseTokenInfo(objectFixture("token_self.json"));
        QVERIFY(token);
        QCOMPARE(token->scopes, (QStringList{u"read_api"_s, u"read_user"_s}));
        QVERIFY(!token->canWrite());
        QVERIFY(token->active);
        QVERIFY(!token->revoked);
        QCOMPARE(token->expiresAt, QDate(2026, 12, 31));

        const auto version = parseVersion(objectFixture("version.json"));
        QVERIFY(version);
        QCOMPARE(version->version, u"17.3.1-ee"_s);
        QCOMPARE(version->enterprise, std::optional<bool>(true));

        const auto variables = parseVariables(arrayFixture("variables.json"));
        QVERIFY(variables);
        QCOMPARE(variables->size(), 3);
        QCOMPARE(variables->at(0).type, VariableType::EnvVar);
        QCOMPARE(variables->at(1).type, VariableType::File);
        QCOMPARE(variables->at(1).value, u"a=b\n"_s);
        QCOMPARE(variables->at(2).type, VariableType::EnvVar);

        const auto branches = parseBranches(arrayFixture("branches.json"));
        QVERIFY(branches);
        QCOMPARE(branches->size(), 2);
        QVERIFY(branches->at(0).isDefault);
        QVERIFY(branches->at(0).isProtected);
        QCOMPARE(branches->at(0).commitTitle, u"add projects API"_s);
        QCOMPARE(branches->at(1).name, u"feature/ünïcode"_s);

        const auto tags = parseTags(arrayFixture("tags.json"));
        QVERIFY(tags);
        QCOMPARE(tags->at(0).name, u"v1.0.0"_s);
        QCOMPARE(tags->at(0).commitSha, u"2695effb5807a22ff3d138d593fd856244e155e7"_s);
    }

    void brokenShapesAreRejected()
    {
        QString error;
        QVERIFY(!parseJobs(arrayFixture("broken_jobs_missing_id.json"), &error));
        QVERIFY2(error.contains(u"element 1"_s), qPrintable(error));
        QVERIFY(!parseJob(objectFixture("broken_job_string_id.json"), &error));
        QVERIFY(error.contains(u"id"_s));
        QVERIFY(!parseBridges(arrayFixture("broken_bridge_downstream.json"), &error));
        QVERIFY(!parseJobs(QJsonArray{1, 2}, &error));
        QVERIFY(!parseVersion(QJsonObject{{u"revision"_s, u"x"_s}}));
        QVERIFY(!parseVariable(QJsonObject{{u"value"_s, u"x"_s}}));
        QVERIFY(!parseTokenInfo(QJsonObject{{u"id"_s, 1}}));
        QVERIFY(!parsePipeline(QJsonObject{{u"id"_s, 1.5}}));
        QVERIFY(!parseUser(QJsonObject{}));
    }

    void bodyParsersCheckTheShape()
    {
        using ParseJobs = ParseOutcome (*)(const QByteArray &);
        const ParseJobs parseJobsBody = parseArrayBody<Job, parseJobs>;
        QVERIFY(parseJobsBody(fixture("jobs.json")).ok());
        QVERIFY(!parseJobsBody(QByteArrayLiteral("{\"id\":1}")).ok());   // object, not array
        QVERIFY(!parseJobsBody(QByteArrayLiteral("[{\"id\":1},")).ok()); // cut short
        QVERIFY(!parseJobsBody(QByteArrayLiteral("<html><body>Sign in</body></html>")).ok());
        QVERIFY(!parseJobsBody(QByteArray()).ok());
        const auto outcome =
            parseObjectBody<Pipeline, parsePipeline>(fixture("pipeline_detail.json"));
        QVERIFY(outcome.ok());
        QCOMPARE(std::any_cast<Pipeline>(outcome.value).id, 46);
    }

    void errorMessages_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("message") << QByteArray(R"({"message":"404 Project Not Found"})")
                                 << u"404 Project Not Found"_s;
        QTest::newRow("scope")
            << QByteArray(
                   R"({"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token.","scope":"api"})")
            << u"The request requires higher privileges than provided by the access token."_s;
        QTest::newRow("error only")
            << QByteArray(R"({"error":"ref is missing"})") << u"ref is missing"_s;
        QTest::newRow("app rate limit")
            << QByteArray(
                   R"({"message":{"error":"This endpoint has been requested too many times. Try again later."}})")
            << u"This endpoint has been requested too many times. Try again later."_s;
        QTest::newRow("validation")
            << QByteArray(R"({"message":{"base":["Reference not found"],"ref":["is invalid"]}})")
            << u"Reference not found; ref is invalid"_s;
        QTest::newRow("plain text 429") << QByteArray("Retry later\n") << QString();
        QTest::newRow("html") << QByteArray("<html>login</html>") << QString();
    }
    void errorMessages()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QCOMPARE(parseErrorMessage(body), message);
    }
};

QTEST_GUILESS_MAIN(TestGitlabParsers)
#include "tst_gitlab_parsers.moc"
