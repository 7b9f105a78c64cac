// Running a pipeline against pipedeck-sim: what the user typed becomes exactly the JSON body
// GitLab expects, a refusal keeps the input with GitLab's message, and a lost reply is looked
// up (GET), never sent again.
#include "../actions/sim_fixture.h"

#include "runs/run_pipeline_controller.h"
#include "sim/demo_data.h"
#include "sim/fault_rule.h"
#include "sim/world.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace pipedeck;
using runs::RunPipelineController;
using runs::RunPipelineInput;
using variables::VariableRow;
namespace demo = pipedeck::sim::demo;

namespace {

constexpr int kTimeoutMs = 15'000;

RunPipelineInput typedInput()
{
    RunPipelineInput input;
    input.projectId = demo::kDemoProjectId;
    input.ref = QStringLiteral("main");
    input.rows = {
        VariableRow{gitlab::VariableType::EnvVar, QStringLiteral("VERSION"),
                    QStringLiteral("1.2.3"), false},
        VariableRow{gitlab::VariableType::File, QStringLiteral("CONFIG"),
                    QStringLiteral("a: 1\nb: 2\n"), false},
        VariableRow{gitlab::VariableType::EnvVar, QStringLiteral("DEPLOY_TOKEN"),
                    QStringLiteral("s3cr3t value"), true},
        VariableRow{}, // the editor's empty last row sends nothing
    };
    return input;
}

} // namespace

class TestRunPipelineController : public QObject
{
    Q_OBJECT
private:
    actionstest::SimFixture m_sim;

    QList<sim::RecordedRequest> posts() const
    {
        QList<sim::RecordedRequest> out;
        const auto all = m_sim.server->requests();
        for (const auto &request : all) {
            if (request.method == "POST" && request.target.endsWith("/pipeline"))
                out.append(request);
        }
        return out;
    }

private Q_SLOTS:
    void init()
    {
        // The sim's clock at the real time: a lookup that falls back to created_after compares
        // the client's clock with GitLab's.
        sim::ServerOptions options = actionstest::serverOptions();
        options.startTime = QDateTime::currentDateTimeUtc();
        QVERIFY(m_sim.start(actionstest::kWriterToken, options));
    }
    void cleanup() { m_sim.stop(); }

    void theBodyIsWhatTheUserTyped()
    {
        RunPipelineController controller(m_sim.connection.get(), QStringLiteral("demo"));
        QSignalSpy created(&controller, &RunPipelineController::created);
        RunPipelineInput input = typedInput();
        input.projectId = demo::kDeployToolsProjectId; // it declares these spec inputs
        input.inputs = QJsonObject{
            {QStringLiteral("environment"), QStringLiteral("staging")},
            {QStringLiteral("replicas"), 3},
            {QStringLiteral("dry_run"), true},
            {QStringLiteral("regions"), QJsonArray{QStringLiteral("eu"), QStringLiteral("us")}}};
        QVERIFY(controller.submit(input));
        QVERIFY(!controller.submit(input)); // a second click while sending sends nothing
        QVERIFY(created.wait(kTimeoutMs));
        QCOMPARE(created.first().at(1).toBool(), false);

        const QList<sim::RecordedRequest> sent = posts();
        QCOMPARE(sent.size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(sent.first().body).object();
        QCOMPARE(body.value(QStringLiteral("ref")).toString(), QStringLiteral("main"));
        const QJsonArray variables = body.value(QStringLiteral("variables")).toArray();
        QCOMPARE(variables.size(), 3);
        const auto expect = [&](int i, const char *key, const QString &value, const char *type) {
            const QJsonObject v = variables.at(i).toObject();
            QCOMPARE(v.size(), 3);
            QCOMPARE(v.value(QStringLiteral("key")).toString(), QString::fromLatin1(key));
            QCOMPARE(v.value(QStringLiteral("value")).toString(), value);
            QCOMPARE(v.value(QStringLiteral("variable_type")).toString(),
                     QString::fromLatin1(type));
        };
        expect(0, "VERSION", QStringLiteral("1.2.3"), "env_var");
        expect(1, "CONFIG", QStringLiteral("a: 1\nb: 2\n"), "file");
        expect(2, "DEPLOY_TOKEN", QStringLiteral("s3cr3t value"), "env_var");
        QCOMPARE(body.value(QStringLiteral("inputs")).toObject(), input.inputs);
        QCOMPARE(body.size(), 3);

        // GitLab created it with those variables.
        const gitlab::Pipeline pipeline = created.first().at(0).value<gitlab::Pipeline>();
        const sim::Pipeline *made = m_sim.server->world().pipeline(pipeline.id);
        QVERIFY(made);
        QCOMPARE(made->ref, QStringLiteral("main"));
        QCOMPARE(made->variables.size(), 3);
        QCOMPARE(made->variables.at(1).variableType, QStringLiteral("file"));
        QCOMPARE(controller.state(), RunPipelineController::State::Done);
    }

    void noVariablesSendsNoVariablesField()
    {
        RunPipelineController controller(m_sim.connection.get(), QStringLiteral("demo"));
        QSignalSpy created(&controller, &RunPipelineController::created);
        RunPipelineInput input;
        input.projectId = demo::kDemoProjectId;
        input.ref = QStringLiteral("main");
        input.rows = {VariableRow{}};
        QVERIFY(controller.submit(input));
        QVERIFY(created.wait(kTimeoutMs));
        const QJsonObject body = QJsonDocument::fromJson(posts().first().body).object();
        const QJsonObject expected{{QStringLiteral("ref"), QStringLiteral("main")}};
        QCOMPARE(body, expected);
    }

    void rowsThatBreakGitLabsRulesAreNotSent()
    {
        RunPipelineController controller(m_sim.connection.get(), QStringLiteral("demo"));
        RunPipelineInput input = typedInput();
        input.rows.append(VariableRow{gitlab::VariableType::EnvVar, QStringLiteral("bad key!"),
                                      QStringLiteral("x"), false});
        QVERIFY(!controller.submit(input));
        input.rows.removeLast();
        input.rows.append(input.rows.first()); // a duplicate key
        QVERIFY(!controller.submit(input));
        QCOMPARE(controller.state(), RunPipelineController::State::Idle);
        QCOMPARE(m_sim.server->requests().size(), 0);
    }

    void aMissingRefIsRefusedAndTheInputKept()
    {
        RunPipelineController controller(m_sim.connection.get(), QStringLiteral("demo"));
        QSignalSpy refused(&controller, &RunPipelineController::refused);
        RunPipelineInput input = typedInput();
        input.ref = QStringLiteral("no-such-branch");
        const int before =
            static_cast<int>(m_sim.server->world().pipelinesOfProject(demo::kDemoProjectId).size());
        QVERIFY(controller.submit(input));
        QVERIFY(refused.wait(kTimeoutMs));
        const auto status = refused.first().at(0).value<gitlab::Status>();
        QCOMPARE(status.httpStatus(), 400);
        QVERIFY2(status.userText().contains(QStringLiteral("Reference not found")),
                 qPrintable(status.userText()));
        QCOMPARE(controller.state(), RunPipelineController::State::Refused);
        QCOMPARE(controller.input(), input);
        QCOMPARE(m_sim.server->world().pipelinesOfProject(demo::kDemoProjectId).size(), before);
        QCOMPARE(posts().size(), 1);
    }

    void rateLimitedIsRefusedWithItsTime()
    {
        sim::FaultRule fault;
        fault.method = "POST";
        fault.path = QRegularExpression(QStringLiteral("/pipeline$"));
        fault.kind = sim::FaultKind::TooManyRequests;
        fault.retryAfter = QStringLiteral("30");
        m_sim.server->addFault(fault);
        RunPipelineController controller(m_sim.connection.get(), QStringLiteral("demo"));
        QSignalSpy refused(&controller, &RunPipelineController::refused);
        QVERIFY(controller.submit(typedInput()));
        QVERIFY(refused.wait(kTimeoutMs));
        const auto status = refused.first().at(0).value<gitlab::Status>();
        QCOMPARE(status.code(), gitlab::Status::TooManyRequests);
        QVERIFY(status.retryAt().isValid());
        QCOMPARE(controller.input(), typedInput());
        QCOMPARE(posts().size(), 1);
    }

    void aLostReplyIsLookedUpNotResent()
    {
        m_sim.loseRepliesTo("POST", QStringLiteral("/pipeline$"));
        RunPipelineController controller(m_sim.connection.get(), QStringLiteral("demo"));
        QSignalSpy created(&controller, &RunPipelineController::created);
        QVERIFY(controller.submit(typedInput()));
        QVERIFY(created.wait(kTimeoutMs));
        QCOMPARE(created.first().at(1).toBool(), true);
        const gitlab::Pipeline found = created.first().at(0).value<gitlab::Pipeline>();
        const auto pipelines = m_sim.server->world().pipelinesOfProject(demo::kDemoProjectId);
        QCOMPARE(found.id, pipelines.first()->id); // the one the lost POST created
        QCOMPARE(pipelines.first()->variables.size(), 3);
        // Sent once, by the app and by Qt's HTTP layer alike.
        QCOMPARE(posts().size(), 1);
        const auto all = m_sim.server->requests();
        QCOMPARE(all.last().method, QByteArray("GET"));
        QVERIFY(all.last().target.contains("/pipelines?"));
        QVERIFY(all.last().target.contains("username=demo"));
        QVERIFY(all.last().target.contains("source=api"));
    }

    void anUnansweredLookupCanBeAskedAgain()
    {
        m_sim.loseRepliesTo("POST", QStringLiteral("/pipeline$"));
        sim::FaultRule down;
        down.method = "GET";
        down.path = QRegularExpression(QStringLiteral("/pipelines$"));
        down.kind = sim::FaultKind::ServerError;
        down.status = 500;
        down.times = -1;

        RunPipelineController controller(m_sim.connection.get(), QStringLiteral("demo"));
        QSignalSpy unknown(&controller, &RunPipelineController::outcomeUnknown);
        QSignalSpy created(&controller, &RunPipelineController::created);
        // GitLab's lists fail before and after the POST: the lookup falls back to created_after.
        m_sim.server->addFault(down);
        QVERIFY(controller.submit(typedInput()));
        QVERIFY(unknown.wait(30'000));
        QCOMPARE(controller.state(), RunPipelineController::State::Unknown);
        QCOMPARE(created.size(), 0);
        const int postsBefore = static_cast<int>(posts().size());

        m_sim.server->clearFaults();
        QVERIFY(controller.checkAgain());
        QVERIFY(created.wait(kTimeoutMs));
        QCOMPARE(created.first().at(1).toBool(), true);
        QCOMPARE(created.first().at(0).value<gitlab::Pipeline>().id,
                 m_sim.server->world().pipelinesOfProject(demo::kDemoProjectId).first()->id);
        QVERIFY(m_sim.server->requests().last().target.contains("created_after="));
        QCOMPARE(posts().size(), postsBefore); // asking again is a GET, never the POST
        QCOMPARE(controller.input(), typedInput());
    }
};

QTEST_GUILESS_MAIN(TestRunPipelineController)
#include "tst_run_pipeline_controller.moc"
