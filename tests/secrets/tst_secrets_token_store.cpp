// TokenStore's promises on top of a keychain that misbehaves on demand (FakeSecretStore):
// the index follows confirmed writes only, a keychain problem is never "logged out",
// nothing is overwritten or deleted on a failed read, no plaintext fallback.
#include "secrets/redaction.h"
#include "secrets/token_store.h"
#include "support/fake_secret_store.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace pipedeck;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

const TokenKey jdoe{
    TokenKind::PersonalAccessToken, QUrl(u"https://gitlab.example.com"_s), u"jdoe"_s, {}};

struct Outcome
{
    std::optional<TokenResult> result;
    TokenStore::Callback callback()
    {
        return [this](const TokenResult &r) {
            QVERIFY2(!result.has_value(), "callback ran twice");
            result = r;
        };
    }
};

} // namespace

class TokenStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settingsPath = m_dir.filePath(u"settings-%1.ini"_s.arg(++m_run));
        m_settings = std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
        m_keychain = std::make_unique<FakeSecretStore>();
        m_tokens = std::make_unique<TokenStore>(*m_keychain, *m_settings);
    }

    void cleanup()
    {
        m_tokens.reset();
        m_keychain.reset();
        m_settings.reset();
    }

    void storageKeysAreNamespaced_data()
    {
        QTest::addColumn<TokenKey>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("https default port") << jdoe << u"pat/gitlab.example.com:443/jdoe"_s;
        QTest::newRow("explicit default port is the same key")
            << TokenKey{TokenKind::PersonalAccessToken,
                        QUrl(u"https://GitLab.Example.com:443/"_s),
                        u"jdoe"_s,
                        {}}
            << u"pat/gitlab.example.com:443/jdoe"_s;
        QTest::newRow("http and other port") << TokenKey{TokenKind::PersonalAccessToken,
                                                         QUrl(u"http://127.0.0.1:8080"_s),
                                                         u"root"_s,
                                                         {}}
                                             << u"pat/127.0.0.1:8080/root"_s;
        QTest::newRow("http default port")
            << TokenKey{TokenKind::PersonalAccessToken, QUrl(u"http://gl.local"_s), u"root"_s, {}}
            << u"pat/gl.local:80/root"_s;
        QTest::newRow("ipv6") << TokenKey{TokenKind::PersonalAccessToken,
                                          QUrl(u"https://[::1]:8443"_s),
                                          u"root"_s,
                                          {}}
                              << u"pat/[::1]:8443/root"_s;
        QTest::newRow("idn host") << TokenKey{TokenKind::PersonalAccessToken,
                                              QUrl(u"https://gitlab.bücher.example"_s),
                                              u"u"_s,
                                              {}}
                                  << u"pat/gitlab.xn--bcher-kva.example:443/u"_s;
        QTest::newRow("relative url root") << TokenKey{TokenKind::PersonalAccessToken,
                                                       QUrl(u"https://example.com/gitlab/"_s),
                                                       u"u"_s,
                                                       {}}
                                           << u"pat/example.com:443%2Fgitlab/u"_s;
        QTest::newRow("account cannot forge a key") << TokenKey{TokenKind::PersonalAccessToken,
                                                                QUrl(u"https://h.example"_s),
                                                                u"a/../b"_s,
                                                                {}}
                                                    << u"pat/h.example:443/a%2F..%2Fb"_s;
        QTest::newRow("trigger token")
            << TokenKey{TokenKind::TriggerToken, QUrl(u"https://h.example"_s), u"jdoe"_s, u"42/7"_s}
            << u"trigger/h.example:443/jdoe/42%2F7"_s;
        QTest::newRow("no host") << TokenKey{TokenKind::PersonalAccessToken,
                                             QUrl(u"file:///x"_s),
                                             u"u"_s,
                                             {}}
                                 << QString();
        QTest::newRow("no account")
            << TokenKey{TokenKind::PersonalAccessToken, QUrl(u"https://h.example"_s), {}, {}}
            << QString();
        QTest::newRow("unknown scheme, no port")
            << TokenKey{TokenKind::PersonalAccessToken, QUrl(u"ftp://h.example"_s), u"u"_s, {}}
            << QString();
        QTest::newRow("trigger without qualifier")
            << TokenKey{TokenKind::TriggerToken, QUrl(u"https://h.example"_s), u"u"_s, {}}
            << QString();
        QTest::newRow("preset value")
            << TokenKey{TokenKind::PresetValue, QUrl(u"https://h.example"_s), u"jdoe"_s,
                        presetQualifier(42, u"Release"_s, u"DEPLOY_KEY"_s)}
            << u"preset/h.example:443/jdoe/42%2FRelease%2FDEPLOY_KEY"_s;
        // A '/' in a preset name is encoded twice, so it cannot pose as the separator.
        QTest::newRow("preset name with a slash")
            << TokenKey{TokenKind::PresetValue, QUrl(u"https://h.example"_s), u"jdoe"_s,
                        presetQualifier(42, u"a/b"_s, u"C"_s)}
            << u"preset/h.example:443/jdoe/42%2Fa%252Fb%2FC"_s;
        QTest::newRow("preset value without qualifier")
            << TokenKey{TokenKind::PresetValue, QUrl(u"https://h.example"_s), u"u"_s, {}}
            << QString();
    }

    void storageKeysAreNamespaced()
    {
        QFETCH(TokenKey, key);
        QFETCH(QString, expected);
        QCOMPARE(key.storageKey(), expected);
        QCOMPARE(key.isValid(), !expected.isEmpty());
    }

    void saveRecordsTheIndexOnlyAfterTheKeychainConfirmed()
    {
        m_keychain->setBehaviour(SecretOperation::Write,
                                 FakeSecretStore::Behaviour::answerAfter(150ms));
        Outcome saved;
        const QByteArray token = "glpat-IndexAfterWrite0001";
        m_tokens->save(jdoe, token, nullptr, saved.callback());
        QTest::qWait(50);
        QVERIFY(!saved.result);
        QVERIFY(!m_tokens->isRecorded(jdoe));
        QTRY_VERIFY(saved.result.has_value());
        QCOMPARE(saved.result->outcome, TokenOutcome::Saved);
        QVERIFY(m_tokens->isRecorded(jdoe));
        QCOMPARE(m_keychain->entry(u"pat/gitlab.example.com:443/jdoe"_s), token);

        const QList<TokenIndexEntry> entries = m_tokens->recordedTokens();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].storageKey, u"pat/gitlab.example.com:443/jdoe"_s);
        QCOMPARE(entries[0].account, u"jdoe"_s);
        QCOMPARE(entries[0].kind, TokenKind::PersonalAccessToken);
        QCOMPARE(entries[0].instance, QUrl(u"https://gitlab.example.com"_s));
        QVERIFY(entries[0].storedAt.isValid());

        // The index is metadata only: the settings file never holds the token.
        m_settings->sync();
        QVERIFY(!fileContents(m_settingsPath).contains(token));
        QVERIFY(!fileContents(m_settingsPath).contains("IndexAfterWrite"));
    }

    void savedTokensAreMaskedInLogs()
    {
        const QByteArray token = "customtoken-without-prefix-77";
        Outcome saved;
        m_tokens->save(jdoe, token, nullptr, saved.callback());
        QTRY_VERIFY(saved.result.has_value());
        QCOMPARE(redactSecrets(u"header PRIVATE-TOKEN: "_s + QString::fromLatin1(token)),
                 u"header PRIVATE-TOKEN: [redacted]"_s);
    }

    void failedWriteKeepsTheTokenForThisSessionOnly_data()
    {
        QTest::addColumn<SecretStatus>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unavailable")
            << SecretStatus::Unavailable << u"The keychain is locked or unavailable — retry."_s;
        QTest::newRow("access denied")
            << SecretStatus::AccessDenied
            << u"Pipedeck was not allowed to use the keychain — allow access and retry."_s;
        QTest::newRow("timeout") << SecretStatus::Timeout
                                 << u"The keychain did not answer in time — retry."_s;
        QTest::newRow("other") << SecretStatus::OtherError
                               << u"The keychain reported an error — retry."_s;
    }

    void failedWriteKeepsTheTokenForThisSessionOnly()
    {
        QFETCH(SecretStatus, status);
        QFETCH(QString, reason);
        m_keychain->setDeadline(200ms);
        if (status == SecretStatus::Timeout)
            m_keychain->setBehaviour(SecretOperation::Write, FakeSecretStore::Behaviour::hang());
        else
            m_keychain->setBehaviour(SecretOperation::Write,
                                     FakeSecretStore::Behaviour::failWith(status));
        const QByteArray token = "glpat-SessionOnlyCanary01";
        Outcome saved;
        m_tokens->save(jdoe, token, nullptr, saved.callback());
        QTRY_VERIFY(saved.result.has_value());
        QCOMPARE(saved.result->outcome, TokenOutcome::SessionOnly);
        QCOMPARE(saved.result->keychainStatus, status);
        QCOMPARE(saved.result->message, u"Not saved — kept for this session only."_s);
        QCOMPARE(saved.result->reason, reason);
        QVERIFY(!m_tokens->isRecorded(jdoe));
        QVERIFY(m_tokens->hasSessionToken(jdoe));
        QVERIFY(!m_keychain->contains(u"pat/gitlab.example.com:443/jdoe"_s));

        // This run can use it, without asking the keychain.
        const int readsBefore = m_keychain->calls(SecretOperation::Read);
        Outcome loaded;
        m_tokens->load(jdoe, nullptr, loaded.callback());
        QTRY_VERIFY(loaded.result.has_value());
        QCOMPARE(loaded.result->outcome, TokenOutcome::Found);
        QVERIFY(loaded.result->fromSession);
        QCOMPARE(loaded.result->token, token);
        QCOMPARE(m_keychain->calls(SecretOperation::Read), readsBefore);

        // Nothing on disk: not in settings.
        m_settings->sync();
        QVERIFY(!fileContents(m_settingsPath).contains("SessionOnlyCanary"));

        // The next run (a new TokenStore, same settings) does not have it.
        m_keychain->clearBehaviours();
        TokenStore nextRun(*m_keychain, *m_settings);
        Outcome after;
        nextRun.load(jdoe, nullptr, after.callback());
        QTRY_VERIFY(after.result.has_value());
        QCOMPARE(after.result->outcome, TokenOutcome::NotStored);
        QVERIFY(!after.result->needsRetry());
    }

    void successfulSaveReplacesTheSessionCopy()
    {
        m_keychain->queueBehaviour(SecretOperation::Write,
                                   FakeSecretStore::Behaviour::failWith(SecretStatus::Unavailable));
        Outcome first;
        m_tokens->save(jdoe, "glpat-first-attempt-0000", nullptr, first.callback());
        QTRY_VERIFY(first.result.has_value());
        QCOMPARE(first.result->outcome, TokenOutcome::SessionOnly);
        Outcome retry;
        m_tokens->save(jdoe, "glpat-first-attempt-0000", nullptr, retry.callback());
        QTRY_VERIFY(retry.result.has_value());
        QCOMPARE(retry.result->outcome, TokenOutcome::Saved);
        QVERIFY(!m_tokens->hasSessionToken(jdoe));
        QVERIFY(m_tokens->isRecorded(jdoe));
    }

    void neverStoredIsNotStored()
    {
        Outcome loaded;
        m_tokens->load(jdoe, nullptr, loaded.callback());
        QTRY_VERIFY(loaded.result.has_value());
        QCOMPARE(loaded.result->outcome, TokenOutcome::NotStored);
        QCOMPARE(loaded.result->message, u"No token is stored for this account."_s);
        QVERIFY(!loaded.result->needsRetry());
    }

    void recordedButNotFoundIsUnavailableAndTouchesNothing()
    {
        // What a locked gnome-keyring collection does (measured): the read answers "not found".
        saveOk(jdoe, "glpat-LockedCollection0001");
        m_keychain->setLocked(true);
        const int writes = m_keychain->calls(SecretOperation::Write);
        Outcome loaded;
        m_tokens->load(jdoe, nullptr, loaded.callback());
        QTRY_VERIFY(loaded.result.has_value());
        QCOMPARE(loaded.result->outcome, TokenOutcome::KeychainUnavailable);
        QCOMPARE(loaded.result->keychainStatus, SecretStatus::NotFound);
        QCOMPARE(loaded.result->message,
                 u"The keychain is locked, or the token was removed outside Pipedeck — retry."_s);
        QVERIFY(loaded.result->needsRetry());
        QVERIFY(loaded.result->token.isEmpty());
        QVERIFY(m_tokens->isRecorded(jdoe));
        QCOMPARE(m_keychain->calls(SecretOperation::Write), writes);
        QCOMPARE(m_keychain->calls(SecretOperation::Remove), 0);

        // Unlocked again, the very same token is there.
        m_keychain->setLocked(false);
        Outcome again;
        m_tokens->load(jdoe, nullptr, again.callback());
        QTRY_VERIFY(again.result.has_value());
        QCOMPARE(again.result->outcome, TokenOutcome::Found);
        QCOMPARE(again.result->token, QByteArray("glpat-LockedCollection0001"));
    }

    void readFailuresAreNeverLoggedOut_data()
    {
        QTest::addColumn<SecretStatus>("status");
        QTest::addColumn<TokenOutcome>("outcome");
        QTest::newRow("unavailable")
            << SecretStatus::Unavailable << TokenOutcome::KeychainUnavailable;
        QTest::newRow("access denied") << SecretStatus::AccessDenied << TokenOutcome::AccessDenied;
        QTest::newRow("timeout") << SecretStatus::Timeout << TokenOutcome::TimedOut;
        QTest::newRow("other") << SecretStatus::OtherError << TokenOutcome::KeychainError;
    }

    void readFailuresAreNeverLoggedOut()
    {
        QFETCH(SecretStatus, status);
        QFETCH(TokenOutcome, outcome);
        saveOk(jdoe, "glpat-ReadFailureCanary001");
        m_keychain->setDeadline(200ms);
        m_keychain->setBehaviour(SecretOperation::Read,
                                 status == SecretStatus::Timeout
                                     ? FakeSecretStore::Behaviour::hang()
                                     : FakeSecretStore::Behaviour::failWith(status));
        // Also when nothing says a token was stored: a broken keychain is not "no token".
        for (const TokenKey &key :
             {jdoe,
              TokenKey{
                  TokenKind::PersonalAccessToken, QUrl(u"https://other.example"_s), u"x"_s, {}}}) {
            Outcome loaded;
            m_tokens->load(key, nullptr, loaded.callback());
            QTRY_VERIFY(loaded.result.has_value());
            QCOMPARE(loaded.result->outcome, outcome);
            QVERIFY(loaded.result->needsRetry());
            QVERIFY(!loaded.result->message.isEmpty());
        }
        QVERIFY(m_tokens->isRecorded(jdoe));
        QCOMPARE(m_keychain->entry(jdoe.storageKey()), QByteArray("glpat-ReadFailureCanary001"));
        QCOMPARE(m_keychain->calls(SecretOperation::Write), 1);
        QCOMPARE(m_keychain->calls(SecretOperation::Remove), 0);
    }

    void lockedKeychainKeepsTheOldTokenWhenANewOneIsSaved()
    {
        saveOk(jdoe, "glpat-OriginalToken000001");
        m_keychain->setLocked(true);
        Outcome saved;
        m_tokens->save(jdoe, "glpat-ReplacementToken001", nullptr, saved.callback());
        QTRY_VERIFY(saved.result.has_value());
        QCOMPARE(saved.result->outcome, TokenOutcome::SessionOnly);
        QCOMPARE(m_keychain->entry(jdoe.storageKey()), QByteArray("glpat-OriginalToken000001"));
        QVERIFY(m_tokens->isRecorded(jdoe));
        // This run uses what the user just gave.
        Outcome loaded;
        m_tokens->load(jdoe, nullptr, loaded.callback());
        QTRY_VERIFY(loaded.result.has_value());
        QCOMPARE(loaded.result->token, QByteArray("glpat-ReplacementToken001"));
    }

    void tokenValidationHappensBeforeAnyKeychainCall_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("message");
        QTest::newRow("3000 bytes")
            << QByteArray(3000, 'a') << u"The token is too long: 3000 bytes (at most 2000)."_s;
        QTest::newRow("2001 bytes")
            << QByteArray(2001, 'a') << u"The token is too long: 2001 bytes (at most 2000)."_s;
        QTest::newRow("empty") << QByteArray() << u"The token is empty."_s;
        QTest::newRow("newline")
            << QByteArray("glpat-abc\r\nX-Injected: 1")
            << u"The token contains line breaks or other control characters."_s;
    }

    void tokenValidationHappensBeforeAnyKeychainCall()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, message);
        Outcome saved;
        m_tokens->save(jdoe, token, nullptr, saved.callback());
        QVERIFY(!saved.result);
        QTRY_VERIFY(saved.result.has_value());
        QCOMPARE(saved.result->outcome, TokenOutcome::Rejected);
        QCOMPARE(saved.result->message, message);
        QCOMPARE(m_keychain->totalCalls(), 0);
        QVERIFY(!m_tokens->hasSessionToken(jdoe));
        QVERIFY(!m_tokens->isRecorded(jdoe));
    }

    void aHundredByteTokenIsStored()
    {
        const QByteArray token = "glpat-" + QByteArray(94, 'Z');
        QCOMPARE(token.size(), 100);
        saveOk(jdoe, token);
        Outcome loaded;
        m_tokens->load(jdoe, nullptr, loaded.callback());
        QTRY_VERIFY(loaded.result.has_value());
        QCOMPARE(loaded.result->token, token);
        QVERIFY(!loaded.result->fromSession);
    }

    void unusableKeyIsRejected()
    {
        Outcome saved;
        m_tokens->save(TokenKey{TokenKind::PersonalAccessToken, QUrl(), u"u"_s, {}}, "glpat-x12345",
                       nullptr, saved.callback());
        QTRY_VERIFY(saved.result.has_value());
        QCOMPARE(saved.result->outcome, TokenOutcome::Rejected);
        QCOMPARE(m_keychain->totalCalls(), 0);
    }

    void removeForgetsTheIndexOnlyWhenTheKeychainDid()
    {
        saveOk(jdoe, "glpat-RemoveMe00000000001");
        m_keychain->queueBehaviour(SecretOperation::Remove,
                                   FakeSecretStore::Behaviour::failWith(SecretStatus::Unavailable));
        Outcome failed;
        m_tokens->remove(jdoe, nullptr, failed.callback());
        QTRY_VERIFY(failed.result.has_value());
        QCOMPARE(failed.result->outcome, TokenOutcome::KeychainUnavailable);
        QVERIFY(m_tokens->isRecorded(jdoe)); // so a retry can still remove it
        QVERIFY(m_keychain->contains(jdoe.storageKey()));

        Outcome removed;
        m_tokens->remove(jdoe, nullptr, removed.callback());
        QTRY_VERIFY(removed.result.has_value());
        QCOMPARE(removed.result->outcome, TokenOutcome::Removed);
        QVERIFY(!m_tokens->isRecorded(jdoe));
        QVERIFY(!m_keychain->contains(jdoe.storageKey()));
        QVERIFY(m_tokens->recordedTokens().isEmpty());

        // Removing what is already gone is fine.
        Outcome again;
        m_tokens->remove(jdoe, nullptr, again.callback());
        QTRY_VERIFY(again.result.has_value());
        QCOMPARE(again.result->outcome, TokenOutcome::Removed);
    }

    void removeWhileLockedRemovesNothing()
    {
        saveOk(jdoe, "glpat-RemoveWhileLocked01");
        m_keychain->setLocked(true); // deletes "succeed" without deleting, as gnome-keyring's do
        Outcome removed;
        m_tokens->remove(jdoe, nullptr, removed.callback());
        QTRY_VERIFY(removed.result.has_value());
        QCOMPARE(removed.result->outcome, TokenOutcome::KeychainUnavailable);
        QVERIFY(removed.result->needsRetry());
        QVERIFY(m_tokens->isRecorded(jdoe));
        QCOMPARE(m_keychain->entry(jdoe.storageKey()), QByteArray("glpat-RemoveWhileLocked01"));

        m_keychain->setLocked(false);
        Outcome retried;
        m_tokens->remove(jdoe, nullptr, retried.callback());
        QTRY_VERIFY(retried.result.has_value());
        QCOMPARE(retried.result->outcome, TokenOutcome::Removed);
        QVERIFY(!m_keychain->contains(jdoe.storageKey()));
        // The writability probe is gone again.
        QTRY_VERIFY(!m_keychain->contains(TokenStore::writableProbeKey()));
        QCOMPARE(m_keychain->keys().size(), 0);
    }

    void removeDropsTheSessionCopy()
    {
        m_keychain->setBehaviour(SecretOperation::Write,
                                 FakeSecretStore::Behaviour::failWith(SecretStatus::Unavailable));
        Outcome saved;
        m_tokens->save(jdoe, "glpat-SessionCopy00000001", nullptr, saved.callback());
        QTRY_VERIFY(saved.result.has_value());
        QVERIFY(m_tokens->hasSessionToken(jdoe));
        Outcome removed;
        m_tokens->remove(jdoe, nullptr, removed.callback());
        QTRY_VERIFY(removed.result.has_value());
        QVERIFY(!m_tokens->hasSessionToken(jdoe));
    }

    void readingAnUnindexedTokenRecordsIt()
    {
        // A write that answered after its deadline, or an index lost with old settings.
        m_keychain->seed(jdoe.storageKey(), "glpat-FoundWithoutIndex01");
        QVERIFY(!m_tokens->isRecorded(jdoe));
        Outcome loaded;
        m_tokens->load(jdoe, nullptr, loaded.callback());
        QTRY_VERIFY(loaded.result.has_value());
        QCOMPARE(loaded.result->outcome, TokenOutcome::Found);
        QVERIFY(m_tokens->isRecorded(jdoe));
    }

    void migrateMovesALegacyEntryAndRecordsIt()
    {
        FakeSecretStore legacy;
        legacy.seed(u"jdoe"_s, "glpat-LegacyLayout0000001");
        Outcome migrated;
        m_tokens->migrate(legacy, u"jdoe"_s, jdoe, nullptr, migrated.callback());
        QTRY_VERIFY(migrated.result.has_value());
        QCOMPARE(migrated.result->outcome, TokenOutcome::Saved);
        QVERIFY(m_tokens->isRecorded(jdoe));
        QCOMPARE(m_keychain->entry(jdoe.storageKey()), QByteArray("glpat-LegacyLayout0000001"));
        QVERIFY(!legacy.contains(u"jdoe"_s));
    }

    void migrateFailureKeepsLegacyAndRecordsNothing()
    {
        FakeSecretStore legacy;
        legacy.seed(u"jdoe"_s, "glpat-LegacyLayout0000002");
        m_keychain->setBehaviour(SecretOperation::Read,
                                 FakeSecretStore::Behaviour::failWith(SecretStatus::Unavailable));
        Outcome migrated;
        m_tokens->migrate(legacy, u"jdoe"_s, jdoe, nullptr, migrated.callback());
        QTRY_VERIFY(migrated.result.has_value());
        QCOMPARE(migrated.result->outcome, TokenOutcome::KeychainUnavailable);
        QVERIFY(!m_tokens->isRecorded(jdoe));
        QCOMPARE(legacy.entry(u"jdoe"_s), QByteArray("glpat-LegacyLayout0000002"));
    }

    void noCallbackAfterTheCallersContextIsGone()
    {
        m_keychain->setBehaviour(SecretOperation::Read,
                                 FakeSecretStore::Behaviour::answerAfter(30ms));
        bool called = false;
        auto *context = new QObject;
        m_tokens->load(jdoe, context, [&](const TokenResult &) { called = true; });
        delete context;
        QTRY_COMPARE(m_keychain->pendingOperations(), 0);
        QTest::qWait(20);
        QVERIFY(!called);
    }

    void destroyingTheTokenStoreWithPendingWorkIsSafe()
    {
        m_keychain->setBehaviour(SecretOperation::Write,
                                 FakeSecretStore::Behaviour::answerAfter(30ms));
        bool called = false;
        m_tokens->save(jdoe, "glpat-Destroyed0000000001", nullptr,
                       [&](const TokenResult &) { called = true; });
        m_tokens.reset();
        QTest::qWait(80);
        QVERIFY(!called);
        // The keychain did its part; the next run finds and records it.
        QVERIFY(m_keychain->contains(jdoe.storageKey()));
    }

private:
    void saveOk(const TokenKey &key, const QByteArray &token)
    {
        Outcome saved;
        m_tokens->save(key, token, nullptr, saved.callback());
        QTRY_VERIFY(saved.result.has_value());
        QCOMPARE(saved.result->outcome, TokenOutcome::Saved);
    }

    static QByteArray fileContents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
    int m_run = 0;
    QString m_settingsPath;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<FakeSecretStore> m_keychain;
    std::unique_ptr<TokenStore> m_tokens;
};

QTEST_GUILESS_MAIN(TokenStoreTest)
#include "tst_secrets_token_store.moc"
