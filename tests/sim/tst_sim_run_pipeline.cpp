// Running pipelines and playing manual jobs as GitLab answers them: POST /projects/:id/pipeline
// with variables and inputs and its refusals, play with job_variables_attributes, retry of a
// played job, ref search, the pipeline filters that find a pipeline after a lost reply, and the
// faults on those routes. Every request goes over loopback HTTP.
#include "sim_test_client.h"

#include "sim/demo_data.h"
#include "sim/world.h"

#include <QTcpSocket>
#include <QTest>

using namespace pipedeck::sim;
using namespace simtest;

namespace {

QJsonObject var(const QString &key, const QString &value)
{
    return {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}};
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject base(const QString &message)
{
    return {
        {QStringLiteral("message"), QJsonObject{{QStringLiteral("base"), QJsonArray{message}}}}};
}

const QString kTools = QStringLiteral("/projects/%1").arg(demo::kDeployToolsProjectId);

} // namespace

class TestSimRunPipeline : public DemoServerTest
{
    Q_OBJECT

private:
    Reply create(const QJsonObject &body)
    {
        return m_client->postJson(kTools + QStringLiteral("/pipeline"), body);
    }
    qsizetype pipelineCount() const
    {
        return m_server->world().pipelinesOfProject(demo::kDeployToolsProjectId).size();
    }

private Q_SLOTS:

    void createdPipelineHasSourceApiAndVariables()
    {
        Reply r =
            create({{QStringLiteral("ref"), QStringLiteral("main")},
                    {QStringLiteral("variables"),
                     QJsonArray{var(QStringLiteral("  VERSION "), QStringLiteral("2.4.1"))}}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value(QStringLiteral("source")).toString(), QStringLiteral("api"));
        const int id = r.object().value(QStringLiteral("id")).toInt();
        r = m_client->get(kTools + QStringLiteral("/pipelines/%1/variables").arg(id));
        QCOMPARE(r.status, 200);
        // has_variable.rb strips the key.
        QCOMPARE(r.body,
                 QByteArray(R"j([{"key":"VERSION","value":"2.4.1","variable_type":"env_var"}])j"));
        // Defaults of every spec input are stored with the pipeline.
        const QJsonObject inputs = m_server->world().pipeline(id)->inputs;
        QCOMPARE(inputs.value(QStringLiteral("environment")).toString(), QStringLiteral("staging"));
        QCOMPARE(inputs.value(QStringLiteral("replicas")).toInt(), 2);
    }

    void missingRefAndPermissions()
    {
        const qsizetype before = pipelineCount();
        Reply r = create({{QStringLiteral("ref"), QStringLiteral("no-such-branch")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, compact(base(QStringLiteral("Reference not found"))));

        // A reporter with an api token: authorize! :create_pipeline answers 403.
        ServerOptions options = testOptions();
        options.tokens.append(TokenGrant{
            QStringLiteral("reader-api"), QStringLiteral("reader"), {QStringLiteral("api")}, {}});
        Server server(options);
        QVERIFY(server.listen());
        Client reporter(server.baseUrl(), QStringLiteral("reader-api"));
        r = reporter.postJson(kTools + QStringLiteral("/pipeline"),
                              {{QStringLiteral("ref"), QStringLiteral("main")}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body, QByteArray(R"j({"message":"403 Forbidden"})j"));
        QCOMPARE(pipelineCount(), before);
    }

    void invalidVariableKeys_data()
    {
        QTest::addColumn<QJsonArray>("variables");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("bad key!")
            << QJsonArray{var(QStringLiteral("bad key!"), QStringLiteral("1"))}
            << QByteArray(
                   R"j({"message":{"base":["Failed to persist the pipeline: Validation failed: Variables key can contain only letters, digits and '_'."],"variables.key":["can contain only letters, digits and '_'."]}})j");
        QTest::newRow("256 characters")
            << QJsonArray{var(QString(256, QLatin1Char('K')), QStringLiteral("1"))}
            << QByteArray(
                   R"j({"message":{"base":["Failed to persist the pipeline: Validation failed: Variables key is too long (maximum is 255 characters)"],"variables.key":["is too long (maximum is 255 characters)"]}})j");
        QTest::newRow("blank")
            << QJsonArray{var(QStringLiteral(" "), QStringLiteral("1"))}
            << QByteArray(
                   R"j({"message":{"base":["Failed to persist the pipeline: Validation failed: Variables key can't be blank, Variables key can contain only letters, digits and '_'."],"variables.key":["can't be blank","can contain only letters, digits and '_'."]}})j");
        QTest::newRow("no key")
            << QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("1")}}}
            << QByteArray(
                   R"j({"message":{"base":["Failed to persist the pipeline: Validation failed: Variables key can't be blank, Variables key can contain only letters, digits and '_'."],"variables.key":["can't be blank","can contain only letters, digits and '_'."]}})j");
        QTest::newRow("duplicate") << QJsonArray{var(QStringLiteral("A"), QStringLiteral("1")),
                                                 var(QStringLiteral("A"), QStringLiteral("2"))}
                                   << compact(base(QStringLiteral("Duplicate variable name: A")));
        QTest::newRow("duplicates")
            << QJsonArray{var(QStringLiteral("B"), QStringLiteral("1")),
                          var(QStringLiteral("A"), QStringLiteral("1")),
                          var(QStringLiteral("B"), QStringLiteral("2")),
                          var(QStringLiteral("A"), QStringLiteral("2"))}
            << compact(base(QStringLiteral("Duplicate variable names: B, A")));
    }

    void invalidVariableKeys()
    {
        QFETCH(QJsonArray, variables);
        QFETCH(QByteArray, body);
        const qsizetype before = pipelineCount();
        const Reply r = create({{QStringLiteral("ref"), QStringLiteral("main")},
                                {QStringLiteral("variables"), variables}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, body);
        QCOMPARE(pipelineCount(), before);
    }

    void workflowRulesFilterARef()
    {
        const qsizetype before = pipelineCount();
        const Reply r = create({{QStringLiteral("ref"), QStringLiteral("wip/spike")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, compact(base(QStringLiteral("Pipeline filtered out by workflow rules."))));
        QCOMPARE(pipelineCount(), before);
    }

    void inputs_data()
    {
        QTest::addColumn<QJsonObject>("inputs");
        QTest::addColumn<QString>("message"); // empty = created
        QTest::newRow("typed values")
            << QJsonObject{{QStringLiteral("environment"), QStringLiteral("production")},
                           {QStringLiteral("replicas"), 5},
                           {QStringLiteral("dry_run"), true},
                           {QStringLiteral("regions"),
                            QJsonArray{QStringLiteral("eu-west-1"), QStringLiteral("us-east-1")}}}
            << QString();
        QTest::newRow("unknown") << QJsonObject{{QStringLiteral("colour"), QStringLiteral("red")}}
                                 << QStringLiteral("unknown input arguments: colour");
        QTest::newRow("not a number")
            << QJsonObject{{QStringLiteral("replicas"), QStringLiteral("5")}}
            << QStringLiteral("`replicas` input: provided value is not a number");
        QTest::newRow("not a boolean")
            << QJsonObject{{QStringLiteral("dry_run"), QStringLiteral("true")}}
            << QStringLiteral("`dry_run` input: provided value is not a boolean");
        QTest::newRow("not an array")
            << QJsonObject{{QStringLiteral("regions"), QStringLiteral("eu-west-1")}}
            << QStringLiteral("`regions` input: provided value is not an array");
        QTest::newRow("not a string")
            << QJsonObject{{QStringLiteral("environment"), 1}}
            << QStringLiteral("`environment` input: provided value is not a "
                              "string, `environment` input: `1` cannot be used "
                              "because it is not in the list of allowed options");
        QTest::newRow("not an option")
            << QJsonObject{{QStringLiteral("environment"), QStringLiteral("moon")}}
            << QStringLiteral("`environment` input: `moon` cannot be used because it is not in "
                              "the list of allowed options");
        QTest::newRow("first three errors")
            << QJsonObject{{QStringLiteral("colour"), QStringLiteral("red")},
                           {QStringLiteral("replicas"), QStringLiteral("x")},
                           {QStringLiteral("dry_run"), 1},
                           {QStringLiteral("regions"), 2}}
            << QStringLiteral("unknown input arguments: colour, `replicas` input: provided value "
                              "is not a number, `dry_run` input: provided value is not a boolean");
    }

    void inputs()
    {
        QFETCH(QJsonObject, inputs);
        QFETCH(QString, message);
        const Reply r = create(
            {{QStringLiteral("ref"), QStringLiteral("main")}, {QStringLiteral("inputs"), inputs}});
        if (message.isEmpty()) {
            QCOMPARE(r.status, 201);
            const Pipeline *p =
                m_server->world().pipeline(r.object().value(QStringLiteral("id")).toInt());
            QVERIFY(p);
            QCOMPARE(p->inputs, inputs);
            return;
        }
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, compact(base(message)));
    }

    void requiredInputAndInputsWithoutSpec()
    {
        Project *tools = m_server->world().project(demo::kDeployToolsProjectId);
        tools->specInputs.append(
            SpecInput{QStringLiteral("ticket"), QStringLiteral("string"), {}, {}, {}});
        Reply r = create({{QStringLiteral("ref"), QStringLiteral("main")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(
            r.body,
            compact(base(QStringLiteral("`ticket` input: required value has not been provided"))));
        r = create({{QStringLiteral("ref"), QStringLiteral("main")},
                    {QStringLiteral("inputs"),
                     QJsonObject{{QStringLiteral("ticket"), QStringLiteral("OPS-1")}}}});
        QCOMPARE(r.status, 201);

        // A project whose config has no spec: header.
        r = m_client->postJson(QStringLiteral("/projects/1/pipeline"),
                               {{QStringLiteral("ref"), QStringLiteral("main")},
                                {QStringLiteral("inputs"), QJsonObject{{QStringLiteral("x"), 1}}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, compact(base(QStringLiteral("unknown input arguments"))));
        r = m_client->postJson(QStringLiteral("/projects/1/pipeline"),
                               {{QStringLiteral("ref"), QStringLiteral("main")},
                                {QStringLiteral("inputs"), QJsonArray{1}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray(R"j({"error":"inputs is invalid"})j"));
    }

    void olderGitLabIgnoresInputs()
    {
        ServerOptions options = testOptions();
        options.pipelineInputs = false;
        Server server(options);
        QVERIFY(server.listen());
        Client client(server.baseUrl());
        const Reply r =
            client.postJson(kTools + QStringLiteral("/pipeline"),
                            {{QStringLiteral("ref"), QStringLiteral("main")},
                             {QStringLiteral("inputs"),
                              QJsonObject{{QStringLiteral("colour"), QStringLiteral("red")}}}});
        QCOMPARE(r.status, 201);
        QVERIFY(server.world()
                    .pipeline(r.object().value(QStringLiteral("id")).toInt())
                    ->inputs.isEmpty());
    }

    void playWithVariablesThenRetry()
    {
        const QString play = kTools + QStringLiteral("/jobs/%1/play").arg(demo::kDeployJobId);
        QCOMPARE(m_server->world().job(demo::kDeployJobId)->status, QStringLiteral("manual"));
        // Invalid keys: enqueue! fails, PlayBuildService's retry refuses a manual job, and GitLab
        // answers 200 with the job still manual.
        Reply r = m_client->postJson(
            play, {{QStringLiteral("job_variables_attributes"),
                    QJsonArray{var(QStringLiteral("bad key!"), QStringLiteral("1"))}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("manual"));
        QVERIFY(m_server->world().playedVariables(demo::kDeployJobId).isEmpty());
        r = m_client->postJson(
            play, {{QStringLiteral("job_variables_attributes"),
                    QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("A")}}}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body,
                 QByteArray(R"j({"error":"job_variables_attributes[0][value] is missing"})j"));

        r = m_client->postJson(
            play, {{QStringLiteral("job_variables_attributes"),
                    QJsonArray{var(QStringLiteral("VERSION"), QStringLiteral("2.4.1")),
                               var(QStringLiteral("ENVIRONMENT"), QStringLiteral("production"))}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        const QList<Variable> played = m_server->world().playedVariables(demo::kDeployJobId);
        QCOMPARE(played.size(), 2);
        m_server->advance(600);
        QCOMPARE(m_server->world().job(demo::kDeployJobId)->status, QStringLiteral("success"));
        const QByteArray trace =
            m_client->get(kTools + QStringLiteral("/jobs/%1/trace").arg(demo::kDeployJobId)).body;
        QVERIFY2(trace.contains("Deploying 2.4.1 to production"), trace.right(400).constData());

        // REST retry passes no variables: the new job keeps the played ones and runs at once.
        r = m_client->postJson(kTools + QStringLiteral("/jobs/%1/retry").arg(demo::kDeployJobId));
        QCOMPARE(r.status, 201);
        const qint64 fresh = r.object().value(QStringLiteral("id")).toInt();
        QVERIFY(fresh != demo::kDeployJobId);
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(m_server->world().playedVariables(fresh), played);
    }

    void releasePipelineHasManualJobs()
    {
        const Reply r = m_client->get(
            kTools +
            QStringLiteral("/pipelines/%1/jobs?scope[]=manual").arg(demo::kReleasePipelineId));
        QCOMPARE(r.status, 200);
        QStringList names;
        for (const QJsonValue &j : r.array())
            names.append(j.toObject().value(QStringLiteral("name")).toString());
        names.sort();
        QCOMPARE(names,
                 (QStringList{QStringLiteral("release:announce"), QStringLiteral("release:notes"),
                              QStringLiteral("release:publish")}));
        QCOMPARE(m_server->world().job(demo::kReleasePublishJobId)->spec.name,
                 QStringLiteral("release:publish"));
    }

    void refSearch_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("substring, any case")
            << QStringLiteral("RATE") << QStringList{QStringLiteral("feature/rate-limit")};
        QTest::newRow("prefix") << QStringLiteral("^feature")
                                << QStringList{QStringLiteral("feature/rate-limit"),
                                               QStringLiteral("feature/ログイン-ui")};
        QTest::newRow("suffix") << QStringLiteral("ui$")
                                << QStringList{QStringLiteral("feature/ログイン-ui")};
        QTest::newRow("wildcard") << QStringLiteral("^f*limit$")
                                  << QStringList{QStringLiteral("feature/rate-limit")};
        QTest::newRow("exact first")
            << QStringLiteral("main") << QStringList{QStringLiteral("main")};
        QTest::newRow("caret inside") << QStringLiteral("a^b") << QStringList{};
    }

    void refSearch()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, names);
        const Reply r = m_client->get(QStringLiteral("/projects/1/repository/branches?search=") +
                                      QString::fromLatin1(QUrl::toPercentEncoding(search)));
        QCOMPARE(r.status, 200);
        QStringList got;
        for (const QJsonValue &b : r.array())
            got.append(b.toObject().value(QStringLiteral("name")).toString());
        QCOMPARE(got, names);
        if (!got.isEmpty() && got.first() == QLatin1String("main"))
            QCOMPARE(r.array().first().toObject().value(QStringLiteral("default")).toBool(), true);
    }

    void exactMatchComesFirst()
    {
        Project *tools = m_server->world().project(demo::kDeployToolsProjectId);
        m_server->world().setBranchHead(*tools, QStringLiteral("a-release"),
                                        tools->branches.first().commitSha);
        m_server->world().setBranchHead(*tools, QStringLiteral("release"),
                                        tools->branches.first().commitSha);
        const Reply r =
            m_client->get(kTools + QStringLiteral("/repository/branches?search=Release"));
        QCOMPARE(r.array().size(), 2);
        QCOMPARE(r.array().at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("release"));
    }

    void manyBranches()
    {
        ServerOptions options = testOptions();
        options.manyBranches = true;
        QElapsedTimer timer;
        timer.start();
        Server server(options);
        QVERIFY2(timer.elapsed() < 5000, "10,000 branches must stay cheap to make");
        QVERIFY(server.listen());
        const Project *tools = server.world().project(demo::kDeployToolsProjectId);
        QVERIFY(tools->branches.size() > demo::kManyBranches);
        QVERIFY(std::is_sorted(tools->branches.begin(), tools->branches.end(),
                               [](const Branch &a, const Branch &b) { return a.name < b.name; }));
        Client client(server.baseUrl());
        const Reply r =
            client.get(kTools + QStringLiteral("/repository/branches?search=JIRA-1&per_page=100"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 100);
        QVERIFY(r.array()
                    .first()
                    .toObject()
                    .value(QStringLiteral("name"))
                    .toString()
                    .contains(QStringLiteral("/JIRA-1")));
        // Deterministic for the seed.
        Server again(options);
        QCOMPARE(again.world().project(demo::kDeployToolsProjectId)->branches.at(500).name,
                 tools->branches.at(500).name);
        // Off by default: the normal demo stays small.
        QVERIFY(m_server->world().project(demo::kDeployToolsProjectId)->branches.size() < 10);
    }

    void findThePipelineAfterALostReply()
    {
        const QDateTime sent = QDateTime::fromMSecsSinceEpoch(m_server->world().nowMs(), Qt::UTC);
        m_server->advance(1);
        Reply r = create({{QStringLiteral("ref"), QStringLiteral("main")}});
        QCOMPARE(r.status, 201);
        const int id = r.object().value(QStringLiteral("id")).toInt();
        const QString after = sent.toString(Qt::ISODateWithMs);
        r = m_client->get(
            kTools + QStringLiteral("/pipelines?ref=main&username=demo&source=api&created_after=") +
            after);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 1);
        QCOMPARE(r.array().first().toObject().value(QStringLiteral("id")).toInt(), id);
        r = m_client->get(
            kTools + QStringLiteral("/pipelines?ref=main&username=alice&created_after=") + after);
        QCOMPARE(r.array().size(), 0);
        r = m_client->get(kTools + QStringLiteral("/pipelines?ref=main&updated_after=") + after);
        QCOMPARE(r.array().first().toObject().value(QStringLiteral("id")).toInt(), id);
        r = m_client->get(kTools + QStringLiteral("/pipelines?created_before=") + after);
        for (const QJsonValue &p : r.array())
            QVERIFY(p.toObject().value(QStringLiteral("id")).toInt() != id);
        r = m_client->get(kTools + QStringLiteral("/pipelines?created_after=yesterday"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray(R"j({"error":"created_after is invalid"})j"));
    }

    void lostReplyAfterTheServerActed_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("create pipeline")
            << QByteArray("/api/v4/projects/2/pipeline") << QByteArray(R"j({"ref":"main"})j");
        QTest::newRow("play")
            << QByteArray("/api/v4/projects/2/jobs/") + QByteArray::number(demo::kDeployJobId) +
                   "/play"
            << QByteArray(R"j({"job_variables_attributes":[{"key":"VERSION","value":"9"}]})j");
    }

    void lostReplyAfterTheServerActed()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        FaultRule rule;
        rule.method = "POST";
        rule.path =
            QRegularExpression(QStringLiteral("^/api/v4/projects/2/(pipeline|jobs/\\d+/play)$"));
        rule.kind = FaultKind::CloseAfterProcessing;
        m_server->addFault(rule);
        const qsizetype before = pipelineCount();
        // A raw socket: QNetworkAccessManager would itself re-send after the close.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST " + path +
                     " HTTP/1.1\r\nHost: x\r\nPRIVATE-TOKEN: " + kDemoToken.toUtf8() +
                     "\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(socket.readAll(), QByteArray());
        if (path.endsWith("/play")) {
            QCOMPARE(m_server->world().job(demo::kDeployJobId)->status, QStringLiteral("pending"));
            QCOMPARE(m_server->world().playedVariables(demo::kDeployJobId).first().value,
                     QStringLiteral("9"));
        } else {
            QCOMPARE(pipelineCount(), before + 1);
        }
        // The rule was used up: the next request is answered.
        QCOMPARE(m_client->get(kTools).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSimRunPipeline)
#include "tst_sim_run_pipeline.moc"
