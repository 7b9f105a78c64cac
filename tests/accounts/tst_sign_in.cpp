// Sign-in against pipedeck-sim over loopback: every message the issue names.
#include "accounts/sign_in_check.h"
#include "gitlab/net/connection.h"
#include "gitlab/tls_sim.h"
#include "secrets/token_store.h"
#include "sim/server.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using pipedeck::Account;
using pipedeck::SignInCheck;
namespace sim = pipedeck::sim;

namespace {
QString newToken()
{
    return QStringLiteral("canary-") + QUuid::createUuid().toString(QUuid::Id128);
}

pipedeck::gitlab::ConnectionOptions fastOptions()
{
    pipedeck::gitlab::ConnectionOptions options;
    options.transferTimeoutMs = 3000;
    options.deadlineMs = 5000;
    options.retry.maxAttempts = 1;
    return options;
}
} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT
private:
    QString m_apiToken = newToken();
    QString m_readToken = newToken();
    std::unique_ptr<sim::Server> m_server;

    SignInCheck::Result check(const QString &instance, const QString &token,
                              const pipedeck::tls::TlsTrust &trust = {})
    {
        SignInCheck check;
        QSignalSpy finished(&check, &SignInCheck::finished);
        check.start(instance, token, Account::Origin::Saved, fastOptions(), trust);
        if (!finished.wait(15000))
            qFatal("sign-in check did not finish");
        const auto result = finished.constFirst().constFirst().value<SignInCheck::Result>();
        if (result.ok && !check.takeConnection())
            qFatal("a successful check must hand over its connection");
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<SignInCheck::Result>();
        sim::ServerOptions options;
        options.bigLog = false;
        options.tokens = {
            {m_apiToken, QStringLiteral("demo"), {QStringLiteral("api")}, {}},
            {m_readToken,
             QStringLiteral("reader"),
             {QStringLiteral("read_api")},
             QDate::currentDate().addDays(3)},
        };
        m_server = std::make_unique<sim::Server>(options);
        QVERIFY(m_server->listen());
    }

    void goodTokenShowsUserScopesAndExpiry()
    {
        const auto result = check(m_server->baseUrl().toString(), m_apiToken);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.account.username, QStringLiteral("demo"));
        QVERIFY(!result.account.displayName.isEmpty());
        QCOMPARE(result.account.scopes, QStringList{QStringLiteral("api")});
        QVERIFY(result.account.canWrite());
        QVERIFY(result.warnings.isEmpty());
        QCOMPARE(result.account.id,
                 pipedeck::accountId(m_server->baseUrl(), QStringLiteral("demo")));
    }

    void readApiTokenSignsInWithAWarning()
    {
        const auto result = check(m_server->baseUrl().toString(), m_readToken);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.account.username, QStringLiteral("reader"));
        QVERIFY(!result.account.canWrite());
        QCOMPARE(result.account.tokenExpiresAt, QDate::currentDate().addDays(3));
        const QString all = result.warnings.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("read_api")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("expires")), qPrintable(all));
    }

    void wrongTokenIsRejectedClearly()
    {
        const QString wrong = newToken();
        const auto result = check(m_server->baseUrl().toString(), wrong);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("did not accept this token")),
                 qPrintable(result.error));
        QVERIFY(!result.error.contains(wrong));
    }

    void unreachableHost()
    {
        QTcpServer closed; // find a free port, then close it
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        const auto result = check(QStringLiteral("http://127.0.0.1:%1").arg(port), m_apiToken);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("Could not reach")),
                 qPrintable(result.error));
    }

    void tlsFailureIsNeverIgnored()
    {
        // A TLS server with a self-signed certificate: verification fails, the app says so
        // and never sends the request (so the server never reads an HTTP line).
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const int rc = QProcess::execute(
            QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
             QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
        QCOMPARE(rc, 0);
        QFile keyFile(key), certFile(cert);
        QVERIFY(keyFile.open(QIODevice::ReadOnly) && certFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QByteArray received;
        connect(&server, &QSslServer::pendingConnectionAvailable, this, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this,
                        [&received, socket] { received += socket->readAll(); });
        });

        const auto result =
            check(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort()), m_apiToken);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("certificate")), qPrintable(result.error));
        QVERIFY(!received.contains(m_apiToken.toUtf8()));
        QVERIFY(!received.contains("GET /api"));
    }

    void badTokenFormIsRefusedBeforeSending_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QByteArray>("bytes"); // what the store is asked to judge
        QTest::newRow("empty") << QString() << QByteArray();
        QTest::newRow("blank") << QStringLiteral("   ") << QByteArray();
        QTest::newRow("line break inside")
            << QStringLiteral("glpat-abc\ndef") << QByteArray("glpat-abc\ndef");
        QTest::newRow("tab inside")
            << QStringLiteral("glpat-abc\tdef") << QByteArray("glpat-abc\tdef");
        QTest::newRow("escape") << QStringLiteral("glpat-\x1b[0m") << QByteArray("glpat-\x1b[0m");
        const QByteArray longToken(2001, 'a');
        QTest::newRow("2001 bytes") << QString::fromLatin1(longToken) << longToken;
        // 667 characters, 2,001 bytes: the limit is in bytes, as the keychain counts.
        const QString wide(667, QChar(0x3042));
        QTest::newRow("2001 bytes of UTF-8") << wide << wide.toUtf8();
    }

    void badTokenFormIsRefusedBeforeSending()
    {
        QFETCH(QString, token);
        QFETCH(QByteArray, bytes);
        const QString expected = pipedeck::TokenStore::validationError(bytes);
        QVERIFY(!expected.isEmpty());
        m_server->clearRequests();
        const auto result = check(m_server->baseUrl().toString(), token);
        QVERIFY(!result.ok);
        QCOMPARE(result.error, expected);
        QVERIFY(m_server->requests().isEmpty());
    }

    void longestAcceptedTokenIsSent()
    {
        // 2,000 bytes is allowed: it reaches GitLab (which refuses it as unknown).
        m_server->clearRequests();
        const auto result = check(m_server->baseUrl().toString(), QString(2000, QLatin1Char('a')));
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("did not accept this token")),
                 qPrintable(result.error));
        QVERIFY(!m_server->requests().isEmpty());
    }

    void internalCaIsRefusedWithItsCertificateThenTrusted()
    {
        QVERIFY2(tlstest::missingTlsBackend().isEmpty(), qPrintable(tlstest::missingTlsBackend()));
        const auto chain = tlstest::makeChain(QStringLiteral("localhost"));
        QVERIFY2(chain->error.isEmpty(), qPrintable(chain->error));
        const auto tlsServer = tlstest::startTlsSim(*chain, tlstest::apiToken(m_apiToken));
        sim::Server &server = *tlsServer;
        const QString byName = QStringLiteral("https://localhost:%1").arg(server.port());

        const auto refused = check(byName, m_apiToken);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(QStringLiteral("could not be verified")),
                 qPrintable(refused.error));
        QVERIFY2(refused.error.contains(QStringLiteral("trust its certificate")),
                 qPrintable(refused.error));
        QVERIFY(refused.certificateProblem.has_value());
        QCOMPARE(refused.certificateProblem->subject, QStringLiteral("CN=localhost"));
        QCOMPARE(refused.certificateProblem->issuer, QStringLiteral("CN=Pipedeck Test CA"));
        QCOMPARE(refused.certificateProblem->sha256,
                 pipedeck::tls::CertificateProblem::fingerprint(chain->server));
        QVERIFY(refused.certificateProblem->trustCanHelp());
        QVERIFY(server.requests().isEmpty()); // the token was never sent

        const auto file = pipedeck::tls::readCertificateFile(chain->caPath());
        QCOMPARE(file.certificates.size(), 1);
        pipedeck::tls::TlsTrust trust;
        trust.add(file.certificates.constFirst());
        const auto trusted = check(byName, m_apiToken, trust);
        QVERIFY2(trusted.ok, qPrintable(trusted.error));
        QCOMPARE(trusted.account.username, QStringLiteral("demo"));
        QCOMPARE(trusted.account.tlsTrust, trust);
        QVERIFY(!trusted.certificateProblem);

        // The same trust does not make another host name acceptable.
        server.clearRequests();
        const auto otherHost =
            check(QStringLiteral("https://127.0.0.1:%1").arg(server.port()), m_apiToken, trust);
        QVERIFY(!otherHost.ok);
        QVERIFY(otherHost.certificateProblem.has_value());
        QVERIFY(!otherHost.certificateProblem->trustCanHelp());
        QVERIFY2(otherHost.error.contains(QStringLiteral("not valid for this host name")),
                 qPrintable(otherHost.error));
        QVERIFY(!otherHost.error.contains(QStringLiteral("trust its certificate")));
        QVERIFY(server.requests().isEmpty());
    }

    void aServerThatIsNotGitLab()
    {
        m_server->addFault({{},
                            QRegularExpression(QStringLiteral("^/api/v4/user$")),
                            sim::FaultKind::HtmlPage,
                            -1,
                            0,
                            0,
                            {},
                            {},
                            {},
                            {},
                            {}});
        const auto result = check(m_server->baseUrl().toString(), m_apiToken);
        m_server->clearFaults();
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("does not look like a GitLab instance")),
                 qPrintable(result.error));
    }

    void redirectToAnotherOriginSendsNoToken()
    {
        sim::ServerOptions otherOptions;
        otherOptions.demoData = false;
        otherOptions.bigLog = false;
        otherOptions.tokens = {{newToken(), QStringLiteral("demo"), {QStringLiteral("api")}, {}}};
        sim::Server other(otherOptions);
        QVERIFY(other.listen());
        m_server->addFault({{},
                            QRegularExpression(QStringLiteral("^/api/v4/.*")),
                            sim::FaultKind::RedirectTo,
                            -1,
                            301,
                            0,
                            {},
                            other.baseUrl().resolved(QUrl(QStringLiteral("/api/v4/user"))),
                            {},
                            {},
                            {}});
        const auto result = check(m_server->baseUrl().toString(), m_apiToken);
        m_server->clearFaults();
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("redirects to")), qPrintable(result.error));
        QVERIFY(result.error.contains(QString::number(other.port())));
        QVERIFY(other.requests().isEmpty());
    }

    void badAddressSendsNothing()
    {
        m_server->clearRequests();
        const auto result =
            check(QStringLiteral("ftp://127.0.0.1:%1").arg(m_server->port()), m_apiToken);
        QVERIFY(!result.ok);
        QVERIFY(result.error.contains(QStringLiteral("https://")));
        QVERIFY(m_server->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_sign_in.moc"
