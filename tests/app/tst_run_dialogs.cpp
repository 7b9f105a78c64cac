// The Play… and Run pipeline… dialogs on a ProjectPage against pipedeck-sim: what the user types
// becomes exactly the request body GitLab expects, a refusal keeps the input, a lost reply is
// never re-sent, the run history records every send and prefills the next one, a draft keeps
// unsent input across a close.
#include "page_fixture.h"

#include "history/run_history.h"
#include "history/run_history_model.h"
#include "jobs/project_jobs_view.h"
#include "models/loaders/jobs_loader.h"
#include "models/loaders/project_jobs_loader.h"
#include "models/loaders/refs_loader.h"
#include "models/project_jobs/project_jobs_model.h"
#include "models/refs/refs_model.h"
#include "presets/draft_store.h"
#include "runs/play_dialog.h"
#include "runs/ref_picker.h"
#include "runs/run_history_panel.h"
#include "runs/run_pipeline_controller.h"
#include "runs/run_pipeline_dialog.h"
#include "variables/variables_editor.h"
#include "variables/variables_model.h"
#include "widgets/inline_message.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace pipedeck;
namespace demo = pipedeck::sim::demo;
using variables::VariableRow;

namespace {

constexpr int kTimeoutMs = 10'000;

QJsonArray keyValues(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    QJsonArray array;
    for (const auto &[key, value] : pairs)
        array.append(QJsonObject{{QStringLiteral("key"), QString::fromUtf8(key)},
                                 {QStringLiteral("value"), QString::fromUtf8(value)}});
    return array;
}

gitlab::Project deployTools()
{
    gitlab::Project project;
    project.id = demo::kDeployToolsProjectId;
    project.pathWithNamespace = QStringLiteral("platform/deploy-tools");
    project.name = QStringLiteral("deploy-tools");
    project.defaultBranch = QStringLiteral("main");
    project.webUrl = QUrl(QStringLiteral("https://gitlab.example.com/platform/deploy-tools"));
    return project;
}

} // namespace

class TestRunDialogs : public QObject
{
    Q_OBJECT

    pagetest::PageFixture m_fixture;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<history::RunHistory> m_history;
    std::unique_ptr<presets::DraftStore> m_drafts;

    runs::RunServices services() const
    {
        runs::RunServices services;
        services.account.instance = m_fixture.server->baseUrl();
        services.account.account = QStringLiteral("demo");
        services.history = m_history.get();
        services.drafts = m_drafts.get();
        return services;
    }

    bool openDeployTools(qint64 pipelineId)
    {
        if (!m_fixture.start())
            return false;
        m_fixture.page = std::make_unique<ProjectPage>(*m_fixture.connection, deployTools(), true);
        m_fixture.page->setRunServices(services());
        m_fixture.page->resize(1280, 800);
        m_fixture.page->show();
        return m_fixture.showPipeline(pipelineId);
    }

    bool selectJob(qint64 jobId)
    {
        m_fixture.page->showJob(jobId);
        return m_fixture.page->currentJobId() == jobId;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_history = std::make_unique<history::RunHistory>(m_dir->filePath(QStringLiteral("h.db")));
        QVERIFY(m_history->open());
        m_drafts = std::make_unique<presets::DraftStore>(m_dir->filePath(QStringLiteral("drafts")));
    }

    void cleanup()
    {
        m_fixture.close();
        m_history.reset();
        m_drafts.reset();
        m_dir.reset();
    }

    void playWithVariablesSendsThemOnceAfterTheReview()
    {
        QVERIFY(openDeployTools(demo::kDeployPipelineId));
        QVERIFY(selectJob(demo::kDeployJobId));
        QVERIFY(m_fixture.page->playWithVariablesAction()->isEnabled());
        QPointer<PlayDialog> dialog = m_fixture.page->openPlayDialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->isRetry());
        QVERIFY(dialog->editor()->pasteText(
            QStringLiteral("export DEPLOY_ENV=production\nVERSION: \"2.4.1\"\n")));
        // A deploy stage is reviewed first: nothing is sent by the first press.
        QVERIFY(dialog->reviewBox()->isChecked());
        dialog->trySend();
        QVERIFY(dialog->isReviewShown());
        QVERIFY(dialog->reviewText().contains(QStringLiteral("Variable DEPLOY_ENV = production")));
        QVERIFY(dialog->reviewText().contains(QStringLiteral("deploy:production")));
        QCOMPARE(m_fixture.writes(), 0);

        dialog->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs); // closed on success
        const auto plays =
            m_fixture.requests("POST", QStringLiteral("/api/v4/projects/2/jobs/40001/play"));
        QCOMPARE(plays.size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(plays.first().body).object();
        const QJsonObject expected{
            {QStringLiteral("job_variables_attributes"),
             keyValues({{"DEPLOY_ENV", "production"}, {"VERSION", "2.4.1"}})}};
        QCOMPARE(body, expected);
        QCOMPARE(m_fixture.writes(), 1);

        // The history has it, with GitLab's answer.
        const QList<history::RunRecord> records = m_history->records();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().jobName, QStringLiteral("deploy:production"));
        QCOMPARE(records.first().outcome, history::RunOutcome::Succeeded);
        QCOMPARE(records.first().variables.size(), 2);
        QCOMPARE(records.first().variables.at(1).value, QStringLiteral("2.4.1"));
    }

    void aFinishedPlayedJobOffersTheRetryWithItsVariables()
    {
        QVERIFY(openDeployTools(demo::kDeployPipelineId));
        QVERIFY(selectJob(demo::kDeployJobId));
        QPointer<PlayDialog> dialog = m_fixture.page->openPlayDialog();
        QVERIFY(dialog);
        dialog->reviewBox()->setChecked(false);
        dialog->editor()->setRows(
            {VariableRow{{}, QStringLiteral("DEPLOY_ENV"), QStringLiteral("staging"), false}});
        dialog->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs);
        // The job runs and succeeds in simulated time; each refresh waits for the one before
        // (a refresh asked for while one is under way would read the older state).
        const auto deployStatus = [this] {
            const QModelIndex job = m_fixture.jobs()->indexOfJob(demo::kDeployJobId);
            return job.data(models::JobsModel::StatusRole).toInt();
        };
        for (int step = 0; step < 20 && deployStatus() != int(gitlab::CiStatus::Success); ++step) {
            m_fixture.server->advance(30);
            QTRY_VERIFY_WITH_TIMEOUT(!m_fixture.page->jobsLoader()->isBusy(), kTimeoutMs);
            m_fixture.page->refresh();
            QTRY_VERIFY_WITH_TIMEOUT(!m_fixture.page->jobsLoader()->isBusy(), kTimeoutMs);
        }
        QCOMPARE(deployStatus(), int(gitlab::CiStatus::Success));

        dialog = m_fixture.page->openPlayDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isRetry());
        QCOMPARE(dialog->editor()->rows(),
                 (QList<VariableRow>{VariableRow{
                     {}, QStringLiteral("DEPLOY_ENV"), QStringLiteral("staging"), false}}));
        QVERIFY(dialog->noteText().contains(QStringLiteral("ignores new values")));
        QVERIFY(!dialog->editor()->pasteText(QStringLiteral("A=1\nB=2")));
        dialog->reviewBox()->setChecked(false);
        dialog->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs);
        QCOMPARE(m_fixture.requests("POST", QStringLiteral("/api/v4/projects/2/jobs/40001/retry"))
                     .size(),
                 1);
        // GitLab's retry is sent without variables: it reuses the played ones itself.
        QCOMPARE(
            QJsonDocument::fromJson(
                m_fixture.requests("POST", QStringLiteral("/api/v4/projects/2/jobs/40001/retry"))
                    .first()
                    .body)
                .object(),
            QJsonObject());
    }

    void enterEditsACellAndNeverSends()
    {
        QVERIFY(openDeployTools(demo::kDeployPipelineId));
        QVERIFY(selectJob(demo::kDeployJobId));
        QPointer<PlayDialog> dialog = m_fixture.page->openPlayDialog();
        QVERIFY(dialog);
        dialog->reviewBox()->setChecked(false);
        QTableView *table = dialog->editor()->table();
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        table->setFocus();
        table->setCurrentIndex(dialog->editor()->model()->index(0, 1));
        const auto cellEditor = [table] {
            return table->viewport()->findChild<QLineEdit *>(QString(), Qt::FindDirectChildrenOnly);
        };
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_VERIFY(cellEditor() && cellEditor()->hasFocus());
        QTest::keyClicks(cellEditor(), QStringLiteral("DEPLOY_ENV"));
        QTest::keyClick(cellEditor(), Qt::Key_Return);
        QTRY_VERIFY(!cellEditor() || !cellEditor()->isVisible());
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_VERIFY(cellEditor() && cellEditor()->isVisible());
        QTest::keyClick(cellEditor(), Qt::Key_Return);
        QTRY_COMPARE(dialog->editor()->rows().size(), 1);
        QCOMPARE(dialog->editor()->rows().first().key, QStringLiteral("DEPLOY_ENV"));
        QVERIFY(dialog->isVisible());
        QCOMPARE(m_fixture.writes(), 0);
        // Ctrl+Enter is the keyboard's way to send.
        QTest::keyClick(table, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs);
        QCOMPARE(m_fixture.writes(), 1);
    }

    void aRefusalKeepsEverythingTyped()
    {
        QVERIFY(openDeployTools(demo::kDeployPipelineId));
        QVERIFY(selectJob(demo::kDeployJobId));
        sim::FaultRule fault;
        fault.method = "POST";
        fault.path = QRegularExpression(QStringLiteral("/jobs/40001/play$"));
        fault.kind = sim::FaultKind::ServerError;
        fault.status = 403;
        m_fixture.server->addFault(fault);
        QPointer<PlayDialog> dialog = m_fixture.page->openPlayDialog();
        QVERIFY(dialog);
        dialog->reviewBox()->setChecked(false);
        const QList<VariableRow> typed{
            VariableRow{{}, QStringLiteral("DEPLOY_ENV"), QStringLiteral("production"), false},
            VariableRow{{}, QStringLiteral("TOKEN"), QStringLiteral("s3cr3t"), true}};
        dialog->editor()->setRows(typed);
        dialog->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->message()->kind() == InlineMessage::Kind::Error &&
                                     dialog->message()->isVisibleTo(dialog),
                                 kTimeoutMs);
        QVERIFY(dialog->message()->text().contains(QStringLiteral("deploy:production")));
        QCOMPARE(dialog->editor()->rows(), typed);
        QVERIFY(dialog->sendButton()->isEnabled());
        QCOMPARE(m_fixture.writes(), 1);
        QCOMPARE(m_history->records().first().outcome, history::RunOutcome::Refused);
        // The history never holds the sensitive value.
        QCOMPARE(m_history->records().first().variables.at(1).value, QString());
        dialog->close();
    }

    void aLostReplyIsCheckedNotResent()
    {
        QVERIFY(openDeployTools(demo::kDeployPipelineId));
        QVERIFY(selectJob(demo::kDeployJobId));
        m_fixture.loseRepliesTo("POST", QStringLiteral("/jobs/40001/play$"));
        QPointer<PlayDialog> dialog = m_fixture.page->openPlayDialog();
        QVERIFY(dialog);
        dialog->reviewBox()->setChecked(false);
        dialog->editor()->setRows(
            {VariableRow{{}, QStringLiteral("DEPLOY_ENV"), QStringLiteral("production"), false}});
        dialog->trySend();
        // GitLab did play it: the re-read finds the job started, and the dialog closes.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs);
        QCOMPARE(
            m_fixture.requests("POST", QStringLiteral("/api/v4/projects/2/jobs/40001/play")).size(),
            1);
        QCOMPARE(m_history->records().first().outcome, history::RunOutcome::Succeeded);
    }

    void aStagesManualJobsArePlayedTogether()
    {
        QVERIFY(openDeployTools(demo::kReleasePipelineId));
        QVERIFY(selectJob(demo::kReleaseNotesJobId));
        QVERIFY(m_fixture.page->playStageAction()->isEnabled());
        QPointer<PlayDialog> dialog = m_fixture.page->openPlayStageDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->jobs().size(), 3);
        dialog->editor()->setRows(
            {VariableRow{{}, QStringLiteral("RELEASE"), QStringLiteral("3.0.0"), false}});
        // Several jobs are always confirmed, with all of them listed.
        QVERIFY(dialog->reviewBox()->isChecked());
        dialog->trySend();
        QVERIFY(dialog->reviewText().contains(QStringLiteral("release:notes")));
        QVERIFY(dialog->reviewText().contains(QStringLiteral("release:publish")));
        QVERIFY(dialog->reviewText().contains(QStringLiteral("release:announce")));
        QCOMPARE(m_fixture.writes(), 0);
        dialog->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs);
        const QJsonObject expected{
            {QStringLiteral("job_variables_attributes"), keyValues({{"RELEASE", "3.0.0"}})}};
        for (const qint64 id :
             {demo::kReleaseNotesJobId, demo::kReleasePublishJobId, demo::kReleaseAnnounceJobId}) {
            const auto plays = m_fixture.requests(
                "POST", QStringLiteral("/api/v4/projects/2/jobs/%1/play").arg(id));
            QCOMPARE(plays.size(), 1);
            QCOMPARE(QJsonDocument::fromJson(plays.first().body).object(), expected);
        }
        QCOMPARE(m_history->records().size(), 3);
    }

    void theLastValuesSentToAJobOfThatNamePrefill()
    {
        QVERIFY(openDeployTools(demo::kDeployPipelineId));
        history::RunRecord earlier;
        earlier.instance =
            m_fixture.server->baseUrl().toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
        earlier.account = QStringLiteral("demo");
        earlier.projectId = demo::kDeployToolsProjectId;
        earlier.jobName = QStringLiteral("deploy:production");
        earlier.jobId = 39999;
        earlier.variables = {
            VariableRow{{}, QStringLiteral("DEPLOY_ENV"), QStringLiteral("production"), false},
            VariableRow{{}, QStringLiteral("API_KEY"), QStringLiteral("never-stored"), true}};
        QVERIFY(m_history->recordStarted(earlier) > 0);
        QVERIFY(selectJob(demo::kDeployJobId));
        QPointer<PlayDialog> dialog = m_fixture.page->openPlayDialog();
        QVERIFY(dialog);
        const QList<VariableRow> rows = dialog->editor()->rows();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).value, QStringLiteral("production"));
        QCOMPARE(rows.at(1).key, QStringLiteral("API_KEY"));
        QVERIFY(rows.at(1).sensitive);
        QCOMPARE(rows.at(1).value, QString());
        QVERIFY(dialog->noteText().contains(QStringLiteral("type them again")));
        dialog->close();
    }

    void aClosedDialogKeepsADraftWithoutSensitiveValues()
    {
        QVERIFY(openDeployTools(demo::kDeployPipelineId));
        QVERIFY(selectJob(demo::kDeployJobId));
        QPointer<PlayDialog> dialog = m_fixture.page->openPlayDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->editor()->pasteText(QStringLiteral("DEPLOY_ENV=canary\nSECRET=hunter2")));
        auto *model = dialog->editor()->model();
        QVERIFY(model->setData(model->index(1, 0), true, variables::VariablesModel::SensitiveRole));
        dialog->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs);
        const QString key = presets::DraftStore::playKey(
            m_fixture.server->baseUrl(), QStringLiteral("demo"), demo::kDeployToolsProjectId,
            QStringLiteral("deploy:production"));
        QFile file(m_drafts->filePath(key));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(written.contains("canary"));
        QVERIFY(!written.contains("hunter2"));

        dialog = m_fixture.page->openPlayDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->editor()->rows().size(), 2);
        QCOMPARE(dialog->editor()->rows().at(0).value, QStringLiteral("canary"));
        QVERIFY(dialog->editor()->rows().at(1).sensitive);
        QVERIFY(dialog->noteText().contains(QStringLiteral("Restored")));
        dialog->close();
        QCOMPARE(m_fixture.writes(), 0);
    }

    void runPipelineSendsRefVariablesAndTypedInputs()
    {
        QVERIFY(openDeployTools(demo::kDeployPipelineId));
        QPointer<RunPipelineDialog> dialog = m_fixture.page->openRunPipelineDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->refPicker()->ref(), QStringLiteral("main"));
        dialog->editor()->setRows(
            {VariableRow{{}, QStringLiteral("VERSION"), QStringLiteral("3.0.1"), false},
             VariableRow{gitlab::VariableType::File, QStringLiteral("CONFIG"),
                         QStringLiteral("a: 1\n"), false}});
        dialog->inputsField()->setPlainText(
            QStringLiteral("environment: production\nreplicas: 3\ndry_run: true\nregions: "
                           "[\"eu-west-1\", \"ap-northeast-1\"]"));
        dialog->reviewBox()->setChecked(false);
        dialog->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs);
        const auto posts =
            m_fixture.requests("POST", QStringLiteral("/api/v4/projects/2/pipeline"));
        QCOMPARE(posts.size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(posts.first().body).object();
        const QJsonObject expected{
            {QStringLiteral("ref"), QStringLiteral("main")},
            {QStringLiteral("variables"),
             QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("VERSION")},
                                    {QStringLiteral("value"), QStringLiteral("3.0.1")},
                                    {QStringLiteral("variable_type"), QStringLiteral("env_var")}},
                        QJsonObject{{QStringLiteral("key"), QStringLiteral("CONFIG")},
                                    {QStringLiteral("value"), QStringLiteral("a: 1\n")},
                                    {QStringLiteral("variable_type"), QStringLiteral("file")}}}},
            {QStringLiteral("inputs"),
             QJsonObject{
                 {QStringLiteral("environment"), QStringLiteral("production")},
                 {QStringLiteral("replicas"), 3},
                 {QStringLiteral("dry_run"), true},
                 {QStringLiteral("regions"),
                  QJsonArray{QStringLiteral("eu-west-1"), QStringLiteral("ap-northeast-1")}}}}};
        QCOMPARE(body, expected);
        // The new pipeline opens on the page.
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture.page->currentPipelineId() > demo::kReleasePipelineId,
                                 kTimeoutMs);
        QCOMPARE(m_history->records().first().kind, history::RunKind::RunPipeline);
        QCOMPARE(m_history->records().first().outcome, history::RunOutcome::Succeeded);
    }

    void runPipelineRefusalKeepsTheForm()
    {
        QVERIFY(openDeployTools(demo::kDeployPipelineId));
        QPointer<RunPipelineDialog> dialog = m_fixture.page->openRunPipelineDialog();
        QVERIFY(dialog);
        dialog->refPicker()->setRef(QStringLiteral("no-such-branch"));
        const QList<VariableRow> typed{
            VariableRow{{}, QStringLiteral("VERSION"), QStringLiteral("3.0.1"), false}};
        dialog->editor()->setRows(typed);
        dialog->inputsField()->setPlainText(QStringLiteral("replicas: 3"));
        dialog->reviewBox()->setChecked(false);
        dialog->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->message()->kind() == InlineMessage::Kind::Error &&
                                     !dialog->controller()->isBusy(),
                                 kTimeoutMs);
        QVERIFY2(dialog->message()->text().contains(QStringLiteral("Reference not found")),
                 qPrintable(dialog->message()->text()));
        QCOMPARE(dialog->refPicker()->ref(), QStringLiteral("no-such-branch"));
        QCOMPARE(dialog->editor()->rows(), typed);
        QCOMPARE(dialog->inputsField()->toPlainText(), QStringLiteral("replicas: 3"));
        QCOMPARE(m_fixture.requests("POST", QStringLiteral("/api/v4/projects/2/pipeline")).size(),
                 1);
        QCOMPARE(m_history->records().first().outcome, history::RunOutcome::Refused);
        dialog->close();
    }

    void aLostRunReplyFindsThePipelineInsteadOfSendingAgain()
    {
        QVERIFY(openDeployTools(demo::kDeployPipelineId));
        m_fixture.loseRepliesTo("POST", QStringLiteral("/projects/2/pipeline$"));
        QPointer<RunPipelineDialog> dialog = m_fixture.page->openRunPipelineDialog();
        QVERIFY(dialog);
        dialog->reviewBox()->setChecked(false);
        dialog->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs);
        QCOMPARE(m_fixture.requests("POST", QStringLiteral("/api/v4/projects/2/pipeline")).size(),
                 1);
        QCOMPARE(m_history->records().first().outcome, history::RunOutcome::Succeeded);
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture.page->currentPipelineId() > demo::kReleasePipelineId,
                                 kTimeoutMs);
    }

    void theRefPickerSearchesOnTheServer()
    {
        QVERIFY(openDeployTools(demo::kDeployPipelineId));
        QPointer<RunPipelineDialog> dialog = m_fixture.page->openRunPipelineDialog();
        QVERIFY(dialog);
        RefPicker *picker = dialog->refPicker();
        picker->loader()->setDebounceMs(0);
        QTRY_VERIFY_WITH_TIMEOUT(picker->model()->rowCount() > 0, kTimeoutMs);
        // The default branch comes first, marked as such.
        QCOMPARE(picker->model()->index(0).data(models::RefsModel::NameRole).toString(),
                 QStringLiteral("main"));
        QVERIFY(picker->model()->index(0).data(models::RefsModel::DefaultRole).toBool());
        picker->searchField()->clear();
        QTest::keyClicks(picker->searchField(), QStringLiteral("spike"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !picker->loader()->isBusy() && picker->model()->rowCount() == 1 &&
                picker->model()->index(0).data(models::RefsModel::NameRole).toString() ==
                    QStringLiteral("wip/spike"),
            kTimeoutMs);
        // Down picks it.
        QTest::keyClick(picker->searchField(), Qt::Key_Down);
        QCOMPARE(picker->ref(), QStringLiteral("wip/spike"));
        QVERIFY(m_fixture.requests("GET", QStringLiteral("/api/v4/projects/2/repository/branches?"))
                    .size() >= 2);
        dialog->close();
    }

    void theHistoryPanelRunsAgainWithTheseValuesAndExportsNoSecret()
    {
        QVERIFY(openDeployTools(demo::kReleasePipelineId));
        QVERIFY(selectJob(demo::kReleaseNotesJobId));
        QPointer<PlayDialog> play = m_fixture.page->openPlayDialog();
        QVERIFY(play);
        play->reviewBox()->setChecked(false);
        play->editor()->setRows({VariableRow{
            {}, QStringLiteral("NOTES"), QStringLiteral("=cmd|' /C calc'!A0"), false}});
        play->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(!play, kTimeoutMs);
        // A play is run again on the waiting job of that name: release:notes ran (once GitLab's
        // refresh after the play says so), so none.
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture.jobs()
                                         ->indexOfJob(demo::kReleaseNotesJobId)
                                         .data(models::JobsModel::StatusRole)
                                         .toInt() != int(gitlab::CiStatus::Manual),
                                 kTimeoutMs);
        QString problem;
        QVERIFY(!m_fixture.page->runAgain(m_history->records().first(), &problem));
        QVERIFY(problem.contains(QStringLiteral("release:notes")));
        QVERIFY(!m_fixture.page->findChild<PlayDialog *>());
        // release:publish still waits: a play record of it opens its dialog with the values.
        history::RunRecord publish = m_history->records().first();
        publish.jobName = QStringLiteral("release:publish");
        QVERIFY(m_fixture.page->runAgain(publish, &problem));
        QPointer<PlayDialog> again = m_fixture.page->findChild<PlayDialog *>();
        QVERIFY(again);
        QCOMPARE(again->jobs().first().target.jobId, demo::kReleasePublishJobId);
        QCOMPARE(again->editor()->rows(), publish.variables);
        again->close();
        QTRY_VERIFY(!again);

        QPointer<RunPipelineDialog> run = m_fixture.page->openRunPipelineDialog();
        QVERIFY(run);
        const QList<VariableRow> typed{
            VariableRow{{}, QStringLiteral("VERSION"), QStringLiteral("3.0.2"), false},
            VariableRow{{}, QStringLiteral("TOKEN"), QStringLiteral("hunter2"), true}};
        run->editor()->setRows(typed);
        run->reviewBox()->setChecked(false);
        run->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(!run, kTimeoutMs);
        RunHistoryPanel *panel = m_fixture.page->openRunHistory();
        QVERIFY(panel);
        QCOMPARE(panel->model()->rowCount(), 2);
        QTest::keyClicks(panel->filterField(), QStringLiteral("NOTES"));
        QTRY_COMPARE(panel->model()->rowCount(), 1); // by variable key
        panel->filterField()->clear();
        QTRY_COMPARE(panel->model()->rowCount(), 2);

        const QByteArray csv = panel->exportCsv();
        QVERIFY(csv.contains("VERSION=3.0.2"));
        QVERIFY(csv.contains("TOKEN=(sensitive)"));
        QVERIFY(!csv.contains("hunter2"));
        QVERIFY(!panel->exportJson().contains("hunter2"));

        // The run is the newer row: run it again with its ref and values.
        panel->table()->setCurrentIndex(panel->model()->index(0, 0));
        QVERIFY(panel->runAgainButton()->isEnabled());
        panel->runAgainButton()->click();
        auto *rerun = m_fixture.page->findChild<RunPipelineDialog *>();
        QVERIFY(rerun);
        QCOMPARE(rerun->refPicker()->ref(), QStringLiteral("main"));
        QCOMPARE(rerun->editor()->rows().at(0), typed.at(0));
        QCOMPARE(rerun->editor()->rows().at(1).key, QStringLiteral("TOKEN"));
        QCOMPARE(rerun->editor()->rows().at(1).value, QString());
        rerun->close();
        QCOMPARE(m_fixture.writes(), 2);
    }

    void theJobsTabListsWaitingManualJobsAndOpensOneInItsPipeline()
    {
        QVERIFY(openDeployTools(demo::kReleasePipelineId));
        ProjectJobsView *jobs = m_fixture.page->showJobsTab();
        QVERIFY(jobs);
        QVERIFY(jobs->isVisible());
        jobs->showManualJobs();
        QTRY_VERIFY_WITH_TIMEOUT(jobs->model()->rowOfId(demo::kDeployJobId) >= 0 &&
                                     !jobs->loader()->isBusy(),
                                 kTimeoutMs);
        for (int row = 0; row < jobs->model()->rowCount(); ++row)
            QCOMPARE(jobs->model()->jobAt(row)->status, gitlab::CiStatus::Manual);
        // The page's job shortcuts belong to the graph's job: in the list they do nothing
        // (here Ctrl+Enter would otherwise play whatever the graph has selected).
        QVERIFY(jobs->selectJob(demo::kDeployJobId));
        m_fixture.page->showJob(demo::kReleaseNotesJobId);
        QCOMPARE(m_fixture.page->currentJobId(), demo::kReleaseNotesJobId);
        jobs->view()->setFocus();
        QTest::keyClick(jobs->view(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_fixture.writes(), 0);
        // A job opens in its pipeline, selected.
        QTest::keyClick(jobs->view(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.page->currentPipelineId(), demo::kDeployPipelineId,
                                  kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.page->currentJobId(), demo::kDeployJobId, kTimeoutMs);
        QVERIFY(m_fixture.page->playWithVariablesAction()->isEnabled());
        QCOMPARE(m_fixture.writes(), 0);

        // The list's own menu acts on the listed job: retry the finished "plan" job.
        jobs->setStatusFilter({});
        const qint64 plan = demo::kDeployJobId - 1;
        QTRY_VERIFY_WITH_TIMEOUT(jobs->model()->rowOfId(plan) >= 0 && !jobs->loader()->isBusy(),
                                 kTimeoutMs);
        std::unique_ptr<QMenu> menu(m_fixture.page->buildProjectJobMenu(plan, nullptr));
        QVERIFY(menu);
        QAction *retry = nullptr;
        for (QAction *a : menu->actions())
            if (a->text() == m_fixture.page->action(actions::ActionKind::RetryJob)->text())
                retry = a;
        QVERIFY(retry && retry->isEnabled());
        retry->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_fixture.count("POST", QStringLiteral("/jobs/%1/retry").arg(plan)), 1, kTimeoutMs);
        QCOMPARE(m_fixture.writes(), 1);
    }

    void thePrefillLinkLeavesSensitiveValuesOut()
    {
        QVERIFY(openDeployTools(demo::kDeployPipelineId));
        QPointer<RunPipelineDialog> dialog = m_fixture.page->openRunPipelineDialog();
        QVERIFY(dialog);
        dialog->editor()->setRows(
            {VariableRow{{}, QStringLiteral("VERSION"), QStringLiteral("1 & 2"), false},
             VariableRow{{}, QStringLiteral("TOKEN"), QStringLiteral("s3cr3t"), true}});
        int leftOut = 0;
        const QUrl link = dialog->prefillLink(&leftOut);
        QCOMPARE(leftOut, 1);
        QCOMPARE(link.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://gitlab.example.com/platform/deploy-tools/-/pipelines/"
                                "new?ref=main&var%5BVERSION%5D=1%20%26%202"));
        dialog->close();
    }
};

QTEST_MAIN(TestRunDialogs)
#include "tst_run_dialogs.moc"
