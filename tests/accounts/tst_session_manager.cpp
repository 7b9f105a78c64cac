// Saved accounts across restarts: a locked keychain keeps the account ("locked — retry"),
// never turns into "signed out", and a failed write keeps the token for this run only.
// The keychain faults come from FakeSecretStore (the real one is covered in tests/secrets).
#include "accounts/account_registry.h"
#include "accounts/session_manager.h"
#include "accounts/sign_in_check.h"
#include "gitlab/net/connection.h"
#include "secrets/fake_secret_store.h"
#include "secrets/token_store.h"
#include "sim/server.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace pipedeck;

class TestSessionManager : public QObject
{
    Q_OBJECT
private:
    QString m_token = QStringLiteral("canary-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<sim::Server> m_server;
    QTemporaryDir m_dir;

    QString iniPath() const { return m_dir.filePath(QStringLiteral("pipedeck.ini")); }

    // Signs in through the real check, as the dialog does, into a fresh manager.
    QString signIn(SessionManager &sessions)
    {
        SignInCheck check;
        QSignalSpy finished(&check, &SignInCheck::finished);
        check.start(m_server->baseUrl().toString(), m_token, Account::Origin::Saved,
                    sessions.connectionOptions());
        if (!finished.wait(10000))
            return {};
        const auto result = finished.constFirst().constFirst().value<SignInCheck::Result>();
        if (!result.ok)
            return {};
        sessions.addSignedIn(result.account, check.takeConnection(), m_token.toUtf8());
        return result.account.id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<SignInCheck::Result>();
        sim::ServerOptions options;
        options.bigLog = false;
        options.tokens = {{m_token, QStringLiteral("demo"), {QStringLiteral("api")}, {}}};
        m_server = std::make_unique<sim::Server>(options);
        QVERIFY(m_server->listen());
    }

    void init() { QFile::remove(iniPath()); }

    void restartReadsTheTokenBack()
    {
        FakeSecretStore keychain;
        QString id;
        {
            QSettings settings(iniPath(), QSettings::IniFormat);
            TokenStore tokens(keychain, settings);
            AccountRegistry registry(settings);
            SessionManager sessions(registry, tokens, {});
            id = signIn(sessions);
            QVERIFY(!id.isEmpty());
            QTRY_COMPARE(keychain.keys().size(), 1);
        }
        QSettings settings(iniPath(), QSettings::IniFormat);
        TokenStore tokens(keychain, settings);
        AccountRegistry registry(settings);
        SessionManager sessions(registry, tokens, {});
        sessions.restoreSavedAccounts();
        QCOMPARE(sessions.session(id)->state, AccountSession::State::LoadingToken);
        QTRY_COMPARE(sessions.session(id)->state, AccountSession::State::Ready);
        QVERIFY(sessions.connection(id));
        QVERIFY(sessions.connection(id)->hasToken());
    }

    void lockedKeychainIsNotSignedOut()
    {
        FakeSecretStore keychain;
        QString id;
        {
            QSettings settings(iniPath(), QSettings::IniFormat);
            TokenStore tokens(keychain, settings);
            AccountRegistry registry(settings);
            SessionManager sessions(registry, tokens, {});
            id = signIn(sessions);
            QTRY_COMPARE(keychain.keys().size(), 1);
        }
        keychain.setLocked(true);
        QSettings settings(iniPath(), QSettings::IniFormat);
        TokenStore tokens(keychain, settings);
        AccountRegistry registry(settings);
        SessionManager sessions(registry, tokens, {});
        sessions.restoreSavedAccounts();
        QTRY_COMPARE(sessions.session(id)->state, AccountSession::State::CredentialsUnavailable);
        QVERIFY2(sessions.session(id)->message.contains(QStringLiteral("retry")),
                 qPrintable(sessions.session(id)->message));
        QVERIFY(!sessions.connection(id));
        QCOMPARE(registry.accounts().size(), 1); // the account is kept
        QCOMPARE(keychain.keys().size(), 1);     // nothing overwritten or deleted

        keychain.setLocked(false);
        sessions.retryCredentials(id);
        QTRY_COMPARE(sessions.session(id)->state, AccountSession::State::Ready);
    }

    void failedWriteKeepsTheTokenForThisRunOnly()
    {
        FakeSecretStore keychain;
        keychain.setBehaviour(SecretOperation::Write,
                              FakeSecretStore::Behaviour::failWith(SecretStatus::Unavailable));
        QSettings settings(iniPath(), QSettings::IniFormat);
        TokenStore tokens(keychain, settings);
        AccountRegistry registry(settings);
        SessionManager sessions(registry, tokens, {});
        QSignalSpy notices(&sessions, &SessionManager::notice);
        const QString id = signIn(sessions);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE(notices.size(), 1);
        QVERIFY(notices.constFirst().at(1).toString().contains(QStringLiteral("session only")));
        QVERIFY(sessions.session(id)->sessionOnly);
        QCOMPARE(sessions.session(id)->state, AccountSession::State::Ready);
        QVERIFY(keychain.keys().isEmpty());
        settings.sync();
        QFile ini(iniPath());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(m_token.toUtf8()));
    }

    void signOutForgetsAccountAndToken()
    {
        FakeSecretStore keychain;
        QSettings settings(iniPath(), QSettings::IniFormat);
        TokenStore tokens(keychain, settings);
        AccountRegistry registry(settings);
        SessionManager sessions(registry, tokens, {});
        const QString id = signIn(sessions);
        QTRY_COMPARE(keychain.keys().size(), 1);
        QSignalSpy removed(&sessions, &SessionManager::sessionRemoved);
        sessions.signOut(id);
        QCOMPARE(removed.size(), 1);
        QVERIFY(!sessions.session(id));
        QVERIFY(registry.accounts().isEmpty());
        QTRY_VERIFY(keychain.keys().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSessionManager)
#include "tst_session_manager.moc"
