// The "Add account" flow against a self-managed GitLab with an internal CA (pipedeck-sim over
// https, a chain made at test time): the refused certificate is shown, the user trusts the CA
// file (or a self-signed certificate) for this account, and can stop trusting it in the
// account's details. Also: a token the keychain refused is said to be kept for this session
// only in the dialog itself. The keychain is FakeSecretStore: the refusal is its fault to
// produce, and the keychain itself is tested in tests/secrets.
#include "accounts/account_registry.h"
#include "accounts/session_manager.h"
#include "gitlab/net/connection.h"
#include "gitlab/tls_sim.h"
#include "secrets/token_store.h"
#include "signin/certificate_trust_dialog.h"
#include "signin/sign_in_controller.h"
#include "signin/sign_in_dialog.h"
#include "sim/server.h"
#include "support/fake_secret_store.h"
#include "tls/certificate_problem.h"
#include "ui/main_window.h"

#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace pipedeck;

class TestSignInTrust : public QObject
{
    Q_OBJECT
private:
    QString m_token = QStringLiteral("canary-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<tlstest::Chain> m_chain;
    std::unique_ptr<sim::Server> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<FakeSecretStore> m_keychain;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<AccountRegistry> m_registry;
    std::unique_ptr<SessionManager> m_sessions;

    std::unique_ptr<sim::Server> startTlsSim(const tlstest::Chain &chain)
    {
        return tlstest::startTlsSim(chain, tlstest::apiToken(m_token));
    }

    static QString urlOf(const sim::Server &server, const QString &host)
    {
        return QStringLiteral("https://%1:%2").arg(host).arg(server.port());
    }

    template<class W> static W *child(QWidget *parent, const char *name)
    {
        auto *widget = parent->findChild<W *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }

    static void signIn(SignInDialog *dialog, const QString &instance, const QString &token)
    {
        auto *instanceEdit = child<QLineEdit>(dialog, "instance");
        auto *tokenEdit = child<QLineEdit>(dialog, "token");
        instanceEdit->clear();
        QTest::keyClicks(instanceEdit, instance);
        tokenEdit->clear();
        QTest::keyClicks(tokenEdit, token);
        QTest::mouseClick(child<QPushButton>(dialog, "signIn"), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(tlstest::missingTlsBackend().isEmpty(), qPrintable(tlstest::missingTlsBackend()));
        m_chain = tlstest::makeChain(QStringLiteral("localhost"));
        QVERIFY2(m_chain->error.isEmpty(), qPrintable(m_chain->error));
    }

    void init()
    {
        m_server = startTlsSim(*m_chain);
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("p.ini")),
                                                 QSettings::IniFormat);
        m_settings->clear();
        m_keychain = std::make_unique<FakeSecretStore>();
        m_tokens = std::make_unique<TokenStore>(*m_keychain, *m_settings);
        m_registry = std::make_unique<AccountRegistry>(*m_settings);
        gitlab::ConnectionOptions options;
        options.retry.maxAttempts = 1;
        m_sessions = std::make_unique<SessionManager>(*m_registry, *m_tokens, options);
    }

    void cleanup()
    {
        m_sessions.reset();
        m_registry.reset();
        m_tokens.reset();
        m_keychain.reset();
        m_settings.reset();
        m_server.reset();
    }

    void trustTheCaFileThenStopTrustingIt()
    {
        SignInController controller(*m_sessions);
        QSignalSpy added(&controller, &SignInController::accountAdded);
        SignInDialog *dialog = controller.open(nullptr);
        auto *error = child<QLabel>(dialog, "error");
        auto *certificate = child<QLabel>(dialog, "certificate");
        auto *trustFile = child<QPushButton>(dialog, "trustCaFile");
        auto *trustCertificate = child<QPushButton>(dialog, "trustCertificate");
        QCOMPARE(certificate->textFormat(), Qt::PlainText);

        signIn(dialog, urlOf(*m_server, QStringLiteral("localhost")), m_token);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
        QVERIFY2(error->text().contains(QStringLiteral("could not be verified")),
                 qPrintable(error->text()));
        QVERIFY(certificate->isVisible());
        const QString details = certificate->text();
        for (const QString &part :
             {QStringLiteral("CN=localhost"), QStringLiteral("CN=Pipedeck Test CA"),
              tls::CertificateProblem::fingerprint(m_chain->server),
              tls::CertificateProblem::reasonText(QSslError::UnableToGetLocalIssuerCertificate)})
            QVERIFY2(details.contains(part), qPrintable(details));
        QVERIFY(trustFile->isVisible());
        // Only its own certificate was sent, issued by the CA: trusting it could not help.
        QVERIFY(!trustCertificate->isVisible());
        QVERIFY(m_server->requests().isEmpty());

        // A file without a certificate: said, nothing trusted, nothing asked.
        QFile notes(m_dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly) && notes.write("hello") == 5);
        notes.close();
        controller.trustCaFile(notes.fileName());
        QVERIFY2(error->text().contains(QStringLiteral("holds no certificate")),
                 qPrintable(error->text()));
        QVERIFY(!controller.trustDialog());

        // Picked in the file dialog, then asked about: Cancel trusts nothing.
        QTest::mouseClick(trustFile, Qt::LeftButton);
        auto *picker = dialog->findChild<QFileDialog *>(QStringLiteral("caFilePicker"));
        QVERIFY(picker);
        picker->selectFile(m_chain->caPath());
        QVERIFY(QMetaObject::invokeMethod(picker, "accept")); // as the Open button does
        QTRY_VERIFY(controller.trustDialog());
        CertificateTrustDialog *ask = controller.trustDialog();
        QCOMPARE(ask->certificates(), QList<QSslCertificate>{m_chain->ca});
        const QString asked = child<QLabel>(ask, "certificateDetails")->text();
        QVERIFY2(asked.contains(tls::CertificateProblem::fingerprint(m_chain->ca)),
                 qPrintable(asked));
        QVERIFY(!ask->trustButton()->isDefault());
        ask->reject();
        QVERIFY(controller.pendingTrust().isEmpty());
        QVERIFY(m_server->requests().isEmpty());

        controller.trustCaFile(m_chain->caPath());
        QVERIFY(controller.trustDialog());
        QTest::mouseClick(controller.trustDialog()->trustButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 10000);
        auto *success = child<QLabel>(dialog, "success");
        QVERIFY2(success->text().contains(QStringLiteral("Also trusts the certificate "
                                                         "CN=Pipedeck Test CA")),
                 qPrintable(success->text()));
        const QString id = added.constFirst().constFirst().toString();
        QCOMPARE(m_registry->find(id)->tlsTrust.certificates(),
                 QList<QSslCertificate>{m_chain->ca});
        QVERIFY(m_sessions->connection(id));
        QCOMPARE(m_sessions->connection(id)->tlsTrust().certificates(),
                 QList<QSslCertificate>{m_chain->ca});
        delete dialog;

        // In the account's details: shown, and removable.
        MainWindow window(*m_sessions);
        window.setCurrentAccount(id);
        auto *trusted = child<QLabel>(&window, "trustedCertificates");
        auto *remove = child<QPushButton>(&window, "removeTrust");
        QVERIFY(trusted->isVisibleTo(&window));
        QVERIFY2(trusted->text().contains(QStringLiteral("CN=Pipedeck Test CA")),
                 qPrintable(trusted->text()));
        QVERIFY(trusted->toolTip().contains(tls::CertificateProblem::fingerprint(m_chain->ca)));
        QVERIFY(!remove->accessibleName().isEmpty());
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(m_registry->find(id)->tlsTrust.isEmpty());
        QVERIFY(m_sessions->connection(id)->tlsTrust().isEmpty());
        QVERIFY(!trusted->isVisibleTo(&window));
        m_settings->sync();
        QVERIFY(!m_settings->allKeys()
                     .join(QLatin1Char(' '))
                     .contains(QStringLiteral("trustedCertificates")));
    }

    void trustASelfSignedCertificate()
    {
        auto selfSigned = tlstest::makeSelfSigned(QStringLiteral("localhost"));
        QVERIFY2(selfSigned->error.isEmpty(), qPrintable(selfSigned->error));
        auto server = startTlsSim(*selfSigned);
        SignInController controller(*m_sessions);
        QSignalSpy added(&controller, &SignInController::accountAdded);
        SignInDialog *dialog = controller.open(nullptr);
        auto *trustCertificate = child<QPushButton>(dialog, "trustCertificate");
        signIn(dialog, urlOf(*server, QStringLiteral("localhost")), m_token);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(dialog, "error")->isVisible(), 10000);
        QVERIFY(trustCertificate->isVisible());
        QTest::mouseClick(trustCertificate, Qt::LeftButton);
        QVERIFY(controller.trustDialog());
        QCOMPARE(controller.trustDialog()->certificates(),
                 QList<QSslCertificate>{selfSigned->server});
        QTest::mouseClick(controller.trustDialog()->trustButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 10000);
        const QString id = added.constFirst().constFirst().toString();
        QCOMPARE(m_registry->find(id)->tlsTrust.certificates(),
                 QList<QSslCertificate>{selfSigned->server});
        delete dialog;
    }

    void aWrongHostNameOffersNoTrust()
    {
        SignInController controller(*m_sessions);
        SignInDialog *dialog = controller.open(nullptr);
        signIn(dialog, urlOf(*m_server, QStringLiteral("127.0.0.1")), m_token);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(dialog, "error")->isVisible(), 10000);
        auto *certificate = child<QLabel>(dialog, "certificate");
        QVERIFY(certificate->isVisible());
        QVERIFY2(certificate->text().contains(
                     tls::CertificateProblem::reasonText(QSslError::HostNameMismatch)),
                 qPrintable(certificate->text()));
        QVERIFY(!child<QPushButton>(dialog, "trustCaFile")->isVisible());
        QVERIFY(!child<QPushButton>(dialog, "trustCertificate")->isVisible());
        delete dialog;
    }

    void trustIsNotCarriedToAnotherInstance()
    {
        SignInController controller(*m_sessions);
        SignInDialog *dialog = controller.open(nullptr);
        signIn(dialog, urlOf(*m_server, QStringLiteral("localhost")), m_token);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(dialog, "error")->isVisible(), 10000);
        controller.trustCaFile(m_chain->caPath());
        QVERIFY(controller.trustDialog());
        // Changed while being asked: the trust stays with the address it was asked for.
        auto other = startTlsSim(*m_chain);
        auto *instanceEdit = child<QLineEdit>(dialog, "instance");
        instanceEdit->setText(urlOf(*other, QStringLiteral("localhost")));
        QTest::mouseClick(controller.trustDialog()->trustButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(dialog, "error")->isVisible(), 10000);
        QVERIFY(controller.pendingTrust().isEmpty());
        QVERIFY(other->requests().isEmpty());
        delete dialog;
    }

    void tokenTheKeychainRefusedIsSaidInTheDialog()
    {
        m_keychain->setBehaviour(SecretOperation::Write,
                                 FakeSecretStore::Behaviour::failWith(SecretStatus::Unavailable));
        SignInController controller(*m_sessions);
        QSignalSpy added(&controller, &SignInController::accountAdded);
        SignInDialog *dialog = controller.open(nullptr);
        signIn(dialog, urlOf(*m_server, QStringLiteral("localhost")), m_token);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(dialog, "error")->isVisible(), 10000);
        controller.trustCaFile(m_chain->caPath());
        QTest::mouseClick(controller.trustDialog()->trustButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 10000);
        auto *warning = child<QLabel>(dialog, "warning");
        QTRY_VERIFY_WITH_TIMEOUT(warning->isVisible(), 10000);
        QVERIFY2(warning->text().contains(QStringLiteral("kept for this session only")),
                 qPrintable(warning->text()));
        const QString id = added.constFirst().constFirst().toString();
        QVERIFY(m_sessions->session(id)->sessionOnly);
        QVERIFY(m_keychain->keys().isEmpty());
        delete dialog;
    }
};

QTEST_MAIN(TestSignInTrust)
#include "tst_sign_in_trust.moc"
