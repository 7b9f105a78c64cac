// The "Add account" flow as a user drives it, offscreen, against pipedeck-sim.
#include "accounts/account_registry.h"
#include "accounts/session_manager.h"
#include "gitlab/net/connection.h"
#include "secrets/keychain_secret_store.h"
#include "secrets/token_store.h"
#include "signin/sign_in_controller.h"
#include "signin/sign_in_dialog.h"
#include "sim/server.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace pipedeck;

class TestSignInDialog : public QObject
{
    Q_OBJECT
private:
    QString m_token = QStringLiteral("canary-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<sim::Server> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KeychainSecretStore> m_store; // the real Secret Service
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<AccountRegistry> m_registry;
    std::unique_ptr<SessionManager> m_sessions;

    static void typeInto(QLineEdit *edit, const QString &text)
    {
        edit->clear();
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void init()
    {
        sim::ServerOptions options;
        options.bigLog = false;
        options.tokens = {{m_token, QStringLiteral("demo"), {QStringLiteral("api")}, {}}};
        m_server = std::make_unique<sim::Server>(options);
        QVERIFY(m_server->listen());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("p.ini")),
                                                 QSettings::IniFormat);
        m_settings->clear();
        m_store = std::make_unique<KeychainSecretStore>(QStringLiteral("pipedeck-test-") +
                                                        QUuid::createUuid().toString(QUuid::Id128));
        m_tokens = std::make_unique<TokenStore>(*m_store, *m_settings);
        m_registry = std::make_unique<AccountRegistry>(*m_settings);
        gitlab::ConnectionOptions connectionOptions;
        connectionOptions.retry.maxAttempts = 1;
        m_sessions = std::make_unique<SessionManager>(*m_registry, *m_tokens, connectionOptions);
    }

    void cleanup()
    {
        m_sessions.reset();
        m_registry.reset();
        m_tokens.reset();
        m_store.reset();
        m_settings.reset();
        m_server.reset();
    }

    void refusedTokenKeepsWhatTheUserTyped()
    {
        SignInController controller(*m_sessions);
        SignInDialog *dialog = controller.open(nullptr);
        auto *instance = dialog->findChild<QLineEdit *>(QStringLiteral("instance"));
        auto *token = dialog->findChild<QLineEdit *>(QStringLiteral("token"));
        auto *signIn = dialog->findChild<QPushButton *>(QStringLiteral("signIn"));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("error"));
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        QCOMPARE(error->textFormat(), Qt::PlainText);

        typeInto(instance, m_server->baseUrl().toString());
        typeInto(token, QStringLiteral("not-the-right-token"));
        QVERIFY(signIn->isEnabled());
        QTest::mouseClick(signIn, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
        QVERIFY(error->text().contains(QStringLiteral("did not accept")));
        QCOMPARE(instance->text(), m_server->baseUrl().toString());
        QCOMPARE(token->text(), QStringLiteral("not-the-right-token"));
        QVERIFY(m_sessions->accountIds().isEmpty());
        QVERIFY(m_tokens->recordedTokens().isEmpty());
        delete dialog;
    }

    void acceptedTokenIsStoredInTheKeychainOnly()
    {
        SignInController controller(*m_sessions);
        QSignalSpy added(&controller, &SignInController::accountAdded);
        SignInDialog *dialog = controller.open(nullptr);
        auto *instance = dialog->findChild<QLineEdit *>(QStringLiteral("instance"));
        auto *token = dialog->findChild<QLineEdit *>(QStringLiteral("token"));
        auto *signIn = dialog->findChild<QPushButton *>(QStringLiteral("signIn"));
        auto *success = dialog->findChild<QLabel *>(QStringLiteral("success"));
        typeInto(instance, m_server->baseUrl().toString());
        typeInto(token, m_token);
        QTest::mouseClick(signIn, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 10000);
        QVERIFY(success->isVisible());
        QVERIFY(success->text().contains(QStringLiteral("@demo")));
        QVERIFY(success->text().contains(QStringLiteral("api")));

        const QString id = added.constFirst().constFirst().toString();
        const AccountSession *session = m_sessions->session(id);
        QVERIFY(session);
        QCOMPARE(session->state, AccountSession::State::Ready);
        QVERIFY(session->connection);
        // The keychain has it; the settings file does not.
        const TokenKey key{
            TokenKind::PersonalAccessToken, m_server->baseUrl(), QStringLiteral("demo"), {}};
        QTRY_VERIFY_WITH_TIMEOUT(m_tokens->isRecorded(key), 10000);
        QVERIFY(!m_tokens->hasSessionToken(key));
        TokenStore freshStore(*m_store, *m_settings); // as after a restart
        std::optional<TokenResult> loaded;
        freshStore.load(key, this, [&](const TokenResult &r) { loaded = r; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 10000);
        QCOMPARE(loaded->outcome, TokenOutcome::Found);
        QCOMPARE(loaded->token, m_token.toUtf8());
        QVERIFY(!loaded->fromSession);
        std::optional<TokenResult> removed;
        freshStore.remove(key, this, [&](const TokenResult &r) { removed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 10000);
        m_settings->sync();
        QFile ini(m_settings->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(m_token.toUtf8()));
        delete dialog;
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_sign_in_dialog.moc"
