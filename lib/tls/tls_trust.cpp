#include "tls/tls_trust.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace pipedeck::tls {

namespace {
constexpr qint64 kMaxCertificateFileBytes = 1024 * 1024;
} // namespace

TlsTrust TlsTrust::fromPem(const QByteArray &pem)
{
    TlsTrust trust;
    for (const QSslCertificate &certificate : QSslCertificate::fromData(pem, QSsl::Pem))
        trust.add(certificate);
    return trust;
}

QByteArray TlsTrust::toPem() const
{
    QByteArray pem;
    for (const QSslCertificate &certificate : m_certificates)
        pem += certificate.toPem();
    return pem;
}

bool TlsTrust::contains(const QSslCertificate &certificate) const
{
    return m_certificates.contains(certificate);
}

void TlsTrust::add(const QSslCertificate &certificate)
{
    if (!certificate.isNull() && !contains(certificate))
        m_certificates.append(certificate);
}

void TlsTrust::remove(const QSslCertificate &certificate)
{
    m_certificates.removeAll(certificate);
}

QSslConfiguration TlsTrust::configuration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // Explicitly the system's list plus ours: setting a list turns Qt's on-demand loading of
    // the system's certificates off.
    configuration.setCaCertificates(QSslConfiguration::systemCaCertificates() + m_certificates);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

CertificateFile readCertificateFile(const QString &path)
{
    CertificateFile result;
    QFile file(path);
    if (QFileInfo(path).size() > kMaxCertificateFileBytes) {
        result.error = QCoreApplication::translate(
            "TlsTrust", "The file is too large to be a certificate (more than 1 MiB).");
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QCoreApplication::translate("TlsTrust", "The file could not be read: %1")
                           .arg(file.errorString());
        return result;
    }
    const QByteArray data = file.read(kMaxCertificateFileBytes);
    result.certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (result.certificates.isEmpty())
        result.certificates = QSslCertificate::fromData(data, QSsl::Der);
    result.certificates.removeIf([](const QSslCertificate &c) { return c.isNull(); });
    if (result.certificates.isEmpty())
        result.error = QCoreApplication::translate(
            "TlsTrust", "The file holds no certificate (PEM or DER) Pipedeck can read.");
    return result;
}

} // namespace pipedeck::tls
