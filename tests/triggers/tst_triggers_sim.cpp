// The trigger token library against an in-process pipedeck-sim: listing (and the Maintainer
// role's 403), create → keychain before created(), rename, revoke, and triggering a pipeline
// with a token in the body only. Bodies compared field by field, refusals keep the input,
// lost replies are looked up and never re-sent.
#include "../actions/sim_fixture.h"

#include "gitlab/requests/pipeline_requests.h"
#include "secrets/token_store.h"
#include "sim/demo_data.h"
#include "sim/world.h"
#include "support/fake_secret_store.h"
#include "triggers/trigger_manager.h"
#include "triggers/trigger_pipeline_controller.h"
#include "triggers/trigger_vault.h"
#include "triggers/triggers_loader.h"
#include "triggers/triggers_model.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pipedeck;
using triggers::TriggerManager;
using triggers::TriggerPipelineController;
using triggers::TriggerRunInput;
using variables::VariableRow;
namespace demo = pipedeck::sim::demo;

namespace {

constexpr int kTimeoutMs = 15'000;
const QString kDeveloperToken = QStringLiteral("triggers-test-yamada-api");

sim::ServerOptions options()
{
    sim::ServerOptions o = actionstest::serverOptions();
    // A lost reply's lookup may fall back to comparing the two clocks.
    o.startTime = QDateTime::currentDateTimeUtc();
    // yamada is a Developer of the demo projects: below what trigger tokens need.
    o.tokens.append(
        sim::TokenGrant{kDeveloperToken, QStringLiteral("yamada"), {QStringLiteral("api")}, {}});
    return o;
}

QList<sim::RecordedRequest> requestsTo(const sim::Server &server, const QByteArray &method,
                                       const QByteArray &pathEnd)
{
    QList<sim::RecordedRequest> out;
    const auto all = server.requests();
    for (const auto &request : all) {
        const QByteArray path = request.target.left(
            request.target.indexOf('?') < 0 ? request.target.size() : request.target.indexOf('?'));
        if (request.method == method && path.endsWith(pathEnd))
            out.append(request);
    }
    return out;
}

QByteArray header(const sim::RecordedRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList found;
    QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (fileBytes(path).contains(needle))
            found << path;
    }
    return found;
}

} // namespace

class TestTriggersSim : public QObject
{
    Q_OBJECT
private:
    actionstest::SimFixture m_sim;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeSecretStore> m_keychain;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<triggers::TriggerVault> m_vault;

    presets::AccountContext account() const
    {
        return {m_sim.server->baseUrl(), QStringLiteral("demo")};
    }
    //! The full token of demo's trigger in `projectId`, as the sim holds it.
    QString demoTokenIn(qint64 projectId) const
    {
        for (const sim::Trigger *t : m_sim.server->world().triggersOfProject(projectId)) {
            if (t->ownerId == demo::kDemoUserId)
                return t->token;
        }
        return {};
    }
    qint64 aliceTriggerId() const
    {
        for (const sim::Trigger *t :
             m_sim.server->world().triggersOfProject(demo::kDemoProjectId)) {
            if (t->ownerId == demo::kAliceUserId)
                return t->id;
        }
        return 0;
    }
    TriggerRunInput typedInput() const
    {
        TriggerRunInput input;
        input.projectId = demo::kDeployToolsProjectId;
        input.ref = QStringLiteral("main");
        input.token = demoTokenIn(demo::kDeployToolsProjectId).toUtf8();
        input.rows = {
            VariableRow{gitlab::VariableType::EnvVar, QStringLiteral("VERSION"),
                        QStringLiteral("1.2.3"), false},
            VariableRow{gitlab::VariableType::EnvVar, QStringLiteral("DEPLOY_NOTE"),
                        QStringLiteral("line one\nline two"), true},
            VariableRow{}, // the editor's empty last row sends nothing
        };
        input.inputs = QJsonObject{{QStringLiteral("environment"), QStringLiteral("production")},
                                   {QStringLiteral("replicas"), 3}};
        input.triggerDescription = QStringLiteral("Deploy from api-gateway");
        return input;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_sim.start(actionstest::kWriterToken, options()));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_keychain = std::make_unique<FakeSecretStore>();
        m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                                 QSettings::IniFormat);
        m_tokens = std::make_unique<TokenStore>(*m_keychain, *m_settings);
        m_vault = std::make_unique<triggers::TriggerVault>(*m_tokens);
    }
    void cleanup()
    {
        m_vault.reset();
        m_tokens.reset();
        m_settings.reset();
        m_keychain.reset();
        m_dir.reset();
        m_sim.stop();
    }

    // --- listing --------------------------------------------------------------------------

    void loaderFillsTheModel()
    {
        triggers::TriggersModel model;
        triggers::TriggersLoader loader(m_sim.connection.get(),
                                        gitlab::ProjectRef(demo::kDemoProjectId), &model);
        QSignalSpy refreshed(&loader, &triggers::TriggersLoader::refreshed);
        loader.refresh();
        QVERIFY(model.loadState().loading);
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(refreshed.first().at(0).toBool(), true);
        QCOMPARE(model.rowCount(), 2);
        const int own = model.rowOfId(
            m_sim.server->world().triggersOfProject(demo::kDemoProjectId).first()->id);
        QVERIFY(own >= 0);
        // demo's own token in full, alice's as 4 characters.
        for (int row = 0; row < model.rowCount(); ++row) {
            const gitlab::Trigger *t = model.triggerAt(row);
            const bool owned = t->owner && t->owner->username == QLatin1String("demo");
            QCOMPARE(model.index(row, 0).data(triggers::TriggersModel::OwnedRole).toBool(), owned);
            QCOMPARE(t->token.size() > 4, owned);
        }
        QVERIFY(!model.loadState().stale);
    }

    void aDeveloperIsToldAboutTheMaintainerRole()
    {
        m_sim.connection->setToken(kDeveloperToken);
        triggers::TriggersModel model;
        triggers::TriggersLoader loader(m_sim.connection.get(),
                                        gitlab::ProjectRef(demo::kDemoProjectId), &model);
        QSignalSpy refreshed(&loader, &triggers::TriggersLoader::refreshed);
        loader.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(refreshed.first().at(0).toBool(), false);
        QCOMPARE(refreshed.first().at(1).value<gitlab::Status>().httpStatus(), 403);
        QVERIFY(model.loadState().stale);
        QCOMPARE(model.loadState().errorText,
                 QStringLiteral("Managing trigger tokens needs the Maintainer role."));
        QCOMPARE(triggers::TriggersLoader::maintainerRoleText(), model.loadState().errorText);

        // Creating is refused the same way, and nothing is created.
        TriggerManager manager(m_sim.connection.get(), m_vault.get(),
                               {m_sim.server->baseUrl(), QStringLiteral("yamada")},
                               demo::kDemoProjectId);
        QSignalSpy failed(&manager, &TriggerManager::failed);
        const auto before = m_sim.server->world().triggersOfProject(demo::kDemoProjectId).size();
        QVERIFY(manager.create(QStringLiteral("Mine")));
        QVERIFY(failed.wait(kTimeoutMs));
        QCOMPARE(failed.first().at(0).toString(), triggers::TriggersLoader::maintainerRoleText());
        QCOMPARE(m_sim.server->world().triggersOfProject(demo::kDemoProjectId).size(), before);
        QVERIFY(!manager.isBusy());
    }

    // --- create / rename / revoke ---------------------------------------------------------

    void createdTokenIsInTheKeychainBeforeItIsShown()
    {
        TriggerManager manager(m_sim.connection.get(), m_vault.get(), account(),
                               demo::kDemoProjectId);
        bool heldWhenShown = false;
        QByteArray keychainWhenShown;
        connect(&manager, &TriggerManager::created, this, [&](const gitlab::Trigger &t) {
            heldWhenShown = m_vault->holds(account(), demo::kDemoProjectId, t.id);
            keychainWhenShown = m_keychain->entry(
                triggers::TriggerVault::keyFor(account(), demo::kDemoProjectId, t.id).storageKey());
        });
        QSignalSpy created(&manager, &TriggerManager::created);
        QVERIFY(manager.create(QStringLiteral("CI from ops"), QDate(2027, 1, 31)));
        QVERIFY(!manager.create(QStringLiteral("again"))); // one at a time
        QVERIFY(created.wait(kTimeoutMs));

        const auto trigger = created.first().at(0).value<gitlab::Trigger>();
        QCOMPARE(created.first().at(1).toBool(), true);
        QCOMPARE(created.first().at(2).toString(), QString());
        QVERIFY(trigger.token.startsWith(QLatin1String("glptt-")));
        QVERIFY(heldWhenShown);
        QVERIFY(keychainWhenShown == trigger.token.toUtf8()); // not QCOMPARE: never print it
        QCOMPARE(m_vault->heldIds(account(), demo::kDemoProjectId), QList<qint64>{trigger.id});

        const auto posts = requestsTo(*m_sim.server, "POST", "/projects/1/triggers");
        QCOMPARE(posts.size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(posts.first().body).object();
        const QJsonObject expected{{QStringLiteral("description"), QStringLiteral("CI from ops")},
                                   {QStringLiteral("expires_at"), QStringLiteral("2027-01-31")}};
        QCOMPARE(body, expected);
        const sim::Trigger *made = m_sim.server->world().trigger(trigger.id);
        QVERIFY(made);
        QCOMPARE(made->description, QStringLiteral("CI from ops"));
        QCOMPARE(made->expiresAt, QDate(2027, 1, 31));
        QCOMPARE(made->ownerId, demo::kDemoUserId);

        // Nothing Pipedeck wrote holds it (the index is key metadata only).
        m_settings->sync();
        QCOMPARE(filesContaining(m_dir->path(), trigger.token.toUtf8()), QStringList());
    }

    void aLockedKeychainStillShowsTheTokenOnceAndSaysSo()
    {
        m_keychain->setLocked(true);
        TriggerManager manager(m_sim.connection.get(), m_vault.get(), account(),
                               demo::kDemoProjectId);
        QSignalSpy created(&manager, &TriggerManager::created);
        QVERIFY(manager.create(QStringLiteral("While locked")));
        QVERIFY(created.wait(kTimeoutMs));
        const auto trigger = created.first().at(0).value<gitlab::Trigger>();
        QCOMPARE(created.first().at(1).toBool(), false);
        const QString message = created.first().at(2).toString();
        QVERIFY2(message.contains(QStringLiteral("kept for this session only")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("locked")), qPrintable(message));
        QVERIFY(!message.contains(trigger.token));
        QVERIFY(trigger.token.size() > 4); // shown once, in full
        QVERIFY(m_keychain->keys().isEmpty());
        // Held for this session only, never in a file.
        const auto held = m_vault->allHeld();
        QCOMPARE(held.size(), 1);
        QVERIFY(held.first().sessionOnly);
        QCOMPARE(held.first().triggerId, trigger.id);
        m_settings->sync();
        QCOMPARE(filesContaining(m_dir->path(), trigger.token.toUtf8()), QStringList());
    }

    void aLostCreateReplyIsLookedUpNotResent()
    {
        m_sim.loseRepliesTo("POST", QStringLiteral("/triggers$"));
        TriggerManager manager(m_sim.connection.get(), m_vault.get(), account(),
                               demo::kDemoProjectId);
        QSignalSpy created(&manager, &TriggerManager::created);
        QSignalSpy unknown(&manager, &TriggerManager::outcomeUnknown);
        QVERIFY(manager.create(QStringLiteral("Nightly build from ops"))); // an existing name
        QVERIFY(created.wait(kTimeoutMs));
        QCOMPARE(unknown.size(), 0);
        const auto trigger = created.first().at(0).value<gitlab::Trigger>();
        const auto all = m_sim.server->world().triggersOfProject(demo::kDemoProjectId);
        qint64 newest = 0;
        for (const sim::Trigger *t : all)
            newest = std::max(newest, t->id);
        QCOMPARE(trigger.id, newest); // the one the lost POST made, not the older namesake
        QVERIFY(trigger.token == m_sim.server->world().trigger(newest)->token);
        QCOMPARE(created.first().at(1).toBool(), true);
        QCOMPARE(requestsTo(*m_sim.server, "POST", "/triggers").size(), 1);
        QCOMPARE(all.size(), 3);
        // Found by listing after the lost reply (one list before the send, one after).
        QCOMPARE(requestsTo(*m_sim.server, "GET", "/projects/1/triggers").size(), 2);
        QCOMPARE(m_sim.server->requests().last().method, QByteArray("GET"));
    }

    void aLostCreateWhoseLookupFailsIsUnknown()
    {
        m_sim.loseRepliesTo("POST", QStringLiteral("/triggers$"));
        sim::FaultRule down;
        down.method = "GET";
        down.path = QRegularExpression(QStringLiteral("/triggers$"));
        down.kind = sim::FaultKind::ServerError;
        down.status = 500;
        down.times = -1;
        m_sim.server->addFault(down);
        TriggerManager manager(m_sim.connection.get(), m_vault.get(), account(),
                               demo::kDemoProjectId);
        QSignalSpy unknown(&manager, &TriggerManager::outcomeUnknown);
        QSignalSpy created(&manager, &TriggerManager::created);
        QVERIFY(manager.create(QStringLiteral("Never seen")));
        QVERIFY(unknown.wait(30'000));
        QCOMPARE(created.size(), 0);
        QVERIFY(unknown.first().at(0).toString().contains(QStringLiteral("not sent again")));
        QCOMPARE(requestsTo(*m_sim.server, "POST", "/triggers").size(), 1);
        QVERIFY(m_vault->allHeld().isEmpty());
    }

    void renameOwnAndRefusedForSomeoneElses()
    {
        TriggerManager manager(m_sim.connection.get(), m_vault.get(), account(),
                               demo::kDemoProjectId);
        QSignalSpy renamed(&manager, &TriggerManager::renamed);
        QSignalSpy failed(&manager, &TriggerManager::failed);
        const qint64 own = m_sim.server->world().triggersOfProject(demo::kDemoProjectId).size()
                               ? [&] {
                                     for (const sim::Trigger *t :
                                          m_sim.server->world().triggersOfProject(
                                              demo::kDemoProjectId))
                                         if (t->ownerId == demo::kDemoUserId)
                                             return t->id;
                                     return qint64(0);
                                 }()
                               : 0;
        QVERIFY(own > 0);
        QVERIFY(manager.rename(own, QStringLiteral("Nightly (ops)")));
        QVERIFY(renamed.wait(kTimeoutMs));
        QCOMPARE(renamed.first().at(0).value<gitlab::Trigger>().description,
                 QStringLiteral("Nightly (ops)"));
        const auto puts = requestsTo(*m_sim.server, "PUT", "/triggers/" + QByteArray::number(own));
        QCOMPARE(puts.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(puts.first().body).object(),
                 (QJsonObject{{QStringLiteral("description"), QStringLiteral("Nightly (ops)")}}));

        QVERIFY(manager.rename(aliceTriggerId(), QStringLiteral("Taken over")));
        QVERIFY(failed.wait(kTimeoutMs));
        QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("owner")),
                 qPrintable(failed.first().at(0).toString()));
        QCOMPARE(m_sim.server->world().trigger(aliceTriggerId())->description,
                 QStringLiteral("Release automation (Alice)"));
    }

    void revokeAndALostRevokeReply()
    {
        TriggerManager manager(m_sim.connection.get(), m_vault.get(), account(),
                               demo::kDemoProjectId);
        QSignalSpy revoked(&manager, &TriggerManager::revoked);
        QVERIFY(manager.revoke(aliceTriggerId()));
        const qint64 alice = aliceTriggerId();
        QVERIFY(revoked.wait(kTimeoutMs));
        QCOMPARE(revoked.first().at(0).toLongLong(), alice);
        QCOMPARE(m_sim.server->world().trigger(alice), nullptr);

        const qint64 own =
            m_sim.server->world().triggersOfProject(demo::kDemoProjectId).first()->id;
        m_sim.loseRepliesTo("DELETE", QStringLiteral("/triggers/\\d+$"));
        m_sim.server->clearRequests();
        QVERIFY(manager.revoke(own));
        QVERIFY(revoked.wait(kTimeoutMs));
        QCOMPARE(revoked.last().at(0).toLongLong(), own);
        QCOMPARE(m_sim.server->world().trigger(own), nullptr);
        // Looked up with a GET; a transport resend of the body-less DELETE finds it gone.
        QVERIFY(
            requestsTo(*m_sim.server, "DELETE", "/triggers/" + QByteArray::number(own)).size() <=
            2);
        QCOMPARE(requestsTo(*m_sim.server, "GET", "/triggers/" + QByteArray::number(own)).size(),
                 1);
    }

    // --- triggering a pipeline ------------------------------------------------------------

    void theBodyIsWhatTheUserTypedAndTheTokenOnlyInIt()
    {
        TriggerPipelineController controller(m_sim.connection.get());
        QSignalSpy created(&controller, &TriggerPipelineController::created);
        const TriggerRunInput input = typedInput();
        QVERIFY(input.token.size() > 4);
        QVERIFY(controller.submit(input));
        QVERIFY(!controller.submit(input)); // a second click while sending sends nothing
        QVERIFY(created.wait(kTimeoutMs));
        QCOMPARE(created.first().at(1).toBool(), false);

        const auto sent = requestsTo(*m_sim.server, "POST", "/trigger/pipeline");
        QCOMPARE(sent.size(), 1);
        const sim::RecordedRequest &post = sent.first();
        QVERIFY(!post.target.contains(input.token));
        QVERIFY(!post.target.contains("token"));
        QVERIFY(header(post, "PRIVATE-TOKEN").isEmpty());
        QVERIFY(header(post, "Authorization").isEmpty());
        const QJsonObject body = QJsonDocument::fromJson(post.body).object();
        QVERIFY(body.value(QStringLiteral("token")).toString().toUtf8() == input.token);
        QCOMPARE(body.value(QStringLiteral("ref")).toString(), QStringLiteral("main"));
        const QJsonObject variables{
            {QStringLiteral("VERSION"), QStringLiteral("1.2.3")},
            {QStringLiteral("DEPLOY_NOTE"), QStringLiteral("line one\nline two")}};
        QCOMPARE(body.value(QStringLiteral("variables")).toObject(), variables);
        QCOMPARE(body.value(QStringLiteral("inputs")).toObject(), input.inputs);
        QCOMPARE(body.size(), 4);
        // The token is in no other request either.
        for (const auto &request : m_sim.server->requests()) {
            if (&request != &post && request.method != "POST") {
                QVERIFY(!request.target.contains(input.token));
                QVERIFY(!request.body.contains(input.token));
            }
        }

        // GitLab made it with them: read back through the API.
        const auto pipeline = created.first().at(0).value<gitlab::Pipeline>();
        QCOMPARE(pipeline.source, QStringLiteral("trigger"));
        gitlab::ListPipelineVariables readBack(gitlab::ProjectRef(demo::kDeployToolsProjectId),
                                               pipeline.id);
        QSignalSpy read(&readBack, &gitlab::Request::finished);
        readBack.start(m_sim.connection.get());
        QVERIFY(read.wait(kTimeoutMs));
        QVERIFY(readBack.status().ok());
        QCOMPARE(readBack.variables().size(), 2);
        QMap<QString, QString> got;
        for (const gitlab::Variable &v : readBack.variables())
            got.insert(v.key, v.value);
        QCOMPARE(got.value(QStringLiteral("VERSION")), QStringLiteral("1.2.3"));
        QCOMPARE(got.value(QStringLiteral("DEPLOY_NOTE")), QStringLiteral("line one\nline two"));
        const sim::Pipeline *made = m_sim.server->world().pipeline(pipeline.id);
        QVERIFY(made);
        QCOMPARE(made->inputs.value(QStringLiteral("environment")).toString(),
                 QStringLiteral("production"));
        QCOMPARE(made->inputs.value(QStringLiteral("replicas")).toInt(), 3);
        QCOMPARE(controller.state(), TriggerPipelineController::State::Done);
        QCOMPARE(controller.input(), input);
    }

    void fileRowsAreNotOffered()
    {
        QCOMPARE(TriggerPipelineController::triggerRules().typesAllowed, false);
        TriggerPipelineController controller(m_sim.connection.get());
        TriggerRunInput input = typedInput();
        input.rows.append(VariableRow{gitlab::VariableType::File, QStringLiteral("CONFIG"),
                                      QStringLiteral("a: 1\n"), false});
        QVERIFY(!controller.submit(input));
        const auto issues = variables::rowIssues(input.rows, int(input.rows.size()) - 1,
                                                 TriggerPipelineController::triggerRules());
        QVERIFY(!issues.isEmpty());
        QCOMPARE(issues.first().kind, variables::RowIssue::Kind::FileNotAllowed);
        input = typedInput();
        input.token.clear();
        QVERIFY(!controller.submit(input));
        input = typedInput();
        input.token = "glptt-with\r\nInjected: header";
        QVERIFY(!controller.submit(input));
        QCOMPARE(controller.state(), TriggerPipelineController::State::Idle);
        QCOMPARE(m_sim.server->requests().size(), 0);
    }

    void refusalsKeepTheInput_data()
    {
        QTest::addColumn<QByteArray>("token"); // empty = demo's token of the project
        QTest::addColumn<QString>("ref");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("text");
        QTest::newRow("a revoked or unknown token: 404")
            << QByteArray("glptt-0000000000000000000000000000000000000000") << "main" << 404
            << "revoked, has expired, or belongs to another project";
        QTest::newRow("another project's token: 404")
            << QByteArray("other-project") << "main" << 404 << "belongs to another project";
        QTest::newRow("no such ref: 400")
            << QByteArray() << "no-such-branch" << 400 << "Reference not found";
        QTest::newRow("workflow rules: 400")
            << QByteArray() << "wip/spike" << 400 << "filtered out by workflow rules";
        QTest::newRow("an input the project does not declare: 400")
            << QByteArray("bad-input") << "main" << 400 << "unknown input arguments";
    }
    void refusalsKeepTheInput()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, ref);
        QFETCH(int, httpStatus);
        QFETCH(QString, text);
        TriggerPipelineController controller(m_sim.connection.get());
        QSignalSpy refused(&controller, &TriggerPipelineController::refused);
        TriggerRunInput input = typedInput();
        input.ref = ref;
        if (token == "bad-input") {
            input.inputs.insert(QStringLiteral("nope"), true);
            token.clear();
        }
        if (token == "other-project")
            input.token = demoTokenIn(demo::kDemoProjectId).toUtf8();
        else if (!token.isEmpty())
            input.token = token;
        const auto before =
            m_sim.server->world().pipelinesOfProject(demo::kDeployToolsProjectId).size();
        QVERIFY(controller.submit(input));
        QVERIFY(refused.wait(kTimeoutMs));
        const auto status = refused.first().at(0).value<gitlab::Status>();
        QCOMPARE(status.httpStatus(), httpStatus);
        const QString shown = TriggerPipelineController::refusalText(status);
        QVERIFY2(shown.contains(text), qPrintable(shown));
        QVERIFY(!shown.contains(QString::fromUtf8(input.token)));
        QVERIFY(!status.detail().contains(QString::fromUtf8(input.token)));
        QCOMPARE(controller.state(), TriggerPipelineController::State::Refused);
        QCOMPARE(controller.input(), input);
        QCOMPARE(m_sim.server->world().pipelinesOfProject(demo::kDeployToolsProjectId).size(),
                 before);
        QCOMPARE(requestsTo(*m_sim.server, "POST", "/trigger/pipeline").size(), 1);
    }

    void aLostReplyIsLookedUpNotResent()
    {
        m_sim.loseRepliesTo("POST", QStringLiteral("/trigger/pipeline$"));
        TriggerPipelineController controller(m_sim.connection.get());
        QSignalSpy created(&controller, &TriggerPipelineController::created);
        QVERIFY(controller.submit(typedInput()));
        QVERIFY(created.wait(kTimeoutMs));
        QCOMPARE(created.first().at(1).toBool(), true);
        const auto found = created.first().at(0).value<gitlab::Pipeline>();
        const auto pipelines =
            m_sim.server->world().pipelinesOfProject(demo::kDeployToolsProjectId);
        QCOMPARE(found.id, pipelines.first()->id); // the one the lost POST created
        QCOMPARE(pipelines.first()->source, QStringLiteral("trigger"));
        QCOMPARE(pipelines.first()->variables.size(), 2);
        QCOMPARE(requestsTo(*m_sim.server, "POST", "/trigger/pipeline").size(), 1);
        const auto all = m_sim.server->requests();
        QCOMPARE(all.last().method, QByteArray("GET"));
        QVERIFY(all.last().target.contains("source=trigger"));
        QVERIFY(all.last().target.contains("ref=main"));
    }

    void anUnansweredLookupCanBeAskedAgain()
    {
        m_sim.loseRepliesTo("POST", QStringLiteral("/trigger/pipeline$"));
        sim::FaultRule down;
        down.method = "GET";
        down.path = QRegularExpression(QStringLiteral("/pipelines$"));
        down.kind = sim::FaultKind::ServerError;
        down.status = 500;
        down.times = -1;
        m_sim.server->addFault(down);
        TriggerPipelineController controller(m_sim.connection.get());
        QSignalSpy unknown(&controller, &TriggerPipelineController::outcomeUnknown);
        QSignalSpy created(&controller, &TriggerPipelineController::created);
        QVERIFY(controller.submit(typedInput()));
        QVERIFY(unknown.wait(30'000));
        QCOMPARE(controller.state(), TriggerPipelineController::State::Unknown);
        QCOMPARE(created.size(), 0);

        m_sim.server->clearFaults();
        QVERIFY(controller.checkAgain());
        QVERIFY(created.wait(kTimeoutMs));
        QCOMPARE(created.first().at(1).toBool(), true);
        QCOMPARE(created.first().at(0).value<gitlab::Pipeline>().id,
                 m_sim.server->world().pipelinesOfProject(demo::kDeployToolsProjectId).first()->id);
        QVERIFY(m_sim.server->requests().last().target.contains("created_after="));
        QCOMPARE(requestsTo(*m_sim.server, "POST", "/trigger/pipeline").size(), 1);
        QCOMPARE(controller.input(), typedInput());
    }
};

QTEST_GUILESS_MAIN(TestTriggersSim)
#include "tst_triggers_sim.moc"
