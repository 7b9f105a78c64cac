// A preset with a sensitive value, saved from the Play dialog and applied in the next one,
// through the real Secret Service (run under scripts/with-keyring.sh; never skipped): the
// value reaches GitLab in the play's body and is in no file Pipedeck wrote (presets, their
// index in the settings, drafts, the run history database and its exports).
#include "page_fixture.h"

#include "history/history_export.h"
#include "history/run_history.h"
#include "presets/draft_store.h"
#include "presets/preset_store.h"
#include "runs/play_dialog.h"
#include "runs/presets_button.h"
#include "secrets/keychain_secret_store.h"
#include "variables/variables_editor.h"
#include "variables/variables_model.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace pipedeck;
namespace demo = pipedeck::sim::demo;
using variables::VariableRow;

namespace {

QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList found;
    QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found.append(path);
    }
    return found;
}

} // namespace

class TestPlayPresetsKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "No D-Bus session bus: run under scripts/with-keyring.sh; never skipped.");
    }

    void aSensitivePresetValueTravelsOnlyThroughTheKeychain()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        KeychainSecretStore keychain;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        presets::PresetStore presetStore(keychain, settings,
                                         dir.filePath(QStringLiteral("presets.json")));
        presets::DraftStore drafts(dir.filePath(QStringLiteral("drafts")));
        history::RunHistory runHistory(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(runHistory.open());

        pagetest::PageFixture fixture;
        QVERIFY(fixture.start());
        runs::RunServices services;
        services.account.instance = fixture.server->baseUrl();
        // A fresh account name: the keychain is shared with other runs of this test.
        services.account.account =
            QStringLiteral("demo-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        services.history = &runHistory;
        services.presets = &presetStore;
        services.drafts = &drafts;
        gitlab::Project project;
        project.id = demo::kDeployToolsProjectId;
        project.pathWithNamespace = QStringLiteral("platform/deploy-tools");
        fixture.page = std::make_unique<ProjectPage>(*fixture.connection, project, true);
        fixture.page->setRunServices(services);
        fixture.page->show();
        QVERIFY(fixture.showPipeline(demo::kDeployPipelineId));
        fixture.page->showJob(demo::kDeployJobId);
        QCOMPARE(fixture.page->currentJobId(), demo::kDeployJobId);

        const QString secret =
            QStringLiteral("s3cr3t-") + QUuid::createUuid().toString(QUuid::Id128);
        QPointer<PlayDialog> dialog = fixture.page->openPlayDialog();
        QVERIFY(dialog);
        // Typed (pasted), so the dialog keeps a draft of it.
        QVERIFY(dialog->editor()->pasteText(QStringLiteral("DEPLOY_ENV=production\nDEPLOY_KEY=") +
                                            secret));
        auto *model = dialog->editor()->model();
        QVERIFY(model->setData(model->index(1, 0), true, variables::VariablesModel::SensitiveRole));
        QSignalSpy notices(dialog->presetsButton(), &PresetsButton::notice);
        dialog->presetsButton()->savePreset(QStringLiteral("Production"));
        QVERIFY(notices.wait(10'000));
        QVERIFY2(!notices.first().at(1).toBool(), qPrintable(notices.first().at(0).toString()));
        dialog->reject(); // leaves a draft: without the secret
        QTRY_VERIFY(!dialog);

        dialog = fixture.page->openPlayDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->editor()->rows().size(), 2);
        QCOMPARE(dialog->editor()->rows().at(1).key, QStringLiteral("DEPLOY_KEY"));
        QCOMPARE(dialog->editor()->rows().at(1).value, QString()); // the draft has no value
        QSignalSpy applied(dialog->presetsButton(), &PresetsButton::presetApplied);
        dialog->presetsButton()->applyPreset(QStringLiteral("Production"));
        QVERIFY(applied.wait(10'000));
        QVERIFY(dialog->editor()->rows().at(1).value == secret); // never print it
        dialog->reviewBox()->setChecked(false);
        dialog->trySend();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10'000);

        // GitLab got it, once.
        int plays = 0;
        for (const sim::RecordedRequest &request : fixture.server->requests()) {
            if (request.method != "POST")
                continue;
            ++plays;
            const QJsonArray sent = QJsonDocument::fromJson(request.body)
                                        .object()
                                        .value(QStringLiteral("job_variables_attributes"))
                                        .toArray();
            QVERIFY(sent.at(1).toObject().value(QStringLiteral("value")).toString() == secret);
        }
        QCOMPARE(plays, 1);

        // No file Pipedeck wrote holds it; the exports neither.
        settings.sync();
        QCOMPARE(filesContaining(dir.path(), secret.toUtf8()), QStringList());
        QVERIFY(!presetStore.exportPresets(services.account, project.id)
                     .json.contains(secret.toUtf8()));
        const QList<history::RunRecord> records = runHistory.records();
        QCOMPARE(records.size(), 1);
        QVERIFY(!history::exportCsv(records).contains(secret.toUtf8()));
        QVERIFY(!history::exportJson(records).contains(secret.toUtf8()));
        QVERIFY(history::exportCsv(records).contains("DEPLOY_KEY=(sensitive)"));

        // Clean up the keychain entry.
        bool done = false;
        presetStore.remove(services.account, project.id, QStringLiteral("Production"), nullptr,
                           [&](const presets::ChangeResult &result) { done = result.done; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        fixture.close();
    }
};

QTEST_MAIN(TestPlayPresetsKeychain)
#include "tst_play_presets_keychain.moc"
