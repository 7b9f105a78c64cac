// PresetStore against the real Secret Service (gnome-keyring, through scripts/with-keyring.sh):
// sensitive values round-trip through the keychain and are in no file Pipedeck wrote; rename
// and remove move and delete the keychain entries; list order. A child run of this binary in
// a private dbus-run-session + gnome-keyring locks the login collection and checks that a save
// says which values were not stored and writes none of them anywhere.
#include "presets/preset_store.h"
#include "secrets/keychain_secret_store.h"
#include "secrets/token_key.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace pipedeck;
using namespace pipedeck::presets;
using namespace Qt::StringLiterals;

namespace {

constexpr auto childVariable = "PIPEDECK_PRESETS_CHILD";
constexpr auto canaryVariable = "PIPEDECK_PRESETS_CANARY";
const QString loginCollection = u"/org/freedesktop/secrets/collection/login"_s;

template<typename Result, typename Start> std::optional<Result> wait(Start start)
{
    std::optional<Result> result;
    start([&result](const Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
        return std::nullopt;
    return result;
}

std::optional<SecretResult> readSecret(SecretStore &store, const QString &key)
{
    return wait<SecretResult>([&](auto done) { store.read(key, nullptr, done); });
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every file under `root` that holds `needle`.
QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList found;
    QDirIterator files(root, QDir::Files | QDir::Hidden | QDir::System,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (fileBytes(path).contains(needle))
            found << path;
    }
    return found;
}

QDBusMessage callSecretService(const QString &path, const QString &interface, const QString &method,
                               const QList<QVariant> &arguments)
{
    QDBusMessage message =
        QDBusMessage::createMethodCall(u"org.freedesktop.secrets"_s, path, interface, method);
    message.setArguments(arguments);
    return QDBusConnection::sessionBus().call(message, QDBus::Block, 10000);
}

variables::VariableRow row(const QString &key, const QString &value, bool sensitive = false)
{
    return {gitlab::VariableType::EnvVar, key, value, sensitive};
}

} // namespace

// ---------------------------------------------------------------------------------------------
class PresetsKeychainTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "No D-Bus session bus: run under scripts/with-keyring.sh; never skipped.");
        m_account = {QUrl(u"https://gitlab.example.com"_s),
                     u"presets-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8)};
        const auto probe = wait<SecretResult>(
            [&](auto done) { m_keychain.write(u"test/presets-probe"_s, "x", nullptr, done); });
        QVERIFY2(probe && probe->ok(), "The Secret Service is not usable: run under "
                                       "scripts/with-keyring.sh; this suite is never skipped.");
        wait<SecretResult>(
            [&](auto done) { m_keychain.remove(u"test/presets-probe"_s, nullptr, done); });
    }

    void sensitiveValueRoundTripsThroughTheKeychainOnly()
    {
        const QString secret = u"s3cr3t-"_s + QUuid::createUuid().toString(QUuid::Id128);
        QSettings index(m_dir.filePath(u"roundtrip/index.ini"_s), QSettings::IniFormat);
        const QString path = m_dir.filePath(u"roundtrip/presets.json"_s);
        Preset preset{u"Release"_s,
                      u"deploy"_s,
                      {},
                      {row(u"TARGET"_s, u"production"_s), row(u"DEPLOY_KEY"_s, secret, true)},
                      {}};
        {
            PresetStore store(m_keychain, index, path);
            const auto saved = wait<SaveResult>(
                [&](auto done) { store.save(m_account, 42, preset, nullptr, done); });
            QVERIFY(saved);
            QVERIFY2(saved->saved, qPrintable(saved->message));
            QVERIFY(saved->notStoredKeys.isEmpty());
            QVERIFY(saved->message.isEmpty());
        }
        // A new store (the next run) reads it back from the keychain.
        PresetStore store(m_keychain, index, path);
        const auto loaded = wait<LoadResult>(
            [&](auto done) { store.load(m_account, 42, u"Release"_s, nullptr, done); });
        QVERIFY(loaded && loaded->found);
        QVERIFY(loaded->missing.isEmpty());
        QCOMPARE(loaded->preset.name, preset.name);
        QCOMPARE(loaded->preset.jobName, preset.jobName);
        QVERIFY(loaded->preset.rows == preset.rows); // not QCOMPARE: never print the secret
        QVERIFY(loaded->preset.updatedAt.isValid());

        const QString storageKey =
            TokenKey{TokenKind::PresetValue, m_account.instance, m_account.account,
                     presetQualifier(42, u"Release"_s, u"DEPLOY_KEY"_s)}
                .storageKey();
        const auto raw = readSecret(m_keychain, storageKey);
        QVERIFY(raw && raw->ok() && raw->secret == secret.toUtf8());

        // Not in presets.json, the index, or the export; the export says it left one out.
        QVERIFY(fileBytes(path).contains("production"));
        QVERIFY(fileBytes(path).contains("DEPLOY_KEY"));
        const PresetExport exported = store.exportPresets(m_account, 42);
        QCOMPARE(exported.presets, 1);
        QCOMPARE(exported.sensitiveLeftOut, 1);
        QVERIFY(exported.json.contains("DEPLOY_KEY"));
        QVERIFY(!exported.json.contains(secret.toUtf8()));
        index.sync();
        QCOMPARE(filesContaining(m_dir.path(), secret.toUtf8()), QStringList());
        QCOMPARE(filesContaining(QDir::homePath(), secret.toUtf8()).filter(u".json"_s),
                 QStringList());

        // Importing the export into another project: the sensitive row by key, no value.
        const ImportResult imported = store.importPresets(m_account, 43, exported.json);
        QVERIFY(imported.ok);
        QCOMPARE(imported.imported, 1);
        QCOMPARE(imported.sensitiveWithoutValue, 1);
        const auto reimported = wait<LoadResult>(
            [&](auto done) { store.load(m_account, 43, u"Release"_s, nullptr, done); });
        QVERIFY(reimported && reimported->found);
        QCOMPARE(reimported->missing.size(), 1);
        QCOMPARE(reimported->missing.at(0).key, u"DEPLOY_KEY"_s);
        QVERIFY(!reimported->missing.at(0).retry);
        // The same name again: imported beside it.
        const ImportResult again = store.importPresets(m_account, 43, exported.json);
        QCOMPARE(again.renamed, 1);
        QVERIFY(store.contains(m_account, 43, u"Release (2)"_s));
        // An import that smuggles a sensitive value: dropped, not stored.
        const QByteArray smuggled =
            QByteArray(exported.json)
                .replace("\"sensitive\": true",
                         "\"sensitive\": true, \"value\": \"smuggled-value-123\"");
        QVERIFY(smuggled.contains("smuggled-value-123"));
        QVERIFY(store.importPresets(m_account, 44, smuggled).ok);
        QVERIFY(!fileBytes(path).contains("smuggled-value-123"));

        QVERIFY(remove(store, 42, u"Release"_s));
        QCOMPARE(readSecret(m_keychain, storageKey)->status, SecretStatus::NotFound);
    }

    void renameMovesAndRemoveDeletesTheKeychainEntries()
    {
        QSettings index(m_dir.filePath(u"rename/index.ini"_s), QSettings::IniFormat);
        PresetStore store(m_keychain, index, m_dir.filePath(u"rename/presets.json"_s));
        const Preset preset{
            u"Old/name"_s,
            {},
            u"main"_s,
            {row(u"TOKEN"_s, u"value-for-rename-1"_s, true), row(u"PLAIN"_s, u"p"_s)},
            {}};
        const auto saved =
            wait<SaveResult>([&](auto done) { store.save(m_account, 7, preset, nullptr, done); });
        QVERIFY(saved && saved->saved && saved->notStoredKeys.isEmpty());
        auto keyOf = [&](const QString &name) {
            return TokenKey{TokenKind::PresetValue, m_account.instance, m_account.account,
                            presetQualifier(7, name, u"TOKEN"_s)}
                .storageKey();
        };
        const auto renamed = wait<ChangeResult>(
            [&](auto done) { store.rename(m_account, 7, u"Old/name"_s, u"New"_s, nullptr, done); });
        QVERIFY(renamed);
        QVERIFY2(renamed->done, qPrintable(renamed->message));
        QVERIFY(!store.contains(m_account, 7, u"Old/name"_s));
        QVERIFY(store.contains(m_account, 7, u"New"_s));
        QTRY_COMPARE(readSecret(m_keychain, keyOf(u"Old/name"_s))->status, SecretStatus::NotFound);
        QVERIFY(readSecret(m_keychain, keyOf(u"New"_s))->secret == "value-for-rename-1");
        const auto loaded =
            wait<LoadResult>([&](auto done) { store.load(m_account, 7, u"New"_s, nullptr, done); });
        QVERIFY(loaded && loaded->missing.isEmpty());
        QVERIFY(loaded->preset.rows.at(0).value == u"value-for-rename-1"_s);

        // Renaming onto a taken name is refused.
        const auto other = wait<SaveResult>([&](auto done) {
            store.save(m_account, 7, Preset{u"Other"_s, {}, {}, {row(u"A"_s, u"1"_s)}, {}}, nullptr,
                       done);
        });
        QVERIFY(other && other->saved);
        const auto clash = wait<ChangeResult>(
            [&](auto done) { store.rename(m_account, 7, u"New"_s, u"Other"_s, nullptr, done); });
        QVERIFY(clash && !clash->done && !clash->message.isEmpty());

        // Re-saving without the sensitive row removes its value from the keychain.
        const auto plainAgain = wait<SaveResult>([&](auto done) {
            store.save(m_account, 7, Preset{u"New"_s, {}, u"main"_s, {row(u"PLAIN"_s, u"p"_s)}, {}},
                       nullptr, done);
        });
        QVERIFY(plainAgain && plainAgain->saved);
        QTRY_COMPARE(readSecret(m_keychain, keyOf(u"New"_s))->status, SecretStatus::NotFound);

        // Remove: file and keychain.
        const auto withSecret =
            wait<SaveResult>([&](auto done) { store.save(m_account, 7, preset, nullptr, done); });
        QVERIFY(withSecret && withSecret->saved);
        QVERIFY(readSecret(m_keychain, keyOf(u"Old/name"_s))->ok());
        QVERIFY(remove(store, 7, u"Old/name"_s));
        QVERIFY(!store.contains(m_account, 7, u"Old/name"_s));
        QCOMPARE(readSecret(m_keychain, keyOf(u"Old/name"_s))->status, SecretStatus::NotFound);
        const auto gone = wait<ChangeResult>(
            [&](auto done) { store.remove(m_account, 7, u"Old/name"_s, nullptr, done); });
        QVERIFY(gone && !gone->done);
    }

    void listPutsPresetsTiedToTheJobAndRefFirst()
    {
        QSettings index(m_dir.filePath(u"list/index.ini"_s), QSettings::IniFormat);
        PresetStore store(m_keychain, index, m_dir.filePath(u"list/presets.json"_s));
        const QList<Preset> presets{
            {u"b untied"_s, {}, {}, {row(u"A"_s, u"1"_s)}, {}},
            {u"a untied"_s, {}, {}, {row(u"A"_s, u"1"_s)}, {}},
            {u"other job"_s, u"test"_s, {}, {row(u"A"_s, u"1"_s)}, {}},
            {u"ref only"_s, {}, u"main"_s, {row(u"A"_s, u"1"_s)}, {}},
            {u"job only"_s, u"deploy"_s, {}, {row(u"A"_s, u"1"_s)}, {}},
            {u"job and ref"_s, u"deploy"_s, u"main"_s, {row(u"A"_s, u"1"_s)}, {}},
            {u"other ref"_s, {}, u"dev"_s, {row(u"A"_s, u"1"_s)}, {}},
        };
        for (const Preset &preset : presets) {
            const auto saved = wait<SaveResult>(
                [&](auto done) { store.save(m_account, 9, preset, nullptr, done); });
            QVERIFY(saved && saved->saved);
        }
        auto names = [&](const QString &job, const QString &ref) {
            QStringList result;
            for (const Preset &preset : store.list(m_account, 9, job, ref))
                result << preset.name;
            return result;
        };
        QCOMPARE(names(u"deploy"_s, u"main"_s),
                 (QStringList{u"job and ref"_s, u"job only"_s, u"ref only"_s, u"a untied"_s,
                              u"b untied"_s, u"other job"_s, u"other ref"_s}));
        QCOMPARE(names({}, u"main"_s),
                 (QStringList{u"ref only"_s, u"a untied"_s, u"b untied"_s, u"job and ref"_s,
                              u"job only"_s, u"other job"_s, u"other ref"_s}));
        QVERIFY(store.list(m_account, 10).isEmpty());
        QVERIFY(store.list(AccountContext{m_account.instance, u"someone-else"_s}, 9).isEmpty());
        // The same instance spelled differently is the same account.
        QCOMPARE(
            store
                .list(AccountContext{QUrl(u"https://GitLab.example.com:443/"_s), m_account.account},
                      9)
                .size(),
            presets.size());
    }

    void lockedKeychainStoresNoSensitiveValueAnywhere() { runLockedChild(); }

private:
    bool remove(PresetStore &store, qint64 project, const QString &name)
    {
        const auto removed = wait<ChangeResult>(
            [&](auto done) { store.remove(m_account, project, name, nullptr, done); });
        return removed && removed->done;
    }

    void runLockedChild()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                                 "XDG_RUNTIME_DIR", "XDG_STATE_HOME"}) {
            const QString dir = root.filePath(QString::fromLatin1(name).toLower());
            QVERIFY(QDir().mkpath(dir));
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            env.insert(QString::fromLatin1(name), dir);
        }
        for (const char *name : {"GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK"})
            env.remove(QString::fromLatin1(name));
        const QByteArray canary = "cnry-" + QUuid::createUuid().toByteArray(QUuid::Id128);
        env.insert(QString::fromLatin1(childVariable), u"locked"_s);
        env.insert(QString::fromLatin1(canaryVariable), QString::fromLatin1(canary));
        env.insert(u"PIPEDECK_TEST_KEYRING_PASSWORD"_s, QUuid::createUuid().toString());
        env.insert(u"QT_LOGGING_RULES"_s, u"pipedeck.*.debug=true"_s);
        QProcess child;
        child.setProcessEnvironment(env);
        child.start(u"dbus-run-session"_s,
                    {u"--"_s, u"sh"_s, u"-c"_s,
                     u"eval \"$(printf %s \"$PIPEDECK_TEST_KEYRING_PASSWORD\" | "
                     "gnome-keyring-daemon --unlock --components=secrets)\" && exec \"$0\""_s,
                     QCoreApplication::applicationFilePath()});
        QVERIFY2(child.waitForFinished(180000), "the locked child did not finish");
        const QByteArray output = child.readAllStandardOutput() + child.readAllStandardError();
        const bool passed = child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0 &&
                            output.contains(" 0 failed, 0 skipped") &&
                            !output.contains("Totals: 0 passed");
        if (!passed) {
            for (const QByteArray &line : output.split('\n'))
                qInfo("child: %s", line.constData());
        }
        QVERIFY2(passed, "the locked-keychain child failed (its output is above)");
        QVERIFY2(!output.contains(canary), "the sensitive value is in the child's output");
        QCOMPARE(filesContaining(root.path(), canary), QStringList());
        QVERIFY(!filesContaining(root.path(), "LOCKED_SECRET").isEmpty()); // presets.json is there
    }

    KeychainSecretStore m_keychain;
    AccountContext m_account;
    QTemporaryDir m_dir;
};

// ---------------------------------------------------------------------------------------------
// Child: a private gnome-keyring whose login collection is locked after one preset was saved.
class LockedKeychainScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_index.reset(new QSettings(
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/index.ini"_s,
            QSettings::IniFormat));
        m_store.reset(new PresetStore(m_keychain, *m_index));
        QVERIFY(!qgetenv(canaryVariable).isEmpty());
    }

    void saveWhileUnlockedThenLock()
    {
        const auto saved = wait<SaveResult>([&](auto done) {
            m_store->save(
                account(), 1,
                Preset{u"Before"_s, {}, {}, {row(u"EARLIER"_s, u"earlier-value-9"_s, true)}, {}},
                nullptr, done);
        });
        QVERIFY(saved && saved->saved && saved->notStoredKeys.isEmpty());
        const QDBusMessage reply = callSecretService(
            u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service"_s, u"Lock"_s,
            {QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(loginCollection)})});
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    }

    void saveReportsTheValueAsNotStored()
    {
        const QString canary = qEnvironmentVariable(canaryVariable);
        const auto saved = wait<SaveResult>([&](auto done) {
            m_store->save(account(), 1,
                          Preset{u"Locked"_s,
                                 {},
                                 {},
                                 {row(u"VISIBLE"_s, u"LOCKED_SECRET_NEIGHBOUR"_s),
                                  row(u"LOCKED_SECRET"_s, canary, true)},
                                 {}},
                          nullptr, done);
        });
        QVERIFY(saved);
        QVERIFY(saved->saved); // without the value
        QCOMPARE(saved->notStoredKeys, QStringList{u"LOCKED_SECRET"_s});
        QCOMPARE(saved->keychainStatus, SecretStatus::Unavailable);
        QVERIFY(saved->reason.contains(u"locked"_s));
        QVERIFY(!saved->message.isEmpty());
        const QString key = TokenKey{TokenKind::PresetValue, account().instance, account().account,
                                     presetQualifier(1, u"Locked"_s, u"LOCKED_SECRET"_s)}
                                .storageKey();
        QVERIFY(!TokenIndex(*m_index).contains(key));
        // Loaded back: the row is there by key, its value missing, not retryable (never stored).
        const auto loaded = wait<LoadResult>(
            [&](auto done) { m_store->load(account(), 1, u"Locked"_s, nullptr, done); });
        QVERIFY(loaded && loaded->found);
        QCOMPARE(loaded->missing.size(), 1);
        QVERIFY(!loaded->missing.at(0).retry);
    }

    void loadBehindTheLockSaysRetry()
    {
        const auto loaded = wait<LoadResult>(
            [&](auto done) { m_store->load(account(), 1, u"Before"_s, nullptr, done); });
        QVERIFY(loaded && loaded->found);
        QCOMPARE(loaded->missing.size(), 1);
        QCOMPARE(loaded->missing.at(0).key, u"EARLIER"_s);
        QVERIFY(loaded->missing.at(0).retry);
        QVERIFY(loaded->missing.at(0).reason.contains(u"locked — retry"_s));
        QVERIFY(loaded->preset.rows.at(0).value.isEmpty());
    }

    void removeBehindTheLockRemovesNothing()
    {
        const auto removed = wait<ChangeResult>(
            [&](auto done) { m_store->remove(account(), 1, u"Before"_s, nullptr, done); });
        QVERIFY(removed && !removed->done);
        QVERIFY(removed->message.contains(u"locked"_s));
        QVERIFY(m_store->contains(account(), 1, u"Before"_s));
        const auto renamed = wait<ChangeResult>([&](auto done) {
            m_store->rename(account(), 1, u"Before"_s, u"After"_s, nullptr, done);
        });
        QVERIFY(renamed && !renamed->done);
        QVERIFY(m_store->contains(account(), 1, u"Before"_s));
        m_index->sync();
    }

private:
    static AccountContext account()
    {
        return {QUrl(u"https://gitlab.example.com"_s), u"locked-user"_s};
    }

    KeychainSecretStore m_keychain;
    std::unique_ptr<QSettings> m_index;
    std::unique_ptr<PresetStore> m_store;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"PipedeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_presets_keychain"_s);
    if (qgetenv(childVariable) == "locked") {
        LockedKeychainScenario test;
        return QTest::qExec(&test, argc, argv);
    }
    PresetsKeychainTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_presets_keychain.moc"
