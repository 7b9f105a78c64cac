#include "tls/certificate_problem.h"

#include <QCryptographicHash>
#include <QLocale>

namespace pipedeck::tls {

namespace {

bool isUnknownIssuer(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
        return true;
    default:
        return false;
    }
}

QString dateText(const QDateTime &when)
{
    return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)
                          : QStringLiteral("?");
}

} // namespace

bool CertificateProblem::trustCanHelp() const
{
    if (errors.isEmpty())
        return false;
    for (QSslError::SslError error : errors) {
        if (!isUnknownIssuer(error))
            return false;
    }
    return true;
}

bool CertificateProblem::canTrustAnchor() const
{
    return trustCanHelp() && !anchor.isNull() && anchor.isSelfSigned();
}

CertificateProblem CertificateProblem::fromErrors(const QList<QSslError> &errors,
                                                  const QList<QSslCertificate> &peerChain)
{
    CertificateProblem problem;
    for (const QSslError &error : errors) {
        if (!problem.errors.contains(error.error()))
            problem.errors.append(error.error());
        const QString reason = reasonText(error.error());
        if (!problem.reasons.contains(reason))
            problem.reasons.append(reason);
        if (problem.certificate.isNull() && !error.certificate().isNull() && peerChain.isEmpty())
            problem.certificate = error.certificate();
    }
    if (!peerChain.isEmpty()) {
        problem.certificate = peerChain.constFirst();
        problem.anchor = peerChain.constLast();
    } else {
        problem.anchor = problem.certificate;
    }
    const QSslCertificate &certificate = problem.certificate;
    if (certificate.isNull())
        return problem;
    problem.subject = distinguishedName(certificate);
    problem.issuer = distinguishedName(certificate, true);
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
        problem.names.append(it.value());
    problem.validFrom = certificate.effectiveDate();
    problem.validUntil = certificate.expiryDate();
    problem.sha256 = fingerprint(certificate);
    return problem;
}

QString CertificateProblem::reasonText(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
        return tr("The certificate is self-signed, and this computer does not trust it.");
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
        return tr("The certificate was issued by a certificate authority this computer does "
                  "not trust.");
    case QSslError::HostNameMismatch:
        return tr("The certificate is not valid for this host name.");
    case QSslError::CertificateExpired:
        return tr("The certificate has expired.");
    case QSslError::CertificateNotYetValid:
        return tr("The certificate is not valid yet. Check this computer's clock.");
    case QSslError::CertificateRevoked:
        return tr("The certificate has been revoked.");
    case QSslError::NoPeerCertificate:
        return tr("The server sent no certificate.");
    default:
        break;
    }
    return tr("The certificate could not be verified (%1).").arg(QSslError(error).errorString());
}

QString CertificateProblem::distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    QStringList parts;
    const QList<QByteArray> attributes =
        issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    for (const QByteArray &attribute : attributes) {
        const QStringList values =
            issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString &value : values)
            parts.append(QString::fromLatin1(attribute) + QLatin1Char('=') + value);
    }
    return parts.join(QStringLiteral(", "));
}

QString CertificateProblem::fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString CertificateProblem::describe(const QSslCertificate &certificate)
{
    return tr("Subject: %1").arg(distinguishedName(certificate)) + QLatin1Char('\n') +
           tr("Issuer: %1").arg(distinguishedName(certificate, true)) + QLatin1Char('\n') +
           tr("Valid from %1 until %2")
               .arg(dateText(certificate.effectiveDate()), dateText(certificate.expiryDate())) +
           QLatin1Char('\n') + tr("SHA-256 fingerprint: %1").arg(fingerprint(certificate));
}

QString CertificateProblem::detailsText() const
{
    QStringList lines;
    if (!certificate.isNull()) {
        lines.append(describe(certificate));
        if (!names.isEmpty())
            lines.append(tr("Valid for: %1").arg(names.join(QStringLiteral(", "))));
    }
    for (const QString &reason : reasons)
        lines.append(tr("Problem: %1").arg(reason));
    return lines.join(QLatin1Char('\n'));
}

} // namespace pipedeck::tls
