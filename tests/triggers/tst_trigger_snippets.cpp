// "Copy as" snippets of a trigger: exact texts, and the curl one run for real (bash and curl
// against an in-process pipedeck-sim, the token from $TRIGGER_TOKEN) creates the pipeline.
#include "triggers/trigger_snippets.h"

#include "sim/demo_data.h"
#include "sim/server.h"
#include "sim/world.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace pipedeck;
using triggers::SnippetTarget;
using triggers::TriggerSnippets;
namespace demo = pipedeck::sim::demo;

namespace {

SnippetTarget target()
{
    SnippetTarget t;
    t.instance = QUrl(QStringLiteral("https://gitlab.example.com/"));
    t.projectId = 42;
    t.projectPath = QStringLiteral("platform/deploy-tools");
    t.ref = QStringLiteral("release/3.0");
    t.variables = {{QStringLiteral("DEPLOY_ENV"), QStringLiteral("production")},
                   {QStringLiteral("NOTE"), QStringLiteral("it's \"live\" & $HOME")}};
    t.token = QStringLiteral("glptt-0123456789abcdef");
    return t;
}

} // namespace

class TestTriggerSnippets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curlReadsTheTokenFromTheEnvironment()
    {
        QCOMPARE(
            TriggerSnippets::curl(target()),
            QStringLiteral("curl --request POST \\\n"
                           "  --form \"token=$TRIGGER_TOKEN\" \\\n"
                           "  --form 'ref=release/3.0' \\\n"
                           "  --form 'variables[DEPLOY_ENV]=production' \\\n"
                           "  --form 'variables[NOTE]=it'\\''s \"live\" & $HOME' \\\n"
                           "  'https://gitlab.example.com/api/v4/projects/42/trigger/pipeline'\n"));
    }

    void theRealTokenOnlyWhenAskedFor()
    {
        QVERIFY(!TriggerSnippets::curl(target()).contains(target().token));
        QVERIFY(!TriggerSnippets::powerShell(target()).contains(target().token));
        QVERIFY(!TriggerSnippets::webhookUrl(target()).contains(target().token));
        SnippetTarget with = target();
        with.includeToken = true;
        QVERIFY(TriggerSnippets::curl(with).contains(
            QStringLiteral("--form 'token=glptt-0123456789abcdef'")));
        QVERIFY(TriggerSnippets::webhookUrl(with).contains(
            QStringLiteral("?token=glptt-0123456789abcdef")));
        QVERIFY(!TriggerSnippets::tokenWarning().isEmpty());
    }

    void powerShell()
    {
        QCOMPARE(TriggerSnippets::powerShell(target()),
                 QStringLiteral("$form = @{\n"
                                "    token = $env:TRIGGER_TOKEN\n"
                                "    ref = 'release/3.0'\n"
                                "    'variables[DEPLOY_ENV]' = 'production'\n"
                                "    'variables[NOTE]' = 'it''s \"live\" & $HOME'\n"
                                "}\n"
                                "Invoke-RestMethod -Method Post -Uri "
                                "'https://gitlab.example.com/api/v4/projects/42/trigger/pipeline' "
                                "-Form $form\n"));
    }

    void gitlabCiJobs()
    {
        QCOMPARE(TriggerSnippets::gitlabCiTriggerJob(target()),
                 QStringLiteral("trigger-deploy-tools:\n"
                                "  trigger:\n"
                                "    project: \"platform/deploy-tools\"\n"
                                "    branch: \"release/3.0\"\n"
                                "  variables:\n"
                                "    DEPLOY_ENV: \"production\"\n"
                                "    NOTE: \"it's \\\"live\\\" & $HOME\"\n"));
        QCOMPARE(TriggerSnippets::gitlabCiCurlJob(target()),
                 QStringLiteral("trigger-deploy-tools:\n"
                                "  script:\n"
                                "    - >\n"
                                "      curl --request POST\n"
                                "      --form \"token=$CI_JOB_TOKEN\"\n"
                                "      --form 'ref=release/3.0'\n"
                                "      --form 'variables[DEPLOY_ENV]=production'\n"
                                "      --form 'variables[NOTE]=it'\\''s \"live\" & $HOME'\n"
                                "      'https://gitlab.example.com/api/v4/projects/42/trigger/"
                                "pipeline'\n"));
    }

    void webhookUrl()
    {
        QCOMPARE(TriggerSnippets::webhookUrl(target()),
                 QStringLiteral("https://gitlab.example.com/api/v4/projects/42/ref/"
                                "release%2F3.0/trigger/pipeline?token=TRIGGER_TOKEN"
                                "&variables%5BDEPLOY_ENV%5D=production"
                                "&variables%5BNOTE%5D=it%27s%20%22live%22%20%26%20%24HOME"));
    }

    void theCurlSnippetTriggersAPipelineForReal()
    {
        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
        QVERIFY2(!curl.isEmpty() && !bash.isEmpty(), "curl and bash are needed (install-deps)");
        sim::ServerOptions options;
        options.bigLog = false;
        options.clockRunning = false;
        sim::Server server(options);
        QVERIFY(server.listen());
        QString token;
        for (const sim::Trigger *t : server.world().triggersOfProject(demo::kDeployToolsProjectId))
            token = t->token;
        QVERIFY(!token.isEmpty());
        SnippetTarget t = target();
        t.instance = server.baseUrl();
        t.projectId = demo::kDeployToolsProjectId;
        t.ref = QStringLiteral("main");
        const qsizetype before = server.world().pipelinesOfProject(t.projectId).size();

        QProcess shell;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRIGGER_TOKEN"), token);
        env.insert(QStringLiteral("HOME"), QStringLiteral("/nonexistent-home"));
        shell.setProcessEnvironment(env);
        shell.start(bash, {QStringLiteral("-c"),
                           TriggerSnippets::curl(t).replace(QStringLiteral("curl --request"),
                                                            QStringLiteral("curl --silent "
                                                                           "--fail --request"))});
        QVERIFY(shell.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        while (shell.state() != QProcess::NotRunning && timer.elapsed() < 20'000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            shell.waitForFinished(10);
        }
        QCOMPARE(shell.exitCode(), 0);
        const auto pipelines = server.world().pipelinesOfProject(t.projectId);
        QCOMPARE(pipelines.size(), before + 1);
        const sim::Pipeline *made = pipelines.first();
        QCOMPARE(made->source, QStringLiteral("trigger"));
        QCOMPARE(made->ref, QStringLiteral("main"));
        QCOMPARE(made->variables.size(), 2);
        // The shell passed the awkward value through untouched.
        bool noteSeen = false;
        for (const auto &v : made->variables)
            noteSeen = noteSeen || v.value == QStringLiteral("it's \"live\" & $HOME");
        QVERIFY(noteSeen);
    }
};

QTEST_MAIN(TestTriggerSnippets)
#include "tst_trigger_snippets.moc"
