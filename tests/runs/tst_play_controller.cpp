// Playing manual jobs with variables against pipedeck-sim: one POST per job with
// job_variables_attributes exactly as typed, several jobs with the same variables, rows that
// the play API cannot take (a File type, a bad key) never sent, and the input kept.
#include "../actions/sim_fixture.h"

#include "runs/play_controller.h"
#include "sim/demo_data.h"
#include "sim/world.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace pipedeck;
using runs::PlayController;
using runs::PlayInput;
using runs::PlayTarget;
using variables::VariableRow;
namespace demo = pipedeck::sim::demo;

class TestPlayController : public QObject
{
    Q_OBJECT
private:
    actionstest::SimFixture m_sim;

    QList<qint64> manualJobs() const
    {
        QList<qint64> ids;
        const auto pipelines = m_sim.server->world().pipelinesOfProject(demo::kDemoProjectId);
        for (const sim::Pipeline *pipeline : pipelines) {
            for (const sim::Job *job :
                 m_sim.server->world().jobsOfPipeline(pipeline->id, false, false)) {
                if (job->status == QLatin1String("manual"))
                    ids.append(job->id);
            }
        }
        return ids;
    }

    PlayTarget targetOf(qint64 jobId) const
    {
        const sim::Job *job = m_sim.server->world().job(jobId);
        return PlayTarget{jobId, job->spec.name, job->spec.stage, job->pipelineId, false};
    }

private Q_SLOTS:
    void init() { QVERIFY(m_sim.start()); }
    void cleanup() { m_sim.stop(); }

    void oneJobGetsExactlyTheTypedVariables()
    {
        actions::ActionController actions(m_sim.connection.get());
        PlayController controller(&actions);
        QSignalSpy finished(&controller, &PlayController::finished);
        PlayInput input;
        input.projectId = demo::kDemoProjectId;
        input.jobs = {targetOf(demo::kManualJobId)};
        input.rows = {VariableRow{gitlab::VariableType::EnvVar, QStringLiteral("VERSION"),
                                  QStringLiteral("2.0.0"), false},
                      VariableRow{gitlab::VariableType::EnvVar, QStringLiteral("NOTES"),
                                  QStringLiteral("line 1\nline 2"), true},
                      VariableRow{}};
        QVERIFY(controller.submit(input));
        QVERIFY(finished.wait(10'000));
        QCOMPARE(controller.results().size(), 1);
        QVERIFY(controller.results().first().ok());
        QVERIFY(controller.unfinished().isEmpty());

        QList<sim::RecordedRequest> plays;
        for (const auto &request : m_sim.server->requests()) {
            if (request.method == "POST")
                plays.append(request);
        }
        QCOMPARE(plays.size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(plays.first().body).object();
        QCOMPARE(body.keys(), QStringList{QStringLiteral("job_variables_attributes")});
        const QJsonArray sent = body.value(QStringLiteral("job_variables_attributes")).toArray();
        QCOMPARE(sent.size(), 2);
        const QJsonObject first{{QStringLiteral("key"), QStringLiteral("VERSION")},
                                {QStringLiteral("value"), QStringLiteral("2.0.0")}};
        const QJsonObject second{{QStringLiteral("key"), QStringLiteral("NOTES")},
                                 {QStringLiteral("value"), QStringLiteral("line 1\nline 2")}};
        QCOMPARE(sent.at(0).toObject(), first);
        QCOMPARE(sent.at(1).toObject(), second);
        QCOMPARE(controller.input(), input);
    }

    void severalJobsWithTheSameVariables()
    {
        const QList<qint64> manual = manualJobs();
        QVERIFY2(manual.size() >= 2, "the demo needs two manual jobs");
        actions::ActionController actions(m_sim.connection.get());
        PlayController controller(&actions);
        QSignalSpy finished(&controller, &PlayController::finished);
        QSignalSpy each(&controller, &PlayController::jobFinished);
        PlayInput input;
        input.projectId = demo::kDemoProjectId;
        input.jobs = {targetOf(manual.at(0)), targetOf(manual.at(1))};
        input.rows = {VariableRow{gitlab::VariableType::EnvVar, QStringLiteral("RELEASE"),
                                  QStringLiteral("yes"), false}};
        QVERIFY(controller.submit(input));
        QVERIFY(finished.wait(10'000));
        QCOMPARE(each.size(), 2);
        for (qint64 id : {manual.at(0), manual.at(1)}) {
            const auto played = m_sim.server->world().job(id)->playVariables;
            QCOMPARE(played.size(), 1);
            QCOMPARE(played.first().key, QStringLiteral("RELEASE"));
        }
        QCOMPARE(m_sim.count("POST", QStringLiteral("/play")), 2);
    }

    void rowsThePlayApiCannotTakeAreNotSent()
    {
        actions::ActionController actions(m_sim.connection.get());
        PlayController controller(&actions);
        PlayInput input;
        input.projectId = demo::kDemoProjectId;
        input.jobs = {targetOf(demo::kManualJobId)};
        input.rows = {VariableRow{gitlab::VariableType::File, QStringLiteral("CONFIG"),
                                  QStringLiteral("a"), false}};
        QVERIFY(!controller.submit(input));
        input.rows = {VariableRow{gitlab::VariableType::EnvVar, QStringLiteral("bad key"),
                                  QStringLiteral("a"), false}};
        QVERIFY(!controller.submit(input));
        QCOMPARE(m_sim.writes(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPlayController)
#include "tst_play_controller.moc"
