// TriggerVault against the real Secret Service (gnome-keyring, through scripts/with-keyring.sh;
// fails, never skips, without it): a trigger token round-trips through the keychain under
// trigger/<host>:<port>/<account>/<project>%2F<trigger>, is in no file, is listed from the
// index per account and project, and is forgotten. The locked case (FakeSecretStore, which
// acts as a locked gnome-keyring does) is "locked — retry", never "no token", and no file.
#include "secrets/keychain_secret_store.h"
#include "secrets/token_store.h"
#include "support/fake_secret_store.h"
#include "triggers/trigger_vault.h"

#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace pipedeck;
using triggers::TriggerVault;

namespace {

template<typename Result, typename Start> std::optional<Result> wait(Start start)
{
    std::optional<Result> result;
    start([&result](const Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
        return std::nullopt;
    return result;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

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

QByteArray newToken()
{
    return "glptt-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
}

} // namespace

class TriggerVaultKeychainTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    KeychainSecretStore m_keychain;
    presets::AccountContext m_account;

    std::optional<TokenResult> store(TriggerVault &vault, const presets::AccountContext &account,
                                     qint64 project, qint64 trigger, const QByteArray &token)
    {
        return wait<TokenResult>(
            [&](auto done) { vault.store(account, project, trigger, token, nullptr, done); });
    }
    std::optional<TokenResult> load(TriggerVault &vault, const presets::AccountContext &account,
                                    qint64 project, qint64 trigger)
    {
        return wait<TokenResult>(
            [&](auto done) { vault.load(account, project, trigger, nullptr, done); });
    }
    std::optional<TokenResult> forget(TriggerVault &vault, const presets::AccountContext &account,
                                      qint64 project, qint64 trigger)
    {
        return wait<TokenResult>(
            [&](auto done) { vault.forget(account, project, trigger, nullptr, done); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "No D-Bus session bus: run under scripts/with-keyring.sh; never skipped.");
        m_account = {QUrl(QStringLiteral("https://gitlab.example.com")),
                     QStringLiteral("triggers-") +
                         QUuid::createUuid().toString(QUuid::Id128).left(8)};
        const auto probe = wait<SecretResult>([&](auto done) {
            m_keychain.write(QStringLiteral("test/triggers-probe"), "x", nullptr, done);
        });
        QVERIFY2(probe && probe->ok(), "The Secret Service is not usable: run under "
                                       "scripts/with-keyring.sh; this suite is never skipped.");
        wait<SecretResult>([&](auto done) {
            m_keychain.remove(QStringLiteral("test/triggers-probe"), nullptr, done);
        });
    }

    void roundTripThroughTheKeychainOnly()
    {
        const QByteArray token = newToken();
        QSettings settings(m_dir.filePath(QStringLiteral("roundtrip.ini")), QSettings::IniFormat);
        {
            TokenStore tokens(m_keychain, settings);
            TriggerVault vault(tokens);
            const auto saved = store(vault, m_account, 42, 7, token);
            QVERIFY(saved);
            QVERIFY2(saved->outcome == TokenOutcome::Saved, qPrintable(saved->message));
            QCOMPARE(vault.heldIds(m_account, 42), QList<qint64>{7});
        }
        // The next run: read back from the keychain, listed from the index.
        TokenStore tokens(m_keychain, settings);
        TriggerVault vault(tokens);
        QCOMPARE(vault.heldIds(m_account, 42), QList<qint64>{7});
        QCOMPARE(vault.heldIds(m_account, 43), QList<qint64>{});
        const QList<triggers::HeldTrigger> held = vault.allHeld();
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.first().account, m_account.account);
        QCOMPARE(held.first().projectId, 42);
        QCOMPARE(held.first().triggerId, 7);
        QVERIFY(held.first().storedAt.isValid());
        QVERIFY(!held.first().sessionOnly);
        const auto loaded = load(vault, m_account, 42, 7);
        QVERIFY(loaded && loaded->outcome == TokenOutcome::Found);
        QVERIFY(!loaded->fromSession);
        QVERIFY(loaded->token == token); // not QCOMPARE: never print it

        // Under the documented key, straight from the Secret Service.
        const QString key = QStringLiteral("trigger/gitlab.example.com:443/") + m_account.account +
                            QStringLiteral("/42%2F7");
        QCOMPARE(TriggerVault::keyFor(m_account, 42, 7).storageKey(), key);
        const auto raw =
            wait<SecretResult>([&](auto done) { m_keychain.read(key, nullptr, done); });
        QVERIFY(raw && raw->ok() && raw->secret == token);

        settings.sync();
        QCOMPARE(filesContaining(m_dir.path(), token), QStringList());
        QCOMPARE(filesContaining(QDir::homePath(), token), QStringList());

        const auto removed = forget(vault, m_account, 42, 7);
        QVERIFY(removed && removed->outcome == TokenOutcome::Removed);
        QCOMPARE(vault.heldIds(m_account, 42), QList<qint64>{});
        QVERIFY(vault.allHeld().isEmpty());
        const auto gone = load(vault, m_account, 42, 7);
        QVERIFY(gone && gone->outcome == TokenOutcome::NotStored);
        const auto rawGone =
            wait<SecretResult>([&](auto done) { m_keychain.read(key, nullptr, done); });
        QCOMPARE(rawGone->status, SecretStatus::NotFound);
    }

    void accountsProjectsAndInstancesStayApart()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("apart.ini")), QSettings::IniFormat);
        TokenStore tokens(m_keychain, settings);
        TriggerVault vault(tokens);
        const presets::AccountContext other{m_account.instance,
                                            m_account.account + QStringLiteral("-other")};
        // The same server spelled another way is the same vault.
        const presets::AccountContext spelled{
            QUrl(QStringLiteral("https://GitLab.example.com:443/")), m_account.account};
        const presets::AccountContext elsewhere{QUrl(QStringLiteral("https://gitlab.other.test")),
                                                m_account.account};
        const QByteArray a = newToken();
        const QByteArray b = newToken();
        const QByteArray c = newToken();
        QCOMPARE(store(vault, m_account, 42, 9, a)->outcome, TokenOutcome::Saved);
        QCOMPARE(store(vault, m_account, 42, 3, b)->outcome, TokenOutcome::Saved);
        QCOMPARE(store(vault, other, 42, 5, c)->outcome, TokenOutcome::Saved);
        QCOMPARE(store(vault, elsewhere, 42, 6, c)->outcome, TokenOutcome::Saved);
        QCOMPARE(vault.heldIds(m_account, 42), (QList<qint64>{3, 9}));
        QCOMPARE(vault.heldIds(spelled, 42), (QList<qint64>{3, 9}));
        QCOMPARE(vault.heldIds(other, 42), QList<qint64>{5});
        QCOMPARE(vault.heldIds(elsewhere, 42), QList<qint64>{6});
        QCOMPARE(vault.allHeld().size(), 4);
        const auto loaded = load(vault, spelled, 42, 9);
        QVERIFY(loaded && loaded->outcome == TokenOutcome::Found && loaded->token == a);
        for (const auto &[account, project, trigger] :
             {std::tuple{m_account, 42, 9}, std::tuple{m_account, 42, 3}, std::tuple{other, 42, 5},
              std::tuple{elsewhere, 42, 6}}) {
            QCOMPARE(forget(vault, account, project, trigger)->outcome, TokenOutcome::Removed);
        }
        QVERIFY(vault.allHeld().isEmpty());
    }

    // FakeSecretStore::setLocked acts as gnome-keyring with a locked collection (measured):
    // reads say NotFound, writes are refused, removes "succeed" without removing.
    void lockedIsRetryNeverNoTokenAndNeverAFile()
    {
        FakeSecretStore fake;
        QSettings settings(m_dir.filePath(QStringLiteral("locked.ini")), QSettings::IniFormat);
        TokenStore tokens(fake, settings);
        TriggerVault vault(tokens);
        const QByteArray stored = newToken();
        QCOMPARE(store(vault, m_account, 42, 7, stored)->outcome, TokenOutcome::Saved);

        fake.setLocked(true);
        TokenStore nextRun(fake, settings);
        TriggerVault nextVault(nextRun);
        QCOMPARE(nextVault.heldIds(m_account, 42), QList<qint64>{7}); // still held
        const auto locked = load(nextVault, m_account, 42, 7);
        QVERIFY(locked);
        QCOMPARE(locked->outcome, TokenOutcome::KeychainUnavailable);
        QVERIFY(locked->needsRetry());
        QVERIFY2(locked->message.contains(QStringLiteral("retry")), qPrintable(locked->message));
        QVERIFY(!locked->message.contains(QStringLiteral("No token")));
        QVERIFY(locked->token.isEmpty());

        // Forgetting while locked removes nothing and says so; the index keeps it.
        const auto notForgotten = forget(nextVault, m_account, 42, 7);
        QVERIFY(notForgotten && notForgotten->outcome != TokenOutcome::Removed);
        QVERIFY(notForgotten->needsRetry());
        QCOMPARE(nextVault.heldIds(m_account, 42), QList<qint64>{7});

        // A new token while locked: this session only, in no file.
        const QByteArray fresh = newToken();
        const auto session = store(nextVault, m_account, 42, 8, fresh);
        QCOMPARE(session->outcome, TokenOutcome::SessionOnly);
        QVERIFY(!session->reason.isEmpty());
        QCOMPARE(nextVault.heldIds(m_account, 42), (QList<qint64>{7, 8}));
        const auto fromSession = load(nextVault, m_account, 42, 8);
        QVERIFY(fromSession && fromSession->outcome == TokenOutcome::Found &&
                fromSession->fromSession && fromSession->token == fresh);
        settings.sync();
        QCOMPARE(filesContaining(m_dir.path(), fresh), QStringList());
        QCOMPARE(filesContaining(m_dir.path(), stored), QStringList());
        QVERIFY(!fake.keys().contains(TriggerVault::keyFor(m_account, 42, 8).storageKey()));

        // Unlocked again: stored for real, listed once.
        fake.setLocked(false);
        QCOMPARE(store(nextVault, m_account, 42, 8, fresh)->outcome, TokenOutcome::Saved);
        QCOMPARE(nextVault.allHeld().size(), 2);
        QVERIFY(!nextVault.allHeld().at(1).sessionOnly);
    }
};

QTEST_GUILESS_MAIN(TriggerVaultKeychainTest)
#include "tst_trigger_vault_keychain.moc"
