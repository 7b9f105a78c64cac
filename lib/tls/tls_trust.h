#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

namespace pipedeck::tls {

//! The certificates one account trusts beyond the system's: its instance's internal CA (or a
//! self-signed server certificate), for that account only. Kept as PEM in settings:
//! certificates are public. Adding a certificate never relaxes verification: the host name,
//! the validity dates and the chain are still checked.
class TlsTrust
{
public:
    TlsTrust() = default;
    //! Blocks that are not readable certificates are dropped.
    static TlsTrust fromPem(const QByteArray &pem);
    QByteArray toPem() const;

    const QList<QSslCertificate> &certificates() const { return m_certificates; }
    bool isEmpty() const { return m_certificates.isEmpty(); }
    bool contains(const QSslCertificate &certificate) const;
    void add(const QSslCertificate &certificate); //!< once; null certificates are ignored
    void remove(const QSslCertificate &certificate);

    //! The system's CA certificates and these; peer verification stays on.
    QSslConfiguration configuration() const;

    friend bool operator==(const TlsTrust &, const TlsTrust &) = default;

private:
    QList<QSslCertificate> m_certificates;
};

struct CertificateFile
{
    QList<QSslCertificate> certificates;
    QString error; //!< translated; set when no certificate could be read
};

//! A certificate file the user picked: one or more PEM certificates, or one DER certificate.
//! Bounded: a file of more than 1 MiB is refused without being read.
CertificateFile readCertificateFile(const QString &path);

} // namespace pipedeck::tls
