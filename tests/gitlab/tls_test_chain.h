#pragma once

// A certificate authority and a server certificate it signed, made at test time with the
// openssl command line in a temporary folder: nothing is checked in, nothing expires in the
// repository. For the TLS tests of the connection and of sign-in.
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>

#include <memory>

namespace tlstest {

struct Chain
{
    QTemporaryDir dir;
    QSslCertificate ca;
    QSslCertificate server;
    QSslKey serverKey;
    QString error; //!< set when openssl failed: the test must fail, not skip

    QString caPath() const { return dir.filePath(QStringLiteral("ca.pem")); }

    //! For pipedeck::sim::ServerOptions::tls. `sendCa`: the server sends its CA with its own
    //! certificate (as many servers do with intermediates).
    QSslConfiguration serverConfiguration(bool sendCa = false) const
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(sendCa ? QList<QSslCertificate>{server, ca}
                                            : QList<QSslCertificate>{server});
        tls.setPrivateKey(serverKey);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
        return tls;
    }

    bool run(const QStringList &arguments)
    {
        QProcess openssl;
        openssl.setWorkingDirectory(dir.path());
        openssl.setProcessChannelMode(QProcess::MergedChannels);
        openssl.start(QStringLiteral("openssl"), arguments);
        if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
            openssl.exitCode() != 0) {
            error = QStringLiteral("openssl ") + arguments.join(QLatin1Char(' ')) +
                    QStringLiteral(" failed: ") + openssl.errorString() + QLatin1Char(' ') +
                    QString::fromLocal8Bit(openssl.readAll());
            return false;
        }
        return true;
    }

    QByteArray readFile(const QString &name)
    {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

//! A CA named `caName` and a certificate for the DNS name `serverName` that it signed.
inline std::unique_ptr<Chain> makeChain(const QString &serverName = QStringLiteral("localhost"),
                                        const QString &caName = QStringLiteral("Pipedeck Test CA"))
{
    auto chain = std::make_unique<Chain>();
    if (!chain->dir.isValid()) {
        chain->error = QStringLiteral("no temporary folder");
        return chain;
    }
    const QStringList ecKey = {
        QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    {
        QFile ext(chain->dir.filePath(QStringLiteral("server.ext")));
        if (!ext.open(QIODevice::WriteOnly)) {
            chain->error = QStringLiteral("cannot write server.ext");
            return chain;
        }
        ext.write("subjectAltName=DNS:" + serverName.toUtf8() +
                  "\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n");
    }
    const bool made =
        chain->run(
            QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey +
            QStringList{
                QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-subj"), QStringLiteral("/CN=") + caName, QStringLiteral("-addext"),
                QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")}) &&
        chain->run(QStringList{QStringLiteral("req")} + ecKey +
                   QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"),
                               QStringLiteral("-out"), QStringLiteral("server.csr"),
                               QStringLiteral("-subj"), QStringLiteral("/CN=") + serverName}) &&
        chain->run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                    QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                    QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                    QStringLiteral("-extfile"), QStringLiteral("server.ext"),
                    QStringLiteral("-out"), QStringLiteral("server.pem")});
    if (!made)
        return chain;
    chain->ca = QSslCertificate(chain->readFile(QStringLiteral("ca.pem")));
    chain->server = QSslCertificate(chain->readFile(QStringLiteral("server.pem")));
    chain->serverKey = QSslKey(chain->readFile(QStringLiteral("server.key")), QSsl::Ec);
    if (chain->ca.isNull() || chain->server.isNull() || chain->serverKey.isNull())
        chain->error = QStringLiteral("Qt could not read what openssl made");
    return chain;
}

//! A self-signed certificate for the DNS name `serverName` (as `server`; `ca` is the same).
inline std::unique_ptr<Chain>
makeSelfSigned(const QString &serverName = QStringLiteral("localhost"))
{
    auto chain = std::make_unique<Chain>();
    const bool made =
        chain->dir.isValid() &&
        chain->run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                    QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                    QStringLiteral("-subj"), QStringLiteral("/CN=") + serverName,
                    QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:") + serverName});
    if (!made) {
        if (chain->error.isEmpty())
            chain->error = QStringLiteral("no temporary folder");
        return chain;
    }
    chain->ca = QSslCertificate(chain->readFile(QStringLiteral("ca.pem")));
    chain->server = chain->ca;
    chain->serverKey = QSslKey(chain->readFile(QStringLiteral("server.key")), QSsl::Ec);
    if (chain->ca.isNull() || chain->serverKey.isNull())
        chain->error = QStringLiteral("Qt could not read what openssl made");
    return chain;
}

//! Debian 12's Qt loads its OpenSSL backend at run time: without it every TLS test would
//! be meaningless, so the tests fail (never skip) when it is missing.
inline QString missingTlsBackend()
{
    if (QSslSocket::supportsSsl())
        return {};
    return QStringLiteral("Qt has no TLS backend (QSslSocket::supportsSsl() is false; "
                          "available backends: ") +
           QSslSocket::availableBackends().join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace tlstest
