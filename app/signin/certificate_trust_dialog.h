#pragma once

#include <QDialog>
#include <QList>
#include <QSslCertificate>

class QLabel;
class QPushButton;

namespace pipedeck {

// Asks before an account trusts certificates beyond the system's: shows each certificate
// (subject, issuer, validity, SHA-256 fingerprint), what was wrong with the server's, and
// that the trust is for this account only. Nothing is trusted unless the user accepts.
class CertificateTrustDialog : public QDialog
{
    Q_OBJECT
public:
    CertificateTrustDialog(const QString &host, const QList<QSslCertificate> &certificates,
                           const QString &problem, QWidget *parent = nullptr);

    QList<QSslCertificate> certificates() const { return m_certificates; }
    QPushButton *trustButton() const { return m_trust; }

private:
    QList<QSslCertificate> m_certificates;
    QPushButton *m_trust = nullptr;
};

} // namespace pipedeck
