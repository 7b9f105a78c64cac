// The trigger token manager and the Trigger Pipeline dialog on a ProjectPage, against
// pipedeck-sim and the real Secret Service (run under scripts/with-keyring.sh; never skipped):
// a created token is in the keychain before it is shown, revoking asks first, and a pipeline
// triggered with a kept token sends exactly the body GitLab expects, once, with the token in
// the body only, and the history names the trigger, never its token. With the keychain locked
// (this binary again, as a child on a private bus with a gnome-keyring of its own that it
// locks), a created token is still shown once, the user is told it was not kept, and it is in
// no file.
#include "page_fixture.h"

#include "history/run_history.h"
#include "models/loaders/jobs_loader.h"
#include "runs/ref_picker.h"
#include "secrets/keychain_secret_store.h"
#include "secrets/token_store.h"
#include "sim/world.h"
#include "support/private_keyring.h"
#include "triggers/held_tokens_dialog.h"
#include "triggers/held_tokens_model.h"
#include "triggers/trigger_pipeline_dialog.h"
#include "triggers/trigger_tokens_dialog.h"
#include "triggers/trigger_vault.h"
#include "triggers/triggers_loader.h"
#include "triggers/triggers_model.h"
#include "variables/variables_editor.h"
#include "widgets/inline_message.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace pipedeck;
namespace demo = pipedeck::sim::demo;
using variables::VariableRow;

namespace {

constexpr int kTimeoutMs = 10'000;
constexpr auto kChildVariable = "PIPEDECK_TRIGGER_DIALOGS_CHILD";

// The files under `dir` that hold `secret`.
QStringList filesHolding(const QString &dir, const QByteArray &secret)
{
    QStringList holding;
    QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
            holding << file.fileName();
    }
    return holding;
}

} // namespace

class TestTriggerDialogs : public QObject
{
    Q_OBJECT

    pagetest::PageFixture m_fixture;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<triggers::TriggerVault> m_vault;
    std::unique_ptr<history::RunHistory> m_history;
    runs::RunServices m_services;

    bool openPage(qint64 projectId)
    {
        if (!m_fixture.start())
            return false;
        m_services.account.instance = m_fixture.server->baseUrl();
        // The demo user; a fresh account name would not own the demo's triggers.
        m_services.account.account = QStringLiteral("demo");
        m_services.history = m_history.get();
        m_services.triggers = m_vault.get();
        gitlab::Project project;
        project.id = projectId;
        project.pathWithNamespace = projectId == demo::kDeployToolsProjectId
                                        ? QStringLiteral("platform/deploy-tools")
                                        : QStringLiteral("platform/api-gateway");
        project.defaultBranch = QStringLiteral("main");
        m_fixture.page = std::make_unique<ProjectPage>(*m_fixture.connection, project, true);
        m_fixture.page->setRunServices(m_services);
        m_fixture.page->show();
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "No D-Bus session bus: run under scripts/with-keyring.sh; never skipped.");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_keychain = std::make_unique<KeychainSecretStore>();
        m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                                 QSettings::IniFormat);
        m_tokens = std::make_unique<TokenStore>(*m_keychain, *m_settings);
        m_vault = std::make_unique<triggers::TriggerVault>(*m_tokens);
        m_history = std::make_unique<history::RunHistory>(m_dir->filePath(QStringLiteral("h.db")));
        QVERIFY(m_history->open());
    }

    void cleanup()
    {
        // The keychain is shared between runs: forget what this test kept.
        for (const triggers::HeldTrigger &held : m_vault->allHeld()) {
            bool done = false;
            m_vault->forget({held.instance, held.account}, held.projectId, held.triggerId, nullptr,
                            [&](const TokenResult &) { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, kTimeoutMs);
        }
        m_fixture.close();
        m_history.reset();
        m_vault.reset();
        m_tokens.reset();
        m_settings.reset();
        m_keychain.reset();
        m_dir.reset();
    }

    void aCreatedTokenIsKeptBeforeItIsShownAndRevokingAsksFirst()
    {
        QVERIFY(openPage(demo::kDemoProjectId));
        TriggerTokensDialog *dialog = m_fixture.page->openTriggerTokens();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->rowCount() >= 2 && !dialog->loader()->isBusy(),
                                 kTimeoutMs);
        bool heldWhenShown = false;
        gitlab::Trigger shown;
        dialog->setTokenShower([&](const gitlab::Trigger &trigger, const QString &) {
            shown = trigger;
            heldWhenShown = m_vault->holds(m_services.account, demo::kDemoProjectId, trigger.id);
        });
        dialog->descriptionField()->setText(QStringLiteral("Deploy from the release box"));
        dialog->createFromForm();
        QTRY_VERIFY_WITH_TIMEOUT(shown.id != 0, kTimeoutMs);
        QVERIFY(heldWhenShown);
        QVERIFY(!shown.tokenIsShortened());
        QCOMPARE(m_fixture.requests("POST", QStringLiteral("/projects/1/triggers")).size(), 1);
        // The keychain holds exactly what GitLab created.
        QByteArray kept;
        m_vault->load(m_services.account, demo::kDemoProjectId, shown.id, nullptr,
                      [&](const TokenResult &result) { kept = result.token; });
        QTRY_VERIFY_WITH_TIMEOUT(!kept.isEmpty(), kTimeoutMs);
        QVERIFY(kept == shown.token.toUtf8());
        // In no file of ours.
        m_settings->sync();
        QCOMPARE(filesHolding(m_dir->path(), shown.token.toUtf8()), QStringList());

        QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->rowOfId(shown.id) >= 0, kTimeoutMs);
        dialog->selectTrigger(shown.id);
        QStringList asked;
        dialog->setConfirmation([&](const QString &, const QString &text) {
            asked.append(text);
            return false; // Cancel
        });
        dialog->revokeCurrent();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(QStringLiteral("Deploy from the release box")));
        QCOMPARE(m_fixture.count("DELETE"), 0);
        dialog->setConfirmation([&](const QString &, const QString &text) {
            asked.append(text);
            return true;
        });
        dialog->revokeCurrent();
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.count("DELETE"), 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->rowOfId(shown.id) < 0, kTimeoutMs);
        // The vault offers to forget the revoked token, and does.
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 3, kTimeoutMs);
        QVERIFY(asked.last().contains(QStringLiteral("Forget")));
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_vault->holds(m_services.account, demo::kDemoProjectId, shown.id), kTimeoutMs);
    }

    void aKeptTokenTriggersAPipelineOnceWithTheTokenInTheBodyOnly()
    {
        QVERIFY(openPage(demo::kDeployToolsProjectId));
        // Keep the demo user's own trigger of deploy-tools, as "Keep in Keychain" does.
        TriggerTokensDialog *tokens = m_fixture.page->openTriggerTokens();
        QTRY_VERIFY_WITH_TIMEOUT(tokens->model()->rowCount() >= 1 && !tokens->loader()->isBusy(),
                                 kTimeoutMs);
        const gitlab::Trigger own = *tokens->model()->triggerAt(0);
        QVERIFY(!own.tokenIsShortened());
        tokens->selectTrigger(own.id);
        tokens->keepCurrentInKeychain();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_vault->holds(m_services.account, demo::kDeployToolsProjectId, own.id), kTimeoutMs);
        tokens->close();

        QPointer<TriggerPipelineDialog> dialog = m_fixture.page->openTriggerPipelineDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->heldTriggerIds(), QList<qint64>{own.id});
        QCOMPARE(dialog->tokenChoice()->currentData().toLongLong(), own.id);
        QVERIFY(!dialog->pastedTokenField()->isVisibleTo(dialog));
        // Strings only: no type column to make a File variable.
        QVERIFY(dialog->editor()->table()->isColumnHidden(0));
        // Copy as: the trigger as a command, without the token or a sensitive value.
        dialog->editor()->setRows(
            {VariableRow{{}, QStringLiteral("DEPLOY_ENV"), QStringLiteral("staging"), false},
             VariableRow{{}, QStringLiteral("API_KEY"), QStringLiteral("s3cr3t"), true}});
        const QString curl = dialog->snippet(QStringLiteral("curl"));
        QVERIFY(curl.contains(QStringLiteral("--form 'variables[DEPLOY_ENV]=staging'")));
        QVERIFY(curl.contains(QStringLiteral("--form 'variables[API_KEY]=$API_KEY'")));
        QVERIFY(curl.contains(QStringLiteral("--form \"token=$TRIGGER_TOKEN\"")));
        QVERIFY(!curl.contains(own.token) && !curl.contains(QStringLiteral("s3cr3t")));
        QVERIFY(dialog->snippet(QStringLiteral("ci-trigger"))
                    .contains(QStringLiteral("project: \"platform/deploy-tools\"")));
        dialog->editor()->setRows(
            {VariableRow{{}, QStringLiteral("DEPLOY_ENV"), QStringLiteral("staging"), false}});
        dialog->reviewBox()->setChecked(false);
        dialog->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs);

        const auto posts = m_fixture.requests("POST", QStringLiteral("/trigger/pipeline"));
        QCOMPARE(posts.size(), 1);
        QVERIFY(!posts.first().target.contains(own.token.toUtf8()));
        for (const auto &[name, value] : posts.first().headers)
            QVERIFY(name.toLower() != "private-token" && !value.contains(own.token.toUtf8()));
        const QJsonObject body = QJsonDocument::fromJson(posts.first().body).object();
        QVERIFY(body.value(QStringLiteral("token")).toString() == own.token);
        QCOMPARE(body.value(QStringLiteral("ref")).toString(), QStringLiteral("main"));
        QCOMPARE(body.value(QStringLiteral("variables")).toObject(),
                 (QJsonObject{{QStringLiteral("DEPLOY_ENV"), QStringLiteral("staging")}}));
        // The page shows the new pipeline; the history names the trigger, not its token.
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture.page->currentPipelineId() > demo::kReleasePipelineId,
                                 kTimeoutMs);
        const history::RunRecord record = m_history->records().first();
        QCOMPARE(record.kind, history::RunKind::TriggerPipeline);
        QCOMPARE(record.outcome, history::RunOutcome::Succeeded);
        QCOMPARE(record.triggerDescription, own.description);
        QVERIFY(!history::RunRecord(record).error.contains(own.token));
    }

    void theKeptTokensViewOffersToForgetAGoneOneAndToKeepAnOwnedOne()
    {
        QVERIFY(openPage(demo::kDemoProjectId));
        // A token kept for a trigger GitLab no longer has (revoked elsewhere).
        bool stored = false;
        m_vault->store(m_services.account, demo::kDemoProjectId, 999'999, "glptt-revoked-elsewhere",
                       nullptr,
                       [&](const TokenResult &r) { stored = r.outcome == TokenOutcome::Saved; });
        QTRY_VERIFY_WITH_TIMEOUT(stored, kTimeoutMs);
        HeldTokensDialog dialog(m_vault.get(), [this](const QUrl &, const QString &) {
            return m_fixture.connection.get();
        });
        using State = triggers::HeldTokenRow::State;
        const auto keyOf = [this](qint64 triggerId) {
            triggers::HeldTokenRow row;
            row.held.instance = m_services.account.instance;
            row.held.account = m_services.account.account;
            row.held.projectId = demo::kDemoProjectId;
            row.held.triggerId = triggerId;
            return row.key();
        };
        const auto stateOf = [&](qint64 triggerId) {
            const int row = dialog.model()->rowOfKey(keyOf(triggerId));
            return row < 0 ? State(-1) : dialog.model()->rowAt(row)->state;
        };
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(999'999), State::Gone, kTimeoutMs);
        // The demo user's own token of the project, not kept: offered.
        qint64 own = 0;
        for (const sim::Trigger *t :
             m_fixture.server->world().triggersOfProject(demo::kDemoProjectId))
            if (t->ownerId == demo::kDemoUserId)
                own = t->id;
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(own), State::NotHeld, kTimeoutMs);
        dialog.selectKey(keyOf(own));
        dialog.keepCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(m_vault->holds(m_services.account, demo::kDemoProjectId, own),
                                 kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(own), State::OnServer, kTimeoutMs);
        dialog.selectKey(keyOf(999'999));
        dialog.forgetCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(!m_vault->holds(m_services.account, demo::kDemoProjectId, 999'999),
                                 kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(999'999), State(-1), kTimeoutMs);
        QCOMPARE(m_fixture.writes(), 0); // all of it is the keychain's, nothing on GitLab
    }

    void aTokenCreatedWhileTheKeychainIsLockedIsShownOnceAndKeptNowhere()
    {
        const testing::ChildRun run =
            testing::runSelfInPrivateKeyring(kChildVariable, QStringLiteral("locked"));
        QVERIFY2(run.passed, "the locked-keychain child failed (its output is above)");
        // The child printed the token's first characters only; its whole HOME has no token.
        QVERIFY(run.output.contains("created trigger token glpt"));
        QVERIFY(!run.output.contains("glptt-"));
    }

    void aWrongPastedTokenIsRefusedAndTheFormKept()
    {
        QVERIFY(openPage(demo::kDeployToolsProjectId));
        QPointer<TriggerPipelineDialog> dialog = m_fixture.page->openTriggerPipelineDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->tokenChoice()->count(), 1); // nothing kept: only "pasted"
        QVERIFY(dialog->pastedTokenField()->isVisibleTo(dialog));
        dialog->reviewBox()->setChecked(false);
        dialog->trySend(); // no token yet: nothing sent
        QCOMPARE(m_fixture.writes(), 0);
        QCOMPARE(dialog->message()->kind(), InlineMessage::Kind::Error);
        dialog->pastedTokenField()->setText(QStringLiteral("glptt-not-a-real-token-0000000000"));
        const QList<VariableRow> typed{
            VariableRow{{}, QStringLiteral("A"), QStringLiteral("1"), false}};
        dialog->editor()->setRows(typed);
        dialog->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->message()->text().contains(QStringLiteral("404")),
                                 kTimeoutMs);
        QCOMPARE(dialog->editor()->rows(), typed);
        QCOMPARE(dialog->pastedTokenField()->text(),
                 QStringLiteral("glptt-not-a-real-token-0000000000"));
        QCOMPARE(m_fixture.requests("POST", QStringLiteral("/trigger/pipeline")).size(), 1);
        QVERIFY(!dialog->message()->text().contains(QStringLiteral("glptt-not-a-real")));
        dialog->close();
    }
};

// Child: the keychain is locked before the token is created.
class LockedKeychainAtCreate : public QObject
{
    Q_OBJECT

    pagetest::PageFixture m_fixture;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCOMPARE(testing::collectionLocked(), std::optional<bool>(false));
    }

    void createdIsShownOnceAndTheUserIsToldItWasNotKept()
    {
        KeychainSecretStore keychain;
        QSettings settings; // under the child's private XDG_CONFIG_HOME
        TokenStore tokens(keychain, settings);
        triggers::TriggerVault vault(tokens);
        const QString locked = testing::lockCollection();
        QVERIFY2(locked.isEmpty(), qPrintable(locked));

        QVERIFY(m_fixture.start());
        runs::RunServices services;
        services.account = {m_fixture.server->baseUrl(), QStringLiteral("demo")};
        services.triggers = &vault;
        gitlab::Project project;
        project.id = demo::kDemoProjectId;
        project.pathWithNamespace = QStringLiteral("platform/api-gateway");
        project.defaultBranch = QStringLiteral("main");
        m_fixture.page = std::make_unique<ProjectPage>(*m_fixture.connection, project, true);
        m_fixture.page->setRunServices(services);
        m_fixture.page->show();
        TriggerTokensDialog *dialog = m_fixture.page->openTriggerTokens();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->loader()->isBusy() && dialog->model()->rowCount() >= 2,
                                 kTimeoutMs);
        int shownTimes = 0;
        gitlab::Trigger shown;
        QString note;
        dialog->setTokenShower([&](const gitlab::Trigger &trigger, const QString &text) {
            ++shownTimes;
            shown = trigger;
            note = text;
        });
        dialog->descriptionField()->setText(QStringLiteral("Made behind a locked keychain"));
        dialog->createFromForm();
        QTRY_COMPARE_WITH_TIMEOUT(shownTimes, 1, 3 * kTimeoutMs);
        QVERIFY(!shown.tokenIsShortened());
        qInfo("created trigger token %s…", qPrintable(shown.token.left(4)));
        QVERIFY2(note.startsWith(QStringLiteral("The keychain did not keep it (")),
                 qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("locked")), qPrintable(note));
        QVERIFY(note.contains(QStringLiteral("Copy it now")));
        // Held for this session only, never recorded as stored.
        const TokenKey key =
            triggers::TriggerVault::keyFor(services.account, demo::kDemoProjectId, shown.id);
        QVERIFY(!tokens.isRecorded(key));
        QVERIFY(tokens.hasSessionToken(key));
        const QList<triggers::HeldTrigger> held = vault.allHeld();
        QCOMPARE(held.size(), 1);
        QVERIFY(held.first().sessionOnly);
        QCOMPARE(testing::keychainItemsFor(KeychainSecretStore::defaultService(), key.storageKey()),
                 0);
        // The form is ready for the next one; the dialog shows no error.
        QVERIFY(dialog->descriptionField()->text().isEmpty());
        QCOMPARE(m_fixture.requests("POST", QStringLiteral("/projects/1/triggers")).size(), 1);
        // In no file: not in settings, caches or anything else under the private HOME.
        settings.sync();
        QCOMPARE(filesHolding(qEnvironmentVariable("HOME"), shown.token.toUtf8()), QStringList());
        m_fixture.close();
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (qEnvironmentVariable(kChildVariable) == QLatin1String("locked")) {
        LockedKeychainAtCreate scenario;
        return QTest::qExec(&scenario, argc, argv);
    }
    TestTriggerDialogs suite;
    return QTest::qExec(&suite, argc, argv);
}
#include "tst_trigger_dialogs.moc"
