#pragma once

#include <QDialog>

namespace pipedeck::tls {
struct CertificateProblem;
}

class QLabel;
class QLineEdit;
class QPushButton;
class QDialogButtonBox;

namespace pipedeck {

// The "Add account" form: instance address and personal access token. It only
// collects input and shows what the controller reports; it never sends a request.
// Whatever the user typed stays in the fields after any failure.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);

    QString instanceText() const;
    QString token() const;
    void setInstanceText(const QString &text);

    // While a check runs the form is read-only and "Sign in" is disabled.
    void setBusy(bool busy, const QString &what = {});
    // A failure: the message is plain text; the fields keep their contents.
    void showError(const QString &message);
    // A warning that does not stop signing in (read_api-only token, expiry soon).
    void showWarning(const QString &message);
    void clearMessages();
    // The check passed: show who signed in (plain text) and turn "Sign in" into "Continue".
    void showSignedIn(const QString &summary);
    // The server's certificate was refused: its details, and the ways to trust it that can
    // help ("Trust this certificate…" only for a self-signed top of the chain).
    void showCertificateProblem(const tls::CertificateProblem &problem);

Q_SIGNALS:
    void signInRequested(const QString &instanceText, const QString &token);
    void trustCertificateRequested();
    void trustCaFileRequested();

private:
    void updateTokenLink();
    void updateAcceptable();

    QLineEdit *m_instance = nullptr;
    QLineEdit *m_token = nullptr;
    QLabel *m_tokenLink = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_warning = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signIn = nullptr;
    QLabel *m_success = nullptr;
    QLabel *m_certificate = nullptr;
    QPushButton *m_trustCertificate = nullptr;
    QPushButton *m_trustCaFile = nullptr;
    bool m_busy = false;
    bool m_signedIn = false;
};

} // namespace pipedeck
