#include "signin/certificate_trust_dialog.h"

#include "tls/certificate_problem.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace pipedeck {

namespace {
QLabel *plainLabel(const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // certificate fields are the server's text
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}
} // namespace

CertificateTrustDialog::CertificateTrustDialog(const QString &host,
                                               const QList<QSslCertificate> &certificates,
                                               const QString &problem, QWidget *parent)
    : QDialog(parent)
    , m_certificates(certificates)
{
    setWindowTitle(tr("Trust a certificate for this account"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    auto *intro = plainLabel(
        tr("Pipedeck will trust the certificate below for %1, for this account only, in "
           "addition to the certificates this computer trusts. Compare the SHA-256 fingerprint "
           "with the one your administrator gives you before you trust it.")
            .arg(host),
        QStringLiteral("trustIntro"));
    layout->addWidget(intro);
    QStringList descriptions;
    for (const QSslCertificate &certificate : certificates)
        descriptions.append(tls::CertificateProblem::describe(certificate));
    auto *details =
        plainLabel(descriptions.join(QStringLiteral("\n\n")), QStringLiteral("certificateDetails"));
    details->setAccessibleName(tr("Certificate to trust"));
    details->setFrameShape(QFrame::StyledPanel);
    layout->addWidget(details);
    if (!problem.isEmpty()) {
        auto *why = plainLabel(problem, QStringLiteral("problem"));
        why->setAccessibleName(tr("Why the server's certificate was refused"));
        layout->addWidget(why);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_trust = buttons->addButton(tr("Trust for this account"), QDialogButtonBox::AcceptRole);
    m_trust->setObjectName(QStringLiteral("trust"));
    // Trusting is the considered choice, never the one Enter picks.
    m_trust->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace pipedeck
