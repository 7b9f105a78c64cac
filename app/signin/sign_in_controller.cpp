#include "signin/sign_in_controller.h"

#include "accounts/instance_url.h"
#include "accounts/session_manager.h"
#include "gitlab/net/connection.h"
#include "secrets/token_store.h"
#include "signin/certificate_trust_dialog.h"
#include "signin/sign_in_dialog.h"
#include "tls/certificate_problem.h"

#include <QFileDialog>
#include <QLocale>

namespace pipedeck {

namespace {
QString normalisedInstance(const QString &text)
{
    const InstanceUrl parsed = parseInstanceUrl(text);
    return parsed.error.isEmpty() ? parsed.url.toString() : QString();
}
} // namespace

SignInController::SignInController(SessionManager &sessions, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
{
    connect(&m_check, &SignInCheck::finished, this, &SignInController::onCheckFinished);
}

SignInDialog *SignInController::open(QWidget *parent, const QString &instanceText)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    m_trust = {};
    m_trustFor.clear();
    m_problem.reset();
    m_dialog = new SignInDialog(parent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!instanceText.isEmpty())
        m_dialog->setInstanceText(instanceText);
    connect(m_dialog, &SignInDialog::signInRequested, this, &SignInController::startCheck);
    connect(m_dialog, &SignInDialog::trustCertificateRequested, this, [this] {
        if (m_problem && m_problem->canTrustAnchor())
            askToTrust({m_problem->anchor});
    });
    connect(m_dialog, &SignInDialog::trustCaFileRequested, this, [this] {
        auto *picker =
            new QFileDialog(m_dialog, tr("Choose the CA certificate of your instance"), QString(),
                            tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
        picker->setObjectName(QStringLiteral("caFilePicker"));
        picker->setAttribute(Qt::WA_DeleteOnClose);
        picker->setFileMode(QFileDialog::ExistingFile);
        connect(picker, &QFileDialog::fileSelected, this, &SignInController::trustCaFile);
        picker->open();
    });
    m_dialog->show();
    return m_dialog;
}

void SignInController::startCheck(const QString &instance, const QString &token)
{
    // Trust accepted for one instance never follows the user to another address.
    if (normalisedInstance(instance) != m_trustFor) {
        m_trust = {};
        m_trustFor.clear();
    }
    m_problem.reset();
    m_pendingToken = token.toUtf8();
    m_dialog->setBusy(true, tr("Checking the token with GitLab…"));
    m_check.start(instance, token, Account::Origin::Saved, m_sessions.connectionOptions(), m_trust);
}

void SignInController::trustCaFile(const QString &path)
{
    if (!m_dialog)
        return;
    const tls::CertificateFile file = tls::readCertificateFile(path);
    if (!file.error.isEmpty()) {
        m_dialog->showError(file.error);
        return;
    }
    askToTrust(file.certificates);
}

void SignInController::askToTrust(const QList<QSslCertificate> &certificates)
{
    if (!m_dialog || certificates.isEmpty())
        return;
    if (m_trustDialog)
        m_trustDialog->close();
    const QString instance = normalisedInstance(m_dialog->instanceText());
    const QString problem = m_problem ? m_problem->reasons.join(QLatin1Char('\n')) : QString();
    m_trustDialog = new CertificateTrustDialog(instance, certificates, problem, m_dialog);
    m_trustDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_trustDialog, &QDialog::accepted, this, [this, instance, certificates] {
        if (!m_dialog || m_check.isRunning())
            return;
        if (instance != m_trustFor)
            m_trust = {};
        for (const QSslCertificate &certificate : certificates)
            m_trust.add(certificate);
        m_trustFor = instance;
        m_dialog->clearMessages();
        startCheck(m_dialog->instanceText(), m_dialog->token());
    });
    m_trustDialog->open();
}

QString SignInController::summaryOf(const Account &account)
{
    QString text = tr("Signed in as %1 (@%2).").arg(account.displayName, account.username);
    if (!account.scopes.isEmpty())
        text += QLatin1Char('\n') + tr("Scopes: %1").arg(account.scopes.join(QStringLiteral(", ")));
    text += QLatin1Char('\n') +
            (account.tokenExpiresAt.isValid()
                 ? tr("Expires: %1")
                       .arg(QLocale().toString(account.tokenExpiresAt, QLocale::LongFormat))
                 : tr("Expires: never"));
    for (const QSslCertificate &certificate : account.tlsTrust.certificates()) {
        text +=
            QLatin1Char('\n') + tr("Also trusts the certificate %1 (SHA-256 %2).")
                                    .arg(tls::CertificateProblem::distinguishedName(certificate),
                                         tls::CertificateProblem::fingerprint(certificate));
    }
    return text;
}

void SignInController::onCheckFinished(const SignInCheck::Result &result)
{
    if (!m_dialog) {
        m_pendingToken.clear();
        return; // the user closed the dialog while the check ran
    }
    m_dialog->setBusy(false);
    if (!result.ok) {
        m_pendingToken.clear();
        m_dialog->showError(result.error);
        m_problem = result.certificateProblem;
        if (m_problem)
            m_dialog->showCertificateProblem(*m_problem);
        return;
    }
    const QPointer<SignInDialog> dialog = m_dialog;
    m_sessions.addSignedIn(result.account, m_check.takeConnection(), m_pendingToken, m_dialog,
                           [dialog](const TokenResult &saved) {
                               // Said where the user is looking, not only in the status bar.
                               if (dialog && saved.outcome == TokenOutcome::SessionOnly)
                                   dialog->showWarning(saved.reason.isEmpty()
                                                           ? saved.message
                                                           : saved.message + QLatin1Char(' ') +
                                                                 saved.reason);
                           });
    m_pendingToken.clear();
    m_dialog->showSignedIn(summaryOf(result.account));
    for (const QString &warning : result.warnings)
        m_dialog->showWarning(warning);
    Q_EMIT accountAdded(result.account.id);
}

} // namespace pipedeck
