// TLS for self-managed GitLab: pipedeck-sim speaking https with a certificate chain made at
// test time. Verification is never relaxed: an unknown CA is refused (with the certificate
// described), trusting the account's CA lets it in, a wrong host name stays refused, and
// removing the trust refuses again.
#include "gitlab_test_support.h"
#include "tls_sim.h"

#include "gitlab/requests/instance_requests.h"
#include "tls/certificate_problem.h"
#include "tls/tls_trust.h"

using pipedeck::gitlab::Connection;
using pipedeck::gitlab::GetCurrentUser;
using pipedeck::gitlab::Status;
using pipedeck::tls::CertificateProblem;
using pipedeck::tls::TlsTrust;

class TestGitLabTls : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<tlstest::Chain> m_chain;
    std::unique_ptr<pipedeck::sim::Server> m_server;

    static std::unique_ptr<pipedeck::sim::Server> startTlsSim(const tlstest::Chain &chain,
                                                              bool sendCa = false)
    {
        return tlstest::startTlsSim(chain, gltest::simOptions().tokens, sendCa);
    }

    static QUrl urlOf(const pipedeck::sim::Server &server, const QString &host)
    {
        return QUrl(QStringLiteral("https://%1:%2").arg(host).arg(server.port()));
    }

    static std::unique_ptr<Connection> connectTo(const QUrl &url, const TlsTrust &trust = {})
    {
        auto connection = std::make_unique<Connection>(url, gltest::fastOptions());
        connection->setToken(gltest::kDemoToken);
        connection->setTlsTrust(trust);
        return connection;
    }

    static Status currentUser(Connection &connection, QString *username = nullptr)
    {
        GetCurrentUser request;
        if (!gltest::runToEnd(request, connection))
            qFatal("GET /user did not finish");
        if (username)
            *username = request.user().username;
        return request.status();
    }

    static TlsTrust trustOf(const QSslCertificate &certificate)
    {
        TlsTrust trust;
        trust.add(certificate);
        return trust;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(tlstest::missingTlsBackend().isEmpty(), qPrintable(tlstest::missingTlsBackend()));
        m_chain = tlstest::makeChain(QStringLiteral("localhost"));
        QVERIFY2(m_chain->error.isEmpty(), qPrintable(m_chain->error));
        m_server = startTlsSim(*m_chain);
    }

    void unknownCaIsRefusedWithTheCertificateDescribed()
    {
        m_server->clearRequests();
        auto connection = connectTo(urlOf(*m_server, QStringLiteral("localhost")));
        const Status status = currentUser(*connection);
        QCOMPARE(Status::codeName(status.code()), Status::codeName(Status::TlsError));
        const CertificateProblem *problem = status.certificateProblem();
        QVERIFY(problem);
        QCOMPARE(problem->subject, QStringLiteral("CN=localhost"));
        QCOMPARE(problem->issuer, QStringLiteral("CN=Pipedeck Test CA"));
        QCOMPARE(problem->names, QStringList{QStringLiteral("localhost")});
        QCOMPARE(problem->validFrom, m_chain->server.effectiveDate());
        QCOMPARE(problem->validUntil, m_chain->server.expiryDate());
        QCOMPARE(problem->sha256,
                 QString::fromLatin1(
                     m_chain->server.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
        QCOMPARE(problem->sha256.size(), 32 * 3 - 1);
        QVERIFY2(problem->errors.contains(QSslError::UnableToGetLocalIssuerCertificate) ||
                     problem->errors.contains(QSslError::UnableToVerifyFirstCertificate),
                 qPrintable(problem->reasons.join(QLatin1Char('|'))));
        QVERIFY(problem->trustCanHelp());
        QVERIFY(!problem->reasons.isEmpty());
        const QString details = problem->detailsText();
        for (const QString &part :
             {problem->subject, problem->issuer, problem->sha256, problem->reasons.constFirst()})
            QVERIFY2(details.contains(part), qPrintable(details));
        QVERIFY2(status.userText().contains(problem->reasons.constFirst()),
                 qPrintable(status.userText()));
        // Refused during the handshake: no HTTP request, so no token, ever reached the server.
        QVERIFY(m_server->requests().isEmpty());
    }

    void acceptedAfterTrustingItsCa()
    {
        m_server->clearRequests();
        auto connection = connectTo(urlOf(*m_server, QStringLiteral("localhost")),
                                    TlsTrust::fromPem(m_chain->ca.toPem()));
        QString username;
        const Status status = currentUser(*connection, &username);
        QVERIFY2(status.ok(), qPrintable(status.userText()));
        QCOMPARE(username, QStringLiteral("demo"));
        QCOMPARE(gltest::countRequests(*m_server, "GET", "/api/v4/user"), 1);
    }

    void refusedForAnotherHostNameEvenWhenTrusted()
    {
        m_server->clearRequests();
        auto connection =
            connectTo(urlOf(*m_server, QStringLiteral("127.0.0.1")), trustOf(m_chain->ca));
        const Status status = currentUser(*connection);
        QCOMPARE(Status::codeName(status.code()), Status::codeName(Status::TlsError));
        QVERIFY(status.certificateProblem());
        QCOMPARE(status.certificateProblem()->errors,
                 QList<QSslError::SslError>{QSslError::HostNameMismatch});
        // Trusting more certificates cannot fix a wrong host: the app must not offer it.
        QVERIFY(!status.certificateProblem()->trustCanHelp());
        QVERIFY(m_server->requests().isEmpty());
    }

    void anotherCaDoesNotHelp()
    {
        auto other = tlstest::makeChain(QStringLiteral("localhost"), QStringLiteral("Other CA"));
        QVERIFY2(other->error.isEmpty(), qPrintable(other->error));
        m_server->clearRequests();
        auto connection =
            connectTo(urlOf(*m_server, QStringLiteral("localhost")), trustOf(other->ca));
        const Status status = currentUser(*connection);
        QCOMPARE(Status::codeName(status.code()), Status::codeName(Status::TlsError));
        QVERIFY(m_server->requests().isEmpty());
    }

    void removingTheTrustRefusesAgain()
    {
        auto connection =
            connectTo(urlOf(*m_server, QStringLiteral("localhost")), trustOf(m_chain->ca));
        QVERIFY2(currentUser(*connection).ok(), "trusted CA refused");
        connection->setTlsTrust({});
        QVERIFY(connection->tlsTrust().isEmpty());
        m_server->clearRequests();
        // The kept-alive connection of the first request must not carry the old trust on.
        const Status status = currentUser(*connection);
        QCOMPARE(Status::codeName(status.code()), Status::codeName(Status::TlsError));
        QVERIFY(m_server->requests().isEmpty());
        connection->setTlsTrust(trustOf(m_chain->ca));
        QVERIFY(currentUser(*connection).ok());
    }

    void trustingTheTopOfTheSentChain()
    {
        // A server that sends its CA along: "Trust this certificate" adds that CA.
        auto server = startTlsSim(*m_chain, true);
        auto refused = connectTo(urlOf(*server, QStringLiteral("localhost")));
        const Status status = currentUser(*refused);
        QCOMPARE(Status::codeName(status.code()), Status::codeName(Status::TlsError));
        QVERIFY(status.certificateProblem());
        QCOMPARE(status.certificateProblem()->certificate, m_chain->server);
        QCOMPARE(status.certificateProblem()->anchor, m_chain->ca);
        QVERIFY(status.certificateProblem()->canTrustAnchor());
        auto trusted = connectTo(urlOf(*server, QStringLiteral("localhost")),
                                 trustOf(status.certificateProblem()->anchor));
        QVERIFY(currentUser(*trusted).ok());
    }

    void aServerCertificateFromAnUnknownCaNeedsTheCaFile()
    {
        // Only the server's own certificate was sent: trusting it cannot end the chain (Qt
        // wants a trusted self-signed anchor), so only "Trust a CA file" is offered.
        m_server->clearRequests();
        auto refused = connectTo(urlOf(*m_server, QStringLiteral("localhost")));
        const Status status = currentUser(*refused);
        QVERIFY(status.certificateProblem());
        QCOMPARE(status.certificateProblem()->anchor, m_chain->server);
        QVERIFY(status.certificateProblem()->trustCanHelp());
        QVERIFY(!status.certificateProblem()->canTrustAnchor());
        auto trusted = connectTo(urlOf(*m_server, QStringLiteral("localhost")),
                                 trustOf(status.certificateProblem()->anchor));
        QCOMPARE(Status::codeName(currentUser(*trusted).code()),
                 Status::codeName(Status::TlsError));
    }

    void trustingASelfSignedServerCertificate()
    {
        auto selfSigned = tlstest::makeSelfSigned(QStringLiteral("localhost"));
        QVERIFY2(selfSigned->error.isEmpty(), qPrintable(selfSigned->error));
        auto server = startTlsSim(*selfSigned);
        auto refused = connectTo(urlOf(*server, QStringLiteral("localhost")));
        const Status status = currentUser(*refused);
        QVERIFY(status.certificateProblem());
        QCOMPARE(status.certificateProblem()->errors,
                 QList<QSslError::SslError>{QSslError::SelfSignedCertificate});
        QVERIFY(status.certificateProblem()->canTrustAnchor());
        auto trusted = connectTo(urlOf(*server, QStringLiteral("localhost")),
                                 trustOf(status.certificateProblem()->anchor));
        QVERIFY(currentUser(*trusted).ok());
        // Trusted for its own name only.
        auto otherName = connectTo(urlOf(*server, QStringLiteral("127.0.0.1")),
                                   trustOf(status.certificateProblem()->anchor));
        QCOMPARE(Status::codeName(currentUser(*otherName).code()),
                 Status::codeName(Status::TlsError));
    }

    void trustIsKeptAsPem()
    {
        auto other = tlstest::makeChain(QStringLiteral("localhost"), QStringLiteral("Other CA"));
        QVERIFY2(other->error.isEmpty(), qPrintable(other->error));
        TlsTrust trust;
        trust.add(m_chain->ca);
        trust.add(other->ca);
        trust.add(m_chain->ca); // once only
        trust.add(QSslCertificate());
        QCOMPARE(trust.certificates().size(), 2);
        const QByteArray pem = trust.toPem();
        QVERIFY(pem.startsWith("-----BEGIN CERTIFICATE-----"));
        QCOMPARE(TlsTrust::fromPem(pem), trust);
        QVERIFY(TlsTrust::fromPem("not a certificate").isEmpty());
        trust.remove(other->ca);
        QCOMPARE(trust.certificates(), QList<QSslCertificate>{m_chain->ca});
        // The system's CAs stay trusted next to the account's own.
        const QSslConfiguration configuration = trust.configuration();
        QVERIFY(configuration.caCertificates().contains(m_chain->ca));
        QCOMPARE(configuration.caCertificates().size(),
                 QSslConfiguration::systemCaCertificates().size() + 1);
        QCOMPARE(configuration.peerVerifyMode(), QSslSocket::VerifyPeer);
    }

    void certificateFiles()
    {
        using pipedeck::tls::readCertificateFile;
        const auto pem = readCertificateFile(m_chain->caPath());
        QVERIFY2(pem.error.isEmpty(), qPrintable(pem.error));
        QCOMPARE(pem.certificates, QList<QSslCertificate>{m_chain->ca});

        QTemporaryDir dir;
        const auto write = [&dir](const QString &name, const QByteArray &data) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
                qFatal("cannot write a test file");
            return file.fileName();
        };
        const auto der = readCertificateFile(write(QStringLiteral("ca.der"), m_chain->ca.toDer()));
        QCOMPARE(der.certificates, QList<QSslCertificate>{m_chain->ca});

        const auto garbage = readCertificateFile(write(QStringLiteral("notes.txt"), "hello"));
        QVERIFY(garbage.certificates.isEmpty());
        QVERIFY(!garbage.error.isEmpty());

        const auto huge = readCertificateFile(
            write(QStringLiteral("huge.pem"), QByteArray(2 * 1024 * 1024, 'A')));
        QVERIFY(huge.certificates.isEmpty());
        QVERIFY2(huge.error.contains(QStringLiteral("1 MiB")), qPrintable(huge.error));

        const auto missing = readCertificateFile(dir.filePath(QStringLiteral("nope.pem")));
        QVERIFY(!missing.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGitLabTls)
#include "tst_gitlab_tls.moc"
