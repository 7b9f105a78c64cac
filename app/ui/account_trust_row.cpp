#include "ui/account_trust_row.h"

#include "accounts/account.h"
#include "tls/certificate_problem.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace pipedeck {

AccountTrustRow::AccountTrustRow(QWidget *parent)
    : QWidget(parent)
{
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("trustedCertificates"));
    m_text->setTextFormat(Qt::PlainText); // certificate names come from the server
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_remove = new QPushButton(tr("Stop trusting"));
    m_remove->setObjectName(QStringLiteral("removeTrust"));
    m_remove->setAccessibleName(tr("Stop trusting this account's extra certificates"));
    connect(m_remove, &QPushButton::clicked, this, &AccountTrustRow::removeRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_remove, 0, Qt::AlignTop);
    hide();
}

void AccountTrustRow::setAccount(const Account *account)
{
    if (!account || account->tlsTrust.isEmpty()) {
        m_text->clear();
        m_text->setToolTip({});
        hide();
        return;
    }
    QStringList names;
    QStringList details;
    for (const QSslCertificate &certificate : account->tlsTrust.certificates()) {
        names.append(tls::CertificateProblem::distinguishedName(certificate));
        details.append(tls::CertificateProblem::describe(certificate));
    }
    m_text->setText(tr("Also trusts: %1").arg(names.join(QStringLiteral("; "))));
    // The whole description (validity, fingerprint) for whoever wants to compare it.
    const QString all = details.join(QStringLiteral("\n\n"));
    m_text->setToolTip(all);
    m_text->setAccessibleDescription(all);
    show();
}

QString AccountTrustRow::text() const
{
    return m_text->text();
}

} // namespace pipedeck
