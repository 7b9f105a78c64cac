// The real QtKeychain backend against the real Secret Service (gnome-keyring), in the
// designed success and failure modes. The main suite needs the session bus with an unlocked
// gnome-keyring that scripts/run-tests.sh provides, and FAILS without it: CI must run it.
// The failure modes each run this same binary as a child in an environment of its own:
//   locked      a private dbus-run-session + gnome-keyring whose login collection the child locks
//   no-service  a private bus on which no Secret Service can start
//   no-bus      DBUS_SESSION_BUS_ADDRESS pointing nowhere
// and the parent checks that the child passed and that the canary token appears nowhere in
// its output or under its temporary HOME/XDG directories.
#include "secrets/keychain_secret_store.h"
#include "secrets/redaction.h"
#include "secrets/token_store.h"

#include "core/logging.h"
#include "support/private_keyring.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
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

#include <memory>
#include <optional>

using namespace pipedeck;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

constexpr auto childVariable = "PIPEDECK_SECRETS_CHILD";
constexpr auto canaryVariable = "PIPEDECK_SECRETS_CANARY";
using testing::collectionLocked;
const QString loginCollection = testing::kLoginCollection;

std::optional<SecretResult> runOperation(const std::function<void(SecretStore::Callback)> &start)
{
    std::optional<SecretResult> result;
    start([&result](const SecretResult &r) { result = r; });
    // Beyond the store's own 30 s deadline, which answers Timeout first.
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 40000))
        result = SecretResult{SecretStatus::OtherError, {}, u"no answer at all (test)"_s};
    return result;
}

std::optional<SecretResult> writeSecret(SecretStore &store, const QString &key,
                                        const QByteArray &secret)
{
    return runOperation(
        [&](SecretStore::Callback done) { store.write(key, secret, nullptr, done); });
}

std::optional<SecretResult> readSecret(SecretStore &store, const QString &key)
{
    return runOperation([&](SecretStore::Callback done) { store.read(key, nullptr, done); });
}

std::optional<SecretResult> removeSecret(SecretStore &store, const QString &key)
{
    return runOperation([&](SecretStore::Callback done) { store.remove(key, nullptr, done); });
}

std::optional<TokenResult> runToken(const std::function<void(TokenStore::Callback)> &start)
{
    std::optional<TokenResult> result;
    start([&result](const TokenResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 40000)) {
        result = TokenResult{};
        result->message = u"no answer at all (test)"_s;
    }
    return result;
}

QString statusText(const std::optional<SecretResult> &result)
{
    return result ? secretStatusName(result->status) + u' ' + result->detail : u"no answer"_s;
}

QByteArray canary()
{
    return qgetenv(canaryVariable);
}

TokenKey canaryKey()
{
    return {TokenKind::PersonalAccessToken,
            QUrl(u"https://gitlab.example.com"_s),
            u"canary-user"_s,
            {}};
}

int itemsFor(const QString &key)
{
    return testing::keychainItemsFor(KeychainSecretStore::defaultService(), key);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The main suite: the session's own unlocked gnome-keyring.
class KeychainTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *tool : {"dbus-run-session", "gnome-keyring-daemon", "secret-tool"}) {
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                     qPrintable(u"%1 is missing: run scripts/install-deps.sh"_s.arg(
                         QLatin1StringView(tool))));
        }
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "No D-Bus session bus. Run the tests inside dbus-run-session with gnome-keyring "
                 "unlocked, as scripts/run-tests.sh does; this suite is never skipped.");
        m_run = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        const QString probe = key(u"probe"_s);
        const auto written = writeSecret(m_store, probe, "probe");
        QVERIFY2(written && written->ok(),
                 qPrintable(u"The Secret Service is not usable (%1). Run the tests inside "
                            "dbus-run-session with gnome-keyring unlocked, as scripts/run-tests.sh "
                            "does; this suite is never skipped."_s.arg(statusText(written))));
        QVERIFY(removeSecret(m_store, probe)->ok());
    }

    void cleanupTestCase()
    {
        for (const QString &written : std::as_const(m_keys))
            removeSecret(m_store, written);
        for (const QString &written : std::as_const(m_keys))
            QCOMPARE(itemsFor(written), 0);
    }

    void writeReadOverwriteRemove()
    {
        const QString k = key(u"roundtrip"_s);
        QCOMPARE(readSecret(m_store, k)->status, SecretStatus::NotFound);
        QVERIFY(writeSecret(m_store, k, "first value")->ok());
        QCOMPARE(itemsFor(k), 1);
        auto read = readSecret(m_store, k);
        QVERIFY2(read->ok(), qPrintable(statusText(read)));
        QCOMPARE(read->secret, QByteArray("first value"));

        QVERIFY(writeSecret(m_store, k, "second value")->ok());
        QCOMPARE(readSecret(m_store, k)->secret, QByteArray("second value"));
        QCOMPARE(itemsFor(k), 1); // overwritten, not added

        QVERIFY(removeSecret(m_store, k)->ok());
        QCOMPARE(readSecret(m_store, k)->status, SecretStatus::NotFound);
        QCOMPARE(itemsFor(k), 0);
    }

    void binaryAndMaximumSizeSecretsRoundTrip()
    {
        const QString k = key(u"binary"_s);
        QByteArray secret;
        for (int i = 0; i < SecretStore::maxSecretBytes; ++i)
            secret.append(char(i % 256));
        QVERIFY(writeSecret(m_store, k, secret)->ok());
        QCOMPARE(readSecret(m_store, k)->secret, secret);
        QCOMPARE(writeSecret(m_store, k, secret + 'x')->status, SecretStatus::Rejected);
        QCOMPARE(readSecret(m_store, k)->secret, secret); // the refused write changed nothing
    }

    void servicesAreSeparateNamespaces()
    {
        const QString k = key(u"namespaced"_s);
        KeychainSecretStore other(u"pipedeck-test-other"_s);
        QVERIFY(writeSecret(m_store, k, "ours")->ok());
        QCOMPARE(readSecret(other, k)->status, SecretStatus::NotFound);
        QVERIFY(writeSecret(other, k, "theirs")->ok());
        QCOMPARE(readSecret(m_store, k)->secret, QByteArray("ours"));
        QVERIFY(removeSecret(other, k)->ok());
        QCOMPARE(readSecret(m_store, k)->secret, QByteArray("ours"));
    }

    void tokenStoreRoundTripIsVisibleToOtherSecretServiceClients()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"index.ini"_s), QSettings::IniFormat);
        TokenStore tokens(m_store, settings);
        const TokenKey tokenKey{TokenKind::PersonalAccessToken,
                                QUrl(u"https://gitlab.example.com"_s),
                                u"user-"_s + m_run,
                                {}};
        const QString storageKey = tokenKey.storageKey();
        m_keys << storageKey;
        const QByteArray token = "glpat-" + QUuid::createUuid().toByteArray(QUuid::Id128);

        const auto saved =
            runToken([&](auto done) { tokens.save(tokenKey, token, nullptr, done); });
        QCOMPARE(saved->outcome, TokenOutcome::Saved);
        QVERIFY(tokens.isRecorded(tokenKey));

        // Another Secret Service client finds it under service "pipedeck" and our key.
        QProcess lookup;
        lookup.start(u"secret-tool"_s,
                     {u"lookup"_s, u"server"_s, u"pipedeck"_s, u"user"_s, storageKey});
        QVERIFY(lookup.waitForFinished(20000));
        const QByteArray found = lookup.readAllStandardOutput().trimmed();
        QVERIFY2(found == token || QByteArray::fromBase64(found) == token, found.constData());

        TokenStore nextRun(m_store, settings);
        const auto loaded = runToken([&](auto done) { nextRun.load(tokenKey, nullptr, done); });
        QCOMPARE(loaded->outcome, TokenOutcome::Found);
        QCOMPARE(loaded->token, token);
        QVERIFY(!loaded->fromSession);

        const auto removed = runToken([&](auto done) { nextRun.remove(tokenKey, nullptr, done); });
        QCOMPARE(removed->outcome, TokenOutcome::Removed);
        QVERIFY(!nextRun.isRecorded(tokenKey));
        QCOMPARE(itemsFor(storageKey), 0);
        const auto gone = runToken([&](auto done) { nextRun.load(tokenKey, nullptr, done); });
        QCOMPARE(gone->outcome, TokenOutcome::NotStored);
    }

    void destroyingTheStoreWithAJobInFlightIsSafe()
    {
        const QString k = key(u"inflight"_s);
        bool called = false;
        {
            KeychainSecretStore doomed;
            doomed.write(k, "written after its store died", nullptr,
                         [&](const SecretResult &) { called = true; });
            doomed.read(k, nullptr, [&](const SecretResult &) { called = true; });
        }
        // The jobs finish inside QtKeychain and delete themselves; nothing calls back.
        QTest::qWait(500);
        QVERIFY(!called);
        // QtKeychain's one-at-a-time queue was not left wedged.
        const auto read = readSecret(m_store, k);
        QVERIFY2(read && read->ok(), qPrintable(statusText(read)));
        QCOMPARE(read->secret, QByteArray("written after its store died"));
    }

    void lockedCollectionIsUnavailableNotLoggedOut() { runChild(u"locked"_s); }
    void noSecretServiceKeepsTheTokenForThisSessionOnly() { runChild(u"no-service"_s); }
    void noSessionBusIsUnavailable() { runChild(u"no-bus"_s); }

private:
    QString key(const QString &name)
    {
        const QString k = u"test/"_s + m_run + u'/' + name;
        m_keys << k;
        return k;
    }

    void runChild(const QString &scenario)
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        QVERIFY(testing::privateHomeIn(root, env));
        // A canary without a GitLab prefix: only the exact-value redaction can hide it.
        const QByteArray canaryToken = "cnry-" + QUuid::createUuid().toByteArray(QUuid::Id128);
        env.insert(QString::fromLatin1(childVariable), scenario);
        env.insert(QString::fromLatin1(canaryVariable), QString::fromLatin1(canaryToken));
        env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);

        const QString self = QCoreApplication::applicationFilePath();
        QString program;
        QStringList arguments;
        if (scenario == u"locked") {
            testing::inPrivateKeyring(env, &program, &arguments);
        } else if (scenario == u"no-service") {
            program = u"dbus-run-session"_s;
            arguments = {u"--config-file"_s,
                         QStringLiteral(PIPEDECK_TEST_DATA_DIR "/dbus-no-secret-service.conf"),
                         u"--"_s, self};
        } else {
            env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s);
            program = self;
        }

        const testing::ChildRun run = testing::runTestChild(env, program, arguments);
        const QByteArray &output = run.output;
        const bool passed = run.passed;
        if (!passed) {
            // QVERIFY2 cuts long messages; show the whole child run, line by line.
            for (const QByteArray &line : output.split('\n'))
                qInfo("child %s: %s", qPrintable(scenario), line.constData());
        }
        QVERIFY2(passed,
                 qPrintable(u"the %1 child scenario failed (its output is above)"_s.arg(scenario)));

        // The secret grep: nothing the child printed or left on disk holds the canary.
        QVERIFY2(!output.contains(canaryToken), "the canary token is in the child's output");
        QDirIterator files(root.path(), QDir::Files | QDir::Hidden | QDir::System,
                           QDirIterator::Subdirectories);
        int filesSeen = 0;
        while (files.hasNext()) {
            const QString path = files.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue; // sockets
            ++filesSeen;
            const QByteArray contents = file.readAll();
            QVERIFY2(!contents.contains(canaryToken),
                     qPrintable(u"the canary token is in plain text in "_s + path));
        }
        // The locked child leaves an index and a keyring behind, so the scan had work to do.
        if (scenario == u"locked")
            QVERIFY2(filesSeen >= 2, "the locked child left no files: the scan saw nothing");
    }

    KeychainSecretStore m_store;
    QString m_run;
    QStringList m_keys;
};

// ---------------------------------------------------------------------------------------------
// Child: a private gnome-keyring whose login collection gets locked mid-way.
class LockedKeyringScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        installRedactingMessageHandler();
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        QCOMPARE(collectionLocked(loginCollection), std::optional<bool>(false));
    }

    void storeThenLock()
    {
        TokenStore tokens(m_store, m_settings);
        const auto saved =
            runToken([&](auto done) { tokens.save(canaryKey(), canary(), nullptr, done); });
        QCOMPARE(saved->outcome, TokenOutcome::Saved);
        QVERIFY(tokens.isRecorded(canaryKey()));

        const QString locked = testing::lockCollection();
        QVERIFY2(locked.isEmpty(), qPrintable(locked));
        QCOMPARE(collectionLocked(loginCollection), std::optional<bool>(true));
    }

    void rawBackendReportsTheLock()
    {
        const QString storageKey = canaryKey().storageKey();
        const auto read = readSecret(m_store, storageKey);
        // Measured on gnome-keyring 42: a read on a locked collection answers "not found".
        QVERIFY2(read->status == SecretStatus::NotFound ||
                     read->status == SecretStatus::Unavailable,
                 qPrintable(statusText(read)));
        const auto written = writeSecret(m_store, u"test/locked/other"_s, "x-other-secret");
        QCOMPARE(written->status, SecretStatus::Unavailable);
        // A delete behind the lock deletes nothing (measured: it even answers "ok").
        const auto removed = removeSecret(m_store, storageKey);
        qInfo("remove on a locked collection answered %s", qPrintable(statusText(removed)));
        QCOMPARE(itemsFor(storageKey), 1);
    }

    void tokenStoreSaysUnavailableAndKeepsEverything()
    {
        TokenStore tokens(m_store, m_settings); // a new run: nothing in memory
        const auto loaded = runToken([&](auto done) { tokens.load(canaryKey(), nullptr, done); });
        QCOMPARE(loaded->outcome, TokenOutcome::KeychainUnavailable);
        QVERIFY(loaded->needsRetry());
        QVERIFY(loaded->message.contains(u"locked"_s));
        QVERIFY(tokens.isRecorded(canaryKey()));

        // A new token while locked: kept for this session, the stored one untouched.
        const auto saved = runToken([&](auto done) {
            tokens.save(canaryKey(), "replacement-token-while-locked", nullptr, done);
        });
        QCOMPARE(saved->outcome, TokenOutcome::SessionOnly);
        QCOMPARE(saved->reason, u"The keychain is locked or unavailable — retry."_s);
        QVERIFY(tokens.isRecorded(canaryKey()));
        QCOMPARE(itemsFor(canaryKey().storageKey()), 1); // still there, locked

        // Removing the account's token behind the lock: refused, not faked.
        const auto removed =
            runToken([&](auto done) { tokens.remove(canaryKey(), nullptr, done); });
        QCOMPARE(removed->outcome, TokenOutcome::KeychainUnavailable);
        QVERIFY(tokens.isRecorded(canaryKey()));
        QCOMPARE(itemsFor(canaryKey().storageKey()), 1);
    }

    void unlockedAgainTheOriginalIsBack()
    {
        unlockLoginCollection();
        QCOMPARE(collectionLocked(loginCollection), std::optional<bool>(false));
        TokenStore tokens(m_store, m_settings);
        const auto loaded = runToken([&](auto done) { tokens.load(canaryKey(), nullptr, done); });
        QCOMPARE(loaded->outcome, TokenOutcome::Found);
        QVERIFY(loaded->token == canary()); // not QCOMPARE: never print the canary
        const auto removed =
            runToken([&](auto done) { tokens.remove(canaryKey(), nullptr, done); });
        QCOMPARE(removed->outcome, TokenOutcome::Removed);
        QCOMPARE(itemsFor(canaryKey().storageKey()), 0);
        QTRY_COMPARE(itemsFor(TokenStore::writableProbeKey()), 0);
    }

private:
    void unlockLoginCollection()
    {
        const QString error = testing::unlockCollection();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    KeychainSecretStore m_store;
    QSettings m_settings; // under the child's temporary XDG_CONFIG_HOME
};

// ---------------------------------------------------------------------------------------------
// Child: no keychain reachable (a bus without a Secret Service, or no bus at all).
class NoKeychainScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Here, not in main(): QTest::qExec() installs its own handler first.
        installRedactingMessageHandler();
        QVERIFY(!canary().isEmpty());
        if (qgetenv(childVariable) == "no-service") {
            QVERIFY(QDBusConnection::sessionBus().isConnected());
            QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(
                u"org.freedesktop.secrets"_s));
        } else {
            QVERIFY(!QDBusConnection::sessionBus().isConnected());
        }
    }

    void everyOperationIsUnavailable()
    {
        for (const auto &result :
             {writeSecret(m_store, u"test/none"_s, "nothing-to-see"),
              readSecret(m_store, u"test/none"_s), removeSecret(m_store, u"test/none"_s)}) {
            QVERIFY2(result && result->status == SecretStatus::Unavailable,
                     qPrintable(statusText(result)));
        }
    }

    void tokenIsKeptForThisSessionOnly()
    {
        TokenStore tokens(m_store, m_settings);
        const auto saved =
            runToken([&](auto done) { tokens.save(canaryKey(), canary(), nullptr, done); });
        QCOMPARE(saved->outcome, TokenOutcome::SessionOnly);
        QCOMPARE(saved->message, u"Not saved — kept for this session only."_s);
        QCOMPARE(saved->reason, u"The keychain is locked or unavailable — retry."_s);
        QVERIFY(!tokens.isRecorded(canaryKey()));

        const auto loaded = runToken([&](auto done) { tokens.load(canaryKey(), nullptr, done); });
        QCOMPARE(loaded->outcome, TokenOutcome::Found);
        QVERIFY(loaded->fromSession);
        QVERIFY(loaded->token == canary());

        // Every log line goes through the redacting handler (installed in main()).
        qCWarning(lcSecrets) << "a log line that carries the token:" << canary();
        qWarning("and one in an error text: https://h.example/?private_token=%s",
                 canary().constData());
        m_settings.sync();
        QCOMPARE(m_settings.status(), QSettings::NoError);
    }

    void theNextRunHasNoToken()
    {
        TokenStore nextRun(m_store, m_settings);
        QVERIFY(!nextRun.isRecorded(canaryKey()));
        QVERIFY(!nextRun.hasSessionToken(canaryKey()));
        const auto loaded = runToken([&](auto done) { nextRun.load(canaryKey(), nullptr, done); });
        QCOMPARE(loaded->outcome, TokenOutcome::KeychainUnavailable);
        QVERIFY(loaded->token.isEmpty());
    }

private:
    KeychainSecretStore m_store;
    QSettings m_settings;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"PipedeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_secrets_keychain"_s);
    qDBusRegisterMetaType<QMap<QString, QString>>();
    const QByteArray child = qgetenv(childVariable);
    if (child.isEmpty()) {
        KeychainTest test;
        return QTest::qExec(&test, argc, argv);
    }
    if (child == "locked") {
        LockedKeyringScenario test;
        return QTest::qExec(&test, argc, argv);
    }
    if (child == "no-service" || child == "no-bus") {
        NoKeychainScenario test;
        return QTest::qExec(&test, argc, argv);
    }
    qCritical("unknown %s: %s", childVariable, child.constData());
    return 2;
}

#include "tst_secrets_keychain.moc"
