#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

namespace pipedeck::tls {

//! What a person needs to decide about a server certificate that failed verification: whom it
//! names, who issued it, when it is valid, its SHA-256 fingerprint, and why it was refused.
//! Built from what Qt reported; the verification itself is never relaxed.
struct CertificateProblem
{
    Q_DECLARE_TR_FUNCTIONS(CertificateProblem)
public:
    QString subject; //!< "CN=gitlab.example.com, O=Example"
    QString issuer;
    QStringList names; //!< the host names and addresses the certificate is valid for
    QDateTime validFrom;
    QDateTime validUntil;
    QString sha256;      //!< "AB:CD:…" over the DER form
    QStringList reasons; //!< translated, one per distinct error
    QList<QSslError::SslError> errors;
    QSslCertificate certificate; //!< the server's own certificate
    //! The top of the chain the server sent: what "Trust this certificate" adds. A
    //! self-signed server certificate is its own top.
    QSslCertificate anchor;

    bool isNull() const { return errors.isEmpty() && certificate.isNull(); }
    //! Every error is about an unknown issuer, so trusting a CA certificate can fix it (a
    //! wrong host name, an expired or revoked certificate cannot be fixed that way).
    bool trustCanHelp() const;
    //! Trusting `anchor` itself can help: it is self-signed, so it can end a chain. (Qt does
    //! not accept a trusted certificate in the middle of a chain, so a server certificate
    //! issued by an unknown CA needs that CA's file instead.)
    bool canTrustAnchor() const;
    //! Subject, issuer, names, validity, fingerprint and reasons, one per line.
    QString detailsText() const;

    static CertificateProblem fromErrors(const QList<QSslError> &errors,
                                         const QList<QSslCertificate> &peerChain);
    //! The translated reason for one verification error.
    static QString reasonText(QSslError::SslError error);
    //! "CN=…, O=…" of a certificate's subject (or issuer).
    static QString distinguishedName(const QSslCertificate &certificate, bool issuer = false);
    static QString fingerprint(const QSslCertificate &certificate);
    //! Subject, issuer, validity and fingerprint of any certificate (one the user is about
    //! to trust), one per line.
    static QString describe(const QSslCertificate &certificate);

    friend bool operator==(const CertificateProblem &, const CertificateProblem &) = default;
};

} // namespace pipedeck::tls
