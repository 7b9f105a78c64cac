// Saved accounts across restarts: a locked keychain keeps the account ("locked — retry"),
// never turns into "signed out", and a failed write keeps the token for this run only.
// The keychain faults come from FakeSecretStore (the real one is covered in tests/secrets).
#include "accounts/account_registry.h"
#include "accounts/session_manager.h"
#include "accounts/sign_in_check.h"
#include "gitlab/net/connection.h"
#include "gitlab/requests/instance_requests.h"
#include "gitlab/tls_sim.h"
#include "secrets/token_store.h"
#include "sim/server.h"
#include "support/fake_secret_store.h"

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
    QString signIn(SessionManager &sessions, const QString &instance = {},
                   const tls::TlsTrust &trust = {})
    {
        SignInCheck check;
        QSignalSpy finished(&check, &SignInCheck::finished);
        check.start(instance.isEmpty() ? m_server->baseUrl().toString() : instance, m_token,
                    Account::Origin::Saved, sessions.connectionOptions(), trust);
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

    static gitlab::Status currentUser(gitlab::Connection &connection)
    {
        gitlab::GetCurrentUser request;
        QSignalSpy finished(&request, &gitlab::Request::finished);
        request.start(&connection);
        if (!finished.wait(10000))
            qFatal("GET /user did not finish");
        return request.status();
    }

    void trustedCertificateIsKeptPerAccountAndRemovable()
    {
        QVERIFY2(tlstest::missingTlsBackend().isEmpty(), qPrintable(tlstest::missingTlsBackend()));
        const auto chain = tlstest::makeChain(QStringLiteral("localhost"));
        QVERIFY2(chain->error.isEmpty(), qPrintable(chain->error));
        const auto tlsServer = tlstest::startTlsSim(*chain, tlstest::apiToken(m_token));
        sim::Server &server = *tlsServer;
        const QString instance = QStringLiteral("https://localhost:%1").arg(server.port());
        tls::TlsTrust trust;
        trust.add(chain->ca);

        FakeSecretStore keychain;
        QString id;
        {
            QSettings settings(iniPath(), QSettings::IniFormat);
            TokenStore tokens(keychain, settings);
            AccountRegistry registry(settings);
            SessionManager sessions(registry, tokens, {});
            id = signIn(sessions, instance, trust);
            QVERIFY(!id.isEmpty());
            QTRY_COMPARE(keychain.keys().size(), 1);
            QCOMPARE(registry.find(id)->tlsTrust, trust);
        }
        {
            // After a restart: read back from settings, applied to the restored connection.
            QSettings settings(iniPath(), QSettings::IniFormat);
            QVERIFY(settings.allKeys()
                        .join(QLatin1Char(' '))
                        .contains(QStringLiteral("trustedCertificates")));
            TokenStore tokens(keychain, settings);
            AccountRegistry registry(settings);
            QCOMPARE(registry.find(id)->tlsTrust, trust);
            SessionManager sessions(registry, tokens, {});
            sessions.restoreSavedAccounts();
            QTRY_COMPARE(sessions.session(id)->state, AccountSession::State::Ready);
            QCOMPARE(sessions.connection(id)->tlsTrust(), trust);
            QVERIFY(currentUser(*sessions.connection(id)).ok());

            // Another account on the same computer does not inherit it.
            gitlab::Connection stranger{QUrl(instance)};
            QCOMPARE(gitlab::Status::codeName(currentUser(stranger).code()),
                     gitlab::Status::codeName(gitlab::Status::TlsError));

            QSignalSpy changed(&sessions, &SessionManager::sessionChanged);
            sessions.setTlsTrust(id, {});
            QCOMPARE(changed.size(), 1);
            QVERIFY(sessions.session(id)->account.tlsTrust.isEmpty());
            QVERIFY(registry.find(id)->tlsTrust.isEmpty());
            server.clearRequests();
            QCOMPARE(gitlab::Status::codeName(currentUser(*sessions.connection(id)).code()),
                     gitlab::Status::codeName(gitlab::Status::TlsError));
            QVERIFY(server.requests().isEmpty());
        }
        QSettings settings(iniPath(), QSettings::IniFormat);
        QVERIFY(!settings.allKeys()
                     .join(QLatin1Char(' '))
                     .contains(QStringLiteral("trustedCertificates")));
        AccountRegistry registry(settings);
        QVERIFY(registry.find(id)->tlsTrust.isEmpty());
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
