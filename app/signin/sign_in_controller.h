#pragma once

#include "accounts/sign_in_check.h"
#include "signin/certificate_trust_dialog.h"
#include "signin/sign_in_dialog.h"

#include <QObject>
#include <QPointer>
#include <QSslCertificate>

#include <optional>

class QWidget;

namespace pipedeck {

class SessionManager;

// Runs the "Add account" flow: the dialog collects, SignInCheck checks, the session
// manager stores. The dialog keeps what the user typed whenever the check fails.
class SignInController : public QObject
{
    Q_OBJECT
public:
    SignInController(SessionManager &sessions, QObject *parent = nullptr);

    // Opens the dialog (or raises the one that is open).
    SignInDialog *open(QWidget *parent, const QString &instanceText = {});
    SignInDialog *dialog() const { return m_dialog; }

    // Text shown after a successful check: who, which scopes, until when, which
    // certificates it trusts beyond the system's.
    static QString summaryOf(const Account &account);

    // After a refused certificate: asks (CertificateTrustDialog) before trusting the
    // certificates of this file for the account, then checks again. A file that holds no
    // certificate is an error in the dialog; nothing is trusted.
    void trustCaFile(const QString &path);
    // The question of the moment, if any (for tests and for raising it).
    CertificateTrustDialog *trustDialog() const { return m_trustDialog; }
    // What the next check trusts beyond the system's (for this instance only).
    const tls::TlsTrust &pendingTrust() const { return m_trust; }

Q_SIGNALS:
    void accountAdded(const QString &accountId);

private:
    void startCheck(const QString &instance, const QString &token);
    void onCheckFinished(const SignInCheck::Result &result);
    void askToTrust(const QList<QSslCertificate> &certificates);

    SessionManager &m_sessions;
    SignInCheck m_check;
    QPointer<SignInDialog> m_dialog;
    QByteArray m_pendingToken;
    QPointer<CertificateTrustDialog> m_trustDialog;
    std::optional<tls::CertificateProblem> m_problem; // of the last check
    tls::TlsTrust m_trust; // accepted in this dialog, for m_trustFor only
    QString m_trustFor;    // the instance (normalised) m_trust was accepted for
};

} // namespace pipedeck
