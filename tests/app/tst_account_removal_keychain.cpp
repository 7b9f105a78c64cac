// Remove Account… and Stored Secrets… against the real Secret Service (run under
// scripts/with-keyring.sh; never skipped) and pipedeck-sim: removing an account asks first
// (naming what leaves the keychain), then removes its personal access token, trigger tokens and
// preset values and nothing of another account; the Stored Secrets list shows what is held and
// forgets one. The locked case runs this binary again as a child on a private bus with a
// gnome-keyring of its own that it locks: nothing is removed, the account stays, the user is
// told why; unlocked, the removal goes through.
#include "accounts/account_registry.h"
#include "accounts/account_removal_prompt.h"
#include "accounts/session_manager.h"
#include "accounts/sign_in_check.h"
#include "gitlab/net/connection.h"
#include "secrets/keychain_secret_store.h"
#include "secrets/redaction.h"
#include "secrets/stored_secrets_dialog.h"
#include "secrets/stored_secrets_model.h"
#include "secrets/token_store.h"
#include "sim/server.h"
#include "support/private_keyring.h"
#include "triggers/trigger_vault.h"
#include "widgets/inline_message.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace pipedeck;

namespace {

constexpr int kTimeoutMs = 15'000;
constexpr auto kChildVariable = "PIPEDECK_ACCOUNT_REMOVAL_CHILD";

int itemsFor(const TokenKey &key)
{
    return testing::keychainItemsFor(KeychainSecretStore::defaultService(), key.storageKey());
}

// One signed-in account with its secrets in the keychain, and a second account's trigger token
// that must survive the first one's removal.
struct AccountWithSecrets
{
    QTemporaryDir dir;
    QString token = QStringLiteral("glpat-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<sim::Server> server;
    KeychainSecretStore keychain;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<TokenStore> tokens;
    std::unique_ptr<triggers::TriggerVault> vault;
    std::unique_ptr<AccountRegistry> registry;
    std::unique_ptr<SessionManager> sessions;
    QString accountId;
    QList<TokenKey> ownKeys;
    TokenKey othersKey;

    bool store(const TokenKey &key, const QByteArray &value)
    {
        bool saved = false;
        bool answered = false;
        tokens->save(key, value, nullptr, [&](const TokenResult &r) {
            saved = r.outcome == TokenOutcome::Saved;
            answered = true;
        });
        return QTest::qWaitFor([&] { return answered; }, kTimeoutMs) && saved;
    }

    bool setUp()
    {
        sim::ServerOptions options;
        options.bigLog = false;
        options.tokens = {{token, QStringLiteral("demo"), {QStringLiteral("api")}, {}}};
        server = std::make_unique<sim::Server>(options);
        if (!server->listen())
            return false;
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("pipedeck.ini")),
                                               QSettings::IniFormat);
        tokens = std::make_unique<TokenStore>(keychain, *settings);
        vault = std::make_unique<triggers::TriggerVault>(*tokens);
        registry = std::make_unique<AccountRegistry>(*settings);
        sessions =
            std::make_unique<SessionManager>(*registry, *tokens, gitlab::ConnectionOptions{});

        SignInCheck check;
        QSignalSpy finished(&check, &SignInCheck::finished);
        check.start(server->baseUrl().toString(), token, Account::Origin::Saved,
                    sessions->connectionOptions());
        if (!finished.wait(kTimeoutMs))
            return false;
        const auto result = finished.constFirst().constFirst().value<SignInCheck::Result>();
        if (!result.ok)
            return false;
        sessions->addSignedIn(result.account, check.takeConnection(), token.toUtf8());
        accountId = result.account.id;
        const TokenKey personal{
            TokenKind::PersonalAccessToken, result.account.instance, result.account.username, {}};
        if (!QTest::qWaitFor([&] { return tokens->isRecorded(personal); }, kTimeoutMs))
            return false;
        const presets::AccountContext account{result.account.instance, result.account.username};
        const TokenKey trigger1 = triggers::TriggerVault::keyFor(account, 1, 11);
        const TokenKey trigger2 = triggers::TriggerVault::keyFor(account, 2, 12);
        const TokenKey preset{
            TokenKind::PresetValue, result.account.instance, result.account.username,
            presetQualifier(1, QStringLiteral("Release"), QStringLiteral("DEPLOY_KEY"))};
        othersKey = triggers::TriggerVault::keyFor(
            {result.account.instance, QStringLiteral("alice")}, 1, 13);
        ownKeys = {trigger1, trigger2, preset, personal};
        return store(trigger1, "glptt-first-" + QUuid::createUuid().toByteArray(QUuid::Id128)) &&
               store(trigger2, "glptt-second-" + QUuid::createUuid().toByteArray(QUuid::Id128)) &&
               store(preset, "preset-value-" + QUuid::createUuid().toByteArray(QUuid::Id128)) &&
               store(othersKey, "glptt-alice-" + QUuid::createUuid().toByteArray(QUuid::Id128));
    }

    // Runs Remove Account… through the prompt, confirmed; returns what it reported.
    std::optional<std::pair<bool, QString>> removeThroughPrompt(QString *asked, QString *told)
    {
        AccountRemovalPrompt prompt(*sessions, nullptr);
        prompt.setConfirmation([asked](const QString &, const QString &text) {
            *asked = text;
            return true;
        });
        prompt.setReport([told](const QString &, const QString &text) { *told = text; });
        QSignalSpy finished(&prompt, &AccountRemovalPrompt::finished);
        prompt.removeAccount(accountId);
        if (!finished.wait(3 * kTimeoutMs))
            return std::nullopt;
        return std::make_pair(finished.first().at(1).toBool(), finished.first().at(2).toString());
    }

    // The shared keyring outlives the test: leave nothing of it behind.
    bool forgetEverything()
    {
        for (const TokenKey &key : ownKeys + QList<TokenKey>{othersKey}) {
            bool answered = false;
            tokens->remove(key, nullptr, [&](const TokenResult &) { answered = true; });
            if (!QTest::qWaitFor([&] { return answered; }, kTimeoutMs))
                return false;
        }
        return true;
    }
};

} // namespace

// ---------------------------------------------------------------------------------------------
// The main suite: the session's own unlocked gnome-keyring.
class TestAccountRemoval : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<SignInCheck::Result>();
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "No D-Bus session bus: run under scripts/with-keyring.sh; never skipped.");
    }

    void storedSecretsListsWhatIsHeldAndForgetsOne()
    {
        AccountWithSecrets f;
        QVERIFY(f.setUp());
        StoredSecretsDialog dialog(*f.tokens);
        StoredSecretsModel *model = dialog.model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QCOMPARE(model->rowCount(), 5);
        const int presetRow = model->rowOfKey(f.ownKeys.at(2).storageKey());
        QVERIFY(presetRow >= 0);
        QCOMPARE(model->index(presetRow, StoredSecretsModel::ForColumn).data().toString(),
                 QStringLiteral("Project 1 · preset “Release” · DEPLOY_KEY"));
        const int triggerRow = model->rowOfKey(f.ownKeys.at(1).storageKey());
        QCOMPARE(model->index(triggerRow, StoredSecretsModel::ForColumn).data().toString(),
                 QStringLiteral("Project 2 · trigger 12"));
        QCOMPARE(model->index(triggerRow, StoredSecretsModel::AccountColumn).data().toString(),
                 QStringLiteral("demo"));
        // Nothing secret is shown: no value of any key appears in any cell.
        for (int row = 0; row < model->rowCount(); ++row)
            for (int c = 0; c < StoredSecretsModel::ColumnCount; ++c)
                QVERIFY(!model->index(row, c).data().toString().contains(u"glptt-"));

        // Forget asks first; Cancel keeps it.
        dialog.selectKey(f.ownKeys.at(1).storageKey());
        QString asked;
        dialog.setConfirmation([&](const QString &, const QString &text) {
            asked = text;
            return false;
        });
        dialog.forgetCurrent();
        QVERIFY(asked.contains(QStringLiteral("Project 2 · trigger 12")));
        QCOMPARE(itemsFor(f.ownKeys.at(1)), 1);
        dialog.setConfirmation([](const QString &, const QString &) { return true; });
        dialog.forgetCurrent();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, kTimeoutMs);
        QCOMPARE(model->rowOfKey(f.ownKeys.at(1).storageKey()), -1);
        QCOMPARE(itemsFor(f.ownKeys.at(1)), 0);
        QCOMPARE(dialog.message()->text(), QStringLiteral("Deleted from the OS keychain."));
        // The vault follows a removal it did not make.
        QVERIFY(!f.vault->holds({f.server->baseUrl(), QStringLiteral("demo")}, 2, 12));
        QCOMPARE(resets.size(), 0);
        QVERIFY(f.forgetEverything());
    }

    void removingAnAccountRemovesItsSecretsAndOnlyThose()
    {
        AccountWithSecrets f;
        QVERIFY(f.setUp());
        for (const TokenKey &key : f.ownKeys)
            QCOMPARE(itemsFor(key), 1);

        // Cancel: nothing happens.
        {
            AccountRemovalPrompt prompt(*f.sessions, nullptr);
            QString asked;
            prompt.setConfirmation([&](const QString &, const QString &text) {
                asked = text;
                return false;
            });
            prompt.removeAccount(f.accountId);
            QVERIFY(asked.contains(QStringLiteral("Remove the account demo on 127.0.0.1")));
            QVERIFY2(asked.contains(QStringLiteral("\n• the personal access token\n"
                                                   "• pipeline trigger tokens: 2\n"
                                                   "• masked variable values of presets: 1")),
                     qPrintable(asked));
            QVERIFY(f.sessions->session(f.accountId));
        }

        QSignalSpy removed(f.sessions.get(), &SessionManager::sessionRemoved);
        QString asked;
        QString told;
        const auto outcome = f.removeThroughPrompt(&asked, &told);
        QVERIFY(outcome);
        QVERIFY2(outcome->first, qPrintable(outcome->second));
        QVERIFY(told.isEmpty());
        QCOMPARE(removed.size(), 1);
        QVERIFY(!f.sessions->session(f.accountId));
        QVERIFY(f.registry->accounts().isEmpty());
        for (const TokenKey &key : f.ownKeys) {
            QCOMPARE(itemsFor(key), 0);
            QVERIFY(!f.tokens->isRecorded(key));
        }
        // Another account's token stays.
        QCOMPARE(itemsFor(f.othersKey), 1);
        QVERIFY(f.tokens->isRecorded(f.othersKey));
        // A later start has nothing to restore.
        AccountRegistry reread(*f.settings);
        QVERIFY(reread.accounts().isEmpty());
        QVERIFY(f.forgetEverything());
    }

    void aLockedKeychainRemovesNothingAndKeepsTheAccount()
    {
        const testing::ChildRun run =
            testing::runSelfInPrivateKeyring(kChildVariable, QStringLiteral("locked"));
        QVERIFY2(run.passed, "the locked-keychain child failed (its output is above)");
    }
};

// ---------------------------------------------------------------------------------------------
// Child: a private gnome-keyring whose login collection gets locked after the secrets are in.
class LockedKeychainScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<SignInCheck::Result>();
        installRedactingMessageHandler();
        QCOMPARE(testing::collectionLocked(), std::optional<bool>(false));
    }

    void lockedRemovesNothingThenUnlockedRemovesAll()
    {
        AccountWithSecrets f;
        QVERIFY(f.setUp());
        const QString locked = testing::lockCollection();
        QVERIFY2(locked.isEmpty(), qPrintable(locked));
        QCOMPARE(testing::collectionLocked(), std::optional<bool>(true));

        QString asked;
        QString told;
        auto outcome = f.removeThroughPrompt(&asked, &told);
        QVERIFY(outcome);
        QVERIFY(!outcome->first);
        QVERIFY2(outcome->second.startsWith(QStringLiteral("Nothing was removed: ")),
                 qPrintable(outcome->second));
        QVERIFY2(outcome->second.contains(QStringLiteral("locked")), qPrintable(outcome->second));
        QVERIFY2(told.contains(QStringLiteral("Unlock the OS keychain")), qPrintable(told));
        // Kept: the account, and every secret in the keychain and the index.
        QVERIFY(f.sessions->session(f.accountId));
        QCOMPARE(f.registry->accounts().size(), 1);
        for (const TokenKey &key : f.ownKeys) {
            QCOMPARE(itemsFor(key), 1);
            QVERIFY(f.tokens->isRecorded(key));
        }

        const QString unlocked = testing::unlockCollection();
        QVERIFY2(unlocked.isEmpty(), qPrintable(unlocked));
        outcome = f.removeThroughPrompt(&asked, &told);
        QVERIFY(outcome);
        QVERIFY2(outcome->first, qPrintable(outcome->second));
        QVERIFY(!f.sessions->session(f.accountId));
        for (const TokenKey &key : f.ownKeys)
            QCOMPARE(itemsFor(key), 0);
        QCOMPARE(itemsFor(f.othersKey), 1);
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (qEnvironmentVariable(kChildVariable) == QLatin1String("locked")) {
        LockedKeychainScenario scenario;
        return QTest::qExec(&scenario, argc, argv);
    }
    TestAccountRemoval suite;
    return QTest::qExec(&suite, argc, argv);
}

#include "tst_account_removal_keychain.moc"
